import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { closeProject } from '../../../electron/core/project';
import { qdeOf } from '../refiqda/helpers';
import { runCli } from '../../support/cliInProcess';
import { buildFixture, type Fixture } from './fixture';

// The position unit of a .qdpx, chosen through each door: the API (the Export view) and the CLI.

let f: Fixture;
beforeAll(() => {
  f = buildFixture('Positions');
});
afterAll(() => closeProject(f.project));

const originOf = (bytes: Uint8Array): string | undefined =>
  /<Project [^>]*origin="([^"]*)"/.exec(qdeOf(bytes).xml)?.[1];
/** startPosition of the selection on the emoji text's second paragraph (after two astral characters). */
const allianceStart = (bytes: Uint8Array): number =>
  Number(
    /<PlainTextSelection [^>]*name="The alliance[^"]*"[^>]*startPosition="(\d+)"/.exec(qdeOf(bytes).xml)?.[1],
  );

describe('.qdpx position unit through the doors', () => {
  it('API: exportExcerpts takes positions codepoints|utf16 and refuses anything else', async () => {
    const get = async (positions?: string): Promise<Uint8Array> => {
      const r = await callMethod(f.project, 'exportExcerpts', {
        format: 'qdpx',
        ...(positions ? { positions } : {}),
      });
      if (!r.ok) throw new Error(r.error.message);
      return Buffer.from((r.value as { base64: string }).base64, 'base64');
    };
    const text = f.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(f.docs.emoji) as {
      text: string;
    };
    const utf16 = text.text.indexOf('The alliance');
    expect(allianceStart(await get('utf16'))).toBe(utf16);
    // 🛡️ is one astral character (+ a variation selector), 🇺🇦 two: three fewer code points than UTF-16 units.
    expect(allianceStart(await get('codepoints'))).toBe(utf16 - 3);
    expect(allianceStart(await get())).toBe(utf16 - 3);
    expect(originOf(await get('utf16'))).toBe('Dossier (positions in UTF-16 code units)');
    expect(
      await callMethod(f.project, 'exportExcerpts', { format: 'qdpx', positions: 'bytes' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('CLI: export --positions, reported in --json beside the fields it always had', async () => {
    const out = path.join(f.dir, 'nvivo.qdpx');
    const r = await runCli(
      'export',
      f.project.path,
      '--format',
      'qdpx',
      '--positions',
      'utf16',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      out,
      format: 'qdpx',
      rows: 7,
      unit: 'claims',
      bytes: fs.statSync(out).size,
      positions: 'utf16',
    });
    expect(originOf(fs.readFileSync(out))).toBe('Dossier (positions in UTF-16 code units)');
    const plain = await runCli(
      'export',
      f.project.path,
      '--format',
      'qdpx',
      '--out',
      path.join(f.dir, 'qc.qdpx'),
      '--json',
    );
    expect(JSON.parse(plain.out)).toMatchObject({ positions: 'codepoints' });
  });

  it('CLI: a bad unit, or a unit for another format, is a usage error and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--format', 'qdpx', '--positions', 'bytes'],
        /--positions must be codepoints or utf16 \(got "bytes"\)/,
      ],
      [['--format', 'csv', '--positions', 'utf16'], /--positions applies to --format qdpx only/],
    ];
    for (const [args, message] of cases) {
      const out = path.join(f.dir, `refused-${args[1]}`);
      const r = await runCli('export', f.project.path, ...args, '--out', out, '--json');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
