/** The attributions as a table for screen readers. */
import { memo } from 'react';
import { useIdleWhileLive } from '../shared/useIdleWhileLive';
import { METHOD_LABEL, type SaliencyView } from './saliencyBars';

export const SaliencyTable = memo(function SaliencyTable(props: { view: SaliencyView }) {
  const view = useIdleWhileLive(props.view);
  return (
    <table className="sr-only" data-testid="saliency-table">
      <caption>
        {METHOD_LABEL[view.method]} attribution of each context token to the prediction '
        {view.prediction.text}' after position {view.prediction.position}
      </caption>
      <thead>
        <tr>
          <th scope="col">position</th>
          <th scope="col">token</th>
          <th scope="col">score</th>
        </tr>
      </thead>
      <tbody>
        {view.bars.map((b) => (
          <tr key={b.pos}>
            <td>{b.pos}</td>
            <td>{b.label}</td>
            <td>
              {b.future ? 'future (0 by causality)' : b.score.toFixed(4)}
              {b.output ? ' (output position)' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
