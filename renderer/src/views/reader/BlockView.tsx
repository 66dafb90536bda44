import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { tint } from '../../../../shared/palette';
import { blockPieces, type Block, type Piece, type Span } from './blocks';
import { placeStripes } from './stripes';

export interface ClaimMark extends Span {
  /** Domain colours of the claim, one underline each. */
  colors: string[];
  /** Domain names, shown when the highlight or stripe is hovered. */
  label: string;
  /** Lane of the claim's margin stripe (overlapping claims side by side). */
  lane: number;
  /** Changes whenever anything drawn for the claim changes: blocks re-render only when a key differs. */
  key: string;
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

/** Side-by-side bands of a claim's domain colours (a claim with two domains: a two-colour stripe). */
export function bands(colors: string[], direction = 'to right'): string {
  if (colors.length < 2) return colors[0] ?? '#888888';
  const w = 100 / colors.length;
  return `linear-gradient(${direction}, ${colors.map((c, i) => `${c} ${i * w}% ${(i + 1) * w}%`).join(', ')})`;
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
  const claims = piece.claimIds.map((id) => marks.get(id)).filter((m) => m !== undefined);
  const colors = [...new Set(claims.flatMap((m) => m.colors))];
  const selected = selectedId !== null && piece.claimIds.includes(selectedId);
  const flash = flashId !== null && piece.claimIds.includes(flashId);
  return (
    <span
      key={piece.start}
      data-start={piece.start}
      data-claims={piece.claimIds.join(' ')}
      className={`hl${selected ? ' hl-selected' : ''}${flash ? ' flash' : ''}`}
      style={highlightStyle(colors.length ? colors : ['#888888'])}
      title={claims.map((m) => m.label).join('\n')}
    >
      {content}
    </span>
  );
}

export interface BlockViewProps {
  index: number;
  text: string;
  block: Block;
  /** The claims touching this block, in text order. */
  marks: ClaimMark[];
  /** Only set when the claim is in this block, so that other blocks keep their memoised render. */
  selectedId: number | null;
  flashId: number | null;
  /** Width of a stripe lane in px, from the number of lanes the document needs. */
  laneWidth: number;
  /** Changes when the text column's width does: stripes are measured again. */
  width: number;
  measure: (el: HTMLElement | null) => void;
  /** Reports the block to the text's stripe observer (stripes.ts), which places its stripes once laid out. */
  observe: (el: HTMLElement, on: boolean) => void;
}

const sameMarks = (a: ClaimMark[], b: ClaimMark[]): boolean =>
  a === b || (a.length === b.length && a.every((m, i) => m.key === b[i].key));

/**
 * One paragraph or heading of the Reader with its margin stripes. Text is only ever rendered as React text
 * nodes, never as HTML. Memoised on what it draws, so that a new claim re-renders only the blocks it touches.
 */
export const BlockView = memo(
  function BlockView(props: BlockViewProps): ReactNode {
    const { text, block, marks, selectedId, flashId, laneWidth } = props;
    const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks]);
    const pieces = useMemo(() => blockPieces(block, marks), [block, marks]);
    const ref = useRef<HTMLDivElement | null>(null);
    // A mounted block's stripes are placed by the observer once it is laid out; when its claims change later
    // (an edit, a new claim) its size may not, so they are placed again here.
    const mounted = useRef(false);
    useLayoutEffect(() => {
      if (mounted.current && ref.current) placeStripes([ref.current]);
      mounted.current = true;
    }, [marks, props.width]);

    const Heading = block.kind === 'h1' || block.kind === 'h2' ? block.kind : 'h3';
    const { measure, observe } = props;
    const setRef = useCallback(
      (el: HTMLDivElement | null) => {
        if (ref.current && ref.current !== el) observe(ref.current, false);
        ref.current = el;
        if (el) observe(el, true);
        measure(el);
      },
      [measure, observe],
    );

    const children = pieces.map((p) => renderPiece(text, p, byId, selectedId, flashId));
    const body =
      block.kind === 'gap' ? (
        children
      ) : block.kind === 'p' ? (
        <p className={block.continued ? 'continued' : undefined}>{children}</p>
      ) : (
        <Heading>{children}</Heading>
      );
    return (
      <div className="block" data-index={props.index} ref={setRef}>
        {marks.length > 0 && (
          <div className="stripes" aria-hidden="true">
            {marks.map((m) => (
              <span
                key={m.id}
                className={`stripe${m.id === selectedId ? ' selected' : ''}`}
                data-stripe={m.id}
                title={m.label}
                // top and height are set by placeStripes, from the laid-out highlights.
                style={{
                  right: m.lane * laneWidth,
                  width: Math.max(2, laneWidth - 2),
                  background: bands(m.colors),
                }}
              />
            ))}
          </div>
        )}
        {body}
      </div>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.text === b.text &&
    a.block === b.block &&
    a.selectedId === b.selectedId &&
    a.flashId === b.flashId &&
    a.laneWidth === b.laneWidth &&
    a.width === b.width &&
    a.measure === b.measure &&
    a.observe === b.observe &&
    sameMarks(a.marks, b.marks),
);
