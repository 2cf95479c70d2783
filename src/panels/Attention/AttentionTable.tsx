/** The selected head's matrix for screen readers: a visually hidden table, queries by keys. */
import { memo } from 'react';
import { showToken } from './attentionData';

interface Props {
  caption: string;
  tokens: string[];
  matrix: Float32Array;
}

export const AttentionTable = memo(function AttentionTable({ caption, tokens, matrix }: Props) {
  const T = tokens.length;
  const name = (i: number) => `${i} '${showToken(tokens[i])}'`;
  return (
    <table className="sr-only" data-testid="attention-table">
      <caption>{caption}. Rows are query tokens, columns key tokens; later keys are masked.</caption>
      <thead>
        <tr>
          <th scope="col">query \ key</th>
          {tokens.map((_, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity here.
            <th key={k} scope="col">
              {name(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tokens.map((_, q) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity here.
          <tr key={q}>
            <th scope="row">{name(q)}</th>
            {tokens.map((_, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity here.
              <td key={k}>{k > q ? 'masked' : matrix[q * T + k].toFixed(3)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
