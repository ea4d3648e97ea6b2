// ESLint (flat config). The rules that matter most here keep the layering:
// shared/ imports neither side; renderer/ imports only shared/; electron/core
// never imports `electron` (so it runs under plain Node in tests and the CLI)
// nor the shells around it (electron/main, cli, serve, preload).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'stream',
  'util',
  'url',
];

const coreRestrictedPaths = [{ name: 'electron', message: 'electron/core runs under plain Node: no electron import.' }];
const corePatterns = [
  { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' },
  {
    group: ['**/main', '**/main/**', '**/cli', '**/cli/**', '**/serve', '**/serve/**', '**/preload', '**/preload/**'],
    message: 'electron/core is the engine the shells wrap: it never imports electron/main, cli, serve or preload.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3'],
              message: 'shared/ runs anywhere: no Node, Electron or React.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'better-sqlite3'],
              message: 'The renderer reaches the backend only through its API client.',
            },
            { group: ['**/electron/**'], message: 'The renderer imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: coreRestrictedPaths, patterns: corePatterns }] },
  },
  {
    // Repeats the core's rule (a later block replaces it for these files) and adds its own.
    files: ['electron/core/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: coreRestrictedPaths,
          patterns: [
            ...corePatterns,
            {
              group: ['../*', '!../../', '!../../*', '!../../**'],
              message:
                'jobs/ runs any job and knows no domain: a domain asks it for helper threads (JobControl.startHelper).',
            },
          ],
        },
      ],
    },
  },
);
