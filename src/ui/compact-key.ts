import { compactKeyBox, insetCities, miniKeyBox } from '../map/composition.ts';
import { keySections, wordsText } from '../scene/key.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { el, replaceChildren } from '../view/dom.ts';
import { entrySample, sizeKey } from './legend.ts';

/**
 * The essentials of the view's key on the map itself (circle sizes with their values, the partner
 * cities' line colours, a faded line where one is drawn), in the corner the composition keeps free
 * for it, with a button to the full legend: the full legend lies below the fold on a laptop screen.
 * Its box is fixed (compactKeyBox), so that the map, which keeps names and cards clear of it, and
 * the first view drawn at build time place it alike.
 */
export function createCompactKey(ctx: UiContext, o: { mapSize(): { width: number; height: number }; openLegend(): void }): Component {
  const root = el('aside', { class: 'compact-key', 'aria-labelledby': 'compact-key-title', hidden: true });
  return {
    el: root,
    update(frame: Frame) {
      const { width, height } = o.mapSize();
      const box = compactKeyBox(width, height, insetCities(ctx.model));
      const { lang, tr } = frame;
      // A small embed has no room for the key on its map, and its legend lies below the frame: a
      // button in the map's corner, under MapLibre's, leads to it (the map keeps names clear of it).
      const mini = box === null && frame.state.embed;
      root.hidden = box === null && !mini;
      root.classList.toggle('mini', mini);
      if (mini) {
        // From the corner it keeps to: a first view drawn for a larger embed, shown smaller, keeps its button in sight.
        const b = miniKeyBox(width, height);
        root.setAttribute('style', `right:${width - b.x - b.width}px;bottom:${height - b.y - b.height}px;width:${b.width}px;height:${b.height}px`);
        root.classList.remove('stacked');
        const open = el('button', { type: 'button', class: 'compact-key-open', 'aria-controls': 'map-legend', title: tr('legend.openFull') }, tr('legend.key'));
        open.addEventListener('click', () => o.openLegend());
        replaceChildren(root, el('h2', { id: 'compact-key-title', class: 'visually-hidden' }, tr('legend.compact')), open);
        return;
      }
      if (!box) return;
      root.setAttribute('style', `left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px`);
      root.classList.toggle('stacked', box.height > 120);
      const sections = keySections(ctx.model, frame.state, frame.scene);
      const sizes = sections.find((s) => s.id === 'sizes');
      const sizeEntries = sizes?.entries.flatMap((e) => (e.kind === 'size' ? [e] : [])) ?? [];
      const lines = sections.flatMap((s) => s.entries).filter((e) => e.kind === 'city' || e.kind === 'fadedLine');
      const open = el('button', { type: 'button', class: 'compact-key-open linkish', 'aria-controls': 'map-legend' }, tr('legend.openFull'));
      open.addEventListener('click', () => o.openLegend());
      replaceChildren(
        root,
        el('h2', { id: 'compact-key-title', class: 'visually-hidden' }, tr('legend.compact')),
        sizes && sizeEntries.length > 0 ? sizeKey(sizeEntries, wordsText(sizes.title, lang), lang, 76) : null,
        el(
          'div',
          { class: 'compact-key-side' },
          // A faded city is named only: the faded line's entry beside it says why, in the little room
          // there is (in fewer words than the full legend's: at 1280 × 800 those ran out of the box).
          el('ul', {}, ...lines.map((e) => el('li', { class: e.kind === 'fadedLine' || (e.kind === 'city' && e.faded) ? 'no-record' : null }, entrySample(e), e.kind === 'city' ? e.name : wordsText({ ...e.words, key: 'legend.fadedLineShort' }, lang)))),
          open,
        ),
      );
    },
  };
}
