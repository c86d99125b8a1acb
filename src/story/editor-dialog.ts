import { t } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { defaultState } from '../state/url-state.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { fillCoverage, filterText, metricLabel, placeName } from '../view/describe.ts';
import { el, replaceChildren } from '../view/dom.ts';
import { downloadBlob } from '../view/download.ts';
import { openModal } from '../view/modal.ts';
import { unbackedNumbers } from './step-facts.ts';
import { checkStories, usableStories } from './check-stories.ts';
import { addStep, deleteStep, moveStep, newStory, setCaption, stepOf, storiesFileText } from './editor-model.ts';
import { stepPatch } from '../state/story-step.ts';
import type { Story } from '../data/stories.ts';
import { readUserStories, storeUserStories } from './user-stories.ts';

/**
 * "My story": add the current view as a step, caption each step in both languages (with a preview
 * of the caption card and the numbers checked as you type), reorder, delete, play, download as
 * stories.json. Every change is kept in this tab at once, valid or not, so nothing typed is lost;
 * only stories that pass every check (the schema of data/stories.json, the data's vocabulary, the
 * caption-numbers rule) can be played or downloaded. Loaded on first use, with the checker.
 */
export function openStoryEditor(ctx: UiContext, frame: Frame): HTMLDialogElement {
  const { tr, lang } = frame;
  const model = ctx.model;
  const saved = (readUserStories() as { stories?: Story[] } | null)?.stories;
  let drafts: Story[] = Array.isArray(saved) && saved.length > 0 ? saved : [];
  let current = Math.max(0, drafts.findIndex((s) => s.id === frame.state.story));
  const body = el('div', { class: 'story-editor-body' });
  const dialog = openModal(frame, 'story-editor', tr('editor.title'), el('p', { class: 'legend-note' }, tr('editor.note')), body);

  const taken = () => [...ctx.stories().map((s) => s.id), ...drafts.map((s) => s.id)];
  const story = (): Story => {
    if (!drafts[current]) {
      drafts = [...drafts, newStory(taken(), t('en', 'editor.defaultTitle'), t('zh', 'editor.defaultTitle'))];
      current = drafts.length - 1;
    }
    return drafts[current]!;
  };
  const problemsOf = (s: Story) => (s.steps.length === 0 ? [tr('editor.empty')] : checkStories({ stories: [s] }, model, 'stories.json').problems);
  /** Keeps every draft in the tab and puts the ones that pass in use. */
  const commit = (next: Story) => {
    drafts = drafts.map((s, i) => (i === current ? next : s));
    storeUserStories(drafts);
    ctx.setUserStories(usableStories({ stories: drafts }, model));
  };

  const status = el('div', { class: 'story-editor-status', role: 'status', 'data-testid': 'editor-status' });
  const showStatus = () => {
    const problems = problemsOf(story());
    play.disabled = download.disabled = problems.length > 0;
    replaceChildren(
      status,
      problems.length === 0
        ? el('p', { class: 'import-summary' }, tr('editor.ok'))
        : el('div', {}, el('p', { class: 'import-problem' }, tr('editor.problems')), el('ul', { class: 'import-problems' }, ...problems.map((p) => el('li', {}, p)))),
    );
  };

  const play = el('button', { type: 'button', class: 'primary', 'data-action': 'editor-play' }, tr('editor.play'));
  play.addEventListener('click', () => {
    dialog.close();
    ctx.dispatch(stepPatch(story(), 0));
  });
  const download = el('button', { type: 'button', class: 'lang', 'data-action': 'editor-download' }, tr('editor.download'));
  download.addEventListener('click', () => {
    downloadBlob(new Blob([storiesFileText(usableStories({ stories: drafts }, model))], { type: 'application/json' }), 'stories.json');
  });

  const render = () => {
    const s = story();
    const picker = el(
      'select',
      { id: 'editor-story', class: 'select' },
      ...drafts.map((d, i) => el('option', { value: String(i), selected: i === current }, `${fillCoverage(model, lang === 'zh' ? d.title_zh : d.title_en, lang)} (${d.id})`)),
      el('option', { value: 'new' }, tr('editor.new')),
    );
    picker.addEventListener('change', () => {
      if (picker.value === 'new') {
        drafts = [...drafts, newStory(taken(), t('en', 'editor.defaultTitle'), t('zh', 'editor.defaultTitle'))];
        current = drafts.length - 1;
        storeUserStories(drafts);
      } else current = Number(picker.value);
      render();
    });
    const titleInput = (l: 'en' | 'zh') => {
      const input = el('input', { type: 'text', id: `editor-title-${l}`, class: 'select', value: l === 'en' ? s.title_en : s.title_zh, lang: l === 'zh' ? 'zh-Hans' : 'en' });
      input.addEventListener('input', () => {
        commit({ ...story(), [`title_${l}`]: input.value });
        for (const title of body.querySelectorAll(`.story-preview-card[lang="${l === 'zh' ? 'zh-Hans' : 'en'}"] .story-title`)) title.textContent = fillCoverage(model, input.value, l);
        showStatus();
      });
      return el('div', { class: 'share-row' }, el('label', { for: `editor-title-${l}`, class: 'control-label' }, tr(l === 'en' ? 'editor.titleEn' : 'editor.titleZh')), input);
    };
    const add = el('button', { type: 'button', class: 'primary', 'data-action': 'editor-add' }, tr('editor.add'));
    add.addEventListener('click', () => {
      // Captions start as the view in words, in each language: a draft that already says what it shows.
      commit(addStep(story(), stepOf(frame.state, viewInWords(model, frame, 'en'), viewInWords(model, frame, 'zh'))));
      render();
    });
    replaceChildren(
      body,
      el('div', { class: 'share-row' }, el('label', { for: 'editor-story', class: 'control-label' }, tr('editor.story')), picker),
      titleInput('en'),
      titleInput('zh'),
      el('div', { class: 'export-options' }, add),
      s.steps.length === 0 ? null : el('ol', { class: 'story-steps' }, ...s.steps.map((_, i) => stepItem(i))),
      status,
      el('div', { class: 'export-options' }, play, download),
    );
    showStatus();
  };

  const stepItem = (i: number): HTMLLIElement => {
    const s = story();
    const step = s.steps[i]!;
    // The state the step shows, in each language (the numbers a caption may state are those its map and card show).
    const stateIn = (l: 'en' | 'zh') => ({ ...defaultState(l), ...stepPatch(story(), i) });
    // The caption card as each language will show it.
    const previews = (['en', 'zh'] as const).map((l) => el('p', { class: 'story-preview', 'data-testid': `editor-preview-${i}-${l}`, lang: l === 'zh' ? 'zh-Hans' : 'en' }));
    const checks = el('p', { class: 'import-problem', 'data-testid': `editor-numbers-${i}` });
    const refresh = () => {
      const now = story().steps[i]!;
      // As the caption card will read: the words left to the data filled in.
      previews[0]!.textContent = fillCoverage(model, now.caption_en, 'en');
      previews[1]!.textContent = fillCoverage(model, now.caption_zh, 'zh');
      const bad = [...unbackedNumbers(model, stateIn('en'), now.caption_en, 'en'), ...unbackedNumbers(model, stateIn('zh'), now.caption_zh, 'zh')];
      checks.textContent = bad.length === 0 ? '' : tr('editor.numbers', { numbers: bad.join(', ') });
      checks.hidden = bad.length === 0;
    };
    const caption = (l: 'en' | 'zh') => {
      const id = `editor-caption-${i}-${l}`;
      const area = el('textarea', { id, class: 'story-caption-input', rows: 3, lang: l === 'zh' ? 'zh-Hans' : 'en' });
      area.value = l === 'en' ? step.caption_en : step.caption_zh;
      area.addEventListener('input', () => {
        commit(setCaption(story(), i, l, area.value));
        refresh();
        showStatus();
      });
      return el('div', { class: 'story-caption-field' }, el('label', { for: id, class: 'control-label' }, tr(l === 'en' ? 'editor.captionEn' : 'editor.captionZh')), area);
    };
    const action = (label: string, name: string, run: () => void, disabled = false) => {
      const b = el('button', { type: 'button', class: 'lang', 'data-action': name, disabled }, label);
      b.addEventListener('click', run);
      return b;
    };
    const li = el(
      'li',
      { class: 'story-step', 'data-testid': `editor-step-${i}` },
      el('p', { class: 'story-step-what' }, `${tr('editor.step', { n: i + 1 })}: ${stepInWords(model, frame, step.state)}`),
      caption('en'),
      caption('zh'),
      el('p', { class: 'control-label' }, tr('editor.preview')),
      el(
        'div',
        { class: 'story-previews' },
        el('div', { class: 'story-preview-card', lang: 'en' }, el('p', { class: 'story-title' }, fillCoverage(model, s.title_en, 'en')), previews[0]),
        el('div', { class: 'story-preview-card', lang: 'zh-Hans' }, el('p', { class: 'story-title' }, fillCoverage(model, s.title_zh, 'zh')), previews[1]),
      ),
      checks,
      el(
        'div',
        { class: 'export-options' },
        action(tr('editor.show'), 'editor-show', () => {
          dialog.close();
          ctx.dispatch(stepPatch(story(), i));
        }, problemsOf(story()).length > 0),
        action(tr('editor.up'), 'editor-up', () => (commit(moveStep(story(), i, -1)), render()), i === 0),
        action(tr('editor.down'), 'editor-down', () => (commit(moveStep(story(), i, 1)), render()), i === s.steps.length - 1),
        action(tr('editor.delete'), 'editor-delete', () => (commit(deleteStep(story(), i)), render())),
      ),
    );
    refresh();
    return li;
  };

  render();
  return dialog;
}

function stepInWords(model: Model, frame: Frame, s: Story['steps'][number]['state']): string {
  const f = { ...frame, state: { ...frame.state, ...s } };
  return [frame.tr(`view.${s.view}`), metricLabel(model, s.metric, frame.lang), filterText(model, f), s.place ? placeName(model, s.place, frame.lang) : null].filter(Boolean).join(' · ');
}

function viewInWords(model: Model, frame: Frame, lang: 'en' | 'zh'): string {
  const { state } = frame;
  const what = metricLabel(model, state.metric, lang);
  const place = state.place ? placeName(model, state.place, lang, 'full') : null;
  const year = state.year === 'all' ? null : String(state.year);
  return lang === 'zh' ? [year ? `${year}年` : null, place, what].filter(Boolean).join('，') : [place, what, year].filter(Boolean).join(', ');
}
