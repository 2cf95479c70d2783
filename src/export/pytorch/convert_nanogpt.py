"""
Convert a karpathy/nanoGPT checkpoint (ckpt.pt) to a .safetensors file TinyGPT Lab imports.

$ python convert_nanogpt.py out-shakespeare-char/ckpt.pt --meta=data/shakespeare_char/meta.pkl --out=model.safetensors

Character-level models only: the vocabulary comes from the meta.pkl that nanoGPT's prepare.py wrote
(stoi/itos). Models trained on GPT-2's BPE (50257 tokens, no meta.pkl) are refused: the lab's BPE is
byte-level and learned from your own text, so it cannot read GPT-2's token ids. Needs torch and numpy.
Without --meta it looks for meta.pkl beside ckpt.pt and in data/<dataset>/ (nanoGPT's layout).
"""

import hashlib
import json
import os
import pickle
import re
import struct
import sys

import numpy as np
import torch


def save_safetensors(path, tensors, metadata):
    """tensors {name: tensor} written as F32 in order, metadata {str: str}, data 8-byte aligned."""
    header, blobs, offset = {'__metadata__': metadata}, [], 0
    for name, t in tensors.items():
        arr = np.ascontiguousarray(t.detach().cpu().float().numpy(), dtype='<f4')
        header[name] = {'dtype': 'F32', 'shape': list(arr.shape), 'data_offsets': [offset, offset + arr.nbytes]}
        blobs.append(arr.tobytes())
        offset += arr.nbytes
    hb = json.dumps(header, separators=(',', ':')).encode('utf-8')
    hb += b' ' * ((-(8 + len(hb))) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(hb)) + hb)
        for b in blobs:
            f.write(b)


def load_checkpoint(path, trust_pickle):
    """torch.load without running code from the file where this torch can (weights_only)."""
    try:
        return torch.load(path, map_location='cpu', weights_only=not trust_pickle)
    except TypeError:  # a torch older than 1.13 has no weights_only
        return torch.load(path, map_location='cpu')
    except pickle.UnpicklingError as e:
        sys.exit(f'{path} holds more than tensors and plain values ({e}).\n'
                 'If you trust where it came from, run again with --trust_pickle (loading it may run code).')


def find_meta(ckpt_path, ckpt, given):
    if given:
        return given
    places = [os.path.join(os.path.dirname(os.path.abspath(ckpt_path)), 'meta.pkl')]
    dataset = (ckpt.get('config') or {}).get('dataset')
    if dataset:
        for root in (os.getcwd(), os.path.dirname(os.path.dirname(os.path.abspath(ckpt_path)))):
            places.append(os.path.join(root, 'data', dataset, 'meta.pkl'))
    return next((p for p in places if os.path.exists(p)), None)


def convert(ckpt_path, meta_path=None, out_path=None, trust_pickle=False):
    ckpt = load_checkpoint(ckpt_path, trust_pickle)
    if not isinstance(ckpt, dict) or 'model' not in ckpt or 'model_args' not in ckpt:
        sys.exit(f"{ckpt_path} is not a nanoGPT checkpoint: it needs 'model' and 'model_args' (train.py saves both)")
    args = ckpt['model_args']
    # torch.compile'd models save their weights under _orig_mod.; the causal-mask buffer is not a weight
    sd = {re.sub(r'^_orig_mod\.', '', k): v for k, v in ckpt['model'].items()}
    sd = {k: v for k, v in sd.items() if not re.search(r'\.attn\.(bias|masked_bias)$', k)}

    meta_path = find_meta(ckpt_path, ckpt, meta_path)
    if meta_path is None:
        if args['vocab_size'] >= 50257:
            sys.exit(f"{ckpt_path} has {args['vocab_size']} tokens and no meta.pkl: it was trained on GPT-2's BPE. "
                     "TinyGPT Lab can't use it: the lab's BPE is byte-level and learned from your own text, so "
                     "GPT-2's token ids mean nothing to it. Train a character-level model (nanoGPT's "
                     "shakespeare_char) or train in the lab and use its train.py.")
        sys.exit(f'no meta.pkl found for {ckpt_path}: pass --meta=path/to/meta.pkl (nanoGPT prepare.py writes it)')
    with open(meta_path, 'rb') as f:
        meta = pickle.load(f)
    if 'itos' not in meta:
        sys.exit(f'{meta_path} has no itos (id -> character): only character-level models convert')
    chars = [meta['itos'][i] for i in range(len(meta['itos']))]
    bad = [c for c in chars if not isinstance(c, str) or len(c) != 1]
    if bad:
        sys.exit(f'{meta_path}: every token must be one character; these are not: {bad[:10]}')

    wte = sd['transformer.wte.weight']
    if wte.shape[0] < len(chars):
        sys.exit(f'the model has {wte.shape[0]} token rows but meta.pkl names {len(chars)} characters')
    tied = 'lm_head.weight' not in sd or torch.equal(sd['lm_head.weight'], wte)
    if wte.shape[0] > len(chars):  # rows past the vocabulary (padding) are never a token: drop them
        print(f'dropping {wte.shape[0] - len(chars)} embedding rows past the {len(chars)} characters')
        for k in ('transformer.wte.weight', 'lm_head.weight'):
            if k in sd:
                sd[k] = sd[k][:len(chars)]
    if tied:
        sd.pop('lm_head.weight', None)  # the lab stores a tied head once, as transformer.wte.weight

    config = {'n_layer': args['n_layer'], 'n_head': args['n_head'], 'n_embd': args['n_embd'],
              'block_size': args['block_size'], 'vocab_size': len(chars), 'bias': bool(args.get('bias', True)),
              'tied': tied, 'dropout': float(args.get('dropout', 0.0))}
    corpus = os.path.join(os.path.dirname(meta_path), 'input.txt')  # prepare.py's copy of the text
    sha = ''
    if os.path.exists(corpus):
        with open(corpus, encoding='utf-8') as f:
            sha = hashlib.sha256(f.read().encode('utf-8')).hexdigest()
    metadata = {'format': 'pt', 'config': json.dumps(config), 'tokenizer': json.dumps({'kind': 'char', 'chars': chars}),
                'step': str(int(ckpt.get('iter_num', 0))), 'corpus_sha256': sha}
    out_path = out_path or os.path.splitext(ckpt_path)[0] + '.safetensors'
    save_safetensors(out_path, sd, metadata)
    n = sum(v.numel() for v in sd.values())
    print(f'wrote {out_path}: {config["n_layer"]} layers, {config["n_embd"]} embd, vocab {len(chars)}, '
          f'{n / 1e6:.2f}M parameters, step {metadata["step"]}. Open it in the lab: Keep & share -> import.')
    return out_path


if __name__ == '__main__':
    opts = {k[2:]: v for k, _, v in (a.partition('=') for a in sys.argv[1:] if a.startswith('--'))}
    paths = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(paths) != 1 or set(opts) - {'meta', 'out', 'trust_pickle'}:
        sys.exit(__doc__)
    convert(paths[0], opts.get('meta'), opts.get('out'), 'trust_pickle' in opts)
