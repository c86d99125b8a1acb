import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { IMPORT_KEY } from '../src/import/store.ts';

/**
 * Runs before the first paint, from <head>: picks the language as the app will (the link's `lang`,
 * else the browser's languages) and turns the first view off for any other link (embeds, filters,
 * places, stories, exports) and while the user's own files are open in this tab. Allowed by the
 * CSP through its hash (firstViewScriptHash), not by 'unsafe-inline'. Its work done, it leaves the
 * page: no inline script stays in the document (the import test checks that data never adds one).
 */
export const FIRST_VIEW_SCRIPT =
  `(function(){var h=document.documentElement,q=new URLSearchParams(location.search),l=q.get('lang'),n=navigator.languages||[],d=true,i,b;` +
  `if(l!=='en'&&l!=='zh'){l='en';for(i=0;i<n.length;i++){b=String(n[i]).toLowerCase().split('-')[0];if(b==='zh'||b==='en'){l=b;break;}}}` +
  `h.lang=l==='zh'?'zh-Hans':'en';` +
  `q.forEach(function(_,k){if(k!=='lang')d=false;});` +
  `try{if(sessionStorage.getItem(${JSON.stringify(IMPORT_KEY)}))d=false;}catch(e){}` +
  `if(!d)h.classList.add('first-view-off');if(document.currentScript)document.currentScript.remove();})();`;

export const firstViewScriptHash = `'sha256-${createHash('sha256').update(FIRST_VIEW_SCRIPT).digest('base64')}'`;

const MARK = '<!-- first-view -->';

/**
 * Draws the first view (draw-first-view.ts) into index.html where it says `<!-- first-view -->`,
 * adds the inline script, and holds the first paint until the whole view is parsed (a page this
 * size would otherwise be painted in parts). Only in the deployed build: the dev server and the
 * single offline file skip it.
 */
export function firstView(dataDir: string, topoFile: string): Plugin {
  return {
    name: 'first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(MARK)) throw new Error(`index.html has no ${MARK}`);
        // The drawing runs the app's modules through Vite's module runner, which resolves them as the
        // app's build does (and leaves the code they load on use unloaded).
        const { module } = await runnerImport<typeof import('./draw-first-view.ts')>(resolve('scripts/draw-first-view.ts'), { configFile: false, logLevel: 'warn' });
        const { shared, views } = module.drawFirstView(dataDir, topoFile);
        return {
          html: html.replace(MARK, () => `${views}<span id="first-view-end"></span>`).replace('<div id="app">', () => `${shared}\n    <div id="app">`),
          tags: [
            { tag: 'script', children: FIRST_VIEW_SCRIPT, injectTo: 'head' },
            { tag: 'link', attrs: { rel: 'expect', href: '#first-view-end', blocking: 'render' }, injectTo: 'head' },
          ],
        };
      },
    },
  };
}

