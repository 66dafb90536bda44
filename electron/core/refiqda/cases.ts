import { normalizeGuid } from './guids';
import type { ImportIssue, PlanValue, PlanVariable } from './plan';
import { readValue } from './variables';
import { attr, children, textOf, type XmlNode } from './xml';

// NVivo and MAXQDA keep a document's attributes in <Case> elements: a case holds variable values and names the
// sources it covers (MAXQDA writes one unnamed case per document; NVivo one named case per person or site,
// covering several documents). Dossier has no cases: each value goes to the attributes of every document its
// case names, and a named case's name becomes the documents' "Case" attribute, so that nothing is lost.

export interface CaseValues {
  /** Values per source GUID, first case first. */
  values: Map<string, PlanValue[]>;
  /** Names of the named cases each source belongs to. */
  caseNames: Map<string, string[]>;
}

/** Reads <Cases>; `sources` maps the GUIDs of the sources that will be imported to their names. */
export function readCases(
  casesNode: XmlNode | undefined,
  variables: Map<string, PlanVariable>,
  sources: Map<string, string>,
  skipped: ImportIssue[],
  problems: ImportIssue[],
): CaseValues {
  const values = new Map<string, PlanValue[]>();
  const caseNames = new Map<string, string[]>();
  children(casesNode, 'Case').forEach((c, i) => {
    const name = (attr(c, 'name') ?? '').trim();
    const label = name || `unnamed case ${i + 1}`;
    const refs = children(c, 'SourceRef')
      .map((r) => normalizeGuid(attr(r, 'targetGUID')))
      .filter((g): g is string => g !== null);
    const targets = [...new Set(refs)].filter((g) => sources.has(g));
    const own = children(c, 'VariableValue')
      .map((vv) => readValue(vv, variables, label, problems))
      .filter((v): v is PlanValue => v !== null);
    const missing = refs.length - targets.length;
    if (missing)
      skipped.push({
        kind: 'case',
        name: label,
        reason: `names ${missing === 1 ? '1 source that is' : `${missing} sources that are`} not imported: its values do not reach ${missing === 1 ? 'it' : 'them'}`,
      });
    if (targets.length === 0 && (own.length || name))
      skipped.push({
        kind: 'case',
        name: label,
        reason: `covers no imported document: ${own.length === 1 ? 'its 1 value has' : `its ${own.length} values have`} nowhere to go (Dossier keeps attributes on documents)`,
      });
    const codes = children(c, 'CodeRef').length;
    const selections = children(c, 'SelectionRef').length;
    if (codes || selections)
      skipped.push({
        kind: 'case',
        name: label,
        reason: `its links to ${[codes ? `${codes} code${codes === 1 ? '' : 's'}` : '', selections ? `${selections} selection${selections === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')} are not imported: a Dossier document has attributes, not cases`,
      });
    const memo = textOf(c, 'Description').trim();
    if (memo)
      skipped.push({ kind: 'case', name: label, reason: `its description is not imported: "${memo}"` });
    for (const source of targets) {
      const list = values.get(source) ?? [];
      for (const v of own) {
        const earlier = list.find((x) => x.variableGuid === v.variableGuid);
        if (!earlier) list.push(v);
        else if (earlier.value !== v.value)
          problems.push({
            kind: 'case',
            name: label,
            reason: `gives ${sources.get(source)} ${variables.get(v.variableGuid)?.name} = "${v.value}", but another case gave "${earlier.value}": the first is kept`,
          });
      }
      values.set(source, list);
      if (name) caseNames.set(source, [...(caseNames.get(source) ?? []), name]);
    }
  });
  return { values, caseNames };
}
