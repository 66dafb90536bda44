import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';

/** Codebook templates: save this project's codebook as one, or add a template's domains to this codebook. */
export function Templates(props: { onClose: () => void }): ReactNode {
  const { setStatus } = useProject();
  const [list, setList] = useState<MethodOutput<'listTemplates'>>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api
      .listTemplates({})
      .then(setList)
      .catch((e: unknown) => setMessage({ text: errorMessage(e), error: true }));
  }, [reload]);

  const save = async (overwrite = false): Promise<void> => {
    const n = name.trim();
    if (!n) return;
    try {
      const r = await api.saveCodebookTemplate({ name: n, overwrite });
      setMessage({ text: `Saved “${r.name}” with ${r.domains} domains.`, error: false });
      setName('');
      setReload((x) => x + 1);
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  };

  const apply = async (): Promise<void> => {
    if (!chosen) return;
    try {
      const r = await api.applyCodebookTemplate({ name: chosen });
      const n = r.created.length;
      const text = `Applied “${chosen}”: ${n} ${n === 1 ? 'domain' : 'domains'} added, ${r.existing.length} already there.`;
      setMessage({ text, error: false });
      setStatus(text, 'ok');
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  };

  return (
    <div
      className="cb-templates"
      role="dialog"
      aria-label="Codebook templates"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <span className="label">Save this codebook as a template</span>
        <div className="cb-inline">
          <input
            aria-label="Template name"
            placeholder="Template name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
      <div>
        <span className="label">Apply a template (adds its domains)</span>
        <div className="cb-inline">
          <select aria-label="Template" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose…</option>
            {list.map((t) => (
              <option key={t.name} value={t.name} title={t.description}>
                {t.name} · {t.domains} domains{t.builtIn ? ' · built in' : ''}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} onClick={() => void apply()}>
            Apply
          </button>
        </div>
      </div>
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
          {message.error && /exists/i.test(message.text) && name.trim() && (
            <button type="button" className="link" onClick={() => void save(true)}>
              {' '}
              Replace it
            </button>
          )}
        </p>
      )}
    </div>
  );
}
