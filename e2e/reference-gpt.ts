/**
 * An independent float64 reference of the GPT's forward pass, in plain TypeScript (no TensorFlow.js,
 * nothing from src/), for end-to-end tests to check the numbers the app shows. It reads a checkpoint as
 * the app writes it: safetensors with nanoGPT state_dict names, PyTorch shapes (a Linear weight is
 * (out, in), y = x·Wᵀ + b) and `__metadata__.config` / `.tokenizer` JSON (char tokenizer only).
 * Math as nanoGPT's model.py (scripts/nanogpt_ref.py): pre-LN blocks, LayerNorm eps 1e-5 (biased
 * variance), causal softmax attention scaled by 1/√head_size, exact-erf GELU, optional biases, and
 * lm_head = wte when tied.
 */
import { readHeader, type TensorEntry } from './safetensors';

/** The checkpoint's `config` (nanoGPT's names); bias and tied default as the app's decoder does. */
export type RefConfig = Record<'n_layer' | 'n_head' | 'n_embd' | 'block_size' | 'vocab_size', number> & {
  bias: boolean;
  tied: boolean;
};

export interface RefModel {
  config: RefConfig;
  /** Char tokenizer: vocab[id] is the character (one code point) of token id. */
  vocab: string[];
  /** Weights as float64 by state_dict name, row-major in PyTorch's layout. */
  weights: Map<string, { shape: number[]; data: Float64Array }>;
}

/** Little-endian raw bytes of one tensor → float64 (F32, F16 and BF16 widen exactly). */
function decode(raw: Uint8Array, dtype: string, n: number): Float64Array {
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float64Array(n);
  const f32 = new DataView(new ArrayBuffer(4));
  for (let i = 0; i < n; i++) {
    if (dtype === 'F32') out[i] = v.getFloat32(4 * i, true);
    else if (dtype === 'BF16') {
      f32.setUint32(0, v.getUint16(2 * i, true) << 16); // bf16 is the top half of a float32
      out[i] = f32.getFloat32(0);
    } else if (dtype === 'F16') {
      const h = v.getUint16(2 * i, true);
      const [sign, exp, mant] = [h & 0x8000 ? -1 : 1, (h >> 10) & 0x1f, h & 0x3ff];
      // Inf/NaN; subnormal (or ±0): mant·2⁻²⁴; normal: 1.mant·2^(exp−15).
      if (exp === 0x1f) out[i] = mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
      else out[i] = sign * (exp ? (1 + mant / 1024) * 2 ** (exp - 15) : mant * 2 ** -24);
    } else throw new Error(`reference-gpt: unsupported dtype ${dtype}`);
  }
  return out;
}

export function loadReference(bytes: Uint8Array): RefModel {
  const { header, dataStart } = readHeader(bytes);
  const meta = header.__metadata__ ?? {};
  const weights: RefModel['weights'] = new Map();
  for (const [key, entry] of Object.entries(header)) {
    if (key === '__metadata__') continue;
    const name = key.replace(/^_orig_mod\./, '');
    if (/\.attn\.(bias|masked_bias)$/.test(name)) continue; // nanoGPT's causal-mask buffers
    const { dtype, shape, data_offsets: at } = entry as TensorEntry;
    const n = shape.reduce((a, d) => a * d, 1);
    weights.set(name, {
      shape,
      data: decode(bytes.subarray(dataStart + at[0], dataStart + at[1]), dtype, n),
    });
  }
  const raw = JSON.parse(meta.config ?? 'null');
  if (!raw) throw new Error('reference-gpt: no __metadata__.config');
  const config: RefConfig = {
    n_layer: raw.n_layer,
    n_head: raw.n_head,
    n_embd: raw.n_embd,
    block_size: raw.block_size,
    vocab_size: raw.vocab_size,
    bias: raw.bias ?? true,
    tied: raw.tied ?? !weights.has('lm_head.weight'),
  };
  const tok = JSON.parse(meta.tokenizer ?? 'null');
  if (tok?.kind !== 'char') throw new Error('reference-gpt: only char tokenizers are supported');
  const vocab: string[] = typeof tok.chars === 'string' ? [...tok.chars] : tok.chars;
  if (vocab.length !== config.vocab_size) throw new Error('reference-gpt: tokenizer size ≠ vocab_size');
  const model = { config, vocab, weights };
  // Exact PyTorch shapes (a transposed (in, out) Linear weight has the right size but fails here).
  const { n_embd: C, vocab_size: V, block_size } = config;
  const want: [string, number[]][] = [
    ['transformer.wte.weight', [V, C]],
    ['transformer.wpe.weight', [block_size, C]],
    [config.tied ? 'transformer.wte.weight' : 'lm_head.weight', [V, C]],
  ];
  for (let l = 0; l < config.n_layer; l++) {
    const h = `transformer.h.${l}`;
    want.push([`${h}.attn.c_attn.weight`, [3 * C, C]], [`${h}.attn.c_proj.weight`, [C, C]]);
    want.push([`${h}.mlp.c_fc.weight`, [4 * C, C]], [`${h}.mlp.c_proj.weight`, [C, 4 * C]]);
  }
  for (const [name, shape] of want) {
    w(model, name); // throws if absent
    const got = weights.get(name)!.shape;
    if (got.join() !== shape.join()) throw new Error(`reference-gpt: ${name} is [${got}], not [${shape}]`);
  }
  return model;
}

function w(m: RefModel, name: string): Float64Array {
  const t = m.weights.get(name);
  if (!t) throw new Error(`reference-gpt: no tensor ${name}`);
  return t.data;
}

/** The bias when config.bias, else undefined. */
const b = (m: RefModel, name: string) => (m.config.bias ? w(m, name) : undefined);

export function encodeChars(model: RefModel, text: string): number[] {
  return [...text].map((ch) => {
    const id = model.vocab.indexOf(ch);
    if (id < 0) throw new Error(`reference-gpt: ${JSON.stringify(ch)} is not in the vocabulary`);
    return id;
  });
}

/** x (N, inp) · Wᵀ + bias, W (out, inp) as PyTorch stores it → (N, out). Four outputs per pass over x's row. */
function linear(x: Float64Array, N: number, W: Float64Array, bias: Float64Array | undefined, out: number) {
  const inp = (W.length / out) | 0;
  const y = new Float64Array(N * out);
  for (let r = 0; r < N; r++) {
    const xr = r * inp;
    const yr = r * out;
    let o = 0;
    for (; o + 4 <= out; o += 4) {
      const w0 = o * inp;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < inp; k++) {
        const v = x[xr + k];
        s0 += v * W[w0 + k];
        s1 += v * W[w0 + inp + k];
        s2 += v * W[w0 + 2 * inp + k];
        s3 += v * W[w0 + 3 * inp + k];
      }
      y[yr + o] = s0;
      y[yr + o + 1] = s1;
      y[yr + o + 2] = s2;
      y[yr + o + 3] = s3;
    }
    for (; o < out; o++) {
      let s = 0;
      for (let k = 0; k < inp; k++) s += x[xr + k] * W[o * inp + k];
      y[yr + o] = s;
    }
    if (bias) for (let j = 0; j < out; j++) y[yr + j] += bias[j];
  }
  return y;
}

/** LayerNorm over rows of x (N, C): (x − μ)/√(σ² + 1e-5)·g + b, σ² biased. */
function layerNorm(x: Float64Array, N: number, C: number, g: Float64Array, bias?: Float64Array) {
  const y = new Float64Array(N * C);
  for (let r = 0; r < N; r++) {
    const row = x.subarray(r * C, (r + 1) * C);
    const mu = row.reduce((a, v) => a + v, 0) / C;
    const rstd = 1 / Math.sqrt(row.reduce((a, v) => a + (v - mu) ** 2, 0) / C + 1e-5);
    for (let c = 0; c < C; c++) y[r * C + c] = (row[c] - mu) * rstd * g[c] + (bias ? bias[c] : 0);
  }
  return y;
}

/** erf to ~1e-16: (2/√π)·e^(−z²)·Σₙ 2ⁿz^(2n+1)/(1·3·…·(2n+1)), every term positive (no cancellation). */
export function erf(z: number): number {
  const a = Math.abs(z);
  if (a > 6) return Math.sign(z); // erfc(6) ≈ 2e-17
  let term = a;
  let sum = a;
  for (let n = 1; term > 1e-17 * sum; n++) sum += term *= (2 * a * a) / (2 * n + 1);
  return Math.sign(z) * (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum;
}

/** Causal self-attention of qkv (T, 3C) = [q | k | v] → heads merged side by side, (T, C). */
function attention(qkv: Float64Array, T: number, C: number, nh: number): Float64Array {
  const hs = C / nh;
  const y = new Float64Array(T * C);
  const p = new Float64Array(T);
  for (let h = 0; h < nh; h++) {
    for (let t = 0; t < T; t++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let u = 0; u <= t; u++) {
        let s = 0;
        for (let d = 0; d < hs; d++) s += qkv[t * 3 * C + h * hs + d] * qkv[u * 3 * C + C + h * hs + d];
        p[u] = s / Math.sqrt(hs);
        max = Math.max(max, p[u]);
      }
      let z = 0;
      for (let u = 0; u <= t; u++) z += p[u] = Math.exp(p[u] - max);
      for (let u = 0; u <= t; u++) {
        for (let d = 0; d < hs; d++)
          y[t * C + h * hs + d] += (p[u] / z) * qkv[u * 3 * C + 2 * C + h * hs + d];
      }
    }
  }
  return y;
}

/** ids (T ≤ block_size) → log-softmax of the next-token logits at every position: T arrays of V. */
export function nextTokenLogProbs(model: RefModel, ids: number[]): Float64Array[] {
  const { n_layer, n_head, n_embd: C, vocab_size: V, block_size, tied } = model.config;
  const T = ids.length;
  if (T < 1 || T > block_size) throw new RangeError(`reference-gpt: ${T} tokens, block_size ${block_size}`);
  const [wte, wpe] = [w(model, 'transformer.wte.weight'), w(model, 'transformer.wpe.weight')];
  const x = new Float64Array(T * C); // residual stream (T, C)
  ids.forEach((id, t) => {
    for (let c = 0; c < C; c++) x[t * C + c] = wte[id * C + c] + wpe[t * C + c];
  });
  const add = (y: Float64Array) => {
    for (let i = 0; i < y.length; i++) x[i] += y[i];
  };
  for (let l = 0; l < n_layer; l++) {
    const h = `transformer.h.${l}`;
    const a = layerNorm(x, T, C, w(model, `${h}.ln_1.weight`), b(model, `${h}.ln_1.bias`));
    const qkv = linear(a, T, w(model, `${h}.attn.c_attn.weight`), b(model, `${h}.attn.c_attn.bias`), 3 * C);
    const att = attention(qkv, T, C, n_head);
    add(linear(att, T, w(model, `${h}.attn.c_proj.weight`), b(model, `${h}.attn.c_proj.bias`), C));
    const m = layerNorm(x, T, C, w(model, `${h}.ln_2.weight`), b(model, `${h}.ln_2.bias`));
    const u = linear(m, T, w(model, `${h}.mlp.c_fc.weight`), b(model, `${h}.mlp.c_fc.bias`), 4 * C); // (T, 4C)
    for (let i = 0; i < u.length; i++) u[i] = 0.5 * u[i] * (1 + erf(u[i] / Math.SQRT2)); // exact GELU
    add(linear(u, T, w(model, `${h}.mlp.c_proj.weight`), b(model, `${h}.mlp.c_proj.bias`), C));
  }
  const xf = layerNorm(x, T, C, w(model, 'transformer.ln_f.weight'), b(model, 'transformer.ln_f.bias'));
  const logits = linear(xf, T, w(model, tied ? 'transformer.wte.weight' : 'lm_head.weight'), undefined, V);
  return ids.map((_, t) => {
    const row = logits.subarray(t * V, (t + 1) * V); // (V,)
    const max = row.reduce((a, v) => Math.max(a, v), Number.NEGATIVE_INFINITY);
    const lse = max + Math.log(row.reduce((a, v) => a + Math.exp(v - max), 0));
    return Float64Array.from(row, (v) => v - lse);
  });
}

/**
 * Bits per character of text: the mean over i ≥ 1 of −log₂ p(text[i] | the up to block_size characters
 * before it). perChar[i − 1] is the bits of character i (the first character is not predicted).
 */
export function bitsPerChar(model: RefModel, text: string): { bits: number; perChar: number[] } {
  const ids = encodeChars(model, text);
  const B = model.config.block_size;
  if (ids.length < 2) throw new RangeError('reference-gpt: bitsPerChar needs at least 2 characters');
  const perChar: number[] = [];
  // Characters 1..min(N−1, B) all come from one pass over the first window, each from its prefix.
  const first = nextTokenLogProbs(model, ids.slice(0, Math.min(ids.length - 1, B)));
  for (const [t, lp] of first.entries()) perChar.push(-lp[ids[t + 1]] / Math.LN2);
  // Later ones each need their own full window ids[i − B .. i − 1]; its last row predicts ids[i].
  for (let i = B + 1; i < ids.length; i++) {
    perChar.push(-nextTokenLogProbs(model, ids.slice(i - B, i))[B - 1][ids[i]] / Math.LN2);
  }
  return { bits: perChar.reduce((a, v) => a + v, 0) / perChar.length, perChar };
}
