import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../support/electronBinary';

// The real desktop window. playwright.config.ts runs this file (project "electron") only where an Electron binary
// and a display exist, and says so when it leaves it out.
const root = fileURLToPath(new URL('../..', import.meta.url));

test('Electron opens the sample project in a locked-down window', async () => {
  const bin = electronBinary();
  if ('missing' in bin) throw new Error(`the Electron project ran without Electron: ${bin.missing}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
  const app = await electron.launch({
    executablePath: bin.path,
    args: [path.join(root, 'out', 'main', 'index.js')],
    env: { ...process.env, DOSSIER_DATA_DIR: dataDir },
  });
  const window = await app.firstWindow();
  await expect(window).toHaveTitle(/Dossier/);
  await expect(window.getByText('Allies Pledge Long-Term Training Commitment')).toBeVisible();
  // The first start asks who the analyst is (kept in the data folder's settings), then names them.
  const prompt = window.getByRole('dialog', { name: 'Who is analysing?' });
  await prompt.getByLabel('Your name').fill('E. Lectron');
  await prompt.getByRole('button', { name: 'Start' }).click();
  await expect(window.locator('.statusbar')).toContainText('E. Lectron');
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
    analyst: 'E. Lectron',
  });
  // Sandboxed and isolated: the page sees the named bridge functions, never Node or ipcRenderer.
  const exposed = await window.evaluate(() => {
    const g = globalThis as { require?: unknown; process?: unknown; dossierBridge?: { call?: object } };
    return { require: typeof g.require, process: typeof g.process, bridge: typeof g.dossierBridge?.call };
  });
  expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
  await app.close();
});
