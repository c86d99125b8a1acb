import type { Lang } from '../i18n/messages.ts';

/**
 * The first view that the build drew into index.html (scripts/draw-first-view.ts). Its map stays on
 * screen, moved into the app's own map area, until the app has drawn the live map over it; the rest
 * of it (header, controls, legend) the app replaces at once with its own, which look the same. A
 * view the build did not draw (src/state/first-view-state.ts), or the user's own data, drops it at once.
 */
export interface FirstView {
  /** Whether its map is on screen (a view the build drew, at a size its map fits). */
  readonly onScreen: boolean;
  /** Moves the map into the live map area (before the app replaces the page's content). */
  keepIn(host: HTMLElement): void;
  /** Removes what is left of it (once the live map is drawn over it). */
  drop(): void;
  /**
   * Marks `map:first-complete`: at the first contentful paint when the first view's map was shown
   * (nothing is painted before the whole view is parsed, and whatever is painted first then holds a
   * complete map: the first view's or, where the app was quicker than the first paint, its own), else now.
   */
  markComplete(): void;
  /**
   * What the first view's map showed where it was last clicked (the head script keeps where), if it
   * was: the element of its drawing, which carries the places' targets as the live map does. The
   * click is answered by what was seen there, before the live map is drawn (a scaled view's places
   * stand elsewhere than the live map's). Taken before keepIn, it is looked for where the view was
   * seen (once moved, the map stands where the app's page, not yet filled, puts it).
   */
  takeClick(): Element | null;
  /**
   * Outlines the open place (or none) on the first view's map while it shows, as the live map will
   * (the head script's `firstViewOutline`, which outlines a link's place before the first paint): a
   * click answered there has its place outlined with its panel, not only once the live map comes.
   */
  outline(place: string | null): void;
}

declare global {
  // Defined by the page's head script (scripts/first-view.ts); absent where the page has none.
  var firstViewOutline: ((map: Element, place: string | null) => Element | null) | undefined;
}

export function takeFirstView(root: HTMLElement, lang: Lang, drawn: boolean): FirstView {
  const map = root.querySelector<HTMLElement>(`.first-view[data-lang="${lang}"] .first-view-map`);
  // On screen: a view the build drew (`drawn`), at a size its map fits (see styles/first-view.css).
  const shown = drawn && map !== null && map.checkVisibility({ visibilityProperty: true });
  const drop = () => {
    map?.remove();
  };
  if (!shown) drop();
  // The place last outlined by the app (a link's, the head script outlined before; outlined again, the same).
  let outlined: string | null | undefined;
  // Drawn for another size, it would jump to the live map's places and sizes: it fades out over it instead.
  const fadeOut = () => {
    if (!map?.isConnected || !map.parentElement) return drop();
    const drawnFor = map.querySelector<SVGSVGElement>('.first-view-frame')?.viewBox.baseVal;
    const scaled = !drawnFor || Math.abs(map.clientWidth - drawnFor.width) > 2 || Math.abs(map.clientHeight - drawnFor.height) > 2;
    if (!scaled) return drop();
    map.parentElement.append(map);
    requestAnimationFrame(() => {
      map.classList.add('leaving');
      window.setTimeout(drop, 200);
    });
  };
  return {
    onScreen: shown,
    keepIn(host) {
      if (shown && map) host.append(map);
    },
    drop: fadeOut,
    takeClick() {
      const at = document.documentElement.getAttribute('data-first-click');
      document.documentElement.removeAttribute('data-first-click');
      const [x, y] = (at ?? '').split(',').map(Number);
      if (!shown || !map?.isConnected || at === null || !Number.isFinite(x) || !Number.isFinite(y)) return null;
      // The drawing takes no pointer (it lies under the live map while that comes), nor does the inert
      // view it stands in until moved (keepIn): for this one look, they do.
      const view = map.closest('.first-view[inert]');
      view?.removeAttribute('inert');
      map.style.pointerEvents = 'auto';
      const under = document.elementsFromPoint(x!, y!).find((e) => e !== map && map.contains(e)) ?? null;
      map.style.pointerEvents = '';
      view?.setAttribute('inert', '');
      return under;
    },
    outline(place) {
      if (!shown || !map?.isConnected || place === outlined) return;
      outlined = place;
      self.firstViewOutline?.(map, place);
    },
    markComplete() {
      // The paint entry arrives a little after the frame (when the compositor reports it).
      if (!shown || !PerformanceObserver.supportedEntryTypes.includes('paint')) return void performance.mark('map:first-complete');
      const observer = new PerformanceObserver((list) => {
        const fcp = list.getEntriesByName('first-contentful-paint')[0];
        if (!fcp) return;
        observer.disconnect();
        performance.mark('map:first-complete', { startTime: fcp.startTime });
      });
      observer.observe({ type: 'paint', buffered: true });
    },
  };
}
