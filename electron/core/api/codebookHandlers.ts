import type { codebookMethods } from '../../../shared/api/codebook';
import { autocodeApply, autocodeSearch } from '../autocode';
import { editLog, listActors } from '../claims';
import {
  addDomain,
  deleteDomain,
  getCodebook,
  mergeDomains,
  mergeTemplate,
  moveDomain,
  previewDelete,
  previewMerge,
  updateDomain,
} from '../codebook';
import {
  domainIdsByName,
  exportTemplate,
  listTemplates,
  loadTemplate,
  saveTemplate,
  templatesDir,
} from '../domains';
import { historyState, redo, undo } from '../history';
import { getSettings, updateSettings } from '../settings';
import type { Handler } from './handlers';

type CodebookMethod = keyof typeof codebookMethods;

export const codebookHandlers: { [M in CodebookMethod]: Handler<M> } = {
  getSettings: (p) => getSettings(p.db),
  updateSettings: (p, i) => updateSettings(p.db, i),
  listActors: (p, i) => listActors(p.db, i),
  getEditLog: (p, i) => editLog(p.db, i.entity, i.id),
  historyState: (p) => historyState(p.db),
  undo: (p) => undo(p.db),
  redo: (p) => redo(p.db),
  getCodebook: (p) => getCodebook(p.db),
  domainIdsByName: (p, i) => domainIdsByName(p.db, i.names),
  createDomain: (p, i) => addDomain(p.db, i),
  updateDomain: (p, i) => updateDomain(p.db, i),
  moveDomain: (p, i) => moveDomain(p.db, i),
  previewMergeDomains: (p, i) => previewMerge(p.db, i.sourceId, i.targetId),
  mergeDomains: (p, i) => mergeDomains(p.db, i.sourceId, i.targetId),
  previewDeleteDomain: (p, i) => previewDelete(p.db, i.id),
  deleteDomain: (p, i) => deleteDomain(p.db, i.id, { deleteClaims: i.deleteClaims }),
  listTemplates: () => listTemplates(),
  exportCodebook: (p, i) => {
    const template = exportTemplate(p.db, i.name?.trim() || p.name, i.description ?? '');
    return {
      template,
      file: {
        fileName: `${template.name} codebook.json`,
        mimeType: 'application/json',
        base64: Buffer.from(`${JSON.stringify(template, null, 2)}\n`, 'utf8').toString('base64'),
      },
    };
  },
  saveCodebookTemplate: (p, i) => saveTemplate(p.db, templatesDir(), i),
  applyCodebookTemplate: (p, i) => mergeTemplate(p.db, i.template ?? loadTemplate(i.name as string)),
  autocodeSearch: (p, i) => autocodeSearch(p.db, i),
  autocodeApply: (p, i) => autocodeApply(p.db, i),
};
