/** True for characters XML 1.0 forbids (and Excel and Word refuse): C0 controls but tab and line breaks, U+FFFE/F. */
function forbidden(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
}

/** Replaces forbidden control characters with U+FFFD, keeping every other character (and every length). */
export function replaceControls(s: string): string {
  let i = 0;
  while (i < s.length && !forbidden(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) out += forbidden(s.charCodeAt(i)) ? '\uFFFD' : s[i];
  return out;
}
