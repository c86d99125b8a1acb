import type { Lang } from '../i18n/messages.ts';
import type { Pairing, Place } from '../data/schema.ts';

/** Places by id with the relations the map needs: parents, partners and the partner city of a donor. */
export interface PlaceIndex {
  byId: ReadonlyMap<string, Place>;
  /** Partner cities in a stable order (the order fixes their colours). */
  cities: readonly Place[];
  get(id: string): Place | undefined;
}

export const PROVINCE_GUIZHOU = '520000';

/** Ids are ASCII: code-unit order is stable and, unlike localeCompare, needs no collator at start-up. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function indexPlaces(places: readonly Place[]): PlaceIndex {
  const byId = new Map(places.map((p) => [p.id, p]));
  const cities = places.filter((p) => p.level === 'city').sort((a, b) => cityOrder(a.id) - cityOrder(b.id) || compareIds(a.id, b.id));
  return { byId, cities, get: (id) => byId.get(id) };
}

// Qingdao first, then Ningbo: the order of the yearbook entries we ship; other cities follow by code.
const cityOrder = (id: string) => (id === '370200' ? 0 : id === '330200' ? 1 : 2);

/** The partner city a donor belongs to: the city itself, or a district's parent city. */
export function cityOf(places: PlaceIndex, donorId: string): Place | undefined {
  const p = places.get(donorId);
  if (!p) return undefined;
  if (p.level === 'city') return p;
  const parent = p.parent === null ? undefined : places.get(p.parent);
  return parent?.level === 'city' ? parent : p;
}

export function nameOf(p: Place, lang: Lang, form: 'short' | 'full' = 'short'): string {
  if (lang === 'zh') return form === 'short' ? p.short_zh : p.name_zh;
  return form === 'short' ? p.short_en : p.name_en;
}

/** The prefecture a county belongs to, if any. */
export function prefectureOf(places: PlaceIndex, id: string): Place | undefined {
  const p = places.get(id);
  if (!p || p.level !== 'county' || p.parent === null) return undefined;
  return places.get(p.parent);
}

/** Pairings that involve a place, as donor or recipient. */
export function pairingsOf(pairings: readonly Pairing[], id: string): Pairing[] {
  return pairings.filter((p) => p.donor === id || p.recipient === id);
}

/**
 * One partnership per donor and recipient, from the pairing rows of every source that records it
 * (Qingdao ↔ Anshun: 2009, 2010 and 2011, one row each): its period spans theirs, it is `stated` if
 * any text states it, and `records` keeps each row with its own source, years and evidence.
 */
export interface Partnership extends Pairing {
  records: Pairing[];
}

export function partnerships(pairings: readonly Pairing[]): Partnership[] {
  const byPair = new Map<string, Partnership>();
  for (const p of pairings) {
    const key = `${p.donor}-${p.recipient}`;
    const seen = byPair.get(key);
    if (!seen) {
      byPair.set(key, { ...p, records: [p] });
      continue;
    }
    seen.records.push(p);
    seen.from_year = Math.min(seen.from_year, p.from_year);
    seen.to_year = Math.max(seen.to_year, p.to_year);
    if (p.evidence === 'stated') seen.evidence = 'stated';
  }
  for (const p of byPair.values()) p.records.sort((a, b) => a.from_year - b.from_year || a.to_year - b.to_year);
  return [...byPair.values()];
}

/** Prefectures that some pairing reaches (directly, or through one of their counties). */
export function pairedPrefectures(pairings: readonly Pairing[], places: PlaceIndex): Set<string> {
  const out = new Set<string>();
  for (const p of pairings) {
    if (p.level === 'prefecture') out.add(p.recipient);
    else {
      const pref = prefectureOf(places, p.recipient);
      if (pref) out.add(pref.id);
    }
  }
  return out;
}
