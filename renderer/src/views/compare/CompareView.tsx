import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentFull, MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { ExcerptList } from '../../components/Excerpts';
import { useProject } from '../../components/ProjectContext';
import type { Route } from '../../components/route';
import { SharedText, type TextMark } from './SharedText';
import './compare.css';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type Comparison = MethodOutput<'compareDocuments'>;
type Mode = 'domains' | 'passages';

const SIDES = ['a', 'b', 'c', 'd'] as const;
const LETTERS = ['A', 'B', 'C', 'D'];

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Two to four documents side by side: domain by domain, or their shared passages in the text. */
export function CompareView(): ReactNode {
  const { documents, domains, route, navigate } = useProject();
  const version = useChangeVersion(DEPENDS.claims);
  const [mode, setMode] = useState<Mode>('domains');
  const [filter, setFilter] = useState<number[]>([]);
  const [data, setData] = useState<Comparison | null>(null);
  const [texts, setTexts] = useState<Map<number, DocumentFull>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const panes = useRef<HTMLDivElement>(null);

  const a = route.a ?? documents[0]?.id;
  const b = route.b ?? documents.find((d) => d.id !== a)?.id;
  const chosen = [a, b, route.c, route.d].filter((id): id is number => id !== undefined);
  const ids = chosen.filter((id, i) => chosen.indexOf(id) === i);
  const key = ids.join(',');

  useEffect(() => {
    if (ids.length < 2) return;
    let live = true;
    setError(null);
    api
      .compareDocuments({ docIds: ids })
      .then((c) => live && setData(c))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  useEffect(() => {
    if (mode !== 'passages') return;
    let live = true;
    const missing = ids.filter((id) => !texts.has(id));
    if (missing.length === 0) return;
    Promise.all(missing.map((id) => api.getDocument({ id })))
      .then((docs) => {
        if (!live) return;
        setTexts((old) => {
          const next = new Map(old);
          for (const d of docs) next.set(d.id, d);
          return next;
        });
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, key]);

  const shown = data && data.documents.map((d) => d.id).join(',') === key ? data : null;

  const marksByDoc = useMemo(() => {
    const out = new Map<number, TextMark[]>();
    if (!shown) return out;
    const add = (docId: number, m: TextMark): void => {
      const list = out.get(docId) ?? [];
      list.push(m);
      out.set(docId, list);
    };
    (shown.shared ?? []).forEach((p, i) => {
      const [x, y] = p.docs;
      add(x, { ...p.a, passage: i, twin: `passage-${y}-${i}`, similarity: p.similarity });
      add(y, { ...p.b, passage: i, twin: `passage-${x}-${i}`, similarity: p.similarity });
    });
    if (filter.length) {
      for (const d of shown.domains) {
        if (!filter.includes(d.domainId)) continue;
        d.claims.forEach((cs) =>
          cs.forEach((c) => add(c.docId, { start: c.start, end: c.end, color: d.color })),
        );
      }
    }
    return out;
  }, [shown, filter]);

  if (documents.length < 2)
    return (
      <div className="empty-state">
        <h2>Compare needs two documents</h2>
        <p>Import at least two documents in the Library, tag claims in each, and compare them here.</p>
      </div>
    );

  const setSides = (list: number[]): void => {
    const next: Route = { view: 'compare' };
    list.slice(0, 4).forEach((id, i) => (next[SIDES[i]] = id));
    navigate(next);
  };
  const choose = (i: number, id: number): void => {
    const list = [...ids];
    list[i] = id;
    setSides(list);
  };
  const addDocument = (): void => {
    const next = documents.find((d) => !ids.includes(d.id));
    if (next) setSides([...ids, next.id]);
  };
  const removeDocument = (i: number): void => setSides(ids.filter((_, j) => j !== i));

  const letterOf = (docId: number): string => LETTERS[ids.indexOf(docId)] ?? '?';

  const followPassage = (from: TextMark): void => {
    if (!from.twin) return;
    const twin = document.getElementById(from.twin);
    if (!twin) return;
    twin.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const pane = twin.closest('.compare-pane');
    const all = pane?.querySelectorAll(`[data-passage="${from.passage}"]`) ?? [];
    all.forEach((el) => {
      el.classList.remove('flash');
      void (el as HTMLElement).offsetWidth;
      el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 1_800);
    });
  };

  const visibleDomains = shown
    ? shown.domains.filter((d) => filter.length === 0 || filter.includes(d.domainId))
    : [];
  const withClaims = visibleDomains.filter((d) => d.claims.some((cs) => cs.length > 0));
  const without = visibleDomains.filter((d) => d.claims.every((cs) => cs.length === 0));
  const cols = { gridTemplateColumns: `repeat(${ids.length}, minmax(0, 1fr))` };

  return (
    <div className={`compare compare-${mode}`}>
      <div className="view-head">
        <div>
          <h1>Compare</h1>
          <p className="muted">
            {mode === 'domains'
              ? 'Under each domain, what each document claims. Domains covered by only one stand out.'
              : 'Passages the documents share word for word or nearly. Click one to see its twin.'}
          </p>
        </div>
        <div className="segmented" role="tablist" aria-label="Comparison">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'domains'}
            className={mode === 'domains' ? 'active' : undefined}
            onClick={() => setMode('domains')}
          >
            Domains
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'passages'}
            className={mode === 'passages' ? 'active' : undefined}
            onClick={() => setMode('passages')}
          >
            Shared passages
          </button>
        </div>
      </div>
      <div className="compare-pickers" style={cols}>
        {ids.map((id, i) => (
          <label key={i} className="picker">
            <span className="side-tag">{LETTERS[i]}</span>
            <select
              aria-label={`Document ${LETTERS[i]}`}
              value={id}
              onChange={(e) => choose(i, Number(e.target.value))}
            >
              {documents.map((d) => (
                <option key={d.id} value={d.id} disabled={d.id !== id && ids.includes(d.id)}>
                  {d.title}
                </option>
              ))}
            </select>
            {i >= 2 && (
              <button
                type="button"
                className="icon"
                aria-label={`Remove document ${LETTERS[i]}`}
                onClick={() => removeDocument(i)}
              >
                ×
              </button>
            )}
          </label>
        ))}
      </div>
      <div className="compare-bar">
        {ids.length < 4 && documents.length > ids.length && (
          <button type="button" className="add-doc" onClick={addDocument}>
            + Add a document
          </button>
        )}
        {shown?.pairs && (
          <ul className="pair-scores" aria-label="Similarity">
            {shown.pairs.map((p) => (
              <li
                key={p.docs.join('-')}
                title={`Coverage: ${percent(p.coverageA)} / ${percent(p.coverageB)}`}
              >
                <strong>
                  {letterOf(p.docs[0])}–{letterOf(p.docs[1])}
                </strong>{' '}
                {percent(p.similarity)} similar · {p.passages} shared{' '}
                {p.passages === 1 ? 'passage' : 'passages'}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="domain-filter" role="group" aria-label="Domain filter">
        <button
          type="button"
          className={filter.length === 0 ? 'chip-toggle active' : 'chip-toggle'}
          aria-pressed={filter.length === 0}
          onClick={() => setFilter([])}
        >
          All domains
        </button>
        {domains.map((d) => (
          <button
            key={d.id}
            type="button"
            className={filter.includes(d.id) ? 'chip-toggle active' : 'chip-toggle'}
            aria-pressed={filter.includes(d.id)}
            onClick={() => setFilter((f) => (f.includes(d.id) ? f.filter((x) => x !== d.id) : [...f, d.id]))}
          >
            <span className="swatch" style={{ background: d.color }} />
            {d.name}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && mode === 'domains' && (
        <div className="compare-table">
          <div className="compare-row compare-head" style={cols}>
            {shown.documents.map((d, i) => (
              <div key={d.id} className="side-title">
                <span className="side-tag">{LETTERS[i]}</span> {d.title}
              </div>
            ))}
          </div>
          {withClaims.map((d) => {
            const only = d.onlyIn ?? null;
            return (
              <section
                key={d.domainId}
                className={`compare-domain${only !== null ? ' one-sided' : ''}`}
                aria-label={d.name}
                data-domain-id={d.domainId}
              >
                <header className="compare-domain-head" style={{ borderColor: d.color }}>
                  <span className="swatch" style={{ background: d.color }} />
                  <strong>{d.name}</strong>
                  <span className="summary">
                    {d.claims.map((cs, i) => `${LETTERS[i]}: ${cs.length}`).join(' · ')}
                  </span>
                  {only !== null && <span className="badge warn">only in {LETTERS[only]}</span>}
                </header>
                <div className="compare-row" style={cols}>
                  {d.claims.map((cs, i) => (
                    <ExcerptList
                      key={i}
                      claims={cs}
                      showDocument={false}
                      showDomains={false}
                      empty="Nothing claimed under this domain."
                    />
                  ))}
                </div>
              </section>
            );
          })}
          {withClaims.length === 0 && <p className="muted">None of these documents has claims here yet.</p>}
          {without.length > 0 && (
            <p className="muted compare-none">
              No document claims anything under: {without.map((d) => d.name).join(' · ')}.
            </p>
          )}
        </div>
      )}
      {shown && mode === 'passages' && (
        <div className="compare-panes" ref={panes} style={cols}>
          {shown.documents.map((d, i) => {
            const doc = texts.get(d.id);
            const marks = marksByDoc.get(d.id) ?? [];
            const count = new Set(marks.filter((m) => m.passage !== undefined).map((m) => m.passage)).size;
            return (
              <section
                key={d.id}
                className="compare-pane"
                aria-label={`Document ${LETTERS[i]}`}
                data-doc-id={d.id}
              >
                <header className="pane-head">
                  <span className="side-tag">{LETTERS[i]}</span>
                  <span className="pane-title" title={d.title}>
                    {d.title}
                  </span>
                  <span className="muted">
                    {count} shared {count === 1 ? 'passage' : 'passages'}
                  </span>
                </header>
                <div className="pane-scroll">
                  {doc ? (
                    <SharedText docId={d.id} text={doc.text} marks={marks} onPassage={followPassage} />
                  ) : (
                    <p className="muted">Loading the text…</p>
                  )}
                </div>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
