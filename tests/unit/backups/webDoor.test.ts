import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFolder } from '../../../electron/core/backups/location';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { sampleProject, tempDir } from '../helpers';

// The web door turns automatic backups on (the CLI does not): a backup is made when it starts serving a project
// whose newest backup is older than a few minutes.

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function webRoot(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Dossier</title>');
  return dir;
}

async function api(s: WebServer, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const r = await fetch(`http://127.0.0.1:${s.port}/api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-dossier-token': s.token,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify(input),
  });
  return (await r.json()) as { ok: boolean; value?: unknown };
}

describe('web mode backs up automatically', () => {
  it('backs up the project it starts serving', async () => {
    const project = sampleProject();
    server = await startWebServer({ project, webRoot: webRoot() });
    const folder = backupsFolder(project.path);
    await expect
      .poll(() => (fs.existsSync(folder) ? fs.readdirSync(folder) : []), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/\.auto\.dossier$/)]);
    const listed = (await api(server, 'listBackups', {})).value as { backups: { claims: number }[] };
    expect(listed.backups.map((b) => b.claims)).toEqual([15]);
  });

  it('does not when told not to', async () => {
    const project = sampleProject();
    server = await startWebServer({ project, webRoot: webRoot(), autoBackups: false });
    expect((await api(server, 'deleteClaim', { id: 1 })).ok).toBe(true);
    // Asked for, a backup is made all the same; it is then the only one.
    expect((await api(server, 'createBackup', {})).ok).toBe(true);
    expect(fs.readdirSync(backupsFolder(project.path))).toEqual([
      expect.stringMatching(/\.manual\.dossier$/),
    ]);
  });
});
