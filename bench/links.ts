/** The kinds of link people open, each loaded cold by the benchmark and the profiler. */
export interface Link {
  id: string;
  /** What the row says. */
  what: string;
  query: string;
  width: number;
  height: number;
  /** It opens a place: when its panel is painted is timed too. */
  panel?: boolean;
}

export const LINKS: Link[] = [
  { id: 'default', what: 'the default view', query: 'lang=en', width: 1280, height: 800 },
  { id: 'embed', what: 'an embed', query: 'embed=1&lang=en', width: 1280, height: 800 },
  { id: 'embed-small', what: 'an embed at 400×300', query: 'embed=1&lang=en', width: 400, height: 300 },
  { id: 'place', what: 'a deep link with a place open', query: 'lang=en&year=2010&place=520422', width: 1280, height: 800, panel: true },
  { id: 'zh-filter', what: 'a Chinese filtered view', query: 'lang=zh&year=2011&category=education', width: 1280, height: 800 },
  { id: 'story', what: 'a story step (present mode)', query: 'lang=en&story=tour&step=3', width: 1280, height: 800 },
];
