/**
 * The loss chart's controls (smoothing, log scale, units) and its legend, which doubles as
 * series toggles and lists the compared models (not toggles: pick them in "My models").
 */
import { useId } from 'react';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import type { CompareLine } from './compareSeries';
import styles from './Loss.module.css';
import type { SeriesVisibility, Units } from './lossSeries';
import { SERIES, SERIES_ORDER, type SeriesId, type SeriesStyle, seriesLabel } from './series';

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

interface ControlsProps extends Props {
  /** Why the units are fixed (models are being compared), or undefined when the person may choose. */
  unitsLocked?: string;
}

export function LossControls({ view, onChange, unitsLocked }: ControlsProps) {
  const t = useT();
  const unitsName = useId();
  return (
    <div className={styles.controls}>
      <label className="inline-control">
        <span>{t('loss.smoothing')}</span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          data-testid="loss-smoothing"
          onChange={(e) => onChange({ smoothing: Number(e.currentTarget.value) })}
        />
        <output className={styles.num}>{fixed(view.smoothing, 2)}</output>
      </label>
      <label className="inline-control">
        <input
          type="checkbox"
          checked={view.log}
          data-testid="loss-log"
          onChange={(e) => onChange({ log: e.currentTarget.checked })}
        />
        <span>{t('loss.logScale')}</span>
      </label>
      <fieldset className={styles.units} disabled={unitsLocked !== undefined} title={unitsLocked}>
        <legend>{t('loss.units')}</legend>
        {(['nats', 'bits'] as Units[]).map((u) => (
          <label key={u} className="inline-control" title={unitsLocked}>
            <input
              type="radio"
              name={unitsName}
              value={u}
              checked={view.units === u}
              data-testid={`loss-units-${u}`}
              onChange={() => onChange({ units: u })}
            />
            <span>{u === 'nats' ? t('loss.unitNats') : t('loss.unitBits')}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

interface LegendProps extends Props {
  compare?: readonly CompareLine[];
}

export function LossLegend({ view, onChange, compare = [] }: LegendProps) {
  const t = useT();
  const toggle = (id: SeriesId) => onChange({ visible: { ...view.visible, [id]: !view.visible[id] } });
  return (
    <ul className={styles.legend} aria-label={t('loss.legend')}>
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
            {seriesLabel(id)}
          </button>
        </li>
      ))}
      {compare.map((c) => (
        <li key={`compare-${c.id}`}>
          <span className={styles.compareItem} data-testid={`loss-compare-${c.id}`} translate="no">
            <Swatch s={{ color: c.color, width: 2, opacity: 1, dash: c.dash, marker: 'circle' }} />
            {c.name}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A legend key in HTML (the panel holds exactly one svg, the chart): line, dash and marker as the chart draws them. */
function Swatch({ s }: { s: Omit<SeriesStyle, 'id'> }) {
  return (
    <span className={styles.swatch} aria-hidden="true">
      {s.width > 0 && (
        <span
          className={styles.swatchLine}
          style={{
            borderTop: `${s.width}px ${s.dash ? 'dashed' : 'solid'} ${s.color}`,
            opacity: Math.max(s.opacity, 0.45),
          }}
        />
      )}
      {s.marker !== 'none' && (
        <span
          className={s.marker === 'circle' ? styles.swatchCircle : styles.swatchDiamond}
          style={s.marker === 'circle' ? { background: s.color } : { borderColor: s.color }}
        />
      )}
    </span>
  );
}
