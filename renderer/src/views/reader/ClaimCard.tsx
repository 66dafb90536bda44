import { forwardRef, useState, type ReactNode } from 'react';
import type { Claim, Domain } from '../../../../shared/api';

export interface ClaimCardProps {
  claim: Claim;
  domains: Domain[];
  selected: boolean;
  inView: boolean;
  onSelect: () => void;
  onDelete: () => void;
  onSaveNote: (note: string) => void;
}

/** One claim in the right column: its domains, quote and note (edited in place), and a delete button. */
export const ClaimCard = forwardRef<HTMLElement, ClaimCardProps>(function ClaimCard(props, ref): ReactNode {
  const { claim, domains, selected } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(claim.note);
  const stripe =
    domains.length > 1
      ? `linear-gradient(${domains.map((d, i) => `${d.color} ${(i * 100) / domains.length}% ${((i + 1) * 100) / domains.length}%`).join(', ')})`
      : (domains[0]?.color ?? '#888');

  const finish = (): void => {
    setEditing(false);
    if (draft.trim() !== claim.note) props.onSaveNote(draft.trim());
  };

  return (
    <article
      ref={ref}
      className={`claim-card${selected ? ' selected' : ''}${props.inView ? ' in-view' : ''}`}
      data-claim-id={claim.id}
      aria-label={`Claim ${claim.id}`}
      aria-current={selected ? 'true' : undefined}
      onClick={props.onSelect}
    >
      <div className="stripe" style={{ background: stripe }} />
      <div className="claim-body">
        <header>
          <ul className="chips">
            {domains.map((d) => (
              <li key={d.id} className="chip">
                <span className="swatch" style={{ background: d.color }} />
                {d.name}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="icon danger"
            title="Delete claim (Ctrl+Z undoes)"
            aria-label="Delete claim"
            onClick={(e) => {
              e.stopPropagation();
              props.onDelete();
            }}
          >
            ×
          </button>
        </header>
        <blockquote className="quote">{claim.quote}</blockquote>
        {editing ? (
          <textarea
            className="note-edit"
            aria-label="Edit note"
            autoFocus
            rows={3}
            value={draft}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={finish}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                finish();
              } else if (e.key === 'Escape') {
                setDraft(claim.note);
                setEditing(false);
              }
            }}
          />
        ) : (
          <p
            className={claim.note ? 'note' : 'note empty'}
            title="Click to edit the note"
            onClick={(e) => {
              e.stopPropagation();
              setDraft(claim.note);
              setEditing(true);
            }}
          >
            {claim.note || 'Add a note…'}
          </p>
        )}
        <footer className="muted">
          {claim.analyst || 'analyst'} · {claim.createdAt.slice(0, 10)}
        </footer>
      </div>
    </article>
  );
});
