import type { ReactNode } from 'react';
import { cutAtMarks } from '../../components/cutAtMarks';

export interface TextMark {
  start: number;
  end: number;
  /** Shared passage: its index in the comparison, and its twin's element id. */
  passage?: number;
  twin?: string;
  similarity?: number;
  /** Claim underline in its domain's colour. */
  color?: string;
}

/** Splits [start, end) at every mark boundary; each piece knows the passage and the claim that cover it. */
function pieces(
  start: number,
  end: number,
  marks: TextMark[],
): { start: number; end: number; passage?: TextMark; claim?: TextMark }[] {
  return cutAtMarks(start, end, marks).map(({ start: s, end: e, covering }) => ({
    start: s,
    end: e,
    passage: covering.find((m) => m.passage !== undefined),
    claim: covering.find((m) => m.color !== undefined),
  }));
}

/**
 * A document's text as paragraphs, shared passages marked (click: the twin in the other pane) and claims of the
 * filtered domains underlined. Text is rendered as text nodes only.
 */
export function SharedText(props: {
  docId: number;
  text: string;
  marks: TextMark[];
  onPassage: (mark: TextMark) => void;
}): ReactNode {
  const paragraphs: [number, number][] = [];
  let at = 0;
  for (const line of props.text.split('\n')) {
    if (line.trim()) paragraphs.push([at, at + line.length]);
    at += line.length + 1;
  }
  return (
    <div className="shared-text">
      {paragraphs.map(([ps, pe]) => (
        <p key={ps}>
          {pieces(ps, pe, props.marks).map((piece) => {
            const text = props.text.slice(piece.start, piece.end);
            const style = piece.claim ? { boxShadow: `inset 0 -2px 0 ${piece.claim.color}` } : undefined;
            const passage = piece.passage;
            if (!passage)
              return style ? (
                <span key={piece.start} style={style}>
                  {text}
                </span>
              ) : (
                text
              );
            const first = piece.start === passage.start;
            return (
              <mark
                key={piece.start}
                id={first ? `passage-${props.docId}-${passage.passage}` : undefined}
                className="shared-passage"
                data-passage={passage.passage}
                style={style}
                title={`Shared passage (${Math.round((passage.similarity ?? 0) * 100)}% alike): click to see its twin`}
                onClick={() => props.onPassage(passage)}
              >
                {text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
