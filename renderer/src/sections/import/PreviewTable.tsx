import type { ReactNode } from 'react';

/** The first rows of a file as read (decoded, split), with an optional cell above each column (the mapping). */
export function PreviewTable({
  columns,
  rows,
  headExtra,
}: {
  columns: string[];
  rows: string[][];
  headExtra?: (column: string, index: number) => ReactNode;
}) {
  return (
    <div className="preview-scroll" tabIndex={0} role="region" aria-label="File preview, scrollable">
      <table className="preview-table" aria-label="File preview">
        <thead>
          <tr>
            <th>#</th>
            {columns.map((c, i) => (
              <th key={`${c}-${i}`}>
                {c}
                {headExtra && <div>{headExtra(c, i)}</div>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="muted">{i + 1}</td>
              {columns.map((_c, j) => (
                <td key={j} title={r[j] ?? ''}>
                  {r[j] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
