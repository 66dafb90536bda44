import type { ApiErrorCode } from '../../shared/errors';

/** An error whose message is meant for the analyst; doors pass it on as a typed API error. */
export class DossierError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}
