import { paletteColor } from '../../../shared/palette';
import { anchorAt } from '../../../shared/text';
import { documentText, insertClaim, setClaimDomains } from '../claims';
import { moveDomain, updateDomain } from '../codebook';
import { type Db, nowIso } from '../db';
import { addDocument } from '../documents';
import { createDomain, findDomainByName } from '../domains';
import { recordEdit } from '../history';
import { rememberGuid } from '../refiqda/guids';
import type { MergePlan } from './plan';

// Writes a merge plan as one undoable step: new domains (under their matched or new parents), the codebook rule
// for renamed and moved domains, new documents, new claims, and theirs beside ours for a conflict, marked in
// claim_conflicts. Documents are not part of undo steps (as with an import): undoing a merge takes its domains
// and claims away and leaves the documents it added.

export interface Applied {
  /** Their claim (index in plan.claims) → the claim added for it. */
  addedClaims: Map<number, number>;
  problems: { kind: string; name: string; reason: string }[];
  /** Domains whose rename or move could not be taken (a name ours already uses elsewhere). */
  notTaken: Map<string, string>;
}

export function applyMerge(db: Db, plan: MergePlan): Applied {
  const applied: Applied = { addedClaims: new Map(), problems: [], notTaken: new Map() };
  recordEdit(db, `merge ${plan.source.name}`, (t) => {
    const domainId = new Map<string, number>();
    for (const m of plan.domains) if (m.kind === 'matched') domainId.set(m.theirs.guid, m.ours.id);
    const base = (db.cached('SELECT count(*) AS n FROM domains').get() as { n: number }).n;
    let created = 0;
    // Parents before children: the file lists them in any order.
    const pending = plan.domains.filter((m) => m.kind === 'added');
    while (pending.length) {
      const i = pending.findIndex(
        (m) =>
          m.theirs.parentGuid === null ||
          domainId.has(m.theirs.parentGuid) ||
          !inPlan(plan, m.theirs.parentGuid),
      );
      const m = pending.splice(i === -1 ? 0 : i, 1)[0];
      let name = m.theirs.name;
      for (let n = 2; findDomainByName(db, name); n++) name = `${m.theirs.name} (${plan.source.name} ${n})`;
      const id = createDomain(db, {
        name,
        color: m.theirs.color ?? paletteColor(base + created),
        colorChosen: m.theirs.color !== null,
        description: m.theirs.description,
        codable: m.theirs.codable,
        parentId: m.theirs.parentGuid ? (domainId.get(m.theirs.parentGuid) ?? null) : null,
        order: base + created++,
      });
      t.createdDomains([id]);
      rememberGuid(db, 'code', id, m.theirs.guid);
      domainId.set(m.theirs.guid, id);
    }
    if (plan.rule === 'take-theirs') takeTheirs(db, plan, domainId, applied);

    const docId = new Map<string, number>();
    for (const d of plan.documents) {
      if (d.kind === 'identical') {
        docId.set(d.theirs.key, d.ourId);
        continue;
      }
      const r = addDocument(db, {
        title: d.theirs.title,
        text: d.theirs.text,
        format: d.theirs.format,
        source: d.theirs.source,
        author: d.theirs.author,
        published: d.theirs.published,
        url: d.theirs.url,
        originalName: d.theirs.originalName,
        meta: d.theirs.meta,
      });
      docId.set(d.theirs.key, r.id);
    }

    const times = db.cached('UPDATE claims SET created_at = ?, updated_at = ? WHERE id = ?');
    const mark = db.cached(
      'INSERT OR REPLACE INTO claim_conflicts (claim_id, with_claim_id, source, merged_at) VALUES (?, ?, ?, ?)',
    );
    const now = nowIso();
    plan.claims.forEach((m, index) => {
      if (m.kind !== 'added' && m.kind !== 'conflict') return;
      const c = m.theirs;
      const doc = docId.get(c.docKey) as number;
      const id = insertClaim(db, doc, anchorAt(documentText(db, doc), c.start, c.end), c);
      t.createdClaims([id]);
      setClaimDomains(
        db,
        id,
        c.domainGuids.map((g) => domainId.get(g) as number),
      );
      if (c.created) times.run(c.created, c.updated ?? c.created, id);
      if (m.kind === 'conflict') mark.run(id, m.ourId, plan.source.name, now);
      applied.addedClaims.set(index, id);
    });
  });
  return applied;
}

function inPlan(plan: MergePlan, guid: string): boolean {
  return plan.domains.some((m) => m.theirs.guid === guid);
}

/** Their names and places for the domains both sides have (updateDomain and moveDomain join this step). */
function takeTheirs(db: Db, plan: MergePlan, domainId: Map<string, number>, applied: Applied): void {
  for (const m of plan.domains) {
    if (m.kind !== 'matched') continue;
    if (m.renamed) {
      const taken = findDomainByName(db, m.theirs.name);
      if (taken && taken.id !== m.ours.id)
        applied.notTaken.set(m.theirs.guid, `our domain "${taken.name}" already has that name`);
      else updateDomain(db, { id: m.ours.id, name: m.theirs.name });
    }
    if (m.moved) {
      const parentId = m.theirs.parentGuid === null ? null : (domainId.get(m.theirs.parentGuid) ?? null);
      try {
        moveDomain(db, { id: m.ours.id, parentId });
      } catch (error) {
        applied.notTaken.set(m.theirs.guid, error instanceof Error ? error.message : String(error));
      }
    }
  }
}
