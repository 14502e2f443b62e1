"""Footnotes across two texts: which anchors of a paragraph continue one another, and how each
footnote changed.

A footnote has no place but its anchor's. An anchor of the old text and one of the new are the
same footnote when they stand at the same place of the paragraph's unchanged words (a footnote
renumbered by one added above it is the same footnote); an anchor only one text has there is a
footnote added or dropped, whatever its number.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from resdraft.diff.formatting import restyling
from resdraft.diff.model import FootnoteChange, ParagraphChange, Place, lines_by_role
from resdraft.diff.words import WORD, Op, kept_share, located, word_diff
from resdraft.model import Content, Footnote, FootnoteRef, Line, Resolution, Run, stands_in


@dataclass(frozen=True)
class Anchors:
    """How the footnote anchors of one paragraph in two texts correspond, each side's anchors
    counted in order: `pairs` maps a new anchor to the old one at the same place of unchanged
    words; `placed` maps each other old anchor of unchanged words to its place in the new text;
    `unchanged` holds the new anchors that stand in unchanged words."""

    pairs: dict[int, int]
    placed: dict[int, int]
    unchanged: frozenset[int]


def _places(content: Content) -> list[int]:
    """The place of each footnote anchor: the length of the text before it."""
    out, pos = [], 0
    for span in content:
        if isinstance(span, FootnoteRef):
            out.append(pos)
        elif isinstance(span, Run):
            pos += len(span.text)
    return out


def align_anchors(old: Content, new: Content, ops: tuple[Op, ...] | list[Op]) -> Anchors:
    """The anchors of a paragraph of both texts, set against each other through its word diff."""
    olds, news = _places(old), _places(new)
    if len(ops) == 1 and ops[0][0] == "equal" and olds == news and (not olds or olds[-1] <= len(ops[0][1])):
        # Words unchanged, anchors at the same places (about half the paragraphs with footnotes of
        # a year-over-year pair): each anchor is the one of the other text counted alike, in
        # unchanged words, as the walk below finds them.
        return Anchors({k: k for k in range(len(news))}, {}, frozenset(range(len(news))))
    # (start in the old text, start in the new, length) of each unchanged stretch
    spans = [(at_old, at_new, len(text)) for op, text, at_old, at_new in located(ops) if op == "equal"]

    def unchanged(pos: int, side: int) -> tuple[int, int, int] | None:
        """The unchanged stretch holding a place (after the text before it) of the old text (side 0) or the new (1)."""
        for span in spans:
            if stands_in(pos, span[side], span[side] + span[2]):
                return span
        return None

    at_new: dict[int, list[int]] = defaultdict(list)  # place in the new text -> old anchors of unchanged words there
    for k, pos in enumerate(olds):
        if (span := unchanged(pos, 0)) is not None and unchanged(at := span[1] + pos - span[0], 1) == span:
            at_new[at].append(k)
    pairs: dict[int, int] = {}
    inside = set()
    for k, pos in enumerate(news):
        if at_new.get(pos):
            pairs[k] = at_new[pos].pop(0)
        if unchanged(pos, 1) is not None:
            inside.add(k)
    placed = {k: pos for pos, ks in at_new.items() for k in ks}
    return Anchors(pairs, placed, frozenset(inside))


def footnotes_by_content(res: Resolution) -> dict[int, list[Footnote]]:
    """The footnotes of each line's and paragraph's anchors, by the identity of its content, in
    document order (the order the Word output numbers them in)."""
    if not res.footnotes:  # (a text without footnotes: its anchors, if any, have none to find)
        return {}
    notes = iter(res.footnotes)
    out: dict[int, list[Footnote]] = {}
    for container in res.lines_and_paragraphs():
        count = 0
        for span in container.content:  # (a plain loop: cheaper than sum() over a generator, for every paragraph)
            if isinstance(span, FootnoteRef):
                count += 1
        if count:
            out[id(container.content)] = list(itertools.islice(notes, count))
    return out


Notes = tuple[dict[int, list[Footnote]], dict[int, list[Footnote]]]


def _changes(
    old: Content | None,
    new: Content | None,
    ops: tuple[Op, ...] | list[Op],
    notes: Notes,
    places: tuple[Place | None, Place | None],
    out: list[FootnoteChange],
) -> None:
    """The footnotes of one paragraph (or line) in the old text and the new, added to `out`: kept, changed, added,
    dropped; each with the place of its paragraph (old, new) in the text it is in. Anchors that
    do not pair by place (standing in changed words) still pair in order, within the paragraph,
    when their footnotes keep half their words ("… Seventy-[-eighth-]{+ninth+} Session …")."""
    olds = notes[0].get(id(old), []) if old is not None else []
    news = notes[1].get(id(new), []) if new is not None else []
    # Anchors pair by place only where both texts have some: where one has none, each is added or dropped.
    pairs = dict(align_anchors(old, new, ops).pairs) if olds and news and old is not None and new is not None else {}
    free = [k for k in range(len(olds)) if k not in pairs.values()]
    diffs: dict[int, list[Op]] = {}  # new anchor -> the word diff of its footnote, where made to pair it
    for k in range(len(news)):
        if k not in pairs and free and (made := _keeping_half(olds[free[0]].text, news[k].text)) is not None:
            pairs[k] = free.pop(0)
            diffs[k] = made
    for k, note in enumerate(news):
        if k in pairs and pairs[k] < len(olds):
            was = olds[pairs[k]]
            if was.content == note.content:
                out.append(FootnoteChange("unchanged", was, note, (("equal", note.text),), places[1]))
            else:
                ops = diffs[k] if k in diffs else word_diff(was.text, note.text)
                out.append(FootnoteChange("modified", was, note, tuple(ops), places[1]))
        else:
            out.append(FootnoteChange("inserted", None, note, (("insert", note.text),), places[1]))
    kept = {pairs[k] for k in range(len(news)) if k in pairs}
    for k, note in enumerate(olds):
        if k not in kept:
            out.append(FootnoteChange("deleted", note, None, (("delete", note.text),), places[0]))


_FIGURES = re.compile(r"\S*\d\S*")  # a run of text holding a figure: a document symbol, a number, a year


def _keeping_half(old: str, new: str) -> list[Op] | None:
    """The word diff of two footnote texts, each with words, where it keeps half the words of the
    shorter one, or all but its figures: "See A/78/304." and "See A/79/266." are the one footnote
    citing the year's report, as are "A/HRC/54/31." and "A/HRC/57/47."."""
    if not (WORD.search(old) and WORD.search(new)):
        return None
    ops = word_diff(old, new)
    figures_alone = not any(WORD.search(_FIGURES.sub(" ", text)) for op, text in ops if op != "equal")
    return ops if figures_alone or kept_share(ops) >= 0.5 else None


def _line(old: Line | None, new: Line | None, notes: Notes, out: list[FootnoteChange]) -> None:
    """The footnotes of a header line or formula (which have no paragraph place), added to `out`."""
    if (old is None or id(old.content) not in notes[0]) and (new is None or id(new.content) not in notes[1]):
        return  # (most lines have no footnote)
    ops = word_diff(old.text, new.text) if old is not None and new is not None else []
    _changes(old.content if old else None, new.content if new else None, ops, notes, (None, None), out)


def _lines(old: tuple[Line, ...], new: tuple[Line, ...], notes: Notes, out: list[FootnoteChange]) -> None:
    """The footnotes of header or title lines paired by role, the first of a role with the first, added to `out`."""
    was, now = lines_by_role(old), lines_by_role(new)
    for key in [*now, *(k for k in was if k not in now)]:
        _line(was.get(key), now.get(key), notes, out)


def _paragraphs(
    changes: tuple[ParagraphChange, ...], notes: Notes, out: list[FootnoteChange], top: ParagraphChange | None = None
) -> None:
    """The footnotes of paragraphs and their sub-paragraphs (placed at their paragraph), added to `out`."""
    for c in changes:
        head = top or c
        old_content, new_content = c.old.content if c.old else None, c.new.content if c.new else None
        if id(old_content) in notes[0] or id(new_content) in notes[1]:  # (most paragraphs have no footnote)
            old = Place(head.part, head.old_index, head.old_number) if head.old_index is not None else None
            new = Place(head.part, head.new_index, head.new_number, "new") if head.new_index is not None else None
            _changes(old_content, new_content, c.ops, notes, (old or new, new or old), out)
        if c.subparagraphs:
            _paragraphs(c.subparagraphs, notes, out, head)


def compare_footnotes(
    old: Resolution, new: Resolution, parts: dict[str, tuple[ParagraphChange, ...]]
) -> tuple[FootnoteChange, ...]:
    """Every footnote of the two texts, paired through the paragraph (or line) it is anchored in, in
    document order. A footnote whose words alone the diff can compare (a text read from plain text
    or a PDF carries no formatting) is unchanged where they are."""
    notes = (footnotes_by_content(old), footnotes_by_content(new))
    # (Each step adds to one list: cheaper than a chain of generators passing on each change.)
    out: list[FootnoteChange] = []
    _lines((*old.header, *old.title), (*new.header, *new.title), notes, out)
    _line(old.enacting, new.enacting, notes, out)
    _paragraphs(parts["preamble"], notes, out)
    _line(old.transition, new.transition, notes, out)
    _paragraphs(parts["operative"], notes, out)
    _line(old.closing, new.closing, notes, out)
    if not (old.formatting_read and new.formatting_read):  # (a setting there is no fact of the document: same words, same note)
        out = [
            FootnoteChange("unchanged", c.old, c.new, (("equal", c.new.text),), c.place)
            if c.status == "modified" and c.old is not None and c.new is not None and c.old.text == c.new.text
            else c
            for c in out
        ]
    else:  # (a note whose words alone stayed is modified in its setting: which words, and how)
        out = [
            dataclasses.replace(c, formatting=restyles)
            if c.status == "modified" and (restyles := restyling(c.old, c.new, c.ops))
            else c
            for c in out
        ]
    return tuple(out)
