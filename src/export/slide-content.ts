import type { Figure } from '../data/schema.ts';
import { formatPeriod } from '../i18n/format.ts';
import { t, type Lang, type MessageKey } from '../i18n/messages.ts';
import { LINE_OPACITY } from '../map/line-style.ts';
import { HATCH, INK, MIXED_COLOR, tint } from '../scene/colors.ts';
import { keySections, wordsText, type KeyEntry } from '../scene/key.ts';
import type { Model } from '../scene/model.ts';
import { buildScene } from '../scene/scene.ts';
import { tableRows, tableTotal } from '../scene/table.ts';
import type { AppState } from '../state/url-state.ts';
import type { Story } from '../data/stories.ts';
import type { Frame } from '../view/context.ts';
import { aggregateValue, figureValue, fillCoverage, filterText, metricLabel, metricValue, placeName, recipientsLabel, sourceCitation, sourceLine } from '../view/describe.ts';

/*
 * What one slide says, as plain data: its texts, the legend entries and the speaker notes. Pure and
 * drawn from the same scene as the map (and its table and CSV), so a slide's numbers are the map's.
 */

export interface LegendEntry {
  /** A glyph drawn in `color` before the label ("━", "■"); '' for a heading or a note. */
  glyph: string;
  color: string;
  label: string;
  heading?: boolean;
}

/** The slide's key: the circle sizes (drawn as circles), then every other entry as a line of text. */
export interface SlideKey {
  sizesTitle: string;
  /** Radii in the pixels of a scene drawn at MAX_RADIUS. */
  sizes: { label: string; radius: number }[];
  rows: LegendEntry[];
}

export interface SlideContent {
  frame: Frame;
  title: string;
  subtitle: string;
  caption: string;
  legend: SlideKey;
  source: string;
  notes: string;
}

/** The frame a slide is drawn from: the state in the deck's language and its scene. */
export function slideFrame(model: Model, state: AppState, lang: Lang): Frame {
  const s = { ...state, lang };
  return { state: s, scene: buildScene(model, s), lang, tr: (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars) };
}

/** A deck's own title (its file properties): the story's, with the words it leaves to the data filled in, or the app's. */
export function deckTitle(model: Model, state: AppState, lang: Lang, story: Story | null): string {
  return story ? fillCoverage(model, lang === 'zh' ? story.title_zh : story.title_en, lang) : slideFrame(model, state, lang).tr('app.title');
}

export function slideContent(model: Model, frame: Frame, story: { story: Story; step: number } | null): SlideContent {
  const { tr, lang, state } = frame;
  const what = `${metricLabel(model, state.metric, lang)} · ${filterText(model, frame)}`;
  const step = story?.story.steps[story.step];
  const place = state.place === null ? '' : tr('slides.place', { place: placeName(model, state.place, lang, 'full') });
  return {
    frame,
    title: story ? fillCoverage(model, lang === 'zh' ? story.story.title_zh : story.story.title_en, lang) : (state.title ?? tr('app.title')),
    subtitle: story ? `${tr('story.count', { n: story.step + 1, of: story.story.steps.length })} · ${what}` : what,
    caption: step ? fillCoverage(model, lang === 'zh' ? step.caption_zh : step.caption_en, lang) : place,
    legend: legendEntries(model, frame),
    source: `${sourceLine(model, tr, lang)}${lang === 'zh' ? '。' : '. '}${tr('map.attribution')}`,
    notes: speakerNotes(model, frame),
  };
}

/** The view's key (scene/key.ts) as the slide draws it: sizes as circles, the rest as glyphs and words. */
function legendEntries(model: Model, frame: Frame): SlideKey {
  const { lang, state, scene } = frame;
  const key: SlideKey = { sizesTitle: '', sizes: [], rows: [] };
  for (const s of keySections(model, state, scene)) {
    const title = wordsText(s.title, lang);
    if (s.id === 'sizes') key.sizesTitle = title;
    else key.rows.push({ glyph: '', color: INK, label: title, heading: true });
    for (const e of s.entries) {
      const label = wordsText(e.words, lang);
      if (e.kind === 'size') key.sizes.push({ label, radius: e.radius });
      else key.rows.push({ ...glyphOf(e), label });
    }
  }
  return key;
}

function glyphOf(e: KeyEntry): { glyph: string; color: string } {
  switch (e.kind) {
    case 'mark':
      return { glyph: { place: '●', group: '◉', programme: '◎', multi: '○' }[e.mark], color: MIXED_COLOR };
    case 'city':
      return { glyph: '━', color: e.faded ? tint(e.color, 1 - LINE_OPACITY.faded) : e.color };
    case 'line':
      return { glyph: e.evidence === 'stated' ? '━' : '╍', color: e.color };
    case 'fadedLine':
      // A faded line is its colour at the map's opacity over white.
      return { glyph: '━', color: tint(e.color, 1 - LINE_OPACITY.faded) };
    case 'district':
      return { glyph: '■', color: tint(e.color) };
    case 'shade':
      return e.hatched ? { glyph: '▨', color: HATCH } : { glyph: '■', color: e.fill };
    default:
      return { glyph: '', color: INK };
  }
}

/**
 * Every figure the slide shows: one paragraph per circle (place, total, period, and whether the total
 * counts it, as the table marks it), then each figure it counts with its id, value, qualifier, year(s)
 * and the source section, as the table and CSV list them; last, the table's total.
 */
export function speakerNotes(model: Model, frame: Frame): string {
  const { tr, lang, state, scene } = frame;
  const total = tableTotal(model, scene);
  const rows = tableRows(model, scene, total);
  const byKey = new Map(rows.map((r) => [r.marker.key, r]));
  const value = (v: number, q: Parameters<typeof metricValue>[3]) => metricValue(model, v, state.metric, q, lang);
  if (rows.length === 0) return tr('slides.notesEmpty');
  const lines = [tr('slides.notesHeading', { what: `${metricLabel(model, state.metric, lang)} · ${filterText(model, frame)}` })];
  for (const r of rows) {
    const m = r.marker;
    const where = m.recipients.map((id) => placeName(model, id, lang)).join(lang === 'zh' ? '、' : ' + ');
    const kind = m.multiYear ? tr('slides.multiYear') : '';
    // Whether the total counts this circle: someone adding up the notes would otherwise count parts twice.
    const whole = r.partOf ? byKey.get(r.partOf.key) : undefined;
    const wholeValue = whole ? value(whole.marker.value, whole.marker.qualifier) : '';
    const wholeText = whole ? `${recipientsLabel(model, whole.marker.recipients, lang)}${lang === 'zh' ? `（${wholeValue}）` : ` (${wholeValue})`}` : '';
    const inTotal =
      r.inTotal === 'yes'
        ? ''
        : r.inTotal === 'partly'
          ? tr('slides.inTotalPartly', { value: value(r.valueInTotal, m.qualifier) })
          : m.multiYear
            ? tr('slides.notInTotalApart')
            : whole
              ? tr(r.partOf?.kind === 'open' ? 'slides.notInTotalOpen' : 'slides.notInTotalInside', { whole: wholeText })
              : '';
    lines.push('', `${where}${kind}: ${value(m.value, m.qualifier)} (${m.period})${inTotal}`);
    for (const f of r.figures) lines.push(`• ${figureLine(model, frame, f)}`);
    // Parts of a counted figure, which captions often quote: listed under it, never added to the total.
    const contained = m.multiYear ? [] : (scene.aggregates.get(m.key)?.contained ?? []);
    for (const f of contained) lines.push(`  ◦ ${tr('slides.partOf', { whole: f.part_of ?? '' })} ${figureLine(model, frame, f)}`);
  }
  const sum = total ? aggregateValue(model, total.aggregate, lang) : null;
  if (sum !== null) lines.push('', tr('slides.notesTotal', { value: sum }));
  return lines.join('\n');
}

function figureLine(model: Model, frame: Frame, f: Figure): string {
  const { tr, lang } = frame;
  return `${f.id}: ${figureValue(model, f, lang)}; ${tr(`slides.qualifier.${f.qualifier}`)}; ${formatPeriod(f.year_from, f.year_to, lang)}; ${sourceCitation(model, f, tr('panel.section'))}`;
}
