/** The chart's words for screen readers: the latest evaluations as a table, visually hidden. */
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
  if (evals.length === 0) return <p className="sr-only">No evaluations yet.</p>;
  const fmt = (nats: number) => toUnits(nats, units, tokensPerChar).toFixed(3);
  return (
    <table className="sr-only">
      <caption>
        Latest {Math.min(ROWS, evals.length)} evaluations, loss in {unitSuffix(units)}
      </caption>
      <thead>
        <tr>
          <th scope="col">step</th>
          <th scope="col">train (estimate)</th>
          <th scope="col">validation</th>
        </tr>
      </thead>
      <tbody>
        {evals.slice(-ROWS).map((e) => (
          <tr key={e.step}>
            <th scope="row">{e.step}</th>
            <td>{fmt(e.train)}</td>
            <td>{fmt(e.val)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
