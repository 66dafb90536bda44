import { useState, type ReactNode } from 'react';
import { CodebookPanel } from '../views/codebook/CodebookPanel';
import { useProject } from './ProjectContext';

/** The left column, always there: the documents and the codebook, each with counts. */
export function Sidebar(): ReactNode {
  const { documents, route, navigate } = useProject();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q
    ? documents.filter((d) => `${d.title} ${d.source} ${d.author}`.toLowerCase().includes(q))
    : documents;
  const openId = route.view === 'reader' ? route.docId : undefined;

  return (
    <nav className="sidebar" aria-label="Documents and codebook">
      <section className="side-section docs-section">
        <div className="side-head">
          <span>Documents</span>
          <span className="count">{documents.length}</span>
        </div>
        <input
          id="doc-filter"
          className="side-filter"
          type="search"
          placeholder="Filter documents"
          aria-label="Filter documents"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul className="side-list" aria-label="Documents">
          {shown.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className={d.id === openId ? 'current' : undefined}
                aria-current={d.id === openId ? 'page' : undefined}
                title={`${d.title}\n${d.source}`}
                onClick={() => navigate({ view: 'reader', docId: d.id })}
              >
                <span className="name">{d.title}</span>
                <span className="count">{d.claims}</span>
              </button>
            </li>
          ))}
          {shown.length === 0 && (
            <li className="muted pad">
              {documents.length ? 'No document matches.' : 'No documents: import some.'}
            </li>
          )}
        </ul>
      </section>
      <CodebookPanel />
    </nav>
  );
}
