import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { Marked } from './Marked';
import { setActiveSearch } from './searchState';
import './search.css';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';
import { SetFromSearch } from '../sets/SetFromSearch';

type DocResults = MethodOutput<'searchDocuments'>;
type ClaimResults = MethodOutput<'searchClaims'>;

interface Results {
  query: string;
  domainIds: number[];
  docs: DocResults;
  claims: ClaimResults;
}

const LIMIT = 25;
const DEBOUNCE_MS = 180;

/** The top bar's search over documents (title, text, metadata) and claims (quotes, notes). "/" focuses it. */
export function SearchBox(): ReactNode {
  const { domains, navigate } = useProject();
  const version = useChangeVersion(DEPENDS.search);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [domainIds, setDomainIds] = useState<number[]>([]);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      setError(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      const filter = domainIds.length ? { domainIds } : {};
      Promise.all([
        api.searchDocuments({ query: q, limit: LIMIT, hits: true, ...filter }),
        api.searchClaims({ query: q, limit: LIMIT, ...filter }),
      ])
        .then(([docs, claims]) => {
          if (!live) return;
          setResults({ query: q, domainIds, docs, claims });
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, domainIds, version]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const openDoc = (docId: number): void => {
    if (!results) return;
    setActiveSearch({
      docId,
      query: results.query,
      ranked: results.docs.results.map((r) => r.docId),
      total: results.docs.total,
      domainIds: results.domainIds,
      at: 'first',
    });
    setOpen(false);
    navigate({ view: 'reader', docId });
  };
  const openClaim = (docId: number, claimId: number): void => {
    setActiveSearch(null);
    setOpen(false);
    navigate({ view: 'reader', docId, claimId });
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Escape') {
      setOpen(false);
      e.currentTarget.blur();
    } else if (e.key === 'Enter' && results?.docs.results[0]) {
      openDoc(results.docs.results[0].docId);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      box.current?.querySelector<HTMLButtonElement>('.search-result')?.focus();
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('.search-result') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = items[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (e.key === 'ArrowUp') box.current?.querySelector('input')?.focus();
  };

  const topDomains = domains.filter((d) => d.parentId === null && d.claims > 0);
  const toggle = (id: number): void =>
    setDomainIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <div className="search" ref={box}>
      <input
        id="search-box"
        type="search"
        className="search-input"
        placeholder="Search documents and claims  /"
        aria-label="Search documents and claims"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKey}
      />
      {open && query.trim() && (
        <div className="search-panel" role="region" aria-label="Search results" onKeyDown={onListKey}>
          {topDomains.length > 0 && (
            <details className="search-chips" open={domainIds.length > 0}>
              <summary>
                Only documents with claims in…{domainIds.length ? ` (${domainIds.length})` : ''}
              </summary>
              <div role="group" aria-label="Only documents with claims in">
                {topDomains.map((d) => (
                  <button
                    key={d.id}
                    type="button"
                    className={`chip${domainIds.includes(d.id) ? ' on' : ''}`}
                    aria-pressed={domainIds.includes(d.id)}
                    onClick={() => toggle(d.id)}
                  >
                    <span className="swatch" style={{ background: d.color }} />
                    {d.name}
                  </button>
                ))}
              </div>
            </details>
          )}
          {error ? (
            <p className="search-error" role="alert">
              {error}
            </p>
          ) : !results ? (
            <p className="muted pad">Searching…</p>
          ) : (
            <>
              <section aria-label="Documents found">
                <h3 className="search-group">
                  Documents <span className="count">{results.docs.total.toLocaleString()}</span>
                </h3>
                {results.docs.results.length === 0 && <p className="muted pad">No document matches.</p>}
                {results.docs.results.map((r) => (
                  <button
                    key={r.docId}
                    type="button"
                    className="search-result"
                    onClick={() => openDoc(r.docId)}
                  >
                    <span className="search-result-head">
                      <span className="search-title">
                        <Marked text={r.title} marks={r.titleMarks ?? []} />
                      </span>
                      <span className="count" title="Hits in this document's text">
                        {(r.hitCount ?? r.hits.length).toLocaleString()}{' '}
                        {(r.hitCount ?? r.hits.length) === 1 ? 'hit' : 'hits'}
                      </span>
                    </span>
                    <span className="search-snippet">
                      <Marked text={r.snippet} marks={r.snippetMarks} />
                    </span>
                  </button>
                ))}
                {results.docs.total > results.docs.results.length && (
                  <p className="muted pad">
                    Showing the best {results.docs.results.length} of {results.docs.total.toLocaleString()}:
                    add a word to narrow the search.
                  </p>
                )}
                {results.docs.total > 0 && domainIds.length === 0 && (
                  <SetFromSearch query={results.query} total={results.docs.total} />
                )}
              </section>
              <section aria-label="Claims found">
                <h3 className="search-group">
                  Claims (quotes and notes) <span className="count">{results.claims.length}</span>
                </h3>
                {results.claims.length === 0 && <p className="muted pad">No claim matches.</p>}
                {results.claims.map((c) => (
                  <button
                    key={c.claimId}
                    type="button"
                    className="search-result claim"
                    onClick={() => openClaim(c.docId, c.claimId)}
                  >
                    <span className="search-result-head">
                      <span className="search-title">{c.docTitle}</span>
                    </span>
                    <span className="search-snippet">
                      <Marked text={c.snippet} marks={c.snippetMarks} />
                    </span>
                  </button>
                ))}
              </section>
            </>
          )}
        </div>
      )}
    </div>
  );
}
