import { useRef, type ReactNode } from 'react';
import { useFocusTrap } from './useFocusTrap';

const KEYS: [string, string][] = [
  ['g then l / r / g / c / e / m / a', 'Library, Reader, Grid, Compare, Export, Memos, Agreement'],
  ['/', 'Search documents and claims'],
  ['Ctrl/Cmd+Enter in a memo', 'Save the memo (Ctrl/Cmd+P: preview its Markdown)'],
  ['Ctrl/Cmd+F', 'Find in the open document (Enter / Shift+Enter: next / previous)'],
  ['j / k', 'Next / previous claim in the Reader'],
  ['Enter', 'Edit the selected claim (domains, note, actor, stance, grading, range)'],
  ['Del', 'Delete the selected claim (Ctrl/Cmd+Z brings it back)'],
  ['Select text', 'Tag it: the popover opens at the selection'],
  ['Tab to the text', 'A reading caret: at the last click, the find hit, or the first paragraph on screen'],
  ['← → / ↑ ↓', 'Move the caret by character / line'],
  ['Ctrl+← →  (Mac: Alt+← →)', 'Move the caret by word'],
  ['Shift + any of these', 'Extend the selection'],
  ['S', 'Select the sentence at the caret (again: add the next one)'],
  ['P', 'Select the paragraph (again: add the next one)'],
  ['T, or Enter on a selection', 'Tag the selection (Alt+T: exact characters)'],
  ['1–9', 'Tick a domain in the popover: the codebook’s order, or the matches while you type'],
  ['Tab in the popover', 'Filter → domains (↑ ↓, Space) → note → Save'],
  ['Enter', 'Save the claim'],
  ['Esc', 'Close the popover, the editor, a menu, a panel or the selection'],
  ['Alt while selecting', 'Keep the exact characters (no snapping to words)'],
  ['a / r / s in Suggest claims', 'Accept / reject / skip the suggestion shown (nothing applied without it)'],
  ['→ / ← in Suggest claims', 'Next / previous suggestion'],
  ['Shift+F10 / Menu key / right-click', 'A domain’s actions in the codebook'],
  ['Ctrl/Cmd+Z', 'Undo the last claim or codebook edit'],
  ['Shift+Ctrl/Cmd+Z, Ctrl+Y', 'Redo'],
  ['?', 'This list'],
];

export function Shortcuts(props: { onClose: () => void }): ReactNode {
  const card = useRef<HTMLDivElement>(null);
  useFocusTrap(card, { onClose: props.onClose });
  return (
    <div className="overlay">
      <div
        className="overlay-card"
        ref={card}
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        tabIndex={-1}
      >
        <h2>Keyboard</h2>
        <dl>
          {KEYS.map(([k, v]) => (
            <div key={`${k}: ${v}`}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
