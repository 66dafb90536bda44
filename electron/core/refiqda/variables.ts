import { normalizeGuid } from './guids';
import type { ImportIssue, PlanValue, PlanVariable } from './plan';
import { attr, child, children, textOf, type XmlNode } from './xml';

// REFI-QDA variables are typed; Dossier's document attributes are text, number or date. Booleans and date-times
// are kept as text (true/false, the ISO date-time as written).

const VARIABLE_TYPES: Record<string, PlanVariable['type']> = {
  Text: 'text',
  Boolean: 'text',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

export function readVariables(variablesNode: XmlNode | undefined, problems: ImportIssue[]): PlanVariable[] {
  const variables: PlanVariable[] = [];
  for (const v of children(variablesNode, 'Variable')) {
    const guid = normalizeGuid(attr(v, 'guid'));
    const name = (attr(v, 'name') ?? '').trim();
    if (!guid || !name) {
      problems.push({
        kind: 'variable',
        name: name || '(no name)',
        reason: 'no valid guid or name: the variable and its values are not imported',
      });
      continue;
    }
    variables.push({ guid, name, type: VARIABLE_TYPES[attr(v, 'typeOfVariable') ?? 'Text'] ?? 'text' });
  }
  return variables;
}

const BOOLEANS: Record<string, string> = { true: 'true', '1': 'true', false: 'false', '0': 'false' };

const VALUE_ELEMENTS = [
  'TextValue',
  'BooleanValue',
  'IntegerValue',
  'FloatValue',
  'DateValue',
  'DateTimeValue',
];

/** Reads one <VariableValue> into a value of its variable's type; an issue says why a value is not kept. */
export function readValue(
  vv: XmlNode,
  variables: Map<string, PlanVariable>,
  owner: string,
  problems: ImportIssue[],
): PlanValue | null {
  const guid = normalizeGuid(attr(child(vv, 'VariableRef'), 'targetGUID'));
  const variable = guid ? variables.get(guid) : undefined;
  const element = VALUE_ELEMENTS.find((k) => vv[k] !== undefined);
  const raw = element ? textOf(vv, element) : '';
  if (!variable) {
    if (raw.trim())
      problems.push({
        kind: 'variable',
        name: owner,
        reason: `the value "${raw.trim()}" names a variable that is not in the file: not imported`,
      });
    return null;
  }
  const value = raw.trim();
  if (!value) return null;
  const say = (why: string): null => {
    problems.push({
      kind: 'variable',
      name: owner,
      reason: `${variable.name}: "${value}" ${why}: not imported`,
    });
    return null;
  };
  if (variable.type === 'number') {
    const n = Number(value);
    // Stored as the attributes store keeps numbers: in JavaScript's form ("3.50" → "3.5").
    return Number.isFinite(n) ? { variableGuid: variable.guid, value: String(n) } : say('is not a number');
  }
  if (variable.type === 'date') {
    const d = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
    return d && !Number.isNaN(Date.parse(d))
      ? { variableGuid: variable.guid, value: d }
      : say('is not a date');
  }
  if (element === 'BooleanValue') {
    const b = BOOLEANS[value.toLowerCase()];
    return b ? { variableGuid: variable.guid, value: b } : say('is not true or false');
  }
  return { variableGuid: variable.guid, value: raw };
}
