// The parsing libraries of the importers, loaded on first use. Opening a project, the CLI's every command and
// the web door's start went through project.ts → sample.ts → import/extract.ts and paid for loading them
// (linkedom ~70 ms of CPU, gray-matter ~26, marked ~12, Readability ~6) though only importing HTML, Markdown
// or Word files, or making the sample, needs them. ESM has no synchronous lazy import and the sample is
// extracted synchronously inside one transaction, so they are required (Node loads an ES module package
// through require too) the first time one is asked for.
import { createRequire } from 'node:module';
import type matter from 'gray-matter';
import type * as Linkedom from 'linkedom';
import type * as Marked from 'marked';
import type * as ReadabilityLib from '@mozilla/readability';

const load = createRequire(import.meta.url);

function once<T>(name: string): () => T {
  let module: T | undefined;
  return () => (module ??= load(name) as T);
}

export const linkedom = once<typeof Linkedom>('linkedom');
export const marked = once<typeof Marked>('marked');
export const grayMatter = once<typeof matter>('gray-matter');
export const readability = once<typeof ReadabilityLib>('@mozilla/readability');
