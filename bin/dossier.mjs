#!/usr/bin/env node
// The CLI runs the TypeScript core directly through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
