import { Fragment, memo, type CSSProperties, type ReactNode } from 'react';
import { tint } from '../../../../shared/palette';
import { layoutText, type LayoutOptions, type Piece, type Span } from './blocks';

export interface ClaimMark extends Span {
  /** Domain colours of the claim, one underline each. */
  colors: string[];
}

const LINE = 2;
const GAP = 1;

/** Light fill of the first claim's colour, and one underline per claim × domain, stacked. */
function highlightStyle(colors: string[]): CSSProperties {
  const shown = colors.slice(0, 4);
  const lines = shown.map(
    (c, i) => `linear-gradient(${c}, ${c}) 0 calc(100% - ${i * (LINE + GAP)}px) / 100% ${LINE}px no-repeat`,
  );
  return {
    background: [...lines, tint(shown[0], shown.length > 1 ? 0.2 : 0.14)].join(', '),
    paddingBottom: `${1 + (shown.length - 1) * (LINE + GAP)}px`,
  };
}

function renderPiece(
  text: string,
  piece: Piece,
  marks: Map<number, ClaimMark>,
  selectedId: number | null,
  flashId: number | null,
): ReactNode {
  const content = text.slice(piece.start, piece.end);
  if (piece.hidden)
    return (
      <span key={piece.start} data-start={piece.start} className="markup" aria-hidden="true">
        {content}
      </span>
    );
  if (piece.claimIds.length === 0)
    return (
      <span key={piece.start} data-start={piece.start}>
        {content}
      </span>
    );
  const colors = [...new Set(piece.claimIds.flatMap((id) => marks.get(id)?.colors ?? []))];
  const selected = selectedId !== null && piece.claimIds.includes(selectedId);
  const flash = flashId !== null && piece.claimIds.includes(flashId);
  return (
    <span
      key={piece.start}
      data-start={piece.start}
      data-claims={piece.claimIds.join(' ')}
      className={`hl${selected ? ' hl-selected' : ''}${flash ? ' flash' : ''}`}
      style={highlightStyle(colors.length ? colors : ['#888888'])}
    >
      {content}
    </span>
  );
}

/**
 * The canonical text as blocks of pieces. Text is only ever rendered as React text nodes, never as HTML;
 * the element's textContent equals the document's text exactly.
 */
export const DocumentText = memo(function DocumentText(props: {
  text: string;
  marks: ClaimMark[];
  selectedId: number | null;
  flashId: number | null;
  layout: LayoutOptions;
}): ReactNode {
  const { text, marks, selectedId, flashId, layout } = props;
  const byId = new Map(marks.map((m) => [m.id, m]));
  return (
    <>
      {layoutText(text, marks, layout).map((block) => {
        const children = block.pieces.map((p) => renderPiece(text, p, byId, selectedId, flashId));
        switch (block.kind) {
          case 'gap':
            return <Fragment key={block.start}>{children}</Fragment>;
          case 'h1':
            return <h1 key={block.start}>{children}</h1>;
          case 'h2':
            return <h2 key={block.start}>{children}</h2>;
          case 'h3':
            return <h3 key={block.start}>{children}</h3>;
          default:
            return <p key={block.start}>{children}</p>;
        }
      })}
    </>
  );
});
