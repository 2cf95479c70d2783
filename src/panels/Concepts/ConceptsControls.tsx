/** Which cell to explain (layer, head, key) and the softmax temperature. */
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
  return (
    <div className={styles.controls}>
      <label>
        Layer
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
        Head
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
        Key position
        <select
          data-testid="concepts-key"
          value={p.keyChoice ?? 'auto'}
          onChange={(e) => p.onKey(e.currentTarget.value === 'auto' ? null : Number(e.currentTarget.value))}
        >
          <option value="auto">most attended</option>
          {range(p.position + 1).map((k) => (
            <option key={k} value={k}>
              {k}: {p.tokens[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Temperature <output className={styles.num}>{p.temperature.toFixed(2)}</output>
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
