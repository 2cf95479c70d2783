/**
 * The fused WebGL kernels' programs (model/fused.ts) all read and write tfjs's packed layout: each
 * RGBA texel holds a 2×2 block of the last two axes, x = (r, c), y = (r, c+1), z = (r+1, c),
 * w = (r+1, c+1). On a software GPU (SwiftShader) every pass over a (768, 512) tensor costs ~5 ms
 * whatever it computes, so one pass instead of several is the saving; on a real GPU, fewer
 * dispatches. bench/NOTES.md (try 14) has the figures.
 */
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';

/** A program that reads `inputs` and writes `outputShape`, both packed; `get<Name>(…)` samplers come from tfjs. */
export function packed(
  inputs: string[],
  outputShape: number[],
  userCode: string,
  extra: Partial<GPGPUProgram> = {},
): GPGPUProgram {
  return { variableNames: inputs, packedInputs: true, packedOutput: true, outputShape, userCode, ...extra };
}
