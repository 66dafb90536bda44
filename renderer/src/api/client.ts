import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { methodNames } from '../../../shared/api';
import type { CallResult } from '../../../shared/api/changes';
import type { ApiErrorCode } from '../../../shared/errors';
import { currentlyHandled, publish } from './changeBus';
import { clientId } from './clientId';
import { webToken } from './webToken';

/** What the Electron preload exposes; absent in web mode. */
export interface DossierBridge {
  call: Record<string, (input: unknown) => Promise<CallResult>>;
  onProjectChanged?: (listener: () => void) => void;
  /** The change stream: other windows' changes and background imports' progress. */
  onChanges?: (listener: (event: unknown) => void) => void;
  onNavigate?: (listener: (view: string) => void) => void;
  /** Saves a prepared export where the analyst chooses (a save dialog); cancelled: saved false. */
  saveDownload?: (
    handle: string,
    fileName: string,
  ) => Promise<{ saved: true; path: string } | { saved: false }>;
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

async function overHttp(name: string, input: unknown): Promise<CallResult> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      // Nothing ambient: the token header is what authorises the call (see webToken.ts).
      credentials: 'omit',
      headers: {
        'Content-Type': 'application/json',
        'X-Dossier-Token': webToken() ?? '',
        'X-Dossier-Client': clientId,
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('internal', 'Dossier is not answering: is the server still running?');
  }
  try {
    return (await response.json()) as CallResult;
  } catch {
    throw new ApiError('internal', `Dossier answered ${response.status} ${response.statusText} without data`);
  }
}

function transport(): (name: string, input: unknown) => Promise<CallResult> {
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
    const handled = currentlyHandled();
    const result = await send(name, input);
    // What this call changed reaches this window's queries here (the door does not push it back to us).
    if (result.changes) publish(result.changes, handled);
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
