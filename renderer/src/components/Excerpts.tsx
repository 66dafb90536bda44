import type { ReactNode } from 'react';
import { useProject } from './ProjectContext';
import { readerHref } from './route';

/** What an excerpt list needs of a claim (a Claim has it; grid queries return just this). */
export interface ExcerptItem {
  id: number;
  docId: number;
  quote: string;
  note?: string;
  domainIds: number[];
}

/** A list of claims, each a door back into the Reader at its place. */
export function ExcerptList(props: {
  claims: ExcerptItem[];
  showDocument?: boolean;
  showDomains?: boolean;
  empty?: ReactNode;
}): ReactNode {
  const { documents } = useProject();
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  if (props.claims.length === 0) return <p className="muted">{props.empty ?? 'No claims.'}</p>;
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
              {props.showDomains !== false && <DomainChips ids={c.domainIds} />}
              {c.note && <span className="excerpt-note">{c.note}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The domains of a claim as small chips in their colours, in the order given. */
export function DomainChips(props: { ids: number[] }): ReactNode {
  const { domainById } = useProject();
  return props.ids.map((id) => {
    const d = domainById.get(id);
    return d ? (
      <span key={id} className="chip small">
        <span className="swatch" style={{ background: d.color }} />
        {d.name}
      </span>
    ) : null;
  });
}
