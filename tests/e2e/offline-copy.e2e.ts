import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIGURES_HEADER as HEADER, setUp, type App } from './driver.ts';

/*
 * "Save offline copy" after opening a CSV: the single file opens from file:// with every network
 * request refused and shows the user's figure in a panel; its policy allows no network source, its
 * data is a JSON block that never runs, its script is allowed by its hash. A copy saved from that
 * copy is the same file.
 */

const ROW = 'my-zhenning-school,qd2011,Overview,2011,2011,370200,520423,education,funds_cny,777000,exact,,A school fund we recorded ourselves.,我们自己记录的助学资金。';
const dir = mkdtempSync(join(tmpdir(), 'gpm-offline-'));
const e2e = setUp();

/** "Export" → "Save offline copy": the file's name and its text, kept in a temporary folder as `name`. */
async function saveOfflineCopy(app: App, name: string) {
  await app.page.getByRole('button', { name: 'Export' }).click();
  const copy = await app.download(() => app.page.getByRole('button', { name: 'Save offline copy' }).click());
  const path = join(dir, name);
  writeFileSync(path, copy.bytes);
  return { name: copy.name, path, html: copy.text };
}

describe('offline copy', () => {
  it('saved after importing a CSV, opens from file:// with the network blocked and shows the imported figure in its panel', async () => {
    const app = await e2e.open({ lang: 'en' });
    const report = await app.importFiles([{ name: 'my-figures.csv', bytes: `${HEADER}\n${ROW}\n` }], { wait: 'none' });
    await app.showImport(report);
    const { name, path, html } = await saveOfflineCopy(app, 'copy.html');
    // Not the build's file: the name says it holds the user's data, and which (a digest of it).
    expect(name).toMatch(/^guizhou-pairing-map-own-data-[0-9a-f]{8}\.html$/);
    await app.done();

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).not.toMatch(/https?:|'unsafe-inline'[^;]*script|\*/);
    const script = /<script type="module" id="gpm-script">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // The user's row travels as data, never as code.
    expect(/<script type="application\/json" id="gpm-data">[^<]*my-zhenning-school/.test(html)).toBe(true);
    expect(script).not.toContain('my-zhenning-school');

    const copy = await e2e.open({ url: `${pathToFileURL(path).href}?lang=en&year=2011&place=520423`, size: [1280, 800], offline: true });
    await expect.poll(() => copy.panelTitle()).toBe('Zhenning Buyei and Miao Autonomous County');
    await expect.poll(() => copy.panelTotal()).toBe('¥777,000');
    expect(await copy.page.getByTestId('figures').textContent()).toContain('A school fund we recorded ourselves.');
    expect(await copy.noticeText()).toContain('my-figures.csv');
    await copy.shot('offline-copy-imported');

    // A copy of the copy: the same file (same script and hash, same data).
    const again = await saveOfflineCopy(copy, 'copy-of-copy.html');
    expect(again.html).toBe(html);
    expect(again.name).toBe(name);
    expect(copy.blocked).toEqual([]);
    await copy.done();
  });
});
