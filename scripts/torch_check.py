"""Forward a safetensors checkpoint in the PyTorch reference and print its logits as JSON.

Usage: /usr/bin/python3 scripts/torch_check.py <checkpoint.safetensors> <idx_json>
  idx_json: a JSON list of lists of token ids, (B, T) with T <= block_size, given inline
            ('[[1,2,3]]') or as the path of a file holding it.
Prints {"logits": [...flat, row-major...], "shape": [B, T, V]} on stdout (float32 values).
Exits non-zero with a message on stderr if the checkpoint does not load strictly.
"""

import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nanogpt_ref import model_from_checkpoint  # noqa: E402


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    ckpt, idx_arg = argv[1], argv[2]
    if os.path.isfile(idx_arg):
        with open(idx_arg, encoding="utf-8") as f:
            idx_arg = f.read()
    idx = torch.tensor(json.loads(idx_arg), dtype=torch.long)  # (B, T)
    if idx.dim() != 2:
        sys.exit(f"idx must be a list of lists (B, T), got shape {list(idx.shape)}")
    torch.set_num_threads(1)
    model, _ = model_from_checkpoint(ckpt)
    with torch.no_grad():
        logits, _ = model(idx)  # (B, T, V)
    json.dump({"logits": logits.contiguous().view(-1).tolist(), "shape": list(logits.shape)}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
