/** The small sums the lesson's figures show, in float64, pure (tested in lessonMath.test.ts). */
import { softmax } from '../../model/sample';

export interface Candidate {
  id: number;
  p: number;
}

/** The n most likely ids of a distribution, most likely first (ties: lower id first). */
export function topCandidates(p: ArrayLike<number>, n: number): Candidate[] {
  return Array.from({ length: p.length }, (_, id) => ({ id, p: p[id] }))
    .sort((a, b) => b.p - a.p || a.id - b.id)
    .slice(0, n);
}

/** The next-token distribution at temperature T. */
export function distribution(logits: ArrayLike<number>, temperature = 1): Float64Array {
  return softmax(logits, temperature);
}

export const bitsOf = (nats: number) => nats / Math.LN2;

/** Shannon entropy in bits: how unsure the distribution is (0 = certain; log2 V = uniform). */
export function entropyBits(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log2(p[i]);
  return h;
}

/**
 * What a guess costs in bits, scored as a bet: the class puts `confidence` on its guess and
 * spreads the rest evenly over the other V−1 tokens. Right: −log2(confidence); wrong:
 * −log2((1−confidence)/(V−1)). The model pays −log2 p(true token), the same rule.
 */
export function guessBits(right: boolean, confidence: number, vocabSize: number): number {
  return right ? -Math.log2(confidence) : -Math.log2((1 - confidence) / (vocabSize - 1));
}

/** Row `query` of attention map (layer, head): weights over keys 0..query, from an (L, nh, T, T) array. */
export function attentionRow(
  attention: Float32Array,
  nHead: number,
  T: number,
  layer: number,
  head: number,
  query: number,
): Float32Array {
  const start = ((layer * nHead + head) * T + query) * T;
  return attention.slice(start, start + query + 1);
}

/** A token as the class can see it: a space as ␣, a newline as ↵, a tab as ⇥. */
export function visible(token: string): string {
  return token.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}
