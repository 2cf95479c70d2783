/** The chart's words for screen readers: the latest evaluations as a table, visually hidden. */
import { fixed, formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import type { EvalPoint } from '../../worker/api';
import { toUnits, type Units, unitSuffix } from './lossSeries';

const ROWS = 10;

export function LossTable({
  evals,
  units,
  tokensPerChar,
}: {
  evals: EvalPoint[];
  units: Units;
  tokensPerChar: number;
}) {
  const t = useT();
  if (evals.length === 0) return <p className="sr-only">{t('loss.noEvals')}</p>;
  const fmt = (nats: number) => fixed(toUnits(nats, units, tokensPerChar), 3);
  return (
    <table className="sr-only">
      <caption>
        {t('loss.tableCaption', { count: Math.min(ROWS, evals.length), unit: unitSuffix(units) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('loss.step')}</th>
          <th scope="col">{t('loss.colTrain')}</th>
          <th scope="col">{t('loss.colVal')}</th>
        </tr>
      </thead>
      <tbody>
        {evals.slice(-ROWS).map((e) => (
          <tr key={e.step}>
            <th scope="row">{formatNumber(e.step)}</th>
            <td>{fmt(e.train)}</td>
            <td>{fmt(e.val)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
