import type { Db } from '../db';
import type { ExcerptFilter } from './filter';

const MAX_NAMES = 12;

/** "a, b, c and 4 more": a long list of names stays one readable line. */
function names(list: string[]): string {
  if (list.length <= MAX_NAMES) return list.join(', ');
  return `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more`;
}

function namesOf(
  db: Db,
  table: 'domains' | 'documents' | 'document_sets',
  column: string,
  ids: number[],
): string[] {
  const stmt = db.prepareOnce(`SELECT ${column} AS name FROM ${table} WHERE id = ?`);
  return ids.map((id) => (stmt.get(id) as { name: string } | undefined)?.name ?? `#${id}`);
}

/**
 * The filters of an export in the analyst's words, one line per filter ("Domains: Training, Exercises"), for a
 * report's title page; empty when the export holds everything.
 */
export function describeFilter(db: Db, f: ExcerptFilter): string[] {
  const lines: string[] = [];
  if (f.domainIds?.length) lines.push(`Domains: ${names(namesOf(db, 'domains', 'name', f.domainIds))}`);
  if (f.docIds?.length) lines.push(`Documents: ${names(namesOf(db, 'documents', 'title', f.docIds))}`);
  if (f.setIds?.length) lines.push(`Document sets: ${names(namesOf(db, 'document_sets', 'name', f.setIds))}`);
  const attribute = db.cached('SELECT name FROM attributes WHERE id = ?');
  for (const a of f.attributes ?? []) {
    if (!a.values.length) continue;
    const name = (attribute.get(a.attributeId) as { name: string } | undefined)?.name ?? `#${a.attributeId}`;
    lines.push(`${name}: ${names(a.values)}`);
  }
  if (f.actors?.length) lines.push(`Actors: ${names(f.actors.map((a) => a || '(none)'))}`);
  if (f.analysts?.length) lines.push(`Analysts: ${names(f.analysts)}`);
  if (f.stances?.length) lines.push(`Stances: ${f.stances.join(', ')}`);
  if (f.reliabilities?.length) lines.push(`Source reliability: ${f.reliabilities.join(', ')}`);
  if (f.credibilities?.length) lines.push(`Information credibility: ${f.credibilities.join(', ')}`);
  if (f.search?.trim()) lines.push(`Text: ${f.search.trim()}`);
  return lines;
}
