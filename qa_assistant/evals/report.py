"""Summaries, threshold gates and Markdown/JSON reports for eval runs, one section per split."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import asdict
from pathlib import Path

from qa_assistant.evals.scoring import Result

ABSTAINED = ("abstained", "unstructured")


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _block(rs: list[Result]) -> dict:
    answerable = [r for r in rs if r.type != "not_found"]
    cites = [r.citation_ok for r in rs if r.citation_ok is not None]
    asofs = [r.as_of_ok for r in rs if r.as_of_ok is not None]
    ms = [r.ms for r in rs]
    return {
        "n": len(rs),
        "answer_accuracy": sum(r.correct for r in rs) / len(rs) if rs else 0.0,
        "wrong_numbers": sum(r.outcome == "wrong_number" for r in rs),
        "wrong_entities": sum(r.outcome == "wrong_entity" for r in rs),
        "abstained": sum(r.outcome in ABSTAINED for r in answerable),
        "abstained_quoting_answer": sum(bool(r.quote_holds_answer) for r in rs),
        "citation_accuracy": sum(cites) / len(cites) if cites else None,
        "as_of_accuracy": sum(asofs) / len(asofs) if asofs else None,
        "latency_p50_ms": statistics.median(ms) if ms else 0.0,
        "latency_p95_ms": _pct(ms, 95),
    }


def summarise(results: list[Result]) -> dict:
    out = {"overall": _block(results), "by_type": {}, "by_trap": {}}
    for t in sorted({r.type for r in results}):
        out["by_type"][t] = _block([r for r in results if r.type == t])
    for t in sorted({r.trap for r in results if r.trap}):
        out["by_trap"][t] = _block([r for r in results if r.trap == t])
    nf_q = [r for r in results if r.type == "not_found"]
    said_nf = [r for r in results if r.outcome == "abstained" or (r.type == "not_found" and r.correct)]
    out["not_found_recall"] = sum(r.correct for r in nf_q) / len(nf_q) if nf_q else None
    out["not_found_precision"] = (sum(r.correct for r in nf_q) / len(said_nf)) if said_nf else None
    out["retrieval"] = {}
    for mode in ("bm25", "dense", "hybrid"):
        ranks = [r.ranks.get(mode) for r in results if r.ranks.get(mode) is not None]
        if ranks:
            out["retrieval"][mode] = {
                "n": len(ranks),
                "recall@1": sum(0 < k <= 1 for k in ranks) / len(ranks),
                "recall@3": sum(0 < k <= 3 for k in ranks) / len(ranks),
                "recall@5": sum(0 < k <= 5 for k in ranks) / len(ranks),
                "mrr": sum(1 / k for k in ranks if k) / len(ranks),
            }
    return out


def check_thresholds(summary: dict, thresholds: dict) -> list[str]:
    """Failures of one split against its thresholds (max_* are ceilings, the rest floors)."""
    failures = []
    o = summary["overall"]
    values = {
        "answer_accuracy": o["answer_accuracy"],
        "citation_accuracy": o["citation_accuracy"],
        "as_of_accuracy": o["as_of_accuracy"],
        "not_found_recall": summary["not_found_recall"],
        "not_found_precision": summary["not_found_precision"],
        "hybrid_recall@5": summary["retrieval"].get("hybrid", {}).get("recall@5"),
        "max_wrong_numbers": o["wrong_numbers"],
        "max_wrong_entities": o["wrong_entities"],
    }
    for key, limit in thresholds.items():
        value = values.get(key)
        if value is None:
            continue
        if key.startswith("max_") and value > limit:
            failures.append(f"{key.removeprefix('max_').replace('_', ' ')} {value} > {limit}")
        elif not key.startswith("max_") and value < limit:
            failures.append(f"{key} {value:.3f} < {limit}")
    return failures


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float) and v <= 1:
        return f"{v:.1%}"
    return f"{v:.0f}" if isinstance(v, float) else str(v)


def table(summary: dict) -> list[str]:
    o = summary["overall"]
    lines = [
        "| type | n | answer acc. | wrong numbers | wrong entities | abstained | citation acc. | as-of acc. | "
        "p50 ms | p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, b in [("**overall**", o), *summary["by_type"].items()]:
        lines.append(
            f"| {name} | {b['n']} | {_fmt(b['answer_accuracy'])} | {b['wrong_numbers']} | "
            f"{b['wrong_entities']} | {b['abstained']} | {_fmt(b['citation_accuracy'])} | "
            f"{_fmt(b['as_of_accuracy'])} | {b['latency_p50_ms']:.0f} | {b['latency_p95_ms']:.0f} |"
        )
    return lines


def markdown(runs: dict[str, tuple[list[Result], dict]], show_failures: dict[str, bool]) -> str:
    lines = ["# Eval report", "", f"Generated {dt.datetime.now():%Y-%m-%d %H:%M}.", ""]
    for split, (results, summary) in runs.items():
        lines += [
            f"## {split} ({summary['overall']['n']} questions)",
            "",
            *table(summary),
            "",
            f"Not found: precision {_fmt(summary['not_found_precision'])}, "
            f"recall {_fmt(summary['not_found_recall'])}. Number questions abstained: "
            f"{summary['by_type'].get('number', {}).get('abstained', 0)}, of which the quoted passage holds the "
            f"expected figure: {summary['overall']['abstained_quoting_answer']}.",
            "",
        ]
        if summary["by_trap"]:
            lines += [
                "| trap | n | answer acc. | wrong numbers | abstained |",
                "| --- | --- | --- | --- | --- |",
            ]
            lines += [
                f"| {t} | {b['n']} | {_fmt(b['answer_accuracy'])} | {b['wrong_numbers']} | {b['abstained']} |"
                for t, b in summary["by_trap"].items()
            ]
            lines.append("")
        if summary["retrieval"]:
            lines += [
                "| retrieval | n | recall@1 | recall@3 | recall@5 | MRR |",
                "| --- | --- | --- | --- | --- | --- |",
            ]
            lines += [
                f"| {m} | {v['n']} | {v['recall@1']:.1%} | {v['recall@3']:.1%} | {v['recall@5']:.1%} | "
                f"{v['mrr']:.3f} |"
                for m, v in summary["retrieval"].items()
            ]
            lines.append("")
        failures = [r for r in results if not r.correct]
        if show_failures.get(split, True):
            lines += [f"### Failures in {split} ({len(failures)})", ""]
            for r in failures:
                lines.append(
                    f"- `{r.id}` ({r.type}, {r.outcome}{', trap ' + r.trap if r.trap else ''}) {r.question}"
                    f"\n  - expected: {r.expected}\n  - given: {r.given}"
                )
            lines.append("")
        else:
            lines += [
                f"{len(failures)} failures; details in the JSON report (not shown here: this split is held out "
                "from tuning).",
                "",
            ]
    return "\n".join(lines) + "\n"


def write_reports(
    runs: dict[str, tuple[list[Result], dict]], out_dir: Path, show_failures: dict[str, bool]
) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    js = out_dir / "latest.json"
    js.write_text(
        json.dumps(
            {split: {"summary": s, "results": [asdict(r) for r in rs]} for split, (rs, s) in runs.items()},
            indent=2,
            default=str,
        )
    )
    md = out_dir / "latest.md"
    md.write_text(markdown(runs, show_failures))
    return js, md
