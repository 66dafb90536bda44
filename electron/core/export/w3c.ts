import { type Excerpt, type ExcerptDoc, type ExcerptSet, grading } from './excerpts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The stable name of a document in every export: the project's UUID and the hash of the canonical text. */
export function documentUrn(projectUuid: string, contentHash: string): string {
  return `urn:dossier:${projectUuid}:doc:${contentHash}`;
}

export function claimUrn(projectUuid: string, claimId: number): string {
  return `urn:dossier:${projectUuid}:claim:${claimId}`;
}

/**
 * Dossier's own terms, added after the model's context as its §6 asks of extensions. `dossier:field` names the
 * claim field a body carries (see INTEROP.md): "actor" (purpose describing), "stance" (classifying: supports,
 * opposes or neutral) and "grading" (assessing: the Admiralty code, a reliability letter A–F and/or a
 * credibility digit 1–6, such as "B2").
 */
export const DOSSIER_TERMS = 'urn:dossier:terms#';
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { dossier: DOSSIER_TERMS }] as const;

type Purpose = 'tagging' | 'commenting' | 'describing' | 'classifying' | 'assessing';
type ClaimField = 'actor' | 'stance' | 'grading';

interface TextualBody {
  type: 'TextualBody';
  purpose: Purpose;
  value: string;
  format: 'text/plain';
  'dossier:field'?: ClaimField;
}

const textBody = (purpose: Purpose, value: string, field?: ClaimField): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
  ...(field ? { 'dossier:field': field } : {}),
});

/**
 * One claim as a self-contained Annotation (its own @context, so that it can be taken out of the collection):
 * a tagging body per domain, the note as commenting, actor, stance and grading as bodies marked with
 * `dossier:field`, the analyst as creator.
 */
function annotation(set: ExcerptSet, e: Excerpt, doc: ExcerptDoc): Record<string, unknown> {
  const body: TextualBody[] = e.domainIds.map((id) =>
    textBody('tagging', set.domainById.get(id)?.name ?? String(id)),
  );
  if (e.note) body.push(textBody('commenting', e.note));
  if (e.actor) body.push(textBody('describing', e.actor, 'actor'));
  if (e.stance) body.push(textBody('classifying', e.stance, 'stance'));
  const g = grading(e);
  if (g) body.push(textBody('assessing', g, 'grading'));
  const a: Record<string, unknown> = {
    '@context': ANNOTATION_CONTEXT,
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
 * claim (see `annotation`), with the quote and its code-point position as selectors on the document.
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
