import { useState, type ReactNode } from 'react';
import { api } from '../../api/client';

/** A one-line form that creates a domain (at the top level or under a parent). */
export function NewDomain(props: {
  parentId: number | null;
  onDone: () => void;
  edit: (what: string, call: () => Promise<unknown>) => Promise<boolean>;
}): ReactNode {
  const [name, setName] = useState('');
  const submit = async (): Promise<void> => {
    const n = name.trim();
    if (!n) return props.onDone();
    if (
      await props.edit(`Domain ${n} created`, () => api.createDomain({ name: n, parentId: props.parentId }))
    )
      props.onDone();
  };
  return (
    <form
      className="cb-new"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        autoFocus
        aria-label="New domain name"
        placeholder={props.parentId === null ? 'New domain name' : 'Sub-domain name'}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onDone()}
      />
      <button type="submit" className="primary">
        Add
      </button>
    </form>
  );
}
