import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Claim } from '../../../../shared/api';
import type { Memo } from '../../../../shared/api/memos';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { readerHref } from '../../components/route';
import { memoHtml } from './markdown';

// One memo, edited in place: its title, its Markdown (a plain textarea, with a rendered preview a button or Ctrl+P
// away) and what it is linked to (a document, and one of that document's claims). Ctrl+Enter saves, Escape closes.

export interface MemoDraft {
  title: string;
  text: string;
  docId: number | null;
  claimId: number | null;
}

const QUOTE = 70;
const short = (s: string): string => (s.length > QUOTE ? `${s.slice(0, QUOTE - 1)}…` : s);

export function MemoEditor(props: {
  memo?: Memo;
  draft?: MemoDraft;
  onSaved: (m: Memo) => void;
  onDeleted?: () => void;
  onClose: () => void;
}): ReactNode {
  const { documents } = useProject();
  const start: MemoDraft = props.memo
    ? { title: props.memo.title, text: props.memo.text, docId: props.memo.docId, claimId: props.memo.claimId }
    : (props.draft as MemoDraft);
  const [form, setForm] = useState<MemoDraft>(start);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [claims, setClaims] = useState<Claim[]>([]);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();

  // The claim picker offers the chosen document's claims; a claim linked without its document brings it along.
  const claimDoc = form.docId ?? props.memo?.claimDocId ?? null;
  useEffect(() => {
    if (claimDoc === null) {
      setClaims([]);
      return;
    }
    let live = true;
    api
      .listClaims({ docId: claimDoc })
      .then((c) => live && setClaims(c))
      .catch(() => live && setClaims([]));
    return () => {
      live = false;
    };
  }, [claimDoc]);
  useEffect(() => {
    if (!props.memo) titleRef.current?.focus();
  }, [props.memo]);

  const changed =
    form.title !== start.title ||
    form.text !== start.text ||
    form.docId !== start.docId ||
    form.claimId !== start.claimId;

  const save = async (): Promise<void> => {
    if (!form.title.trim()) {
      setError('Give the memo a title.');
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let m: Memo;
      if (!props.memo) {
        m = await api.addMemo({
          title: form.title,
          text: form.text,
          docId: form.docId ?? undefined,
          claimId: form.claimId ?? undefined,
        });
      } else {
        m = props.memo;
        if (form.title !== start.title || form.text !== start.text)
          m = await api.updateMemo({ id: m.id, title: form.title, text: form.text });
        if (form.docId !== start.docId || form.claimId !== start.claimId)
          m = await api.linkMemo({ id: m.id, docId: form.docId, claimId: form.claimId });
      }
      props.onSaved(m);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!props.memo) return;
    setBusy(true);
    try {
      await api.deleteMemo({ id: props.memo.id });
      props.onDeleted?.();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const claimOfMemo = claims.find((c) => c.id === form.claimId);
  return (
    <form
      className="memo-editor"
      aria-label={props.memo ? `Memo: ${props.memo.title}` : 'New memo'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'p' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          setPreview((p) => !p);
        } else if (e.key === 'Escape' && !changed) {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <div className="memo-field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          ref={titleRef}
          value={form.title}
          maxLength={500}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </div>
      <label className="memo-text-label" htmlFor={`${id}-text`}>
        Text (Markdown)
      </label>
      {preview ? (
        <div
          className="memo-preview"
          id={`${id}-text`}
          aria-label="Preview of the memo"
          role="document"
          // memoHtml lets no HTML of the memo's own through (markdown.ts): only marked's escaped output.
          dangerouslySetInnerHTML={{
            __html: memoHtml(form.text) || '<p class="muted">Nothing written yet.</p>',
          }}
        />
      ) : (
        <textarea
          id={`${id}-text`}
          className="memo-text"
          rows={14}
          value={form.text}
          placeholder="What you noticed, what to check next…"
          onChange={(e) => setForm({ ...form, text: e.target.value })}
        />
      )}
      <div className="memo-text-tools">
        <button
          type="button"
          aria-pressed={preview}
          title="Preview (Ctrl+P)"
          onClick={() => setPreview((p) => !p)}
        >
          Preview
        </button>
        <span className="muted">Markdown: # heading, **bold**, *italic*, - list. Ctrl+Enter saves.</span>
      </div>
      <fieldset className="memo-link-fields">
        <legend>Linked to</legend>
        <div className="memo-field">
          <label htmlFor={`${id}-doc`}>Document</label>
          <select
            id={`${id}-doc`}
            value={form.docId ?? ''}
            onChange={(e) => {
              const docId = e.target.value ? Number(e.target.value) : null;
              // A claim belongs to its document: another document unlinks it.
              setForm({ ...form, docId, claimId: docId === claimDoc ? form.claimId : null });
            }}
          >
            <option value="">— none (a project memo) —</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="memo-field">
          <label htmlFor={`${id}-claim`}>Claim</label>
          <select
            id={`${id}-claim`}
            value={form.claimId ?? ''}
            disabled={claimDoc === null}
            onChange={(e) => setForm({ ...form, claimId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{claimDoc === null ? '— choose a document first —' : '— none —'}</option>
            {claims.map((c) => (
              <option key={c.id} value={c.id}>
                {short(c.quote)}
              </option>
            ))}
          </select>
        </div>
        {claimOfMemo && (
          <a className="memo-open-claim" href={readerHref(claimOfMemo.docId, claimOfMemo.id)}>
            Show the claim in the Reader
          </a>
        )}
      </fieldset>
      {error && (
        <p className="memo-error" role="alert">
          {error}
        </p>
      )}
      <div className="memo-actions">
        <button type="submit" className="primary" disabled={busy || (!changed && !!props.memo)}>
          {props.memo ? 'Save' : 'Add memo'}
        </button>
        <button type="button" onClick={props.onClose}>
          {changed ? 'Discard' : 'Close'}
        </button>
        {props.memo && (
          <>
            <span className="muted memo-dates">
              {props.memo.analyst || 'no analyst named'} · written{' '}
              {new Date(props.memo.createdAt).toLocaleString()}
              {props.memo.updatedAt !== props.memo.createdAt &&
                ` · changed ${new Date(props.memo.updatedAt).toLocaleString()}`}
            </span>
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              Delete
            </button>
          </>
        )}
      </div>
    </form>
  );
}
