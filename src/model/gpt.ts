/**
 * A GPT in nanoGPT's image: token + position embeddings, pre-LayerNorm blocks of causal
 * multi-head self-attention and a GELU MLP, a final LayerNorm and the LM head.
 * Read next to karpathy/nanoGPT's model.py; the names are the same.
 */
import * as tf from '@tensorflow/tfjs';
import { causalAttention } from './attention';
import { type GPTConfig, validateConfig } from './config';
import { layerNorm } from './layernorm';
import { crossEntropy, gelu, linear, mm, oneHotF32, recording, swapLast, variableFrom } from './ops';
import { initialWeights, internalShape, type ParamSpec, paramSpecs } from './params';

export interface ForwardOptions {
  /** Keep attention probabilities and the residual stream for the panels. */
  trace?: boolean;
  /** Dropout on (training only; needs config.dropout > 0). */
  training?: boolean;
  /** (n_layer, n_head) multipliers on each head's output: 0 ablates a head. */
  headMask?: tf.Tensor2D;
  /**
   * Logits of the last position only, (B, 1, V): the last block's MLP and the head skip the rows
   * nothing reads (generation). Not with `trace`, whose residual stream needs every row.
   */
  lastOnly?: boolean;
}

export interface Trace {
  /** Per layer: attention probabilities (B, nh, T, T). */
  attention: tf.Tensor4D[];
  /** Residual stream after the embeddings and after each block: L+1 tensors of (B, T, C). */
  residual: tf.Tensor3D[];
}

export interface ForwardResult {
  logits: tf.Tensor3D; // (B, T, V)
  trace?: Trace;
}

/** (n_layer·n_head) head multipliers (0 ablates a head) as the (n_layer, n_head) tensor forward takes. */
export function headMaskTensor(model: GPT, mask?: number[]): tf.Tensor2D | undefined {
  const { n_layer, n_head } = model.config;
  if (!mask) return undefined;
  if (mask.length !== n_layer * n_head) throw new RangeError(`head mask needs ${n_layer * n_head} entries`);
  return tf.tensor2d(mask, [n_layer, n_head]);
}

export class GPT {
  readonly specs: ParamSpec[];
  readonly params = new Map<string, tf.Variable>();
  /** Additive causal mask (block, block): 0 on and below the diagonal, -1e9 above. */
  private readonly mask: tf.Tensor2D;

  constructor(
    readonly config: GPTConfig,
    weights: Map<string, Float32Array>,
  ) {
    validateConfig(config);
    this.specs = paramSpecs(config);
    for (const spec of this.specs) {
      const data = weights.get(spec.name);
      if (!data) throw new Error(`missing weight ${spec.name}`);
      this.params.set(spec.name, variableFrom(tf.tensor(data, internalShape(spec)), true));
    }
    const T = config.block_size;
    this.mask = tf.tidy(() => tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9));
  }

  static create(config: GPTConfig, seed: number): GPT {
    return new GPT(config, initialWeights(config, seed));
  }

  get trainable(): tf.Variable[] {
    return [...this.params.values()];
  }

  private p(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`no parameter ${name}`);
    return v;
  }

  private pOpt(name: string): tf.Variable | undefined {
    return this.config.bias ? this.p(name) : undefined;
  }

  private dropsOut(opts: ForwardOptions): boolean {
    return !!opts.training && this.config.dropout > 0;
  }

  private dropout(x: tf.Tensor, opts: ForwardOptions): tf.Tensor {
    return this.dropsOut(opts) ? tf.dropout(x, this.config.dropout) : x;
  }

  /**
   * Token embeddings of idx (B, T) int32 → (B, T, C): the "input" that saliency differentiates.
   * Where a gradient is being recorded, as one-hot · wte, whose gradient reaches wte on every backend
   * (wasm has no gradient for gather: TFJS-NOTES pitfall 3); otherwise the rows are gathered — one
   * small kernel instead of a one-hot and a (B·T, V)·(V, C) product, the same numbers.
   */
  embed(idx: tf.Tensor2D): tf.Tensor3D {
    const [B, T] = idx.shape;
    const { vocab_size: V, n_embd: C } = this.config;
    const ids = tf.reshape(idx, [B * T]);
    const wte = this.p('transformer.wte.weight');
    return tf.reshape(recording() ? mm(oneHotF32(ids, V), wte) : tf.gather(wte, ids), [B, T, C]);
  }

  /** idx (B, T) int32 with T ≤ block_size → logits (B, T, V), plus the trace when asked. */
  forward(idx: tf.Tensor2D, opts: ForwardOptions = {}): ForwardResult {
    return this.forwardEmbedded(this.embed(idx), opts);
  }

  /** The rest of the forward pass from token embeddings tok (B, T, C). */
  forwardEmbedded(tok: tf.Tensor3D, opts: ForwardOptions = {}): ForwardResult {
    const { n_layer, n_embd: C, vocab_size: V, block_size } = this.config;
    const [B, T] = tok.shape;
    if (T > block_size) throw new RangeError(`sequence length ${T} exceeds block_size ${block_size}`);
    if (opts.trace && opts.lastOnly) throw new Error('a trace needs every position: not with lastOnly');
    const trace: Trace | undefined = opts.trace ? { attention: [], residual: [] } : undefined;

    const pos = tf.slice(this.p('transformer.wpe.weight'), [0, 0], [T, C]); // (T, C)
    let x = tf.reshape(tf.add(tok, pos), [B * T, C]) as tf.Tensor2D; // (B*T, C)
    x = this.dropout(x, opts) as tf.Tensor2D;
    trace?.residual.push(tf.reshape(x, [B, T, C]));
    const mask = tf.slice(this.mask, [0, 0], [T, T]); // (T, T), shared by every layer

    for (let l = 0; l < n_layer; l++) {
      const h = `transformer.h.${l}`;
      const a = this.attention(
        layerNorm(x, this.p(`${h}.ln_1.weight`), this.pOpt(`${h}.ln_1.bias`)),
        { B, T, mask },
        l,
        opts,
        trace,
      );
      x = tf.add(x, a) as tf.Tensor2D;
      if (opts.lastOnly && l === n_layer - 1) x = lastRows(x, B, T); // (B, C)
      const m = this.mlp(layerNorm(x, this.p(`${h}.ln_2.weight`), this.pOpt(`${h}.ln_2.bias`)), h, opts);
      x = tf.add(x, m) as tf.Tensor2D;
      trace?.residual.push(tf.reshape(x, [B, T, C]));
    }

    const logits = tf.reshape(this.head(x), [B, opts.lastOnly ? 1 : T, V]) as tf.Tensor3D;
    return { logits, trace };
  }

  /** ln_f then lm_head: residual (N, C) → logits (N, V). The logit lens applies this to every layer. */
  head(x: tf.Tensor): tf.Tensor2D {
    const xf = layerNorm(
      x,
      this.p('transformer.ln_f.weight'),
      this.pOpt('transformer.ln_f.bias'),
    ) as tf.Tensor2D;
    const w = this.config.tied ? swapLast(this.p('transformer.wte.weight')) : this.p('lm_head.weight'); // (C, V)
    return mm(xf, w) as tf.Tensor2D;
  }

  /** Causal self-attention on x (B*T, C) → (B*T, C). */
  private attention(
    x: tf.Tensor2D,
    { B, T, mask }: { B: number; T: number; mask: tf.Tensor2D },
    layer: number,
    opts: ForwardOptions,
    trace?: Trace,
  ) {
    const { n_head: nh, n_embd: C } = this.config;
    const h = `transformer.h.${layer}.attn`;
    const qkv = linear(x, this.p(`${h}.c_attn.weight`), this.pOpt(`${h}.c_attn.bias`)); // (B*T, 3C)
    const merged = causalAttention(
      qkv,
      { B, T, nh, hs: C / nh },
      {
        mask,
        dropout: this.dropsOut(opts) ? (att) => this.dropout(att, opts) : undefined,
        headMask: opts.headMask && tf.slice(opts.headMask, [layer, 0], [1, nh]),
        keep: trace && ((att) => trace.attention.push(att)),
      },
    ); // (B*T, C)
    const out = linear(merged, this.p(`${h}.c_proj.weight`), this.pOpt(`${h}.c_proj.bias`));
    return this.dropout(out, opts);
  }

  /** MLP: c_fc (C → 4C), GELU, c_proj (4C → C). */
  private mlp(x: tf.Tensor2D, h: string, opts: ForwardOptions): tf.Tensor {
    const u = gelu(linear(x, this.p(`${h}.mlp.c_fc.weight`), this.pOpt(`${h}.mlp.c_fc.bias`)));
    return this.dropout(linear(u, this.p(`${h}.mlp.c_proj.weight`), this.pOpt(`${h}.mlp.c_proj.bias`)), opts);
  }

  /** Mean cross-entropy (nats) of the next-token predictions: idx, targets (B, T) int32. */
  loss(idx: tf.Tensor2D, targets: tf.Tensor2D, opts: ForwardOptions = {}): tf.Scalar {
    const { logits } = this.forward(idx, opts);
    const [B, T, V] = logits.shape;
    const flat = tf.reshape(logits, [B * T, V]) as tf.Tensor2D;
    return crossEntropy(flat, oneHotF32(tf.reshape(targets, [B * T]), V));
  }

  /** Weights in the internal layout, read back from the device. */
  async readWeights(): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const [name, v] of this.params) out.set(name, (await v.data()) as Float32Array);
    return out;
  }

  setWeights(weights: Map<string, Float32Array>): void {
    for (const spec of this.specs) {
      const data = weights.get(spec.name);
      if (!data) throw new Error(`missing weight ${spec.name}`);
      tf.tidy(() => this.p(spec.name).assign(tf.tensor(data, internalShape(spec))));
    }
  }

  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    this.params.clear();
    this.mask.dispose();
  }
}

/** Each sequence's last row of x (B·T, C) → (B, C). */
function lastRows(x: tf.Tensor2D, B: number, T: number): tf.Tensor2D {
  const C = x.shape[1];
  return tf.reshape(tf.slice(tf.reshape(x, [B, T, C]), [0, T - 1, 0], [B, 1, C]), [B, C]);
}
