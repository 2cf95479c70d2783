/** The top-k guesses for one logit lens cell, shown on hover or on Enter. */
import { useT } from '../../i18n/useT';
import styles from './LogitLens.module.css';
import { type LensCell, type LensGrid, pct } from './lensCells';
import type { TipPlace } from './lensLayout';

interface Props {
  cell: LensCell;
  grid: LensGrid;
  place: TipPlace;
}

export function LensTooltip({ cell, grid, place }: Props) {
  const t = useT();
  const col = grid.cols[cell.pos];
  const next = cell.next === null ? null : grid.cols[cell.pos + 1];
  const max = Math.max(cell.top[0]?.prob ?? 1, 1e-6);
  return (
    <div
      className={styles.tip}
      style={{
        left: place.left,
        top: place.top,
        transform: place.side === 'left' ? 'translateX(-100%)' : undefined,
      }}
      role="tooltip"
      data-testid="logit-lens-tooltip"
    >
      <div className={styles.tipHead}>
        <b>{grid.rows[cell.layer].label}</b> · {t('logitLens.tipPosition', { pos: cell.pos })}{' '}
        <code translate="no">{col.label}</code>
        <br />
        {next ? (
          <>
            {t('logitLens.tipNext')} <code translate="no">{next.label}</code>
          </>
        ) : (
          t('logitLens.tipGuess')
        )}
      </div>
      <ol>
        {cell.top.map((c) => (
          <li key={c.id}>
            <span className={styles.cand} translate="no">
              {c.text}
            </span>
            <span className={styles.bar} style={{ width: `${(c.prob / max) * 100}%` }} />
            <span className={styles.num}>{pct(c.prob)}</span>
            <span title={c.id === cell.next ? t('logitLens.tipCorrect') : undefined}>
              {c.id === cell.next ? '✓' : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
