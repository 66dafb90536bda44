import type http from 'node:http';
import type { StreamEvent } from '../../shared/api/changes';
import { pageGetRefusal } from './requestGuard';

// Web mode's change stream: Server-Sent Events on GET /api-events. The page opens it with fetch() (not
// EventSource, which cannot send headers), so the token travels in the X-Dossier-Token header as for every
// call, never in the address (where logs and the history would keep it). The same origin rule applies.

export const EVENTS_PATH = '/api-events';
/** Names the page (one per tab) on its calls and on its stream, so that a tab is not sent its own changes. */
export const CLIENT_HEADER = 'x-dossier-client';
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The calling page's client id as the core's `origin`, or undefined when it sent none (or a malformed one). */
export function clientOrigin(req: http.IncomingMessage): string | undefined {
  const id = req.headers[CLIENT_HEADER];
  return typeof id === 'string' && CLIENT_ID.test(id) ? `web:${id}` : undefined;
}

type Refuse = (status: number, code: 'forbidden' | 'unauthorized', message: string) => void;

/** Answers GET /api-events: refuses as the API does, or holds the response open and writes every event. */
export function openEventStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: {
    /** Hears the served project's events (a session's: they follow it when it switches). */
    subscribe: (listener: (event: StreamEvent) => void) => () => void;
    host: string;
    token: string;
    refuse: Refuse;
  },
): void {
  const refusal = pageGetRefusal(req, options.host, options.token);
  if (refusal) {
    if (refusal.status === 405) res.setHeader('Allow', 'GET');
    return options.refuse(refusal.status, refusal.code, refusal.message);
  }
  const origin = clientOrigin(req);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    Connection: 'keep-alive',
  });
  // A first comment, so that the page knows the stream is open before any change happens.
  res.write(': open\n\n');
  const send = (event: StreamEvent): void => {
    if (event.type !== 'import' && origin !== undefined && event.origin === origin) return;
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const stop = options.subscribe(send);
  req.on('close', stop);
  res.on('close', stop);
}
