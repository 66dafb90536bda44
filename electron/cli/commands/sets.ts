import { ApiError, call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';

// Document sets from the command line: `set add|assign|unassign|rename|delete` edit them by name, `sets` lists
// them. --json gives the API's DocumentSet objects. Sets as grid rows are `dossier grid <project> --rows set`.

/** --doc 1 --doc 2, --doc 1,2, or --doc 1 2 (the ids after the set's name): all the same. */
function docIds(doc: string[] | undefined, rest: string[]): number[] {
  const raw = [...(doc ?? []), ...rest].flatMap((s) => s.split(',')).filter((s) => s.trim() !== '');
  if (raw.length === 0) throw new UsageError('name the documents with --doc <id>… (see dossier docs)');
  return raw.map((s) => positiveInt(s.trim(), '--doc'));
}

const ACTIONS = ['add', 'assign', 'unassign', 'rename', 'delete'];

export const set: Command = {
  name: 'set',
  usage: USAGE['set'],
  run: async ([action, file, name, ...rest], v) => {
    if (!action || !ACTIONS.includes(action))
      throw new UsageError(`unknown set action "${action ?? ''}" (try: set ${ACTIONS.join(', set ')})`);
    if (!name) throw new UsageError(`name the set: dossier set ${action} <project> <name>`);
    // The command line is checked before the project is opened: a mistyped one changes nothing.
    const ids = action === 'assign' || action === 'unassign' ? docIds(v.doc, rest) : [];
    if (action === 'add') {
      const extra = v.doc ? docIds(v.doc, rest) : [];
      const s = await call(needProject(file), 'createSet', { name, docIds: extra });
      return { json: s, text: `Added set ${s.id} "${s.name}" (${s.docCount} documents)` };
    }
    if (action === 'rename' && rest.length !== 1)
      throw new UsageError('dossier set rename <project> <name> <new name>');
    const p = needProject(file);
    if (action === 'assign' || action === 'unassign') {
      if (action === 'assign') {
        const r = await call(p, 'assignToSet', { name, docIds: ids });
        return { json: r, text: `Added ${r.added} documents to "${r.set.name}" (${r.set.docCount} in all)` };
      }
      const r = await call(p, 'unassignFromSet', { name, docIds: ids });
      return {
        json: r,
        text: `Removed ${r.removed} documents from "${r.set.name}" (${r.set.docCount} left)`,
      };
    }
    const all = await call(p, 'listSets', {});
    const target = all.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
    if (!target) {
      const names = all.map((s) => s.name).join(', ');
      throw new ApiError(
        'not_found',
        `no document set named "${name}"${names ? ` (there are: ${names})` : ''}`,
      );
    }
    const id = target.id;
    if (action === 'rename') {
      const s = await call(p, 'renameSet', { id, name: rest[0] });
      return { json: s, text: `Renamed set ${s.id} to "${s.name}"` };
    }
    await call(p, 'deleteSet', { id });
    return { json: { id }, text: `Deleted set ${id} "${target.name}" (its documents stay)` };
  },
};

export const sets: Command = {
  name: 'sets',
  usage: USAGE['sets'],
  run: async ([file]) => {
    const list = await call(needProject(file), 'listSets', {});
    return {
      json: list,
      text: list.length
        ? table([
            ['id', 'documents', 'claims', 'name'],
            ...list.map((s) => [s.id, s.docCount, s.claimCount, s.name]),
          ])
        : 'No document sets yet (dossier set add <project> <name>).',
    };
  },
};
