"""Changes no reader can see: a space become a no-break space, a hyphen a non-breaking one, a soft
hyphen or a zero-width space added or dropped. The diff keeps them (a redline's Accept All must
give the new text exactly), and each output that a person reads says which characters they are,
where the marks alone would show nothing: "UN[-<space>-]{+<no-break space>+}Convention"."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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
    out: list[int] = []
    run: list[int] = []
    for k, (op, _) in enumerate([*ops, ("equal", "")]):
        if op != "equal":
            run.append(k)
            continue
        if run and _prints_alike(ops, run):
            out += run
        run = []
    return frozenset(out)


def only_unseen(ops: Sequence[Op]) -> bool:
    """Whether some ops change something, and nothing a reader can see."""
    for op, text in ops:
        if op != "equal" and not LOOKALIKE.issuperset(text):
            return False  # (an edit holding a word: most paragraphs that changed, told at the first)
    places = unseen(ops)
    return bool(places) and all(k in places for k, (op, _) in enumerate(ops) if op != "equal")


def _prints_alike(ops: Sequence[Op], run: list[int]) -> bool:
    if not all(ops[k][1] and LOOKALIKE.issuperset(ops[k][1]) for k in run):
        return False  # (a run of plain spaces and hyphens alone prints otherwise if it changed at all)
    deleted = "".join(ops[k][1] for k in run if ops[k][0] == "delete")
    inserted = "".join(ops[k][1] for k in run if ops[k][0] == "insert")
    return prints_alike(deleted, inserted)


def note(ops: Sequence[Op]) -> str:
    """What the unseen changes of some ops are, as a comment says it: 'space → no-break space'
    ('' where there are none)."""
    places = unseen(ops)
    notes: list[str] = []
    deleted = inserted = ""
    for k, (op, text) in enumerate([*ops, ("equal", "")]):
        if k in places:
            deleted, inserted = (deleted + text, inserted) if op == "delete" else (deleted, inserted + text)
        elif deleted or inserted:
            notes.append(f"{_names(deleted) or 'nothing'} → {_names(inserted) or 'nothing'}")
            deleted = inserted = ""
    return "; ".join(dict.fromkeys(notes))


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
