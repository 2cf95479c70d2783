/**
 * What the bench page asks a worker to do and what comes back. Shared by the node driver, the page
 * and both workers, so it must stay free of TensorFlow.js imports.
 */

export type SystemId = 'tinygpt-lab' | 'genai-nanogpt' | 'pytorch';
export type ConfigId = 'nano' | 'baby';
export type BackendId = 'wasm' | 'webgl' | 'webgpu' | 'cpu';

export interface BenchConfig {
  n_layer: number;
  n_head: number;
  n_embd: number;
  block_size: number;
  batch_size: number;
}

/** The two configs; the vocabulary is Tiny Shakespeare's 65 characters. */
export const CONFIGS: Record<ConfigId, BenchConfig> = {
  nano: { n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, batch_size: 16 },
  baby: { n_layer: 4, n_head: 4, n_embd: 128, block_size: 64, batch_size: 12 },
};

/** nanoGPT's shakespeare_char recipe (CPU variant): AdamW (0.9, 0.99), wd 0.1, clip 1. */
export const RECIPE = {
  learningRate: 1e-3,
  minLr: 1e-4,
  warmupIters: 100,
  decayIters: 2000,
  beta1: 0.9,
  beta2: 0.99,
  weightDecay: 0.1,
  gradClip: 1,
  seed: 1337,
};

/** How long to measure: at least `min` samples, at most `max`, stopping early once `budgetMs` is spent. */
export interface Budget {
  warmup: number;
  min: number;
  max: number;
  budgetMs: number;
}

export interface ThroughputJob {
  kind: 'throughput';
  system: 'tinygpt-lab' | 'genai-nanogpt';
  config: ConfigId;
  backend: BackendId;
  train: Budget;
  gen: Budget;
}

export interface TtlJob {
  kind: 'ttl';
  system: 'tinygpt-lab' | 'genai-nanogpt';
  config: ConfigId;
  backend: BackendId;
  target: number;
  evalEvery: number;
  evalBatches: number;
  maxSteps: number;
  maxSeconds: number;
}

export type Job = ThroughputJob | TtlJob;

/** What navigator.gpu.requestAdapter() answered in the worker (webgpu jobs only). */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** Chromium's fallback (CPU) adapter, e.g. SwiftShader: correct, not fast. */
  isFallbackAdapter: boolean;
  /** Fallback, or a name that says software (SwiftShader, llvmpipe, lavapipe…). */
  software: boolean;
}

/** "SwiftShader, software adapter" / "nvidia ampere": how a webgpu row is labelled. */
export function adapterLabel(a: AdapterInfo): string {
  const name = /swiftshader/i.test(`${a.architecture} ${a.description}`)
    ? 'SwiftShader'
    : [a.vendor, a.architecture].filter(Boolean).join(' ') || a.description || 'unnamed adapter';
  return a.software ? `${name}, software adapter` : name;
}

export interface ThroughputResult {
  backend: string;
  /** GL renderer / WebGPU adapter, "wasm SIMD, …" or "JavaScript" (ours); the backend name (peer, + adapter on webgpu). */
  renderer: string;
  /** webgpu only: the adapter the worker was given. */
  adapter?: AdapterInfo;
  params: number;
  /** Wall time of each measured training step, loss read back (ms). */
  step_ms: number[];
  /** First (cold) step, for the record: WebGL compiles its shaders here. */
  first_step_ms: number;
  /** Wall time of each generated token at batch 1 with a full context (ms). */
  gen_ms: number[];
  /** The same with the trace (attention, logit lens) computed and read back; ours only. */
  gen_trace_ms: number[] | null;
  /** Tensors alive after the measured steps minus before (0 = no leak). */
  tensor_leak: number;
}

export interface CurvePoint {
  step: number;
  train: number;
  val: number;
  /** Seconds spent in training steps so far (evaluation excluded). */
  train_s: number;
  /** Seconds since the first step, evaluation included. */
  wall_s: number;
}

export interface TtlResult {
  backend: string;
  curve: CurvePoint[];
  /** Training seconds until the first evaluation with val ≤ target, or null. */
  time_to_target_s: number | null;
  steps_to_target: number | null;
  stopped: 'target' | 'max-steps' | 'max-seconds';
}

export type JobResult = ThroughputResult | TtlResult;

/** Worker → page messages. */
export type WorkerMessage =
  | { type: 'log'; text: string }
  | { type: 'phase'; training: boolean }
  | { type: 'done'; result: JobResult }
  | { type: 'error'; message: string };

/** What the page hands back to the driver for one job. */
export interface PageResult {
  result?: JobResult;
  error?: string;
  /** Longest main-thread long task (ms) while the worker was training; 0 when none. */
  longtask_max_ms: number;
  longtask_count: number;
}
