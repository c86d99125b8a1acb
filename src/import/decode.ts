/*
 * Reading a user's file: size limit, encoding (UTF-8 with or without BOM, else GBK, which Chinese
 * spreadsheets often save), and a check that it is CSV at all. Pure: tested without a browser.
 */

/** Larger files are refused with a message rather than risking a frozen tab (the data is ~40 KB). */
export const MAX_BYTES = 20 * 1024 * 1024;

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'gbk' } | { ok: false; reason: 'too-large' | 'empty' | 'binary' | 'not-csv' };

export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_BYTES) return { ok: false, reason: 'too-large' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, reason: 'binary' };
  let text: string;
  let encoding: 'utf-8' | 'gbk' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
    encoding = 'gbk';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',')) return { ok: false, reason: 'not-csv' };
  return { ok: true, text, encoding };
}

/** Chinese column names accepted in users' files, mapped to the documented English ones. */
export const HEADER_ALIASES: Record<string, string> = {
  编号: 'id',
  来源: 'source',
  栏目: 'section',
  起始年份: 'year_from',
  截止年份: 'year_to',
  帮扶方: 'donor',
  受援地: 'recipients',
  类别: 'category',
  指标: 'metric',
  数值: 'value',
  限定: 'qualifier',
  所属: 'part_of',
  可能所属: 'maybe_part_of',
  '说明（英文）': 'note_en',
  '说明（中文）': 'note_zh',
  受援方: 'recipient',
  层级: 'level',
  开始年份: 'from_year',
  结束年份: 'to_year',
  依据: 'evidence',
};

/** Rewrites the header line: Chinese aliases become the documented names; spaces and case are forgiven. */
export function normaliseHeader(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const fixed = header
    .split(',')
    .map((h) => {
      const t = h.trim().replace(/^"|"$/g, '');
      return HEADER_ALIASES[t] ?? t.toLowerCase().replace(/\s+/g, '_');
    })
    .join(',');
  return end === -1 ? fixed : fixed + text.slice(end);
}

export type ImportTable = 'figures' | 'pairings' | 'places';

/** Which of our files a CSV is, from its columns (else its name). */
export function identifyTable(headerLine: string, fileName: string): ImportTable | null {
  const cols = headerLine.split(',').map((c) => c.trim());
  if (cols.includes('metric') && cols.includes('value')) return 'figures';
  if (cols.includes('evidence') && cols.includes('recipient')) return 'pairings';
  if (cols.includes('shape') && cols.includes('level')) return 'places';
  const name = fileName.toLowerCase();
  return name.includes('figure') ? 'figures' : name.includes('pairing') ? 'pairings' : name.includes('place') ? 'places' : null;
}
