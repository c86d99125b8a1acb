import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import type { Geography } from './geography.ts';
import { cameraForBounds, projectionFor } from './projection.ts';
import type { MapEvents, MapRenderer } from './renderer.ts';
import { drawSvgMap, svgTarget } from './svg-map.ts';
import { VIEW_BOUNDS } from './views.ts';

/**
 * The SVG map as a live renderer: the first paint, and the whole map where WebGL is missing.
 * Named views and the URL's map position apply; hover and click work as on the WebGL map.
 */
export function createSvgRenderer(
  container: HTMLElement,
  geo: Geography,
  model: Model,
  initial: { camera: Camera | null; view: NamedView },
  events: MapEvents,
): MapRenderer {
  const layer = document.createElement('div');
  layer.className = 'svg-layer';
  container.append(layer);
  const size = () => ({ width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) });
  let camera: Camera = initial.camera ?? cameraForBounds(VIEW_BOUNDS[initial.view], size().width, size().height);
  let last: { scene: Scene; lang: Lang; selected: string | null } | null = null;
  const draw = () => {
    if (!last) return;
    const { width, height } = size();
    layer.replaceChildren(drawSvgMap(geo, model, last.scene, { width, height, camera, lang: last.lang, selected: last.selected }));
  };
  layer.addEventListener('mousemove', (e) => {
    const rect = layer.getBoundingClientRect();
    events.hover(svgTarget(e.target as Element), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  });
  layer.addEventListener('mouseleave', () => events.hover(null, { x: 0, y: 0 }));
  layer.addEventListener('click', (e) => events.click(svgTarget(e.target as Element)));
  const resize = new ResizeObserver(() => draw());
  resize.observe(container);
  return {
    kind: 'svg',
    update(scene, lang, selected) {
      last = { scene, lang, selected };
      draw();
    },
    frame(view) {
      camera = cameraForBounds(VIEW_BOUNDS[view], size().width, size().height);
      draw();
    },
    jumpTo(c) {
      camera = c;
      draw();
    },
    camera: () => camera,
    project(lonLat) {
      const { width, height } = size();
      return projectionFor(camera, width, height)(lonLat) ?? [NaN, NaN];
    },
    destroy() {
      resize.disconnect();
      layer.remove();
    },
  };
}
