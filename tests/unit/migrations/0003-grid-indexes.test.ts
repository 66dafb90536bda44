import { describe, expect, it } from 'vitest';
import { columns, migrateTo, plan, ROWS, storeAt } from './at';

const tags = 'SELECT claim_id, domain_id, document_id, claim_tags FROM claim_domains ORDER BY 1, 2';

describe('migration 0003 (grid indexes)', () => {
  it('gives every tag its claim’s document and number of domains, kept in step, and the grids an index', () => {
    const db = storeAt(1, ROWS);
    expect(columns(db, 'claim_domains')).toEqual(['claim_id', 'domain_id']);
    expect(migrateTo(db, 3)).toBe(3);
    expect(db.prepare(tags).raw().all()).toEqual([
      [10, 1, 1, 2],
      [10, 2, 1, 2],
      [11, 2, 1, 1],
      [12, 2, 2, 2],
      [12, 3, 2, 2],
    ]);
    db.exec(
      'INSERT INTO claim_domains (claim_id, domain_id) VALUES (11, 3); DELETE FROM claim_domains WHERE claim_id = 12 AND domain_id = 3',
    );
    expect(db.prepare(tags).raw().all()).toEqual([
      [10, 1, 1, 2],
      [10, 2, 1, 2],
      [11, 2, 1, 2],
      [11, 3, 1, 2],
      [12, 2, 2, 1],
    ]);
    expect(
      plan(db, 'SELECT document_id, domain_id, count(*) FROM claim_domains GROUP BY document_id, domain_id'),
    ).toMatch(/COVERING INDEX claim_domains_by_document/);
    expect(
      plan(db, 'SELECT claim_id FROM claim_domains WHERE document_id = ? AND claim_tags > 1', 1),
    ).toMatch(/claim_domains_multi/);
  });
});
