import type { z } from 'zod';
import { coreMethods } from './core';
import { corpusMethods } from './corpus';
import { codebookMethods } from './codebook';
import { exportsMethods } from './exports';
import { exportDownloadsMethods } from './exportDownloads';
import { gridsMethods } from './grids';
import { teamworkMethods } from './teamwork';
import { backupsMethods } from './backups';
import { projectsMethods } from './projects';
import { memosMethods } from './memos';
import { setsMethods } from './sets';
import { documentsMethods } from './documents';
import { pagesMethods } from './pages';
import { suggestMethods } from './suggest';
import { documentPageMethods } from './documentPage';
import type { MethodSpec } from './method';

// The one API contract. Each area of the product adds its methods in its own module and spreads it here.
export const api = {
  ...coreMethods,
  ...corpusMethods,
  ...codebookMethods,
  ...exportsMethods,
  ...exportDownloadsMethods,
  ...gridsMethods,
  ...teamworkMethods,
  ...backupsMethods,
  ...memosMethods,
  ...setsMethods,
  ...projectsMethods,
  ...documentsMethods,
  ...pagesMethods,
  ...documentPageMethods,
  ...suggestMethods,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;
/** The input after validation (defaults applied), as handlers receive it. */
export type MethodParams<M extends MethodName> = z.output<Api[M]['input']>;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** The client every caller in the renderer uses, whatever the transport underneath. */
export type ApiClient = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export * from './model';
export * from './pages';
export { method, type MethodSpec } from './method';
