import type { Geography } from '../map/geography.ts';
import type { Model } from '../scene/model.ts';
import { createPrintMap } from '../ui/print-map.ts';
import type { Frame } from '../view/context.ts';
import type { LiveMap } from './live-map.ts';

/*
 * Printing with a place open: the map is drawn for the paper just before the page is laid out, and
 * dropped after. Without a place the page prints the live drawing, scaled, as it always has.
 */
export function preparePrint(o: { mapArea: HTMLElement; mapEl: HTMLElement; model: Model; geo: Geography; map: LiveMap; frame(): Frame }): void {
  const printMap = createPrintMap();
  o.mapArea.append(printMap.el);
  window.addEventListener('beforeprint', () => {
    const frame = o.frame();
    if (frame.state.place === null) return printMap.clear();
    printMap.draw(o.geo, o.model, frame, { camera: o.map.current().camera(), width: o.mapEl.clientWidth, height: o.mapEl.clientHeight });
  });
  window.addEventListener('afterprint', () => printMap.clear());
}
