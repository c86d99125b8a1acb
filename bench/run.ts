/**
 * `npm run bench`: builds the app (and a variant on a 100× dataset), serves both with vite preview on
 * loopback, drives Debian's Chromium and measures load, filter, click, hover, export, sizes and memory.
 * Writes bench/results.json and bench/results.md, compares with bench/budgets.json, exits 1 on a
 * broken budget. Not part of `npm test` (CI does not run it).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { BIG_DATA_DIR, generate } from './generate-data.ts';
import { PEER_DIR, writePeerPage } from './peer-page.ts';
import { REFERENCE_DIR, REFERENCE_IDLE_MS, writeReferencePage } from './reference-page.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 11);
const ZOOM14 = '106.71,26.58,14';
const SETTLE_MS = 1000;
const FILTER_CHANGES = 60;
const BIG_DIST = join('bench', '.output', 'dist-big');

type Stats = { median: number; p95: number; min: number; max: number; n: number };
function stats(all: number[]): Stats {
  // A pointer that hit nothing (NaN) is left out; n says how many counted.
  const xs = all.filter((x) => Number.isFinite(x));
  if (xs.length === 0) return { median: NaN, p95: NaN, min: NaN, max: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return { median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0]!), max: round(s[s.length - 1]!), n: s.length };
}
const round = (v: number) => Math.round(v * 10) / 10;
const gzipKb = (file: string) => round(gzipSync(readFileSync(file), { level: 9 }).length / 1024);

async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const a = server.httpServer.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${a.port}`, close: () => server.close() };
}

async function open(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a `__name` helper, which page.evaluate callbacks then call in the page.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 60_000 });
  return page;
}

type ColdLoads = Awaited<ReturnType<typeof coldLoad>>[];

/**
 * Cold loads of several pages taking turns, so that a machine slowing down or speeding up weighs on
 * each alike; the order turns too (a b c, b c a, c a b, …), so that no page always follows the same one.
 */
async function alternatingLoads(browser: Browser, urls: string[], runs: number): Promise<ColdLoads[]> {
  const out: ColdLoads[] = urls.map(() => []);
  for (let i = 0; i < runs; i++)
    for (let j = 0; j < urls.length; j++) {
      const k = (i + j) % urls.length;
      out[k]!.push(await coldLoad(browser, urls[k]!));
    }
  return out;
}

/** The two marks over cold loads, and which JS files were fetched before each (in the last load). */
function loadStats(loads: ColdLoads) {
  const last = loads[loads.length - 1];
  return {
    first: stats(loads.map((l) => l.f)),
    interactive: stats(loads.map((l) => l.it)),
    steps: Object.fromEntries(STEPS.map((k) => [k, stats(loads.map((l) => l.steps[k]))])) as Record<Step, Stats>,
    jsBefore: { first: last?.jsFirst ?? [], interactive: last?.jsInteractive ?? [] },
  };
}

const coldLoads = async (browser: Browser, url: string, runs: number) => loadStats((await alternatingLoads(browser, [url], runs))[0]!);

/** Where the time to the first complete map goes: when each of these had happened, from navigation. */
const STEPS = ['html', 'parsed', 'script', 'data', 'geometry', 'firstPaint', 'firstComplete'] as const;
type Step = (typeof STEPS)[number];
const STEP_NAMES: Record<Step, string> = {
  html: 'HTML received',
  parsed: 'HTML parsed (DOM interactive)',
  script: 'our script received',
  data: 'data JSON received',
  geometry: 'geometry received',
  firstPaint: 'first paint (first contentful paint)',
  firstComplete: 'first complete map on screen',
};

/** One cold load in a fresh context. */
async function coldLoad(browser: Browser, url: string) {
  const page = await open(browser, url);
  // The first view's mark waits for the browser to report its paint.
  await page.waitForFunction(() => performance.getEntriesByName('map:first-complete').length > 0);
  const r = await page.evaluate(() => {
    const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const f = mark('map:first-complete');
    const it = mark('map:interactive');
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const js = resources.filter((e) => e.name.endsWith('.js'));
    const received = (part: RegExp) => resources.find((e) => part.test(e.name))?.responseEnd ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const steps = {
      html: nav?.responseEnd ?? NaN,
      parsed: nav?.domInteractive ?? NaN,
      script: received(/\/assets\/index-[^/]*\.js$/),
      data: received(/builtin-data[^/]*\.json$|peer-data\.json$/),
      geometry: received(/pairing\.topo[^/]*\.json$/),
      firstPaint: mark('first-contentful-paint'),
      firstComplete: f,
    };
    return { f, it, steps, jsFirst: js.filter((e) => e.startTime < f).map((e) => e.name), jsInteractive: js.filter((e) => e.startTime < it).map((e) => e.name) };
  });
  await page.context().close();
  // Each cold load starts from a quiet browser: a page just closed (MapLibre's workers, a peer's
  // canvas) otherwise still works while the next one loads, and weighs on whichever comes next.
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return r;
}

/** The yardstick page (reference-page.ts): cold loads to MapLibre's first idle. */
async function referenceLoads(browser: Browser, url: string, runs: number): Promise<Stats> {
  const idle: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await open(browser, url);
    idle.push(await page.evaluate(() => performance.getEntriesByName('reference:idle')[0]?.startTime ?? NaN));
    await page.context().close();
  }
  return stats(idle);
}

/** Year, category and metric changes through the real controls, each until the map is idle again. */
async function filterChanges(page: Page, n: number, waitIdle = true): Promise<number[]> {
  return page.evaluate(async ([count, untilIdle]) => {
    const hook = (window as unknown as { __gpm: { idle(): Promise<void> } }).__gpm;
    const years = [...document.querySelectorAll<HTMLButtonElement>('button[data-year]')];
    const chips = [...document.querySelectorAll<HTMLButtonElement>('button[data-category]')];
    const metric = document.querySelector<HTMLSelectElement>('#metric')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const idle = untilIdle ? Promise.race([hook.idle(), new Promise((r) => setTimeout(r, 3000))]) : Promise.resolve();
      if (i % 3 === 0) years[(i / 3) % years.length]!.click();
      else if (i % 3 === 1) chips[i % chips.length]!.click();
      else {
        metric.selectedIndex = (metric.selectedIndex + 1) % Math.min(3, metric.options.length);
        metric.dispatchEvent(new Event('change'));
      }
      await idle;
      await frame();
      out.push(performance.now() - t0);
    }
    return out;
  }, [n, waitIdle] as const);
}

/** From the pointer event to the next painted frame with the panel (or tooltip) shown. */
async function pointerToPaint(page: Page, id: string, kind: 'click' | 'hover'): Promise<number> {
  const [x, y] = await page.evaluate((placeId) => {
    const r = document.querySelector('#map')!.getBoundingClientRect();
    const p = (window as unknown as { __gpm: { project(i: string): [number, number] } }).__gpm.project(placeId);
    return [r.left + p[0], r.top + p[1]];
  }, id);
  await page.evaluate((k) => {
    const w = window as unknown as { __t0: number };
    document.addEventListener(k === 'click' ? 'mousedown' : 'mousemove', (e) => (w.__t0 = e.timeStamp), { once: true, capture: true });
  }, kind);
  if (kind === 'click') await page.mouse.click(x!, y!);
  else await page.mouse.move(x!, y!);
  return page.evaluate(async (k) => {
    const sel = k === 'click' ? '#details' : '.tooltip';
    const give = performance.now() + 3000;
    while ((document.querySelector<HTMLElement>(sel)?.hidden ?? true) === true) {
      if (performance.now() > give) return NaN;
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - (window as unknown as { __t0: number }).__t0;
  }, kind);
}

async function interactions(browser: Browser, url: string) {
  const page = await open(browser, `${url}/?lang=en&view=guizhou`);
  const filters = stats(await filterChanges(page, FILTER_CHANGES));
  await page.goto(`${url}/?lang=en&view=guizhou`);
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true');
  const clicks: number[] = [];
  const hovers: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = ['520422', '520403', '520424'][i % 3]!;
    await page.mouse.move(5, 5);
    hovers.push(await pointerToPaint(page, id, 'hover'));
    clicks.push(await pointerToPaint(page, id, 'click'));
    await page.keyboard.press('Escape');
    // Closing the panel frames the view again; a click while the map still moves stops the move and
    // selects nothing (half the clicks were lost so), so the next one waits for the map to rest.
    await page.evaluate(() => (window as unknown as { __gpm: { idle(): Promise<void> } }).__gpm.idle());
  }
  const pan = stats(await panFrames(page));
  await page.context().close();
  return { filters, click: stats(clicks), hover: stats(hovers), pan };
}

/** Drags the map for about a second and returns the time between painted frames meanwhile. */
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.locator('#map').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __panning: boolean };
    w.__frames = [];
    w.__panning = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__panning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(x - i * 6, y - i * 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __panning: boolean };
    w.__panning = false;
    return w.__frames.slice(1).map((t, i) => t - w.__frames[i]!);
  });
}

async function exports(browser: Browser, url: string) {
  const page = await open(browser, `${url}/?lang=en`);
  const time = (format: 'png' | 'svg') =>
    page.evaluate(async (f) => {
      const t0 = performance.now();
      await (window as unknown as { __gpm: { exportMap(f: string, r: object): Promise<string> } }).__gpm.exportMap(f, f === 'png' ? { size: { width: 1920, height: 1080 } } : {});
      return performance.now() - t0;
    }, format);
  const png: number[] = [];
  const svg: number[] = [];
  for (let i = 0; i < 3; i++) {
    png.push(await time('png'));
    svg.push(await time('svg'));
  }
  await page.context().close();
  return { png: stats(png), svg: stats(svg) };
}

async function memory(browser: Browser, url: string) {
  const page = await open(browser, `${url}/?lang=en`);
  const cdp = await page.context().newCDPSession(page);
  // The heap after a full GC, split into V8's compiled code and everything else (the data the page
  // holds), from a heap snapshot. Code grows while the JIT optimises a loop and then levels off
  // (measured: +477 KB in the first 500 changes, nothing in the next 1,500); held data would keep growing.
  const heap = async (): Promise<{ total: number; code: number }> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
    const fields = snap.snapshot.meta.node_fields;
    const step = fields.length;
    const typeAt = fields.indexOf('type');
    const sizeAt = fields.indexOf('self_size');
    const codeType = snap.snapshot.meta.node_types[0].indexOf('code');
    let total = 0;
    let code = 0;
    for (let i = 0; i < snap.nodes.length; i += step) {
      const size = snap.nodes[i + sizeAt]!;
      total += size;
      if (snap.nodes[i + typeAt] === codeType) code += size;
    }
    return { total, code };
  };
  const before = await heap();
  // 500 changes as fast as the UI takes them (one frame each), then let the map settle before measuring.
  await filterChanges(page, 500, false);
  await page.waitForTimeout(2000);
  const after = await heap();
  await page.context().close();
  const pct = (a: number, b: number) => round(((b - a) / a) * 100);
  const mb = (v: number) => round(v / 2 ** 20);
  return {
    afterLoadMb: mb(before.total),
    after500Mb: mb(after.total),
    growthPct: pct(before.total, after.total),
    codeGrowthKb: round((after.code - before.code) / 1024),
    dataGrowthPct: pct(before.total - before.code, after.total - after.code),
  };
}

function sizes(jsBefore: { first: string[]; interactive: string[] }) {
  const assets = join('dist', 'assets');
  const files = readdirSync(assets);
  const gz = (names: string[]) => round(names.reduce((s, n) => s + gzipKb(join(assets, n)), 0));
  const base = (u: string) => u.split('/').pop()!;
  const js = files.filter((f) => f.endsWith('.js'));
  const interactiveJs = jsBefore.interactive.map(base);
  return {
    js_gzip_kb: Object.fromEntries(js.map((f) => [f, gzipKb(join(assets, f))])),
    css_gzip_kb: gz(files.filter((f) => f.endsWith('.css'))),
    geometry_gzip_kb: gz(files.filter((f) => f.startsWith('pairing.topo') && f.endsWith('.json'))),
    data_raw_kb: round(['figures', 'places', 'pairings', 'sources', 'categories', 'metrics'].reduce((s, n) => s + statSync(`data/${n}.csv`).size, 0) / 1024),
    data_json_gzip_kb: gz(files.filter((f) => f.startsWith('builtin-data') && f.endsWith('.json'))),
    js_first_map_gzip_kb: gz(jsBefore.first.map(base)),
    js_interactive_gzip_kb: gz(interactiveJs),
    js_own_gzip_kb: gz(interactiveJs.filter((f) => !f.startsWith('maplibre-map'))),
  };
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
    const [ours, without, deep, theirs] = await alternatingLoads(browser, [`${app.url}/?lang=en`, `${app.url}/?lang=en&metric=funds_cny`, `${app.url}/?lang=en&at=${ZOOM14}`, `${peer.url}/`], RUNS);
    const load = loadStats(ours!);
    const withoutLoad = loadStats(without!);
    const zoom14Load = loadStats(deep!);
    const zoom14Ratio = Math.round((zoom14Load.first.median / withoutLoad.first.median) * 100) / 100;
    const peerLoad = loadStats(theirs!);
    const peerRatio = Math.round((load.first.median / peerLoad.first.median) * 100) / 100;
    console.log('interactions…');
    const ui = await interactions(browser, app.url);
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
      hover_ms: ui.hover.median,
      pan_frame_ms: ui.pan.median,
      export_png_ms: exp.png.median,
      export_svg_ms: exp.svg.median,
      js_interactive_gzip_kb: size.js_interactive_gzip_kb,
      js_own_gzip_kb: size.js_own_gzip_kb,
      js_first_map_gzip_kb: size.js_first_map_gzip_kb,
      geometry_gzip_kb: size.geometry_gzip_kb,
      standalone_mb: standaloneMb,
      heap_growth_pct: mem.growthPct,
      heap_data_growth_pct: mem.dataGrowthPct,
      big_first_complete_ms: bigLoad.first.median,
      big_filter_ms_median: bigUi.filters.median,
    };
    const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Record<string, { max: number; what: string }>;
    const rows = Object.entries(budgets).map(([key, b]) => ({ key, what: b.what, value: figures[key] ?? NaN, max: b.max, ok: (figures[key] ?? Infinity) <= b.max }));
    const detail = { machine: { reference_idle_ms: machine, issue_reference_ms: REFERENCE_IDLE_MS, factor }, load, withoutFirstView: withoutLoad, zoom14: zoom14Load, peer: { load: peerLoad, ratio: peerRatio }, ui, exports: exp, memory: mem, big: { load: bigLoad, ui: bigUi }, sizes: size, standaloneMb };
    writeFileSync('bench/results.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, figures, budgets: rows, detail }, null, 2) + '\n');
    const md = [
      `| figure | median (spread) | budget | |`,
      `|---|---|---|---|`,
      ...rows.map((r) => `| ${r.what} | ${r.value}${spread(r.key, detail)} | ≤ ${r.max} | ${r.ok ? 'ok' : '**over**'} |`),
    ].join('\n');
    const yardstick =
      `Machine reference: a bare MapLibre page with ${referenceKb} KB of county GeoJSON reached its first idle in ` +
      `${machine.median} ms (${machine.min}–${machine.max}, n=${machine.n}); issue 7 measured ≈${REFERENCE_IDLE_MS} ms on the machine ` +
      `behind the budgets, so this machine runs that page ${factor}× as long.`;
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
    const heapLine =
      `JS heap: ${mem.afterLoadMb} MB after load, ${mem.after500Mb} MB after 500 filter changes (${mem.growthPct >= 0 ? '+' : ''}${mem.growthPct} % in all, ` +
      `of which V8's compiled code ${mem.codeGrowthKb} KB; without it ${mem.dataGrowthPct >= 0 ? '+' : ''}${mem.dataGrowthPct} %).`;
    writeFileSync('bench/results.md', `# Benchmark results\n\n${new Date().toISOString()}, ${RUNS} cold loads, ${FILTER_CHANGES} filter changes.\n\n${md}\n\n${peerLine}\n\n${zoomLine}\n\nThe first complete map, step by step, before and after the first view in the HTML (the same cold loads, in turn; the peer's data JSON is its lines and circles; each load starts ${SETTLE_MS} ms after the last closed):\n\n${steps}\n\n${heapLine}\n\n${yardstick}\n`);
    console.log(`\n${md}\n\n${peerLine}\n\n${zoomLine}\n\n${steps}\n\n${heapLine}\n\n${yardstick}\n\n${((Date.now() - t0) / 1000).toFixed(0)} s`);
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
