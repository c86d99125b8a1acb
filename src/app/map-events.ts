import type { MapEvents } from '../map/renderer.ts';
import type { Change } from '../state/transition.ts';
import { tooltipLines, type createTooltip } from '../ui/tooltip.ts';
import type { Frame, UiContext } from '../view/context.ts';

/** What pointing at the map does: a tooltip on hover; a click opens the place, the line's place, or the circle's. */
export function mapEvents(ctx: UiContext, frame: () => Frame, tooltip: ReturnType<typeof createTooltip>, apply: (change: Change) => void): MapEvents {
  const open = (place: string | null) => apply({ type: 'set', patch: { place } });
  return {
    hover(target, point) {
      if (!target) return tooltip.hide();
      tooltip.show(tooltipLines(ctx, frame(), target), point.x, point.y);
    },
    click(target) {
      if (!target) return open(null);
      if (target.type === 'place') return open(target.id);
      const { scene } = frame();
      if (target.type === 'arc') {
        const arc = scene.arcs.find((a) => a.id === target.id);
        if (arc) open(arc.recipient);
        return;
      }
      const marker = scene.markers.find((m) => m.key === target.key);
      if (!marker) return;
      // A place's circle opens that place; a group's or programme's opens the partner city that gave it.
      const id = marker.kind === 'place' ? marker.recipients[0] : marker.city;
      if (id) open(id);
    },
    moved(camera) {
      apply({ type: 'set', patch: { camera }, replace: true });
    },
  };
}
