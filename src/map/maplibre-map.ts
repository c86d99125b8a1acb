import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import type { MapEvents, MapRenderer, MapTarget } from './renderer.ts';
import type { Geography } from './geography.ts';
import { arcFeatures, labelFeatures, markerFeatures } from './layer-data.ts';
import { buildStyle, hatchImage, INTERACTIVE_LAYERS } from './style.ts';
import { VIEW_BOUNDS } from './views.ts';

/*
 * The MapLibre renderer: it draws a scene and reports pointer events. It holds no business logic:
 * sources get new data with setData, county shading goes through feature-state.
 * `new Map` throws where WebGL is unavailable; the caller then keeps the SVG renderer.
 */

export interface MapView extends MapRenderer {
  map: maplibregl.Map;
}

export function createMapLibreMap(
  container: HTMLElement,
  geo: Geography,
  model: Model,
  initial: { camera: Camera | null; view: NamedView; interactive: boolean; attribution: string },
  events: MapEvents,
): Promise<MapView> {
  const map = new maplibregl.Map({
    container,
    style: buildStyle(geo),
    bounds: initial.camera ? undefined : VIEW_BOUNDS[initial.view],
    center: initial.camera ? [initial.camera.lon, initial.camera.lat] : undefined,
    zoom: initial.camera?.zoom,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    interactive: initial.interactive,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 12,
    minZoom: 2.5,
    // Kept so that printing and canvas reads see the last frame; it cost nothing measurable here.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  } as maplibregl.MapOptions);
  map.touchZoomRotate.disableRotation();
  map.on('styleimagemissing', (e) => {
    if (e.id === 'hatch' && !map.hasImage('hatch')) map.addImage('hatch', hatchImage());
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: initial.attribution }), 'bottom-right');

  let hovered: { source: string; id: string } | null = null;
  const setHover = (next: { source: string; id: string } | null) => {
    if (hovered) map.setFeatureState(hovered, { hover: false });
    hovered = next;
    if (hovered) map.setFeatureState(hovered, { hover: true });
  };

  const targetOf = (features: MapGeoJSONFeature[]): MapTarget | null => {
    const f = features[0];
    if (!f) return null;
    const p = f.properties as Record<string, string>;
    if (f.layer.id.startsWith('markers')) return { type: 'marker', key: p['key'] ?? '' };
    if (f.layer.id.startsWith('arcs')) return { type: 'arc', id: p['id'] ?? '' };
    return { type: 'place', id: String(f.id ?? p['id'] ?? '') };
  };
  const query = (e: MapMouseEvent) => map.queryRenderedFeatures(e.point, { layers: [...INTERACTIVE_LAYERS] });

  map.on('mousemove', (e) => {
    const features = query(e);
    const target = targetOf(features);
    const f = features[0];
    setHover(f && target?.type === 'place' ? { source: f.source, id: target.id } : null);
    map.getCanvas().style.cursor = target ? 'pointer' : '';
    events.hover(target, e.point);
  });
  map.on('mouseout', () => {
    setHover(null);
    events.hover(null, { x: 0, y: 0 });
  });
  map.on('click', (e) => events.click(targetOf(query(e))));
  map.on('moveend', (e) => {
    // Only moves the user made become URL state; programmatic framing keeps the named view.
    if (!(e as { originalEvent?: unknown }).originalEvent) return;
    const c = map.getCenter();
    events.moved({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
  });

  let selected: string | null = null;
  let lastLang: Lang | null = null;
  const last = { markerKey: '', arcKey: '', shades: new Map<string, string>() };
  const view: MapView = {
    kind: 'webgl',
    map,
    update(scene, lang, place) {
      // Only what changed goes to MapLibre: each setData re-tiles a source in the worker and each
      // feature-state change repaints, which costs whole frames on software WebGL.
      const markerKey = JSON.stringify(scene.markers.map((m) => [m.key, m.radius, m.color, m.valueLabel]));
      if (markerKey !== last.markerKey) {
        (map.getSource('markers') as GeoJSONSource).setData(markerFeatures(scene));
        last.markerKey = markerKey;
      }
      const arcKey = JSON.stringify(scene.arcs.map((a) => [a.id, a.color, a.evidence]));
      if (arcKey !== last.arcKey) {
        (map.getSource('arcs') as GeoJSONSource).setData(arcFeatures(scene));
        last.arcKey = arcKey;
        for (const a of scene.arcs) {
          if (a.level === 'county') map.setFeatureState({ source: 'districts', id: a.donor }, { fill: tint(a.color) });
        }
      }
      if (lang !== lastLang) {
        (map.getSource('labels') as GeoJSONSource).setData(labelFeatures(model, lang));
        lastLang = lang;
      }
      for (const [id, shade] of scene.counties) {
        const key = `${shade.fill}|${shade.value === null && !shade.quiet}`;
        if (last.shades.get(id) === key) continue;
        last.shades.set(id, key);
        map.setFeatureState({ source: 'counties', id }, { fill: shade.fill, noFigure: shade.value === null && !shade.quiet });
      }
      if (selected !== place) {
        for (const source of ['counties', 'districts']) {
          if (selected && map.getSource(source)) map.setFeatureState({ source, id: selected }, { selected: false });
          if (place) map.setFeatureState({ source, id: place }, { selected: true });
        }
        selected = place;
      }
    },
    frame(name, animate) {
      // The layout may have just changed (presentation mode, embed): measure before framing.
      map.resize();
      map.fitBounds(VIEW_BOUNDS[name], { padding: 24, animate, duration: animate ? 600 : 0 });
    },
    jumpTo(c) {
      map.jumpTo({ center: [c.lon, c.lat], zoom: c.zoom });
    },
    camera() {
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    project(lonLat) {
      const p = map.project(lonLat);
      return [p.x, p.y];
    },
    destroy() {
      map.remove();
    },
  };
  // On small screens the attribution starts folded into its (i) button instead of covering the map.
  map.once('load', () => {
    if (container.clientWidth < 640) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  });
  return new Promise((resolve, reject) => {
    // Resolves once the first frame with every layer is drawn, so the SVG first paint can step aside.
    map.once('load', () => map.once('idle', () => resolve(view)));
    map.once('error', (e) => reject(e.error instanceof Error ? e.error : new Error('MapLibre could not start')));
  });
}

/** A pale version of a partner colour for its twinned districts. */
function tint(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.78);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}
