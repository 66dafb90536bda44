import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { methodNames } from '../../../shared/api';
import type { ApiErrorCode, ApiResult } from '../../../shared/errors';
import { webToken } from './webToken';

/** What the Electron preload exposes; absent in web mode. */
export interface DossierBridge {
  call: Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;
  onProjectChanged?: (listener: () => void) => void;
  onNavigate?: (listener: (view: string) => void) => void;
}

declare global {
  interface Window {
    dossierBridge?: DossierBridge;
  }
}

/** A failed call, with the core's error code and a message written for the analyst. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      // Nothing ambient: the token header is what authorises the call (see webToken.ts).
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': webToken() ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('internal', 'Dossier is not answering: is the server still running?');
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    throw new ApiError('internal', `Dossier answered ${response.status} ${response.statusText} without data`);
  }
}

function transport(): (name: string, input: unknown) => Promise<ApiResult<unknown>> {
  const bridge = typeof window !== 'undefined' ? window.dossierBridge : undefined;
  if (bridge) {
    return (name, input) => {
      const fn = bridge.call[name];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: name } });
      return fn(input ?? {});
    };
  }
  // Read the token now, before any view renders: it leaves the address bar at once.
  if (typeof window !== 'undefined') webToken();
  return overHttp;
}

/** Builds the one client every part of the renderer uses: the preload bridge in Electron, HTTP in web mode. */
export function createApiClient(): ApiClient {
  const send = transport();
  const call = async <M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await send(name, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message);
    return result.value as MethodOutput<M>;
  };
  return Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => call(name, input as never)]),
  ) as ApiClient;
}

export const api: ApiClient = createApiClient();

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Base64 of bytes, in chunks so that large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
