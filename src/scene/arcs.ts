/*
 * Curved partner lines: quadratic Béziers in Web Mercator (the map's own plane). The bend is a
 * fraction of the chord, to one side; `bend` may be negative to fan lines that meet at one city apart.
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

/**
 * The curve from `from` to `to` as [from, control, to] in lon/lat. The control point is the chord's
 * midpoint in Web Mercator pushed along its normal; a renderer projects the three points and draws
 * a quadratic Bézier, which is exactly the same curve because Web Mercator to screen is linear.
 */
export function arcBetween(from: LonLat, to: LonLat, bend = 0.2): [LonLat, LonLat, LonLat] {
  const a = toMerc(from);
  const b = toMerc(to);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const c = fromMerc([(a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend]);
  return [from, [Number(c[0].toFixed(5)), Number(c[1].toFixed(5))], to];
}

/** Spreads n lines that share an end: bends alternate sides and grow, so no two lines coincide. */
export function fanBends(n: number, base = 0.12, step = 0.06): number[] {
  return Array.from({ length: n }, (_, i) => {
    const k = Math.floor(i / 2);
    const sign = i % 2 === 0 ? 1 : -1;
    return sign * (base + k * step);
  });
}
