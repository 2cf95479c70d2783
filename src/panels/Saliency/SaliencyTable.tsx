/** The attributions as a table for screen readers. */
import { memo } from 'react';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { slot, withData } from '../shared/withData';
import { methodLabel, type SaliencyView } from './saliencyBars';

export const SaliencyTable = memo(function SaliencyTable(props: { view: SaliencyView }) {
  const t = useT();
  const view = useIdleWhileLive(props.view);
  return (
    <table className="sr-only" data-testid="saliency-table">
      <caption>
        {withData(
          t('saliency.tableCaption', {
            method: methodLabel(view.method),
            pos: view.prediction.position,
            token: slot('token'),
          }),
          { token: view.prediction.text },
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('saliency.tablePosition')}</th>
          <th scope="col">{t('saliency.tableToken')}</th>
          <th scope="col">{t('saliency.tableScore')}</th>
        </tr>
      </thead>
      <tbody>
        {view.bars.map((b) => (
          <tr key={b.pos}>
            <td>{b.pos}</td>
            <td translate="no">{b.label}</td>
            <td>
              {b.future ? t('saliency.futureZero') : fixed(b.score, 4)}
              {b.output ? t('saliency.tableOutput') : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
