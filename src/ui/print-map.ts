import { exportCamera, visibleBounds } from '../export/layout.ts';
import type { Geography } from '../map/geography.ts';
import { compose, insetCities } from '../map/composition.ts';
import { drawSvgMap } from '../map/svg-map.ts';
import type { Model } from '../scene/model.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../view/context.ts';
import { el } from '../view/dom.ts';

/*
 * The map as printed with a place open. The page then holds the place's details beside the map, so
 * the map's box on paper has another shape than on screen, where the panel stood over part of it:
 * the screen's drawing, scaled into it, left Guizhou a third of the page. This drawing is made for
 * the paper's box itself, just before the browser lays the page out (`beforeprint`), framed as an
 * export frames its map, from the same scene.
 */

/** The map's box on paper, in mm: beside a column of at least 95 mm for the details, on A4 and Letter alike (259 × 168 mm of the print layout). */
export const PRINT_MAP_MM = { width: 160, height: 168 } as const;

const PX_PER_MM = 96 / 25.4;

/** What the ids of the printed drawing start with. */
export const PRINT_ID_PREFIX = 'print-';

export interface PrintMap {
  el: HTMLElement;
  /** Draws the map for paper; `live` is the live map's camera and size, for a view the user moved. */
  draw(geo: Geography, model: Model, frame: Frame, live: { camera: Camera; width: number; height: number } | null): void;
  clear(): void;
}

export function createPrintMap(): PrintMap {
  const root = el('div', { class: 'print-map', 'aria-hidden': 'true' });
  return {
    el: root,
    draw(geo, model, frame, live) {
      const { state, lang } = frame;
      const width = Math.round(PRINT_MAP_MM.width * PX_PER_MM);
      const height = Math.round(PRINT_MAP_MM.height * PX_PER_MM);
      const composition = compose(state.view, { width, height, cities: insetCities(model), padding: 16 });
      const place = state.place === null ? undefined : model.places.get(state.place);
      // A view the user moved is kept, widened to hold the open place, as an export keeps it.
      const camera = state.camera && live ? exportCamera(visibleBounds(live.camera, live.width, live.height), place ? [place.lon, place.lat] : null, { width, height }) : composition.camera;
      // The page's own scene, circles and all: the legend beside the map is the key to them.
      const map = drawSvgMap(geo, model, frame.scene, { width, height, camera, lang, selected: state.place, tolerance: 0.2, insets: composition.insets });
      // Its ids prefixed: the live drawing, hidden on paper, holds the same ids, and a reference
      // (an inset's clip, the hatching) would find the hidden one and fail (an inset unclipped).
      for (const e of [map, ...map.querySelectorAll('*')]) {
        if (e.id) e.id = `${PRINT_ID_PREFIX}${e.id}`;
        for (const a of ['fill', 'stroke', 'clip-path', 'mask', 'filter']) {
          const v = e.getAttribute(a);
          if (v?.startsWith('url(#')) e.setAttribute(a, v.replace('url(#', `url(#${PRINT_ID_PREFIX}`));
        }
      }
      map.style.width = `${PRINT_MAP_MM.width}mm`;
      map.style.height = `${PRINT_MAP_MM.height}mm`;
      root.replaceChildren(map);
    },
    clear() {
      root.replaceChildren();
    },
  };
}
