/** What the analysis hands the panels: plain numbers in typed arrays, shapes in the comments. */

export interface Inspection {
  /** Context token ids (T,), cropped to the last block_size tokens. */
  ids: number[];
  n_layer: number;
  n_head: number;
  /** Attention probabilities, (L, nh, T, T) row-major: [layer][head][query][key]. */
  attention: Float32Array;
  /** Logit lens: top-k token ids per (layer 0..L, position), (L+1, T, k); layer 0 is the embeddings. */
  lensIds: Int32Array;
  /** Their probabilities, (L+1, T, k). */
  lensProbs: Float32Array;
  lensK: number;
  /** Next-token logits after the last position, (V,). */
  logits: Float32Array;
}

export type SaliencyMethod = 'grad-x-input' | 'integrated-gradients';

export interface Saliency {
  /** Influence of each input token on the chosen output logit, (T,); zero after the output position. */
  scores: Float32Array;
  method: SaliencyMethod;
  /** Riemann steps (integrated gradients only). */
  steps: number;
  /** The output logit at the input and at the all-zero-embedding baseline (IG completeness check). */
  logit: number;
  baselineLogit: number;
}
