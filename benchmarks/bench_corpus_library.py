"""The library upkeep targets on a library imported from the corpus: the 659 UN General Assembly
resolutions of ../shared/corpus/unga, each raw text imported with `resdraft import` into a new
library (about 21,000 clauses, 659 drafts).

Targets (issue 7), as commands on this machine: `resdraft clauses search` under 200 ms, `resdraft
check` under 5 s, `resdraft clauses dupes` under 30 s. Anchor measured in the same run: `resdraft
--help` (Python and the command line starting, nothing else). Also timed, without targets: `clauses
fmt --check`, and `new` and `lint` of one draft. Takes about two minutes.
Run: python benchmarks/bench_corpus_library.py
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "unga"
RESDRAFT = str(Path(sys.executable).with_name("resdraft"))


def wall(args: list[str], cwd: Path, repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([RESDRAFT, *args], cwd=cwd, check=True, capture_output=True)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    from resdraft.library_import import Intake

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        subprocess.run([RESDRAFT, "init", str(root)], check=True, capture_output=True)
        for path in (*(root / "clauses").iterdir(), *(root / "drafts").iterdir()):
            path.unlink()
        sources = root / "sources"
        sources.mkdir()
        t0 = time.perf_counter()
        intake = Intake(root)
        counts = [0, 0, 0]
        for name in ("A-RES-78.jsonl.gz", "A-RES-79.jsonl.gz"):
            with gzip.open(CORPUS / name, "rt", encoding="utf-8") as rows:
                for line in rows:
                    row = json.loads(line)
                    path = sources / (row["symbol"].replace("/", "-").replace("*", "") + ".txt")
                    path.write_text(row["text"], encoding="utf-8")
                    result = intake.add(path)
                    counts[0] += len(result.reused)
                    counts[1] += len(result.variants)
                    counts[2] += len(result.new)
        took = time.perf_counter() - t0
        clauses = counts[1] + counts[2]
        drafts = len(list((root / "drafts").glob("*.yaml")))
        print(
            f"imported {drafts} resolutions in {took:.1f} s: {clauses} clauses ({counts[2]} new, {counts[1]} rewording others), {counts[0]} reuses"
        )

        help_s = wall(["--help"], root, 5)
        print(f"anchor  resdraft --help                     {help_s * 1000:7.0f} ms")
        first = wall(["check", "."], root)
        check = wall(["check", "."], root, 3)
        print(f"resdraft check (first, builds the cache)     {first:7.2f} s")
        print(f"resdraft check                               {check:7.2f} s   target 5 s: {check / 5:.2f} of it")
        wall(["clauses", "search", "warm up"], root)
        for query in ("trafficking in persons", '"provisional agenda"', "humanitarain assistance"):
            s = wall(["clauses", "search", query], root, 5)
            print(
                f"resdraft clauses search {query:<24} {s * 1000:7.0f} ms   target 200 ms: {s / 0.2:.2f} of it; {s / help_s:.1f}x --help"
            )
        dupes = wall(["clauses", "dupes"], root)
        print(f"resdraft clauses dupes                       {dupes:7.2f} s   target 30 s: {dupes / 30:.2f} of it")
        # No targets for these: the commands a legal officer runs on one draft, and fmt's check of every file.
        draft = "drafts/a-res-79-100.yaml"
        fmt = wall(["clauses", "fmt", "--check"], root, 3)
        print(f"resdraft clauses fmt --check                 {fmt:7.2f} s")
        new = wall(["new", draft, "--session", "80", "-o", "rolled.yaml", "--force"], root, 3)
        print(f"resdraft new (one draft)                     {new:7.2f} s")
        lint = wall(["lint", draft], root, 3)
        print(f"resdraft lint (one draft)                    {lint:7.2f} s")


if __name__ == "__main__":
    main()
