"""Library upkeep at scale: a scratch library of ~30,000 clauses from the UN General Assembly corpus.

Clauses are the preambular paragraphs (from each resolution's `text`) and the operative paragraphs
(its `paragraphs`) of sessions 78 and 79 in ../shared/corpus/unga, one clause file and one draft per
resolution. A 79th-session resolution whose title recurs from the 78th continues that draft
(`previous:`): a paragraph it kept word for word is the same clause, one it reworded is a new clause
that `amends:` the old one. Then it times library loading (with and without the cache), `check`,
search (cold and warm, in-process and as a command), list, usage, history and dupes, against the
targets: search under 200 ms, check under 5 s, dupes under 30 s (issue targets, 2-core machine).

Run: python benchmarks/bench_library.py [--clauses N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "unga"
SESSIONS = {78: "A-RES-78.jsonl.gz", 79: "A-RES-79.jsonl.gz"}
DATES = {78: "2023-12-22", 79: "2024-12-17"}
# Words that qualify the verb of an opening phrase ("Also requests", "Deeply concerned").
ADVERBS = {"also", "further", "strongly", "deeply", "gravely", "once", "again", "firmly", "fully", "urgently", "furthermore"}
PREAMBLE_WORDS = {
    "aware",
    "concerned",
    "convinced",
    "mindful",
    "conscious",
    "alarmed",
    "guided",
    "determined",
    "cognizant",
    "desirous",
    "seized",
    "committed",
    "encouraged",
    "appreciative",
}
_FOOTNOTE_TAIL = re.compile(r"(?<=[;.,:])\s*\d{1,3}\s*$")
_CLOSING = re.compile(r"\s\d+(?:st|nd|rd|th) plenary meeting.*$", re.DOTALL)


@dataclass
class Para:
    kind: str
    opening: str
    text: str
    id: str = ""
    amends: str | None = None


@dataclass
class Resolution:
    session: int
    number: str
    symbol: str
    title: str
    series: str
    paras: list[Para] = field(default_factory=list)


def _slug(text: str, words: int = 4) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "x"


def _split_opening(text: str) -> tuple[str, str]:
    words = text.split(" ")
    n = 1
    if words[0].lower().strip(",") in ADVERBS and len(words) > 2:
        n = 2
    if len(words) > n + 1 and words[n].lower() in ("also", "further", "upon", "with"):
        n += 1
    return " ".join(words[:n]), " ".join(words[n:])


def _clean(text: str) -> str:
    text = _CLOSING.sub("", text)
    text = _FOOTNOTE_TAIL.sub("", text.strip())
    text = re.sub(r"\s+", " ", text).strip().rstrip(";.,:").strip()
    # Clause text is Jinja and inline markup: keep the corpus's stray braces and marks out of it.
    return text.translate(str.maketrans({"{": "(", "}": ")", "*": "", "^": "", "[": "(", "]": ")"}))


def _preamble(text: str) -> Iterator[str]:
    start = text.find("The General Assembly")
    if start < 0:
        return
    body = text[start:].split("\n", 1)[-1]
    chunks = re.split(r"\n\s*\n", body)
    for chunk in chunks:
        if re.match(r"\s*1\.\s", chunk):
            break
        chunk = chunk.split("____", 1)[0]
        words = chunk.split()
        if len(words) < 4:
            continue
        first = words[0].strip(",").lower()
        if first.endswith("ing") or first in PREAMBLE_WORDS or (first in ADVERBS and words[1].lower().endswith(("ing", "ed"))):
            yield " ".join(words)


def read_corpus() -> list[Resolution]:
    """The resolutions of sessions 78 and 79 with their preambular and operative paragraphs."""
    out = []
    for session, name in SESSIONS.items():
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                number = row["symbol"].rsplit("/", 1)[-1]
                title = row["title"].split(". ", 1)[-1].strip()
                res = Resolution(session, number, row["symbol"], title, re.sub(r"\W+", " ", title.lower()).strip())
                for raw in _preamble(row["text"]):
                    opening, rest = _split_opening(_clean(raw))
                    if rest:
                        res.paras.append(Para("preambular", opening, rest))
                for raw in row["paragraphs"].values():
                    opening, rest = _split_opening(_clean(raw))
                    if rest:
                        res.paras.append(Para("operative", opening, rest))
                out.append(res)
    return out


_ROLL = {
    "eighty-first": "eighty-second",
    "Eighty-first": "Eighty-second",
    "eightieth": "eighty-first",
    "Eightieth": "Eighty-first",
    "seventy-ninth": "eightieth",
    "Seventy-ninth": "Eightieth",
    "2026": "2027",
    "2025": "2026",
    "2024": "2025",
}
_ROLL_RE = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in _ROLL))


def _rolled(res: Resolution) -> Resolution:
    """The next session's resolution of a series: session ordinals and years advanced by one."""
    out = Resolution(
        res.session + 1, res.number, res.symbol.replace(f"/{res.session}/", f"/{res.session + 1}/"), res.title, res.series
    )
    for p in res.paras:
        out.paras.append(Para(p.kind, p.opening, _ROLL_RE.sub(lambda m: _ROLL[m.group(0)], p.text)))
    return out


def generate(folder: Path, target: int = 30_000) -> dict[str, int]:
    """Write a library of about `target` clauses into `folder`; returns counts.

    As an importer would make it: every paragraph of every resolution is a clause, and one that
    continues a paragraph of the previous session's resolution in the same series (similarity of
    85 or more, rapidfuzz ratio) `amends:` it, even when the wording did not change. Sessions 78
    and 79 give about 27,500 clauses; the rest up to `target` comes from a 80th session rolled
    forward from the 79th (ordinals and years advanced).
    """
    from rapidfuzz import fuzz, process

    resolutions = read_corpus()
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "resdraft.yaml").write_text("name: UNGA scratch library\n", encoding="utf-8")
    latest: dict[str, Resolution] = {}
    counts = {"clauses": 0, "amends": 0, "drafts": 0, "files": 0}
    queue = list(resolutions)
    rolled = 0
    while counts["clauses"] < target:
        if not queue:
            queue = [_rolled(r) for r in resolutions if r.session == 79 + rolled]
            rolled += 1
            if not queue:
                break
        res = queue.pop(0)
        _write(folder, res, latest.get(res.series), counts, fuzz, process)
        latest[res.series] = res
    return counts


def _write(folder: Path, res: Resolution, previous: Resolution | None, counts: dict[str, int], fuzz: Any, process: Any) -> None:
    from resdraft.upkeep.yamlstyle import entry_lines  # written as `resdraft clauses add` writes a clause

    stem = f"{res.session}-{_slug(res.number, 3)}"
    old_texts = {p.id: f"{p.opening} {p.text}" for p in previous.paras} if previous else {}
    lines = [f"# {res.symbol}: {res.title}", "clauses:"]
    for k, para in enumerate(res.paras, start=1):
        full = f"{para.opening} {para.text}"
        if old_texts:
            best = process.extractOne(full, old_texts, scorer=fuzz.ratio, score_cutoff=85)
            if best is not None:
                para.amends = best[2]
                counts["amends"] += 1
        para.id = f"unga{res.session}-{_slug(res.number, 3)}.{'pp' if para.kind == 'preambular' else 'op'}{k}-{_slug(full)}"
        counts["clauses"] += 1
        entry = {
            "id": para.id,
            "kind": para.kind,
            "opening": para.opening,
            "text": para.text,
            "tags": ["unga", f"unga{res.session}"],
        }
        if para.amends:
            entry["amends"] = para.amends
        lines += [*entry_lines(entry), ""]
    path = folder / "clauses" / f"unga{res.session}" / f"{stem}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    counts["files"] += 1
    draft = [
        f"# {res.symbol}",
        "body: unga",
        f"session: {res.session}",
        *([f"previous: ../unga{previous.session}/{previous.session}-{_slug(previous.number, 3)}"] if previous else []),
        "status: adopted",
        f"symbol: {res.symbol}",
        f"date: {DATES.get(res.session, '2025-12-15')}",
        f"title: {json.dumps(res.title, ensure_ascii=False)}",
        "preamble:",
        *(f"  - {p.id}" for p in res.paras if p.kind == "preambular"),
        "operative:",
        *(f"  - {p.id}" for p in res.paras if p.kind == "operative"),
    ]
    dpath = folder / "drafts" / f"unga{res.session}" / f"{stem}.yaml"
    dpath.parent.mkdir(parents=True, exist_ok=True)
    dpath.write_text("\n".join(draft) + "\n", encoding="utf-8")
    counts["drafts"] += 1


# ---------------------------------------------------------------- timing


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """(first call, median of the rest) in milliseconds, and the last result."""
    t0 = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t0) * 1000
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(runs) if runs else first, result


def wall(cmd: list[str], cwd: Path, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, cwd=cwd)
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


QUERIES = (
    "provisional agenda",
    '"sexual exploitation and abuse"',
    "nuclear disarmament verification",
    "climat change adaptaton financing",  # two typos
    "Secretary-General report implementation resolution",
)
# What `resdraft clauses search` will run: the CLI module (Typer) imported, one search, the hits printed.
COMMAND = (
    "import sys, resdraft.cli; from pathlib import Path; from resdraft.upkeep import search;"
    " from resdraft.upkeep.report import hits_text; print(hits_text(search(Path('.'), sys.argv[1], 20)))"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clauses", type=int, default=30_000)
    parser.add_argument("--keep", type=Path, help="generate into this folder (if it is empty) and keep it")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.clauses)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(Path(tmp), args.clauses)


def _drop_cache(folder: Path) -> None:
    shutil.rmtree(folder / ".resdraft-cache", ignore_errors=True)


def _verdict(ms: float, target_ms: float) -> str:
    return (
        f"{ms / target_ms:.2f} of the {target_ms / 1000:g} s target"
        if target_ms >= 1000
        else f"{ms / target_ms:.2f} of the {target_ms:g} ms target"
    )


def run(folder: Path, target: int) -> None:
    import os

    from resdraft.library import open_library
    from resdraft.upkeep import dupes, history, list_clauses, search, usage
    from resdraft.upkeep.index import Index

    if not (folder / "resdraft.yaml").exists():
        t0 = time.perf_counter()
        counts = generate(folder, target)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s at {folder}")
    python = sys.executable
    resdraft = str(Path(python).with_name("resdraft"))
    print("\nresdraft library upkeep benchmark (ms; 'first' is the first call, then the median of the rest)")
    start = wall([python, "-c", "pass"], folder, 7)
    print(f"anchor  python -c pass                            {start:9.1f}")
    help_ms = wall([resdraft, "--help"], folder, 7)
    print(f"anchor  resdraft --help                           {help_ms:9.1f}")

    # ------------------------------------------------------------ loading
    os.environ["RESDRAFT_NO_CACHE"] = "1"
    _, plain, lib = timed(lambda: open_library(folder), 2)
    del os.environ["RESDRAFT_NO_CACHE"]
    print(f"library load (open_library), no cache: {len(lib.clauses)} clauses {plain:9.1f}")
    _drop_cache(folder)
    cold, warm, _ = timed(lambda: open_library(folder), 4)
    print(f"library load (open_library), cache: first (builds it) {cold:9.1f}, then {warm:9.1f}")
    _drop_cache(folder)
    cold, warm, _ = timed(lambda: Index.open(folder).close(), 4)
    print(f"upkeep index open: first (builds the cache, FTS5)    {cold:9.1f}, then {warm:9.1f}")

    # ------------------------------------------------------------ search
    _drop_cache(folder)
    t0 = time.perf_counter()
    search(folder, QUERIES[0])
    cold_search = (time.perf_counter() - t0) * 1000
    print(f"search, no cache yet (reads all YAML)              {cold_search:9.1f}")
    medians = []
    for query in QUERIES:
        _, median, hits = timed(lambda q=query: search(folder, q, 20), 5)  # type: ignore[misc]
        medians.append(median)
        best = hits[0].clause.id if hits else "-"
        print(f"  search {query!r:<52} {median:7.1f}  {len(hits)} hits, first {best}")
    commands = [wall([python, "-c", COMMAND, q], folder, 5) for q in QUERIES]
    worst = max(commands)
    print(f"search in-process, warm: median {statistics.median(medians):.1f}, worst {max(medians):.1f}")
    print(
        f"search as a command (Python + CLI import + search + print), warm: median {statistics.median(commands):.1f},"
        f" worst {worst:.1f}  -> {_verdict(worst, 200)}"
    )

    # ------------------------------------------------------------ list, usage, history
    _, list_all, entries = timed(lambda: list_clauses(folder), 3)
    _, list_some, some = timed(lambda: list_clauses(folder, kind="preambular", opening="Recalling"), 3)
    print(f"list: all {len(entries)} clauses {list_all:9.1f}; preambular 'Recalling' ({len(some)}) {list_some:9.1f}")
    chained = next(e.id for e in entries if e.clause.amends and e.id.startswith("unga80"))
    _, usage_ms, _ = timed(lambda: usage(folder, chained), 5)
    _, history_ms, steps = timed(lambda: history(folder, chained), 5)
    print(f"usage {chained} {usage_ms:9.1f}; history ({len(steps)} wordings) {history_ms:9.1f}")

    # ------------------------------------------------------------ dupes and check
    t0 = time.perf_counter()
    pairs = dupes(folder)
    dupes_ms = (time.perf_counter() - t0) * 1000
    exact = sum(1 for p in pairs if p.similarity == 100)
    print(f"dupes (threshold 90): {len(pairs)} pairs ({exact} identical) {dupes_ms:9.1f}  -> {_verdict(dupes_ms, 30_000)}")
    check_ms = wall([resdraft, "check", "."], folder, 3)
    env = {**os.environ, "RESDRAFT_NO_CACHE": "1"}
    runs = []
    for _ in range(2):
        t0 = time.perf_counter()
        subprocess.run([resdraft, "check", "."], cwd=folder, env=env, capture_output=True, check=False)
        runs.append((time.perf_counter() - t0) * 1000)
    print(
        f"resdraft check, cache warm {check_ms:9.1f}  -> {_verdict(check_ms, 5_000)};"
        f" without the cache {statistics.median(runs):9.1f}"
    )


if __name__ == "__main__":
    main()
