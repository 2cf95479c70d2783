/**
 * The logit lens for screen readers: at the selected position, each layer's top guesses with their
 * probabilities. One column of the grid (it follows the linked selection) rather than every
 * layer × position cell: it reads in order, and a generated token re-renders ~30 cells, not ~350.
 * The whole grid is in the CSV export.
 */
import { memo, useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { slot, withData } from '../shared/withData';
import { type LensGrid, pct } from './lensCells';

export const LensTable = memo(function LensTable(props: { grid: LensGrid; position: number }) {
  const t = useT();
  const now = useMemo(() => ({ grid: props.grid, position: props.position }), [props.grid, props.position]);
  const { grid, position } = useIdleWhileLive(now);
  const pos = Math.min(Math.max(0, position), grid.T - 1);
  const col = grid.cols[pos];
  return (
    <table className="sr-only" data-testid="logit-lens-table">
      <caption>
        {withData(t('logitLens.tableCaption', { pos, token: slot('token') }), { token: col?.label ?? '' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('logitLens.tableLayer')}</th>
          <th scope="col">{t('logitLens.tableTop')}</th>
          <th scope="col">{t('logitLens.tableOthers')}</th>
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r) => {
          const c = grid.cells[r.layer * grid.T + pos];
          return (
            <tr key={r.layer}>
              <th scope="row">{r.label}</th>
              <td>
                <span translate="no">{c.text}</span> {pct(c.prob)}
                {c.correct ? ' ✓' : ''}
                {c.prediction ? t('logitLens.tablePrediction') : ''}
              </td>
              <td translate="no">
                {c.top
                  .slice(1)
                  .map((g) => `${g.text} ${pct(g.prob)}`)
                  .join(t('logitLens.listSeparator'))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
