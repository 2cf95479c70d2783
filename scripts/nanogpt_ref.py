"""A nanoGPT-style reference model (after karpathy/nanoGPT model.py) plus a tiny safetensors codec.

The TS model in src/model/ is tested against this file: same module names, same PyTorch shapes
(Linear weight is (out, in)), same math (pre-LN blocks, exact-erf GELU, LayerNorm eps 1e-5).
Differences from nanoGPT, on purpose: weight tying is optional (config.tied), attention is always the
explicit softmax (no flash attention) so probabilities can be returned, forward always returns the
logits of every position and can also return a trace (attention probs and residual stream).

No `safetensors` package is available, so save_safetensors/load_safetensors use struct + numpy.
"""

import json
import math
import struct
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
from torch.nn import functional as F


@dataclass
class GPTConfig:
    block_size: int
    vocab_size: int
    n_layer: int
    n_head: int
    n_embd: int
    dropout: float = 0.0
    bias: bool = True  # biases in Linears and LayerNorms, like GPT-2
    tied: bool = True  # lm_head.weight is transformer.wte.weight (nanoGPT always ties)

    def to_json_dict(self):
        # The keys stored in checkpoint metadata `config` (dropout is a training-time choice, not saved).
        keys = ("n_layer", "n_head", "n_embd", "block_size", "vocab_size", "bias", "tied")
        return {k: getattr(self, k) for k in keys}


class LayerNorm(nn.Module):
    """LayerNorm with an optional bias (PyTorch's nn.LayerNorm can't turn off just the bias)."""

    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, input):
        return F.layer_norm(input, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)  # q, k, v in that order
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        # causal mask (1, 1, block_size, block_size); not persistent so it never lands in a checkpoint
        mask = torch.tril(torch.ones(config.block_size, config.block_size))
        self.register_buffer("bias", mask.view(1, 1, config.block_size, config.block_size), persistent=False)

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)  # each (B, T, C)
        hs = C // self.n_head
        q = q.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))  # (B, nh, T, T)
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        probs = att  # (B, nh, T, T), before dropout: what the trace reports
        att = self.attn_dropout(att)
        y = att @ v  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # re-assemble heads side by side
        y = self.resid_dropout(self.c_proj(y))
        return y, probs


class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.gelu = nn.GELU()  # exact erf form, not the tanh approximation
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.ln_1 = LayerNorm(config.n_embd, bias=config.bias)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = LayerNorm(config.n_embd, bias=config.bias)
        self.mlp = MLP(config)

    def forward(self, x):
        a, probs = self.attn(self.ln_1(x))
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, probs


class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(config.vocab_size, config.n_embd),
            wpe=nn.Embedding(config.block_size, config.n_embd),
            drop=nn.Dropout(config.dropout),
            h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
            ln_f=LayerNorm(config.n_embd, bias=config.bias),
        ))
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        if config.tied:
            self.transformer.wte.weight = self.lm_head.weight  # https://paperswithcode.com/method/weight-tying
        self.apply(self._init_weights)
        for pn, p in self.named_parameters():  # GPT-2 scaled init of residual projections
            if pn.endswith("c_proj.weight"):
                torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx, targets=None, trace=False):
        """idx (B, T) int64 → logits (B, T, V), loss (mean CE over all positions or None)[, trace].

        trace = {"attn": (L, B, nh, T, T) probabilities, "residual": (L+1, B, T, C) the stream after
        the embeddings and after each block (before ln_f)}.
        """
        b, t = idx.size()
        assert t <= self.config.block_size, f"sequence length {t} > block_size {self.config.block_size}"
        pos = torch.arange(0, t, dtype=torch.long, device=idx.device)  # (T,)
        x = self.transformer.drop(self.transformer.wte(idx) + self.transformer.wpe(pos))  # (B, T, C)
        residual, attn = [x], []
        for block in self.transformer.h:
            x, probs = block(x)
            residual.append(x)
            attn.append(probs)
        logits = self.lm_head(self.transformer.ln_f(x))  # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)
        if trace:
            return logits, loss, {"attn": torch.stack(attn), "residual": torch.stack(residual)}
        return logits, loss

    def checkpoint_state_dict(self):
        """state_dict as saved to safetensors: float32 copies (not views of the live parameters, which
        the optimizer updates in place), lm_head.weight omitted when tied."""
        sd = self.state_dict()
        if self.config.tied:
            del sd["lm_head.weight"]
        return {k: v.detach().float().contiguous().clone() for k, v in sd.items()}  # a snapshot, not a view

    @torch.no_grad()
    def generate_greedy(self, idx, max_new_tokens):
        """Argmax decoding, context cropped to block_size. idx (B, T) → (B, T + max_new_tokens)."""
        for _ in range(max_new_tokens):
            idx_cond = idx[:, -self.config.block_size:]
            logits, _ = self(idx_cond)
            idx = torch.cat((idx, logits[:, -1, :].argmax(dim=-1, keepdim=True)), dim=1)
        return idx


# ---- safetensors (F32 write; F32/F16/BF16 read) ----

_DTYPES = {"F32": (np.dtype("<f4"), 4), "F16": (np.dtype("<f2"), 2), "BF16": (np.dtype("<u2"), 2)}


def save_safetensors(path, tensors, metadata):
    """tensors: {name: torch.Tensor} written as F32 in the given order; metadata: {str: str}."""
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()), "metadata must be str→str"
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        arr = np.ascontiguousarray(t.detach().cpu().float().numpy(), dtype="<f4")
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + arr.nbytes]}
        blobs.append(arr.tobytes())
        offset += arr.nbytes
    hb = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hb += b" " * ((-(8 + len(hb))) % 8)  # pad with spaces so the data section is 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hb)))
        f.write(hb)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    """→ ({name: float32 torch.Tensor}, metadata {str: str}). Halves are widened to float32."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path}: file too short")
    (n,) = struct.unpack("<Q", raw[:8])
    if n > len(raw) - 8:
        raise ValueError(f"{path}: header length {n} larger than the file")
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        if info["dtype"] not in _DTYPES:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        dt, size = _DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        count = int(np.prod(info["shape"], dtype=np.int64))
        if end - begin != count * size or end > len(data):
            raise ValueError(f"{path}: tensor {name} has bad data_offsets {info['data_offsets']}")
        arr = np.frombuffer(data, dtype=dt, count=count, offset=begin)
        if info["dtype"] == "BF16":
            arr = (arr.astype(np.uint32) << 16).view(np.float32)  # bf16 = top half of an f32
        out[name] = torch.from_numpy(arr.astype(np.float32).reshape(info["shape"]))
    return out, metadata


def model_from_checkpoint(path):
    """Builds a GPT from metadata `config` and loads the weights strictly (lm_head shared when tied)."""
    sd, metadata = load_safetensors(path)
    cfg = json.loads(metadata["config"])
    config = GPTConfig(block_size=cfg["block_size"], vocab_size=cfg["vocab_size"], n_layer=cfg["n_layer"],
                       n_head=cfg["n_head"], n_embd=cfg["n_embd"], bias=cfg["bias"], tied=cfg["tied"])
    model = GPT(config)
    if config.tied:
        if "lm_head.weight" in sd and not torch.equal(sd["lm_head.weight"], sd["transformer.wte.weight"]):
            raise ValueError(f"{path}: tied config but lm_head.weight differs from transformer.wte.weight")
        sd["lm_head.weight"] = sd["transformer.wte.weight"]
    model.load_state_dict(sd, strict=True)  # raises on any missing/unexpected name or shape mismatch
    model.eval()
    return model, metadata
