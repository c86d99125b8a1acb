/**
 * `npm run bench:data`: a dataset 100× the shipped one, in the documented format, for the growth
 * benchmark: 10,000 figures over 20 years (2001–2020), every county and district, six partner
 * cities, with part_of chains, multi-year and group figures so that the aggregation does real work.
 * Deterministic (seeded). Written to bench/.output/data/ and checked with the same validator.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv, parseCsv } from '../src/data/csv.ts';
import { columnsOf } from '../src/data/schema.ts';

export const BIG_DATA_DIR = join('bench', '.output', 'data');
const FIGURES = 10_000;

let seed = 20101;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

export function generate(dir = BIG_DATA_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ['sources.csv', 'categories.csv', 'metrics.csv']) copyFileSync(join('data', f), join(dir, f));
  const places = parseCsv(readFileSync('data/places.csv', 'utf8')).records.map((r) => r.values);
  // Four more partner cities, drawn at their seats (no district geometry of their own).
  const extraCities = [
    ['440300', '440000', '深圳市', 'Shenzhen City', '深圳', 'Shenzhen', '114.0579', '22.5431'],
    ['320500', '320000', '苏州市', 'Suzhou City', '苏州', 'Suzhou', '120.5853', '31.2989'],
    ['210200', '210000', '大连市', 'Dalian City', '大连', 'Dalian', '121.6147', '38.9140'],
    ['330100', '330000', '杭州市', 'Hangzhou City', '杭州', 'Hangzhou', '120.1551', '30.2741'],
  ];
  for (const [id, parent, nz, ne, sz, se, lon, lat] of extraCities) {
    places.push({ id: id!, level: 'city', parent: parent!, name_zh: nz!, name_en: ne!, short_zh: sz!, short_en: se!, name_2010_zh: '', name_2010_en: '', level_2010: '', shape: 'point', lon: lon!, lat: lat! });
  }
  writeFileSync(join(dir, 'places.csv'), formatCsv(columnsOf('places'), places));

  const counties = places.filter((p) => p.level === 'county').map((p) => p.id!);
  const prefectures = places.filter((p) => p.level === 'prefecture').map((p) => p.id!);
  const cities = places.filter((p) => p.level === 'city').map((p) => p.id!);
  const districts = places.filter((p) => p.level === 'district');
  const donorsOf = (city: string) => [city, ...districts.filter((d) => d.parent === city).map((d) => d.id!)];
  const metrics = ['funds_cny', 'projects', 'people_trained', 'villages', 'funds_cny', 'funds_cny'];
  const categories = parseCsv(readFileSync('data/categories.csv', 'utf8')).records.map((r) => r.values['id']!);
  const sections = ['Overview', 'Drought relief', 'Social poverty alleviation'];

  const pairings = counties.map((county, i) => {
    const city = cities[i % cities.length]!;
    return { donor: pick(donorsOf(city)), recipient: county, level: 'county', from_year: 2001, to_year: 2020, evidence: i % 3 === 0 ? 'stated' : 'activity', source: 'nb2010', section: 'Overview' };
  });
  prefectures.forEach((p, i) => pairings.push({ donor: cities[i % cities.length]!, recipient: p, level: 'prefecture', from_year: 2001, to_year: 2020, evidence: 'stated', source: 'nb2010', section: 'Overview' }));
  writeFileSync(join(dir, 'pairings.csv'), formatCsv(columnsOf('pairings'), pairings));

  type Row = Record<string, string | number>;
  const figures: Row[] = [];
  const wholes: Row[] = [];
  for (let i = 0; i < FIGURES; i++) {
    const year = 2001 + (i % 20);
    const city = pick(cities);
    const kind = rand();
    const recipients = kind < 0.55 ? pick(counties) : kind < 0.8 ? pick(prefectures) : kind < 0.92 ? [pick(prefectures), pick(prefectures)].filter((v, j, a) => a.indexOf(v) === j).join(';') : '520000';
    const metric = pick(metrics);
    // About a third of figures are parts of an earlier whole of the same metric and year.
    const whole = rand() < 0.33 ? wholes.find((w) => w['metric'] === metric && w['year_from'] === year && w['year_to'] === year && Number(w['room']) > 10) : undefined;
    const multi = !whole && rand() < 0.04;
    const value = whole ? Math.floor(Number(whole['room']) * (0.2 + rand() * 0.3)) : Math.round(10_000 + rand() * 5_000_000);
    if (whole) whole['room'] = Number(whole['room']) - value;
    const row: Row = {
      id: `g${i}`,
      source: pick(['qd2011', 'nb2010']),
      section: pick(sections),
      year_from: multi ? year - 4 : year,
      year_to: year,
      donor: whole ? String(whole['donor']) : pick(donorsOf(city)),
      recipients: whole ? String(whole['recipients']) : recipients,
      category: pick(categories),
      metric,
      value,
      qualifier: rand() < 0.1 ? 'more_than' : 'exact',
      part_of: whole ? String(whole['id']) : '',
      note_en: `Generated benchmark figure ${i}.`,
      note_zh: `基准测试生成数据${i}。`,
      room: value,
    };
    figures.push(row);
    if (!multi) wholes.push(row);
    if (wholes.length > 400) wholes.shift();
  }
  writeFileSync(join(dir, 'figures.csv'), formatCsv(columnsOf('figures'), figures));
  // Every section cited gets a Chinese name (the one it has in data/sections.csv for any source).
  const named = parseCsv(readFileSync('data/sections.csv', 'utf8')).records.map((r) => r.values);
  const cited = [...new Set([...figures, ...pairings].map((r) => `${r['source']}\u0000${r['section']}`))].sort();
  const sectionRows = cited.map((key) => {
    const [source = '', section = ''] = key.split('\u0000');
    return { source, section, section_zh: named.find((n) => n['section'] === section)?.['section_zh'] ?? section };
  });
  writeFileSync(join(dir, 'sections.csv'), formatCsv(columnsOf('sections'), sectionRows));
  writeFileSync(join(dir, 'discrepancies.csv'), formatCsv(columnsOf('discrepancies'), []));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generate();
  console.log(`wrote ${BIG_DATA_DIR}: ${FIGURES} figures`);
}
