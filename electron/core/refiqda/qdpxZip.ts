import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { DossierError } from '../errors';

// Reading a .qdpx (a zip) without trusting it. The central directory is listed first (nothing inflated) to
// refuse what is plainly too large; then only the entries asked for are inflated, streamed through fflate's
// Unzip in small slices, counting what actually comes out (sizes in a zip can lie). A zip bomb is refused after
// at most one slice's output beyond a limit, so memory stays bounded whatever the archive holds.

export interface ZipLimits {
  /** Largest inflated size of one entry. */
  entryBytes: number;
  /** Largest inflated size of all the entries read. */
  totalBytes: number;
  /** Largest inflated/compressed ratio, checked once an entry has inflated past ratioFloorBytes. */
  ratio: number;
  ratioFloorBytes: number;
  /** Most entries the central directory may list. */
  entries: number;
}

export const QDPX_LIMITS: ZipLimits = {
  entryBytes: 64 * 2 ** 20,
  totalBytes: 256 * 2 ** 20,
  // Plain text and XML deflate to about a fifth; 200:1 is only reached by long runs of one repeated byte.
  ratio: 200,
  ratioFloorBytes: 2 ** 20,
  entries: 100_000,
};

/** Compressed bytes pushed per step: deflate's 1032:1 ceiling keeps one step's output under ~16.5 MB. */
const SLICE = 16 * 2 ** 10;

interface DirEntry {
  name: string;
  compressed: number;
  size: number;
}

export interface QdpxZip {
  /** Entry keys: lower-case paths with "/" ("Sources/" and "sources/" are the same folder). */
  keys(): string[];
  has(key: string): boolean;
  /** Inflates the entries named (keys), within the limits; throws a DossierError when the archive breaks them. */
  read(keys: Iterable<string>): Map<string, Uint8Array>;
}

export function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();
}

const mb = (n: number): string => `${Math.round(n / 2 ** 20)} MB`;

function malformed(what: string, error: unknown): DossierError {
  const why = error instanceof Error ? error.message : String(error);
  return new DossierError(
    'invalid_input',
    `${what} is not a readable .qdpx (zip) file: malformed archive (${why})`,
  );
}

function tooLarge(what: string, why: string): DossierError {
  return new DossierError('invalid_input', `${what} is too large to import: ${why}`);
}

/** Lists the central directory (fflate's filter sees every entry; returning false inflates nothing). */
function listEntries(bytes: Uint8Array, what: string, limits: ZipLimits): Map<string, DirEntry> {
  const dir = new Map<string, DirEntry>();
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        // A forged entry count would otherwise walk billions of records past the end of the file.
        if (++count > limits.entries)
          throw tooLarge(what, `more than ${limits.entries} entries in the archive`);
        if (!f.name.endsWith('/'))
          dir.set(entryKey(f.name), { name: f.name, compressed: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw malformed(what, error);
  }
  return dir;
}

export function openQdpxZip(bytes: Uint8Array, what: string, limits: ZipLimits = QDPX_LIMITS): QdpxZip {
  const dir = listEntries(bytes, what, limits);
  let inflatedTotal = 0;

  const check = (key: string, size: number, compressed: number): DossierError | null => {
    const name = dir.get(key)?.name ?? key;
    if (size > limits.entryBytes)
      return tooLarge(
        what,
        `${name} inflates to more than ${mb(limits.entryBytes)} (the limit for one file in the archive)`,
      );
    if (size >= limits.ratioFloorBytes && size > limits.ratio * Math.max(compressed, 1))
      return tooLarge(
        what,
        `${name} inflates more than ${limits.ratio} times its compressed size (a zip bomb, or a malformed archive)`,
      );
    return null;
  };

  const read = (wanted: Iterable<string>): Map<string, Uint8Array> => {
    const keys = new Set([...wanted].filter((k) => dir.has(k)));
    const out = new Map<string, Uint8Array>();
    if (keys.size === 0) return out;
    // What the directory claims, before anything is inflated.
    let claimed = inflatedTotal;
    for (const k of keys) {
      const e = dir.get(k)!;
      const refused = check(k, e.size, e.compressed);
      if (refused) throw refused;
      claimed += e.size;
    }
    if (claimed > limits.totalBytes)
      throw tooLarge(what, `its files inflate to more than ${mb(limits.totalBytes)} in all`);

    let failure: DossierError | null = null;
    let pushed = 0;
    const unzip = new Unzip((file) => {
      const key = entryKey(file.name);
      if (failure || file.name.endsWith('/') || !keys.has(key) || out.has(key)) return;
      // The entry starts somewhere in the slice being pushed: what it has consumed is at most pushed - from.
      const from = Math.max(0, pushed - SLICE);
      const declared = dir.get(key)!.compressed;
      const chunks: Uint8Array[] = [];
      let size = 0;
      file.ondata = (error, data, final) => {
        if (failure) return;
        if (error) {
          failure = malformed(what, error);
          return;
        }
        size += data.length;
        inflatedTotal += data.length;
        failure =
          check(key, size, Math.min(declared, pushed - from)) ??
          (inflatedTotal > limits.totalBytes
            ? tooLarge(what, `its files inflate to more than ${mb(limits.totalBytes)} in all`)
            : null);
        if (failure) {
          chunks.length = 0;
          return;
        }
        chunks.push(data);
        if (final) out.set(key, Buffer.concat(chunks));
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    try {
      for (let at = 0; at < bytes.length && !failure; at += SLICE) {
        pushed = Math.min(at + SLICE, bytes.length);
        unzip.push(bytes.subarray(at, pushed), pushed === bytes.length);
      }
    } catch (error) {
      failure ??= malformed(what, error);
    }
    if (failure) throw failure;
    for (const k of keys)
      if (!out.has(k)) throw malformed(what, new Error(`${dir.get(k)!.name} could not be read`));
    return out;
  };

  return { keys: () => [...dir.keys()], has: (k) => dir.has(k), read };
}
