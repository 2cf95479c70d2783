/**
 * Whether a training step fits what this device allows: config.ts's estimate against the limits the
 * engine read where it runs (worker/memory-limits.ts). Plain arithmetic and messages, no
 * TensorFlow.js: the Model panel warns with it before training, the engine refuses with it.
 */
import { formatNumber, t } from '../i18n/i18n';
import { attentionPath, type GPTConfig, trainingMemoryBytes } from './config';

export interface MemoryLimits {
  backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  /** The backend has the fused attention kernel (attentionPath: what a step keeps alive). */
  fusedAttention: boolean;
  /** wasm: the heap's hard cap, 4 GiB − 64 KiB in tfjs-backend-wasm 4.22; null elsewhere. */
  wasmHeapMaxBytes: number | null;
  /** WebGPU: the largest buffer the device binds (min of maxBufferSize, maxStorageBufferBindingSize). */
  maxBufferBytes: number | null;
  /** navigator.deviceMemory in bytes: a hint, rounded down to a power of 2 and at most 8 GiB; null if unsaid. */
  deviceMemoryBytes: number | null;
}

/**
 * wasm heap ÷ live tensor bytes at a step's peak, measured 1.24–1.35 from small to shakespeare in
 * node (bench/NOTES.md, session 13): the allocator's slack and the heap's 20 % growth steps; plus
 * the 16 MiB the heap starts with, which dominates only for the smallest models (nano: 1.45).
 */
export const WASM_HEAP_OVERHEAD = 1.4;
const WASM_HEAP_START = 16 * 2 ** 20;

/** The wasm heap a training step of this size takes, by the measured ratio above. */
export function wasmHeapBytes(needBytes: number): number {
  return needBytes * WASM_HEAP_OVERHEAD + WASM_HEAP_START;
}

/** Above this share of a limit, the panel says the run is close to it. */
const TIGHT = 0.75;

export type LimitKind = 'wasmHeap' | 'gpuBuffer' | 'deviceMemory';

export interface MemoryVerdict {
  /** Bytes of tensors alive at a step's peak (trainingMemoryBytes). */
  needBytes: number;
  batch: number;
  /** 'wontFit': training is refused; 'tight': it may run, near a limit (or the RAM on a GPU). */
  level: 'fits' | 'tight' | 'wontFit';
  /** The limit that decides the level, what is held against it and its size; null when none is known. */
  limit: { kind: LimitKind; usesBytes: number; limitBytes: number } | null;
  /** The largest batch under every hard limit (0: none; null: no hard limit known here). */
  maxBatch: number | null;
}

/** Bytes of the largest single tensor a step makes: a layer's attention maps, the MLP's (B·T, 4C), the logits. */
export function largestTensorBytes(c: GPTConfig, batch: number): number {
  const bt = batch * c.block_size;
  return 4 * Math.max(batch * c.n_head * c.block_size ** 2, bt * 4 * c.n_embd, bt * c.vocab_size);
}

/** Each limit known here, with what it holds (hard: training is refused past it). */
function checks(c: GPTConfig, batch: number, m: MemoryLimits) {
  const need = trainingMemoryBytes(c, batch, attentionPath(c, m.backend, m.fusedAttention));
  const heap = wasmHeapBytes(need);
  const out: { kind: LimitKind; usesBytes: number; limitBytes: number; hard: boolean }[] = [];
  if (m.wasmHeapMaxBytes)
    out.push({ kind: 'wasmHeap', usesBytes: heap, limitBytes: m.wasmHeapMaxBytes, hard: true });
  if (m.maxBufferBytes)
    out.push({
      kind: 'gpuBuffer',
      usesBytes: largestTensorBytes(c, batch),
      limitBytes: m.maxBufferBytes,
      hard: true,
    });
  // On wasm and cpu the tensors are in the tab's RAM; a GPU's memory is its own (the RAM only warns).
  const inRam = m.backend === 'wasm' || m.backend === 'cpu';
  if (m.deviceMemoryBytes)
    out.push({
      kind: 'deviceMemory',
      usesBytes: m.backend === 'wasm' ? heap : need,
      limitBytes: m.deviceMemoryBytes,
      hard: inRam,
    });
  return { need, out };
}

export function memoryVerdict(c: GPTConfig, batch: number, m: MemoryLimits): MemoryVerdict {
  const { need, out } = checks(c, batch, m);
  const share = (x: (typeof out)[number]) => x.usesBytes / x.limitBytes;
  const over = out.find((x) => x.hard && x.usesBytes > x.limitBytes);
  const closest = [...out].sort((a, b) => share(b) - share(a))[0];
  const tight = closest && (share(closest) > TIGHT || (!closest.hard && share(closest) > 1));
  const decisive = over ?? (tight ? closest : null);
  return {
    needBytes: need,
    batch,
    level: over ? 'wontFit' : tight ? 'tight' : 'fits',
    limit: decisive
      ? { kind: decisive.kind, usesBytes: decisive.usesBytes, limitBytes: decisive.limitBytes }
      : null,
    maxBatch: out.some((x) => x.hard) ? largestBatch(c, m) : null,
  };
}

/** The largest batch (≤ 4096) that passes every hard limit; 0 when even batch 1 does not. */
function largestBatch(c: GPTConfig, m: MemoryLimits): number {
  const fits = (b: number) => checks(c, b, m).out.every((x) => !x.hard || x.usesBytes <= x.limitBytes);
  let lo = 0;
  let hi = 4096;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** "812.4 MB", "2.3 GB" (binary units, as the Model panel's other figures). */
export function sizeText(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb < 1024) return t('model.megabytes', { size: formatNumber(mb, { maximumFractionDigits: 1 }) });
  return t('model.gigabytes', { size: formatNumber(mb / 1024, { maximumFractionDigits: 1 }) });
}

/** What the panel shows and the engine refuses with: the need, the limit, and what to change. */
export function memoryMessage(v: MemoryVerdict): string {
  if (!v.limit || v.level === 'fits') return '';
  const args = {
    need: sizeText(v.needBytes),
    uses: sizeText(v.limit.usesBytes),
    limit: sizeText(v.limit.limitBytes),
    batch: v.batch,
  };
  const what = t(`model.memory.${v.level}.${v.limit.kind}`, args);
  if (v.level === 'tight') return what;
  const advice =
    v.maxBatch && v.maxBatch > 0
      ? t('model.memory.adviceBatch', { max: v.maxBatch })
      : t('model.memory.adviceSmaller');
  return `${what} ${advice}`;
}
