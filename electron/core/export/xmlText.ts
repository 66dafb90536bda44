import { replaceControls } from '../xmlChars';

// Anything XML text must not hold as is: markup characters and the controls XML 1.0 forbids (xmlChars.ts).
// eslint-disable-next-line no-control-regex -- finding those controls is the point
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for XML element content or a double-quoted attribute: & < > " as entities, forbidden controls as U+FFFD
 * (the replaceControls rule every Dossier XML writer follows). Most text needs neither, and is returned as is
 * after one scan.
 */
export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return replaceControls(s).replace(MARKUP, (c) => ENTITY[c]);
}
