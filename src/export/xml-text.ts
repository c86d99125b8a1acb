/**
 * Characters XML 1.0 does not allow (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) replaced by U+FFFD. Validation keeps them out of the data; this covers what else
 * reaches an export (a link's title), so that an SVG stays well-formed and a PNG can be drawn.
 */
export function xmlText(serialized: string): string {
  return serialized.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');
}
