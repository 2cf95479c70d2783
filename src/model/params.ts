/**
 * The GPT's parameters: nanoGPT's state_dict names, PyTorch shapes, init and weight decay.
 *
 * Linear weights are stored here as (in, out) so the forward pass is a plain x @ W
 * (transposed matMuls are slow on wasm); checkpoints carry PyTorch's (out, in).
 */
import type { GPTConfig } from './config';
import { Rng } from './rng';

export interface ParamSpec {
  /** nanoGPT state_dict name, e.g. "transformer.h.0.attn.c_attn.weight". */
  name: string;
  /** Shape in PyTorch's layout. */
  torchShape: number[];
  /** A Linear weight: stored transposed, (in, out). */
  linear: boolean;
  init: 'normal' | 'residual' | 'zeros' | 'ones';
  /** AdamW decay: Linear weights only; never biases, LayerNorms or embeddings (original nanoGPT). */
  decay: boolean;
}

export function paramSpecs(c: GPTConfig): ParamSpec[] {
  const C = c.n_embd;
  const specs: ParamSpec[] = [];
  const weight = (name: string, out: number, inp: number, init: ParamSpec['init'] = 'normal') =>
    specs.push({ name, torchShape: [out, inp], linear: true, init, decay: true });
  const vector = (name: string, n: number, init: 'zeros' | 'ones') =>
    specs.push({ name, torchShape: [n], linear: false, init, decay: false });
  const layerNorm = (prefix: string) => {
    vector(`${prefix}.weight`, C, 'ones');
    if (c.bias) vector(`${prefix}.bias`, C, 'zeros');
  };
  const dense = (prefix: string, out: number, inp: number, init: ParamSpec['init'] = 'normal') => {
    weight(`${prefix}.weight`, out, inp, init);
    if (c.bias) vector(`${prefix}.bias`, out, 'zeros');
  };

  specs.push({
    name: 'transformer.wte.weight',
    torchShape: [c.vocab_size, C],
    linear: false,
    init: 'normal',
    decay: false,
  });
  specs.push({
    name: 'transformer.wpe.weight',
    torchShape: [c.block_size, C],
    linear: false,
    init: 'normal',
    decay: false,
  });
  for (let i = 0; i < c.n_layer; i++) {
    const h = `transformer.h.${i}`;
    layerNorm(`${h}.ln_1`);
    dense(`${h}.attn.c_attn`, 3 * C, C);
    dense(`${h}.attn.c_proj`, C, C, 'residual');
    layerNorm(`${h}.ln_2`);
    dense(`${h}.mlp.c_fc`, 4 * C, C);
    dense(`${h}.mlp.c_proj`, C, 4 * C, 'residual');
  }
  layerNorm('transformer.ln_f');
  if (!c.tied) weight('lm_head.weight', c.vocab_size, C);
  return specs;
}

/** Shape as stored in this engine: Linear weights transposed to (in, out). */
export function internalShape(spec: ParamSpec): number[] {
  return spec.linear ? [spec.torchShape[1], spec.torchShape[0]] : spec.torchShape;
}

/**
 * nanoGPT's init: N(0, 0.02) for Linear and Embedding weights, N(0, 0.02/√(2·n_layer)) for
 * the residual projections, zeros for biases, ones for LayerNorm weights. Seeded, in JS,
 * so every backend starts from the same numbers. Returns data in the internal layout.
 */
export function initialWeights(c: GPTConfig, seed: number): Map<string, Float32Array> {
  const rng = new Rng(seed);
  const out = new Map<string, Float32Array>();
  for (const spec of paramSpecs(c)) {
    const n = spec.torchShape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (spec.init === 'ones') data.fill(1);
    else if (spec.init !== 'zeros') {
      const std = spec.init === 'residual' ? 0.02 / Math.sqrt(2 * c.n_layer) : 0.02;
      for (let i = 0; i < n; i++) data[i] = rng.normal() * std;
    }
    out.set(spec.name, data);
  }
  return out;
}

/** Transpose a row-major (rows, cols) matrix. */
export function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let k = 0; k < cols; k++) out[k * rows + r] = data[r * cols + k];
  return out;
}

/** Internal layout → PyTorch layout. */
export function toTorchLayout(spec: ParamSpec, data: Float32Array): Float32Array {
  if (!spec.linear) return data;
  const [out, inp] = spec.torchShape;
  return transpose2d(data, inp, out);
}

/** PyTorch layout → internal layout. */
export function fromTorchLayout(spec: ParamSpec, data: Float32Array): Float32Array {
  if (!spec.linear) return data;
  const [out, inp] = spec.torchShape;
  return transpose2d(data, out, inp);
}
