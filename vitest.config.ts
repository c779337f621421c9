import { defineConfig } from 'vitest/config';

/** Unit and integration tests of every package; browser tests run separately under Playwright (`e2e/`). */
export default defineConfig({
  test: {
    include: ['{shared,server,widget,console}/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: run files in parallel, but not more than the machine has.
    maxWorkers: 2,
  },
});
