/**
 * What both bench workers share: the corpus as char ids, the batches, the timing loop and the
 * message plumbing. No TensorFlow.js here: each worker brings its own engine.
 */
import { type Batch, type Split, sampleBatch, splitTokens } from '../../src/model/batch';
import { Rng } from '../../src/model/rng';
import type {
  AdapterInfo,
  Budget,
  CurvePoint,
  Job,
  JobResult,
  TtlJob,
  TtlResult,
  WorkerMessage,
} from './protocol';

export interface Corpus {
  vocab: string[];
  split: Split;
}

/** Tiny Shakespeare from the bench server, char-tokenised as nanoGPT's shakespeare_char (sorted code points). */
export async function loadCorpus(): Promise<Corpus> {
  const res = await fetch('/data/tinyshakespeare.txt');
  if (!res.ok) throw new Error(`corpus: HTTP ${res.status}`);
  const text = await res.text();
  const vocab = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const index = new Map(vocab.map((ch, i) => [ch, i]));
  const ids = Int32Array.from(text, (ch) => index.get(ch)!);
  return { vocab, split: splitTokens(ids) };
}

/** The part of WebGPU the adapter read uses (the bench's libs carry no WebGPU types). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: Partial<AdapterInfo>; isFallbackAdapter?: boolean } | null>;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software/i;

/**
 * The adapter this worker gets from navigator.gpu (the one tfjs's webgpu backend asks for too),
 * or undefined when there is none. Headless Chromium offers SwiftShader's only with --enable-unsafe-webgpu.
 */
export async function webgpuAdapter(): Promise<AdapterInfo | undefined> {
  const gpu = (navigator as { gpu?: GpuLike }).gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return undefined;
  const i = adapter.info ?? {};
  const a = {
    vendor: i.vendor ?? '',
    architecture: i.architecture ?? '',
    device: i.device ?? '',
    description: i.description ?? '',
    isFallbackAdapter: !!(i.isFallbackAdapter ?? adapter.isFallbackAdapter),
  };
  const software = a.isFallbackAdapter || SOFTWARE.test(`${a.vendor} ${a.architecture} ${a.description}`);
  return { ...a, software };
}

/** Seeded (B, T) windows, the same stream for both systems. */
export function batches(data: Int32Array, B: number, T: number, seed: number): () => Batch {
  const rng = new Rng(seed);
  return () => sampleBatch(data, B, T, rng);
}

/** The first `count` windows of `data` from a fixed seed: the same evaluation batches every call. */
export function fixedBatches(data: Int32Array, B: number, T: number, seed: number, count: number): Batch[] {
  const next = batches(data, B, T, seed);
  return Array.from({ length: count }, next);
}

/** Run `fn` budget.warmup times untimed, then time each call until the budget says stop. */
export async function timeEach(fn: () => Promise<void>, budget: Budget): Promise<number[]> {
  for (let i = 0; i < budget.warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < budget.max) {
    if (times.length >= budget.min && performance.now() - start > budget.budgetMs) break;
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Like timeEach for several functions at once, called in turn, so load drifts hit each alike. */
export async function timeAlternating(fns: (() => Promise<void>)[], budget: Budget): Promise<number[][]> {
  for (let i = 0; i < budget.warmup; i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  while (times[0].length < budget.max) {
    if (times[0].length >= budget.min && performance.now() - start > budget.budgetMs * fns.length) break;
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      times[i].push(performance.now() - t0);
    }
  }
  return times;
}

export function post(message: WorkerMessage): void {
  (self as unknown as Worker).postMessage(message);
}

export const log = (text: string) => post({ type: 'log', text });

/** Mark the span the page watches for long tasks. */
export const training = (on: boolean) => post({ type: 'phase', training: on });

/** Answer exactly one job, then stay idle (the page terminates the worker). */
export function serve(run: (job: Job) => Promise<JobResult>): void {
  self.onmessage = async (e: MessageEvent<Job>) => {
    try {
      post({ type: 'done', result: await run(e.data) });
    } catch (err) {
      post({
        type: 'error',
        message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err),
      });
    }
  };
}

/**
 * Train until an evaluation (every job.evalEvery steps) shows val ≤ job.target, or a cap is hit.
 * Only the steps are timed: evaluation frequency is the bench's choice, not the trainer's cost.
 */
export async function trainToTarget(
  job: TtlJob,
  step: () => Promise<unknown>,
  estimate: () => Promise<{ train: number; val: number }>,
): Promise<Omit<TtlResult, 'backend'>> {
  const curve: CurvePoint[] = [];
  let trainS = 0;
  const start = performance.now();
  const evaluate = async (s: number) => {
    const { train, val } = await estimate();
    curve.push({ step: s, train, val, train_s: trainS, wall_s: (performance.now() - start) / 1000 });
    log(
      `${job.system} ${job.backend} step ${s}: train ${train.toFixed(3)} val ${val.toFixed(3)} (${trainS.toFixed(0)} s)`,
    );
    return val;
  };
  await evaluate(0);
  let stopped: TtlResult['stopped'] = 'max-steps';
  training(true);
  for (let s = 1; s <= job.maxSteps; s++) {
    const t0 = performance.now();
    await step();
    trainS += (performance.now() - t0) / 1000;
    const outOfTime = trainS > job.maxSeconds;
    if (s % job.evalEvery !== 0 && s !== job.maxSteps && !outOfTime) continue;
    if ((await evaluate(s)) <= job.target) {
      stopped = 'target';
      break;
    }
    if (outOfTime) {
      stopped = 'max-seconds';
      break;
    }
  }
  training(false);
  const hit = curve.find((p) => p.val <= job.target);
  return {
    curve,
    time_to_target_s: hit ? hit.train_s : null,
    steps_to_target: hit ? hit.step : null,
    stopped,
  };
}
