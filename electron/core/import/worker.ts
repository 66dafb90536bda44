import { parentPort } from 'node:worker_threads';
import { type ExtractJob, runExtractJob } from './extractor';

// The import worker: reads and extracts one file per message, in order, and posts the document back.
parentPort?.on('message', (m: { id: number; job: ExtractJob }) => {
  void runExtractJob(m.job).then((result) => parentPort?.postMessage({ id: m.id, result }));
});
