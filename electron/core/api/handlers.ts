import type { MethodName, MethodOutput, MethodParams } from '../../../shared/api';
import type { Project } from '../project';
import { codebookHandlers } from './codebookHandlers';
import { coreHandlers } from './coreHandlers';
import { corpusHandlers } from './corpusHandlers';
import { exportHandlers } from './exportHandlers';
import { gridHandlers } from './gridHandlers';
import { teamworkHandlers } from './teamworkHandlers';
import { backupHandlers } from './backupHandlers';
import { memoHandlers } from './memoHandlers';
import { setHandlers } from './setHandlers';
import { projectHandlers } from './projectHandlers';
import { documentHandlers } from './documentHandlers';
import { pageHandlers } from './pageHandlers';
import { suggestHandlers } from './suggestHandlers';
import { documentPageHandlers } from './documentPageHandlers';

export type Handler<M extends MethodName> = (
  project: Project,
  input: MethodParams<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

// Each area of the product contributes its handlers from its own module.
export const handlers: Handlers = {
  ...coreHandlers,
  ...corpusHandlers,
  ...codebookHandlers,
  ...exportHandlers,
  ...gridHandlers,
  ...teamworkHandlers,
  ...backupHandlers,
  ...memoHandlers,
  ...setHandlers,
  ...projectHandlers,
  ...documentHandlers,
  ...pageHandlers,
  ...documentPageHandlers,
  ...suggestHandlers,
};
