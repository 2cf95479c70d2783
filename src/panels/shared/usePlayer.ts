/** Play / pause for generation: while playing, one token every STEP_MS (or as fast as steps finish). */
import { useEffect, useState } from 'react';
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
