import { describe, expect, it } from 'vitest';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { extractFile } from '../../../electron/core/import/formats';
import { paragraphNumberAt, paragraphSpans, paragraphStarts } from '../../../shared/paragraphs';
import { tempProject } from '../helpers';
import { caller } from '../memos/project';

const units = (text: string): string[] => paragraphSpans(text).map((p) => text.slice(p.start, p.end));

describe('paragraph numbers', () => {
  it('give each list item of a plain text its own number', () => {
    const text =
      'Allies agreed three things:\n• training for officers\n• shared planning\n- early warning\n\nThe end.';
    expect(units(text)).toEqual([
      'Allies agreed three things:',
      '• training for officers',
      '• shared planning',
      '- early warning',
      'The end.',
    ]);
    expect(units('Steps:\n1. plan\n2) train\n(a) deploy')).toEqual([
      'Steps:',
      '1. plan',
      '2) train',
      '(a) deploy',
    ]);
  });

  it('give each table cell and each heading its own number', () => {
    const text = '# Annex\nBudgets by year\n\nYear | Amount\n\n2024 | 1.2 bn\n\nA closing line\nwrapped.';
    expect(units(text)).toEqual([
      '# Annex',
      'Budgets by year',
      'Year',
      'Amount',
      '2024',
      '1.2 bn',
      'A closing line\nwrapped.',
    ]);
  });

  it('keep prose with a stray bar and wrapped lines as one paragraph', () => {
    const text =
      'Revenue | costs were discussed at length\nby the ministers present at the meeting.\n\nNext.';
    expect(units(text)).toEqual([
      'Revenue | costs were discussed at length\nby the ministers present at the meeting.',
      'Next.',
    ]);
  });

  it('number an offset by the unit that holds it, the blank lines after a unit counting as it', () => {
    const text = 'One\n\n• a\n• b';
    const starts = paragraphStarts(text);
    expect([0, 3, 5, 7, 9, 11].map((o) => paragraphNumberAt(starts, o))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('citations in exports', () => {
  const page = `<!doctype html><html><head><title>Training plan</title></head><body><article>
    <h1>Training plan</h1>
    <p>Defence ministers agreed a plan with three parts, each of them funded for three years at least by the allies.</p>
    <ul><li>Training for officers and non-commissioned officers</li><li>Joint planning of capabilities</li>
    <li>Early warning of missile launches</li></ul>
    <table><tr><th>Year</th><th>Budget</th></tr><tr><td>2025</td><td>Four billion euros</td></tr></table>
    <p>Ministers will meet again in the autumn to review the plan and its funding with their partners.</p>
    </article></body></html>`;

  it('cite three bullets, a table cell and a plain-text list item each by its own ¶', async () => {
    const p = tempProject('empty');
    const html = await extractFile('plan.html', Buffer.from(page));
    const htmlId = addDocument(p.db, { ...html, originalName: 'plan.html' });
    const txtText =
      'Allies agreed three things:\n• training for officers\n• shared planning\n• early warning\n';
    const txtId = addDocument(p.db, { title: 'Notes', text: txtText, format: 'txt' });
    if (htmlId.status !== 'imported' || txtId.status !== 'imported') throw new Error('not imported');
    const call = caller(p);
    const domainIds = [addDomain(p.db, { name: 'Training' }).id];
    const tag = (docId: number, quote: string) => call('tagQuote', { docId, quote, domainIds });
    for (const q of ['Training for officers', 'Joint planning', 'Early warning', 'Four billion euros'])
      await tag(htmlId.id, q);
    for (const q of ['training for officers', 'shared planning', 'early warning']) await tag(txtId.id, q);
    const md = await call('exportExcerpts', { format: 'md' });
    const report = Buffer.from(md.base64, 'base64').toString('utf8');
    const cited = (title: string) =>
      [...report.matchAll(new RegExp(`— ${title}[^\\n]*?¶ (\\d+)`, 'g'))].map((m) => +m[1]);
    const htmlNumbers = cited('Training plan');
    const txtNumbers = cited('Notes');
    expect(new Set(htmlNumbers).size, report).toBe(4);
    expect(new Set(txtNumbers).size, report).toBe(3);
    expect(txtNumbers.sort()).toEqual([2, 3, 4]);
  });
});
