import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUp } from './driver.ts';

/* The single-file map for meetings without internet: opened from file:// with every network request refused. */

const FILE = resolve('dist-standalone/guizhou-pairing-map.html');
beforeAll(() => {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build:standalone\` first (npm test does).`);
});
const e2e = setUp();

describe('standalone offline file', () => {
  it('shows the full interactive map from file:// with the network blocked, and a county click opens its details', async () => {
    const app = await e2e.open({ url: `${pathToFileURL(FILE).href}?lang=en&view=guizhou&at=105.75,26.3,8`, size: [1280, 800], offline: true });
    expect(await app.renderer()).toBe('webgl');
    await app.click('520422');
    await expect.poll(() => app.panelTitle()).toBe('Puding County');
    await expect.poll(() => app.panelTotal()).toBe('¥630,000');
    await app.shot('standalone-file');
    expect(app.blocked).toEqual([]);
    await app.done();
  });
});
