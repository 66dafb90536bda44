import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { MergeInput, MergeReport } from '../../../shared/api/teamwork';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { applyMerge, type Applied } from './apply';
import { type MergePlan, ourDomains, planMerge } from './plan';
import { readMergeSource } from './source';

type Report = z.infer<typeof MergeReport>;
type Input = z.infer<typeof MergeInput>;

/** Merges another project or a .qdpx into this one (one undoable step), or with dryRun only says what it would do. */
export function mergeProject(db: Db, input: Input, ownPath?: string): Report {
  const file = path.resolve(input.path);
  if (!fs.existsSync(file)) throw new DossierError('not_found', `no file at ${input.path}`);
  if (ownPath && path.resolve(ownPath) === file)
    throw new DossierError('invalid_input', 'a project cannot be merged into itself');
  const source = readMergeSource(file, (f) => fs.readFileSync(f));
  const plan = planMerge(db, source, input.domains);
  if (!input.dryRun && db.readOnlyReason)
    throw new DossierError(
      'read_only',
      `this project is open read-only (${db.readOnlyReason}): nothing was merged`,
    );
  const applied = input.dryRun ? null : applyMerge(db, plan);
  return report(db, plan, applied);
}

const excerpt = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

function report(db: Db, plan: MergePlan, applied: Applied | null): Report {
  const count = <T extends { kind: string }>(xs: T[], kind: string) =>
    xs.filter((x) => x.kind === kind).length;
  const names = new Map(ourDomains(db).map((d) => [d.id, d.name]));
  const theirName = new Map(plan.source.domains.map((d) => [d.guid, d.name]));
  const theirText = new Map(plan.source.documents.map((d) => [d.key, d]));
  const titleOf = (id: number) =>
    (db.cached('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined)?.title ??
    '';
  const items: Report['domains']['items'] = [];
  let differing = 0;
  for (const m of plan.domains) {
    if (m.kind === 'added') {
      items.push({
        name: m.theirs.name,
        status: 'added',
        ours: null,
        theirs: m.theirs.name,
        resolution: 'added',
      });
      continue;
    }
    if (!m.renamed && !m.moved) continue;
    differing++;
    const status = m.renamed && m.moved ? 'renamed and moved' : m.renamed ? 'renamed' : 'moved';
    const notTaken = applied?.notTaken.get(m.theirs.guid);
    const take = plan.rule === 'take-theirs';
    const parentOurs = m.ours.parentId === null ? '' : (names.get(m.ours.parentId) ?? '');
    const parentTheirs = m.theirs.parentGuid === null ? '' : (theirName.get(m.theirs.parentGuid) ?? '');
    items.push({
      name: m.ours.name,
      status,
      ours: m.renamed ? m.ours.name : parentOurs,
      theirs: m.renamed ? m.theirs.name : parentTheirs,
      resolution: notTaken
        ? `kept ours: ${notTaken}`
        : take
          ? applied
            ? 'took theirs'
            : 'would take theirs'
          : 'kept ours',
    });
  }
  for (const d of plan.onlyOurs)
    items.push({ name: d.name, status: 'only ours', ours: d.name, theirs: null, resolution: 'kept' });

  const conflicts: Report['claims']['conflicts'] = [];
  const problems: Report['problems'] = [];
  plan.claims.forEach((m, index) => {
    const doc = theirText.get(m.theirs.docKey);
    const label = `${doc?.title ?? 'a document'} ${m.theirs.start}–${m.theirs.end}`;
    if (m.kind === 'unplaced') problems.push({ kind: 'claim', name: label, reason: m.reason });
    if (m.kind !== 'conflict') return;
    const c = db.cached('SELECT document_id AS docId FROM claims WHERE id = ?').get(m.ourId) as {
      docId: number;
    };
    conflicts.push({
      ourClaimId: m.ourId,
      addedClaimId: applied?.addedClaims.get(index) ?? null,
      documentTitle: titleOf(c.docId),
      excerpt: excerpt(doc ? doc.text.slice(m.theirs.start, m.theirs.end) : ''),
      analyst: m.theirs.analyst,
      differences: m.differences,
    });
  });
  return {
    source: { path: plan.source.path, name: plan.source.name, kind: plan.source.kind },
    dryRun: applied === null,
    domainRule: plan.rule,
    conflictRule: 'keep both, theirs marked as a conflict until reviewed',
    documents: {
      added: count(plan.documents, 'added'),
      identical: count(plan.documents, 'identical'),
      conflicting: 0,
      retitled: plan.documents.flatMap((d) =>
        d.kind === 'identical' && d.ourTitle !== d.theirs.title
          ? [{ ours: d.ourTitle, theirs: d.theirs.title }]
          : [],
      ),
    },
    domains: {
      added: count(plan.domains, 'added'),
      identical: plan.domains.length - count(plan.domains, 'added') - differing,
      conflicting: differing,
      items,
    },
    claims: {
      added: count(plan.claims, 'added'),
      identical: count(plan.claims, 'identical'),
      conflicting: conflicts.length,
      conflicts,
    },
    problems: [...problems, ...(applied?.problems ?? [])],
  };
}
