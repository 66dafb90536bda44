import { compareDocuments } from '../../core/compare';
import { documentDomainGrid } from '../../core/grid';
import { type Command, needProject, positiveInt, table, UsageError } from '../command';
import { publicClaims } from '../views';

export const grid: Command = {
  name: 'grid',
  usage: 'dossier grid <project>',
  run: ([file]) => {
    const p = needProject(file);
    const g = documentDomainGrid(p.db);
    const json = {
      rows: g.rows,
      columns: g.columns.map((c) => ({ domainId: c.domainId, name: c.name })),
      counts: g.counts,
    };
    const header = ['', ...g.columns.map((c) => c.name)];
    return { json, text: table([header, ...g.rows.map((r, i) => [r.title, ...g.counts[i]])]) };
  },
};

const PANE_KEYS = ['a', 'b', 'c', 'd'];

export const compare: Command = {
  name: 'compare',
  usage: 'dossier compare <project> <docA> <docB> [<docC> <docD>]',
  run: ([file, ...ids], _v) => {
    const p = needProject(file);
    const docIds = ids.map((a) => positiveInt(a, 'docId'));
    if (docIds.length < 2 || docIds.length > 4)
      throw new UsageError('compare takes two to four document ids');
    const cmp = compareDocuments(p.db, docIds);
    const domains = cmp.domains.map((d) => ({
      domainId: d.domainId,
      name: d.name,
      ...Object.fromEntries(d.claims.map((cs, i) => [PANE_KEYS[i], publicClaims(p.db, cs)])),
    }));
    const text = cmp.domains
      .map(
        (d) =>
          `${d.name}: ${d.claims.map((cs, i) => `${PANE_KEYS[i].toUpperCase()} ${cs.length}`).join(', ')}`,
      )
      .join('\n');
    return { json: { documents: cmp.documents, domains }, text };
  },
};
