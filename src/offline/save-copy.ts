import { downloadBlob } from '../view/download.ts';
import { offlineFileName } from '../view/file-names.ts';
import { DATA_ELEMENT_ID, OFFLINE_FILE_NAME, offlineHtml, partsOf, type OfflineParts, type OfflinePayload } from './offline-html.ts';

/**
 * "Save offline copy": the single-file map with the data and stories in use. An offline copy writes
 * itself again from its own script and style (the page it runs is that file); the served app starts
 * from the file the build put beside it (scripts/build-standalone.ts). Either way the script, and so
 * the hash its Content-Security-Policy allows, is unchanged: only the JSON data block differs.
 */
export async function saveOfflineCopy(payload: OfflinePayload): Promise<string> {
  const html = offlineHtml(await ownParts(), payload);
  // A copy with the user's own files or stories is not the build's file: its name says so and which data.
  const own = payload.userData || (payload.userStories?.length ?? 0) > 0 ? JSON.stringify([payload.userData ?? null, payload.userStories ?? []]) : null;
  const name = offlineFileName(OFFLINE_FILE_NAME, own);
  downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), name);
  return name;
}

async function ownParts(): Promise<OfflineParts> {
  if (document.getElementById(DATA_ELEMENT_ID)) return partsOf(document);
  const response = await fetch(`./${OFFLINE_FILE_NAME}`);
  // The dev server has no built single file: `npm run build` writes it.
  if (!response.ok) throw new Error(`${OFFLINE_FILE_NAME}: ${response.status} (run npm run build)`);
  return partsOf(new DOMParser().parseFromString(await response.text(), 'text/html'));
}
