"""One settings object for paths, model and thresholds; every field can be overridden by a QA_* env var."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"  # catalogue, lexicon, places, council: data the reader is tuned by


class Settings(BaseSettings):
    """Runtime configuration. Defaults are the embedded ones: local files, no external server."""

    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore")

    corpus_dir: Path = Field(default=REPO_ROOT / "corpus", description="Folder of papers plus manifest.json")
    index_dir: Path = Field(default=REPO_ROOT / "index", description="Where built index versions live")
    model_cache_dir: Path = Field(
        default=REPO_ROOT / "index" / "model",
        description="Where the ONNX export of the embedding model is kept (rebuilt if absent)",
    )
    host: str = "127.0.0.1"
    port: int = 8000

    # Chunking: all-MiniLM-L6-v2 truncates at 256 word pieces; ~170 words stays safely under that.
    chunk_max_words: int = 170
    chunk_min_words: int = 40

    # Retrieval.
    # Dense search: exact up to dense_exact_max passages (measured: 100,000 passages take ~10 ms a query on one
    # core, too slow beside the rest of an answer); an HNSW graph beyond (M links per node; ef: candidates kept
    # while building and searching: higher is closer to exact and slower).
    dense_exact_max: int = 50_000
    dense_hnsw_m: int = 32
    dense_hnsw_ef_construction: int = 200  # measured at 100,000 passages: recall@20 0.91 at 80, 0.99 at 200
    dense_hnsw_ef_search: int = 128
    rrf_k: int = 60
    candidates_per_retriever: int = 20

    # Admin API (adding/removing papers over HTTP): off unless a token is configured.
    admin_token: str | None = Field(
        default=None, description="Bearer token for /api/admin/*; unset = admin off"
    )
    max_upload_mb: float = 50.0
    build_wait_seconds: float = Field(
        default=600.0,
        description="How long an admin change waits for another build to finish before answering 503",
    )

    # Bounded work per paper (see README "Faults and limits"): a paper over budget is refused with the reason.
    paper_seconds: float = Field(
        default=300.0, description="Wall-clock budget to read, process and embed one paper"
    )
    max_paper_chars: int = Field(
        default=2_000_000, description="Most characters of clean text one paper may have"
    )
    paper_memory_mb: int = Field(
        default=2048, description="Memory cap of the child process that reads one paper"
    )

    # HTTP: request bodies other than uploads, shutdown, and which Host headers are served.
    max_request_kb: int = Field(
        default=512, description="Largest JSON request body (413 beyond, before reading it)"
    )
    shutdown_seconds: int = Field(
        default=5, description="On SIGTERM, how long running requests get to finish"
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description='Host names served, comma-separated ("qa.example.org,localhost"); '
        "empty = any (fine on loopback). Others get 400.",
    )

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [h.strip() for h in value.split(",") if h.strip()]
        return value

    # Feedback on answers ("helpful" / "wrong"): kept outside index/ (builds replace that folder), never committed.
    feedback_path: Path = Field(
        default=REPO_ROOT / "var" / "feedback.sqlite",
        description="SQLite file of feedback; survives index rebuilds and restarts",
    )
    feedback_max_comment_chars: int = 1000
    feedback_max_body_bytes: int = 64 * 1024
    feedback_rate_limit: int = Field(
        default=20, description="Feedback requests allowed per client per window"
    )
    feedback_rate_window_seconds: float = 600.0

    # Optional generation backend (any OpenAI-compatible chat-completions server); off unless both are set.
    llm_base_url: str | None = Field(
        default=None, description="e.g. http://127.0.0.1:8080/v1 (llama.cpp, vLLM, Ollama)"
    )
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_seconds: float = 30.0
    prompts_dir: Path = REPO_ROOT / "prompts"
    prompt_versions: str | None = Field(
        default=None, description='Pin prompt versions, e.g. "answer=1,system=1"'
    )

    # Serving: worker processes, each with its own single-threaded model (one per core answers most per second).
    workers: int = Field(default=0, description="0 = one per CPU core, up to 4")
    # The embedding model: onnxruntime is ~2x faster per question than torch, which stays as the fallback.
    embed_backend: Literal["onnx", "torch"] = Field(
        default="onnx", description="onnx (the default) or torch (sentence-transformers, the reference)"
    )
    # How quotable sentences get their vectors. "pooled" (the default): from their passage's tokens in the
    # passage's one pass of the model, so a build embeds each passage once, not once plus once per sentence.
    # "own": each sentence embedded on its own (slower to build; eval splits differ by one quote question
    # either way: README "Performance").
    sentence_vectors: Literal["own", "pooled"] = "pooled"
    # Weights of the ONNX model: int8 (per-channel dynamic quantisation) embeds about twice as many passages per
    # second as float32 for vectors within cosine 0.99 (README "Performance"); float32 is the reference.
    embed_precision: Literal["float32", "int8"] = "int8"
    # Figures kept as objects in each server worker: all of them up to figures_in_memory (a council's papers);
    # beyond, compact look-up tables plus the figures_cached most recently used, the rest read from the index's
    # SQLite store by id (an archive of 500,000 figures would otherwise take gigabytes per worker).
    figures_in_memory: int = Field(
        default=50_000, ge=0, description="Read all figures at load up to this many"
    )
    figures_cached: int = Field(default=20_000, ge=0, description="Figures kept in memory beyond that")
    # Threads the model uses while building an index (0 = every core); serving uses torch_threads.
    build_threads: int = Field(default=0, ge=0, description="Embedding threads during a build; 0 = all cores")
    # Threads per model: one query is tiny, and with a worker per core extra threads only contend.
    torch_threads: int = Field(default=1, ge=1, description="Intra-op threads of the embedding model")

    @property
    def worker_count(self) -> int:
        import os

        return self.workers if self.workers > 0 else max(1, min(4, os.cpu_count() or 1))

    # Question limits (characters).
    max_question_chars: int = 2000

    # Answering thresholds, tuned on the dev split only (evals/dev); see README "Quality".
    # A general question is answered with quotes only above this similarity (sentence embedding + word
    # overlap); lower means more answers and more off-topic quotes.
    general_min_similarity: float = 0.45
    # Questions whose words are mostly absent from the papers ("the mayor's salary") need this much instead;
    # "mostly" is this share of the question's terms unknown to the papers (lower refuses more questions).
    unknown_words_min_similarity: float = 0.65
    unknown_words_share: float = 0.3
    # Weight of question-word overlap beside embedding similarity when ranking sentences to quote.
    sentence_overlap_weight: float = 0.15
    # Passages read (from each of BM25 and the dense ranking) to find the sentences worth quoting.
    sentence_passages: int = 6
    # Further quotes are shown when within this much of the best one.
    general_quote_window: float = 0.12
    # A number question nothing supports shows its closest passage (labelled as a quote) above this.
    quote_min_similarity: float = 0.45
    # ... and of the sentences within this much of the closest, the first that reports a number (it may be
    # the figure in words the rules could not place); wider prefers a number over closeness more often.
    number_quote_window: float = 0.12
    # Who / when / which: share of the question's words the answering sentence (or the one before it) must hold.
    entity_min_coverage: float = 0.6
    # A number question also checks the figures of this many passages BM25 ranks first (their own words may be
    # cut short: '1,387 children deemed to be in need'); 0: only figures sharing the question's concept or words.
    figure_retrieved_passages: int = 8
    # How many top passages are searched for a sentence holding a person, date or name.
    entity_passages: int = 10
    # Who- and which-organisation questions also take the people and organisations spaCy's NER tags (names
    # without a title, post or head word beside them, as news stories write them); off, only the rules' shapes.
    entity_tagger: bool = True
    # A number question's words that say which occasion or thing ("the Low Lane planning application") may be
    # found this many characters before the figure's sentence (the same item or article), when the figure's own
    # words name what is counted. 0 turns this off.
    support_window_chars: int = 1200


@lru_cache(maxsize=1)
def version() -> str:
    """The installed package's version (`--version`, the OpenAPI document); looked up when first asked, since
    the look-up reads every installed package's metadata and most processes never need it."""
    try:
        return package_version("qa-assistant")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


@lru_cache(maxsize=1)
def _weights() -> dict:
    return json.loads((DATA_DIR / "weights.json").read_text(encoding="utf-8"))


def weight(section: str, name: str) -> float:
    """A ranking weight from data/weights.json (each with what it trades off); tuned on dev only."""
    return float(_weights()[section][name]["value"])


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
