import fs from 'node:fs';
import path from 'node:path';
import type { Domain } from '../../shared/api';
import { CodebookTemplate } from '../../shared/api/codebook';
import { codebookOrder } from '../../shared/codebookOrder';
import { distinctColor } from '../../shared/palette';
import { writeFileAtomic } from './atomicWrite';
import { defaultDataDir } from './dataDir';
import type { Db } from './db';
import { DossierError } from './errors';
import defenceDiplomacy from '../../resources/codebooks/defence-diplomacy.json';
import empty from '../../resources/codebooks/empty.json';

// The template schema is part of the API contract (templates cross it as JSON); re-exported for the core.
export { CodebookTemplate };

// No prototype: a name such as "__proto__" or "constructor" must find nothing here, not Object's members.
export const BUILT_IN_TEMPLATES: Record<string, CodebookTemplate> = Object.assign(Object.create(null), {
  'defence-diplomacy': CodebookTemplate.parse(defenceDiplomacy),
  empty: CodebookTemplate.parse(empty),
}) as Record<string, CodebookTemplate>;

export function templateNames(): string[] {
  return Object.keys(BUILT_IN_TEMPLATES);
}

export function applyTemplate(db: Db, template: CodebookTemplate): void {
  db.transaction(() => {
    const base = (
      db.cached('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM domains').get() as { n: number }
    ).n;
    template.domains.forEach((d, i) => {
      const parentId = d.parent ? (findDomainByName(db, d.parent)?.id ?? null) : null;
      createDomain(db, {
        name: d.name,
        color: d.color,
        description: d.description,
        inclusion: d.inclusion,
        exclusion: d.exclusion,
        parentId,
        order: base + i,
      });
    });
  })();
}

interface DomainRow {
  id: number;
  name: string;
  color: string;
  description: string;
  parent_id: number | null;
  sort_order: number;
  codable: number;
  color_chosen: number;
  claims: number;
  documents: number;
}

export function listDomains(db: Db): Domain[] {
  const rows = db
    .cached(
      `SELECT d.id, d.name, d.color, d.description, d.parent_id, d.sort_order, d.codable, d.color_chosen,
         (SELECT count(*) FROM claim_domains cd WHERE cd.domain_id = d.id) AS claims,
         (SELECT count(DISTINCT c.document_id) FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
            WHERE cd.domain_id = d.id) AS documents
       FROM domains d ORDER BY d.sort_order, d.id`,
    )
    .all() as DomainRow[];
  // Tree order (each domain followed by its sub-domains): every door and view lists the codebook this way.
  const domains = rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    description: r.description,
    parentId: r.parent_id,
    order: r.sort_order,
    codable: r.codable === 1,
    colorChosen: r.color_chosen === 1,
    claims: r.claims,
    documents: r.documents,
  }));
  return codebookOrder(domains);
}

export function findDomainByName(db: Db, name: string): { id: number; name: string } | undefined {
  return db.cached('SELECT id, name FROM domains WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number; name: string } | undefined;
}

/** Resolves domain names (case-insensitive) to ids; names the first unknown one in the error. */
export function domainIdsByName(db: Db, names: string[]): number[] {
  return names.map((name) => {
    const d = findDomainByName(db, name);
    if (!d) throw new DossierError('not_found', `no domain named "${name}" in the codebook`);
    return d.id;
  });
}

function usedColors(db: Db): string[] {
  return (db.cached('SELECT color FROM domains').all() as { color: string }[]).map((r) => r.color);
}

export function createDomain(
  db: Db,
  d: {
    name: string;
    color?: string;
    description?: string;
    inclusion?: string;
    exclusion?: string;
    parentId?: number | null;
    order?: number;
    /** False for a grouping domain (another tool's isCodable="false"): it cannot be applied to a passage. */
    codable?: boolean;
    /** False when `color` is only a default for display (the other tool gave none): exports leave it out. */
    colorChosen?: boolean;
  },
): number {
  const name = d.name.trim();
  if (!name) throw new DossierError('invalid_input', 'a domain needs a name');
  if (findDomainByName(db, name))
    throw new DossierError('conflict', `a domain named "${name}" already exists`);
  const count = (db.cached('SELECT count(*) AS n FROM domains').get() as { n: number }).n;
  const info = db
    .cached(
      `INSERT INTO domains (name, color, description, inclusion, exclusion, parent_id, sort_order, codable,
         color_chosen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      name,
      d.color ?? distinctColor(usedColors(db)),
      d.description ?? '',
      d.inclusion ?? '',
      d.exclusion ?? '',
      d.parentId ?? null,
      d.order ?? count,
      d.codable === false ? 0 : 1,
      d.colorChosen === false ? 0 : 1,
    );
  return Number(info.lastInsertRowid);
}

export function assertDomainsExist(db: Db, ids: number[]): void {
  const stmt = db.cached('SELECT 1 FROM domains WHERE id = ?');
  for (const id of ids) if (!stmt.get(id)) throw new DossierError('not_found', `no domain with id ${id}`);
}

/** The error for tagging with a grouping domain, the same from every door (popover, autocode, CLI, bulk). */
export function notCodableError(name: string): DossierError {
  return new DossierError(
    'invalid_input',
    `"${name}" is a grouping domain (not codable in the tool it came from): tag the passage with one of its sub-domains`,
  );
}

/** Checks that every domain exists and may be applied to a passage (grouping domains may not). */
export function assertDomainsApplicable(db: Db, ids: number[]): void {
  const stmt = db.cached('SELECT name, codable FROM domains WHERE id = ?');
  for (const id of ids) {
    const d = stmt.get(id) as { name: string; codable: number } | undefined;
    if (!d) throw new DossierError('not_found', `no domain with id ${id}`);
    if (d.codable !== 1) throw notCodableError(d.name);
  }
}

// ---- Templates: built-in ones ship in resources/codebooks; a project's codebook can be saved as a JSON file in a
// templates folder (the doors point it at <dataDir>/templates) and applied to another project, merging by name.

let configuredTemplatesDir: string | null = null;

/** Where saved templates live; the doors set it (e.g. `<dataDir>/templates`). */
export function setTemplatesDir(dir: string | null): void {
  configuredTemplatesDir = dir;
}

/**
 * The templates folder: as set by the door, else $DOSSIER_TEMPLATES_DIR, else `templates` in the per-user data
 * folder (the same one Electron uses).
 */
export function templatesDir(): string | null {
  if (configuredTemplatesDir) return configuredTemplatesDir;
  if (process.env.DOSSIER_TEMPLATES_DIR) return process.env.DOSSIER_TEMPLATES_DIR;
  return path.join(defaultDataDir(), 'templates');
}

export interface TemplateInfo {
  name: string;
  description: string;
  domains: number;
  builtIn: boolean;
}

function templateFile(dir: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new DossierError('invalid_input', `"${name}" cannot be used as a template name`);
  return path.join(dir, `${slug}.json`);
}

export function readTemplateFile(file: string): CodebookTemplate {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DossierError('invalid_input', `${file} is not a JSON file: ${(error as Error).message}`);
  }
  const parsed = CodebookTemplate.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DossierError(
      'invalid_input',
      `${file} is not a codebook template (${issue.path.join('.') || 'file'}: ${issue.message})`,
    );
  }
  return parsed.data;
}

/** Built-in templates, then those saved in the folder (unreadable files are left out). */
export function listTemplates(dir: string | null = templatesDir()): TemplateInfo[] {
  const out: TemplateInfo[] = Object.values(BUILT_IN_TEMPLATES).map((t) => ({
    name: t.name,
    description: t.description,
    domains: t.domains.length,
    builtIn: true,
  }));
  if (!dir || !fs.existsSync(dir)) return out;
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    try {
      const t = readTemplateFile(path.join(dir, f));
      if (!BUILT_IN_TEMPLATES[t.name])
        out.push({ name: t.name, description: t.description, domains: t.domains.length, builtIn: false });
    } catch {
      // A stray or broken JSON file in the folder is not a template; it must not hide the others.
    }
  }
  return out;
}

/** A template by name: built-in or saved in the templates folder (never an arbitrary path). */
export function loadTemplate(name: string, dir: string | null = templatesDir()): CodebookTemplate {
  const builtIn = BUILT_IN_TEMPLATES[name];
  if (builtIn) return builtIn;
  if (dir) {
    const file = templateFile(dir, name);
    if (fs.existsSync(file)) return readTemplateFile(file);
  }
  throw new DossierError(
    'not_found',
    `no codebook template named "${name}" (available: ${listTemplates(dir)
      .map((t) => t.name)
      .join(', ')})`,
  );
}

/** The project's codebook as a template: parents before children, each with its parent's name. */
export function exportTemplate(db: Db, name: string, description = ''): CodebookTemplate {
  const rows = db
    .cached(
      'SELECT id, name, color, description, inclusion, exclusion, parent_id FROM domains ORDER BY sort_order, id',
    )
    .all() as {
    id: number;
    name: string;
    color: string;
    description: string;
    inclusion: string;
    exclusion: string;
    parent_id: number | null;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: CodebookTemplate['domains'] = [];
  const walk = (parent: number | null) => {
    for (const r of rows.filter((x) => x.parent_id === parent)) {
      out.push({
        name: r.name,
        color: r.color,
        description: r.description,
        ...(r.inclusion ? { inclusion: r.inclusion } : {}),
        ...(r.exclusion ? { exclusion: r.exclusion } : {}),
        ...(parent !== null ? { parent: byId.get(parent)?.name } : {}),
      });
      walk(r.id);
    }
  };
  walk(null);
  return { name, description, domains: out };
}

/** Saves the project's codebook as `<dir>/<name>.json`; refuses built-in names and, unless asked, overwriting. */
export function saveTemplate(
  db: Db,
  dir: string | null,
  o: { name: string; description?: string; overwrite?: boolean },
): { name: string; path: string; domains: number } {
  if (!dir) throw new DossierError('unsupported', 'no templates folder is set up for saving templates');
  const name = o.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new DossierError('invalid_input', 'a template needs a name');
  if (BUILT_IN_TEMPLATES[name])
    throw new DossierError('conflict', `"${name}" is a built-in template; choose another name`);
  const file = templateFile(dir, name);
  if (fs.existsSync(file) && !o.overwrite)
    throw new DossierError('conflict', `a template named "${name}" already exists`);
  const template = exportTemplate(db, name, o.description ?? '');
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(template, null, 2)}\n`);
  return { name, path: file, domains: template.domains.length };
}
