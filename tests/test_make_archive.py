"""scripts/make_archive.py: the synthetic benchmark archive is deterministic, fully listed in its manifest and
loads cleanly (no index build, no model)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from qa_assistant.ingest.documents import load_corpus

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_archive.py"
ARGS = ["--papers", "12", "--pdf-packs", "1", "--pdf-pages", "5"]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_archive", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


make_archive = _load_script()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "out"
    assert make_archive.main([str(out), *ARGS, "--seed", "7"]) == 0
    return out


def test_same_seed_gives_identical_files_and_another_seed_different_text(
    archive: Path, tmp_path: Path
) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    make_archive.main([str(again), *ARGS, "--seed", "7"])
    make_archive.main([str(other), *ARGS, "--seed", "8"])
    assert _files(again) == _files(archive)
    papers = {name: data for name, data in _files(archive).items() if name != "manifest.json"}
    others = {name: data for name, data in _files(other).items() if name != "manifest.json"}
    assert set(papers.values()).isdisjoint(others.values())


def test_manifest_lists_every_file_written_and_nothing_else(archive: Path) -> None:
    entries = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))["documents"]
    listed = [e["file"] for e in entries]
    assert len(listed) == len(set(listed)) == 13
    assert set(listed) == {p.name for p in archive.iterdir()} - {"manifest.json"}
    assert {e["kind"] for e in entries} <= {"minutes", "report", "agenda", "scorecard"}
    assert [e["file"] for e in entries if e["file"].endswith(".pdf")] == ["pack001.pdf"]
    for entry in entries:
        assert set(entry) == {"file", "title", "committee", "meeting_date", "kind", "source_url", "date_note"}
        assert entry["committee"] in make_archive.COMMITTEES


def test_corpus_loader_reads_it_without_problems(archive: Path) -> None:
    result = load_corpus(archive)
    assert result.problems == []
    assert len(result.documents) == 13
    pack = next(d for d in result.documents if d.file == "pack001.pdf")
    assert len(pack.page_starts) >= 5
    assert pack.kind == "agenda"
    papers = [d for d in result.documents if d.file != "pack001.pdf"]
    words = [len(d.text.split()) for d in papers]
    assert 1200 <= sum(words) / len(words) <= 2200
    assert min(words) >= 1000  # every kind of paper is full size (each is about 10 passages)


def test_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("not ours", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        make_archive.main([str(out), "--papers", "1"])
    assert refused.value.code == 2
    assert (out / "keep.txt").exists()
    assert make_archive.main([str(out), "--papers", "1", "--force"]) == 0
    assert not (out / "keep.txt").exists()
    assert len(list(out.iterdir())) == 2  # one paper and the manifest
