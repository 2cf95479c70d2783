/**
 * Saved models' validation curves, overlaid on the loss chart to compare: each converted with
 * its OWN tokens per character (a BPE model's nats per token mean nothing next to a char
 * model's), coloured from a colour-blind-safe set the current model's series do not use.
 * Pure: store curves in, drawable lines, hover hits and words out.
 */
import { formatNumber, t } from '../../i18n/i18n';
import type { CompareCurve } from '../../store/store';
import { OKABE_ITO } from '../../viz';
import { formatLossIn, nearestIndex, type Pt, toUnits, type Units } from './lossSeries';

/** One compared model, ready to draw: its validation loss at each evaluation, in the chart's units. */
export interface CompareLine {
  id: string;
  name: string;
  color: string;
  /** Dash pattern, only once the colours run out, so no two overlays look alike. */
  dash?: string;
  /** Finite values only, in step order; never empty. */
  points: Pt[];
}

/** An overlay's value near the hovered step, for the crosshair. */
export interface CompareHover {
  id: string;
  name: string;
  color: string;
  step: number;
  value: number;
}

/** Okabe–Ito without blue and vermillion (the current model's train and validation colours). */
export const COMPARE_COLORS: readonly string[] = [
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];
const COMPARE_DASHES = [undefined, '2 3', '8 3 2 3'];

/** The i-th overlay's look: colours first, then the same colours dashed. */
export function compareStyle(i: number): { color: string; dash?: string } {
  const n = COMPARE_COLORS.length;
  const dash = COMPARE_DASHES[Math.floor(i / n) % COMPARE_DASHES.length];
  return dash ? { color: COMPARE_COLORS[i % n], dash } : { color: COMPARE_COLORS[i % n] };
}

/**
 * Store curves → drawable lines in `units`, each with its own tokens per character. Styles
 * follow the position in `curves` (so a curve keeps its colour while others load); curves
 * with no finite evaluation are skipped.
 */
export function compareLines(curves: readonly CompareCurve[], units: Units): CompareLine[] {
  const out: CompareLine[] = [];
  curves.forEach((c, i) => {
    const points = c.evals
      .map((e) => ({ step: e.step, value: toUnits(e.val, units, c.tokensPerChar) }))
      .filter((p) => Number.isFinite(p.value))
      .sort((a, b) => a.step - b.step);
    if (points.length > 0) out.push({ id: c.id, name: c.name, ...compareStyle(i), points });
  });
  return out;
}

/** Every overlay's evaluation steps, sorted and unique (keyboard stops when the current model has none). */
export function compareSteps(lines: readonly CompareLine[]): number[] {
  const steps = new Set<number>();
  for (const l of lines) for (const p of l.points) steps.add(p.step);
  return [...steps].sort((a, b) => a - b);
}

/** Each overlay's evaluation nearest `step`, if within half that overlay's gap between evaluations. */
export function compareAt(lines: readonly CompareLine[], step: number): CompareHover[] {
  const out: CompareHover[] = [];
  for (const l of lines) {
    const pts = l.points;
    const p =
      pts[
        nearestIndex(
          pts.map((q) => q.step),
          step,
        )
      ];
    const near =
      pts.length < 2
        ? Number.POSITIVE_INFINITY
        : (pts[pts.length - 1].step - pts[0].step) / (pts.length - 1) / 2;
    if (Math.abs(p.step - step) <= Math.max(1, near)) {
      out.push({ id: l.id, name: l.name, color: l.color, step: p.step, value: p.value });
    }
  }
  return out;
}

/** The words for screen readers: each compared model's last validation loss, in bits per character. */
export function summarizeCompare(curves: readonly CompareCurve[]): string {
  const parts: string[] = [];
  for (const line of compareLines(curves, 'bits')) {
    const last = line.points[line.points.length - 1];
    parts.push(
      t('loss.compareModel', {
        name: line.name,
        value: formatLossIn(last.value, 'bits'),
        step: formatNumber(last.step),
      }),
    );
  }
  return parts.length ? t('loss.compareSummary', { models: parts.join('; ') }) : '';
}
