import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OcrLanguage } from '../../../shared/api/corpus';
import { MAX_INITIALS_LENGTH } from '../../../shared/api/projects';
import { writeFileAtomic } from '../atomicWrite';
import { DossierError } from '../errors';
import { MAX_ANALYST_LENGTH } from '../settings';

// The machine user's settings, in the data folder (`settings.json`), not in any project: who the analyst is, which
// projects were opened lately and which was last, so that it reopens at start. A project copied to a colleague
// carries none of this.

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

const StoredSettings = z.object({
  analyst: z.string().max(MAX_ANALYST_LENGTH).catch(''),
  initials: z.string().max(MAX_INITIALS_LENGTH).catch(''),
  /** Project files, most recent first. */
  recent: z.array(z.string()).catch([]),
  last: z.string().optional().catch(undefined),
  /** Set once the first start has made (or found) its projects: the sample is made only before that. */
  started: z.boolean().catch(false),
  /** OCR languages (tesseract codes) for scanned PDFs; absent: English. */
  ocrLanguages: z.array(OcrLanguage).min(1).optional().catch(undefined),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

const DEFAULTS: StoredSettings = { analyst: '', initials: '', recent: [], started: false };

export function settingsFile(dataDir: string): string {
  return path.join(dataDir, SETTINGS_FILE);
}

/** The settings as stored; a missing file is the first start, a file that is not JSON reads as the defaults. */
export function readUserSettings(dataDir: string): StoredSettings {
  let text: string;
  try {
    text = fs.readFileSync(settingsFile(dataDir), 'utf8');
  } catch {
    return { ...DEFAULTS, recent: [] };
  }
  try {
    const parsed = StoredSettings.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...DEFAULTS, recent: [], started: true };
  } catch {
    // Unreadable, but a start has happened: the sample is not made again.
    return { ...DEFAULTS, recent: [], started: true };
  }
}

export function writeUserSettings(dataDir: string, settings: StoredSettings): StoredSettings {
  fs.mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(settingsFile(dataDir), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}

/** Reads, changes and writes the settings (one process per data folder writes them: the app's door). */
export function changeUserSettings(
  dataDir: string,
  change: (s: StoredSettings) => StoredSettings,
): StoredSettings {
  return writeUserSettings(dataDir, change(readUserSettings(dataDir)));
}

/** The analyst's name and initials, tidied and checked (a clear error for what cannot be kept). */
export function checkAnalyst(name: string, initials?: string): { analyst: string; initials: string } {
  const analyst = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (analyst.length > MAX_ANALYST_LENGTH)
    throw new DossierError(
      'invalid_input',
      `the analyst's name is longer than ${MAX_ANALYST_LENGTH} characters`,
    );
  // The literal placeholder would be indistinguishable from "nobody said" in every export.
  if (analyst.toLowerCase() === 'analyst')
    throw new DossierError('invalid_input', 'give your own name (or initials), not the word "analyst"');
  const given = (initials ?? '').normalize('NFC').replace(/\s+/g, '').trim();
  return { analyst, initials: given || initialsOf(analyst) };
}

/** "Łucja Analityk" → "ŁA": the first letter of each of the first three words. */
export function initialsOf(name: string): string {
  return name
    .split(' ')
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => Array.from(w)[0]?.toUpperCase() ?? '')
    .join('');
}

/** `file` first in the recent list, once, at most MAX_RECENT long. */
export function withRecent(s: StoredSettings, file: string): StoredSettings {
  return { ...s, last: file, recent: [file, ...s.recent.filter((f) => f !== file)].slice(0, MAX_RECENT) };
}
