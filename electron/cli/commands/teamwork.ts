import type { MethodOutput } from '../../../shared/api';
import { call, type Command, needProject, positiveInt, table, UsageError, type Values } from '../command';
import { USAGE } from '../usage';

// `dossier agreement`: parses, asks the API (computeAgreement) and formats. --json prints the API's result with
// segment positions in code points, as every position the CLI prints.

type Agreement = MethodOutput<'computeAgreement'>;

const SHOWN_SEGMENTS = 20;

/** `--analysts A B C`: the option takes one value, the names after it come as positionals after the project. */
function analystsOf(rest: string[], v: Values): string[] {
  const names = [...(v.analysts ?? []), ...rest];
  if (names.length < 2) throw new UsageError('name at least two analysts: --analysts <A> <B> [<C>…]');
  if (new Set(names).size !== names.length) throw new UsageError('an analyst is named twice in --analysts');
  return names;
}

function thresholdOf(raw: string | undefined): number {
  if (raw === undefined) return 90;
  const n = Number(raw.trim().replace(/%$/, ''));
  if (!raw.trim() || !Number.isFinite(n) || n <= 0 || n > 100)
    throw new UsageError(`--threshold must be a percentage above 0 and at most 100 (got "${raw}")`);
  return n;
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const coef = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const count = (n: number): string => n.toLocaleString('en-US');
/** The shared table without the padding after the last column. */
const grid = (rows: string[][]): string =>
  table(rows)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

function publicJson(a: Agreement) {
  return {
    ...a,
    segments: a.segments.map(({ start: _s, end: _e, charStart, charEnd, ...rest }) => ({
      ...rest,
      start: charStart,
      end: charEnd,
    })),
  };
}

function text(a: Agreement): string {
  const two = a.analysts.length === 2;
  const pairNames = a.overall.pairs.map((p) => `κ ${p.analysts[0]}–${p.analysts[1]}`);
  const header = [
    'Domain',
    'agreement',
    ...(two ? ['κ'] : pairNames),
    'α',
    ...a.analysts.map((n) => `${n} chars`),
    'segments agreed',
  ];
  type Row = Agreement['overall'] & { label: string };
  const line = (r: Row) => [
    r.label,
    pct(r.percentAgreement),
    ...(two ? [coef(r.kappa)] : r.pairs.map((p) => coef(p.kappa))),
    coef(r.alpha),
    ...r.coded.map((c) => count(c.characters)),
    r.segments.total ? `${r.segments.agreed}/${r.segments.total} (${pct(r.segments.fraction)})` : '—',
  ];
  const rows = a.domains.map((d) => line({ ...d, label: d.domain, domainIds: [d.domainId], reason: null }));
  const overallLabel = `Overall (${a.overall.domainIds.length} domain${a.overall.domainIds.length === 1 ? '' : 's'} used)`;
  const out = [
    `Agreement between ${a.analysts.join(', ')}: ${a.documents} document${a.documents === 1 ? '' : 's'}, ` +
      `${count(a.characters)} characters, each character a unit per domain; ` +
      `a segment agrees when the other${two ? '' : 's'} coded ≥ ${a.segmentThreshold}% of it`,
    '',
    grid([header, ...rows, line({ ...a.overall, label: overallLabel })]),
  ];
  const notes = new Set<string>();
  for (const d of a.domains) {
    const reason = d.alphaReason ?? (two ? d.kappaReason : null);
    if (reason) notes.add(`${d.domain}: ${reason} (κ and α undefined)`);
  }
  if (a.overall.reason) notes.add(`Overall: ${a.overall.reason}`);
  if (notes.size) out.push('', ...notes);
  const disagreed = a.segments.filter((s) => !s.agreed);
  if (disagreed.length) {
    const shown = disagreed.slice(0, SHOWN_SEGMENTS);
    out.push(
      '',
      `Segments not agreed${disagreed.length > shown.length ? ` (first ${shown.length} of ${disagreed.length}; --json lists all)` : ''}:`,
      grid([
        ['doc', 'start–end', 'analyst', 'domain', 'covered', 'excerpt'],
        ...shown.map((s) => [
          String(s.docId),
          `${s.charStart}–${s.charEnd}`,
          s.analyst,
          s.domain,
          s.coveredBy.map((c) => `${c.analyst} ${pct(c.fraction)}`).join(', '),
          s.excerpt.replace(/\s+/g, ' '),
        ]),
      ]),
    );
  }
  return out.join('\n');
}

export const agreement: Command = {
  name: 'agreement',
  usage: USAGE['agreement'],
  run: async ([file, ...rest], v) => {
    const analysts = analystsOf(rest, v);
    const segmentThreshold = thresholdOf(v.threshold);
    const docIds = v.doc?.map((d) => positiveInt(d, '--doc'));
    const p = needProject(file);
    const a = await call(p, 'computeAgreement', {
      analysts,
      ...(v.domain?.length ? { domains: v.domain } : {}),
      ...(docIds ? { docIds } : {}),
      segmentThreshold,
    });
    return { json: publicJson(a), text: text(a) };
  },
};
