// Names this page on its calls and on its change stream (web mode's X-Dossier-Client), so that the server does
// not send it back the changes it has in its own answers. Not a secret: it authorises nothing.
const bytes = new Uint8Array(12);
globalThis.crypto.getRandomValues(bytes);
export const clientId = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
