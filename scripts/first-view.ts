import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { IMPORT_KEY } from '../src/import/store.ts';
import { FIRST_VIEW_PLACE } from '../src/state/first-view-state.ts';
import { COVER_MARGIN, EMBED_FIT_JS, EMBED_REFERENCES, firstViewFitCss, PANEL_WIDTH, PRESENT_HEADER, PRESENT_REFERENCES } from './first-view-kinds.ts';

/**
 * Runs before the first paint, from <head>: picks the language as the app will (the link's `lang`,
 * else the browser's languages) and turns the first view off for any link but those the build drew:
 * the default view, it embedded, it filtered by a year and at most one kind of aid, and the built-in
 * stories' steps (not for places, other filters, exports; not for a window or an embed frame near
 * none of the sizes drawn) and while the user's own files are open in this tab.
 *
 * Where the first view shows, it holds the first paint until that language's view is parsed (a page
 * this size would otherwise be painted in parts): the link it
 * writes is the parser's, which a render-blocking `expect` link must be. And it loads the app (its
 * script, the modules and data it preloads: the `link[data-later]` above it) in two steps: fetched
 * (the script as a module preload, not run) once the frame that paints the view has left the main
 * thread (all but the geometry, `data-at-paint`), and run once that paint is reported, the geometry
 * fetched then. Fetched and run beside the first paint, they delayed
 * it by about a fifth (bench/results.md); fetched only at the reported paint, a click on the view
 * waited 20–180 ms more for them to arrive. Where the map does not show (a window it does not fit: styles/first-view.css), the
 * app loads at once when the window's size says so, else as soon as the page is parsed and the map
 * is found hidden; for any other link it loads at once, as the build wrote it.
 *
 * Allowed by the CSP through its hash (firstViewScriptHashes), not by 'unsafe-inline'. Its work done,
 * it leaves the page: no inline script stays in the document (the import test checks that data
 * never adds one).
 */
/**
 * `self.firstViewOutline(map, id)`, defined by the head script for the select script below (a link's
 * place) and for the app (a click answered on the first view, `FirstView.outline`): outlines a place
 * over a first view's map as the live map's selection does, in place of what it outlined before (`id`
 * null: nothing). A county's, district's or province's area is copied into the selection's group,
 * moved as the inset it lies in is; a prefecture's comes from the prefectures' file, where the write
 * script loaded it (the view's areas are counties); a partner city's inset frame is drawn heavy.
 * Returns what it outlined (an area says where the place's point is drawn, `data-at`), if anything.
 */
const FIRST_VIEW_OUTLINE_JS =
  `self.firstViewOutline=function(m,id){var g=m.querySelector('g[id$="-selection"]'),p,a,c,t=new DOMMatrix(),u=[],e;if(!g)return null;g.replaceChildren();` +
  `m.querySelectorAll('.inset-outline[data-rest]').forEach(function(o){var r=o.getAttribute('data-rest').split(' ');o.setAttribute('stroke',r[0]);` +
  `if(r[1])o.setAttribute('stroke-width',r[1]);else o.removeAttribute('stroke-width');o.removeAttribute('data-rest');});` +
  `if(id===null)return null;c=m.querySelector('.inset[data-city="'+id+'"] .inset-outline');` +
  `if(c){c.setAttribute('data-rest',c.getAttribute('stroke')+' '+(c.getAttribute('stroke-width')||''));c.setAttribute('stroke',g.getAttribute('stroke'));c.setAttribute('stroke-width',g.getAttribute('stroke-width'));return c;}` +
  `p=m.querySelector('.inset-districts>path[data-id="'+id+'"]')||m.querySelector('path[data-target="place"][data-id="'+id+'"]')||m.querySelector('g[id$="-provinces"]>path[data-id="'+id+'"]');` +
  `a=self.firstViewPrefectures&&self.firstViewPrefectures[id];if(!p&&a){p=document.createElementNS('http://www.w3.org/2000/svg','path');p.setAttribute('d',a[0]);if(a[1])p.setAttribute('data-at',a[1]);}` +
  `if(!p)return null;for(e=p.parentElement;e&&e.localName==='g';e=e.parentElement)u.unshift(e);` +
  `u.forEach(function(e){var c=e.transform.baseVal.consolidate();if(c)t=t.multiply(c.matrix);});` +
  `c=p.cloneNode(false);['fill','data-id','data-target','data-at'].forEach(function(n){c.removeAttribute(n);});if(!t.isIdentity)c.setAttribute('transform',t.toString());g.appendChild(c);return p;};`;

export const FIRST_VIEW_SCRIPT =
  `(function(){var h=document.documentElement,q=new URLSearchParams(location.search),l=q.get('lang'),n=navigator.languages||[],d=true,i,b,` +
  `later=document.querySelectorAll('link[data-later]'),done=false,early=false,f=true,e=false,E=${JSON.stringify(EMBED_REFERENCES)},P=${JSON.stringify(PRESENT_REFERENCES)},s=null,p='1',y=null,c=null,o=null,w,v,z;` +
  `if(l!=='en'&&l!=='zh'){l='en';for(i=0;i<n.length;i++){b=String(n[i]).toLowerCase().split('-')[0];if(b==='zh'||b==='en'){l=b;break;}}}` +
  `h.lang=l==='zh'?'zh-Hans':'en';${FIRST_VIEW_OUTLINE_JS}` +
  // A year and a kind of aid, each named once, may name a filtered view the build drew (a second
  // naming, which the app ignores, turns the first view off); a place named once is outlined over
  // it (FIRST_VIEW_SELECT_SCRIPT), not over an embed or a story's step, and not a partner city's
  // place (the page names them), for which the live map composes the view beside the panel.
  `q.forEach(function(x,k){if(k==='embed'&&x==='1')e=true;else if(k==='story')s=x;else if(k==='step')p=x;else if(k==='year'&&y===null)y=x;else if(k==='category'&&c===null)c=x;` +
  `else if(k==='place'&&o===null&&${FIRST_VIEW_PLACE}.test(x))o=x;else if(k!=='lang')d=false;});if(s===null&&q.has('step'))d=false;if(y==='all')y=null;` +
  `if(o!==null){if(e||s!==null||named('first-view-partners',o))d=false;else h.setAttribute('data-first-view-place',o);}` +
  `try{if(sessionStorage.getItem(${JSON.stringify(IMPORT_KEY)}))d=false;}catch(e){}` +
  // Whether a list of places the page carries (a <meta>, written by the build) names this one.
  `function named(n,x){var m=document.querySelector('meta[name="'+n+'"]');return!!m&&(' '+m.content+' ').indexOf(' '+x+' ')>=0;}` +
  `function tag(k){var t=k.getAttribute('data-later'),a=k.getAttribute('as'),u=k.getAttribute('href');` +
  `return t==='script'?'<script type="module" crossorigin src="'+u+'"></'+'script>':'<link rel="'+t+'" crossorigin href="'+u+'"'+(a?' as="'+a+'"':'')+'>';}` +
  `function add(k,r){var e=document.createElement(r==='script'?'script':'link');if(r==='script')e.type='module';else{e.rel=r;if(k.getAttribute('as'))e.setAttribute('as',k.getAttribute('as'));}` +
  `e.crossOrigin='anonymous';e[r==='script'?'src':'href']=k.getAttribute('href');document.head.appendChild(e);}` +
  // Fetched early: all but what is marked for the paint (the geometry, which a click on the view does
  // not wait for, and the largest file to share the machine with the view's raster).
  `function fetchEarly(){var j,t;if(early)return;early=true;for(j=0;j<later.length;j++){t=later[j].getAttribute('data-later');if(later[j].getAttribute('data-at-paint')===null)add(later[j],t==='script'?'modulepreload':t);}}` +
  `function load(){var j,t;if(done)return;done=true;for(j=0;j<later.length;j++){t=later[j].getAttribute('data-later');if(t==='script'||!early||later[j].getAttribute('data-at-paint')!==null)add(later[j],t);}early=true;}` +
  // Which of the first view's two sizes the window's map area comes near (styles/first-view.css shows the one for
  // a 1280×800 window at 820–1180 × 595–860 px, the one for 1920×1080 at 1345–1895 × 840–1185 px,
  // beside the 300 px sidebar and under a header of 60–110 px); a window near neither does not wait
  // for the page to be parsed.
  `${EMBED_FIT_JS}w=innerWidth-300;v=innerHeight;z=w>=800&&w<=1200&&v>=650&&v<=980?'standard':w>=1320&&w<=1920&&v>=880&&v<=1300?'large':'';` +
  // A place the panel would cover in the view drawn for that size (the page names them): the live map
  // pans to it, so the app draws it at once; near that size, the select script asks again.
  `if(o!==null&&z&&!e&&s===null&&named('first-view-covered-'+z+'-'+l,o)){d=false;h.removeAttribute('data-first-view-place');}` +
  // A filtered view (not embedded, no story) at the window's reference size: `filter-<year>-<kind>-<size>`
  // (the write script below finds none for a year or kind the data does not have, and writes nothing);
  // a window near neither size gets the 1280×800 one as a default link does (its map hidden) and the app at once.
  `if(y!==null||c!==null){if(e||s!==null||!/^\\d{4}$/.test(y||'0000')||!/^[a-z0-9_]+$/.test(c||'all'))d=false;else{if(!z)f=false;z='filter-'+(y||'all')+'-'+(c||'all')+'-'+(z||'standard');}}` +
  // An embed (the default view embedded) lays out as one from the first paint, its map area as
  // styles/views.css sizes it; a frame near none of its sizes shows no first view.
  `if(e){h.classList.add('embed');w=innerWidth;v=Math.max(160,Math.min(w*0.62,innerHeight-(w<=420?32:44),640));z='';` +
  `for(i=0;i<E.length;i++)if(!z&&fits(w,v,E[i]))z=E[i][0];if(!z)d=false;}` +
  // A story's step in present mode (not embedded): the map area is the window under the header; the
  // view is named by the story and step (the write script below finds none for a story the build did
  // not draw, and writes nothing).
  `if(s!==null){z='';if(!e&&/^[\\w-]+$/.test(s)&&/^[1-9][0-9]*$/.test(p)){w=innerWidth;v=innerHeight-${PRESENT_HEADER};` +
  `for(i=0;i<P.length;i++)if(!z&&fits(w,v,P[i]))z='story-'+s+'-'+p+'-'+P[i][0];}if(!z)d=false;}` +
  `h.setAttribute('data-first-view-size',z);if(!z)f=false;` +
  `if(!d)h.classList.add('first-view-off');else document.write('<link rel="expect" href="#first-view-end-'+l+'" blocking="render">');` +
  // A click while the first view's map is in the page (the view is inert: the click reaches no element of
  // it) is kept, where it was, for the app to answer on its own map once drawn: lost, the first click on
  // a map that looks ready did nothing.
  `if(d)document.addEventListener('click',function(e){if(document.querySelector('.first-view-map'))h.setAttribute('data-first-click',e.clientX+','+e.clientY);},true);` +
  `if(!d||!f){for(i=0;i<later.length;i++)document.write(tag(later[i]));}` +
  `else{` +
  `document.addEventListener('DOMContentLoaded',function(){var m=document.querySelector('.first-view[data-lang="'+l+'"] .first-view-map');` +
  `if(!m||!m.checkVisibility||!m.checkVisibility({visibilityProperty:true}))return load();` +
  // A task queued from the view's animation frame runs once that frame's main-thread work is done.
  `requestAnimationFrame(function(){setTimeout(fetchEarly);});` +
  `try{new PerformanceObserver(function(p){if(p.getEntriesByName('first-contentful-paint').length)load();}).observe({type:'paint',buffered:true});}catch(e){}` +
  `setTimeout(load,2000);});}` +
  `if(document.currentScript)document.currentScript.remove();})();`;

/**
 * Runs after the first view is in the page, where the link opens a place (`data-first-view-place`,
 * set by FIRST_VIEW_SCRIPT): outlines the place over the view as the live map's selection does
 * (`firstViewOutline`, above), before the first paint. The app then opens the place's panel as it answers a click on the first view, and draws the
 * live map with it. A place the panel would cover is brought out by the live map with a pan
 * (camera-moves.ts, the same rule: within 48 px of the visible part's edges, here with 24 px to
 * spare for a scaled view): there the first view's map leaves the page, and the app draws the map at
 * once, as for a link without a first view; the picture does not jump at the handover.
 */
export const FIRST_VIEW_SELECT_SCRIPT =
  `(function(){var h=document.documentElement,id=h.getAttribute('data-first-view-place'),m=document.querySelector('.first-view[data-lang="'+(h.lang==='zh-Hans'?'zh':'en')+'"] .first-view-map'),` +
  `p,a,r,v,s,x,y,k;h.removeAttribute('data-first-view-place');` +
  `if(m&&m.checkVisibility({visibilityProperty:true})&&self.firstViewOutline){p=self.firstViewOutline(m,id);a=p?(p.getAttribute('data-at')||'').split(',').map(Number):[];` +
  // On the main map (data-at: where the place's point is drawn): would the panel cover it? (A partner
  // city's place, shown in its inset, gets no first view: FIRST_VIEW_SCRIPT.)
  `if(a.length===2&&!p.closest('.inset')){r=m.getBoundingClientRect();v=m.querySelector('.first-view-frame').viewBox.baseVal;s=Math.min(r.width/v.width,r.height/v.height);` +
  `x=(r.width-v.width*s)/2+a[0]*s;y=(r.height-v.height*s)/2+a[1]*s;k=${COVER_MARGIN};` +
  `if(!(x>k&&y>k&&x<r.width-(parseFloat(getComputedStyle(h).getPropertyValue('--panel'))||${PANEL_WIDTH})-k&&y<r.height-k))m.remove();}}` +
  `if(document.currentScript)document.currentScript.remove();})();`;

/**
 * Runs where the first view goes (inside #app): for a link the build drew, writes the script that
 * writes that language's view drawn for the window's reference size (`link[data-first-view]`: a file
 * per view, language and size, which no other link fetches; a default link in a window near neither
 * size gets the 1280×800 one, whose map its CSS hides, for the header and the sea-coloured map area).
 * Any other link gets nothing: the page stays a few dozen kilobytes, where the
 * two views carried in it as text made every link receive and scan about 420 KB first (measured: a
 * deep link's first map came about 250 ms later, bench/results.md).
 */
export const FIRST_VIEW_WRITE_SCRIPT =
  `(function(){var h=document.documentElement,l=h.lang==='zh-Hans'?'zh':'en',z=h.getAttribute('data-first-view-size'),i=h.getAttribute('data-first-view-place'),u,o,p;` +
  `if(!h.classList.contains('first-view-off')){u=document.querySelector('link[data-first-view="'+(z||'standard')+'"][data-lang="'+l+'"]');` +
  // A story's view lays out as present mode from the first paint, as the app's presenter will.
  // Its outlines' file first, where it has one (viewFiles): both are fetched at once, and run in turn.
  `if(u){if(z&&z.indexOf('story-')===0)h.classList.add('presenting');o=u.getAttribute('data-outlines');` +
  // A place the link opens is outlined once the view is in (FIRST_VIEW_SELECT_SCRIPT); a prefecture
  // (one the page names) from the prefectures' outlines for the view (`data-prefectures`).
  `p=document.querySelector('meta[name="first-view-prefectures"]');p=i!==null&&p&&(' '+p.content+' ').indexOf(' '+i+' ')>=0&&u.getAttribute('data-prefectures');` +
  `document.write((o?'<script src="'+o+'"></'+'script>':'')+'<script src="'+u.getAttribute('href')+'"></'+'script>'+(p?'<script src="'+p+'"></'+'script>':'')+` +
  `(i!==null?'<'+'script>'+${JSON.stringify(FIRST_VIEW_SELECT_SCRIPT)}+'</'+'script>':''));}}` +
  `if(document.currentScript)document.currentScript.remove();})();`;

const FILE_NAMES: Record<string, string> = { standard: '1280', large: '1920' };
const hashed = (source: string) => createHash('sha256').update(source).digest('hex').slice(0, 8);

export interface ViewFile {
  fileName: string;
  source: string;
  /** The outlines file it writes its map's outlines from, which the write script loads before it. */
  outlines?: { fileName: string; source: string };
}

/**
 * The file that writes a language's first view of a kind (FIRST_VIEWS): its name, by its content.
 * `outlines`: the outlines of its map, cut out of `html` (cutOutlines), to be written from the shared file.
 */
export function viewFile(lang: string, kind: string, html: string, outlines?: { fills: string[]; before: string; after: string }): Omit<ViewFile, 'outlines'> {
  const source = outlines
    ? `(function(g,f){var i=0;if(typeof g==='string')document.write(${JSON.stringify(outlines.before)}+g.replace(/ fill=""/g,function(){return ' fill="'+f[i++]+'"';})+${JSON.stringify(outlines.after)});})(self.${OUTLINES_GLOBAL},${JSON.stringify(outlines.fills)});\n`
    : `document.write(${JSON.stringify(html)});\n`;
  return { fileName: `assets/first-view-${lang}-${FILE_NAMES[kind] ?? kind}-${hashed(source)}.js`, source };
}

// The group a first view's map outlines start with, and the one they end with (the borders hold paths only).
const AREAS = /<g [^>]*\bclass="areas"[^>]*>/;
const BORDERS = /<g [^>]*\bclass="borders"[^>]*>/;
const OUTLINES_GLOBAL = 'firstViewOutlines';

/**
 * A view's map outlines (its areas' and borders' groups) with their fills taken out, and what comes
 * before and after them: three quarters of a view's bytes, and the same in every view drawn at one
 * size, whatever its filter (the fills are the scene's). Null where the view has none.
 */
export function cutOutlines(html: string): { outlines: string; fills: string[]; before: string; after: string } | null {
  const start = html.search(AREAS);
  const borders = start < 0 ? -1 : start + html.slice(start).search(BORDERS);
  const end = borders < start ? -1 : html.indexOf('</g>', borders);
  if (start < 0 || end < 0) return null;
  const fills: string[] = [];
  const outlines = html.slice(start, end + 4).replace(/ fill="([^"]*)"/g, (_, v: string) => (fills.push(v), ' fill=""'));
  return { outlines, fills, before: html.slice(0, start), after: html.slice(end + 4) };
}

/**
 * Each view's file; the filtered views whose outlines are the same (all drawn at one size) write them
 * from one outlines file, which a browser fetches beside the view's and keeps for the next filtered
 * link of that size. The default view, the embeds and the story steps, the links opened most, stay
 * whole: the second file cost a first map ≈ 20 ms (docs/drawing.md), and they are few.
 */
export function viewFiles(views: readonly { lang: string; kind: string; html: string }[], shares = (kind: string) => kind.startsWith('filter-')): ViewFile[] {
  const cuts = views.map((v) => {
    if (!shares(v.kind)) return null;
    // A drawing that no longer has the two groups would quietly make every filtered view whole again.
    const cut = cutOutlines(v.html);
    if (!cut) throw new Error(`first view ${v.kind} (${v.lang}): no areas and borders to share`);
    return cut;
  });
  const sharers = new Map<string, number>();
  for (const c of cuts) if (c) sharers.set(c.outlines, (sharers.get(c.outlines) ?? 0) + 1);
  const outlineFiles = new Map<string, { fileName: string; source: string }>();
  return views.map((v, i) => {
    const cut = cuts[i];
    if (!cut || sharers.get(cut.outlines)! < 2) return viewFile(v.lang, v.kind, v.html);
    let outlines = outlineFiles.get(cut.outlines);
    if (!outlines) {
      const source = `self.${OUTLINES_GLOBAL}=${JSON.stringify(cut.outlines)};\n`;
      outlineFiles.set(cut.outlines, (outlines = { fileName: `assets/first-view-outlines-${hashed(source)}.js`, source }));
    }
    return { ...viewFile(v.lang, v.kind, v.html, cut), outlines };
  });
}

/**
 * The prefectures' outlines for a view (draw-first-view.ts: id → [path data, point], as JSON), as the
 * file a link that opens a prefecture loads with the view: one per camera, shared by the views drawn at it.
 */
export function prefecturesFile(json: string): { fileName: string; source: string } {
  const source = `self.firstViewPrefectures=${json};\n`;
  return { fileName: `assets/first-view-prefectures-${hashed(source)}.js`, source };
}

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
/** The CSP sources that allow the first view's three inline scripts. */
export const firstViewScriptHashes = `${hash(FIRST_VIEW_SCRIPT)} ${hash(FIRST_VIEW_WRITE_SCRIPT)} ${hash(FIRST_VIEW_SELECT_SCRIPT)}`;

const MARK = '<!-- first-view -->';

// What the build writes into <head> to load the app at once: the script, and the modules and data it preloads.
const APP_TAGS = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>|\s*<link rel="(modulepreload|preload)"([^>]*)>/g;

/**
 * Holds back the app's tags (`data-later`, which no browser fetches) for the inline script to load,
 * places that script after them, and writes the stylesheet into the page (`css`: its file's text by
 * its address): the first view's scripts would otherwise wait for it to arrive (a script after a
 * stylesheet waits for it), which cost the first paint about 12 ms of 200.
 */
export function deferAppTags(html: string, css: (href: string) => string | undefined): string {
  const later: string[] = [];
  const rest = html.replace(APP_TAGS, (_, src: string | undefined, rel: string | undefined, attrs: string | undefined) => {
    if (src) later.push(`<link data-later="script" href="${src}">`);
    else {
      const href = /href="([^"]+)"/.exec(attrs ?? '')?.[1];
      const as = /as="([^"]+)"/.exec(attrs ?? '')?.[1];
      if (!href) throw new Error(`a ${rel} link without href`);
      const atPaint = /\sdata-at-paint(?=[\s=>]|$)/.test(attrs ?? '');
      later.push(`<link data-later="${rel}" href="${href}"${as ? ` as="${as}"` : ''}${atPaint ? ' data-at-paint' : ''}>`);
    }
    return '';
  });
  if (!later.some((t) => t.includes('data-later="script"'))) throw new Error('index.html has no app script to load');
  const head = `    ${later.join('\n    ')}\n    <script>${FIRST_VIEW_SCRIPT}</script>\n`;
  const link = /\s*<link rel="stylesheet" crossorigin href="([^"]+)">/.exec(rest);
  const style = link ? css(link[1]!) : undefined;
  if (!link || style === undefined) throw new Error('index.html has no stylesheet of this build');
  if (/<\/style/i.test(style)) throw new Error('the stylesheet holds </style');
  // The marker keeps the file known as loaded: the build's loader for chunks imported later (which
  // list it among their dependencies) looks for it and would otherwise load it a second time. Disabled,
  // it is not fetched.
  const marker = `<link rel="stylesheet" href="${link[1]}" disabled>`;
  return `${rest.slice(0, link.index)}\n${head}    <style>${style}</style>\n    ${marker}${rest.slice(link.index + link[0].length)}`;
}

/**
 * Draws the first view (draw-first-view.ts) into index.html where it says `<!-- first-view -->`, and
 * adds the inline script that shows it and loads the app after it. Only in the deployed build: the
 * dev server and the single offline file skip it.
 */
export function firstView(dataDir: string, topoFile: string, options: { filtered?: boolean } = {}): Plugin[] {
  let files: { fileName: string; source: string }[] = [];
  return [
    {
      name: 'first-view',
      apply: 'build',
      transformIndexHtml: {
        order: 'pre',
        async handler(html) {
          if (!html.includes(MARK)) throw new Error(`index.html has no ${MARK}`);
          // The drawing runs the app's modules through Vite's module runner, which resolves them as the
          // app's build does (and leaves the code they load on use unloaded).
          const { module } = await runnerImport<typeof import('./draw-first-view.ts')>(resolve('scripts/draw-first-view.ts'), { configFile: false, logLevel: 'warn' });
          const { views: kinds, partners } = module.drawFirstViews(dataDir, topoFile, options);
          const drawn = kinds.flatMap(({ kind, views, prefectures, covered }) =>
            Object.entries(views).map(([lang, html]) => ({ kind: kind.id, lang, html, prefectures: prefectures[lang as keyof typeof prefectures], covered: covered[lang as keyof typeof covered] })),
          );
          const made = viewFiles(drawn);
          const prefectures = drawn.map((v) => (v.prefectures === null ? null : prefecturesFile(v.prefectures)));
          files = [...new Map([...made.flatMap((f) => [f, ...(f.outlines ? [f.outlines] : [])]), ...prefectures.flatMap((f) => (f ? [f] : []))].map((f) => [f.fileName, f])).values()];
          const links = made
            .map((f, i) => {
              const also = `${f.outlines ? ` data-outlines="./${f.outlines.fileName}"` : ''}${prefectures[i] ? ` data-prefectures="./${prefectures[i].fileName}"` : ''}`;
              return `<link data-first-view="${drawn[i]!.kind}" data-lang="${drawn[i]!.lang}" href="./${f.fileName}"${also}>`;
            })
            .join('\n    ');
          const prefectureIds = Object.keys(JSON.parse(drawn.find((v) => v.prefectures !== null)?.prefectures ?? '{}') as object).join(' ');
          // The places the panel would cover in the default views (the filtered ones share their camera), by size and language.
          const covered = drawn.filter((v) => v.kind === 'standard' || v.kind === 'large').map((v) => `\n    <meta name="first-view-covered-${v.kind}-${v.lang}" content="${v.covered ?? ''}">`);
          const meta = `<meta name="first-view-prefectures" content="${prefectureIds}">\n    <meta name="first-view-partners" content="${partners.join(' ')}">${covered.join('')}`;
          return html.replace(MARK, () => `<script>${FIRST_VIEW_WRITE_SCRIPT}</script>`).replace('</head>', () => `    ${links}\n    ${meta}\n    <style>${firstViewFitCss()}</style>\n  </head>`);
        },
      },
      generateBundle() {
        for (const { fileName, source } of files) this.emitFile({ type: 'asset', fileName, source });
      },
    },
    {
      name: 'first-view-load-later',
      apply: 'build',
      // After the build's own tags and the data preloads (preloadJson) are in.
      transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
          return deferAppTags(html, (href) => {
            const asset = ctx.bundle?.[href.replace(/^\.\//, '')];
            return asset?.type === 'asset' ? String(asset.source) : undefined;
          });
        },
      },
    },
  ];
}
