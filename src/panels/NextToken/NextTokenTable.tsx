/** The chart's numbers for screen readers: candidates × rules, and each rule's pick with the shared u. */
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { formatProb, type NextTokenView } from './nextTokenData';

export function NextTokenTable(props: { view: NextTokenView }) {
  const t = useT();
  const view = useIdleWhileLive(props.view);
  return (
    <table className="sr-only" data-testid="next-token-table">
      <caption>{t('nextToken.tableCaption', { u: fixed(view.u, 3) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('nextToken.tableToken')}</th>
          {view.rules.map((r) => (
            <th key={r.id} scope="col">
              {r.label} ({r.detail})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row, rank) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: by rank, so a new token's candidates reuse the rows (nothing in a row has state).
          <tr key={rank}>
            <th scope="row" translate="no">
              {row.text}
            </th>
            {row.probs.map((p, i) => (
              <td key={view.rules[i].id}>{p > 0 ? formatProb(p) : t('nextToken.cut')}</td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('nextToken.pickedWithU')}</th>
          {view.rules.map((r) => (
            <td key={r.id} translate="no">
              {view.rows.find((row) => row.id === r.pick)?.text ?? r.pick}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
