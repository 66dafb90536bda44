import type { AttributeType } from '../attributes';
import { DossierError } from '../errors';
import { splitsSurrogatePair as splitsPair } from '../../../shared/text';

// A file-name template such as "{country}_{session}_{year}.txt", matched by hand rather than turned into a regex:
// the analyst writes the template, and a regex of adjacent lazy groups backtracks polynomially in the name's length
// (six placeholders on a 60-character name took seconds, eight took 40 s, all on the thread that answers the UI).
//
// How a name is split: the template's first literal must start the name and its last literal must end it; every
// literal in between is placed at its first occurrence that leaves at least one character for the value before it,
// left to right. That is the split the old lazy regex chose (each value as short as the rest allows): placing a
// literal as early as possible never takes away a split the rest of the name could have had. So "{a}_{b}" on
// "x_y_z" gives a = "x", b = "y_z", and adjacent placeholders "{a}{b}" on "xyz" give a = "x", b = "yz". Values
// never hold a line break (as before). The work is one left-to-right pass of indexOf: linear in the name for each
// literal, whatever the template.

export interface PathTemplate {
  /** The text around the placeholders: literals[i] comes before value i; the last one ends the name. */
  literals: string[];
  names: string[];
  declared: Record<string, AttributeType>;
}

export function compilePathTemplate(template: string): PathTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  const declared: Record<string, AttributeType> = {};
  let last = 0;
  const re = /\{([^{}:]+)(?::(text|number|date))?\}/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    literals.push(template.slice(last, m.index));
    const name = m[1].trim();
    if (seen.has(name)) throw new DossierError('invalid_input', `--attrs-from-path names {${name}} twice`);
    seen.add(name);
    names.push(name);
    if (m[2]) declared[name] = m[2] as AttributeType;
    last = m.index + m[0].length;
  }
  literals.push(template.slice(last));
  if (names.length === 0)
    throw new DossierError('invalid_input', `--attrs-from-path needs at least one {name} in "${template}"`);
  return { literals, names, declared };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The index after the character (code point) at `i`. */
function afterChar(s: string, i: number): number {
  return i + ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
}

/** The template's values in `name` (name → value), or null when the name does not fit the template. */
export function matchPathTemplate(t: PathTemplate, name: string): Record<string, string> | null {
  const { literals } = t;
  const head = literals[0];
  const tail = literals[literals.length - 1];
  const tailAt = name.length - tail.length;
  if (
    !name.startsWith(head) ||
    !name.endsWith(tail) ||
    splitsPair(name, head.length) ||
    splitsPair(name, tailAt)
  )
    return null;
  const values: string[] = [];
  let at = head.length;
  for (let i = 1; i < literals.length - 1; i++) {
    const lit = literals[i];
    const from = afterChar(name, at);
    if (from > tailAt) return null;
    let q = name.indexOf(lit, from);
    while (q !== -1 && (splitsPair(name, q) || splitsPair(name, q + lit.length)))
      q = name.indexOf(lit, q + 1);
    // A literal placed past the tail leaves no room for the last value; a later occurrence would leave less.
    if (q === -1 || q + lit.length > tailAt) return null;
    values.push(name.slice(at, q));
    at = q + lit.length;
  }
  if (at >= tailAt) return null;
  values.push(name.slice(at, tailAt));
  if (values.some((v) => LINE_BREAK.test(v))) return null;
  return Object.fromEntries(t.names.map((n, i) => [n, values[i]]));
}
