"""Documents damaged at random, through every reader and every output: anything but a clear error is a bug.

Three kinds of case, each from the corpus:
  pdftext  two GA (or Security Council) resolutions' raw text (a year's own, or two on different subjects), lines
           deleted, doubled, swapped, cut short, joined or given a stray mark, the text cut off,
           and control characters, invisible characters, markup, labels or stray lines put in;
  text     the seeds' Markdown and resdraft's own text and Markdown of GA and Council resolutions, damaged so;
  docx     resdraft's Word output of a GA resolution, XML elements of its document, footnotes,
           numbering or styles part deleted, doubled, moved, or given a wrong attribute.
Each case is read, written as a Word file, text, Markdown and structure JSON, compared with the
undamaged (or the other) document, and the comparison written as a redline, a review page,
amendments, JSON, terminal text and CriticMarkup. A user error (ResdraftError) is the right answer
to a damaged document; any other exception is reported with where it was raised.

Run: python benchmarks/mutated_documents.py [KIND [N [SEED]]]   (default: every kind, 300 cases, seed 1)
"""

from __future__ import annotations

import functools
import io
import random
import re
import sys
import traceback
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("pdftext", "text", "docx")


# Stray characters and markup put inside a line: control characters, invisible ones, Markdown and
# template syntax, labels and long runs.
JUNK = (
    *("\x00", "\x0b", "\x0c", "\u200b", "\u202e", "\ufeff", "\u00ad", "\t\t", "’", "“", "…", "—"),
    *("[^1]", "[^x]:", "**", "_", "*italic*", "<b>", "&amp;", "{{ x }}", "{% if %}", "\\", "$"),
    *("1.1.", "(a)(b)", "IV.", "Article 1", "¹²³", "  " * 50, "a" * 3000),
)
STRAY_LINES = ("# Heading", "## II", "I", "A.", "---", "> quote", "- bullet", "| a | b |", "```", "")


def mutate_text(text: str, rng: random.Random) -> str:
    """`text` with one to six lines damaged, then one to four stray characters, labels or lines."""
    lines = _damaged_lines(text.split("\n"), rng)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i, roll = rng.randrange(len(lines)), rng.random()
        if roll < 0.6:
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(JUNK) + lines[i][at:]
        elif roll < 0.8:
            lines[i] = re.sub(
                r"^(\d+)\.", lambda m: rng.choice((f"({m.group(1)})", m.group(1) + ")", "1.", "99.", "0.")), lines[i]
            )
        else:
            lines.insert(i, rng.choice(STRAY_LINES))
    return "\n".join(lines)


def _damaged_lines(lines: list[str], rng: random.Random) -> list[str]:
    """One to six lines deleted, doubled, swapped, cut short, given a stray mark or joined, or the rest cut off."""
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        op, i = rng.choice(("del", "dup", "swap", "trunc", "junk", "cut", "join")), rng.randrange(len(lines))
        if op == "del":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "trunc":
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif op == "junk":
            lines[i] += rng.choice(["", ":", ";", " 1.", " (a)", "\u00a0", "*", " 12", "\t", "I.", " A/RES/1/2", "²"])
        elif op == "cut":
            lines = lines[: i + 1]
        elif i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
    return lines


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """A .docx with one to five XML elements of one part deleted, doubled, moved or given a wrong attribute."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    names = ["word/document.xml"] * 4 + [n for n in ("word/footnotes.xml", "word/numbering.xml", "word/styles.xml") if n in parts]
    name = rng.choice(names)
    root = etree.fromstring(parts[name])
    for _ in range(rng.randint(1, 5)):
        elements = [e for e in root.iter() if e is not root]
        if not elements:
            break
        e, op = rng.choice(elements), rng.choice(("del", "dup", "move", "attr"))
        parent = e.getparent()
        if op == "del":
            parent.remove(e)
        elif op == "dup":
            e.addnext(etree.fromstring(etree.tostring(e)))
        elif op == "move":
            other = rng.choice(elements)
            if other is not e and e not in other.iterancestors():
                other.addnext(e)
        elif e.attrib:
            e.attrib[rng.choice(list(e.attrib))] = rng.choice(["", "0", "999", "x", "-1"])
    parts[name] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for part, content in parts.items():
            z.writestr(part, content)
    return out.getvalue()


def run(kind: str, count: int, seed: int) -> list[tuple[str, str, str]]:
    """The cases of `kind` that ended in anything but a user error: (case, where raised, traceback)."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import ga_records

    from resdraft.build import word_style_for
    from resdraft.errors import ResdraftError

    rng = random.Random(seed)
    council = sorted((ROOT.parent / "shared" / "corpus" / "unsc-unmis").glob("*.txt"))
    records = [*ga_records(), *({"symbol": p.stem[5:], "text": p.read_text(encoding="utf-8")} for p in council)]
    styles = {body: word_style_for(body, str(ROOT / "drafts")) for body in ("unga", "aalco", "aipa", "unsc")}
    failed = []
    for _ in range(count):
        case, read, old, new = _case(kind, rng, records, styles["unga"])
        steps: list[str] = []
        try:
            _outputs(read, old, new, styles, steps)
        except ResdraftError:
            continue
        except Exception as e:  # a bug: any other exception
            frame = traceback.extract_tb(e.__traceback__)[-1]
            where = f"{steps[-1]}: {type(e).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            failed.append((case, where, traceback.format_exc()))
    return failed


def _case(kind: str, rng: random.Random, records: list[dict], word: object) -> tuple[str, Any, Any, Any]:
    """A case of `kind`: its name, the reader for its documents, and the two documents (old, new)."""
    from resdraft.importers.docx import read_docx
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.importers.text import parse_text
    from resdraft.render.docx import render_docx
    from resdraft.render.markup import render

    if kind == "pdftext":
        a, b = rng.sample(records, 2) if rng.random() < 0.3 else [rng.choice(records)] * 2
        return f"{a['symbol']} -> {b['symbol']}", parse_pdf_text, mutate_text(a["text"], rng), mutate_text(b["text"], rng)
    if kind == "text":
        seeds = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.md"))
        if rng.random() < 0.5:
            source = rng.choice(seeds)
            name, fmt, original = source.name, "md", source.read_text(encoding="utf-8")
        else:
            record, fmt = rng.choice(records), rng.choice(("txt", "md"))
            name = f"{record['symbol']} as .{fmt}"
            res = parse_pdf_text(record["text"])
            original = render(res, fmt, ROOT / "templates", f"{res.body}/resolution.{fmt}.j2")
        return (
            name,
            functools.partial(parse_text, source=Path(f"case.{fmt}")),
            mutate_text(original, rng),
            mutate_text(original, rng),
        )
    record = rng.choice(records)
    data = render_docx(parse_pdf_text(record["text"]), word)  # type: ignore[arg-type]
    return f"{record['symbol']} as .docx", lambda d: read_docx(d)[0], data, mutate_docx(data, rng)


def _outputs(read: Any, old: Any, new: Any, styles: dict[str, Any], steps: list[str]) -> None:
    """Read both documents, then write each output, each step named in `steps` before it is taken."""
    from resdraft.diff import compare
    from resdraft.render.amendments import render_amendments
    from resdraft.render.criticmarkup import render_criticmarkup
    from resdraft.render.diffjson import render_json
    from resdraft.render.diffterm import render_terminal
    from resdraft.render.docx import render_docx
    from resdraft.render.markup import render
    from resdraft.render.redline import render_redline
    from resdraft.render.reviewhtml import render_review_html
    from resdraft.render.structure import render_structure

    steps.append("read")
    old, new = read(old), read(new)
    word = styles.get(new.body, styles["unga"])
    steps.append("Word output")
    render_docx(new, word)
    steps.append("text, Markdown and structure")
    for fmt in ("txt", "md"):
        render(new, fmt, ROOT / "templates", f"{new.body}/resolution.{fmt}.j2")
    render_structure(new)
    steps.append("diff")
    diff = compare(old, new)
    steps.append("redline")
    render_redline(diff, word)
    steps.append("review page")
    render_review_html(diff)
    steps.append("amendments")
    render_amendments(diff)
    steps.append("JSON, terminal and CriticMarkup")
    render_json(diff)
    render_terminal(diff, colour=True)
    render_criticmarkup(diff)


def main() -> None:
    kinds = [sys.argv[1]] if len(sys.argv) > 1 else list(KINDS)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    for kind in kinds:
        failed = run(kind, count, seed)
        print(f"{kind}: {count} damaged cases, {len(failed)} ended in anything but a clear error")
        for (case, where), n in Counter((case, where) for case, where, _ in failed).most_common():
            print(f"  {n} × {where} ({case})")


if __name__ == "__main__":
    main()
