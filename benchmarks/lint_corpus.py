"""`resdraft lint` over the 659 adopted UN General Assembly resolutions of ../shared/corpus/unga.

Adopted resolutions are edited texts, so an error lint finds in one is either a departure the
Assembly made on purpose, a structure lint does not know, or a reading fault of the PDF text (a
table read as paragraphs). Prints how many documents have an error, the findings by rule and
severity, and the documents with the most errors, each read from its raw text as
`resdraft lint FILE.txt` reads it.
Run: python benchmarks/lint_corpus.py
"""

from __future__ import annotations

import collections
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from bench_diff import ga_records

    from resdraft.lint import lint

    findings: collections.Counter[tuple[str, str]] = collections.Counter()
    errors: collections.Counter[str] = collections.Counter()
    records = ga_records()
    with tempfile.TemporaryDirectory() as folder:
        for row in records:
            path = Path(folder) / (row["symbol"].replace("/", "-") + ".txt")
            path.write_text(row["text"], encoding="utf-8")
            report = lint(str(path))
            findings.update((f.rule, f.severity) for f in report.findings)
            if report.errors:
                errors[row["symbol"]] = len(report.errors)
    print(f"{len(records)} adopted GA resolutions; {len(errors)} with a lint error")
    for (rule, severity), count in findings.most_common():
        print(f"  {count:5} {severity:<8} {rule}")
    print("most errors:", ", ".join(f"{symbol} ({count})" for symbol, count in errors.most_common(8)))


if __name__ == "__main__":
    main()
