/**
 * Running the PyTorch bundle's scripts from tests (node): the system's python3 with torch (Debian's
 * python3-torch), torchrun, and reading train.py's log lines. Tests that need torch skip, saying so,
 * where it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PY = process.env.TINYGPT_PYTHON ?? '/usr/bin/python3';
export const hasTorch = spawnSync(PY, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
/** Appended to a test's title where torch is absent, so the skip says why in the report. */
export const torchAbsent = hasTorch ? '' : ` — SKIPPED: torch is absent (${PY} -c 'import torch' failed)`;

/**
 * torchrun with the flags Debian's torch 1.13 on Python 3.11 needs (it cannot parse the default "0"
 * of --redirects/--tee: IntFlag lost NONE); with them rank 0's lines start "[default0]:".
 */
export const TORCHRUN = [
  ...(existsSync('/usr/bin/torchrun') ? ['/usr/bin/torchrun'] : [PY, '-m', 'torch.distributed.run']),
  '--redirects=1',
  '--tee=1',
];

/** train.py under torchrun on one machine: `nproc` CPU processes (gloo) with these options. */
export function ddpTrainPy(nproc: number, options: string[]): string[] {
  return [...TORCHRUN, '--standalone', `--nproc_per_node=${nproc}`, 'train.py', '--device=cpu', ...options];
}

/** Run a command to its end; throws with its output when it fails. */
export function run(cmd: string[], cwd: string): { out: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, encoding: 'utf8', timeout: 180_000 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}):\n${out}`);
  return { out, ms: performance.now() - t0 };
}

/** train.py's `iter k: loss x` lines (torchrun's tee may prefix "[default0]:"). */
export const itersOf = (out: string) =>
  [...out.matchAll(/^(?:\[\w+\]:)?iter (\d+): loss ([\d.]+)/gm)].map((m) => ({
    step: Number(m[1]),
    loss: Number(m[2]),
  }));

/** train.py's `greedy: "<json>"` line: the greedy continuation of --sample_prompt. */
export const greedyOf = (out: string) => JSON.parse(/^(?:\[\w+\]:)?greedy: (.*)$/m.exec(out)![1]) as string;
