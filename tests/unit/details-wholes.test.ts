import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/data/aggregate.ts';
import { placeDetails, type FigureNode } from '../../src/scene/details.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows } from '../../src/scene/table.ts';
import { figureWholeText, wholePlaces, wholeText } from '../../src/scene/wholes.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

/* A part's row in a place's panel names the whole it lies in (or may lie in), in the map tooltip's words. */

const model = shippedModel();
const ALL: Filter = { year: 'all', categories: [], metric: 'funds_cny' };

/** Every figure row of a place's panel, nested ones included. */
function rows(id: string, filter: Filter = ALL): FigureNode[] {
  const flat = (list: FigureNode[]): FigureNode[] => list.flatMap((n) => [n, ...flat(n.children)]);
  return flat(placeDetails(model, id, filter)!.figures);
}
const row = (place: string, figure: string, filter: Filter = ALL) => rows(place, filter).find((n) => n.figure.id === figure)!;

describe('a part names its whole in the panel', () => {
  it("Anshun's ¥8.4 million of 2010 is part of Qingdao's ¥16.8 million for Anshun and Tongren", () => {
    const n = row('520400', 'qd10-funds-anshun');
    expect(n.whole?.kind).toBe('inside');
    expect(n.whole?.figure.id).toBe('qd10-funds');
    expect(figureWholeText(model, n.whole!, 'en')).toBe('Part of ¥16.8 million for Anshun + Tongren (2010), not to be added to it');
    expect(figureWholeText(model, n.whole!, 'zh')).toBe('属于安顺、铜仁的1,680万元（2010年），不可与之相加');
  });

  it('names the nearest whole, even when it is listed just above (nested) or on another row', () => {
    // Qingdao 2011: 14 million inside the 16.4 million, itself inside the 31.25 million.
    expect(row('520400', 'qd11-funds-arranged-city').whole?.figure.id).toBe('qd11-funds-arranged');
    expect(row('520400', 'qd11-funds-arranged').whole?.figure.id).toBe('qd11-funds-total');
    // Puding lists Anshun's figures too: their parts say what they lie in there as well.
    expect(row('520422', 'qd10-funds-anshun').whole?.figure.id).toBe('qd10-funds');
  });

  it('a figure the text may include says so, and a figure that is no part names nothing', () => {
    const pingba = row('520403', 'qd11-shinan-pingba');
    expect(pingba.whole?.kind).toBe('open');
    expect(figureWholeText(model, pingba.whole!, 'en')).toBe('The text may include it in ¥1.85 million for Anshun + Tongren (2011): not added');
    expect(figureWholeText(model, pingba.whole!, 'zh')).toBe('原文可能已将其计入安顺、铜仁的185万元（2011年）：未相加');
    const drought = row('330200', 'nb10-drought-total');
    expect(figureWholeText(model, drought.whole!, 'en')).toBe('The text may include it in ¥81.85 million for All of Guizhou, from Ningbo (2010): not added');
    for (const id of ['qd10-funds', 'qd11-funds-total', 'qd11-laoshan-puding-water']) expect(rows('520422').concat(rows('520400')).find((n) => n.figure.id === id)?.whole ?? null).toBeNull();
  });

  it('says what the map says: the whole is the one its circle lies in, in the tooltip’s words, and the table names the same row', () => {
    const scene = buildScene(model, { ...defaultState('en'), year: 2010 });
    const part = scene.markers.find((m) => m.key === '520400')!;
    const whole = scene.markers.find((m) => m.key === part.partOf)!;
    const n = row('520400', 'qd10-funds-anshun', { ...ALL, year: 2010 });
    // The same whole figure behind the circle, the panel row and the table row.
    expect(whole.key).toBe('520400;520600');
    expect(model.anchors.find((a) => a.key === whole.key)!.figures.map((f) => f.id)).toContain(n.whole!.figure.id);
    expect(tableRows(model, scene).find((r) => r.marker.key === '520400')!.partOf).toEqual({ key: whole.key, kind: 'inside' });
    // One wording: the tooltip's line differs from the panel's only in the circle's short value.
    const tooltip = wholeText({ kind: 'inside', value: whole.valueLabel, places: wholePlaces(whole, 'en'), period: whole.period }, 'en');
    expect(tooltip).toBe('Part of ¥16.8m for Anshun + Tongren (2010), not to be added to it');
    expect(figureWholeText(model, n.whole!, 'en')).toBe(tooltip.replace('¥16.8m', '¥16.8 million'));
  });
});
