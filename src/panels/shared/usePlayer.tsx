/** Play / pause for generation: while playing, one token every STEP_MS (or as fast as steps finish). */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';

const STEP_MS = 333; // ~3 tokens a second: slow enough to follow on a projector

export function usePlayer(enabled: boolean) {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing || !enabled) return;
    let cancelled = false;
    void (async () => {
      while (!cancelled) {
        const t0 = performance.now();
        await actions().generateStep();
        if (cancelled || useStore.getState().error) break; // a failed step stops the player
        await new Promise((r) => setTimeout(r, Math.max(0, STEP_MS - (performance.now() - t0))));
      }
      if (!cancelled) setPlaying(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [playing, enabled]);
  return [playing && enabled, setPlaying] as const;
}

/** Step (one token) and Play / Pause, with test ids `${prefix}-step` and `${prefix}-play`. */
export function StepPlayButtons({
  prefix,
  player,
}: {
  prefix: string;
  player: ReturnType<typeof usePlayer>;
}) {
  const t = useT();
  const [playing, setPlaying] = player;
  const hasModel = useStore((s) => s.model !== null);
  const running = useStore((s) => s.generation.running);
  return (
    <>
      <button
        type="button"
        data-testid={`${prefix}-step`}
        disabled={!hasModel || running}
        onClick={() => void actions().generateStep()}
      >
        {t('shared.step')}
      </button>
      <button
        type="button"
        data-testid={`${prefix}-play`}
        aria-pressed={playing}
        disabled={!hasModel}
        onClick={() => setPlaying((p) => !p)}
      >
        {playing ? t('shared.pause') : t('shared.play')}
      </button>
    </>
  );
}
