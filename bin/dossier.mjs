#!/usr/bin/env node
// The CLI runs the TypeScript core directly through tsx, so it needs no build step.
import { EXIT_ENVIRONMENT, nodeTooOld } from './nodeVersion.mjs';

const tooOld = nodeTooOld(process.versions.node);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(EXIT_ENVIRONMENT);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../electron/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
