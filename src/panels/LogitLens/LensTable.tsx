/**
 * The logit lens for screen readers: at the selected position, each layer's top guesses with their
 * probabilities. One column of the grid (it follows the linked selection) rather than every
 * layer × position cell: it reads in order, and a generated token re-renders ~30 cells, not ~350.
 * The whole grid is in the CSV export.
 */
import { memo, useMemo } from 'react';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { type LensGrid, pct } from './lensCells';

export const LensTable = memo(function LensTable(props: { grid: LensGrid; position: number }) {
  const now = useMemo(() => ({ grid: props.grid, position: props.position }), [props.grid, props.position]);
  const { grid, position } = useIdleWhileLive(now);
  const pos = Math.min(Math.max(0, position), grid.T - 1);
  const col = grid.cols[pos];
  return (
    <table className="sr-only" data-testid="logit-lens-table">
      <caption>
        Logit lens at position {pos} '{col?.label}': what each layer would predict next, top guesses first; a
        check mark means the guess is the actual next token (the whole grid is in the CSV export).
      </caption>
      <thead>
        <tr>
          <th scope="col">layer</th>
          <th scope="col">top guess</th>
          <th scope="col">other guesses</th>
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r) => {
          const c = grid.cells[r.layer * grid.T + pos];
          return (
            <tr key={r.layer}>
              <th scope="row">{r.label}</th>
              <td>
                {c.text} {pct(c.prob)}
                {c.correct ? ' ✓' : ''}
                {c.prediction ? ' (prediction)' : ''}
              </td>
              <td>
                {c.top
                  .slice(1)
                  .map((t) => `${t.text} ${pct(t.prob)}`)
                  .join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
