import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../../../shared/api';
import { normalizeByline, readableDate } from '../../../../shared/metadata';

/**
 * The Library's documents as a plain table while its grid (ag-grid, loaded on demand) is on its way: the first
 * paint shows what the analyst came for, and the grid replaces it in place a moment later.
 */
export function PlainTable(props: { rows: DocumentSummary[] }): ReactNode {
  const rows = [...props.rows].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <div className="grid-host plain-library" aria-busy="true">
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Source</th>
            <th>Author</th>
            <th>Date</th>
            <th className="num">Words</th>
            <th className="num">Claims</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 200).map((d) => (
            <tr key={d.id}>
              <td>{d.title}</td>
              <td>{d.source}</td>
              <td>{normalizeByline(d.author)}</td>
              <td>{readableDate(d.published)}</td>
              <td className="num">{d.words.toLocaleString()}</td>
              <td className="num">{d.claims}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
