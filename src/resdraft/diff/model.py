"""The Diff: what changed between two Resolutions, header field by field and paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from resdraft.diff.unseen import only_unseen
from resdraft.diff.words import Op
from resdraft.model import Footnote, Line, Paragraph, Resolution
from resdraft.numbering import printed_label

Status = Literal["unchanged", "modified", "inserted", "deleted"]
PARTS = ("preamble", "operative")
STATUSES: tuple[Status, ...] = ("unchanged", "modified", "inserted", "deleted")


def lines_by_role(lines: tuple[Line, ...]) -> dict[tuple[str, int], Line]:
    """Header or title lines by role and by which of that role each is ('title', 2): how the lines
    of two texts pair, the first of a role with the first, the second with the second."""
    seen: dict[str, int] = {}
    out = {}
    for line in lines:
        seen[line.role] = seen.get(line.role, 0) + 1
        out[(line.role, seen[line.role])] = line
    return out


# Bold and italic: how a run of words reads. (Not raised letters: Markdown has none, so "27th"
# raised in a draft reads plain from its Markdown; the redline still tracks them.)
Look = tuple[bool, bool]


def look_name(look: Look) -> str:
    """'bold', 'bold italic', 'plain'."""
    names = [name for name, on in zip(("bold", "italic"), look, strict=True) if on]
    return " ".join(names) or "plain"


@dataclass(frozen=True, slots=True)
class Restyled:
    """Words a paragraph keeps that the new text sets otherwise (see diff/formatting.py): the
    words, as the new text has them, and how each text sets them."""

    text: str
    was: Look
    now: Look

    @property
    def note(self) -> str:
        """'“Convinced” bold → plain'."""
        return f"“{self.text}” {look_name(self.was)} → {look_name(self.now)}"


def formatting_note(restyles: tuple[Restyled, ...]) -> str:
    """How a paragraph's (or formula's, or footnote's) kept words are set otherwise, as every
    output says it: '“The” bold → plain; “General Assembly:” bold → plain'."""
    return "; ".join(r.note for r in restyles)


@dataclass(frozen=True, slots=True)
class HeaderChange:
    """One header field (title, symbol, session, date, formulas, sponsors) before and after."""

    field: str
    status: Status
    old: str | None
    new: str | None
    ops: tuple[Op, ...] = ()
    # A formula's words it keeps that the new text sets otherwise, where both texts' formatting was read.
    formatting: tuple[Restyled, ...] = ()

    @property
    def line_name(self) -> str:
        """A masthead line's change as a reader names the line: "agenda-title line", the second of
        its role (field "agenda-title 2") "agenda-title line 2"."""
        role, _, n = self.field.partition(" ")
        return f"{role} line{f' {n}' if n else ''}"


def short_place(part: str, index: int, number: int | None) -> str:
    """'op. 7' (or 'op. ¶7' when unnumbered), 'pp. 3': a paragraph's place in short (Place.short),
    for a caller with no Place at hand (a frozen dataclass is slow to make, and the review page
    writes two places for every row)."""
    if part == "operative":
        return f"op. {number}" if number is not None else f"op. ¶{index + 1}"
    return f"pp. {index + 1}"


@dataclass(frozen=True, slots=True)
class Place:
    """A paragraph's place in one of the texts ('old' or 'new'): its part, its index there
    (0-based) and its number."""

    part: str
    index: int
    number: int | None = None
    text: Literal["old", "new"] = "old"

    @property
    def short(self) -> str:
        """'op. 7' (or 'op. ¶7' when unnumbered), 'pp. 3'."""
        return short_place(self.part, self.index, self.number)

    @property
    def name(self) -> str:
        """'operative paragraph 7', 'preambular paragraph 3'."""
        if self.part == "operative":
            return f"operative paragraph {self.number or self.index + 1}"
        return f"preambular paragraph {self.index + 1}"


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The other paragraph a paragraph's words went to or came from, paragraphs pairing one to one:

    - 'moved': deleted from one part, its text goes on in a paragraph inserted in the other (an
      operative "Welcomes …" become a preambular "Welcoming …"); each of the two names the other.
    - 'split': the end (or start) of an old paragraph goes on as the new paragraph after (or
      before) the one it continues; the inserted paragraph and the continued one name each other.
    - 'merged': an old paragraph goes on as the end (or start) of the new paragraph before (or
      after) it; the deleted paragraph and the one it joined name each other.

    Where three or more paragraphs were one (two breaks lost, or a paragraph split in three), each
    deleted (or inserted) one names the paragraph they were one with, and that one names the nearest.

    `paragraph` is the other paragraph, or the piece of it the words are (for a split or merge),
    and `ops` the word diff from the old words to the new ones."""

    place: Place
    paragraph: Paragraph
    ops: tuple[Op, ...]
    kind: Literal["moved", "split", "merged"] = "moved"


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One aligned paragraph (or sub-paragraph): how it changed, where it was and where it is."""

    part: str
    status: Status
    moved: bool
    old: Paragraph | None
    new: Paragraph | None
    old_index: int | None
    new_index: int | None
    ops: tuple[Op, ...]
    subparagraphs: tuple[ParagraphChange, ...] = ()
    # Where its words went or came from, when that is another paragraph (see Counterpart).
    elsewhere: Counterpart | None = None
    # A paragraph's sub-paragraphs' labels per level, old and new, where their kind changed (see `relabelled_note`).
    relabelled: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    # Words it keeps that the new text sets otherwise (bold become plain), where both texts' formatting was read.
    formatting: tuple[Restyled, ...] = ()

    @property
    def restyled(self) -> bool:
        """Whether it, or a sub-paragraph of it, keeps words the new text sets otherwise."""
        return bool(self.formatting) or any(sub.restyled for sub in self.subparagraphs)

    @property
    def alike(self) -> bool:
        """Whether it is modified only in characters that print alike (a space become a no-break
        space; see diff/unseen.py), its sub-paragraphs too: no reader sees what changed."""
        if self.status != "modified" or self.moved or self.elsewhere or self.relabelled:
            return False
        own = any(op != "equal" for op, _ in self.ops)
        if own and not only_unseen(self.ops):
            return False  # (an edit holding a word: most paragraphs that changed)
        subs = [sub for sub in self.subparagraphs if sub.changed]
        return (own or bool(subs)) and all(sub.alike for sub in subs)

    @property
    def opening(self) -> str | None:
        p = self.new or self.old
        return p.opening if p else None

    @property
    def compared(self) -> tuple[Paragraph | None, Paragraph | None, tuple[Op, ...]]:
        """The old and new paragraph the change shows, and the ops between them: for one come from
        another paragraph (the other part, or a split), that paragraph's words as they came."""
        if self.elsewhere and self.status == "inserted":
            return self.elsewhere.paragraph, self.new, self.elsewhere.ops
        return self.old, self.new, self.ops

    @property
    def old_number(self) -> int | None:
        return self.old.number if self.old else None

    @property
    def new_number(self) -> int | None:
        return self.new.number if self.new else None

    @property
    def old_sub_label(self) -> str:
        """A sub-paragraph's place in the earlier text as the UN writes it: '(b)' (its label, else its place)."""
        label = self.old.label if self.old and self.old.label else str((self.old_index or 0) + 1)
        return f"({label.strip('().')})"

    @property
    def origin(self) -> str:
        """Where a paragraph stood in the earlier text: 'operative paragraph 3', 'preambular paragraph 2'."""
        return Place(self.part, self.old_index or 0, self.old_number).name

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or self.moved

    @property
    def noted(self) -> bool:
        """Whether a diff shows the paragraph: it changed, or its sub-paragraphs are labelled by another kind of label."""
        return self.changed or self.relabelled is not None

    @property
    def relabelled_note(self) -> str:
        """How the kind of its sub-paragraphs' labels changed, level by level, if it did:
        'sub-paragraph labels (i) → (a) / –' (S/RES/1590's paragraph 16 and 1706's paragraph 12,
        whose (a) has dashes under it). A label that changed only because one was inserted or
        deleted before it ("(c)" become "(d)") is renumbering, not this."""
        if self.relabelled is None:
            return ""
        old, new = (" / ".join(map(printed_label, labels)) for labels in self.relabelled)
        return f"sub-paragraph labels {old} → {new}"

    def elsewhere_note(self, named: bool = False) -> str:
        """What became of the paragraph's words elsewhere, if anything: 'moved to pp. 26', 'split
        from op. 8', 'part split off as op. 9', 'merged into pp. 21', 'merged with pp. 15';
        `named` spells the place out ('preambular paragraph 26')."""
        other = self.elsewhere
        if other is None:
            return ""
        at = other.place.name if named else other.place.short
        if other.kind == "moved":
            return f"moved {'to' if self.status == 'deleted' else 'from'} {at}"
        if other.kind == "split":
            return f"split from {at}" if self.status == "inserted" else f"part split off as {at}"
        return f"merged into {at}" if self.status == "deleted" else f"merged with {at}"


@dataclass(frozen=True, slots=True)
class FootnoteChange:
    """A footnote before and after (see diff/footnotes.py for which continue one another), with
    the place of the paragraph it is anchored in: in the new text, or in the old for a footnote
    dropped; None in a header line or formula."""

    status: Status
    old: Footnote | None
    new: Footnote | None
    ops: tuple[Op, ...]
    place: Place | None = None
    # Words it keeps that the new text sets otherwise, where both texts' formatting was read.
    formatting: tuple[Restyled, ...] = ()

    @property
    def footnote(self) -> Footnote:
        """The footnote as it is now, or as it was for one dropped."""
        note = self.new or self.old
        assert note is not None, "a footnote change has a footnote on one side at least"
        return note

    @property
    def markers(self) -> str:
        """'fn 3 → fn 5', '— → fn 6', 'fn 4 → —'."""
        return f"{'fn ' + self.old.marker if self.old else '—'} → {'fn ' + self.new.marker if self.new else '—'}"


@dataclass(frozen=True, slots=True)
class Diff:
    """Everything `resdraft diff` reports; every renderer of a diff reads only this."""

    old: Resolution
    new: Resolution
    old_name: str
    new_name: str
    header: tuple[HeaderChange, ...]
    masthead: tuple[HeaderChange, ...]  # the other lines above the enacting formula, by role (see compare_masthead)
    preamble: tuple[ParagraphChange, ...]
    operative: tuple[ParagraphChange, ...]
    warnings: tuple[str, ...] = field(default=())
    footnotes: tuple[FootnoteChange, ...] = field(default=())

    def part(self, name: str) -> tuple[ParagraphChange, ...]:
        return self.preamble if name == "preamble" else self.operative

    def summary(self) -> dict[str, dict[str, int]]:
        """Per part: counts of unchanged, modified, inserted, deleted and moved paragraphs."""
        out = {}
        for name in PARTS:
            changes = self.part(name)
            counts: dict[str, int] = {status: sum(1 for c in changes if c.status == status) for status in STATUSES}
            counts["moved"] = sum(1 for c in changes if c.moved)
            out[name] = counts
        return out

    @property
    def footnotes_changed(self) -> tuple[FootnoteChange, ...]:
        return tuple(f for f in self.footnotes if f.status != "unchanged")

    @property
    def is_empty(self) -> bool:
        return (
            all(h.status == "unchanged" for h in (*self.header, *self.masthead))
            and not any(c.noted for part in PARTS for c in self.part(part))
            and not self.footnotes_changed
        )
