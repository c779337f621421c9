import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.js';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser). Each test file starts its own
 * built server on a free port with a fresh data directory (see `support/server.ts`), so tests
 * never share state. Run `npm run build` first; the root `npm test` does.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
