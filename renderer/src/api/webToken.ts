// Web mode's per-run token. The printed URL carries it once (`?token=`); the page keeps it in sessionStorage
// (per origin, port included, so no page on another port can read it; it survives a reload of the tab) and
// takes it out of the address bar, so that it is not left in the history or on screen. It is sent as a
// header only: a cookie would reach the server from pages on every other 127.0.0.1 port too.

const KEY = 'dossier_token';
let token: string | null | undefined;

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the token lives in memory only, until the page is reloaded
  }
}

function store(value: string): void {
  try {
    window.sessionStorage.setItem(KEY, value);
  } catch {
    // see stored()
  }
}

/** The token this page was opened with, or null when it was opened without one. */
export function webToken(): string | null {
  if (token !== undefined) return token;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    store(fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  token = fromUrl || stored();
  return token;
}
