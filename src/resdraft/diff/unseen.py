"""Changes no reader can see: a space become a no-break space, a hyphen a non-breaking one, a soft
hyphen or a zero-width space added or dropped. The diff keeps them (a redline's Accept All must
give the new text exactly), and each output that a person reads says which characters they are,
where the marks alone would show nothing: "UN[-<space>-]{+<no-break space>+}Convention"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from resdraft.diff.words import Op, word_diff

# What each character looks like in print: a space, a hyphen, or nothing at all.
_SPACES = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_HYPHENS = "-\u2010\u2011"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LOOKS = str.maketrans({**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(_INVISIBLE)})
LOOKALIKE = frozenset(_SPACES + _HYPHENS + _INVISIBLE)  # the characters such a change is made of
# Those that print as another one does, or not at all: one is in every change no reader sees.
_UNUSUAL = re.compile("[" + re.escape("".join(sorted(LOOKALIKE - {" ", "-"}))) + "]")
_NAMES = {" ": "space", "\t": "tab", "-": "hyphen"}
JOINED, BETWEEN = 4, 4  # runs of edits taken together at most, and the unchanged characters between two (see _alike_runs)


def character_name(char: str) -> str:
    """A character as a reader calls it: 'space', 'no-break space', 'non-breaking hyphen'."""
    return _NAMES.get(char) or unicodedata.name(char, f"U+{ord(char):04X}").lower()


def named(text: str) -> str:
    """Each space, hyphen or invisible character of an unseen change by its name in angle
    brackets: '<no-break space>' (anything else it holds as it is: a soft hyphen moved past a stop)."""
    return "".join(f"<{character_name(char)}>" if char in LOOKALIKE else char for char in text)


def prints_alike(old: str, new: str) -> bool:
    """Whether two texts differ only in characters no reader can tell apart."""
    return old != new and old.translate(_LOOKS) == new.translate(_LOOKS)


def alike_note(old: str, new: str) -> str:
    """Where two texts print alike, which characters they differ in ('space → no-break space');
    '' where a reader sees a difference, or there is none."""
    return note(word_diff(old, new)) if prints_alike(old, new) else ""


def unseen(ops: Sequence[Op]) -> frozenset[int]:
    """The places in `ops` of the changes no reader can see: each run of insertions and deletions
    (the edits between two unchanged stretches) whose old and new texts print alike, or a few
    runs that do together, and the unchanged characters between them (see `_alike_runs`), which
    are named too. Empty for most diffs, found at little cost (see `_any_hidden`)."""
    return frozenset(k for run, sides in _alike_runs(ops) if sides for k in run)


def only_unseen(ops: Sequence[Op]) -> bool:
    """Whether some ops change something, and nothing a reader can see."""
    found = False
    for _, sides in _alike_runs(ops):
        if sides is None:
            return False  # (an edit holding a word: most paragraphs that changed, told at the first)
        found = True
    return found


def note(ops: Sequence[Op]) -> str:
    """What the unseen changes of some ops are, as a comment says it: 'space → no-break space',
    'soft hyphen moved' ('' where there are none)."""
    notes = []
    for _, sides in _alike_runs(ops):
        if sides:
            was, now = (_names(side) for side in sides)
            notes.append(f"{was} moved" if was == now else f"{was or 'nothing'} → {now or 'nothing'}")
    return "; ".join(dict.fromkeys(notes))


def _runs(ops: Sequence[Op]) -> Iterator[list[int]]:
    """The places of each run of edits (deletions and insertions between two unchanged stretches)."""
    run: list[int] = []
    for k, (op, _) in enumerate(ops):
        if op != "equal":
            run.append(k)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _alike_runs(ops: Sequence[Op]) -> Iterator[tuple[list[int], tuple[str, str] | None]]:
    """The places of each run of edits, and its old and new texts where they print alike (None
    where a reader sees the change). Up to `JOINED` runs in a row, apart by no more than `BETWEEN` unchanged
    characters, are taken together with the text between them where apart they would not print
    alike: of two hyphens the diff may keep the other one ("--" to "‑-\u00ad" as
    {+‑+}-[---]{+\u00ad+}, a hyphen added, then one dropped), and of a stop and a soft hyphen the
    soft hyphen ("\u00ad." to ".\u00ad" as {+.+}\u00ad[-.-]). None at all where no op may hold
    such a change (`_any_hidden`): most diffs, told at little cost."""
    if not _any_hidden(ops):
        return
    runs = list(_runs(ops))
    i = 0
    while i < len(runs):
        found = None
        unusual = False  # (a span without an unusual character prints alike only where it is the same)
        for j in range(i, min(i + JOINED, len(runs))):
            if j > i:
                between = ops[runs[j][0] - 1][1]
                if len(between) > BETWEEN:
                    break
                unusual = unusual or bool(_UNUSUAL.search(between))
            unusual = unusual or any(_UNUSUAL.search(ops[k][1]) for k in runs[j])
            if not unusual:
                continue
            span = ops[runs[i][0] : runs[j][-1] + 1]
            sides = "".join(t for op, t in span if op != "insert"), "".join(t for op, t in span if op != "delete")
            if prints_alike(*sides):
                found = j
                break
        if found is not None:
            yield list(range(runs[i][0], runs[found][-1] + 1)), sides
            i = found + 1
        else:
            yield runs[i], None
            i += 1


def _any_hidden(ops: Sequence[Op]) -> bool:
    """Whether some ops may hold a change no reader sees: an edit, or a few unchanged characters
    between two (see `_alike_runs`), holding an unusual space, hyphen or invisible character.
    Texts without one print alike only where they are the same."""
    # (A tab is the only such character in ASCII, and a string knows at once whether it is all ASCII.)
    search = _UNUSUAL.search
    return any((op != "equal" or len(text) <= BETWEEN) and ("\t" in text if text.isascii() else search(text)) for op, text in ops)


def _names(text: str) -> str:
    return " ".join(character_name(char) for char in text if char in LOOKALIKE)


def seen(ops: Sequence[Op]) -> list[Op]:
    """The ops with the changes no reader can see taken as unchanged (the new text's characters):
    what an amendment, read aloud and voted on, has to say."""
    places = unseen(ops)
    if not places:
        return list(ops)
    out: list[Op] = []
    for k, (op, text) in enumerate(ops):
        if k in places:
            if op == "delete":
                continue
            op = "equal"
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out
