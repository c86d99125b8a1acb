import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app, served by `vite preview` on loopback, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

/** Serves dist/ with the project's vite.config.ts (so the preview's CSP header applies) for all e2e tests. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('No built app in dist/. Run `npm run build` first (`npm test` does it before the e2e tests).');
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not report a port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server.close();
  };
}
