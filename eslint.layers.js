// The layers and what each may import, as allow-lists (eslint-plugin-boundaries): anything not allowed here fails
// lint. shared/ is pure code for both sides; electron/core is the engine (plain Node); the doors (CLI, Electron main
// and preload, web mode) reach the core only through its public entry; the renderer sees only shared/ and itself.
// tests/unit/layers/layers.test.ts proves each rule fails on a sample file.
import boundaries from 'eslint-plugin-boundaries';

/**
 * Files of the core a door may import at run time: the dispatcher (every call), project opening, the change stream,
 * and process-wide setup. A door may name any core type (`import type`): types are erased from the build.
 */
export const corePublicEntry = [
  'electron/core/api/dispatch.ts',
  'electron/core/project.ts',
  'electron/core/changes/index.ts',
  'electron/core/configure.ts',
  'electron/core/resources.ts',
  'electron/core/dataDir.ts',
  'electron/core/errors.ts',
  // Prepared exports handed over by a door (web mode's download, Electron's save).
  'electron/core/export/downloads.ts',
  // Automatic backups on, a damaged project's message, restoring a file that cannot be opened (issue 13).
  'electron/core/backups/index.ts',
  // A session over the data folder: the open project, switching it, the analyst (issue 13).
  'electron/core/projects/index.ts',
];

/** npm packages the renderer may use: all run in a browser page. */
const rendererPackages = [
  'react',
  'react-dom',
  'ag-grid-community',
  'ag-grid-react',
  '@tanstack/react-virtual',
  '@floating-ui/react',
  'focus-trap',
  'zod',
  // Memos' Markdown preview (renderer/src/views/memos/markdown.ts); runs in the page, no Node.
  'marked',
  // The Reader's page view of PDFs (renderer/src/views/reader/pdf), loaded lazily; its worker is the app's own.
  'pdfjs-dist',
];

const element = (type) => ({ element: { type } });
const nodeBuiltin = { module: { origin: 'core' } };
const doors = { element: { types: { anyOf: ['cli', 'main', 'web'] } } };

// Node's globals are not there in a page; shared/ runs in both.
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map(
  (name) => ({ name, message: `${name} is Node's: renderer/ and shared/ run in a browser page too.` }),
);

export const layers = [
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared', partialMatch: false },
        // Each folder of the core is an element of its own (area: its name), so rules can order them.
        { type: 'core', pattern: 'electron/core/*', capture: ['area'], partialMatch: false },
        { type: 'core', pattern: 'electron/core', partialMatch: false },
        { type: 'cli', pattern: 'electron/cli', partialMatch: false },
        { type: 'main', pattern: 'electron/main', partialMatch: false },
        { type: 'main', pattern: 'electron/preload', partialMatch: false },
        { type: 'web', pattern: 'electron/web', partialMatch: false },
        { type: 'renderer', pattern: 'renderer', partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'public', pattern: corePublicEntry },
        // What the CLI needs beyond the public entry: writing an output file atomically, explaining a store error
        // met while opening, and creating a project from a .qdpx (there is no project yet to call the API on).
        {
          category: 'cli-extras',
          pattern: [
            'electron/core/atomicWrite.ts',
            'electron/core/storeErrors.ts',
            'electron/core/refiqda/importQdpx.ts',
          ],
        },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            // shared/: itself, zod and culori (colour maths, pure) only; no Node builtin, nothing from electron/ or
            // renderer/.
            {
              from: element('shared'),
              allow: {
                to: [
                  element('shared'),
                  { module: { origin: 'external', source: 'zod' } },
                  { module: { origin: 'external', source: 'culori' } },
                ],
              },
            },
            // The core: itself, shared/, Node and npm libraries; never electron, a door or the renderer.
            {
              from: element('core'),
              allow: {
                to: [element('core'), element('shared'), nodeBuiltin, { module: { origin: 'external' } }],
              },
            },
            { from: element('core'), disallow: { to: { module: { source: 'electron' } } } },
            // REFI-QDA's reading and XML come before the exporters (export/qdpx.ts uses them), never after.
            {
              from: { element: { type: 'core', captured: { area: 'refiqda' } } },
              disallow: { to: { element: { type: 'core', captured: { area: 'export' } } } },
            },
            // The doors: shared/, Node, npm libraries, and the core's public entry only; the database is the core's.
            {
              from: doors,
              allow: {
                to: [
                  element('shared'),
                  nodeBuiltin,
                  { module: { origin: 'external' } },
                  { element: { type: 'core' }, file: { categories: 'public' } },
                ],
              },
            },
            { from: doors, disallow: { to: { module: { source: 'better-sqlite3' } } } },
            { from: doors, allow: { to: element('core'), dependency: { kind: 'type' } } },
            { from: element('main'), allow: { to: [element('main'), { module: { source: 'electron' } }] } },
            { from: element('web'), allow: { to: element('web') } },
            // `dossier serve` starts web mode: the CLI may open that door.
            { from: element('cli'), allow: { to: [element('cli'), element('web')] } },
            // The CLI's few file-level needs beyond the public entry (listed by name, so nothing else slips in).
            {
              from: element('cli'),
              allow: { to: { element: { type: 'core' }, file: { categories: 'cli-extras' } } },
            },
            // The renderer: itself, shared/ and browser packages.
            {
              from: element('renderer'),
              allow: {
                to: [
                  element('renderer'),
                  element('shared'),
                  { module: { origin: 'external', source: rendererPackages } },
                ],
              },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...nodeGlobals] },
  },
];
