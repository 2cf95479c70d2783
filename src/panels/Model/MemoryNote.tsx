/**
 * The warning before a configuration will not fit (or is near what this device allows), from the
 * same verdict the engine refuses to train with (model/memory-fit.ts).
 */
import { type MemoryVerdict, memoryMessage } from '../../model/memory-fit';
import styles from './MemoryNote.module.css';

export function MemoryNote({ verdict }: { verdict: MemoryVerdict | null }) {
  if (!verdict || verdict.level === 'fits') return null;
  return (
    <p className={styles[verdict.level]} data-testid="model-memory-warning" data-level={verdict.level}>
      {memoryMessage(verdict)}
    </p>
  );
}
