/**
 * The gazetteer, data/places.csv: columns, ids, levels, parents, counts,
 * agreement with geo/pairing.topo.json, label points, names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { geoContains } from 'd3-geo';
import { PLACE_COLUMNS, buildPlacesCsv, featuresById } from '../../geo/places.ts';
import { missingSources } from '../../geo/sources.ts';
import type { PairingTopology } from '../../geo/topology.ts';

const csvText = readFileSync(new URL('../../data/places.csv', import.meta.url), 'utf8');
const parsed = csvParse(csvText.replace(/^\uFEFF/, ''));
const rows = parsed.map((r) => r as Record<(typeof PLACE_COLUMNS)[number], string>);
const byId = new Map(rows.map((r) => [r.id, r]));
const topology = JSON.parse(readFileSync(new URL('../../geo/pairing.topo.json', import.meta.url), 'utf8')) as PairingTopology;

const LEVELS = ['province', 'prefecture', 'county', 'city', 'district'];
/** Which topology object holds the shape of each level. */
const OBJECT_OF_LEVEL = { province: 'provinces', prefecture: 'prefectures', county: 'counties', district: 'districts' } as const;
const features = {
  provinces: featuresById(topology, 'provinces'),
  prefectures: featuresById(topology, 'prefectures'),
  counties: featuresById(topology, 'counties'),
  districts: featuresById(topology, 'districts'),
};
const row = (id: string) => {
  const r = byId.get(id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe('data/places.csv format', () => {
  it('has exactly the agreed columns, in order', () => {
    expect(parsed.columns).toEqual([...PLACE_COLUMNS]);
  });

  it('has unique 6-digit ids, sorted', () => {
    const ids = rows.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^\d{6}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('uses the level vocabulary (level and level_2010) and shape vocabulary', () => {
    for (const r of rows) {
      expect(LEVELS, r.id).toContain(r.level);
      if (r.level_2010) expect(LEVELS, r.id).toContain(r.level_2010);
      expect(['polygon', 'point'], r.id).toContain(r.shape);
    }
  });

  it('has non-empty names, and 2010 names in pairs', () => {
    for (const r of rows) {
      for (const c of ['name_zh', 'name_en', 'short_zh', 'short_en'] as const) {
        expect(r[c], `${r.id} ${c}`).not.toBe('');
        expect(r[c].trim(), `${r.id} ${c}`).toBe(r[c]);
      }
      expect(Boolean(r.name_2010_zh), r.id).toBe(Boolean(r.name_2010_en));
      expect(r.name_2010_zh, `${r.id}: 2010 name only when it differed`).not.toBe(r.name_zh);
    }
  });
});

describe('data/places.csv hierarchy', () => {
  it('gives every row an existing parent (provinces none)', () => {
    for (const r of rows) {
      if (r.level === 'province') expect(r.parent, r.id).toBe('');
      else expect(byId.has(r.parent), `${r.id} → ${r.parent}`).toBe(true);
    }
  });

  it('has the 9 Guizhou prefectures under 520000', () => {
    const prefectures = rows.filter((r) => r.level === 'prefecture');
    expect(prefectures).toHaveLength(9);
    for (const r of prefectures) expect(r.parent).toBe('520000');
  });

  it('has 88 counties, each under the prefecture its code prefix names', () => {
    const counties = rows.filter((r) => r.level === 'county');
    expect(counties).toHaveLength(88);
    for (const r of counties) {
      expect(row(r.parent).level, r.id).toBe('prefecture');
      expect(r.parent, r.id).toBe(`${r.id.slice(0, 4)}00`);
    }
  });

  it('has Qingdao and Ningbo as cities with their districts, incl. the 3 former ones', () => {
    expect(row('370200')).toMatchObject({ level: 'city', parent: '370000', shape: 'point' });
    expect(row('330200')).toMatchObject({ level: 'city', parent: '330000', shape: 'point' });
    for (const city of ['370200', '330200']) {
      const districts = rows.filter((r) => r.parent === city);
      for (const r of districts) expect(r.level).toBe('district');
      expect(districts.filter((r) => r.shape === 'polygon')).toHaveLength(10);
    }
    const former = rows.filter((r) => r.level === 'district' && r.shape === 'point').map((r) => r.id);
    expect(former).toEqual(['330204', '370205', '370284']);
  });

  it('has all 34 provincial units', () => {
    expect(rows.filter((r) => r.level === 'province')).toHaveLength(34);
  });
});

describe('data/places.csv and the geometry', () => {
  it('has a row for every feature, of the matching level, shape=polygon', () => {
    for (const [object, map] of Object.entries(features))
      for (const id of map.keys()) {
        expect(byId.has(id), `${object} ${id}`).toBe(true);
        expect(OBJECT_OF_LEVEL[row(id).level as keyof typeof OBJECT_OF_LEVEL], id).toBe(object);
        expect(row(id).shape).toBe('polygon');
      }
  });

  it('has a feature for every polygon row and none for point rows', () => {
    for (const r of rows) {
      const object = OBJECT_OF_LEVEL[r.level as keyof typeof OBJECT_OF_LEVEL];
      const has = object !== undefined && features[object].has(r.id);
      expect(has, r.id).toBe(r.shape === 'polygon');
    }
  });

  it('has label points with 4 decimals in China, inside their polygon', () => {
    for (const r of rows) {
      expect(r.lon, r.id).toMatch(/^\d{2,3}\.\d{4}$/);
      expect(r.lat, r.id).toMatch(/^\d{1,2}\.\d{4}$/);
      const p: [number, number] = [Number(r.lon), Number(r.lat)];
      expect(p[0], r.id).toBeGreaterThan(73);
      expect(p[0], r.id).toBeLessThan(136);
      expect(p[1], r.id).toBeGreaterThan(3);
      expect(p[1], r.id).toBeLessThan(54);
      if (r.shape === 'polygon') {
        const f = features[OBJECT_OF_LEVEL[r.level as keyof typeof OBJECT_OF_LEVEL]].get(r.id)!;
        expect(geoContains(f, p), `${r.id} ${r.name_en}`).toBe(true);
      }
    }
  });

  it('puts former districts inside the unit that absorbed them, and cities inside one of their districts', () => {
    const absorbedBy = { '370205': '370203', '370284': '370211', '330204': '330212' };
    for (const [former, successor] of Object.entries(absorbedBy))
      expect(geoContains(features.districts.get(successor)!, [Number(row(former).lon), Number(row(former).lat)]), former).toBe(true);
    for (const city of ['370200', '330200']) {
      const p: [number, number] = [Number(row(city).lon), Number(row(city).lat)];
      const inside = [...features.districts].filter(([id, f]) => id.startsWith(city.slice(0, 4)) && geoContains(f, p));
      expect(inside, city).toHaveLength(1);
    }
  });
});

describe('data/places.csv names', () => {
  it('matches the agreed examples', () => {
    expect(row('520424')).toMatchObject({ name_zh: '关岭布依族苗族自治县', name_en: 'Guanling Buyei and Miao Autonomous County', short_zh: '关岭', short_en: 'Guanling' });
    expect(row('522600')).toMatchObject({ name_zh: '黔东南苗族侗族自治州', name_en: 'Qiandongnan Miao and Dong Autonomous Prefecture', short_zh: '黔东南' });
    expect(row('520400')).toMatchObject({ name_zh: '安顺市', name_en: 'Anshun City', short_en: 'Anshun', level: 'prefecture' });
    expect(row('370200')).toMatchObject({ name_zh: '青岛市', name_en: 'Qingdao City', short_zh: '青岛' });
    expect(row('370202')).toMatchObject({ name_zh: '市南区', name_en: 'Shinan District', short_en: 'Shinan' });
    expect(row('330282').name_en).toBe('Cixi City');
    expect(row('330225').name_en).toBe('Xiangshan County');
    expect(row('520600').name_en).toBe('Tongren City');
    expect(row('520000')).toMatchObject({ name_en: 'Guizhou Province', short_en: 'Guizhou' });
    expect(row('370000').name_en).toBe('Shandong Province');
  });

  it('records the 2010–2011 names that differed', () => {
    const y2010 = (id: string) => [row(id).name_2010_zh, row(id).name_2010_en, row(id).level_2010];
    expect(y2010('520403')).toEqual(['平坝县', 'Pingba County', '']);
    expect(y2010('520600')).toEqual(['铜仁地区', 'Tongren Prefecture', '']);
    expect(y2010('520602')).toEqual(['铜仁市', 'Tongren City', '']);
    expect(y2010('520603')).toEqual(['万山特区', 'Wanshan Special District', '']);
    expect(y2010('520500')).toEqual(['毕节地区', 'Bijie Prefecture', '']);
    expect(y2010('520502')).toEqual(['毕节市', 'Bijie City', '']);
    expect(y2010('370215')).toEqual(['即墨市', 'Jimo City', '']);
    expect(y2010('330213')).toEqual(['奉化市', 'Fenghua City', '']);
    expect(y2010('520281')).toEqual(['盘县', 'Pan County', '']);
    expect(y2010('522302')).toEqual(['兴仁县', 'Xingren County', '']);
    expect(y2010('520581')).toEqual(['黔西县', 'Qianxi County', '']);
    // Unchanged names (extent changed or long-standing cities): empty.
    for (const id of ['370211', '370203', '522601', '522301', '522701', '522702', '520181', '520381', '520382', '370205', '370284', '330204'])
      expect(y2010(id), id).toEqual(['', '', '']);
  });

  it('uses official English generics matching the Chinese suffix', () => {
    for (const r of rows.filter((r) => r.level === 'county' || r.level === 'district')) {
      const generic = r.name_zh.endsWith('自治县')
        ? 'Autonomous County'
        : r.name_zh.endsWith('特区')
          ? 'Special District'
          : r.name_zh.endsWith('区')
            ? 'District'
            : r.name_zh.endsWith('县')
              ? 'County'
              : 'City';
      expect(r.name_en.endsWith(` ${generic}`), `${r.id} ${r.name_zh} ${r.name_en}`).toBe(true);
      expect(r.name_en.startsWith(r.short_en), r.id).toBe(true);
      expect(r.name_zh.startsWith(r.short_zh), r.id).toBe(true);
    }
  });
});

describe('npm run geo', () => {
  const missing = missingSources();
  it.skipIf(missing.length > 0)(
    `regenerates data/places.csv byte for byte${missing.length ? ` (skipped: source packages not installed: ${missing.join(', ')})` : ''}`,
    () => {
      expect(buildPlacesCsv(topology) === csvText).toBe(true);
    },
    60_000,
  );
});
