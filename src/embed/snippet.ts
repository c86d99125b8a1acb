/*
 * Embedding. The embedded page tells its host page the height it would like, the way chart-embedding
 * services do (Datawrapper posts {"datawrapper-height": …}); ours posts
 * { type: 'guizhou-pairing-map:height', height: <px> }. The snippet carries the few lines of script
 * that listen for it and resize the iframe that sent it.
 */
export const HEIGHT_MESSAGE = 'guizhou-pairing-map:height';

export function embedUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('embed', '1');
  return url.toString().replace(/%2C/g, ',');
}

/** A copy-ready, responsive iframe for the current view, with its resize listener. */
export function iframeSnippet(pageUrl: string, title: string): string {
  const src = embedUrl(pageUrl);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${esc(src)}" title="${esc(title)}" style="width:100%;height:520px;border:0" loading="lazy"`,
    `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>`,
    `<script>window.addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="${HEIGHT_MESSAGE}")return;`,
    `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px";});});</script>`,
  ].join('\n');
}

/** The height an embedded map asks for: a 16:10 map plus its title bar, never less than 360 px. */
export function preferredHeight(width: number, chrome: number): number {
  return Math.max(360, Math.round(width * 0.625) + chrome);
}
