/**
 * The selected query's attention for screen readers: a visually hidden table of the keys it may
 * see and their weights. One row of the map rather than all T×T cells — it follows the linked
 * selection, reads in a sensible order, and keeps the per-token update small (a full 64×64 table
 * was ~4,000 DOM nodes re-rendered per generated token). The whole matrix is in the CSV export.
 */
import { memo, useMemo } from 'react';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { showToken } from './attentionData';

interface Props {
  caption: string;
  tokens: string[];
  matrix: Float32Array;
  query: number;
}

export const AttentionTable = memo(function AttentionTable({ caption, tokens, matrix, query }: Props) {
  // The row as text now (the matrix may go back to the worker before the table shows it).
  const now = useMemo(() => {
    const T = tokens.length;
    const q = Math.min(Math.max(0, query), T - 1);
    const rows = Array.from({ length: q + 1 }, (_, k) => ({
      k,
      token: showToken(tokens[k]),
      weight: matrix[q * T + k].toFixed(3),
    }));
    return { q, token: showToken(tokens[q] ?? ''), rows };
  }, [tokens, matrix, query]);
  const { q, token, rows } = useIdleWhileLive(now);
  return (
    <table className="sr-only" data-testid="attention-table">
      <caption>
        {caption}: how much query {q} '{token}' attends to each earlier token (later keys are masked; the
        whole matrix is in the CSV export).
      </caption>
      <thead>
        <tr>
          <th scope="col">key position</th>
          <th scope="col">key token</th>
          <th scope="col">weight</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.k}>
            <th scope="row">{r.k}</th>
            <td>{r.token}</td>
            <td>{r.weight}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
