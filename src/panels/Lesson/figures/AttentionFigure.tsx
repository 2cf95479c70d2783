/**
 * Stop 4: where the last token looks. Arcs from it to every earlier token, as thick as the
 * attention weight, on the model's own attention; and one cell's numbers: q·k, q·k/√d, softmax.
 */
import { useState } from 'react';
import { fixed } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { useStore } from '../../../store/store';
import styles from '../Lesson.module.css';
import { attentionRow, visible } from '../lessonMath';
import { useLesson } from '../lessonState';
import { PromptField } from '../PromptField';
import { useLive } from '../useLive';
import { Waiting } from './Waiting';

const CELL = 34; // px per token column

function Choice({
  label,
  count,
  value,
  set,
}: {
  label: string;
  count: number;
  value: number;
  set: (v: number) => void;
}) {
  return (
    <label className={styles.choice}>
      <span>{label}</span>
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: layers and heads are numbered
          <option key={i} value={i}>
            {i + 1}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AttentionFigure() {
  const t = useT();
  const prompt = useLesson((s) => s.prompt);
  const nLayer = useStore((s) => s.model?.n_layer ?? 1);
  const nHead = useStore((s) => s.model?.n_head ?? 1);
  const [layer, setLayer] = useState(0);
  const [head, setHead] = useState(0);
  const l = Math.min(layer, nLayer - 1);
  const h = Math.min(head, nHead - 1);
  const { data } = useLive(() => actions().lesson.attention(prompt, l, h), `${prompt}|${l}|${h}`);
  if (!data)
    return (
      <>
        <PromptField />
        <Waiting />
      </>
    );
  const { result, cell } = data;
  const T = result.ids.length;
  const row = attentionRow(result.attention, result.n_head, T, l, h, T - 1);
  const width = T * CELL;
  const x = (i: number) => i * CELL + CELL / 2;
  const d = cell.q.length;
  return (
    <>
      <PromptField />
      <div className={styles.row}>
        <Choice label={t('lesson.fig.layer')} count={nLayer} value={l} set={setLayer} />
        <Choice label={t('lesson.fig.head')} count={nHead} value={h} set={setHead} />
      </div>
      <figure>
        <figcaption>{t('lesson.fig.lastLooksAt', { token: visible(result.tokens[T - 1]) })}</figcaption>
        <div translate="no">
          <svg
            className={styles.arcs}
            viewBox={`0 0 ${width} 150`}
            role="img"
            aria-label={t('lesson.fig.lastLooksAt', { token: visible(result.tokens[T - 1]) })}
          >
            {Array.from(row, (w, j) => {
              const r = (x(T - 1) - x(j)) / 2;
              return (
                <path
                  // biome-ignore lint/suspicious/noArrayIndexKey: one arc per key position
                  key={j}
                  d={`M ${x(T - 1)} 112 A ${r} ${Math.min(r, 100)} 0 0 0 ${x(j)} 112`}
                  className={j === cell.keyPosition ? styles.arcFocus : styles.arc}
                  strokeWidth={1 + 14 * w}
                  opacity={0.15 + 0.85 * w}
                />
              );
            })}
            <g>
              {result.tokens.map((tok, j) => (
                <text
                  // biome-ignore lint/suspicious/noArrayIndexKey: one label per position
                  key={j}
                  x={x(j)}
                  y={138}
                  textAnchor="middle"
                  className={j === T - 1 || j === cell.keyPosition ? styles.svgFocus : styles.svgTok}
                >
                  {visible(tok)}
                </text>
              ))}
            </g>
          </svg>
        </div>
        <h4>{t('lesson.fig.cell')}</h4>
        <p className={`${styles.math} ${styles.focus}`}>
          <span translate="no">
            “{visible(result.tokens[T - 1])}” → “{visible(result.tokens[cell.keyPosition])}”
          </span>{' '}
          · {t('lesson.fig.qk')} = <b>{fixed(cell.dot, 2)}</b> · {t('lesson.fig.scaled', { d })} ={' '}
          <b>{fixed(cell.scaled, 2)}</b> · {t('lesson.fig.weight')} ={' '}
          <b data-testid="lesson-weight">{fixed(cell.weight, 3)}</b>
        </p>
      </figure>
    </>
  );
}
