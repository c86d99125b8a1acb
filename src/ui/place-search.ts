import { nameOf } from '../scene/places.ts';
import { searchPlaces } from '../scene/search.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { el, replaceChildren, setText } from '../view/dom.ts';

/** A WAI-ARIA 1.2 combobox: type in Chinese, English or Pinyin; arrows move, Enter opens, Escape closes. */
export function createPlaceSearch(ctx: UiContext): Component {
  const label = el('label', { class: 'control-label', for: 'place-search' });
  const input = el('input', {
    id: 'place-search',
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'place-options',
    class: 'search-input',
  });
  const list = el('ul', { id: 'place-options', role: 'listbox', class: 'search-options', hidden: true });
  const root = el('div', { class: 'control search' }, label, el('div', { class: 'search-box' }, input, list));
  let frame: Frame | null = null;
  let results: string[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (id: string) => {
    close();
    input.value = '';
    ctx.dispatch({ place: id });
  };
  const render = () => {
    if (!frame) return;
    const lang = frame.lang;
    const places = searchPlaces(ctx.model.dataset.places, input.value);
    results = places.map((p) => p.id);
    if (input.value.trim() === '') return close();
    replaceChildren(
      list,
      ...(places.length === 0
        ? [el('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, frame.tr('controls.noMatch'))]
        : places.map((p, i) =>
            el(
              'li',
              { id: `place-option-${p.id}`, role: 'option', 'aria-selected': String(i === active), 'data-place': p.id, class: 'search-option' },
              el('span', {}, nameOf(p, lang, 'full')),
              el('span', { class: 'search-alt', lang: lang === 'zh' ? 'en' : 'zh-Hans' }, lang === 'zh' ? p.short_en : p.short_zh),
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0 && results[active]) input.setAttribute('aria-activedescendant', `place-option-${results[active]}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    active = -1;
    render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      active = e.key === 'ArrowDown' ? (active + 1) % results.length : (active - 1 + results.length) % results.length;
      render();
    } else if (e.key === 'Enter') {
      const id = results[active >= 0 ? active : 0];
      if (id) {
        e.preventDefault();
        choose(id);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.stopPropagation();
        close();
      }
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-place]');
    if (li?.dataset['place']) {
      e.preventDefault();
      choose(li.dataset['place']);
    }
  });
  return {
    el: root,
    update(f) {
      frame = f;
      setText(label, f.tr('controls.place'));
      input.placeholder = f.tr('controls.placePlaceholder');
    },
  };
}
