/**
 * Cells painted on a canvas instead of one SVG rect each (the attention heatmap, the Concepts
 * strips): a canvas sized for the screen's pixel ratio, and the rects an export copy gets back.
 */

/**
 * `canvas` becomes the w × h bitmap `px` (RGBA bytes, one pixel a cell), scaled up by CSS or drawn
 * into another canvas. Its context is kept in memory rather than on the GPU, so a write is a copy
 * rather than an upload — SwiftShader's, where there is no GPU, cost ~0.3 ms a call
 * (bench/NOTES.md, "Session 8").
 */
export function putBitmap(
  canvas: HTMLCanvasElement,
  px: Uint8ClampedArray<ArrayBuffer>,
  w: number,
  h: number,
): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  ctx.putImageData(new ImageData(px, w, h), 0, 0);
}

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
