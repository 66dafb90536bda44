import type { QdcImportReport } from '../../../shared/api/exports';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { addCodes } from './importQdpx';
import { type ImportIssue, readCodes } from './readQdpx';
import { child, parseXml } from './xml';

export type { QdcImportReport } from '../../../shared/api/exports';

/** Merges a REFI-QDA codebook (.qdc, or a project.qde's CodeBook) into a project's codebook, in one transaction. */
export function importQdc(db: Db, bytes: Uint8Array): QdcImportReport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DossierError('invalid_input', 'the codebook file is not UTF-8 text');
  }
  const root = parseXml(text, 'the codebook file');
  const codebook = child(root, 'CodeBook') ?? child(child(root, 'Project'), 'CodeBook');
  if (!codebook)
    throw new DossierError(
      'invalid_input',
      'the file has no <CodeBook> element: it is not a REFI-QDA codebook (.qdc)',
    );
  const problems: ImportIssue[] = [];
  const codes = readCodes(codebook, problems);
  if (codes.length === 0) throw new DossierError('invalid_input', 'the codebook file holds no codes');
  const { created } = db.transaction(() => addCodes(db, codes, problems))();
  return { codes: codes.length, created, existing: codes.length - created, problems };
}
