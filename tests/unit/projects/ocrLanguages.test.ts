import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callSessionMethod } from '../../../electron/core/projects';
import { tempDir } from '../helpers';
import { ok, start, stopLast } from './sessionHelpers';

// The OCR languages (Settings): the machine user's, in the data folder's settings.json beside the analyst's
// name; English until chosen; a language this build does not ship, or none at all, is refused with nothing
// changed.

describe('OCR languages setting', () => {
  it('defaults to English, is kept in the data folder, and refuses unknown or no languages', async () => {
    const dir = tempDir();
    const s = start(dir);
    expect((await ok(s, 'getUserSettings', {})).ocrLanguages).toEqual(['eng']);
    const set = await ok(s, 'updateUserSettings', { analyst: 'Ana', ocrLanguages: ['ukr', 'eng'] });
    expect(set.ocrLanguages).toEqual(['ukr', 'eng']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      ocrLanguages: ['ukr', 'eng'],
    });
    // Saving the name alone keeps the languages.
    expect((await ok(s, 'updateUserSettings', { analyst: 'Ana B' })).ocrLanguages).toEqual(['ukr', 'eng']);
    for (const bad of [[], ['xxx'], ['eng', 'rus']]) {
      const r = await callSessionMethod(s, 'updateUserSettings', {
        analyst: 'Ana',
        ocrLanguages: bad as never,
      });
      expect(r.ok).toBe(false);
    }
    stopLast();
    expect((await ok(start(dir), 'getUserSettings', {})).ocrLanguages).toEqual(['ukr', 'eng']);
  });
});
