import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BORDER, INK, LAND_CONTEXT, MUTED, NO_FIGURE, PREFECTURE_BORDER, SEA } from '../scene/colors.ts';
import type { Geography } from './geography.ts';

/*
 * Our own MapLibre style: no tiles, no sprite, no glyph server. Without `glyphs`, MapLibre draws
 * label text itself with the browser's fonts, so labels work offline in Chinese and Latin.
 */

export const FONT_STACK = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function buildStyle(geo: Geography): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': SEA } },
    { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': LAND_CONTEXT } },
    { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': '#c4c1b8', 'line-width': 0.8 } },
    {
      id: 'counties-fill',
      type: 'fill',
      source: 'counties',
      paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], NO_FIGURE] },
    },
    {
      // "No recorded figure" is hatched, so it never reads as a low value.
      id: 'counties-hatch',
      type: 'fill',
      source: 'counties',
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', ['boolean', ['feature-state', 'noFigure'], false], 1, 0] },
    },
    {
      id: 'counties-hover',
      type: 'line',
      source: 'counties',
      paint: { 'line-color': INK, 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, ['boolean', ['feature-state', 'selected'], false], 2.5, 0] },
    },
    { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': BORDER, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.3, 8, 0.9] } },
    { id: 'prefectures-line', type: 'line', source: 'prefectures', paint: { 'line-color': PREFECTURE_BORDER, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 8, 2] } },
    {
      id: 'districts-fill',
      type: 'fill',
      source: 'districts',
      paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], '#e9e6de'] },
    },
    { id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': BORDER, 'line-width': 0.6 } },
    {
      id: 'districts-hover',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': INK, 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, ['boolean', ['feature-state', 'selected'], false], 2.5, 0] },
    },
    {
      id: 'arcs-casing',
      type: 'line',
      source: 'arcs',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['match', ['get', 'level'], 'prefecture', 5, 3.5], 'line-opacity': 0.7 },
    },
    {
      id: 'arcs-stated',
      type: 'line',
      source: 'arcs',
      filter: ['==', ['get', 'evidence'], 'stated'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': ['match', ['get', 'level'], 'prefecture', 2.6, 1.6], 'line-opacity': 0.9 },
    },
    {
      id: 'arcs-activity',
      type: 'line',
      source: 'arcs',
      filter: ['==', ['get', 'evidence'], 'activity'],
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['match', ['get', 'level'], 'prefecture', 2.6, 1.6],
        'line-opacity': 0.9,
        'line-dasharray': [2, 2],
      },
    },
    {
      id: 'markers-multiyear',
      type: 'circle',
      source: 'markers',
      filter: ['==', ['get', 'multiYear'], true],
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': 'rgba(255,255,255,0)',
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.85,
      },
    },
    {
      id: 'markers',
      type: 'circle',
      source: 'markers',
      filter: ['==', ['get', 'multiYear'], false],
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['get', 'color'],
        'circle-opacity': ['match', ['get', 'kind'], 'programme', 0.18, 'group', 0.45, 0.75],
        'circle-stroke-color': ['match', ['get', 'kind'], 'place', '#ffffff', ['get', 'color']],
        'circle-stroke-width': ['match', ['get', 'kind'], 'programme', 2.5, 'group', 2, 1],
      },
    },
    {
      id: 'marker-values',
      type: 'symbol',
      source: 'markers',
      filter: ['all', ['==', ['get', 'multiYear'], false], ['!=', ['get', 'valueLabel'], '']],
      layout: {
        'text-field': ['get', 'valueLabel'],
        'text-font': FONT_STACK,
        'text-size': 11.5,
        'text-anchor': 'top',
        'text-radial-offset': ['+', ['/', ['get', 'radius'], 11.5], 0.25],
        // Where circles crowd, labels that would collide are left out; the tooltip and table have every value.
        'text-allow-overlap': false,
      },
      paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
    {
      id: 'labels-minor',
      type: 'symbol',
      source: 'labels',
      minzoom: 6.6,
      filter: ['==', ['get', 'rank'], 2],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 11, 'text-padding': 2 },
      paint: { 'text-color': MUTED, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
    {
      id: 'labels-major',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'rank'], 1],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 13, 'text-padding': 4 },
      paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.8 },
    },
    {
      // Partner cities carry circles up to 34 px wide: their names sit clear of them, on whichever
      // side fits inside the map.
      id: 'labels-cities',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'rank'], 0],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': 15,
        'text-variable-anchor': ['right', 'bottom', 'top', 'left'],
        'text-radial-offset': 2.5,
        'text-padding': 4,
      },
      paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.8 },
    },
  ];
  return {
    version: 8,
    sources: {
      provinces: { type: 'geojson', data: geo.provinces },
      counties: { type: 'geojson', data: geo.counties, promoteId: 'id' },
      prefectures: { type: 'geojson', data: geo.prefectures, promoteId: 'id' },
      districts: { type: 'geojson', data: geo.districts, promoteId: 'id' },
      arcs: { type: 'geojson', data: empty() },
      markers: { type: 'geojson', data: empty() },
      labels: { type: 'geojson', data: empty() },
    },
    layers,
  };
}

/** An 8 px diagonal hatch for counties with no recorded figure, as RGBA pixels for map.addImage. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size === 0;
      data.set(on ? [184, 180, 170, 255] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Layers a pointer can hover or click, topmost first. */
export const INTERACTIVE_LAYERS = ['markers', 'markers-multiyear', 'arcs-stated', 'arcs-activity', 'districts-fill', 'counties-fill'] as const;
