import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CodebookPanel } from '../views/codebook/CodebookPanel';
import { SetsSection } from '../views/sets/SetsSection';
import { VERTICAL, stepIndex } from './listKeys';
import { useProject } from './ProjectContext';

/** A document's line in the list (its padding and one line of text): the virtualizer's first guess. */
const OPTION_HEIGHT = 27;

/** The left column, always there: the documents and the codebook, each with counts. */
export function Sidebar(): ReactNode {
  const { documents, project, route, navigate } = useProject();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      q ? documents.filter((d) => `${d.title} ${d.source} ${d.author}`.toLowerCase().includes(q)) : documents,
    [documents, q],
  );
  // Only the lines in sight are in the page (the Reader's virtualizer): 100,000 documents are 100,000 rows of
  // data but a few dozen elements (issue 16).
  const listRef = useRef<HTMLUListElement | null>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => OPTION_HEIGHT,
    getItemKey: (i) => shown[i].id,
    overscan: 8,
  });
  const openId = route.view === 'reader' ? route.docId : undefined;
  // The active option: the one moved to with the keys, else the open document, else the first.
  const openAt = shown.findIndex((d) => d.id === openId);
  const at = active !== null && active < shown.length ? active : Math.max(0, openAt);
  const optionId = (id: number): string => `doc-option-${id}`;
  const open = (id: number): void => navigate({ view: 'reader', docId: id });

  // A listbox: one Tab stop for the whole list, ↑ ↓ Home End move, Enter (or Space) opens.
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const to = stepIndex(e.key, at, shown.length, { ...VERTICAL, wrap: false });
    if (to !== null) {
      e.preventDefault();
      setActive(to);
      virtualizer.scrollToIndex(to, { align: 'auto' });
    } else if ((e.key === 'Enter' || e.key === ' ') && shown[at]) {
      e.preventDefault();
      open(shown[at].id);
    }
  };

  return (
    <nav className="sidebar" aria-label="Documents and codebook">
      <section className="side-section docs-section">
        <div className="side-head">
          <span>Documents</span>
          <span className="count">{(project?.documents ?? documents.length).toLocaleString()}</span>
        </div>
        <input
          id="doc-filter"
          className="side-filter"
          type="search"
          placeholder="Filter documents"
          aria-label="Filter documents"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
          }}
        />
        {shown.length > 0 ? (
          <ul
            ref={listRef}
            className="side-list doc-list virtual-list"
            role="listbox"
            aria-label="Documents"
            tabIndex={0}
            aria-activedescendant={shown[at] ? optionId(shown[at].id) : undefined}
            onKeyDown={onKeyDown}
          >
            <li role="none" aria-hidden="true" style={{ height: virtualizer.getTotalSize() }} />
            {virtualizer.getVirtualItems().map((v) => {
              const d = shown[v.index];
              return (
                <li
                  key={v.key}
                  ref={virtualizer.measureElement}
                  data-index={v.index}
                  id={optionId(d.id)}
                  role="option"
                  aria-selected={d.id === openId}
                  aria-setsize={shown.length}
                  aria-posinset={v.index + 1}
                  className={v.index === at ? 'active' : undefined}
                  style={{ transform: `translateY(${v.start}px)` }}
                  title={`${d.title}\n${d.source}`}
                  onClick={() => {
                    setActive(v.index);
                    open(d.id);
                  }}
                >
                  <span className="name">{d.title}</span>
                  <span className="count">{d.claims}</span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted pad">
            {documents.length ? 'No document matches.' : 'No documents: import some.'}
          </p>
        )}
      </section>
      <SetsSection />
      <CodebookPanel />
    </nav>
  );
}
