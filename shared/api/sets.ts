import { z } from 'zod';
import { method } from './method';
import { Id } from './model';

// Document sets (issue 13): named groups of documents (MAXQDA's document sets, ATLAS.ti's document groups), a
// document in any number of them. Sets are grid rows (dimension `set`), a filter of every claim query (setIds)
// and the sides of a comparison (dimension `set:<id>,<id>`).

export const MAX_SET_NAME = 200;
/** One request's documents: a Library selection of a whole large corpus still fits. */
export const MAX_SET_DOCS = 1_000_000;

export const SetName = z
  .string()
  .max(MAX_SET_NAME)
  .transform((t) => t.replace(/\s+/g, ' ').trim())
  .refine((t) => t.length > 0, 'a set needs a name');
const DocIds = z.array(Id).max(MAX_SET_DOCS);

export const DocumentSet = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  /** Its documents, by id in ascending order. */
  docIds: z.array(Id),
  docCount: z.number().int().nonnegative(),
  /** Claims in its documents. */
  claimCount: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type DocumentSet = z.infer<typeof DocumentSet>;

export const CreateSetInput = z
  .object({ name: SetName, description: z.string().max(10_000).default(''), docIds: DocIds.default([]) })
  .strict();
export type CreateSetInput = z.output<typeof CreateSetInput>;

export const AssignInput = z
  .object({ setId: Id.optional(), name: SetName.optional(), docIds: DocIds.min(1) })
  .strict()
  .refine((i) => (i.setId === undefined) !== (i.name === undefined), 'name the set by setId or by name');
export type AssignInput = z.output<typeof AssignInput>;

export const SetsFromAttributeInput = z
  .object({
    attributeId: Id,
    /** Only the documents with this value, in one set (default: one set per value). */
    value: z.string().max(1_000).optional(),
    /** The one set's name (with `value`; default "<attribute>: <value>"). */
    name: SetName.optional(),
  })
  .strict();
export type SetsFromAttributeInput = z.output<typeof SetsFromAttributeInput>;

export const setsMethods = {
  /** Every set, by name, with its documents and counts. */
  listSets: method(z.object({}).strict(), z.array(DocumentSet)),
  getSet: method(z.object({ id: Id }).strict(), DocumentSet),
  /** A new set, with these documents (the Library's selection) or empty. */
  createSet: method(CreateSetInput, DocumentSet),
  renameSet: method(z.object({ id: Id, name: SetName }).strict(), DocumentSet),
  /** Deletes the set, never its documents. */
  deleteSet: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  /** Adds documents to a set (those already in it stay once). */
  assignToSet: method(AssignInput, z.object({ set: DocumentSet, added: z.number().int().nonnegative() })),
  unassignFromSet: method(
    AssignInput,
    z.object({ set: DocumentSet, removed: z.number().int().nonnegative() }),
  ),
  /** A new set of every document the search matches (the document search's syntax), not only the first page. */
  createSetFromSearch: method(
    z
      .object({ name: SetName, query: z.string().trim().min(1, 'type something to search for').max(2_000) })
      .strict(),
    DocumentSet,
  ),
  /** One set per value of an attribute ("<attribute>: <value>"), or one set of the documents with `value`. */
  createSetsFromAttribute: method(SetsFromAttributeInput, z.array(DocumentSet)),
};
