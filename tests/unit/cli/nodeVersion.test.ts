import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_ENVIRONMENT, nodeTooOld } from '../../../bin/nodeVersion.mjs';

const BIN = path.resolve(__dirname, '../../../bin/dossier.mjs');
// The machine's own Node, outside npm's PATH (npm scripts put the project's Node 22 first).
const SYSTEM_NODE = '/usr/bin/node';

describe('the CLI on an older Node', () => {
  it('names the Node it needs for versions older than 22.12, and is silent from 22.12 on', () => {
    for (const old of ['20.20.2', '18.0.0', '22.11.9', '21.99.0', '0.10.48'])
      expect(nodeTooOld(old)).toMatch(/needs Node 22\.12 or newer.*this is Node/s);
    for (const ok of ['22.12.0', '22.23.3', '23.0.0', '24.1.2']) expect(nodeTooOld(ok)).toBeNull();
  });

  const system = fs.existsSync(SYSTEM_NODE)
    ? spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
    : '';
  const old = system !== '' && nodeTooOld(system) !== null;
  if (!old)
    console.log(`cli: no Node older than 22.12 at ${SYSTEM_NODE} (found "${system}"): run-through left out`);
  it.runIf(old)(
    'run by the system Node, a project command says what to do and exits 4 (it used to crash)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-node20-'));
      const r = spawnSync(SYSTEM_NODE, [BIN, 'init', path.join(dir, 'p.dossier')], { encoding: 'utf8' });
      fs.rmSync(dir, { recursive: true, force: true });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(EXIT_ENVIRONMENT);
      expect(r.stderr).toContain(`this is Node ${system}`);
      expect(r.stderr).toContain('npx dossier');
    },
  );
});
