/** Fixed text that goes into every result file: how the figures were taken and how the peer differs. */

export const PEER = '@genai-fi/nanogpt@1.3.0';

export const METHOD = [
  'Each browser measurement runs in a fresh module Web Worker on the bench page (headless system Chromium, SwiftShader WebGL, 2 cores).',
  "webgpu rows: --enable-unsafe-webgpu gives headless Chromium SwiftShader's software fallback adapter (adapter.info google/swiftshader, isFallbackAdapter true; detail.adapter); it runs on the CPU and says nothing about a real GPU. Budgets are a few steps (plan.ts).",
  'Training: warm-up steps untimed, then each step timed with its loss read back (await loss.data()), so queued GPU work counts; the figure is the median step (ms_per_step_min: the fastest).',
  'tokens/s = batch × block / median step. Generation: batch 1, a full block_size context, greedy, one forward per token, no KV cache (both systems); median token.',
  '"gen+trace" = src/analysis/inspect.ts per token (traced forward, attention + logit lens read back).',
  'max_longtask_ms: longest PerformanceObserver("longtask") entry in the built app while it trains baby via its UI (app_longtask); max_longtask_ms_bench_page: the same on the bench page while our worker trained.',
  'PyTorch: bench/torch_bench.py, scripts/nanogpt_ref.py model, same configs and recipe, torch.set_num_threads(cores), as many threads as our wasm uses, OPENBLAS_NUM_THREADS=1.',
  'Time to val 2.0 (full mode): baby, nanoGPT recipe (lr 1e-3, warmup 100, cosine to 1e-4 at 2000, AdamW (0.9, 0.99), wd 0.1, clip 1), eval every 100 steps on 20 fixed batches per split; training time only (evaluation excluded).',
];

export const PEER_DIFFERENCES = [
  'Model: NanoGPTV1 with useRope false (learned position embeddings), nearest to nanoGPT; the sizes (layers, heads, embd, block, vocab 65, MLP ×4) are ours.',
  'RMSNorm with a gain (no mean, no bias) instead of LayerNorm with bias; no biases in any Linear.',
  'lm_head tied to the token embedding (ours: untied), so 8k (nano) / 23k (baby) fewer parameters.',
  'GELU: tanh approximation in a fused matMul+GELU kernel (ours: exact erf GELU, as PyTorch nn.GELU()).',
  'Token embedding by gather (ours: one-hot × matMul); position embedding via a tfjs-layers Embedding.',
  'AdamW: its own fused kernels (moments stacked in one variable), weight decay on every rank ≥ 2 weight including the embeddings (ours: Linear weights only); loss scaling ×128 (its default) undone inside the optimizer.',
  'No gradient clipping: its clipNorm runs Norm2/ClipScale kernels that exist only for WebGPU ("Kernel Norm2 not registered" on cpu/webgl), so clipNorm is left unset, on webgpu too for one recipe everywhere (ours and PyTorch clip at 1).',
  'LR schedule: its own warmup (lr·(t+1)/100) and cosine over epochSteps × decayEpochs = 2000 steps to 1e-4 (ours: lr·(t+1)/101).',
  "Backends: webgpu, webgl and cpu; its webgpu path (its own patched webgpu backend and kernels, via TeachableLLM.selectBackend) runs on SwiftShader's software adapter since the bench launches Chromium with --enable-unsafe-webgpu (before, navigator.gpu.requestAdapter() was null); no wasm kernels, so no wasm rows.",
  'Its main.d.ts declares a NanoGPTV1 export that main.js does not have; the bench uses `models.NanoGPTV1`, and calls its PreTrainer.trainStep directly with our batches (same seeded windows as ours).',
  'Generation: its model.forward on the full window (no KV cache) to match ours; its Generator would use a KV cache.',
];
