/**
 * A file or link dropped where nothing takes it must not replace the app with that file (Chromium opens an
 * unhandled drop as a page). Places that take drops (the Library's import zone, the codebook's rows) cancel the
 * events themselves; this guard, listening on the window after them, cancels what they left.
 */
export interface DragFacts {
  /** A handler in the page already cancelled the event: it takes the drop. */
  handled: boolean;
  /** The drag carries files (not text or a link). */
  carriesFiles: boolean;
  /** The pointer is over a text field, where the browser's own text drop is wanted. */
  overTextEntry: boolean;
}

/** Whether the guard cancels the event: everything not taken, except text dropped into a text field. */
export function shouldCancelDrag(f: DragFacts): boolean {
  if (f.handled) return false;
  return f.carriesFiles || !f.overTextEntry;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const el = target.closest('input, textarea, [contenteditable]');
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el instanceof HTMLElement && el.isContentEditable;
}

function onDrag(event: DragEvent): void {
  const facts: DragFacts = {
    handled: event.defaultPrevented,
    carriesFiles: [...(event.dataTransfer?.types ?? [])].includes('Files'),
    overTextEntry: isTextEntry(event.target),
  };
  if (!shouldCancelDrag(facts)) return;
  event.preventDefault();
  // Cancelled with no effect: the pointer shows that nothing will happen, and no drop follows.
  if (event.type === 'dragover' && event.dataTransfer) event.dataTransfer.dropEffect = 'none';
}

/** Installs the guard on the window (bubbling phase, so that the page's own drop zones answer first). */
export function installDropGuard(target: Window = window): () => void {
  target.addEventListener('dragover', onDrag);
  target.addEventListener('drop', onDrag);
  return () => {
    target.removeEventListener('dragover', onDrag);
    target.removeEventListener('drop', onDrag);
  };
}
