/**
 * What a screen-reader table shows while tokens stream: the newest value a moment later, once the
 * page is idle, in a commit (and so a frame) of its own rather than in the token's — where laying
 * out the visually hidden tables was the largest single part of the frame (bench/NOTES.md,
 * "Session 8"). Otherwise, and as soon as the stream settles, the value as it is.
 * Hand it plain data only, never a view of an inspection's arrays: those may go back to the worker
 * before the page is idle (store/held-inspections).
 */
import { useEffect, useState } from 'react';
import { useStore } from '../../store/store';
import { whenIdle } from '../../viz/whenIdle';

/** How late a table may be, at most, on a page that never idles. */
const LATEST_MS = 200;

export function useIdleWhileLive<T>(value: T): T {
  const live = useStore((s) => s.live);
  const [shown, setShown] = useState(value);
  // Not live: follow at once, adjusting the state during this render (no second commit).
  if (!live && shown !== value) setShown(value);
  useEffect(() => {
    if (live && shown !== value) return whenIdle(() => setShown(value), LATEST_MS);
  }, [live, shown, value]);
  return live ? shown : value;
}
