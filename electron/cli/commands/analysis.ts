import { toCodePointOffset } from '../../../shared/text';
import { compareDocuments } from '../../core/compare';
import { getDocumentText } from '../../core/documents';
import { csvText } from '../../core/export/csvText';
import { computeCooccurrence } from '../../core/grids/cooccurrence';
import { matrixTable } from '../../core/grids/gridExport';
import { computeMatrix, type Measure, MEASURES } from '../../core/grids/matrix';
import { type Command, needProject, positiveInt, table, UsageError } from '../command';
import { publicClaims } from '../views';

const fmt = (v: number, measure: Measure): string | number =>
  measure === 'coverage' ? `${v.toFixed(1)}%` : v;

export const grid: Command = {
  name: 'grid',
  usage:
    'dossier grid <project> [--rows documents|source|published[:month]|attr:<name>[:year|:month]] [--measure count|docs|coverage|words] [--json|--csv]',
  run: ([file], v) => {
    if (v.json && v.csv) throw new UsageError('choose --json or --csv, not both');
    const measure = (v.measure ?? 'count') as Measure;
    if (!MEASURES.includes(measure))
      throw new UsageError(`--measure must be one of ${MEASURES.join(', ')} (got "${v.measure}")`);
    const p = needProject(file);
    const rows = v.rows ?? 'documents';
    const m = computeMatrix(p.db, { rows, measure });
    // `counts` stays the claim counts whatever the measure; `values` holds the chosen measure.
    const counts = measure === 'count' ? m : computeMatrix(p.db, { rows });
    const json = {
      dimension: m.dimension,
      measure: m.measure,
      rows: m.rows.map((r) =>
        r.docId !== undefined
          ? { docId: r.docId, title: r.label, key: r.key, label: r.label, docCount: r.docCount }
          : { key: r.key, label: r.label, docCount: r.docCount },
      ),
      columns: m.columns.map((c) => ({
        domainId: c.domainId,
        name: c.name,
        parentId: c.parentId,
        depth: c.depth,
      })),
      counts: counts.values,
      values: m.values,
      rowTotals: m.rowTotals,
      columnTotals: m.columnTotals,
      total: m.total,
    };
    if (v.csv) {
      const t = matrixTable(m);
      return { json, text: csvText([t.columns, ...t.rows], { recordDelimiter: 'lf' }).trimEnd() };
    }
    const header = [m.dimensionLabel, ...m.columns.map((c) => `${'  '.repeat(c.depth)}${c.name}`), 'Total'];
    const body = m.rows.map((r, i) => [
      r.label,
      ...m.values[i].map((x) => fmt(x, measure)),
      fmt(m.rowTotals[i], measure),
    ]);
    const totals = ['Total', ...m.columnTotals.map((x) => fmt(x, measure)), fmt(m.total, measure)];
    return { json, text: table([header, ...body, totals]) };
  },
};

const PANE_KEYS = ['a', 'b', 'c', 'd'];

export const compare: Command = {
  name: 'compare',
  usage: 'dossier compare <project> <docA> <docB> [<docC> <docD>]',
  run: ([file, ...ids]) => {
    const p = needProject(file);
    const docIds = ids.map((a) => positiveInt(a, 'docId'));
    if (docIds.length < 2 || docIds.length > 4)
      throw new UsageError('compare takes two to four document ids');
    const cmp = compareDocuments(p.db, docIds);
    const domains = cmp.domains.map((d) => ({
      domainId: d.domainId,
      name: d.name,
      ...Object.fromEntries(d.claims.map((cs, i) => [PANE_KEYS[i], publicClaims(p.db, cs)])),
      counts: d.counts,
      onlyIn: d.onlyIn === null || d.onlyIn === undefined ? null : PANE_KEYS[d.onlyIn],
    }));
    // Positions in code points, like every position the CLI prints.
    const texts = new Map(docIds.map((id) => [id, getDocumentText(p.db, id)]));
    const cp = (docId: number, s: { start: number; end: number }) => {
      const text = texts.get(docId)!;
      return { start: toCodePointOffset(text, s.start), end: toCodePointOffset(text, s.end) };
    };
    const shared = (cmp.shared ?? []).map((s) => ({
      docs: s.docs,
      a: cp(s.docs[0], s.a),
      b: cp(s.docs[1], s.b),
      similarity: s.similarity,
      words: s.words,
    }));
    const pairs = cmp.pairs ?? [];
    const text = [
      ...cmp.domains.map(
        (d) =>
          `${d.name}: ${d.claims.map((cs, i) => `${PANE_KEYS[i].toUpperCase()} ${cs.length}`).join(', ')}`,
      ),
      '',
      ...pairs.map(
        (x) =>
          `Documents ${x.docs[0]} and ${x.docs[1]}: similarity ${x.similarity.toFixed(3)}, ${x.passages} shared passage${x.passages === 1 ? '' : 's'}`,
      ),
      ...shared.map(
        (s) =>
          `  ${s.docs[0]} ${s.a.start}–${s.a.end} ≈ ${s.docs[1]} ${s.b.start}–${s.b.end} (${s.words} words, similarity ${s.similarity})`,
      ),
    ].join('\n');
    return { json: { documents: cmp.documents, domains, pairs, shared }, text };
  },
};

export const cooccurrence: Command = {
  name: 'cooccurrence',
  usage: 'dossier cooccurrence <project> [--json]',
  run: ([file]) => {
    const p = needProject(file);
    const co = computeCooccurrence(p.db);
    const columns = co.columns.map((c) => ({ domainId: c.domainId, name: c.name, parentId: c.parentId }));
    const grid = (title: string, m: number[][]) =>
      `${title}\n${table([['', ...co.columns.map((c) => c.name)], ...co.columns.map((c, i) => [c.name, ...m[i]])])}`;
    return {
      json: { columns, same: co.same, overlap: co.overlap },
      text: `${grid('Claims tagged with both', co.same)}\n\n${grid('Overlapping claims', co.overlap)}`,
    };
  },
};
