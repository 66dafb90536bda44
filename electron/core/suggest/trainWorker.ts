import { parentPort } from 'node:worker_threads';
import { type Passage, trainAndMeasure } from './train';

// The training thread: passages in, the serialised model and its figures out. Nothing here touches the project
// file; the thread that answers the UI only reads the passages before and stores the blob after.
parentPort?.on('message', (m: { passages: Passage[]; domains: number[] }) => {
  try {
    const r = trainAndMeasure(m.passages, m.domains);
    parentPort!.postMessage({ ok: r }, [r.blob.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
