/** The loss chart's controls (smoothing, log scale, units) and its legend, which doubles as series toggles. */
import { useId } from 'react';
import styles from './Loss.module.css';
import type { SeriesVisibility, Units } from './lossSeries';
import { SERIES, SERIES_ORDER, type SeriesId, type SeriesStyle } from './series';

export interface LossView {
  smoothing: number;
  log: boolean;
  units: Units;
  visible: SeriesVisibility;
}

interface Props {
  view: LossView;
  onChange: (patch: Partial<LossView>) => void;
}

export function LossControls({ view, onChange }: Props) {
  const unitsName = useId();
  return (
    <div className={styles.controls}>
      <label className={styles.control}>
        <span>Smoothing</span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          data-testid="loss-smoothing"
          onChange={(e) => onChange({ smoothing: Number(e.currentTarget.value) })}
        />
        <output className={styles.num}>{view.smoothing.toFixed(2)}</output>
      </label>
      <label className={styles.control}>
        <input
          type="checkbox"
          checked={view.log}
          data-testid="loss-log"
          onChange={(e) => onChange({ log: e.currentTarget.checked })}
        />
        <span>Log scale</span>
      </label>
      <fieldset className={styles.units}>
        <legend>Units</legend>
        {(['nats', 'bits'] as Units[]).map((u) => (
          <label key={u} className={styles.control}>
            <input
              type="radio"
              name={unitsName}
              value={u}
              checked={view.units === u}
              data-testid={`loss-units-${u}`}
              onChange={() => onChange({ units: u })}
            />
            <span>{u === 'nats' ? 'nats' : 'bits/char'}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function LossLegend({ view, onChange }: Props) {
  const toggle = (id: SeriesId) => onChange({ visible: { ...view.visible, [id]: !view.visible[id] } });
  return (
    <ul className={styles.legend} aria-label="Legend (press to show or hide a series)">
      {SERIES_ORDER.map((id) => (
        <li key={id}>
          <button
            type="button"
            className={styles.legendItem}
            aria-pressed={view.visible[id]}
            data-testid={`loss-series-${id}`}
            onClick={() => toggle(id)}
          >
            <Swatch s={SERIES[id]} />
            {SERIES[id].label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Swatch({ s }: { s: SeriesStyle }) {
  return (
    <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden="true" className={styles.swatch}>
      {s.width > 0 && (
        <line
          x1={-13}
          x2={13}
          stroke={s.color}
          strokeWidth={s.width}
          strokeOpacity={Math.max(s.opacity, 0.45)}
          strokeDasharray={s.dash}
        />
      )}
      {s.marker === 'circle' && <circle r={4.5} fill={s.color} />}
      {s.marker === 'diamond' && (
        <path d="M0,-5.5L4,0L0,5.5L-4,0Z" fill="var(--panel-bg, #fff)" stroke={s.color} strokeWidth={2} />
      )}
    </svg>
  );
}
