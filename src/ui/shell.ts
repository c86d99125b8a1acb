import { el } from '../view/dom.ts';

/**
 * The page's frame: the sidebar, the map area (MapLibre's element, the SVG drawing's host, then
 * what lies over the map) and what lies beside it. The app and the first view drawn into index.html
 * at build time (scripts/first-view.ts) both build it here, so that the two lay out alike.
 */
export function createShell(sidebar: Node[], overMap: Node[], aside: Node[]) {
  const mapEl = el('div', { class: 'map', id: 'map', role: 'region' });
  const svgHost = el('div', { class: 'svg-host' });
  const mapArea = el('div', { class: 'map-area' }, mapEl, svgHost, ...overMap);
  const layout = el('main', { class: 'layout' }, el('div', { class: 'sidebar' }, ...sidebar), mapArea, ...aside);
  return { layout, mapArea, mapEl, svgHost };
}
