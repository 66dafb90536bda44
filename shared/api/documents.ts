import { z } from 'zod';
import { DocumentSummary, Id } from './model';
import { method } from './method';

/** Longest title kept: a title is a line in the Library, not a paragraph. */
export const MAX_TITLE_LENGTH = 500;

/** Corrections to a document's metadata (its text never changes). Each call is one undoable step. */
export const documentsMethods = {
  updateDocument: method(
    z.object({
      id: Id,
      title: z
        .string()
        .transform((t) => t.replace(/\s+/g, ' ').trim())
        .pipe(
          z
            .string()
            .min(1, 'a document needs a title')
            .max(MAX_TITLE_LENGTH, `a title has at most ${MAX_TITLE_LENGTH} characters`),
        ),
    }),
    DocumentSummary,
  ),
};
