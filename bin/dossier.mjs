#!/usr/bin/env node
// The CLI runs from its JavaScript build (out/cli, `npm run build:cli`), so that it starts without compiling
// TypeScript; the Node check comes first, before anything that needs Node 22 is loaded.
import fs from 'node:fs';
import module from 'node:module';
import { EXIT_ENVIRONMENT, nodeTooOld } from './nodeVersion.mjs';

const tooOld = nodeTooOld(process.versions.node);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(EXIT_ENVIRONMENT);
}
const built = new URL('../out/cli/dossier.js', import.meta.url);
if (!fs.existsSync(built)) {
  process.stderr.write(
    'dossier: the command line is not built yet (out/cli/dossier.js is missing).\n' +
      'Run "npm run build:cli" in the Dossier folder (npm install and npm test run it too), then run it again.\n',
  );
  process.exit(EXIT_ENVIRONMENT);
}
// Node keeps the compiled code of the build on disk (in the temp folder): later runs skip most of the compiling.
module.enableCompileCache?.();
const { main } = await import(built.href);
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
