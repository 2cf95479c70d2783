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

/** The numbers behind one attention cell and one prediction (the Concepts panel). */
export interface Concepts {
  position: number;
  layer: number;
  head: number;
  keyPosition: number;
  /** The token id at `position`. */
  token: number;
  /** wte row of the token, (C,). */
  tokenEmbedding: Float32Array;
  /** wpe row of the position, (C,). */
  positionEmbedding: Float32Array;
  /** Their sum: the residual stream's input x at `position`, (C,). */
  embedding: Float32Array;
  /** The query vector at `position` and the key vector at `keyPosition` for this head, (hs,) each. */
  q: Float32Array;
  k: Float32Array;
  /** q·k, then q·k/√hs, then that cell's softmax weight over keys 0..position (causal mask). */
  dot: number;
  scaled: number;
  weight: number;
  /** The whole scaled row and its softmax, keys 0..position, (position+1,) each. */
  scores: Float32Array;
  weights: Float32Array;
  /** Next-token logits at `position`, (V,). */
  logits: Float32Array;
}

/** One step of plain gradient descent on a batch of the passage, taken and undone (analysis/lesson.ts). */
export interface StepDemo {
  /** The batch: B windows of T tokens. */
  B: number;
  T: number;
  /** Mean cross-entropy over the batch, nats per token, before and after the step. */
  lossBefore: number;
  lossAfter: number;
  learningRate: number;
  /** ‖∂L/∂θ‖ over every weight. */
  gradNorm: number;
  /** The weight with the largest |∂L/∂w|: its name, index in PyTorch's layout, value before/after and gradient. */
  weight: { name: string; index: number[]; before: number; after: number; grad: number };
}

/** A token's embedding (wte row, (C,)) and its nearest tokens by cosine similarity. */
export interface EmbeddingNeighbours {
  id: number;
  vector: Float32Array;
  neighbours: { id: number; cosine: number }[];
}
