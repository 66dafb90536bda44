import type { ReactNode } from 'react';
import { useProject } from '../../components/ProjectContext';
import { readerHref } from '../../components/route';

export interface ExcerptItem {
  id: number;
  docId: number;
  quote: string;
  note?: string;
  domainIds: number[];
}

/** Excerpts behind a number: each one a link into the Reader at the claim. */
export function GridExcerpts(props: { claims: ExcerptItem[]; showDocument?: boolean }): ReactNode {
  const { documents, domainById } = useProject();
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  return (
    <ul className="excerpts">
      {props.claims.map((c) => (
        <li key={c.id}>
          <a className="excerpt" href={readerHref(c.docId, c.id)} data-claim-id={c.id}>
            {props.showDocument !== false && (
              <span className="excerpt-doc">{titles.get(c.docId) ?? `#${c.docId}`}</span>
            )}
            <span className="excerpt-quote">“{c.quote}”</span>
            <span className="excerpt-meta">
              {c.domainIds.map((id) => {
                const d = domainById.get(id);
                return d ? (
                  <span key={id} className="chip small">
                    <span className="swatch" style={{ background: d.color }} />
                    {d.name}
                  </span>
                ) : null;
              })}
              {c.note && <span className="excerpt-note">{c.note}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A panel under a grid listing what a clicked number stands for. */
export function ExcerptPanel(props: {
  title: string;
  count: ReactNode;
  onClose: () => void;
  children: ReactNode;
}): ReactNode {
  return (
    <section className="cell-excerpts" aria-label="Excerpts">
      <div className="section-head">
        <h2>{props.title}</h2>
        <span className="muted">{props.count}</span>
        <button type="button" className="icon" aria-label="Close the excerpts" onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.children}
    </section>
  );
}
