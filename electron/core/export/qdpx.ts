import { zipSync, strToU8 } from 'fflate';
import type { Domain } from '../../../shared/api';
import type { QdpxPositions } from '../../../shared/api/exports';
import type { Db } from '../db';
import { listDomains } from '../domains';
import { type CodebookNode, codebookTree } from './codebookTree';
import { type ExcerptFilter, loadExcerpts } from './excerpts';
import { memoNotes } from './qdpxMemos';
import { setsXml } from './qdpxSets';
import { getAnalyst } from '../settings';
import { guidMap } from '../refiqda/guids';
import { metaDescription } from '../refiqda/meta';
import {
  buildXml,
  buildXmlInParts,
  QDA_CODEBOOK_NS,
  QDA_PROJECT_NS,
  type XmlNode,
  xmlText,
} from '../refiqda/xml';

/**
 * The codebook as nested `<Code>` elements, children in codebook order. A grouping domain (isCodable="false" in
 * the tool it came from) goes back as one; a colour Dossier only gave for display (none was chosen) is left out.
 */
export function codesXml(domains: Domain[], codeGuid: (id: number) => string): XmlNode[] {
  const build = ({ domain: d, children }: CodebookNode): XmlNode => {
    const node: XmlNode = {
      '@_guid': codeGuid(d.id),
      '@_name': xmlText(d.name),
      '@_isCodable': d.codable === false ? 'false' : 'true',
    };
    if (d.colorChosen !== false && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(d.color))
      node['@_color'] = d.color.toUpperCase();
    if (d.description) node.Description = xmlText(d.description);
    if (children.length) node.Code = children.map(build);
    return node;
  };
  return codebookTree(domains).map(build);
}

interface AttributeRow {
  id: number;
  name: string;
  type: 'text' | 'number' | 'date';
}

const VARIABLE_TYPE = { text: 'Text', number: 'Float', date: 'Date' } as const;

function variableValue(type: AttributeRow['type'], value: string): XmlNode {
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return { FloatValue: value };
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { DateValue: value };
  return { TextValue: xmlText(value) };
}

/** A shortened quote as the selection's name, which other tools show in their lists. */
function selectionName(quote: string): string {
  const flat = quote.slice(0, 64).replace(/\s+/g, ' ').trim();
  if (quote.length <= 60) return xmlText(flat);
  // Cut at 60 UTF-16 units, never inside a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(flat.charAt(59)) ? 59 : 60;
  return xmlText(`${flat.slice(0, cut).trimEnd()}…`);
}

export interface QdpxResult {
  bytes: Uint8Array;
  /** Coded passages (claims) written. */
  selections: number;
  sources: number;
}

export interface QdpxOptions {
  /** How startPosition/endPosition count (see QdpxPositions); code points unless told. */
  positions?: QdpxPositions;
}

/**
 * Project@origin. Our own importer reads it to know the unit: a file written for NVivo says so, one in code
 * points (the default, and every Dossier file before the choice existed) is plain "Dossier".
 */
export function qdpxOrigin(positions: QdpxPositions = 'codepoints'): string {
  return positions === 'utf16' ? 'Dossier (positions in UTF-16 code units)' : 'Dossier';
}

/**
 * A selection's Description: the claim's note (QualCoder shows the Description as the coding's memo and does not
 * follow a selection's NoteRef), then, after a blank line, Dossier's fields as "key: value" lines (see meta.ts).
 */
function selectionDescription(note: string, meta: string | undefined): string | undefined {
  const memo = xmlText(note.trim());
  if (!memo) return meta;
  return meta ? `${memo}\n\n${meta}` : memo;
}

/**
 * A REFI-QDA project (.qdpx): `project.qde` with users, codebook, variables, text sources with their coded
 * selections and notes, and each source's canonical text as `sources/<guid>.txt`. Positions count code points
 * unless `positions` is 'utf16' (JavaScript string offsets, as NVivo counts).
 */
export function exportQdpx(
  db: Db,
  projectName: string,
  filter: ExcerptFilter = {},
  options: QdpxOptions = {},
): QdpxResult {
  const { project, files, selections, sources } = projectXml(db, projectName, filter, options);
  // Level 1: a quarter of level 6's time on 100 MB of XML, for a file about a fifth larger.
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(project) };
  for (const [name, text] of files) entries[`sources/${name}`] = strToU8(text);
  return { bytes: zipSync(entries, { level: 1 }), selections, sources };
}

export function projectXml(
  db: Db,
  projectName: string,
  filter: ExcerptFilter = {},
  options: QdpxOptions = {},
): { project: string; files: Map<string, string>; selections: number; sources: number } {
  const utf16 = options.positions === 'utf16';
  const set = loadExcerpts(db, filter, projectName);
  const userGuid = guidMap(db, 'user');
  const codeGuid = guidMap(db, 'code');
  const sourceGuid = guidMap(db, 'source');
  const claimGuid = guidMap(db, 'claim');
  const codingGuid = guidMap(db, 'coding');
  const noteGuid = guidMap(db, 'note');
  const variableGuid = guidMap(db, 'variable');
  const now = new Date().toISOString();

  const analysts = new Set<string>();
  // Who exports: the session's analyst (the machine user's), else the project's (getAnalyst).
  const projectAnalyst = getAnalyst(db);
  if (projectAnalyst) analysts.add(projectAnalyst);
  for (const e of set.excerpts) if (e.analyst) analysts.add(e.analyst);

  const attributes = db
    .cached('SELECT id, name, type FROM attributes ORDER BY name COLLATE NOCASE, id')
    .all() as AttributeRow[];
  const attributeById = new Map(attributes.map((a) => [a.id, a]));
  const valuesStmt = db.cached(
    'SELECT attribute_id AS attributeId, value FROM document_attributes WHERE document_id = ? ORDER BY attribute_id',
  );

  // Every document the filter allows, with or without claims.
  const docIds = filter.docIds?.length
    ? filter.docIds
    : (db.cached('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const docStmt = db.cached(
    'SELECT id, title, source, author, published, url, text, imported_at AS importedAt FROM documents WHERE id = ?',
  );
  const byDoc = new Map<number, typeof set.excerpts>();
  for (const e of set.excerpts) {
    const list = byDoc.get(e.docId);
    if (list) list.push(e);
    else byDoc.set(e.docId, [e]);
  }

  const memos = memoNotes(
    db,
    { docIds: new Set(docIds), claimIds: new Set(set.excerpts.map((e) => e.id)) },
    (name) => {
      analysts.add(name);
      return userGuid(name);
    },
  );

  const files = new Map<string, string>();
  const notes: XmlNode[] = [];
  let selections = 0;
  let sources = 0;
  // Sources are built one by one while the XML is written, so that the whole tree never sits in memory.
  function* textSources(): Generator<XmlNode> {
    for (const docId of docIds) {
      const doc = docStmt.get(docId) as
        | {
            id: number;
            title: string;
            source: string;
            author: string;
            published: string;
            url: string;
            text: string;
            importedAt: string;
          }
        | undefined;
      if (!doc) continue;
      const guid = sourceGuid(doc.id);
      files.set(`${guid}.txt`, doc.text);
      const source: XmlNode = {
        '@_guid': guid,
        '@_name': xmlText(doc.title),
        '@_plainTextPath': `internal://${guid}.txt`,
        '@_creationDateTime': doc.importedAt,
      };
      const description = metaDescription({
        source: doc.source,
        author: doc.author,
        published: doc.published,
        url: doc.url,
      });
      if (description) source.Description = description;
      const sels: XmlNode[] = [];
      for (const e of byDoc.get(doc.id) ?? []) {
        const user = e.analyst ? userGuid(e.analyst) : undefined;
        const name = selectionName(e.quote);
        const sel: XmlNode = {
          '@_guid': claimGuid(e.id),
          '@_name': name,
          // The text is stored with `\n` line ends, so a UTF-16 position is the stored offset itself.
          '@_startPosition': utf16 ? e.start : e.startCp,
          '@_endPosition': utf16 ? e.end : e.endCp,
          '@_creatingUser': user,
          '@_creationDateTime': e.createdAt,
          '@_modifyingUser': user,
          '@_modifiedDateTime': e.updatedAt,
        };
        const meta = metaDescription({
          actor: e.actor,
          stance: e.stance,
          reliability: e.reliability,
          credibility: e.credibility,
        });
        const description = selectionDescription(e.note, meta);
        if (description) sel.Description = description;
        sel.Coding = e.domainIds.map((d) => ({
          '@_guid': codingGuid(`${e.id}:${d}`),
          '@_creatingUser': user,
          '@_creationDateTime': e.createdAt,
          CodeRef: { '@_targetGUID': codeGuid(d) },
        }));
        if (e.note) {
          const ng = noteGuid(e.id);
          sel.NoteRef = [{ '@_targetGUID': ng }];
          notes.push({
            '@_guid': ng,
            '@_name': `Note on “${name}”`,
            '@_creatingUser': user,
            '@_creationDateTime': e.createdAt,
            '@_modifiedDateTime': e.updatedAt,
            PlainTextContent: xmlText(e.note),
          });
        }
        const memoRefs = memos.bySelection(e.id);
        if (memoRefs) sel.NoteRef = [...((sel.NoteRef as XmlNode[] | undefined) ?? []), ...memoRefs];
        sels.push(sel);
        selections++;
      }
      if (sels.length) source.PlainTextSelection = sels;
      // After the selections and before the values, as the schema orders a TextSource's children.
      const docMemos = memos.bySource(doc.id);
      if (docMemos) source.NoteRef = docMemos;
      const values = (valuesStmt.all(doc.id) as { attributeId: number; value: string }[])
        .filter((v) => attributeById.has(v.attributeId) && v.value !== '')
        .map((v) => {
          const a = attributeById.get(v.attributeId) as AttributeRow;
          return { VariableRef: { '@_targetGUID': variableGuid(a.id) }, ...variableValue(a.type, v.value) };
        });
      if (values.length) source.VariableValue = values;
      sources++;
      yield source;
    }
  }

  const project = buildXmlInParts(
    'Project',
    {
      xmlns: QDA_PROJECT_NS,
      name: xmlText(projectName),
      origin: qdpxOrigin(options.positions),
      creatingUserGUID: projectAnalyst ? userGuid(projectAnalyst) : undefined,
      creationDateTime: now,
      modifiedDateTime: now,
    },
    [
      {
        wrapper: 'Users',
        name: 'User',
        items: [...analysts].map((name) => ({ '@_guid': userGuid(name), '@_name': xmlText(name) })),
      },
      {
        name: 'CodeBook',
        items: set.domains.length ? [{ Codes: { Code: codesXml(set.domains, codeGuid) } }] : [],
      },
      {
        wrapper: 'Variables',
        name: 'Variable',
        items: attributes.map((a) => ({
          '@_guid': variableGuid(a.id),
          '@_name': xmlText(a.name),
          '@_typeOfVariable': VARIABLE_TYPE[a.type],
        })),
      },
      { wrapper: 'Sources', name: 'TextSource', items: textSources() },
      // Claims' notes are collected while the sources are written, so they are read only after them.
      {
        wrapper: 'Notes',
        name: 'Note',
        items: (function* () {
          yield* notes;
          yield* memos.notes;
        })(),
      },
      // After Notes and Links, before Graphs, as the schema orders a Project's children.
      { wrapper: 'Sets', name: 'Set', items: setsXml(db, new Set(docIds), sourceGuid) },
      // The project's own memos: Project/NoteRef comes last in the schema.
      { name: 'NoteRef', items: memos.projectRefs },
    ],
  );
  return { project, files, selections, sources };
}

/** A REFI-QDA codebook (.qdc): the `CodeBook` element on its own. */
export function exportQdc(db: Db): { xml: string; codes: number } {
  const domains = listDomains(db);
  const codeGuid = guidMap(db, 'code');
  const node: XmlNode = { '@_xmlns': QDA_CODEBOOK_NS, '@_origin': 'Dossier' };
  if (domains.length) node.Codes = { Code: codesXml(domains, codeGuid) };
  return { xml: buildXml({ CodeBook: node }), codes: domains.length };
}
