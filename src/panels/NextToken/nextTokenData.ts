/**
 * The next-token panel's numbers: the model's distribution and how each sampling rule
 * reshapes and truncates it, with one shared uniform draw u deciding every rule's pick.
 */
import { fixed, formatNumber, t } from '../../i18n/i18n';
// src/model/sample.ts and rng.ts are pure JS (no tfjs): the same code the generator samples with.
import { Rng } from '../../model/rng';
import {
  argmax,
  drawWithUniform,
  type SamplingOptions,
  samplingDistribution,
  softmax,
} from '../../model/sample';

export type RuleId = 'model' | 'greedy' | 'temperature' | 'topk' | 'topp' | 'yours';

/** When a rule is off in the settings, its column shows it at this value (marked "*": a demo value). */
export const DEMO_TOP_K = 5;
export const DEMO_TOP_P = 0.9;
export const TOP_ROWS = 10;

/** One run of the cumulative distribution, in vocab-id order as drawWithUniform walks it. */
export interface Segment {
  /** The token, or null for a run of tokens not shown as rows. */
  id: number | null;
  start: number;
  end: number;
}

export interface RuleView {
  id: RuleId;
  label: string;
  detail: string;
  dist: Float64Array;
  /** The token this rule picks with the shared u. */
  pick: number;
  /** How many tokens keep a non-zero probability. */
  kept: number;
  segments: Segment[];
}

export interface Row {
  id: number;
  text: string;
  /** Probability under each rule, in `rules` order. */
  probs: number[];
}

export interface NextTokenView {
  rules: RuleView[];
  rows: Row[];
  u: number;
  /** What the next Step appends (the "yours" rule's pick). */
  pick: number;
}

/** The uniform the next Step draws: the generator is seeded with seed + output length (generateStep). */
export function sharedUniform(seed: number, output: string): number {
  return new Rng(seed + [...output].length).next();
}

/** A probability as a percentage, "12%" / "3.4%" (the decimal in the person's language). */
const pct = (p: number) => `${fixed(p * 100, p < 0.1 ? 1 : 0)}%`;

/** A setting as JavaScript writes it (0.85, 100000), with the decimal point of the person's language. */
const setting = (v: number) => String(v).replace('.', formatNumber(1.5).charAt(1));

function ruleSpecs(s: SamplingOptions): { id: RuleId; label: string; detail: string; o: SamplingOptions }[] {
  const T = s.temperature;
  const base: SamplingOptions = { mode: 'sample', temperature: T, topK: 0, topP: 1 };
  const k = s.topK > 0 ? s.topK : DEMO_TOP_K;
  const p = s.topP < 1 ? s.topP : DEMO_TOP_P;
  const specs: { id: RuleId; detail: string; o: SamplingOptions }[] = [
    { id: 'model', detail: t('nextToken.detailT', { t: setting(1) }), o: { ...base, temperature: 1 } },
    { id: 'greedy', detail: t('nextToken.detailArgmax'), o: { ...base, mode: 'greedy' } },
    { id: 'temperature', detail: t('nextToken.detailT', { t: setting(T) }), o: base },
    {
      id: 'topk',
      detail: `${t('nextToken.detailK', { k: setting(k) })}${s.topK > 0 ? '' : '*'}`,
      o: { ...base, topK: k },
    },
    {
      id: 'topp',
      detail: `${t('nextToken.detailP', { p: setting(p) })}${s.topP < 1 ? '' : '*'}`,
      o: { ...base, topP: p },
    },
    {
      id: 'yours',
      detail: s.mode === 'greedy' ? t('nextToken.detailGreedy') : t('nextToken.detailStep'),
      o: s,
    },
  ];
  return specs.map((r) => ({ ...r, label: t(`nextToken.rules.${r.id}`) }));
}

/** The cumulative distribution as runs: shown tokens alone, everything between them merged. */
export function segments(dist: ArrayLike<number>, shown: Set<number>): Segment[] {
  const out: Segment[] = [];
  let acc = 0;
  for (let i = 0; i < dist.length; i++) {
    if (dist[i] <= 0) continue;
    const start = acc;
    acc += dist[i];
    const last = out[out.length - 1];
    if (!shown.has(i) && last && last.id === null) last.end = acc;
    else out.push({ id: shown.has(i) ? i : null, start, end: acc });
  }
  return out;
}

export function nextTokenView(
  logits: ArrayLike<number>,
  vocab: string[],
  settings: SamplingOptions,
  u: number,
  topRows = TOP_ROWS,
): NextTokenView {
  const rules: RuleView[] = ruleSpecs(settings).map(({ id, label, detail, o }) => {
    const dist = samplingDistribution(logits, o);
    const greedy = o.mode === 'greedy' || o.temperature < 1e-6;
    const pick = greedy ? argmax(logits) : drawWithUniform(dist, u);
    let kept = 0;
    for (const v of dist) if (v > 0) kept++;
    return { id, label, detail, dist, pick, kept, segments: [] };
  });
  const base = softmax(logits);
  const order = Array.from(base.keys()).sort((a, b) => base[b] - base[a] || a - b);
  const ids = new Set(order.slice(0, Math.min(topRows, order.length)));
  for (const r of rules) ids.add(r.pick);
  const shown = [...ids].sort((a, b) => base[b] - base[a] || a - b);
  for (const r of rules) r.segments = segments(r.dist, ids);
  const rows = shown.map((id) => ({
    id,
    text: vocab[id] ?? String(id),
    probs: rules.map((r) => r.dist[id]),
  }));
  return { rules, rows, u, pick: rules[rules.length - 1].pick };
}

/** One line per row for screen readers and the keyboard read-out (`token`: what stands for the row's token). */
export function describeRow(view: NextTokenView, row: Row, token = row.text): string {
  const parts = view.rules.map((r, i) =>
    t(r.pick === row.id ? 'nextToken.rowPartPicked' : 'nextToken.rowPart', {
      rule: r.label,
      p: pct(row.probs[i]),
    }),
  );
  return t('nextToken.row', { token, parts: parts.join(', ') });
}

/** CSV: every token with non-zero probability under each rule, most likely first. */
export function csvRows(view: NextTokenView, vocab: string[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const r of view.rules) {
    const ids = Array.from(r.dist.keys())
      .filter((i) => r.dist[i] > 1e-9)
      .sort((a, b) => r.dist[b] - r.dist[a] || a - b);
    for (const id of ids)
      out.push([r.id, vocab[id] ?? String(id), id, Number(r.dist[id].toPrecision(6)), r.pick === id ? 1 : 0]);
  }
  return out;
}

export { pct as formatProb };

/** A context token's text with whitespace made visible (as the tokenizer's printable form). */
export function visible(text: string): string {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}
