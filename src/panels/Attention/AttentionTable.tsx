/**
 * The selected query's attention for screen readers: a visually hidden table of the keys it may
 * see and their weights. One row of the map rather than all T×T cells — it follows the linked
 * selection, reads in a sensible order, and keeps the per-token update small (a full 64×64 table
 * was ~4,000 DOM nodes re-rendered per generated token). The whole matrix is in the CSV export.
 */
import { memo } from 'react';
import { showToken } from './attentionData';

interface Props {
  caption: string;
  tokens: string[];
  matrix: Float32Array;
  query: number;
}

export const AttentionTable = memo(function AttentionTable({ caption, tokens, matrix, query }: Props) {
  const T = tokens.length;
  const q = Math.min(Math.max(0, query), T - 1);
  const keys = Array.from({ length: q + 1 }, (_, k) => k);
  return (
    <table className="sr-only" data-testid="attention-table">
      <caption>
        {caption}: how much query {q} '{showToken(tokens[q] ?? '')}' attends to each earlier token (later keys
        are masked; the whole matrix is in the CSV export).
      </caption>
      <thead>
        <tr>
          <th scope="col">key position</th>
          <th scope="col">key token</th>
          <th scope="col">weight</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{showToken(tokens[k])}</td>
            <td>{matrix[q * T + k].toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
