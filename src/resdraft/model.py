"""The document model at the centre of resdraft: library entries, drafts and the assembled Resolution.

Frozen dataclasses only, no I/O. The builder produces a Resolution, renderers consume it,
and (later) the importer produces and the differ compares them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import textwrap
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from resdraft.errors import Where
from resdraft.numbering import counted, sublabel_examples

Kind = Literal["preambular", "operative"]
KINDS: tuple[Kind, ...] = ("preambular", "operative")


# ---------------------------------------------------------------- inline content


# Characters no document text holds: control characters XML 1.0 cannot carry (a form feed, a NUL
# from a damaged file). Importers drop them (a form feed breaks the line); the Word writer too.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; `opening` marks the opening phrase."""

    text: str
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    opening: bool = False


@dataclass(frozen=True)
class FootnoteRef:
    """The anchor of a footnote inside text; `marker` is its final number or symbol."""

    marker: str


Span = Run | FootnoteRef
Content = tuple[Span, ...]


def plain(content: Content) -> str:
    """The words of some content, without footnote markers or formatting."""
    return "".join(s.text for s in content if isinstance(s, Run))


def excerpt(words: str) -> str:
    """Some words a message quotes, spaced once and shortened to about a line: "“Should this name
    the 2000 Protocol …”" (a comment's, a text box's, a footnote's)."""
    return f"“{textwrap.shorten(words, 60, placeholder=' …')}”"


def stands_in(place: int, start: int, end: int) -> bool:
    """Whether a footnote anchor whose place (the length of the text before it) is `place` stands
    in the stretch of text from `start` to `end`: an anchor stands after the text before it, so
    at a stretch's end, not at its start; one at the very start of the text, in the first stretch."""
    return start < place <= end or place == start == 0


def looks(content: Content, look: Callable[[Run], Hashable]) -> list[tuple[int, Run]]:
    """Where in some content's words the setting `look` reads off a run (bold and italic, say)
    changes, with a run (its text left out) set so from there: the first at 0."""
    out: list[tuple[int, Run]] = []
    at = 0
    for span in content:
        if isinstance(span, Run) and span.text:
            if not out or look(out[-1][1]) != look(span):
                out.append((at, replace(span, text="")))
            at += len(span.text)
    return out


def content_between(content: Content, start: int, end: int, with_refs: bool = True) -> Content:
    """The part of some content between two offsets of its plain text, in its formatting; a
    footnote anchor stands after the text before it (one at the very start, before all of it),
    and is kept with `with_refs`."""
    out: list[Span] = []
    pos = 0
    for span in content:
        if isinstance(span, FootnoteRef):
            if with_refs and stands_in(pos, start, end):
                out.append(span)
            continue
        a, b = pos, pos + len(span.text)
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            out.append(Run(span.text[lo - a : hi - a], span.italic, span.bold, span.superscript, span.opening))
        pos = b
    return tuple(out)


# ---------------------------------------------------------------- library entries


NO_SPACE_BEFORE = (",", ";", ":", ".", ")")  # text after an opening phrase that joins it with no space


def opening_space(text: str) -> str:
    """The space between an opening phrase and the text after it: none where the text starts with
    a comma or other closing mark ("*Recalling*, in this regard, …") or is empty."""
    return " " if text and not text.startswith(NO_SPACE_BEFORE) else ""


def join_opening(opening: str | None, text: str) -> str:
    """An opening phrase and the text after it as the build prints them ("Recalling, in this regard")."""
    return f"{opening}{opening_space(text)}{text}" if opening else text


@dataclass(frozen=True)
class SubClause:
    """A sub-paragraph of a clause, possibly with sub-paragraphs of its own."""

    text: str
    opening: str | None = None
    subparagraphs: tuple[SubClause, ...] = ()
    end: str | None = None
    where: Where | None = field(default=None, compare=False)


def subclause_texts(subs: tuple[SubClause, ...]) -> Iterator[str]:
    """The text of every sub-paragraph, at any depth."""
    for sub in subs:
        yield sub.text
        yield from subclause_texts(sub.subparagraphs)


def subclause_places(subs: tuple[SubClause, ...], where: Where | None) -> Iterator[tuple[str, Where | None]]:
    """The text of every sub-paragraph, at any depth, and its line (else `where`, its paragraph's)."""
    for sub in subs:
        yield sub.text, sub.where or where
        yield from subclause_places(sub.subparagraphs, sub.where or where)


@dataclass(frozen=True)
class Clause:
    """A reusable preambular or operative paragraph from the clause library.

    `text` is the paragraph after its opening phrase and without its final punctuation
    mark, which the body's punctuation chain supplies. It may hold Jinja expressions and
    inline markup: *italic*, **bold**, ^superscript^ and footnote anchors [^key].
    """

    id: str
    kind: Kind
    text: str
    opening: str | None = None
    subparagraphs: tuple[SubClause, ...] = ()
    footnotes: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    amends: str | None = None
    note: str | None = None
    where: Where | None = field(default=None, compare=False)
    text_where: Where | None = field(default=None, compare=False)

    def snippets(self) -> list[str]:
        """Every piece of the clause that is Jinja: text, opening, footnotes, sub-paragraphs."""
        return [self.text, self.opening or "", *self.footnotes.values(), *subclause_texts(self.subparagraphs)]


# ---------------------------------------------------------------- drafts


@dataclass(frozen=True)
class Use:
    """One paragraph slot in a draft: a library clause (with overrides) or inline text."""

    clause: str | None = None
    opening: str | None = None
    text: str | None = None
    subparagraphs: tuple[SubClause, ...] | None = None
    footnotes: Mapping[str, str] = field(default_factory=dict)
    end: str | None = None
    emphasis: str | None = None
    numbered: bool = True  # False: the operative numbering skips it (a section's heading)
    label: str | None = None  # ... and this label stands in place of its number ("II")
    number: int | None = None  # its number, where the numbering starts again (a section's paragraph 1)
    # A section's heading: numbered in its kind's count, by the kind's first numeral ("I", "A."), or
    # True for one printed without a numeral.
    heading: str | bool | None = None
    numbering: tuple[str, ...] | None = None  # its sub-paragraphs' labels per level ("(i)"), where not the draft's
    where: Where | None = field(default=None, compare=False)
    opening_where: Where | None = field(default=None, compare=False)  # the line of its own `opening:`, if any


@dataclass(frozen=True)
class Draft:
    """One session's resolution as the user wrote it in drafts/NAME.yaml."""

    name: str
    body: str
    session: int
    fields: Mapping[str, Any]
    variables: Mapping[str, Any]
    formulas: Mapping[str, str]
    style: Mapping[str, Any]
    footnotes: Mapping[str, str]
    preamble: tuple[Use, ...]
    operative: tuple[Use, ...]
    previous: str | None = None
    where: Where | None = field(default=None, compare=False)
    lines: Mapping[str, Where] = field(default_factory=dict, compare=False)
    header: Mapping[str, str] = field(default_factory=dict)  # a header line's own text, by role ("" leaves it out)

    @property
    def clause_ids(self) -> list[str]:
        """The library clauses the draft uses, in order (a paragraph of its own words uses none)."""
        return [use.clause for use in (*self.preamble, *self.operative) if use.clause]


# ---------------------------------------------------------------- the assembled document


@dataclass(frozen=True)
class Session:
    """A session of a body: its number and the words for it in every form the bodies use. For a
    body that numbers no sessions (the Security Council, `sessions: years`), the number is the year."""

    number: int
    years: bool = False

    @property
    def ordinal(self) -> str:
        """'fifty-second'"""
        from resdraft.sessions import ordinal_words

        return ordinal_words(self.number)

    @property
    def ordinal_title(self) -> str:
        """'Fifty-Second'"""
        import re

        return re.sub(r"[a-z]+", lambda m: m.group(0).capitalize(), self.ordinal)

    @property
    def ordinal_sentence(self) -> str:
        """'Fifty-second'"""
        return self.ordinal[:1].upper() + self.ordinal[1:]

    @property
    def ordinal_figure(self) -> str:
        """'52nd'"""
        from resdraft.sessions import ordinal_figure

        return ordinal_figure(self.number)

    @property
    def ordinal_sup(self) -> str:
        """'52^nd^': the figure with a superscript suffix in inline markup."""
        figure = self.ordinal_figure
        return f"{self.number}^{figure[len(str(self.number)) :]}^"

    @property
    def words(self) -> str:
        """'fifty-two'"""
        from resdraft.sessions import cardinal_words

        return cardinal_words(self.number)

    @property
    def previous(self) -> Session:
        return Session(self.number - 1, self.years)

    @property
    def next(self) -> Session:
        return Session(self.number + 1, self.years)

    def __str__(self) -> str:
        return str(self.number)


@dataclass(frozen=True)
class Paragraph:
    """A preambular or operative paragraph, or a sub-paragraph, as it appears in the document."""

    role: Literal["preambular", "operative", "subparagraph"]
    content: Content
    level: int = 0
    label: str | None = None
    number: int | None = None
    opening: str | None = None
    subparagraphs: tuple[Paragraph, ...] = ()
    clause_id: str | None = None
    # A section's heading printed without a numeral ("Role and authority of the General Assembly"
    # over paragraph 1); one with a numeral ("II") is known by its label: see Resolution.heading.
    heading: bool = False

    @cached_property
    def text(self) -> str:
        """The paragraph's words without number or footnote markers (worked out once: the diff reads it often)."""
        return plain(self.content)

    @property
    def footnote_refs(self) -> tuple[str, ...]:
        return tuple(s.marker for s in self.content if isinstance(s, FootnoteRef))

    def first_words(self, count: int) -> str:
        """Its first `count` words, and " …" where more follow: how a message names a paragraph
        that has no number (a heading, an unnumbered paragraph)."""
        words = self.text.split()
        return " ".join(words[:count]) + (" …" if len(words) > count else "")

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph and all its sub-paragraphs, in document order."""
        yield self
        for sub in self.subparagraphs:
            yield from sub.walk()

    def label_kinds(self, house: Sequence[str] = ()) -> list[str] | None:
        """Its sub-paragraphs' labels per level, each level by its first label or its bullet ("(a)",
        "(i)", "--"), the `house` numbering's where both fit; None where some level's labels follow
        no sequence (a label missing, one skipped, a list going on from "(c)")."""
        levels: list[list[list[str | None]]] = []
        runs = [self.subparagraphs]
        while runs := [run for run in runs if run]:
            levels.append([[sub.label for sub in run] for run in runs])
            runs = [sub.subparagraphs for run in runs for sub in run]
        return sublabel_examples(levels, house)

    def sublabels(self, house: Sequence[str]) -> tuple[str, ...] | None:
        """Its sub-paragraphs' labels per level, each level by its first label or its bullet ("(i)",
        "--"), where they are not the `house` numbering's ("(a)", "(i)"): to the deepest level that
        differs. None where the house numbering labels them, or where their labels follow no sequence."""
        found = self.label_kinds(house)
        differ = [k for k, example in enumerate(found or ()) if k >= len(house) or example != house[k]]
        return tuple(found[: differ[-1] + 1]) if found and differ else None


@dataclass(frozen=True)
class Footnote:
    """A footnote: its marker ('1', '*') and its text."""

    marker: str
    content: Content

    @cached_property
    def text(self) -> str:
        return plain(self.content)


class Placeholder(str):
    """A value still to be decided (`{tbd: ...}` in a draft); renders visibly as [TBD: ...].
    `PRINTED` finds one in a document's text, where its hint is no fact of the document."""

    __slots__ = ("hint",)
    hint: str
    PRINTED = re.compile(r"\[TBD: [^\]\n]*\]")

    def __new__(cls, hint: str) -> Placeholder:
        obj = super().__new__(cls, f"[TBD: {hint}]")
        obj.hint = hint
        return obj

    @classmethod
    def printed(cls, text: str) -> Placeholder | None:
        """The placeholder a whole line of a document prints ("[TBD: date of the 53rd-session
        document]", as resdraft writes one still to fill), or None."""
        text = text.strip()
        return cls(text[6:-1]) if text.startswith("[TBD: ") and cls.PRINTED.fullmatch(text) else None

    @classmethod
    def holes(cls, text: str) -> list[tuple[int, int]]:
        """Where placeholders still to fill stand in a text (start and end offsets)."""
        return [m.span() for m in cls.PRINTED.finditer(text)] if "[TBD: " in text else []


def cut_at(content: Content, holes: list[tuple[int, int]]) -> Iterator[tuple[Span, bool]]:
    """Some content's spans, each run cut where one of `holes` (offsets in its words, as
    Placeholder.holes gives them) begins or ends, with whether it lies in one; anchors as they are."""
    at = 0
    for span in content:
        if not isinstance(span, Run) or not holes:  # (most text has no placeholder: its runs as they are)
            yield span, False
            continue
        text = span.text
        cuts = sorted({0, len(text), *(min(max(edge - at, 0), len(text)) for hole in holes for edge in hole)})
        pieces = [(a, b) for a, b in itertools.pairwise(cuts) if a < b] or [(0, len(text))]
        for a, b in pieces:
            yield replace(span, text=text[a:b]), any(start <= at + a < end for start, end in holes)
        at += len(text)


@dataclass(frozen=True)
class Line:
    """A line of the header block or a formula, with the role that names its style; a title
    line may carry a label set before its words, as an adopted UN resolution's number ("78/225.")."""

    role: str
    content: Content
    label: str | None = None

    @property
    def text(self) -> str:
        return plain(self.content)


@dataclass(frozen=True)
class Numbering:
    """How paragraphs are labelled, each level given by an example label such as '1.' or '(a)'."""

    operative: str | None
    subparagraphs: tuple[str, ...]
    preambular_subparagraphs: tuple[str, ...]

    def sublabels(self, part: str) -> tuple[str, ...]:
        """The sub-paragraph labels of a part ("operative", else the preamble), each level by its first."""
        return self.subparagraphs if part == "operative" else self.preambular_subparagraphs


# The parts of a Resolution that hold lines and paragraphs, in the order they stand in the document.
DOCUMENT_ORDER = ("header", "title", "enacting", "preamble", "transition", "operative", "closing")


@dataclass(frozen=True)
class Resolution:
    """An assembled resolution: everything any renderer needs, and nothing format-specific."""

    body: str
    session: Session
    fields: Mapping[str, Any]
    header: tuple[Line, ...]
    title: tuple[Line, ...]
    enacting: Line | None
    preamble: tuple[Paragraph, ...]
    transition: Line | None
    operative: tuple[Paragraph, ...]
    closing: Line | None
    footnotes: tuple[Footnote, ...]
    numbering: Numbering
    emphasis: Mapping[str, str] = field(default_factory=dict)
    date: dt.date | None = None
    # Whether its words' settings are the document's own (a draft, Word, Markdown), not those its
    # body's house style gives the opening phrases a reader found by their words (plain text, a PDF).
    formatting_read: bool = True

    def unnumbered(self, paragraph: Paragraph) -> bool:
        """Whether this text leaves an operative paragraph out of the numbering it gives the others:
        a section's heading (or its own preamble) among numbered paragraphs. A text that numbers
        none leaves none out."""
        return paragraph.number is None and bool(self.numbering.operative)

    def heading(self, paragraph: Paragraph) -> bool:
        """Whether an operative paragraph is a section's heading: one the numbering skips that
        carries a numeral of its own ("II") as its label, or one marked as a heading without a
        numeral (`Paragraph.heading`)."""
        return paragraph.heading or (self.unnumbered(paragraph) and bool(paragraph.label))

    def heading_numeral(self, paragraph: Paragraph) -> str | None:
        """A section heading's numeral ("II"); None for a heading without one and any other paragraph."""
        return paragraph.label if paragraph.label and self.heading(paragraph) else None

    def heading_count(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """A section heading's place in the sequence its numerals count ("XIV": ('I', 14)), where
        the text's headings of that kind count one by one from the first ("I", "II", "III" …, or
        "A.", "B." starting again under each section), so that a list can number them; else None
        (numerals that name rather than count, "Section 3", "Section 7"; or a label typed out of order)."""
        if (numeral := self.heading_numeral(paragraph)) is None or (found := counted(numeral)) is None:
            return None
        return found if found[0] in self._counted_headings else None

    @cached_property
    def _counted_headings(self) -> frozenset[str]:
        """The kinds of heading numeral (by their first: "I", "A.") that count in this text (see `heading_count`)."""
        last: dict[str, int] = {}
        out_of_order: set[str] = set()
        for p in self.operative:
            if (numeral := self.heading_numeral(p)) is not None and (found := counted(numeral)) is not None:
                pattern, n = found
                if n not in (1, last.get(pattern, 0) + 1):
                    out_of_order.add(pattern)
                last[pattern] = n
        return frozenset(last) - out_of_order

    @cached_property
    def sections(self) -> Mapping[int, str]:
        """Where the text numbers each section's operative paragraphs from 1 again (the budget
        resolutions), so that a number alone names several paragraphs: each operative paragraph's
        section by index, the label of the heading before the paragraph its numbering started again
        at ("III", not a sub-heading's "A."). Empty for a text numbered once through."""
        numbers = [p.number for p in self.operative if p.number is not None]
        if len(numbers) == len(set(numbers)):
            return {}
        out: dict[int, str] = {}
        heading: str | None = None  # the last heading's label
        section: str | None = None
        for i, p in enumerate(self.operative):
            if numeral := self.heading_numeral(p):  # (a heading without one names no section)
                heading = numeral.rstrip(".")
            elif p.number == 1:
                section = heading
            if section is not None and p.number is not None:
                out[i] = section
        return out

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and sub-paragraph in document order."""
        for p in (*self.preamble, *self.operative):
            yield from p.walk()

    def lines_and_paragraphs(self) -> Iterator[Line | Paragraph]:
        """Every line and paragraph, sub-paragraphs included, in document order: where footnote anchors stand."""
        for name in DOCUMENT_ORDER:
            value = getattr(self, name)
            for item in (value,) if isinstance(value, Line) else value or ():
                if isinstance(item, Paragraph) and item.subparagraphs:
                    yield from item.walk()
                else:  # (a line, or a paragraph alone: no generator of its own to walk it, for most paragraphs)
                    yield item
