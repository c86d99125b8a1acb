/**
 * `npm run bench`: builds the app (and a variant on a 100× dataset), serves both with vite preview on
 * loopback, drives Debian's Chromium and measures load, filter, click, hover, export, sizes and memory.
 * Writes bench/results.json and bench/results.md, compares with bench/budgets.json, exits 1 on a
 * broken budget. Not part of `npm test` (CI does not run it).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { BIG_DATA_DIR, generate } from './generate-data.ts';
import { PEER_DIR, writePeerPage } from './peer-page.ts';
import { REFERENCE_DIR, REFERENCE_IDLE_MS, writeReferencePage } from './reference-page.ts';
import { alternatingLoads, SETTLE_MS, coldLoads, gzipKb, loadStats, referenceLoads, round, serve, type Stats, STEP_NAMES, STEPS } from './loads.ts';
import { clicksAtFirstMap, exports, FILTER_CHANGES, interactions, memory } from './interactions.ts';
import { LINKS } from './links.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 11);
const ZOOM14 = '106.71,26.58,14';
// A deep link the app draws, clicked on Puding the moment its first map is on screen (bench/interactions.ts).
const CLICK_LINK = 'lang=en&year=2010&place=520402&metric=projects';
const BIG_DIST = join('bench', '.output', 'dist-big');

function sizes(jsBefore: { first: string[]; interactive: string[] }) {
  const assets = join('dist', 'assets');
  const files = readdirSync(assets);
  const gz = (names: string[]) => round(names.reduce((s, n) => s + gzipKb(join(assets, n)), 0));
  const base = (u: string) => u.split('/').pop()!;
  const js = files.filter((f) => f.endsWith('.js'));
  // A first view's file is the page's content, written by one document.write, not code: it is
  // counted with the page (below), as it was while the page carried it.
  const code = (names: string[]) => names.map(base).filter((f) => !f.startsWith('first-view-'));
  const interactiveJs = code(jsBefore.interactive);
  return {
    js_gzip_kb: Object.fromEntries(js.map((f) => [f, gzipKb(join(assets, f))])),
    css_gzip_kb: gz(files.filter((f) => f.endsWith('.css'))),
    geometry_gzip_kb: gz(files.filter((f) => f.startsWith('pairing.topo') && f.endsWith('.json'))),
    data_raw_kb: round(['figures', 'places', 'pairings', 'sources', 'categories', 'metrics'].reduce((s, n) => s + statSync(`data/${n}.csv`).size, 0) / 1024),
    data_json_gzip_kb: gz(files.filter((f) => f.startsWith('builtin-data') && f.endsWith('.json'))),
    js_first_map_gzip_kb: gz(code(jsBefore.first)),
    page_gzip_kb: round(gzipKb(join('dist', 'index.html')) + gz(defaultViewFiles())),
    js_interactive_gzip_kb: gz(interactiveJs),
    js_own_gzip_kb: gz(interactiveJs.filter((f) => !f.startsWith('maplibre-map'))),
  };
}

/**
 * The files the default link's first view (en, 1280×800) is written from: its own, and its outlines'
 * (scripts/first-view.ts); not the prefectures' outlines, which only a prefecture's link loads.
 */
function defaultViewFiles(): string[] {
  const link = /<link data-first-view="standard" data-lang="en" href="\.\/assets\/([^"]+)"(?: data-outlines="\.\/assets\/([^"]+)")?(?: data-prefectures="[^"]+")?>/.exec(readFileSync(join('dist', 'index.html'), 'utf8'));
  if (!link) throw new Error('dist/index.html links no first view for en at 1280×800');
  return link.slice(1).filter((f): f is string => f !== undefined);
}

async function main() {
  const t0 = Date.now();
  console.log('building…');
  await build({ logLevel: 'warn' });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-standalone.ts'], { stdio: 'inherit' });
  generate();
  process.env['GPM_DATA_DIR'] = BIG_DATA_DIR;
  await build({ logLevel: 'warn', build: { outDir: BIG_DIST, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  delete process.env['GPM_DATA_DIR'];
  const referenceKb = Math.round(writeReferencePage() / 1000);
  await writePeerPage();

  const app = await serve('dist');
  const big = await serve(BIG_DIST);
  const reference = await serve(REFERENCE_DIR);
  const peer = await serve(PEER_DIR);
  const browser = await launchBrowser();
  try {
    console.log('machine reference…');
    const machine = await referenceLoads(browser, `${reference.url}/`, RUNS);
    const factor = Math.round((machine.median / REFERENCE_IDLE_MS) * 100) / 100;
    console.log('cold loads: ours, ours without the first view, and the ECharts peer in turn…');
    // `metric=funds_cny` names the default metric: the same map, but a link the first view skips.
    // A link at zoom 14 (on Guiyang): the app draws it, as it draws the default view without the first view.
    // Each kind of link people open (bench/links.ts), at its window size, in the same turns.
    const linkTargets = LINKS.map((l) => ({ url: `${app.url}/?${l.query}`, width: l.width, height: l.height, panel: l.panel }));
    const [ours, without, deep, theirs, ...linkLoads] = await alternatingLoads(
      browser,
      [`${app.url}/?lang=en`, `${app.url}/?lang=en&metric=funds_cny`, `${app.url}/?lang=en&at=${ZOOM14}`, `${peer.url}/`, ...linkTargets],
      RUNS,
    );
    const load = loadStats(ours!);
    const withoutLoad = loadStats(without!);
    const zoom14Load = loadStats(deep!);
    const zoom14Ratio = Math.round((zoom14Load.first.median / withoutLoad.first.median) * 100) / 100;
    const peerLoad = loadStats(theirs!);
    const peerRatio = Math.round((load.first.median / peerLoad.first.median) * 100) / 100;
    const links = LINKS.map((l, i) => {
      const { first, panel } = loadStats(linkLoads[i]!);
      return { ...l, first, panel, ratio: Math.round((first.median / peerLoad.first.median) * 100) / 100 };
    });
    console.log('interactions…');
    const ui = await interactions(browser, app.url);
    // As many as the cold loads: the click at a first paint spreads widely (64–163 ms in three).
    const early = Math.max(3, RUNS);
    // A link the app draws (a filtered view, with a place open or not, has a first view in the HTML;
    // another metric has none): Xixiu open, sized by projects, then Puding clicked.
    const atFirstMap = await clicksAtFirstMap(browser, `${app.url}/?${CLICK_LINK}`, early);
    const atFirstView = await clicksAtFirstMap(browser, `${app.url}/?lang=en`, early);
    console.log('exports…');
    const exp = await exports(browser, app.url);
    console.log('memory…');
    const mem = await memory(browser, app.url);
    console.log('100× data…');
    const bigLoad = await coldLoads(browser, `${big.url}/?lang=en`, Math.max(3, Math.floor(RUNS / 2)));
    const bigUi = await interactions(browser, big.url);
    const size = sizes(load.jsBefore);
    const standaloneMb = Math.round((statSync('dist-standalone/guizhou-pairing-map.html').size / 2 ** 20) * 1000) / 1000;
    const figures: Record<string, number> = {
      first_complete_ms: load.first.median,
      first_complete_vs_peer: peerRatio,
      zoom14_vs_default: zoom14Ratio,
      interactive_ms: load.interactive.median,
      filter_ms_median: ui.filters.median,
      filter_ms_p95: ui.filters.p95,
      click_ms: ui.click.median,
      click_first_map_ms: atFirstMap.click.n === early ? atFirstMap.click.median : NaN,
      click_first_view_ms: atFirstView.click.n === early ? atFirstView.click.median : NaN,
      hover_ms: ui.hover.median,
      pan_frame_ms: ui.pan.median,
      export_png_ms: exp.png.median,
      export_svg_ms: exp.svg.median,
      js_interactive_gzip_kb: size.js_interactive_gzip_kb,
      js_own_gzip_kb: size.js_own_gzip_kb,
      js_first_map_gzip_kb: size.js_first_map_gzip_kb,
      geometry_gzip_kb: size.geometry_gzip_kb,
      page_gzip_kb: size.page_gzip_kb,
      standalone_mb: standaloneMb,
      heap_growth_pct: mem.growthPct,
      heap_data_growth_pct: mem.dataGrowthPct,
      big_first_complete_ms: bigLoad.first.median,
      big_filter_ms_median: bigUi.filters.median,
      ...Object.fromEntries(links.map((l) => [`link_${l.id}_vs_peer`, l.ratio])),
    };
    const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Record<string, { max: number; what: string }>;
    const rows = Object.entries(budgets).map(([key, b]) => ({ key, what: b.what, value: figures[key] ?? NaN, max: b.max, ok: (figures[key] ?? Infinity) <= b.max }));
    const detail = { links, clicksAtFirstMap: { deepLink: atFirstMap, firstView: atFirstView }, machine: { reference_idle_ms: machine, issue_reference_ms: REFERENCE_IDLE_MS, factor }, load, withoutFirstView: withoutLoad, zoom14: zoom14Load, peer: { load: peerLoad, ratio: peerRatio }, ui, exports: exp, memory: mem, big: { load: bigLoad, ui: bigUi }, sizes: size, standaloneMb };
    writeFileSync('bench/results.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, figures, budgets: rows, detail }, null, 2) + '\n');
    const md = [
      `| figure | median (spread) | budget | |`,
      `|---|---|---|---|`,
      ...rows.map((r) => `| ${r.what} | ${r.value}${spread(r.key, detail)} | ≤ ${r.max} | ${r.ok ? 'ok' : '**over**'} |`),
    ].join('\n');
    const yardstick =
      `Machine reference: a bare MapLibre page with ${referenceKb} KB of county GeoJSON reached its first idle in ` +
      `${machine.median} ms (${machine.min}–${machine.max}, n=${machine.n}); it took ≈${REFERENCE_IDLE_MS} ms on the machine ` +
      `behind the budgets when they were set, so this machine runs that page ${factor}× as long.`;
    const peerLine =
      `The peer, ECharts 6 drawing the same geometry, lines and circles (bench/peer/): first complete map ${peerLoad.first.median} ms ` +
      `(${peerLoad.first.min}–${peerLoad.first.max}, n=${peerLoad.first.n}), in turn with ours; ours took ${peerRatio}× as long. ` +
      `Our first complete map read against the yardstick (divided by ${factor}): ≈${Math.round(load.first.median / factor)} ms.`;
    const zoomLine =
      `A link at zoom 14 (\`at=${ZOOM14}\`, Guiyang): first complete map ${zoom14Load.first.median} ms (${zoom14Load.first.min}–${zoom14Load.first.max}, n=${zoom14Load.first.n}), ` +
      `${zoom14Ratio}× the default view drawn by the app (${withoutLoad.first.median} ms) and ${Math.round((zoom14Load.first.median / load.first.median) * 100) / 100}× the first view in the HTML (${load.first.median} ms).`;
    const steps = [
      `| step (median ms from navigation) | after: the first view in the HTML | before: the app draws the map (a link that skips the first view) | a link at zoom 14 | ECharts peer |`,
      `|---|---|---|---|---|`,
      ...STEPS.map((k) => `| ${STEP_NAMES[k]} | ${load.steps[k].median} | ${withoutLoad.steps[k].median} | ${zoom14Load.steps[k].median} | ${peerLoad.steps[k].median} |`),
    ].join('\n');
    const linkTable = [
      `| link | window | first complete map, median (spread) | ÷ the peer | the place's panel painted |`,
      `|---|---|---|---|---|`,
      ...links.map((l) => `| ${l.what}: \`?${l.query}\` | ${l.width}×${l.height} | ${l.first.median} (${l.first.min}–${l.first.max}, n=${l.first.n}) | ${l.ratio} | ${l.panel.n > 0 ? `${l.panel.median} (${l.panel.min}–${l.panel.max})` : '—'} |`),
    ].join('\n');
    const clickWords = (name: string, c: Awaited<ReturnType<typeof clicksAtFirstMap>>) =>
      `${name}: ${c.click.median} ms (${c.click.min}–${c.click.max}, n=${c.click.n}${c.lost > 0 ? `; ${c.lost} of ${c.click.n + c.lost} opened nothing within 3 s` : ''}); ` +
      `the longest main-thread task between that map and MapLibre's first idle ${c.longestTask.median} ms (median; ${c.longestTask.min}–${c.longestTask.max}).`;
    const clickLine = `A click on Puding the moment the first complete map is on screen, cold, to the painted panel. ${clickWords(`A deep link with a place open (\`?${CLICK_LINK}\`)`, atFirstMap)} ${clickWords('The default link (its first view in the HTML, the app still to load)', atFirstView)}`;
    const heapLine =
      `JS heap: ${mem.afterLoadMb} MB after load, ${mem.after500Mb} MB after 500 filter changes (${mem.growthPct >= 0 ? '+' : ''}${mem.growthPct} % in all, ` +
      `of which V8's compiled code ${mem.codeGrowthKb} KB; without it ${mem.dataGrowthPct >= 0 ? '+' : ''}${mem.dataGrowthPct} %).`;
    writeFileSync('bench/results.md', `# Benchmark results\n\n${new Date().toISOString()}, ${RUNS} cold loads, ${FILTER_CHANGES} filter changes.\n\n${md}\n\n${peerLine}\n\nEach kind of link, cold, in the same turns as the peer (${peerLoad.first.median} ms):\n\n${linkTable}\n\n${zoomLine}\n\n${clickLine}\n\nThe first complete map, step by step, before and after the first view in the HTML (the same cold loads, in turn; the peer's data JSON is its lines and circles; each load starts ${SETTLE_MS} ms after the last closed):\n\n${steps}\n\n${heapLine}\n\n${yardstick}\n`);
    console.log(`\n${md}\n\n${peerLine}\n\n${linkTable}\n\n${zoomLine}\n\n${clickLine}\n\n${steps}\n\n${heapLine}\n\n${yardstick}\n\n${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (rows.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    await app.close();
    await big.close();
    await reference.close();
    await peer.close();
  }
}

function spread(key: string, d: { load: { first: Stats; interactive: Stats }; ui: { filters: Stats; click: Stats; hover: Stats; pan: Stats } }): string {
  const s: Stats | undefined = { first_complete_ms: d.load.first, interactive_ms: d.load.interactive, filter_ms_median: d.ui.filters, click_ms: d.ui.click, hover_ms: d.ui.hover, pan_frame_ms: d.ui.pan }[key];
  return s ? ` (${s.min}–${s.max}, n=${s.n})` : '';
}

await main();

