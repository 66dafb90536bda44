import {
  attributeTable,
  defineAttribute,
  deleteAttribute,
  filterDocuments,
  inferType,
  listAttributes,
  renameAttribute,
  setDocumentAttributes,
} from '../attributes';
import { DEFAULT_OCR_LANGUAGES } from '../import/ocr/languages';
import { cancelImportJob, importJobStatus, startImportJob, waitForImportJob } from '../import/jobs';
import { documentHits, searchClaims, searchDocuments } from '../search';
import type { Handler } from './handlers';

type CorpusMethod =
  | 'startImport'
  | 'importStatus'
  | 'cancelImport'
  | 'waitImport'
  | 'searchDocuments'
  | 'documentHits'
  | 'searchClaims'
  | 'listAttributes'
  | 'defineAttribute'
  | 'renameAttribute'
  | 'deleteAttribute'
  | 'getAttributeTable'
  | 'setDocumentAttributes'
  | 'filterDocuments';

export const corpusHandlers: { [M in CorpusMethod]: Handler<M> } = {
  startImport: (p, i) =>
    startImportJob(p.db, {
      paths: i.paths,
      sources: (i.files ?? []).map((f) => {
        const bytes = Buffer.from(f.base64, 'base64');
        return { path: f.name, name: f.name, size: bytes.length, read: () => bytes };
      }),
      options: {
        attrsFromPath: i.attrsFromPath,
        metadataCsv: i.metadataCsv,
        maxSize: i.maxSizeMb === undefined ? undefined : Math.round(i.maxSizeMb * 2 ** 20),
        passwords: i.passwords ? Object.fromEntries(i.passwords.map((x) => [x.path, x.password])) : undefined,
        ocrLanguages: i.ocrLanguages ?? DEFAULT_OCR_LANGUAGES,
      },
    }),
  importStatus: (p, i) => importJobStatus(p.db, i.jobId),
  cancelImport: (p, i) => cancelImportJob(p.db, i.jobId),
  waitImport: (p, i) => waitForImportJob(p.db, i.jobId),
  searchDocuments: (p, i) => searchDocuments(p.db, i.query, i),
  documentHits: (p, i) => ({ hits: documentHits(p.db, i.docId, i.query) }),
  searchClaims: (p, i) => searchClaims(p.db, i.query, i),
  listAttributes: (p) => listAttributes(p.db),
  defineAttribute: (p, i) => defineAttribute(p.db, i.name, i.type),
  renameAttribute: (p, i) => renameAttribute(p.db, i.id, i.name),
  deleteAttribute: (p, i) => {
    deleteAttribute(p.db, i.id);
    return { id: i.id };
  },
  getAttributeTable: (p) => attributeTable(p.db),
  setDocumentAttributes: (p, i) =>
    // One transaction: an attribute defined for a value that then fails is not left behind.
    p.db.transaction(() => {
      if (i.define) {
        const known = new Set(listAttributes(p.db).map((a) => a.name.toLowerCase()));
        for (const [name, value] of Object.entries(i.values))
          if (!known.has(name.toLowerCase()) && value !== null && String(value).trim() !== '')
            defineAttribute(p.db, name, inferType([String(value)]));
      }
      return { docId: i.docId, values: setDocumentAttributes(p.db, i.docId, i.values) };
    })(),
  filterDocuments: (p, i) => ({ docIds: filterDocuments(p.db, i.filters) }),
};
