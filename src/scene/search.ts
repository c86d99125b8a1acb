import type { Place } from '../data/schema.ts';
import { PROVINCE_GUIZHOU } from './places.ts';

/**
 * Place search in both scripts: Chinese names, English names and Pinyin (our short English names are
 * Pinyin), ignoring case, spaces and tone-less diacritics. Prefix matches rank above inner matches.
 * Of the provinces only Guizhou, the map's subject, is a place to open; the rest are context.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 12): Place[] {
  const q = normalise(query);
  if (q === '') return [];
  const scored: { p: Place; score: number }[] = [];
  for (const p of places) {
    if (p.level === 'province' && p.id !== PROVINCE_GUIZHOU) continue;
    const spoken = LEVEL_PINYIN[p.level];
    const keys = [p.short_zh, p.name_zh, p.short_en, p.name_en, p.name_2010_zh, p.name_2010_en, spoken ? `${p.short_en} ${spoken}` : '']
      .filter((k) => k !== '')
      .map(normalise);
    let score = Infinity;
    for (const k of keys) {
      const i = k.indexOf(q);
      if (i === 0) score = Math.min(score, 0);
      else if (i > 0) score = Math.min(score, 1);
    }
    if (score < Infinity) scored.push({ p, score: score * 10 + levelRank(p) });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.p.short_en.localeCompare(b.p.short_en))
    .slice(0, limit)
    .map((s) => s.p);
}

// "Guizhou sheng" and "Qingdao shi" are how the Chinese names 贵州省 and 青岛市 are read in Pinyin.
const LEVEL_PINYIN: Partial<Record<Place['level'], string>> = { province: 'sheng', city: 'shi' };

const levelRank = (p: Place) => ['province', 'prefecture', 'city', 'county', 'district'].indexOf(p.level);

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, '');
}
