import type { Component, Frame, UiContext } from '../view/context.ts';
import { coverageYears, partnerCitiesText } from '../view/describe.ts';
import { el, setText } from '../view/dom.ts';
import { openExportDialog } from './export-dialog.ts';
import { openShareDialog } from './share-dialog.ts';

/** Title, the named views and the language switch. */
export function createHeader(ctx: UiContext): Component {
  const title = el('h1', { class: 'title' });
  const subtitle = el('p', { class: 'subtitle' });
  const views = el('div', { class: 'segmented views', role: 'group' });
  const viewButtons = (['guizhou', 'overview'] as const).map((v) => el('button', { type: 'button', class: 'seg', 'data-view': v, 'aria-pressed': 'false' }));
  views.append(...viewButtons);
  const table = el('button', { type: 'button', class: 'lang', 'data-action': 'table', 'aria-controls': 'table-view' });
  const lang = el('button', { type: 'button', class: 'lang', 'data-action': 'lang' });
  const share = el('button', { type: 'button', class: 'lang', 'data-action': 'share', 'aria-haspopup': 'dialog' });
  const exporter = el('button', { type: 'button', class: 'lang', 'data-action': 'export', 'aria-haspopup': 'dialog' });
  const present = el('button', { type: 'button', class: 'lang', 'data-action': 'present' });
  const importer = el('button', { type: 'button', class: 'lang', 'data-action': 'import', 'aria-haspopup': 'dialog' });
  const editor = el('button', { type: 'button', class: 'lang', 'data-action': 'story-editor', 'aria-haspopup': 'dialog' });
  // In an embed, only a small link leads to the full app (opened outside the host page).
  const full = el('a', { class: 'embed-open', target: '_blank', rel: 'noopener' });
  // On a phone the actions other than the views and the language fold into a labelled menu; on
  // wider screens the menu's box takes no room (display: contents) and its buttons sit in the row.
  const menuToggle = el('button', { type: 'button', class: 'lang menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'header-menu', 'data-action': 'menu' });
  const menu = el('div', { class: 'header-menu', id: 'header-menu' }, table, present, editor, exporter, share, importer);
  const root = el(
    'header',
    { class: 'app-header' },
    el('div', { class: 'titles' }, title, subtitle),
    el('div', { class: 'header-actions' }, views, menuToggle, menu, lang),
    full,
  );
  const setMenu = (open: boolean) => {
    menu.classList.toggle('open', open);
    menuToggle.setAttribute('aria-expanded', String(open));
  };
  menuToggle.addEventListener('click', () => {
    const open = !menu.classList.contains('open');
    setMenu(open);
    if (open) menu.querySelector<HTMLButtonElement>('button')?.focus();
  });
  // Choosing an action, pressing Escape or clicking elsewhere closes the menu.
  menu.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('button')) setMenu(false);
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.classList.contains('open')) {
      e.stopPropagation();
      setMenu(false);
      menuToggle.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (menu.classList.contains('open') && !root.querySelector('.header-actions')!.contains(e.target as Node)) setMenu(false);
  });
  share.addEventListener('click', () => current && openShareDialog(ctx, current));
  exporter.addEventListener('click', () => current && openExportDialog(ctx, current));
  // The import dialog, its parser and validator load on first use.
  importer.addEventListener('click', () => current && void import('./import-dialog.ts').then((m) => current && m.openImportDialog(current, ctx.model)));
  // The story editor and its checker load on first use.
  editor.addEventListener('click', () => current && void import('../story/editor-dialog.ts').then((m) => current && m.openStoryEditor(ctx, current)));
  present.addEventListener('click', () => {
    ctx.present();
    // Full screen where the browser allows it; the story works in the window too.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  });
  views.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-view]');
    const v = b?.dataset['view'];
    if (v === 'overview' || v === 'guizhou') ctx.dispatch({ view: v, camera: null });
  });
  let current: Frame | null = null;
  lang.addEventListener('click', () => current && ctx.dispatch({ lang: current.lang === 'zh' ? 'en' : 'zh' }));
  table.addEventListener('click', () => current && ctx.dispatch({ table: !current.state.table }));
  return {
    el: root,
    update(frame) {
      current = frame;
      const { tr, state } = frame;
      setText(title, state.title ?? tr('app.title'));
      // A small embed cuts the title to one line: the whole of it is in its tooltip.
      if (state.embed) title.title = title.textContent;
      else title.removeAttribute('title');
      setText(subtitle, tr('app.subtitle', { cities: partnerCitiesText(ctx.model, frame.lang), years: coverageYears(ctx.model, frame.lang) }));
      views.setAttribute('aria-label', tr('view.jump'));
      for (const b of viewButtons) {
        const v = b.dataset['view'] as 'overview' | 'guizhou';
        setText(b, tr(`view.${v}`));
        b.setAttribute('aria-pressed', String(state.view === v && state.camera === null));
      }
      setText(table, state.table ? tr('controls.map') : tr('controls.table'));
      table.setAttribute('aria-pressed', String(state.table));
      setText(share, tr('controls.share'));
      setText(exporter, tr('export.button'));
      setText(present, tr('story.present'));
      setText(editor, tr('editor.button'));
      setText(importer, tr('import.button'));
      setText(full, tr('embed.open'));
      const url = new URL(location.href);
      for (const k of ['embed', 'interactive', 'title']) url.searchParams.delete(k);
      full.href = url.toString();
      setText(menuToggle, tr('header.menu'));
      menuToggle.title = tr('header.menuLabel');
      setText(lang, tr('lang.switch'));
      // The visible name ("中文" / "English") is the accessible name; the longer wording is a tooltip.
      lang.title = tr('lang.switchLabel');
      lang.setAttribute('lang', frame.lang === 'zh' ? 'en' : 'zh-Hans');
    },
  };
}
