"""Diff speed over the year-over-year pairs of UN General Assembly resolutions (sessions 78 and 79).

Pairs are the resolutions whose titles recur (after the "NN/NNN. " prefix, white space and case
folded, a trailing footnote mark dropped: 170 pairs), compared over their
operative paragraphs (the corpus's `paragraphs` field). Anchors measured in the same run: difflib
on words over each pair's operative text, and `redlines` (pip install redlines) when installed.
Targets (issue 4): all pairs in under 1.5 s in total, a median pair under 5 ms.
Run: python benchmarks/bench_diff.py
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "unga"


def ga_records() -> list[dict]:
    """Every record of the GA corpus (symbol, title, text …), session 78 then 79."""
    out = []
    for path in sorted(CORPUS.glob("A-RES-*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f)
    return out


def load_pairs() -> list[tuple[dict, dict]]:
    """(session 78, session 79) resolutions with the same title."""

    def rows(name: str) -> dict[str, dict]:
        out = {}
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                title = re.sub(r"^\d+/\d+\.\s*", "", row["title"])
                out.setdefault(re.sub(r"\s+", " ", title).strip().lower().rstrip(".*"), row)
        return out

    old, new = rows("A-RES-78.jsonl.gz"), rows("A-RES-79.jsonl.gz")
    return [(old[t], new[t]) for t in sorted(old) if t in new]


def unsc_pairs():
    """(name, old, new, None) for each consecutive pair of the Security Council series, read from its raw text."""
    from resdraft.importers.pdftext import parse_pdf_text

    files = sorted((CORPUS.parent / "unsc-unmis").glob("*.txt"))
    series = [parse_pdf_text(f.read_text(encoding="utf-8"), None, "unsc") for f in files]
    for f, old, new in zip(files, series, series[1:], strict=False):
        yield f.stem, old, new, None


EXAMPLES = (("aalco-50", "aalco-52"), ("aalco-52", "aalco-53"), ("aipo-26", "aipo-27"))


def example_pairs():
    """(name, old, new, amends) for the example library's year-over-year drafts, read as `resdraft diff` reads them."""
    from resdraft.build import load_resolution
    from resdraft.sources import read_document

    for a, b in EXAMPLES:
        new = read_document(str(ROOT / "drafts" / f"{b}.yaml"))
        yield f"{a} -> {b}", load_resolution(ROOT / "drafts" / f"{a}.yaml")[0], new.resolution, dict(new.amends)


def resolution(row: dict):
    from resdraft.model import Numbering, Paragraph, Resolution, Run, Session

    paragraphs = []
    for key in sorted(row["paragraphs"], key=lambda k: int(k) if k.isdigit() else 10**6):
        text = re.sub(r"\s+", " ", row["paragraphs"][key]).strip()
        number = int(key) if key.isdigit() else None
        paragraphs.append(
            Paragraph("operative", (Run(text),), label=f"{key}.", number=number, opening=text.split(" ")[0] if text else None)
        )
    return Resolution(
        body="unga",
        session=Session(int(row["symbol"].split("/")[2])),
        fields={"symbol": row["symbol"]},
        header=(),
        title=(),
        enacting=None,
        preamble=(),
        transition=None,
        operative=tuple(paragraphs),
        closing=None,
        footnotes=(),
        numbering=Numbering("1.", (), ()),
    )


def timed(fn, items) -> tuple[float, float, list]:
    times, results = [], []
    for item in items:
        t0 = time.perf_counter()
        results.append(fn(*item))
        times.append((time.perf_counter() - t0) * 1000)
    return sum(times) / 1000, statistics.median(times), results


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from resdraft.diff import compare

    pairs = load_pairs()
    models = [(resolution(a), resolution(b)) for a, b in pairs]
    texts = [(" ".join(p.text for p in a.operative), " ".join(p.text for p in b.operative)) for a, b in models]
    n_par = sum(len(a.operative) + len(b.operative) for a, b in models)
    print(f"{len(pairs)} year-over-year pairs, {n_par} operative paragraphs")

    total, median, diffs = timed(lambda a, b: compare(a, b), models)
    ours = (total, median)
    print(f"resdraft diff (align + word diff)     total {total:7.3f} s   median pair {median:7.2f} ms")

    def difflib_words(a: str, b: str) -> list:
        return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).get_opcodes()

    total, median, _ = timed(difflib_words, texts)
    print(
        f"anchor difflib on words               total {total:7.3f} s   median pair {median:7.2f} ms   ours {ours[0] / total:.2f}x its time"
    )
    try:
        from redlines import Redlines

        total, median, _ = timed(lambda a, b: Redlines(a, b).output_markdown, texts)
        print(
            f"anchor redlines                       total {total:7.3f} s   median pair {median:7.2f} ms   ours {ours[0] / total:.2f}x its time"
        )
    except ImportError:
        print("anchor redlines: not installed (pip install redlines)")
    print(f"targets: total < 1.5 s ({ours[0] / 1.5:.2f} of it), median pair < 5 ms ({ours[1] / 5:.2f} of it)")
    summary = {
        k: sum(d.summary()["operative"][k] for d in diffs) for k in ("unchanged", "modified", "inserted", "deleted", "moved")
    }
    print(f"paragraphs over all pairs: {summary}")


if __name__ == "__main__":
    main()
