/**
 * `npm run bench:profile`: where a cold load's time goes, link by link, up to the first complete map.
 * Serves the built dist/, records a Chromium trace of each cold load and sums the main thread's work
 * by kind (HTML parsing, script compile/run per file, style, layout, paint) and our own functions by
 * self time. Run `npm run build` first (or `npx vite build --minify false --outDir /tmp/dist-plain` and
 * `PROFILE_DIST=/tmp/dist-plain` for readable function names). `PROFILE_LINKS='embed=1&lang=en,…'` picks the links;
 * `PROFILE_RUNS` the cold loads per link (medians are printed).
 */
import type { CDPSession } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { LINKS } from './links.ts';
import { round, serve } from './loads.ts';

const RUNS = Number(process.env['PROFILE_RUNS'] ?? 3);
const TOP = 14;

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> };
type ProfileNode = { id: number; callFrame: { functionName: string; url?: string; lineNumber: number }; parent?: number };
type ProfileChunk = { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };

/** The kinds of main-thread work we sum: trace event name → what a reader calls it. */
const KINDS: Record<string, string> = {
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  'v8.compile': 'compile JS',
  'v8.compileModule': 'compile JS',
  EvaluateScript: 'run JS',
  'v8.evaluateModule': 'run JS',
  FunctionCall: 'run JS',
  TimerFire: 'run JS',
  FireAnimationFrame: 'run JS',
  RunMicrotasks: 'run JS',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  'Decode Image': 'paint',
};

async function traceLoad(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'] },
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:first-complete').length > 0, null, { timeout: 60_000 });
  const firstComplete = await page.evaluate(() => performance.getEntriesByName('map:first-complete')[0]!.startTime);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  return { events, firstComplete };
}

/** Main-thread time by kind and our functions' self time, from navigation to the first complete map. */
function summarise(events: TraceEvent[], firstComplete: number) {
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToFirstPaint') ?? events.find((e) => e.name === 'TracingStartedInBrowser');
  const main = events.find((e) => e.name === 'ParseHTML');
  if (!nav || !main) return null;
  const t0 = nav.ts;
  const end = t0 + firstComplete * 1000;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0 && e.ts < end && e.dur !== undefined);
  // Sum only outermost events of each kind, so that nested ones are not counted twice.
  const byKind = new Map<string, number>();
  const open: { end: number }[] = [];
  for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
    const kind = KINDS[e.name];
    if (!kind) continue;
    while (open.length && open[open.length - 1]!.end <= e.ts) open.pop();
    const top = open.length === 0;
    open.push({ end: e.ts + e.dur! });
    if (!top && kind === 'run JS') continue;
    if (top || kind !== 'run JS') byKind.set(kind, (byKind.get(kind) ?? 0) + e.dur! / 1000);
  }
  // Our functions by self time, from the sampling profiler's chunks (the renderer's main thread).
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let ts = 0;
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid)) {
    const data = (e.args?.['data'] ?? {}) as ProfileChunk;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    if (ts === 0) ts = e.ts;
    samples.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      if (ts < t0 || ts > end) return;
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let node = nodes.get(id), depth = 0; node; node = node.parent === undefined ? undefined : nodes.get(node.parent), depth++) {
        const key = nameOf(node);
        if (depth === 0) self.set(key, (self.get(key) ?? 0) + ms);
        if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
        seen.add(key);
      }
    });
  }
  // Layouts a script forced (inside its run, not the frame's own): each is a full layout of the page.
  const runs = onMain.filter((e) => KINDS[e.name] === 'run JS');
  const forced = onMain.filter((e) => e.name === 'Layout' && runs.some((r) => r.ts <= e.ts && e.ts < r.ts + r.dur!));
  byKind.set('forced layouts (n)', forced.length);
  if (process.env['PROFILE_FORCED']) for (const e of forced) {
    const stack = ((e.args?.['beginData'] as { stackTrace?: { functionName: string; url: string; lineNumber: number }[] } | undefined)?.stackTrace ?? []).slice(0, 4);
    console.log(`    forced layout ${round(e.dur! / 1000)} ms at ${round((e.ts - t0) / 1000)} ms: ${stack.map((f) => `${f.functionName}:${f.lineNumber}`).join(' < ')}`);
  }
  byKind.set('forced layout ms', forced.reduce((sum, e) => sum + e.dur! / 1000, 0));
  return { byKind, self, inclusive };
}

const nameOf = (node: ProfileNode) => {
  const frame = node.callFrame;
  const file = (frame.url ?? '').split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? round(s[Math.floor(s.length / 2)]!) : NaN;
};

async function main() {
  const app = await serve(process.env['PROFILE_DIST'] ?? 'dist');
  const browser = await launchBrowser();
  const picked = process.env['PROFILE_LINKS']?.split(',');
  const links = picked ? picked.map((q) => ({ id: q, query: q, width: 1280, height: 800 })) : LINKS;
  try {
    for (const link of links) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await traceLoad(browser, `${app.url}/?${link.query}`, link.width, link.height));
      const sums = runs.map((r) => summarise(r.events, r.firstComplete)).filter((s) => s !== null);
      const kinds = [...new Set(sums.flatMap((s) => [...s.byKind.keys()]))];
      console.log(`\n## ${link.id} (?${link.query}, ${link.width}×${link.height}): first complete map ${median(runs.map((r) => r.firstComplete))} ms`);
      for (const k of kinds.sort((a, b) => median(sums.map((s) => s.byKind.get(b) ?? 0)) - median(sums.map((s) => s.byKind.get(a) ?? 0))))
        console.log(`  ${k.padEnd(12)} ${median(sums.map((s) => s.byKind.get(k) ?? 0))} ms`);
      for (const which of ['self', 'inclusive'] as const) {
        const fns = [...new Set(sums.flatMap((s) => [...s[which].keys()]))].map((f) => [f, median(sums.map((s) => s[which].get(f) ?? 0))] as const);
        console.log(`  JS ${which} time:`);
        for (const [f, ms] of fns.sort((a, b) => b[1] - a[1]).slice(0, which === 'self' ? TOP : TOP * 3)) console.log(`    ${String(ms).padStart(6)} ms  ${f}`);
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
