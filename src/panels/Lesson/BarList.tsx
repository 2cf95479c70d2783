/** Candidates as large horizontal bars (token, bar, percentage), the first one or a chosen one highlighted. */
import { formatNumber } from '../../i18n/i18n';
import styles from './Lesson.module.css';
import { type Candidate, visible } from './lessonMath';

export function percent(p: number): string {
  return formatNumber(p, { style: 'percent', maximumFractionDigits: p < 0.1 ? 1 : 0 });
}

export function BarList({
  items,
  vocab,
  focus,
  dim,
}: {
  items: Candidate[];
  vocab: string[];
  /** The id to highlight (default: the first). */
  focus?: number;
  /** Ids shown faded (out of a rule's kept set). */
  dim?: (id: number) => boolean;
}) {
  const max = Math.max(1e-9, ...items.map((c) => c.p));
  const lit = focus ?? items[0]?.id;
  return (
    <ol className={styles.bars}>
      {items.map((c) => (
        <li
          key={c.id}
          className={`${c.id === lit ? styles.focus : ''} ${dim?.(c.id) ? styles.dim : ''}`}
          data-token={vocab[c.id]}
        >
          <span className={styles.tok} translate="no">
            {visible(vocab[c.id] ?? '?')}
          </span>
          <span className={styles.meter}>
            <span style={{ width: `${(100 * c.p) / max}%` }} />
          </span>
          <span className={styles.num}>{percent(c.p)}</span>
        </li>
      ))}
    </ol>
  );
}
