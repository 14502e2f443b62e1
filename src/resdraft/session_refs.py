"""Which session ordinals in running text name the body's own session, one by one.

A text names many sessions: the body's own ("to the General Assembly at its eightieth session"),
which follow the draft's session when written as Jinja, and others that must stay as written:
another body's ("the seventy-seventh session of the World Health Assembly", "adopted by the
Commission at its seventy-eighth session"); one of a list or range of sessions that holds one
before the text's ("at its seventy-seventh and seventy-eighth sessions", "the seventieth to
seventy-eighth sessions" in a text of the 78th); and
one that dates something ("starting at its eightieth session", "the eightieth session of the
General Assembly in 2025"), which names that session on purpose; one that a resolution of that
session dates ("adopted by the General Assembly at its seventy-seventh session in its resolution
77/256 A"), which is the session that adopted it whatever session the text is for; and one that a
decision taken before set ("resolutions 71/321 and 77/203, whereby the Assembly decided to continue
the consideration … at the seventy-eighth session", "in 2023 as decided after the seventy-eighth
session"), which that decision named once and for all; and a session two or more on that a year
of its own in the same sentence dates ("at its eightieth session, after the general debate, but no
later than December 2025" in a text of the 78th), which is the session of that year for good. The
end of a range that is the text's own session ("at the sixty-fourth to seventy-eighth sessions" in
a text of the 78th) is the body's own: the next text's range ends at its session ("sixty-fourth to
seventy-ninth").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from resdraft.sessions import ordinal_pattern, session_number

# A body's name as a text writes it: capitalized words, joined by small words ("Economic and
# Social Commission for Asia and the Pacific").
_NAME = r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w’'-]*)*"
_ANCHORS = r"(?:\[\^[^\]\s]+\])*"  # footnote anchors in clause markup ("seventy-seventh[^fn3] and …")
# "… session of the World Health Assembly": the session named after the ordinal, a word or two on.
_OF_BODY = re.compile(rf"^{_ANCHORS}(?:\s+[\w^-]+){{0,2}}?\s+[Ss]essions?,?\s+of\s+(?:the\s+)?(?P<name>{_NAME})")
# "… by the Commission at its …", "… the Marine Environment Protection Committee …, at the main part of its …"
_BODY_ITS = re.compile(
    rf"\bthe\s+(?P<name>{_NAME}),?\s+(?:(?:at|on|during|in|for|until|before|by|of|from|to|since|the|main|first|second|"
    rf"resumed|part|end|beginning|work|accomplished)\s+)*its\s+$"
)
# "… and to report to the General Assembly, including on projected needs of the Peacebuilding Fund, at
# its eighty-fourth session.": set off by a comma and ending the sentence, a session in a sentence that
# reports to the body goes with the report, not with the body named last.
_ENDS_SENTENCE = re.compile(rf"^{_ANCHORS}\s+[Ss]ession\s*(?:[.;]|$)")
_TO_BODY = re.compile(rf"\bto\s+the\s+(?P<name>{_NAME})")

# A session named as the fixed start or date of something: "starting at its eightieth session",
# "as of its seventy-ninth session", "the eightieth session of the General Assembly in 2025".
_START = re.compile(r"\b(?:starting|commencing|beginning|as\s+of|as\s+from)\s+(?:(?:at|with|from|in)\s+)?(?:its|the)\s+$")
_IN_YEAR = re.compile(
    rf"^{_ANCHORS}(?:\s+[\w^-]+){{0,2}}?\s+[Ss]essions?(?:\s+of\s+(?:the\s+)?[A-Z][\w\s]*?)?,?\s+in\s+\d{{4}}\b"
)

# "… session in its resolution 77/256 A", "resolution 77/256 A of 30 December 2022, adopted at its …":
# the session a resolution (or decision) of that session names, after the ordinal or before it.
_SYMBOL_AFTER = re.compile(
    rf"^{_ANCHORS}\s+[Ss]ession,?\s+(?:(?:in|by|of|under|through)\s+)?(?:its\s+)?(?:resolutions?|decisions?)\s+(?P<n>\d+)/\d"
)
_SYMBOL_BEFORE = re.compile(r"\b(?:resolutions?|decisions?)\s+(?P<n>\d+)/\d+[^.;/]{0,80}?\b(?:at|during)\s+its\s+$")


# "… whereby the Assembly decided to continue … at the seventy-eighth session", "as decided after the
# seventy-eighth session": a session an earlier decision set, in the clause that names the decision
# (no new verb of the text's own between: "…, and decides to hold at its seventy-ninth session"), a
# few words on from "as decided" ("as decided in 2023, …, and to report … at its eightieth session": the text's own).
_DECIDED = re.compile(
    r"(?:\bas\s+(?:originally\s+)?decided\b(?P<near>[^,;]{0,60})|\b(?:whereby|in\s+which|by\s+which)\s+(?:it|the\s+"
    r"(?:General\s+)?Assembly)\s+(?:decided|requested|agreed)\b(?P<since>[^;]*))$"
)
_OWN_VERB = re.compile(r"\b(?:[Dd]ecides|[Rr]equests|[Ii]nvites|[Cc]alls|[Uu]rges|[Ee]ncourages)\b")


# The General Assembly's sessions each run from September of one year to September of the next:
# the eightieth from September 2025 (1945 + 80) to September 2026.
_SESSION_YEARS = {"United Nations General Assembly": 1945}
_YEAR = re.compile(r"(?<![\w/.\-])(?<!\d \()(?:19|20)\d\d(?![\w/])")  # (not in "A/78/2023" nor "1590 (2005)")
_SENTENCE_END = re.compile(r";|\.(?=\s+[A-Z(]|\s*$)")


def _dated_by_year(text: str, start: int, end: int, number: int | None, names: tuple[str, ...], session: int | None) -> bool:
    """Whether a session two or more on from the text's `session` is dated by a year of its own in
    the same sentence: "a high-level meeting … at its eightieth session, after the general debate,
    but no later than December 2025" (A/RES/78/228, which 79/286 keeps) is that session's, for
    good. A report asked for every second session names no year. The next session, dated by the
    year after the text's ("report … at its seventy-ninth session on the implementation of the
    Programme of Assistance in 2024", A/RES/78/107), moves on with its year in the next text
    (79/120: "eightieth", "2025"), as five more of the corpus's 78th-session texts do."""
    first = next((year for name, year in _SESSION_YEARS.items() if name in names), None)
    if first is None or number is None or session is None or number < session + 2:
        return False
    since = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    until = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return any(int(m[0]) in (first + number, first + number + 1) for m in _YEAR.finditer(text, since, until))


def _set_by_past_decision(text: str, start: int) -> bool:
    """Whether a decision taken before ("whereby the Assembly decided", "as decided") stands in the
    clause before the ordinal at `start`, which then names the session that decision set."""
    m = _DECIDED.search(text[max(0, start - 400) : start])
    return m is not None and _OWN_VERB.search(m.group("near") or m.group("since") or "") is None


def _dated_by_symbol(before: str, after: str, number: int | None) -> bool:
    """Whether a resolution or decision of the session at hand stands beside it: "its
    seventy-seventh session in its resolution 77/256 A" names the session that adopted 77/256."""
    found = (_SYMBOL_AFTER.match(after), _SYMBOL_BEFORE.search(before))
    return number is not None and any(m is not None and int(m.group("n")) == number for m in found)


# What stands between two ordinals of a list or range of sessions ("seventy-ninth and eightieth",
# "sixty-fourth to seventy-eighth", "eightieth and its eighty-first"): `_JOIN`, then "its" (or,
# before the second, "the").
_JOIN = rf"{_ANCHORS}\s*(?:,|\band\b|\bto\b|\bor\b|–)\s*(?:(?:at|of)\s+)?"
LIST_JOIN = rf"{_JOIN}(?:its\s+|the\s+)?"


@cache
def _listed_before() -> re.Pattern[str]:
    """The ordinal before one in a list or range ("seventy-seventh and …", "the seventieth to …")."""
    return re.compile(rf"(?P<ord>(?i:{ordinal_pattern()})){_JOIN}(?:its\s+)?$")


@cache
def _listed_after() -> re.Pattern[str]:
    """The ordinal after one in a list or range ("… and eightieth sessions")."""
    return re.compile(rf"^{LIST_JOIN}(?P<ord>(?i:{ordinal_pattern()}))")


@cache
def _range_before() -> re.Pattern[str]:
    """The ordinal that starts a range ending at the one after it ("the sixty-fourth to …")."""
    return re.compile(rf"(?i:{ordinal_pattern()}){_ANCHORS}\s*(?:\bto\b|–)\s*(?:(?:at|of)\s+)?(?:its\s+)?$")


def _listed(text: str, start: int, end: int, session: int | None) -> bool:
    """Whether the ordinal at text[start:end] is one of a list or range of sessions that names a
    session on purpose: one before the text's `session` ("at its seventy-seventh and seventy-eighth
    sessions" in a text of the 78th: reports it takes note of). A list of the text's session and
    those to come ("at its seventy-ninth and eightieth sessions" in a text of the 78th or the 79th)
    names each as a single ordinal does, the text's session, the next or the one after, and moves
    on with the text (A/RES/78/205 -> 79/176: "eightieth and eighty-first"); and so does the end of
    a range that is the text's own session ("the sixty-fourth to seventy-eighth sessions" in a text
    of the 78th): the range runs up to the session at hand (A/RES/78/113, 79/127; 78/102, 79/116),
    so its end follows, its start stays."""
    found = [_listed_before().search(text[max(0, start - 160) : start]), _listed_after().match(text[end : end + 160])]
    numbers = [session_number(m.group("ord")) for m in found if m is not None]
    if not numbers:
        return False
    if session is None:
        return True
    ends_range = found[1] is None and _range_before().search(text[max(0, start - 160) : start]) is not None
    if ends_range and session_number(text[start:end]) == session:
        return False
    return any(n is None or n < session for n in (*numbers, session_number(text[start:end])))


# The words that make a name a body's ("Commission", "Conference of the Parties"), not a plan's or
# a programme of action's ("the Global Plan of Action at its eightieth session": the Assembly's).
_BODY_WORDS = frozenset(
    {
        *("Assembly", "Commission", "Committee", "Council", "Organization", "Organisation", "Board", "Conference"),
        *("Parties", "Forum", "Group", "Court", "Tribunal", "Authority", "Agency", "Programme", "Fund", "Union"),
        *("Meeting", "Bureau", "Subcommittee", "Sub-Commission", "Panel", "Congress", "Body"),
    }
)


def _another_body(name: str, names: Iterable[str]) -> bool:
    """Whether a name a text gives names a body other than this one: a body's name, neither this
    body's nor one of its own ("the President of the General Assembly at its …": the Assembly's;
    "the Conference of the Parties to the Convention and the General Assembly at its …": the last
    named, the Assembly's)."""
    words = name.split()
    last = re.split(r"\s+(?:of|and)\s+(?:the\s+)?", name)[-1].split()
    return any(w in _BODY_WORDS or (w.isupper() and len(w) > 2) for w in words) and not _own(last, names)


def _own(words: list[str], names: Iterable[str]) -> bool:
    """Whether a name a text gives names the body: one of its names, or the end of one ("General
    Assembly", "Assembly" for the United Nations General Assembly; not "World Health Assembly")."""
    for own in names:
        own_words = own.split()
        if own_words[len(own_words) - len(words) :] == words:
            return True
    return False


def _reported(text: str, start: int, after: str, m: re.Match[str], names: tuple[str, ...]) -> bool:
    """Whether the session `m` ascribes to the body named before it (", at its"), the ordinal at
    `start` and `after` it, ends a sentence that reports to this body ("to report to the General
    Assembly, including on projected needs of the Peacebuilding Fund, at its eighty-fourth session.")."""
    if not m.string[m.end("name") :].startswith(",") or not _ENDS_SENTENCE.match(after):
        return False
    sentence = re.split(r"[.;:]\s", text[max(0, start - 800) : start])[-1]
    return any(_own(found.group("name").split(), names) for found in _TO_BODY.finditer(sentence))


def names_own_session(text: str, start: int, end: int, names: Iterable[str], session: int | None = None) -> bool:
    """Whether the ordinal at text[start:end], followed by the word for a session, names one of the
    body's own sessions (`names`: the body's names), by itself: not another body's session, not
    one of a list or range of sessions (but for a list of the text's `session` and those after
    it, and the text's session ending a range), not one that dates something or that a resolution of
    that session dates, not one a decision taken before set, and not one two or more sessions on
    that a year of its own dates."""
    names = tuple(names)
    after, before = text[end : end + 160], text[max(0, start - 160) : start]
    if (m := _OF_BODY.match(after)) and _another_body(m.group("name"), names):
        return False
    if (m := _BODY_ITS.search(before)) and _another_body(m.group("name"), names) and not _reported(text, start, after, m, names):
        return False
    if _START.search(before) or _IN_YEAR.match(after):
        return False
    number = session_number(text[start:end])
    if _dated_by_symbol(before, after, number) or _set_by_past_decision(text, start):
        return False
    if _dated_by_year(text, start, end, number, names, session):
        return False
    return not _listed(text, start, end, session)


@cache
def _session_ordinal() -> re.Pattern[str]:
    """An ordinal, then up to two words and the word for a session ("eightieth session", "Fifty-Third
    Annual Session", "28th General Assembly")."""
    return re.compile(rf"(?<![\w-])(?P<ord>(?i:{ordinal_pattern()}))(?:\s+[\w^]+){{0,2}}?\s+(?:[Ss]essions?|General Assembly)\b")


def own_sessions(text: str, names: Iterable[str], session: int | None = None) -> list[tuple[str, int]]:
    """The body's own sessions a text of `session` names by themselves (see `names_own_session`),
    in order: the words as written ("eightieth session"), and the session's number."""
    names = tuple(names)
    found = []
    for m in _session_ordinal().finditer(text):
        n = session_number(m.group("ord"))
        if n is not None and names_own_session(text, m.start("ord"), m.end("ord"), names, session):
            found.append((m.group(0), n))
    return found
