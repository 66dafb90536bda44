import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ClaimSpan, PageAlignment, PageSpan } from '../../../../../shared/api';
import { coversRange, itemRangesFor } from '../../../../../shared/pageAlignment';
import { TextLayer, type PdfDocument } from './pdfjs';

// One page of the page view: the canvas, pdf.js's text layer (one span per text item, data-item = its index,
// the items the alignment is about) and the claims drawn under the text as fills in their domain colour with an
// underline per lane, so that overlapping claims stack. Rendered only while near the screen (PdfPages).

export interface PageHighlight {
  id: number;
  color: string;
  lane: number;
  rects: { x: number; y: number; w: number; h: number }[];
}

/** DOM ranges over the text layer's spans for the stored range [start, end) of an aligned page. */
export function itemDomRanges(
  layer: HTMLElement,
  alignment: PageAlignment,
  start: number,
  end: number,
): Range[] {
  const out: Range[] = [];
  for (const r of itemRangesFor(alignment.items, start, end)) {
    const node = layer.querySelector(`span[data-item="${r.item}"]`)?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const range = document.createRange();
    const len = (node as Text).length;
    range.setStart(node, Math.min(r.from, len));
    range.setEnd(node, Math.min(r.to, len));
    out.push(range);
  }
  return out;
}

export function PdfPage(props: {
  pdf: PdfDocument;
  span: PageSpan;
  scale: number;
  width: number;
  height: number;
  text: string;
  claims: ClaimSpan[];
  lanes: Map<number, number>;
  colorOf: (claim: ClaimSpan) => string;
  selectedId: number | null;
  alignment: PageAlignment | null | undefined;
  alignmentError: string | undefined;
  onLayer: (page: number, layer: HTMLElement | null) => void;
}): ReactNode {
  const { pdf, span, scale, alignment, claims, lanes, colorOf, onLayer } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [layerScale, setLayerScale] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let cancel = (): void => undefined;
    void (async () => {
      try {
        const page = await pdf.getPage(span.page);
        if (!live) return;
        const viewport = page.getViewport({ scale });
        const canvas = canvasRef.current!;
        const dpr = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * dpr);
        canvas.height = Math.floor(viewport.height * dpr);
        const task = page.render({
          canvas,
          viewport,
          transform: dpr === 1 ? undefined : [dpr, 0, 0, dpr, 0, 0],
        });
        cancel = () => task.cancel();
        const layer = layerRef.current!;
        layer.replaceChildren();
        // getTextContent() with its defaults: the import's items, so span i is alignment item i.
        const textLayer = new TextLayer({
          textContentSource: await page.getTextContent(),
          container: layer,
          viewport,
        });
        await textLayer.render();
        if (!live) return;
        textLayer.textDivs.forEach((div, i) => (div.dataset.item = String(i)));
        setLayerScale(scale);
        await task.promise;
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (live && name !== 'RenderingCancelledException') setError((e as Error).message);
      }
    })();
    return () => {
      live = false;
      cancel();
    };
  }, [pdf, span.page, scale]);

  useEffect(() => {
    onLayer(span.page, layerScale === null ? null : layerRef.current);
    return () => onLayer(span.page, null);
  }, [onLayer, span.page, layerScale]);

  const [highlights, setHighlights] = useState<PageHighlight[]>([]);
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const box = boxRef.current;
    if (!layer || !box || !alignment || layerScale !== scale) return setHighlights([]);
    const origin = box.getBoundingClientRect();
    setHighlights(
      claims.map((c) => ({
        id: c.id,
        color: colorOf(c),
        lane: lanes.get(c.id) ?? 0,
        rects: itemDomRanges(layer, alignment, c.start, c.end).flatMap((r) =>
          [...r.getClientRects()]
            .filter((q) => q.width > 0)
            .map((q) => ({ x: q.left - origin.left, y: q.top - origin.top, w: q.width, h: q.height })),
        ),
      })),
    );
  }, [alignment, claims, lanes, colorOf, layerScale, scale]);

  const hidden = alignment
    ? claims.filter(
        (c) =>
          !coversRange(alignment.items, props.text, Math.max(c.start, span.start), Math.min(c.end, span.end)),
      )
    : [];

  return (
    <div
      ref={boxRef}
      className="pdf-page"
      data-page={span.page}
      style={{ width: props.width, height: props.height }}
      aria-label={`Page ${span.page}`}
      role="group"
    >
      <canvas ref={canvasRef} style={{ width: props.width, height: props.height }} />
      <div className="pdf-highlights" aria-hidden="true">
        {highlights.flatMap((h) =>
          h.rects.map((r, i) => (
            <div
              key={`${h.id}:${i}`}
              className={`pdf-highlight${props.selectedId === h.id ? ' selected' : ''}`}
              data-claim={h.id}
              style={{
                left: r.x,
                top: r.y,
                width: r.w,
                height: r.h,
                ['--claim-color' as string]: h.color,
                ['--lane' as string]: h.lane,
              }}
            />
          )),
        )}
      </div>
      <div ref={layerRef} className="textLayer" />
      {(error ||
        props.alignmentError ||
        (alignment && (alignment.unaligned.length > 0 || hidden.length > 0))) && (
        <p className="pdf-page-note" role="note">
          {error
            ? `This page could not be drawn: ${error}`
            : props.alignmentError
              ? `Claims cannot be shown on this page: ${props.alignmentError}. They are in the Text view.`
              : `${alignment!.unaligned.length ? `${alignment!.unaligned.length} piece${alignment!.unaligned.length === 1 ? '' : 's'} of text on this page could not be matched to the stored text. ` : ''}${hidden.length ? `${hidden.length} claim${hidden.length === 1 ? ' is' : 's are'} shown whole in the Text view only.` : ''}`}
        </p>
      )}
    </div>
  );
}
