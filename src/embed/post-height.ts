import { HEIGHT_MESSAGE } from './snippet.ts';

/**
 * In an iframe, tell the host page the height of what the embed shows (title, map, legend, source),
 * measured after layout, now and whenever it changes: a narrower column, a folded legend, fonts.
 */
export function postEmbedHeight(content: HTMLElement): void {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  post();
  new ResizeObserver(post).observe(content);
}
