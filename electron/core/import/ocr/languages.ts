import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type OcrLanguage, OcrLanguage as OcrLanguageSchema } from '../../../../shared/api/corpus';
import { DossierError } from '../../errors';

// Tesseract's language data, installed from npm (@tesseract.js-data/<code>) and read from node_modules: never
// fetched. tesseract.js would otherwise download from a CDN and cache into the current folder: it is given a
// local langPath and cacheMethod 'none'.

/** The languages this build ships, by tesseract code (the contract's OcrLanguage: one package each). */
export type { OcrLanguage };
export const DEFAULT_OCR_LANGUAGES: OcrLanguage[] = ['eng'];

const require = createRequire(import.meta.url);

export function isOcrLanguage(code: string): code is OcrLanguage {
  return OcrLanguageSchema.safeParse(code).success;
}

/** The LSTM ("best_int") model file: the one tesseract.js uses for its default engine. */
export function languageFile(code: string): string {
  if (!isOcrLanguage(code)) throw new DossierError('invalid_input', `no OCR language "${code}"`);
  const root = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return path.join(root, '4.0.0_best_int', `${code}.traineddata.gz`);
}

/**
 * A folder holding the chosen languages' model files, for tesseract.js's langPath (one folder for every
 * language, while npm puts each in a package of its own): links to the files in node_modules, made in the
 * system's temp folder (nothing is copied or downloaded).
 */
export function languageFolder(codes: readonly string[]): string {
  if (codes.length === 0) throw new DossierError('invalid_input', 'choose at least one OCR language');
  const dir = path.join(os.tmpdir(), `dossier-ocr-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const code of codes) {
    const target = languageFile(code);
    const link = path.join(dir, `${code}.traineddata.gz`);
    let current: string | null = null;
    try {
      current = fs.readlinkSync(link);
    } catch {
      // Not there yet (or not a link): made below.
    }
    if (current === target) continue;
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link);
  }
  return dir;
}

/** tesseract.js's own worker script and core, from node_modules (its defaults would be the same files). */
export function tesseractPaths(): { workerPath: string; corePath: string } {
  const root = path.dirname(require.resolve('tesseract.js/package.json'));
  return {
    workerPath: path.join(root, 'src', 'worker-script', 'node', 'index.js'),
    corePath: path.dirname(require.resolve('tesseract.js-core/package.json')),
  };
}
