import {
  everythingChanged,
  touches,
  type ChangeEvent,
  type Dependency,
  type StreamEvent,
} from '../../../shared/api/changes';

// The window's side of the change stream. Every change reaches it once: this window's own in the answers of
// its calls (client.ts publishes them), the others' and background imports' pushed by the door (stream.ts).
// Each query names what it depends on and is refetched only when a change names that.

type Listener = (event: StreamEvent, handled: readonly string[]) => void;
const listeners = new Set<Listener>();

/** Hears every event (changes and import progress); returns the function that stops it. */
export function onStreamEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Delivers an event to every listener. `handled` names the queries that have already applied it locally (the
 * Reader's claim list after its own createClaim): those are not refetched.
 */
export function publish(event: StreamEvent, handled: readonly string[] = []): void {
  for (const listener of [...listeners]) listener(event, handled);
}

/** Tells every query to refetch: the project was switched, or the stream was lost and changes may be missed. */
export function publishEverything(): void {
  publish(everythingChanged());
}

/** Calls `onChange` for every change that concerns `dep`, unless the query `key` has applied it itself. */
export function onChange(dep: Dependency, onChange: (e: ChangeEvent) => void, key?: string): () => void {
  return onStreamEvent((event, handled) => {
    if (event.type !== 'changes' || !touches(event, dep)) return;
    if (key !== undefined && handled.includes(key)) return;
    onChange(event);
  });
}

let handling: readonly string[] = [];

/**
 * Runs `call` (one API call, made synchronously inside it) saying that the queries `keys` apply its result
 * themselves, so that its change event does not refetch them: a local, optimistic update stays the only one.
 */
export function handledBy<T>(keys: readonly string[], call: () => Promise<T>): Promise<T> {
  const before = handling;
  handling = keys;
  try {
    return call();
  } finally {
    handling = before;
  }
}

/** The keys given to the handledBy around the call being made now (read by the client as a call starts). */
export function currentlyHandled(): readonly string[] {
  return handling;
}
