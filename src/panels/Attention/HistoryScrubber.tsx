/**
 * "Watch a head learn": a time scrubber over the attention snapshots recorded at evaluation
 * steps while training (on a fixed probe text), with play/pause and a way back to live.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import type { AttentionSnapshot } from '../../worker/api';
import styles from './Attention.module.css';

const PLAY_MS = 600;

interface Props {
  history: AttentionSnapshot[];
  /** Index into history, or null for the live inspection. */
  index: number | null;
  onChange(index: number | null): void;
  /** Whether a live inspection exists to go back to. */
  hasLive: boolean;
}

export function HistoryScrubber({ history, index, onChange, hasLive }: Props) {
  const t = useT();
  const [playing, setPlaying] = useState(false);
  const n = history.length;
  const at = index ?? n - 1;
  const latest = useRef({ at, onChange });
  latest.current = { at, onChange };

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { at: i, onChange: set } = latest.current;
      if (i >= n - 1) setPlaying(false);
      else set(i + 1);
    }, PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, n]);

  if (n === 0)
    return (
      <p className={styles.hint} data-testid="attention-history-empty">
        {t('attention.historyEmpty')}
      </p>
    );

  const play = () => {
    if (playing) return setPlaying(false);
    if (index === null || at >= n - 1) onChange(0);
    setPlaying(true);
  };
  const live = index === null;
  return (
    <fieldset className={styles.scrubber}>
      <legend className="sr-only">{t('attention.historyLegend')}</legend>
      <button
        type="button"
        onClick={play}
        aria-pressed={playing}
        data-testid="attention-play"
        aria-label={playing ? t('attention.pauseLabel') : t('attention.playLabel')}
      >
        {playing ? t('attention.pauseButton') : t('attention.playButton')}
      </button>
      <input
        type="range"
        min={0}
        max={n - 1}
        step={1}
        value={at}
        aria-label={t('attention.scrubberLabel')}
        aria-valuetext={t('attention.whenStep', { step: history[at]?.step ?? 0 })}
        data-testid="attention-scrubber"
        onChange={(e) => {
          setPlaying(false);
          onChange(Number(e.currentTarget.value));
        }}
      />
      <span className={styles.stepLabel} data-testid="attention-step-label" aria-live="polite">
        {live ? t('attention.live') : t('attention.whenStep', { step: history[at].step })}
      </span>
      <button
        type="button"
        aria-pressed={live}
        disabled={!hasLive}
        title={hasLive ? t('attention.backToLive') : t('attention.noLive')}
        data-testid="attention-live"
        onClick={() => {
          setPlaying(false);
          onChange(null);
        }}
      >
        {t('attention.live')}
      </button>
    </fieldset>
  );
}
