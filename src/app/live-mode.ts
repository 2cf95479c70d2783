/**
 * While tokens are being generated, panels out of view skip style, layout and paint
 * (`content-visibility: auto` under `html.live`, app.css): each token then costs what is on screen
 * (bench/panels.ts: paint 46 → 20 ms, longest task 25–28 → 16–20 ms per token). A moment after the
 * last token the class goes, so the whole page is rendered again — for printing, full-page
 * screenshots and find-in-page.
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
    if (running) document.documentElement.classList.add('live');
    else timer = setTimeout(() => document.documentElement.classList.remove('live'), SETTLE_MS);
  });
}
