import type { Excerpt, ExcerptDoc, ExcerptSet } from './excerpts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The stable name of a document in every export: the project's UUID and the hash of the canonical text. */
export function documentUrn(projectUuid: string, contentHash: string): string {
  return `urn:dossier:${projectUuid}:doc:${contentHash}`;
}

export function claimUrn(projectUuid: string, claimId: number): string {
  return `urn:dossier:${projectUuid}:claim:${claimId}`;
}

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format: 'text/plain';
}

function annotation(set: ExcerptSet, e: Excerpt, doc: ExcerptDoc): Record<string, unknown> {
  const body: TextualBody[] = e.domainIds.map((id) => ({
    type: 'TextualBody',
    purpose: 'tagging',
    value: set.domainById.get(id)?.name ?? String(id),
    format: 'text/plain',
  }));
  if (e.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: e.note, format: 'text/plain' });
  const a: Record<string, unknown> = {
    id: claimUrn(set.projectUuid, e.id),
    type: 'Annotation',
    body,
    target: {
      type: 'SpecificResource',
      source: {
        id: documentUrn(set.projectUuid, doc.contentHash),
        type: 'Text',
        format: 'text/plain',
        label: doc.title,
        title: doc.title,
      },
      selector: [
        { type: 'TextQuoteSelector', exact: e.quote, prefix: e.prefix, suffix: e.suffix },
        { type: 'TextPositionSelector', start: e.startCp, end: e.endCp },
      ],
    },
    created: e.createdAt,
    modified: e.updatedAt,
  };
  if (e.analyst) a.creator = { type: 'Person', name: e.analyst };
  return a;
}

/**
 * A W3C Web Annotation `AnnotationCollection` whose first (and only) `AnnotationPage` holds one `Annotation` per
 * claim: the domains as tagging bodies, the note as a commenting body, the quote and its code-point position as
 * selectors on the document.
 */
export function w3cOf(
  set: ExcerptSet,
  exportedAt = new Date().toISOString(),
): { bytes: Buffer; rows: number } {
  const id = `urn:dossier:${set.projectUuid}:export:${exportedAt.replace(/[^0-9TZ]/g, '')}`;
  const page = `${id}:page:1`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `${set.projectName} — tagged excerpts`,
    total: set.excerpts.length,
    generated: exportedAt,
    generator: { type: 'Software', name: 'Dossier' },
    first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items: [] as unknown[] },
    last: page,
  };
  // Each annotation is serialised and encoded as it is made: neither the object tree nor one huge string (twice
  // the size of the file, in UTF-16) ever sits in memory.
  const [head, tail] = JSON.stringify(collection).split('"items":[]');
  const chunks: Buffer[] = [Buffer.from(`${head}"items":[`)];
  let batch: string[] = [];
  const flush = (): void => {
    if (batch.length) chunks.push(Buffer.from(batch.join(','), 'utf8'));
    batch = [];
  };
  set.excerpts.forEach((e, i) => {
    if (i > 0 && batch.length === 0) chunks.push(Buffer.from(','));
    batch.push(JSON.stringify(annotation(set, e, set.docs.get(e.docId) as ExcerptDoc)));
    if (batch.length === 500) flush();
  });
  flush();
  chunks.push(Buffer.from(`]${tail}`));
  return { bytes: Buffer.concat(chunks), rows: set.excerpts.length };
}
