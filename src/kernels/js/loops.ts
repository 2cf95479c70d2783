/**
 * The fused kernels (model/fused.ts) as plain loops over Float32Arrays, for backends whose tensors
 * live in CPU memory (cpu, and wasm's heap). Sums accumulate in float64. Shapes: x (N, C) row-major,
 * stats (N, 2) as (mean, 1/√(var + eps)) per row.
 */

/** erf by Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7), the formula of tfjs's own Erf kernels. */
export function erf(v: number): number {
  const a = Math.abs(v);
  const t = 1 / (1 + 0.3275911 * a);
  const p = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const e = 1 - p * Math.exp(-a * a);
  return v < 0 ? -e : e;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export function gelu(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = x[i] * 0.5 * (1 + erf(x[i] * Math.SQRT1_2));
}

export function geluGrad(dy: Float32Array, x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = dy[i] * (0.5 * (1 + erf(v * Math.SQRT1_2)) + v * Math.exp(-0.5 * v * v) * INV_SQRT_2PI);
  }
}

/** β·m + (1 − β)·(coef·g), or with (coef·g)² when squared. */
export function adamMoment(
  m: Float32Array,
  g: Float32Array,
  coef: number,
  beta: number,
  squared: boolean,
  out: Float32Array,
): void {
  for (let i = 0; i < m.length; i++) {
    const cg = coef * g[i];
    out[i] = beta * m[i] + (1 - beta) * (squared ? cg * cg : cg);
  }
}

export function adamUpdate(
  p: Float32Array,
  m: Float32Array,
  v: Float32Array,
  a: { decay: number; stepSize: number; sqrtBc2: number; eps: number },
  out: Float32Array,
): void {
  for (let i = 0; i < p.length; i++) {
    out[i] = p[i] * a.decay - a.stepSize * (m[i] / (Math.sqrt(v[i]) / a.sqrtBc2 + a.eps));
  }
}

export function layerNormStats(x: Float32Array, N: number, C: number, eps: number, out: Float32Array): void {
  for (let r = 0; r < N; r++) {
    const o = r * C;
    let sum = 0;
    for (let c = 0; c < C; c++) sum += x[o + c];
    const mean = sum / C;
    let sq = 0;
    for (let c = 0; c < C; c++) sq += (x[o + c] - mean) ** 2;
    out[2 * r] = mean;
    out[2 * r + 1] = 1 / Math.sqrt(sq / C + eps);
  }
}

export function layerNorm(
  x: Float32Array,
  stats: Float32Array,
  g: Float32Array,
  b: Float32Array,
  C: number,
  out: Float32Array,
): void {
  for (let r = 0, o = 0; o < x.length; r++, o += C) {
    const [mean, rstd] = [stats[2 * r], stats[2 * r + 1]];
    for (let c = 0; c < C; c++) out[o + c] = (x[o + c] - mean) * rstd * g[c] + b[c];
  }
}

/** Per row: mean(dy·g) and mean(dy·g·x̂). */
export function layerNormRowGrad(
  dy: Float32Array,
  x: Float32Array,
  stats: Float32Array,
  g: Float32Array,
  N: number,
  C: number,
  out: Float32Array,
): void {
  for (let r = 0; r < N; r++) {
    const [o, mean, rstd] = [r * C, stats[2 * r], stats[2 * r + 1]];
    let a = 0;
    let b = 0;
    for (let c = 0; c < C; c++) {
      const dxhat = dy[o + c] * g[c];
      a += dxhat;
      b += dxhat * (x[o + c] - mean) * rstd;
    }
    out[2 * r] = a / C;
    out[2 * r + 1] = b / C;
  }
}

/** dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)). */
export function layerNormInputGrad(
  dy: Float32Array,
  x: Float32Array,
  stats: Float32Array,
  g: Float32Array,
  rows: Float32Array,
  C: number,
  out: Float32Array,
): void {
  for (let r = 0, o = 0; o < x.length; r++, o += C) {
    const [mean, rstd, meanDxhat, meanDxhatXhat] = [
      stats[2 * r],
      stats[2 * r + 1],
      rows[2 * r],
      rows[2 * r + 1],
    ];
    for (let c = 0; c < C; c++) {
      const xhat = (x[o + c] - mean) * rstd;
      out[o + c] = rstd * (dy[o + c] * g[c] - meanDxhat - xhat * meanDxhatXhat);
    }
  }
}

/** Column sums of dy·x̂ (with x and stats) or of dy, over N rows of C. */
export function columnSum(
  dy: Float32Array,
  x: Float32Array | undefined,
  stats: Float32Array | undefined,
  N: number,
  C: number,
  out: Float32Array,
): void {
  const acc = new Float64Array(C);
  for (let r = 0; r < N; r++) {
    const o = r * C;
    if (x && stats) {
      const [mean, rstd] = [stats[2 * r], stats[2 * r + 1]];
      for (let c = 0; c < C; c++) acc[c] += dy[o + c] * (x[o + c] - mean) * rstd;
    } else {
      for (let c = 0; c < C; c++) acc[c] += dy[o + c];
    }
  }
  out.set(acc);
}

/**
 * The k largest of each row of n, largest first, with their column indices: x (R, n) → vals, ids
 * (R, k). Ties keep the lower index first (tfjs's TopK order); NaN never displaces a number.
 */
export function topKRows(x: Float32Array, n: number, k: number, vals: Float32Array, ids: Int32Array): void {
  const rows = x.length / n;
  for (let r = 0; r < rows; r++) {
    const at = r * n;
    const out = r * k;
    let filled = 0;
    let kth = 0; // the k-th largest so far, once k are in: most values fail one test against it
    for (let j = 0; j < n; j++) {
      const v = x[at + j];
      if (filled === k && !(v > kth)) continue;
      // The first slot holding a smaller value; equal values stay ahead (lower index first).
      let p = filled < k ? filled : k - 1;
      while (p > 0 && vals[out + p - 1] < v) p--;
      const last = filled < k ? filled++ : k - 1;
      for (let q = last; q > p; q--) {
        vals[out + q] = vals[out + q - 1];
        ids[out + q] = ids[out + q - 1];
      }
      vals[out + p] = v;
      ids[out + p] = j;
      if (filled === k) kth = vals[out + k - 1];
    }
  }
}
