import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Claim } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { useFocusTrap } from '../../components/useFocusTrap';
import { claimWordStep } from './claimWordStep';
import './ClaimEditor.css';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const RELIABILITY_TEXT: Record<(typeof RELIABILITY)[number], string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
const CREDIBILITY_TEXT = [
  'confirmed by other sources',
  'probably true',
  'possibly true',
  'doubtful',
  'improbable',
  'truth cannot be judged',
];
const STANCES = ['supports', 'opposes', 'neutral'] as const;

type Reliability = (typeof RELIABILITY)[number];
type Stance = (typeof STANCES)[number];

/** The evidence grade on the Admiralty scale, as analysts write it: "B2", "C", "3" or "". */
export function gradeOf(claim: Pick<Claim, 'reliability' | 'credibility'>): string {
  return `${claim.reliability ?? ''}${claim.credibility ?? ''}`;
}

export function gradeTitle(claim: Pick<Claim, 'reliability' | 'credibility'>): string {
  const parts = [];
  if (claim.reliability) parts.push(`Source ${claim.reliability}: ${RELIABILITY_TEXT[claim.reliability]}`);
  if (claim.credibility)
    parts.push(`Information ${claim.credibility}: ${CREDIBILITY_TEXT[claim.credibility - 1]}`);
  return parts.join('\n');
}

/**
 * Editing a claim inside its card: domains, note, actor (with the actors already used as suggestions), stance,
 * evidence grade and its range, one word at a time at either end. Every change is one undoable step in the core.
 */
export function ClaimEditor(props: {
  claim: Claim;
  onClose: () => void;
  /** The card the editor sits in: presses there are the card's (its ✎ toggles the editor). */
  card: RefObject<HTMLElement | null>;
}): ReactNode {
  const { claim, onClose } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  useFocusTrap(formRef, { onClose, initialFocus: filterRef, keepOn: props.card });
  const { domains, setStatus } = useProject();
  const [domainIds, setDomainIds] = useState<number[]>(claim.domainIds);
  const [note, setNote] = useState(claim.note);
  const [actor, setActor] = useState(claim.actor);
  const [stance, setStance] = useState<Stance | ''>(claim.stance ?? '');
  const [reliability, setReliability] = useState<Reliability | ''>(claim.reliability ?? '');
  const [credibility, setCredibility] = useState<string>(claim.credibility ? String(claim.credibility) : '');
  const [actors, setActors] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .listActors({ limit: 200 })
      .then((list) => setActors(list.map((a) => a.actor)))
      .catch(() => setActors([]));
  }, []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const matching = q ? domains.filter((d) => d.name.toLowerCase().includes(q)) : domains;
    // The claim's own domains first, so that they are in sight when the editor opens.
    const own = new Set(claim.domainIds);
    return [...matching.filter((d) => own.has(d.id)), ...matching.filter((d) => !own.has(d.id))];
  }, [domains, filter, claim.domainIds]);

  const toggle = (id: number): void =>
    setDomainIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const save = async (): Promise<void> => {
    if (domainIds.length === 0) return setError('A claim keeps at least one domain.');
    const same = (a: number[], b: number[]): boolean =>
      a.length === b.length && [...a].sort().join() === [...b].sort().join();
    const patch: Parameters<typeof api.updateClaim>[0] = { id: claim.id };
    if (!same(domainIds, claim.domainIds)) patch.domainIds = domainIds;
    if (note.trim() !== claim.note) patch.note = note.trim();
    if (actor.trim() !== claim.actor) patch.actor = actor.trim();
    if ((stance || null) !== claim.stance) patch.stance = stance || null;
    if ((reliability || null) !== claim.reliability) patch.reliability = reliability || null;
    const cred = credibility ? Number(credibility) : null;
    if (cred !== claim.credibility) patch.credibility = cred;
    if (Object.keys(patch).length === 1) return onClose();
    setBusy(true);
    try {
      await api.updateClaim(patch);
      setStatus('Claim saved ✓', 'ok');
      onClose();
    } catch (e) {
      setError(`Not saved: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const move = async (edge: 'start' | 'end', dir: -1 | 1): Promise<void> => {
    const next = claimWordStep(claim, edge, dir);
    if (!next)
      return setStatus(
        dir === 1 && edge === 'end' ? 'The claim cannot grow further' : 'Cannot move that end',
      );
    try {
      await api.updateClaim({ id: claim.id, ...next });
    } catch (e) {
      setError(`The range was not changed: ${errorMessage(e)}`);
    }
  };

  return (
    <form
      ref={formRef}
      tabIndex={-1}
      className="claim-editor"
      aria-label="Edit claim"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey && (e.target as HTMLElement).tagName !== 'BUTTON') {
          e.preventDefault();
          void save();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="range-row" role="group" aria-label="Range">
        <span className="label">Range</span>
        <button
          type="button"
          title="Start one word earlier"
          aria-label="Start one word earlier"
          onClick={() => void move('start', -1)}
        >
          ⇤
        </button>
        <button
          type="button"
          title="Start one word later"
          aria-label="Start one word later"
          onClick={() => void move('start', 1)}
        >
          ⇥
        </button>
        <span className="muted">…</span>
        <button
          type="button"
          title="End one word earlier"
          aria-label="End one word earlier"
          onClick={() => void move('end', -1)}
        >
          ⇤
        </button>
        <button
          type="button"
          title="End one word later"
          aria-label="End one word later"
          onClick={() => void move('end', 1)}
        >
          ⇥
        </button>
      </div>
      <fieldset className="domains-pick">
        <legend className="label">Domains</legend>
        <input
          type="search"
          placeholder="Filter domains"
          aria-label="Filter domains"
          value={filter}
          ref={filterRef}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul>
          {shown.map((d) => (
            <li key={d.id}>
              <label>
                <input type="checkbox" checked={domainIds.includes(d.id)} onChange={() => toggle(d.id)} />
                <span className="swatch" style={{ background: d.color }} />
                <span className="name">{d.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="field">
        <span className="label">Note</span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Actor</span>
        <input
          list={`actors-${claim.id}`}
          value={actor}
          placeholder="Who makes the claim"
          onChange={(e) => setActor(e.target.value)}
        />
        <datalist id={`actors-${claim.id}`}>
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <div className="grade-row">
        <label className="field">
          <span className="label">Stance</span>
          <select value={stance} onChange={(e) => setStance(e.target.value as Stance | '')}>
            <option value="">—</option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Source</span>
          <select
            value={reliability}
            title="Source reliability (A–F)"
            aria-label="Source reliability"
            onChange={(e) => setReliability(e.target.value as Reliability | '')}
          >
            <option value="">—</option>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r} · {RELIABILITY_TEXT[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Information</span>
          <select
            value={credibility}
            title="Information credibility (1–6)"
            aria-label="Information credibility"
            onChange={(e) => setCredibility(e.target.value)}
          >
            <option value="">—</option>
            {CREDIBILITY_TEXT.map((t, i) => (
              <option key={t} value={String(i + 1)}>
                {i + 1} · {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <span className="muted">Enter save · Esc close</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
