/** Attention's fused programs: the batched product (either operand transposed) and the masked softmax. */
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { packed } from './program';

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
  return packed(
    ['A', 'B'],
    [P, M, N],
    `
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
  );
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

/** A program's main over output rows: p (the batch) and r (the row pair) set, c the output coordinates. */
const rowMain = (body: string) => `
      void main() {
        ivec3 c = getOutputCoords();
        int p = c.x;
        int r = c.y;
        ${body}
      }`;

const SCORES = (scale: number) => `getS(p, r, j) * ${scale.toExponential(9)} + getMask(r, j)`;

/** (P, T, 2): each row's max and Σ exp(v − max) of v = s·scale + mask. */
export function softmaxStatsProgram(P: number, T: number, scale: number): GPGPUProgram {
  return packed(
    ['s', 'mask'],
    [P, T, 2],
    rowMain(`
        vec2 mx = vec2(-3.0e38);
        ${rowLoop(T, (half) => `vec4 v = ${SCORES(scale)}; mx = max(mx, ${half ? 'v.xz' : 'max(v.xz, v.yw)'});`)}
        vec2 sum = vec2(0.0);
        ${rowLoop(T, (half) => `vec4 e = exp(${SCORES(scale)} - mx.xxyy); sum += ${half ? 'e.xz' : 'e.xz + e.yw'};`)}
        setOutput(vec4(mx.x, sum.x, mx.y, sum.y));`),
  );
}

/** att = exp(v − max) / Σ. */
export function softmaxProgram(P: number, T: number, scale: number): GPGPUProgram {
  return packed(
    ['s', 'mask', 'stats'],
    [P, T, T],
    rowMain(`
        int j = c.z;
        vec4 st = getStats(p, r, 0);
        setOutput(exp(${SCORES(scale)} - st.xxzz) / st.yyww);`),
  );
}

/** (P, T, 2): each row's Σ att·datt (second column unused). */
export function softmaxRowDotProgram(P: number, T: number): GPGPUProgram {
  return packed(
    ['att', 'datt'],
    [P, T, 2],
    rowMain(`
        vec2 dot2 = vec2(0.0);
        ${rowLoop(T, (half) => `vec4 v = getAtt(p, r, j) * getDatt(p, r, j); dot2 += ${half ? 'v.xz' : 'v.xz + v.yw'};`)}
        setOutput(vec4(dot2.x, 0.0, dot2.y, 0.0));`),
  );
}

/** ds = scale·att·(datt − Σ att·datt). */
export function softmaxGradProgram(P: number, T: number, scale: number): GPGPUProgram {
  return packed(
    ['att', 'datt', 'dots'],
    [P, T, T],
    `
      void main() {
        ivec3 c = getOutputCoords();
        vec4 d = getDots(c.x, c.y, 0);
        setOutput(${scale.toExponential(9)} * getAttAtOutCoords() * (getDattAtOutCoords() - d.xxzz));
      }`,
  );
}
