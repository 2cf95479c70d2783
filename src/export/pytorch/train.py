"""
Train the TinyGPT Lab model in PyTorch: the lab's model and recipe, in one file (after karpathy/nanoGPT).

It starts from the weights the lab exported (ckpt.safetensors), draws the same batches the lab would
have drawn next (config.json's rng_state), and writes out_dir/ckpt.safetensors, which the lab opens
(Keep & share -> import). Needs only torch and numpy.

One process (cpu, cuda or mps):
$ python train.py --device=cuda --max_iters=2000
DistributedDataParallel on the GPUs (or CPU cores) of one machine:
$ torchrun --standalone --nproc_per_node=4 train.py
On two machines (run on each, node_rank 0 and 1, host:port of node 0):
$ torchrun --nnodes=2 --node_rank=0 --nproc_per_node=8 --rdzv_backend=c10d --rdzv_endpoint=host:29500 train.py
Continue a stopped run from out_dir:
$ python train.py --init_from=resume
"""

import inspect
import json
import math
import os
import struct
import sys
import time
from ast import literal_eval
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

# -----------------------------------------------------------------------------
# settings: the lab's recipe from config.json, then --key=value from the command line
with open(os.path.join(HERE, 'config.json'), encoding='utf-8') as f:
    recipe = json.load(f)['train']
for k in ('learning_rate', 'min_lr', 'beta1', 'beta2', 'eps', 'weight_decay', 'grad_clip'):
    recipe[k] = float(recipe[k])  # JSON writes 1.0 as 1; these are floats
config = dict(
    out_dir='out',
    init_from='bundle',  # 'bundle' (ckpt.safetensors beside this file), 'resume' (out_dir), 'scratch'
    device='auto',  # 'auto' (cuda, then mps, then cpu), 'cpu', 'cuda', 'cuda:1', 'mps'
    dtype='float32',  # 'float32' is the lab's arithmetic; 'bfloat16' or 'float16' autocast on cuda
    compile=False,  # torch.compile the model (PyTorch >= 2.0)
    dropout=-1.0,  # -1 keeps the checkpoint's (the lab's model trains with 0)
    log_interval=1,
    sample_prompt='',  # when set: print the greedy continuation of this text at the end
    sample_tokens=200,
    **recipe,  # batch_size, gradient_accumulation_steps, learning_rate, ..., rng_state, start_step
)
for arg in sys.argv[1:]:
    if not arg.startswith('--') or '=' not in arg:
        sys.exit(f'arguments look like --key=value, got {arg!r}')
    key, val = arg[2:].split('=', 1)
    if key not in config:
        sys.exit(f'unknown setting --{key}; known: {", ".join(sorted(config))}')
    try:
        parsed = literal_eval(val)
    except (SyntaxError, ValueError):
        parsed = val  # a plain string
    old = config[key]
    if isinstance(old, str):
        parsed = val
    elif isinstance(old, float) and isinstance(parsed, int) and not isinstance(parsed, bool):
        parsed = float(parsed)
    if type(parsed) is not type(old):
        kind = {int: 'an integer', float: 'a number', bool: 'True or False'}[type(old)]
        sys.exit(f'--{key} wants {kind} (like {old!r}), got {val!r}')
    config[key] = parsed
globals().update(config)  # as nanoGPT's configurator: every setting is a global below

# -----------------------------------------------------------------------------
# the model: the lab's GPT (pre-LN blocks, exact-erf GELU, LayerNorm eps 1e-5), nanoGPT's names


@dataclass
class GPTConfig:
    block_size: int
    vocab_size: int
    n_layer: int
    n_head: int
    n_embd: int
    dropout: float = 0.0
    bias: bool = True  # biases in Linears and LayerNorms
    tied: bool = False  # lm_head.weight is transformer.wte.weight


class LayerNorm(nn.Module):
    """LayerNorm with an optional bias (nn.LayerNorm can't turn off just the bias)."""

    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)  # q, k, v in that order
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        self.n_head, self.n_embd, self.dropout = config.n_head, config.n_embd, config.dropout
        self.flash = hasattr(F, 'scaled_dot_product_attention')  # PyTorch >= 2.0
        mask = torch.tril(torch.ones(config.block_size, config.block_size))  # not saved: persistent=False
        self.register_buffer('bias', mask.view(1, 1, config.block_size, config.block_size), persistent=False)

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        if self.flash:
            y = F.scaled_dot_product_attention(q, k, v, dropout_p=self.dropout if self.training else 0,
                                               is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))  # (B, nh, T, T)
            att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float('-inf'))
            att = self.attn_dropout(F.softmax(att, dim=-1))
            y = att @ v  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # heads side by side again
        return self.resid_dropout(self.c_proj(y))


class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.gelu = nn.GELU()  # the exact erf form, as the lab
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
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


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
            self.transformer.wte.weight = self.lm_head.weight
        # nanoGPT's init (what the lab does too): N(0, 0.02), residual projections N(0, 0.02/sqrt(2 n_layer))
        for pn, p in self.named_parameters():
            if pn.endswith('bias'):
                torch.nn.init.zeros_(p)
            elif pn.endswith(('ln_1.weight', 'ln_2.weight', 'ln_f.weight')):
                torch.nn.init.ones_(p)
            else:
                std = 0.02 / math.sqrt(2 * config.n_layer) if pn.endswith('c_proj.weight') else 0.02
                torch.nn.init.normal_(p, mean=0.0, std=std)

    def forward(self, idx, targets=None):
        """idx (B, T) int64 -> logits (B, T, V) and the mean cross-entropy over every position (or None)."""
        b, t = idx.size()
        assert t <= self.config.block_size, f'sequence of {t} is longer than block_size {self.config.block_size}'
        pos = torch.arange(0, t, dtype=torch.long, device=idx.device)  # (T,)
        x = self.transformer.drop(self.transformer.wte(idx) + self.transformer.wpe(pos))  # (B, T, C)
        for block in self.transformer.h:
            x = block(x)
        logits = self.lm_head(self.transformer.ln_f(x))  # (B, T, V)
        loss = None if targets is None else F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss

    def decayed_names(self):
        """The lab's weight-decay group: Linear weights only (never embeddings, biases or LayerNorms)."""
        names = set()
        for i in range(self.config.n_layer):
            for m in ('attn.c_attn', 'attn.c_proj', 'mlp.c_fc', 'mlp.c_proj'):
                names.add(f'transformer.h.{i}.{m}.weight')
        if not self.config.tied:
            names.add('lm_head.weight')
        return names

    def checkpoint_tensors(self):
        """Float32 copies in state_dict order; lm_head.weight left out when tied (the lab's format)."""
        sd = self.state_dict()
        if self.config.tied:
            del sd['lm_head.weight']
        return {k: v.detach().float().cpu().contiguous().clone() for k, v in sd.items()}

    @torch.no_grad()
    def generate_greedy(self, idx, max_new_tokens):
        """Argmax decoding with the context cropped to block_size, as the lab's greedy mode."""
        for _ in range(max_new_tokens):
            logits, _ = self(idx[:, -self.config.block_size:])
            idx = torch.cat((idx, logits[:, -1, :].argmax(dim=-1, keepdim=True)), dim=1)
        return idx


# -----------------------------------------------------------------------------
# checkpoints: safetensors written and read with struct + numpy (no safetensors package needed)


def save_safetensors(path, tensors, metadata):
    header, blobs, offset = {'__metadata__': metadata}, [], 0
    for name, t in tensors.items():
        arr = np.ascontiguousarray(t.numpy(), dtype='<f4')
        header[name] = {'dtype': 'F32', 'shape': list(arr.shape), 'data_offsets': [offset, offset + arr.nbytes]}
        blobs.append(arr.tobytes())
        offset += arr.nbytes
    hb = json.dumps(header, separators=(',', ':')).encode('utf-8')
    hb += b' ' * ((-(8 + len(hb))) % 8)  # the data section starts 8-byte aligned
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(struct.pack('<Q', len(hb)) + hb)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)  # a stopped run never leaves half a file


def load_safetensors(path):
    """-> ({name: float32 tensor}, metadata {str: str}); F16 and BF16 are widened to float32."""
    with open(path, 'rb') as f:
        raw = f.read()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n].decode('utf-8'))
    metadata = header.pop('__metadata__', None) or {}
    data, out = raw[8 + n:], {}
    for name, info in header.items():
        dt = {'F32': '<f4', 'F16': '<f2', 'BF16': '<u2'}[info['dtype']]
        count = int(np.prod(info['shape'], dtype=np.int64))
        arr = np.frombuffer(data, dtype=dt, count=count, offset=info['data_offsets'][0])
        if info['dtype'] == 'BF16':
            arr = (arr.astype(np.uint32) << 16).view(np.float32)  # bf16 is the top half of an f32
        if name.startswith('_orig_mod.'):  # a torch.compile'd model's state_dict
            name = name[len('_orig_mod.'):]
        out[name] = torch.from_numpy(arr.astype(np.float32).reshape(info['shape']))
    return out, metadata


def model_from_checkpoint(path, dropout=-1.0):
    """The GPT of a checkpoint in the lab's format: config from its metadata, weights loaded strictly."""
    sd, metadata = load_safetensors(path)
    c = json.loads(metadata['config'])
    p = float(c.get('dropout', 0.0)) if dropout < 0 else dropout
    conf = GPTConfig(block_size=c['block_size'], vocab_size=c['vocab_size'], n_layer=c['n_layer'],
                     n_head=c['n_head'], n_embd=c['n_embd'], dropout=p,
                     bias=c.get('bias', True), tied=c.get('tied', 'lm_head.weight' not in sd))
    model = GPT(conf)
    if conf.tied:
        sd['lm_head.weight'] = sd['transformer.wte.weight']
    model.load_state_dict(sd, strict=True)
    return model, metadata


# -----------------------------------------------------------------------------
# batches: the lab's seeded RNG (mulberry32, src/model/rng.ts) and sampleBatch, in exact integer arithmetic

M32 = 0xFFFFFFFF


class Rng:
    def __init__(self, state):
        self.state = int(state) & M32

    def next(self):
        """Uniform in [0, 1): JavaScript's `>>> 0` is `& M32`, Math.imul(a, b) is `(a * b) & M32`."""
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296.0

    def int(self, n):
        return int(self.next() * n)  # Math.floor of the same double


def rank_rng_state(state, rank, world):
    """Rank r's stream is rank 0's skipped ahead by r * 2^32 / world draws (each draw adds 0x6D2B79F5 to
    the state), so the ranks' streams never overlap; rank 0 of 1 is the lab's stream itself."""
    return (state + rank * (2 ** 32 // world) * 0x6D2B79F5) & M32


def get_batch(data, n, rng):
    """n windows of block_size tokens and their next tokens, as the lab's sampleBatch: (n, T) int64 each."""
    T = gptconf.block_size
    ix = np.array([rng.int(len(data) - T) for _ in range(n)], dtype=np.int64)
    rows = ix[:, None] + np.arange(T + 1)[None, :]  # (n, T+1)
    xy = torch.from_numpy(data[rows])
    x, y = xy[:, :-1].contiguous(), xy[:, 1:].contiguous()
    if device_type == 'cuda':
        return x.pin_memory().to(device, non_blocking=True), y.pin_memory().to(device, non_blocking=True)
    return x.to(device), y.to(device)


# -----------------------------------------------------------------------------
# the processes: torchrun sets RANK/WORLD_SIZE for DistributedDataParallel, like nanoGPT

ddp = int(os.environ.get('RANK', -1)) != -1
rank = int(os.environ.get('RANK', 0))
local_rank = int(os.environ.get('LOCAL_RANK', 0))
world = int(os.environ.get('WORLD_SIZE', 1))
master = rank == 0
if device == 'auto':
    mps = getattr(torch.backends, 'mps', None)
    device = 'cuda' if torch.cuda.is_available() else 'mps' if mps and mps.is_available() else 'cpu'
device_type = device.split(':')[0]
if ddp:
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel as DDP
    if device_type not in ('cuda', 'cpu'):
        sys.exit(f'DistributedDataParallel runs on cuda (nccl) or cpu (gloo), not {device}')
    dist.init_process_group(backend='nccl' if device_type == 'cuda' else 'gloo')
    if device_type == 'cuda':
        device = f'cuda:{local_rank}'
        torch.cuda.set_device(device)
torch.manual_seed(seed + rank)  # dropout's randomness; the batches come from Rng below

# The effective batch (sequences per optimizer step) is batch_size x gradient_accumulation_steps, split
# over the processes: fewer micro-steps each where they divide, else a smaller micro-batch.
effective = batch_size * gradient_accumulation_steps
if effective % world:
    sys.exit(1 if not master else f'an effective batch of {batch_size} x {gradient_accumulation_steps} = {effective} sequences '
             f'does not split over {world} processes: make --batch_size x --gradient_accumulation_steps '
             f'a multiple of {world}')
per_rank = effective // world
micro_steps = next(g for g in range(1, per_rank + 1) if per_rank % g == 0 and per_rank // g <= batch_size)
micro_batch = per_rank // micro_steps

if dtype != 'float32' and device_type != 'cuda':
    if master:
        print(f'--dtype={dtype} is for cuda; {device_type} trains in float32')
    dtype = 'float32'
ptdtype = {'float32': torch.float32, 'bfloat16': torch.bfloat16, 'float16': torch.float16}[dtype]
ctx = nullcontext() if dtype == 'float32' else torch.autocast('cuda', dtype=ptdtype)  # weights stay float32

# -----------------------------------------------------------------------------
# the model, the data and the optimizer

state = None
if init_from == 'resume':
    if not os.path.exists(os.path.join(out_dir, 'train_state.pt')):
        sys.exit(f'nothing to resume in {out_dir}/: a run writes ckpt.safetensors and train_state.pt there')
    model, meta = model_from_checkpoint(os.path.join(out_dir, 'ckpt.safetensors'), dropout)
    state = torch.load(os.path.join(out_dir, 'train_state.pt'), map_location='cpu')
    start_step, iter_num = state['start_step'], state['iter_num']
elif init_from in ('bundle', 'scratch'):
    model, meta = model_from_checkpoint(os.path.join(HERE, 'ckpt.safetensors'), dropout)
    iter_num = 0
    if init_from == 'scratch':
        model, start_step = GPT(model.config), 0  # fresh weights, nanoGPT's init, seeded by --seed
else:
    sys.exit(f"--init_from is 'bundle', 'resume' or 'scratch', not {init_from!r}")
gptconf = model.config
model.to(device)
raw_model = model

data = {s: np.fromfile(os.path.join(HERE, f'{s}.bin'), dtype='<u2').astype(np.int64) for s in ('train', 'val')}
if len(data['train']) < gptconf.block_size + 1:
    sys.exit(f'train.bin has {len(data["train"])} tokens; block_size {gptconf.block_size} needs at least '
             f'{gptconf.block_size + 1}')
rng_states = state['rng_states'] if state else [rng_state]
rng = Rng(rng_states[rank] if len(rng_states) == world else rank_rng_state(rng_states[0], rank, world))

decayed = raw_model.decayed_names()
params = dict(raw_model.named_parameters())  # a tied weight appears once, as transformer.wte.weight
groups = [
    {'params': [p for n, p in params.items() if n in decayed], 'weight_decay': weight_decay},
    {'params': [p for n, p in params.items() if n not in decayed], 'weight_decay': 0.0},
]
fused = device_type == 'cuda' and 'fused' in inspect.signature(torch.optim.AdamW).parameters
optimizer = torch.optim.AdamW(groups, lr=learning_rate, betas=(beta1, beta2), eps=eps,
                              **(dict(fused=True) if fused else {}))
GradScaler = torch.amp.GradScaler if hasattr(torch.amp, 'GradScaler') else torch.cuda.amp.GradScaler
scaler = GradScaler(enabled=(dtype == 'float16'))  # float16 needs loss scaling; otherwise a no-op
if state:
    optimizer.load_state_dict(state['optimizer'])
    if state['scaler']:  # empty when it was saved from a float32 run
        scaler.load_state_dict(state['scaler'])
state = None

if compile:
    if hasattr(torch, 'compile'):
        model = torch.compile(model)
    elif master:
        print('torch.compile needs PyTorch >= 2.0: running without it')
if ddp:
    model = DDP(model, device_ids=[local_rank] if device_type == 'cuda' else None)


def get_lr(it):
    """The lab's schedule (src/model/schedule.ts): linear warmup, cosine decay to min_lr; it counts from 0."""
    if it < warmup_iters:
        return learning_rate * (it + 1) / (warmup_iters + 1)
    if it > lr_decay_iters:
        return min_lr
    ratio = (it - warmup_iters) / max(1, lr_decay_iters - warmup_iters)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (learning_rate - min_lr)


@torch.no_grad()
def estimate_loss():
    """The lab's estimateLoss: the same eval_iters batches every time, from Rng(seed+1) (train) and
    Rng(seed+2) (val), each of the effective batch, run in micro-batches."""
    out = {}
    raw_model.eval()
    for split, offset in (('train', 1), ('val', 2)):
        if len(data[split]) < gptconf.block_size + 1:
            out[split] = float('nan')  # too little text for one window
            continue
        r, total = Rng(seed + offset), 0.0
        for _ in range(eval_iters):
            for _ in range(effective // batch_size):
                X, Y = get_batch(data[split], batch_size, r)
                with ctx:
                    total += raw_model(X, Y)[1].item()
        out[split] = total / (eval_iters * (effective // batch_size))
    raw_model.train()
    return out


def save_checkpoint(step):
    """out_dir/ckpt.safetensors in the lab's format, and what resuming needs in out_dir/train_state.pt.
    Every process calls it (the RNG states are gathered); rank 0 writes."""
    states = [rng.state]
    if ddp:
        states = [None] * world
        dist.all_gather_object(states, rng.state)
    if not master:
        return
    os.makedirs(out_dir, exist_ok=True)
    metadata = dict(meta, step=str(step))  # config, tokenizer and corpus hash carried over from the bundle
    save_safetensors(os.path.join(out_dir, 'ckpt.safetensors'), raw_model.checkpoint_tensors(), metadata)
    torch.save({'optimizer': optimizer.state_dict(), 'scaler': scaler.state_dict(), 'iter_num': iter_num,
                'start_step': start_step, 'rng_states': states, 'config': config},
               os.path.join(out_dir, 'train_state.pt'))
    print(f'wrote {os.path.join(out_dir, "ckpt.safetensors")} (step {step})', flush=True)


def evaluate_and_save(step):
    if master:
        losses = estimate_loss()
        print(f"step {step}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}", flush=True)
    save_checkpoint(step)


# -----------------------------------------------------------------------------
# training

if master:
    n_params = sum(p.numel() for p in params.values())
    print(f'model: {gptconf.n_layer} layers, {gptconf.n_head} heads, {gptconf.n_embd} embd, block '
          f'{gptconf.block_size}, vocab {gptconf.vocab_size}, {n_params / 1e6:.2f}M parameters')
    print(f'{world} process(es) on {device_type}, {dtype}; effective batch {effective} sequences = '
          f'{world} x {micro_steps} micro-steps x {micro_batch}, '
          f'{effective * gptconf.block_size:,} tokens per iteration')
    to_go = max(0, max_iters - iter_num)
    print(f'from {init_from} at step {start_step + iter_num}; {to_go} iteration{"" if to_go == 1 else "s"} to go',
          flush=True)

last_saved = None
t0 = time.time()
while iter_num < max_iters:
    lr = get_lr(iter_num)
    for group in optimizer.param_groups:
        group['lr'] = lr
    loss_sum = torch.zeros((), device=device)
    for micro in range(micro_steps):
        # gradients are averaged over the processes only on the last micro-step
        sync = model.no_sync() if ddp and micro < micro_steps - 1 else nullcontext()
        X, Y = get_batch(data['train'], micro_batch, rng)
        with sync:
            with ctx:
                _, loss = model(X, Y)
                loss = loss / micro_steps  # the step's loss is the mean over its micro-batches
            scaler.scale(loss).backward()
        loss_sum += loss.detach()
    if grad_clip > 0:
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(raw_model.parameters(), grad_clip)
    scaler.step(optimizer)
    scaler.update()
    optimizer.zero_grad(set_to_none=True)
    iter_num += 1
    step = start_step + iter_num

    if iter_num % log_interval == 0 or iter_num == max_iters:
        if ddp:
            dist.all_reduce(loss_sum)  # the mean over every process's sequences
            loss_sum /= world
        lossf = loss_sum.item()
        t1 = time.time()
        if master:
            print(f'iter {step}: loss {lossf:.6f}, lr {lr:.6e}, time {(t1 - t0) * 1000:.1f}ms', flush=True)
        t0 = t1
    if eval_interval > 0 and step % eval_interval == 0:
        evaluate_and_save(step)
        last_saved = step
if last_saved != start_step + iter_num:
    evaluate_and_save(start_step + iter_num)

# -----------------------------------------------------------------------------
# a greedy continuation, to compare with the lab's (Generate, greedy) after importing the checkpoint


def tokenizer_from_json(tok):
    """-> (encode, decode) for the lab's tokenizers: 'char' (one id per code point) and byte-level 'bpe'."""
    if tok['kind'] == 'char':
        stoi = {ch: i for i, ch in enumerate(tok['chars'])}

        def encode(text):
            missing = sorted({ch for ch in text if ch not in stoi})
            if missing:
                sys.exit(f'--sample_prompt has characters the vocabulary lacks: {missing}')
            return [stoi[ch] for ch in text]
        return encode, lambda ids: ''.join(tok['chars'][i] for i in ids)
    import re
    merges = [tuple(m) for m in tok['merges']]
    ranks = {m: i for i, m in enumerate(merges)}
    vocab = [bytes([b]) for b in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    # GPT-2's split in Python's re (no \p{..}): letters [^\W\d_], digits \d; other patterns as written
    gpt2 = r"'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?(?:[^\s\w]|_)+|\s+(?!\S)|\s+"
    try:
        splitter = re.compile(gpt2 if '\\p{L}' in tok['pattern'] else tok['pattern'])
    except re.error:
        splitter = re.compile(r'[\s\S]+')

    def chunks(text):  # as the lab's splitChunks: text the pattern leaves unmatched is a chunk of its own
        end = 0
        for m in splitter.finditer(text):
            if m.end() > m.start():
                if m.start() > end:
                    yield text[end:m.start()]
                yield m.group(0)
                end = m.end()
        if end < len(text):
            yield text[end:]

    def encode(text):
        out = []
        for chunk in chunks(text):
            ids = list(chunk.encode('utf-8'))
            while len(ids) >= 2:  # minbpe: merge the lowest-ranked pair present, everywhere, again
                best = min((ranks.get(p, math.inf), p) for p in zip(ids, ids[1:]))
                if best[0] == math.inf:
                    break
                merged, i, new = 256 + best[0], 0, []
                while i < len(ids):
                    if i + 1 < len(ids) and (ids[i], ids[i + 1]) == best[1]:
                        new.append(merged)
                        i += 2
                    else:
                        new.append(ids[i])
                        i += 1
                ids = new
            out += ids
        return out
    return encode, lambda ids: b''.join(vocab[i] for i in ids).decode('utf-8', errors='replace')


if sample_prompt and master:
    encode, decode = tokenizer_from_json(json.loads(meta['tokenizer']))
    raw_model.eval()
    idx = torch.tensor([encode(sample_prompt)], dtype=torch.long, device=device)
    with ctx:
        ids = raw_model.generate_greedy(idx, sample_tokens)[0, idx.size(1):].tolist()
    print('greedy: ' + json.dumps(decode(ids)), flush=True)

if ddp:
    dist.barrier()
    dist.destroy_process_group()
