import type { ReactNode } from 'react';
import { ExcerptList, type ExcerptItem } from '../../components/Excerpts';

export type { ExcerptItem };

/** Excerpts behind a number: each one a link into the Reader at the claim. */
export function GridExcerpts(props: { claims: ExcerptItem[]; showDocument?: boolean }): ReactNode {
  return <ExcerptList claims={props.claims} showDocument={props.showDocument} />;
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
