/**
 * Whether tokens are streaming, or did a moment ago: the store's `live` (and `html.live`, for
 * tests and tools). While live, panels out of view do not render new tokens at all
 * (panels/shared/useInspection) and the screen-reader tables follow a moment later
 * (panels/shared/useIdleWhileLive): each token then costs what is on screen (bench/panels.ts;
 * bench/NOTES.md, session 8). SETTLE_MS after the last token, everything catches up.
 */
import { useStore } from '../store/store';

const SETTLE_MS = 1500;

export function followGeneration(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let was = false;
  useStore.subscribe((s) => {
    const running = s.generation.running;
    if (running === was) return;
    was = running;
    clearTimeout(timer);
    if (running) {
      document.documentElement.classList.add('live');
      useStore.setState({ live: true });
    } else
      timer = setTimeout(() => {
        useStore.setState({ live: false });
        document.documentElement.classList.remove('live');
      }, SETTLE_MS);
  });
}
