import { useState, type ReactNode } from 'react';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';

/** "Sets from attribute": one document set per value of the chosen attribute ("Country: Chile", …). */
export function SetsFromAttribute(props: { attributes: { id: number; name: string }[] }): ReactNode {
  const { setStatus } = useProject();
  const [attributeId, setAttributeId] = useState('');
  if (props.attributes.length === 0) return null;
  const make = async (): Promise<void> => {
    const attr = props.attributes.find((a) => String(a.id) === attributeId);
    if (!attr) return;
    try {
      const sets = await api.createSetsFromAttribute({ attributeId: attr.id });
      setStatus(`${sets.length} ${sets.length === 1 ? 'set' : 'sets'} made from ${attr.name} ✓`, 'ok');
    } catch (e) {
      setStatus(`No sets were made from ${attr.name}: ${errorMessage(e)}`, 'error');
    }
  };
  return (
    <div className="sets-from-attribute" role="group" aria-label="Sets from an attribute">
      <select
        aria-label="Attribute to make sets from"
        value={attributeId}
        onChange={(e) => setAttributeId(e.target.value)}
      >
        <option value="">Sets from attribute…</option>
        {props.attributes.map((a) => (
          <option key={a.id} value={String(a.id)}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="button" disabled={!attributeId} onClick={() => void make()}>
        One set per value
      </button>
    </div>
  );
}
