import { DossierError } from '../errors';
import { normalizeGuid } from './guids';
import { positionMapper } from './positions';
import { entryKey, openQdpxZip } from './qdpxZip';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xml';
import { CLAIM_META_KEYS, readMetaLines, SOURCE_META_KEYS } from './meta';

export interface PlanCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  parentGuid: string | null;
}

export interface PlanVariable {
  guid: string;
  name: string;
  type: 'text' | 'number' | 'date';
}

export interface PlanSelection {
  guid: string;
  /** UTF-16 offsets in the canonical text. */
  start: number;
  end: number;
  codings: { guid: string; codeGuid: string }[];
  note: string;
  noteGuid: string | null;
  analyst: string;
  userGuid: string | null;
  created: string | null;
  modified: string | null;
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
}

export interface PlanSource {
  guid: string;
  name: string;
  text: string;
  meta: Record<string, string>;
  source: string;
  author: string;
  published: string;
  url: string;
  created: string | null;
  values: { variableGuid: string; value: string }[];
  selections: PlanSelection[];
}

export interface ImportIssue {
  /** What the issue is about: "source", "selection", "note", "code", "variable", "case", … */
  kind: string;
  name: string;
  reason: string;
}

/** Everything read from a .qdpx, checked, before anything is written. */
export interface QdpxPlan {
  name: string;
  users: { guid: string; name: string }[];
  codes: PlanCode[];
  variables: PlanVariable[];
  sources: PlanSource[];
  notes: number;
  skipped: ImportIssue[];
  problems: ImportIssue[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DossierError('invalid_input', `${what} is not UTF-8 text`);
  }
}

const GUID_REF = (node: XmlNode | undefined, name: string): string | null => normalizeGuid(attr(node, name));

/** The codebook's codes in document order, each with its parent. */
export function readCodes(codebook: XmlNode | undefined, problems: ImportIssue[]): PlanCode[] {
  const codes: PlanCode[] = [];
  const seen = new Set<string>();
  const visit = (node: XmlNode, parentGuid: string | null): void => {
    const name = (attr(node, 'name') ?? '').trim();
    const guid = GUID_REF(node, 'guid');
    if (!guid || !name || seen.has(guid)) {
      problems.push({
        kind: 'code',
        name: name || '(no name)',
        reason: !guid ? 'no valid guid' : !name ? 'no name' : 'the same guid appears twice',
      });
    } else {
      seen.add(guid);
      const color = attr(node, 'color');
      codes.push({
        guid,
        name,
        color: color && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color.trim()) ? color.trim() : null,
        description: textOf(node, 'Description'),
        parentGuid,
      });
    }
    for (const c of children(node, 'Code')) visit(c, guid && name ? guid : parentGuid);
  };
  for (const c of children(child(codebook, 'Codes'), 'Code')) visit(c, null);
  return codes;
}

const VARIABLE_TYPES: Record<string, PlanVariable['type']> = {
  Text: 'text',
  Boolean: 'text',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

function variableValue(v: XmlNode): string | null {
  for (const k of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
    if (v[k] !== undefined) return textOf(v, k);
  }
  return null;
}

/**
 * Reads and checks a .qdpx without touching any project: the plan lists what will be imported, what is
 * skipped and why, and every selection that cannot be placed in its text.
 */
export function readQdpx(bytes: Uint8Array, fileName = 'the file'): QdpxPlan {
  const zip = openQdpxZip(bytes, fileName);
  const qdeKey =
    zip.keys().find((k) => k === 'project.qde') ?? zip.keys().find((k) => k.endsWith('/project.qde'));
  if (!qdeKey)
    throw new DossierError('invalid_input', `${fileName} has no project.qde: it is not a REFI-QDA project`);
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
  // Only the texts the project names are inflated, all in one pass (see qdpxZip.ts for the limits).
  const named = [
    ...children(child(project, 'Sources'), 'TextSource').filter((s) => s.PlainTextContent === undefined),
    ...children(child(project, 'Notes'), 'Note').filter((n) => !textOf(n, 'PlainTextContent')),
  ].map((n) => attr(n, 'plainTextPath'));
  const texts = zip.read(named.flatMap((p) => (p ? (entryOf(p) ?? []) : [])));

  const fileText = (path: string | undefined, what: string): string | { missing: string } => {
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
    .map((u) => ({ guid: GUID_REF(u, 'guid'), name: (attr(u, 'name') ?? attr(u, 'id') ?? '').trim() }))
    .filter((u): u is { guid: string; name: string } => Boolean(u.guid));
  for (const u of users) if (!u.name) u.name = `user ${u.guid.slice(0, 8)}`;
  const userName = new Map(users.map((u) => [u.guid, u.name]));

  const codes = readCodes(child(project, 'CodeBook'), problems);
  const codeGuids = new Set(codes.map((c) => c.guid));

  const variables: PlanVariable[] = [];
  for (const v of children(child(project, 'Variables'), 'Variable')) {
    const guid = GUID_REF(v, 'guid');
    const name = (attr(v, 'name') ?? '').trim();
    if (!guid || !name) {
      problems.push({ kind: 'variable', name: name || '(no name)', reason: 'no valid guid or name' });
      continue;
    }
    variables.push({ guid, name, type: VARIABLE_TYPES[attr(v, 'typeOfVariable') ?? 'Text'] ?? 'text' });
  }
  const variableGuids = new Set(variables.map((v) => v.guid));
  const variableType = new Map(variables.map((v) => [v.guid, v.type]));

  const noteText = new Map<string, { name: string; text: string }>();
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const guid = GUID_REF(n, 'guid');
    if (!guid) continue;
    const name = attr(n, 'name') ?? 'note';
    let text = textOf(n, 'PlainTextContent');
    if (!text && attr(n, 'plainTextPath')) {
      const t = fileText(attr(n, 'plainTextPath'), `note ${name}`);
      if (typeof t === 'string') text = t;
      else problems.push({ kind: 'note', name, reason: t.missing });
    }
    noteText.set(guid, { name, text: text.replace(/\r\n?/g, '\n') });
  }
  const usedNotes = new Set<string>();
  const notesOf = (node: XmlNode): { guids: string[]; text: string[] } => {
    const guids: string[] = [];
    const text: string[] = [];
    for (const ref of children(node, 'NoteRef')) {
      const g = GUID_REF(ref, 'targetGUID');
      const n = g ? noteText.get(g) : undefined;
      if (g && n) {
        guids.push(g);
        usedNotes.add(g);
        if (n.text.trim()) text.push(n.text);
      }
    }
    return { guids, text };
  };

  const sourcesNode = child(project, 'Sources');
  const sources: PlanSource[] = [];
  const SKIP_REASONS: Record<string, string> = {
    PDFSource: 'PDF sources are not imported from .qdpx: import the PDF itself into Dossier',
    PictureSource: 'pictures have no text to tag',
    AudioSource: 'audio sources are not supported',
    VideoSource: 'video sources are not supported',
  };
  for (const [kind, reason] of Object.entries(SKIP_REASONS)) {
    for (const s of children(sourcesNode, kind))
      skipped.push({ kind: 'source', name: attr(s, 'name') ?? kind, reason });
  }
  for (const s of children(sourcesNode, 'TextSource')) {
    const name = (attr(s, 'name') ?? '').trim() || 'Untitled';
    const guid = GUID_REF(s, 'guid');
    if (!guid) {
      skipped.push({ kind: 'source', name, reason: 'no valid guid' });
      continue;
    }
    const embedded = s.PlainTextContent !== undefined ? textOf(s, 'PlainTextContent') : null;
    const loaded = embedded ?? fileText(attr(s, 'plainTextPath'), `source ${name}`);
    if (typeof loaded !== 'string') {
      skipped.push({
        kind: 'source',
        name,
        reason:
          attr(s, 'richTextPath') && !attr(s, 'plainTextPath')
            ? 'only a rich-text (DOCX) version is given'
            : loaded.missing,
      });
      continue;
    }
    if (loaded.trim() === '') {
      skipped.push({ kind: 'source', name, reason: 'the text is empty' });
      continue;
    }
    const { canonical, map } = positionMapper(loaded);
    const { fields, rest } = readMetaLines(textOf(s, 'Description'), SOURCE_META_KEYS);
    const values: PlanSource['values'] = [];
    for (const vv of children(s, 'VariableValue')) {
      const vg = GUID_REF(child(vv, 'VariableRef'), 'targetGUID');
      const value = variableValue(vv);
      if (!vg || !variableGuids.has(vg))
        problems.push({ kind: 'variable', name, reason: 'a value names an unknown variable' });
      else if (value !== null && value.trim() !== '') {
        const type = variableType.get(vg);
        const n = Number(value.trim());
        // Stored as the attributes store keeps them: numbers in JavaScript's form, dates as YYYY-MM-DD.
        if (type === 'number' && !Number.isFinite(n))
          problems.push({ kind: 'variable', name, reason: `"${value}" is not a number: value not imported` });
        else if (type === 'number') values.push({ variableGuid: vg, value: String(n) });
        else if (type === 'date') values.push({ variableGuid: vg, value: value.trim().slice(0, 10) });
        else values.push({ variableGuid: vg, value });
      }
    }
    if (children(s, 'Coding').length)
      problems.push({
        kind: 'source',
        name,
        reason: 'codes applied to the whole source are not imported (Dossier codes passages)',
      });
    const selections: PlanSelection[] = [];
    for (const sel of children(s, 'PlainTextSelection')) {
      const selGuid = GUID_REF(sel, 'guid');
      const label = `${name}: selection ${attr(sel, 'startPosition')}–${attr(sel, 'endPosition')}`;
      const startCp = Number(attr(sel, 'startPosition'));
      const endCp = Number(attr(sel, 'endPosition'));
      const start = Number.isInteger(startCp) ? map(startCp) : null;
      const end = Number.isInteger(endCp) ? map(endCp) : null;
      if (!selGuid) {
        problems.push({ kind: 'selection', name: label, reason: 'no valid guid' });
        continue;
      }
      if (start === null || end === null || end <= start) {
        problems.push({
          kind: 'selection',
          name: label,
          reason: `positions ${attr(sel, 'startPosition')}–${attr(sel, 'endPosition')} do not fall inside the source (0–${Array.from(loaded).length} characters)`,
        });
        continue;
      }
      if (canonical.slice(start, end).trim() === '') {
        problems.push({ kind: 'selection', name: label, reason: 'the selection holds only white space' });
        continue;
      }
      const codings: PlanSelection['codings'] = [];
      const notes = notesOf(sel);
      for (const c of children(sel, 'Coding')) {
        const codeGuid = GUID_REF(child(c, 'CodeRef'), 'targetGUID');
        const codingGuid = GUID_REF(c, 'guid');
        const n = notesOf(c);
        notes.guids.push(...n.guids);
        notes.text.push(...n.text);
        if (!codeGuid || !codeGuids.has(codeGuid))
          problems.push({
            kind: 'selection',
            name: label,
            reason: 'a coding names a code that is not in the codebook',
          });
        else if (codingGuid) codings.push({ guid: codingGuid, codeGuid });
      }
      if (codings.length === 0) {
        problems.push({
          kind: 'selection',
          name: label,
          reason: 'the selection has no code, and a Dossier claim needs at least one domain',
        });
        continue;
      }
      const meta = readMetaLines(textOf(sel, 'Description'), CLAIM_META_KEYS);
      if (meta.rest) notes.text.unshift(meta.rest);
      const userGuid = GUID_REF(sel, 'creatingUser');
      const credibility = Number(meta.fields.credibility);
      selections.push({
        guid: selGuid,
        start,
        end,
        codings,
        note: notes.text.join('\n\n'),
        noteGuid: notes.guids[0] ?? null,
        analyst: userGuid ? (userName.get(userGuid) ?? '') : '',
        userGuid,
        created: attr(sel, 'creationDateTime') ?? null,
        modified: attr(sel, 'modifiedDateTime') ?? null,
        actor: meta.fields.actor ?? '',
        stance: ['supports', 'opposes', 'neutral'].includes(meta.fields.stance) ? meta.fields.stance : null,
        reliability: /^[A-F]$/.test(meta.fields.reliability ?? '') ? meta.fields.reliability : null,
        credibility:
          Number.isInteger(credibility) && credibility >= 1 && credibility <= 6 ? credibility : null,
      });
    }
    sources.push({
      guid,
      name,
      text: canonical,
      meta: rest ? { description: rest } : {},
      source: fields.source ?? '',
      author: fields.author ?? '',
      published: fields.published ?? '',
      url: fields.url ?? '',
      created: attr(s, 'creationDateTime') ?? null,
      values,
      selections,
    });
  }
  for (const [guid, n] of noteText) {
    if (!usedNotes.has(guid))
      skipped.push({
        kind: 'note',
        name: n.name,
        reason: 'not attached to a coded passage (Dossier keeps notes on claims)',
      });
  }
  if (children(child(project, 'Cases'), 'Case').length)
    skipped.push({ kind: 'case', name: 'Cases', reason: 'cases are not imported' });
  return {
    name: attr(project, 'name') ?? '',
    users,
    codes,
    variables,
    sources,
    notes: usedNotes.size,
    skipped,
    problems,
  };
}
