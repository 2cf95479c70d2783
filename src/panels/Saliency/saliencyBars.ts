/**
 * The saliency view's data, prepared away from the DOM: which prediction is explained, each
 * context token's signed attribution (normalised for colour), which tokens lie in the future
 * (zero by causality), and the integrated-gradients completeness check.
 */
import { fixed, t } from '../../i18n/i18n';
import type { InspectResult, Saliency, SaliencyMethod } from '../../worker/api';

export type SaliencySource = Pick<
  InspectResult,
  'ids' | 'tokens' | 'vocab' | 'n_layer' | 'lensIds' | 'lensProbs' | 'lensK'
>;

/** What is being explained: the model's top prediction after `position`. */
export interface Prediction {
  position: number;
  /** Predicted token id and its (printable) text. */
  id: number;
  text: string;
  prob: number;
  /** The context token at `position`, printable. */
  after: string;
}

export interface SaliencyBar {
  pos: number;
  /** Printable token text (whitespace visible). */
  label: string;
  /** The raw token text. */
  raw: string;
  score: number;
  /** score / max |score| over the past and present tokens, in [-1, 1]. */
  norm: number;
  /** After the output position: attention is causal, so its score is 0. */
  future: boolean;
  /** The output position itself (the prediction comes after this token). */
  output: boolean;
}

export interface SaliencyView {
  prediction: Prediction;
  bars: SaliencyBar[];
  maxAbs: number;
  /** Σ of all attributions. */
  sum: number;
  logit: number;
  baselineLogit: number;
  /** logit − baseline logit: what integrated gradients' attributions should add up to. */
  delta: number;
  method: SaliencyMethod;
  steps: number;
}

const clampPos = (pos: number | null, T: number) => Math.max(0, Math.min(T - 1, pos ?? T - 1));

/** The prediction at `selected` (default: the last position): the final lens row's top token. */
export function predictionAt(r: SaliencySource, selected: number | null): Prediction {
  const T = r.ids.length;
  const position = clampPos(selected, T);
  const at = (r.n_layer * T + position) * r.lensK;
  const id = r.lensIds[at];
  return {
    position,
    id,
    text: r.vocab[id] ?? `#${id}`,
    prob: r.lensProbs[at],
    after: r.vocab[r.ids[position]] ?? r.tokens[position] ?? '',
  };
}

/** "Why does the model predict 'e' after position 12 ('h')?" */
export function saliencyQuestion(p: Prediction): string {
  return t('saliency.question', { token: p.text, pos: p.position, after: p.after });
}

export function saliencyBars(r: SaliencySource, s: Saliency, selected: number | null): SaliencyView {
  const prediction = predictionAt(r, selected);
  const { position } = prediction;
  const T = r.ids.length;
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < T; i++) {
    const v = s.scores[i] ?? 0;
    if (!Number.isFinite(v)) continue;
    sum += v;
    if (i <= position) maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const scale = maxAbs > 0 ? maxAbs : 1;
  const bars = r.ids.map((id, pos): SaliencyBar => {
    const future = pos > position;
    const raw = s.scores[pos] ?? 0;
    const score = Number.isFinite(raw) ? raw : 0;
    return {
      pos,
      label: r.vocab[id] ?? r.tokens[pos] ?? '',
      raw: r.tokens[pos] ?? '',
      score,
      norm: future ? 0 : Math.max(-1, Math.min(1, score / scale)),
      future,
      output: pos === position,
    };
  });
  return {
    prediction,
    bars,
    maxAbs,
    sum,
    logit: s.logit,
    baselineLogit: s.baselineLogit,
    delta: s.logit - s.baselineLogit,
    method: s.method,
    steps: s.steps,
  };
}

/** Three decimals as English writes them, in every language: e2e tests read the completeness line. */
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
/** Three decimals in the person's language, for what only people read. */
const l3 = (v: number) => (Number.isFinite(v) ? fixed(v, 3) : '—');

/** "Σ attributions = X vs logit − baseline = Y" (the IG completeness check). */
export function completeness(v: SaliencyView): string {
  return t('saliency.completeness', { sum: f3(v.sum), delta: f3(v.delta) });
}

/** Relative gap of the completeness check (0 = exact). */
export function completenessError(v: SaliencyView): number {
  return Math.abs(v.sum - v.delta) / Math.max(Math.abs(v.delta), 1e-6);
}

export function saliencyCsv(v: SaliencyView | null): { header: string[]; rows: (string | number)[][] } {
  return {
    header: ['position', 'token', 'score'],
    rows: v ? v.bars.map((b) => [b.pos, b.raw, Number(b.score.toPrecision(6))]) : [],
  };
}

/** The method's name in the person's language. */
export function methodLabel(method: SaliencyMethod): string {
  return method === 'grad-x-input' ? t('saliency.methodGradInput') : t('saliency.methodIntegrated');
}

/** The strongest push toward and against the prediction, by position (past and present only). */
export function strongest(v: SaliencyView): { toward: SaliencyBar | null; against: SaliencyBar | null } {
  let toward: SaliencyBar | null = null;
  let against: SaliencyBar | null = null;
  for (const b of v.bars) {
    if (b.future) continue;
    if (b.score > 0 && (!toward || b.score > toward.score)) toward = b;
    if (b.score < 0 && (!against || b.score < against.score)) against = b;
  }
  return { toward, against };
}

/** One sentence for screen readers. */
export function saliencySummary(v: SaliencyView): string {
  const { toward, against } = strongest(v);
  const parts = [
    t('saliency.summaryMethod', {
      method: methodLabel(v.method),
      token: v.prediction.text,
      pos: v.prediction.position,
    }),
  ];
  if (toward)
    parts.push(
      t('saliency.summaryToward', { token: toward.label, pos: toward.pos, score: l3(toward.score) }),
    );
  if (against)
    parts.push(
      t('saliency.summaryAgainst', { token: against.label, pos: against.pos, score: l3(against.score) }),
    );
  const future = v.bars.length - 1 - v.prediction.position;
  if (future > 0) parts.push(t('saliency.summaryFuture', { count: future }));
  return t('saliency.summaryEnd', { summary: parts.join(t('saliency.summarySeparator')) });
}
