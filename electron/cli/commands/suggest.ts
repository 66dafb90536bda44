import { codePointLength, toCodePointOffset } from '../../../shared/text';
import { call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';
import { documentTexts } from '../views';

// Suggestions from the command line (issue 17): `suggest` prints the passages the project's model scores as
// likely claims, `model` its per-domain figures. The model is trained first when missing or out of date (claims
// changed since), so a script gets suggestions from the claims as they are. --json positions count code points.

function minScore(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`--min-score must be between 0 and 1, not "${raw}"`);
  return n;
}

export const suggest: Command = {
  name: 'suggest',
  usage: USAGE['suggest'],
  run: async ([file], v) => {
    const docIds = v.doc?.flatMap((s) => s.split(',')).map((s) => positiveInt(s.trim(), '--doc'));
    const min = minScore(v['min-score']);
    const p = needProject(file);
    const domainIds = v.domain?.length ? await call(p, 'domainIdsByName', { names: v.domain }) : undefined;
    const info = await call(p, 'getModel', {});
    if (!info.trained || info.stale) await call(p, 'trainModel', {});
    const { suggestions } = await call(p, 'suggestClaims', {
      docIds,
      domainIds,
      minScore: min,
      unit: 'sentence',
    });
    const names = new Map((await call(p, 'listDomains', {})).map((d) => [d.id, d.name]));
    const textOf = documentTexts(p);
    const out: { docId: number; start: number; end: number; quote: string; domain: string; score: number }[] =
      [];
    for (const s of suggestions) {
      const start = toCodePointOffset(await textOf(s.docId), s.start);
      out.push({
        docId: s.docId,
        start,
        end: start + codePointLength(s.quote),
        quote: s.quote,
        domain: names.get(s.domainId) ?? String(s.domainId),
        score: Math.round(s.score * 1000) / 1000,
      });
    }
    const text = out.length
      ? table([
          ['doc', 'start', 'end', 'domain', 'score', 'quote'],
          ...out.map((s) => [s.docId, s.start, s.end, s.domain, s.score.toFixed(3), s.quote.slice(0, 80)]),
        ])
      : 'No suggestions (tag more claims, or lower --min-score)';
    return { json: out, text };
  },
};

export const model: Command = {
  name: 'model',
  usage: USAGE['model'],
  run: async ([file]) => {
    const p = needProject(file);
    let info = await call(p, 'getModel', {});
    if (!info.trained || info.stale) info = await call(p, 'trainModel', {});
    const names = new Map((await call(p, 'listDomains', {})).map((d) => [d.id, d.name]));
    const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);
    const domains = info.domains.map((d) => ({ ...d, domain: names.get(d.domainId) ?? String(d.domainId) }));
    const text = [
      `Trained on ${info.passages} passages, ${info.folds}-fold cross-validation by document; domains with fewer than ${info.minExamples} claims in ${info.minDocuments} documents are hidden`,
      table([
        ['domain', 'claims', 'documents', 'precision', 'recall'],
        ...domains.map((d) => [
          d.domain,
          d.examples,
          d.documents,
          d.hidden ? 'hidden' : pct(d.precision),
          d.hidden ? '' : pct(d.recall),
        ]),
      ]),
    ].join('\n');
    return { json: { ...info, domains }, text };
  },
};
