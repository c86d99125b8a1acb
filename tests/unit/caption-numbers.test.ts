import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captionProblems, numbersIn, stepFacts, unmatchedNumbers } from '../../src/story/caption-numbers.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const shipped = JSON.parse(readFileSync('data/stories.json', 'utf8'));

describe('caption numbers', () => {
  it('reads numbers as written in English and Chinese captions', () => {
    expect(numbersIn('¥31.25 million, ¥1.15 billion, ¥530,000 and 30 computers in 2011').map((n) => [n.text, n.value, n.yearLike])).toEqual([
      ['¥31.25 million', 31_250_000, false],
      ['¥1.15 billion', 1_150_000_000, false],
      ['¥530,000', 530_000, false],
      ['30', 30, false],
      ['2011', 2011, true],
    ]);
    expect(numbersIn('2011年青岛安排3,125万元，企业投资11.5亿元，53万元，30台').map((n) => n.value)).toEqual([2011, 31_250_000, 1_150_000_000, 530_000, 30]);
  });

  it('every number in the shipped stories is a figure, total or year of its step', () => {
    for (const story of shipped.stories) expect(captionProblems(model, story.id, story.steps)).toEqual([]);
  });

  it('names the number that does not match, in either language', () => {
    const step = structuredClone(shipped.stories[0].steps[1]);
    step.caption_en = step.caption_en.replace('¥13 million', '¥14.5 million');
    step.caption_zh = step.caption_zh.replace('2011年', '2012年');
    expect(captionProblems(model, 'tour', [step])).toEqual([
      'tour step 1: caption_en: "¥14.5 million" is not a figure, total or year of this step\'s data',
      'tour step 1: caption_zh: "2012" is not a figure, total or year of this step\'s data',
    ]);
  });

  it("holds the map's totals, not only single figures, and only under the step's filter", () => {
    // Qingdao's 2011 fiscal aid: 31.25 million is both a figure and the programme circle's total.
    const y2011 = stepFacts(model, { year: 2011, categories: [], metric: 'funds_cny' });
    expect(unmatchedNumbers('¥81.85 million', y2011)).toEqual(['¥81.85 million']); // Ningbo's 2010 programme
    expect(unmatchedNumbers('¥81.85 million', stepFacts(model, { year: 2010, categories: [], metric: 'funds_cny' }))).toEqual([]);
    // Puding in 2011: 530,000 for water and 100,000 of computers make the county's circle of 630,000.
    expect(unmatchedNumbers('¥630,000', y2011)).toEqual([]);
  });
});
