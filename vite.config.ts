import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { builtinData } from './scripts/builtin-data.ts';

// The app never talks to another origin: scripts, styles, workers and data all come from 'self'.
// MapLibre 5 starts its worker from a blob: URL and decodes images through blob:/data: URLs.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
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
// The geometry is fetched by the app's script; a preload starts the download with the script's own
// instead of after it has run. (Not in the single-file build, where it is inlined.)
const preloadGeometry = (): Plugin => ({
  name: 'preload-geometry',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const file = Object.keys(ctx.bundle ?? {}).find((f) => /pairing\.topo-[\w-]+\.json$/.test(f));
      return file ? [{ tag: 'link', attrs: { rel: 'preload', href: `./${file}`, as: 'fetch', crossorigin: '' }, injectTo: 'head' }] : [];
    },
  },
});

const dataDir = resolve(process.env['GPM_DATA_DIR'] ?? 'data');

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [builtinData(dataDir), ...(mode === 'standalone' ? [] : [preloadGeometry()])],
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
      : { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1200 },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  server: { host: '127.0.0.1' },
}));
