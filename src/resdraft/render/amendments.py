"""The diff as amendments, worded as a delegation would table them in the UN style.

Paragraphs are named by their place in the OLD text (the text being amended): "the third
preambular paragraph", "operative paragraph 4", "operative paragraph 3 (b)".
"""

from __future__ import annotations

from resdraft.diff.model import Diff, HeaderChange, ParagraphChange
from resdraft.diff.words import Op
from resdraft.sessions import ordinal_words


def _quote(text: str) -> str:
    return f"“{text.strip()}”"


def _hunks(ops: tuple[Op, ...] | list[Op]) -> list[tuple[str, str, str, str]]:
    """(before, deleted, inserted, after) for each run of edits, with the equal words around it."""
    hunks = []
    i = 0
    while i < len(ops):
        if ops[i][0] == "equal":
            i += 1
            continue
        before = ops[i - 1][1] if i and ops[i - 1][0] == "equal" else ""
        deleted = inserted = ""
        while i < len(ops) and ops[i][0] != "equal":
            if ops[i][0] == "delete":
                deleted += ops[i][1]
            else:
                inserted += ops[i][1]
            i += 1
        after = ops[i][1] if i < len(ops) else ""
        hunks.append((before, deleted, inserted, after))
    return hunks


def _word(text: str, last: bool) -> str:
    words = text.split()
    return (words[-1] if last else words[0]) if words else ""


def edits(ops: tuple[Op, ...] | list[Op]) -> list[str]:
    """'replace “a” with “b”', 'delete “c”'; a bare insertion is anchored on a neighbouring word."""
    out = []
    for before, deleted, inserted, after in _hunks(ops):
        if deleted.strip() and inserted.strip():
            out.append(f"replace {_quote(deleted)} with {_quote(inserted)}")
        elif deleted.strip():
            out.append(f"delete {_quote(deleted)}")
        elif inserted.strip():
            if nxt := _word(after, last=False):
                out.append(f"replace {_quote(nxt)} with {_quote(inserted.strip() + ' ' + nxt)}")
            elif prev := _word(before, last=True):
                out.append(f"replace {_quote(prev)} with {_quote(prev + ' ' + inserted.strip())}")
            else:
                out.append(f"insert {_quote(inserted)}")
    return out


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _name(change: ParagraphChange, old: bool = True) -> str:
    index = change.old_index if old else change.new_index
    number = change.old_number if old else change.new_number
    if change.part == "operative":
        return f"operative paragraph {number if number is not None else (index or 0) + 1}"
    return f"the {ordinal_words((index or 0) + 1)} preambular paragraph"


def _label(sub: ParagraphChange) -> str:
    """A sub-paragraph by its label in the earlier text, in the UN style ("a." reads "(a)"), or
    by its place there."""
    label = sub.old.label if sub.old and sub.old.label else str((sub.old_index or 0) + 1)
    return f"({label.strip('().')})"


def _reading(change: ParagraphChange) -> str:
    p = change.new
    assert p is not None
    lines = [f"{p.label + ' ' if p.label else ''}{p.text}"]
    lines += [f"{s.label + ' ' if s.label else ''}{s.text}" for s in p.walk() if s.level]
    return " ".join(lines)


def _paragraph(change: ParagraphChange, previous_old: ParagraphChange | None, part_name: str) -> list[str]:
    name = _name(change)
    if change.status == "deleted":
        return [f"Delete {name}."]
    if change.status == "inserted":
        where = f"At the beginning of the {part_name}" if previous_old is None else f"After {_name(previous_old)}"
        kind = "new paragraph" if change.part == "preamble" else "new operative paragraph"
        return [f"{where}, insert a {kind} reading: {_quote(_reading(change))}"]
    out = []
    if change.moved:
        after = f"so that it follows {_name(previous_old)}" if previous_old else f"to the beginning of the {part_name}"
        out.append(f"Move {name} {after}.")
    if change.status == "modified":
        own = edits(change.ops) if change.old and change.new and change.old.text != change.new.text else []
        if own:
            out.append(f"In {name}, {_join(own)}.")
        previous_sub: ParagraphChange | None = None  # the sub-paragraph before, of the earlier text
        for sub in change.subparagraphs:
            sub_name = f"{name} {_label(sub)}".strip()
            if sub.moved:
                after = f"so that it follows subparagraph {_label(previous_sub)}" if previous_sub else "to the beginning"
                out.append(f"In {name}, move subparagraph {_label(sub)} {after}.")
            if sub.status == "modified" and (sub_edits := edits(sub.ops)):
                out.append(f"In {sub_name}, {_join(sub_edits)}.")
            elif sub.status == "deleted":
                out.append(f"Delete {sub_name}.")
            elif sub.status == "inserted" and sub.new:
                out.append(f"In {name}, insert a new subparagraph reading: {_quote(sub.new.text)}")
            if sub.old is not None:
                previous_sub = sub
    return [line[0].upper() + line[1:] for line in out]


def _header(h: HeaderChange) -> list[str]:
    if h.status != "modified" or h.field != "title":
        return []
    return [f"In the title, {_join(edits(h.ops))}."]


def render_amendments(diff: Diff) -> str:
    """Numbered amendments, one a line, turning the old text into the new."""
    lines: list[str] = []
    for h in diff.header:
        lines += _header(h)
    for part, part_name in (("preamble", "preamble"), ("operative", "operative part")):
        previous_old: ParagraphChange | None = None
        for change in diff.part(part):
            if change.changed:
                lines += _paragraph(change, previous_old, part_name)
            if change.old is not None:  # moved too: amendments apply in turn, so the next follows it
                previous_old = change
    if not lines:
        return "No amendments: the texts are the same.\n"
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1)) + "\n"
