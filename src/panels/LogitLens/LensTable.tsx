/** The logit lens as a table for screen readers: layer × position, top token and probability. */
import { memo } from 'react';
import { type LensGrid, pct } from './lensCells';

export const LensTable = memo(function LensTable({ grid }: { grid: LensGrid }) {
  return (
    <table className="sr-only" data-testid="logit-lens-table">
      <caption>
        Logit lens: the top next-token guess and its probability at each layer (rows) and position (columns);
        a check mark means the guess is the actual next token.
      </caption>
      <thead>
        <tr>
          <th scope="col">layer</th>
          {grid.cols.map((c) => (
            <th scope="col" key={c.pos}>
              {c.pos} {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r) => (
          <tr key={r.layer}>
            <th scope="row">{r.label}</th>
            {grid.cols.map((col) => {
              const c = grid.cells[r.layer * grid.T + col.pos];
              return (
                <td key={col.pos}>
                  {c.text} {pct(c.prob)}
                  {c.correct ? ' ✓' : ''}
                  {c.prediction ? ' (prediction)' : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
