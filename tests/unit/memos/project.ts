import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { CallResult } from '../../../shared/api/changes';
import { callMethod } from '../../../electron/core/api/dispatch';
import { addDomain } from '../../../electron/core/codebook';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import type { Project } from '../../../electron/core/project';
import { tempProject } from '../helpers';

export const TEXT = 'The exchange of officers began in 2019. Sovereignty was never in question.';

/** A project with two documents and a claim on the first, called through the dispatcher as every door does. */
export function memoProject() {
  const p = tempProject('empty');
  const docId = addDocument(p.db, { title: 'Exchange report', text: TEXT, format: 'txt' }).id;
  const otherDocId = addDocument(p.db, { title: 'Other', text: 'Nothing to see here.', format: 'txt' }).id;
  const domainId = addDomain(p.db, { name: 'Training' }).id;
  const q = 'exchange of officers';
  const claimId = createClaim(p.db, {
    docId,
    start: TEXT.indexOf(q),
    end: TEXT.indexOf(q) + q.length,
    domainIds: [domainId],
  }).id;
  return { p, docId, otherDocId, claimId, call: caller(p) };
}

/** Calls a method; fails the test with the API's message when it answers an error. */
export function caller(p: Project) {
  return async <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await callMethod(p, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code}: ${r.error.message}`);
    return r.value as MethodOutput<M>;
  };
}

export async function raw(p: Project, m: string, input: unknown): Promise<CallResult> {
  return callMethod(p, m, input);
}
