/*
 * Reading a data file's bytes: size limit, encoding, and a check that it is CSV at all. Used by the
 * "Open data…" dialog, `npm run data:check` and the build alike, so that a file gets one verdict.
 *
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Chinese spreadsheets often save
 * GBK; a file that is not UTF-8 is read as GBK only when every byte decodes cleanly and the result
 * reads like GBK text (`readsAsGbk`), not like UTF-8 with a stray byte or Latin-1. Otherwise it is
 * refused with the offset of the first bad byte (as UTF-8): text is never silently replaced.
 */

/** Larger files are refused with a message rather than risking a frozen tab (the data is ~40 KB). */
export const MAX_BYTES = 20 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: 'too-large' | 'empty' | 'binary' | 'not-csv' }
  | { ok: false; reason: 'bad-bytes'; offset: number; line: number };

export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_BYTES) return { ok: false, reason: 'too-large' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  // The header line must have a comma outside quotes, else it is not a table of ours.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.replace(/"[^"]*"/g, '').includes(',')) return { ok: false, reason: 'not-csv' };
  return { ok: true, text, encoding: decoded.encoding };
}

function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  // A NUL byte in a file without a UTF-16 BOM: a spreadsheet, an image, a zip.
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8.ok) return utf8;
  const bad = firstBadUtf8(bytes);
  const where = { offset: bad, line: lineAt(bytes, bad) };
  const gbk = strict('gbk', bytes);
  return gbk.ok && readsAsGbk(bytes) ? gbk : { ok: false, reason: 'bad-bytes', ...where };
}

function strict(encoding: Encoding, bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    // Where it failed (UTF-16): the first replacement character of a lenient reading, two bytes per
    // code unit after the two-byte BOM. UTF-8 and GBK failures report `firstBadUtf8` instead.
    const lenient = new TextDecoder(encoding).decode(bytes);
    const index = Math.max(0, lenient.indexOf('\ufffd'));
    return { ok: false, reason: 'bad-bytes', offset: 2 + 2 * index, line: lenient.slice(0, index).split('\n').length };
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstBadUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/** Length of the well-formed multi-byte UTF-8 sequence at `i`, or 0 (Unicode table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const c = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = bytes[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return c(1) ? 2 : 0;
  if (b === 0xe0) return c(1, 0xa0) && c(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return c(1) && c(2) ? 3 : 0;
  if (b === 0xed) return c(1, 0x80, 0x9f) && c(2) ? 3 : 0;
  if (b === 0xf0) return c(1, 0x90) && c(2) && c(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return c(1) && c(2) && c(3) ? 4 : 0;
  if (b === 0xf4) return c(1, 0x80, 0x8f) && c(2) && c(3) ? 4 : 0;
  return 0;
}

/**
 * Whether bytes that decode as GBK read like GBK text: no single high byte (0x80, 0xFF, which the
 * decoder maps to € and a private-use character) and at least four in five double-byte characters
 * from the common GB2312 range (lead and trail 0xA1–0xFE). UTF-8 Chinese read as GBK splits its
 * characters across pairs whose trail bytes mostly fall below 0xA1 (青岛 → 闈掑矝), and Latin-1
 * accents (ü, é) do the same; real GBK text seldom uses the rarer extension characters.
 */
function readsAsGbk(bytes: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      rare++; // a four-byte GB18030 sequence
      i += 4;
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++;
    else rare++;
    i += 2;
  }
  return common >= 4 * rare;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
