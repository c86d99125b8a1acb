import { keySections, wordsText } from '../scene/key.ts';
import type { Model } from '../scene/model.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { fillCoverage, placeName, sourceLine } from '../view/describe.ts';
import { el, replaceChildren } from '../view/dom.ts';
import { entrySample } from './legend.ts';
import type { Story } from '../data/stories.ts';
import { stepFacts } from '../story/step-facts.ts';
import { stepPatch } from '../state/story-step.ts';

/**
 * Presentation mode: a caption card over the map, large type, keys to step (arrows, PageUp/PageDown
 * as clickers send, Space, Backspace), Escape to leave; full screen where the browser allows it.
 * The card names the step's subject, shows the values its caption cites (from the step's scene) and
 * a compact key of what the map draws.
 */
export function createPresenter(ctx: UiContext, stories: readonly Story[]): Component {
  const root = el('section', { class: 'presenter', hidden: true, 'aria-live': 'polite', 'aria-labelledby': 'story-title' });
  let current: Frame | null = null;
  const story = () => stories.find((s) => s.id === current?.state.story);
  const go = (delta: number) => {
    const s = story();
    if (!s || !current) return;
    const next = Math.max(0, Math.min(s.steps.length - 1, current.state.step + delta));
    if (next !== current.state.step) ctx.dispatch(stepPatch(s, next));
  };
  const exit = () => {
    ctx.leaveStory();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  document.addEventListener('keydown', (e) => {
    if (!story()) return;
    if (['ArrowRight', 'PageDown', ' ', 'ArrowDown'].includes(e.key)) go(1);
    else if (['ArrowLeft', 'PageUp', 'Backspace', 'ArrowUp'].includes(e.key)) go(-1);
    else if (e.key === 'Escape') exit();
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }, { capture: true });
  return {
    el: root,
    update(frame) {
      current = frame;
      const s = story();
      document.documentElement.classList.toggle('presenting', s !== undefined);
      root.hidden = s === undefined;
      if (!s) return;
      const { tr, lang, state } = frame;
      const step = s.steps[state.step] ?? s.steps[0]!;
      const caption = fillCoverage(ctx.model, lang === 'zh' ? step.caption_zh : step.caption_en, lang);
      const { facts } = stepFacts(ctx.model, frame.scene, state, caption, lang);
      const button = (label: string, action: () => void, disabled: boolean) => {
        const b = el('button', { type: 'button', class: 'lang', disabled }, label);
        b.addEventListener('click', action);
        return b;
      };
      replaceChildren(
        root,
        el('p', { class: 'story-title', id: 'story-title' }, fillCoverage(ctx.model, lang === 'zh' ? s.title_zh : s.title_en, lang)),
        state.place === null ? null : el('p', { class: 'story-subject', 'data-testid': 'story-subject' }, placeName(ctx.model, state.place, lang, 'full')),
        el('p', { class: 'story-caption', 'data-testid': 'story-caption' }, caption),
        facts.length === 0
          ? null
          : el(
              'ul',
              { class: 'story-facts', 'data-testid': 'story-facts', 'aria-label': tr('story.cited') },
              ...facts.map((f) => el('li', {}, el('strong', {}, f.value), ' ', el('span', { class: 'muted' }, f.about))),
            ),
        compactLegend(ctx.model, frame),
        el(
          'div',
          { class: 'story-nav' },
          button(tr('story.previous'), () => go(-1), state.step === 0),
          el('span', { class: 'story-count', 'data-testid': 'story-count' }, tr('story.count', { n: state.step + 1, of: s.steps.length })),
          button(tr('story.next'), () => go(1), state.step >= s.steps.length - 1),
          button(tr('story.exit'), exit, false),
        ),
        // A slide carries its source: the card says it, in place of the map's own attribution line.
        el('p', { class: 'story-source', 'data-testid': 'story-source' }, `${sourceLine(ctx.model, tr, lang)}${lang === 'zh' ? '。' : '. '}${tr('map.attribution')}`),
      );
    },
  };
}

/** One line of keys for what this step's map draws: partner colours, kinds of line, kinds of circle (from the view's key). */
function compactLegend(model: Model, frame: Frame): HTMLElement {
  const entries = keySections(model, frame.state, frame.scene).flatMap((s) => s.entries);
  const shown = [...entries.filter((e) => e.kind === 'city' || e.kind === 'line'), ...entries.filter((e) => e.kind === 'mark')];
  return el(
    'ul',
    { class: 'story-legend', 'data-testid': 'story-legend', 'aria-label': frame.tr('legend.title') },
    ...shown.map((e) => el('li', {}, entrySample(e), wordsText(e.words, frame.lang))),
  );
}
