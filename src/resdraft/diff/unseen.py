"""Changes no reader can see: a space become a no-break space, a hyphen a non-breaking one, a soft
hyphen or a zero-width space added or dropped. The diff keeps them (a redline's Accept All must
give the new text exactly), and each output that a person reads says which characters they are,
where the marks alone would show nothing: "UN[-<space>-]{+<no-break space>+}Convention"."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from resdraft.diff.words import Op

# What each character looks like in print: a space, a hyphen, or nothing at all.
_SPACES = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_HYPHENS = "-\u2010\u2011"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LOOKS = str.maketrans({**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(_INVISIBLE)})
LOOKALIKE = frozenset(_SPACES + _HYPHENS + _INVISIBLE)  # the characters such a change is made of
_NAMES = {" ": "space", "\t": "tab", "-": "hyphen"}


def character_name(char: str) -> str:
    """A character as a reader calls it: 'space', 'no-break space', 'non-breaking hyphen'."""
    return _NAMES.get(char) or unicodedata.name(char, f"U+{ord(char):04X}").lower()


def named(text: str) -> str:
    """Each character of an unseen change by its name in angle brackets: '<no-break space>'."""
    return "".join(f"<{character_name(char)}>" for char in text)


def prints_alike(old: str, new: str) -> bool:
    """Whether two texts differ only in characters no reader can tell apart."""
    return old != new and old.translate(_LOOKS) == new.translate(_LOOKS)


def unseen(ops: Sequence[Op]) -> frozenset[int]:
    """The places in `ops` of the insertions and deletions that no reader can see: each run of
    them (the edits between two unchanged stretches) made only of spaces, hyphens and invisible
    characters, whose old and new texts print alike. Empty for most diffs, found at little cost:
    an edit holding a word is none."""
    for op, text in ops:
        if op != "equal" and LOOKALIKE.issuperset(text):  # (stops at the first other character)
            break
    else:  # (no edit made only of such characters: most diffs)
        return frozenset()
    return frozenset(k for run in _runs(ops) if _alike_sides(ops, run) for k in run)


def only_unseen(ops: Sequence[Op]) -> bool:
    """Whether some ops change something, and nothing a reader can see."""
    found = False
    for run in _runs(ops):
        if _alike_sides(ops, run) is None:
            return False  # (an edit holding a word: most paragraphs that changed, told at the first)
        found = True
    return found


def note(ops: Sequence[Op]) -> str:
    """What the unseen changes of some ops are, as a comment says it: 'space → no-break space'
    ('' where there are none)."""
    notes = [
        f"{_names(sides[0]) or 'nothing'} → {_names(sides[1]) or 'nothing'}"
        for run in _runs(ops)
        if (sides := _alike_sides(ops, run)) is not None
    ]
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


def _alike_sides(ops: Sequence[Op], run: list[int]) -> tuple[str, str] | None:
    """A run's deleted and inserted text where they print alike; None where a reader sees the change."""
    if not all(ops[k][1] and LOOKALIKE.issuperset(ops[k][1]) for k in run):
        return None  # (the commonest answer, told at a run's first edit holding a word)
    deleted = "".join(ops[k][1] for k in run if ops[k][0] == "delete")
    inserted = "".join(ops[k][1] for k in run if ops[k][0] == "insert")
    return (deleted, inserted) if prints_alike(deleted, inserted) else None


def _names(text: str) -> str:
    return " ".join(character_name(char) for char in text)


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
