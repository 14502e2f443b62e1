"""Session numbers and dates in words and figures, in every form the bodies' house styles use."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from num2words import num2words


@lru_cache(maxsize=512)
def ordinal_words(n: int) -> str:
    """52 -> 'fifty-second' (lower case, hyphenated as in English usage)."""
    return str(num2words(n, to="ordinal", lang="en")).replace(" and ", " ").replace(",", "")


@lru_cache(maxsize=512)
def ordinal_figure(n: int) -> str:
    """52 -> '52nd'."""
    return str(num2words(n, to="ordinal_num", lang="en"))


@lru_cache(maxsize=512)
def cardinal_words(n: int) -> str:
    """52 -> 'fifty-two'."""
    return str(num2words(n, lang="en")).replace(" and ", " ").replace(",", "")


def long_date(d: dt.date) -> str:
    """'10 November 2009' (UN style; `| upper` gives AALCO's '12 SEPTEMBER 2013')."""
    return f"{d.day} {d:%B} {d.year}"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def printed_date(value: object) -> object:
    """A date as documents print it ("12 September 2013"), given as a date or in ISO form (as
    drafts and JSON keep it); any other value as it is (a placeholder, "[TBD: date of …]")."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:  # (no day of the calendar, 2013-02-30: shown as written)
            return value
    return long_date(value) if isinstance(value, dt.date) else value


def day_of_date(d: dt.date) -> str:
    """'14^th^ day of September, 2006' (the AIPA closing formula, with a superscript suffix)."""
    figure = ordinal_figure(d.day)
    return f"{d.day}^{figure[len(str(d.day)) :]}^ day of {d:%B}, {d.year}"


def us_date(d: dt.date) -> str:
    """'September 14, 2006'."""
    return f"{d:%B} {d.day}, {d.year}"


@cache
def _ordinal_numbers() -> dict[str, int]:
    """'fifty first' -> 51 (hyphens and spaces alike), for every session a body has held."""
    return {" ".join(re.split(r"[-\s]+", ordinal_words(n))): n for n in range(1, 201)}


@cache
def ordinal_pattern() -> str:
    """A regular expression for an ordinal in figures or words ("53rd", "53^rd^" in clause markup,
    "fifty-third"), to match ignoring case."""
    figure = r"\d{1,3}\s?\^?(?:st|nd|rd|th)\^?"
    ordinals = sorted(_ordinal_numbers(), key=len, reverse=True)
    alternatives = "|".join(r"(?:-\s?|\s)".join(re.escape(part) for part in o.split(" ")) for o in ordinals)
    return rf"\b(?:{figure}|{alternatives})(?!\w)"


def session_number(ordinal: str) -> int | None:
    """The number an ordinal names: '53rd', '53^rd^' and 'Fifty-Third' are 53; None for no ordinal of a session."""
    m = re.match(r"\d+", ordinal)
    if m:
        return int(m.group(0))
    return ordinal_number(ordinal)


def ordinal_number(words: str) -> int | None:
    """The number an ordinal in words names, its parts joined by hyphens or spaces alike:
    'Fifty-Second' and 'fifty second' are 52; None for any other words (figures too)."""
    return _ordinal_numbers().get(" ".join(re.split(r"[-\s]+", words.lower())))


def ordinal_form(ordinal: str) -> str:
    """Which of a session's forms an ordinal is written in: 'ordinal_sup' ("53^rd^"),
    'ordinal_figure' ("53rd"), 'ordinal' ("fifty-third"), 'ordinal_title' ("Fifty-Third") or
    'ordinal_sentence' ("Fifty-third"): the attribute of `session` that writes it so in Jinja."""
    if ordinal[:1].isdigit():
        return "ordinal_sup" if "^" in ordinal else "ordinal_figure"
    if ordinal.islower():
        return "ordinal"
    if all(part[:1].isupper() for part in re.split(r"[-\s]+", ordinal)):
        return "ordinal_title"
    return "ordinal_sentence"


LATER = 3  # the furthest session on that an import writes as Jinja: a report asked for every second or third session


def relation(offset: int) -> str:
    """How Jinja names the session `offset` sessions after the draft's: 'session.previous' (-1),
    'session' (0), 'session.next', 'session.next.next' (the session after next) …"""
    return "session.previous" if offset == -1 else "session" + ".next" * offset


RELATIONS = {k: relation(k) for k in range(-1, LATER + 1)}  # the sessions an import writes as Jinja, by their distance
