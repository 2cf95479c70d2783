/** Panel exports: the SVG as drawn, a PNG rendered from it, and the numbers as CSV. */

/** Save a blob as a file through a temporary link (the browser's download). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Adds to an export copy what the page draws outside the svg (e.g. cells painted on a canvas). */
export type Decorate = (svg: SVGSVGElement, clone: SVGSVGElement) => void;

/** A standalone SVG document of `svg`, with computed fill/stroke/font inlined so it renders anywhere. */
export function svgText(svg: SVGSVGElement, decorate?: Decorate): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = svg.querySelectorAll('*');
  const dst = clone.querySelectorAll('*');
  const props = ['fill', 'stroke', 'stroke-width', 'opacity', 'font-family', 'font-size', 'font-weight'];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    // Through the CSSOM: a style attribute set as text is inline style, which the CSP refuses.
    const copy = dst[i] as SVGElement;
    copy.style.cssText = `${style};${copy.style.cssText}`;
  });
  decorate?.(svg, clone);
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, name: string, decorate?: Decorate): void {
  download(new Blob([svgText(svg, decorate)], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Render the SVG onto a white canvas at 2× and download it as PNG. */
export async function exportPng(svg: SVGSVGElement, name: string, decorate?: Decorate): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([svgText(svg, decorate)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * 2));
    canvas.height = Math.max(1, Math.round(height * 2));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) download(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RFC 4180 CSV: fields with commas, quotes or newlines are quoted. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export function exportCsv(header: string[], rows: (string | number)[][], name: string): void {
  download(new Blob([toCsv(header, rows)], { type: 'text/csv' }), `${name}.csv`);
}
