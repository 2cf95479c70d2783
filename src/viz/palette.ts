/**
 * Colour that survives colour-blindness and a washed-out projector: Okabe & Ito's categorical
 * palette, and perceptually uniform sequential (cividis, viridis) and diverging (PuOr) scales.
 */
import { color, interpolateCividis, interpolatePuOr, scaleDiverging, scaleSequential } from 'd3';

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  orange: '#E69F00',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Categorical colours in order of distinctness on white. */
export const CATEGORICAL: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

export function categorical(i: number): string {
  const n = CATEGORICAL.length;
  return CATEGORICAL[((i % n) + n) % n];
}

/** The colour with an alpha, as an rgba() string (light backgrounds behind text). */
export function tint(c: string, alpha: number): string {
  const rgb = color(c)?.rgb();
  if (!rgb) return c;
  rgb.opacity = alpha;
  return rgb.formatRgb();
}

/** Value → colour on a sequential ramp (cividis by default: readable by every colour vision). */
export function sequential(
  domain: [number, number],
  interpolator: (t: number) => string = interpolateCividis,
) {
  return scaleSequential(interpolator).domain(domain).clamp(true);
}

/** Signed value → colour, white-ish at `mid` (PuOr: purple below, orange above). */
export function diverging(
  domain: [number, number, number],
  interpolator: (t: number) => string = interpolatePuOr,
) {
  return scaleDiverging(interpolator).domain(domain).clamp(true);
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function textOn(background: string): '#000000' | '#ffffff' {
  const rgb = color(background)?.rgb();
  if (!rgb) return '#000000';
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(rgb.r) + 0.7152 * lin(rgb.g) + 0.0722 * lin(rgb.b);
  return l > 0.179 ? '#000000' : '#ffffff';
}
