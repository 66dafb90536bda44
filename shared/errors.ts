export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'unsupported',
  /** A write to a project opened read-only (a read-only file or folder, a full disk). */
  'read_only',
  /** A write that found the disk full: nothing was changed. */
  'disk_full',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };
