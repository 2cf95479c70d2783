/**
 * Checkpoints as safetensors with nanoGPT's state_dict names and PyTorch shapes, so a file
 * moves both ways between this app and a nanoGPT-style PyTorch model. Metadata (strings):
 * `config` (JSON), `tokenizer` (JSON), `step`, `corpus_sha256`.
 */
import { t } from '../i18n/i18n';
import { type GPTConfig, validateConfig } from './config';
import { fromTorchLayout, paramSpecs, toTorchLayout } from './params';
import { CheckpointError, decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors';
import { tokenizerFromJSON } from './tokenizer';
import type { TokenizerJSON } from './tokenizer/types';

export interface Checkpoint {
  config: GPTConfig;
  tokenizer: TokenizerJSON;
  step: number;
  corpusSha256: string;
  /** Weights by state_dict name, in this engine's layout (Linear weights as (in, out)). */
  weights: Map<string, Float32Array>;
}

export function encodeCheckpoint(ck: Checkpoint): Uint8Array {
  const tensors: NamedTensor[] = paramSpecs(ck.config).map((spec) => {
    const data = ck.weights.get(spec.name);
    if (!data) throw new Error(`missing weight ${spec.name}`);
    return { name: spec.name, shape: spec.torchShape, data: toTorchLayout(spec, data) };
  });
  const { n_layer, n_head, n_embd, block_size, vocab_size, bias, tied, dropout } = ck.config;
  return encodeSafetensors(tensors, {
    format: 'pt',
    config: JSON.stringify({ n_layer, n_head, n_embd, block_size, vocab_size, bias, tied, dropout }),
    tokenizer: JSON.stringify(ck.tokenizer),
    step: String(ck.step),
    corpus_sha256: ck.corpusSha256,
  });
}

/** Buffers PyTorch keeps in a state_dict that are not parameters (nanoGPT's causal mask). */
const IGNORED = /\.attn\.(bias|masked_bias)$/;

/** Parse and check a checkpoint; every way it can be wrong throws a CheckpointError that says which. */
export function decodeCheckpoint(bytes: Uint8Array): Checkpoint {
  const { tensors, metadata } = decodeSafetensors(bytes);
  const config = parseConfig(
    metadata,
    tensors.has('lm_head.weight') || tensors.has('_orig_mod.lm_head.weight'),
  );
  const tokenizer = parseTokenizer(metadata, config);

  const byName = new Map<string, NamedTensor>();
  for (const [name, t] of tensors) byName.set(name.replace(/^_orig_mod\./, ''), t);
  const weights = new Map<string, Float32Array>();
  const specs = paramSpecs(config);
  for (const spec of specs) {
    const tensor = byName.get(spec.name);
    if (!tensor) throw new CheckpointError(t('errors.checkpoint.noTensor', { name: spec.name }));
    if (tensor.shape.join() !== spec.torchShape.join()) {
      throw new CheckpointError(
        t('errors.checkpoint.shape', {
          name: spec.name,
          shape: String(tensor.shape),
          need: String(spec.torchShape),
        }),
      );
    }
    weights.set(spec.name, fromTorchLayout(spec, tensor.data));
  }
  const known = new Set(specs.map((s) => s.name));
  for (const name of byName.keys()) {
    if (known.has(name) || IGNORED.test(name)) continue;
    if (name === 'lm_head.weight' && config.tied) continue; // PyTorch saves the tied weight under both names
    throw new CheckpointError(t('errors.checkpoint.unexpected', { name }));
  }
  const step = Number(metadata.step ?? 0);
  return {
    config,
    tokenizer,
    step: Number.isFinite(step) ? step : 0,
    corpusSha256: metadata.corpus_sha256 ?? '',
    weights,
  };
}

function parseJSON(metadata: Record<string, string>, key: string): unknown {
  const raw = metadata[key];
  if (raw === undefined) {
    throw new CheckpointError(t('errors.checkpoint.noMetadata', { key }));
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new CheckpointError(t('errors.checkpoint.metadataJson', { key }));
  }
}

function parseConfig(metadata: Record<string, string>, hasHead: boolean): GPTConfig {
  const raw = parseJSON(metadata, 'config') as Partial<GPTConfig>;
  if (typeof raw !== 'object' || raw === null)
    throw new CheckpointError(t('errors.checkpoint.configNotObject'));
  const config: GPTConfig = {
    n_layer: raw.n_layer as number,
    n_head: raw.n_head as number,
    n_embd: raw.n_embd as number,
    block_size: raw.block_size as number,
    vocab_size: raw.vocab_size as number,
    bias: raw.bias ?? true,
    tied: raw.tied ?? !hasHead,
    dropout: 0,
  };
  try {
    validateConfig(config);
  } catch (e) {
    throw new CheckpointError(t('errors.checkpoint.badConfig', { reason: (e as Error).message }));
  }
  return config;
}

function parseTokenizer(metadata: Record<string, string>, config: GPTConfig): TokenizerJSON {
  const json = parseJSON(metadata, 'tokenizer') as TokenizerJSON;
  let vocab: number;
  try {
    vocab = tokenizerFromJSON(json).vocabSize;
  } catch (e) {
    throw new CheckpointError(t('errors.checkpoint.badTokenizer', { reason: (e as Error).message }));
  }
  if (vocab !== config.vocab_size) {
    throw new CheckpointError(
      t('errors.checkpoint.vocabSize', { vocab: String(vocab), size: String(config.vocab_size) }),
    );
  }
  return json;
}

/** Hex SHA-256 of a text (UTF-8), to tie a checkpoint to the corpus it learned from. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
