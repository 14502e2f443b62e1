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
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, TypeVar

from resdraft.inline import merge
from resdraft.model import DOCUMENT_ORDER, Content, Footnote, FootnoteRef, Line, Paragraph, Resolution, Run


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
