/** The chart's numbers for screen readers: candidates × rules, and each rule's pick with the shared u. */
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { formatProb, type NextTokenView } from './nextTokenData';

export function NextTokenTable(props: { view: NextTokenView }) {
  const view = useIdleWhileLive(props.view);
  return (
    <table className="sr-only" data-testid="next-token-table">
      <caption>
        Next-token probability under each sampling rule; one shared draw u = {view.u.toFixed(3)}
      </caption>
      <thead>
        <tr>
          <th scope="col">token</th>
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
            <th scope="row">{row.text}</th>
            {row.probs.map((p, i) => (
              <td key={view.rules[i].id}>{p > 0 ? formatProb(p) : 'cut'}</td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">picked with u</th>
          {view.rules.map((r) => (
            <td key={r.id}>{view.rows.find((row) => row.id === r.pick)?.text ?? r.pick}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
