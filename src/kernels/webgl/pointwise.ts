/** Element-wise fused programs: GELU both ways and AdamW's update (webgl/program.ts has the layout). */
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { packed } from './program';

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
  return packed(
    ['x'],
    shape,
    `${ERF4}
      void main() {
        vec4 x = getXAtOutCoords();
        setOutput(x * 0.5 * (1.0 + erf4(x * ${Math.SQRT1_2})));
      }`,
  );
}

/** GELU's gradient dy·(Φ(x) + x·φ(x)), φ(x) = exp(−x²/2)/√(2π). */
export function geluGradProgram(shape: number[]): GPGPUProgram {
  return packed(
    ['dy', 'x'],
    shape,
    `${ERF4}
      void main() {
        vec4 x = getXAtOutCoords();
        vec4 cdf = 0.5 * (1.0 + erf4(x * ${Math.SQRT1_2}));
        vec4 pdf = exp(-0.5 * x * x) * ${1 / Math.sqrt(2 * Math.PI)};
        setOutput(getDyAtOutCoords() * (cdf + x * pdf));
      }`,
  );
}

/** AdamW's first moment β₁·m + (1 − β₁)·c·g, c the clip coefficient (a one-element tensor). */
export function adamMomentProgram(shape: number[], beta: number, squared: boolean): GPGPUProgram {
  const g = squared ? 'cg * cg' : 'cg';
  return packed(
    ['m', 'g', 'coef'],
    shape,
    `
      void main() {
        vec4 cg = getGAtOutCoords() * getCoef().x;
        setOutput(${beta.toFixed(9)} * getMAtOutCoords() + ${(1 - beta).toFixed(9)} * ${g});
      }`,
  );
}

/**
 * AdamW's parameter update from the new moments, as PyTorch: p·decay − stepSize·m / (√v/√bc₂ + eps),
 * with decay = 1 − lr·wd (or 1), stepSize = lr/bc₁ and bc₂ uniforms so one shader serves every step.
 */
export function adamUpdateProgram(shape: number[], eps: number): GPGPUProgram {
  return packed(
    ['p', 'm', 'v'],
    shape,
    `
      void main() {
        vec4 denom = sqrt(getVAtOutCoords()) / sqrtBc2 + ${eps.toExponential(9)};
        setOutput(getPAtOutCoords() * decay - stepSize * (getMAtOutCoords() / denom));
      }`,
    {
      customUniforms: [
        { name: 'decay', type: 'float' },
        { name: 'stepSize', type: 'float' },
        { name: 'sqrtBc2', type: 'float' },
      ],
    },
  );
}
