import { useState, type ReactNode } from 'react';
import { useProject } from '../../components/ProjectContext';
import { setLibrarySet, useLibrarySet, useSets } from './useSets';
import './sets.css';

/** The left column's document sets, under Documents: a click shows the set's documents in the Library. */
export function SetsSection(): ReactNode {
  const { sets } = useSets();
  const { navigate } = useProject();
  const current = useLibrarySet();
  const [open, setOpen] = useState(true);
  return (
    <section className="side-section sets-section" aria-labelledby="sets-head">
      <div className="side-head">
        <button
          type="button"
          id="sets-head"
          className="link side-toggle"
          aria-expanded={open}
          aria-controls="sets-list"
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} Sets
        </button>
        <span className="count">{sets.length}</span>
      </div>
      {open &&
        (sets.length ? (
          <ul className="side-list" id="sets-list" aria-label="Document sets">
            {sets.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={s.id === current ? 'current' : undefined}
                  aria-pressed={s.id === current}
                  title={`${s.name}: ${s.docCount} documents${s.description ? `\n${s.description}` : ''}`}
                  onClick={() => {
                    setLibrarySet(s.id === current ? null : s.id);
                    navigate({ view: 'library' });
                  }}
                >
                  <span className="name">{s.name}</span>
                  <span className="count" aria-label={`${s.docCount} documents`}>
                    {s.docCount}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted pad" id="sets-list">
            No sets yet: select documents in the Library and choose Add to set….
          </p>
        ))}
    </section>
  );
}
