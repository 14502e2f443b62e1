"""Shared fixtures: the repo's example library, the corpus, and a scratch copy of the library."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = {
    "aalco-50": "aalco-50-secretariat-brief-2011",
    "aalco-52": "aalco-52-res-s8-2013",
    "aipo-26": "aipo-26ga-res-soc-03-2005",
    "aipo-27": "aipo-27ga-res-soc-01-2006",
    "unga-64": "unga-64-c3-revised-draft-2009",
}


@pytest.fixture(scope="session")
def expected() -> dict[str, dict]:
    """The hand-checked structure of the five seed resolutions."""
    path = CORPUS / "seeds" / "expected-structure.json"
    if not path.exists():
        pytest.fail(f"the corpus is missing: {path} (tests run beside ../shared/corpus)")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A scratch copy of the example library that a test may break."""
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy(ROOT / "resdraft.yaml", root)
    for folder in ("clauses", "drafts", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regenerate-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def shape(p: Any) -> dict[str, Any]:
    """A built or parsed Paragraph in the shape expected-structure.json gives paragraphs."""
    out: dict[str, Any] = {
        "opening": p.opening,
        "text": p.text,
        "footnote_refs": list(p.footnote_refs),
        "subparagraphs": [shape(s) for s in p.subparagraphs],
    }
    if p.level:
        out["label"] = p.label
    elif p.number is not None:
        out["number"] = p.number
    return out


def expected_shape(p: dict[str, Any], level: int = 0) -> dict[str, Any]:
    """A paragraph of expected-structure.json with the same keys as shape()."""
    out = {
        "opening": p["opening"],
        "text": p["text"],
        "footnote_refs": p["footnote_refs"],
        "subparagraphs": [expected_shape(s, level + 1) for s in p.get("subparagraphs") or []],
    }
    if level:
        out["label"] = p.get("label")
    elif "number" in p:
        out["number"] = p["number"]
    return out


def bare_resolution(preamble: tuple[Any, ...], operative: tuple[Any, ...], numbering: Any = None) -> Any:
    """A GA resolution of these paragraphs and nothing else (no masthead, formulas or footnotes)."""
    from resdraft.model import Numbering, Resolution, Session

    return Resolution(
        body="unga",
        session=Session(64),
        fields={},
        header=(),
        title=(),
        enacting=None,
        preamble=preamble,
        transition=None,
        operative=operative,
        closing=None,
        footnotes=(),
        numbering=numbering or Numbering("1.", (), ()),
    )


def ga_text(folder: Path, symbol: str) -> Path:
    """A GA resolution's raw PDF text from the corpus, as a .txt file (A-RES-78-305.txt) in `folder`."""
    session = symbol.split("/")[2]
    with gzip.open(CORPUS / "unga" / f"A-RES-{session}.jsonl.gz", "rt", encoding="utf-8") as rows:
        text = next(row["text"] for row in map(json.loads, rows) if row["symbol"] == symbol)
    path = folder / (symbol.replace("/", "-") + ".txt")
    path.write_text(text, encoding="utf-8")
    return path


def ga_pair(symbol: str) -> tuple[Any, Any]:
    """A year-over-year GA pair of the corpus, by the earlier symbol, each read from its raw PDF text
    as `resdraft diff old.txt new.txt` reads it."""
    import sys

    from resdraft.importers.pdftext import parse_pdf_text

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    old, new = next((a, b) for a, b in load_pairs() if a["symbol"] == symbol)
    return parse_pdf_text(old["text"]), parse_pdf_text(new["text"])


def ga_paragraphs_pair(symbol: str) -> tuple[Any, Any]:
    """A year-over-year GA pair of the corpus, by the earlier symbol, from the corpus's own
    extraction of the operative paragraphs (`paragraphs`: another pipeline's, which keeps the
    typesetter's non-breaking hyphens), as benchmarks/bench_diff.py reads it."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs, resolution

    old, new = next((a, b) for a, b in load_pairs() if a["symbol"] == symbol)
    return resolution(old), resolution(new)


def ga_resolution(symbol: str) -> Any:
    """A GA resolution of the corpus read from its raw PDF text, by symbol."""
    import tempfile

    from resdraft.importers.pdftext import parse_pdf_text

    with tempfile.TemporaryDirectory() as tmp:
        return parse_pdf_text(ga_text(Path(tmp), symbol).read_text(encoding="utf-8"))


def aipo_27_subparagraphs_reordered() -> tuple[Any, Any]:
    """AIPO 27, and the same with operative 3's sub-paragraphs a.-d. reordered b, c, a, d."""
    import dataclasses

    from resdraft.build import load_resolution

    old = load_resolution(ROOT / "drafts" / "aipo-27.yaml")[0]
    operative = list(old.operative)
    subs = operative[2].subparagraphs
    operative[2] = dataclasses.replace(operative[2], subparagraphs=(subs[1], subs[2], subs[0], subs[3]))
    return old, dataclasses.replace(old, operative=tuple(operative))
