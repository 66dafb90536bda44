import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { ClaimSpan, Domain, PageAlignment, PageSpan } from '../../../../../shared/api';
import { storedOffsetAt } from '../../../../../shared/pageAlignment';
import { api, errorMessage } from '../../../api/client';
import { assignLanes } from '../blocks';
import type { PopoverReference } from '../TagPopover';
import type { Offsets } from '../textRanges';
import { itemDomRanges, PdfPage } from './PdfPage';
import { openPdf, type PdfDocument } from './pdfjs';
import './pdfPages.css';

// The Reader's page view of a PDF (issue 18): the original pages drawn by pdf.js from the bytes kept in the
// project, virtualized (only pages near the screen are drawn), with zoom, fit width and a page number box. A
// selection in a page's text layer becomes stored offsets through the page's alignment (getPageAlignment), and
// claims come back onto the page through it; the cards, the popover and saving are the Reader's own.

const GAP = 16;
const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
/** Pages drawn beyond the visible ones, each way. */
const OVERSCAN = 1;

export interface PdfPagesProps {
  docId: number;
  text: string;
  pages: PageSpan[];
  claims: ClaimSpan[];
  domainById: Map<number, Domain>;
  selectedId: number | null;
  pending: Offsets | null;
  onSelectClaim: (id: number) => void;
  onSelection: (offsets: Offsets, exact: boolean) => void;
  onClearSelection: () => void;
  onVisible: (offsets: Offsets | null) => void;
  popover: (reference: PopoverReference, boundary: HTMLElement | null) => ReactNode;
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The item and the unit a DOM boundary (a selection's end) stands at in a page's text layer. */
function itemPoint(node: Node, offset: number): { page: number; item: number; unit: number } | null {
  let el: Element | null = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  let unit = node.nodeType === Node.TEXT_NODE ? offset : 0;
  if (el && node.nodeType !== Node.TEXT_NODE && !el.matches('span[data-item]')) {
    // A boundary between children: the child after it, at its start (or the last one, at its end).
    const kids = el.childNodes;
    const after = kids[offset] as Element | undefined;
    const before = kids[offset - 1] as Element | undefined;
    if (after?.matches?.('span[data-item]')) el = after;
    else if (before?.matches?.('span[data-item]')) {
      el = before;
      unit = before.textContent?.length ?? 0;
    }
  }
  const span = el?.closest<HTMLElement>('span[data-item]');
  const page = span?.closest<HTMLElement>('[data-page]');
  if (!span || !page) return null;
  return { page: Number(page.dataset.page), item: Number(span.dataset.item), unit };
}

export default function PdfPages(props: PdfPagesProps): ReactNode {
  const { docId, pages, claims, domainById, onVisible } = props;
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const [sizes, setSizes] = useState<{ w: number; h: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [scale, setScale] = useState(1);
  const [fit, setFit] = useState(true);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 800, width: 800 });

  useEffect(() => {
    let live = true;
    let loaded: PdfDocument | null = null;
    setPdf(null);
    setError(null);
    void (async () => {
      try {
        const original = await api.getDocumentOriginal({ id: docId });
        const doc = await openPdf(base64Bytes(original.base64)).promise;
        loaded = doc;
        const all: { w: number; h: number }[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const vp = (await doc.getPage(n)).getViewport({ scale: 1 });
          all.push({ w: vp.width, h: vp.height });
        }
        if (!live) return void doc.destroy();
        setSizes(all);
        setPdf(doc);
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [docId]);

  // Alignments, asked for once per page when the page is first drawn.
  const [alignments, setAlignments] = useState(new Map<number, PageAlignment | string>());
  const asked = useRef(new Set<string>());
  const want = useCallback(
    (page: number) => {
      const key = `${docId}:${page}`;
      if (asked.current.has(key)) return;
      asked.current.add(key);
      api
        .getPageAlignment({ docId, page })
        .then((a) => setAlignments((m) => new Map(m).set(page, a)))
        .catch((e: unknown) => setAlignments((m) => new Map(m).set(page, errorMessage(e))));
    },
    [docId],
  );

  const maxWidth = sizes.reduce((m, s) => Math.max(m, s.w), 0);
  useEffect(() => {
    if (fit && maxWidth > 0) setScale(Math.max(0.25, (scroll.width - 2 * GAP) / maxWidth));
  }, [fit, maxWidth, scroll.width]);

  const tops = useMemo(() => {
    const out: number[] = [];
    let y = GAP;
    for (const s of sizes) {
      out.push(y);
      y += Math.round(s.h * scale) + GAP;
    }
    out.push(y);
    return out;
  }, [sizes, scale]);

  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (el) setScroll({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth });
  }, []);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure, pdf]);

  const pageAt = (y: number): number => {
    let lo = 0;
    let hi = sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const first = sizes.length ? pageAt(scroll.top) : 0;
  const last = sizes.length ? pageAt(scroll.top + scroll.height) : -1;
  const current = sizes.length ? pageAt(scroll.top + scroll.height / 3) + 1 : 0;

  useEffect(() => {
    for (let i = Math.max(0, first - OVERSCAN); i <= Math.min(sizes.length - 1, last + OVERSCAN); i++)
      want(i + 1);
  }, [first, last, sizes.length, want]);

  useEffect(() => {
    if (last < first || !pages[first] || !pages[last]) return onVisible(null);
    onVisible({ start: pages[first].start, end: pages[last].end });
  }, [first, last, pages, onVisible]);

  const goTo = (page: number): void => {
    const el = scrollRef.current;
    if (el && page >= 1 && page <= sizes.length) el.scrollTop = tops[page - 1] - GAP / 2;
  };

  // A claim chosen elsewhere (a card, j/k) brings its page on screen.
  const pageOfOffset = useCallback(
    (offset: number) => pages.find((p) => offset >= p.start && offset < p.end)?.page ?? null,
    [pages],
  );
  const shownFor = useRef<number | null>(null);
  useEffect(() => {
    const claim = claims.find((c) => c.id === props.selectedId);
    if (!claim || shownFor.current === claim.id) return;
    shownFor.current = claim.id;
    const page = pageOfOffset(claim.start);
    if (page !== null && (page - 1 < first || page - 1 > last)) goTo(page);
    // goTo reads the current layout; the claim is what asks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.selectedId, claims, pageOfOffset]);

  const { lanes } = useMemo(() => assignLanes(claims), [claims]);
  const colorOf = useCallback(
    (c: ClaimSpan) => domainById.get(c.domainIds[0])?.color ?? '#888888',
    [domainById],
  );
  const byPage = useMemo(() => {
    const m = new Map<number, ClaimSpan[]>();
    for (const p of pages)
      m.set(
        p.page,
        claims.filter((c) => c.start < p.end && c.end > p.start),
      );
    return m;
  }, [pages, claims]);

  const layers = useRef(new Map<number, HTMLElement>());
  const onLayer = useCallback((page: number, layer: HTMLElement | null) => {
    if (layer) layers.current.set(page, layer);
    else layers.current.delete(page);
  }, []);

  const onMouseUp = (e: MouseEvent): void => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.rangeCount) {
      const range = sel.getRangeAt(0);
      const a = itemPoint(range.startContainer, range.startOffset);
      const b = itemPoint(range.endContainer, range.endOffset);
      const aa = a ? alignments.get(a.page) : undefined;
      const ba = b ? alignments.get(b.page) : undefined;
      if (a && b && typeof aa === 'object' && typeof ba === 'object') {
        const start = storedOffsetAt(aa.items, a.item, a.unit, 'start');
        const end = storedOffsetAt(ba.items, b.item, b.unit, 'end');
        if (start !== null && end !== null && end > start) return props.onSelection({ start, end }, e.altKey);
      }
      return;
    }
    // A click on a highlight selects its claim (the shortest there; again: the next one).
    const box = (e.target as HTMLElement).closest<HTMLElement>('[data-page]');
    if (!box) return props.onClearSelection();
    const hits = [...box.querySelectorAll<HTMLElement>('.pdf-highlight')].filter((h) => {
      const r = h.getBoundingClientRect();
      return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    });
    const ids = [...new Set(hits.map((h) => Number(h.dataset.claim)))];
    if (ids.length === 0) return props.onClearSelection();
    const at = props.selectedId === null ? -1 : ids.indexOf(props.selectedId);
    const pick =
      at >= 0
        ? ids[(at + 1) % ids.length]
        : ids
            .map((id) => claims.find((c) => c.id === id)!)
            .sort((x, y) => x.end - x.start - (y.end - y.start))[0].id;
    shownFor.current = pick;
    props.onSelectClaim(pick);
  };

  const pending = props.pending;
  const reference = useMemo<PopoverReference | null>(() => {
    if (!pending) return null;
    let last = new DOMRect();
    const rects = (): DOMRect[] => {
      const out: DOMRect[] = [];
      for (const [page, layer] of layers.current) {
        const a = alignments.get(page);
        if (typeof a !== 'object') continue;
        for (const r of itemDomRanges(layer, a, pending.start, pending.end)) out.push(...r.getClientRects());
      }
      return out;
    };
    return {
      getBoundingClientRect: () => {
        const rs = rects();
        if (rs.length) {
          const l = Math.min(...rs.map((r) => r.left));
          const t = Math.min(...rs.map((r) => r.top));
          last = new DOMRect(
            l,
            t,
            Math.max(...rs.map((r) => r.right)) - l,
            Math.max(...rs.map((r) => r.bottom)) - t,
          );
        }
        return last;
      },
      getClientRects: () => {
        const rs = rects();
        return rs.length ? rs : [last];
      },
    };
    // The pages' layers are read when the popover asks: they come and go as pages are drawn.
  }, [pending, alignments]);

  if (error)
    return (
      <div className="empty-state" role="alert">
        <h2>The pages cannot be shown</h2>
        <p>{error}</p>
        <p>The text view still shows the document and its claims.</p>
      </div>
    );
  if (!pdf) return <div className="loading">Opening the pages…</div>;

  const zoomBy = (dir: 1 | -1): void => {
    setFit(false);
    const next =
      dir > 0 ? ZOOMS.find((z) => z > scale + 0.001) : [...ZOOMS].reverse().find((z) => z < scale - 0.001);
    if (next) setScale(next);
  };

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label="Pages">
        <button type="button" onClick={() => zoomBy(-1)} aria-label="Zoom out">
          −
        </button>
        <span className="pdf-zoom" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" onClick={() => zoomBy(1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" aria-pressed={fit} onClick={() => setFit(true)}>
          Fit width
        </button>
        <label className="pdf-pageno">
          Page{' '}
          <input
            key={current}
            type="number"
            min={1}
            max={sizes.length}
            defaultValue={current}
            aria-label="Page number"
            onKeyDown={(e) => {
              if (e.key === 'Enter') goTo(Number((e.target as HTMLInputElement).value));
            }}
          />{' '}
          of {sizes.length}
        </label>
      </div>
      <div
        className="pdf-scroll"
        ref={scrollRef}
        onScroll={measure}
        onMouseUp={onMouseUp}
        tabIndex={0}
        role="region"
        aria-label="Pages of the document"
      >
        <div className="pdf-strip" style={{ height: tops[tops.length - 1] }}>
          {sizes.map((s, i) => {
            const span = pages[i] ?? { page: i + 1, start: 0, end: 0 };
            const near = i >= first - OVERSCAN && i <= last + OVERSCAN;
            const w = Math.round(s.w * scale);
            const h = Math.round(s.h * scale);
            const a = alignments.get(i + 1);
            return (
              <div
                key={i}
                className="pdf-slot"
                style={{ top: tops[i], width: w, height: h, ['--total-scale-factor' as string]: scale }}
              >
                {near ? (
                  <PdfPage
                    pdf={pdf}
                    span={span}
                    scale={scale}
                    width={w}
                    height={h}
                    text={props.text}
                    claims={byPage.get(span.page) ?? []}
                    lanes={lanes}
                    colorOf={colorOf}
                    selectedId={props.selectedId}
                    alignment={typeof a === 'object' ? a : undefined}
                    alignmentError={typeof a === 'string' ? a : undefined}
                    onLayer={onLayer}
                  />
                ) : (
                  <div className="pdf-page placeholder" aria-label={`Page ${i + 1}`} />
                )}
              </div>
            );
          })}
        </div>
        {reference && props.popover(reference, scrollRef.current)}
      </div>
    </div>
  );
}
