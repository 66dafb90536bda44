import { strFromU8, unzipSync } from 'fflate';

// Whether an export file is the file that was there before, a complete export, or anything else (empty, cut
// short, a mix). Exports stamp the time they were made (in the zip headers and in the documents inside), so a
// complete export is recognised by its content with the times blanked out, compared with a reference export.

const STAMP = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z| UTC)?/g;

/** The file's content with its time stamps blanked: zip entries by name, or the bytes of a flat file. */
export function comparable(bytes: Uint8Array, zipped: boolean): string {
  if (!zipped) return Buffer.from(bytes).toString('latin1');
  const entries = unzipSync(bytes); // throws on a file cut short (no central directory)
  return Object.keys(entries)
    .sort()
    .map((name) => `${name}\n${strFromU8(entries[name]).replace(STAMP, '<time>')}`)
    .join('\n\n');
}

export function fileState(
  bytes: Uint8Array,
  previous: Uint8Array,
  reference: string,
  zipped: boolean,
): 'previous' | 'complete' | 'partial' {
  if (Buffer.from(bytes).equals(Buffer.from(previous))) return 'previous';
  try {
    return comparable(bytes, zipped) === reference ? 'complete' : 'partial';
  } catch {
    return 'partial';
  }
}
