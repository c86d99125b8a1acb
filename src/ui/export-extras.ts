import { LANGS, type Lang } from '../i18n/messages.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { fillCoverage } from '../view/describe.ts';
import { el } from '../view/dom.ts';

/**
 * The export dialog's PowerPoint and offline-copy rows: the current view or a whole story as a deck
 * in the language chosen here, and the single-file map with the data in use. Each says in `status`
 * what it wrote or why it failed.
 */
export function exportExtras(ctx: UiContext, frame: Frame, status: HTMLElement): HTMLElement[] {
  const { tr } = frame;
  const run = (b: HTMLButtonElement, work: () => Promise<string>) =>
    b.addEventListener('click', async () => {
      status.textContent = tr('export.working');
      try {
        status.textContent = tr('export.done', { file: await work() });
      } catch (e) {
        status.textContent = `${tr('export.failed')} ${e instanceof Error ? e.message : String(e)}`;
      }
    });
  const names: Record<Lang, string> = { en: 'English', zh: '中文' };
  const lang = el('select', { id: 'slides-lang', class: 'select' }, ...LANGS.map((l) => el('option', { value: l, selected: l === frame.lang }, names[l])));
  const stories = ctx.stories();
  const story = el(
    'select',
    { id: 'slides-story', class: 'select' },
    ...stories.map((s) =>
      el('option', { value: s.id, selected: s.id === (frame.state.story ?? stories[0]?.id) }, fillCoverage(ctx.model, frame.lang === 'zh' ? s.title_zh : s.title_en, frame.lang)),
    ),
  );
  const view = el('button', { type: 'button', class: 'lang', 'data-action': 'slides-view' }, tr('slides.view'));
  const deck = el('button', { type: 'button', class: 'lang', 'data-action': 'slides-story', disabled: stories.length === 0 }, tr('slides.story'));
  const offline = el('button', { type: 'button', class: 'lang', 'data-action': 'save-offline' }, tr('offline.save'));
  run(view, () => ctx.exportSlides(null, lang.value as Lang));
  run(deck, () => ctx.exportSlides(story.value, lang.value as Lang));
  run(offline, () => ctx.saveOfflineCopy());
  return [
    el('h3', {}, tr('slides.heading')),
    el('p', { class: 'legend-note' }, tr('slides.note')),
    el('div', { class: 'share-row' }, el('label', { for: 'slides-lang', class: 'control-label' }, tr('slides.language')), lang),
    el('div', { class: 'export-options' }, view),
    el('div', { class: 'share-row' }, el('label', { for: 'slides-story', class: 'control-label' }, tr('slides.storyLabel')), story),
    el('div', { class: 'export-options' }, deck),
    el('h3', {}, tr('offline.heading')),
    el('p', { class: 'legend-note' }, tr('offline.note')),
    el('div', { class: 'export-options' }, offline),
  ];
}
