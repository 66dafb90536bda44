// Whether a PDF is read as its pages or as its stored text, remembered per document on this machine (a habit of
// the analyst's, not part of the project), keyed by the project's path and the document's id.

export type ReaderMode = 'pages' | 'text';

const key = (projectPath: string, docId: number): string => `dossier.readerMode:${projectPath}:${docId}`;

export function readerMode(projectPath: string, docId: number): ReaderMode {
  try {
    return localStorage.getItem(key(projectPath, docId)) === 'pages' ? 'pages' : 'text';
  } catch {
    return 'text';
  }
}

export function rememberReaderMode(projectPath: string, docId: number, mode: ReaderMode): void {
  try {
    localStorage.setItem(key(projectPath, docId), mode);
  } catch {
    // Storage full or disabled: the document opens as text next time, nothing else depends on it.
  }
}
