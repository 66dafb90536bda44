import path from 'node:path';
import { type Db, openForReading } from '../db';
import { prepareText } from '../documents';
import { DossierError } from '../errors';
import crypto from 'node:crypto';
import { getMeta } from '../project';
import { derivedGuid, type GuidKind } from '../refiqda/guids';
import { readQdpx } from '../refiqda/readQdpx';
import type { ClaimRow } from './plan';
import type { QdpxPlan } from '../refiqda/plan';

// The other side of a merge, whatever file it came from: a Dossier project or a REFI-QDA archive is read into the
// same shape, so that one planner matches it against the open project.

export interface SourceDomain {
  guid: string;
  /** False when the GUID is only derived from a row id (see plan.ts: such GUIDs meet by name too). */
  guidKept: boolean;
  name: string;
  parentGuid: string | null;
  color: string | null;
  description: string;
  codable: boolean;
}

export interface SourceDocument {
  /** The key claims name their document by (a GUID or the other project's id). */
  key: string;
  title: string;
  /** Canonical text and its hash: documents are the same when their texts are. */
  text: string;
  hash: string;
  source: string;
  author: string;
  published: string;
  url: string;
  originalName: string;
  format: string;
  meta: Record<string, string>;
}

export interface SourceClaim {
  /** Null when the file gives the passage no GUID of its own (a second analyst's coding of one selection). */
  guid: string | null;
  docKey: string;
  /** UTF-16 offsets in the canonical text. */
  start: number;
  end: number;
  domainGuids: string[];
  note: string;
  actor: string;
  stance: 'supports' | 'opposes' | 'neutral' | null;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | null;
  credibility: number | null;
  analyst: string;
  created: string | null;
  updated: string | null;
}

export interface MergeSource {
  kind: 'dossier' | 'qdpx';
  path: string;
  name: string;
  domains: SourceDomain[];
  documents: SourceDocument[];
  claims: SourceClaim[];
}

/** Reads another project or a .qdpx; the file is never written. */
export function readMergeSource(file: string, read: (f: string) => Uint8Array): MergeSource {
  const name = path.basename(file);
  if (/\.qdpx$/i.test(file)) return fromQdpx(readQdpx(read(file), name), file);
  if (!/\.dossier$/i.test(file))
    throw new DossierError(
      'invalid_input',
      `${name} is neither a Dossier project (.dossier) nor a REFI-QDA project (.qdpx): nothing was merged`,
    );
  const other = openForReading(file);
  try {
    return fromProject(other, file);
  } finally {
    other.close();
  }
}

type Stance = SourceClaim['stance'];
type Reliability = SourceClaim['reliability'];

/**
 * The GUIDs the other project would export, read without writing to it: a project that never needed its UUID has
 * none yet, and then no GUID of its can be one of ours (a random seed stands in).
 */
function readGuids(db: Db, kind: GuidKind): ((id: number) => string) & { kept: (id: number) => boolean } {
  const seed = getMeta(db, 'project_uuid') ?? crypto.randomUUID();
  const stored = new Map(
    (
      db.cached('SELECT local_key AS k, guid FROM refiqda_guids WHERE kind = ?').all(kind) as {
        k: string;
        guid: string;
      }[]
    ).map((r) => [r.k, r.guid]),
  );
  return Object.assign((id: number) => stored.get(String(id)) ?? derivedGuid(seed, kind, String(id)), {
    kept: (id: number) => stored.has(String(id)),
  });
}

export function fromProject(db: Db, file: string): MergeSource {
  const codeGuid = readGuids(db, 'code');
  const claimGuid = readGuids(db, 'claim');
  const domains = (
    db
      .cached(
        `SELECT id, name, parent_id AS parentId, color, color_chosen AS chosen, description, codable
         FROM domains ORDER BY sort_order, id`,
      )
      .all() as {
      id: number;
      name: string;
      parentId: number | null;
      color: string;
      chosen: number;
      description: string;
      codable: number;
    }[]
  ).map((d) => ({
    guid: codeGuid(d.id),
    guidKept: codeGuid.kept(d.id),
    name: d.name,
    parentGuid: d.parentId === null ? null : codeGuid(d.parentId),
    color: d.chosen ? d.color : null,
    description: d.description,
    codable: d.codable === 1,
  }));
  const documents = (
    db
      .cached(
        `SELECT id, title, text, content_hash AS hash, source, author, published, url, original_name AS originalName,
           format, meta_json AS metaJson FROM documents ORDER BY id`,
      )
      .all() as (Omit<SourceDocument, 'key' | 'meta'> & { id: number; metaJson: string })[]
  ).map(({ id, metaJson, ...d }) => ({
    ...d,
    key: String(id),
    meta: JSON.parse(metaJson) as Record<string, string>,
  }));
  const claims = (
    db
      .cached(
        `SELECT id, document_id AS docId, start, end, note, actor, stance, reliability, credibility, analyst,
           created_at AS created, updated_at AS updated,
           (SELECT group_concat(domain_id) FROM claim_domains WHERE claim_id = c.id) AS domainIds
         FROM claims c ORDER BY id`,
      )
      .all() as (ClaimRow & { updated: string })[]
  ).map(({ id, docId, domainIds, ...c }) => ({
    ...c,
    stance: c.stance as Stance,
    reliability: c.reliability as Reliability,
    guid: claimGuid(id),
    docKey: String(docId),
    domainGuids: domainIds ? domainIds.split(',').map((d) => codeGuid(Number(d))) : [],
  }));
  return { kind: 'dossier', path: path.resolve(file), name: path.basename(file), domains, documents, claims };
}

export function fromQdpx(plan: QdpxPlan, file: string): MergeSource {
  const documents: SourceDocument[] = [];
  const claims: SourceClaim[] = [];
  for (const s of plan.sources) {
    const prepared = prepareText(s.text);
    documents.push({
      key: s.guid,
      title: s.name,
      text: prepared.text,
      hash: prepared.hash,
      source: s.source,
      author: s.author,
      published: s.published,
      url: s.url,
      originalName: s.name,
      format: 'txt',
      meta: s.meta,
    });
    for (const sel of s.selections)
      claims.push({
        guid: sel.keepsGuid ? sel.guid : null,
        docKey: s.guid,
        start: sel.start,
        end: sel.end,
        domainGuids: [...new Set(sel.codings.map((c) => c.codeGuid))],
        note: sel.note,
        actor: sel.actor,
        stance: sel.stance as Stance,
        reliability: sel.reliability as Reliability,
        credibility: sel.credibility,
        analyst: sel.analyst,
        created: sel.created,
        updated: sel.modified,
      });
  }
  const domains = plan.codes.map((c) => ({
    guid: c.guid,
    guidKept: true,
    name: c.name,
    parentGuid: c.parentGuid,
    color: c.color,
    description: c.description,
    codable: c.codable,
  }));
  return { kind: 'qdpx', path: path.resolve(file), name: path.basename(file), domains, documents, claims };
}
