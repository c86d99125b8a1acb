import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import { readBuiltin } from '../../scripts/builtin-data.ts';
import { compactKeyBox, compose, fixedOverMap, insetCities, LIVE_CONTROLS_WIDTH } from '../../src/map/composition.ts';
import { toGeography, type Geography } from '../../src/map/geography.ts';
import type { Covered } from '../../src/map/projection.ts';
import { drawSvgMap } from '../../src/map/svg-map.ts';
import { buildModel, type Model } from '../../src/scene/model.ts';
import { buildScene, maxRadiusFor } from '../../src/scene/scene.ts';
import type { AppState } from '../../src/state/url-state.ts';

// What the tests name states and sizes with, from here too: the one module that reaches into src/.
export { defaultState, type AppState } from '../../src/state/url-state.ts';
export { REFERENCE_MAPS } from '../../scripts/first-view-kinds.ts';

/*
 * The map's SVG for a state, drawn without a browser as the build's first view is (scripts/draw-first-view.ts):
 * the app's own modules in a small DOM (linkedom). Every import of the app is here, so that when src/
 * moves, only this file changes. The composition follows the live SVG renderer (src/map/svg-renderer.ts):
 * the named view composed with the live map's button column; the details panel, which leaves the
 * composition where it is, only keeps names clear of its box.
 */

export interface MapSize {
  width: number;
  height: number;
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

let loaded: { geo: Geography; model: Model } | null = null;
function load(): { geo: Geography; model: Model } {
  loaded ??= {
    model: buildModel(readBuiltin(root('data')).dataset),
    geo: toGeography(JSON.parse(readFileSync(root('geo/pairing.topo.json'), 'utf8')) as Topology),
  };
  return loaded;
}

/** The map as the live app draws it for `state` in a map area of `size`, with `covered` hidden by the panel; pretty-printed. */
export function drawMapSvg(state: AppState, size: MapSize, covered: Covered = { right: 0, bottom: 0 }): string {
  const { geo, model } = load();
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = g.document;
  g.document = document;
  try {
    const { width, height } = size;
    // The panel does not move the composition (it stays put while a place opens); names keep clear of it.
    // The compact key's box is kept free as the live page keeps it (the key itself is page, not map).
    const key = compactKeyBox(width, height, insetCities(model));
    const composition = compose(state.view, { width, height, cities: insetCities(model), controls: LIVE_CONTROLS_WIDTH, key });
    // The live map's names keep clear of the panel's box, the key's (an embed too small for the key
    // has its button) and MapLibre's controls (not drawn here, as in the first view).
    const fixed = fixedOverMap(width, height, insetCities(model), { embed: state.embed, zoom: state.interactive, attribution: state.story === null, right: covered.right });
    const keepClear = [
      ...(covered.right > 0 ? [[width - covered.right, 0, width, height] as const] : []),
      ...(covered.bottom > 0 ? [[0, height - covered.bottom, width, height] as const] : []),
      ...fixed.map((b) => [b.x, b.y, b.x + b.width, b.y + b.height] as const),
    ];
    const scene = buildScene(model, state, maxRadiusFor(width, height));
    const map = drawSvgMap(geo, model, scene, {
      width,
      height,
      camera: state.camera ?? composition.camera,
      lang: state.lang,
      selected: state.place,
      keepClear,
      insets: composition.insets,
      labelScale: 1,
    });
    return prettySvg(map);
  } finally {
    g.document = saved;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * One element per line, indented by depth, attributes in the order they were set, values as drawn.
 * An element with text only (a name) keeps it on its line: whitespace added inside <text> would show.
 */
export function prettySvg(el: Element): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const walk = (e: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    // linkedom lists attributes last set first; reversed, they read in the order the drawing set them.
    const attrs = [...e.getAttributeNames()].reverse().map((n) => ` ${n}="${escapeAttr(e.getAttribute(n) ?? '')}"`).join('');
    const open = `${pad}<${e.localName}${attrs}`;
    const kids = [...e.childNodes];
    if (kids.length === 0) lines.push(`${open}/>`);
    else if (kids.every((k) => k.nodeType === 3)) lines.push(`${open}>${escapeText(e.textContent ?? '')}</${e.localName}>`);
    else {
      lines.push(`${open}>`);
      for (const k of kids) {
        if (k.nodeType === 1) walk(k as Element, depth + 1);
        else if (k.nodeType === 3 && (k.textContent ?? '').trim() !== '') throw new Error(`text beside elements in <${e.localName}>: not printable one element per line`);
      }
      lines.push(`${pad}</${e.localName}>`);
    }
  };
  walk(el, 0);
  return `${lines.join('\n')}\n`;
}
