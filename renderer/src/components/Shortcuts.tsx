import type { ReactNode } from 'react';

const KEYS: [string, string][] = [
  ['g then l / r / g / c / e', 'Library, Reader, Grid, Compare, Export'],
  ['/', 'Search documents and claims'],
  ['Ctrl/Cmd+F', 'Find in the open document (Enter / Shift+Enter: next / previous)'],
  ['j / k', 'Next / previous claim in the Reader'],
  ['Enter', 'Edit the selected claim (domains, note, actor, stance, grading, range)'],
  ['Del', 'Delete the selected claim (Ctrl/Cmd+Z brings it back)'],
  ['Select text', 'Tag it: the popover opens at the selection'],
  ['1–9', 'Tick a domain in the popover (the ones used last come first)'],
  ['Enter', 'Save the claim'],
  ['Esc', 'Close the popover, the editor or the selection'],
  ['Alt while selecting', 'Keep the exact characters (no snapping to words)'],
  ['Ctrl/Cmd+Z', 'Undo the last claim or codebook edit'],
  ['Shift+Ctrl/Cmd+Z, Ctrl+Y', 'Redo'],
  ['?', 'This list'],
];

export function Shortcuts(props: { onClose: () => void }): ReactNode {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={props.onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
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
