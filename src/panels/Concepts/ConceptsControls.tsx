/** Which cell to explain (layer, head, key) and the softmax temperature. */
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import styles from './Concepts.module.css';

interface Props {
  nLayer: number;
  nHead: number;
  layer: number;
  head: number;
  /** Query position: keys run 0..position. */
  position: number;
  tokens: string[];
  /** The chosen key, or null for the most-attended one. */
  keyChoice: number | null;
  onKey: (k: number | null) => void;
  temperature: number;
  onTemperature: (t: number) => void;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function ConceptsControls(p: Props) {
  const t = useT();
  return (
    <div className={styles.controls}>
      <label>
        {t('concepts.layer')}
        <select
          data-testid="concepts-layer"
          value={p.layer}
          onChange={(e) => actions().selectHead(Number(e.currentTarget.value), p.head)}
        >
          {range(p.nLayer).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('concepts.head')}
        <select
          data-testid="concepts-head"
          value={p.head}
          onChange={(e) => actions().selectHead(p.layer, Number(e.currentTarget.value))}
        >
          {range(p.nHead).map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('concepts.keyPosition')}
        <select
          data-testid="concepts-key"
          value={p.keyChoice ?? 'auto'}
          onChange={(e) => p.onKey(e.currentTarget.value === 'auto' ? null : Number(e.currentTarget.value))}
        >
          <option value="auto">{t('concepts.mostAttended')}</option>
          {range(p.position + 1).map((k) => (
            <option key={k} value={k} translate="no">
              {k}: {p.tokens[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('concepts.temperature')} <output className={styles.num}>{fixed(p.temperature, 2)}</output>
        <input
          type="range"
          min={0.1}
          max={3}
          step={0.05}
          value={p.temperature}
          data-testid="concepts-temperature"
          onChange={(e) => p.onTemperature(Number(e.currentTarget.value))}
        />
      </label>
    </div>
  );
}
