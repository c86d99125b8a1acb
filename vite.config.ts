import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { defineConfig, type Plugin } from 'vite';
import { builtinData } from './scripts/builtin-data.ts';
import { prepareTopology } from './src/map/geography.ts';
import { TOPOLOGY_ELEMENT_ID } from './src/offline/offline-html.ts';
import { firstView, firstViewScriptHashes } from './scripts/first-view.ts';

// The app never talks to another origin: scripts, styles, workers and data all come from 'self'.
// MapLibre 5 starts its worker from a blob: URL and decodes images through blob:/data: URLs. The two
// inline scripts, which pick the first view's language and write it before the first paint, are
// allowed by their hashes.
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' ${firstViewScriptHashes}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// `--mode standalone` (npm run build:standalone) builds one chunk with every asset inlined, which
// scripts/build-standalone.ts then folds into a single HTML file that works from file://.
// GPM_DATA_DIR builds the app on another data folder (the benchmark's 100× dataset); default data/.
// GPM_FILTERED_FIRST_VIEWS=0 leaves out the filtered links' first views (≈ 25 s of the build), for a
// test's build that does not open them.
// The geometry and the data are fetched by the app's script; preloads start both downloads with the
// script's own instead of after it has run. (Not in the single-file build, where they are inlined.)
// The geometry's is marked `data-at-paint`: under a first view it is fetched at the paint, not with
// the rest beside it (scripts/first-view.ts), as a click on the first view does not wait for it.
const preloadJson = (geometry: string): Plugin => ({
  name: 'preload-json',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      return Object.keys(ctx.bundle ?? {})
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ tag: 'link', attrs: { rel: 'preload', href: `./${f}`, as: 'fetch', crossorigin: '', 'data-at-paint': basename(f).startsWith(`${basename(geometry, '.json')}-`) }, injectTo: 'head' as const }));
    },
  },
});

// The single offline file carries the geometry as a JSON block beside the script (src/offline/offline-html.ts),
// not as a base64 data: URL inside it, which is a third larger; the app fetches it from a blob: URL.
const topologyFromPage = (): Plugin => ({
  name: 'topology-from-page',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('pairing.topo.json?url')) return null;
    const block = `document.getElementById(${JSON.stringify(TOPOLOGY_ELEMENT_ID)}).textContent`;
    return `export default URL.createObjectURL(new Blob([${block}], { type: 'application/json' }));`;
  },
});

// The geometry as the app reads it, with its borders worked out here rather than in every visitor's
// browser (see prepareTopology in src/map/geography.ts); the dev server serves the file as it is.
const preparedTopology = (): Plugin => ({
  name: 'prepared-topology',
  apply: 'build',
  // Before Vite's own asset plugin, which would otherwise load the `?url` import as the file it is.
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('pairing.topo.json?url')) return null;
    const file = id.slice(0, -'?url'.length);
    const source = JSON.stringify(prepareTopology(JSON.parse(readFileSync(file, 'utf8')) as Topology));
    const ref = this.emitFile({ type: 'asset', name: 'pairing.topo.json', source });
    return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
  },
});

const dataDir = resolve(process.env['GPM_DATA_DIR'] ?? 'data');
const GEOMETRY = 'geo/pairing.topo.json';

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [builtinData(dataDir, { inline: mode === 'standalone' }), ...(mode === 'standalone' ? [topologyFromPage()] : [preparedTopology(), preloadJson(GEOMETRY), firstView(dataDir, GEOMETRY, { filtered: process.env['GPM_FILTERED_FIRST_VIEWS'] !== '0' })])],
  resolve: { alias: { '@data': dataDir } },
  build:
    mode === 'standalone'
      ? {
          target: 'es2022',
          outDir: 'dist-standalone',
          assetsInlineLimit: () => true,
          cssCodeSplit: false,
          modulePreload: false,
          chunkSizeWarningLimit: 4000,
          rolldownOptions: { output: { codeSplitting: false } },
        }
      : { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1200, modulePreload: { polyfill: false } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  server: { host: '127.0.0.1' },
}));
