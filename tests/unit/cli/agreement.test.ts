import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { agreementProject } from '../agreement/project';
import { dossier } from '../helpers';

// `dossier agreement` through the real CLI: the JSON contract (segment positions in code points), the table, and
// exit codes for a bad command line (2) and a failure the API reports (1).

interface Json {
  analysts: string[];
  characters: number;
  domains: {
    domain: string;
    percentAgreement: number;
    kappa: number | null;
    alpha: number | null;
    kappaReason: string | null;
  }[];
  overall: { percentAgreement: number | null; kappa: number | null; alpha: number | null };
  segments: {
    claimId: number;
    start: number;
    end: number;
    agreed: boolean;
    analyst: string;
    domain: string;
  }[];
}

/** A closed project file: 😀 then 50 x's; A codes 0–25 and B 0–20 and 25–35 with Military (κ = 0.4). */
function projectFile(): { file: string; doc: number } {
  const t = agreementProject();
  const d = t.domain('Military');
  t.domain('Economy');
  const doc = t.doc(`😀${'x'.repeat(49)}`);
  t.claim(doc, 'A', 0, 25, [d]);
  t.claim(doc, 'B', 0, 20, [d]);
  t.claim(doc, 'B', 25, 35, [d]);
  t.claim(doc, 'C', 0, 25, [d]);
  closeProject(t.p);
  return { file: t.p.path, doc };
}

describe('dossier agreement', () => {
  it('prints the measures as JSON, segment positions in code points', () => {
    const { file, doc } = projectFile();
    const r = dossier('agreement', file, '--analysts', 'A', 'B', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.analysts).toEqual(['A', 'B']);
    expect(j.characters).toBe(50);
    const military = j.domains.find((d) => d.domain === 'Military')!;
    expect(military.kappa).toBeCloseTo(0.4, 10);
    expect(military.percentAgreement).toBeCloseTo(0.7, 10);
    const economy = j.domains.find((d) => d.domain === 'Economy')!;
    expect(economy).toMatchObject({ kappa: null, alpha: null, percentAgreement: 1 });
    expect(economy.kappaReason).toMatch(/no analyst coded this domain/);
    // The emoji is one character: B's second claim is 25–35 in code points (26–36 in UTF-16).
    expect(j.segments.map((s) => [s.analyst, s.start, s.end, s.agreed])).toEqual([
      ['B', 0, 20, true],
      ['A', 0, 25, false],
      ['B', 25, 35, false],
    ]);
    expect(j.segments[0]).not.toHaveProperty('charStart');
    // --doc and --domain narrow it; --threshold changes which segments agree.
    const narrowed = JSON.parse(
      dossier(
        'agreement',
        file,
        '--analysts',
        'A',
        'B',
        '--domain',
        'military',
        '--doc',
        String(doc),
        '--threshold',
        '80',
        '--json',
      ).stdout,
    ) as Json;
    expect(narrowed.domains.map((d) => d.domain)).toEqual(['Military']);
    expect(narrowed.segments.map((s) => s.agreed)).toEqual([true, true, false]);
  });

  it('prints a table per domain, with κ per pair for three analysts and the segments not agreed', () => {
    const { file } = projectFile();
    const two = dossier('agreement', file, '--analysts', 'A', 'B');
    expect(two.code).toBe(0);
    const lines = two.stdout.split('\n');
    expect(lines[0]).toMatch(/^Agreement between A, B: 1 document, 50 characters/);
    expect(lines.find((l) => l.startsWith('Domain'))).toMatch(
      /Domain\s+agreement\s+κ\s+α\s+A chars\s+B chars\s+segments agreed/,
    );
    expect(lines.find((l) => l.startsWith('Military'))).toMatch(
      /^Military\s+70\.0%\s+0\.400\s+0\.\d{3}\s+25\s+30\s+1\/3 \(33\.3%\)$/,
    );
    expect(lines.find((l) => l.startsWith('Economy'))).toMatch(/^Economy\s+100\.0%\s+—\s+—/);
    expect(two.stdout).toContain(
      'Economy: no analyst coded this domain in the chosen documents (κ and α undefined)',
    );
    expect(two.stdout).toMatch(
      /Segments not agreed:\n.*\n1\s+0–25\s+A\s+Military\s+B 80\.0%\s+😀x{24}\n1\s+25–35\s+B\s+Military\s+A 0\.0%\s+x{10}\n$/,
    );
    const three = dossier('agreement', file, '--analysts', 'A', 'B', 'C');
    expect(three.code).toBe(0);
    expect(three.stdout).toMatch(/Domain\s+agreement\s+κ A–B\s+κ A–C\s+κ B–C\s+α/);
    expect(three.stdout.split('\n').find((l) => l.startsWith('Military'))).toMatch(
      /0\.400\s+1\.000\s+0\.400/,
    );
  });

  it('exits 2 for a bad command line and 1 for what the project refuses, changing nothing', () => {
    const { file } = projectFile();
    for (const args of [
      ['--analysts', 'A'],
      ['--analysts', 'A', 'A'],
      ['--analysts', 'A', 'B', '--threshold', '0'],
      ['--analysts', 'A', 'B', '--threshold', 'lots'],
      ['--analysts', 'A', 'B', '--doc', 'one'],
    ]) {
      const r = dossier('agreement', file, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^dossier: /);
      expect(r.stdout).toBe('');
    }
    const unknown = dossier('agreement', file, '--analysts', 'A', 'Zed');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /no claims by an analyst named "Zed" in this project \(analysts with claims: A, B, C\)/,
    );
    const domain = dossier('agreement', file, '--analysts', 'A', 'B', '--domain', 'Nope');
    expect(domain.code).toBe(1);
    expect(domain.stderr).toMatch(/no domain named "Nope"/);
    expect(dossier('agreement', file, '--analysts', 'A', 'B', '--doc', '99').stderr).toMatch(
      /no document 99/,
    );
    expect(JSON.parse(dossier('claims', file, '--json').stdout)).toHaveLength(4);
  });
});
