/** Results → the JSON rows and the markdown table with ratios (ours/peer, ours/PyTorch). */
import {
  adapterLabel,
  CONFIGS,
  type ConfigId,
  type SystemId,
  type ThroughputJob,
  type ThroughputResult,
} from './app/protocol';

export interface Row {
  system: SystemId;
  config: ConfigId;
  backend: string;
  ms_per_step: number | null;
  /** Fastest measured step: steadier than the median when other processes share the CPU. */
  ms_per_step_min?: number | null;
  tokens_per_s: number | null;
  gen_ms_per_token: number | null;
  gen_ms_per_token_trace?: number | null;
  /** How the figures were taken, for the record. */
  detail?: Record<string, unknown>;
  error?: string;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number | null, digits = 2) => (x === null ? null : Number(x.toFixed(digits)));

export function browserRow(job: ThroughputJob, r: ThroughputResult | undefined, error?: string): Row {
  const c = CONFIGS[job.config];
  const base = { system: job.system, config: job.config, backend: job.backend };
  if (!r) return { ...base, ms_per_step: null, tokens_per_s: null, gen_ms_per_token: null, error };
  const ms = median(r.step_ms);
  return {
    ...base,
    ms_per_step: round(ms),
    ms_per_step_min: round(Math.min(...r.step_ms)),
    tokens_per_s: ms === null ? null : Math.round((c.batch_size * c.block_size * 1000) / ms),
    gen_ms_per_token: round(median(r.gen_ms)),
    ...(job.system === 'tinygpt-lab' ? { gen_ms_per_token_trace: round(median(r.gen_trace_ms ?? [])) } : {}),
    detail: {
      renderer: r.renderer,
      ...(r.adapter ? { adapter: r.adapter, adapter_label: adapterLabel(r.adapter) } : {}),
      params: r.params,
      steps_measured: r.step_ms.length,
      step_ms_max: round(Math.max(...r.step_ms)),
      first_step_ms: round(r.first_step_ms, 0),
      tokens_measured: r.gen_ms.length,
      tensor_leak_per_run: r.tensor_leak,
    },
  };
}

const fmt = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '—' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${(a / b).toFixed(2)}×` : '—';
/** Median ratio, then the ratio of the fastest steps in brackets (less sensitive to other load). */
const stepRatio = (a?: Row, b?: Row) =>
  a?.ms_per_step && b?.ms_per_step
    ? `${ratio(a.ms_per_step, b.ms_per_step)} (${ratio(a.ms_per_step_min, b.ms_per_step_min)})`
    : '—';

function find(rows: Row[], system: SystemId, config: ConfigId, backend?: string): Row | undefined {
  return rows.find((r) => r.system === system && r.config === config && (!backend || r.backend === backend));
}

/** The system's fastest training backend for a config (lowest ms/step). */
export function best(rows: Row[], system: SystemId, config: ConfigId): Row | undefined {
  return rows
    .filter((r) => r.system === system && r.config === config && r.ms_per_step !== null)
    .sort((a, b) => a.ms_per_step! - b.ms_per_step!)[0];
}

/**
 * One line per (config, backend) of ours, plus a "best vs best" line per config. Ratios divide our
 * time by theirs: below 1× ours is faster; step ratios give median (fastest step). PyTorch is the
 * same CPU, single-threaded, on every line.
 */
export function markdownTable(rows: Row[], backends: string[], configs: ConfigId[]): string {
  const head = [
    'config',
    'backend (ours vs peer)',
    'ours ms/step',
    'ours tok/s',
    'peer ms/step',
    'ours/peer',
    'PyTorch ms/step',
    'ours/PyTorch',
    'ours gen ms/tok',
    'ours gen+trace',
    'peer gen',
    'gen ours/peer',
    'PyTorch gen',
    'gen ours/PyTorch',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const line = (config: ConfigId, label: string, ours?: Row, peer?: Row) => {
    const torch = find(rows, 'pytorch', config);
    const cells = [
      config,
      label,
      fmt(ours?.ms_per_step),
      fmt(ours?.tokens_per_s, 0),
      fmt(peer?.ms_per_step),
      stepRatio(ours, peer),
      fmt(torch?.ms_per_step),
      stepRatio(ours, torch),
      fmt(ours?.gen_ms_per_token),
      fmt(ours?.gen_ms_per_token_trace),
      fmt(peer?.gen_ms_per_token),
      ratio(ours?.gen_ms_per_token, peer?.gen_ms_per_token),
      fmt(torch?.gen_ms_per_token, 2),
      ratio(ours?.gen_ms_per_token, torch?.gen_ms_per_token),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  };
  for (const config of configs) {
    for (const backend of backends) {
      const ours = find(rows, 'tinygpt-lab', config, backend);
      if (!ours) continue;
      const peer = find(rows, 'genai-nanogpt', config, backend);
      // webgpu rows name the adapter that ran ("webgpu [SwiftShader, software adapter]").
      const adapter = (ours.detail?.adapter_label ?? peer?.detail?.adapter_label) as string | undefined;
      const name = adapter ? `${backend} [${adapter}]` : backend;
      const label = ours.error
        ? `${name} (ours failed)`
        : !peer
          ? `${name} (peer: none)`
          : peer.error
            ? `${name} (peer failed)`
            : name;
      line(config, label, ours, peer);
    }
    const [ours, peer] = [best(rows, 'tinygpt-lab', config), best(rows, 'genai-nanogpt', config)];
    if (ours) line(config, `**best: ${ours.backend} vs ${peer?.backend ?? '—'}**`, ours, peer);
  }
  return lines.join('\n');
}

export interface TtlSummary {
  system: SystemId;
  backend: string;
  time_to_val_2_0_s: number | null;
  steps: number | null;
  /** Training seconds in the whole run (to the target, or to the cap). */
  trained_s: number | null;
  final_val: number | null;
  note?: string;
}

export function ttlTable(ttl: TtlSummary[]): string {
  const ours = ttl.find((t) => t.system === 'tinygpt-lab')?.time_to_val_2_0_s;
  const lines = [
    '| system | backend | steps to val ≤ 2.0 | seconds to val ≤ 2.0 | ours/system | last val | seconds trained | note |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const t of ttl) {
    lines.push(
      `| ${t.system} | ${t.backend} | ${t.steps ?? '—'} | ${fmt(t.time_to_val_2_0_s)} | ${ratio(ours, t.time_to_val_2_0_s)} | ${fmt(t.final_val, 3)} | ${fmt(t.trained_s)} | ${t.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}
