/*
 * Curved partner lines. A quadratic Bézier is drawn in Web Mercator (the map's own plane) so the curve
 * looks the same on screen in both renderers, then sampled back to lon/lat. The bend is a fraction of
 * the chord, to one side; `bend` may be negative to fan lines that meet at one city apart.
 */

export type LonLat = readonly [number, number];

const toMerc = ([lon, lat]: LonLat): [number, number] => [
  (lon * Math.PI) / 180,
  Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
];
const fromMerc = ([x, y]: [number, number]): [number, number] => [
  (x * 180) / Math.PI,
  ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI,
];

export function arcBetween(from: LonLat, to: LonLat, bend = 0.2, samples = 48): [number, number][] {
  const a = toMerc(from);
  const b = toMerc(to);
  const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  // Control point: the chord's midpoint pushed along its normal.
  const c: [number, number] = [mid[0] - dy * bend, mid[1] + dx * bend];
  const out: [number, number][] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const p: [number, number] = [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
    const ll = fromMerc(p);
    out.push([Number(ll[0].toFixed(5)), Number(ll[1].toFixed(5))]);
  }
  out[0] = [from[0], from[1]];
  out[samples] = [to[0], to[1]];
  return out;
}

/** Spreads n lines that share an end: bends alternate sides and grow, so no two lines coincide. */
export function fanBends(n: number, base = 0.12, step = 0.06): number[] {
  return Array.from({ length: n }, (_, i) => {
    const k = Math.floor(i / 2);
    const sign = i % 2 === 0 ? 1 : -1;
    return sign * (base + k * step);
  });
}
