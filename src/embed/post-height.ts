import { HEIGHT_MESSAGE, preferredHeight } from './snippet.ts';

/** In an iframe, tell the host page the height we would like, now and whenever our width changes. */
export function postPreferredHeight(chrome: () => number): void {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = preferredHeight(document.documentElement.clientWidth, chrome());
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  post();
  new ResizeObserver(post).observe(document.documentElement);
}
