"""The diff for a terminal: a summary line per part, then each change with coloured, bracketed edits.

Insertions read {+like this+} and deletions [-like this-], so the output makes sense without colour.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

from resdraft.diff.compare import text_change
from resdraft.diff.model import PARTS, STATUSES, Diff, FootnoteChange, HeaderChange, ParagraphChange, formatting_note, short_place
from resdraft.diff.unseen import named, unseen
from resdraft.diff.words import Op
from resdraft.model import Resolution
from resdraft.sessions import printed_date

GREEN, RED, BOLD, DIM, RESET = "\x1b[32m", "\x1b[31m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def marked(ops: Sequence[Op], colour: bool = False) -> str:
    """Ops as text: {+insertions+} and [-deletions-], coloured green and red when `colour`; a
    change no reader could see by its characters' names ("[-<space>-]{+<no-break space>+}")."""
    out = []
    hidden = unseen(ops)
    for k, (op, text) in enumerate(ops):
        if k in hidden:
            text = named(text)
        if op == "equal":
            out.append(text)
        elif op == "insert":
            out.append(f"{GREEN}{{+{text}+}}{RESET}" if colour else f"{{+{text}+}}")
        else:
            out.append(f"{RED}[-{text}-]{RESET}" if colour else f"[-{text}-]")
    return "".join(out)


def field_name(change: HeaderChange, diff: Diff) -> str:
    """A header field as a reader calls it: the session of a body counting years (the Security
    Council) is its year. (JSON keeps `session`, a draft's key for it.)"""
    return "year" if change.field == "session" and diff.new.session.years else change.field


def as_printed(change: HeaderChange) -> HeaderChange:
    """A header field as a reader finds it in the document: the date as printed ("11 December
    2023" for the ISO date JSON gives), each changed part marked; the others as they are."""
    if change.field != "date":
        return change
    old, new = (None if value is None else str(printed_date(value)) for value in (change.old, change.new))
    return change if (old, new) == (change.old, change.new) else text_change(change.field, old, new)


def where(change: ParagraphChange, diff: Diff) -> str:
    """'pp. 3 → pp. 2' or 'op. 7 → op. 9' (old and new place; '—' where the paragraph is not); a
    section's heading by its numeral, 'heading II'; in a text that numbers each section from 1
    again, a paragraph with its section, 'op. 7 (III)'."""
    return " → ".join(places(change, diff))


def places(change: ParagraphChange, diff: Diff) -> tuple[str, str]:
    """A paragraph's old and new place, as `where` writes them."""
    return _place(change, "old", diff.old), _place(change, "new", diff.new)


def _place(change: ParagraphChange, side: Literal["old", "new"], text: Resolution) -> str:
    paragraph, index = (change.old, change.old_index) if side == "old" else (change.new, change.new_index)
    if paragraph is None or index is None:
        return "—"
    if change.part != "operative":
        return short_place(change.part, index, paragraph.number)
    if numeral := text.heading_numeral(paragraph):  # (a heading without one has its place, "op. ¶5")
        return f"heading {numeral}"
    place = short_place(change.part, index, paragraph.number)
    if section := text.sections.get(index):  # a text numbering each section from 1
        return f"{place} ({section})"
    return place


def _tally(counts: Mapping[str, int]) -> str:
    """'3 unchanged, 2 modified, 1 deleted': the counts by status that are not 0, unchanged always."""
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts.get(s) or s == "unchanged")


def summary_line(diff: Diff, part: str) -> str:
    """'preamble: 3 unchanged, 2 modified, 1 inserted, 1 deleted (5 with formatting changed; 1 only in
    characters that print alike)'."""
    counts = diff.summary()[part]
    moved = f", {counts['moved']} moved" if counts["moved"] else ""
    restyled_count = sum(change.restyled for change in diff.part(part))
    notes = [f"{restyled_count} with formatting changed"] if restyled_count else []
    if alike := sum(change.alike for change in diff.part(part)):
        notes.append(f"{alike} only in characters that print alike")
    return f"{part}: {_tally(counts)}{moved}" + (f" ({'; '.join(notes)})" if notes else "")


def _field_status(change: HeaderChange, diff: Diff) -> str:
    """'title modified', 'enacting_formula modified (formatting changed)', 'transition_formula formatting changed'."""
    if change.status == "unchanged":
        return f"{field_name(change, diff)} formatting changed"
    return f"{field_name(change, diff)} {change.status}" + (" (formatting changed)" if change.formatting else "")


def header_line(diff: Diff) -> str:
    """'header: 2 unchanged, 5 modified, 1 inserted, 1 deleted': the header fields and the masthead's other lines."""
    return "header: " + _tally(Counter(h.status for h in (*diff.header, *diff.masthead)))


def footnotes_line(diff: Diff) -> str | None:
    """'footnotes: 40 unchanged, 3 modified, 2 inserted, 1 deleted' (None when neither text has any)."""
    return "footnotes: " + _tally(Counter(f.status for f in diff.footnotes)) if diff.footnotes else None


def footnote_head(change: FootnoteChange) -> str:
    """'fn 15 → fn 14  modified (op. 8)'."""
    return f"{change.markers}  {change.status}" + (f" ({change.place.short})" if change.place else "")


def _change(change: ParagraphChange, diff: Diff, colour: bool, indent: str = "") -> list[str]:
    status = change.status + (", moved" if change.moved else "")
    if change.moved and indent and change.old and change.old.label:  # a sub-paragraph: from which
        status += f" from {change.old_sub_label}"
    if note := change.elsewhere_note():
        status += f", {note}"
    if change.relabelled:
        status += f", {change.relabelled_note}"
    if change.alike:
        status += ", only in characters that print alike"
    if change.formatting:
        status += ", formatting changed"
    elif change.restyled:
        status += ", formatting changed in its sub-paragraphs"
    label = (change.new or change.old).label if (change.new or change.old) else None  # type: ignore[union-attr]
    head = where(change, diff) if not indent else f"{label or '·'}"
    lines = [f"{indent}{BOLD if colour else ''}{head}  {status}{RESET if colour else ''}"]
    if change.elsewhere and change.status == "inserted":  # its words as they were, and how they changed
        lines.append(f"{indent}  {marked(change.elsewhere.ops, colour)}")
    elif change.status != "unchanged":
        lines.append(f"{indent}  {marked(change.ops, colour)}")
    if change.formatting:
        lines.append(f"{indent}  formatting: {formatting_note(change.formatting)}")
    for sub in change.subparagraphs:
        if sub.changed or sub.restyled:
            lines += _change(sub, diff, colour, indent + "    ")
    return lines


def render_terminal(diff: Diff, colour: bool = False) -> str:
    """The whole diff as terminal text."""
    lines = [f"{diff.old_name} → {diff.new_name}"]
    lines += [f"warning: {w}" for w in diff.warnings]
    for name, fields in (("header", diff.header), ("masthead", diff.masthead)):
        changed = [h for h in fields if h.status != "unchanged" or h.formatting]
        if fields or name == "header":
            lines.append(f"{name}: " + (", ".join(_field_status(h, diff) for h in changed) if changed else "unchanged"))
        for h in changed:
            if h.status != "unchanged":
                lines.append(f"  {field_name(h, diff)}: {marked(as_printed(h).ops, colour)}")
            if h.formatting:
                lines.append(f"  {field_name(h, diff)}: formatting: {formatting_note(h.formatting)}")
    lines += [summary_line(diff, part) for part in PARTS]
    if footnotes := footnotes_line(diff):
        lines.append(footnotes)
    for part in PARTS:
        for change in diff.part(part):
            if change.noted or change.restyled:
                lines.append("")
                lines += _change(change, diff, colour)
    for note in diff.footnotes_changed:
        lines += ["", f"{BOLD if colour else ''}{footnote_head(note)}{RESET if colour else ''}", f"  {marked(note.ops, colour)}"]
        if note.formatting:
            lines.append(f"  formatting: {formatting_note(note.formatting)}")
    return "\n".join(lines) + "\n"
