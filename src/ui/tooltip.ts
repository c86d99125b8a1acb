import type { MapTarget } from '../map/renderer.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { formatPeriod } from '../i18n/format.ts';
import { cityOf } from '../scene/places.ts';
import { wholePlaces, wholeText } from '../scene/wholes.ts';
import { metricLabel, metricValue, partnerLegendLabel, placeName } from '../view/describe.ts';
import { el, replaceChildren } from '../view/dom.ts';

/** Lines of text for what the pointer is over: a name and the current measure. Pure apart from the model. */
export function tooltipLines(ctx: UiContext, frame: Frame, target: MapTarget): string[] {
  const { model } = ctx;
  const { scene, tr, lang, state } = frame;
  const metric = metricLabel(model, state.metric, lang);
  if (target.type === 'marker') {
    const m = scene.markers.find((x) => x.key === target.key);
    if (!m) return [];
    const title =
      m.kind === 'programme'
        ? tr('tooltip.programme', { city: m.label })
        : m.kind === 'group'
          ? tr('tooltip.group', { places: m.label })
          : m.label;
    const whole = scene.markers.find((w) => w.key === (m.partOf ?? m.maybeIn));
    const partOf = whole ? [wholeText({ kind: m.partOf ? 'inside' : 'open', value: whole.valueLabel, places: wholePlaces(whole, lang), period: whole.period }, lang)] : [];
    return [title, `${metric}: ${metricValue(model, m.value, state.metric, m.qualifier, lang)}`, m.multiYear ? `${m.period} · ${tr('legend.multiYear')}` : m.period, ...partOf];
  }
  if (target.type === 'arc') {
    const a = scene.arcs.find((x) => x.id === target.id);
    if (!a) return [];
    const city = cityOf(model.places, a.donor);
    // A faded line says why, as the legend does.
    const cityLabel = city ? partnerLegendLabel(frame, city) : null;
    const why = !a.noRecord || state.year === 'all' ? [] : cityLabel?.noRecord ? [cityLabel.text] : [tr('arc.noRecordYear', { year: formatPeriod(state.year, state.year, lang), years: formatPeriod(a.years[0], a.years[1], lang) })];
    // Giver first: "Qingdao → Anshun · stated pairing".
    return [`${a.label} · ${tr(`evidence.${a.evidence}`)}`, ...why];
  }
  const shade = scene.counties.get(target.id);
  const name = placeName(model, target.id, lang, 'full');
  if (!shade) return [name];
  return [name, shade.value === null ? tr('tooltip.noFigure') : `${metric}: ${metricValue(model, shade.value, state.metric, shade.qualifier, lang)}`];
}

export function createTooltip(): { el: HTMLElement; show(lines: string[], x: number, y: number): void; hide(): void } {
  const root = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  return {
    el: root,
    show(lines, x, y) {
      if (lines.length === 0) return this.hide();
      replaceChildren(root, ...lines.map((l, i) => el(i === 0 ? 'strong' : 'span', {}, l)));
      root.hidden = false;
      const parent = root.parentElement?.getBoundingClientRect();
      const w = root.offsetWidth;
      const flip = parent && x + w + 16 > parent.width;
      root.style.transform = `translate(${flip ? x - w - 12 : x + 12}px, ${y + 12}px)`;
    },
    hide() {
      root.hidden = true;
    },
  };
}
