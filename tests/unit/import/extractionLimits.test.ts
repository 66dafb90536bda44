import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocumentText } from '../../../electron/core/documents';
import { importPaths } from '../../../electron/core/import/importFiles';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { tempDir, tempProject } from '../helpers';

// Hostile files that hang or blow the stack of a parser, built here (a few hundred KB at most). Extraction runs
// in a worker with a time limit per file: the thread that answers the UI keeps answering, a file whose time is up
// is reported as failed with the reason, and the rest of the batch imports.

const PARAGRAPH = 'The ministers agreed, after a long debate, to widen the exchange of training data.';
const deepHtml = (levels: number): string =>
  `<!doctype html><html><head><title>Deep ${levels}</title></head><body>${'<div>'.repeat(levels)}<p>${PARAGRAPH}</p><p>Second paragraph, ${levels} levels deep.</p>${'</div>'.repeat(levels)}</body></html>`;
/** A Markdown list nested `levels` deep: marked's lexer takes seconds on 700 levels (its cost grows ~ n³). */
const deepList = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** An API call as Dossier's own page makes it. */
function call<T>(s: WebServer, name: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        path: `/api/${name}`,
        headers: {
          host: `127.0.0.1:${s.port}`,
          'x-dossier-token': s.token,
          'content-type': 'application/json',
          origin: `http://127.0.0.1:${s.port}`,
          'sec-fetch-site': 'same-origin',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const answer = JSON.parse(text) as { ok: boolean; value?: T; error?: { message: string } };
          if (answer.ok) resolve(answer.value as T);
          else reject(new Error(answer.error?.message ?? text));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Status {
  state: string;
  report: {
    imported: { id: number; path: string }[];
    failed: { path: string; error: string }[];
  };
}

describe('extraction in a worker, with a time limit per file', () => {
  it(
    'imports HTML nested 5,000 and 20,000 deep while the web server keeps answering',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const files = [
        write(dir, 'deep 5000.html', deepHtml(5_000)),
        write(dir, 'deep 20000.html', deepHtml(20_000)),
        // Slow but harmless: gives the import time during which the server must answer.
        write(dir, 'nested list.md', deepList(500)),
      ];
      const webRoot = tempDir();
      fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
      const project = tempProject('empty');
      server = await startWebServer({ project, webRoot });
      const job = await call<{ jobId: string }>(server, 'startImport', { paths: files });
      // Answers that came while the import was still running: parsing on this thread would hold them all back.
      let answeredWhileRunning = 0;
      let status: Status;
      for (;;) {
        status = await call<Status>(server, 'importStatus', { jobId: job.jobId });
        if (status.state !== 'running') break;
        await call(server, 'listDocuments', {});
        answeredWhileRunning++;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(status.state).toBe('done');
      expect(answeredWhileRunning).toBeGreaterThanOrEqual(3);
      const byName = new Map(status.report.imported.map((d) => [path.basename(d.path), d.id]));
      for (const name of ['deep 5000.html', 'deep 20000.html']) {
        expect(byName.has(name), `${name} imported`).toBe(true);
        expect(getDocumentText(project.db, byName.get(name)!)).toBe(
          `${PARAGRAPH}\n\nSecond paragraph, ${name.replace(/\D/g, '')} levels deep.`,
        );
      }
      // The list imports, or fails with a reason (on a slow machine, past its time limit).
      const list = status.report.failed.find((f) => f.path.endsWith('nested list.md'));
      if (list) expect(list.error).toMatch(/^took longer than [\d.]+ s to extract; skipped$/);
      else expect(byName.has('nested list.md')).toBe(true);
    },
  );

  it('skips a file that exceeds its time limit, with the reason, and imports the rest of the batch', async () => {
    const dir = tempDir();
    write(dir, 'a first.txt', 'First report\n\nThe delegation spoke first.');
    write(dir, 'b slow.md', deepList(700));
    write(dir, 'c second.txt', 'Second report\n\nThe delegation spoke again.');
    write(dir, 'd third.txt', 'Third report\n\nThe delegation left.');
    const p = tempProject('empty');
    const r = await importPaths(p.db, [dir], { extractTimeLimitMs: 200 });
    expect(r.failed).toEqual([
      {
        path: path.join(dir, 'b slow.md'),
        error: expect.stringMatching(/^took longer than 0\.\d+ s to extract; skipped$/),
      },
    ]);
    expect(r.imported.map((d) => path.basename(d.path)).sort()).toEqual([
      'a first.txt',
      'c second.txt',
      'd third.txt',
    ]);
  });
});
