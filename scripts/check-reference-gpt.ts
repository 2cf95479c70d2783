/**
 * Checks e2e/reference-gpt.ts (the float64 forward pass the e2e tests trust):
 *   1. the shipped baby-shakespeare checkpoint: bits per char of Shakespeare, short and longer than a block;
 *   2. against PyTorch (scripts/nanogpt_ref.py, float32 and float64) where /usr/bin/python3 has torch,
 *      on that checkpoint as F32 and re-encoded as BF16 and F16;
 *   3. fixtures/torch_tied.*: a tied model PyTorch trained: last-position logits and greedy continuation;
 *   4. fixtures/golden.json: PyTorch's logits for two fixed-weight configs (untied + bias, tied, no bias).
 * Run: npx tsx scripts/check-reference-gpt.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bitsPerChar, encodeChars, erf, loadReference, nextTokenLogProbs } from '../e2e/reference-gpt';
import { readHeader, type TensorEntry, withHeader } from '../e2e/safetensors';

const ROOT = join(import.meta.dirname, '..');
const BABY = join(ROOT, 'public/pretrained/baby-shakespeare.safetensors');
const LINE = 'First Citizen:\nBefore we proceed any further, hear me speak.';
const PASSAGE = `${LINE}\n\nAll:\nSpeak, speak.\n\nFirst Citizen:\nYou are all resolved rather to die than to famish?`;
let failed = 0;

function check(what: string, value: number, limit: number): void {
  const ok = value < limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${value.toExponential(3)} (limit ${limit})`);
}

const maxDiff = (a: ArrayLike<number>[], b: ArrayLike<number>[]) =>
  Math.max(...a.map((row, t) => Math.max(...Array.from(row, (v, i) => Math.abs(v - b[t][i])))));

const logSoftmax = (row: number[]) => {
  const max = Math.max(...row);
  const lse = max + Math.log(row.reduce((a, v) => a + Math.exp(v - max), 0));
  return row.map((v) => v - lse);
};

// erf against values from Python's math.erf.
const ERF: [number, number][] = [
  [0.1, 0.1124629160182849],
  [-0.7, -0.6778011938374184],
  [1.5, 0.9661051464753108],
  [3.2, 0.9999939742388483],
];
check('erf max abs error', Math.max(...ERF.map(([z, e]) => Math.abs(erf(z) - e))), 1e-15);

// 1. The shipped checkpoint.
const baby = readFileSync(BABY);
const model = loadReference(baby);
const short = bitsPerChar(model, LINE);
const long = bitsPerChar(model, PASSAGE);
console.log('baby-shakespeare config', JSON.stringify(model.config));
console.log(`bits/char of ${JSON.stringify(LINE)} (${LINE.length} chars): ${short.bits.toFixed(6)}`);
console.log(
  `bits/char of a ${PASSAGE.length}-char passage (sliding ${model.config.block_size}-char context):`,
);
console.log(
  `  ${long.bits.toFixed(6)}; first per-char bits ${long.perChar.slice(0, 5).map((v) => v.toFixed(3))}`,
);
// The first window's characters must agree whether the text is short or long.
check('short vs long text, shared prefix bits', maxDiff([short.perChar], [long.perChar]), 1e-12);

// A c_attn weight labelled in the engine's internal (in, out) layout must be refused, not misread.
const { header: swapped } = readHeader(baby);
const cAttn = swapped['transformer.h.0.attn.c_attn.weight'] as TensorEntry;
cAttn.shape = [...cAttn.shape].reverse();
let refused = false;
try {
  loadReference(withHeader(baby, swapped));
} catch {
  refused = true;
}
check('(in, out)-shaped c_attn accepted', refused ? 0 : 1, 1);
const t0 = performance.now();
bitsPerChar(model, PASSAGE);
console.log(`bitsPerChar of the passage took ${(performance.now() - t0).toFixed(0)} ms`);

/** The same checkpoint with every tensor re-encoded as BF16 (truncated) or F16 (rounded). */
function reencode(bytes: Uint8Array, dtype: 'BF16' | 'F16'): Buffer {
  const { header, dataStart } = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, e] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const t = e as TensorEntry;
    const out = Buffer.alloc((t.data_offsets[1] - t.data_offsets[0]) / 2);
    for (let i = 0; i < out.length / 2; i++) {
      const pos = dataStart + t.data_offsets[0] + 4 * i;
      out.writeUInt16LE(
        dtype === 'BF16' ? view.getUint32(pos, true) >>> 16 : toF16(view.getFloat32(pos, true)),
        2 * i,
      );
    }
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + out.length] };
    offset += out.length;
    parts.push(out);
  }
  const json = Buffer.from(JSON.stringify(header).padEnd(Math.ceil(JSON.stringify(header).length / 8) * 8));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, ...parts]);
}

/** float → IEEE half bits, round to nearest (values here are far below the half range's top). */
function toF16(v: number): number {
  const s = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a < 2 ** -14) return s | Math.round(a / 2 ** -24); // subnormal; rounding up to 0x400 is right
  let e = Math.floor(Math.log2(a));
  let m = Math.round((a / 2 ** e - 1) * 1024);
  if (m === 1024) [m, e] = [0, e + 1];
  return s | ((e + 15) << 10) | m;
}

// 2. PyTorch, where it is installed.
const PY = `
import json, sys, torch
sys.path.insert(0, sys.argv[1])
from nanogpt_ref import model_from_checkpoint
job = json.load(sys.stdin)
m32, _ = model_from_checkpoint(job["path"])
m64 = model_from_checkpoint(job["path"])[0].double()
def bits(m, ids, B):
    out = []
    for i in range(1, len(ids)):
        ctx = ids[max(0, i - B):i]
        lp = torch.log_softmax(m(torch.tensor([ctx]))[0][0, -1].double(), -1)
        out.append(-lp[ids[i]].item() / torch.log(torch.tensor(2.0, dtype=torch.float64)).item())
    return sum(out) / len(out)
with torch.no_grad():
    res = {}
    for name, m in (("f32", m32), ("f64", m64)):
        lp = torch.log_softmax(m(torch.tensor([job["ids"]]))[0][0].double(), -1)
        res[name] = {"lp": lp.tolist(), "bits": bits(m, job["text"], m32.config.block_size)}
print(json.dumps(res))
`;
const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch, numpy']).status === 0;
if (!hasTorch) console.log('skip: /usr/bin/python3 cannot import torch and numpy, no PyTorch comparison');
else {
  const dir = mkdtempSync(join(tmpdir(), 'refgpt-'));
  const ids = encodeChars(model, LINE);
  const text = encodeChars(model, PASSAGE);
  for (const dtype of ['F32', 'BF16', 'F16'] as const) {
    const path = join(dir, `baby-${dtype}.safetensors`);
    const bytes = dtype === 'F32' ? baby : reencode(baby, dtype);
    writeFileSync(path, bytes);
    const r = spawnSync('/usr/bin/python3', ['-c', PY, join(ROOT, 'scripts')], {
      input: JSON.stringify({ path, ids, text }),
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
    const py = JSON.parse(r.stdout.toString());
    const ref = loadReference(bytes);
    const ours = nextTokenLogProbs(ref, ids);
    const bits = bitsPerChar(ref, PASSAGE).bits;
    console.log(`${dtype}: bits/char passage ours ${bits.toFixed(6)}, torch f32 ${py.f32.bits.toFixed(6)}`);
    check(`${dtype} log-probs vs torch float32, max abs diff`, maxDiff(ours, py.f32.lp), 1e-4);
    check(`${dtype} log-probs vs torch float64, max abs diff`, maxDiff(ours, py.f64.lp), 1e-9);
    check(`${dtype} passage bits/char vs torch float64, abs diff`, Math.abs(bits - py.f64.bits), 1e-9);
  }
  rmSync(dir, { recursive: true });
}

// 3. A tied model PyTorch trained and saved: its last-position logits and greedy continuation.
const tiedJson = JSON.parse(readFileSync(join(ROOT, 'fixtures/torch_tied.json'), 'utf8'));
const tied = loadReference(readFileSync(join(ROOT, 'fixtures/torch_tied.safetensors')));
const prompt = encodeChars(tied, tiedJson.prompt);
const last = nextTokenLogProbs(tied, prompt).at(-1)!;
check(
  'torch_tied last log-probs vs PyTorch, max abs diff',
  maxDiff([last], [logSoftmax(tiedJson.last_logits)]),
  1e-4,
);
const seq = [...prompt];
for (let n = 0; n < tiedJson.max_new_tokens; n++) {
  const lp = nextTokenLogProbs(tied, seq.slice(-tied.config.block_size)).at(-1)!;
  seq.push(lp.indexOf(Math.max(...lp)));
}
const greedy = seq
  .slice(prompt.length)
  .map((id) => tied.vocab[id])
  .join('');
console.log(`torch_tied greedy: ${JSON.stringify(greedy)}`);
check('torch_tied greedy continuation mismatches', greedy === tiedJson.greedy_text ? 0 : 1, 1);

// 4. golden.json: fixed weights in PyTorch layout, PyTorch's logits (B, T, V) for each idx row.
const golden = JSON.parse(readFileSync(join(ROOT, 'fixtures/golden.json'), 'utf8'));
for (const c of golden.cases) {
  const tensors = Object.entries(c.weights as Record<string, { shape: number[]; data: number[] }>);
  const header: Record<string, unknown> = {
    __metadata__: {
      config: JSON.stringify(c.config),
      tokenizer: JSON.stringify({
        kind: 'char',
        chars: [...'abcdefghijklmnopqrstuvwxyz'].slice(0, c.config.vocab_size),
      }),
    },
  };
  let offset = 0;
  for (const [name, t] of tensors) {
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * t.data.length] };
    offset += 4 * t.data.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  const data = tensors.map(([, t]) => Buffer.from(Float32Array.from(t.data).buffer));
  const m = loadReference(Buffer.concat([len, json, ...data]));
  const [B, T, V] = c.logits.shape;
  let diff = 0;
  for (let r = 0; r < B; r++) {
    const want = Array.from({ length: T }, (_, t) =>
      logSoftmax(c.logits.data.slice((r * T + t) * V, (r * T + t + 1) * V)),
    );
    diff = Math.max(diff, maxDiff(nextTokenLogProbs(m, c.idx[r]), want));
  }
  check(
    `golden ${c.name} (bias ${c.config.bias}, tied ${c.config.tied}) log-probs, max abs diff`,
    diff,
    1e-4,
  );
}

console.log(failed ? `${failed} check(s) FAILED` : 'all checks passed');
process.exit(failed ? 1 : 0);
