/**
 * `npm run bench [-- --quick]`: builds the bench page, serves it on 127.0.0.1, drives headless
 * Chromium through ours and the peer on each backend, runs PyTorch on the same CPU, and writes
 * bench/results/<date>.json + latest.json and a markdown table. Figures, never pass/fail.
 *
 * Flags: --quick (throughput only, < 10 min) --no-peer --no-torch --no-app
 *        --backends wasm,webgpu,webgl,cpu --configs nano,baby --ttl-max-minutes 90 --ttl-max-steps 2000
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { BackendId, ConfigId, Job, PageResult, ThroughputResult, TtlResult } from './app/protocol';
import { APP_OUT, type AppLongTask, appLongTask, buildApp } from './app-longtask';
import { launch, runJob } from './browser';
import { METHOD, PEER, PEER_DIFFERENCES } from './meta';
import { BACKENDS, CONFIG_IDS, QUICK_SKIPS, throughputJobs, ttlJob } from './plan';
import { best, browserRow, markdownTable, type Row, type TtlSummary, ttlTable } from './report';
import { serve } from './server';
import { runTorch, type TorchOutput } from './torch';
import { BENCH_OUT } from './vite.config';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = resolve(HERE, '../../shared/data/tinyshakespeare.txt');

function parseArgs(argv: string[]) {
  const has = (f: string) => argv.includes(f);
  const value = (f: string) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    full: !has('--quick'),
    peer: !has('--no-peer'),
    torch: !has('--no-torch'),
    app: !has('--no-app'),
    backends: (value('--backends')?.split(',') ?? BACKENDS) as BackendId[],
    configs: (value('--configs')?.split(',') ?? CONFIG_IDS) as ConfigId[],
    ttlMinutes: Number(value('--ttl-max-minutes') ?? 90),
    ttlSteps: Number(value('--ttl-max-steps') ?? 2000),
  };
}

/**
 * The peer lives in bench/peer with its own dependencies (kept out of the app's): installed here on
 * first use from its lock file, or the bench stops saying what to do.
 */
function ensurePeer(): void {
  const peerDir = resolve(HERE, 'peer');
  if (existsSync(resolve(peerDir, 'node_modules/@genai-fi/nanogpt/package.json'))) return;
  console.log('bench: installing the peer (@genai-fi/nanogpt) in bench/peer with npm ci…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peerDir, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      'bench: could not install the peer. Run `npm install` in bench/peer (it needs the npm registry), or pass --no-peer.',
    );
    process.exit(1);
  }
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const date = new Date();
  const load = loadavg();
  console.log(
    `bench: ${o.full ? 'full' : 'quick'} mode, ${cpus().length} cores, load ${load.map((x) => x.toFixed(1)).join(' ')}`,
  );

  if (o.peer) ensurePeer();
  await build({ configFile: resolve(HERE, 'vite.config.ts'), logLevel: 'error' });
  let app: AppLongTask | { error: string } | null = null;
  if (o.app) {
    try {
      await buildApp();
    } catch (e) {
      app = { error: `app build failed: ${(e as Error).message.split('\n')[0]}` };
    }
  }
  console.log(`built (${secs(t0)})`);

  const torch: TorchOutput | null = o.torch ? await runTorch(!o.full, o.ttlSteps) : null;
  const rows: Row[] = [...(torch?.rows ?? [])];

  const server = await serve(
    { '/bench/': BENCH_OUT, '/app/': APP_OUT },
    { '/data/tinyshakespeare.txt': CORPUS },
  );
  const browser = await launch();
  let page = await browser.open(`${server.origin}/bench/`, 'worker');
  /** Run a job; if the page itself died (a crashed tab), report it and open a fresh one. */
  const run = async (job: Job): Promise<PageResult> => {
    try {
      return await runJob(page, job);
    } catch (e) {
      page = await browser.open(`${server.origin}/bench/`, 'worker');
      return {
        error: `page failed: ${(e as Error).message.split('\n')[0]}`,
        longtask_max_ms: 0,
        longtask_count: 0,
      };
    }
  };
  // The bench page's longest task while our worker trained, and the job it fell in ("nano webgpu").
  let longtask = { ms: 0, job: '' };
  try {
    for (const job of throughputJobs(o)) {
      console.log(`→ ${job.system} ${job.config} ${job.backend} (${secs(t0)})`);
      const r = await run(job);
      const row = browserRow(job, r.result as ThroughputResult | undefined, r.error);
      row.detail = { ...row.detail, longtask_max_ms: Math.round(r.longtask_max_ms) };
      if (job.system === 'tinygpt-lab' && r.longtask_max_ms > longtask.ms)
        longtask = { ms: r.longtask_max_ms, job: `${job.config} ${job.backend}` };
      rows.push(row);
      console.log(
        `  ${row.error ? `failed: ${row.error.split('\n')[0]}` : `${row.ms_per_step} ms/step, ${row.tokens_per_s} tok/s, gen ${row.gen_ms_per_token} ms/tok`}`,
      );
    }
    if (o.app && !app) {
      console.log(`→ app long tasks while training baby (${secs(t0)})`);
      app = await appLongTask(browser, server.origin, 'baby', 30).catch((e: Error) => ({
        error: e.message.split('\n')[0],
      }));
      console.log(`  ${JSON.stringify(app)}`);
    }
    const ttl: Record<string, TtlResult | { error: string }> = {};
    if (o.full) {
      for (const system of ['tinygpt-lab', 'genai-nanogpt'] as const) {
        if (system === 'genai-nanogpt' && !o.peer) continue;
        const fastest = best(rows, system, 'baby');
        if (!fastest) continue;
        console.log(`→ ${system} time to val 2.0 on ${fastest.backend} (${secs(t0)})`);
        const job = ttlJob(system, fastest.backend as BackendId, o.ttlMinutes, o.ttlSteps);
        const r = await run(job);
        ttl[system] = (r.result as TtlResult | undefined) ?? { error: r.error ?? 'no result' };
      }
      if (torch?.ttl) ttl.pytorch = torch.ttl;
    }
    writeResults({ o, date, load, rows, longtask, app, ttl, torch, chromium: browser.version, t0 });
  } finally {
    await browser.close();
    await server.close();
  }
}

function ttlSummaries(ttl: Record<string, TtlResult | { error: string }>): TtlSummary[] {
  return Object.entries(ttl).map(([system, r]) => {
    if ('error' in r)
      return {
        system: system as TtlSummary['system'],
        backend: '—',
        time_to_val_2_0_s: null,
        steps: null,
        trained_s: null,
        final_val: null,
        note: r.error,
      };
    return {
      system: system as TtlSummary['system'],
      backend: r.backend,
      time_to_val_2_0_s: r.time_to_target_s === null ? null : Number(r.time_to_target_s.toFixed(1)),
      steps: r.steps_to_target,
      trained_s: Number((r.curve.at(-1)?.train_s ?? 0).toFixed(1)),
      final_val: r.curve.at(-1)?.val ?? null,
      note: r.stopped === 'target' ? '' : `stopped: ${r.stopped}`,
    };
  });
}

function writeResults(a: {
  o: ReturnType<typeof parseArgs>;
  date: Date;
  load: number[];
  rows: Row[];
  longtask: { ms: number; job: string };
  app: AppLongTask | { error: string } | null;
  ttl: Record<string, TtlResult | { error: string }>;
  torch: TorchOutput | null;
  chromium: string;
  t0: number;
}) {
  const table = markdownTable(a.rows, a.o.backends, a.o.configs);
  const summaries = ttlSummaries(a.ttl);
  const appMs = a.app && 'max_longtask_ms' in a.app ? a.app.max_longtask_ms : undefined;
  const out = {
    date: a.date.toISOString(),
    mode: a.o.full ? 'full' : 'quick',
    duration_s: Math.round((performance.now() - a.t0) / 1000),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      load_start: a.load,
      load_end: loadavg(),
      node: process.version,
      chromium: a.chromium,
    },
    pytorch: a.torch && {
      version: a.torch.torch,
      threads: a.torch.threads,
      OPENBLAS_NUM_THREADS: a.torch.OPENBLAS_NUM_THREADS,
    },
    peer: { package: PEER, differences: PEER_DIFFERENCES },
    method: METHOD,
    skipped: a.o.full
      ? []
      : QUICK_SKIPS.filter((q) => a.o.configs.includes(q.config) && a.o.backends.includes(q.backend)),
    rows: a.rows,
    // The app's figure when it was measured (its UI thread does real work); else the bench page's.
    max_longtask_ms: appMs ?? Math.round(a.longtask.ms),
    max_longtask_source: appMs === undefined ? 'bench-page' : 'app',
    max_longtask_ms_bench_page: Math.round(a.longtask.ms),
    max_longtask_bench_page_job: a.longtask.job,
    app_longtask: a.app,
    ...(a.o.full
      ? {
          time_to_val_2_0_s: Object.fromEntries(summaries.map((s) => [s.system, s.time_to_val_2_0_s])),
          ttl: a.ttl,
        }
      : {}),
    table,
  };
  const dir = resolve(HERE, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = a.date.toISOString().slice(0, 19).replace(/:/g, '-');
  const json = `${JSON.stringify(out, null, 1)}\n`;
  writeFileSync(resolve(dir, `${stamp}.json`), json);
  writeFileSync(resolve(dir, 'latest.json'), json);
  console.log(`\n${table}\n`);
  for (const q of out.skipped) console.log(`not measured: ${q.config} on ${q.backend}: ${q.why}`);
  if (a.o.full) console.log(`${ttlTable(summaries)}\n`);
  console.log(
    `longest main-thread task while training: app ${appMs ?? '—'} ms, bench page ${out.max_longtask_ms_bench_page} ms${a.longtask.job ? ` (${a.longtask.job})` : ''}`,
  );
  console.log(`app long task: ${JSON.stringify(a.app)}`);
  console.log(`wrote bench/results/${stamp}.json and latest.json (${out.duration_s} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
