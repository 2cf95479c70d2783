/**
 * LayerNorm over the last axis of x (N, C), N and C even. Row statistics travel as an (N, 2) tensor,
 * (mean, 1/√(var + eps)) per row, so the forward is two passes (stats, normalise) and the backward
 * four (two row means, dx, and the column sums for dg and db) instead of ~20 composed ones.
 */
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { packed } from './program';

/** Sum of the two columns of each row half of a texel: rows (r, r+1) of v. */
const ROW_PAIR = 'vec2(v.x + v.y, v.z + v.w)';

/** (N, 2): mean and 1/√(biased var + eps) of each row. */
export function layerNormStatsProgram(N: number, C: number, eps: number): GPGPUProgram {
  return packed(
    ['x'],
    [N, 2],
    `
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
  );
}

/** x̂ = (x − mean)·rstd from the (N, 2) stats, as a GLSL expression at (row r, column c). */
const XHAT = (r: string, c: string) => `((getX(${r}, ${c}) - st.xxzz) * st.yyww)`;

/** y = x̂·g + b. */
export function layerNormProgram(N: number, C: number): GPGPUProgram {
  return packed(
    ['x', 'stats', 'g', 'b'],
    [N, C],
    `
      void main() {
        ivec2 rc = getOutputCoords();
        vec4 st = getStats(rc.x, 0);
        setOutput(${XHAT('rc.x', 'rc.y')} * getG(rc.y).xyxy + getB(rc.y).xyxy);
      }`,
  );
}

/** (N, 2): mean(dx̂) and mean(dx̂·x̂) of each row, dx̂ = dy·g. */
export function layerNormRowGradProgram(N: number, C: number): GPGPUProgram {
  return packed(
    ['dy', 'x', 'stats', 'g'],
    [N, 2],
    `
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
  );
}

/** dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)). */
export function layerNormInputGradProgram(N: number, C: number): GPGPUProgram {
  return packed(
    ['dy', 'x', 'stats', 'g', 'rows'],
    [N, C],
    `
      void main() {
        ivec2 rc = getOutputCoords();
        vec4 st = getStats(rc.x, 0);
        vec4 m = getRows(rc.x, 0);
        vec4 dxhat = getDy(rc.x, rc.y) * getG(rc.y).xyxy;
        setOutput(st.yyww * (dxhat - m.xxzz - ${XHAT('rc.x', 'rc.y')} * m.yyww));
      }`,
  );
}

/** (C,): Σ over rows of dy·x̂ (withXhat, LayerNorm's dg) or of dy (its db). */
export function columnSumProgram(N: number, C: number, withXhat: boolean): GPGPUProgram {
  return packed(
    withXhat ? ['dy', 'x', 'stats'] : ['dy'],
    [C],
    `
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
  );
}
