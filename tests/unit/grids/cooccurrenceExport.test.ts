import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { computeCooccurrence } from '../../../electron/core/grids/cooccurrence';
import { buildFixture } from './fixture';

async function file(p: Parameters<typeof callMethod>[0], input: unknown): Promise<Buffer> {
  const r = await callMethod(p, 'exportCooccurrence', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return Buffer.from((r.value as { base64: string }).base64, 'base64');
}

describe('co-occurrence export', () => {
  it('writes the table as shown (kind, row order, diagonal) to CSV and XLSX, read back cell for cell', async () => {
    const f = buildFixture(4, 6, 12);
    const c = computeCooccurrence(f.p.db);
    const names = c.columns.map((x) => x.name);

    const csv = parse((await file(f.p, { format: 'csv' })).toString('utf8')) as string[][];
    expect(csv[0]).toEqual(['Domain', ...names]);
    expect(csv.slice(1)).toEqual(c.columns.map((x, i) => [x.name, ...c.same[i].map(String)]));

    // Rows in the order the analyst sorted them; columns stay in codebook order.
    const order = c.columns.map((x) => x.domainId).reverse();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file(f.p, { format: 'xlsx', kind: 'overlap', rowOrder: order })) as never);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(wb.worksheets[0].name).toMatch(/overlapping/);
    expect(rows[0]).toEqual(['Domain', ...names]);
    expect(rows.slice(1)).toEqual(
      [...c.columns.keys()].reverse().map((i) => [c.columns[i].name, ...c.overlap[i]]),
    );
    expect(c.overlap.flat().some((v) => v > 0)).toBe(true);
  });

  it('refuses a row order with an unknown or repeated domain, and a bad kind', async () => {
    const f = buildFixture(2, 3, 4);
    const id = computeCooccurrence(f.p.db).columns[0].domainId;
    expect(await callMethod(f.p, 'exportCooccurrence', { format: 'csv', rowOrder: [9_999] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await callMethod(f.p, 'exportCooccurrence', { format: 'csv', rowOrder: [id, id] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(f.p, 'exportCooccurrence', { format: 'csv', kind: 'both' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
