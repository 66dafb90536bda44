import { type Db, nowIso } from './db';
import { DossierError } from './errors';
import { getAnalyst } from './settings';

// Undo/redo for the session: every claim and codebook edit runs inside `recordEdit`, which snapshots the rows the
// edit declares it will touch before it runs and again after it ran. Undo writes the "before" rows back and redo
// the "after" rows, so each entry is its own inverse and a restored claim keeps its id, domains and attributes.
// The history lives in memory per open connection: closing the project ends the session.

/** A claim's own columns as stored (what an undo writes back). */
export interface ClaimColumns {
  id: number;
  document_id: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
  analyst: string;
  created_at: string;
  updated_at: string;
}

export interface ClaimState extends ClaimColumns {
  /** 1 when the claim was accepted from a suggestion (migration 0013): redo after undo keeps the mark. */
  suggested: number;
  domainIds: number[];
}

export interface DomainState {
  id: number;
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  parent_id: number | null;
  sort_order: number;
  codable: number;
  color_chosen: number;
}

/** A memo's columns as stored (memos/). */
export interface MemoState {
  id: number;
  title: string;
  text: string;
  analyst: string;
  document_id: number | null;
  claim_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A document set's columns with its members (sets/). */
export interface SetState {
  id: number;
  name: string;
  description: string;
  created_at: string;
  docIds: number[];
}

/** A document's editable columns (its text never changes: only what the analyst may correct). */
export interface DocumentState {
  id: number;
  title: string;
}

interface Change<T> {
  id: number;
  before: T | null;
  after: T | null;
}

interface Entry {
  label: string;
  claims: Change<ClaimState>[];
  domains: Change<DomainState>[];
  memos: Change<MemoState>[];
  sets: Change<SetState>[];
  documents: Change<DocumentState>[];
}

/** Declares what an edit touches; call before changing a row, or right after creating one. */
export interface Tracker {
  claims(ids: Iterable<number>): void;
  createdClaims(ids: Iterable<number>): void;
  domains(ids: Iterable<number>): void;
  createdDomains(ids: Iterable<number>): void;
  memos(ids: Iterable<number>): void;
  createdMemos(ids: Iterable<number>): void;
  sets(ids: Iterable<number>): void;
  createdSets(ids: Iterable<number>): void;
  documents(ids: Iterable<number>): void;
}

export interface HistorySession {
  undo: Entry[];
  redo: Entry[];
  active: {
    claims: Map<number, ClaimState | null>;
    domains: Map<number, DomainState | null>;
    memos: Map<number, MemoState | null>;
    sets: Map<number, SetState | null>;
    documents: Map<number, DocumentState | null>;
  } | null;
  /** > 0 inside withoutHistory. */
  suspended: number;
}

/** Entries kept per session; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

function session(db: Db): HistorySession {
  return (db.history ??= { undo: [], redo: [], active: null, suspended: 0 });
}

const CLAIM_COLUMNS = `id, document_id, start, end, quote, prefix, suffix, note, actor, stance, reliability,
  credibility, analyst, created_at, updated_at, suggested`;

export function claimStates(db: Db, ids: number[]): Map<number, ClaimState> {
  const out = new Map<number, ClaimState>();
  if (ids.length === 0) return out;
  const rows = db
    .cached(
      `SELECT ${CLAIM_COLUMNS},
         (SELECT group_concat(domain_id) FROM claim_domains WHERE claim_id = c.id) AS domain_ids
       FROM claims c WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<ClaimState, 'domainIds'> & { domain_ids: string | null })[];
  for (const { domain_ids, ...r } of rows) {
    const domainIds = domain_ids
      ? domain_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [];
    out.set(r.id, { ...r, domainIds });
  }
  return out;
}

export function domainStates(db: Db, ids: number[]): Map<number, DomainState> {
  const out = new Map<number, DomainState>();
  if (ids.length === 0) return out;
  const rows = db
    .cached(
      `SELECT id, name, color, description, inclusion, exclusion, parent_id, sort_order, codable, color_chosen
       FROM domains WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as DomainState[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

const MEMO_COLUMNS = 'id, title, text, analyst, document_id, claim_id, created_at, updated_at';

export function memoStates(db: Db, ids: number[]): Map<number, MemoState> {
  const out = new Map<number, MemoState>();
  if (ids.length === 0) return out;
  const rows = db
    .cached(`SELECT ${MEMO_COLUMNS} FROM memos WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as MemoState[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

export function setStates(db: Db, ids: number[]): Map<number, SetState> {
  const out = new Map<number, SetState>();
  if (ids.length === 0) return out;
  const rows = db
    .cached(
      `SELECT id, name, description, created_at,
         (SELECT group_concat(document_id) FROM document_set_members WHERE set_id = s.id) AS doc_ids
       FROM document_sets s WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<SetState, 'docIds'> & { doc_ids: string | null })[];
  for (const { doc_ids, ...r } of rows) {
    const docIds = doc_ids
      ? doc_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [];
    out.set(r.id, { ...r, docIds });
  }
  return out;
}

export function documentStates(db: Db, ids: number[]): Map<number, DocumentState> {
  const out = new Map<number, DocumentState>();
  if (ids.length === 0) return out;
  const rows = db
    .cached('SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as DocumentState[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

/** Memos linked to these claims: deleting a claim unlinks them, so its undo must link them again. */
function memosOfClaims(db: Db, claimIds: number[]): number[] {
  if (claimIds.length === 0) return [];
  return db
    .cached('SELECT id FROM memos WHERE claim_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(claimIds)) as number[];
}

/**
 * Runs an edit as one undoable step (and one transaction). Edits nested inside another edit join it, so that
 * e.g. autocode, which creates many claims, is undone in one step.
 */
export function recordEdit<T>(db: Db, label: string, fn: (t: Tracker) => T): T {
  const s = session(db);
  if (s.active) return fn(tracker(db, s.active));
  if (s.suspended) return db.transaction(() => fn(IGNORE))();
  if (db.inTransaction) {
    // Called inside a transaction someone else opened: that is bulk work (an import, a sample project), not an
    // analyst's edit. It is not recorded, and the history is dropped since its snapshots may no longer match.
    // Code that wants several edits undone as one step nests them in recordEdit instead.
    clearHistory(db);
    return fn(IGNORE);
  }
  const active = {
    claims: new Map<number, ClaimState | null>(),
    domains: new Map<number, DomainState | null>(),
    memos: new Map<number, MemoState | null>(),
    sets: new Map<number, SetState | null>(),
    documents: new Map<number, DocumentState | null>(),
  };
  s.active = active;
  try {
    const entry = db.transaction(() => {
      const result = fn(tracker(db, active));
      const e = buildEntry(db, label, active);
      writeLog(db, e, label);
      return { result, e };
    })();
    if (!isEmpty(entry.e)) {
      s.undo.push(entry.e);
      if (s.undo.length > HISTORY_LIMIT) s.undo.splice(0, s.undo.length - HISTORY_LIMIT);
      s.redo = [];
    }
    return entry.result;
  } finally {
    s.active = null;
  }
}

const IGNORE: Tracker = {
  claims() {},
  createdClaims() {},
  domains() {},
  createdDomains() {},
  memos() {},
  createdMemos() {},
  sets() {},
  createdSets() {},
  documents() {},
};

function isEmpty(e: Entry): boolean {
  return !e.claims.length && !e.domains.length && !e.memos.length && !e.sets.length && !e.documents.length;
}

function tracker(db: Db, active: NonNullable<HistorySession['active']>): Tracker {
  const track = <T>(
    map: Map<number, T | null>,
    ids: Iterable<number>,
    read: (ids: number[]) => Map<number, T>,
  ) => {
    const fresh = [...new Set(ids)].filter((id) => !map.has(id));
    const states = read(fresh);
    for (const id of fresh) map.set(id, states.get(id) ?? null);
  };
  const created = <T>(map: Map<number, T | null>, ids: Iterable<number>) => {
    for (const id of ids) if (!map.has(id)) map.set(id, null);
  };
  const trackMemos = (ids: Iterable<number>) => track(active.memos, ids, (x) => memoStates(db, x));
  return {
    claims: (ids) => {
      const list = [...ids];
      track(active.claims, list, (x) => claimStates(db, x));
      trackMemos(memosOfClaims(db, list));
    },
    createdClaims: (ids) => created(active.claims, ids),
    domains: (ids) => track(active.domains, ids, (x) => domainStates(db, x)),
    createdDomains: (ids) => created(active.domains, ids),
    memos: trackMemos,
    createdMemos: (ids) => created(active.memos, ids),
    sets: (ids) => track(active.sets, ids, (x) => setStates(db, x)),
    createdSets: (ids) => created(active.sets, ids),
    documents: (ids) => track(active.documents, ids, (x) => documentStates(db, x)),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function buildEntry(db: Db, label: string, active: NonNullable<HistorySession['active']>): Entry {
  const claimsAfter = claimStates(db, [...active.claims.keys()]);
  const domainsAfter = domainStates(db, [...active.domains.keys()]);
  const claims: Change<ClaimState>[] = [];
  for (const [id, before] of active.claims) {
    const after = claimsAfter.get(id) ?? null;
    if (!same(before, after)) claims.push({ id, before, after });
  }
  const domains: Change<DomainState>[] = [];
  for (const [id, before] of active.domains) {
    const after = domainsAfter.get(id) ?? null;
    if (!same(before, after)) domains.push({ id, before, after });
  }
  const memosAfter = memoStates(db, [...active.memos.keys()]);
  const memos: Change<MemoState>[] = [];
  for (const [id, before] of active.memos) {
    const after = memosAfter.get(id) ?? null;
    if (!same(before, after)) memos.push({ id, before, after });
  }
  const setsAfter = setStates(db, [...active.sets.keys()]);
  const sets: Change<SetState>[] = [];
  for (const [id, before] of active.sets) {
    const after = setsAfter.get(id) ?? null;
    if (!same(before, after)) sets.push({ id, before, after });
  }
  const documentsAfter = documentStates(db, [...active.documents.keys()]);
  const documents: Change<DocumentState>[] = [];
  for (const [id, before] of active.documents) {
    const after = documentsAfter.get(id) ?? null;
    if (!same(before, after)) documents.push({ id, before, after });
  }
  return { label, claims, domains, memos, sets, documents };
}

function writeLog(db: Db, e: Entry, action: string): void {
  if (isEmpty(e)) return;
  const at = nowIso();
  const analyst = getAnalyst(db);
  const stmt = db.cached(
    'INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of e.claims) stmt.run(at, analyst, action, 'claim', c.id);
  for (const d of e.domains) stmt.run(at, analyst, action, 'domain', d.id);
  for (const m of e.memos) stmt.run(at, analyst, action, 'memo', m.id);
  for (const x of e.sets) stmt.run(at, analyst, action, 'set', x.id);
  // Document edits (a corrected title) are not logged: the log's CHECK admits no 'document' entries yet, and
  // changing it copies the log (a migration of its own, as 0009 and 0010 did).
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo would revert, e.g. "tag claim"; null when there is nothing. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface HistoryStep {
  /** The edit that was undone or redone; null when there was nothing to undo (or redo). */
  label: string | null;
  /** Claims whose rows changed (created, edited or deleted by the step). */
  claimIds: number[];
  /** Documents holding those claims, so that a reader can refresh just those. */
  docIds: number[];
  /** Domains whose rows changed. */
  domainIds: number[];
  /** True when the codebook changed (domains, or claim counts per domain). */
  codebookChanged: boolean;
  state: HistoryState;
}

export function historyState(db: Db): HistoryState {
  const s = session(db);
  const u = s.undo[s.undo.length - 1];
  const r = s.redo[s.redo.length - 1];
  return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
}

/** Forgets the session's history (e.g. after a change made outside it). */
export function clearHistory(db: Db): void {
  const s = session(db);
  s.undo = [];
  s.redo = [];
}

export function undo(db: Db): HistoryStep {
  return step(db, 'undo');
}

export function redo(db: Db): HistoryStep {
  return step(db, 'redo');
}

function step(db: Db, direction: 'undo' | 'redo'): HistoryStep {
  const s = session(db);
  if (s.active) throw new DossierError('conflict', `cannot ${direction} during another edit`);
  const from = direction === 'undo' ? s.undo : s.redo;
  const to = direction === 'undo' ? s.redo : s.undo;
  const entry = from[from.length - 1];
  // Ctrl+Z with nothing to undo is not an error: nothing happens, and the answer says so.
  if (!entry) {
    return {
      label: null,
      claimIds: [],
      docIds: [],
      domainIds: [],
      codebookChanged: false,
      state: historyState(db),
    };
  }
  const target = direction === 'undo' ? 'before' : 'after';
  const current = direction === 'undo' ? 'after' : 'before';
  try {
    db.transaction(() => {
      restore(db, entry, current, target);
      writeLog(db, entry, `${direction} ${entry.label}`);
    })();
  } catch (error) {
    // The rows no longer match the history (changed outside this session): the history cannot be trusted.
    clearHistory(db);
    if (error instanceof DossierError) throw error;
    throw new DossierError(
      'conflict',
      `cannot ${direction} "${entry.label}": ${error instanceof Error ? error.message : String(error)}. The undo history was cleared.`,
    );
  }
  from.pop();
  to.push(entry);
  const docIds = new Set<number>(entry.documents.map((d) => d.id));
  for (const c of entry.claims) {
    if (c.before) docIds.add(c.before.document_id);
    if (c.after) docIds.add(c.after.document_id);
  }
  return {
    label: entry.label,
    claimIds: entry.claims.map((c) => c.id),
    docIds: [...docIds].sort((a, b) => a - b),
    domainIds: entry.domains.map((d) => d.id),
    codebookChanged: entry.domains.length > 0 || entry.claims.length > 0,
    state: historyState(db),
  };
}

function restore(db: Db, e: Entry, current: 'before' | 'after', target: 'before' | 'after'): void {
  const nowClaims = claimStates(
    db,
    e.claims.map((c) => c.id),
  );
  const nowDomains = domainStates(
    db,
    e.domains.map((d) => d.id),
  );
  const nowMemos = memoStates(
    db,
    e.memos.map((m) => m.id),
  );
  const staleClaim = e.claims.find((c) => !same(nowClaims.get(c.id) ?? null, c[current]));
  const staleDomain = e.domains.find((d) => !same(nowDomains.get(d.id) ?? null, d[current]));
  const staleMemo = e.memos.find((m) => !same(nowMemos.get(m.id) ?? null, m[current]));
  const nowSets = setStates(
    db,
    e.sets.map((x) => x.id),
  );
  const staleSet = e.sets.find((x) => !same(nowSets.get(x.id) ?? null, x[current]));
  if (staleClaim || staleDomain || staleMemo || staleSet) {
    const what = staleClaim
      ? `claim ${staleClaim.id}`
      : staleDomain
        ? `domain ${staleDomain.id}`
        : staleMemo
          ? `memo ${staleMemo.id}`
          : `document set ${staleSet?.id}`;
    throw new DossierError(
      'conflict',
      `cannot ${target === 'before' ? 'undo' : 'redo'} "${e.label}": ${what} was changed outside this session. The undo history was cleared.`,
    );
  }
  // Domains first (parents linked once all exist), then claims, then domains that go away.
  const upsertDomain = db.cached(
    `INSERT INTO domains (id, name, color, description, inclusion, exclusion, parent_id, sort_order, codable,
       color_chosen)
     VALUES (@id, @name, @color, @description, @inclusion, @exclusion, NULL, @sort_order, @codable, @color_chosen)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color,
       description = excluded.description, inclusion = excluded.inclusion, exclusion = excluded.exclusion,
       sort_order = excluded.sort_order, codable = excluded.codable, color_chosen = excluded.color_chosen`,
  );
  const setParent = db.cached('UPDATE domains SET parent_id = ? WHERE id = ?');
  const kept = e.domains.map((d) => d[target]).filter((d): d is DomainState => d !== null);
  for (const d of kept) upsertDomain.run(d);
  for (const d of kept) setParent.run(d.parent_id, d.id);

  const delClaim = db.cached('DELETE FROM claims WHERE id = ?');
  const upsertClaim = db.cached(
    `INSERT INTO claims (${CLAIM_COLUMNS}) VALUES (@id, @document_id, @start, @end, @quote, @prefix, @suffix,
       @note, @actor, @stance, @reliability, @credibility, @analyst, @created_at, @updated_at, @suggested)
     ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, start = excluded.start,
       end = excluded.end, quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix,
       note = excluded.note, actor = excluded.actor, stance = excluded.stance, reliability = excluded.reliability,
       credibility = excluded.credibility, analyst = excluded.analyst, created_at = excluded.created_at,
       updated_at = excluded.updated_at, suggested = excluded.suggested`,
  );
  const unlink = db.cached('DELETE FROM claim_domains WHERE claim_id = ?');
  const link = db.cached('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
  for (const c of e.claims) if (c[target] === null) delClaim.run(c.id);
  for (const c of e.claims) {
    const t = c[target];
    if (!t) continue;
    const { domainIds, ...row } = t;
    upsertClaim.run(row);
    unlink.run(c.id);
    for (const d of domainIds) link.run(c.id, d);
  }

  const linked = db.prepareOnce('SELECT count(*) AS n FROM claim_domains WHERE domain_id = ?');
  const delDomain = db.cached('DELETE FROM domains WHERE id = ?');
  for (const d of e.domains) {
    if (d[target] !== null) continue;
    if ((linked.get(d.id) as { n: number }).n > 0) {
      throw new DossierError(
        'conflict',
        `cannot remove domain ${d.id}: claims made outside this session use it. The undo history was cleared.`,
      );
    }
    delDomain.run(d.id);
  }
  restoreMemos(db, e, target);
  restoreSets(db, e, target);
  restoreDocuments(db, e, current, target);
}

/** Document titles; a document deleted since cannot be given its title back. */
function restoreDocuments(db: Db, e: Entry, current: 'before' | 'after', target: 'before' | 'after'): void {
  if (e.documents.length === 0) return;
  const now = documentStates(
    db,
    e.documents.map((d) => d.id),
  );
  const stale = e.documents.find((d) => !same(now.get(d.id) ?? null, d[current]));
  if (stale) {
    throw new DossierError(
      'conflict',
      `cannot ${target === 'before' ? 'undo' : 'redo'} "${e.label}": document ${stale.id} was changed outside this session. The undo history was cleared.`,
    );
  }
  const setTitle = db.cached('UPDATE documents SET title = ? WHERE id = ?');
  for (const d of e.documents) {
    const t = d[target];
    if (t) setTitle.run(t.title, d.id);
  }
}

/** Sets and their members, as the step left them (their documents are not part of any step). */
function restoreSets(db: Db, e: Entry, target: 'before' | 'after'): void {
  const del = db.cached('DELETE FROM document_sets WHERE id = ?');
  const upsert = db.cached(
    `INSERT INTO document_sets (id, name, description, created_at) VALUES (@id, @name, @description, @created_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
       created_at = excluded.created_at`,
  );
  const clear = db.cached('DELETE FROM document_set_members WHERE set_id = ?');
  const add = db.cached(
    'INSERT INTO document_set_members (set_id, document_id) SELECT ?, value FROM json_each(?)',
  );
  // Deletions first, so that a set renamed into a name another one gave up does not collide.
  for (const x of e.sets) if (x[target] === null) del.run(x.id);
  for (const x of e.sets) {
    const t = x[target];
    if (!t) continue;
    const { docIds, ...row } = t;
    upsert.run(row);
    clear.run(x.id);
    add.run(x.id, JSON.stringify(docIds));
  }
}

/** Memos last: they link to claims and documents restored above. */
function restoreMemos(db: Db, e: Entry, target: 'before' | 'after'): void {
  const del = db.cached('DELETE FROM memos WHERE id = ?');
  const upsert = db.cached(
    `INSERT INTO memos (${MEMO_COLUMNS}) VALUES (@id, @title, @text, @analyst, @document_id, @claim_id,
       @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, text = excluded.text, analyst = excluded.analyst,
       document_id = excluded.document_id, claim_id = excluded.claim_id, created_at = excluded.created_at,
       updated_at = excluded.updated_at`,
  );
  for (const m of e.memos) {
    const t = m[target];
    if (t === null) del.run(m.id);
    else upsert.run(t);
  }
}

/**
 * Runs bulk work that changes claims or domains (an import, a sample project) without recording it: no undo
 * entries, no snapshots, no edit log. The session's history is dropped afterwards, since its snapshots may no
 * longer match the rows.
 */
export function withoutHistory<T>(db: Db, fn: () => T): T {
  const s = session(db);
  s.suspended++;
  try {
    return fn();
  } finally {
    s.suspended--;
    clearHistory(db);
  }
}
