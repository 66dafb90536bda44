import { forwardRef, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Claim, Domain } from '../../../../shared/api';
import { useProject } from '../../components/ProjectContext';
import { ClampedNote } from './ClampedNote';
import { ClaimEditor, gradeOf, gradeTitle } from './ClaimEditor';
import { isTyping } from './useReaderKeys';

export interface ClaimCardProps {
  claim: Claim;
  domains: Domain[];
  selected: boolean;
  inView: boolean;
  onSelect: () => void;
  onDelete: () => void;
  onSaveNote: (note: string) => void;
  /** The claim's paragraph number, as exports cite it (shared/paragraphs.ts). */
  paragraph?: number;
}

/**
 * One claim in the right column: its domains, quote, note (edited in place), actor, stance and grade, an editor
 * for all of them (✎, or Enter when the claim is selected) and delete (×, or Del when selected; Ctrl+Z undoes).
 */
export const ClaimCard = forwardRef<HTMLElement, ClaimCardProps>(function ClaimCard(props, ref): ReactNode {
  const { claim, domains, selected } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(claim.note);
  const [open, setOpen] = useState(false);
  const { navigate } = useProject();
  const keys = useRef({ open, onDelete: props.onDelete });
  const cardRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    keys.current = { open, onDelete: props.onDelete };
  });
  useEffect(() => {
    if (!selected) setOpen(false);
  }, [selected]);
  // Only the selected card listens, so that a document with thousands of claims does not add thousands of listeners.
  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent): void => {
      const k = keys.current;
      if (k.open || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLButtonElement && e.key === 'Enter') return;
      if (e.key === 'Enter') {
        e.preventDefault();
        setOpen(true);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        k.onDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected]);
  const grade = gradeOf(claim);
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
      ref={(el) => {
        cardRef.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      }}
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
            className="icon"
            title="Edit claim (Enter)"
            aria-label="Edit claim"
            aria-expanded={open}
            onClick={(e) => {
              e.stopPropagation();
              setOpen((o) => !o);
            }}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon add-memo"
            title="Add a memo on this claim"
            aria-label="Add memo"
            onClick={(e) => {
              e.stopPropagation();
              navigate({ view: 'memos', claimId: claim.id, memoDocId: claim.docId });
            }}
          >
            memo
          </button>
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
        {open ? (
          <ClaimEditor claim={claim} card={cardRef} onClose={() => setOpen(false)} />
        ) : editing ? (
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
          <ClampedNote
            note={claim.note}
            onEdit={() => {
              setDraft(claim.note);
              setEditing(true);
            }}
          />
        )}
        {!open && (claim.actor || claim.stance || grade) && (
          <div className="claim-attrs">
            {claim.actor && (
              <span className="actor" title="Actor">
                {claim.actor}
              </span>
            )}
            {claim.stance && <span className={`stance ${claim.stance}`}>{claim.stance}</span>}
            {grade && (
              <span className="grade" title={gradeTitle(claim)} aria-label={`Grade ${grade}`}>
                {grade}
              </span>
            )}
          </div>
        )}
        <footer className="muted">
          {props.paragraph !== undefined && (
            <span className="claim-paragraph" title="Paragraph, as exports cite it">
              ¶ {props.paragraph} ·{' '}
            </span>
          )}
          {claim.analyst && <span className="claim-analyst">{claim.analyst} · </span>}
          {claim.createdAt.slice(0, 10)}
        </footer>
      </div>
    </article>
  );
});
