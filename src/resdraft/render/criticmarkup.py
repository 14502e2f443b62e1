"""The diff as Markdown with CriticMarkup: the new text, with {++ ++}, {-- --} and {~~ ~> ~~} edits."""

from __future__ import annotations

from resdraft.diff.model import PARTS, Diff, ParagraphChange
from resdraft.diff.words import Op


def critic(ops: tuple[Op, ...] | list[Op]) -> str:
    """Ops as CriticMarkup; a deletion next to an insertion is one substitution."""
    out = []
    i = 0
    while i < len(ops):
        op, text = ops[i]
        if op == "equal":
            out.append(text)
        elif op == "delete" and i + 1 < len(ops) and ops[i + 1][0] == "insert":
            out.append(f"{{~~{text}~>{ops[i + 1][1]}~~}}")
            i += 1
        elif op == "insert":
            out.append(f"{{++{text}++}}")
        else:
            out.append(f"{{--{text}--}}")
        i += 1
    return "".join(out)


def _paragraph(change: ParagraphChange) -> list[str]:
    p = change.new or change.old
    label = p.label if p and p.label else ""
    if change.old and change.new and change.old.label != change.new.label and change.status != "inserted":
        label = change.new.label or ""
    nested = change.old is not None and change.old.role == "subparagraph"
    note = f" {{>>moved from {change.old_sub_label if nested else change.origin}<<}}" if change.moved else ""
    if change.elsewhere:
        note = f" {{>>{change.elsewhere_note(named=True)}<<}}"
    blocks = [f"{label + ' ' if label else ''}{critic(change.ops)}{note}"]
    for sub in change.subparagraphs:
        blocks += _paragraph(sub)
    return blocks


def render_criticmarkup(diff: Diff) -> str:
    """The new resolution as Markdown, carrying every change since the old one."""
    blocks = []
    for h in diff.header:
        if h.field in ("title", "enacting_formula", "transition_formula"):
            text = critic(h.ops)
            blocks.append(f"**{text}**" if h.field == "title" else text)
    for part in PARTS:
        for change in diff.part(part):
            blocks += _paragraph(change)
    for note in diff.footnotes_changed:  # footnotes that changed, added or dropped, each with where it is anchored
        where = f" {{>>{note.status}, at {note.place.short}<<}}" if note.place else f" {{>>{note.status}<<}}"
        blocks.append(f"[^{note.footnote.marker}]: {critic(note.ops)}{where}")
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
