"""The diff as amendments, worded as a delegation would table them in the UN style.

Paragraphs are named by their place in the OLD text (the text being amended): "the third
preambular paragraph", "operative paragraph 4", "operative paragraph 3 (b)", "operative paragraph
3 (b) (ii)", and a sub-paragraph marked with a dash or a bullet by its place: "the first indent of
operative paragraph 12 (a)". Footnotes are named by their old number ("In footnote 5, replace …"),
follow the amendments of the paragraph (or the title) they are anchored in, and go with a paragraph
deleted or inserted whole; a footnote only renumbered is no amendment, nor is one of the masthead
(a sponsors' note), which is no part of the text.

The text amended is what the body adopts: the title, the formulas ("In the enacting formula, replace
…"), the paragraphs and their footnotes. The symbol, session, date, sponsors and the closing formula
(the meeting and date of adoption, "45th plenary meeting / 4 December 2023") record the document and
its adoption, and no delegation amends them; the diff's other outputs show them.

A passage is quoted in double quotation marks, and the quotation marks of its own go one level
down, as in UN amendment documents: "insert “and ‘Our ocean, our future, our responsibility’”".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from resdraft.diff.model import Diff, FootnoteChange, ParagraphChange
from resdraft.diff.unseen import seen
from resdraft.diff.words import WORD, Op
from resdraft.model import FootnoteRef, Line, Paragraph, Resolution, Run
from resdraft.numbering import is_bullet, label_kind, printed_label
from resdraft.sessions import cardinal_words, ordinal_words


def _quote(text: str) -> str:
    """A passage quoted: “…”, with its own quotation marks one level down (`_nested`)."""
    return f"“{_nested(text.strip())}”"


_STRAIGHT = re.compile(r'"')
_OPENING_BEFORE = " \t\n([{‘“—–-/"  # a straight quotation mark after one of these (or first) opens
_DOUBLED = re.compile(r"“[^“”]*”")  # a quotation of the passage's own
_SINGLED = re.compile(r"(?<![\w‘’])‘((?:[^‘’“”]|’(?=\w))*)’(?!\w)")  # ‘…’ in it, apostrophes (“Women’s”) inside
_NESTED = str.maketrans({"“": "‘", "”": "’", "\x00": "“", "\x01": "”"})  # (\x00 … \x01: a single pair, to go double)


def _nested(text: str) -> str:
    """A passage's own quotation marks as they stand inside the amendment's double ones: double
    ones single (“Our ocean” → ‘Our ocean’), and single ones within those double (“The ‘Space
    2030’ Agenda” → ‘The “Space 2030” Agenda’). A straight mark (") is curled by where it stands:
    opening first or after a space or bracket, closing elsewhere. A ‘ inside a word (“Ra‘i”) is
    no quotation mark, nor is an apostrophe."""
    text = _STRAIGHT.sub(lambda m: "“" if m.start() == 0 or text[m.start() - 1] in _OPENING_BEFORE else "”", text)
    text = _DOUBLED.sub(lambda m: _SINGLED.sub("\x00\\1\x01", m.group()), text)
    return text.translate(_NESTED)


MERGED = 2  # changes with this many unchanged words or fewer between them are tabled as one

# A stretch of the text: ("equal", text, "") or ("change", deleted, inserted).
Stretch = tuple[str, str, str]


def _stretches(ops: tuple[Op, ...] | list[Op]) -> list[Stretch]:
    """The ops as unchanged stretches and changes, each change widened to whole words (a
    delegation replaces "non-governmental", not its hyphen, and "neo- Nazism" with "neo-Nazism")
    and a mark to the word it follows ("Islands" with "Islands,", rather than adds a comma), and
    to the bracket it leaves open or closes (`_bracketed`), and changes with MERGED or fewer unchanged words between them made one ("4 December 2023" with
    "2 December 2024", not "4" with "2" and "2023" with "2024")."""
    raw: list[list[str]] = []
    for op, text in ops:
        if op == "equal":
            raw.append(["equal", text, ""])
            continue
        if not raw or raw[-1][0] != "change":
            raw.append(["change", "", ""])
        raw[-1][1 if op == "delete" else 2] += text
    for k, (kind, deleted, inserted) in enumerate(raw):
        if kind != "change":
            continue
        spacing = not deleted.strip() and not inserted.strip()  # words joined or split: all of them
        if k and (spacing or deleted[:1].strip() or inserted[:1].strip()) and (tail := re.search(r"\S+$", raw[k - 1][1])):
            raw[k - 1][1] = raw[k - 1][1][: tail.start()]
            raw[k][1], raw[k][2] = tail.group() + raw[k][1], tail.group() + raw[k][2]
        if (
            k + 1 < len(raw)
            and (spacing or deleted[-1:].strip() or inserted[-1:].strip())
            and (head := re.match(r"\w\S*", raw[k + 1][1]))
        ):
            raw[k + 1][1] = raw[k + 1][1][head.end() :]
            raw[k][1], raw[k][2] = raw[k][1] + head.group(), raw[k][2] + head.group()
        _bracketed(raw, k)
    out: list[list[str]] = []
    for k, (kind, first, second) in enumerate(raw):
        between = kind == "equal" and 0 < k < len(raw) - 1 and len(WORD.findall(first)) <= MERGED
        if kind == "equal" and not first:
            continue
        if (kind == "change" or between) and out and out[-1][0] == "change":
            out[-1][1] += first
            out[-1][2] += first if between else second
        else:
            out.append([kind, first, second])
    return [(kind, a, b) for kind, a, b in out]


BRACKETED = 40  # characters, at most, a change takes in to quote a bracket's pair with it
_OPENED = re.compile(rf"[(\[][^()\[\]]{{0,{BRACKETED}}}$")  # a bracket the text before a change leaves open
_CLOSED = re.compile(rf"^[^()\[\]]{{0,{BRACKETED}}}[)\]]")  # ... and the bracket the text after it closes


def _unmatched(text: str) -> tuple[int, int]:
    """How many brackets `text` closes that it did not open, and opens that it does not close
    ("Rules) and … (the Beijing": one and one)."""
    depth = lowest = 0
    for c in text:
        if c in "()[]":
            depth += 1 if c in "([" else -1
            lowest = min(lowest, depth)
    return -lowest, depth - lowest


def _bracketed(raw: list[list[str]], k: int) -> None:
    """Change `k` of `raw` widened to the brackets it opens or closes, so that it is quoted whole:
    "replace “1784 (2007)” with “1812 (2008)”", not "“1784 (2007” with “1812 (2008”"."""
    _, deleted, inserted = raw[k]
    unmatched = (_unmatched(deleted), _unmatched(inserted))
    if any(opens for _, opens in unmatched) and k + 1 < len(raw) and (shut := _CLOSED.match(raw[k + 1][1])):
        raw[k + 1][1] = raw[k + 1][1][shut.end() :]
        raw[k][1], raw[k][2] = deleted + shut.group(), inserted + shut.group()
    if any(closes for closes, _ in unmatched) and k and (opened := _OPENED.search(raw[k - 1][1])):
        raw[k - 1][1] = raw[k - 1][1][: opened.start()]
        raw[k][1], raw[k][2] = opened.group() + raw[k][1], opened.group() + raw[k][2]


def _hunks(ops: tuple[Op, ...] | list[Op]) -> list[tuple[str, str, str, str]]:
    """(before, deleted, inserted, after) for each change, with the unchanged text around it."""
    stretches = _stretches(ops)
    hunks = []
    for k, (kind, deleted, inserted) in enumerate(stretches):
        if kind == "change":
            before = stretches[k - 1][1] if k else ""
            after = stretches[k + 1][1] if k + 1 < len(stretches) else ""
            hunks.append((before, deleted, inserted, after))
    return hunks


def _occurrences(phrase: str, text: str) -> int:
    """How many times whole words `phrase` stand in `text`, overlapping ones too ("a a" twice in "a a a")."""
    return len(re.findall(rf"(?<!\w)(?={re.escape(phrase)}(?!\w))", text)) if phrase else 0


def replacements(ops: tuple[Op, ...] | list[Op]) -> list[tuple[str, str]]:
    """(old words, new words) for each change of a paragraph, in order: whole words, the old ones
    found once in the paragraph. An insertion, or old words that are there more than once, take in
    the words next to them (the one after first), as many as they need; where that reaches the
    change before or after, the two are one."""
    old = "".join(text for op, text in ops if op != "insert")
    hunks = [list(h) for h in _hunks(ops)]
    out: list[list[str]] = []  # [old words, new words], white space kept until the end
    taken = 0  # how much of this hunk's `before` the one before took in
    k = 0
    while k < len(hunks):
        before, deleted, inserted, after = hunks[k]
        before = before[taken:]
        left = right = ""
        added = not deleted.strip()  # words only added: placed after the words before them, as a delegation would
        while True:
            phrase = (left + deleted + right).strip()
            if WORD.search(phrase) and _occurrences(phrase, old) == 1:
                break
            if added and not right and (more := re.search(r"\S+\s*$", before[: len(before) - len(left)])):
                left = more.group() + left
            elif more := re.match(r"\s*\S+", after[len(right) :]):
                right += more.group()
            elif k + 1 < len(hunks) and after.strip():  # all of `after` is not enough: on with the next change
                _, next_deleted, next_inserted, next_after = hunks.pop(k + 1)
                deleted += after + next_deleted
                inserted += after + next_inserted
                after, right = next_after, ""
            elif more := re.search(r"\S+\s*$", before[: len(before) - len(left)]):
                left = more.group() + left
            elif out:  # all of `before` is not enough: one with the change before
                was, now = out.pop()
                gap = before[: len(before) - len(left)]
                deleted, inserted, left = was + gap + left + deleted, now + gap + left + inserted, ""
            else:
                break
        # Words taken in quote a bracket with its pair, as a change does: "after “(the Tokyo Rules)”".
        if _unmatched(left)[0] and (opened := _OPENED.search(before[: len(before) - len(left)])):
            left = opened.group() + left
        if _unmatched(right)[1] and (shut := _CLOSED.match(after[len(right) :])):
            right += shut.group()
        out.append([left + deleted + right, left + inserted + right])
        taken = len(right)
        k += 1
    return [(was.strip(), now.strip()) for was, now in out]


def edits(ops: tuple[Op, ...] | list[Op]) -> list[str]:
    """'replace “a” with “b”', 'delete “c”', 'insert “d” after “e”', in the UN style; none for a
    change no reader could see (a space become a no-break space), which no delegation tables."""
    out = []
    for was, now in replacements(seen(ops)):
        if not was:
            out.append(f"insert {_quote(now)}")
        elif not now:
            out.append(f"delete {_quote(was)}")
        elif (added := _added(was, now)) is not None:
            out.append(f"insert {_quote(added)} after {_quote(was)}")
        else:
            out.append(f"replace {_quote(was)} with {_quote(now)}")
    return out


def _added(was: str, now: str) -> str | None:
    """The words `now` adds after `was`, where that is all it does: "7 December 2022" to "7 December
    2022 and 78/38 of 4 December 2023" adds "and 78/38 of 4 December 2023". (Words added before the
    first words of a paragraph replace them: "replace “Mindful” with “Being Mindful”".)"""
    if now.startswith(was) and (rest := now[len(was) :]).strip() and (rest[0].isspace() or not rest[0].isalnum()):
        return rest.strip()
    return None


def _sentence(line: str) -> str:
    """An amendment as it is tabled, with a capital ("In …", "Delete …")."""
    return line[0].upper() + line[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _heading(change: ParagraphChange, text: Resolution) -> bool:
    """Whether a paragraph of the old text is a section's heading: an operative one it leaves unnumbered."""
    return change.part == "operative" and change.old is not None and text.unnumbered(change.old)


def _name(change: ParagraphChange, text: Resolution) -> str:
    """A paragraph by its place in the old text: "operative paragraph 4" (its number, or its place
    where the text numbers none), "the third preambular paragraph"; where the text numbers its
    operative paragraphs, one it leaves unnumbered is a section's heading: "the heading II", or
    "the heading “Budget performance report for …”"."""
    index, number, p = change.old_index, change.old_number, change.old
    if _heading(change, text) and p is not None:
        return f"the heading {p.label}" if p.label else f"the heading {_quote(p.first_words(8))}"
    if change.part == "operative":
        return f"operative paragraph {number if number is not None else (index or 0) + 1}{_in_section(text, index or 0)}"
    return f"the {ordinal_words((index or 0) + 1)} preambular paragraph"


def _in_section(text: Resolution, index: int) -> str:
    """' of section III' for an operative paragraph of a text that numbers each section from 1
    again, where a number alone names several paragraphs; '' otherwise."""
    return f" of section {section}" if (section := text.sections.get(index)) else ""


def _reading(change: ParagraphChange) -> str:
    p = change.new
    assert p is not None
    return _labelled(p, _with_markers)


def _labelled(p: Paragraph, words: Callable[[Paragraph], str]) -> str:
    """A new paragraph or sub-paragraph as quoted, with its labels and its sub-paragraphs': "(a) To
    use … capabilities: – to protect …", a dash as the Council prints it ("–" where its plain text
    types "--"); `words` gives each one's words (with its footnote markers or without)."""
    return " ".join(f"{_printed(s.label) + ' ' if s.label else ''}{words(s)}" for s in p.walk())


def _printed(label: str) -> str:
    """A label as the text prints it: a dash "–", however typed ("--")."""
    return printed_label(label_kind(label))


def _move(change: ParagraphChange, previous_old: ParagraphChange | None, part_name: str, text: Resolution) -> str:
    """A paragraph moved, to follow the old paragraph before it in the new text: tabled before the
    new paragraphs and the deletions between the two, so that it follows that paragraph as it
    stands, and they then go before it, in their own place."""
    after = f"so that it follows {_name(previous_old, text)}" if previous_old else f"to the beginning of the {part_name}"
    return f"Move {_name(change, text)} {after}."


def _paragraph(change: ParagraphChange, text: Resolution) -> list[str]:
    """The amendments to a paragraph's own words and to its sub-paragraphs."""
    name = _name(change, text)
    out = []
    if change.status == "modified":
        own = edits(change.ops) if change.old and change.new and change.old.text != change.new.text else []
        if own:
            out.append(f"In {name}, {_join(own)}.")
        out += _subparagraphs(change, name)
    out += _relabelling(change, name)  # (also where no word changed: only the labels' kind)
    return [_sentence(line) for line in out]


def _subparagraphs(change: ParagraphChange, name: str) -> list[str]:
    """The amendments to a paragraph's sub-paragraphs, each placed by the old text's labels:
    sub-paragraphs deleted and others inserted where they stood are replaced ("In operative
    paragraph 6, replace subparagraphs (a) and (b) with two new subparagraphs reading: …"), new
    ones follow the sub-paragraph before them ("…, after subparagraph (b), insert …"). A kept
    sub-paragraph's own sub-paragraphs are amended the same way, one level down, by its name: "In
    operative paragraph 16 (i), at the end, insert three new subparagraphs reading: “– to protect
    …”, …" (S/RES/1590 to 1706), "In the second indent of operative paragraph 12 (a), replace …"."""
    out: list[str] = []
    previous_sub: ParagraphChange | None = None  # the sub-paragraph before, of the earlier text
    run: list[ParagraphChange] = []  # sub-paragraphs deleted or inserted one after another
    # New sub-paragraphs of a sub-paragraph that had none go at its end, after its words; a
    # paragraph's first ones are tabled "at the beginning" (of its sub-paragraphs), as they always were.
    first = "at the beginning" if change.old is None or change.old.subparagraphs or not change.old.level else "at the end"

    def table_run() -> None:
        gone = [s for s in run if s.status == "deleted"]
        new = [_labelled(s.new, lambda p: p.text) for s in run if s.status == "inserted" and s.new]
        count = "a new subparagraph" if len(new) == 1 else f"{cardinal_words(len(new))} new subparagraphs"
        readings = _join([_quote(t) for t in new]) if new else ""
        if gone and new:
            out.append(f"In {name}, replace {_sub_named(gone)} with {count} reading: {readings}")
        elif gone and _indent(gone[0]):
            out.append(f"Delete {_sub_named(gone)} of {name}.")
        elif gone:
            out.extend(f"Delete {_sub_name(name, s)}." for s in gone)
        elif new:
            where = f"after {_sub_named([previous_sub])}" if previous_sub else first
            out.append(f"In {name}, {where}, insert {count} reading: {readings}")
        run.clear()

    for sub in change.subparagraphs:
        if sub.status in ("deleted", "inserted") and not sub.moved:
            run.append(sub)
            continue
        if sub.moved:  # (before the run between, as a paragraph moved is: `_move`)
            after = f"so that it follows {_sub_named([previous_sub])}" if previous_sub else "to the beginning"
            out.append(f"In {name}, move {_sub_named([sub])} {after}.")
        table_run()
        if sub.status == "modified" and (sub_edits := edits(sub.ops)):
            out.append(f"In {_sub_name(name, sub)}, {_join(sub_edits)}.")
        if sub.status == "modified":
            out += _subparagraphs(sub, _sub_name(name, sub))
        if sub.old is not None:
            previous_sub = sub
    table_run()
    return out


def _relabelling(change: ParagraphChange, name: str) -> list[str]:
    """The amendments that give a paragraph's sub-paragraphs the new text's kind of label, at each
    level whose kind changed (`ParagraphChange.relabelled`): "In operative paragraph 16, reletter
    subparagraphs (i) and (ii) as subparagraphs (a) and (b)." (S/RES/1590 to 1706). They come after
    the sub-paragraphs' other amendments, which name them by their old labels, and a deeper level's
    before the level above it, for the same reason; new sub-paragraphs carry their new labels already."""
    if change.relabelled is None:
        return []
    was, now = change.relabelled
    levels = [k for k, (a, b) in enumerate(zip(was, now, strict=False)) if label_kind(a) != label_kind(b)]
    runs: list[list[tuple[str, list[ParagraphChange]]]] = [[(name, list(change.subparagraphs))]]
    while len(runs) <= max(levels):  # each level's kept sub-paragraphs, by the name of the one above them
        runs.append([(_sub_name(above, s), list(s.subparagraphs)) for above, subs in runs[-1] for s in subs if s.old and s.new])
    out = []
    for k in reversed(levels):
        for above, subs in runs[k]:
            kept = [s for s in subs if s.old and s.new and s.old.label != s.new.label]
            if kept:
                out.append(_relettered(above, kept, now[k]))
    return out


def _relettered(name: str, subs: list[ParagraphChange], example: str) -> str:
    """One run of sub-paragraphs given the labels of another kind (`example`, the level's first):
    "In operative paragraph 16, reletter subparagraphs (i) and (ii) as subparagraphs (a) and (b)",
    "renumber" where the new labels are numbers ("1.", "(i)"); sub-paragraphs marked with dashes
    (or bullets) are named so, and new marks as what they are."""
    plural = "s" * (len(subs) > 1)
    old = subs[0].old.label if subs[0].old else None
    named = (
        f"the subparagraph{plural} marked with {_marks(old)}"
        if old and is_bullet(old)
        else f"subparagraph{plural} {_join([s.old_sub_label for s in subs])}"
    )
    if is_bullet(example):
        return f"In {name}, mark {named} with {_marks(example)} in place of their labels."
    verb = "reletter" if example.strip("().").lower() == "a" else "renumber"
    labels = [f"({s.new.label.strip('().')})" for s in subs if s.new and s.new.label]
    return f"In {name}, {verb} {named} as subparagraph{plural} {_join(labels)}."


def _marks(label: str) -> str:
    """A sub-paragraph's mark named: "dashes" (the Council's "--", "–"), "bullets"."""
    return "dashes" if label_kind(label) == "--" else "bullets"


def _sub_name(name: str, sub: ParagraphChange) -> str:
    """A sub-paragraph named by its paragraph and its old label: "operative paragraph 6 (a)",
    "operative paragraph 4 (a) (ii)"; one marked with a dash or a bullet by its place: "the first
    indent of operative paragraph 12 (a)"."""
    if _indent(sub):
        return f"{_sub_named([sub])} of {name}"
    return f"{name} {sub.old_sub_label or ''}".strip()


def _indent(sub: ParagraphChange) -> bool:
    """Whether a sub-paragraph of the old text is marked with a dash or a bullet, not labelled."""
    return _is_indent(sub.old.label if sub.old else None)


def _is_indent(label: str | None) -> bool:
    """Whether a label is a dash ("--", "–", however typed) or a bullet, which counts nothing."""
    return bool(label) and is_bullet(label or "")


def _sub_named(subs: list[ParagraphChange]) -> str:
    """Sub-paragraphs of one paragraph by their old labels, "subparagraphs (a) and (b)", or, marked
    with dashes or bullets, by their places, as UN amendments name them: "the first and second indents"."""
    plural = "s" * (len(subs) > 1)
    if _indent(subs[0]):
        return f"the {_join([ordinal_words((s.old_index or 0) + 1) for s in subs])} indent{plural}"
    return f"subparagraph{plural} {_join([s.old_sub_label for s in subs])}"


def _deletion(changes: list[ParagraphChange], text: Resolution) -> str:
    """Paragraphs deleted one after another, as one amendment: "Delete operative paragraphs 3 to 8"
    (and a section's heading among them by its name: "…, the heading II and operative paragraphs 9 to 11")."""
    pieces: list[str] = []
    run: list[ParagraphChange] = []
    for change in changes:
        if _heading(change, text):
            pieces += [_deleted_run(run, text)] if run else []
            pieces.append(_name(change, text))
            run = []
        else:
            run.append(change)
    pieces += [_deleted_run(run, text)] if run else []
    return f"Delete {_join(pieces)}."


def _deleted_run(changes: list[ParagraphChange], text: Resolution) -> str:
    """Paragraphs one after another, named together: "operative paragraphs 3 to 8", "the second and
    third preambular paragraphs"."""
    if len(changes) == 1:
        return _name(changes[0], text)
    places = [(c.old_index or 0) + 1 for c in changes]
    if changes[0].part == "operative":
        numbers = [c.old_number or place for c, place in zip(changes, places, strict=True)]
        run = numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2
        section = _in_section(text, changes[0].old_index or 0)
        return (
            f"operative paragraphs {numbers[0]} to {numbers[-1]}{section}"
            if run
            else f"operative paragraphs {_join([str(n) for n in numbers])}{section}"
        )
    run = places == list(range(places[0], places[-1] + 1)) and len(places) > 2
    ordinals = [ordinal_words(place) for place in places]
    which = f"{ordinals[0]} to {ordinals[-1]}" if run else _join(ordinals)
    return f"the {which} preambular paragraphs"


def _insertion(
    changes: list[ParagraphChange], previous_old: ParagraphChange | None, part_name: str, notes: _Notes, text: Resolution
) -> str:
    """New paragraphs that follow one another, tabled as one amendment ("insert two new paragraphs
    reading: …"), so that they keep their order; with their footnotes, each marker in the reading
    and the footnotes' texts after it ("…, with footnote 14 reading: “A/79/123.” and footnote 15 …")."""
    where = f"At the beginning of the {part_name}" if previous_old is None else f"After {_name(previous_old, text)}"
    kind = "paragraph" if changes[0].part == "preamble" else "operative paragraph"
    readings = _join([_quote(_reading(c)) for c in changes])
    footnotes = [note.new for c in changes for note in notes.of(c) if note.status == "inserted" and note.new]
    with_notes = f", with {_join([f'footnote {n.marker} reading: {_quote(n.text)}' for n in footnotes])}" if footnotes else ""
    if len(changes) == 1:
        return f"{where}, insert a new {kind} reading: {readings}{with_notes}"
    return f"{where}, insert {cardinal_words(len(changes))} new {kind}s reading: {readings}{with_notes}"


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _marker(marker: str) -> str:
    """A footnote marker as it stands in quoted text: a number raised ("¹⁴"), a sign as it is ("*")."""
    return marker.translate(_SUPERSCRIPT)


def _with_markers(paragraph: Paragraph) -> str:
    """A paragraph's text with its footnote markers in place."""
    return "".join(span.text if isinstance(span, Run) else _marker(span.marker) for span in paragraph.content)


class _Notes:
    """The footnote changes by the paragraph they are anchored in (a sub-paragraph's at its
    paragraph), and those of lines (the title, the formulas), which have no paragraph."""

    def __init__(self, diff: Diff) -> None:
        self.at: dict[tuple[str, str, int], list[FootnoteChange]] = {}
        self.in_lines: list[FootnoteChange] = []
        for note in diff.footnotes_changed:
            if note.place is None:
                self.in_lines.append(note)
            else:
                self.at.setdefault((note.place.part, note.place.text, note.place.index), []).append(note)

    def of(self, change: ParagraphChange) -> list[FootnoteChange]:
        """The footnotes that changed in a paragraph, as anchored in the new text, then dropped from the old."""
        new = self.at.get((change.part, "new", change.new_index), []) if change.new_index is not None else []
        old = self.at.get((change.part, "old", change.old_index), []) if change.old_index is not None else []
        return [*new, *(note for note in old if note not in new)]


def _after(text: str, at: int) -> str:
    """The words just before a place in a text: two at least, and as many as it takes to be found
    there once ("paragraph 14,", not "14,")."""
    words = re.findall(r"\S+", text[:at])
    spaced = " ".join(text.split())
    for k in range(len(words) - 2, -1, -1):
        if _occurrences(phrase := " ".join(words[k:]), spaced) == 1:
            return phrase
    return " ".join(words)


def _anchored(note: FootnoteChange, paragraphs: list[tuple[str, Paragraph]]) -> str:
    """Where an added footnote's marker goes: "In operative paragraph 4, after “…”," or "At the
    beginning of …", from the (name, paragraph) pairs it may be anchored in (one at least)."""
    marker = note.new.marker if note.new else ""
    for name, paragraph in paragraphs:
        at = 0
        for span in paragraph.content:
            if isinstance(span, FootnoteRef) and span.marker == marker:
                if not paragraph.text[:at].strip():
                    return f"At the beginning of {name},"
                return f"In {name}, after {_quote(_after(paragraph.text, at))},"
            if isinstance(span, Run):
                at += len(span.text)
    return f"In {paragraphs[0][0]},"


def _footnote(note: FootnoteChange, where: str, paragraphs: list[tuple[str, Paragraph]]) -> str | None:
    """One footnote's amendment: its words changed, the footnote added (after the words its marker
    follows) or deleted; `where` names the paragraph or line it is in."""
    if note.status == "modified" and note.old is not None:
        own = edits(note.ops)
        return f"In footnote {note.old.marker}, {_join(own)}." if own else None
    if note.status == "deleted" and note.old is not None:
        return f"In {where}, delete footnote {note.old.marker}."
    if note.status == "inserted" and note.new is not None:
        return f"{_anchored(note, paragraphs)} insert a footnote reading: {_quote(note.new.text)}"
    return None


def _named_walk(name: str, paragraph: Paragraph) -> list[tuple[str, Paragraph]]:
    """A paragraph of the new text and its sub-paragraphs, at every level, each by its name there:
    "operative paragraph 8", "operative paragraph 8 (d)", "operative paragraph 8 (d) (v)", "the
    first indent of operative paragraph 12 (a)"."""
    out = [(name, paragraph)]
    for k, sub in enumerate(paragraph.subparagraphs):
        named = f"the {ordinal_words(k + 1)} indent of {name}" if _is_indent(sub.label) else f"{name} {sub.label or ''}"
        out += _named_walk(named.strip(), sub)
    return out


def _paragraph_footnotes(change: ParagraphChange, notes: _Notes, text: Resolution) -> list[str]:
    """The amendments to the footnotes of a paragraph kept (not deleted or inserted whole)."""
    name = _name(change, text)
    paragraphs = _named_walk(name, change.new) if change.new else []
    changed = notes.of(change)
    out = [_footnote(note, name, paragraphs) for note in changed if note.status != "deleted"]
    if dropped := [note.old.marker for note in changed if note.status == "deleted" and note.old]:
        out.append(f"In {name}, delete footnote{'s' if len(dropped) > 1 else ''} {_join(dropped)}.")
    return [_sentence(line) for line in out if line]


TITLE, ENACTING, TRANSITION = "the title", "the enacting formula", "the formula before the operative part"
# The header fields that are lines of the text adopted, by their names in an amendment; the others
# (symbol, session, date, sponsors, closing) record the document and its adoption (see above).
TEXT_FIELDS = {"title": TITLE, "enacting_formula": ENACTING, "transition_formula": TRANSITION}
_INSERTED = {  # where a line the old text lacks goes, and what it is
    TITLE: ("", "a title"),
    ENACTING: ("Before the preamble, ", "an enacting formula"),
    TRANSITION: ("Before the operative part, ", "a formula"),
}


def _lines(res: Resolution) -> list[tuple[str, Line]]:
    """The lines of the resolution's text that footnotes may be anchored in, by name: the title
    and the formulas (the masthead above is no part of the text a delegation amends)."""
    formulas = ((ENACTING, res.enacting), (TRANSITION, res.transition))
    return [*((TITLE, line) for line in res.title), *((name, line) for name, line in formulas if line is not None)]


def _line_footnotes(diff: Diff, notes: _Notes, names: tuple[str, ...]) -> list[str]:
    """The amendments to the footnotes of the lines named (the title, the formulas)."""
    out = []
    for note in notes.in_lines:
        res, footnote = (diff.old, note.old) if note.status == "deleted" else (diff.new, note.new)
        holding = [
            (name, Paragraph(role="preambular", content=line.content))
            for name, line in _lines(res)
            if footnote and any(isinstance(s, FootnoteRef) and s.marker == footnote.marker for s in line.content)
        ]
        if holding and holding[0][0] in names:
            out.append(_footnote(note, holding[0][0], holding))
    return [_sentence(line) for line in out if line]


def _header(diff: Diff, fields: tuple[str, ...]) -> list[str]:
    """The amendments to the title and the formulas among `fields`: "In the enacting formula,
    replace “Fiftieth session,” with “Fifty-Second Annual Session”.", "Delete the title.",
    "Before the operative part, insert a formula reading: “…”"."""
    out = []
    for h in diff.header:
        if h.field not in fields or (name := TEXT_FIELDS.get(h.field)) is None:
            continue
        if h.status == "modified" and (own := edits(h.ops)):
            out.append(f"In {name}, {_join(own)}.")
        elif h.status == "deleted":
            out.append(f"Delete {name}.")
        elif h.status == "inserted" and h.new is not None:
            where, kind = _INSERTED[name]
            out.append(f"{where}insert {kind} reading: {_quote(h.new)}")
    return [_sentence(line) for line in out]


def render_amendments(diff: Diff) -> str:
    """Numbered amendments, one a line, turning the old text into the new: the title's and the
    enacting formula's, the preamble's, the formula's before the operative part, the operative part's."""
    notes = _Notes(diff)
    text = diff.old  # the text being amended, which paragraphs are named in
    lines: list[str] = [*_header(diff, ("title", "enacting_formula")), *_line_footnotes(diff, notes, (TITLE, ENACTING))]
    for part, part_name in (("preamble", "preamble"), ("operative", "operative part")):
        if part == "operative":
            lines += [*_header(diff, ("transition_formula",)), *_line_footnotes(diff, notes, (TRANSITION,))]
        previous_old: ParagraphChange | None = None
        inserted: list[ParagraphChange] = []  # new paragraphs, one after another, not yet tabled
        deleted: list[ParagraphChange] = []  # the same for deletions
        for change in diff.part(part):
            if change.status == "inserted":
                inserted.append(change)
                continue
            if change.moved:
                lines.append(_move(change, previous_old, part_name, text))
            if inserted:
                lines.append(_insertion(inserted, previous_old, part_name, notes, text))
                inserted = []
            if change.status == "deleted":
                deleted.append(change)
            else:
                if deleted:
                    lines.append(_deletion(deleted, text))
                    deleted = []
                if change.noted:
                    lines += _paragraph(change, text)
                lines += _paragraph_footnotes(change, notes, text)
            if change.old is not None:  # moved too: amendments apply in turn, so the next follows it
                previous_old = change
        if inserted:
            lines.append(_insertion(inserted, previous_old, part_name, notes, text))
        if deleted:
            lines.append(_deletion(deleted, text))
    if not lines:
        if diff.is_empty:
            return "No amendments: the texts are the same.\n"
        # (what changed is no amendment: a header line but the title, formatting, characters that print alike)
        return "No amendments: the words of the title, the formulas, the paragraphs and the footnotes are the same.\n"
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1)) + "\n"
