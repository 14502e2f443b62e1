"""The diff as Word tracked changes: the new document in its body's house style, with native
revision marks, so that Accept All gives the new text and Reject All the old one.

Numbers are Word's own numbering, so renumbering alone is never marked. A paragraph that moved
is a Word move: moveFrom where it was, moveTo where it is, one named range each, and a comment
saying where it came from. Words edited on the way are marked inside the move, each where it
belongs: a deleted word struck through where the paragraph was (w:del inside the moveFrom
range), an inserted one underlined where it is (w:ins inside the moveTo range). So Accept All
drops the old place and keeps the new words, Reject All drops the new place and keeps the old
words, and no edit is hidden inside the move. A paragraph gone from one part to the other (an
operative "Welcomes" become a preambular "Welcoming") is a Word move too, numbered and styled as
its part has it on each side; where it has sub-paragraphs (which pair only under one paragraph)
or is a section's heading, it is a deletion and an insertion, each with a comment saying where
the other is. A paragraph
split in two is a paragraph mark inserted, and two merged into one a paragraph mark deleted, so
the words that went from one to the other stay unmarked (but for their own changes), and each
half carries a comment saying what it was split from or merged with. Where the old text numbered
its operative paragraphs and the new does not (or the reverse), its paragraphs keep their old
numbering as a tracked change of their properties; where it numbered sub-paragraphs otherwise
("1." against "(a)"), or only it numbered its operative paragraphs, those of a paragraph deleted
whole (or all struck) are numbered as it numbered them, from "(a)" again under each paragraph;
where the old text labelled a paragraph's sub-paragraphs otherwise ("(i)" against "(a)"), those of
both texts keep their old labels as a tracked change of their properties.
Unchanged words the old text set otherwise (bold, italic, an opening's style) keep that setting
as a tracked change of formatting. Footnotes are tracked too. An anchor both texts have at one place in unchanged words is one
footnote, changes to its text marked inside it; one only the new text has is inserted, and one
only the old text had is there struck, with its footnote: so Reject All gives back the old
footnotes where they stood, and Accept All the new ones.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from resdraft.diff.align import paired_lines
from resdraft.diff.footnotes import align_anchors, footnotes_by_content
from resdraft.diff.model import Diff, ParagraphChange, Place
from resdraft.diff.unseen import note as unseen_note
from resdraft.diff.words import Op, located, word_diff
from resdraft.errors import TemplateError
from resdraft.library.wordstyle import WordStyle, header_style, title_style
from resdraft.model import (
    Content,
    Footnote,
    FootnoteRef,
    Line,
    Paragraph,
    Placeholder,
    Resolution,
    Run,
    content_between,
    looks,
    plain,
)
from resdraft.numbering import counted, label_kind
from resdraft.render.docx import (
    FORMULA_STYLES,
    _el,
    _found,
    _twips,
    _Writer,
    kept_with_closing,
    line_label,
    operative_number,
    own_labels,
    own_sub_list,
    paragraph_style,
    qn,
    style_ids,
    style_problems,
    subparagraph_style,
    typed_label,
)

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _label_ops(was: Content, now: Content) -> tuple[Op, ...]:
    """The ops of two typed labels, set before a paragraph's (or title's) own: kept, or struck and
    inserted; two titles' numbers keep the tab after them ("[-78/69.-]{+79/144.+}\t")."""
    old, new = plain(was), plain(now)
    if old == new:
        return (("equal", old),) if old else ()
    if old.endswith("\t") and new.endswith("\t"):
        return (("delete", old[:-1]), ("insert", new[:-1]), ("equal", "\t"))
    return (*((("delete", old),) if old else ()), *((("insert", new),) if new else ()))


@dataclass(frozen=True)
class _Anchor(FootnoteRef):
    """A footnote anchor as the redline writes it. `note`: its footnote where that is the old
    text's (None: the new text's next one); `was`: the old footnote a new one continues, whose
    text's changes are marked in it; `text`: the mark on its footnote's text ('ins', 'del' or
    None); `own`: the mark its reference takes of its own, standing in unchanged words."""

    note: Footnote | None = None
    was: Footnote | None = None
    text: str | None = None
    own: str | None = None


class _Redline(_Writer):
    """Writes the new Resolution with the changes since the old one as revision marks."""

    def __init__(self, diff: Diff, word: WordStyle, author: str, date: dt.datetime) -> None:
        super().__init__(diff.new, word)
        self.diff = diff
        self.author = author
        self.stamp = date.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        # One counter for the ids of revisions, move ranges and comments, each its own, starting
        # above the footnotes': LibreOffice shows the wrong footnote texts (or none) when a
        # comment and a footnote share an id, though Word keeps them apart.
        self.next_id = len(diff.new.footnotes) + len(diff.old.footnotes) + 1
        self.old_notes = footnotes_by_content(diff.old)
        self.new_notes = footnotes_by_content(diff.new)
        # The word diff of each footnote the diff found changed, by its old and new footnote (ids):
        # the same words marked, not diffed again.
        self.footnote_ops = {(id(c.old), id(c.new)): c.ops for c in diff.footnotes if c.status == "modified"}
        self.comments: list[Any] = []
        self.moves: dict[object, str] = {}  # a move (id(change), or its old place) -> the name of its range
        self.old_operative_num: str | None = None  # the old text's operative list, where only it numbers them
        self.old_sub_abstract: int | None = None  # the old text's numbering, where its sub-paragraphs' differs
        self.renumbered: list[tuple[Any, tuple[str, int] | None, str]] = []  # old paragraphs, their old numbering and style
        self.operative_num: str | None = None  # the list the new text's operative paragraphs are numbered in now (see `_count`)
        self.old_num: str | None = None  # ... and the old text's: the same list, but where their sections part
        self.listed_headings = _listed_kinds(diff.old, diff.new)
        # Where the old text labelled a paragraph's sub-paragraphs otherwise: their list -> the old
        # labels, and each run of them (by id()) -> the list of its old labels.
        self.old_labels: dict[str, tuple[str, ...]] = {}
        self.old_runs: dict[int, str] = {}

    # -------------------------------------------------------------- footnotes

    def reference(self, p: Any, anchor: FootnoteRef) -> None:
        """A footnote anchor with its footnote: the new text's next one, or the old one it carries;
        marked as the anchor says."""
        if not isinstance(anchor, _Anchor):
            anchor = _Anchor(anchor.marker)
        note = anchor.note or self.next_note(anchor.marker)
        holder = self._mark(f"w:{anchor.own}", p) if anchor.own else p
        was = anchor.was

        def text(fp: Any) -> None:
            if was is not None and was.content != note.content:
                ops = self.footnote_ops.get((id(was), id(note))) or word_diff(was.text, note.text)
                self._compared(fp, was.content, note.content, ops, None)
            else:
                self.runs(fp, note.content, None)

        footnote = self.footnote(holder, note, text)
        if anchor.text:
            self._mark_paragraph(_found(footnote, "w:p"), anchor.text)
        if anchor.own == "del":
            self._deleted_text(holder)

    def _old(self, content: Content) -> Content:
        """Content of the old text, each footnote anchor carrying its footnote (its text to be struck)."""
        notes = iter(self.old_notes.get(id(content), ()))
        out: list[Any] = []
        for span in content:
            if isinstance(span, _Anchor) or not isinstance(span, FootnoteRef):
                out.append(span)
            elif (note := next(notes, None)) is not None:
                out.append(_Anchor(span.marker, note=note, text="del"))
        return tuple(out)

    @staticmethod
    def _new(content: Content) -> Content:
        """Content of the new text inserted: its footnotes' texts inserted too."""
        return tuple(
            _Anchor(s.marker, text="ins") if isinstance(s, FootnoteRef) and not isinstance(s, _Anchor) else s for s in content
        )

    def _alike(self, old: Paragraph | Line, new: Paragraph | Line) -> bool:
        """Whether a paragraph (or line) is as it was: its words, its footnote anchors and its footnotes' texts."""
        notes_old, notes_new = self.old_notes.get(id(old.content), ()), self.new_notes.get(id(new.content), ())
        return old.content == new.content and [n.content for n in notes_old] == [n.content for n in notes_new]

    # -------------------------------------------------------------- revision marks

    def _mark(self, tag: str, parent: Any, **attrs: str) -> Any:
        element = _el(tag, parent, id=str(self.next_id), **attrs, author=self.author, date=self.stamp)
        self.next_id += 1
        return element

    def _mark_end(self, p: Any, tag: str) -> None:
        """Mark a paragraph's mark (its end): inserted, deleted or moved (tag 'w:ins', 'w:del', …)."""
        self._mark(tag, _el("w:rPr", _found(p, "w:pPr")))

    def _mark_paragraph(self, p: Any, kind: str) -> None:
        """Mark a whole paragraph inserted or deleted: its runs and its paragraph mark. A footnote's
        own number stands in a mark of its own: LibreOffice shows the text after it unmarked when
        they share one (Word shows either as marked)."""
        self._mark_end(p, f"w:{kind}")
        wrapper = None
        for child in [c for c in p if c.tag != qn("w:pPr")]:
            if wrapper is None:
                wrapper = self._mark(f"w:{kind}", p)
            wrapper.append(child)
            if child.find(qn("w:footnoteRef")) is not None:
                wrapper = None
        if kind == "del":
            self._deleted_text(p)

    def _move_range(self, block: list[Any], side: str, name: str) -> None:
        """Enclose paragraphs in one named Word move range: side 'moveFrom' (where they stood) or 'moveTo'."""
        start = self._mark(f"w:{side}RangeStart", None, name=name)
        _found(block[0], "w:pPr").addnext(start)
        _el(f"w:{side}RangeEnd", block[-1], id=start.get(qn("w:id")))

    @staticmethod
    def _deleted_text(element: Any) -> None:
        for t in element.iter(qn("w:t")):
            t.tag = qn("w:delText")
            t.set(_XML_SPACE, "preserve")

    def _compared(self, p: Any, old: Content, new: Content, ops: tuple[Op, ...] | list[Op], role: str | None) -> None:
        """Runs for a paragraph of both texts, in place: equal text plain, insertions and deletions
        marked, and the footnote anchors with them. An anchor of both texts at one place in equal
        text is one footnote; one only the new text has there is inserted, one only the old text
        had is struck there."""
        old = self._old(old)
        if any(isinstance(s, FootnoteRef) for s in (*old, *new)):
            new = self._anchored(old, new, ops)
        holes = Placeholder.holes(plain(new))  # (a placeholder partly inserted is highlighted whole)
        for op, text, at_old, at_new in located(ops):
            within = [(a - at_new, b - at_new) for a, b in holes]
            if op == "equal":
                self._kept(
                    p,
                    content_between(old, at_old, at_old + len(text)),
                    content_between(new, at_new, at_new + len(text)),
                    role,
                    within,
                )
            elif op == "insert":
                self.runs(self._mark("w:ins", p), self._new(content_between(new, at_new, at_new + len(text))), role, within)
            else:
                self._struck(p, "w:del", content_between(old, at_old, at_old + len(text)), role)

    @staticmethod
    def _anchored(old: Content, new: Content, ops: tuple[Op, ...] | list[Op]) -> Content:
        """The new content with its anchors in unchanged words decided (one footnote with the old
        anchor at the same place, or inserted) and the old anchors of unchanged words that it
        lacks put in where they stood, struck."""
        anchors = align_anchors(old, new, ops)
        olds = [s for s in old if isinstance(s, _Anchor)]
        placed: dict[int, list[_Anchor]] = defaultdict(list)  # place in the new text -> old anchors struck there
        for k, at in sorted(anchors.placed.items()):
            placed[at].append(dataclasses.replace(olds[k], own="del"))
        out: list[Any] = []
        pos = count = 0
        for span in new:
            if isinstance(span, FootnoteRef):
                if count in anchors.pairs:
                    out.append(_Anchor(span.marker, was=olds[anchors.pairs[count]].note))
                elif count in anchors.unchanged:
                    out.append(_Anchor(span.marker, text="ins", own="ins"))
                else:
                    out.append(span)  # in inserted words: marked with them
                count += 1
                continue
            assert isinstance(span, Run)
            for cut in sorted(at for at in placed if pos <= at < pos + len(span.text)):
                if cut > pos:
                    out.append(dataclasses.replace(span, text=span.text[: cut - pos]))
                    span = dataclasses.replace(span, text=span.text[cut - pos :])
                    pos = cut
                out += placed.pop(cut)
            out.append(span)
            pos += len(span.text)
        out += [a for at in sorted(placed) for a in placed[at]]
        return tuple(out)

    def _moved_runs(self, p: Any, old: Content, new: Content, ops: tuple[Op, ...] | list[Op], role: str, side: str) -> None:
        """Runs for one side of a move ('moveFrom' or 'moveTo'): the equal text is moved text, and
        each side keeps only its own edits and footnotes: the deletions and old footnotes where the
        paragraph was, the insertions and new footnotes where it is."""
        old = self._old(old)
        for op, text, at_old, at_new in located(ops):
            if side == "moveFrom" and op != "insert":  # the moved words and those struck on the way
                self._struck(
                    p, "w:moveFrom" if op == "equal" else "w:del", content_between(old, at_old, at_old + len(text)), role
                )
            elif side == "moveTo" and op == "equal":
                kept = content_between(old, at_old, at_old + len(text)), content_between(new, at_new, at_new + len(text))
                self._kept(self._mark("w:moveTo", p), *kept, role)
            elif side == "moveTo" and op == "insert":
                self.runs(self._mark("w:ins", p), self._new(content_between(new, at_new, at_new + len(text))), role)

    def _kept(self, p: Any, old: Content, new: Content, role: str | None, holes: list[tuple[int, int]] | None = None) -> None:
        """Words both texts have, set as the new text sets them; where the old text set them
        otherwise (bold, italic, superscript, an opening's style), the old setting is kept as a
        tracked change of formatting (w:rPrChange), so that Reject All gives back the old look too:
        a formula italic last session, an opening that took one more word in bold."""
        was = looks(old, _look)
        if [(at, _look(run)) for at, run in was] == [(at, _look(run)) for at, run in looks(new, _look)]:
            self.runs(p, new, role, holes)
            return
        for r, span, unfilled, at in self.runs(p, _runs_cut(new, [start for start, _ in was]), role, holes):
            before = next(run for start, run in reversed(was) if start <= at)
            then = self.run_properties(dataclasses.replace(before, text=span.text), role, unfilled)
            if then != self.run_properties(span, role, unfilled):
                rpr = r.find(qn("w:rPr"))
                if rpr is None:
                    rpr = _el("w:rPr")
                    r.insert(0, rpr)
                change = _el("w:rPr", self._mark("w:rPrChange", rpr))
                for tag, attrs in then:
                    _el(tag, change, **attrs)

    def _struck(self, p: Any, tag: str, content: Content, role: str | None) -> None:
        """Old text in a w:del (or w:moveFrom) mark: runs whose text is deleted text."""
        wrapper = self._mark(tag, p)
        self.runs(wrapper, content, role)
        self._deleted_text(wrapper)

    def _elsewhere(self, p: Any, change: ParagraphChange) -> None:
        """A comment saying where the paragraph's words went or came from, when that is another
        paragraph and not a Word move: a split, a merge, or a paragraph gone to the other part that `_across` leaves apart."""
        if change.elsewhere:
            text = "this text" if change.elsewhere.place.text == "new" else "the earlier text"
            note = change.elsewhere_note(named=True)
            self._comment(p, f"{note[0].upper()}{note[1:]} of {text}.")

    def _comment(self, p: Any, text: str) -> None:
        """Anchor a comment on the whole paragraph."""
        ident = str(self.next_id)
        self.next_id += 1
        ppr = _found(p, "w:pPr")
        ppr.addnext(_el("w:commentRangeStart", None, id=ident))
        _el("w:commentRangeEnd", p, id=ident)
        ref = _el("w:r", p)
        _el("w:commentReference", ref, id=ident)
        comment = _el("w:comment", None, id=ident, author=self.author, date=self.stamp, initials="RD")
        body = _el("w:p", comment)
        _el("w:annotationRef", _el("w:r", body))
        t = _el("w:t", _el("w:r", body))
        t.text = text
        self.comments.append(comment)

    # -------------------------------------------------------------- lines and paragraphs

    def _written(
        self,
        style: str,
        old: Paragraph | Line | None,
        new: Paragraph | Line | None,
        ops: tuple[Op, ...] | None = None,
        role: str | None = None,
        num: tuple[str, int] | None = None,
    ) -> Any:
        """A paragraph (or line) of the old text, the new or both: deleted or inserted whole, edited
        in place, or as it was. `ops`: the words from old to new (worked out here when None)."""
        was, now = self._labels(old, new, role)
        if old is None or new is None:
            shown = new or old
            assert shown is not None
            content = (*now, *self._new(shown.content)) if old is None else (*was, *self._old(shown.content))
            p = self.paragraph(style, content, role, num)
            self._mark_paragraph(p, "ins" if old is None else "del")
        elif self._alike(old, new) and was == now:
            p = self.paragraph(style, (*now, *new.content), role, num)
        else:
            p = self.paragraph(style, (), role, num)
            words = word_diff(old.text, new.text) if ops is None else ops
            self._compared(p, (*was, *self._old(old.content)), (*now, *new.content), (*_label_ops(was, now), *words), role)
        if isinstance(old, Line) or isinstance(new, Line):
            self._hung_line(p, style, old if isinstance(old, Line) else None, new if isinstance(new, Line) else None)
        return p

    def _labels(self, old: Paragraph | Line | None, new: Paragraph | Line | None, role: str | None) -> tuple[Content, Content]:
        """What the old and the new text set before an operative paragraph's words, as the Word
        output writes it: a section heading's numeral on a line of its own, typed ("II"), or only
        the line break where a list numbers the heading (see `heading_list`); before a title's,
        its label ("78/225.") and a tab."""
        if isinstance(old, Line) or isinstance(new, Line):
            return line_label(old if isinstance(old, Line) else None), line_label(new if isinstance(new, Line) else None)
        part = role or ""
        was = (
            typed_label(self.diff.old, part, old, self._listed_kind(self.diff.old, old) is not None)
            if isinstance(old, Paragraph)
            else ()
        )
        now = typed_label(self.res, part, new, self._listed_kind(self.res, new) is not None) if isinstance(new, Paragraph) else ()
        return was, now

    def _listed_kind(self, text: Resolution, paragraph: Paragraph) -> str | None:
        """The kind of numeral ("I") of a section's heading of `text` that a list numbers here (see
        `_listed_kinds`); None for any other paragraph."""
        found = text.heading_count(paragraph)
        return found[0] if found is not None and found[0] in self.listed_headings else None

    def heading_list(self, res: Resolution, paragraph: Paragraph) -> str | None:
        """The list a section's heading of either text is numbered in: one for each kind of numeral
        both texts count through (`_listed_kinds`), the headings of both in it, so that Accept All
        numbers the new text's and Reject All the old text's, and renumbering alone is not marked."""
        kind = self._listed_kind(res, paragraph)
        return self.heading_num(kind) if kind is not None else None

    def _lines(self, style_of: Any, old: tuple[Line, ...], new: tuple[Line, ...]) -> list[Any]:
        """Header or title lines as `paired_lines` orders them: paired by role in the new order,
        old-only lines struck where they stood and lines that changed places struck where they
        stood and inserted where they stand, so that Reject All gives the old order back."""
        out = []
        for was, now in paired_lines(old, new):
            line = now or was
            assert line is not None
            out.append(self._written(style_of(line.role), was, now))
        return out

    def _hung_line(self, p: Any, style: str, old: Line | None, new: Line | None) -> None:
        """A line whose label hangs (see `hung`): as the new text sets it (or the old, for a line
        only it has), and where the old set it otherwise (a title numbered in one text only), the
        old setting in a tracked change of the paragraph's properties, so that Reject All sets it
        as it was."""
        self.hung(p, style, new if new is not None else old)
        if old is not None and new is not None and (was := self.label_indent(style, old)) != self.label_indent(style, new):
            ppr = _found(p, "w:pPr")
            change = _el("w:pPr", self._mark("w:pPrChange", ppr))
            _el("w:pStyle", change, val=self.style_ids[style])
            if was is not None:
                _el("w:ind", change, left=_twips(was), hanging=_twips(was))

    def _formula(self, role: str, line: Line | None) -> list[Any]:
        old = {"enacting": self.diff.old.enacting, "transition": self.diff.old.transition, "closing": self.diff.old.closing}[role]
        if line is None and old is None:
            return []
        return [self._written(FORMULA_STYLES[role], old, line)]

    def _count(self, part: str, old: Paragraph | None, new: Paragraph | None) -> None:
        """Before an operative paragraph of the old text (`old`), the new (`new`) or both: each
        text's list starts again where its numbering does (see `numbered_in`). The two texts share
        one list while their numbers run alike; where the years' sections part (a section added,
        dropped or cut otherwise), each text counts on in its own, and a paragraph of both keeps
        the old text's list in a tracked change of its properties (`_old_number`), so that Reject
        All numbers it as the old text did. Where both start again at one paragraph from the same
        number, they share a list again."""
        if part != "operative" or self.operative_num is None or not self.res.numbering.operative:
            return
        was = old.number if old is not None and self.diff.old.numbering.operative else None
        now = new.number if new is not None else None
        if was is not None and was == now and was != self.next_number["old"] and now != self.next_number["new"]:
            self.operative_num = self.old_num = self.numbered_in(self.operative_num, now)
            self.next_number["old"] = was + 1
            return
        self.operative_num = self.numbered_in(self.operative_num, now)
        self.old_num = self.numbered_in(self.old_num or self.operative_num, was, "old")

    def _list_of(self, num: str | None, old_only: bool) -> str | None:
        """The list of a (sub-)paragraph given the new text's, `num`: the old text's list for one
        only the old text has (deleted or moved away)."""
        return self.old_num if old_only and num is not None and num == self.operative_num else num

    def _numbers(self, part: str, shown: Paragraph, text: Resolution) -> tuple[str, int] | None:
        """The list an operative paragraph is numbered in: the new text's (or the old text's, for
        one deleted or moved away), unless the text it is shown from leaves it unnumbered, as a
        section's heading (which may be numbered in its own, see `heading_list`). A paragraph of an
        old text that numbered none is numbered as the new."""
        found = operative_number(self.res, part, shown, self._list_of(self.operative_num, text is self.diff.old), text)
        if found is None and part == "operative" and (heading := self.heading_list(text, shown)) is not None:
            return (heading, 0)
        return found

    def _old_number(self, p: Any, part: str, old: Paragraph) -> None:
        """An operative paragraph of the old text numbered otherwise than it is written here: where
        one text numbers its operative paragraphs and the other does not (a lone operative paragraph
        is not numbered, AIPO's were not), a section's heading became a paragraph or the reverse, or
        the old text's list is another where the years' sections part (see `_count`). It keeps its
        old numbering and style in a tracked change of its properties, so that Reject All gives
        those back. Renumbering alone is not a change of properties."""
        if part != "operative":
            return
        if (kind := self._listed_kind(self.diff.old, old)) is not None:  # a heading in its list, unless it is one no more
            heading = self.heading_num(kind)
            if heading != _list(p):
                self.renumbered.append((p, (heading, 0), self.style_ids[paragraph_style(self.diff.old, part, old)]))
            return
        was = bool(self.diff.old.numbering.operative) and old.number is not None
        both = bool(self.res.numbering.operative and self.operative_num)
        if was and not both and self.old_operative_num is None:
            self.old_operative_num = self.operative_list(self.diff.old)
        in_list = self.old_num if both else self.old_operative_num
        if (in_list if was else None) == _list(p):
            return
        style = self.style_ids[paragraph_style(self.diff.old, part, old)]
        self.renumbered.append((p, (in_list, 0) if was and in_list else None, style))

    def _property_changes(self) -> None:
        """The old properties of the paragraphs `_old_number` found, as tracked changes (w:pPrChange)."""
        for p, was, style in self.renumbered:
            ppr = _found(p, "w:pPr")
            old = _el("w:pPr", self._mark("w:pPrChange", ppr))
            _el("w:pStyle", old, val=style)
            if was is not None:
                numpr = _el("w:numPr", old)
                _el("w:ilvl", numpr, val=str(was[1]))
                _el("w:numId", numpr, val=was[0])

    def _moved(self, change: ParagraphChange, part: str, side: str, across: tuple[object, str] | None = None) -> Iterator[Any]:
        """A paragraph that moved, with its sub-paragraphs, as one Word move range: where it was
        (side 'moveFrom') or where it is ('moveTo'), with a comment there saying where it came from.
        `across`: the move's key and its origin, where its two sides are two changes (from one part to the other)."""
        shown = change.old if side == "moveFrom" else change.new
        assert shown is not None
        text = self.diff.old if side == "moveFrom" else self.res
        style = paragraph_style(text, part, shown)
        self._count(part, shown if side == "moveFrom" else None, shown if side == "moveTo" else None)
        block = [self._moved_paragraph(style, change, side, part, self._numbers(part, shown, text))]
        if side == "moveFrom" and change.old is not None:
            self._old_number(block[0], part, change.old)
        if shown.subparagraphs:
            block += self._moved_subs(
                change.subparagraphs, part, self.sub_list(part, shown, text, self.operative_num, self.preamble_nums), side
            )
        key, where = across or (id(change), change.origin)
        yield from self._move_block(key, side, block, where)

    def _moved_sub(
        self, change: ParagraphChange, part: str, num: str | None, side: str, run: tuple[ParagraphChange, ...]
    ) -> Iterator[Any]:
        """A sub-paragraph that moved among its siblings (`run`), with its own sub-paragraphs, as one Word move."""
        block = self._moved_subs((change,), part, num, side, run)
        yield from self._move_block(id(change), side, block, f"sub-paragraph {change.old_sub_label}")

    def _move_block(self, key: object, side: str, block: list[Any], where: str) -> list[Any]:
        """The paragraphs of one move (`key`) on one side as a named move range; where it arrives,
        a comment says where it came from."""
        name = self.moves.setdefault(key, f"move{len(self.moves) + 1}")
        self._move_range(block, side, name)
        if side == "moveTo":
            self._comment(block[0], f"Moved from {where} of the earlier text.")
        return block

    def _moved_subs(
        self,
        changes: tuple[ParagraphChange, ...],
        part: str,
        num: str | None,
        side: str,
        run: tuple[ParagraphChange, ...] | None = None,
    ) -> list[Any]:
        """The sub-paragraphs of a paragraph that moved, on one side: where it was in their old
        order, where it is in their new one. `run`: the changes of their siblings, where not `changes`."""
        shown_side = [c for c in changes if (c.old if side == "moveFrom" else c.new) is not None]
        if side == "moveFrom":
            shown_side.sort(key=lambda c: c.old_index or 0)
        out = []
        for change in shown_side:
            shown = change.old if side == "moveFrom" else change.new
            assert shown is not None
            style = subparagraph_style(part, shown.level)
            if side == "moveFrom":
                place = self._old_sub_place(part, num, shown, changes if run is None else run)
            else:
                place = self._sub_number(shown, part, num)
            out.append(self._moved_paragraph(style, change, side, "subparagraph", place))
            out += self._moved_subs(change.subparagraphs, part, num, side)
        return out

    @staticmethod
    def _sub_level(shown: Paragraph, part: str) -> int:
        """A sub-paragraph's level in its list: below the operative paragraphs' own level, or from the first in the preamble."""
        return shown.level if part == "operative" else shown.level - 1

    def _sub_number(self, shown: Paragraph, part: str, num: str | None) -> tuple[str, int] | None:
        return (num, self._sub_level(shown, part)) if num is not None and shown.label is not None else None

    def _moved_paragraph(self, style: str, change: ParagraphChange, side: str, role: str, num: tuple[str, int] | None) -> Any:
        """One paragraph of a move on one side. One the other side lacks (a sub-paragraph added or
        removed on the way) is an insertion or a deletion inside the move range."""
        if change.old is None or change.new is None:
            return self._written(style, change.old, change.new, change.ops, role, num)
        p = self.paragraph(style, (), role, num)
        was, now = self._labels(change.old, change.new, role)
        old, new = (*was, *self._old(change.old.content)), (*now, *change.new.content)
        self._moved_runs(p, old, new, (*_label_ops(was, now), *change.ops), role, side)
        if side == "moveTo":
            self._unseen(p, change.ops)
        # The mark of a paragraph moved away whose last words were struck on the way is a deletion,
        # and that of one moved here whose last words were added on the way an insertion:
        # LibreOffice's Accept All (Reject All) leaves an empty paragraph where a moved mark follows
        # a deletion (an insertion). Word reads the two the same.
        ends_in = {"moveFrom": qn("w:del"), "moveTo": qn("w:ins")}[side]
        self._mark_end(p, ("w:del" if side == "moveFrom" else "w:ins") if p[-1].tag == ends_in else f"w:{side}")
        return p

    def preamble(self) -> Iterator[Paragraph]:
        """The preambular paragraphs of both texts: the old text's sub-paragraphs are numbered too."""
        return itertools.chain(self.res.preamble, self.diff.old.preamble)

    def operatives(self) -> Iterator[Paragraph]:
        """The operative paragraphs of both texts: the old text's sub-paragraphs are numbered too."""
        return itertools.chain(self.res.operative, self.diff.old.operative)

    def _in_place(self, change: ParagraphChange, status: str, style: str, role: str, num: tuple[str, int] | None) -> Any:
        """One (sub-)paragraph that stayed in place: deleted or inserted whole, edited, or as it was;
        with a comment where its words went to or came from another paragraph, and one naming the
        characters of a change no reader could see (`_unseen`)."""
        old = change.old if status != "inserted" else None
        new = change.new if status != "deleted" else None
        p = self._written(style, old, new, change.ops, role, num)
        self._elsewhere(p, change)
        if old is not None and new is not None:
            self._unseen(p, change.ops)
        return p

    def _unseen(self, p: Any, ops: tuple[Op, ...]) -> None:
        """A comment naming the characters of changes no reader could see, where a paragraph has
        them: a space struck and a no-break space inserted read as nothing changed."""
        if note := unseen_note(ops):
            self._comment(p, f"Look-alike characters changed: {note}.")

    def _change(self, change: ParagraphChange, part: str) -> Iterator[Any]:
        """The paragraph (and its sub-paragraphs) of one change that stayed in place, or one side
        of a move from one part to the other."""
        if (across := self._across(change)) is not None:
            whole, move = across
            yield from self._moved(whole, part, "moveFrom" if change.status == "deleted" else "moveTo", move)
            return
        status = change.status
        shown = change.old if status == "deleted" else change.new
        assert shown is not None
        text = self.diff.old if status == "deleted" else self.res
        self._count(part, change.old if status != "inserted" else None, change.new if status != "deleted" else None)
        p = self._in_place(change, status, paragraph_style(text, part, shown), part, self._numbers(part, shown, text))
        if status != "inserted" and change.old is not None:
            self._old_number(p, part, change.old)
        yield p
        all_struck = False
        if not shown.subparagraphs and change.old is not None and change.old.subparagraphs:
            shown, text, all_struck = change.old, self.diff.old, True
        sub_num = self.sub_list(part, shown, text, self.operative_num, self.preamble_nums)
        if own_labels(text, part, shown) is not None:
            pass  # (a list of their own labels, in which they count from the first)
        elif status == "deleted" and part == "operative" and change.subparagraphs:
            sub_num = self._old_sub_list() or sub_num
        elif all_struck and part == "operative" and (old_list := self._old_sub_list()) is not None:
            sub_num = old_list  # (the old text's formats, as for a paragraph deleted whole)
        if status in ("modified", "unchanged") and not all_struck and (was := self._labelled_otherwise(part, change)):
            if sub_num is not None and sub_num == self.operative_num:
                sub_num = self.restarted(sub_num, 1)
            if sub_num is not None:
                self.old_labels[sub_num] = was
        elif (
            status in ("modified", "unchanged") and sub_num is not None and sub_num == self.operative_num and shown.subparagraphs
        ):
            # The sub-paragraphs count in a list of their own, alike on both sides, where the old
            # text's paragraph is one its list skips, or the years' sections part (LibreOffice's
            # Reject All gives a sub-paragraph its old list, but at level 0).
            assert change.old is not None
            if self.old_num != self.operative_num or own_sub_list(self.diff.old, change.old):
                sub_num = self.restarted(sub_num, 1)
        yield from self._subs(change.subparagraphs, part, sub_num, status if status in ("inserted", "deleted") else None)

    def _across(self, change: ParagraphChange) -> tuple[ParagraphChange, tuple[object, str]] | None:
        """A paragraph deleted from one part whose words go on in one inserted in the other (an
        operative "Welcomes …" become a preambular "Welcoming …"), as the move it is: old and new
        together with the words between them, the move's key (its old place) and that place's name.
        None for any other change, and where the move would not be whole: a paragraph with
        sub-paragraphs (they pair only under one paragraph) or a section's heading (its typed
        numeral belongs to the operative part) stays a deletion and an insertion, each with a comment."""
        other = change.elsewhere
        if other is None or other.kind != "moved" or change.status not in ("deleted", "inserted"):
            return None
        gone = change.status == "deleted"
        old, new = (change.old, other.paragraph) if gone else (other.paragraph, change.new)
        old_part, new_part = (change.part, other.place.part) if gone else (other.place.part, change.part)
        assert old is not None and new is not None
        if old.subparagraphs or new.subparagraphs:
            return None
        if (old_part == "operative" and self.diff.old.heading(old)) or (new_part == "operative" and self.res.heading(new)):
            return None
        was = other.place if not gone else Place(change.part, change.old_index or 0, change.old_number)
        move = (("across", was.part, was.index), was.name)
        if gone:
            return dataclasses.replace(change, new=new, new_index=other.place.index, ops=other.ops), move
        return dataclasses.replace(change, old=old, old_index=other.place.index, ops=other.ops), move

    def _labelled_otherwise(self, part: str, change: ParagraphChange) -> tuple[str, ...] | None:
        """The old labels of the sub-paragraphs of a paragraph of both texts, each level by its
        first, where the new text labels them otherwise (S/RES/1590's paragraph 16 "(i)", "(ii)"
        become 1706's "(a)", "(b)"); None where the two label them alike."""
        old, new = change.old, change.new
        assert old is not None and new is not None
        was, now = own_labels(self.diff.old, part, old), own_labels(self.res, part, new)
        if not old.subparagraphs or [label_kind(k) for k in was or ()] == [label_kind(k) for k in now or ()]:
            return None  # (alike, a dash typed "--" and one printed "–" too)
        return was or self.diff.old.numbering.sublabels(part) or None

    def _old_sub_place(
        self, part: str, num: str | None, old: Paragraph, run: tuple[ParagraphChange, ...]
    ) -> tuple[str, int] | None:
        """The list and level a sub-paragraph of the old text stood in, in a list of the new
        text's sub-paragraphs `num` (`run`: the changes of it and its siblings). Where its
        paragraph's old text labelled them otherwise (see `_labelled_otherwise`), a list of the
        old label of its level for its run of siblings, starting from the first, at that list's
        first level: the old place of a sub-paragraph of both texts stands in a tracked change of
        its properties, which LibreOffice's Reject All reads at the first level whatever level it
        names (Word reads it as named). A run struck whole (S/RES/1706's dashes under paragraph
        12 (a)) has none, and stands at its own level, where LibreOffice sets it as the old text's
        Word output does (its plain text indents and marks a bullet by the level)."""
        if old.label is None:
            return None
        level = self._sub_level(old, part)
        if num is None or num not in self.old_labels:
            found = self._list_of(num, True)
            return None if found is None else (found, level)
        if not all(change.status == "deleted" for change in run):
            level = 0
        if id(run) not in self.old_runs:
            labels = self.old_labels[num]
            pattern = labels[min(old.level, len(labels)) - 1]
            spec = self.word.styles.get(subparagraph_style(part, old.level))
            self.old_runs[id(run)] = self._num(self._abstract([*[None] * level, pattern], [*[None] * level, spec]))
        return (self.old_runs[id(run)], level)

    def _old_sub_number(self, p: Any, part: str, num: str | None, old: Paragraph, run: tuple[ParagraphChange, ...]) -> None:
        """A sub-paragraph of both texts whose paragraph's old text labelled them otherwise (see
        `_labelled_otherwise`): its old list and style kept in a tracked change of its properties."""
        if num in self.old_labels and (place := self._old_sub_place(part, num, old, run)) is not None:
            self.renumbered.append((p, place, self.style_ids[subparagraph_style(part, old.level)]))

    def _old_sub_list(self) -> str | None:
        """For the sub-paragraphs of an operative paragraph deleted whole, or of one whose
        sub-paragraphs are all struck, where the old text numbered sub-paragraphs otherwise than
        the new ("1." against "(a)"), or numbered its operative paragraphs where the new does not
        (their numbers then stand in a list of the old text's, which the new text's sub-paragraph
        list does not follow): a list in the old text's formats, its sub-paragraph levels starting
        again for this paragraph, so that Reject All gives them back as they were; None otherwise."""
        old, new = self.diff.old.numbering, self.res.numbering
        if not old.subparagraphs or self.operative_num is None:
            return None
        if old.subparagraphs == new.subparagraphs and not (old.operative and not new.operative):
            return None
        if self.old_sub_abstract is None:
            self.old_sub_abstract = self.operative_abstract(old)
        return self._num(self.old_sub_abstract, restart=range(1, len(old.subparagraphs) + 1))

    def _subs(self, changes: tuple[ParagraphChange, ...], part: str, num: str | None, forced: str | None) -> Iterator[Any]:
        """Sub-paragraphs in the new order; one that moved among its siblings also shows where it
        stood. Under a paragraph inserted or deleted whole (`forced`), each is too."""
        if forced is None:
            yield from self._in_order(
                changes,
                lambda c: self._sub(c, part, num, None, changes),
                lambda c, side: self._moved_sub(c, part, num, side, changes),
            )
            return
        for change in changes:
            yield from self._sub(change, part, num, forced, changes)

    def _sub(
        self, change: ParagraphChange, part: str, num: str | None, forced: str | None, run: tuple[ParagraphChange, ...]
    ) -> Iterator[Any]:
        status = forced or change.status
        shown = change.old if status == "deleted" else change.new
        if shown is None:  # a sub-paragraph only the other side of a move has
            return
        style = subparagraph_style(part, shown.level)
        gone = status == "deleted"
        place = self._old_sub_place(part, num, shown, run) if gone else self._sub_number(shown, part, num)
        p = self._in_place(change, status, style, "subparagraph", place)
        if status in ("modified", "unchanged") and change.old is not None:
            self._old_sub_number(p, part, num, change.old, run)
        yield p
        yield from self._subs(change.subparagraphs, part, num, forced or (status if status in ("inserted", "deleted") else None))

    def _part(self, changes: tuple[ParagraphChange, ...], part: str) -> Iterator[Any]:
        """A part in the new order; a moved paragraph also shows where it stood, and a paragraph
        split (or paragraphs merged) is a paragraph mark inserted (or deleted) at each break."""
        joins = _joins(changes)
        rest = {id(c) for group in joins.values() for c in group[1:]}

        def stayed(change: ParagraphChange) -> Iterable[Any]:
            if id(change) in rest:
                return ()
            if (group := joins.get(id(change))) is not None:
                return self._joined(group, part)
            return self._change(change, part)

        return self._in_order(changes, stayed, lambda c, side: self._moved(c, part, side))

    def _joined(self, group: list[ParagraphChange], part: str) -> list[Any]:
        """A paragraph split, or paragraphs merged into one (neighbours that `_joins` found), as
        paragraphs with the marks between them inserted (a split: Reject All joins them again) or
        deleted (a merge: Accept All joins them). Each shows the changes to its own words, and a
        comment saying what it was split from or merged with."""
        changed = next(c for c in group if c.status == "modified")
        assert changed.old is not None and changed.new is not None and changed.elsewhere is not None
        at_end = group[0] is changed  # the words that went over end the changed paragraph (or begin it)
        others = [c for c in group if c is not changed]
        merged = changed.elsewhere.kind == "merged"
        side = self._old(changed.old.content) if not merged else changed.new.content
        text = changed.new.text if merged else changed.old.text
        pieces = _cut(side, text, [len(c.elsewhere.paragraph.text) for c in others if c.elsewhere], at_end)
        rows: list[tuple[Content, Content, tuple[Op, ...] | list[Op]]] = []  # (old, new, ops) of each, in order
        for change, piece in zip(group, pieces, strict=True):
            if change is changed and merged:  # the other paragraphs' words run on in the new text
                rows.append((self._old(changed.old.content), piece, word_diff(changed.old.text, plain(piece))))
            elif change is changed:  # words cut off the old text go on as the other paragraphs
                rows.append((piece, changed.new.content, word_diff(plain(piece), changed.new.text)))
            else:
                assert change.elsewhere is not None
                shown = change.old if merged else change.new
                assert shown is not None
                theirs = self._old(shown.content) if merged else shown.content
                rows.append((theirs, piece, change.elsewhere.ops) if merged else (piece, theirs, change.elsewhere.ops))
        out = []
        for (a, b, ops), change in zip(rows, group, strict=True):
            row, source = (change.new, self.res) if change.new is not None else (change.old, self.diff.old)
            assert row is not None
            self._count(part, change.old, change.new)
            p = self.paragraph(paragraph_style(source, part, row), (), part, self._numbers(part, row, source))
            self._compared(p, a, b, ops, part)
            self._elsewhere(p, change)
            if change.old is not None:
                self._old_number(p, part, change.old)
            out.append(p)
        for p in out[:-1]:
            self._mark_end(p, "w:del" if merged else "w:ins")
        return out

    @staticmethod
    def _in_order(
        changes: tuple[ParagraphChange, ...],
        stayed: Callable[[ParagraphChange], Iterable[Any]],
        moved: Callable[[ParagraphChange, str], Iterable[Any]],
    ) -> Iterator[Any]:
        """Siblings in the new order, each that moved as its move's destination ('moveTo'); its
        origin ('moveFrom') follows the sibling that stayed and stood before it in the old order."""
        stay = [c for c in changes if not c.moved]
        moves = sorted((c for c in changes if c.moved), key=lambda c: c.old_index or 0)
        placed_after: dict[int, list[ParagraphChange]] = {}
        for m in moves:
            before = [c for c in stay if c.old_index is not None and c.old_index < (m.old_index or 0)]
            key = id(before[-1]) if before else 0
            placed_after.setdefault(key, []).append(m)
        for m in placed_after.get(0, []):
            yield from moved(m, "moveFrom")
        for change in changes:
            yield from moved(change, "moveTo") if change.moved else stayed(change)
            for m in placed_after.get(id(change), []) if not change.moved else []:
                yield from moved(m, "moveFrom")

    def body(self) -> None:
        diff = self.diff
        self.operative_num, self.preamble_nums = self.numbering()
        self.old_num = self.operative_num
        out: list[Any] = []
        out += self._lines(header_style, diff.old.header, diff.new.header)
        out += self._lines(title_style, diff.old.title, diff.new.title)
        out += self._formula("enacting", diff.new.enacting)
        out += self._part(diff.preamble, "preambular")
        out += self._formula("transition", diff.new.transition)
        out += self._part(diff.operative, "operative")
        out += self._formula("closing", diff.new.closing)
        self._property_changes()
        if diff.new.closing is not None:
            kept_with_closing(out)
        self._numbered_as_next(out)
        self._struck_note_first(out)
        self._marks_for_libreoffice(out)
        self._first_note_mark(out)
        self._last_mark_kept(out)
        body = self.doc.element.body
        sect = _found(body, "w:sectPr")
        for p in out:
            sect.addprevious(p)

    def _marks_for_libreoffice(self, paragraphs: list[Any]) -> None:
        """A paragraph that ends in an insertion, before paragraphs inserted whole, is written so
        that LibreOffice's Reject All keeps the mark between them: LibreOffice takes insertions on
        either side of a paragraph mark for one, and drops the mark with them, joining the paragraph
        to the one after the inserted run. Where the insertion replaces words, it goes before the
        deletion ("{+of:+}[-at its …-]"); otherwise the inserted paragraph mark is the one between
        them, and the last paragraph of the run, which takes the first's properties back as a
        tracked change, keeps its mark. (Not the first: the words replaced whole would then begin
        with an insertion, which LibreOffice takes for one with an insertion that ends the
        paragraph before.) A paragraph moved here counts as inserted where its words begin with an
        insertion ("{+Recalling+} the Declaration …"), and the run takes in paragraphs moved here
        whole, which LibreOffice takes for insertions. Word reads each the same as before: Reject
        All drops the inserted words and the paragraph marks between the two. Where the paragraph
        after is edited and begins with an insertion ("{+[TBD: date … (was +}12 September 2013{+)]+}"
        after a symbol line ending in one), the paragraph before is written to end in a deletion:
        its insertion before the deletion it replaces, or its last word replaced."""
        holder = _first_note(paragraphs)
        for k, (before, p) in enumerate(itertools.pairwise(paragraphs), start=1):
            if before[-1].tag != qn("w:ins") or _mark_props(before) is not None:
                continue  # (a mark marked itself: within a run, or a paragraph split)
            rpr = _mark_props(p)
            if rpr is None:  # an edited paragraph after it
                if _starts_with(p, "w:ins") and not _insertion_first(paragraphs, k):
                    self._last_word_replaced(before)
                continue
            inserted = _whole(p, "w:ins") or (_whole_or_moved(p, "w:ins") and _starts_with(p, "w:ins"))
            if _found(rpr, "w:ins") is None and not inserted:
                continue
            if _insertion_first(paragraphs, k):
                continue
            last = k
            while last + 1 < len(paragraphs) and _whole_or_moved(paragraphs[last + 1], "w:ins"):
                last += 1
            if inserted and not (last + 1 < len(paragraphs) and _starts_with(paragraphs[last + 1], "w:ins")):
                if holder is not None and k <= holder == last - 1 and self._last_word_replaced(before):
                    continue  # (the run keeps its marks: see `_first_note_mark`)
                self._mark_moved(paragraphs[last], before)

    def _last_word_replaced(self, p: Any) -> bool:
        """The unchanged word before the insertion that ends paragraph `p` written as replaced, the
        insertion first ("The General {+Assembly,+}[-Assembly-]"), so that the paragraph ends in a
        deletion and its mark, unmarked, stands beside no insertion: before a paragraph edited
        that begins with an insertion, or a run of paragraphs inserted whole whose last but one
        holds the first footnote anchor (given the last one's mark, the holder would end the run
        of inserted marks, and LibreOffice removes its mark only with the rest of a run that goes
        on, see `_first_note_mark`; so the run keeps all its marks inserted). Whether it could be
        done: the word must stand in a run of plain text after other words."""
        run = p[-2]
        texts = [child for child in run if child.tag != qn("w:rPr")] if run.tag == qn("w:r") else []
        if len(texts) != 1 or texts[0].tag != qn("w:t") or not (found := _LAST_WORD.search(texts[0].text or "")):
            return False
        head, word = texts[0].text[: found.start()], found.group()
        if not head.strip():
            return False
        texts[0].text = head  # (its spaces kept, as every w:t here)
        added, struck = copy.deepcopy(run), copy.deepcopy(run)
        _found(added, "w:t").text = _found(struck, "w:t").text = word
        self._deleted_text(struck)
        for mark in struck.iter(qn("w:highlight")):  # the old text's word was no placeholder to fill
            mark.getparent().remove(mark)
        p[-1].insert(0, added)
        deletion = self._mark("w:del", None)
        deletion.append(struck)
        p[-1].addnext(deletion)
        return True

    def _numbered_as_next(self, paragraphs: list[Any]) -> None:
        """A paragraph moved away (its mark a w:moveFrom) or moved here (w:moveTo) before one
        numbered otherwise (a section's heading the numbering skips; a section's own preamble come
        from the preamble, before the section's paragraph 1): LibreOffice's Accept All (for one moved
        away) or Reject All (for one moved here) gives that one the moved paragraph's properties as
        it takes the mark away, and with them its numbering. So the moved paragraph carries the next
        one's numbering on that side: in its properties, its own kept in a tracked change of them
        that Reject All gives back (moved away), or in the tracked change itself (moved here). Word
        reads each the same. Its style stays its own, so that none shows as a heading under review.
        From the end, so that a run of moved paragraphs takes them all; the next one is the next
        that stays on that side (a paragraph deleted or inserted whole between hands nothing on).
        LibreOffice takes a paragraph deleted whole and one inserted whole of the same words for a
        move of its own, and hands their properties on in the same way: so they do the same.
        Where the numbering the tracked change gives back is a sub-paragraph's (a level below its
        list's first), which LibreOffice's Reject All reads at the list's first level (S/RES/1706's
        paragraph 9 (c), moved away before paragraph 10, came back "10."), the mark that goes with
        the run is the one before it, as before a heading (`_mark_before_run`), so nothing is handed on."""
        twins = _twins(paragraphs)
        for k in reversed(range(len(paragraphs) - 1)):
            p = paragraphs[k]
            ppr = _found(p, "w:pPr")
            side_moved = _move_side(p) or twins.get(id(p))
            if side_moved is None:
                continue
            away = side_moved == "moveFrom"
            gone = "w:del" if away else "w:ins"  # (a sub-paragraph added or struck may end a move)
            after = next((q for q in paragraphs[k + 1 :] if not _whole(q, gone, _IN_A_MOVE)), None)
            if after is None:
                continue
            side = _own_properties if away else _old_properties  # the properties LibreOffice hands on
            own, theirs = _numbering(side(ppr)), _numbering(side(_found(after, "w:pPr")))
            if (own is None) == (theirs is None) and (own is None or etree.tostring(own) == etree.tostring(theirs)):
                continue
            if (
                theirs is not None
                and _list_id(theirs) in self.heading_lists.values()
                and _mark_props(after) is None  # (a heading inserted takes the numbering)
                and self._mark_before_run(paragraphs, k, side_moved, twins)
            ):
                continue
            restored = own if away else theirs  # the numbering Reject All takes from the tracked change
            if restored is not None and _level(restored) and self._mark_before_run(paragraphs, k, side_moved, twins):
                continue
            old = [copy.deepcopy(child) for child in _old_properties(ppr)]
            if away:
                if own is not None:
                    ppr.remove(own)
                if theirs is not None:
                    _found(ppr, "w:pStyle").addnext(copy.deepcopy(theirs))
            else:
                old = [child for child in old if child.tag != qn("w:numPr")]
                if theirs is not None:
                    old.insert(1, copy.deepcopy(theirs))  # after the style
            if (was := _found(ppr, "w:pPrChange")) is not None:
                ppr.remove(was)
            change = _el("w:pPr", self._mark("w:pPrChange", ppr))
            for child in old:
                change.append(child)

    def _mark_before_run(self, paragraphs: list[Any], k: int, side: str, twins: dict[int, str]) -> bool:
        """For paragraph `k`, the last of a run moved on one side before a section heading that
        stays and that a list numbers (see `_numbered_as_next`; a heading inserted there takes the
        run's numbering, as other paragraphs do): the mark that goes with the run (and with any
        paragraphs gone whole on that side before it) is the mark before it, of the paragraph
        that stays there, struck (moved away) or inserted (moved here) as `_mark_moved` writes it.
        So LibreOffice hands the heading nothing, and the moved paragraphs need not carry the
        headings' list, in which they would count. `side`: the run's ('moveFrom' or 'moveTo').
        Whether that could be done."""
        gone = "w:del" if side == "moveFrom" else "w:ins"
        j = k - 1
        while j >= 0 and (
            (_move_side(paragraphs[j]) or twins.get(id(paragraphs[j]))) == side or _whole(paragraphs[j], gone, _IN_A_MOVE)
        ):
            j -= 1
        return j >= 0 and self._mark_moved(paragraphs[k], paragraphs[j])

    @staticmethod
    def _struck_note_first(paragraphs: list[Any]) -> None:
        """Where the paragraph holding the document's first footnote anchor is struck whole in a
        run of struck paragraphs right after a run of inserted ones, the struck run goes first (the
        two read the same either way round), so that a paragraph that stays stands before it (see
        `_first_note_mark`)."""
        holder = _first_note(paragraphs)
        if holder is None or not _whole(paragraphs[holder], "w:del"):
            return
        start = _run_start(paragraphs, holder, "w:del")
        if start and _whole(paragraphs[start - 1], "w:ins"):
            end = holder + 1
            while end < len(paragraphs) and _whole(paragraphs[end], "w:del"):
                end += 1
            inserted = _run_start(paragraphs, start - 1, "w:ins")
            paragraphs[inserted:end] = paragraphs[start:end] + paragraphs[inserted:start]

    def _first_note_mark(self, paragraphs: list[Any]) -> None:
        """LibreOffice does not remove the mark of a paragraph inserted (or deleted) whole that
        holds the document's first footnote anchor, leaving an empty paragraph on Reject All (or
        Accept All). So the mark of the paragraph before the run of paragraphs gone whole that
        holds it, which stays, is written as the one inserted (or deleted) instead, and the holder
        takes that paragraph's properties on that side. LibreOffice takes a paragraph moved here
        (away) for one inserted (deleted), so moved paragraphs count as gone whole, the holder and
        those of its run. An inserted holder whose words end in an insertion does so only at the
        end of its run: where the paragraph after it is inserted whole (or moved here) too and
        begins with an insertion, LibreOffice removes its mark with the rest of the run, and its
        mark left unmarked would stand between two insertions (see `_marks_for_libreoffice`).
        Where the paragraph before a struck run has an inserted mark itself (moved here), that mark
        first goes back to the paragraph before its own run, which stays, as `_mark_moved` writes it."""
        holder = _first_note(paragraphs)
        if holder is None:
            return
        for tag in ("w:ins", "w:del"):
            if not _whole_or_moved(paragraphs[holder], tag):
                continue
            if (
                tag == "w:ins"
                and holder + 1 < len(paragraphs)
                and _whole_or_moved(paragraphs[holder + 1], tag)
                and _starts_with(paragraphs[holder + 1], tag)
                and _ends_with(paragraphs[holder], tag)
            ):
                return
            if start := _run_start(paragraphs, holder, tag, _whole_or_moved):
                before = paragraphs[start - 1]
                if (
                    tag == "w:del"
                    and _whole_or_moved(before, "w:ins")
                    and (back := _run_start(paragraphs, start - 1, "w:ins", _whole_or_moved))
                ):
                    self._mark_moved(before, paragraphs[back - 1])  # its own inserted mark first goes back
                self._mark_moved(paragraphs[holder], before)

    def _last_mark_kept(self, paragraphs: list[Any]) -> None:
        """Where the document ends in paragraphs inserted (or deleted) whole after one that stays,
        the mark inserted (deleted) is that paragraph's, not the document's last, which neither
        Word nor LibreOffice removes (Reject All, or Accept All, would leave an empty paragraph: a
        draft has no closing formula after its last operative paragraph). Where the paragraph
        before them was itself deleted (inserted) whole, the empty paragraph stays: running the
        two into one would be exact, but LibreOffice then shows none of that paragraph's changes."""
        for tag in ("w:ins", "w:del"):
            k = len(paragraphs) - 1
            while k >= 0 and _whole(paragraphs[k], tag):
                k -= 1  # (the paragraphs inserted, or deleted, at the end)
            if 0 <= k < len(paragraphs) - 1:
                self._mark_moved(paragraphs[-1], paragraphs[k])
                return

    def _mark_moved(self, origin: Any, target: Any) -> bool:
        """The mark of `origin`, a paragraph inserted (or deleted) whole, written as the mark of
        `target`, a paragraph before it that stays, which Word reads the same: Reject All (or Accept
        All) drops it with `origin`'s words and any inserted paragraphs between, and `target`'s words
        run on in `origin`'s paragraph. That paragraph then takes `target`'s properties on that side,
        as a tracked change of its properties (the new ones in the file, the old in the change).
        Nothing moves where `target`'s mark is marked too, or where `origin` already carries a
        change of its properties that an insertion's would replace: whether it moved. The mark of a
        paragraph moved away (moved here) is struck (inserted) where it goes, outside the move."""
        ppr, ppr_target = _found(origin, "w:pPr"), _found(target, "w:pPr")
        rpr = _found(ppr, "w:rPr")
        if rpr is None or _found(ppr_target, "w:rPr") is not None:
            return False
        inserted = rpr[0].tag in (qn("w:ins"), qn("w:moveTo"))
        if inserted:  # Reject All: `target`'s old properties; Accept All: `origin`'s own, as they are
            new, old = _own_properties(ppr), _old_properties(ppr_target)
        else:  # Accept All: `target`'s properties; Reject All: `origin`'s old ones
            new, old = _own_properties(ppr_target), _old_properties(ppr)
        # (compared with what each side gives now: `origin` may carry a change of its properties
        # already, the next paragraph's numbering that `_numbered_as_next` gave it)
        if _xml(new) != _xml(_own_properties(ppr)) or _xml(old) != _xml(_old_properties(ppr)):
            was = _found(ppr, "w:pPrChange")
            if inserted and was is not None:
                return False
            for child in _own_properties(ppr):
                ppr.remove(child)
            for child in reversed(new):
                ppr.insert(0, copy.deepcopy(child))
            if was is not None:
                ppr.remove(was)
            if _xml(new) != _xml(old):
                change = _el("w:pPr", self._mark("w:pPrChange", ppr))
                for child in old:
                    change.append(copy.deepcopy(child))
        ppr.remove(rpr)
        rpr[0].tag = qn("w:ins") if inserted else qn("w:del")  # (a moved paragraph's mark, outside its move)
        _give_mark(ppr_target, rpr)
        return True

    def extra_parts(self) -> None:
        """The comments part, when a moved paragraph carries a comment."""
        if not self.comments:
            return
        root = parse_xml(f"<w:comments {nsdecls('w')}/>")
        for comment in self.comments:
            root.append(comment)
        part = XmlPart(PackURI("/word/comments.xml"), CT.WML_COMMENTS, root, self.doc.part.package)
        self.doc.part.relate_to(part, RT.COMMENTS)


_RANGES = frozenset(qn(f"w:{tag}") for tag in ("commentRangeStart", "commentRangeEnd", "pPr"))
_IN_A_MOVE = _RANGES | frozenset(qn(f"w:{tag}") for tag in ("moveFromRangeEnd", "moveToRangeEnd"))  # what ends a move
_MOVE_STARTS = frozenset(qn(f"w:{tag}RangeStart") for tag in ("moveFrom", "moveTo"))
_MOVE_OF = {"w:ins": "w:moveTo", "w:del": "w:moveFrom"}  # the move that stands for an insertion or a deletion
_LAST_WORD = re.compile(r"\S+\s*$")


def _look(run: Run) -> tuple[bool, bool, bool, bool]:
    """A run's setting, as the redline writes it: bold, italic, superscript, and an opening's style."""
    return run.bold, run.italic, run.superscript, run.opening


def _runs_cut(content: Content, edges: list[int]) -> Content:
    """Some content with its runs cut at `edges` (offsets in its words)."""
    out: list[Any] = []
    at = 0
    for span in content:
        if not isinstance(span, Run):
            out.append(span)
            continue
        cuts = [0, *(edge - at for edge in edges if at < edge < at + len(span.text)), len(span.text)]
        out += [dataclasses.replace(span, text=span.text[a:b]) for a, b in itertools.pairwise(cuts)]
        at += len(span.text)
    return tuple(out)


def _whole(p: Any, tag: str, ranges: frozenset[str] = _RANGES, moved: bool = False) -> bool:
    """Whether a paragraph is inserted (tag 'w:ins') or deleted ('w:del') whole: its mark and all its
    words (not just its mark, as where a paragraph was split or merged). `ranges`: what else it may
    hold. With `moved`, moved here (away) counts too, mark and words (see `_whole_or_moved`)."""
    marks = (qn(tag), qn(_MOVE_OF[tag])) if moved else (qn(tag),)
    rpr = _mark_props(p)
    if rpr is None or len(rpr) != 1 or rpr[0].tag not in marks:
        return False
    return all(child.tag in marks or child.tag in ranges or (moved and _comment_reference(child)) for child in p)


def _first_note(paragraphs: list[Any]) -> int | None:
    """Which paragraph holds the document's first footnote anchor, if any."""
    return next((k for k, p in enumerate(paragraphs) if p.find(f".//{qn('w:footnoteReference')}") is not None), None)


def _whole_or_moved(p: Any, tag: str) -> bool:
    """Whether a paragraph is inserted (tag 'w:ins') or deleted ('w:del') whole, or moved here
    (away) whole: its words moved or inserted (deleted) on the way, and its mark moved or, where
    its last words were, inserted (deleted). LibreOffice takes a move for a deletion and an insertion."""
    return _whole(p, tag, _IN_A_MOVE | _MOVE_STARTS, moved=True)


def _comment_reference(element: Any) -> bool:
    """Whether an element is a run holding only a comment's reference (after a moved paragraph's words)."""
    return element.tag == qn("w:r") and [child.tag for child in element if child.tag != qn("w:rPr")] == [qn("w:commentReference")]


def _run_start(paragraphs: list[Any], k: int, tag: str, whole: Callable[[Any, str], bool] = _whole) -> int:
    """Where the run of paragraphs inserted (tag 'w:ins') or deleted ('w:del') whole (as `whole`
    has it) that ends with paragraph `k` starts."""
    while k > 0 and whole(paragraphs[k - 1], tag):
        k -= 1
    return k


def _mark_props(p: Any) -> Any:
    """A paragraph mark's properties, which hold its revision mark; None where the mark is not marked."""
    return _found(_found(p, "w:pPr"), "w:rPr")


def _starts_with(p: Any, tag: str) -> bool:
    """Whether a paragraph's words begin with an insertion (tag 'w:ins') or a deletion ('w:del')."""
    return next((child.tag == qn(tag) for child in p if child.tag not in _RANGES and child.tag not in _MOVE_STARTS), False)


def _ends_with(p: Any, tag: str) -> bool:
    """Whether a paragraph's words end with an insertion (tag 'w:ins') or a deletion ('w:del')."""
    words = (child for child in reversed(p) if child.tag not in _IN_A_MOVE and not _comment_reference(child))
    return next((child.tag == qn(tag) for child in words), False)


def _insertion_first(paragraphs: list[Any], k: int) -> bool:
    """Whether the insertion that ends paragraph `k - 1` could go before the deletion it replaces
    ("{+of:+}[-at its …-]"), and went: so the paragraph ends in a deletion. Not where that would
    begin it with an insertion after one that ends the paragraph before it (`_joins_insertions`)."""
    before = paragraphs[k - 1]
    if len(before) > 2 and before[-2].tag == qn("w:del") and not (k > 1 and _joins_insertions(paragraphs[k - 2], before)):
        before[-2].addprevious(before[-1])
        return True
    return False


def _joins_insertions(before: Any, p: Any) -> bool:
    """Whether paragraph `p`, its words replaced whole ("[-old-]{+new+}"), would begin with an
    insertion that LibreOffice takes for one with the insertion ending the paragraph `before`
    (whose mark is not marked) if its insertion went first."""
    return _starts_with(p, "w:del") and before[-1].tag == qn("w:ins") and _mark_props(before) is None


def _give_mark(ppr: Any, rpr: Any) -> None:
    """A paragraph mark's properties (`rpr`, holding its revision mark) into a paragraph's
    properties: before a tracked change of those, if any, as the schema orders them."""
    if (change := _found(ppr, "w:pPrChange")) is not None:
        change.addprevious(rpr)
    else:
        ppr.append(rpr)


def _xml(properties: list[Any]) -> list[bytes]:
    """Paragraph properties as XML, to compare."""
    return [etree.tostring(child) for child in properties]


def _own_properties(ppr: Any) -> list[Any]:
    """A paragraph's properties but its mark's and any tracked change of them: its style, numbering …"""
    return [child for child in ppr if child.tag not in (qn("w:rPr"), qn("w:pPrChange"))]


def _numbering(properties: list[Any]) -> Any:
    """The w:numPr among a paragraph's properties, or None."""
    return next((child for child in properties if child.tag == qn("w:numPr")), None)


def _twins(paragraphs: list[Any]) -> dict[int, str]:
    """id -> 'moveFrom' or 'moveTo' for the paragraphs deleted (inserted) whole whose words a
    paragraph inserted (deleted) whole, or moved here (away), has too: LibreOffice pairs the two
    as a move of its own."""
    candidates: list[tuple[Any, str, str]] = []  # (paragraph deleted or inserted whole, the side it stands for, its words)
    words: dict[str, set[str]] = {"moveFrom": set(), "moveTo": set()}  # the words of each side's paragraphs
    for p in paragraphs:
        whole = "moveFrom" if _whole(p, "w:del") else "moveTo" if _whole(p, "w:ins") else None
        side = whole or _move_side(p)
        if side is None:
            continue
        text = "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))
        words[side].add(text)
        if whole and text.strip():
            candidates.append((p, side, text))
    other = {"moveFrom": "moveTo", "moveTo": "moveFrom"}
    return {id(p): side for p, side, text in candidates if text in words[other[side]]}


def _move_side(p: Any) -> str | None:
    """'moveFrom' or 'moveTo' for a paragraph of a move, by its mark: moved, or deleted (inserted)
    where its last words were struck (added) on the way; None for any other."""
    rpr = _mark_props(p)
    if rpr is None or not len(rpr):
        return None
    mark = rpr[0].tag
    for side, edited in (("moveFrom", qn("w:del")), ("moveTo", qn("w:ins"))):
        if mark == qn(f"w:{side}") or (mark == edited and _found(p, f"w:{side}") is not None):
            return side
    return None


def _listed_kinds(old: Resolution, new: Resolution) -> frozenset[str]:
    """The kinds of section heading numeral ("I", "A.") a redline numbers with a list: those each
    text that has them counts one by one from "I" once through (see `Resolution.heading_count`),
    so that one list numbers both texts' headings. Where either text types them, or starts them
    again ("A." under each section, where the years' sections may part), they stay typed."""
    kinds: set[str] = set()
    typed: set[str] = set()
    for text in (old, new):
        firsts: dict[str, int] = defaultdict(int)
        for p in text.operative:
            if (numeral := text.heading_numeral(p)) is not None and (found := counted(numeral)) is not None:
                kinds.add(found[0])
                firsts[found[0]] += found[1] == 1
                if text.heading_count(p) is None:
                    typed.add(found[0])
        typed |= {kind for kind, n in firsts.items() if n > 1}
    return frozenset(kinds - typed)


def _list(p: Any) -> str | None:
    """The list (w:numId) a paragraph is numbered in, or None."""
    numpr = _found(_found(p, "w:pPr"), "w:numPr")
    return None if numpr is None else _list_id(numpr)


def _level(numpr: Any) -> int:
    """The level (w:ilvl) of a w:numPr in its list."""
    return int(_found(numpr, "w:ilvl").get(qn("w:val")))


def _list_id(numpr: Any) -> str:
    """The list (w:numId) of a w:numPr."""
    return str(_found(numpr, "w:numId").get(qn("w:val")))


def _old_properties(ppr: Any) -> list[Any]:
    """A paragraph's properties as the old text had them: those of a tracked change, if any, else its own."""
    change = _found(ppr, "w:pPrChange")
    return _own_properties(_found(change, "w:pPr") if change is not None else ppr)


def _joins(changes: tuple[ParagraphChange, ...]) -> dict[int, list[ParagraphChange]]:
    """id(first) -> the group in document order, for an edited paragraph and its neighbours in
    place that are one paragraph split (the inserted ones its cut-off words go on as) or paragraphs
    merged into one (the deleted ones whose words run on in it), none with sub-paragraphs (which
    stand between them, so no paragraph mark joins them)."""
    out: dict[int, list[ParagraphChange]] = {}
    for k, changed in enumerate(changes):
        kind = changed.elsewhere.kind if changed.elsewhere else None
        if changed.status != "modified" or changed.moved or kind not in ("split", "merged"):
            continue
        assert changed.elsewhere is not None
        piece_of = functools.partial(_piece_of, changed=changed)
        after = list(itertools.takewhile(piece_of, changes[k + 1 :]))
        before = list(itertools.takewhile(piece_of, reversed(changes[:k])))[::-1]
        named = changed.elsewhere.paragraph
        at_end = bool(after) and named is (after[0].old if kind == "merged" else after[0].new)
        if not at_end and not (before and named is (before[-1].old if kind == "merged" else before[-1].new)):
            continue
        others = after if at_end else before[::-1]  # nearest first
        shown = [p for c in (changed, *others) for p in (c.old, c.new) if p is not None]
        if any(p.subparagraphs for p in shown) or not _holds(changed, others, at_end):
            continue
        group = [changed, *others] if at_end else [*others[::-1], changed]
        out[id(group[0])] = group
    return out


def _piece_of(other: ParagraphChange, changed: ParagraphChange) -> bool:
    """Whether a paragraph deleted (or inserted) names the changed one as the paragraph it merged
    into (or was split from)."""
    kind = changed.elsewhere.kind if changed.elsewhere else None
    here = changed.new_index if kind == "merged" else changed.old_index
    return (
        other.status == ("deleted" if kind == "merged" else "inserted")
        and not other.moved
        and other.elsewhere is not None
        and other.elsewhere.kind == kind
        and other.elsewhere.place.index == here
    )


def _holds(changed: ParagraphChange, others: list[ParagraphChange], at_end: bool) -> bool:
    """Whether the words that went over (nearest first) end (or begin) the changed paragraph's
    text they came from (the old text, for a split) or went to (the new, for a merge), with words
    left beside them."""
    shown = changed.old if changed.elsewhere and changed.elsewhere.kind == "split" else changed.new
    text = shown.text if shown is not None else ""
    pieces = [c.elsewhere.paragraph.text for c in others if c.elsewhere]
    joined = "".join(pieces) if at_end else "".join(reversed(pieces))
    return len(joined) < len(text) and (text.endswith(joined) if at_end else text.startswith(joined))


def _cut(content: Content, text: str, lengths: list[int], at_end: bool) -> list[Content]:
    """Content cut into the rest and pieces `lengths` characters long (nearest the rest first) that
    end it (or begin it), in document order."""
    bounds = [0]
    for length in lengths if at_end else reversed(lengths):
        bounds.append(bounds[-1] + length)
    if at_end:
        bounds = [0] + [len(text) - sum(lengths) + b for b in bounds]
    else:
        bounds.append(len(text))
    return [content_between(content, a, b) for a, b in itertools.pairwise(bounds)]


def render_redline(diff: Diff, word: WordStyle, author: str = "resdraft", date: dt.datetime | None = None) -> bytes:
    """The new document with tracked changes from the old one, as .docx bytes."""
    writer = _Redline(diff, word, author, date or dt.datetime.now(dt.UTC))
    problems = style_problems(diff.old, word, set(style_ids(writer.doc)))
    if problems:
        raise TemplateError(*problems)
    return writer.write()
