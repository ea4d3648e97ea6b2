import { defineConfig } from 'vitest/config';

/** End-to-end: the built renderer in Chromium against `custodian serve` over a real case. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // What the app does in the background (a resolve, an undo: tens of seconds on a busy machine) is waited for by
    // polling the page; vitest's default of one second gives up on a slow machine long before the app is done.
    expect: { poll: { timeout: 60_000 } },
  },
});
