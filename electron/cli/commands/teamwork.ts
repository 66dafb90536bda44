import path from 'node:path';
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

// `dossier merge` and `dossier copy-for`: parse, ask the API (mergeProject, copyForAnalyst), format. --json prints
// the API's report as it is.

type MergeReport = MethodOutput<'mergeProject'>;

function domainRuleOf(raw: string | undefined): 'keep-ours' | 'take-theirs' {
  if (raw === undefined) return 'keep-ours';
  if (raw === 'keep-ours' || raw === 'take-theirs') return raw;
  throw new UsageError(`--domains must be keep-ours or take-theirs (got "${raw}")`);
}

function mergeText(r: MergeReport): string {
  const row = (kind: string, c: { added: number; identical: number; conflicting: number }) => [
    kind,
    count(c.added),
    count(c.identical),
    count(c.conflicting),
  ];
  const out = [
    `${r.dryRun ? 'Would merge' : 'Merged'} ${r.source.name} (${r.source.kind === 'qdpx' ? 'REFI-QDA project' : 'Dossier project'})` +
      (r.dryRun ? ': nothing was written' : ': one step, undoable'),
    '',
    grid([
      ['', 'added', 'identical', 'conflicting'],
      row('documents', r.documents),
      row('domains', r.domains),
      row('claims', r.claims),
    ]),
  ];
  const added = r.domains.items.filter((i) => i.status === 'added');
  if (added.length) out.push('', `Domains added: ${added.map((i) => i.name).join(', ')}`);
  const differing = r.domains.items.filter((i) => i.status !== 'added');
  if (differing.length) {
    out.push('', `Codebook differences (--domains ${r.domainRule}):`);
    for (const i of differing) {
      const what =
        i.status === 'only ours'
          ? 'only in this project'
          : `${i.status}: ours "${i.ours ?? ''}", theirs "${i.theirs ?? ''}"`;
      out.push(`  ${i.name}: ${what} → ${i.resolution}`);
    }
  }
  for (const d of r.documents.retitled)
    out.push(`  same text, other title: "${d.ours}" here, "${d.theirs}" there`);
  if (r.claims.conflicts.length) {
    out.push('', `Claims edited in both copies (${r.conflictRule}):`);
    for (const c of r.claims.conflicts)
      out.push(
        `  claim ${c.ourClaimId}${c.addedClaimId ? ` and ${c.addedClaimId}` : ''} (${c.analyst}, ${c.documentTitle}): ${c.differences.join(', ')} differ: "${c.excerpt.replace(/\s+/g, ' ')}"`,
      );
  }
  if (r.problems.length) {
    out.push('', 'Not merged:');
    for (const p of r.problems) out.push(`  ${p.kind} ${p.name}: ${p.reason}`);
  }
  return out.join('\n');
}

export const merge: Command = {
  name: 'merge',
  usage: USAGE['merge'],
  run: async ([file, other], v) => {
    if (!other) throw new UsageError('name the project to merge in: a .dossier or .qdpx file');
    const domains = domainRuleOf(v.domains);
    const p = needProject(file);
    const r = await call(p, 'mergeProject', { path: other, dryRun: v['dry-run'] ?? false, domains });
    return { json: r, text: mergeText(r) };
  },
};

export const copyFor: Command = {
  name: 'copy-for',
  usage: USAGE['copy-for'],
  run: async ([file, dest], v) => {
    if (!dest) throw new UsageError('name the new project file to save the copy as');
    if ((v.analyst?.length ?? 0) > 1) throw new UsageError('name one analyst with --analyst');
    const analyst = v.analyst?.[0];
    const p = needProject(file);
    // Relative to where the command runs: the API takes only a full path.
    const r = await call(p, 'copyForAnalyst', { path: path.resolve(dest), ...(analyst ? { analyst } : {}) });
    return {
      json: r,
      text:
        `Saved ${r.path}: ${count(r.documents)} documents, ${count(r.domains)} domains, ` +
        `${count(r.claims)} claims${r.analyst ? ` (${r.analyst}’s)` : ' (none: a blank copy to code)'}`,
    };
  },
};
