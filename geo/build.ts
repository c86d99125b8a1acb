/**
 * `npm run geo`: writes geo/pairing.topo.json and data/places.csv from the
 * source packages, deterministically, and prints the file sizes.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildTopology, serialize } from './topology.ts';
import { buildPlacesCsv } from './places.ts';

export const TOPOLOGY_FILE = fileURLToPath(new URL('./pairing.topo.json', import.meta.url));
export const PLACES_FILE = fileURLToPath(new URL('../data/places.csv', import.meta.url));

function main(): void {
  const topology = buildTopology();
  const text = serialize(topology);
  writeFileSync(TOPOLOGY_FILE, text);
  writeFileSync(PLACES_FILE, buildPlacesCsv(topology));

  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text, { level: 9 }).length;
  const counts = Object.entries(topology.objects)
    .map(([name, o]) => `${name} ${o.geometries.length}`)
    .join(', ');
  console.log(`geo/pairing.topo.json: ${counts}; ${topology.arcs.length} arcs`);
  console.log(`  raw ${raw} bytes (${(raw / 1024).toFixed(1)} KiB), gzip -9 ${gzip} bytes (${(gzip / 1024).toFixed(1)} KiB)`);
  console.log(`data/places.csv written`);
}

main();
