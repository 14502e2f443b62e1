"""Fingerprints of every diff output over the corpus, to show a speed change changes no output.

For the 170 GA year-over-year pairs (from the corpus's paragraphs and from the PDF text), the 9
pairs of the Security Council series and the 3 example pairs: a hash of the diff's JSON, the review
page, the redline .docx (dated alike), the amendments and the terminal diff.
Run: python benchmarks/output_fingerprints.py OUT.json [BEFORE.json]
With BEFORE, prints which outputs differ from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fingerprints() -> dict[str, dict[str, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import example_pairs, load_pairs, resolution, unsc_pairs

    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import render_amendments
    from resdraft.render.diffjson import render_json
    from resdraft.render.diffterm import render_terminal
    from resdraft.render.redline import render_redline
    from resdraft.render.reviewhtml import render_review_html

    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def digest(data: str | bytes) -> str:
        return hashlib.sha1(data if isinstance(data, bytes) else data.encode()).hexdigest()[:16]

    def outputs(diff, body: str) -> dict[str, str]:
        word = word_style_for(body, str(ROOT / "drafts"))
        return {
            "json": digest(render_json(diff)),
            "html": digest(render_review_html(diff)),
            "docx": digest(render_redline(diff, word, date=when)),
            "amendments": digest(render_amendments(diff)),
            "terminal": digest(render_terminal(diff)),
        }

    out = {}
    for a, b in load_pairs():
        for route, (old, new) in (
            ("paragraphs", (resolution(a), resolution(b))),
            ("pdf text", (parse_pdf_text(a["text"]), parse_pdf_text(b["text"]))),
        ):
            out[f"{a['symbol']} -> {b['symbol']}, {route}"] = outputs(compare(old, new), new.body)
    for name, old, new, amends in [*unsc_pairs(), *example_pairs()]:
        out[name] = outputs(compare(old, new, amends or None), new.body)
    return out


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python benchmarks/output_fingerprints.py OUT.json [BEFORE.json]")
    before = None
    if len(sys.argv) > 2:  # (read first: a missing or broken one says so before the minute of work)
        try:
            before = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            sys.exit(f"{sys.argv[2]}: cannot read the fingerprints to compare with ({exc}); give a file this script wrote")
    found = fingerprints()
    Path(sys.argv[1]).write_text(json.dumps(found, indent=1), encoding="utf-8")
    print(f"{len(found)} diffs, {sum(map(len, found.values()))} outputs")
    if before is not None:
        differ = [(k, o) for k in before for o in before[k] if before[k][o] != found.get(k, {}).get(o)]
        print(f"{len(differ)} outputs differ from {sys.argv[2]}")
        for key, output in differ:
            print(f"  {key}: {output}")


if __name__ == "__main__":
    main()
