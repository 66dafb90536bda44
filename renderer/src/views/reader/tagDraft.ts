// A claim being tagged when the analyst leaves the document (browser Back, another view, another document) is
// kept, not thrown away: its range, ticked domains and note wait here and the popover opens again with them when
// that document is opened next. In sessionStorage, so that a reload keeps it too; one draft at a time.

export interface Draft {
  docId: number;
  start: number;
  end: number;
  exact: boolean;
  chosen: number[];
  note: string;
}

const KEY = 'dossier.tagDraft';

const isDraft = (x: unknown): x is Draft => {
  const d = x as Partial<Draft> | null;
  return (
    !!d &&
    [d.docId, d.start, d.end].every((n) => Number.isInteger(n)) &&
    typeof d.exact === 'boolean' &&
    Array.isArray(d.chosen) &&
    d.chosen.every((n) => Number.isInteger(n)) &&
    typeof d.note === 'string'
  );
};

export function readDraft(docId: number): Draft | null {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return isDraft(raw) && raw.docId === docId ? raw : null;
  } catch {
    return null;
  }
}

export function keepDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives only as long as the popover.
  }
}

export function dropDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
