import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { toGeography, prepareTopology } from '../../src/map/geography.ts';
import { cullOutside, outlinePaths } from '../../src/map/outline-paths.ts';
import { projectionFor } from '../../src/map/projection.ts';
import { rings } from './path-rings.ts';

// Two unit squares side by side, sharing arc 0, which bends out to x = 1.3 half way. Not quantized.
const squares: Topology = {
  type: 'Topology',
  arcs: [
    [[1, 0], [1.3, 0.5], [1, 1]],
    [[1, 1], [0, 1], [0, 0], [1, 0]],
    [[1, 0], [2, 0], [2, 1], [1, 1]],
  ],
  objects: {
    provinces: { type: 'GeometryCollection', geometries: [] },
    prefectures: { type: 'GeometryCollection', geometries: [] },
    counties: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { id: 'west' } },
        { type: 'Polygon', arcs: [[~0, ~2]], properties: { id: 'east' } },
      ],
    },
    districts: { type: 'GeometryCollection', geometries: [] },
  },
} as unknown as Topology;

// Every point of some path data, absolute, as "x,y".
const points = (d: string) => rings(d).flatMap((r) => r.points.map(([x, y]) => `${x},${y}`));

describe('outline paths', () => {
  const geo = toGeography(squares);
  const view = { camera: { lon: 1, lat: 0.5, zoom: 10 }, width: 800, height: 600 };
  const paths = outlinePaths(geo, view);

  it('puts every point where d3-geo’s Web Mercator (the one MapLibre matches) puts it, to a tenth of a pixel', () => {
    const d3 = projectionFor(view.camera, view.width, view.height);
    const [x, y] = d3([0, 1])!;
    expect(points(paths.area('counties', 0))).toContain(`${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`);
  });

  it('draws a shared border with the same points on both sides, once run forwards and once backwards', () => {
    const west = points(paths.area('counties', 0));
    const east = points(paths.area('counties', 1));
    // The west square starts with the shared arc: its three points.
    const border = west.slice(0, 3);
    expect(border).toHaveLength(3);
    for (const p of border) expect(east).toContain(p);
    expect(west[0]).toBe(border[0]);
    expect(paths.area('counties', 0).endsWith('Z')).toBe(true);
  });

  it('draws each county border once in the mesh', () => {
    const mesh = paths.border('counties');
    // Three arcs: the shared one and the two outer ones, each once; the shared arc's middle point once.
    const [mx, my] = projectionFor(view.camera, view.width, view.height)([1.3, 0.5])!;
    expect(points(mesh).filter((p) => p === `${Math.round(mx * 10) / 10},${Math.round(my * 10) / 10}`)).toHaveLength(1);
  });

  it('drops points that move the line by less than half a pixel, but keeps where arcs meet', () => {
    const far = outlinePaths(geo, { ...view, camera: { ...view.camera, zoom: -1 } });
    // At zoom -1 the bend is 0.2 px: the shared arc keeps only its two ends.
    const west = points(far.area('counties', 0));
    expect(west.length).toBeLessThan(points(paths.area('counties', 0)).length);
    expect(new Set(west).size).toBeGreaterThanOrEqual(2);
  });

  it('keeps a one-pixel bend on screen, and leaves it out where the whole arc lies beyond the frame', () => {
    // At this zoom the shared arc bends out by about a pixel: above the half-pixel tolerance, under four
    // times that. The second view has the squares 50 px left of its frame (within the margin drawn).
    const zoom = Math.log2(360 / (0.3 * 512));
    const shown = outlinePaths(geo, { camera: { lon: 1, lat: 0.5, zoom }, width: 200, height: 200 });
    const beyond = outlinePaths(geo, { camera: { lon: 46, lat: 0.5, zoom }, width: 200, height: 200 });
    const bend = (camera: { lon: number; lat: number; zoom: number }) => {
      const [x, y] = projectionFor(camera, 200, 200)([1.3, 0.5])!;
      return `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    };
    expect(points(shown.area('counties', 0))).toContain(bend({ lon: 1, lat: 0.5, zoom }));
    expect(points(beyond.area('counties', 0))).not.toContain(bend({ lon: 46, lat: 0.5, zoom }));
    for (const p of points(beyond.area('counties', 0))) expect(Number(p.split(',')[0])).toBeLessThan(0);
  });

  it('draws the shipped geometry: 88 counties with closed outlines and the Guizhou view inside the frame', () => {
    const topo = JSON.parse(readFileSync('geo/pairing.topo.json', 'utf8')) as Topology;
    const real = toGeography(topo);
    expect(real.ids.counties).toHaveLength(88);
    expect(real.ids.provinces).toHaveLength(34);
    const guizhou = outlinePaths(real, { camera: { lon: 106.6, lat: 26.9, zoom: 6.7 }, width: 1200, height: 900 });
    for (let i = 0; i < 88; i++) {
      const d = guizhou.area('counties', i);
      expect(d.startsWith('M') && d.endsWith('Z')).toBe(true);
      for (const p of points(d)) {
        const [x, y] = p.split(',').map(Number);
        expect(x! > -200 && x! < 1400 && y! > -200 && y! < 1100).toBe(true);
      }
    }
    // GeoJSON for MapLibre's provinces keeps the ids.
    expect(feature(topo, topo.objects['provinces']!).type).toBe('FeatureCollection');
  });

  it('leaves out points beyond one side of the view, keeping every point inside and the chords beyond', () => {
    // A line that comes in from the left, leaves past the top-left corner and comes back.
    const xs = Float64Array.from([5, -1, -5, -9, -9, -5, 5, 5, 5]);
    const ys = Float64Array.from([5, 5, 6, 5, -3, -9, -9, -5, 2]);
    const n = cullOutside(xs, ys, xs.length, [0, 0, 10, 10]);
    const [cx, cy] = [xs.subarray(0, n), ys.subarray(0, n)];
    const kept = [...cx].map((x, i) => `${x},${cy[i]}`);
    // Inside the bounds nothing is dropped.
    for (const p of ['5,5', '5,2']) expect(kept).toContain(p);
    // The run on the left (-1..-9) keeps its ends; the corner point joins the left and top runs.
    expect(kept).not.toContain('-5,6');
    expect(kept.length).toBeLessThan(9);
    // Every chord that replaced points stays beyond one side: no kept segment enters the bounds
    // except those that did before (from and to the inside points).
    for (let i = 1; i < cx.length; i++) {
      const a = [cx[i - 1]!, cy[i - 1]!];
      const b = [cx[i]!, cy[i]!];
      const inside = (p: number[]) => p[0]! >= 0 && p[0]! <= 10 && p[1]! >= 0 && p[1]! <= 10;
      if (inside(a) || inside(b)) continue;
      expect((a[0]! < 0 && b[0]! < 0) || (a[1]! < 0 && b[1]! < 0)).toBe(true);
    }
  });
});

describe('the topology as the build ships it', () => {
  it('carries the borders the app would mesh itself and flat arcs, and gives the app the same geography as the TopoJSON', () => {
    const topo = JSON.parse(readFileSync('geo/pairing.topo.json', 'utf8')) as Topology;
    const prepared = JSON.parse(JSON.stringify(prepareTopology(topo))) as ReturnType<typeof prepareTopology>;
    expect(Object.keys(prepared.borders)).toEqual(['prefectures', 'counties', 'districts']);
    expect(toGeography(prepared)).toEqual(toGeography(topo));
    expect(toGeography(prepared).borders.counties.length).toBeGreaterThan(0);
    // Every arc keeps every position: one flat list of twice as many numbers.
    expect(prepared.arcs.map((a) => a.length)).toEqual(topo.arcs.map((a) => a.length * 2));
    // What the borders add is small beside the arcs, and the file is smaller than the TopoJSON.
    expect(JSON.stringify(prepared.borders).length).toBeLessThan(JSON.stringify(topo).length / 50);
    expect(JSON.stringify(prepared).length).toBeLessThan(JSON.stringify(topo).length * 0.8);
  });
});
