/**
 * Every choice that shapes a run, as one serialisable object mirrored in the URL
 * (CONTRACT.md's parameters), so a link reproduces the setup for a whole class.
 */
// config.ts is plain data and arithmetic (no TensorFlow.js), shared by engine and UI.
import { type ModelShape, PRESETS } from '../model/config';
import type { BackendRequest, TokenizerKind } from '../worker/api';

export type PresetId = 'nano' | 'baby' | 'small' | 'medium' | 'shakespeare' | 'custom';

export type Shape = ModelShape;

export interface Settings {
  preset: PresetId;
  custom: Shape;
  seed: number;
  backend: BackendRequest;
  tokenizer: TokenizerKind;
  bpeVocab: number;
  learningRate: number;
  batchSize: number;
  maxSteps: number;
}

type PresetKey = Exclude<PresetId, 'custom'>;
const presetOf = (id: PresetKey) => PRESETS[id];

export const DEFAULT_SETTINGS: Settings = {
  preset: 'nano',
  custom: { n_layer: 3, n_head: 4, n_embd: 96, block_size: 48 },
  seed: 1337,
  backend: 'auto',
  tokenizer: 'char',
  bpeVocab: 512,
  learningRate: PRESETS.nano.learning_rate,
  batchSize: PRESETS.nano.batch_size,
  maxSteps: 500,
};

export function shapeOf(s: Settings): Shape {
  return s.preset === 'custom' ? s.custom : presetOf(s.preset).shape;
}

const BACKENDS: BackendRequest[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Settings from a query string; unknown or malformed values keep their defaults. */
export function settingsFromQuery(search: string, base: Settings = DEFAULT_SETTINGS): Settings {
  const q = new URLSearchParams(search);
  const s: Settings = { ...base, custom: { ...base.custom } };
  const preset = q.get('preset');
  if (preset === 'custom' || (preset && preset in PRESETS)) {
    s.preset = preset as PresetId;
    if (preset !== 'custom') {
      s.batchSize = presetOf(preset as PresetKey).batch_size;
      s.learningRate = presetOf(preset as PresetKey).learning_rate;
    }
  }
  const int = (key: string, min: number, max: number) => {
    const v = Number(q.get(key));
    return q.has(key) && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
  };
  s.seed = int('seed', 0, 2 ** 31 - 1) ?? s.seed;
  s.maxSteps = int('maxSteps', 1, 1_000_000) ?? s.maxSteps;
  s.batchSize = int('batch', 1, 512) ?? s.batchSize;
  s.bpeVocab = int('vocab', 257, 4096) ?? s.bpeVocab;
  for (const k of ['n_layer', 'n_head', 'n_embd', 'block_size'] as const)
    s.custom[k] = int(k, 1, 2048) ?? s.custom[k];
  const lr = Number(q.get('lr'));
  if (q.has('lr') && lr > 0 && Number.isFinite(lr)) s.learningRate = lr;
  const backend = q.get('backend') as BackendRequest | null;
  if (backend && BACKENDS.includes(backend)) s.backend = backend;
  const tok = q.get('tokenizer');
  if (tok === 'char' || tok === 'bpe') s.tokenizer = tok;
  return s;
}

/** The query string for a shareable link: the CONTRACT parameters plus what differs from defaults. */
export function settingsToQuery(s: Settings): string {
  const q = new URLSearchParams();
  q.set('preset', s.preset);
  q.set('seed', String(s.seed));
  q.set('tokenizer', s.tokenizer);
  q.set('backend', s.backend);
  q.set('maxSteps', String(s.maxSteps));
  const preset = s.preset === 'custom' ? null : presetOf(s.preset);
  if (!preset || s.learningRate !== preset.learning_rate) q.set('lr', String(s.learningRate));
  if (!preset || s.batchSize !== preset.batch_size) q.set('batch', String(s.batchSize));
  if (s.tokenizer === 'bpe') q.set('vocab', String(s.bpeVocab));
  if (s.preset === 'custom') for (const [k, v] of Object.entries(s.custom)) q.set(k, String(v));
  return q.toString();
}
