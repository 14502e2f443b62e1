"""A body's names in running text: where a name stands, and whether it names the body of a past
session ("the AIPO 23rd General Assembly Resolution", an act of AIPO's) or the body as it is."""

from __future__ import annotations

import re
from functools import cache

from resdraft.sessions import ordinal_pattern, session_number

NEAR = 3  # words on each side of a name where an ordinal of a past session makes it a historical reference


@cache
def name_pattern(name: str, short: bool) -> re.Pattern[str]:
    """A body's name as whole words, not inside a document symbol; a short name ("AIPO") as written, a full one in any case."""
    words = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", name.strip()))
    return re.compile(rf"(?<![\w/]){words}(?![\w/])", 0 if short else re.IGNORECASE)


def ordinals_beside(text: str, start: int, end: int) -> list[int]:
    """The sessions named by ordinals within NEAR words of text[start:end] ("the AIPO 23rd General
    Assembly": 23)."""
    before = " ".join(text[:start].split()[-NEAR:])
    after = " ".join(text[end:].split()[:NEAR])
    found = (session_number(m.group(0)) for m in re.finditer(ordinal_pattern(), f"{before} | {after}", re.IGNORECASE))
    return [n for n in found if n is not None]


def names_a_past_act(text: str, start: int, end: int, until: int) -> bool:
    """Whether a name at text[start:end] stands beside an ordinal of a session up to `until` ("the AIPO
    23rd General Assembly", "the 27th AIPO General Assembly"): a reference to an act of those sessions."""
    return any(n <= until for n in ordinals_beside(text, start, end))
