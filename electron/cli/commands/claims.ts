import { findOccurrence } from '../../../shared/text';
import { createClaim, listClaims } from '../../core/claims';
import { getDocument } from '../../core/documents';
import { domainIdsByName } from '../../core/domains';
import { DossierError } from '../../core/errors';
import { getMeta } from '../../core/project';
import { type Command, needProject, positiveInt, table, UsageError } from '../command';
import { publicClaims } from '../views';

export const tag: Command = {
  name: 'tag',
  usage: 'dossier tag <project> --doc <id> --quote <text> [--occurrence N] --domain <name>… [--note <text>]',
  run: ([file], v) => {
    const p = needProject(file);
    const docId = positiveInt(v.doc?.[0], '--doc');
    if (!v.quote) throw new UsageError('--quote is required');
    if (!v.domain?.length) throw new UsageError('at least one --domain is required');
    const occurrence = v.occurrence ? positiveInt(v.occurrence, '--occurrence') : 1;
    const domainIds = domainIdsByName(p.db, v.domain);
    const doc = getDocument(p.db, docId);
    const start = findOccurrence(doc.text, v.quote, occurrence);
    if (start < 0) {
      throw new DossierError(
        'not_found',
        occurrence > 1
          ? `the quote does not occur ${occurrence} times in document ${docId}`
          : `the quote is not in document ${docId}`,
      );
    }
    const claim = createClaim(p.db, {
      docId,
      start,
      end: start + v.quote.length,
      domainIds,
      note: v.note,
      analyst: getMeta(p.db, 'analyst') ?? '',
    });
    const [pub] = publicClaims(p.db, [claim]);
    return {
      json: pub,
      text: `Tagged claim ${pub.id} in document ${docId} (${pub.start}–${pub.end}): ${pub.domains.join(', ')}`,
    };
  },
};

export const claims: Command = {
  name: 'claims',
  usage: 'dossier claims <project> [--doc <id>] [--domain <name>]',
  run: ([file], v) => {
    const p = needProject(file);
    const docId = v.doc?.[0] ? positiveInt(v.doc[0], '--doc') : undefined;
    const domainId = v.domain?.[0] ? domainIdsByName(p.db, [v.domain[0]])[0] : undefined;
    const rows = publicClaims(p.db, listClaims(p.db, { docId, domainId }));
    const short = (q: string): string => (q.length > 70 ? `${q.slice(0, 69)}…` : q);
    return {
      json: rows,
      text: rows.length
        ? table(rows.map((c) => [c.id, c.docId, c.domains.join('; '), short(c.quote)]))
        : 'No claims.',
    };
  },
};
