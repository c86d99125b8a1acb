import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/export/legend-box.ts';
import { t, type MessageKey } from '../../src/i18n/messages.ts';
import { textWidth } from '../../src/map/text-width.ts';

/*
 * The export's text wrapping: Chinese is broken by the rules of Chinese type (a closing mark never
 * starts a line, an opening one never ends one), and no last line is one character alone; English
 * by words. Every character is kept, in order. (The 1080 × 1080 export's legend ended its
 * "qualified" note with a lone ” and its programme entry with a lone 中.)
 */

const KEYS: MessageKey[] = ['legend.qualified', 'legend.programme', 'legend.partOf', 'legend.group', 'legend.fadedLine', 'legend.lockedScale', 'map.attribution'];

describe('wrapText', () => {
  it('breaks Chinese legend words as Chinese type does, at every width from 60 to 400 px', () => {
    for (const key of KEYS) {
      const text = t('zh', key, { year: '2010年', metric: '帮扶资金', city: '宁波' });
      for (let max = 60; max <= 400; max += 3) {
        const lines = wrapText(text, 11, max);
        const where = `${key} at ${max}px: ${JSON.stringify(lines)}`;
        expect(lines.join(''), where).toBe(text);
        for (const [i, line] of lines.entries()) {
          // Nor a space, which would set the line in by its width.
          if (i > 0) expect(line, where).not.toMatch(/^[ )）】」』〕》〉”’，。、；：！？]/);
          if (i < lines.length - 1) expect(line, where).not.toMatch(/[(（【「『〔《〈“‘]$/);
        }
        if (lines.length > 1) expect([...lines[lines.length - 1]!].length, where).toBeGreaterThan(1);
      }
    }
  });

  it('breaks English between words, each line within the width unless one word is wider', () => {
    const text = t('en', 'legend.partOf');
    for (let max = 40; max <= 400; max += 7) {
      const lines = wrapText(text, 11, max);
      expect(lines.join(' ')).toBe(text);
      for (const l of lines) if (l.includes(' ')) expect(textWidth(l, 11), `${max}px: ${l}`).toBeLessThanOrEqual(max);
    }
  });
});
