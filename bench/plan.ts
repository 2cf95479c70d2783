/**
 * What `npm run bench` measures and for how long. Budgets are per backend and config: at least
 * `min` timed samples after `warmup`, at most `max`, stopping once `budgetMs` is spent, so a slow
 * backend costs seconds, not minutes (quick mode must finish in under 10 minutes on 2 cores).
 */
import type { BackendId, Budget, ConfigId, ThroughputJob, TtlJob } from './app/protocol';

export const CONFIG_IDS: ConfigId[] = ['nano', 'baby'];
/** webgpu next to wasm, so the two share the load of the same minutes. */
export const BACKENDS: BackendId[] = ['wasm', 'webgpu', 'webgl', 'cpu'];
/**
 * The peer ships cpu, webgl and webgpu kernels; no wasm. Headless Chromium here offers WebGPU only
 * on SwiftShader's software adapter (--enable-unsafe-webgpu, scripts/chromium-path.mjs).
 */
export const PEER_BACKENDS: BackendId[] = ['webgpu', 'webgl', 'cpu'];

const b = (warmup: number, min: number, max: number, budgetMs: number): Budget => ({
  warmup,
  min,
  max,
  budgetMs,
});

// Training steps. WebGL compiles shaders in its first steps, hence its longer warm-up. WebGPU here
// is SwiftShader's software adapter (2.6–5 s a nano step, 17–22 s a baby step on 2 shared cores):
// few steps, a short budget.
const TRAIN: Record<BackendId, Record<ConfigId, Budget>> = {
  wasm: { nano: b(5, 10, 60, 4000), baby: b(5, 8, 30, 8000) },
  webgpu: { nano: b(1, 3, 10, 5000), baby: b(0, 2, 4, 6000) },
  webgl: { nano: b(5, 5, 30, 5000), baby: b(3, 3, 10, 9000) },
  cpu: { nano: b(1, 3, 20, 6000), baby: b(0, 2, 5, 12000) },
};

// Generated tokens (batch 1, full context).
const GEN: Record<BackendId, Record<ConfigId, Budget>> = {
  wasm: { nano: b(5, 10, 60, 1500), baby: b(3, 10, 40, 2000) },
  webgpu: { nano: b(1, 3, 20, 1500), baby: b(1, 3, 10, 2000) },
  webgl: { nano: b(3, 5, 30, 2000), baby: b(3, 5, 20, 3000) },
  cpu: { nano: b(2, 5, 30, 2000), baby: b(1, 3, 10, 3000) },
};

/** Full mode measures about three times longer. */
function scaled(budget: Budget, full: boolean): Budget {
  return full
    ? { ...budget, min: budget.min * 2, max: budget.max * 3, budgetMs: budget.budgetMs * 3 }
    : budget;
}

/** In quick mode baby is not trained on cpu: ~7 s/step for ours (TFJS-NOTES), ~27 s/step seen for the peer under load. */
export const QUICK_SKIPS: { config: ConfigId; backend: BackendId; why: string }[] = [
  {
    config: 'baby',
    backend: 'cpu',
    why: 'too slow for --quick (~7 s/step ours, ~27 s/step seen for the peer under load); full mode measures it',
  },
];

export interface PlanOptions {
  full: boolean;
  peer: boolean;
  backends: BackendId[];
  configs: ConfigId[];
}

/** Throughput jobs, ours and the peer's interleaved per (config, backend) so load drifts hit both alike. */
export function throughputJobs(o: PlanOptions): ThroughputJob[] {
  const jobs: ThroughputJob[] = [];
  for (const config of o.configs) {
    for (const backend of o.backends) {
      if (!o.full && QUICK_SKIPS.some((q) => q.config === config && q.backend === backend)) continue;
      const base = { kind: 'throughput' as const, config, backend };
      const budgets = {
        train: scaled(TRAIN[backend][config], o.full),
        gen: scaled(GEN[backend][config], o.full),
      };
      jobs.push({ ...base, system: 'tinygpt-lab', ...budgets });
      if (o.peer && PEER_BACKENDS.includes(backend))
        jobs.push({ ...base, system: 'genai-nanogpt', ...budgets });
    }
  }
  return jobs;
}

/** Time to validation loss 2.0 for baby (full mode), nanoGPT's eval cadence with 20 batches per split. */
export function ttlJob(
  system: TtlJob['system'],
  backend: BackendId,
  maxMinutes: number,
  maxSteps: number,
): TtlJob {
  return {
    kind: 'ttl',
    system,
    config: 'baby',
    backend,
    target: 2.0,
    evalEvery: 100,
    evalBatches: 20,
    maxSteps,
    maxSeconds: maxMinutes * 60,
  };
}
