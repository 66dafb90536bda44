import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { EXPORT_FORMAT_INFO, type ExportFormat, type QdpxPositions } from '../../../../shared/api/exports';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { deliverDownload } from '../../api/download';
import { useProject } from '../../components/ProjectContext';
import { Exchange } from './Exchange';
import { FilterPanel } from './FilterPanel';
import { PositionsChoice } from './PositionsChoice';
import {
  activeFilterCount,
  type ExportFilters,
  type FilterOptions,
  filterInput,
  NO_FILTERS,
  plural,
} from './filters';
import './export.css';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type Counts = MethodOutput<'countExcerpts'>;

/** What the count of an exported file means, format by format. */
const COUNT_WORDS: Record<ExportFormat, readonly [string, string]> = {
  csv: ['row', 'rows'],
  xlsx: ['row', 'rows'],
  w3c: ['annotation', 'annotations'],
  md: ['excerpt', 'excerpts'],
  html: ['excerpt', 'excerpts'],
  docx: ['excerpt', 'excerpts'],
  qdpx: ['coded passage', 'coded passages'],
  qdc: ['code', 'codes'],
};

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** The live count beside the filters, in the words of the chosen format. */
function CountLine(props: { format: ExportFormat; counts: Counts | null; codes: number }): ReactNode {
  const { format, counts } = props;
  if (format === 'qdc') return <>{plural(props.codes, 'code')} in the codebook (filters do not apply)</>;
  if (!counts) return <>Counting…</>;
  if (counts.claims === 0) return <>Nothing matches these filters</>;
  const head = (
    <>
      <strong>{plural(counts.claims, 'excerpt')}</strong> from{' '}
      <strong>{plural(counts.documents, 'document')}</strong>
    </>
  );
  if (format === 'csv' || format === 'xlsx')
    return (
      <span title="One row per excerpt and domain">
        {head} · {plural(counts.rows, 'row')}
      </span>
    );
  if (format === 'md' || format === 'html' || format === 'docx')
    return (
      <span title="An excerpt with several domains appears under each of them">
        {head} · {plural(counts.rows, 'entry', 'entries')}
      </span>
    );
  return head;
}

/** The reports, which can carry the memos. */
const REPORT_FORMATS: ReadonlySet<ExportFormat> = new Set(['md', 'html', 'docx']);

/** Tagged excerpts in every format the analysts' other tools read, with the same filters for all. */
export function ExportView(): ReactNode {
  const { domains, setStatus, project } = useProject();
  const version = useChangeVersion(DEPENDS.grid);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [filters, setFilters] = useState<ExportFilters>(NO_FILTERS);
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [bom, setBom] = useState(true);
  const [withMemos, setWithMemos] = useState(false);
  const [positions, setPositions] = useState<QdpxPositions>('codepoints');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = EXPORT_FORMAT_INFO.find((f) => f.format === format) ?? EXPORT_FORMAT_INFO[0];
  const input = useMemo(() => filterInput(filters), [filters]);

  useEffect(() => {
    let live = true;
    api
      .getExportFilterOptions({})
      .then((o) => live && setOptions(o))
      .catch((e: unknown) => live && setError(`The filters could not be loaded: ${errorMessage(e)}`));
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    let live = true;
    // A short pause so that ticking several boxes in a row asks once.
    const timer = setTimeout(() => {
      api
        .countExcerpts(input)
        .then((c) => live && setCounts(c))
        .catch((e: unknown) => live && setError(`The excerpts could not be counted: ${errorMessage(e)}`));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, version]);

  const run = async (): Promise<void> => {
    setBusy(true);
    setDone(null);
    setError(null);
    setStatus(`Exporting ${info.label}…`);
    try {
      // The file comes as a download of its own, not inside the answer: the core streams it from disk.
      const file = await api.prepareExportDownload({
        format,
        ...(info.filters ? input : {}),
        bom: format === 'csv' ? bom : undefined,
        positions: format === 'qdpx' ? positions : undefined,
        memos: REPORT_FORMATS.has(format) ? withMemos : undefined,
      });
      const delivered = await deliverDownload(file);
      if (!delivered.saved) {
        setStatus('Export cancelled: nothing was saved');
        return;
      }
      const [one, many] = COUNT_WORDS[format];
      const what = `${plural(file.count, one, many)}, `;
      const where = delivered.path ? ` to ${delivered.path}` : '';
      const message = `Exported “${file.fileName}”${where}: ${what}${sizeOf(file.size)}`;
      setDone(message);
      setStatus(`${message} ✓`, 'ok');
    } catch (e) {
      const text = `The ${info.label} export failed: ${withoutFinalStop(errorMessage(e))}. Nothing was saved.`;
      setError(text);
      setStatus(text, 'error');
    } finally {
      setBusy(false);
    }
  };

  const active = activeFilterCount(filters);
  return (
    <div className="export">
      <div className="view-head">
        <div>
          <h1>Export</h1>
          <p className="muted">
            Tagged excerpts with exact citations (positions in Unicode code points), for a spreadsheet, a
            report or another tool. Tick nothing in a group to include all of it.
          </p>
        </div>
      </div>

      <div className="export-main">
        <fieldset className="format-list">
          <legend>Format</legend>
          {EXPORT_FORMAT_INFO.map((f) => (
            <label key={f.format} className={f.format === format ? 'format current' : 'format'}>
              <input
                type="radio"
                name="export-format"
                value={f.format}
                aria-label={f.label}
                aria-describedby={`format-${f.format}`}
                checked={f.format === format}
                onChange={() => {
                  setFormat(f.format);
                  setDone(null);
                }}
              />
              <span className="format-text">
                <span className="format-label">{f.label}</span>
                <span className="format-ext">.{f.extension}</span>
                <span className="format-desc muted" id={`format-${f.format}`}>
                  {f.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="export-side">
          <FilterPanel value={filters} onChange={setFilters} options={options} disabled={!info.filters} />
          {format === 'qdpx' && <PositionsChoice value={positions} onChange={setPositions} />}
          <div className="export-bar">
            {format === 'csv' && (
              <label
                className="check"
                title="A UTF-8 byte-order mark, so that Excel reads accents and other scripts right"
              >
                <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                BOM for Excel
              </label>
            )}
            {REPORT_FORMATS.has(format) && (
              <label
                className="check"
                title="The project's memos, and those on the documents and claims quoted"
              >
                <input type="checkbox" checked={withMemos} onChange={(e) => setWithMemos(e.target.checked)} />
                Include memos
              </label>
            )}
            <span className="export-count" aria-live="polite" data-testid="export-count">
              <CountLine format={format} counts={counts} codes={domains.length} />
            </span>
            {active > 0 && info.filters && (
              <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
                clear {plural(active, 'filter')}
              </button>
            )}
            <button type="button" className="primary" disabled={busy || !project} onClick={() => void run()}>
              {busy ? 'Exporting…' : `Export ${info.label}`}
            </button>
          </div>
          {done && (
            <p className="confirm" role="status" aria-label="Export result">
              ✓ {done}
            </p>
          )}
          {error && (
            <p className="error-box" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>

      <Exchange />
    </div>
  );
}
