import { useState, type FormEvent, type ReactNode } from 'react';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';

/** "Create set from this search": every document the search matches, not only the ones listed. */
export function SetFromSearch(props: { query: string; total: number }): ReactNode {
  const { setStatus } = useProject();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      const s = await api.createSetFromSearch({ name, query: props.query });
      setStatus(`Set “${s.name}” created with ${s.docCount} documents ✓`, 'ok');
      setNaming(false);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!naming)
    return (
      <button
        type="button"
        className="link set-from-search"
        onClick={() => {
          setName(props.query);
          setNaming(true);
        }}
      >
        Create set from this search ({props.total.toLocaleString()} documents)
      </button>
    );
  return (
    <form
      className="set-from-search-form"
      onSubmit={(e) => void submit(e)}
      aria-label="New set from this search"
    >
      <label className="field">
        <span>Set name</span>
        <input
          autoFocus
          value={name}
          required
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setNaming(false);
            }
          }}
        />
      </label>
      <button type="submit" className="primary">
        Create set
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
