import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { DomainChips, type ExcerptItem as ClaimItem } from '../../components/Excerpts';
import { useProject } from '../../components/ProjectContext';
import { readerHref } from '../../components/route';
import { excerptContext } from './excerptContext';

/** A claim behind a number, with where it sits in its document (for its context). */
export type ExcerptItem = ClaimItem & { start: number; end: number };

/**
 * Documents' texts, fetched once each for the excerpts' context. A panel asks for a handful of documents (those of
 * the clicked cell); the texts stay for as long as the panel is open.
 */
export function useTexts(docIds: number[]): Map<number, string> {
  const [texts, setTexts] = useState<Map<number, string>>(new Map());
  const asked = useRef(new Set<number>());
  const key = [...new Set(docIds)].join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',').map(Number) : []) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      api
        .getDocument({ id })
        .then((d) => live && setTexts((t) => new Map(t).set(id, d.text)))
        .catch(() => asked.current.delete(id));
    }
    return () => {
      live = false;
    };
  }, [key]);
  return texts;
}

/**
 * The excerpts behind a number, each in its context (the text before and after it, the quote marked) and each a
 * link into the Reader at the claim.
 */
export function GridExcerpts(props: {
  claims: ExcerptItem[];
  showDocument?: boolean;
  /** Documents' texts already fetched by the caller (several lists in one panel share them). */
  texts?: Map<number, string>;
}): ReactNode {
  const { documents } = useProject();
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const own = useTexts(props.texts ? [] : props.claims.map((c) => c.docId));
  const texts = props.texts ?? own;
  if (props.claims.length === 0) return <p className="muted">No claims.</p>;
  return (
    <ol className="excerpts in-context">
      {props.claims.map((c) => {
        const text = texts.get(c.docId);
        const ctx = text === undefined ? null : excerptContext(text, c.start, c.end);
        return (
          <li key={c.id}>
            <a
              className="excerpt"
              href={readerHref(c.docId, c.id)}
              data-claim-id={c.id}
              title="Open in the Reader at this claim"
            >
              {props.showDocument !== false && (
                <span className="excerpt-doc">{titles.get(c.docId) ?? `#${c.docId}`}</span>
              )}
              <span className="excerpt-quote">
                {ctx?.before && <span className="excerpt-context">{ctx.before}</span>}
                <mark>{c.quote}</mark>
                {ctx?.after && <span className="excerpt-context">{ctx.after}</span>}
              </span>
              <span className="excerpt-meta">
                <DomainChips ids={c.domainIds} />
                {c.note && <span className="excerpt-note">{c.note}</span>}
                <span className="excerpt-open">Open in Reader ›</span>
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}

/** The panel beside a grid listing what a clicked number stands for; Esc closes it. */
export function ExcerptPanel(props: {
  title: string;
  count: ReactNode;
  onClose: () => void;
  children: ReactNode;
}): ReactNode {
  const { onClose } = props;
  return (
    <aside
      className="cell-excerpts side"
      aria-label="Excerpts"
      role="region"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="section-head">
        <h2>{props.title}</h2>
        <button type="button" className="icon" aria-label="Close the excerpts" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted excerpt-count">{props.count}</p>
      <div className="excerpt-scroll">{props.children}</div>
    </aside>
  );
}
