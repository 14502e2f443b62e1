"""Which footnote each footnote mark of a Resolution takes, as the Word output and the diff pair
them: in the order the marks stand in the document, one footnote to each mark.

An imported document says what it says: one edited by hand may list its footnotes in another
order than its marks (the paragraph holding footnote 2 moved above the one holding 1), and may
hold a mark whose footnote's text was lost, which `resdraft lint` reports. The writers and the
diff take the document with its footnotes in the order of their marks, and such a mark as the
raised number (or '*') it shows.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, TypeVar

from resdraft.inline import merge
from resdraft.model import DOCUMENT_ORDER, Content, Footnote, FootnoteRef, Line, Paragraph, Resolution, Run, Span


def paired(res: Resolution) -> Resolution:
    """`res` with each footnote mark given the first footnote of its marker not yet taken, in
    document order (the order Word numbers footnotes in), its footnotes in that order and those
    no mark takes after them as they were; a mark no footnote is left for becomes the character
    it shows (a raised number, or '*', '†' …)."""
    marks = [s.marker for c in res.lines_and_paragraphs() for s in c.content if isinstance(s, FootnoteRef)]
    if marks == [note.marker for note in res.footnotes]:
        return res  # (as every document resdraft writes, and most it reads)
    unused: dict[str, deque[Footnote]] = defaultdict(deque)
    for note in res.footnotes:
        unused[note.marker].append(note)
    ordered: list[Footnote] = []

    def content(spans: Content) -> Content:
        out = []
        for span in spans:
            if isinstance(span, FootnoteRef):
                if unused[span.marker]:
                    ordered.append(unused[span.marker].popleft())
                else:
                    span = Run(span.marker, superscript=span.marker.isdigit())
            out.append(span)
        kept = tuple(out)
        return spans if kept == spans else merge(kept)

    parts = _rebuilt(res, content)
    taken = {id(note) for note in ordered}
    notes = (*ordered, *(note for note in res.footnotes if id(note) not in taken))
    return dataclasses.replace(res, **parts, footnotes=notes)


def unanswered_as_text(res: Resolution, markers: frozenset[str]) -> Resolution:
    """`res` with each mark of `markers` that no footnote of its marker answers written as the
    character it is: in plain text a '*' after a word ("members in level H* have …") is the UN's
    footnote mark only where the text has a '*' footnote."""
    answered = {note.marker for note in res.footnotes}
    unanswered = markers - answered
    if not unanswered:
        return res

    def content(spans: Content) -> Content:
        if not any(isinstance(s, FootnoteRef) and s.marker in unanswered for s in spans):
            return spans
        return merge(tuple(Run(s.marker) if isinstance(s, FootnoteRef) and s.marker in unanswered else s for s in spans))

    return dataclasses.replace(res, **_rebuilt(res, content))


@dataclasses.dataclass(frozen=True)
class RaisedMark(FootnoteRef):
    """A footnote mark a text wrote as raised digits ("¹"), as Markdown and plain text write them,
    which may as well be a power ("m²", "10³"): they have no other way to write one. The Markdown
    and text reader gives such marks this type until `powers_as_text` settles which each is."""


_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# What a raised number that is a power stands glued to: a unit of measure ("m²", "500km²", "m/s²")
# or a number ("10³"). A word that ends in such letters ("Program²") is no unit.
_UNIT = re.compile(r"(?:(?<![^\W\d_])(?:[kcmdµn]?m|ft|yd|mi)|/s)$")
_NUMBER = re.compile(r"\d$")


def powers_as_text(res: Resolution) -> Resolution:
    """`res` with each RaisedMark a footnote mark, or the raised digits it is where it is a power:
    after a unit of measure ("m²", "km²") always, and after a number ("10³") unless it is the next
    mark in order and a footnote of its number is there, as the marks after a date in GA texts are
    ("… of 16 September 2005⁵"). A mark written otherwise ("[^2]") is a mark wherever it stands."""
    answered = {note.marker for note in res.footnotes}
    last = 0  # the last numbered mark, in document order

    def power(mark: RaisedMark, before: Run) -> bool:
        if _UNIT.search(before.text):
            return True
        return _NUMBER.search(before.text) is not None and (int(mark.marker) != last + 1 or mark.marker not in answered)

    def content(spans: Content) -> Content:
        nonlocal last
        out: list[Span] = []
        for span in spans:
            if isinstance(span, RaisedMark):
                before = out[-1] if out else None
                if isinstance(before, Run) and power(span, before):
                    out.append(Run(span.marker.translate(_RAISED), before.italic, before.bold))
                    continue
                span = FootnoteRef(span.marker)
            if isinstance(span, FootnoteRef) and span.marker.isdigit():
                last = int(span.marker)
            out.append(span)
        kept = tuple(out)
        return spans if kept == spans else merge(kept)

    return dataclasses.replace(res, **_rebuilt(res, content))


def _rebuilt(res: Resolution, content: Callable[[Content], Content]) -> dict[str, Any]:
    """The parts of `res` (DOCUMENT_ORDER) with `content` applied to every line's and paragraph's
    content, in document order; each item itself where its content stays."""

    def line(x: Line) -> Line:
        return _replaced(x, content=content(x.content))

    def paragraph(p: Paragraph) -> Paragraph:
        own = content(p.content)  # (before its sub-paragraphs: document order)
        return _replaced(p, content=own, subparagraphs=tuple(paragraph(s) for s in p.subparagraphs))

    def part(value: Any) -> Any:
        """A line, a formula (or None), or a tuple of lines or paragraphs, rebuilt."""
        if value is None:
            return None
        if isinstance(value, Line):
            return line(value)
        return tuple(paragraph(x) if isinstance(x, Paragraph) else line(x) for x in value)

    return {name: part(getattr(res, name)) for name in DOCUMENT_ORDER}


T = TypeVar("T", Line, Paragraph)


def _replaced(item: T, **changes: Any) -> T:
    """`item` itself where nothing changes (so an unchanged document keeps its objects), else a copy with the changes."""
    if all(getattr(item, name) is value or getattr(item, name) == value for name, value in changes.items()):
        return item
    return dataclasses.replace(item, **changes)
