/**
 * "Watch a head learn": a time scrubber over the attention snapshots recorded at evaluation
 * steps while training (on a fixed probe text), with play/pause and a way back to live.
 */
import { useEffect, useRef, useState } from 'react';
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
        Train to record snapshots: the model's attention on a probe text is saved at every evaluation, so you
        can watch a head learn.
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
      <legend className="sr-only">Attention while training</legend>
      <button
        type="button"
        onClick={play}
        aria-pressed={playing}
        data-testid="attention-play"
        aria-label={playing ? 'Pause' : 'Play the training snapshots'}
      >
        {playing ? '❚❚ pause' : '▶ play'}
      </button>
      <input
        type="range"
        min={0}
        max={n - 1}
        step={1}
        value={at}
        aria-label="Training step of the attention snapshot"
        aria-valuetext={`step ${history[at]?.step ?? 0}`}
        data-testid="attention-scrubber"
        onChange={(e) => {
          setPlaying(false);
          onChange(Number(e.currentTarget.value));
        }}
      />
      <span className={styles.stepLabel} data-testid="attention-step-label" aria-live="polite">
        {live ? 'live' : `step ${history[at].step}`}
      </span>
      <button
        type="button"
        aria-pressed={live}
        disabled={!hasLive}
        title={hasLive ? 'Back to the current text' : 'Generate or inspect a text to see live attention'}
        data-testid="attention-live"
        onClick={() => {
          setPlaying(false);
          onChange(null);
        }}
      >
        live
      </button>
    </fieldset>
  );
}
