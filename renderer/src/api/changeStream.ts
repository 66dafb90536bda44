import { StreamEvent } from '../../../shared/api/changes';
import { publish, publishEverything } from './changeBus';
import { clientId } from './clientId';
import { webToken } from './webToken';

// Connects the window to its door's change stream: the preload's onChanges in Electron, Server-Sent Events in
// web mode, read with fetch() so that the token goes in a header (EventSource cannot send one) and never in
// the address.

const RETRY_MS = [500, 1_000, 2_000, 5_000];

function deliver(raw: unknown): void {
  const parsed = StreamEvent.safeParse(raw);
  if (parsed.success) publish(parsed.data);
}

/** Splits a text/event-stream into its events' data fields (the server sends one `data:` line per event). */
export function sseData(buffer: string): { events: string[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((b) =>
    b
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart()),
  );
  return { events, rest };
}

async function readStream(onOpen: () => void): Promise<void> {
  const response = await fetch('/api-events', {
    credentials: 'omit',
    cache: 'no-store',
    headers: {
      'X-Dossier-Token': webToken() ?? '',
      'X-Dossier-Client': clientId,
      Accept: 'text/event-stream',
    },
  });
  if (!response.ok || !response.body) throw new Error(`the change stream answered ${response.status}`);
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const { events, rest } = sseData(buffer + value);
    buffer = rest;
    for (const data of events) {
      try {
        deliver(JSON.parse(data));
      } catch {
        // Not JSON: not ours.
      }
    }
  }
}

let started = false;

/** Starts listening, once per window. A lost web stream is reopened, and every query refetched once it is. */
export function startChangeStream(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const bridge = window.dossierBridge;
  if (bridge) {
    bridge.onChanges?.(deliver);
    return;
  }
  let failures = 0;
  let opened = false;
  const connect = (): void => {
    readStream(() => {
      // Reopened after a loss: what happened meanwhile was not heard.
      if (opened) publishEverything();
      opened = true;
      failures = 0;
    })
      .catch(() => undefined)
      .finally(() => {
        failures += 1;
        setTimeout(connect, RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)]);
      });
  };
  connect();
}
