import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import type { View } from '../../components/route';
import { useFocusTrap } from '../../components/useFocusTrap';
import { AutocodePassage, UNIT_LABELS, unitNoun, type AutocodeUnit } from './AutocodePassage';
import './autocode.css';

type Search = MethodOutput<'autocodeSearch'>;
type Result = MethodOutput<'autocodeApply'>;

const LIMIT = 5_000;
const keyOf = (h: { docId: number; start: number }): string => `${h.docId}:${h.start}`;

/** The top-bar button that opens the autocode drawer; it belongs to the view it was opened in and closes with it. */
export function AutocodeButton(): ReactNode {
  const view = useProject().route.view;
  const [openIn, setOpenIn] = useState<View | null>(null);
  const open = openIn === view;
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="autocode-open"
        aria-expanded={open}
        title="Tag every occurrence of a word, phrase or pattern in one step"
        onClick={() => setOpenIn(open ? null : view)}
      >
        Autocode
      </button>
      {open && <AutocodePanel onClose={() => setOpenIn(null)} keepOn={button} />}
    </>
  );
}

/**
 * Autocode: search a word, phrase or regular expression in the open document or the whole corpus, see every hit
 * in context, untick those to leave, and tag the rest with the chosen domains — one undoable step.
 */
export function AutocodePanel(props: {
  onClose: () => void;
  keepOn?: RefObject<HTMLElement | null>;
}): ReactNode {
  const { domains, route, documents, setStatus } = useProject();
  const panel = useRef<HTMLElement>(null);
  const patternRef = useRef<HTMLInputElement>(null);
  useFocusTrap(panel, { onClose: props.onClose, keepOn: props.keepOn, initialFocus: patternRef });
  const openDoc = route.view === 'reader' ? documents.find((d) => d.id === route.docId) : undefined;
  const [pattern, setPattern] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(true);
  // The whole corpus first: autocode is for finding a term everywhere; "This document" is one click away.
  const [scope, setScope] = useState<'doc' | 'corpus'>('corpus');
  // A sentence by default: analysts code meaning, and a one-word claim carries none.
  const [unit, setUnit] = useState<AutocodeUnit>('sentence');
  const [words, setWords] = useState(10);
  const runs = useRef(0);
  const [search, setSearch] = useState<Search | null>(null);
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<number[]>([]);
  const [domainQuery, setDomainQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (!openDoc && scope === 'doc') setScope('corpus');
  }, [openDoc, scope]);

  const run = async (as: { unit: AutocodeUnit; words: number } = { unit, words }): Promise<void> => {
    if (!pattern.trim()) return setError('Type a word, phrase or pattern to search for.');
    // The latest search wins: changing the unit while one runs must not show the older one's passages.
    const seq = ++runs.current;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const s = await api.autocodeSearch({
        pattern,
        regex,
        caseSensitive,
        wholeWord,
        docId: scope === 'doc' ? openDoc?.id : undefined,
        limit: LIMIT,
        context: as.unit === 'hit' ? 60 : 30,
        unit: as.unit,
        words: as.words,
      });
      if (seq !== runs.current) return;
      setSearch(s);
      setLeft(new Set());
    } catch (e) {
      if (seq !== runs.current) return;
      setSearch(null);
      setError(errorMessage(e));
    } finally {
      if (seq === runs.current) setBusy(false);
    }
  };

  const ticked = useMemo(
    () => (search ? search.hits.filter((h) => !left.has(keyOf(h))) : []),
    [search, left],
  );
  const shownDomains = useMemo(() => {
    const q = domainQuery.trim().toLowerCase();
    return q ? domains.filter((d) => d.name.toLowerCase().includes(q)) : domains;
  }, [domains, domainQuery]);

  const apply = async (): Promise<void> => {
    if (!ticked.length || !chosen.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.autocodeApply({
        hits: ticked.map((h) => ({ docId: h.docId, start: h.start, end: h.end })),
        domainIds: chosen,
      });
      setResult(r);
      setSearch(null);
      setStatus(`Autocode: ${r.created} claims created, ${r.updated} updated ✓ · Ctrl+Z undoes`, 'ok');
    } catch (e) {
      setError(`Nothing was tagged: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // The preview shows exactly what will be tagged: a new unit searches again rather than guessing the spans here.
  const changeUnit = (next: { unit: AutocodeUnit; words: number }): void => {
    setUnit(next.unit);
    setWords(next.words);
    if (search) void run(next);
  };

  const toggleHit = (k: string): void =>
    setLeft((s) => {
      const n = new Set(s);
      if (!n.delete(k)) n.add(k);
      return n;
    });

  return (
    <aside ref={panel} className="autocode" role="dialog" aria-label="Autocode" tabIndex={-1}>
      <header className="ac-head">
        <h2>Autocode</h2>
        <button type="button" className="icon" aria-label="Close autocode" onClick={props.onClose}>
          ×
        </button>
      </header>
      <form
        className="ac-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="ac-row">
          <input
            ref={patternRef}
            aria-label="Pattern"
            placeholder={regex ? 'Regular expression, e.g. train(ing|ed)' : 'Word or phrase'}
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            Find
          </button>
        </div>
        <div className="ac-options">
          <label>
            <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />{' '}
            Whole words
          </label>
          <label>
            <input
              type="checkbox"
              checked={caseSensitive}
              onChange={(e) => setCaseSensitive(e.target.checked)}
            />{' '}
            Match case
          </label>
          <label>
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> Regular
            expression
          </label>
        </div>
        <div className="ac-options" role="radiogroup" aria-label="Scope">
          <label title={openDoc ? openDoc.title : 'Open a document in the Reader first'}>
            <input
              type="radio"
              name="ac-scope"
              checked={scope === 'doc'}
              disabled={!openDoc}
              onChange={() => setScope('doc')}
            />{' '}
            This document
          </label>
          <label>
            <input
              type="radio"
              name="ac-scope"
              checked={scope === 'corpus'}
              onChange={() => setScope('corpus')}
            />{' '}
            Whole corpus ({documents.length} documents)
          </label>
        </div>
        <div className="ac-options" role="radiogroup" aria-label="Each claim is">
          <span className="label">Each claim is</span>
          {(Object.keys(UNIT_LABELS) as AutocodeUnit[]).map((u) => (
            <label key={u}>
              <input
                type="radio"
                name="ac-unit"
                checked={unit === u}
                onChange={() => changeUnit({ unit: u, words })}
              />{' '}
              {UNIT_LABELS[u]}
              {u === 'words' && (
                <input
                  type="number"
                  className="ac-words"
                  aria-label="Words each side"
                  min={1}
                  max={500}
                  value={words}
                  onChange={(e) => {
                    const n = Math.min(500, Math.max(1, Math.floor(Number(e.target.value) || 1)));
                    changeUnit({ unit: 'words', words: n });
                  }}
                />
              )}
            </label>
          ))}
        </div>
      </form>
      {error && (
        <p className="error ac-message" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="ac-message ok" role="status">
          Tagged: {result.created} {result.created === 1 ? 'claim' : 'claims'} created, {result.updated}{' '}
          updated
          {result.unchanged ? `, ${result.unchanged} already tagged` : ''}. Ctrl+Z undoes the whole step.
        </p>
      )}
      {search && (
        <>
          <div className="ac-summary">
            <label>
              <input
                type="checkbox"
                aria-label="Tick all hits"
                checked={left.size === 0 && search.hits.length > 0}
                ref={(el) => {
                  if (el) el.indeterminate = left.size > 0 && left.size < search.hits.length;
                }}
                onChange={() => setLeft(left.size === 0 ? new Set(search.hits.map(keyOf)) : new Set())}
              />{' '}
              <span aria-label="Hit count">
                {search.total.toLocaleString()} {search.total === 1 ? 'hit' : 'hits'} in {search.documents}{' '}
                {search.documents === 1 ? 'document' : 'documents'}
              </span>
            </label>
            {search.truncated && (
              <span className="badge warn">showing the first {search.hits.length.toLocaleString()}</span>
            )}
          </div>
          {unit !== 'hit' && search.hits.length > 0 && (
            <p className="ac-message muted" aria-label="Claims to make">
              {search.hits.length.toLocaleString()} {unitNoun(unit, search.hits.length)} will be tagged
              {search.merged
                ? `: ${search.merged.toLocaleString()} ${search.merged === 1 ? 'hit shares its' : 'hits share their'} ${unitNoun(unit, 1)} with another hit, one claim each`
                : ''}
              .
            </p>
          )}
          <ol className="ac-hits" aria-label="Hits">
            {search.hits.map((h, i) => {
              const k = keyOf(h);
              return (
                <li key={k} className={left.has(k) ? 'left' : undefined}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!left.has(k)}
                      aria-label={`Hit in ${h.docTitle} at ${h.start}`}
                      onChange={() => toggleHit(k)}
                    />
                    <span className="ac-context">
                      {(i === 0 || search.hits[i - 1].docId !== h.docId) && (
                        <span className="ac-doc">{h.docTitle}</span>
                      )}
                      <AutocodePassage hit={h} />
                      {h.claimId !== null && (
                        <span
                          className="badge"
                          title="This exact passage is already a claim: it gains the domains"
                        >
                          claim
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
            {search.hits.length === 0 && (
              <li className="muted">No hit. Try without whole words, or another spelling.</li>
            )}
          </ol>
          <div className="ac-domains">
            <span className="label">Tag with</span>
            <input
              type="search"
              aria-label="Filter domains"
              placeholder="Filter domains"
              value={domainQuery}
              onChange={(e) => setDomainQuery(e.target.value)}
            />
            <ul aria-label="Autocode domains">
              {shownDomains.map((d) => (
                <li key={d.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(d.id)}
                      onChange={() =>
                        setChosen((c) => (c.includes(d.id) ? c.filter((x) => x !== d.id) : [...c, d.id]))
                      }
                    />
                    <span className="swatch" style={{ background: d.color }} />
                    {d.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
          <div className="ac-actions">
            <span className="muted">
              {chosen.length === 0
                ? 'Choose at least one domain.'
                : `${chosen.length} domain${chosen.length === 1 ? '' : 's'}`}
            </span>
            <button
              type="button"
              className="primary"
              disabled={busy || ticked.length === 0 || chosen.length === 0}
              onClick={() => void apply()}
            >
              Tag {ticked.length.toLocaleString()} {unitNoun(unit, ticked.length)}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
