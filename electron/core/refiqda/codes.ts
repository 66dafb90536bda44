import { normalizeGuid } from './guids';
import type { ImportIssue, PlanCode } from './plan';
import { attr, child, children, textOf, type XmlNode } from './xml';

const hex2 = (n: number): string =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/**
 * A code's colour as "#RRGGBB". The schema wants #rgb or #rrggbb, but tools also write a transparency
 * (#rrggbbaa) or rgb(…)/"r,g,b" (requal #176): the colour is kept, the transparency dropped. Null when there is
 * none or it cannot be read.
 */
export function normalizeColor(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  let m = /^#([0-9a-f]{3})$/i.exec(v);
  if (m) return `#${[...m[1]].map((x) => x + x).join('')}`.toUpperCase();
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(v);
  if (m) return `#${m[1]}`.toUpperCase();
  m = /^(?:rgba?\()?\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)?$/i.exec(v);
  if (m) return `#${hex2(+m[1])}${hex2(+m[2])}${hex2(+m[3])}`.toUpperCase();
  return null;
}

/** The codebook's codes in document order, each with its parent. */
export function readCodes(codebook: XmlNode | undefined, problems: ImportIssue[]): PlanCode[] {
  const codes: PlanCode[] = [];
  const seen = new Set<string>();
  const visit = (node: XmlNode, parentGuid: string | null): void => {
    const name = (attr(node, 'name') ?? '').trim();
    const guid = normalizeGuid(attr(node, 'guid'));
    if (!guid || !name || seen.has(guid)) {
      problems.push({
        kind: 'code',
        name: name || '(no name)',
        reason: `${!guid ? 'no valid guid' : !name ? 'no name' : 'the same guid appears twice'}: not imported${children(node, 'Code').length ? ' (its sub-codes go under its parent)' : ''}`,
      });
    } else {
      seen.add(guid);
      const written = attr(node, 'color');
      const color = normalizeColor(written);
      if (written?.trim() && !color)
        problems.push({
          kind: 'code',
          name,
          reason: `colour "${written}" cannot be read: shown with a default colour, exported with none`,
        });
      codes.push({
        guid,
        name,
        color,
        description: textOf(node, 'Description'),
        parentGuid,
        // The schema makes isCodable required; a file that leaves it out means an ordinary code.
        codable: !['false', '0'].includes(attr(node, 'isCodable')?.trim().toLowerCase() ?? ''),
      });
    }
    for (const c of children(node, 'Code')) visit(c, guid && name ? guid : parentGuid);
  };
  for (const c of children(child(codebook, 'Codes'), 'Code')) visit(c, null);
  return codes;
}
