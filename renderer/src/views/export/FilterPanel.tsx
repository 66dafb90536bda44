import { useState, type ReactNode } from 'react';
import { useProject } from '../../components/ProjectContext';
import { type ExportFilters, type FilterOptions, type Reliability, toggled } from './filters';
import { SetChips } from '../sets/SetChips';

const RELIABILITY_HINT: Record<Reliability, string> = {
  A: 'A — completely reliable',
  B: 'B — usually reliable',
  C: 'C — fairly reliable',
  D: 'D — not usually reliable',
  E: 'E — unreliable',
  F: 'F — reliability cannot be judged',
};
const CREDIBILITY_HINT = [
  '',
  '1 — confirmed by other sources',
  '2 — probably true',
  '3 — possibly true',
  '4 — doubtful',
  '5 — improbable',
  '6 — truth cannot be judged',
];

function Legend(props: { name: string; chosen: number; onClear: () => void }): ReactNode {
  return (
    <legend>
      {props.name} <span className="muted">{props.chosen ? `${props.chosen} chosen` : 'all'}</span>
      {props.chosen > 0 && (
        <button
          type="button"
          className="link"
          onClick={props.onClear}
          aria-label={`Clear: all ${props.name.toLowerCase()}`}
        >
          clear
        </button>
      )}
    </legend>
  );
}

/** The export filters: ticking nothing in a group means everything in it. */
export function FilterPanel(props: {
  value: ExportFilters;
  onChange: (next: ExportFilters) => void;
  options: FilterOptions | null;
  disabled: boolean;
}): ReactNode {
  const { documents, domains } = useProject();
  const { value: f, onChange, options } = props;
  const [docQuery, setDocQuery] = useState('');
  const set = (patch: Partial<ExportFilters>): void => onChange({ ...f, ...patch });
  const q = docQuery.trim().toLowerCase();
  const shownDocs = q ? documents.filter((d) => d.title.toLowerCase().includes(q)) : documents;
  const graded = options && (options.reliability.length > 0 || options.credibility.length > 0);

  return (
    <fieldset className="filter-panel" disabled={props.disabled} aria-label="Filters">
      <SetChips value={f.setIds ?? []} onChange={(setIds) => set({ setIds })} />
      <div className="filter-lists">
        <fieldset className="filter-group">
          <Legend name="Domains" chosen={f.domainIds.length} onClear={() => set({ domainIds: [] })} />
          <div className="filter-scroll">
            {domains.map((d) => (
              <label key={d.id} className="check" style={{ paddingLeft: d.parentId ? 16 : 0 }}>
                <input
                  type="checkbox"
                  aria-label={d.name}
                  checked={f.domainIds.includes(d.id)}
                  onChange={() => set({ domainIds: toggled(f.domainIds, d.id) })}
                />
                <span className="swatch" style={{ background: d.color }} />
                <span className="name">{d.name}</span>
                <span className="count">{d.claims}</span>
              </label>
            ))}
            {domains.length === 0 && <p className="muted">The codebook is empty.</p>}
          </div>
        </fieldset>
        <fieldset className="filter-group">
          <Legend name="Documents" chosen={f.docIds.length} onClear={() => set({ docIds: [] })} />
          {documents.length > 8 && (
            <input
              type="search"
              className="filter-find"
              placeholder="Find a document…"
              aria-label="Find a document to export"
              value={docQuery}
              onChange={(e) => setDocQuery(e.target.value)}
            />
          )}
          <div className="filter-scroll">
            {shownDocs.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  aria-label={d.title}
                  checked={f.docIds.includes(d.id)}
                  onChange={() => set({ docIds: toggled(f.docIds, d.id) })}
                />
                <span className="name">{d.title}</span>
                <span className="count">{d.claims}</span>
              </label>
            ))}
            {documents.length === 0 && <p className="muted">No documents yet.</p>}
            {documents.length > 0 && shownDocs.length === 0 && <p className="muted">No document matches.</p>}
          </div>
        </fieldset>
      </div>

      <div className="filter-rows">
        {options?.attributes.map((a) => {
          const chosen = f.attributes[a.id] ?? [];
          return (
            <fieldset key={a.id} className="filter-row">
              <Legend
                name={a.name}
                chosen={chosen.length}
                onClear={() => set({ attributes: { ...f.attributes, [a.id]: [] } })}
              />
              <div className="filter-chips">
                {a.values.map((v) => (
                  <label key={v} className="filter-chip">
                    <input
                      type="checkbox"
                      aria-label={v}
                      checked={chosen.includes(v)}
                      onChange={() => set({ attributes: { ...f.attributes, [a.id]: toggled(chosen, v) } })}
                    />
                    {v}
                  </label>
                ))}
                {a.values.length === 0 && <span className="muted">no values set</span>}
              </div>
            </fieldset>
          );
        })}
        <fieldset className="filter-row">
          <Legend name="Analysts" chosen={f.analysts.length} onClear={() => set({ analysts: [] })} />
          <div className="filter-chips">
            {options?.analysts.map((name) => (
              <label key={name} className="filter-chip">
                <input
                  type="checkbox"
                  aria-label={name}
                  checked={f.analysts.includes(name)}
                  onChange={() => set({ analysts: toggled(f.analysts, name) })}
                />
                {name}
              </label>
            ))}
            {options && options.analysts.length === 0 && (
              <span className="muted">No claim names its analyst yet.</span>
            )}
          </div>
        </fieldset>
        <fieldset className="filter-row">
          <Legend
            name="Grading"
            chosen={f.reliability.length + f.credibility.length}
            onClear={() => set({ reliability: [], credibility: [] })}
          />
          <div className="filter-chips">
            {options?.reliability.map((r) => (
              <label key={r} className="filter-chip" title={RELIABILITY_HINT[r]}>
                <input
                  type="checkbox"
                  aria-label={`Reliability ${r}`}
                  checked={f.reliability.includes(r)}
                  onChange={() => set({ reliability: toggled(f.reliability, r) })}
                />
                {r}
              </label>
            ))}
            {options && options.reliability.length > 0 && options.credibility.length > 0 && (
              <span className="filter-chip-gap" />
            )}
            {options?.credibility.map((c) => (
              <label key={c} className="filter-chip" title={CREDIBILITY_HINT[c]}>
                <input
                  type="checkbox"
                  aria-label={`Credibility ${c}`}
                  checked={f.credibility.includes(c)}
                  onChange={() => set({ credibility: toggled(f.credibility, c) })}
                />
                {c}
              </label>
            ))}
            {options && !graded && <span className="muted">No claim is graded yet.</span>}
          </div>
        </fieldset>
      </div>
    </fieldset>
  );
}
