import { createRequire } from 'node:module';
import { join } from 'node:path';
import { provideChineseLibraries } from '../../shared/names/chinese';

/**
 * Gives shared/names its Chinese libraries, loaded on first use (see
 * provideChineseLibraries). Imported for this effect by every thread's
 * entry into the core: create-core.ts, worker-main.ts and the test setup.
 */
provideChineseLibraries(() => {
  // The esbuild bundle is CommonJS (has __filename); vitest and tsx provide it too.
  const load = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));
  const { pinyin } = load('pinyin-pro') as typeof import('pinyin-pro');
  const { Converter } = load('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
  return {
    pinyin: (han) => pinyin(han, { toneType: 'none', type: 'array', v: true }).join(''),
    toSimplified: Converter({ from: 't', to: 'cn' }),
  };
});
