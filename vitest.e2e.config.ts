import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built app in headless Chromium, one file at a time: the machine has
// two cores and software WebGL, so parallel browsers only make every test slower and flakier.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});
