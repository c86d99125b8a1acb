/**
 * About how wide a line of text is drawn, in the units of `size`, without a browser to measure it
 * (exports are composed off-screen, and placing labels must not force a layout): CJK glyphs are
 * about 1 em wide, Latin ones about 0.58 em in the sans-serif fonts we name.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += c.charCodeAt(0) > 0x2e80 ? 1 : 0.58;
  return em * size;
}
