/**
 * The machine's yardstick: the page the budgets were calibrated against when they were set ("a bare MapLibre
 * page with ~0.5 MB of county GeoJSON reaches its first idle in a median ~1.1 s" on the machine the
 * budgets were set on). Measuring the same page on the machine at hand says how fast that machine
 * is compared with the one behind the budgets, so a broken budget can be read for what it is.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const REFERENCE_DIR = join('bench', '.output', 'reference');
/** What was measured for this page on the machine behind the budgets. */
export const REFERENCE_IDLE_MS = 1100;
const TARGET_BYTES = 500_000;

/** Writes the page (MapLibre's own bundle, a fill and a line layer over the counties and districts); returns the GeoJSON's size in bytes. */
export function writeReferencePage(): number {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  const topo = JSON.parse(readFileSync('geo/pairing.topo.json', 'utf8')) as Topology;
  const geojson = (t: Topology) => {
    const features = (['counties', 'districts'] as const).flatMap((name) => feature(t, t.objects[name] as GeometryCollection).features);
    return JSON.stringify({ type: 'FeatureCollection', features }, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v));
  };
  // Keep fewer points (quantile p: the share of points kept) until the GeoJSON is about the size the issue measured with.
  const pre = presimplify(topo as Parameters<typeof presimplify>[0]);
  let text = geojson(pre);
  for (let p = 0.95; text.length > TARGET_BYTES && p > 0; p -= 0.05) text = geojson(simplify(pre, quantile(pre, p)));
  writeFileSync(join(REFERENCE_DIR, 'counties.json'), text);
  for (const f of ['maplibre-gl.js', 'maplibre-gl.css']) copyFileSync(join('node_modules', 'maplibre-gl', 'dist', f), join(REFERENCE_DIR, f));
  writeFileSync(
    join(REFERENCE_DIR, 'reference.js'),
    `fetch('counties.json').then((r) => r.json()).then((data) => {
  const map = new maplibregl.Map({ container: 'map', center: [110, 28], zoom: 5, style: { version: 8, sources: { c: { type: 'geojson', data } },
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } },
      { id: 'fill', type: 'fill', source: 'c', paint: { 'fill-color': '#c9d9e6' } },
      { id: 'line', type: 'line', source: 'c', paint: { 'line-color': '#333', 'line-width': 0.5 } }] } });
  map.once('idle', () => { performance.mark('reference:idle'); document.documentElement.dataset.mapReady = 'true'; });
});
`,
  );
  writeFileSync(
    join(REFERENCE_DIR, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html, body, #map { margin: 0; height: 100%; }</style></head>
<body><div id="map"></div><script src="maplibre-gl.js"></script><script src="reference.js"></script></body></html>
`,
  );
  return text.length;
}
