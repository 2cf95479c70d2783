/** The chart's numbers for screen readers. */
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import type { ConceptsView } from './conceptsData';

const list = (v: Float32Array) => Array.from(v, (x) => x.toFixed(3)).join(', ');

export function ConceptsTable(props: { v: ConceptsView }) {
  const v = useIdleWhileLive(props.v);
  const rows: [string, string][] = [
    ...v.embedding.map((s): [string, string] => [s.label, list(s.values)]),
    ...v.attention.map((s): [string, string] => [s.label, list(s.values)]),
    ['q·k', v.dot.toFixed(4)],
    [`q·k / √${v.hs}`, v.scaled.toFixed(4)],
    ['softmax weight', v.weight.toFixed(4)],
    ['attention map value', v.mapWeight === null ? 'not available' : v.mapWeight.toFixed(4)],
    ...v.bars.map((b): [string, string] => [`p(${b.text}) at T = ${v.temperature}`, b.p.toFixed(4)]),
    [
      'cross-entropy',
      v.loss
        ? `${v.loss.nats.toFixed(3)} nats, ${v.loss.bits.toFixed(3)} bits (true “${v.loss.trueText}”)`
        : 'no next token yet',
    ],
  ];
  return (
    <table className="sr-only" data-testid="concepts-table">
      <caption>
        Position {v.position} (“{v.tokenText}”), layer {v.layer}, head {v.head}, key {v.keyPosition}
      </caption>
      <tbody>
        {rows.map(([k, val]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{val}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
