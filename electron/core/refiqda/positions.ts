import { canonicalText } from '../../../shared/text';

/**
 * Maps code-point positions in a source text as another tool stored it (CRLF line ends, maybe not NFC) onto
 * UTF-16 offsets in Dossier's canonical text (`\n`, NFC). Positions past the end map to null.
 */
export function positionMapper(original: string): { canonical: string; map: (cp: number) => number | null } {
  const cpCount = countCodePoints(original);
  const toLf = new Int32Array(cpCount + 1);
  let k = 0;
  let c = 0;
  for (let i = 0; i < original.length; k++) {
    toLf[k] = c;
    const code = original.charCodeAt(i);
    const astral = code >= 0xd800 && code <= 0xdbff && isLow(original.charCodeAt(i + 1));
    // "\r\n" becomes one "\n": the "\r" takes no room, so a position on either side of it maps to the "\n".
    if (code === 13 && original.charCodeAt(i + 1) === 10) c += 0;
    else c += astral ? 2 : 1;
    i += astral ? 2 : 1;
  }
  toLf[cpCount] = c;
  const lf = original.replace(/\r\n?/g, '\n');
  const canonical = canonicalText(original);
  if (canonical === lf) return { canonical, map: (cp) => (cp >= 0 && cp <= cpCount ? toLf[cp] : null) };
  // Normalisation changed the text (rare): measure the normalised prefix instead.
  return {
    canonical,
    map: (cp) => (cp >= 0 && cp <= cpCount ? lf.slice(0, toLf[cp]).normalize('NFC').length : null),
  };
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(s.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}
