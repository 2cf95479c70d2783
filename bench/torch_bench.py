"""PyTorch side of `npm run bench`: the bench's configs on the same CPU, printed as one JSON object.

Usage: /usr/bin/python3 bench/torch_bench.py [--quick] [--corpus PATH] [--ttl-max-steps N]

Model: scripts/nanogpt_ref.py (nanoGPT's architecture; untied lm_head, biases, exact GELU, as
TinyGPT Lab's presets). Training step: forward, cross-entropy, backward, clip 1, AdamW (0.9, 0.99),
wd 0.1 on Linear weights only (as ours). Timed with the step finished (loss.item()).
Generation: batch 1, full context of block_size tokens, no KV cache, greedy. Threads: TORCH_THREADS
for torch.set_num_threads (bench/torch.ts passes the core count, as many threads as the app's wasm
uses), default 1; OPENBLAS_NUM_THREADS=1 (more oversubscribes the cores: 150 vs 55 ms/step on 2).
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

THREADS = int(os.environ.get("TORCH_THREADS", "1"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from nanogpt_ref import GPT, GPTConfig  # noqa: E402

CONFIGS = {
    "nano": dict(n_layer=2, n_head=4, n_embd=64, block_size=32, batch_size=16),
    "baby": dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=12),
}
RECIPE = dict(lr=1e-3, min_lr=1e-4, warmup=100, decay=2000, seed=1337)
# (warmup, min, max, budget seconds) for training steps and generated tokens
QUICK = dict(train=(5, 20, 200, 4.0), gen=(5, 20, 200, 2.0))
FULL = dict(train=(10, 50, 500, 10.0), gen=(10, 50, 500, 5.0))


def load_corpus(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    chars = sorted(set(text))
    stoi = {c: i for i, c in enumerate(chars)}
    data = np.array([stoi[c] for c in text], dtype=np.int64)
    n = int(len(data) * 0.9)
    return data[:n], data[n:], len(chars)


def get_batch(data, B, T, rng):
    ix = rng.integers(0, len(data) - T, B)
    x = torch.from_numpy(np.stack([data[i:i + T] for i in ix]))
    y = torch.from_numpy(np.stack([data[i + 1:i + 1 + T] for i in ix]))
    return x, y


def lr_at(it):
    r = RECIPE
    if it < r["warmup"]:
        return r["lr"] * (it + 1) / (r["warmup"] + 1)
    if it > r["decay"]:
        return r["min_lr"]
    ratio = (it - r["warmup"]) / max(1, r["decay"] - r["warmup"])
    return r["min_lr"] + 0.5 * (1 + math.cos(math.pi * ratio)) * (r["lr"] - r["min_lr"])


def make(cfg, vocab):
    torch.manual_seed(RECIPE["seed"])
    model = GPT(GPTConfig(block_size=cfg["block_size"], vocab_size=vocab, n_layer=cfg["n_layer"],
                          n_head=cfg["n_head"], n_embd=cfg["n_embd"], bias=True, tied=False))
    linear = {id(m.weight) for m in model.modules() if isinstance(m, torch.nn.Linear)}
    decay = [p for p in model.parameters() if id(p) in linear]
    rest = [p for p in model.parameters() if id(p) not in linear]
    groups = [{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=RECIPE["lr"], betas=(0.9, 0.99), eps=1e-8)
    return model, opt


def train_step(model, opt, batch, it):
    for g in opt.param_groups:
        g["lr"] = lr_at(it)
    x, y = batch
    _, loss = model(x, y)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item()


def time_each(fn, budget):
    warmup, lo, hi, seconds = budget
    for _ in range(warmup):
        fn()
    times, start = [], time.perf_counter()
    while len(times) < hi and (len(times) < lo or time.perf_counter() - start < seconds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def throughput(name, train, val, vocab, budgets):
    cfg = CONFIGS[name]
    B, T = cfg["batch_size"], cfg["block_size"]
    model, opt = make(cfg, vocab)
    rng = np.random.default_rng(RECIPE["seed"])
    it = [0]

    def step():
        train_step(model, opt, get_batch(train, B, T, rng), it[0])
        it[0] += 1

    step_ms = time_each(step, budgets["train"])
    model.eval()
    ctx = torch.from_numpy(val[:T].copy()).view(1, T)

    @torch.no_grad()
    def gen():
        nonlocal ctx
        logits, _ = model(ctx[:, -T:])
        ctx = torch.cat((ctx, logits[:, -1, :].argmax(dim=-1, keepdim=True)), dim=1)

    gen_ms = time_each(gen, budgets["gen"])
    ms = statistics.median(step_ms)
    return {
        "system": "pytorch", "config": name, "backend": "cpu",
        "ms_per_step": ms, "tokens_per_s": B * T * 1000 / ms,
        "gen_ms_per_token": statistics.median(gen_ms),
        "step_ms": step_ms, "gen_ms": gen_ms,
        "params": sum(p.numel() for p in model.parameters()),
    }


@torch.no_grad()
def estimate(model, data, B, T, seed, iters):
    model.eval()
    rng = np.random.default_rng(seed)
    losses = [model(*get_batch(data, B, T, rng))[1].item() for _ in range(iters)]
    model.train()
    return sum(losses) / iters


def time_to_loss(train, val, vocab, max_steps, target=2.0, every=100, iters=20):
    cfg = CONFIGS["baby"]
    B, T = cfg["batch_size"], cfg["block_size"]
    model, opt = make(cfg, vocab)
    rng = np.random.default_rng(RECIPE["seed"])
    curve, train_s, start = [], 0.0, time.perf_counter()

    def evaluate(step):
        tl = estimate(model, train, B, T, RECIPE["seed"] + 1, iters)
        vl = estimate(model, val, B, T, RECIPE["seed"] + 2, iters)
        curve.append({"step": step, "train": tl, "val": vl, "train_s": train_s,
                      "wall_s": time.perf_counter() - start})
        print(f"  pytorch ttl step {step}: train {tl:.3f} val {vl:.3f} ({train_s:.0f} s)", file=sys.stderr)
        return vl

    evaluate(0)
    stopped = "max-steps"
    for s in range(1, max_steps + 1):
        t0 = time.perf_counter()
        train_step(model, opt, get_batch(train, B, T, rng), s - 1)
        train_s += time.perf_counter() - t0
        if (s % every == 0 or s == max_steps) and evaluate(s) <= target:
            stopped = "target"
            break
    hit = next((p for p in curve if p["val"] <= target), None)
    return {"backend": "cpu", "curve": curve, "stopped": stopped,
            "time_to_target_s": hit["train_s"] if hit else None,
            "steps_to_target": hit["step"] if hit else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "data", "tinyshakespeare.txt"))
    ap.add_argument("--ttl-max-steps", type=int, default=RECIPE["decay"])
    args = ap.parse_args()
    torch.set_num_threads(THREADS)
    train, val, vocab = load_corpus(args.corpus)
    budgets = QUICK if args.quick else FULL
    out = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
        "rows": [throughput(n, train, val, vocab, budgets) for n in CONFIGS],
    }
    for r in out["rows"]:
        print(f"  pytorch {r['config']}: {r['ms_per_step']:.1f} ms/step, gen {r['gen_ms_per_token']:.2f} ms/token",
              file=sys.stderr)
    if not args.quick:
        out["ttl"] = time_to_loss(train, val, vocab, args.ttl_max_steps)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
