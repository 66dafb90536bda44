import { z } from 'zod';
import { Span } from './corpus';
import { method } from './method';
import { Id } from './model';

// Memos (issue 13): the analyst's own writing in Markdown, for the project (a research journal) or linked to a
// document and/or a claim. Shown as Markdown rendered with HTML disabled; stored as typed.

export const MAX_MEMO_TITLE = 500;
/** About 200 pages of prose: a memo is a note, not a document (those are imported). */
export const MAX_MEMO_TEXT = 1_000_000;

const Title = z
  .string()
  .max(MAX_MEMO_TITLE)
  .transform((t) => t.replace(/\s+/g, ' ').trim())
  .refine((t) => t.length > 0, 'a memo needs a title');
const Text = z.string().max(MAX_MEMO_TEXT);

export const Memo = z.object({
  id: Id,
  title: z.string(),
  /** Markdown, as the analyst typed it. */
  text: z.string(),
  analyst: z.string(),
  /** The linked document, or null. */
  docId: Id.nullable(),
  documentTitle: z.string().nullable(),
  /** The linked claim, or null (a claim can have several memos). */
  claimId: Id.nullable(),
  /** The linked claim's document and the start of its quote, for a link back into the Reader. */
  claimDocId: Id.nullable(),
  claimQuote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Memo = z.infer<typeof Memo>;

export const MemoHit = z.object({
  memo: Memo,
  /** Plain text around the best match; `snippetMarks` are the matched terms inside it. */
  snippet: z.string(),
  snippetMarks: z.array(Span),
  /** Higher is better (BM25, the title weighted above the text). */
  score: z.number(),
});
export type MemoHit = z.infer<typeof MemoHit>;

export const AddMemoInput = z
  .object({
    title: Title,
    text: Text.default(''),
    docId: Id.optional(),
    claimId: Id.optional(),
    /** Default: the analyst named in Settings. */
    analyst: z.string().max(200).optional(),
  })
  .strict();
export type AddMemoInput = z.output<typeof AddMemoInput>;

export const UpdateMemoInput = z.object({ id: Id, title: Title.optional(), text: Text.optional() }).strict();
export type UpdateMemoInput = z.output<typeof UpdateMemoInput>;

/** Which memos: those of a document (linked to it or to one of its claims), of a claim, or of the project only. */
export const ListMemosInput = z
  .object({
    docId: Id.optional(),
    claimId: Id.optional(),
    /** 'project': memos linked to nothing (the research journal); 'all' (default): every memo. */
    scope: z.enum(['all', 'project']).default('all'),
    limit: z.number().int().positive().max(10_000).default(1000),
    offset: z.number().int().nonnegative().default(0),
  })
  .strict();
export type ListMemosInput = z.output<typeof ListMemosInput>;

export const SearchMemosInput = z
  .object({ query: z.string().min(1).max(2000), limit: z.number().int().positive().max(1000).default(50) })
  .strict();

/** Sets a memo's links: a given field links (an id) or unlinks (null); a field left out is kept. */
export const LinkMemoInput = z
  .object({ id: Id, docId: Id.nullable().optional(), claimId: Id.nullable().optional() })
  .strict();
export type LinkMemoInput = z.output<typeof LinkMemoInput>;

export const UnlinkMemoInput = z
  .object({ id: Id, from: z.enum(['document', 'claim', 'both']).default('both') })
  .strict();

export const memosMethods = {
  addMemo: method(AddMemoInput, Memo),
  updateMemo: method(UpdateMemoInput, Memo),
  deleteMemo: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  getMemo: method(z.object({ id: Id }).strict(), Memo),
  /** Most recently changed first. */
  listMemos: method(ListMemosInput, z.array(Memo)),
  /** Full-text search over titles and texts (FTS5 syntax as in the document search), best first. */
  searchMemos: method(SearchMemosInput, z.array(MemoHit)),
  linkMemo: method(LinkMemoInput, Memo),
  unlinkMemo: method(UnlinkMemoInput, Memo),
};
