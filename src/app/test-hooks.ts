import type { Model } from '../scene/model.ts';
import type { Frame, UiContext } from '../view/context.ts';
import type { LiveMap } from './live-map.ts';

/** Read-only hooks for the end-to-end tests and the benchmark: where a place is drawn, which circles are on the map. */
export function exposeTestHooks(o: { model: Model; map: LiveMap; mapBehind: () => boolean; mapArea: HTMLElement; mapEl: HTMLElement; frame: () => Frame; ctx: UiContext }): void {
  (window as unknown as { __gpm: unknown }).__gpm = {
    project: (id: string) => {
      const p = o.model.places.get(id);
      if (!p) return null;
      // A partner city, or one of its districts, is drawn in its inset in the composed view.
      const inset = o.mapArea.querySelector(`.svg-layer .inset[data-city="${id}"] .inset-outline, .svg-layer .inset-districts path[data-id="${id}"]`);
      if (!inset) return o.map.current().project([p.lon, p.lat]);
      const r = inset.getBoundingClientRect();
      const m = o.mapEl.getBoundingClientRect();
      return [r.left + r.width / 2 - m.left, r.top + r.height / 2 - m.top];
    },
    markers: () => o.frame().scene.markers.map((m) => m.key),
    /** Resolves when the map has stopped moving, has drawn the latest change and the browser has painted it. */
    idle: () =>
      new Promise<void>((resolve) => {
        const check = () => requestAnimationFrame(() => (o.map.current().isMoving() || o.mapBehind() ? check() : resolve()));
        check();
      }),
    exportMap: o.ctx.exportMap,
    exportPreview: o.ctx.exportPreview,
  };
}
