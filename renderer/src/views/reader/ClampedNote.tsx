import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './claimNote.css';

/**
 * A claim's note in its card, clamped to a few lines so that one long note (thousands of characters) does not
 * push every other card out of the column; "Show more" (a button: Tab and Enter reach it) shows it whole. A
 * click on the note itself edits it, as before.
 */
export function ClampedNote(props: { note: string; onEdit: () => void }): ReactNode {
  const { note } = props;
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || expanded) return;
    const measure = (): void => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [note, expanded]);
  return (
    <>
      <p
        ref={ref}
        id={id}
        className={note ? `note${expanded ? '' : ' clamped'}` : 'note empty'}
        title="Click to edit the note"
        onClick={(e) => {
          e.stopPropagation();
          props.onEdit();
        }}
      >
        {note || 'Add a note…'}
      </p>
      {note && (overflows || expanded) && (
        <button
          type="button"
          className="link note-more"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={(e) => {
            e.stopPropagation();
            setExpanded((x) => !x);
          }}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </>
  );
}
