/*
 * A line diff of two drawings, for the failure message and the diff page. The expected files hold
 * an element per line, so a changed colour or position shows as a few changed lines; path data can
 * make a line tens of kilobytes long, so lines are shown cut round their first difference.
 */

export type DiffLine = { op: ' ' | '-' | '+'; text: string; expected: number | null; actual: number | null };

/** Beyond this many cells, the middle of two texts is shown as removed then added rather than aligned. */
const MAX_CELLS = 16_000_000;

/** Every line of both texts, as kept, removed from the expected or added in the actual (an LCS alignment). */
export function lineDiff(expected: string, actual: string): DiffLine[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: ' ', text: a[i]!, expected: i + 1, actual: i + 1 });
  const n = endA - start;
  const m = endB - start;
  const removed = (i: number) => out.push({ op: '-', text: a[start + i]!, expected: start + i + 1, actual: null });
  const added = (j: number) => out.push({ op: '+', text: b[start + j]!, expected: null, actual: start + j + 1 });
  if (n * m > MAX_CELLS) {
    for (let i = 0; i < n; i++) removed(i);
    for (let j = 0; j < m; j++) added(j);
  } else {
    // lcs[i][j]: the longest common run of a[start+i..endA) and b[start+j..endB).
    const lcs = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number) => i * (m + 1) + j;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[at(i, j)] = a[start + i] === b[start + j] ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ op: ' ', text: a[start + i]!, expected: start + i + 1, actual: start + j + 1 });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[at(i, j + 1)]! > lcs[at(i + 1, j)]!)) added(j++);
      else removed(i++);
    }
  }
  for (let k = 0; k < a.length - endA; k++) out.push({ op: ' ', text: a[endA + k]!, expected: endA + k + 1, actual: endB + k + 1 });
  return out;
}

/** The changed lines with `context` kept lines round them; null stands for a gap. */
export function hunks(diff: DiffLine[], context = 3): (DiffLine | null)[] {
  const near = new Uint8Array(diff.length);
  diff.forEach((d, i) => {
    if (d.op === ' ') return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) near[k] = 1;
  });
  const out: (DiffLine | null)[] = [];
  diff.forEach((d, i) => {
    if (!near[i]) return;
    if (i > 0 && !near[i - 1] && out.length > 0) out.push(null);
    out.push(d);
  });
  return out;
}

/** A long line cut to `width` characters round where it first differs from `other` (its counterpart). */
export function cut(line: string, other: string | undefined, width = 160): string {
  if (line.length <= width) return line;
  let k = 0;
  if (other !== undefined) while (k < line.length && k < other.length && line[k] === other[k]) k++;
  const from = Math.max(0, Math.min(k - Math.floor(width / 3), line.length - width));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + width)}${from + width < line.length ? `… (${line.length} chars)` : ''}`;
}

/** Each changed line's counterpart: the first removed line of a run pairs with the first added one, and so on. */
function counterparts(lines: (DiffLine | null)[]): Map<DiffLine, string> {
  const pairs = new Map<DiffLine, string>();
  for (let i = 0; i < lines.length; ) {
    const minus: DiffLine[] = [];
    const plus: DiffLine[] = [];
    while (lines[i]?.op === '-') minus.push(lines[i++]!);
    while (lines[i]?.op === '+') plus.push(lines[i++]!);
    if (minus.length === 0 && plus.length === 0) {
      i++;
      continue;
    }
    minus.forEach((d, k) => plus[k] && (pairs.set(d, plus[k].text), pairs.set(plus[k], d.text)));
  }
  return pairs;
}

/** The first changed lines, for a failure message: a few lines of the first hunk, cut short. */
export function firstDifference(diff: DiffLine[], maxLines = 8): string {
  const first = hunks(diff, 1);
  const end = first.indexOf(null);
  const lines = (end < 0 ? first : first.slice(0, end)) as DiffLine[];
  const pairs = counterparts(lines);
  const shown = lines.slice(0, maxLines).map((d) => `  ${d.op} ${d.expected ?? d.actual}: ${cut(d.text.trim(), pairs.get(d)?.trim(), 140)}`);
  const changed = diff.filter((d) => d.op !== ' ').length;
  return `${shown.join('\n')}${lines.length > maxLines ? '\n  …' : ''}\n  (${changed} lines changed in all)`;
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page showing both drawings side by side and the line diff of their text. */
export function diffPage(o: { name: string; expectedSrc: string | null; actualSrc: string; diff: DiffLine[]; update: string }): string {
  const lines = hunks(o.diff);
  const pairs = counterparts(lines);
  const rows = lines
    .map((d) =>
      d === null
        ? '<tr class="gap"><td></td><td></td><td>⋯</td></tr>'
        : `<tr class="${d.op === '-' ? 'del' : d.op === '+' ? 'add' : 'same'}"><td>${d.expected ?? ''}</td><td>${d.actual ?? ''}</td><td>${html(`${d.op} ${cut(d.text, pairs.get(d), 400)}`)}</td></tr>`,
    )
    .join('\n');
  const picture = (title: string, src: string | null) =>
    `<figure><figcaption>${title}</figcaption>${src === null ? '<p>(no expected file)</p>' : `<img src="${html(src)}" alt="${title}">`}</figure>`;
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${html(o.name)}: expected vs actual</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 16px; }
  .pictures { display: flex; gap: 16px; flex-wrap: wrap; }
  figure { margin: 0; flex: 1 1 420px; }
  figcaption { font-weight: 600; margin-bottom: 4px; }
  img { width: 100%; border: 1px solid #ccc; }
  table { border-collapse: collapse; font: 12px ui-monospace, monospace; width: 100%; }
  td { padding: 0 6px; vertical-align: top; white-space: pre-wrap; word-break: break-all; }
  td:nth-child(-n+2) { color: #888; text-align: right; width: 4em; }
  .del { background: #fdd; } .add { background: #dfd; } .gap td { color: #888; }
</style>
<h1>${html(o.name)}</h1>
<p>Left, the expected file; right, what the map draws now. If the change is intended: <code>${html(o.update)}</code>.</p>
<div class="pictures">${picture('Expected', o.expectedSrc)}${picture('Actual', o.actualSrc)}</div>
<h2>Changed lines (${o.diff.filter((d) => d.op !== ' ').length})</h2>
<table>
${rows}
</table>
</html>
`;
}
