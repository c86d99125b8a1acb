import { z } from 'zod';

// Zod's faster parsers are compiled with `new Function`; even its probe for that is a violation
// under our Content-Security-Policy (no 'unsafe-eval'). The plain interpreter is quick enough.
z.config({ jitless: true });

/*
 * The single definition of every data file's row. CSV cells arrive as strings; each field schema
 * turns a cell into its typed value or says, in words a spreadsheet user understands, what is wrong.
 * TypeScript types are inferred from these schemas, never written twice.
 */

const got = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/*
 * Control characters never reach the map: they make an SVG invalid XML and a PNG export fail, and
 * nobody types them on purpose. Tab and line breaks are allowed only in notes and descriptions.
 * Lone surrogates and U+FFFE/U+FFFF are not text either.
 */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** The trimmed cell, with an issue if it holds a character that is not text. */
function cleaned(s: string, ctx: z.RefinementCtx, opts: { multiline?: boolean } = {}): string {
  // SUSPECT is the quick test (surrogate pairs are fine; CONTROL tells them from lone ones).
  const bad = (SUSPECT.test(s) ? CONTROL.exec(s) : null) ?? (opts.multiline ? null : LINE_BREAK_OR_TAB.exec(s.trim()));
  if (bad) {
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.addIssue({ code: 'custom', message: `holds the control character ${code} at position ${bad.index + 1}${opts.multiline ? '' : ' (tabs and line breaks are allowed only in notes)'}` });
  }
  return s.trim();
}

const text = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx);
  if (t === '') ctx.addIssue({ code: 'custom', message: 'must not be empty' });
  return t;
});
const note = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx, { multiline: true });
  if (t === '') ctx.addIssue({ code: 'custom', message: 'must not be empty' });
  return t;
});
const optionalText = z.string().transform((s, ctx) => cleaned(s, ctx));
const optionalNote = z.string().transform((s, ctx) => cleaned(s, ctx, { multiline: true }));

const slug = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx);
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(t)) {
    ctx.addIssue({ code: 'custom', message: `expected an id of lower-case letters, digits, - or _, got ${got(s)}` });
  }
  return t;
});

export const placeId = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx);
  if (!/^\d{6}$/.test(t)) ctx.addIssue({ code: 'custom', message: `expected a 6-digit place code, got ${got(s)}` });
  return t;
});

const optionalPlaceId = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx);
  if (t !== '' && !/^\d{6}$/.test(t)) {
    ctx.addIssue({ code: 'custom', message: `expected a 6-digit place code or nothing, got ${got(s)}` });
  }
  return t === '' ? null : t;
});

/**
 * Every number in the data is finite and below `NUMBER_LIMIT` in size, whatever its column: a value
 * of 400 nines is Infinity to JavaScript, and nothing downstream can draw, format or add it.
 * Figures have a tighter range per unit (`UNIT_RANGE`), checked against their metric.
 */
export const NUMBER_LIMIT = 1e15;

function number(opts: { integer?: boolean; min?: number; max?: number } = {}) {
  return z.string().transform((s, ctx) => {
    const t = cleaned(s, ctx);
    if (!/^-?\d+(\.\d+)?$/.test(t)) {
      ctx.addIssue({ code: 'custom', message: `expected a number, got ${got(s)}` });
      return z.NEVER;
    }
    const n = Number(t);
    if (!Number.isFinite(n) || Math.abs(n) >= NUMBER_LIMIT) {
      ctx.addIssue({ code: 'custom', message: `${got(t)} is too large: numbers must be below 10^15` });
      return z.NEVER;
    }
    if (opts.integer && !Number.isInteger(n)) ctx.addIssue({ code: 'custom', message: `expected a whole number, got ${got(s)}` });
    if (opts.min !== undefined && n < opts.min) ctx.addIssue({ code: 'custom', message: `must be at least ${opts.min}, got ${n}` });
    if (opts.max !== undefined && n > opts.max) ctx.addIssue({ code: 'custom', message: `must be at most ${opts.max}, got ${n}` });
    return n;
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((s, ctx) => {
    const t = cleaned(s, ctx);
    if (!(values as readonly string[]).includes(t)) {
      ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(' | ')}, got ${got(s)}` });
      return z.NEVER;
    }
    return t as T[number];
  });
}

const bool = z.string().transform((s, ctx) => {
  const t = cleaned(s, ctx).toLowerCase();
  if (t !== 'true' && t !== 'false') {
    ctx.addIssue({ code: 'custom', message: `expected true or false, got ${got(s)}` });
    return z.NEVER;
  }
  return t === 'true';
});

/** Years the data may cover: the pairing programme began in 1996; 2050 catches typing slips. */
export const YEAR_MIN = 1996;
export const YEAR_MAX = 2050;
const year = number({ integer: true, min: YEAR_MIN, max: YEAR_MAX });

export const PLACE_LEVELS = ['province', 'prefecture', 'county', 'city', 'district'] as const;
export const QUALIFIERS = ['exact', 'more_than', 'at_least', 'about'] as const;
export const UNITS = ['cny', 'count', 'people', 'percent'] as const;

/** The range a figure's value must lie in, by the unit of its metric (README, "The data"). */
export const UNIT_RANGE: Record<(typeof UNITS)[number], { max: number; inclusive: boolean; words: string }> = {
  cny: { max: 1e15, inclusive: false, words: 'below 10^15 yuan' },
  count: { max: 1e9, inclusive: false, words: 'below 10^9' },
  people: { max: 1e10, inclusive: false, words: 'below 10^10 people' },
  percent: { max: 100, inclusive: true, words: 'at most 100 percent' },
};

/**
 * A source document. `title`, `publisher`, `yearbook` and `edition` are as the document gives them;
 * the `_zh` columns are our own Chinese translation (the original title still stands in citations).
 * `complete` says whether we hold the whole document; `held_en`/`held_zh` say what part we hold.
 */
export const sourceRow = z.object({
  id: slug,
  title: text,
  title_zh: text,
  publisher: text,
  publisher_zh: text,
  yearbook: text,
  yearbook_zh: text,
  edition: text,
  edition_zh: text,
  url: z.string().transform((s, ctx) => {
    const t = cleaned(s, ctx);
    if (t !== '' && !/^https?:\/\/\S+$/.test(t)) ctx.addIssue({ code: 'custom', message: `expected an http(s) URL or nothing, got ${got(s)}` });
    return t;
  }),
  language: oneOf(['en', 'zh']),
  complete: bool,
  held_en: text,
  held_zh: text,
});

/** The Chinese name of a section heading of a source (our translation). */
export const sectionRow = z.object({
  source: slug,
  section: text,
  section_zh: text,
});

/**
 * A contradiction a text makes, recorded as written (docs/data.md): `parts_exceed_whole` names one
 * whole whose listed parts exceed it; `text_inconsistent` gives its `source`, `section` and our own
 * `note_en`/`note_zh`, and may name the figures involved (`figure`: ids separated by ";").
 */
export const DISCREPANCY_CHECKS = ['parts_exceed_whole', 'text_inconsistent'] as const;
/** A cell of a column a file may leave out (see `optional` in TABLES): '' when absent. */
const optionalCell = (multiline = false) => z.string().optional().transform((s, ctx) => (s === undefined ? '' : cleaned(s, ctx, { multiline })));
export const discrepancyRow = z.object({
  figure: optionalText.transform((t) => t.split(';').map((x) => x.trim()).filter((x) => x !== '')),
  check: oneOf(DISCREPANCY_CHECKS),
  source: optionalCell(),
  section: optionalCell(),
  note_en: optionalCell(true),
  note_zh: optionalCell(true),
});

export const categoryRow = z.object({
  id: slug,
  label_en: text,
  label_zh: text,
  description_en: optionalNote,
});

/** `label_en` is plural ("Training courses"); counts of one take `label_one_en` ("1 Training course"). */
export const metricRow = z.object({
  id: slug,
  unit: oneOf(UNITS),
  label_en: text,
  label_zh: text,
  label_one_en: optionalText,
  additive: bool,
});

export const placeRow = z.object({
  id: placeId,
  level: oneOf(PLACE_LEVELS),
  parent: optionalPlaceId,
  name_zh: text,
  name_en: text,
  short_zh: text,
  short_en: text,
  name_2010_zh: optionalText,
  name_2010_en: optionalText,
  level_2010: z.string().transform((s, ctx) => {
    const t = cleaned(s, ctx);
    if (t !== '' && !(PLACE_LEVELS as readonly string[]).includes(t)) {
      ctx.addIssue({ code: 'custom', message: `expected one of ${PLACE_LEVELS.join(' | ')} or nothing, got ${got(s)}` });
    }
    return t === '' ? null : (t as (typeof PLACE_LEVELS)[number]);
  }),
  shape: oneOf(['polygon', 'point']),
  lon: number({ min: 73, max: 136 }),
  lat: number({ min: 3, max: 54 }),
});

export const pairingRow = z.object({
  donor: placeId,
  recipient: placeId,
  level: oneOf(['prefecture', 'county']),
  from_year: year,
  to_year: year,
  evidence: oneOf(['stated', 'activity']),
  source: slug,
  section: text,
});

export const figureRow = z.object({
  id: slug,
  source: slug,
  section: text,
  year_from: year,
  year_to: year,
  donor: placeId,
  recipients: z.string().transform((s, ctx) => {
    const ids = cleaned(s, ctx).split(';').map((x) => x.trim()).filter((x) => x !== '');
    if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one place code' });
    for (const id of ids) {
      if (!/^\d{6}$/.test(id)) ctx.addIssue({ code: 'custom', message: `expected 6-digit place codes separated by ";", got ${got(id)}` });
    }
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'names a place twice' });
    return ids;
  }),
  category: slug,
  metric: slug,
  value: number({ min: 0 }),
  qualifier: oneOf(QUALIFIERS),
  part_of: z.string().transform((s, ctx) => {
    const t = cleaned(s, ctx);
    return t === '' ? null : t;
  }),
  note_en: note,
  note_zh: note,
  /** A figure the text leaves open whether this one is included in: never added to it, shown beside it. */
  maybe_part_of: optionalCell().transform((t) => (t === '' ? null : t)),
});

export type Source = z.infer<typeof sourceRow>;
export type Section = z.infer<typeof sectionRow>;
export type Discrepancy = z.infer<typeof discrepancyRow>;
export type Category = z.infer<typeof categoryRow>;
export type Metric = z.infer<typeof metricRow>;
export type Place = z.infer<typeof placeRow>;
export type Pairing = z.infer<typeof pairingRow>;
export type Figure = z.infer<typeof figureRow>;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];

/** The data files, their row schemas and the column order they are written in. */
export const TABLES = {
  sources: { file: 'sources.csv', schema: sourceRow },
  sections: { file: 'sections.csv', schema: sectionRow },
  categories: { file: 'categories.csv', schema: categoryRow },
  metrics: { file: 'metrics.csv', schema: metricRow },
  places: { file: 'places.csv', schema: placeRow },
  pairings: { file: 'pairings.csv', schema: pairingRow },
  figures: { file: 'figures.csv', schema: figureRow, optional: ['maybe_part_of'] },
  discrepancies: { file: 'discrepancies.csv', schema: discrepancyRow, optional: ['source', 'section', 'note_en', 'note_zh'] },
} as const;

export type TableName = keyof typeof TABLES;

export function columnsOf(name: TableName): string[] {
  return Object.keys(TABLES[name].schema.shape);
}

/** Trailing columns a file may leave out (files written before the column existed stay valid). */
export function optionalColumnsOf(name: TableName): readonly string[] {
  const table = TABLES[name];
  return 'optional' in table ? table.optional : [];
}
