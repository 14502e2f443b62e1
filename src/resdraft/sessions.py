"""Session numbers and dates in words and figures, in every form the bodies' house styles use."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

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


def day_of_date(d: dt.date) -> str:
    """'14^th^ day of September, 2006' (the AIPA closing formula, with a superscript suffix)."""
    figure = ordinal_figure(d.day)
    return f"{d.day}^{figure[len(str(d.day)) :]}^ day of {d:%B}, {d.year}"


def us_date(d: dt.date) -> str:
    """'September 14, 2006'."""
    return f"{d:%B} {d.day}, {d.year}"
