/**
 * `npm run build:standalone`: one self-contained HTML file, dist-standalone/guizhou-pairing-map.html,
 * with code, styles, geometry and data inlined, that opens by double-click (file://) with no server
 * and no network. The way to take the map to a meeting. A copy also goes into dist/ (when a build is
 * there): the served app's "Save offline copy" starts from it and puts the data in use into it.
 *
 * There is no server to send a Content-Security-Policy header, so the file carries one in a <meta>.
 * Its one exception from the served app's policy: the script is inline, allowed by its SHA-256 hash
 * (not 'unsafe-inline'). Everything else stays local: no http(s) source is allowed at all. The data
 * is a JSON block that browsers never run (src/offline/offline-html.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'vite';
import type { Topology } from 'topojson-specification';
import { prepareTopology } from '../src/map/geography.ts';
import { OFFLINE_FILE_NAME, offlineHtml, type OfflinePayload } from '../src/offline/offline-html.ts';

const OUT = 'dist-standalone';
const FILE = join(OUT, OFFLINE_FILE_NAME);

await build({ mode: 'standalone', logLevel: 'warn' });

const html = readFileSync(join(OUT, 'index.html'), 'utf8');
const assets = join(OUT, 'assets');
const read = (href: string) => readFileSync(join(OUT, href.replace(/^\.\//, '')), 'utf8');

const scriptTag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
const styleTag = /<link rel="stylesheet" crossorigin href="([^"]+)">/;
const scriptHref = html.match(scriptTag)?.[1];
const styleHref = html.match(styleTag)?.[1];
if (!scriptHref || !styleHref) throw new Error('build-standalone: expected one module script and one stylesheet in index.html');
if (readdirSync(assets).some((f) => f.endsWith('.js') && !scriptHref.endsWith(f))) {
  throw new Error('build-standalone: the build split its code into several chunks; inline dynamic imports');
}

// "</script" inside the code would end the inline element early.
const script = read(scriptHref).replace(/<\/script/gi, '<\\/script');
const style = read(styleHref);
// The data, checked by the build (scripts/builtin-data.ts), which writes it as this file in standalone mode.
const payload = JSON.parse(readFileSync(join(assets, 'builtin-data.json'), 'utf8')) as OfflinePayload;
const hash = createHash('sha256').update(script).digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}'`,
  "worker-src blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "connect-src data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// With its borders worked out, as the deployed build ships it (vite.config.ts).
const topology = JSON.stringify(prepareTopology(JSON.parse(readFileSync(join('geo', 'pairing.topo.json'), 'utf8')) as Topology));
const out = offlineHtml({ csp, style, script, topology }, payload);
writeFileSync(FILE, out);
rmSync(assets, { recursive: true });
rmSync(join(OUT, 'index.html'));
if (existsSync(join('dist', 'index.html'))) writeFileSync(join('dist', OFFLINE_FILE_NAME), out);
const bytes = statSync(FILE).size;
console.log(`wrote ${FILE}: ${bytes.toLocaleString('en')} bytes (${gzipSync(out).length.toLocaleString('en')} gzip)`);
