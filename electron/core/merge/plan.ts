import type { Db } from '../db';
import type { ClaimColumns } from '../history';
import { guidMap } from '../refiqda/guids';
import type { MergeSource, SourceClaim, SourceDocument, SourceDomain } from './source';

// Matching the other side against the open project, before anything is written (a dry run stops here):
// - documents by content: the same canonical text is the same document, whatever its title or file;
// - domains by GUID, then by name (names are unique in a codebook, so a name is its place in the tree too);
// - claims by content first (same document, range, analyst, domains and attributes: identical, skipped), then by
//   GUID and creation time (the same claim, edited since in one copy or both: a conflict, kept twice and marked).
// Identity by content is what makes a merge idempotent and the same in both directions: whatever was added, or
// kept beside ours as a conflict, is found identical the next time.

export type DomainRule = 'keep-ours' | 'take-theirs';

export interface OurDomain {
  id: number;
  name: string;
  parentId: number | null;
}

export type DomainMatch =
  | { kind: 'added'; theirs: SourceDomain }
  | {
      kind: 'matched';
      by: 'guid' | 'name';
      theirs: SourceDomain;
      ours: OurDomain;
      renamed: boolean;
      moved: boolean;
    };

export type DocumentMatch =
  | { kind: 'added'; theirs: SourceDocument }
  | { kind: 'identical'; theirs: SourceDocument; ourId: number; ourTitle: string };

export type ClaimMatch =
  | { kind: 'added'; theirs: SourceClaim }
  | { kind: 'identical'; theirs: SourceClaim; ourId: number }
  | { kind: 'conflict'; theirs: SourceClaim; ourId: number; differences: string[] }
  | { kind: 'unplaced'; theirs: SourceClaim; reason: string };

export interface MergePlan {
  source: MergeSource;
  rule: DomainRule;
  domains: DomainMatch[];
  /** Our domains the other side does not have (reported; nothing to do). */
  onlyOurs: OurDomain[];
  documents: DocumentMatch[];
  claims: ClaimMatch[];
}

/** A claim's row as both sides' queries read it (source.ts reads the other project's the same way). */
export type ClaimRow = Pick<
  ClaimColumns,
  'id' | 'start' | 'end' | 'note' | 'actor' | 'stance' | 'reliability' | 'credibility' | 'analyst'
> & { docId: number; created: string; domainIds: string | null };

type OurClaim = ClaimRow;

const ATTRIBUTES = ['note', 'actor', 'stance', 'reliability', 'credibility'] as const;

function contentKey(
  docKey: string,
  c: Pick<OurClaim, 'start' | 'end' | 'analyst' | (typeof ATTRIBUTES)[number]>,
  domainKeys: string[],
): string {
  return JSON.stringify([
    docKey,
    c.start,
    c.end,
    c.analyst,
    [...domainKeys].sort(),
    ...ATTRIBUTES.map((a) => c[a] ?? null),
  ]);
}

export function ourDomains(db: Db): OurDomain[] {
  return db.cached('SELECT id, name, parent_id AS parentId FROM domains ORDER BY id').all() as OurDomain[];
}

function planDomains(db: Db, source: MergeSource): { matches: DomainMatch[]; onlyOurs: OurDomain[] } {
  const ours = ourDomains(db);
  const guidOf = guidMap(db, 'code');
  const byGuid = new Map(ours.map((d) => [guidOf(d.id), d]));
  const byName = new Map(ours.map((d) => [d.name.toLowerCase(), d]));
  const kept = new Set(
    db.prepareOnce("SELECT local_key FROM refiqda_guids WHERE kind = 'code'").pluck().all() as string[],
  );
  const matchedIds = new Set<number>();
  const matches: DomainMatch[] = [];
  const oursOf = new Map<string, OurDomain>();
  for (const theirs of source.domains) {
    // A GUID derived from a row id on both sides is shared by domains that two plain copies of a file added
    // apart; it identifies a domain only with its name then. A GUID kept from an import, a merge or a copy for an
    // analyst is the domain's own, renamed or moved as it may be.
    const byId = byGuid.get(theirs.guid);
    const g =
      byId &&
      (theirs.guidKept || kept.has(String(byId.id)) || byId.name.toLowerCase() === theirs.name.toLowerCase())
        ? byId
        : undefined;
    const n = g ? undefined : byName.get(theirs.name.toLowerCase());
    const hit = g ?? n;
    if (!hit || matchedIds.has(hit.id)) {
      matches.push({ kind: 'added', theirs });
      continue;
    }
    matchedIds.add(hit.id);
    oursOf.set(theirs.guid, hit);
    matches.push({
      kind: 'matched',
      by: g ? 'guid' : 'name',
      theirs,
      ours: hit,
      renamed: false,
      moved: false,
    });
  }
  // Moves are known once every domain is matched: their parent is ours when it was matched, else a new one.
  for (const m of matches) {
    if (m.kind !== 'matched') continue;
    m.renamed = m.theirs.name !== m.ours.name;
    const theirParent = m.theirs.parentGuid;
    const mapped = theirParent === null ? null : (oursOf.get(theirParent)?.id ?? -1);
    m.moved = mapped !== m.ours.parentId;
  }
  return { matches, onlyOurs: ours.filter((d) => !matchedIds.has(d.id)) };
}

export function planMerge(db: Db, source: MergeSource, rule: DomainRule): MergePlan {
  const { matches: domains, onlyOurs } = planDomains(db, source);
  const domainKey = new Map<string, string>();
  for (const m of domains)
    domainKey.set(m.theirs.guid, m.kind === 'matched' ? `id:${m.ours.id}` : `new:${m.theirs.guid}`);

  const ourDocs = new Map(
    (
      db.cached('SELECT id, title, content_hash AS hash, char_count AS chars FROM documents').all() as {
        id: number;
        title: string;
        hash: string;
      }[]
    ).map((d) => [d.hash, d]),
  );
  const documents: DocumentMatch[] = [];
  const docKeyOf = new Map<string, { key: string; length: number }>();
  for (const theirs of source.documents) {
    const ours = ourDocs.get(theirs.hash);
    documents.push(
      ours ? { kind: 'identical', theirs, ourId: ours.id, ourTitle: ours.title } : { kind: 'added', theirs },
    );
    docKeyOf.set(theirs.key, { key: theirs.hash, length: theirs.text.length });
  }

  const ourClaims = db
    .cached(
      `SELECT c.id, c.document_id AS docId, c.start, c.end, c.note, c.actor, c.stance, c.reliability, c.credibility,
         c.analyst, c.created_at AS created, d.content_hash AS hash,
         (SELECT group_concat(domain_id) FROM claim_domains WHERE claim_id = c.id) AS domainIds
       FROM claims c JOIN documents d ON d.id = c.document_id`,
    )
    .all() as (OurClaim & { hash: string })[];
  const guidOf = guidMap(db, 'claim');
  const byContent = new Map<string, number>();
  const byGuid = new Map<string, OurClaim & { hash: string }>();
  for (const c of ourClaims) {
    const ids = c.domainIds ? c.domainIds.split(',').map((d) => `id:${d}`) : [];
    byContent.set(contentKey(c.hash, c, ids), c.id);
    byGuid.set(guidOf(c.id), c);
  }

  const claims: ClaimMatch[] = [];
  const seen = new Set<string>();
  for (const theirs of source.claims) {
    const doc = docKeyOf.get(theirs.docKey);
    if (!doc || theirs.end > doc.length || theirs.start < 0 || theirs.end <= theirs.start) {
      claims.push({ kind: 'unplaced', theirs, reason: 'its passage is not inside a document of the file' });
      continue;
    }
    const keys = theirs.domainGuids.map((g) => domainKey.get(g));
    if (!keys.length || keys.some((k) => k === undefined)) {
      claims.push({ kind: 'unplaced', theirs, reason: 'it names no domain of the file' });
      continue;
    }
    const key = contentKey(doc.key, theirs, keys as string[]);
    const same = byContent.get(key);
    if (same !== undefined) {
      claims.push({ kind: 'identical', theirs, ourId: same });
      continue;
    }
    // The other side holding the same claim twice adds it once.
    if (seen.has(key)) {
      claims.push({ kind: 'identical', theirs, ourId: -1 });
      continue;
    }
    seen.add(key);
    const ours = theirs.guid ? byGuid.get(theirs.guid) : undefined;
    // A GUID derived from a rowid is shared by unrelated claims of two plain file copies; the creation time tells
    // the same claim edited apart from two claims that happen to share a number.
    if (ours && (theirs.created === null || theirs.created === ours.created)) {
      const differences = differencesOf(ours, theirs, doc.key, keys as string[]);
      claims.push({ kind: 'conflict', theirs, ourId: ours.id, differences });
      continue;
    }
    claims.push({ kind: 'added', theirs });
  }
  return { source, rule, domains, onlyOurs, documents, claims };
}

function differencesOf(
  ours: OurClaim & { hash: string },
  theirs: SourceClaim,
  docHash: string,
  keys: string[],
): string[] {
  const out: string[] = [];
  if (ours.hash !== docHash) out.push('document');
  if (ours.start !== theirs.start || ours.end !== theirs.end) out.push('range');
  if (ours.analyst !== theirs.analyst) out.push('analyst');
  const ourKeys = ours.domainIds ? ours.domainIds.split(',').map((d) => `id:${d}`) : [];
  if (JSON.stringify([...ourKeys].sort()) !== JSON.stringify([...keys].sort())) out.push('domains');
  for (const a of ATTRIBUTES) if ((ours[a] ?? null) !== (theirs[a] ?? null)) out.push(a);
  return out;
}
