import type { Dataset } from '../data/validate.ts';
import type { ImportedFiles } from '../data/user-files.ts';
import type { Story } from '../data/stories.ts';

/*
 * The single offline file, built from its parts: one function writes it, both for
 * `npm run build:standalone` and for "Save offline copy" in the app, so that a copy saved from a
 * copy is the same file with other data. The script is inline and allowed by its hash in the
 * file's own Content-Security-Policy; the data is a JSON block (`type="application/json"`), which
 * browsers never run, so a copy's data can change without touching the script or its hash.
 */

/** What an offline file carries besides its code: the data and stories, a user's files and stories. */
export interface OfflinePayload {
  dataset: Dataset;
  stories: Story[];
  /** The user's own files, joined with the built-in data when the copy opens (as in the tab they came from). */
  userData?: ImportedFiles;
  /** Stories made in the app. */
  userStories?: Story[];
}

export interface OfflineParts {
  csp: string;
  style: string;
  script: string;
  /** geo/pairing.topo.json as text: a JSON block too (base64 inside the script would be a third larger). */
  topology: string;
}

export const DATA_ELEMENT_ID = 'gpm-data';
export const TOPOLOGY_ELEMENT_ID = 'gpm-topology';
export const SCRIPT_ELEMENT_ID = 'gpm-script';
export const STYLE_ELEMENT_ID = 'gpm-style';
export const OFFLINE_FILE_NAME = 'guizhou-pairing-map.html';

/** JSON that cannot end its <script> element early ("</script") or open a comment ("<!--"). */
export function dataBlock(payload: OfflinePayload): string {
  return JSON.stringify(payload).replace(/</g, '\\u003c');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export function offlineHtml(parts: OfflineParts, payload: OfflinePayload): string {
  if (/<\/script/i.test(parts.script)) throw new Error('offline file: the script must not contain "</script"');
  if (/<\/style/i.test(parts.style)) throw new Error('offline file: the style must not contain "</style"');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="${attr(parts.csp)}" />`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <title>Guizhou Pairing Map</title>',
    '    <link rel="icon" href="data:," />',
    `    <style id="${STYLE_ELEMENT_ID}">${parts.style}</style>`,
    `    <script type="application/json" id="${TOPOLOGY_ELEMENT_ID}">${parts.topology.replace(/</g, '\\u003c')}</script>`,
    `    <script type="application/json" id="${DATA_ELEMENT_ID}">${dataBlock(payload)}</script>`,
    `    <script type="module" id="${SCRIPT_ELEMENT_ID}">${parts.script}</script>`,
    '  </head>',
    '  <body>',
    '    <div id="app"></div>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/** The parts of an offline file, from the file itself (parsed, or the page that is running it). */
export function partsOf(doc: Document): OfflineParts {
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  const style = doc.getElementById(STYLE_ELEMENT_ID)?.textContent;
  const script = doc.getElementById(SCRIPT_ELEMENT_ID)?.textContent;
  const topology = doc.getElementById(TOPOLOGY_ELEMENT_ID)?.textContent;
  if (!csp || style == null || !script || !topology) throw new Error('not an offline file of this map');
  return { csp, style, script, topology };
}
