import { Stance } from '../../../shared/api/model';
import { GRADING_HINT, type Grading, parseGrading } from '../../../shared/grading';
import { call, type Command, needProject, positiveInt, table, UsageError, type Values } from '../command';
import { USAGE } from '../usage';
import { publicClaims } from '../views';

const ACTOR_MAX = 1_000;

type StanceValue = (typeof Stance.options)[number];
type Details = { actor?: string; stance?: StanceValue } & Partial<Grading>;

/** The claim's actor, stance and grading as typed on the command line; a bad value is a usage error. */
function claimDetails(v: Values): Details {
  const out: Details = {};
  if (v.actor !== undefined) {
    const actor = v.actor.trim();
    if (!actor) throw new UsageError('--actor needs a name (leave the option out for no actor)');
    if (actor.length > ACTOR_MAX) throw new UsageError(`--actor is longer than ${ACTOR_MAX} characters`);
    out.actor = actor;
  }
  if (v.stance !== undefined) {
    const stance = Stance.safeParse(v.stance.trim().toLowerCase());
    if (!stance.success)
      throw new UsageError(`--stance must be ${Stance.options.join(', ')} (got "${v.stance}")`);
    out.stance = stance.data;
  }
  if (v.grading?.length) {
    if (v.grading.length > 1) throw new UsageError('give --grading once (a claim has one grading)');
    const grading = parseGrading(v.grading[0]);
    if (!grading) throw new UsageError(`--grading must be ${GRADING_HINT} (got "${v.grading[0]}")`);
    // Either part alone leaves the other unset.
    if (grading.reliability) out.reliability = grading.reliability;
    if (grading.credibility) out.credibility = grading.credibility;
  }
  return out;
}

export const tag: Command = {
  name: 'tag',
  usage: USAGE['tag'],
  run: async ([file], v) => {
    const docId = positiveInt(v.doc?.[0], '--doc');
    if (!v.quote) throw new UsageError('--quote is required');
    if (!v.domain?.length) throw new UsageError('at least one --domain is required');
    const occurrence = v.occurrence ? positiveInt(v.occurrence, '--occurrence') : 1;
    // Checked before the project is opened: a mistyped option changes nothing and says so.
    const details = claimDetails(v);
    const p = needProject(file);
    const domainIds = await call(p, 'domainIdsByName', { names: v.domain });
    const claim = await call(p, 'tagQuote', {
      docId,
      quote: v.quote,
      occurrence,
      domainIds,
      note: v.note,
      ...details,
    });
    const [pub] = await publicClaims(p, [claim]);
    return {
      json: pub,
      text: [
        `Tagged claim ${pub.id} in document ${docId} (${pub.start}–${pub.end}): ${pub.domains.join(', ')}`,
        ...(pub.actor ? [`actor ${pub.actor}`] : []),
        ...(pub.stance ? [pub.stance] : []),
        ...(pub.reliability || pub.credibility
          ? [`graded ${pub.reliability ?? ''}${pub.credibility ?? ''}`]
          : []),
      ].join(' · '),
    };
  },
};

export const claims: Command = {
  name: 'claims',
  usage: USAGE['claims'],
  run: async ([file], v) => {
    const p = needProject(file);
    const docId = v.doc?.[0] ? positiveInt(v.doc[0], '--doc') : undefined;
    const domainId = v.domain?.[0]
      ? (await call(p, 'domainIdsByName', { names: [v.domain[0]] }))[0]
      : undefined;
    const rows = await publicClaims(p, await call(p, 'listClaims', { docId, domainId }));
    const short = (q: string): string => (q.length > 70 ? `${q.slice(0, 69)}…` : q);
    return {
      json: rows,
      text: rows.length
        ? table(rows.map((c) => [c.id, c.docId, c.domains.join('; '), short(c.quote)]))
        : 'No claims.',
    };
  },
};
