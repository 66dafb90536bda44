import { getPageAlignment } from '../pdfAlign/pageAlignment';
import { readOriginal } from '../pdfAlign/originals';
import type { Handler } from './handlers';

export const pageHandlers: {
  getDocumentOriginal: Handler<'getDocumentOriginal'>;
  getPageAlignment: Handler<'getPageAlignment'>;
} = {
  getDocumentOriginal: (p, { id }) => {
    const o = readOriginal(p.db, id);
    return { id, sha256: o.sha256, mediaType: o.mediaType, base64: o.bytes.toString('base64') };
  },
  getPageAlignment: (p, { docId, page }) => getPageAlignment(p.db, docId, page),
};
