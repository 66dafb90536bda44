import { strToU8, zipSync } from 'fflate';

// .qdpx files written the way other tools write them (see INTEROP.md for what each fixture imitates and where
// that is known from). Each passage records the text the other tool showed, so a test can check that every
// coding lands on exactly that text. Only the conventions matter here, not any tool's full output.

export interface Convention {
  origin: string;
  /** What the positions count. */
  unit: 'utf16' | 'codepoint';
  /** How the positions count a CRLF line end: as stored (two) or as one. */
  lineEnds: 'crlf' | 'lf';
  /** The line ends the .txt files have. */
  stored: '\r\n' | '\n';
  bom: boolean;
  folder: 'Sources' | 'sources';
  guids: 'upper' | 'lower' | 'braced';
  /** Name of the project file in the archive. */
  qde: string;
  /** What PlainTextSelection@name holds: the passage, its first 20 characters and "...", or nothing. */
  names: 'quote' | 'truncated' | 'none';
  /** How a memo reaches a coding: a <Link> from the note to the selection (NVivo), or a NoteRef. */
  memos: 'links' | 'noteref';
  /** Where document variables are: named cases (NVivo), one unnamed case per document (MAXQDA), the source. */
  variables: 'named-cases' | 'unnamed-cases' | 'source';
  /** The normal form the .txt files are in. */
  form: 'NFC' | 'NFD';
}

export interface Passage {
  /** The text the other tool showed (canonical: NFC, `\n`); `nth` picks among repeats (1-based). */
  quote: string;
  nth?: number;
  codes: string[];
  /** The selection's creator; `codedBy` gives each coding's creator where it differs. */
  user?: string;
  codedBy?: string[];
  memo?: string;
}

export interface Doc {
  name: string;
  /** Canonical text: NFC with `\n`. */
  text: string;
  passages: Passage[];
  variables?: Record<string, string>;
  /** Named cases this document belongs to (named-cases convention). */
  cases?: string[];
}

export interface ToolProject {
  docs: Doc[];
  /** Code names, "Parent/Child" for hierarchy; a trailing "!" marks isCodable="false"; "#rrggbb" after "=" a colour. */
  codes: string[];
  users: string[];
  variables?: Record<string, 'Text' | 'Integer' | 'Float' | 'Date' | 'Boolean'>;
  /** Extras another tool writes that Dossier cannot hold (reported, not imported). */
  extras?: { sets?: boolean; graphs?: boolean; annotation?: boolean; projectNote?: boolean };
}

export const TOOLS: Record<string, Convention> = {
  // Measured on real NVivo 12 files (issue 10): UTF-16 units of the text as stored, BOM not counted, CRLF as two.
  nvivoWindows: {
    origin: 'NVivo 12 Plus (Windows)',
    unit: 'utf16',
    lineEnds: 'crlf',
    stored: '\r\n',
    bom: true,
    folder: 'Sources',
    guids: 'upper',
    qde: 'project.qde',
    names: 'truncated',
    memos: 'links',
    variables: 'named-cases',
    form: 'NFC',
  },
  nvivoMac: {
    origin: 'NVivo 12 (Mac)',
    unit: 'utf16',
    lineEnds: 'crlf',
    stored: '\n',
    bom: true,
    folder: 'Sources',
    guids: 'upper',
    qde: 'project.qde',
    names: 'quote',
    memos: 'links',
    variables: 'named-cases',
    form: 'NFC',
  },
  // MAXQDA wants CRLF sources (its codings count both characters) and keeps variables in unnamed cases; the
  // unit is not documented: positions here are UTF-16, to be told from the text.
  maxqda: {
    origin: 'MAXQDA 24',
    unit: 'utf16',
    lineEnds: 'crlf',
    stored: '\r\n',
    bom: false,
    folder: 'sources',
    guids: 'lower',
    qde: 'project.qde',
    names: 'none',
    memos: 'noteref',
    variables: 'unnamed-cases',
    form: 'NFC',
  },
  // ATLAS.ti counts a CRLF as one although its .txt keeps both, and names the project file after the project.
  atlas: {
    origin: 'ATLAS.ti 23.2 (Windows)',
    unit: 'codepoint',
    lineEnds: 'lf',
    stored: '\r\n',
    bom: true,
    folder: 'sources',
    guids: 'upper',
    qde: 'Interviews.qde',
    names: 'truncated',
    memos: 'noteref',
    variables: 'source',
    form: 'NFC',
  },
  // QualCoder counts Python code points of its own `\n` text and writes the .txt with a BOM (utf-8-sig).
  qualcoder: {
    origin: 'QualCoder 3.6',
    unit: 'codepoint',
    lineEnds: 'lf',
    stored: '\n',
    bom: true,
    folder: 'sources',
    guids: 'lower',
    qde: 'project.qde',
    names: 'none',
    memos: 'noteref',
    variables: 'source',
    form: 'NFC',
  },
};

/** Deterministic GUIDs: n-th object of the file. */
function guidMaker(style: Convention['guids']): (n: number) => string {
  return (n) => {
    const g = `5e1ec7ed-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    return style === 'upper' ? g.toUpperCase() : style === 'braced' ? `{${g.toUpperCase()}}` : g;
  };
}

const esc = (s: string): string => s.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The text as the tool stores it. */
export function stored(c: Convention, text: string): string {
  return text.replace(/\n/g, c.stored).normalize(c.form);
}

/** A position as the tool counts it: the stored form of the canonical prefix, in its unit and line ends. */
export function position(c: Convention, text: string, offset: number): number {
  let prefix = stored(c, text.slice(0, offset));
  if (c.lineEnds === 'lf') prefix = prefix.replace(/\r\n/g, '\n');
  return c.unit === 'utf16' ? prefix.length : [...prefix].length;
}

function findNth(text: string, quote: string, nth = 1): number {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture quote not found: ${quote}`);
  }
  return at;
}

function nameOf(c: Convention, quote: string): string {
  if (c.names === 'none') return '';
  const flat = quote.replace(/\n/g, ' ');
  return c.names === 'quote' || [...flat].length <= 20 ? flat : `${[...flat].slice(0, 20).join('')}...`;
}

/** Writes the project as a .qdpx in the tool's conventions. */
export function toolQdpx(c: Convention, p: ToolProject, overrides: { origin?: string } = {}): Uint8Array {
  const G = guidMaker(c.guids);
  let n = 1;
  const next = (): string => G(n++);
  const userGuid = new Map(p.users.map((u) => [u, next()]));
  const codeGuid = new Map<string, string>();
  const codeXml = (prefix: string, depth: number): string =>
    p.codes
      .filter((spec) => {
        const path = spec.split('=')[0].replace(/!$/, '');
        return path.startsWith(prefix) && path.slice(prefix.length).split('/').length === 1;
      })
      .map((spec) => {
        const [pathBang, color] = spec.split('=');
        const path = pathBang.replace(/!$/, '');
        const guid = next();
        codeGuid.set(path.slice(path.lastIndexOf('/') + 1), guid);
        const inner = codeXml(`${path}/`, depth + 1);
        const attrs = `guid="${guid}" name="${esc(path.slice(prefix.length))}" isCodable="${pathBang.endsWith('!') ? 'false' : 'true'}"${color ? ` color="${color}"` : ''}`;
        return inner ? `<Code ${attrs}>${inner}</Code>` : `<Code ${attrs}/>`;
      })
      .join('');
  const codebook = codeXml('', 0);
  const variableGuid = new Map(Object.keys(p.variables ?? {}).map((v) => [v, next()]));
  const valueElement = (name: string, value: string): string => {
    const type = p.variables?.[name] ?? 'Text';
    return `<VariableValue><VariableRef targetGUID="${variableGuid.get(name)}"/><${type}Value>${esc(value)}</${type}Value></VariableValue>`;
  };
  const notes: string[] = [];
  const links: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const sourceGuid = new Map<string, string>();
  const firstSelection: string[] = [];
  const sources = p.docs.map((d) => {
    const guid = next();
    sourceGuid.set(d.name, guid);
    const file = `${guid}.txt`;
    files[`${c.folder}/${file}`] = strToU8(`${c.bom ? '\uFEFF' : ''}${stored(c, d.text)}`);
    const selections = d.passages.map((ps) => {
      const sel = next();
      firstSelection.push(sel);
      const start = findNth(d.text, ps.quote, ps.nth);
      const codings = ps.codes
        .map((code, i) => {
          const by = ps.codedBy?.[i];
          return `<Coding guid="${next()}"${by ? ` creatingUser="${userGuid.get(by)}"` : ''}><CodeRef targetGUID="${codeGuid.get(code)}"/></Coding>`;
        })
        .join('');
      let noteRef = '';
      if (ps.memo) {
        const note = next();
        notes.push(
          `<Note guid="${note}" name="Memo ${notes.length + 1}"><PlainTextContent>${esc(ps.memo)}</PlainTextContent></Note>`,
        );
        if (c.memos === 'links')
          links.push(`<Link guid="${next()}" originGUID="${note}" targetGUID="${sel}"/>`);
        else noteRef = `<NoteRef targetGUID="${note}"/>`;
      }
      const name = nameOf(c, ps.quote);
      return `<PlainTextSelection guid="${sel}"${name ? ` name="${esc(name)}"` : ''} startPosition="${position(c, d.text, start)}" endPosition="${position(c, d.text, start + ps.quote.length)}"${ps.user ? ` creatingUser="${userGuid.get(ps.user)}"` : ''} creationDateTime="2024-03-01T10:00:00Z">${codings}${noteRef}</PlainTextSelection>`;
    });
    const values =
      c.variables === 'source'
        ? Object.entries(d.variables ?? {})
            .map(([k, v]) => valueElement(k, v))
            .join('')
        : '';
    return `<TextSource guid="${guid}" name="${esc(d.name)}" plainTextPath="internal://${file}">${selections.join('')}${values}</TextSource>`;
  });
  const cases: string[] = [];
  if (c.variables === 'unnamed-cases')
    for (const d of p.docs)
      if (d.variables)
        cases.push(
          `<Case guid="${next()}">${Object.entries(d.variables)
            .map(([k, v]) => valueElement(k, v))
            .join('')}<SourceRef targetGUID="${sourceGuid.get(d.name)}"/></Case>`,
        );
  if (c.variables === 'named-cases') {
    const names = [...new Set(p.docs.flatMap((d) => d.cases ?? []))];
    for (const name of names) {
      const members = p.docs.filter((d) => d.cases?.includes(name));
      const values = Object.entries(members[0].variables ?? {});
      cases.push(
        `<Case guid="${next()}" name="${esc(name)}">${values.map(([k, v]) => valueElement(k, v)).join('')}${members
          .map((m) => `<SourceRef targetGUID="${sourceGuid.get(m.name)}"/>`)
          .join('')}</Case>`,
      );
    }
  }
  const extras: string[] = [];
  if (p.extras?.annotation) {
    // NVivo's annotation: an uncoded selection with a note linked to it.
    const d = p.docs[0];
    const quote = d.passages[0].quote;
    const start = findNth(d.text, quote);
    const sel = next();
    const note = next();
    sources[0] = sources[0].replace(
      '</TextSource>',
      `<PlainTextSelection guid="${sel}" startPosition="${position(c, d.text, start)}" endPosition="${position(c, d.text, start + quote.length)}"/></TextSource>`,
    );
    notes.push(
      `<Note guid="${note}" name="Annotation 1"><PlainTextContent>An annotation on the opening words.</PlainTextContent></Note>`,
    );
    links.push(`<Link guid="${next()}" originGUID="${note}" targetGUID="${sel}"/>`);
  }
  if (p.extras?.projectNote)
    notes.push(
      `<Note guid="${next()}" name="Project journal"><PlainTextContent>Week 1: started coding.</PlainTextContent></Note>`,
    );
  const codeGuids = [...codeGuid.values()];
  if (p.extras?.graphs && codeGuids.length >= 2)
    links.push(
      `<Link guid="${next()}" name="leads to" originGUID="${codeGuids[0]}" targetGUID="${codeGuids[1]}"/>`,
    );
  if (p.extras?.sets)
    extras.push(
      `<Sets><Set guid="${next()}" name="Wave 1"><MemberSource targetGUID="${[...sourceGuid.values()][0]}"/><MemberCode targetGUID="${codeGuids[0]}"/></Set></Sets>`,
    );
  if (p.extras?.graphs) {
    const [a, b] = [next(), next()];
    extras.push(
      `<Graphs><Graph guid="${next()}" name="Concept map"><Vertex guid="${a}" representedGUID="${codeGuids[0]}" firstX="0" firstY="0"/><Vertex guid="${b}" representedGUID="${codeGuids[1]}" firstX="100" firstY="0"/><Edge guid="${next()}" sourceVertex="${a}" targetVertex="${b}"/></Graph></Graphs>`,
    );
  }
  const variables = [...variableGuid].map(
    ([name, guid]) =>
      `<Variable guid="${guid}" name="${esc(name)}" typeOfVariable="${p.variables?.[name]}"/>`,
  );
  const qde = `${c.bom ? '\uFEFF' : ''}<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="${esc(overrides.origin ?? c.origin)}">
<Users>${[...userGuid].map(([name, guid]) => `<User guid="${guid}" name="${esc(name)}"/>`).join('')}</Users>
<CodeBook><Codes>${codebook}</Codes></CodeBook>
${variables.length ? `<Variables>${variables.join('')}</Variables>` : ''}
${cases.length ? `<Cases>${cases.join('')}</Cases>` : ''}
<Sources>${sources.join('\n')}</Sources>
${notes.length ? `<Notes>${notes.join('')}</Notes>` : ''}
${links.length ? `<Links>${links.join('')}</Links>` : ''}
${extras.join('\n')}
</Project>`;
  return zipSync({ [c.qde]: strToU8(qde), ...files });
}

// Social-media text: emoji with and without presentation selectors, skin tones, flags (two regional
// indicators), a family joined by zero-width joiners (11 UTF-16 units), mathematical letters used as "bold".
const DECOR = ['😂', '🔥🔥', '👍🏽', '🇫🇷', '🇧🇷🇵🇹', '❤️', '👨‍👩‍👧‍👦', '𝐇𝐮𝐠𝐞', '𝓌𝑜𝓌', '🙏', '💯'];
const WORDS = ['the', 'minister', 'said', 'aid', 'training', 'never', 'arrived', 'border', 'talks', 'army'];

/** `count` comments, each mixing words and astral decorations; deterministic. */
export function socialComments(count: number): { text: string; comments: string[] } {
  const comments: string[] = [];
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 4 + rnd(6) }, () => WORDS[rnd(WORDS.length)]);
    words.splice(rnd(words.length), 0, DECOR[rnd(DECOR.length)]);
    comments.push(`@user${i} ${words.join(' ')} ${DECOR[rnd(DECOR.length)]}`);
  }
  return { text: comments.join('\n'), comments };
}

/** Number of characters outside the BMP. */
export const astralCount = (s: string): number => [...s].filter((ch) => ch.codePointAt(0)! > 0xffff).length;
