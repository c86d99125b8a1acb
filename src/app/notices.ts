import { clearImport, type StoredImport } from '../import/store.ts';
import { t, type Lang } from '../i18n/messages.ts';
import type { createNotice } from '../ui/notice.ts';
import type { AppData } from './data.ts';

type Notice = ReturnType<typeof createNotice>;

/** What the page says when it starts: link parameters it ignored, the user's files in use, or files set aside. */
export function startNotices(notice: Notice, lang: Lang, ignored: readonly string[], data: AppData): void {
  if (ignored.length > 0) notice.show(ignoredNotice(lang, ignored), t(lang, 'notice.dismiss'));
  if (data.userData) {
    // An offline copy's own files are its data: only files opened in this tab can be set aside.
    const back = data.sessionImport ? [{ label: t(lang, 'import.back'), run: () => void clearImport().then(() => location.reload()) }] : [];
    notice.show(t(lang, 'import.active', { files: data.userData.files.map((f) => f.name).join(', '), invalid: data.invalidRows }), t(lang, 'notice.dismiss'), ...back);
  }
  if (data.setAside) showSetAside(notice, lang, data.setAside);
}

/** The ignored link parameters, ten at most and then how many more: a link with thousands stays one line. */
function ignoredNotice(lang: Lang, ignored: readonly string[]): string {
  const items = ignored.slice(0, 10).map((i) => (i.length > 60 ? `${i.slice(0, 60)}…` : i)).join(', ');
  return ignored.length > 10 ? t(lang, 'notice.ignoredMore', { items, more: ignored.length - 10 }) : t(lang, 'notice.ignored', { items });
}

/** The user's files that failed to load: named, downloadable, and discarded on request. */
function showSetAside(notice: Notice, lang: Lang, record: StoredImport): void {
  const downloads = record.files.map((f) => ({
    label: t(lang, 'import.setAsideDownload', { file: f.name }),
    download: f.name,
    href: URL.createObjectURL(new Blob([f.text], { type: 'text/csv;charset=utf-8' })),
  }));
  const discard = { label: t(lang, 'import.discard'), run: () => void clearImport().then(() => (notice.el.hidden = true)) };
  notice.show(t(lang, 'import.setAside', { files: record.files.map((f) => f.name).join(', '), error: record.error ?? '' }), t(lang, 'notice.dismiss'), ...downloads, discard);
}
