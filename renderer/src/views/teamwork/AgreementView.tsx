import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { MergeConflicts } from './MergeConflicts';
import { CopyForAnalystButton, MergeButton } from './MergeDialog';
import { ReviewView } from './ReviewView';
import './teamwork.css';

// Agreement between two analysts, per domain, from computeAgreement: characters coded by A, by B, by both; percent
// agreement, Cohen's κ and Krippendorff's α, α on a colour scale (below 0.667 red: too low even for tentative
// conclusions; from 0.8 green). Each row opens the disagreement review for that domain.

type Agreement = MethodOutput<'computeAgreement'>;

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const coef = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const num = (n: number): string => n.toLocaleString();

function alphaClass(alpha: number | null): string {
  if (alpha === null) return 'alpha-none';
  return alpha < 0.667 ? 'alpha-low' : alpha < 0.8 ? 'alpha-mid' : 'alpha-high';
}

export function AgreementView(): ReactNode {
  const [analysts, setAnalysts] = useState<string[] | null>(null);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [result, setResult] = useState<Agreement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [review, setReview] = useState<{ domainId: number; domain: string } | null>(null);
  const version = useChangeVersion({ tables: ['claims', 'claim_domains', 'domains', 'documents'] });

  useEffect(() => {
    api
      .getExportFilterOptions({})
      .then((o) => {
        const named = o.analysts.filter(Boolean);
        setAnalysts(named);
        setA((x) => (x && named.includes(x) ? x : (named[0] ?? '')));
        setB((x) => (x && named.includes(x) ? x : (named[1] ?? '')));
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [version]);

  useEffect(() => {
    if (!a || !b || a === b) {
      setResult(null);
      return;
    }
    let live = true;
    api
      .computeAgreement({ analysts: [a, b] })
      .then((r) => live && (setResult(r), setError(null)))
      .catch((e: unknown) => live && (setResult(null), setError(errorMessage(e))));
    return () => {
      live = false;
    };
  }, [a, b, version]);

  if (review)
    return (
      <ReviewView
        domainId={review.domainId}
        domain={review.domain}
        analysts={[a, b]}
        onBack={() => setReview(null)}
      />
    );

  const picker = (label: string, value: string, set: (v: string) => void) => (
    <label className="agreement-picker">
      <span className="label">{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)} aria-label={label}>
        {(analysts ?? []).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="agreement-view" aria-labelledby="agreement-title">
      <header className="agreement-header">
        <h2 id="agreement-title">Agreement</h2>
        {analysts && analysts.length >= 2 && (
          <>
            {picker('Analyst A', a, setA)}
            {picker('Analyst B', b, setB)}
          </>
        )}
        <span className="spacer" />
        <MergeButton />
        <CopyForAnalystButton />
      </header>
      <MergeConflicts />
      {analysts && analysts.length < 2 ? (
        <div className="empty-state">
          <h2>Agreement needs two analysts</h2>
          <p>
            Give each analyst a copy (Save a copy for an analyst…), let each code it under their own name,
            then Merge project… their copies back here.
          </p>
        </div>
      ) : a === b && a ? (
        <p className="muted">Choose two different analysts.</p>
      ) : null}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && <AgreementTable result={result} onReview={setReview} />}
    </section>
  );
}

function AgreementTable(props: {
  result: Agreement;
  onReview: (d: { domainId: number; domain: string }) => void;
}): ReactNode {
  const { result } = props;
  const [a, b] = result.analysts;
  const pairOf = (d: Agreement['domains'][number]) => d.pairs[0];
  return (
    <>
      <p className="muted agreement-basis">
        {result.documents} documents, {num(result.characters)} characters: every character is a unit, coded or
        not by each analyst. κ and α are 1 for identical coding and 0 for agreement no better than chance.
      </p>
      <table className="agreement-table">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" className="num">
              {a} only
            </th>
            <th scope="col" className="num">
              {b} only
            </th>
            <th scope="col" className="num">
              Both
            </th>
            <th scope="col" className="num">
              Agreement
            </th>
            <th scope="col" className="num">
              κ
            </th>
            <th scope="col" className="num">
              α
            </th>
            <th scope="col">
              <span className="sr-only">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.domains
            .filter((d) => d.used)
            .map((d) => {
              const p = pairOf(d);
              const differ = (p?.onlyFirst ?? 0) + (p?.onlySecond ?? 0) > 0;
              return (
                <tr key={d.domainId} data-domain={d.domain}>
                  <th scope="row">{d.domain}</th>
                  <td className="num">{num(p?.onlyFirst ?? 0)}</td>
                  <td className="num">{num(p?.onlySecond ?? 0)}</td>
                  <td className="num">{num(p?.both ?? 0)}</td>
                  <td className="num">{pct(d.percentAgreement)}</td>
                  <td className="num" title={d.kappaReason ?? undefined}>
                    {coef(d.kappa)}
                  </td>
                  <td className={`num ${alphaClass(d.alpha)}`} title={d.alphaReason ?? undefined}>
                    {coef(d.alpha)}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Review ${d.domain}`}
                      aria-disabled={!differ}
                      onClick={() => differ && props.onReview({ domainId: d.domainId, domain: d.domain })}
                    >
                      {differ ? 'Review…' : 'Agreed'}
                    </button>
                  </td>
                </tr>
              );
            })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              Overall ({result.overall.domainIds.length} domain
              {result.overall.domainIds.length === 1 ? '' : 's'} used)
            </th>
            <td className="num">{num(result.overall.pairs[0]?.onlyFirst ?? 0)}</td>
            <td className="num">{num(result.overall.pairs[0]?.onlySecond ?? 0)}</td>
            <td className="num">{num(result.overall.pairs[0]?.both ?? 0)}</td>
            <td className="num">{pct(result.overall.percentAgreement)}</td>
            <td className="num">{coef(result.overall.kappa)}</td>
            <td className={`num ${alphaClass(result.overall.alpha)}`}>{coef(result.overall.alpha)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {result.domains.some((d) => !d.used) && (
        <p className="muted">
          Not used by either:{' '}
          {result.domains
            .filter((d) => !d.used)
            .map((d) => d.domain)
            .join(', ')}
          .
        </p>
      )}
    </>
  );
}
