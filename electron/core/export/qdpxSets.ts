import type { Db } from '../db';
import { listSets } from '../sets/sets';
import { guidMap } from '../refiqda/guids';
import { type XmlNode, xmlText } from '../refiqda/xml';

// Document sets go out as REFI-QDA Sets whose MemberSource elements name the exported sources (issue 13), so that
// MAXQDA, ATLAS.ti and NVivo see the same groups of documents. A set none of whose documents is exported is left
// out: the schema wants a Set to point at something in the file.

export function setsXml(db: Db, docIds: ReadonlySet<number>, sourceGuid: (id: number) => string): XmlNode[] {
  const setGuid = guidMap(db, 'set');
  const out: XmlNode[] = [];
  for (const s of listSets(db)) {
    const members = s.docIds.filter((id) => docIds.has(id));
    if (!members.length) continue;
    const node: XmlNode = { '@_guid': setGuid(s.id), '@_name': xmlText(s.name) };
    if (s.description) node.Description = xmlText(s.description);
    node.MemberSource = members.map((id) => ({ '@_targetGUID': sourceGuid(id) }));
    out.push(node);
  }
  return out;
}
