/** Chinese column names accepted in users' files, mapped to the documented English ones. */
export const HEADER_ALIASES: Readonly<Record<string, string>> = {
  编号: 'id',
  来源: 'source',
  栏目: 'section',
  起始年份: 'year_from',
  截止年份: 'year_to',
  帮扶方: 'donor',
  受援地: 'recipients',
  类别: 'category',
  指标: 'metric',
  数值: 'value',
  限定: 'qualifier',
  所属: 'part_of',
  可能所属: 'maybe_part_of',
  '说明（英文）': 'note_en',
  '说明（中文）': 'note_zh',
  受援方: 'recipient',
  层级: 'level',
  开始年份: 'from_year',
  结束年份: 'to_year',
  依据: 'evidence',
};

/** A column name as the schemas spell it: Chinese aliases become the documented names; spaces and case are forgiven. */
export function headerName(h: string): string {
  const t = h.trim();
  return Object.prototype.hasOwnProperty.call(HEADER_ALIASES, t) ? HEADER_ALIASES[t]! : t.toLowerCase().replace(/\s+/g, '_');
}
