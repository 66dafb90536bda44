import { useState, type ReactNode } from 'react';
import type { DocumentFull } from '../../../../shared/api';
import { normalizeByline, readableDate } from '../../../../shared/metadata';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { OcrBadge } from './OcrBadge';
import './documentHeader.css';

/** "Source · Author · 21 July 2015 · 1,234 words · 5 claims": only the parts the document has, no stray "·". */
export function metaLine(
  doc: Pick<DocumentFull, 'source' | 'author' | 'published' | 'words'>,
  claims: string,
): string {
  return [
    doc.source,
    normalizeByline(doc.author),
    readableDate(doc.published),
    `${doc.words.toLocaleString()} words`,
    claims,
  ]
    .filter((part) => part.trim() !== '')
    .join(' · ');
}

/**
 * The Reader's head: the document's info line and its title, which the analyst may correct (✎, or a click on
 * the title): Enter saves (one undoable step), Escape cancels. When the text opens with the title as its own
 * heading (as the first block), only the ✎ shows, beside the info line.
 */
export function DocumentHeader(props: { doc: DocumentFull; claims: string }): ReactNode {
  const { setStatus, documents } = useProject();
  // The Library's list follows renames (and their undo) on the change stream; the text loaded once does not.
  const title = documents.find((d) => d.id === props.doc.id)?.title ?? props.doc.title;
  const doc = { ...props.doc, title };
  const firstLine = doc.text.trimStart().split('\n', 1)[0];
  const titleInText = /^#\s/.test(firstLine) || firstLine.trim() === title.trim();
  const [draft, setDraft] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    const title = (draft ?? '').trim();
    setDraft(null);
    if (title === '' || title === doc.title) return;
    try {
      await api.updateDocument({ id: doc.id, title });
      setStatus('Title saved ✓ · Ctrl+Z to undo', 'ok');
    } catch (e) {
      setStatus(`The title was not saved: ${errorMessage(e)}`, 'error');
    }
  };

  const edit = (
    <button
      type="button"
      className="icon rename-doc"
      aria-label="Rename the document"
      title="Correct the title"
      onClick={() => setDraft(doc.title)}
    >
      ✎
    </button>
  );

  return (
    <>
      <div className="doc-meta">
        {metaLine(doc, props.claims)}
        <OcrBadge meta={doc.meta} />
        {titleInText && draft === null && edit}
      </div>
      {draft !== null ? (
        <input
          className="doc-title-edit"
          aria-label="Document title"
          autoFocus
          value={draft}
          maxLength={500}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setDraft(null);
            }
          }}
        />
      ) : (
        !titleInText && (
          <h1 className="doc-title">
            {doc.title}
            {edit}
          </h1>
        )
      )}
    </>
  );
}
