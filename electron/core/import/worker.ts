import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db';
import { DossierError } from '../errors';
import { type ExtractionMessage, type ExtractionRequest, threadExtractor } from './extractionWorker';
import { type ExtractResult, runExtractJob } from './extractor';
import { withInlineText } from './inlineText';
import { type ImportOptions, runImport, type WorkerReply, type WorkerStart } from './importFiles';

// The import worker, in one of two roles. As the importer (default) it opens its own connection to the project
// and runs the whole import — one transaction per batch of files — so that the thread that started it (Electron
// main, the web server) never waits on a parser or a commit; progress goes back as messages and "cancel" stops
// it between batches. It starts this module again as the extractor, which reads and parses the next files
// while the importer commits, one file at a time under a time limit (extractionWorker.ts).
const port = parentPort;
const role = (workerData as { role?: string } | null)?.role ?? 'import';

if (port && role === 'extract') {
  const post = (m: ExtractionMessage): void => port.postMessage(m);
  port.on('message', (m: ExtractionRequest) => {
    void (async () => {
      // The files of a message one after the other, answered together (see GROUP_FILES).
      const results: ExtractResult[] = [];
      for (const job of m.jobs)
        results.push(await runExtractJob(job, (page, pages) => post({ ocrPage: { page, pages } })));
      // A PDF's original bytes move to the importer rather than being copied (when they own their whole buffer:
      // a small file's may share Node's buffer pool, which must stay here).
      const transfer = results.flatMap((r) =>
        r.ok &&
        r.original &&
        r.original.byteOffset === 0 &&
        r.original.byteLength === r.original.buffer.byteLength
          ? [r.original.buffer as ArrayBuffer]
          : [],
      );
      port.postMessage({ results } satisfies ExtractionMessage, transfer);
    })();
  });
  port.postMessage({ ready: true });
} else if (port) {
  const abort = new AbortController();
  const send = (m: WorkerReply): void => port.postMessage(m);
  port.on('message', (m: WorkerStart | { type: 'cancel' }) => {
    if (m.type === 'cancel') {
      abort.abort();
      return;
    }
    let last = 0;
    const options: ImportOptions = {
      ...m.options,
      signal: abort.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 50 && p.done < p.total) return;
        last = now;
        send({ type: 'progress', progress: p });
      },
    };
    void (async () => {
      let db: ReturnType<typeof openDatabase> | null = null;
      const extractor = withInlineText(threadExtractor(m.worker));
      try {
        db = openDatabase(m.dbFile);
        const report = await runImport(db, m.sources, m.report, options, extractor);
        send({ type: 'done', report });
      } catch (error) {
        send({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof DossierError ? { code: error.code } : {}),
        });
      } finally {
        await extractor.close();
        db?.close();
      }
    })();
  });
}
