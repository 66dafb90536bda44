import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { Claim, DocumentFull } from '../../../../shared/api';
import { paragraphNumberAt, paragraphStarts } from '../../../../shared/paragraphs';
import { snapToWords } from '../../../../shared/text';
import { handledBy } from '../../api/changeBus';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { readerHref } from '../../components/route';
import { SearchHitsBar } from '../search/SearchHitsBar';
import { splitBlocks } from './blocks';
import { ClaimHandles } from './ClaimHandles';
import { ClaimsColumn, type ColumnNav } from './ClaimsColumn';
import { DocumentMemos } from '../memos/DocumentMemos';
import { DocumentHeader } from './DocumentHeader';
import { DocumentText, type TextNav } from './DocumentText';
import { FindBar } from './FindBar';
import { ReadingCaret, type CaretHandle } from './ReadingCaret';
import { boundaryOffset, selectionOffsets } from './selection';
import { dropDraft, keepDraft, readDraft } from './tagDraft';
import { TagPopover, type PopoverReference, type TagDraft } from './TagPopover';
import { rangesFor, type Offsets } from './textRanges';
import { insertSorted, READER_CLAIMS, useReaderClaims } from './useReaderClaims';
import { loadDocument } from './prefetch';
import { useReaderKeys } from './useReaderKeys';
import { readerMode, rememberReaderMode, type ReaderMode } from './pdf/readerMode';
import './pdf/readerMode.css';
import { SuggestDrawer } from '../suggest/SuggestDrawer';

// pdf.js is loaded only when a PDF is shown as pages.
const PdfPages = lazy(() => import('./pdf/PdfPages'));

interface Pending {
  start: number;
  end: number;
  exact: boolean;
  /** Domains and note from a draft kept when the analyst left the document while tagging. */
  draft: TagDraft;
}

const NO_DRAFT: TagDraft = { chosen: [], note: '' };

/** How long the text waits for its highlights before it is shown without them. */
const SPANS_WAIT_MS = 200;

export function ReaderView(): ReactNode {
  const { route, navigate, setStatus, domains, domainById, domainFilter, setDomainFilter, project } =
    useProject();
  const projectPath = project?.path ?? '';
  const docId = route.docId;
  const [doc, setDoc] = useState<DocumentFull | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [suggestOpen, setSuggestOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const textNav = useRef<TextNav>(null);
  const columnNav = useRef<ColumnNav>(null);
  const caretRef = useRef<CaretHandle>(null);

  useEffect(() => {
    if (!docId) return;
    let live = true;
    setDoc(null);
    setPending(null);
    setLoadError(null);
    loadDocument(docId)
      .then((d) => live && setDoc(d))
      .catch((e: unknown) => live && setLoadError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [docId]);

  const { claims, setClaims, visible, painted, claimsLoaded, spansReady, marks, laneCount } = useReaderClaims(
    docId,
    domainFilter,
    domainById,
    setLoadError,
  );
  // The text waits a moment for its highlights' spans (asked for at the same time) so that a dense document is
  // rendered and laid out once, with them, rather than twice; a slow or failed answer does not hold it longer.
  const [waited, setWaited] = useState<number | null>(null);
  useEffect(() => {
    if (!doc || spansReady) return;
    const timer = setTimeout(() => setWaited(doc.id), SPANS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [doc, spansReady]);

  // A PDF is read as its pages or as its text, as the analyst last chose for it.
  const [modeOf, setModeOf] = useState<{ docId: number; mode: ReaderMode } | null>(null);
  const mode: ReaderMode =
    doc?.format !== 'pdf' ? 'text' : modeOf?.docId === doc.id ? modeOf.mode : readerMode(projectPath, doc.id);
  const chooseMode = (next: ReaderMode): void => {
    if (!doc) return;
    rememberReaderMode(projectPath, doc.id, next);
    setModeOf({ docId: doc.id, mode: next });
    setPending(null);
  };

  const layout = useMemo(() => ({ title: doc?.title, plainHeadings: doc?.format === 'md' }), [doc]);
  const blocks = useMemo(() => (doc ? splitBlocks(doc.text, layout) : []), [doc, layout]);
  // Paragraph numbers as the exports cite them, counted once per text.
  const text = doc?.text;
  const paragraphOf = useMemo(() => {
    if (text === undefined) return undefined;
    const starts = paragraphStarts(text);
    return (offset: number) => paragraphNumberAt(starts, offset);
  }, [text]);

  // A claim half tagged when the analyst left this document (Back, another view) opens again with its draft.
  useEffect(() => {
    if (!doc) return;
    const draft = readDraft(doc.id);
    if (!draft || draft.end > doc.text.length || draft.start >= draft.end) return;
    setPending({ start: draft.start, end: draft.end, exact: draft.exact, draft });
    requestAnimationFrame(() =>
      textNav.current?.reveal(
        draft.start,
        () => (textRef.current ? rangesFor(textRef.current, [draft])[0] : null),
        {
          onlyIfHidden: true,
        },
      ),
    );
  }, [doc]);
  const onDraft = useCallback(
    (draft: TagDraft) => {
      if (!pending || !docId) return;
      keepDraft({ docId, start: pending.start, end: pending.end, exact: pending.exact, ...draft });
    },
    [pending, docId],
  );
  // Leaving with the popover open keeps the draft; the status bar says where it waits.
  const leaving = useRef({ pending, title: doc?.title });
  useEffect(() => {
    leaving.current = { pending, title: doc?.title };
  });
  useEffect(
    () => () => {
      const { pending: open, title } = leaving.current;
      if (open && title)
        setStatus(`The claim you were tagging is kept: it opens again in “${title}”`, 'info');
    },
    [setStatus],
  );
  const closePopover = useCallback(() => {
    dropDraft();
    setPending(null);
  }, []);
  const reference = useMemo<PopoverReference | null>(() => {
    if (!pending) return null;
    let last = new DOMRect();
    const ranges = (): Range | null => (textRef.current ? rangesFor(textRef.current, [pending])[0] : null);
    return {
      getBoundingClientRect: () => {
        const r = ranges();
        if (r) last = r.getBoundingClientRect();
        return last;
      },
      getClientRects: () => {
        const r = ranges();
        return r ? [...r.getClientRects()] : [last];
      },
    };
  }, [pending]);

  const [flashId, setFlashId] = useState<number | null>(null);
  useEffect(() => {
    if (flashId === null) return;
    const t = setTimeout(() => setFlashId(null), 1800);
    return () => clearTimeout(t);
  }, [flashId]);

  const latest = useRef(visible);
  useEffect(() => {
    latest.current = visible;
  });
  const reveal = useCallback((id: number, flash: boolean) => {
    setSelectedId(id);
    const claim = latest.current.find((c) => c.id === id);
    if (claim)
      textNav.current?.reveal(
        claim.start,
        () => textRef.current?.querySelector<HTMLElement>(`[data-claims~="${id}"]`) ?? null,
      );
    columnNav.current?.show(id);
    if (flash) setFlashId(id);
  }, []);

  // A link into the Reader at a claim: scroll to it and flash it once the text is on screen (once per link).
  const revealed = useRef('');
  useEffect(() => {
    const key = `${docId}:${route.claimId}`;
    if (!doc || !route.claimId || revealed.current === key) return;
    if (!claims.some((c) => c.id === route.claimId)) return;
    if (domainFilter !== null && !visible.some((c) => c.id === route.claimId)) {
      setDomainFilter(null);
      return;
    }
    revealed.current = key;
    const id = route.claimId;
    requestAnimationFrame(() => reveal(id, true));
  }, [doc, docId, route.claimId, claims, visible, domainFilter, setDomainFilter, reveal]);

  // Keep the selected claim in the address, so that a reload comes back to it.
  useEffect(() => {
    if (!docId) return;
    const hash = readerHref(docId, selectedId ?? undefined);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [docId, selectedId]);

  // The text reports which part of it is on screen: the cards of those claims are marked and followed.
  const [view, setView] = useState<Offsets | null>(null);

  const onMouseUp = (e: MouseEvent): void => {
    if (!doc || !textRef.current || !scrollRef.current) return;
    const sel = window.getSelection();
    const offsets = selectionOffsets(textRef.current, doc.text.length, sel);
    // The reading caret goes where the analyst clicked (or to the end of what they selected).
    const root = textRef.current;
    if (sel?.focusNode && root.contains(sel.focusNode))
      caretRef.current?.placeAt(boundaryOffset(root, doc.text.length, sel.focusNode, sel.focusOffset), false);
    if (!offsets || !sel) {
      const stripe = (e.target as HTMLElement).closest<HTMLElement>('[data-stripe]');
      if (stripe) {
        const id = Number(stripe.dataset.stripe);
        setSelectedId(id);
        columnNav.current?.show(id);
        closePopover();
        return;
      }
      const hit = (e.target as HTMLElement).closest<HTMLElement>('[data-claims]');
      if (hit) {
        const ids = hit.dataset.claims!.split(' ').map(Number);
        const at = selectedId === null ? -1 : ids.indexOf(selectedId);
        const pick =
          at >= 0
            ? ids[(at + 1) % ids.length]
            : ids
                .map((id) => visible.find((c) => c.id === id)!)
                .sort((a, b) => a.end - a.start - (b.end - b.start))[0].id;
        setSelectedId(pick);
        columnNav.current?.show(pick);
      }
      closePopover();
      return;
    }
    openPopover(offsets, e.altKey);
  };

  // The mouse's selection and the caret's both come here: snapped to whole words unless Alt asks for exact.
  const openPopover = (offsets: Offsets, exact: boolean): void => {
    if (!doc) return;
    const range = exact ? offsets : snapToWords(doc.text, offsets.start, offsets.end);
    setSaveError(null);
    setPending({ ...range, exact, draft: NO_DRAFT });
  };

  const create = async (input: Parameters<typeof api.createClaim>[0]): Promise<Claim | null> => {
    // The rest of the window (counts, the codebook) follows from the call's change event; the list is ours.
    const claim = await handledBy([READER_CLAIMS], () => api.createClaim(input));
    setClaims((cs) => insertSorted(cs, claim));
    return claim;
  };

  const save = async (domainIds: number[], note: string): Promise<void> => {
    if (!pending || !doc) return;
    setSaving(true);
    try {
      const claim = await create({
        docId: doc.id,
        start: pending.start,
        end: pending.end,
        domainIds,
        note: note || undefined,
      });
      window.getSelection()?.removeAllRanges();
      caretRef.current?.placeAt(pending.end, false);
      closePopover();
      if (claim) setSelectedId(claim.id);
      startTransition(() => setStatus('Claim saved ✓', 'ok'));
    } catch (e) {
      setSaveError(`Not saved: ${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (claim: Claim): Promise<void> => {
    try {
      await handledBy([READER_CLAIMS], () => api.deleteClaim({ id: claim.id }));
      setClaims((cs) => cs.filter((c) => c.id !== claim.id));
      if (selectedId === claim.id) setSelectedId(null);
      setStatus('Claim deleted · Ctrl+Z to undo', 'ok');
    } catch (e) {
      setStatus(`The claim was not deleted: ${errorMessage(e)}`, 'error');
    }
  };

  const saveNote = async (claim: Claim, note: string): Promise<void> => {
    try {
      const updated = await handledBy([READER_CLAIMS], () => api.updateClaim({ id: claim.id, note }));
      setClaims((cs) => cs.map((c) => (c.id === updated.id ? updated : c)));
      setStatus('Note saved ✓', 'ok');
    } catch (e) {
      setStatus(`The note was not saved: ${errorMessage(e)}`, 'error');
    }
  };

  useReaderKeys({
    claims: visible,
    selectedId,
    popoverOpen: pending !== null,
    onStep: (id) => reveal(id, false),
    onEscape: () => {
      closePopover();
      setSelectedId(null);
    },
  });

  if (!docId) return <ReaderEmpty />;
  if (loadError)
    return (
      <div className="empty-state" role="alert">
        <h2>This document could not be opened</h2>
        <p>{loadError}</p>
        <button type="button" onClick={() => navigate({ view: 'library' })}>
          Back to the Library
        </button>
      </div>
    );
  if (!doc || !(spansReady || waited === doc.id)) return <div className="loading">Opening the document…</div>;

  const selected = visible.find((c) => c.id === selectedId);
  const tagPopover = (ref: PopoverReference, boundary: HTMLElement | null): ReactNode =>
    pending && (
      <TagPopover
        key={`${pending.start}:${pending.end}`}
        reference={ref}
        boundary={boundary}
        quote={doc.text.slice(pending.start, pending.end)}
        exact={pending.exact}
        domains={domains}
        initial={
          pending.draft.chosen.length || pending.draft.note
            ? pending.draft
            : { chosen: domainFilter === null ? [] : [domainFilter], note: '' }
        }
        saving={saving}
        error={saveError}
        onDraft={onDraft}
        onSave={(ids, note) => void save(ids, note)}
        onClose={closePopover}
        selection={{ docId: doc.id, start: pending.start, end: pending.end }}
      />
    );
  const modeSwitch = doc.format === 'pdf' && (
    <div className="reader-mode" role="group" aria-label="Show the document as">
      {(['pages', 'text'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => chooseMode(m)}>
          {m === 'pages' ? 'Pages' : 'Text'}
        </button>
      ))}
    </div>
  );
  const filterDomain = domainFilter === null ? undefined : domainById.get(domainFilter);

  return (
    <div className="reader">
      <div className="reader-main">
        {modeSwitch}
        {mode === 'pages' ? (
          <Suspense fallback={<div className="loading">Opening the pages…</div>}>
            <PdfPages
              docId={doc.id}
              text={doc.text}
              pages={doc.pages}
              claims={painted}
              domainById={domainById}
              selectedId={selectedId}
              pending={pending}
              onSelectClaim={(id) => {
                setSelectedId(id);
                columnNav.current?.show(id);
                closePopover();
              }}
              onSelection={openPopover}
              onClearSelection={closePopover}
              onVisible={setView}
              popover={tagPopover}
            />
          </Suspense>
        ) : (
          <>
            {/* The bars sit above the text's pane, so that they never cover its first lines. */}
            <FindBar
              text={doc.text}
              textRef={textRef}
              navRef={textNav}
              onClose={(hit) => {
                if (hit) caretRef.current?.placeAt(hit.start, true);
                else scrollRef.current?.focus({ preventScroll: true });
              }}
            />
            <SearchHitsBar docId={doc.id} textRef={textRef} navRef={textNav} />
            <div
              className="reader-scroll"
              ref={scrollRef}
              onMouseUp={onMouseUp}
              tabIndex={0}
              role="region"
              aria-label={`Text of ${doc.title}`}
              aria-describedby="reader-caret-keys"
            >
              <ReadingCaret
                text={doc.text}
                blocks={blocks}
                textRef={textRef}
                scrollRef={scrollRef}
                navRef={textNav}
                view={view}
                handleRef={caretRef}
                onTag={openPopover}
              />
              <p id="reader-caret-keys" className="sr-only">
                Arrows move the reading caret, Shift extends the selection, S selects the sentence, P the
                paragraph, T tags the selection.
              </p>
              <div className="reader-page">
                <DocumentHeader
                  doc={doc}
                  claims={`${painted.length} ${painted.length === 1 ? 'claim' : 'claims'}${filterDomain ? ` in ${filterDomain.name}` : ''}`}
                />
                <button type="button" className="suggest-open" onClick={() => setSuggestOpen(true)}>
                  Suggest claims
                </button>
                {suggestOpen && (
                  <SuggestDrawer docId={doc.id} domains={domains} onClose={() => setSuggestOpen(false)} />
                )}
                <DocumentMemos docId={doc.id} />
                <div className="doc-text" ref={textRef} data-doc-id={doc.id}>
                  <DocumentText
                    text={doc.text}
                    blocks={blocks}
                    marks={marks}
                    laneCount={laneCount}
                    selectedId={selectedId}
                    flashId={flashId}
                    scrollRef={scrollRef}
                    navRef={textNav}
                    onVisible={setView}
                  />
                </div>
              </div>
              {selected && !pending && (
                <ClaimHandles claim={selected} text={doc.text} textRef={textRef} scrollRef={scrollRef} />
              )}
              {pending && reference && tagPopover(reference, scrollRef.current)}
            </div>
          </>
        )}
      </div>
      <ClaimsColumn
        claims={visible}
        paragraphAt={paragraphOf}
        domainById={domainById}
        selectedId={selectedId}
        view={view}
        navRef={columnNav}
        head={
          <>
            <div className="column-head">
              <span>Claims {filterDomain ? `· ${filterDomain.name}` : 'in this document'}</span>
              <span className="count">{painted.length}</span>
            </div>
            {filterDomain && (
              <button type="button" className="filter-banner" onClick={() => setDomainFilter(null)}>
                <span className="swatch" style={{ background: filterDomain.color }} /> Showing only{' '}
                {filterDomain.name} · show all
              </button>
            )}
            {!claimsLoaded && painted.length > 0 && <p className="hint">Loading the claims…</p>}
            {claimsLoaded && visible.length === 0 && (
              <p className="hint">
                Select a passage with the mouse and pick a domain to tag it as a claim. Alt while selecting
                keeps the exact characters; otherwise the selection snaps to whole words. From the keyboard:
                Tab to the text, S selects a sentence, T tags it (? lists the keys).
              </p>
            )}
          </>
        }
        onSelect={(id) => reveal(id, true)}
        onDelete={(c) => void remove(c)}
        onSaveNote={(c, note) => void saveNote(c, note)}
      />
    </div>
  );
}

function ReaderEmpty(): ReactNode {
  const { documents, navigate } = useProject();
  return (
    <div className="empty-state">
      <h2>Choose a document to read</h2>
      <p>Click a document in the list on the left, or double-click one in the Library.</p>
      <ul className="doc-buttons">
        {documents.slice(0, 8).map((d) => (
          <li key={d.id}>
            <button type="button" onClick={() => navigate({ view: 'reader', docId: d.id })}>
              {d.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
