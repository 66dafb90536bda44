import { addDomain } from '../../../electron/core/codebook';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { defineAttribute, setDocumentAttribute } from '../../../electron/core/attributes';
import { tempProject } from '../helpers';
import { caller } from '../memos/project';

const DOCS = [
  { title: 'Alpha paper', text: 'Sovereignty and the exchange of officers.', kind: 'think tank' },
  { title: 'Beta report', text: 'The exchange of officers began early.', kind: 'Think Tank' },
  { title: 'Gamma news', text: 'Sovereignty was in the news today.', kind: 'press' },
  { title: 'Delta note', text: 'Nothing about that here.', kind: '' },
];

/** Four documents (a "kind" attribute on three), two domains, a claim or two on each of the first three. */
export function setProject() {
  const p = tempProject('empty');
  const docIds = DOCS.map((d) => addDocument(p.db, { title: d.title, text: d.text, format: 'txt' }).id);
  const kind = defineAttribute(p.db, 'kind', 'text');
  DOCS.forEach((d, i) => d.kind && setDocumentAttribute(p.db, docIds[i], 'kind', d.kind));
  const sov = addDomain(p.db, { name: 'Sovereignty' }).id;
  const ex = addDomain(p.db, { name: 'Exchange' }).id;
  const tag = (i: number, quote: string, domainIds: number[]) => {
    const start = DOCS[i].text.indexOf(quote);
    return createClaim(p.db, { docId: docIds[i], start, end: start + quote.length, domainIds }).id;
  };
  const claims = [
    tag(0, 'Sovereignty', [sov]),
    tag(0, 'exchange of officers', [ex]),
    tag(1, 'exchange of officers', [ex, sov]),
    tag(2, 'Sovereignty', [sov]),
  ];
  return { p, docIds, attributeId: kind.id, domains: { sov, ex }, claims, call: caller(p) };
}
