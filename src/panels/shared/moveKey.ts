/** The keys every see-inside chart shares for the linked selection: ← → step, Home/End jump. */

/** ←/→/Home/End → the next selected position in a context of T tokens, or null for other keys. */
export function moveKey(key: string, selected: number | null, T: number): number | null {
  const at = Math.min(Math.max(0, selected ?? T - 1), T - 1);
  if (key === 'ArrowLeft') return Math.max(0, selected === null ? T - 1 : at - 1);
  if (key === 'ArrowRight') return Math.min(T - 1, selected === null ? T - 1 : at + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return T - 1;
  return null;
}
