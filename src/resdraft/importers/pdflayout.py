"""A PDF's laid-out page text, as pypdf gives it, as the plain text the text importer reads: one
line a paragraph, a blank line between paragraphs, the masthead's lines as they stand.

For a document that is not a UN resolution (an AALCO or AIPA text saved as PDF; the UN's own are
read by pdftext.py, which knows their furniture). The page text keeps the page's layout: lines
broken where the page broke them, words spaced out to justify them, first lines indented, page
numbers at the foot. Above the enacting formula each line stands as it is (a masthead's lines
are facts of their own); below it a line runs on into the next unless the next opens a paragraph:
after a line that ends a clause (";", ":", "."), one indented further (a first line), one opening
with a label ("1.", "(a)"), one indented less than a paragraph's second line (a hanging indent's
paragraph ended), or any line after a short one; after any other, one indented further
than a paragraph's second line (AIPO's 2005 paragraphs ending "…, and"). Words are taken singly
spaced, and a word broken after its hyphen ("Asian-" / "African") is one. A line
alone at a page's head or foot that is only a page number ("1", "- 2 -", "Page 3") is dropped, and
a paragraph a page break cut is one again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-|\d+|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)$", re.I)
_ENDS = re.compile(r"[;:.][”’\")]?$")
_LABEL = re.compile(r"^(?:\d{1,3}\.?|\(?[a-z]{1,4}\)|[a-z]\.|[ivxlc]+\.)\s", re.I)
_HYPHENS = ("-", "‐", "‑")
SHORT = 0.8  # a line ending a clause that is shorter than this share of the page's longest ends its paragraph


def unlaid(pages: Iterable[str]) -> str:
    """The pages' text as paragraphs (see the module's docstring)."""
    from resdraft.importers.text import ENACTING

    def formula(words: str) -> bool:
        return any(pattern.fullmatch(words) for _, pattern in ENACTING)

    lines: list[tuple[str, int]] = []  # (a line, as laid out; the page's longest line) with "" between pages
    for page in pages:
        laid = _without_page_numbers([line.rstrip() for line in page.splitlines()])
        longest = max((len(line.strip()) for line in laid), default=0)
        lines += [(line, longest) for line in laid] + [("", 0)]
    out: list[str] = []
    in_body = False
    previous: str | None = None  # the last line written in the body, as laid out (None: the formula)
    previous_longest = 0
    first = True  # whether `previous` is its paragraph's first line
    skip = False
    for k, (line, longest) in enumerate(lines):
        words = " ".join(line.split())
        if skip:
            skip = False
            continue
        if not in_body:
            following = " ".join(lines[k + 1][0].split()) if k + 1 < len(lines) else ""
            if formula(words) or (following and formula(f"{words} {following}")):
                in_body, skip = True, not formula(words)
                out += [*([""] if out and out[-1] else []), f"{words} {following}" if skip else words, ""]
            elif words or (out and out[-1]):
                out.append(words)
            continue
        if not words:
            continue  # (a blank line is no paragraph's end by itself: a page break may cut one)
        if previous is not None and out[-1] and not _opens(previous, line, previous_longest, first):
            out[-1] += ("" if out[-1].endswith(_HYPHENS) else " ") + words  # ("Asian-" / "African": one word)
            first = False
        else:
            out += [*([""] if out[-1] else []), words]
            first = True
        previous, previous_longest = line, longest
    return "\n".join(out).strip() + "\n"


def _without_page_numbers(lines: list[str]) -> list[str]:
    """A page's lines without a page number standing alone at its head or foot."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    for k in (filled[:1] + filled[-1:]) if filled else []:
        if _PAGE_NUMBER.match(lines[k].strip()):
            lines[k] = ""
    return lines


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _opens(previous: str, line: str, longest: int, first: bool) -> bool:
    """Whether `line` opens a paragraph after `previous` (see the module's docstring); `first`:
    whether `previous` opened its own (where the next line indented further is a hanging indent's)."""
    if not _ENDS.search(previous):
        return not first and _indent(line) > _indent(previous)  # (a first line indented, after one ending "and")
    if _indent(line) > _indent(previous) or _LABEL.match(line.strip()):
        return True
    if _indent(line) < _indent(previous) and not first:  # (a hanging indent's paragraph ended: "1    …" / "     …;")
        return True
    return len(previous.strip()) < SHORT * longest
