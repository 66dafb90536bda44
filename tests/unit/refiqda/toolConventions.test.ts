import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile, type QdpxImportReport } from '../../../electron/core/refiqda/importQdpx';
import { tempDir } from '../helpers';
import { type Convention, type Doc, socialComments, TOOLS, toolQdpx, type ToolProject } from './toolFiles';

// One interview, written as NVivo (Windows, Mac), MAXQDA, ATLAS.ti and QualCoder write it: every coding must land
// on exactly the text the tool showed, whatever the tool counts.
const INTERVIEW: Doc = {
  name: 'Interview Ana',
  text: [
    'Q: How was it? 😀',
    'A: The election 🗳️ was fair, said the 𝐇𝐞𝐚𝐝 of the commission.',
    'Q: And trade with 🇫🇷 France?',
    'A: Trade grew 📈 but jobs 👨‍👩‍👧‍👦 did not. Trade grew again.',
  ].join('\n'),
  passages: [
    { quote: 'election 🗳️ was fair', codes: ['Elections'], user: 'Maria', memo: 'Maria: fairness claim' },
    { quote: 'Trade grew', nth: 2, codes: ['Trade'], user: 'Maria', codedBy: ['João'] },
    { quote: 'jobs 👨‍👩‍👧‍👦 did not', codes: ['Jobs', 'Elections'], user: 'Maria', codedBy: ['Maria', 'João'] },
    { quote: 'France', codes: ['Trade'], user: 'João' },
    { quote: 'the 𝐇𝐞𝐚𝐝 of the commission', codes: ['Elections'], user: 'Maria' },
  ],
  variables: { Country: 'Chile', Age: '42', Interviewed: '2024-02-29' },
  cases: ['Ana'],
};
const NOTES: Doc = {
  name: 'Field notes',
  text: 'Plain notes without any emoji.\nSecond line about trade.',
  passages: [{ quote: 'about trade', codes: ['Trade'], user: 'João' }],
  variables: { Country: 'Peru', Age: '35', Interviewed: '2024-03-01' },
  cases: ['Ana', 'Site B'],
};
const PROJECT: ToolProject = {
  docs: [INTERVIEW, NOTES],
  codes: ['Politics=#FF0000', 'Politics/Elections', 'Economy!', 'Economy/Trade=#00AA00', 'Economy/Jobs'],
  users: ['Maria', 'João'],
  variables: { Country: 'Text', Age: 'Integer', Interviewed: 'Date' },
  extras: { sets: true, graphs: true, annotation: true, projectNote: true },
};

interface Row {
  title: string;
  quote: string;
  domains: string;
  analyst: string;
  note: string;
}

function claims(p: Project): Row[] {
  return p.db
    .prepare(
      `SELECT d.title, c.quote, c.analyst, c.note,
         (SELECT group_concat(name, '|') FROM (SELECT m.name FROM claim_domains cd JOIN domains m ON m.id = cd.domain_id
            WHERE cd.claim_id = c.id ORDER BY m.name)) AS domains
       FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY d.title, c.start, c.analyst`,
    )
    .all() as Row[];
}

/** What the other tool showed: one claim per passage and analyst. */
function expected(p: ToolProject): Row[] {
  const rows: Row[] = [];
  for (const d of p.docs)
    for (const ps of d.passages) {
      const by = new Map<string, string[]>();
      ps.codes.forEach((code, i) => {
        const who = ps.codedBy?.[i] ?? ps.user ?? '';
        by.set(who, [...(by.get(who) ?? []), code]);
      });
      for (const [analyst, codes] of by)
        rows.push({
          title: d.name,
          quote: ps.quote,
          domains: [...codes].sort().join('|'),
          analyst,
          note: ps.memo ?? '',
        });
    }
  const start = (r: Row): number => {
    const d = p.docs.find((x) => x.name === r.title) as Doc;
    const ps = d.passages.find((x) => x.quote === r.quote) as Doc['passages'][number];
    let at = -1;
    for (let k = 0; k < (ps.nth ?? 1); k++) at = d.text.indexOf(ps.quote, at + 1);
    return at;
  };
  return rows.sort(
    (a, b) => a.title.localeCompare(b.title) || start(a) - start(b) || (a.analyst < b.analyst ? -1 : 1),
  );
}

function importTool(bytes: Uint8Array, name: string): { report: QdpxImportReport; project: Project } {
  const file = path.join(tempDir('dossier-tools-'), `${name}.dossier`);
  const report = importQdpxFile(bytes, file, `${name}.qdpx`);
  return { report, project: openProject(file) };
}

const reading = (c: Convention): { unit: string; lineEnds: string } => ({
  unit: c.unit,
  // Where the .txt has no CRLF the two line-end readings are the same; the tool's own is reported.
  lineEnds: c.lineEnds,
});

describe.each(Object.entries(TOOLS))('a .qdpx written the way %s writes it', (tool, convention) => {
  it('puts every coding on exactly the text the tool showed, one claim per analyst', () => {
    const { report, project } = importTool(toolQdpx(convention, PROJECT), tool);
    try {
      expect(claims(project)).toEqual(expected(PROJECT));
      expect(report.positions).toMatchObject(reading(convention));
      expect(report.problems.filter((p) => p.kind === 'positions')).toEqual([]);
    } finally {
      closeProject(project);
    }
  });

  it('round-trips through Dossier’s own .qdpx to the character', () => {
    const first = importTool(toolQdpx(convention, PROJECT), tool);
    try {
      const again = importTool(exportQdpx(first.project.db, 'Again').bytes, `${tool}-again`);
      try {
        expect(claims(again.project)).toEqual(claims(first.project));
        expect(again.report.positions).toMatchObject({ producer: 'Dossier', unit: 'codepoint' });
      } finally {
        closeProject(again.project);
      }
    } finally {
      closeProject(first.project);
    }
  });

  it('gives document variables typed values, wherever the tool keeps them', () => {
    const { project } = importTool(toolQdpx(convention, PROJECT), tool);
    try {
      const rows = project.db
        .prepare(
          `SELECT d.title, a.name, a.type, v.value FROM document_attributes v JOIN attributes a ON a.id = v.attribute_id
           JOIN documents d ON d.id = v.document_id ORDER BY d.title, a.name`,
        )
        .all();
      const named = convention.variables === 'named-cases';
      // A named case's values reach every document it covers; its name becomes the "Case" attribute.
      const notes = named
        ? [
            { title: 'Field notes', name: 'Age', type: 'number', value: '42' },
            { title: 'Field notes', name: 'Case', type: 'text', value: 'Ana; Site B' },
            { title: 'Field notes', name: 'Country', type: 'text', value: 'Chile' },
            { title: 'Field notes', name: 'Interviewed', type: 'date', value: '2024-02-29' },
          ]
        : [
            { title: 'Field notes', name: 'Age', type: 'number', value: '35' },
            { title: 'Field notes', name: 'Country', type: 'text', value: 'Peru' },
            { title: 'Field notes', name: 'Interviewed', type: 'date', value: '2024-03-01' },
          ];
      expect(rows).toEqual([
        ...notes,
        { title: 'Interview Ana', name: 'Age', type: 'number', value: '42' },
        ...(named ? [{ title: 'Interview Ana', name: 'Case', type: 'text', value: 'Ana' }] : []),
        { title: 'Interview Ana', name: 'Country', type: 'text', value: 'Chile' },
        { title: 'Interview Ana', name: 'Interviewed', type: 'date', value: '2024-02-29' },
      ]);
    } finally {
      closeProject(project);
    }
  });

  it('keeps grouping codes uncodable and codes without a colour without a chosen one', () => {
    const { project } = importTool(toolQdpx(convention, PROJECT), tool);
    try {
      const domains = project.db
        .prepare('SELECT name, color, codable, color_chosen FROM domains ORDER BY id')
        .all() as { name: string; color: string; codable: number; color_chosen: number }[];
      expect(domains.map((d) => [d.name, d.codable, d.color_chosen])).toEqual([
        ['Politics', 1, 1],
        ['Elections', 1, 0],
        ['Economy', 0, 0],
        ['Trade', 1, 1],
        ['Jobs', 1, 0],
      ]);
      expect(domains[0].color).toBe('#FF0000');
      // The default shown for a code without a colour is still a colour.
      for (const d of domains) expect(d.color).toMatch(/^#[0-9A-F]{6}$/i);
    } finally {
      closeProject(project);
    }
  });

  it('says in the report what it did not import, and why', () => {
    const { report, project } = importTool(toolQdpx(convention, PROJECT), tool);
    // The tool's set of sources is a document set (issue 13); its code is what is left out.
    const sets = project.db
      .prepare(
        `SELECT s.name, d.title FROM document_sets s JOIN document_set_members m ON m.set_id = s.id
         JOIN documents d ON d.id = m.document_id`,
      )
      .raw()
      .all();
    closeProject(project);
    expect(sets).toEqual([['Wave 1', 'Interview Ana']]);
    expect(report.sets).toBe(1);
    const lines = [...report.skipped, ...report.problems].map((i) => `${i.kind}: ${i.name}: ${i.reason}`);
    const has = (re: RegExp): void =>
      expect(
        lines.filter((l) => re.test(l)),
        String(re),
      ).toHaveLength(1);
    has(/^set: Wave 1: 1 code in it is not imported \(Dossier's sets group documents\)$/);
    has(/^graph: Concept map: graphs are not imported \(2 vertices, 1 edge\)$/);
    has(/^link: leads to: links code "Politics" to code "Elections": Dossier has no links/);
    has(/^note: Annotation 1: attached to an uncoded passage in Interview Ana/);
    // A note attached to nothing is the project's journal: it comes in as a memo (issue 13), not reported.
    expect(lines.filter((l) => /Project journal/.test(l))).toEqual([]);
    has(/^selection: Interview Ana: “election 🗳️ was fair”: the selection has no code/);
    expect(report.notes).toBe(1);
    expect(report.memos).toBe(1);
  });
});

describe('positions that only the text can settle', () => {
  it('reads an NVivo file whose positions are code points as code points, and says so per source', () => {
    const bytes = toolQdpx({ ...TOOLS.nvivoWindows, unit: 'codepoint' }, PROJECT);
    const { report, project } = importTool(bytes, 'nvivo-cp');
    try {
      expect(claims(project)).toEqual(expected(PROJECT));
      expect(report.positions).toMatchObject({ producer: 'NVivo', unit: 'codepoint', lineEnds: 'crlf' });
      expect(report.positions.basis).toMatch(/the text contradicts how that tool counts/);
      const positions = report.problems.filter((p) => p.kind === 'positions');
      // Only the interview has characters outside the BMP; the field notes read the same either way.
      expect(positions.map((p) => p.name)).toEqual(['Interview Ana']);
      expect(positions[0].reason).toMatch(
        /^read as code points \(characters\), a CRLF line end as two, not as NVivo counts/,
      );
    } finally {
      closeProject(project);
    }
  });

  it('tells UTF-16 from code points by word boundaries when the file gives no names (MAXQDA)', () => {
    for (const unit of ['utf16', 'codepoint'] as const) {
      const { report, project } = importTool(toolQdpx({ ...TOOLS.maxqda, unit }, PROJECT), `maxqda-${unit}`);
      try {
        expect(claims(project)).toEqual(expected(PROJECT));
        expect(report.positions).toMatchObject({ producer: 'MAXQDA', unit, lineEnds: 'crlf' });
        expect(report.positions.basis).toMatch(/chosen from the text/);
      } finally {
        closeProject(project);
      }
    }
  });

  it('places 100 codings among 894 astral characters of social-media comments (NVivo, UTF-16)', () => {
    let { text, comments } = socialComments(260);
    // Trim to exactly 894 astral characters, as in the YouTube-comments project.
    while ([...text].filter((c) => c.codePointAt(0)! > 0xffff).length > 894) {
      comments = comments.slice(0, -1);
      text = comments.join('\n');
    }
    const astral = [...text].filter((c) => c.codePointAt(0)! > 0xffff).length;
    expect(astral).toBeGreaterThan(880);
    const passages = comments
      .filter((_, i) => i % Math.ceil(comments.length / 100) === 0)
      .slice(0, 100)
      .map((c) => ({ quote: c.slice(c.indexOf(' ') + 1), codes: ['Elections'], user: 'Maria' }));
    const social: ToolProject = {
      docs: [{ name: 'YouTube comments', text, passages }],
      codes: ['Elections'],
      users: ['Maria'],
    };
    for (const names of ['truncated', 'none'] as const) {
      const { report, project } = importTool(
        toolQdpx({ ...TOOLS.nvivoWindows, names }, social),
        `yt-${names}`,
      );
      try {
        expect(claims(project).map((r) => r.quote)).toEqual(passages.map((p) => p.quote));
        expect(report.positions).toMatchObject({ unit: 'utf16', lineEnds: 'crlf' });
      } finally {
        closeProject(project);
      }
    }
  });

  it('maps positions in a decomposed (NFD) text onto the composed canonical text', () => {
    const doc: Doc = {
      name: 'Entretien',
      text: 'Élodie a déclaré: « la sécurité 🛡️ d’abord ». Ensuite, René a parlé.',
      passages: [
        { quote: 'la sécurité 🛡️ d’abord', codes: ['Elections'], user: 'Maria' },
        { quote: 'René a parlé', codes: ['Elections'], user: 'Maria' },
      ],
    };
    const nfd: ToolProject = { docs: [doc], codes: ['Elections'], users: ['Maria'] };
    const c = { ...TOOLS.qualcoder, form: 'NFD' as const };
    expect(doc.text.normalize('NFD').length).toBeGreaterThan(doc.text.length);
    const { project } = importTool(toolQdpx(c, nfd), 'nfd');
    try {
      expect(claims(project).map((r) => r.quote)).toEqual(doc.passages.map((p) => p.quote));
      const stored = project.db.prepare('SELECT text FROM documents').pluck().get() as string;
      expect(stored).toBe(doc.text);
    } finally {
      closeProject(project);
    }
  });

  it('reads an ATLAS.ti archive whose project file is named after the project', () => {
    const { report, project } = importTool(toolQdpx(TOOLS.atlas, PROJECT), 'atlas-named');
    closeProject(project);
    expect(TOOLS.atlas.qde).toBe('Interviews.qde');
    expect(report.sources).toBe(2);
  });
});
