import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { ExcerptList } from '../../components/Excerpts';
import { useProject } from '../../components/ProjectContext';

type Comparison = MethodOutput<'compareDocuments'>;

function plural(n: number): string {
  return `${n} ${n === 1 ? 'claim' : 'claims'}`;
}

/** Two documents side by side: under each domain, what each one claims. */
export function CompareView(): ReactNode {
  const { documents, route, navigate, version } = useProject();
  const a = route.a ?? documents[0]?.id;
  const b = route.b ?? documents.find((d) => d.id !== a)?.id;
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!a || !b || a === b) return;
    let live = true;
    setError(null);
    api
      .compareDocuments({ docIds: [a, b] })
      .then((c) => live && setData(c))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [a, b, version]);

  const choose = (side: 'a' | 'b', id: number): void => navigate({ view: 'compare', a, b, [side]: id });

  if (documents.length < 2)
    return (
      <div className="empty-state">
        <h2>Compare needs two documents</h2>
        <p>Import at least two documents in the Library, tag claims in each, and compare them here.</p>
      </div>
    );

  const picker = (side: 'a' | 'b', value: number | undefined): ReactNode => (
    <label className="picker">
      <span className="side-tag">{side.toUpperCase()}</span>
      <select
        aria-label={`Document ${side.toUpperCase()}`}
        value={value ?? ''}
        onChange={(e) => choose(side, Number(e.target.value))}
      >
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );

  const shown = data && data.documents[0]?.id === a && data.documents[1]?.id === b ? data : null;
  const withClaims = shown?.domains.filter((d) => d.claims[0].length + d.claims[1].length > 0) ?? [];
  const without = shown?.domains.filter((d) => d.claims[0].length + d.claims[1].length === 0) ?? [];

  return (
    <div className="compare">
      <div className="view-head">
        <div>
          <h1>Compare</h1>
          <p className="muted">
            Under each domain, what each document claims. Domains covered by only one stand out.
          </p>
        </div>
      </div>
      <div className="compare-pickers">
        {picker('a', a)}
        <span className="muted">vs</span>
        {picker('b', b)}
      </div>
      {a === b && <p className="error">Choose two different documents.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <div className="compare-table">
          <div className="compare-row compare-head">
            <div className="side-title">
              <span className="side-tag">A</span> {shown.documents[0].title}
            </div>
            <div className="side-title">
              <span className="side-tag">B</span> {shown.documents[1].title}
            </div>
          </div>
          {withClaims.map((d) => {
            const [ca, cb] = d.claims;
            const only = ca.length === 0 ? 'B' : cb.length === 0 ? 'A' : null;
            return (
              <section
                key={d.domainId}
                className={`compare-domain${only ? ' one-sided' : ''}`}
                aria-label={d.name}
                data-domain-id={d.domainId}
              >
                <header className="compare-domain-head" style={{ borderColor: d.color }}>
                  <span className="swatch" style={{ background: d.color }} />
                  <strong>{d.name}</strong>
                  <span className="summary">
                    A: {plural(ca.length)}, B: {plural(cb.length)}
                  </span>
                  {only && <span className="badge warn">only in {only}</span>}
                </header>
                <div className="compare-row">
                  <ExcerptList
                    claims={ca}
                    showDocument={false}
                    showDomains={false}
                    empty="Nothing claimed under this domain."
                  />
                  <ExcerptList
                    claims={cb}
                    showDocument={false}
                    showDomains={false}
                    empty="Nothing claimed under this domain."
                  />
                </div>
              </section>
            );
          })}
          {withClaims.length === 0 && <p className="muted">Neither document has any claims yet.</p>}
          {without.length > 0 && (
            <p className="muted compare-none">
              Neither document claims anything under: {without.map((d) => d.name).join(' · ')}.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
