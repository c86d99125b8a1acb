import { BUILTIN_TEXTS } from '../data/builtin.ts';
import { parseCsv } from '../data/csv.ts';
import { formatProblem } from '../data/problems.ts';
import { combine, reportCsv, type ImportMode, type UserFile } from '../import/combine.ts';
import { decodeCsv, identifyTable, MAX_BYTES, normaliseHeader } from '../import/decode.ts';
import { storeImport } from '../import/session.ts';
import type { Frame } from './context.ts';
import { el, replaceChildren } from './dom.ts';
import { openModal } from './modal.ts';
import type { Model } from '../scene/model.ts';

/**
 * "Open data…": the user's figures.csv (and optionally pairings.csv, places.csv), checked by the same
 * validator as `npm run data:check`. Every problem is listed with file, line, field and reason; the
 * report and the combined data can be downloaded, so nothing typed is lost; valid rows go on the map.
 */
export function openImportDialog(frame: Frame, model: Model, files?: FileList | File[]): HTMLDialogElement {
  const { tr } = frame;
  const input = el('input', { type: 'file', id: 'import-files', accept: '.csv,text/csv,.json,application/json', multiple: true });
  const mode = el('select', { id: 'import-mode', class: 'select' }, el('option', { value: 'merge' }, tr('import.merge')), el('option', { value: 'replace' }, tr('import.replace')));
  const report = el('div', { class: 'import-report', 'aria-live': 'polite', 'data-testid': 'import-report' });
  const dialog = openModal(
    frame,
    'import',
    tr('import.title'),
    el('p', { class: 'legend-note' }, tr('import.note')),
    el('div', { class: 'share-row' }, el('label', { for: 'import-files', class: 'control-label' }, tr('import.files')), input),
    el('div', { class: 'share-row' }, el('label', { for: 'import-mode', class: 'control-label' }, tr('import.mode')), mode),
    report,
  );
  const run = async (list: readonly File[]) => {
    const userFiles: UserFile[] = [];
    const refused: string[] = [];
    for (const file of list) {
      // A stories.json (from the story editor) is a story file, not data: checked and reported on its own.
      if (/\.json$/i.test(file.name) && file.size <= MAX_BYTES) {
        const { storiesReport } = await import('../story/stories-import.ts');
        return replaceChildren(report, ...storiesReport(file.name, await file.text(), model, frame));
      }
      const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        refused.push(`${file.name}: ${tr(`import.refused.${decoded.reason}`)}`);
        continue;
      }
      const text = normaliseHeader(decoded.text);
      const table = identifyTable(text.split(/\r?\n/, 1)[0] ?? '', file.name);
      if (!table) {
        refused.push(`${file.name}: ${tr('import.refused.unknown')}`);
        continue;
      }
      if (decoded.encoding === 'gbk') refused.push(`${file.name}: ${tr('import.gbk')}`);
      userFiles.push({ table, name: file.name, text });
    }
    showReport(userFiles, refused);
  };
  const showReport = (userFiles: UserFile[], notes: string[]) => {
    const m = mode.value as ImportMode;
    if (userFiles.length === 0) return replaceChildren(report, ...notes.map((n) => el('p', { class: 'import-problem' }, n)));
    const result = combine(BUILTIN_TEXTS, userFiles, m);
    const counts = userFiles.map((f) => {
      const ours = m === 'merge' ? parseCsv(BUILTIN_TEXTS[f.table]).records.length : 0;
      return tr('import.counts', { file: f.name, valid: result.dataset[f.table].length - ours, invalid: result.invalid[f.table]?.length ?? 0 });
    });
    const download = (label: string, name: string, text: string) => {
      const a = el('a', { class: 'lang', download: name, href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })) }, label);
      return a;
    };
    const show = el('button', { type: 'button', class: 'primary', 'data-action': 'import-show' }, tr('import.show'));
    show.addEventListener('click', () => {
      storeImport({ mode: m, files: userFiles });
      location.reload();
    });
    replaceChildren(
      report,
      ...notes.map((n) => el('p', { class: 'import-problem' }, n)),
      ...counts.map((c) => el('p', { class: 'import-summary' }, c)),
      result.problems.length > 0
        ? el('ol', { class: 'import-problems' }, ...result.problems.slice(0, 200).map((p) => el('li', {}, formatProblem(p))))
        : null,
      el(
        'div',
        { class: 'export-options' },
        show,
        download(tr('import.downloadReport'), 'validation-report.csv', reportCsv(result.problems)),
        ...userFiles.map((f) => download(tr('import.downloadData', { file: f.table }), `${f.table}.csv`, result.texts[f.table])),
      ),
    );
  };
  input.addEventListener('change', () => void run([...(input.files ?? [])]));
  if (files && files.length > 0) void run([...files]);
  return dialog;
}
