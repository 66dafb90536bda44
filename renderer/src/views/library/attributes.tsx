import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ColDef, NewValueParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import type { MethodOutput } from '../../../../shared/api';
import type { DocumentRow } from '../../../../shared/api/documentPage';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_NUMBER_FILTERS, ATTRIBUTE_TEXT_FILTERS } from './libraryQuery';

type AttributeValue = string | number;
export type Attribute = MethodOutput<'listAttributes'>[number];

/**
 * The attributes (names and types) the Library shows as columns, reloaded when they change. Their values come
 * with each page of rows (pageDocuments), never as a table of every document.
 */
export function useAttributes(): { attributes: Attribute[]; reload: () => void } {
  const version = useChangeVersion({ tables: ['attributes', 'document_attributes'] });
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .listAttributes({})
      .then((a) => live && setAttributes(a))
      .catch(() => live && setAttributes([]));
    return () => {
      live = false;
    };
  }, [version, tick]);
  return { attributes, reload: () => setTick((t) => t + 1) };
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
 * One editable column per attribute, its values from the page's rows. Values are saved through the core, which
 * checks them against the type and answers with the stored (normal) form; a refused value is reported and the
 * cell shows the old one. Sorting and filtering are the core's (the grid's models go to pageDocuments).
 */
export function attributeColumns(
  attributes: Attribute[],
  onSave: (docId: number, name: string, value: AttributeValue | null) => Promise<void>,
): ColDef<DocumentRow>[] {
  return attributes.map((a) => ({
    colId: `${ATTRIBUTE_COLUMN}${a.name}`,
    headerName: a.name,
    headerTooltip: `${a.name} (${a.type}) · double-click a cell to edit`,
    editable: true,
    cellEditor: EDITOR[a.type],
    filter: FILTER[a.type],
    filterParams: {
      filterOptions: a.type === 'number' ? ATTRIBUTE_NUMBER_FILTERS : ATTRIBUTE_TEXT_FILTERS,
      maxNumConditions: 1,
    },
    cellDataType: a.type === 'number' ? 'number' : a.type === 'date' ? 'dateString' : 'text',
    ...(a.type === 'number'
      ? { type: 'rightAligned', cellClass: 'ag-right-aligned-cell num attr-cell' }
      : { cellClass: 'attr-cell' }),
    width: a.type === 'text' ? 160 : 120,
    valueGetter: (p: ValueGetterParams<DocumentRow>) => p.data?.values[a.name],
    valueSetter: (p: ValueSetterParams<DocumentRow>) => {
      if (!p.data) return false;
      const v = p.newValue as AttributeValue | null | undefined;
      if (v === null || v === undefined || v === '') delete p.data.values[a.name];
      else p.data.values[a.name] = v;
      return true;
    },
    onCellValueChanged: (p: NewValueParams<DocumentRow>) => {
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
