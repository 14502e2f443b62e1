"""Build speed: the example drafts and a generated 300-paragraph draft to Markdown, and `resdraft --help`.

Targets: a 300-paragraph draft to Markdown in under 50 ms in-process and to .docx in under 300 ms
(issues 2 and 3); `resdraft --help` under 300 ms wall. Anchors measured in the same run: a bare `python -c pass` start-up, and
python-docx writing 500 plain paragraphs when python-docx is installed. Run: python benchmarks/bench_build.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, repeat: int = 15) -> tuple[float, float]:
    """(first call, median of the rest) in milliseconds."""
    t0 = time.perf_counter()
    fn()
    first = (time.perf_counter() - t0) * 1000
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(runs)


def wall(cmd: list[str], repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def generated_library(folder: Path, n: int = 300) -> Path:
    """A library with one body's templates and an n-paragraph draft of varied clauses."""
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "resdraft.yaml").write_text("name: benchmark\n")
    (folder / "clauses").mkdir()
    (folder / "drafts").mkdir()
    lines = ["clauses:"]
    pre, op = [], []
    for i in range(n):
        kind = "preambular" if i < n // 3 else "operative"
        cid = f"bench.{kind}-{i:04d}"
        (pre if kind == "preambular" else op).append(cid)
        lines += [
            f"  - id: {cid}",
            f"    kind: {kind}",
            f"    opening: {'Recalling' if kind == 'preambular' else 'Requests'}",
            f"    text: >-\n      the report of the Secretary-General on item {i} submitted to the"
            " {{ session.previous.ordinal }} session, and resolution 63/194 of 18 December 2008[^n]"
            " on trafficking in persons, especially women and children",
            f"    footnotes: {{n: 'A/{60 + i % 10}/{100 + i}.'}}",
        ]
        if i % 10 == 0 and kind == "operative":
            lines += ["    subparagraphs:", "      - to report to the General Assembly", "      - to consult Member States"]
    (folder / "clauses" / "bench.yaml").write_text("\n".join(lines) + "\n")
    draft = ["body: unga", "session: 64", "title: Benchmark", "date: 2009-11-10", "preamble:"]
    draft += [f"  - {c}" for c in pre] + ["operative:"] + [f"  - {c}" for c in op]
    path = folder / "drafts" / "bench.yaml"
    path.write_text("\n".join(draft) + "\n")
    return path


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from resdraft.build import load_resolution, render_resolution
    from resdraft.library import open_library

    print("resdraft build benchmark (ms; first call, then median of 15)")
    python_start = wall([sys.executable, "-c", "pass"])
    print(f"anchor  python -c pass                      {python_start:8.1f}")
    try:
        import docx  # noqa: F401

        def docx_500() -> None:
            import io

            import docx as d

            doc = d.Document()
            for i in range(500):
                doc.add_paragraph(f"Paragraph {i} of plain text for the anchor measurement.")
            doc.save(io.BytesIO())

        _, docx_ms = timed(docx_500, 5)
        print(f"anchor  python-docx, 500 plain paragraphs   {docx_ms:8.1f}")
    except ImportError:
        docx_ms = None

    for name in ("aalco-50", "aalco-52", "aalco-53", "aipo-26", "aipo-27", "unga-64"):
        path = ROOT / "drafts" / f"{name}.yaml"
        if not path.exists():
            continue

        def example(path: Path = path) -> None:
            res, lib = load_resolution(path, open_library(path))
            render_resolution(res, "md", lib)

        first, median = timed(example)
        print(f"example {name:<33} {first:8.1f} {median:8.1f}")

    with tempfile.TemporaryDirectory() as tmp:
        path = generated_library(Path(tmp))
        library = open_library(path)

        def whole() -> None:
            res, lib = load_resolution(path, open_library(path))
            render_resolution(res, "md", lib)

        def assemble_render() -> None:
            res, lib = load_resolution(path, library)
            render_resolution(res, "md", lib)

        res, _ = load_resolution(path, library)
        count = sum(1 for _ in res.paragraphs())
        first, median = timed(whole)
        print(f"300-paragraph draft ({count} incl. subs), load+build+md {first:6.1f} {median:8.1f}")
        first2, median2 = timed(assemble_render)
        print(f"300-paragraph draft, build+md (library loaded)  {first2:6.1f} {median2:8.1f}")
        print(f"  target 50 ms: {median / 50:.2f} of target (load+build+md)")

        def whole_docx() -> None:
            res, lib = load_resolution(path, open_library(path))
            render_resolution(res, "docx", lib)

        first3, median3 = timed(whole_docx, 9)
        print(f"300-paragraph draft, load+build+docx        {first3:8.1f} {median3:8.1f}")
        print(
            f"  target 300 ms: {median3 / 300:.2f} of target; {median3 / docx_ms:.2f}x python-docx's 500 plain paragraphs"
            if docx_ms
            else ""
        )

    help_ms = wall([str(Path(sys.executable).with_name("resdraft")), "--help"])
    print(
        f"resdraft --help (wall)                      {help_ms:8.1f}   {help_ms / python_start:.1f}x python start-up;"
        f" {help_ms / 300:.2f} of the 300 ms target"
    )
    if docx_ms:
        print(f"  (python-docx 500 paragraphs anchor: {docx_ms:.1f} ms)")


if __name__ == "__main__":
    main()
