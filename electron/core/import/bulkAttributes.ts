import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type AttributeType, inferType } from '../attributes';
import { DossierError } from '../errors';
import { compilePathTemplate, matchPathTemplate, type PathTemplate } from './pathTemplate';

// Attribute values for many documents at once: from a file-name pattern such as "{country}_{session}_{year}.txt",
// or from a CSV sidecar keyed by file name. Types are inferred over all values of a column, so that one import
// defines each attribute once.

/** Fixed document fields a sidecar column may set instead of an attribute. */
export const DOCUMENT_FIELDS = ['title', 'author', 'source', 'published', 'url'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export interface FileValues {
  fields: Partial<Record<DocumentField, string>>;
  attributes: Record<string, string>;
}

export interface BulkAttributes {
  /** Attribute name → type, inferred over every value (or given in the pattern as {name:type}). */
  types: Record<string, AttributeType>;
  /** Values per file, keyed by the file's import path. */
  byPath: Map<string, FileValues>;
  warnings: { path: string; message: string }[];
}

/** Matches the pattern against the file name (or, when it has slashes, the path's last segments). */
function matchPattern(p: PathTemplate, pattern: string, filePath: string): Record<string, string> | null {
  const depth = pattern.split('/').length;
  const tail = filePath.split(/[\\/]/).slice(-depth).join('/');
  const ext = path.extname(tail);
  const candidates = [tail, ext ? tail.slice(0, -ext.length) : tail];
  for (const c of candidates) {
    const values = matchPathTemplate(p, c);
    if (values) return values;
  }
  return null;
}

function keyColumn(columns: string[]): string {
  return columns.find((c) => /^(file|file ?name|filename|name|path)$/i.test(c.trim())) ?? columns[0];
}

/** Works out every file's values before the import starts; files that match nothing get a warning. */
export function planBulkAttributes(
  paths: string[],
  options: { attrsFromPath?: string; metadataCsv?: string },
): BulkAttributes {
  const byPath = new Map<string, FileValues>(paths.map((p) => [p, { fields: {}, attributes: {} }]));
  const warnings: BulkAttributes['warnings'] = [];
  const declared: Record<string, AttributeType> = {};
  if (options.attrsFromPath) {
    const p = compilePathTemplate(options.attrsFromPath);
    Object.assign(declared, p.declared);
    for (const filePath of paths) {
      const values = matchPattern(p, options.attrsFromPath, filePath);
      if (values) Object.assign(byPath.get(filePath)!.attributes, values);
      else warnings.push({ path: filePath, message: `file name does not match "${options.attrsFromPath}"` });
    }
  }
  if (options.metadataCsv !== undefined) {
    let rows: Record<string, string>[];
    try {
      rows = parse(options.metadataCsv, { columns: true, bom: true, skip_empty_lines: true, trim: true });
    } catch (error) {
      throw new DossierError('invalid_input', `metadata CSV: ${(error as Error).message}`);
    }
    const columns = rows.length ? Object.keys(rows[0]) : [];
    if (columns.length < 2)
      throw new DossierError(
        'invalid_input',
        'metadata CSV needs a file-name column and at least one value column',
      );
    const key = keyColumn(columns);
    const byName = new Map<string, Record<string, string>>();
    for (const r of rows) byName.set(path.basename(r[key] ?? '').toLowerCase(), r);
    const used = new Set<string>();
    for (const filePath of paths) {
      const name = path.basename(filePath).toLowerCase();
      const row = byName.get(name);
      if (!row) continue;
      used.add(name);
      const target = byPath.get(filePath)!;
      for (const c of columns) {
        if (c === key || (row[c] ?? '') === '') continue;
        const field = DOCUMENT_FIELDS.find((f) => f === c.trim().toLowerCase());
        if (field) target.fields[field] = row[c];
        else target.attributes[c.trim()] = row[c];
      }
    }
    for (const [name, row] of byName)
      if (!used.has(name))
        warnings.push({ path: row[key] ?? '', message: 'metadata CSV row matches no imported file' });
  }
  const all = new Map<string, string[]>();
  for (const v of byPath.values())
    for (const [k, val] of Object.entries(v.attributes)) {
      const list = all.get(k);
      if (list) list.push(val);
      else all.set(k, [val]);
    }
  const types: Record<string, AttributeType> = {};
  for (const [k, vals] of all) types[k] = declared[k] ?? inferType(vals);
  return { types, byPath, warnings };
}
