"""The diff as Markdown with CriticMarkup: the new text in its body's house style, as `resdraft
build --to md` writes it, with every change since the old one marked ({++ ++}, {-- --}, {~~ ~> ~~}).

Accepting every mark gives the new text's Markdown; rejecting every mark gives the old text's
words and footnotes. The header lines and formulas are there, each line of both texts compared
(the lines paired by role, as the redline pairs them); a line or paragraph only the old text had
is struck where it stood, and one only the new text has inserted, each with its label inside the
mark (no label is left without its words either way) and its sub-paragraphs indented as its label
would indent them. Footnote anchors stand where they are: a footnote
both texts have is one footnote, listed once under the new text's number, its text's changes
marked in it; one only the new text has is inserted, anchor and text; one only the old text had
is struck, anchor and text, under a label of its own ("[^deleted-4]"), so that no two footnotes
share a label. Numbering is the new text's, as a Markdown list numbers its items itself:
a paragraph renumbered by one inserted above it is not marked.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from resdraft.diff.align import paired_lines
from resdraft.diff.footnotes import align_anchors, footnotes_by_content
from resdraft.diff.model import Diff, ParagraphChange, Restyled, formatting_note
from resdraft.diff.unseen import note as unseen_note
from resdraft.diff.words import Op, located, word_diff
from resdraft.model import Content, Footnote, FootnoteRef, Line, Paragraph, Resolution, Run, content_between, plain
from resdraft.numbering import runs_in
from resdraft.render.markup import EMPHASIS, markdown_escaped, markdown_inline

Item = tuple[str, Run | FootnoteRef]  # a span of either text with what became of it: 'equal', 'insert' or 'delete'
_MARKS = {"insert": ("{++", "++}"), "delete": ("{--", "--}")}


def critic(ops: tuple[Op, ...] | list[Op]) -> str:
    """Ops as CriticMarkup; a deletion next to an insertion is one substitution."""
    out = []
    i = 0
    while i < len(ops):
        op, text = ops[i]
        if not text:
            pass
        elif op == "equal":
            out.append(text)
        elif op == "delete" and i + 1 < len(ops) and ops[i + 1][0] == "insert":
            out.append(f"{{~~{text}~>{ops[i + 1][1]}~~}}")
            i += 1
        else:
            opening, closing = _MARKS[op]
            out.append(f"{opening}{text}{closing}")
        i += 1
    return "".join(out)


def _joined(pieces: Iterable[tuple[str, str]]) -> list[Op]:
    """Ops with each stretch of one op joined into one."""
    out: list[Op] = []
    for op, text in pieces:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def _emphasis(run: Run) -> str:
    return EMPHASIS.get((run.bold, run.italic), "")


def _group(items: list[Item], mark: str) -> str:
    """Runs the new text sets one way (with the spans struck among them) as Markdown: the emphasis
    around the words the new text has, their spaces at either end outside it, as markdown_inline
    writes them, and the marks inside it."""
    pieces = _joined((op, markdown_escaped(s.text) if isinstance(s, Run) else f"[^{s.marker}]") for op, s in items)
    new = "".join(text for op, text in pieces if op != "delete")
    if not mark or not new.strip():
        return critic(_joined(pieces))
    lead, end = len(new) - len(new.lstrip()), len(new.rstrip())
    sections: list[list[tuple[str, str]]] = [[], [], []]  # before the emphasis, in it, after it
    at = 0
    for op, text in pieces:
        if op == "delete":
            sections[0 if at < lead else 2 if at >= end else 1].append((op, text))
            continue
        for k, (a, b) in enumerate(((0, lead), (lead, end), (end, len(new)))):
            if part := text[max(a - at, 0) : max(b - at, 0)]:
                sections[k].append((op, part))
        at += len(text)
    before, after = critic(_joined(sections[0])), critic(_joined(sections[2]))
    inside = _joined(sections[1])
    if all(op != "equal" for op, _ in inside):  # (changed whole: the emphasis inside the marks, so neither side keeps a bare one)
        gone, came = ("".join(t for op, t in inside if op == want) for want in ("delete", "insert"))
        return before + critic([(op, f"{mark}{t}{mark}") for op, t in (("delete", gone), ("insert", came)) if t]) + after
    return f"{before}{mark}{critic(inside)}{mark}{after}"


def _slid(ops: list[Op]) -> list[Op]:
    """Ops with words added or struck after a space written with the space before them ("Alarmed"
    {++ also++} " at", not "Alarmed " {++also ++} "at": the same change), so that an emphasis
    closing after the words ("*Alarmed also*") closes after a word in either text."""
    out = list(ops)
    for i in range(1, len(out) - 1):
        (before, kept), (op, text), (after, rest) = out[i - 1], out[i], out[i + 1]
        if before == after == "equal" and op != "equal" and text[-1:].isspace() and kept.endswith(text[-1]):
            out[i - 1 : i + 2] = [(before, kept[:-1]), (op, text[-1] + text[:-1]), (after, text[-1] + rest)]
    return out


def marked_inline(items: Iterable[Item]) -> str:
    """Spans of both texts as Markdown with CriticMarkup: accepting every mark gives what
    markdown_inline writes for the new text's spans; rejecting every mark, the old text's words
    and anchors. Spans struck between runs the new text sets one way are marked inside their
    emphasis; others, with their own."""
    items = list(items)
    if items and all(op == "insert" for op, _ in items):  # (inserted whole: one mark round it, emphasis and all)
        return critic([("insert", markdown_inline(tuple(span for _, span in items)))])
    out: list[str] = []
    group: list[Item] = []  # runs the new text sets one way, with the spans struck among them
    struck: list[Run | FootnoteRef] = []  # spans struck since the last span of the new text
    mark = ""

    def close(with_struck: bool = True) -> None:
        if group:
            out.append(_group(group, mark))
            group.clear()
        if with_struck and struck:
            out.append(critic([("delete", markdown_inline(tuple(struck)))]))
            struck.clear()

    for op, span in items:
        if op == "delete":
            struck.append(span)
        elif isinstance(span, FootnoteRef):
            close()
            out.append(critic([(op, f"[^{span.marker}]")]))
        elif group and _emphasis(span) == mark:
            group.extend(("delete", s) for s in struck)
            struck.clear()
            group.append((op, span))
        else:
            close(with_struck=False)
            mark = _emphasis(span)
            if all(isinstance(s, Run) and _emphasis(s) == mark for s in struck):
                group.extend(("delete", s) for s in struck)
                struck.clear()
            else:
                close()  # (the group is empty: the struck spans alone)
            group.append((op, span))
    close()
    return "".join(out)


def _items(old: Content | None, new: Content | None, ops: tuple[Op, ...] | list[Op] | None = None) -> list[Item]:
    """The spans of some content in the old text and the new, each marked with what became of it,
    in the new order: equal words from the new text, struck words and anchors from the old where
    they stood. An anchor of both texts at one place of unchanged words is kept; one only the new
    text has there is inserted, and one only the old text had is struck there."""
    if new is None:
        return [("delete", s) for s in old or ()]
    if old is None:
        return [("insert", s) for s in new]
    if ops is None or not ops:
        ops = word_diff(plain(old), plain(new))
    ops = _slid(list(ops))
    anchors = align_anchors(old, new, ops)
    olds = [s for s in old if isinstance(s, FootnoteRef)]
    struck_at: dict[int, list[FootnoteRef]] = {}  # place in the new text -> old anchors of unchanged words struck there
    for k, at in sorted(anchors.placed.items()):
        struck_at.setdefault(at, []).append(olds[k])
    marked: list[tuple[str | None, Run | FootnoteRef]] = []  # the new content, its anchors decided, struck anchors put in
    pos = count = 0
    for span in new:
        if isinstance(span, FootnoteRef):
            kept = count in anchors.pairs
            marked.append(("equal" if kept else "insert" if count in anchors.unchanged else None, span))
            count += 1
            continue
        for cut in sorted(at for at in struck_at if pos <= at < pos + len(span.text)):
            if cut > pos:
                marked.append((None, dataclasses.replace(span, text=span.text[: cut - pos])))
                span = dataclasses.replace(span, text=span.text[cut - pos :])
                pos = cut
            marked += [("delete", a) for a in struck_at.pop(cut)]
        marked.append((None, span))
        pos += len(span.text)
    marked += [("delete", a) for at in sorted(struck_at) for a in struck_at[at]]
    spans = tuple(_Marked(s.marker, how) if isinstance(s, FootnoteRef) and how else s for how, s in marked)
    out: list[Item] = []
    for op, text, at_old, at_new in located(ops):
        if op == "delete":
            out += [("delete", s) for s in content_between(old, at_old, at_old + len(text))]
        else:
            out += [(s.how if isinstance(s, _Marked) else op, s) for s in content_between(spans, at_new, at_new + len(text))]
    return out


@dataclasses.dataclass(frozen=True)
class _Marked(FootnoteRef):
    """An anchor whose mark its place decides, not the words it stands in (see `_items`)."""

    how: str = "equal"


class _Document:
    """The new Resolution with every line, paragraph and footnote of both texts in it, its text
    already Markdown with the changes marked; the body's template lays it out."""

    def __init__(self, diff: Diff) -> None:
        self.diff = diff
        old_notes = footnotes_by_content(diff.old)
        self.old_notes = old_notes
        self.labels: dict[int, str] = {}  # an old footnote (by identity) -> the label it goes by
        taken = {note.marker for note in diff.new.footnotes}
        for change in diff.footnotes:
            if change.old is not None:
                label = change.new.marker if change.new is not None else _free(f"deleted-{change.old.marker}", taken)
                self.labels[id(change.old)] = label

    def old(self, content: Content) -> Content:
        """Old content, each anchor under its footnote's label here."""
        notes = iter(self.old_notes.get(id(content), ()))
        out: list[Run | FootnoteRef] = []
        for span in content:
            if isinstance(span, FootnoteRef) and (note := next(notes, None)) is not None:
                span = FootnoteRef(self.labels.get(id(note), span.marker))
            out.append(span)
        return tuple(out)

    def line(self, old: Line | None, new: Line | None) -> Line:
        """A line of either text or both, its label kept where both set it alike."""
        shown = new or old
        assert shown is not None
        if old is not None and new is not None and old.label == new.label:
            items = _items(self.old(old.content), new.content)
            return Line(shown.role, _verbatim(marked_inline(items)), new.label)
        label = _label_items(old.label if old else None, new.label if new else None)
        items = _items(self.old(old.content) if old else None, new.content if new else None)
        return Line(shown.role, _verbatim(marked_inline([*label, *items])))

    def lines(self, old: tuple[Line, ...], new: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(self.line(was, now) for was, now in paired_lines(old, new))

    def formula(self, old: Line | None, new: Line | None, field: str = "") -> Line | None:
        """A formula of either text or both; where the new text sets words it keeps otherwise, a
        comment after it says so (the formula is set as the new text sets it)."""
        if old is None and new is None:
            return None
        line = self.line(old, new)
        change = next((h for h in self.diff.header if h.field == field), None)
        if change is None or not change.formatting:
            return line
        return dataclasses.replace(line, content=(*line.content, *_verbatim(_formatting_comment(change.formatting))))

    def paragraph(self, change: ParagraphChange, nested: bool = False, pad: str = "") -> Paragraph:
        """A paragraph of either text or both, with its sub-paragraphs. One only one text has is
        marked whole, its label inside the mark (struck with its words, or inserted with them), so
        that accepting or rejecting every mark leaves no label without words ("4." alone, an empty
        list item). The template then sets it without a label, and so would not indent its
        sub-paragraphs to its words: each sub-paragraph of one marked whole carries that indentation
        itself (`pad`), before its marks."""
        old, new = change.old, change.new
        shown = new or old
        assert shown is not None
        note = ""
        if change.moved:
            note = f" {{>>moved from {change.old_sub_label if nested else change.origin}<<}}"
        if change.elsewhere:
            note = f" {{>>{change.elsewhere_note(named=True)}<<}}"
        note += _formatting_comment(change.formatting)
        note += _unseen_comment(change.ops)
        if old is not None and new is not None:
            text, label, inner = marked_inline(_items(self.old(old.content), new.content, change.ops)), new.label, ""
        else:
            edit = "insert" if old is None else "delete"
            items = _items(None, shown.content) if old is None else _items(self.old(shown.content), None)
            if not nested and (self.diff.old if new is None else self.diff.new).heading(shown):
                return dataclasses.replace(
                    shown, content=_verbatim(_heading_marked(edit, shown.label, items) + note), label=None, heading=False
                )
            words = [(edit, Run(f"{shown.label} ")), *items] if shown.label else items
            text, label, inner = pad + marked_inline(words), None, pad + _item_indent(shown.label)
        subs = change.subparagraphs or tuple(_whole(sub, change.status) for sub in shown.subparagraphs)
        return dataclasses.replace(
            shown,
            content=_verbatim(text + note),
            label=label,
            subparagraphs=tuple(self.paragraph(sub, True, inner) for sub in subs),
        )

    def footnotes(self) -> tuple[Footnote, ...]:
        """Every footnote of both texts once: the new text's under their numbers, in its order, each
        with the changes to its text marked, and those only the old text had struck where they stood."""
        out = []
        listed: set[int] = set()
        for change in self.diff.footnotes:
            old, new = change.old, change.new
            label = new.marker if new is not None else self.labels[id(old)]
            ops = change.ops if old is not None and new is not None else None
            items = _items(old.content if old else None, new.content if new else None, ops)
            comments = _formatting_comment(change.formatting) + _unseen_comment(change.ops)
            out.append(Footnote(label, _verbatim(marked_inline(items) + comments)))
            listed.update(id(n) for n in (old, new) if n is not None)
        out += [
            Footnote(n.marker, _verbatim(marked_inline(_items(None, n.content))))
            for n in self.diff.new.footnotes
            if id(n) not in listed
        ]
        return tuple(out)

    def resolution(self) -> Resolution:
        diff, old, new = self.diff, self.diff.old, self.diff.new
        return dataclasses.replace(
            new,
            header=self.lines(old.header, new.header),
            title=self.lines(old.title, new.title),
            enacting=self.formula(old.enacting, new.enacting, "enacting_formula"),
            preamble=tuple(self.paragraph(c) for c in diff.preamble),
            transition=self.formula(old.transition, new.transition, "transition_formula"),
            operative=tuple(self.paragraph(c) for c in diff.operative),
            closing=self.formula(old.closing, new.closing),
            footnotes=self.footnotes(),
        )


def _free(label: str, taken: set[str]) -> str:
    """A footnote label no other footnote has: `label`, else with a count after it."""
    found = next(
        f"{label}-{n}" if n > 1 else label for n in itertools.count(1) if (f"{label}-{n}" if n > 1 else label) not in taken
    )
    taken.add(found)
    return found


def _label_items(old: str | None, new: str | None) -> list[Item]:
    """A line's labels as the Markdown template sets them, before its words ("79/72. "), old and new."""
    out: list[Item] = []
    if old and new:
        return [("delete", Run(old)), ("insert", Run(new)), ("equal", Run(" "))]
    if old:
        out.append(("delete", Run(f"{old} ")))
    if new:
        out.append(("insert", Run(f"{new} ")))
    return out


def _heading_marked(edit: str, numeral: str | None, items: list[Item]) -> str:
    """A section's heading only one text has, marked whole as the template sets a heading: in bold,
    its numeral on a line of its own above its words, or an action's on their line. The bold inside
    the marks, so that accepting or rejecting them leaves either the heading or nothing, no bare "****"."""
    bold: list[Item] = [(op, dataclasses.replace(s, bold=True) if isinstance(s, Run) else s) for op, s in items]
    if numeral and runs_in(numeral):
        return marked_inline([(edit, Run(f"{numeral} ", bold=True)), *bold])
    lines: list[list[Item]] = [[(edit, Run(numeral, bold=True))]] if numeral else []
    lines.append(bold)
    return "\n\n".join(marked_inline(line) for line in lines)


def _item_indent(label: str | None) -> str:
    """The indentation the Markdown layout gives the sub-paragraphs of a paragraph so labelled: to
    its words, under a label that makes it a list item ("11."), none under others ("(a)"); as the
    `paragraph` macro of templates/_base/resolution.md.j2 sets it."""
    return " " * (len(label) + 1) if label and label[:-1].isdigit() and label[-1:] in ".)" else ""


def _whole(paragraph: Paragraph, status: str) -> ParagraphChange:
    """A sub-paragraph of a paragraph inserted or deleted whole."""
    part = paragraph.role
    new, old = (paragraph, None) if status == "inserted" else (None, paragraph)
    return ParagraphChange(part, "inserted" if new else "deleted", False, old, new, None, None, ())


def _formatting_comment(restyles: tuple[Restyled, ...]) -> str:
    """A CriticMarkup comment saying how kept words are set otherwise ('' where none are): the
    marked text is set as the new text sets it, so the old setting is said."""
    return f" {{>>formatting changed: {formatting_note(restyles)}<<}}" if restyles else ""


def _unseen_comment(ops: tuple[Op, ...] | list[Op]) -> str:
    """A CriticMarkup comment naming the characters of changes no reader could see ('' where
    there are none): "{~~ ~> ~~}" alone would read as nothing changed."""
    return f" {{>>look-alike characters: {note}<<}}" if (note := unseen_note(ops)) else ""


def _verbatim(markdown: str) -> Content:
    """Markdown already written, as content the template writes as it is (see `_as_written`)."""
    return (Run(markdown),)


def _as_written(obj: Any) -> str:
    """The `inline` filter here: a line's, paragraph's or footnote's text, Markdown already."""
    content = obj.content if isinstance(obj, (Paragraph, Line, Footnote)) else obj or ()
    return "".join(s.text for s in content if isinstance(s, Run))


def house_style(body: str, near: str = ".") -> tuple[Path, str]:
    """The templates folder and Markdown template of a body, from the library around `near` (a
    source: a path or REV:path), else the current folder's, else the stock ones resdraft ships."""
    from resdraft.errors import Problems
    from resdraft.library import templates_for
    from resdraft.library.bodies import read_body
    from resdraft.sources import place_of

    templates = templates_for(place_of(near), body)
    style = read_body(body, templates / body, Problems()) if (templates / body / "body.yaml").is_file() else None
    return templates, f"{style.key}/{style.outputs['md']}" if style is not None else "_base/resolution.md.j2"


def render_criticmarkup(diff: Diff, near: str = ".") -> str:
    """The new resolution as Markdown in its body's house style, carrying every change since the old one."""
    from resdraft.templating import environment, render_file

    templates, template = house_style(diff.new.body, near)
    env = environment(templates, {"inline": _as_written})
    text = render_file(env, template, {"res": _Document(diff).resolution()}, templates)
    return text.rstrip() + "\n"
