import { defineConfig } from 'vitest/config';

/** End-to-end: the built renderer in Chromium against `custodian serve` over a real case. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
