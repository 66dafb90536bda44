import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { closeProject } from '../../../electron/core/project';
import { dossier, tempProject } from '../helpers';
import { seeded } from './synthetic';

describe('dossier suggest and dossier model', () => {
  it('prints suggestions with code-point positions and the per-domain figures', () => {
    const p = tempProject();
    const { a } = seeded(p);
    // a document whose suggestion follows an emoji: its UTF-16 offset is one more than its code-point offset
    const text =
      'Hello 😀 there. Troops artillery brigade drills battalion deployment troops frigate exercise.';
    const doc = addDocument(p.db, { title: 'emoji', format: 'txt', text }).id;
    const name = p.db.prepare('SELECT name FROM domains WHERE id = ?').pluck().get(a) as string;
    const file = p.path;
    closeProject(p);
    const r = dossier('suggest', file, '--doc', String(doc), '--min-score', '0', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      docId: number;
      start: number;
      end: number;
      quote: string;
      domain: string;
      score: number;
    }[];
    expect(out.length).toBeGreaterThan(0);
    const s = out.find((x) => x.domain === name)!;
    expect(s).toBeDefined();
    expect(Object.keys(s).sort()).toEqual(['docId', 'domain', 'end', 'quote', 'score', 'start']);
    expect(s.quote).toBe(text.slice(16));
    expect(s.start).toBe(15);
    expect(s.end).toBe(15 + [...s.quote].length);
    expect(out.every((x) => x.docId === doc)).toBe(true);
    const m = dossier('model', file, '--json');
    expect(m.code).toBe(0);
    const info = JSON.parse(m.stdout) as {
      trained: boolean;
      domains: { domain: string; examples: number; hidden: boolean }[];
    };
    expect(info.trained).toBe(true);
    expect(info.domains.find((d) => d.domain === name)).toMatchObject({ examples: 18, hidden: false });
    expect(dossier('model', file).stdout).toMatch(/cross-validation by document/);
    const bad = dossier('suggest', file, '--min-score', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-score/);
  });
});
