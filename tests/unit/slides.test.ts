import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slideContent, slideFrame } from '../../src/export/slide-content.ts';
import { dataBlock, offlineHtml } from '../../src/offline/offline-html.ts';
import { defaultState, parseState, serializeState } from '../../src/state/url-state.ts';
import { vocabularyOf } from '../../src/scene/vocabulary.ts';
import { stepPatch } from '../../src/state/story-step.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const story = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories[0];

describe('slide content', () => {
  it("a story step's slide: title, step and filter, caption, legend, source; notes list counted figures and their parts", () => {
    const frame = slideFrame(model, { ...defaultState('en'), ...stepPatch(story, 1) }, 'en');
    const c = slideContent(model, frame, { story, step: 1 });
    // The data fill the story's placeholders ({cities}, {years}), as on the caption card.
    expect(c.title).toBe('Pairing-off aid to Guizhou from Qingdao and Ningbo, 2009–2011');
    expect(c.source).toContain('entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010');
    expect(c.subtitle).toBe('2 of 6 · Aid funds · Showing: 2011; Government aid funds');
    expect(c.caption).toBe(story.steps[1].caption_en);
    expect(c.legend.sizesTitle).toBe('Circle area: Aid funds');
    expect(c.legend.sizes.map((s) => s.label)).toHaveLength(3);
    expect(c.legend.rows.filter((e) => e.heading).map((e) => e.label)).toEqual(['Where a figure applies', 'Partner city', 'County shading: Aid funds']);
    expect(c.legend.rows.filter((e) => e.glyph === '━').map((e) => [e.label, e.color])).toEqual([
      ['Qingdao', '#0072B2'],
      // 2011 has no Ningbo record: its lines are faded on the map, and the key says so.
      ['No Ningbo record for 2011', 'rgb(247, 223, 204)'],
      // A kind of line in the colour of a line of that kind on the map (a kept one: Qingdao's).
      ['Pairing stated in the text', '#0072B2'],
      ['Faded: no record of that pairing for 2011', 'rgb(247, 223, 204)'],
    ]);
    expect(c.notes).toContain('Anshun + Tongren: ¥31.25 million (2011)');
    expect(c.notes).toContain('• qd11-funds-total: ¥31.25 million; exact; 2011; Qingdao – Guizhou Pairing-off Poverty Alleviation, China Poverty Alleviation Yearbook 2012 edition (English web version), section “Overview”');
    // The parts the caption quotes are listed under their whole, never as figures of their own.
    expect(c.notes).toContain('◦ (part of qd11-funds-total, not added) qd11-funds-arranged: ¥16.4 million');
    expect(c.notes).not.toContain('• qd11-funds-arranged:');
  });

  it("says in the notes which circles the total counts, and ends with the table's total", () => {
    const en = slideContent(model, slideFrame(model, { ...defaultState('en'), year: 2010 }, 'en'), null).notes;
    expect(en).toContain('Anshun: ¥8.4 million (2010) — inside Anshun + Tongren (¥16.8 million): not added to the total');
    expect(en).toContain('Qianxinan + Qiandongnan: ¥10.22 million (2010) — may be inside Guizhou as a whole (¥81.85 million); the text does not say, so it is not added to the total');
    expect(en).toMatch(/Anshun \+ Tongren: ¥16\.8 million \(2010\)\n/);
    expect(en).toMatch(/\nTotal, each figure once: at least ¥98\.65 million \+ /);
    const zh = slideContent(model, slideFrame(model, { ...defaultState('zh'), year: 'all' }, 'zh'), null).notes;
    expect(zh).toContain('——包含在安顺、铜仁（7,645万元）中，不计入合计');
    expect(zh).toContain('——多年累计，与合计分列');
    expect(zh).toContain('合计（每项数据只计一次）：至少1.5905亿元');
  });

  it('the same slide in Chinese', () => {
    const c = slideContent(model, slideFrame(model, { ...defaultState('en'), ...stepPatch(story, 2) }, 'zh'), { story, step: 2 });
    expect(c.caption).toBe(story.steps[2].caption_zh);
    expect(c.notes).toContain('qd11-laoshan-puding-water: 53万元; 确数; 2011年;');
    expect(c.source.startsWith('资料来源')).toBe(true);
  });
});

describe('the slides link', () => {
  it('`export=pptx` asks for a deck (with `story=`, the story’s), and stays in the link', () => {
    const { state, command, ignored } = parseState('?story=tour&export=pptx', vocabularyOf(model, ['tour']), 'en');
    expect(ignored).toEqual([]);
    expect([command?.format, state.story]).toEqual(['pptx', 'tour']);
    expect(serializeState(state, command)).toContain('export=pptx');
    // The command is done once: the page's own link after it does not ask again.
    expect(serializeState(state)).not.toContain('export=');
  });
});

describe('offline file', () => {
  it('keeps data as JSON that cannot close its element, and refuses a script that could', () => {
    const payload = { dataset: { note: '</script><script>alert(1)</script>' } as never, stories: [] };
    const block = dataBlock(payload);
    expect(block).not.toContain('<');
    expect(JSON.parse(block)).toEqual(payload);
    const parts = { csp: "default-src 'none'", style: 'body{}', script: 'console.log(1)', topology: '{"type":"Topology"}' };
    expect(offlineHtml(parts, payload)).toContain('<script type="application/json" id="gpm-data">{"dataset":{"note":"\\u003c/script>');
    expect(() => offlineHtml({ ...parts, script: 'x="</script>"' }, payload)).toThrow(/must not contain/);
  });
});
