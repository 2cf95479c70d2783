/**
 * Fused WebGL programs: one shader pass where tfjs's composed ops take many. On a software GPU
 * (SwiftShader) every pass over a (768, 512) tensor costs ~5 ms whatever it computes, and a batched
 * matMul pays integer divisions per texel fetch; on a real GPU fewer passes mean fewer dispatches.
 * bench/NOTES.md (try 14) has the figures.
 *
 * All programs read and write tfjs's packed layout: each RGBA texel holds a 2×2 block of the last two
 * axes, x = (r, c), y = (r, c+1), z = (r+1, c), w = (r+1, c+1).
 */
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';

/** erf on a vec4 (Abramowitz & Stegun 7.1.26, |error| ≤ 1.5e-7: the formula of tfjs's own Erf kernel). */
const ERF4 = `
  vec4 erf4(vec4 v) {
    vec4 s = sign(v);
    vec4 a = abs(v);
    vec4 t = 1.0 / (1.0 + 0.3275911 * a);
    vec4 p = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
    return s * (1.0 - p * exp(-a * a));
  }`;

/** Exact GELU x·Φ(x), Φ(x) = ½(1 + erf(x/√2)). */
export function geluProgram(shape: number[]): GPGPUProgram {
  return {
    variableNames: ['x'],
    packedInputs: true,
    packedOutput: true,
    outputShape: shape,
    userCode: `${ERF4}
      void main() {
        vec4 x = getXAtOutCoords();
        setOutput(x * 0.5 * (1.0 + erf4(x * ${Math.SQRT1_2})));
      }`,
  };
}

/** GELU's gradient dy·(Φ(x) + x·φ(x)), φ(x) = exp(−x²/2)/√(2π). */
export function geluGradProgram(shape: number[]): GPGPUProgram {
  return {
    variableNames: ['dy', 'x'],
    packedInputs: true,
    packedOutput: true,
    outputShape: shape,
    userCode: `${ERF4}
      void main() {
        vec4 x = getXAtOutCoords();
        vec4 cdf = 0.5 * (1.0 + erf4(x * ${Math.SQRT1_2}));
        vec4 pdf = exp(-0.5 * x * x) * ${1 / Math.sqrt(2 * Math.PI)};
        setOutput(getDyAtOutCoords() * (cdf + x * pdf));
      }`,
  };
}

/** AdamW's first moment β₁·m + (1 − β₁)·c·g, c the clip coefficient (a one-element tensor). */
export function adamMomentProgram(shape: number[], beta: number, squared: boolean): GPGPUProgram {
  const g = squared ? 'cg * cg' : 'cg';
  return {
    variableNames: ['m', 'g', 'coef'],
    packedInputs: true,
    packedOutput: true,
    outputShape: shape,
    userCode: `
      void main() {
        vec4 cg = getGAtOutCoords() * getCoef().x;
        setOutput(${beta.toFixed(9)} * getMAtOutCoords() + ${(1 - beta).toFixed(9)} * ${g});
      }`,
  };
}

/**
 * AdamW's parameter update from the new moments, as PyTorch: p·decay − stepSize·m / (√v/√bc₂ + eps),
 * with decay = 1 − lr·wd (or 1), stepSize = lr/bc₁ and bc₂ uniforms so one shader serves every step.
 */
export function adamUpdateProgram(shape: number[], eps: number): GPGPUProgram {
  return {
    variableNames: ['p', 'm', 'v'],
    packedInputs: true,
    packedOutput: true,
    outputShape: shape,
    customUniforms: [
      { name: 'decay', type: 'float' },
      { name: 'stepSize', type: 'float' },
      { name: 'sqrtBc2', type: 'float' },
    ],
    userCode: `
      void main() {
        vec4 denom = sqrt(getVAtOutCoords()) / sqrtBc2 + ${eps.toExponential(9)};
        setOutput(getPAtOutCoords() * decay - stepSize * (getMAtOutCoords() / denom));
      }`,
  };
}

/**
 * Batched a (P, M, K) · b (P, K, N), either operand read transposed (a stored as (P, K, M), b as
 * (P, N, K)), all sizes even and both in the standard packed layout (rows of the last two axes laid
 * one after another). Texture coordinates advance by a constant per step instead of tfjs's per-fetch
 * index arithmetic: 2× faster on SwiftShader, exact; a transposed operand is a swizzle of its texel
 * (x, z, y, w), so no transpose pass.
 */
export function batchedMatMulProgram(
  P: number,
  M: number,
  K: number,
  N: number,
  transposeA = false,
  transposeB = false,
): GPGPUProgram {
  const f = (n: number) => `${n}.0`;
  const kp = K / 2;
  // a: texel (k/2, p·M/2 + m/2), stepping along x; transposed (m/2, p·K/2 + k/2), stepping along y.
  const a = transposeA
    ? {
        start: `vec2((float(c.y / 2) + 0.5) / ${f(M / 2)}, (float(c.x * ${kp}) + 0.5) / ${f(P * kp)})`,
        step: `vec2(0.0, 1.0 / ${f(P * kp)})`,
        read: 'texture(A, ua).xzyw',
      }
    : {
        start: `vec2(0.5 / ${f(kp)}, (float(c.x * ${M / 2} + c.y / 2) + 0.5) / ${f((P * M) / 2)})`,
        step: `vec2(1.0 / ${f(kp)}, 0.0)`,
        read: 'texture(A, ua)',
      };
  // b: texel (n/2, p·K/2 + k/2), stepping along y; transposed (k/2, p·N/2 + n/2), stepping along x.
  const b = transposeB
    ? {
        start: `vec2(0.5 / ${f(kp)}, (float(c.x * ${N / 2} + c.z / 2) + 0.5) / ${f((P * N) / 2)})`,
        step: `vec2(1.0 / ${f(kp)}, 0.0)`,
        read: 'texture(B, ub).xzyw',
      }
    : {
        start: `vec2((float(c.z / 2) + 0.5) / ${f(N / 2)}, (float(c.x * ${kp}) + 0.5) / ${f(P * kp)})`,
        step: `vec2(0.0, 1.0 / ${f(P * kp)})`,
        read: 'texture(B, ub)',
      };
  return {
    variableNames: ['A', 'B'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [P, M, N],
    userCode: `
      void main() {
        ivec3 c = getOutputCoords();
        vec2 ua = ${a.start};
        vec2 ub = ${b.start};
        vec2 da = ${a.step};
        vec2 db = ${b.step};
        vec4 result = vec4(0.0);
        for (int i = 0; i < ${kp}; i++) {
          vec4 a = ${a.read};
          vec4 b = ${b.read};
          ua += da;
          ub += db;
          result += a.xxzz * b.xyxy;
          result += a.yyww * b.zwzw;
        }
        setOutput(result);
      }`,
  };
}

/*
 * LayerNorm over the last axis of x (N, C), N and C even. Row statistics travel as an (N, 2) tensor,
 * (mean, 1/√(var + eps)) per row, so the forward is two passes (stats, normalise) and the backward
 * four (two row means, dx, and the column sums for dg and db) instead of ~20 composed ones.
 */

/** Sum of the two columns of each row half of a texel: rows (r, r+1) of v. */
const ROW_PAIR = 'vec2(v.x + v.y, v.z + v.w)';

/** (N, 2): mean and 1/√(biased var + eps) of each row. */
export function layerNormStatsProgram(N: number, C: number, eps: number): GPGPUProgram {
  return {
    variableNames: ['x'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [N, 2],
    userCode: `
      void main() {
        int r = getOutputCoords().x;
        vec2 sum = vec2(0.0);
        for (int c = 0; c < ${C}; c += 2) {
          vec4 v = getX(r, c);
          sum += ${ROW_PAIR};
        }
        vec2 mean = sum / ${C}.0;
        vec2 sq = vec2(0.0);
        for (int c = 0; c < ${C}; c += 2) {
          vec4 v = getX(r, c) - mean.xxyy;
          v *= v;
          sq += ${ROW_PAIR};
        }
        vec2 rstd = inversesqrt(sq / ${C}.0 + ${eps.toExponential(9)});
        setOutput(vec4(mean.x, rstd.x, mean.y, rstd.y));
      }`,
  };
}

/** x̂ = (x − mean)·rstd from the (N, 2) stats, as a GLSL expression at (row r, column c). */
const XHAT = (r: string, c: string) => `((getX(${r}, ${c}) - st.xxzz) * st.yyww)`;

/** y = x̂·g + b. */
export function layerNormProgram(N: number, C: number): GPGPUProgram {
  return {
    variableNames: ['x', 'stats', 'g', 'b'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [N, C],
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        vec4 st = getStats(rc.x, 0);
        setOutput(${XHAT('rc.x', 'rc.y')} * getG(rc.y).xyxy + getB(rc.y).xyxy);
      }`,
  };
}

/** (N, 2): mean(dx̂) and mean(dx̂·x̂) of each row, dx̂ = dy·g. */
export function layerNormRowGradProgram(N: number, C: number): GPGPUProgram {
  return {
    variableNames: ['dy', 'x', 'stats', 'g'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [N, 2],
    userCode: `
      void main() {
        int r = getOutputCoords().x;
        vec4 st = getStats(r, 0);
        vec2 a = vec2(0.0);
        vec2 b = vec2(0.0);
        for (int c = 0; c < ${C}; c += 2) {
          vec4 v = getDy(r, c) * getG(c).xyxy;
          a += ${ROW_PAIR};
          v *= ${XHAT('r', 'c')};
          b += ${ROW_PAIR};
        }
        setOutput(vec4(a.x, b.x, a.y, b.y) / ${C}.0);
      }`,
  };
}

/** dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)). */
export function layerNormInputGradProgram(N: number, C: number): GPGPUProgram {
  return {
    variableNames: ['dy', 'x', 'stats', 'g', 'rows'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [N, C],
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        vec4 st = getStats(rc.x, 0);
        vec4 m = getRows(rc.x, 0);
        vec4 dxhat = getDy(rc.x, rc.y) * getG(rc.y).xyxy;
        setOutput(st.yyww * (dxhat - m.xxzz - ${XHAT('rc.x', 'rc.y')} * m.yyww));
      }`,
  };
}

/** (C,): Σ over rows of dy·x̂ (withXhat, LayerNorm's dg) or of dy (its db). */
export function columnSumProgram(N: number, C: number, withXhat: boolean): GPGPUProgram {
  return {
    variableNames: withXhat ? ['dy', 'x', 'stats'] : ['dy'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [C],
    userCode: `
      void main() {
        int c = getOutputCoords();
        vec2 sum = vec2(0.0);
        for (int r = 0; r < ${N}; r += 2) {
          vec4 v = getDy(r, c);
          ${withXhat ? `vec4 st = getStats(r, 0);\n          v *= ${XHAT('r', 'c')};` : ''}
          sum += v.xy + v.zw;
        }
        setOutput(vec4(sum, 0.0, 0.0));
      }`,
  };
}

/*
 * Attention's softmax(s·scale + mask) over the last axis of s (P, T, T), mask (T, T) additive: two
 * passes each way instead of ~7 forward (scale, mask, tfjs's five-pass softmax) and ~6 backward.
 * T may be odd (generation): a row's last texel then holds one real column.
 */

/** Over the columns of rows (r, r+1): `body` sees v, the texel at column j, and `half` when only .x/.z are real. */
function rowLoop(T: number, body: (half: boolean) => string): string {
  const even = T - (T % 2);
  const tail = T % 2 ? `{ int j = ${T - 1}; ${body(true)} }` : '';
  return `for (int j = 0; j < ${even}; j += 2) { ${body(false)} } ${tail}`;
}

const SCORES = (scale: number) => `getS(p, r, j) * ${scale.toExponential(9)} + getMask(r, j)`;

/** (P, T, 2): each row's max and Σ exp(v − max) of v = s·scale + mask. */
export function softmaxStatsProgram(P: number, T: number, scale: number): GPGPUProgram {
  return {
    variableNames: ['s', 'mask'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [P, T, 2],
    userCode: `
      void main() {
        ivec3 c = getOutputCoords();
        int p = c.x;
        int r = c.y;
        vec2 mx = vec2(-3.0e38);
        ${rowLoop(T, (half) => `vec4 v = ${SCORES(scale)}; mx = max(mx, ${half ? 'v.xz' : 'max(v.xz, v.yw)'});`)}
        vec2 sum = vec2(0.0);
        ${rowLoop(T, (half) => `vec4 e = exp(${SCORES(scale)} - mx.xxyy); sum += ${half ? 'e.xz' : 'e.xz + e.yw'};`)}
        setOutput(vec4(mx.x, sum.x, mx.y, sum.y));
      }`,
  };
}

/** att = exp(v − max) / Σ. */
export function softmaxProgram(P: number, T: number, scale: number): GPGPUProgram {
  return {
    variableNames: ['s', 'mask', 'stats'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [P, T, T],
    userCode: `
      void main() {
        ivec3 c = getOutputCoords();
        int p = c.x;
        int r = c.y;
        int j = c.z;
        vec4 st = getStats(p, r, 0);
        setOutput(exp(${SCORES(scale)} - st.xxzz) / st.yyww);
      }`,
  };
}

/** (P, T, 2): each row's Σ att·datt (second column unused). */
export function softmaxRowDotProgram(P: number, T: number): GPGPUProgram {
  return {
    variableNames: ['att', 'datt'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [P, T, 2],
    userCode: `
      void main() {
        ivec3 c = getOutputCoords();
        int p = c.x;
        int r = c.y;
        vec2 dot2 = vec2(0.0);
        ${rowLoop(T, (half) => `vec4 v = getAtt(p, r, j) * getDatt(p, r, j); dot2 += ${half ? 'v.xz' : 'v.xz + v.yw'};`)}
        setOutput(vec4(dot2.x, 0.0, dot2.y, 0.0));
      }`,
  };
}

/** ds = scale·att·(datt − Σ att·datt). */
export function softmaxGradProgram(P: number, T: number, scale: number): GPGPUProgram {
  return {
    variableNames: ['att', 'datt', 'dots'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [P, T, T],
    userCode: `
      void main() {
        ivec3 c = getOutputCoords();
        vec4 d = getDots(c.x, c.y, 0);
        setOutput(${scale.toExponential(9)} * getAttAtOutCoords() * (getDattAtOutCoords() - d.xxzz));
      }`,
  };
}
