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

/**
 * A copy-ready, responsive iframe for the current view, with its resize listener and, for pages
 * that strip scripts, a static PNG of the view (`fallbackImage`, a file saved beside the page).
 */
export function iframeSnippet(pageUrl: string, title: string, fallbackImage: string): string {
  const src = embedUrl(pageUrl);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${esc(src)}" title="${esc(title)}" style="width:100%;height:640px;border:0" loading="lazy"`,
    `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>`,
    `<noscript><img src="${esc(fallbackImage)}" alt="${esc(title)}" style="width:100%;height:auto"></noscript>`,
    `<script>window.addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="${HEIGHT_MESSAGE}")return;`,
    `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px";});});</script>`,
  ].join('\n');
}
