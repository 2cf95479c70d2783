"""Writes the PyTorch golden fixtures the TS tests compare against (see scripts/README.md).

  fixtures/golden.json             fixed-weight forward/trace/grad/AdamW parity, two configs
  fixtures/torch_tied.safetensors  a small tied model trained here on a corpus this script writes
  fixtures/torch_tied.json         its prompt, greedy continuation and last-position logits

All tensors are float32; arrays are flattened row-major (C order) next to their shape.
Run: /usr/bin/python3 scripts/make_golden.py   (or `npm run fixtures`)
"""

import hashlib
import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy/torch load: deterministic BLAS sums

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nanogpt_ref import GPT, GPTConfig, model_from_checkpoint, save_safetensors  # noqa: E402

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")

ADAM = {"lr": 1e-2, "betas": [0.9, 0.99], "eps": 1e-8, "weight_decay": 0.1, "grad_clip": 1.0}


def f32(x):
    """A float32 as the shortest decimal that round-trips through double → float32 (Math.fround)."""
    v = np.float32(x)
    short = float(repr(v)) if np.isfinite(v) else float(v)
    return short if np.float32(short).tobytes() == v.tobytes() else float(v)  # exact double as fallback


def flat(t):
    return [f32(x) for x in t.detach().contiguous().view(-1).tolist()]


def shaped(t):
    return {"shape": list(t.shape), "data": flat(t)}


def decay_names(model):
    """Old nanoGPT grouping: weight decay only on Linear weights; biases, LayerNorm, wte, wpe none.
    named_parameters() lists a tied lm_head.weight once, as transformer.wte.weight (an Embedding)."""
    names = []
    for pn, _ in model.named_parameters():
        module = model.get_submodule(pn.rsplit(".", 1)[0])
        if pn.endswith(".weight") and isinstance(module, torch.nn.Linear):
            names.append(pn)
    return names


def make_optimizer(model):
    decay = set(decay_names(model))
    params = dict(model.named_parameters())
    groups = [
        {"params": [p for n, p in params.items() if n in decay], "weight_decay": ADAM["weight_decay"]},
        {"params": [p for n, p in params.items() if n not in decay], "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=ADAM["lr"], betas=tuple(ADAM["betas"]), eps=ADAM["eps"])


def golden_case(name, seed, config):
    torch.manual_seed(seed)
    model = GPT(config)
    # Non-trivial weights: N(0, 0.3) everywhere, LayerNorm weights N(1, 0.3), so every parameter matters.
    with torch.no_grad():
        for pn, p in model.named_parameters():
            p.copy_(torch.randn_like(p) * 0.3 + (1.0 if ".ln_" in pn and pn.endswith(".weight") else 0.0))
    B, T = 2, config.block_size
    idx = torch.randint(0, config.vocab_size, (B, T))
    targets = torch.randint(0, config.vocab_size, (B, T))
    weights = model.checkpoint_state_dict()  # snapshot before any update; omits lm_head when tied

    logits, loss, tr = model(idx, targets, trace=True)
    model.zero_grad()
    loss.backward()
    grads = {n: flat(p.grad) for n, p in model.named_parameters()}  # names match `weights` keys

    opt = make_optimizer(model)
    adam_losses, adam_grad_norms = [], []
    for _ in range(3):
        opt.zero_grad()
        _, step_loss = model(idx, targets)
        step_loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), ADAM["grad_clip"])
        adam_losses.append(f32(step_loss.item()))
        adam_grad_norms.append(f32(norm.item()))
        opt.step()

    return {
        "name": name,
        "config": config.to_json_dict(),
        "weights": {n: shaped(t) for n, t in weights.items()},
        "idx": idx.tolist(),
        "targets": targets.tolist(),
        "logits": shaped(logits),  # (B, T, V)
        "loss": f32(loss.item()),
        "attn": shaped(tr["attn"]),  # (L, B, nh, T, T)
        "residual": shaped(tr["residual"]),  # (L+1, B, T, C)
        "grads": grads,
        "adam_decay": decay_names(model),
        "adam_losses": adam_losses,
        "adam_grad_norms": adam_grad_norms,  # total norm before clipping, per step
        "adam_weights": {n: flat(t) for n, t in model.checkpoint_state_dict().items()},
    }


def write_golden():
    common = dict(n_layer=2, n_head=2, n_embd=16, block_size=8, vocab_size=11)
    cases = [
        golden_case("untied_bias", 1337, GPTConfig(**common, bias=True, tied=False)),
        golden_case("tied_nobias", 4242, GPTConfig(**common, bias=False, tied=True)),
    ]
    out = {
        "generator": "scripts/make_golden.py",
        "torch_version": torch.__version__,
        "layout": "arrays are float32, flattened row-major; `weights`/`grads`/`adam_weights` use PyTorch "
                  "state_dict names and shapes (Linear weight (out, in)); lm_head.weight omitted when tied",
        "adam": ADAM,
        "cases": cases,
    }
    write_json("golden.json", out)


# A corpus this project wrote (a nursery-rhyme-like paragraph), repeated so a tiny model can learn it.
RHYME = (
    "the little red hen sat on the gate.\n"
    "the big brown dog ran down the lane.\n"
    "the small grey cat slept on the mat.\n"
    "one, two, three, the bees are in the tree.\n"
    "four, five, six, the birds pick up sticks.\n"
    "the sun is up and the sky is blue,\n"
    "the cow says moo and the owl says hoo.\n\n"
)
CORPUS = RHYME * 12
PROMPT = "the big brown dog"


def write_torch_tied():
    chars = sorted(set(CORPUS))  # by code point
    stoi = {c: i for i, c in enumerate(chars)}
    data = torch.tensor([stoi[c] for c in CORPUS], dtype=torch.long)
    config = GPTConfig(n_layer=2, n_head=2, n_embd=32, block_size=32, vocab_size=len(chars), bias=True, tied=True)
    torch.manual_seed(7)
    model = GPT(config)
    opt = make_optimizer(model)
    steps, batch = 300, 16
    for step in range(steps):
        ix = torch.randint(len(data) - config.block_size, (batch,))
        x = torch.stack([data[i:i + config.block_size] for i in ix])  # (B, T)
        y = torch.stack([data[i + 1:i + 1 + config.block_size] for i in ix])  # (B, T), shifted by one
        _, loss = model(x, y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), ADAM["grad_clip"])
        opt.step()
        if step % 100 == 0 or step == steps - 1:
            print(f"torch_tied step {step}: loss {loss.item():.4f}")
    model.eval()

    corpus_sha = hashlib.sha256(CORPUS.encode("utf-8")).hexdigest()
    metadata = {
        "config": json.dumps(config.to_json_dict()),
        "tokenizer": json.dumps({"kind": "char", "chars": chars}),
        "step": str(steps),
        "corpus_sha256": corpus_sha,
    }
    path = os.path.join(FIXTURES, "torch_tied.safetensors")
    save_safetensors(path, model.checkpoint_state_dict(), metadata)

    prompt_ids = [stoi[c] for c in PROMPT]
    idx = torch.tensor([prompt_ids])
    with torch.no_grad():
        last_logits = model(idx)[0][0, -1]  # (V,)
        out = model.generate_greedy(idx, 40)[0, len(prompt_ids):].tolist()
        # Smallest top-1 vs top-2 logit gap along the greedy path: how safe an argmax comparison is.
        full = model.generate_greedy(idx, 39)
        margins = []
        for t in range(len(prompt_ids), full.size(1) + 1):
            top2 = model(full[:, max(0, t - config.block_size):t])[0][0, -1].topk(2).values
            margins.append((top2[0] - top2[1]).item())
    write_json("torch_tied.json", {
        "generator": "scripts/make_golden.py",
        "config": config.to_json_dict(),
        "tokenizer": {"kind": "char", "chars": chars},
        "step": steps,
        "corpus": CORPUS,
        "corpus_sha256": corpus_sha,
        "prompt": PROMPT,
        "prompt_ids": prompt_ids,
        "max_new_tokens": 40,
        "greedy_ids": out,
        "greedy_text": "".join(chars[i] for i in out),
        "greedy_min_margin": f32(min(margins)),
        "last_logits": flat(last_logits),  # (V,) logits at the prompt's last position
    })
    return path


def write_json(name, obj):
    with open(os.path.join(FIXTURES, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")


def check(path):
    """Reload the checkpoint as a user would and reproduce the recorded greedy text."""
    model, metadata = model_from_checkpoint(path)
    with open(os.path.join(FIXTURES, "torch_tied.json"), encoding="utf-8") as f:
        rec = json.load(f)
    chars = json.loads(metadata["tokenizer"])["chars"]
    idx = torch.tensor([[chars.index(c) for c in rec["prompt"]]])
    text = "".join(chars[i] for i in model.generate_greedy(idx, 40)[0, idx.size(1):].tolist())
    assert text == rec["greedy_text"], (text, rec["greedy_text"])
    print(f"reloaded {os.path.basename(path)}: {rec['prompt']!r} → {text!r}")


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    write_golden()
    check(write_torch_tied())
    for name in ("golden.json", "torch_tied.safetensors", "torch_tied.json"):
        print(f"fixtures/{name}: {os.path.getsize(os.path.join(FIXTURES, name))} bytes")
