import crypto from 'node:crypto';
import type { Db } from '../db';
import { getMeta, setMeta } from '../project';

export type GuidKind =
  'project' | 'user' | 'code' | 'source' | 'claim' | 'coding' | 'note' | 'variable' | 'memo' | 'set';

const GUID_RE = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Normalises a REFI-QDA GUID (braces optional, any case) to lower-case without braces; null when malformed. */
export function normalizeGuid(value: unknown): string | null {
  const m = typeof value === 'string' ? GUID_RE.exec(value.trim()) : null;
  return m ? m[1].toLowerCase() : null;
}

/** The project's own UUID, created on first use; it names the project in urns and seeds derived GUIDs. */
export function projectUuid(db: Db): string {
  const existing = getMeta(db, 'project_uuid');
  if (existing) return existing;
  const uuid = crypto.randomUUID();
  setMeta(db, 'project_uuid', uuid);
  return uuid;
}

/** A name-based (version 5 style) UUID: the same project, kind and key always give the same GUID. */
export function derivedGuid(seed: string, kind: GuidKind, key: string): string {
  const h = crypto.hash('sha1', `${seed}\u0000${kind}\u0000${key}`, 'buffer');
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * GUIDs for one kind of object: the one remembered from an import when there is one, else derived from the
 * project UUID and the local key, so an export needs no writes and gives the same GUIDs every time.
 */
export function guidMap(db: Db, kind: GuidKind): (key: string | number) => string {
  const seed = projectUuid(db);
  const stored = new Map(
    (
      db.cached('SELECT local_key, guid FROM refiqda_guids WHERE kind = ?').all(kind) as {
        local_key: string;
        guid: string;
      }[]
    ).map((r) => [r.local_key, r.guid]),
  );
  return (key) => stored.get(String(key)) ?? derivedGuid(seed, kind, String(key));
}

/** Remembers the GUID another tool gave an object, so that the next export uses it again. */
export function rememberGuid(db: Db, kind: GuidKind, key: string | number, guid: string): void {
  db.cached(
    `INSERT INTO refiqda_guids (kind, local_key, guid) VALUES (?, ?, ?)
     ON CONFLICT (kind, local_key) DO UPDATE SET guid = excluded.guid`,
  ).run(kind, String(key), guid);
}
