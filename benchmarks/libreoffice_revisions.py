"""Accept All and Reject All in LibreOffice, over every year-over-year pair of the corpus.

For each pair (the 170 GA pairs read from their PDF text, the Security Council series and the
example drafts) the redline is opened in LibreOffice, which accepts (or rejects) every change and
saves the text, list numbers and footnote marks included; that must be the text LibreOffice saves
of resdraft's own Word output of the new (or old) text. Comment anchors are taken out of the
redline first: LibreOffice driven through UNO stops on opening a document with comments.
Prints how many pairs come out exact each way, and the others.

Needs LibreOffice and its Python bridge (Debian: python3-uno; see scripts/system-packages.sh).
Run: python benchmarks/libreoffice_revisions.py [N GA pairs, default all]
"""

from __future__ import annotations

import datetime as dt
import glob
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    """(name, old, new) for every pair compared."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    from resdraft.build import load_resolution
    from resdraft.importers.pdftext import parse_pdf_text

    for a, b in load_pairs()[:limit]:
        yield a["symbol"], parse_pdf_text(a["text"]), parse_pdf_text(b["text"])
    files = sorted(glob.glob(str(ROOT.parent / "shared" / "corpus" / "unsc-unmis" / "*.txt")))
    series = [parse_pdf_text(Path(f).read_text(encoding="utf-8"), None, "unsc") for f in files]
    for f, old, new in zip(files, series, series[1:], strict=False):
        yield Path(f).stem, old, new
    for a, b in (("aalco-50", "aalco-52"), ("aalco-52", "aalco-53"), ("aipo-26", "aipo-27")):
        yield f"{a} -> {b}", load_resolution(ROOT / "drafts" / f"{a}.yaml")[0], load_resolution(ROOT / "drafts" / f"{b}.yaml")[0]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.render.docx import render_docx
    from resdraft.render.redline import render_redline

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    script = str(ROOT / "tests" / "uno_revisions.py")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = []
        files: dict[str, list[str]] = {"accept": [], "reject": [], "keep": []}
        for k, (name, old, new) in enumerate(pairs(limit)):
            names.append(name)
            word = word_style_for(new.body, str(ROOT / "drafts"))
            (work / f"{k}-redline.docx").write_bytes(without_comments(render_redline(compare(old, new), word, "x", WHEN)))
            (work / f"{k}-new.docx").write_bytes(render_docx(new, word))
            (work / f"{k}-old.docx").write_bytes(render_docx(old, word_style_for(old.body, str(ROOT / "drafts"))))
            files["accept"] += [str(work / f"{k}-redline.docx"), str(work / f"{k}-accepted.txt")]
            files["reject"] += [str(work / f"{k}-redline.docx"), str(work / f"{k}-rejected.txt")]
            files["keep"] += [str(work / f"{k}-{side}.{ext}") for side in ("new", "old") for ext in ("docx", "txt")]
        for action, args in files.items():
            subprocess.run(["/usr/bin/python3", script, action, str(work / f"profile-{action}"), *args], check=True)
        accepted = [(work / f"{k}-accepted.txt").read_text() == (work / f"{k}-new.txt").read_text() for k in range(len(names))]
        rejected = [(work / f"{k}-rejected.txt").read_text() == (work / f"{k}-old.txt").read_text() for k in range(len(names))]
    print(f"{len(names)} pairs: Accept All gives the new text in {sum(accepted)}, Reject All the old text in {sum(rejected)}")
    for name, acc, rej in zip(names, accepted, rejected, strict=True):
        if not (acc and rej):
            print(f"  {name}: " + ", ".join(w for w, ok in (("Accept All differs", acc), ("Reject All differs", rej)) if not ok))


if __name__ == "__main__":
    main()
