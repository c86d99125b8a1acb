/**
 * The peer in the benchmark: an ECharts 6 page (bench/peer/) that draws the same geometry and the
 * same lines and circles as our default view. Our scene is worked out here, at build time, so the
 * peer's page does none of that work; what it does at load time is what any ECharts map does:
 * fetch and decode the TopoJSON, register the map, lay out and paint.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { readBuiltin } from '../scripts/builtin-data.ts';
import { LAND_CONTEXT, SEA } from '../src/scene/colors.ts';
import { buildModel } from '../src/scene/model.ts';
import { buildScene } from '../src/scene/scene.ts';
import { VIEW_BOUNDS } from '../src/map/views.ts';
import { defaultState } from '../src/state/url-state.ts';

export const PEER_DIR = join('bench', '.output', 'peer');

type LonLat = readonly [number, number];
export interface PeerData {
  sea: string;
  land: string;
  bounds: [LonLat, LonLat];
  areas: { name: string; fill: string }[];
  lines: { from: LonLat; to: LonLat; color: string; width: number }[];
  circles: { at: LonLat; radius: number; color: string }[];
}

/** Builds the peer's page into PEER_DIR, with the topology and the default view's lines and circles beside it. */
export async function writePeerPage(): Promise<void> {
  const model = buildModel(readBuiltin('data').dataset);
  const state = defaultState('en');
  const scene = buildScene(model, state);
  const [[w, s], [e, n]] = VIEW_BOUNDS[state.view];
  const data: PeerData = {
    sea: SEA,
    land: LAND_CONTEXT,
    // ECharts wants [left, top], [right, bottom].
    bounds: [
      [w, n],
      [e, s],
    ],
    areas: [...scene.counties].map(([id, shade]) => ({ name: `counties:${id}`, fill: shade.fill })),
    lines: scene.arcs.map((a) => ({ from: a.curve[0], to: a.curve[2], color: a.color, width: a.level === 'prefecture' ? 2.6 : 1.6 })),
    circles: scene.markers.map((m) => ({ at: m.position, radius: m.radius, color: m.color })),
  };
  await build({
    root: resolve('bench', 'peer'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: resolve(PEER_DIR), emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, chunkSizeWarningLimit: 2000 },
  });
  copyFileSync(join('geo', 'pairing.topo.json'), join(PEER_DIR, 'pairing.topo.json'));
  writeFileSync(join(PEER_DIR, 'peer-data.json'), JSON.stringify(data));
}
