import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers';

// `dossier serve` over a data folder, as `npm start` runs it in web mode: the first start serves the sample, a
// project created from the page is served at the next start (the last project reopens).

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

interface Served {
  url: string;
  port: number;
  token: string;
  project: string;
}

function serve(dataDir: string): Promise<{ served: Served; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'dossier.mjs'), 'serve', '--data-dir', dataDir, '--json'],
    {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ served: JSON.parse(line) as Served, child });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`dossier serve exited ${code}: ${err}`)));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

async function call(s: Served, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const r = await fetch(`http://127.0.0.1:${s.port}/api/${name}`, {
    method: 'POST',
    headers: {
      'x-dossier-token': s.token,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    },
    body: JSON.stringify(input),
  });
  return (await r.json()) as { ok: boolean; value?: unknown };
}

describe('dossier serve over the data folder', () => {
  it('serves the sample on the first start and the last project opened at the next', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    expect(first.served.project).toBe(path.join(dir, 'Sample.dossier'));
    expect(await call(first.served, 'getProject', {})).toMatchObject({
      value: { sample: true, documents: 5 },
    });
    expect(await call(first.served, 'createProject', { name: 'Harbours', codebook: 'empty' })).toMatchObject({
      ok: true,
    });
    await stopped(first.child);

    const second = await serve(dir);
    expect(second.served.project).toBe(path.join(dir, 'Harbours.dossier'));
    expect(await call(second.served, 'getProject', {})).toMatchObject({
      value: { sample: false, documents: 0 },
    });
    await stopped(second.child);
  });
});
