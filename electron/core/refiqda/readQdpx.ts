import { DossierError } from '../errors';
import { readCases } from './cases';
import { readCodes } from './codes';
import { derivedGuid, normalizeGuid } from './guids';
import { readMetaLines, SOURCE_META_KEYS } from './meta';
import { memoNoteGuids, readMemos } from './memos';
import { readNotes, type TextFile } from './notes';
import type { ImportIssue, PlanSource, PlanVariable, QdpxPlan } from './plan';
import { sourceText, type SourceText } from './positions';
import { producerOf } from './producers';
import { entryKey, openQdpxZip, type QdpxZip } from './qdpxZip';
import { chooseReadings } from './readingChoice';
import { readSets } from './sets';
import { probesOf, readSelections } from './selections';
import { readValue, readVariables } from './variables';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xml';

export type { ImportIssue, PlanCode, PlanSelection, PlanSource, PlanVariable, QdpxPlan } from './plan';
export { readCodes } from './codes';

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DossierError('invalid_input', `${what} is not UTF-8 text`);
  }
}

/** project.qde, or the one .qde the archive holds (ATLAS.ti names it after the project, QualCoder #1369). */
function findQde(zip: QdpxZip, fileName: string): string {
  const qdes = zip.keys().filter((k) => k.endsWith('.qde'));
  const depth = (k: string): number => k.split('/').length;
  const named = qdes.filter((k) => k === 'project.qde' || k.endsWith('/project.qde'));
  const pool = named.length ? named : qdes;
  const top = pool.filter((k) => depth(k) === Math.min(...pool.map(depth)));
  if (top.length === 1) return top[0];
  if (top.length === 0)
    throw new DossierError('invalid_input', `${fileName} has no project.qde: it is not a REFI-QDA project`);
  throw new DossierError(
    'invalid_input',
    `${fileName} holds several project files (${top.join(', ')}) and none is named project.qde: Dossier cannot tell which to import`,
  );
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Why a source of another kind is not imported, and how much of it is lost. */
function skipReason(kind: string, s: XmlNode): string {
  const codings = (sel: string): number =>
    children(s, sel).reduce((n, x) => n + children(x, 'Coding').length, 0);
  const lost = (n: number, what: string): string => (n ? ` (${plural(n, what)} not imported)` : '');
  switch (kind) {
    case 'PDFSource': {
      const rep = children(s, 'Representation');
      const text = rep.reduce((n, r) => n + children(r, 'PlainTextSelection').length, 0);
      return `PDF sources are not imported from .qdpx: import the PDF itself into Dossier${lost(codings('PDFSelection') + text, 'coded passage')}`;
    }
    case 'PictureSource':
      return `pictures have no text to tag${lost(codings('PictureSelection'), 'coded area')}`;
    case 'AudioSource':
      return `audio sources are not supported${lost(codings('AudioSelection') + children(s, 'Transcript').length, 'coded clip or transcript')}`;
    default:
      return `video sources are not supported${lost(codings('VideoSelection') + children(s, 'Transcript').length, 'coded clip or transcript')}`;
  }
}

const OTHER_SOURCES = ['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];

/**
 * Reads and checks a .qdpx without touching any project: the plan lists what will be imported, what is
 * skipped and why, and every selection that cannot be placed in its text.
 */
export function readQdpx(bytes: Uint8Array, fileName = 'the file'): QdpxPlan {
  const zip = openQdpxZip(bytes, fileName);
  const qdeKey = findQde(zip, fileName);
  const root = parseXml(
    decodeUtf8(zip.read([qdeKey]).get(qdeKey) as Uint8Array, 'project.qde'),
    'project.qde',
  );
  const project = child(root, 'Project');
  if (!project)
    throw new DossierError(
      'invalid_input',
      'project.qde has no <Project> root element: it is not a REFI-QDA project',
    );
  const base = qdeKey.includes('/') ? qdeKey.slice(0, qdeKey.lastIndexOf('/') + 1) : '';
  const skipped: ImportIssue[] = [];
  const problems: ImportIssue[] = [];

  /** The archive entry a plainTextPath names, if the archive holds it. */
  const entryOf = (path: string): string | undefined => {
    const internal = /^internal:\/\/(.+)$/i.exec(path);
    const name = internal ? internal[1] : path.replace(/^(relative|absolute|file):\/\/\/?/i, '');
    const lower = entryKey(name).replace(/^\//, '');
    const basename = lower.slice(lower.lastIndexOf('/') + 1);
    const candidates = [
      `${base}sources/${lower}`,
      `sources/${lower}`,
      `${base}sources/${basename}`,
      `sources/${basename}`,
      lower,
    ];
    return candidates.find((c) => zip.has(c));
  };
  const sourcesNode = child(project, 'Sources');
  const textSources = children(sourcesNode, 'TextSource');
  // Only the texts the project names are inflated, all in one pass (see qdpxZip.ts for the limits).
  const named = [
    ...textSources.filter((s) => s.PlainTextContent === undefined),
    ...children(child(project, 'Notes'), 'Note').filter((n) => !textOf(n, 'PlainTextContent')),
  ].map((n) => attr(n, 'plainTextPath'));
  const texts = zip.read(named.flatMap((p) => (p ? (entryOf(p) ?? []) : [])));
  const fileText: TextFile = (path, what) => {
    if (!path) return { missing: 'no text' };
    const hit = entryOf(path);
    if (!hit)
      return {
        missing: /^internal:\/\//i.test(path)
          ? `${path} is missing from the archive`
          : `the text lives outside the archive (${path})`,
      };
    return decodeUtf8(texts.get(hit) as Uint8Array, what);
  };

  const users = children(child(project, 'Users'), 'User')
    .map((u) => ({
      guid: normalizeGuid(attr(u, 'guid')),
      name: (attr(u, 'name') ?? attr(u, 'id') ?? '').trim(),
    }))
    .filter((u): u is { guid: string; name: string } => Boolean(u.guid));
  for (const u of users) if (!u.name) u.name = `user ${u.guid.slice(0, 8)}`;
  const userName = new Map(users.map((u) => [u.guid, u.name]));

  const codes = readCodes(child(project, 'CodeBook'), problems);
  const codeByGuid = new Map(codes.map((c) => [c.guid, c]));
  const variables = readVariables(child(project, 'Variables'), problems);
  const variableByGuid = new Map(variables.map((v) => [v.guid, v]));

  // What every GUID stands for, to say what a link joins.
  const names = new Map<string, string>();
  const nameGuid = (n: XmlNode, what: string): void => {
    const g = normalizeGuid(attr(n, 'guid'));
    if (g) names.set(g, `${what} "${attr(n, 'name') ?? g}"`);
  };
  for (const c of codes) names.set(c.guid, `code "${c.name}"`);
  for (const kind of ['TextSource', ...OTHER_SOURCES])
    for (const s of children(sourcesNode, kind)) {
      nameGuid(s, 'source');
      for (const sel of Object.keys(s).filter((k) => k.endsWith('Selection')))
        for (const x of children(s, sel)) {
          const g = normalizeGuid(attr(x, 'guid'));
          if (g) names.set(g, `a passage of "${attr(s, 'name') ?? 'a source'}"`);
        }
    }
  for (const c of children(child(project, 'Cases'), 'Case')) nameGuid(c, 'case');
  for (const s of children(child(project, 'Sets'), 'Set')) nameGuid(s, 'set');
  for (const n of children(child(project, 'Notes'), 'Note')) nameGuid(n, 'note');
  const selectionGuids = new Set(
    textSources.flatMap((s) =>
      children(s, 'PlainTextSelection').flatMap((x) => normalizeGuid(attr(x, 'guid')) ?? []),
    ),
  );
  const sourceGuids = new Set(textSources.flatMap((s) => normalizeGuid(attr(s, 'guid')) ?? []));
  const memoGuids = memoNoteGuids(project);
  const notes = readNotes(
    project,
    fileText,
    (g) => selectionGuids.has(g),
    (g) => sourceGuids.has(g),
    (g) => names.get(g) ?? null,
    problems,
    memoGuids,
  );

  for (const kind of OTHER_SOURCES)
    for (const s of children(sourcesNode, kind)) {
      skipped.push({ kind: 'source', name: attr(s, 'name') ?? kind, reason: skipReason(kind, s) });
      notes.seen(
        normalizeGuid(attr(s, 'guid')) ?? '',
        children(s, 'NoteRef'),
        `the skipped source "${attr(s, 'name') ?? kind}"`,
      );
    }

  // Texts first: how positions are counted is decided from all of them before any selection is placed.
  const loaded: { node: XmlNode; guid: string; name: string; text: SourceText }[] = [];
  let richOnly = 0;
  for (const s of textSources) {
    const label = (attr(s, 'name') ?? '').trim() || 'Untitled';
    const guid = normalizeGuid(attr(s, 'guid'));
    if (!guid) {
      skipped.push({ kind: 'source', name: label, reason: 'no valid guid' });
      continue;
    }
    const embedded = s.PlainTextContent !== undefined ? textOf(s, 'PlainTextContent') : null;
    const text = embedded ?? fileText(attr(s, 'plainTextPath'), `source ${label}`);
    if (typeof text !== 'string') {
      skipped.push({
        kind: 'source',
        name: label,
        reason:
          attr(s, 'richTextPath') && !attr(s, 'plainTextPath')
            ? 'only a rich-text (DOCX) version is given'
            : text.missing,
      });
      continue;
    }
    if (text.trim() === '') {
      skipped.push({ kind: 'source', name: label, reason: 'the text is empty' });
      continue;
    }
    if (attr(s, 'richTextPath')) richOnly++;
    loaded.push({
      node: s,
      guid,
      name: label,
      text: sourceText(embedded === null ? text : text.replace(/^\uFEFF/, '')),
    });
  }
  const producer = producerOf(attr(project, 'origin'));
  const choice = chooseReadings(
    producer,
    loaded.map((l) => ({ name: l.name, text: l.text, probes: probesOf(l.node) })),
  );
  problems.push(...choice.issues);

  const cases = readCases(
    child(project, 'Cases'),
    variableByGuid,
    new Map(loaded.map((l) => [l.guid, l.name])),
    skipped,
    problems,
  );
  if (cases.caseNames.size) {
    // A named case becomes an attribute of its documents; its GUID is made up (the file's cases have their own).
    const caseVariable: PlanVariable = {
      guid: derivedGuid(attr(project, 'name') ?? fileName, 'variable', 'Case'),
      name: 'Case',
      type: 'text',
    };
    variables.push(caseVariable);
    for (const [source, list] of cases.caseNames)
      cases.values.set(source, [
        ...(cases.values.get(source) ?? []),
        { variableGuid: caseVariable.guid, value: list.join('; ') },
      ]);
  }

  const ctx = {
    codes: codeByGuid,
    userName: (g: string | null) => (g ? (userName.get(g) ?? `user ${g.slice(0, 8)}`) : ''),
    notes,
  };
  const sources: PlanSource[] = loaded.map((l, i) => {
    const s = l.node;
    const { fields, rest } = readMetaLines(textOf(s, 'Description'), SOURCE_META_KEYS);
    const values = children(s, 'VariableValue')
      .map((vv) => readValue(vv, variableByGuid, l.name, problems))
      .filter((v) => v !== null);
    for (const v of cases.values.get(l.guid) ?? [])
      if (!values.some((x) => x.variableGuid === v.variableGuid)) values.push(v);
    if (children(s, 'Coding').length)
      problems.push({
        kind: 'source',
        name: l.name,
        reason: `${plural(children(s, 'Coding').length, 'code')} applied to the whole source ${children(s, 'Coding').length === 1 ? 'is' : 'are'} not imported (Dossier codes passages)`,
      });
    const sourceNotes = notes.takeForSource(l.guid, children(s, 'NoteRef'));
    const meta: Record<string, string> = {};
    if (rest) meta.description = rest;
    if (sourceNotes.length) meta.notes = sourceNotes.join('\n\n');
    return {
      guid: l.guid,
      name: l.name,
      text: l.text.canonical,
      meta,
      source: fields.source ?? '',
      author: fields.author ?? '',
      published: fields.published ?? '',
      url: fields.url ?? '',
      created: attr(s, 'creationDateTime') ?? null,
      values,
      selections: readSelections(s, l.name, l.text, choice.sources[i], ctx, problems),
    };
  });

  reportUnplaced(project, notes, skipped);
  if (richOnly)
    skipped.push({
      kind: 'formatting',
      name: plural(richOnly, 'source'),
      reason: 'also came as rich text (DOCX): only the plain text is imported, without its formatting',
    });
  notes.report(skipped);
  const creator = normalizeGuid(attr(project, 'creatingUserGUID'));
  return {
    name: attr(project, 'name') ?? '',
    analyst: creator ? (userName.get(creator) ?? '') : '',
    users,
    codes,
    variables,
    sources,
    notes: notes.used(),
    memos: readMemos(
      project,
      memoGuids,
      {
        fileText,
        userName: ctx.userName,
        isSelection: (g) => selectionGuids.has(g),
        isSource: (g) => sourceGuids.has(g),
      },
      problems,
    ),
    sets: readSets(project, new Map(loaded.map((l) => [l.guid, l.name])), skipped, problems),
    positions: { ...choice.file, producer: producer.tool ?? '', basis: choice.basis },
    skipped,
    problems,
  };
}

/** Graphs and the project's own description and notes: Dossier has no home for them yet. */
function reportUnplaced(project: XmlNode, notes: ReturnType<typeof readNotes>, skipped: ImportIssue[]): void {
  for (const g of children(child(project, 'Graphs'), 'Graph'))
    skipped.push({
      kind: 'graph',
      name: attr(g, 'name') ?? 'graph',
      reason: `graphs are not imported (${children(g, 'Vertex').length} vertices, ${plural(children(g, 'Edge').length, 'edge')})`,
    });
  const description = textOf(project, 'Description').trim();
  if (description)
    skipped.push({
      kind: 'project',
      name: 'Description',
      reason: `the project's description is not imported: "${description.length > 200 ? `${description.slice(0, 200)}…` : description}"`,
    });
  notes.seen('', children(project, 'NoteRef'), 'the project');
}
