import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIM } from '../../../electron/core/suggest/features';
import { deserialize, serialize } from '../../../electron/core/suggest/model';
import { closeProject, openProject } from '../../../electron/core/project';
import { currentModel, isStale } from '../../../electron/core/suggest/state';
import { fitModel } from '../../../electron/core/suggest/train';
import { tempProject } from '../helpers';
import { rng, sentence } from './synthetic';

/** A blob as the first format wrote it (before the incremental hashing): header without a features version. */
function formatOneBlob(domains: number[]): Buffer {
  const header = Buffer.from(JSON.stringify({ format: 1, dimBits: 18, domains, bias: domains.map(() => 0) }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const floats = Buffer.alloc(DIM * 4 * (1 + domains.length));
  return deflateRawSync(Buffer.concat([len, header, floats]));
}

describe('stored model format', () => {
  it('reads its own blob back and refuses one written with the old hashing', () => {
    const random = rng(1);
    const model = fitModel(
      Array.from({ length: 20 }, (_, i) => ({
        text: sentence((i % 2) as 0 | 1, random),
        doc: i % 4,
        pos: [i % 2],
        neg: 'all' as const,
      })),
      [0, 1],
    );
    expect(deserialize(serialize(model)).bias).toEqual(model.bias);
    expect(() => deserialize(formatOneBlob([0, 1]))).toThrow(/model format 1\/.*retrain/);
  });

  it('a project holding an old-format model treats it as missing and stale, so it is retrained', () => {
    const p = tempProject();
    const domains = p.db
      .prepare('SELECT id FROM domains WHERE codable = 1 ORDER BY id LIMIT 2')
      .pluck()
      .all() as number[];
    const report = {
      trainedAt: 'then',
      fingerprint: 'x',
      passages: 1,
      folds: 0,
      trainMs: 1,
      domains: [],
      minExamples: 5,
      minDocuments: 2,
    };
    p.db
      .prepare('INSERT INTO suggest_model (id, blob, report, trained_at) VALUES (1, ?, ?, ?)')
      .run(formatOneBlob(domains), JSON.stringify(report), 'then');
    const file = p.path;
    closeProject(p);
    const again = openProject(file);
    try {
      expect(currentModel(again.db).model).toBeNull();
      expect(isStale(again.db)).toBe(true);
    } finally {
      closeProject(again);
    }
  });
});
