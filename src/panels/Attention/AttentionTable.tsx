/**
 * The selected query's attention for screen readers: a visually hidden table of the keys it may
 * see and their weights. One row of the map rather than all T×T cells — it follows the linked
 * selection, reads in a sensible order, and keeps the per-token update small (a full 64×64 table
 * was ~4,000 DOM nodes re-rendered per generated token). The whole matrix is in the CSV export.
 */
import { memo, useMemo } from 'react';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store/store';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { slot, withData } from '../shared/withData';
import { showToken } from './attentionData';

interface Props {
  caption: string;
  tokens: string[];
  matrix: Float32Array;
  query: number;
}

export const AttentionTable = memo(function AttentionTable({ caption, tokens, matrix, query }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang); // the weights are written in it
  // The row as text now (the matrix may go back to the worker before the table shows it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang: the weights are written in it.
  const now = useMemo(() => {
    const T = tokens.length;
    const q = Math.min(Math.max(0, query), T - 1);
    const rows = Array.from({ length: q + 1 }, (_, k) => ({
      k,
      token: showToken(tokens[k]),
      weight: fixed(matrix[q * T + k], 3),
    }));
    return { q, token: showToken(tokens[q] ?? ''), rows };
  }, [tokens, matrix, query, lang]);
  const { q, token, rows } = useIdleWhileLive(now);
  return (
    <table className="sr-only" data-testid="attention-table">
      <caption>
        {withData(t('attention.tableCaption', { caption, query: q, token: slot('token') }), { token })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('attention.keyPosition')}</th>
          <th scope="col">{t('attention.keyToken')}</th>
          <th scope="col">{t('attention.weight')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.k}>
            <th scope="row">{r.k}</th>
            <td translate="no">{r.token}</td>
            <td>{r.weight}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
