import { Measure } from '../../../shared/api/grids';
import { toCodePointOffset } from '../../../shared/text';
import { call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';
import { documentTexts, publicClaims } from '../views';

const MEASURES = Measure.options;

const fmt = (v: number, measure: Measure): string | number =>
  measure === 'coverage' ? `${v.toFixed(1)}%` : v;

export const grid: Command = {
  name: 'grid',
  usage: USAGE['grid'],
  run: async ([file], v) => {
    if (v.json && v.csv) throw new UsageError('choose --json or --csv, not both');
    const measure = (v.measure ?? 'count') as Measure;
    if (!MEASURES.includes(measure))
      throw new UsageError(`--measure must be one of ${MEASURES.join(', ')} (got "${v.measure}")`);
    const p = needProject(file);
    const rows = v.rows ?? 'documents';
    const m = await call(p, 'getMatrix', { rows, measure });
    // `counts` stays the claim counts whatever the measure; `values` holds the chosen measure.
    const counts = measure === 'count' ? m : await call(p, 'getMatrix', { rows });
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
      // The matrix file every door exports (LF record ends, formula-like cells escaped), printed.
      const file = await call(p, 'exportMatrix', { format: 'csv', rows, measure });
      return { json, text: Buffer.from(file.base64, 'base64').toString('utf8').trimEnd() };
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
  usage: USAGE['compare'],
  run: async ([file, ...ids]) => {
    const p = needProject(file);
    const docIds = ids.map((a) => positiveInt(a, 'docId'));
    if (docIds.length < 2 || docIds.length > 4)
      throw new UsageError('compare takes two to four document ids');
    const cmp = await call(p, 'compareDocuments', { docIds });
    const textOf = documentTexts(p);
    const domains = [];
    for (const d of cmp.domains) {
      const panes = [];
      for (const [i, cs] of d.claims.entries()) panes.push([PANE_KEYS[i], await publicClaims(p, cs, textOf)]);
      domains.push({
        domainId: d.domainId,
        name: d.name,
        ...Object.fromEntries(panes),
        counts: d.counts,
        onlyIn: d.onlyIn === null || d.onlyIn === undefined ? null : PANE_KEYS[d.onlyIn],
      });
    }
    // Positions in code points, like every position the CLI prints.
    const texts = new Map<number, string>();
    for (const id of docIds) texts.set(id, await textOf(id));
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
  usage: USAGE['cooccurrence'],
  run: async ([file]) => {
    const p = needProject(file);
    const co = await call(p, 'getCooccurrence', {});
    const columns = co.columns.map((c) => ({ domainId: c.domainId, name: c.name, parentId: c.parentId }));
    const grid = (title: string, m: number[][]) =>
      `${title}\n${table([['', ...co.columns.map((c) => c.name)], ...co.columns.map((c, i) => [c.name, ...m[i]])])}`;
    return {
      json: { columns, same: co.same, overlap: co.overlap },
      text: `${grid('Claims tagged with both', co.same)}\n\n${grid('Overlapping claims', co.overlap)}`,
    };
  },
};
