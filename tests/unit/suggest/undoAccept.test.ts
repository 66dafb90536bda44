import { describe, expect, it } from 'vitest';
import { redo, undo } from '../../../electron/core/history';
import { trainModel } from '../../../electron/core/suggest/state';
import { acceptSuggestion, suggestClaims } from '../../../electron/core/suggest/suggest';
import { tempProject } from '../helpers';
import { seeded } from './synthetic';

describe('undo and redo of an accepted suggestion', () => {
  it('redo brings the claim back still marked suggested', async () => {
    const p = tempProject();
    const { docs } = seeded(p);
    await trainModel(p.db);
    const { suggestions } = await suggestClaims(p.db, { docIds: docs, unit: 'sentence', minScore: 0 });
    const claim = acceptSuggestion(p.db, suggestions[0]);
    const suggested = p.db.prepare('SELECT suggested FROM claims WHERE id = ?').pluck();
    expect(suggested.get(claim.id)).toBe(1);
    undo(p.db);
    expect(suggested.get(claim.id)).toBeUndefined();
    redo(p.db);
    expect(suggested.get(claim.id)).toBe(1);
    // and again, through a second round
    undo(p.db);
    redo(p.db);
    expect(p.db.prepare('SELECT count(*) FROM claims WHERE suggested = 1').pluck().get()).toBe(1);
  });
});
