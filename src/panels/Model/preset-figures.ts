/**
 * The presets' bench figures as the picker shows them: ms per training step on wasm, measured by
 * bench/presets.ts (which writes the JSON), with the date and machine they were measured on.
 */
import { formatNumber, numberLocale, t } from '../../i18n/i18n';
import figures from '../../model/preset-figures.json';

export interface PresetFigure {
  batch: number;
  msPerStep: number;
  timedSteps: number;
}

const byId = figures.presets as Record<string, PresetFigure | undefined>;

export function presetFigure(id: string): PresetFigure | null {
  return byId[id] ?? null;
}

/** The machine the figures come from: its CPU's name (data, as the OS gives it) and core count. */
export const benchMachine = { cpu: figures.machine.cpu, cores: figures.machine.cores };

/** "96 ms", "1.2 s", "21 s": two significant figures are all a busy 2-core machine's timings hold. */
export function stepTime(ms: number): string {
  if (ms < 1000) return t('model.bench.ms', { n: formatNumber(Math.round(ms)) });
  const s = ms / 1000;
  return t('model.bench.seconds', { n: formatNumber(s, { maximumFractionDigits: s < 10 ? 1 : 0 }) });
}

/** The day the bench ran, in numbers as the language writes a date ("12/4/2026", "4.12.2026"). */
export function measuredDate(): string {
  const d = new Date(figures.measured);
  return new Intl.DateTimeFormat(numberLocale(), {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).format(d);
}
