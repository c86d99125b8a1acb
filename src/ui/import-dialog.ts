import { BUILTIN_TEXTS } from '../data/builtin.ts';
import { parseCsv } from '../data/csv.ts';
import { decodeCsv, MAX_BYTES, type Encoding } from '../data/decode.ts';
import { headerName } from '../data/header.ts';
import { formatProblem } from '../data/problems.ts';
import type { ImportMode, ImportTable, UserFile } from '../data/user-files.ts';
import { combine, identifyTable, reportCsv } from '../import/combine.ts';
import { saveImport } from '../import/store.ts';
import type { Frame } from '../view/context.ts';
import { el, replaceChildren } from '../view/dom.ts';
import { openModal } from '../view/modal.ts';
import type { Model } from '../scene/model.ts';

/** Problems listed in the dialog; the downloadable report has all of them. */
const SHOWN_PROBLEMS = 200;
const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gbk: 'GBK' };

/**
 * "Open data…": the user's figures.csv (and optionally pairings.csv, places.csv), checked by the same
 * validator as `npm run data:check`. Every problem is listed with file, line, field and reason; the
 * report and every row can be downloaded, so nothing typed is lost; valid rows go on the map.
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
    const userFiles: (UserFile & { encoding: Encoding })[] = [];
    const refused: string[] = [];
    const names = new Map<string, number>();
    for (const file of list) {
      // A stories.json (from the story editor) is a story file, not data: checked and reported on its own.
      if (/\.json$/i.test(file.name) && file.size <= MAX_BYTES) {
        const { storiesReport } = await import('../story/stories-import.ts');
        return replaceChildren(report, ...storiesReport(file.name, await file.text(), model, frame));
      }
      // Two files of the same name (from two folders) get told apart in every problem and count.
      const n = (names.get(file.name) ?? 0) + 1;
      names.set(file.name, n);
      const name = n === 1 ? file.name : `${file.name} (${n})`;
      const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        const vars: Record<string, number> = decoded.reason === 'bad-bytes' ? { offset: decoded.offset, line: decoded.line } : {};
        refused.push(`${name}: ${tr(`import.refused.${decoded.reason}`, vars)}`);
        continue;
      }
      const table = identifyTable(parseCsv(decoded.text.slice(0, decoded.text.search(/\r?\n|$/)), headerName).header, file.name);
      if (!table) {
        refused.push(`${name}: ${tr('import.refused.unknown')}`);
        continue;
      }
      userFiles.push({ table, name, text: decoded.text, encoding: decoded.encoding });
    }
    showReport(userFiles, refused);
  };
  const showReport = (userFiles: (UserFile & { encoding: Encoding })[], notes: string[]) => {
    const m = mode.value as ImportMode;
    const refusedNotes = notes.map((n) => el('p', { class: 'import-problem' }, n));
    if (userFiles.length === 0) return replaceChildren(report, ...refusedNotes);
    const result = combine(BUILTIN_TEXTS, userFiles, m);
    const counts = result.counts.map((c, i) =>
      tr('import.counts', { file: c.name, encoding: ENCODING_NAMES[userFiles[i]!.encoding], valid: c.valid, invalid: c.invalid }),
    );
    const together = (['figures', 'pairings', 'places'] as ImportTable[])
      .map((table) => ({ table, names: userFiles.filter((f) => f.table === table).map((f) => f.name) }))
      .filter((g) => g.names.length > 1)
      .map((g) => tr('import.sameTable', { files: g.names.join(', '), table: `${g.table}.csv` }));
    const download = (label: string, name: string, text: string) =>
      el('a', { class: 'lang', download: name, href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })) }, label);
    const show = el('button', { type: 'button', class: 'primary', 'data-action': 'import-show' }, tr('import.show'));
    const storeNote = el('p', { class: 'import-store-refused', hidden: true, 'data-testid': 'import-store-refused' });
    show.addEventListener('click', () => {
      show.disabled = true;
      saveImport(m, userFiles.map(({ table, name, text }) => ({ table, name, text })))
        .then(() => location.reload())
        .catch((e: unknown) => {
          // Private windows, full disks, storage switched off: say so; the page itself is fine.
          storeNote.textContent = tr('import.storeRefused', { reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
          storeNote.hidden = false;
          show.disabled = false;
        });
    });
    const problems = result.problems;
    replaceChildren(
      report,
      ...refusedNotes,
      ...counts.map((c) => el('p', { class: 'import-summary' }, c)),
      ...together.map((c) => el('p', { class: 'import-summary' }, c)),
      problems.length > 0 ? el('ol', { class: 'import-problems' }, ...problems.slice(0, SHOWN_PROBLEMS).map((p) => el('li', {}, formatProblem(p)))) : null,
      problems.length > SHOWN_PROBLEMS ? el('p', { class: 'import-problem' }, tr('import.more', { count: problems.length - SHOWN_PROBLEMS })) : null,
      el(
        'div',
        { class: 'export-options' },
        show,
        download(tr('import.downloadReport'), 'validation-report.csv', reportCsv(problems)),
        ...Object.entries(result.allRows).map(([table, text]) => download(tr('import.downloadData', { file: table }), `${table}.csv`, text)),
      ),
      storeNote,
    );
  };
  input.addEventListener('change', () => void run([...(input.files ?? [])]));
  if (files && files.length > 0) void run([...files]);
  return dialog;
}
