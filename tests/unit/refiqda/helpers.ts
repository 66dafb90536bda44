import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { attr, child, children, parseXml, textOf, type XmlNode } from '../../../electron/core/refiqda/xml';

export const XSD = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'schemas',
  'refi-qda',
  'Project.xsd',
);
export const XMLLINT = '/usr/bin/xmllint';
export const canValidate = fs.existsSync(XSD) && fs.existsSync(XMLLINT);
if (!canValidate) console.log(`REFI-QDA schema checks skipped: need ${XSD} and ${XMLLINT}`);

/** Runs xmllint against the REFI-QDA schema; returns its complaint, or '' when the file validates. */
export function xsdErrors(xml: string, dir: string): string {
  const file = path.join(dir, `project-${Date.now()}-${Math.random().toString(36).slice(2)}.qde`);
  fs.writeFileSync(file, xml);
  const r = spawnSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stderr}`;
}

export function qdeOf(qdpx: Uint8Array): { xml: string; files: Record<string, string> } {
  const entries = unzipSync(qdpx);
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (k !== 'project.qde') files[k] = strFromU8(v);
  return { xml: strFromU8(entries['project.qde']), files };
}

export function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );
}

/** A comparable summary of a project.qde: everything a round trip must keep, GUIDs included. */
export function summary(xml: string, files: Record<string, string>): unknown {
  const project = child(parseXml(xml, 'project.qde'), 'Project') as XmlNode;
  const codes: unknown[] = [];
  const walk = (node: XmlNode, parent: string | null): void => {
    for (const c of children(node, 'Code')) {
      codes.push({
        guid: attr(c, 'guid'),
        name: attr(c, 'name'),
        color: attr(c, 'color'),
        description: textOf(c, 'Description'),
        parent,
      });
      walk(c, attr(c, 'guid') ?? null);
    }
  };
  walk(child(child(project, 'CodeBook'), 'Codes') as XmlNode, null);
  const notes = new Map(
    children(child(project, 'Notes'), 'Note').map((n) => [attr(n, 'guid'), textOf(n, 'PlainTextContent')]),
  );
  const users = new Map(
    children(child(project, 'Users'), 'User').map((u) => [attr(u, 'guid'), attr(u, 'name')]),
  );
  const sources = children(child(project, 'Sources'), 'TextSource').map((s) => {
    const guid = attr(s, 'guid');
    const text = files[`sources/${guid}.txt`];
    return {
      guid,
      name: attr(s, 'name'),
      description: textOf(s, 'Description'),
      text,
      values: children(s, 'VariableValue').map((v) => [
        attr(child(v, 'VariableRef'), 'targetGUID'),
        textOf(v, 'TextValue') || textOf(v, 'FloatValue') || textOf(v, 'DateValue'),
      ]),
      selections: children(s, 'PlainTextSelection').map((sel) => ({
        guid: attr(sel, 'guid'),
        start: Number(attr(sel, 'startPosition')),
        end: Number(attr(sel, 'endPosition')),
        quote: [...text].slice(Number(attr(sel, 'startPosition')), Number(attr(sel, 'endPosition'))).join(''),
        description: textOf(sel, 'Description'),
        user: users.get(attr(sel, 'creatingUser')),
        codings: children(sel, 'Coding').map((c) => [
          attr(c, 'guid'),
          attr(child(c, 'CodeRef'), 'targetGUID'),
        ]),
        notes: children(sel, 'NoteRef').map((n) => [attr(n, 'targetGUID'), notes.get(attr(n, 'targetGUID'))]),
      })),
    };
  });
  const variables = children(child(project, 'Variables'), 'Variable').map((v) => [
    attr(v, 'guid'),
    attr(v, 'name'),
    attr(v, 'typeOfVariable'),
  ]);
  return { codes, sources, variables, users: [...users].sort() };
}
