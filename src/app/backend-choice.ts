/**
 * Auto's choice of backend, by measuring: which figures win, what they are remembered under, and
 * how the choice is said. A measurement holds for one device (what the browser offers: its GPU
 * adapter, WebGL renderer, cores, isolation) and one configuration (model shape, vocabulary size
 * to the nearest power of two, batch): a new preset or batch measures again, a corpus with a few
 * more characters does not.
 */
import { numberLocale, t } from '../i18n/i18n';
import type { BackendFigure, BackendName } from '../worker/api';

export interface RememberedChoice {
  winner: BackendName;
  figures: BackendFigure[];
  /** When it was measured (ms since 1970). */
  at: number;
}

export interface ModelShape {
  n_layer: number;
  n_head: number;
  n_embd: number;
  block_size: number;
  vocab_size: number;
}

/** "2x4x64 block 32 vocab~64 batch 16": configurations alike enough to share a measurement. */
export function configKey(shape: ModelShape, batchSize: number): string {
  const vocab = 2 ** Math.round(Math.log2(Math.max(1, shape.vocab_size)));
  return `${shape.n_layer}x${shape.n_head}x${shape.n_embd} block ${shape.block_size} vocab~${vocab} batch ${batchSize}`;
}

/** The fastest backend timed, leaving out any in `excluded` (a GPU lost this visit); null if none was. */
export function pickWinner(figures: BackendFigure[], excluded: ReadonlySet<BackendName> = new Set()) {
  let best: BackendFigure | null = null;
  for (const f of figures) {
    if (f.msPerStep === null || excluded.has(f.name)) continue;
    if (!best || f.msPerStep < (best.msPerStep as number)) best = f;
  }
  return best?.name ?? null;
}

/** Why auto runs where it does, in a sentence under the figures (in the language of the moment it was said). */
export function choiceText(choice: RememberedChoice, remembered: boolean): string {
  if (remembered) {
    // English writes the day as it always did here ("3 Dec 2026"); other languages their own way.
    const locale = numberLocale() === 'en' ? 'en-GB' : numberLocale();
    const day = new Date(choice.at).toLocaleDateString(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    return t('training.autoRuns', { backend: choice.winner, day });
  }
  const skipped = choice.figures.filter((f) => f.skipped).map((f) => f.name);
  const untimed = skipped.length
    ? t('training.untimed', { count: skipped.length, backends: skipped.join(t('training.and')) })
    : '';
  return t('training.autoChose', { backend: choice.winner, untimed });
}

/** Where the choices are kept: a small map, so localStorage (the page's, read synchronously). */
type Store = Pick<Storage, 'getItem' | 'setItem'>;
type Saved = Record<string, Record<string, RememberedChoice>>;

const KEY = 'tinygpt-lab/backend-choice';
const KEEP_PER_DEVICE = 40;

export class ChoiceMemory {
  constructor(private readonly store: Store | null = globalThis.localStorage ?? null) {}

  get(device: string, config: string): RememberedChoice | undefined {
    return this.read()[device]?.[config];
  }

  put(device: string, config: string, choice: RememberedChoice): void {
    const all = this.read();
    const mine = { ...all[device], [config]: choice };
    // The oldest measurements go first when a device has many.
    const kept = Object.entries(mine)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, KEEP_PER_DEVICE);
    all[device] = Object.fromEntries(kept);
    try {
      this.store?.setItem(KEY, JSON.stringify(all));
    } catch {
      // Storage refused (full, or disabled): the choice holds for this visit only.
    }
  }

  private read(): Saved {
    try {
      const parsed = JSON.parse(this.store?.getItem(KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Saved) : {};
    } catch {
      return {};
    }
  }
}
