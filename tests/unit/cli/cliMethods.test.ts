import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import type { Project } from '../../../electron/core/project';
import { callFailure, callOk, tempDir, tempProject } from '../helpers';

// The API methods that used to exist only inside CLI commands (issue 11 item 1), through the one dispatcher every
// door uses: tag by quote and occurrence, domains by name, attributes defined on first use, export filters by name,
// waiting for an import job.

const ok = callOk;
const fails = callFailure;

const TEXT = 'The summit met. A second summit followed; the third summit closed.';

function projectWithDoc(): { p: Project; docId: number } {
  const p = tempProject();
  return { p, docId: addDocument(p.db, { title: 'Notes', text: TEXT, format: 'txt' }).id };
}

describe('API methods every door can use', () => {
  it('domainIdsByName: ids in order, case-insensitive; an unknown name is not_found and names it', async () => {
    const { p } = projectWithDoc();
    const domains = await ok(p, 'listDomains', {});
    const [a, b] = domains;
    expect(await ok(p, 'domainIdsByName', { names: [b.name.toUpperCase(), a.name] })).toEqual([b.id, a.id]);
    const e = await fails(p, 'domainIdsByName', { names: [a.name, 'No such domain'] });
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('No such domain');
  });

  it('tagQuote: tags the Nth occurrence, with the analyst applied by the core; too few occurrences change nothing', async () => {
    const { p, docId } = projectWithDoc();
    await ok(p, 'updateSettings', { analyst: 'R. Analyst' });
    const [d] = await ok(p, 'listDomains', {});
    const claim = await ok(p, 'tagQuote', {
      docId,
      quote: 'summit',
      occurrence: 2,
      domainIds: [d.id],
      actor: 'NATO',
    });
    const second = TEXT.indexOf('summit', TEXT.indexOf('summit') + 1);
    expect(claim).toMatchObject({ start: second, end: second + 6, quote: 'summit', actor: 'NATO' });
    expect(claim.analyst).toBe('R. Analyst');
    expect((await ok(p, 'tagQuote', { docId, quote: 'summit', domainIds: [d.id] })).start).toBe(
      TEXT.indexOf('summit'),
    );

    const e = await fails(p, 'tagQuote', { docId, quote: 'summit', occurrence: 4, domainIds: [d.id] });
    expect(e).toEqual({
      code: 'not_found',
      message: `the quote does not occur 4 times in document ${docId}`,
    });
    expect((await fails(p, 'tagQuote', { docId, quote: 'absent', domainIds: [d.id] })).code).toBe(
      'not_found',
    );
    expect((await fails(p, 'tagQuote', { docId: 999, quote: 'summit', domainIds: [d.id] })).code).toBe(
      'not_found',
    );
    expect((await fails(p, 'tagQuote', { docId, quote: '', domainIds: [d.id] })).code).toBe('invalid_input');
    expect(await ok(p, 'listClaims', { docId })).toHaveLength(2);
  });

  it('setDocumentAttributes with define: new attributes get the type their value suggests; a failure leaves none behind', async () => {
    const { p, docId } = projectWithDoc();
    const r = await ok(p, 'setDocumentAttributes', {
      docId,
      values: { year: '2015', region: 'Europe' },
      define: true,
    });
    expect(r).toEqual({ docId, values: { region: 'Europe', year: 2015 } });
    const types = Object.fromEntries((await ok(p, 'listAttributes', {})).map((a) => [a.name, a.type]));
    expect(types).toEqual({ region: 'text', year: 'number' });
    // Without define an unknown attribute is refused, as before.
    expect((await fails(p, 'setDocumentAttributes', { docId, values: { country: 'FR' } })).code).toBe(
      'not_found',
    );
    // A document that does not exist: the attribute defined for it is rolled back with the rest.
    expect(
      (await fails(p, 'setDocumentAttributes', { docId: 999, values: { country: 'FR' }, define: true })).code,
    ).toBe('not_found');
    expect((await ok(p, 'listAttributes', {})).map((a) => a.name)).not.toContain('country');
  });

  it('resolveExportFilter: domain names, attribute name=value and gradings become the filter exportExcerpts takes', async () => {
    const { p, docId } = projectWithDoc();
    await ok(p, 'setDocumentAttributes', { docId, values: { region: 'Europe' }, define: true });
    const [d] = await ok(p, 'listDomains', {});
    const f = await ok(p, 'resolveExportFilter', {
      domains: [d.name.toLowerCase()],
      attributes: ['region=Europe'],
      grading: ['B2'],
    });
    const [attr] = await ok(p, 'listAttributes', {});
    expect(f).toMatchObject({
      domainIds: [d.id],
      attributes: [{ attributeId: attr.id, values: ['Europe'] }],
    });
    expect(JSON.stringify(f)).toContain('"B"');
    expect((await fails(p, 'resolveExportFilter', { attributes: ['nothing=1'] })).code).toBe('not_found');
    expect((await fails(p, 'resolveExportFilter', { attributes: ['no equals sign'] })).code).toBe(
      'invalid_input',
    );
    expect((await fails(p, 'resolveExportFilter', { grading: ['Z9'] })).code).toBe('invalid_input');
  });

  it('waitImport: resolves once the job has finished, with its documents committed', async () => {
    const p = tempProject('empty');
    const dir = tempDir();
    for (const n of [1, 2, 3]) fs.writeFileSync(path.join(dir, `doc${n}.txt`), `Document number ${n}.`);
    const job = await ok(p, 'startImport', { paths: [dir] });
    const done = await ok(p, 'waitImport', { jobId: job.jobId });
    expect(done.state).toBe('done');
    expect(done.report.imported).toHaveLength(3);
    expect((await ok(p, 'listDocuments', {})).rows).toHaveLength(3);
    expect((await fails(p, 'waitImport', { jobId: 'no-such-job' })).code).toBe('not_found');
  });
});
