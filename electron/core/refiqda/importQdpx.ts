import fs from 'node:fs';
import type { QdpxImportReport } from '../../../shared/api/exports';
import { paletteColor } from '../../../shared/palette';
import { createClaim } from '../claims';
import type { Db } from '../db';
import { addDocument } from '../documents';
import { createDomain, findDomainByName } from '../domains';
import { DossierError } from '../errors';
import { closeProject, createProject, setMeta } from '../project';
import { applyMemos } from './applyMemos';
import { applySets } from './sets';
import { rememberGuid } from './guids';
import type { ImportIssue, PlanCode, QdpxPlan } from './plan';
import { readQdpx } from './readQdpx';

export type { QdpxImportReport } from '../../../shared/api/exports';

/**
 * Adds codes to the codebook with their hierarchy. A code whose GUID or name is already there is reused; a name
 * taken by a different code in the same file gets its parent's name added. Returns GUID → domain id.
 */
export function addCodes(
  db: Db,
  codes: PlanCode[],
  problems: ImportIssue[],
): { ids: Map<string, number>; created: number } {
  const ids = new Map<string, number>();
  const known = db.cached("SELECT local_key FROM refiqda_guids WHERE kind = 'code' AND guid = ?");
  const exists = db.cached('SELECT 1 FROM domains WHERE id = ?');
  const createdNames = new Set<string>();
  let created = 0;
  const base = (db.cached('SELECT count(*) AS n FROM domains').get() as { n: number }).n;
  for (const code of codes) {
    const remembered = known.get(code.guid) as { local_key: string } | undefined;
    if (remembered && exists.get(Number(remembered.local_key))) {
      ids.set(code.guid, Number(remembered.local_key));
      continue;
    }
    const parentId = code.parentGuid ? (ids.get(code.parentGuid) ?? null) : null;
    let name = code.name;
    const same = findDomainByName(db, name);
    if (same && !createdNames.has(name.toLowerCase())) {
      ids.set(code.guid, same.id);
      rememberGuid(db, 'code', same.id, code.guid);
      continue;
    }
    if (same) {
      const parent = code.parentGuid ? codes.find((c) => c.guid === code.parentGuid)?.name : undefined;
      let n = 2;
      name = parent ? `${code.name} (${parent})` : `${code.name} (2)`;
      while (findDomainByName(db, name)) name = `${code.name} (${parent ?? ''}${parent ? ' ' : ''}${++n})`;
      problems.push({
        kind: 'code',
        name: code.name,
        reason: `another code has the same name: imported as "${name}"`,
      });
    }
    // A code without a colour is shown in a palette colour, marked as not chosen so that exports leave it out.
    const id = createDomain(db, {
      name,
      color: code.color ?? paletteColor(base + created),
      colorChosen: code.color !== null,
      codable: code.codable,
      description: code.description,
      parentId,
      order: base + created,
    });
    createdNames.add(name.toLowerCase());
    rememberGuid(db, 'code', id, code.guid);
    ids.set(code.guid, id);
    created++;
  }
  return { ids, created };
}

function uniqueAttributeName(db: Db, name: string): string {
  const taken = db.cached('SELECT 1 FROM attributes WHERE name = ? COLLATE NOCASE');
  let candidate = name;
  for (let n = 2; taken.get(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

/** Writes a checked plan into an empty project, in one transaction. */
export function applyPlan(db: Db, plan: QdpxPlan): Omit<QdpxImportReport, 'path' | 'name' | 'positions'> {
  const problems = [...plan.problems];
  const skipped = [...plan.skipped];
  let claims = 0;
  let sources = 0;
  const result = db.transaction(() => {
    for (const u of plan.users) rememberGuid(db, 'user', u.name, u.guid);
    const codes = addCodes(db, plan.codes, problems);
    const variableIds = new Map<string, number>();
    for (const v of plan.variables) {
      const info = db
        .cached('INSERT INTO attributes (name, type) VALUES (?, ?)')
        .run(uniqueAttributeName(db, v.name), v.type);
      const id = Number(info.lastInsertRowid);
      variableIds.set(v.guid, id);
      rememberGuid(db, 'variable', id, v.guid);
    }
    const setValue = db.cached(
      'INSERT OR REPLACE INTO document_attributes (document_id, attribute_id, value) VALUES (?, ?, ?)',
    );
    const setTimes = db.cached('UPDATE claims SET created_at = ?, updated_at = ? WHERE id = ?');
    const docBySource = new Map<string, number>();
    const claimBySelection = new Map<string, number>();
    for (const s of plan.sources) {
      const added = addDocument(db, {
        title: s.name,
        text: s.text,
        format: 'txt',
        source: s.source,
        author: s.author,
        published: s.published,
        url: s.url,
        originalName: s.name,
        meta: s.meta,
      });
      if (added.status === 'skipped') {
        const other = [...docBySource].find(([, id]) => id === added.id)?.[0];
        skipped.push({
          kind: 'source',
          name: s.name,
          reason: `same text as ${plan.sources.find((x) => x.guid === other)?.name ?? 'another source'}: its selections were added to that document`,
        });
      } else {
        sources++;
        rememberGuid(db, 'source', added.id, s.guid);
      }
      docBySource.set(s.guid, added.id);
      for (const v of s.values) {
        const attributeId = variableIds.get(v.variableGuid);
        if (attributeId !== undefined) setValue.run(added.id, attributeId, v.value);
      }
      for (const sel of s.selections) {
        const domainIds = [...new Set(sel.codings.map((c) => codes.ids.get(c.codeGuid) as number))];
        try {
          const claim = createClaim(db, {
            docId: added.id,
            start: sel.start,
            end: sel.end,
            domainIds,
            note: sel.note,
            actor: sel.actor,
            stance: sel.stance as 'supports' | 'opposes' | 'neutral' | null,
            reliability: sel.reliability as 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | null,
            credibility: sel.credibility,
            analyst: sel.analyst,
          });
          if (sel.created) setTimes.run(sel.created, sel.modified ?? sel.created, claim.id);
          // One selection coded by two analysts became two claims: its GUID goes with the first only.
          if (sel.keepsGuid) rememberGuid(db, 'claim', claim.id, sel.guid);
          if (!claimBySelection.has(sel.guid)) claimBySelection.set(sel.guid, claim.id);
          if (sel.noteGuid) rememberGuid(db, 'note', claim.id, sel.noteGuid);
          for (const c of sel.codings)
            rememberGuid(db, 'coding', `${claim.id}:${codes.ids.get(c.codeGuid)}`, c.guid);
          claims++;
        } catch (error) {
          problems.push({
            kind: 'selection',
            name: `${s.name}: ${sel.guid}`,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
    const memos = applyMemos(db, plan.memos, docBySource, claimBySelection);
    const sets = applySets(db, plan.sets, docBySource);
    return { codes: codes.created, variables: variableIds.size, memos, sets };
  })();
  return {
    sources,
    codes: result.codes,
    claims,
    notes: plan.notes,
    memos: result.memos,
    sets: result.sets,
    users: plan.users.length,
    variables: result.variables,
    skipped,
    problems,
  };
}

/**
 * Imports a .qdpx into a NEW project file. The archive is read and checked first; the project is built beside
 * the target and moved into place only when complete, so a bad file creates nothing.
 */
export function importQdpxFile(bytes: Uint8Array, target: string, fileName = 'the file'): QdpxImportReport {
  if (fs.existsSync(target))
    throw new DossierError('conflict', `${target} already exists: choose a new project file`);
  const plan = readQdpx(bytes, fileName);
  const tmp = `${target}.importing`;
  fs.rmSync(tmp, { force: true });
  const project = createProject(tmp, 'empty');
  let report: Omit<QdpxImportReport, 'path' | 'name' | 'positions'>;
  try {
    report = applyPlan(project.db, plan);
    if (plan.name) setMeta(project.db, 'refiqda_name', plan.name);
    // Whoever created the project in the other tool is the new project's analyst until Settings says otherwise.
    if (plan.analyst) setMeta(project.db, 'analyst', plan.analyst);
    setMeta(project.db, 'imported_from', fileName);
    project.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    closeProject(project);
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    throw error;
  }
  closeProject(project);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, target);
  return { path: target, name: plan.name, positions: plan.positions, ...report };
}
