import { fromCodePointOffset } from '../../../shared/text';
import { createClaim } from '../../../electron/core/claims';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import type { Project } from '../../../electron/core/project';
import { tempProject } from '../helpers';

// A real project (SQLite in a temp folder) with an empty codebook, for building agreement cases by hand: claims
// are placed in code points so that tests read like the character units they count.

export interface AgreementProject {
  p: Project;
  domain: (name: string) => number;
  doc: (text: string, title?: string) => number;
  /** A claim by `analyst` over code points [start, end) of the document. */
  claim: (docId: number, analyst: string, start: number, end: number, domainIds: number[]) => number;
}

export function agreementProject(): AgreementProject {
  const p = tempProject('empty');
  const texts = new Map<number, string>();
  let docs = 0;
  return {
    p,
    domain: (name) => addDomain(p.db, { name }).id,
    doc: (text, title) => {
      const r = addDocument(p.db, { title: title ?? `Document ${++docs}`, text, format: 'txt' });
      if (r.status !== 'imported') throw new Error('the same text was added twice');
      texts.set(r.id, text);
      return r.id;
    },
    claim: (docId, analyst, start, end, domainIds) => {
      const text = texts.get(docId)!;
      return createClaim(p.db, {
        docId,
        start: fromCodePointOffset(text, start),
        end: fromCodePointOffset(text, end),
        domainIds,
        analyst,
      }).id;
    },
  };
}
