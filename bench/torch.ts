/** Runs bench/torch_bench.py with /usr/bin/python3 and parses its JSON; null (with a message) when torch is missing. */

import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TtlResult } from './app/protocol';
import type { Row } from './report';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), 'torch_bench.py');

export interface TorchOutput {
  torch: string;
  threads: number;
  OPENBLAS_NUM_THREADS: string | null;
  rows: Row[];
  ttl?: TtlResult;
}

export function runTorch(quick: boolean, ttlMaxSteps: number): Promise<TorchOutput | null> {
  console.log(`→ pytorch (${quick ? 'quick' : 'full, with time to val 2.0'})`);
  return new Promise((done) => {
    const child = spawn(
      '/usr/bin/python3',
      [SCRIPT, ...(quick ? ['--quick'] : ['--ttl-max-steps', String(ttlMaxSteps)])],
      {
        // As many threads as our wasm uses (one per core, src/worker/backend.ts: threadPerCore), in
        // torch's own pool; OpenBLAS stays at 1, or its threads and torch's oversubscribe the cores
        // (measured here: baby 55 ms/step with 2 + 1, 150 ms with 2 + 2).
        env: { ...process.env, OPENBLAS_NUM_THREADS: '1', TORCH_THREADS: String(cpus().length) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('error', (e) => {
      console.log(`  pytorch skipped: ${e.message}`);
      done(null);
    });
    child.on('close', (code) => {
      if (code !== 0) {
        console.log(`  pytorch skipped: torch_bench.py exited ${code}`);
        return done(null);
      }
      type Raw = Row & { step_ms: number[]; gen_ms: number[]; params: number };
      const raw = JSON.parse(stdout) as Omit<TorchOutput, 'rows'> & { rows: Raw[] };
      const out: TorchOutput = { ...raw, rows: [] };
      out.rows = raw.rows.map(({ step_ms, gen_ms, params, ...row }) => ({
        ...row,
        ms_per_step: Number(row.ms_per_step!.toFixed(2)),
        ms_per_step_min: Number(Math.min(...step_ms).toFixed(2)),
        tokens_per_s: Math.round(row.tokens_per_s!),
        gen_ms_per_token: Number(row.gen_ms_per_token!.toFixed(3)),
        detail: {
          renderer: `PyTorch ${out.torch} CPU, ${out.threads} thread${out.threads === 1 ? '' : 's'}`,
          params,
          steps_measured: step_ms.length,
          tokens_measured: gen_ms.length,
        },
      }));
      done(out);
    });
  });
}
