import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findOccurrence } from '../../shared/text';
import { createClaim } from './claims';
import type { Db } from './db';
import { addDocument } from './documents';
import { domainIdsByName } from './domains';
import { extractDocument } from './import/extract';
import { resourcesDir } from './resources';

const SampleSpec = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      source: z.string(),
      author: z.string(),
      published: z.string(),
      url: z.string(),
    }),
  ),
  claims: z.array(
    z.object({
      file: z.string(),
      quote: z.string(),
      domains: z.array(z.string()),
      note: z.string().optional(),
    }),
  ),
});

/** Fills a project with the embedded sample: short original documents and a few tagged claims. */
export function installSample(db: Db): void {
  const dir = path.join(resourcesDir(), 'sample');
  const spec = SampleSpec.parse(JSON.parse(fs.readFileSync(path.join(dir, 'sample.json'), 'utf8')));
  db.transaction(() => {
    const ids = new Map<string, number>();
    for (const d of spec.documents) {
      const bytes = fs.readFileSync(path.join(dir, d.file));
      const doc = extractDocument(d.file, bytes);
      const { id } = addDocument(db, {
        ...doc,
        source: d.source,
        author: d.author,
        published: d.published,
        url: d.url,
        originalName: d.file,
        fileSize: bytes.length,
      });
      ids.set(d.file, id);
    }
    for (const c of spec.claims) {
      const docId = ids.get(c.file);
      if (docId === undefined) throw new Error(`sample claim names unknown file ${c.file}`);
      const text = (db.cached('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
      const start = findOccurrence(text, c.quote);
      if (start < 0) throw new Error(`sample quote not found in ${c.file}: ${c.quote}`);
      createClaim(db, {
        docId,
        start,
        end: start + c.quote.length,
        domainIds: domainIdsByName(db, c.domains),
        note: c.note,
        analyst: 'Sample',
      });
    }
  })();
}
