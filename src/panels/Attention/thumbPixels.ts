/**
 * A head's pixels: one pixel per (query, key), cividis by weight relative to the head's own
 * maximum, masked cells a light grey (small multiples) or clear (the large heatmap, whose svg
 * hatches them). Pure (RGBA bytes), so it is tested without a DOM.
 */
import { color, interpolateCividis } from 'd3';

export type Lut = Uint8ClampedArray;

export const MASKED_RGB: readonly [number, number, number] = [226, 229, 234];

/** 256 RGB entries sampled from an interpolator (cividis by default). */
export function colorLut(interpolator: (t: number) => string = interpolateCividis): Lut {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = color(interpolator(i / 255))?.rgb();
    lut[i * 3] = c?.r ?? 0;
    lut[i * 3 + 1] = c?.g ?? 0;
    lut[i * 3 + 2] = c?.b ?? 0;
  }
  return lut;
}

/** Cividis, as viz/palette's sequential scale: what both heatmaps paint with. */
export const CIVIDIS_LUT = colorLut();

/** RGBA bytes (T·T·4) for one head's T×T matrix, scaled to [0, max]; masked cells `masked` or clear (null). */
export function thumbPixels(
  matrix: ArrayLike<number>,
  T: number,
  max: number,
  lut: Lut,
  masked: readonly [number, number, number] | null = MASKED_RGB,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(T * T * 4);
  const scale = max > 0 ? 255 / max : 0;
  for (let q = 0; q < T; q++) {
    for (let k = 0; k < T; k++) {
      const o = (q * T + k) * 4;
      if (k > q) {
        if (!masked) continue; // transparent
        px[o] = masked[0];
        px[o + 1] = masked[1];
        px[o + 2] = masked[2];
      } else {
        const w = matrix[q * T + k];
        const i = Math.max(0, Math.min(255, Math.round((Number.isFinite(w) ? w : 0) * scale))) * 3;
        px[o] = lut[i];
        px[o + 1] = lut[i + 1];
        px[o + 2] = lut[i + 2];
      }
      px[o + 3] = 255;
    }
  }
  return px;
}
