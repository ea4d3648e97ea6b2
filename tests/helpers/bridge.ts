import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { startBridge, type Bridge, type BridgeOptions } from '../../electron/serve/server';
import { tempDir } from './temp';

/**
 * Bridges for the tests of one file: `start` serves a core on a free port
 * (with a stand-in renderer: an index.html that only names the app), and the
 * last one started is closed after each test, unless the test says it
 * closed it itself (`closed`).
 */
export function bridgePerTest() {
  let running: Bridge | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    async start(core: CoreContext, options?: BridgeOptions): Promise<Bridge> {
      const renderer = join(tempDir(), 'renderer');
      mkdirSync(renderer);
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Custodian</title>');
      running = await startBridge(core, renderer, 0, options);
      return running;
    },
    closed(): void {
      running = undefined;
    },
  };
}
