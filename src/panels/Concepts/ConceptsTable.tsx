/** The chart's numbers for screen readers. */
import type { ReactNode } from 'react';
import { fixed, formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { slot, withData } from '../shared/withData';
import type { ConceptsView, Strip } from './conceptsData';
import { stripName } from './drawParts';

/** A row: its React key, its header, its value. */
type Row = [string, ReactNode, ReactNode];

export function ConceptsTable(props: { v: ConceptsView }) {
  const t = useT();
  const v = useIdleWhileLive(props.v);
  const list = (values: Float32Array) =>
    Array.from(values, (x) => fixed(x, 3)).join(t('concepts.listSeparator'));
  const strip = (s: Strip): Row => {
    const { text, notation } = stripName(s);
    return [
      s.id,
      notation ? (
        <span key={s.id} translate="no">
          {text}
        </span>
      ) : (
        text
      ),
      list(s.values),
    ];
  };
  const rows: Row[] = [
    ...v.embedding.map(strip),
    ...v.attention.map(strip),
    ['dot', 'q·k', fixed(v.dot, 4)],
    ['scaled', t('concepts.tableScaled', { hs: v.hs }), fixed(v.scaled, 4)],
    ['weight', t('concepts.tableWeight'), fixed(v.weight, 4)],
    [
      'map',
      t('concepts.tableMap'),
      v.mapWeight === null ? t('concepts.notAvailable') : fixed(v.mapWeight, 4),
    ],
    ...v.bars.map(
      (b): Row => [
        `p${b.id}`,
        withData(
          t('concepts.tableProb', { temperature: formatNumber(v.temperature), token: slot('token') }),
          {
            token: b.text,
          },
        ),
        fixed(b.p, 4),
      ],
    ),
    [
      'loss',
      t('concepts.tableLoss'),
      v.loss
        ? withData(
            t('concepts.tableLossValue', {
              nats: fixed(v.loss.nats, 3),
              bits: fixed(v.loss.bits, 3),
              token: slot('token'),
            }),
            { token: v.loss.trueText },
          )
        : t('concepts.tableNoNext'),
    ],
  ];
  return (
    <table className="sr-only" data-testid="concepts-table">
      <caption>
        {withData(
          t('concepts.tableCaption', {
            pos: v.position,
            layer: v.layer,
            head: v.head,
            key: v.keyPosition,
            token: slot('token'),
          }),
          { token: v.tokenText },
        )}
      </caption>
      <tbody>
        {rows.map(([key, name, val]) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td>{val}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
