import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layers } from './eslint.layers.js';
import { store } from './eslint.store.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'worker_threads',
  'http',
  'url',
];
const nodePatterns = nodeBuiltins.map((name) => ({
  group: [name],
  message: 'Node modules are not allowed here: this code runs in the renderer or in both.',
}));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'resources/sample'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', 'electron/*'],
              message: 'The renderer talks to the core only through the API client.',
            },
            ...nodePatterns,
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', 'electron/*'],
              message: 'shared/ must not depend on electron/.',
            },
            { group: ['**/renderer/**'], message: 'shared/ must not depend on renderer/.' },
            ...nodePatterns,
          ],
        },
      ],
    },
  },
  // Which layer may import what (allow-lists): eslint.layers.js.
  ...layers,
  // Statements and per-connection state live on the Store: eslint.store.js.
  ...store,
  {
    // The core and the two plain-Node doors (CLI, web mode) never load Electron.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/core runs in plain Node and never imports electron.' },
          ],
          patterns: [
            {
              group: ['electron/*'],
              message: 'electron/core runs in plain Node and never imports electron.',
            },
            { group: ['**/renderer/**'], message: 'The core does not depend on the renderer.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'Plain-Node code does not depend on the Electron doors.',
            },
          ],
        },
      ],
    },
  },
);
