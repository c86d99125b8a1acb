import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, t } from '../../src/i18n/messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('are never empty, and use the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(MESSAGES.en[key].trim(), key).not.toBe('');
      expect(MESSAGES.zh[key].trim(), key).not.toBe('');
      expect(placeholders(MESSAGES.zh[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });

  it('are Chinese in Chinese: every zh message that is not a name or number has Chinese characters', () => {
    // Placeholders and punctuation aside, a Chinese message has Chinese characters (the language switch excepted: it names English).
    const latinOnly = Object.entries(MESSAGES.zh).filter(([k, v]) => {
      const words = v.replace(/\{\w+\}/g, '');
      return k !== 'lang.switch' && /[A-Za-z]/.test(words) && !/[\u4e00-\u9fff]/.test(words);
    });
    expect(latinOnly).toEqual([]);
  });

  it('are all used: every key appears in the code, literally or as a `prefix.${…}` template', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('messages.ts'));
    const code = files.map((f) => readFileSync(join('src', f), 'utf8')).join('\n');
    const unused = Object.keys(MESSAGES.en).filter((k) => !code.includes(`'${k}'`) && !code.includes(`\`${k.slice(0, k.lastIndexOf('.') + 1)}\${`));
    expect(unused).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('en', 'legend.filter', { year: '2010', categories: 'Education' })).toBe('Showing: 2010; Education');
    expect(t('zh', 'legend.filter', { year: '2010年' })).toBe('当前显示：2010年；{categories}');
  });
});
