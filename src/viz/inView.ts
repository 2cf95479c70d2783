/**
 * Which charts are on screen, from one shared IntersectionObserver (no layout reads). Charts in
 * view redraw in the next frame; charts out of view redraw right after, in a task of their own,
 * so a generated token's frame only pays for what the user can see (bench/panels.ts).
 */
const MARGIN = '0px'; // just below the fold draws ~30 ms later anyway

const seen = new WeakMap<Element, boolean>();
/** Called when a watched element comes (back) into view: what was put off can happen now. */
const entered = new WeakMap<Element, () => void>();
let io: IntersectionObserver | null = null;

function observer(): IntersectionObserver | null {
  if (typeof IntersectionObserver !== 'function') return null;
  io ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const was = seen.get(e.target);
        seen.set(e.target, e.isIntersecting);
        if (e.isIntersecting && was === false) entered.get(e.target)?.();
      }
    },
    { rootMargin: MARGIN },
  );
  return io;
}

/** Start tracking `el` (calling `onEnter` each time it scrolls into view); returns the function that stops it. */
export function watchInView(el: Element, onEnter?: () => void): () => void {
  const o = observer();
  o?.observe(el);
  if (onEnter) entered.set(el, onEnter);
  return () => {
    o?.unobserve(el);
    seen.delete(el);
    entered.delete(el);
  };
}

/** Was `el` on screen at the last report? True before the first one (draw eagerly when unsure). */
export function inView(el: Element | null): boolean {
  return el === null || (seen.get(el) ?? true);
}
