import { describe, expect, it } from 'vitest';
import { crossings, planRoutes, routePath, routePoints, type LineToInset } from '../../src/map/line-routes.ts';

/*
 * The lines into an inset: one trunk per inset, entered by the edge that faces Guizhou, kept off the
 * circles of other places, and meeting rather than crossing.
 */

// An inset at the right (x 700–900, y 100–400, its map below a 38 px caption) and one below-right.
const frame = [700, 100, 900, 400] as const;
const map = [700, 138, 900, 400] as const;
const line = (id: string, from: [number, number], to: [number, number]): LineToInset => ({ id, from, to, frame, map });

// Places spread over a province west of the inset; districts in it, in an order unlike the places'.
const lines = [
  line('a', [200, 500], [720, 160]),
  line('b', [260, 420], [860, 300]),
  line('c', [320, 380], [760, 240]),
  line('d', [500, 200], [760, 240]),
  line('e', [150, 300], [800, 380]),
];

describe('planRoutes', () => {
  it('brings every line into its inset by one port on the edge facing Guizhou, above the scale bar', () => {
    const routes = planRoutes(lines, { circles: [], boxes: [] });
    const ports = new Set([...routes.values()].map((r) => String(r.port)));
    expect(ports.size).toBe(1);
    for (const r of routes.values()) {
      expect(r.side).toBe('left');
      expect(r.port[0]).toBe(700);
      expect(r.port[1]).toBeGreaterThanOrEqual(map[1]);
      expect(r.port[1]).toBeLessThanOrEqual(map[3] - 26);
      // The trunk starts past the last place and short of the edge.
      expect(r.join[0]).toBeGreaterThan(500);
      expect(r.join[0]).toBeLessThanOrEqual(700 - 24);
      const points = routePoints(r);
      expect(points[0]).toEqual(r.from);
      expect(points.at(-1)).toEqual(r.to);
      // A route is only its way: what planning checked it by stays behind.
      expect(Object.keys(r).sort()).toEqual(['bend', 'enter', 'from', 'join', 'port', 'side', 'to']);
    }
  });

  it('lets lines from places in any order meet without crossing', () => {
    expect(crossings([...planRoutes(lines, { circles: [], boxes: [] }).values()])).toBe(0);
  });

  it('passes by another place\'s circle rather than through it', () => {
    const free = planRoutes(lines, { circles: [], boxes: [] });
    // A circle where the unhindered trunk runs.
    const [x, y] = free.get('a')!.join;
    const circle = { x: x - 40, y, r: 14 };
    const routes = planRoutes(lines, { circles: [circle], boxes: [] });
    for (const r of routes.values()) {
      const nearest = Math.min(...routePoints(r, 64).map(([px, py]) => Math.hypot(px - circle.x, py - circle.y)));
      expect(nearest).toBeGreaterThan(circle.r);
    }
  });

  it('enters an inset below Guizhou by its top edge, and passes under its caption', () => {
    const below = { frame: [100, 600, 300, 800] as const, map: [100, 638, 300, 800] as const };
    const routes = planRoutes([{ id: 'x', from: [150, 300], to: [200, 700], ...below }, { id: 'y', from: [250, 350], to: [260, 760], ...below }], { circles: [], boxes: [] });
    for (const r of routes.values()) {
      expect(r.side).toBe('top');
      expect(r.port[1]).toBe(600);
      expect(r.enter).toEqual([r.port[0], 638]);
      expect(routePath(r)).toContain(`M${r.port[0]},638C`);
      expect(r.port[0]).toBeGreaterThanOrEqual(100);
      expect(r.port[0]).toBeLessThanOrEqual(300);
    }
  });
});
