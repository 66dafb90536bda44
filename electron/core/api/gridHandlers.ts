import { sharedPassagesBetween } from '../compare/compareDocuments';
import { claimGroups, queryClaims } from '../grids/claimsTable';
import { claimsTableFile } from '../grids/claimsTableExport';
import { computeCooccurrence, cooccurrenceExcerpts } from '../grids/cooccurrence';
import { cooccurrenceTable } from '../grids/cooccurrenceExport';
import { rowDimensions } from '../grids/dimensions';
import { gridFile, matrixTable, type GridFile } from '../grids/gridExport';
import { getGridState, setGridState } from '../grids/gridState';
import { computeMatrix } from '../grids/matrix';
import type { Handler } from './handlers';

type GridMethod =
  | 'getMatrix'
  | 'listRowDimensions'
  | 'getCooccurrence'
  | 'getCooccurrenceExcerpts'
  | 'queryClaims'
  | 'getClaimGroups'
  | 'getGridState'
  | 'setGridState'
  | 'exportGrid'
  | 'exportMatrix'
  | 'exportClaimsTable'
  | 'exportCooccurrence'
  | 'getSharedPassages';

const blob = (f: GridFile) => ({
  fileName: f.fileName,
  mimeType: f.mimeType,
  base64: f.bytes.toString('base64'),
});

export const gridHandlers: { [M in GridMethod]: Handler<M> } = {
  getMatrix: (p, i) => computeMatrix(p.db, { rows: i.rows, measure: i.measure }),
  listRowDimensions: (p) => rowDimensions(p.db),
  getCooccurrence: (p) => computeCooccurrence(p.db),
  getCooccurrenceExcerpts: (p, i) => cooccurrenceExcerpts(p.db, i),
  queryClaims: (p, i) => queryClaims(p.db, i),
  getClaimGroups: (p, i) => claimGroups(p.db, i),
  getGridState: (p, i) => ({ grid: i.grid, state: getGridState(p.db, i.grid) }),
  setGridState: (p, i) => {
    setGridState(p.db, i.grid, i.state);
    return { grid: i.grid };
  },
  exportGrid: async (p, i) =>
    blob(
      await gridFile({ title: i.title ?? `${p.name} grid`, columns: i.columns, rows: i.rows }, i.format, {
        bom: i.bom,
      }),
    ),
  exportMatrix: async (p, i) =>
    blob(
      await gridFile(matrixTable(computeMatrix(p.db, { rows: i.rows, measure: i.measure })), i.format, {
        bom: i.bom,
      }),
    ),
  exportClaimsTable: async (p, i) => {
    const f = await claimsTableFile(p.db, i);
    return { ...blob(f), count: f.count };
  },
  exportCooccurrence: async (p, i) =>
    blob(
      await gridFile(cooccurrenceTable(computeCooccurrence(p.db), i.kind, i.rowOrder), i.format, {
        bom: i.bom,
      }),
    ),
  getSharedPassages: (p, i) => sharedPassagesBetween(p.db, i.docA, i.docB, i.minWords),
};
