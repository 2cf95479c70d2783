/**
 * The loss chart's data, prepared away from the DOM: unit conversion, EMA smoothing,
 * decimation to about two points per pixel, y domains (linear or log; compared models'
 * overlays count too), hover look-ups.
 */
import { fixed, formatNumber, t } from '../../i18n/i18n';
import type { EvalPoint, LossPoint } from '../../worker/api';
import type { CompareHover, CompareLine } from './compareSeries';

export type Units = 'nats' | 'bits';

export interface Pt {
  step: number;
  value: number;
}

export interface LossChartData {
  units: Units;
  /** Per-step training loss, decimated for drawing. */
  raw: Pt[];
  /** EMA-smoothed training loss, decimated for drawing. */
  smooth: Pt[];
  /** Validation loss at each evaluation. */
  val: Pt[];
  /** Training-split loss estimated at each evaluation (same batches count as val). */
  trainEst: Pt[];
  /** Full-resolution series, for exact hover read-outs. */
  steps: Float64Array;
  rawValues: Float64Array;
  smoothValues: Float64Array;
  evals: EvalPoint[];
  /** Saved models' validation curves overlaid to compare (see compareSeries), in the same units. */
  compare: CompareLine[];
  xDomain: [number, number];
  yDomain: [number, number];
  empty: boolean;
}

export interface SeriesVisibility {
  raw: boolean;
  smooth: boolean;
  val: boolean;
  trainEst: boolean;
}

export interface PrepareOptions {
  smoothing: number;
  units: Units;
  tokensPerChar: number;
  log: boolean;
  /** Most points per drawn line (about twice the plot width in pixels). */
  maxPoints: number;
  visible?: SeriesVisibility;
  /** Overlays, already in `units`; they count toward both domains. */
  compare?: readonly CompareLine[];
}

export const ALL_VISIBLE: SeriesVisibility = { raw: true, smooth: true, val: true, trainEst: true };

/** Nats per token → the chosen unit: bits per character = nats / ln 2 × tokens per character. */
export function toUnits(nats: number, units: Units, tokensPerChar: number): number {
  return units === 'bits' ? (nats / Math.LN2) * tokensPerChar : nats;
}

/** The y axis's title. */
export function unitLabel(units: Units): string {
  return units === 'bits' ? t('loss.axisBits') : t('loss.axisNats');
}

/** Short unit suffix for read-outs. */
export function unitSuffix(units: Units): string {
  return units === 'bits' ? t('loss.unitBits') : t('loss.unitNats');
}

/** A loss as read-outs write it: three decimals and the unit ("1.734 nats"). */
export function formatLossIn(value: number, units: Units): string {
  return `${fixed(value, 3)} ${unitSuffix(units)}`;
}

/**
 * TensorBoard's debiased exponential moving average: the first points are not dragged
 * toward zero. Non-finite inputs give NaN and leave the average untouched.
 */
export function ema(values: ArrayLike<number>, smoothing: number): Float64Array {
  const w = Math.min(Math.max(smoothing, 0), 0.999);
  const out = new Float64Array(values.length);
  let avg = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = Number.NaN;
      continue;
    }
    avg = avg * w + (1 - w) * v;
    n++;
    out[i] = w === 0 ? v : avg / (1 - w ** n);
  }
  return out;
}

/**
 * At most `maxPoints` points that keep the line's shape: the series is cut into buckets and
 * each bucket keeps its minimum and maximum, in step order (so spikes survive). First and
 * last points are always kept.
 */
export function decimate(steps: ArrayLike<number>, values: ArrayLike<number>, maxPoints: number): Pt[] {
  const n = steps.length;
  const out: Pt[] = [];
  const push = (i: number) => {
    if (Number.isFinite(values[i])) out.push({ step: steps[i], value: values[i] });
  };
  if (n <= Math.max(maxPoints, 4)) {
    for (let i = 0; i < n; i++) push(i);
    return out;
  }
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const size = (n - 2) / buckets;
  push(0);
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * size);
    const end = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) push(lo);
    else if (lo < hi) {
      push(lo);
      push(hi);
    } else {
      push(hi);
      push(lo);
    }
  }
  push(n - 1);
  return out;
}

/** A padded y domain over finite values; log domains stay strictly positive. */
export function lossDomain(values: Iterable<number>, log: boolean): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return log ? [1, 10] : [0, 5];
  if (log) {
    const pad = Math.max((hi / lo) ** 0.05, 1.02);
    return [lo / pad, hi * pad];
  }
  const pad = (hi - lo) * 0.05 || Math.max(Math.abs(hi) * 0.1, 0.1);
  return [Math.max(0, lo - pad), hi + pad];
}

export function prepareLossSeries(
  losses: LossPoint[],
  evals: EvalPoint[],
  opts: PrepareOptions,
): LossChartData {
  const vis = opts.visible ?? ALL_VISIBLE;
  const conv = (nats: number) => toUnits(nats, opts.units, opts.tokensPerChar);
  const n = losses.length;
  const steps = new Float64Array(n);
  const rawValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    steps[i] = losses[i].step;
    rawValues[i] = conv(losses[i].loss);
  }
  const smoothValues = ema(rawValues, opts.smoothing);
  const maxPoints = Math.max(16, Math.round(opts.maxPoints));
  const raw = decimate(steps, rawValues, maxPoints);
  const smooth = decimate(steps, smoothValues, maxPoints);
  const finite = (p: Pt) => Number.isFinite(p.value);
  const val = evals.map((e) => ({ step: e.step, value: conv(e.val) })).filter(finite);
  const trainEst = evals.map((e) => ({ step: e.step, value: conv(e.train) })).filter(finite);

  const shown: number[] = [];
  const add = (pts: Pt[]) => {
    for (const p of pts) shown.push(p.value);
  };
  if (vis.raw) add(raw);
  if (vis.smooth || !vis.raw) add(smooth);
  if (vis.val) add(val);
  if (vis.trainEst) add(trainEst);
  const compare = [...(opts.compare ?? [])];
  let lastStep = Math.max(n ? steps[n - 1] : 0, evals.length ? evals[evals.length - 1].step : 0);
  for (const c of compare) {
    add(c.points);
    lastStep = Math.max(lastStep, c.points[c.points.length - 1]?.step ?? 0);
  }

  return {
    units: opts.units,
    raw,
    smooth,
    val,
    trainEst,
    steps,
    rawValues,
    smoothValues,
    evals,
    compare,
    xDomain: [0, Math.max(lastStep, 10)],
    yDomain: lossDomain(shown, opts.log),
    empty: n === 0 && evals.length === 0 && compare.length === 0,
  };
}

/** Index of the element of a sorted array nearest to `x` (-1 when empty). */
export function nearestIndex(sorted: ArrayLike<number>, x: number): number {
  const n = sorted.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(sorted[lo - 1] - x) <= Math.abs(sorted[lo] - x)) return lo - 1;
  return lo;
}

export interface HoverValues {
  step: number;
  raw?: number;
  smooth?: number;
  /** The evaluation nearest the hovered step, in the chart's units. */
  evalAt?: { step: number; train: number; val: number };
  /** Overlays' evaluations near the hovered step (filled by the panel from compareAt). */
  compare?: CompareHover[];
}

/** What the crosshair reads out at a step: the nearest logged step and the nearest evaluation. */
export function valuesAt(data: LossChartData, step: number, tokensPerChar: number): HoverValues | null {
  const i = nearestIndex(data.steps, step);
  const evalSteps = data.evals.map((e) => e.step);
  const j = nearestIndex(evalSteps, step);
  if (i < 0 && j < 0) return null;
  const out: HoverValues = { step: i >= 0 ? data.steps[i] : evalSteps[j] };
  if (i >= 0) {
    out.raw = data.rawValues[i];
    out.smooth = data.smoothValues[i];
  }
  if (j >= 0 && (i < 0 || Math.abs(evalSteps[j] - out.step) <= nearbyEval(data))) {
    const e = data.evals[j];
    out.evalAt = {
      step: e.step,
      train: toUnits(e.train, data.units, tokensPerChar),
      val: toUnits(e.val, data.units, tokensPerChar),
    };
  }
  return out;
}

/** How far (in steps) an evaluation may be from the hovered step and still be read out: half the gap between evals. */
function nearbyEval(data: LossChartData): number {
  const ev = data.evals;
  if (ev.length < 2) return Number.POSITIVE_INFINITY;
  return Math.max(1, (ev[ev.length - 1].step - ev[0].step) / (ev.length - 1) / 2);
}

/** One sentence for screen readers: where the loss is now. */
export function summarize(
  losses: LossPoint[],
  evals: EvalPoint[],
  units: Units,
  tokensPerChar: number,
): string {
  if (losses.length === 0 && evals.length === 0) return t('loss.summaryEmpty');
  const fmt = (nats: number) => formatLossIn(toUnits(nats, units, tokensPerChar), units);
  const parts: string[] = [];
  const last = losses[losses.length - 1];
  if (last) parts.push(t('loss.summaryTraining', { value: fmt(last.loss), step: formatNumber(last.step) }));
  const ev = evals[evals.length - 1];
  if (ev) parts.push(t('loss.summaryValidation', { value: fmt(ev.val), step: formatNumber(ev.step) }));
  if (losses.length > 1) {
    const first = losses[0];
    parts.push(t('loss.summaryStart', { value: fmt(first.loss), step: formatNumber(first.step) }));
  }
  return t('loss.summary', { parts: parts.join(', ') });
}
