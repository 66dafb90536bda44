import type { Memo } from '../../../shared/api/memos';
import { call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';

// Memos from the command line: `memo add` writes one, `memos` lists them. --json gives the API's Memo objects.

function links(m: Memo): string {
  const parts = [
    ...(m.docId !== null ? [`document ${m.docId}`] : []),
    ...(m.claimId !== null ? [`claim ${m.claimId}`] : []),
  ];
  return parts.length ? parts.join(', ') : 'project';
}

export const memo: Command = {
  name: 'memo',
  usage: USAGE['memo'],
  run: async ([action, file], v) => {
    if (action !== 'add') throw new UsageError(`unknown memo action "${action ?? ''}" (try: memo add)`);
    if (v.title === undefined) throw new UsageError('--title is required');
    if (v.text === undefined) throw new UsageError('--text is required (Markdown; "" for none yet)');
    if ((v.doc?.length ?? 0) > 1) throw new UsageError('give --doc once (a memo links to one document)');
    // Checked before the project is opened: a mistyped option changes nothing and says so.
    const docId = v.doc?.[0] !== undefined ? positiveInt(v.doc[0], '--doc') : undefined;
    const claimId = v.claim !== undefined ? positiveInt(v.claim, '--claim') : undefined;
    const m = await call(needProject(file), 'addMemo', { title: v.title, text: v.text, docId, claimId });
    return { json: m, text: `Added memo ${m.id} "${m.title}" (${links(m)})` };
  },
};

export const memos: Command = {
  name: 'memos',
  usage: USAGE['memos'],
  run: async ([file], v) => {
    const docId = v.doc?.[0] !== undefined ? positiveInt(v.doc[0], '--doc') : undefined;
    const claimId = v.claim !== undefined ? positiveInt(v.claim, '--claim') : undefined;
    const list = await call(needProject(file), 'listMemos', { docId, claimId });
    return {
      json: list,
      text: list.length
        ? table([
            ['id', 'updated', 'analyst', 'linked to', 'title'],
            ...list.map((m) => [m.id, m.updatedAt, m.analyst || '-', links(m), m.title]),
          ])
        : 'No memos yet (dossier memo add <project> --title … --text …).',
    };
  },
};
