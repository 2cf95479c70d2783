/**
 * Cells painted on a canvas instead of one SVG rect each: a square bitmap of one pixel a cell that
 * CSS scales up (the attention maps), a canvas sized for the screen's pixel ratio (the Concepts
 * strips), and the rects an export copy gets back.
 */

/**
 * `canvas` shows the n × n bitmap `px` (RGBA bytes, one pixel a cell), scaled up crisply by CSS to
 * fill its parent, which must clip (`overflow: hidden`) and give it `image-rendering: pixelated`.
 *
 * The backing bitmap is the next power of two ≥ n (at least 8), so it keeps its size while n grows
 * one token at a time: a resized canvas is a new bitmap that the compositor allocates and copies
 * again (in software compositing, the attention view's 17 resized canvases were two thirds of each
 * frame's commit, bench/NOTES.md "Session 9"). The canvas is drawn cap / n times its parent's size
 * from the top-left, so the n × n pixels written fill the parent and the rest is clipped.
 * Its context is kept in memory rather than on the GPU, so a write is a copy rather than an upload
 * (SwiftShader's cost ~0.3 ms a call).
 */
export function putSquareBitmap(
  canvas: HTMLCanvasElement,
  px: Uint8ClampedArray<ArrayBuffer>,
  n: number,
): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  if (n === 0) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  const cap = squareCap(n);
  if (canvas.width !== cap) canvas.width = cap;
  if (canvas.height !== cap) canvas.height = cap;
  const size = `${(100 * cap) / n}%`;
  if (canvas.style.width !== size) {
    canvas.style.width = size;
    canvas.style.height = size;
  }
  // The pixels past n (from a longer text before) are cleared too: the clip edge may sample them.
  ctx.clearRect(0, 0, cap, cap);
  ctx.putImageData(new ImageData(px, n, n), 0, 0);
}

/** The backing size of an n × n bitmap: the next power of two, at least 8. */
export const squareCap = (n: number): number => Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(1, n))));

/** Size `canvas` to w × h CSS pixels at the device pixel ratio; its 2-D context, cleared, drawing in CSS pixels. */
export function hiDpiContext(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
): CanvasRenderingContext2D | null {
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const [cw, ch] = [Math.max(1, Math.round(w * dpr)), Math.max(1, Math.round(h * dpr))];
  if (canvas.width !== cw) canvas.width = cw;
  if (canvas.height !== ch) canvas.height = ch;
  // Unchanged sizes are not written again: each write restyles the canvas.
  if (canvas.style.width !== `${w}px`) canvas.style.width = `${w}px`;
  if (canvas.style.height !== `${h}px`) canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}

/** One cell as an SVG rect, for the vector copy an export writes (y left out when the row's group places it). */
export function svgRect(r: {
  x: number;
  y?: number;
  width: number;
  height: number;
  fill: string;
}): SVGRectElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  el.setAttribute('x', String(r.x));
  if (r.y !== undefined) el.setAttribute('y', String(r.y));
  el.setAttribute('width', String(r.width));
  el.setAttribute('height', String(r.height));
  el.setAttribute('fill', r.fill);
  return el;
}
