import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ColDef, NewValueParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import type { DocumentSummary, MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type AttributeValue = string | number;
export type AttributeTable = MethodOutput<'getAttributeTable'>;
export type Attribute = AttributeTable['attributes'][number];

/** Every document's attribute values, reloaded whenever the project changes. */
export function useAttributeTable(): {
  table: AttributeTable | null;
  values: Map<number, Record<string, AttributeValue>>;
  reload: () => void;
} {
  const version = useChangeVersion(DEPENDS.attributes);
  const [table, setTable] = useState<AttributeTable | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .getAttributeTable({})
      .then((t) => live && setTable(t))
      .catch(() => live && setTable(null));
    return () => {
      live = false;
    };
  }, [version, tick]);
  const values = new Map((table?.rows ?? []).map((r) => [r.docId, r.values]));
  return { table, values, reload: () => setTick((t) => t + 1) };
}

const EDITOR = {
  text: 'agTextCellEditor',
  number: 'agNumberCellEditor',
  date: 'agDateStringCellEditor',
} as const;
const FILTER = {
  text: 'agTextColumnFilter',
  number: 'agNumberColumnFilter',
  date: 'agTextColumnFilter',
} as const;

/**
 * One editable column per attribute. Values are saved through the core, which checks them against the type
 * and answers with the stored (normal) form; a refused value is reported and the cell shows the old one.
 */
export function attributeColumns(
  attributes: Attribute[],
  values: Map<number, Record<string, AttributeValue>>,
  onSave: (docId: number, name: string, value: AttributeValue | null) => Promise<void>,
): ColDef<DocumentSummary>[] {
  return attributes.map((a) => ({
    colId: `attr:${a.name}`,
    headerName: a.name,
    headerTooltip: `${a.name} (${a.type}) · double-click a cell to edit`,
    editable: true,
    cellEditor: EDITOR[a.type],
    filter: FILTER[a.type],
    cellDataType: a.type === 'number' ? 'number' : a.type === 'date' ? 'dateString' : 'text',
    ...(a.type === 'number'
      ? { type: 'rightAligned', cellClass: 'ag-right-aligned-cell num attr-cell' }
      : { cellClass: 'attr-cell' }),
    width: a.type === 'text' ? 160 : 120,
    valueGetter: (p: ValueGetterParams<DocumentSummary>) =>
      p.data ? values.get(p.data.id)?.[a.name] : undefined,
    valueSetter: (p: ValueSetterParams<DocumentSummary>) => {
      if (!p.data) return false;
      const row = values.get(p.data.id) ?? {};
      const v = p.newValue as AttributeValue | null | undefined;
      if (v === null || v === undefined || v === '') delete row[a.name];
      else row[a.name] = v;
      values.set(p.data.id, row);
      return true;
    },
    onCellValueChanged: (p: NewValueParams<DocumentSummary>) => {
      if (!p.data) return;
      const v = p.newValue as AttributeValue | null | undefined;
      void onSave(p.data.id, a.name, v === undefined || v === '' ? null : v);
    },
  }));
}

/** Name + type, added as a new column; values come later, cell by cell (or in bulk at import). */
export function AddAttribute(props: { onAdded: (a: Attribute) => void }): ReactNode {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [type, setType] = useState<Attribute['type']>('text');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        + Attribute
      </button>
    );
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      const a = await api.defineAttribute({ name, type });
      setName('');
      setError(null);
      setOpen(false);
      props.onAdded(a);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="add-attribute" aria-label="New attribute" onSubmit={(e) => void submit(e)}>
      <input
        autoFocus
        placeholder="Attribute name, e.g. country"
        aria-label="Attribute name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <select
        aria-label="Attribute type"
        value={type}
        onChange={(e) => setType(e.target.value as Attribute['type'])}
      >
        <option value="text">text</option>
        <option value="number">number</option>
        <option value="date">date</option>
      </select>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}
