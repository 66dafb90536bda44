import { isMainThread } from 'node:worker_threads';
import { type Extractor, runExtractJob } from './extractor';

// Small plain-text files need no extraction thread: decoding, NFC and hashing a few KB cost less than the two
// messages and the structured clone that sending it there and back would (and a corpus of text files then never
// starts that thread at all). Only on the import worker: on the thread that answers the UI (Electron main, the
// web server) every file still goes to the extraction thread. Plain-text decoding is linear in the file's size
// (no parser that could hang on hostile input), and the size is bounded here; Markdown, HTML, PDF and DOCX go to
// the extraction thread whatever their size.

/** Largest plain-text file decoded on the import worker itself. */
export const INLINE_TEXT_MAX_BYTES = 1 * 2 ** 20;

function inlineable(name: string, size: number | undefined): boolean {
  return size !== undefined && size <= INLINE_TEXT_MAX_BYTES && /\.txt$/i.test(name);
}

/** `extractor`, with small .txt files extracted on this thread when it is not the main one. */
export function withInlineText(extractor: Extractor): Extractor {
  if (isMainThread) return extractor;
  return {
    extract: (job, onOcrPage) =>
      inlineable(job.name, job.size ?? job.bytes?.length)
        ? runExtractJob(job)
        : extractor.extract(job, onOcrPage),
    cancel: () => extractor.cancel?.(),
    close: () => extractor.close(),
  };
}
