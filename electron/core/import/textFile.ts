import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DossierError } from '../errors';

// Plain-text decoding: byte-order marks first, then strict UTF-8, then chardet's guess (Windows-1252, Latin-1,
// …) through iconv-lite. Binary data is refused rather than stored as mojibake.

export interface Decoded {
  text: string;
  encoding: string;
  /** Why the analyst should check the text: the bytes were not valid UTF-8 and the encoding was guessed. */
  warning?: string;
}

function looksUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

// Characters no text file contains: C0 controls other than tab and line breaks, DEL, and U+FFFD (bytes that did
// not decode).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/** Share of such characters in (the start of) the text. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(sample)) return 0;
  return (sample.match(CONTROL)?.length ?? 0) / sample.length;
}

const BINARY = (): DossierError => new DossierError('invalid_input', 'binary data in a text file');

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    decoded = { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  } else {
    const utf16 = looksUtf16WithoutBom(buf);
    if (utf16) {
      decoded = { text: iconv.decode(buf, utf16), encoding: utf16.toUpperCase() };
    } else {
      if (buf.includes(0)) throw BINARY();
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
      } catch {
        decoded = decodeLegacy(buf);
      }
    }
  }
  if (controlRatio(decoded.text) > 0.02) throw BINARY();
  return decoded;
}

function decodeLegacy(buf: Buffer): Decoded {
  const candidates = chardet.analyse(buf);
  const best = candidates[0];
  // Western European text is the common case: on a near tie (short texts), Latin-1/Windows-1252 wins.
  const western = candidates.find((c) => /^(ISO-8859-1|windows-1252)$/i.test(c.name));
  const guess =
    western && best && western.confidence >= best.confidence - 5
      ? western.name
      : (best?.name ?? 'windows-1252');
  // Latin-1 guesses are read as Windows-1252 (its superset for printable text: curly quotes, €, dashes).
  const name = /^(ISO-8859-1|ASCII|UTF-8)$/i.test(guess) ? 'windows-1252' : guess;
  const encoding = iconv.encodingExists(name) ? name : 'windows-1252';
  return { text: iconv.decode(buf, encoding), encoding, warning: `not valid UTF-8; read as ${encoding}` };
}
