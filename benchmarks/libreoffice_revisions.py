"""Accept All and Reject All in LibreOffice, over every year-over-year pair of the corpus.

For each pair (the 170 GA pairs read from their PDF text, the Security Council series and the
example drafts) the redline is opened in LibreOffice, which accepts (or rejects) every change and
saves the text, list numbers and footnote marks included; that must be the text LibreOffice saves
of resdraft's own Word output of the new (or old) text. Comment anchors are taken out of the
redline first: LibreOffice driven through UNO stops on opening a document with comments.
Prints how many pairs come out exact each way, and the others. With `unrelated N SEED`, N pairs
of GA resolutions drawn at random (SEED) instead, on different subjects: most paragraphs deleted
or inserted whole, some moved. With `reversed`, the 170 GA pairs the other way round (the newer
year as the old text); with `reference`, the 170 GA pairs on the corpus's reference paragraphs.

Needs LibreOffice and its Python bridge (Debian: python3-uno; see scripts/system-packages.sh).
Run: python benchmarks/libreoffice_revisions.py [N GA pairs, default all | unrelated N SEED | reversed | reference]
"""

from __future__ import annotations

import datetime as dt
import io
import random
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
for _folder in ("src", "benchmarks"):  # this tree's resdraft and bench_diff, whichever is installed
    sys.path.insert(0, str(ROOT / _folder))
WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE_PYTHON = "/usr/bin/python3"  # Debian's Python, which has LibreOffice's bridge (python3-uno)
UNO_SCRIPT = ROOT / "tests" / "uno_revisions.py"  # run by that Python


def without_comments(docx: bytes) -> bytes:
    """A .docx with its comment anchors taken out (LibreOffice headless, driven through UNO, stops
    on opening a document with comments, even one it saved itself); the revisions stay as they are."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    for element in list(body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference")):
        holder = element.getparent() if element.tag == f"{W}commentReference" else element
        holder.getparent().remove(holder)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def pairs(limit: int | None):
    """(name, old, new, amends) for every pair compared."""
    from bench_diff import example_pairs, load_pairs, unsc_pairs

    from resdraft.importers.pdftext import parse_pdf_text

    for a, b in load_pairs()[:limit]:
        yield a["symbol"], parse_pdf_text(a["text"]), parse_pdf_text(b["text"]), None
    yield from unsc_pairs()
    yield from example_pairs()


def ga_pairs(kind: str):
    """(name, old, new, amends) for the 170 GA pairs: `reversed`, read from PDF text, the newer
    year as the old text; `reference`, the corpus's reference paragraphs (operative part only,
    footnote numbers, page headers and footnote blocks left in the text)."""
    from bench_diff import load_pairs, resolution

    from resdraft.importers.pdftext import parse_pdf_text

    for a, b in load_pairs():
        if kind == "reversed":
            yield f"{b['symbol']} -> {a['symbol']}", parse_pdf_text(b["text"]), parse_pdf_text(a["text"]), None
        else:
            yield f"{a['symbol']} (reference paragraphs)", resolution(a), resolution(b), None


def unrelated_pairs(count: int, seed: int):
    """(name, old, new, amends) for `count` pairs of GA resolutions drawn at random."""
    from bench_diff import ga_records

    from resdraft.importers.pdftext import parse_pdf_text

    records, draw = ga_records(), random.Random(seed)
    for _ in range(count):
        a, b = draw.sample(records, 2)
        yield f"{a['symbol']} -> {b['symbol']}", parse_pdf_text(a["text"]), parse_pdf_text(b["text"]), None


@dataclass(frozen=True)
class InOffice:
    """A redline as LibreOffice leaves it after Accept All and after Reject All, beside the text
    LibreOffice saves of resdraft's own Word output of the new and the old resolution."""

    accepted: str
    new: str
    rejected: str
    old: str


def in_office(pairs: Iterable[tuple[Any, Any, Mapping[str, str] | None]], work: Path) -> list[InOffice]:
    """Each pair (old, new, amends) diffed into a redline, its comment anchors taken out, and
    every change accepted and then rejected in one LibreOffice per action (files in `work`)."""
    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.render.docx import render_docx
    from resdraft.render.redline import render_redline

    files: dict[str, list[str]] = {"accept": [], "reject": [], "keep": []}
    count = 0
    for k, (old, new, amends) in enumerate(pairs):
        word = word_style_for(new.body, str(ROOT / "drafts"))
        redline = render_redline(compare(old, new, amends), word, "resdraft", WHEN)
        (work / f"{k}-redline.docx").write_bytes(without_comments(redline))
        (work / f"{k}-new.docx").write_bytes(render_docx(new, word))
        (work / f"{k}-old.docx").write_bytes(render_docx(old, word_style_for(old.body, str(ROOT / "drafts"))))
        files["accept"] += [str(work / f"{k}-redline.docx"), str(work / f"{k}-accepted.txt")]
        files["reject"] += [str(work / f"{k}-redline.docx"), str(work / f"{k}-rejected.txt")]
        files["keep"] += [str(work / f"{k}-{side}.{ext}") for side in ("new", "old") for ext in ("docx", "txt")]
        count += 1
    for action, args in files.items():
        subprocess.run([OFFICE_PYTHON, str(UNO_SCRIPT), action, str(work / f"profile-{action}"), *args], check=True, timeout=1800)
    return [
        InOffice(*((work / f"{k}-{name}.txt").read_text(encoding="utf-8") for name in ("accepted", "new", "rejected", "old")))
        for k in range(count)
    ]


def main() -> None:
    if sys.argv[1:2] == ["unrelated"]:
        rows = list(unrelated_pairs(int(sys.argv[2]), int(sys.argv[3])))
    elif sys.argv[1:2] in (["reversed"], ["reference"]):
        rows = list(ga_pairs(sys.argv[1]))
    else:
        rows = list(pairs(int(sys.argv[1]) if len(sys.argv) > 1 else None))
    with tempfile.TemporaryDirectory() as tmp:
        results = in_office(((old, new, amends) for _, old, new, amends in rows), Path(tmp))
    accepted = [r.accepted == r.new for r in results]
    rejected = [r.rejected == r.old for r in results]
    print(f"{len(rows)} pairs: Accept All gives the new text in {sum(accepted)}, Reject All the old text in {sum(rejected)}")
    for (name, *_), acc, rej in zip(rows, accepted, rejected, strict=True):
        if not (acc and rej):
            print(f"  {name}: " + ", ".join(w for w, ok in (("Accept All differs", acc), ("Reject All differs", rej)) if not ok))


if __name__ == "__main__":
    main()
