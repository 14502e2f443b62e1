"""Dates and session numbers as resolutions write them out, for every importer: "10 November
2009", "September 14, 2006", "14th day of September, 2006"; "fifty-second" for 52."""

from __future__ import annotations

import datetime as dt
import re

from resdraft.model import Placeholder

# Spelt out rather than taken from strftime, which follows the locale.
# fmt: off
MONTHS = ("january", "february", "march", "april", "may", "june",
          "july", "august", "september", "october", "november", "december")
# fmt: on
MONTH = "(?:" + "|".join(MONTHS) + ")"  # a month's name, in a pattern compiled to ignore case
_WRITTEN_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?({MONTH}),?\s+(\d{{4}})\b|\b({MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I
)


def parse_date(text: str) -> dt.date | None:
    """The first date written out in full in a text: '10 November 2009', '12 SEPTEMBER 2013',
    'September 14, 2006', '14th day of September, 2006'; None where there is none (or it is no day),
    or only in a placeholder's hint."""
    # (a placeholder's hint, "[TBD: date of the 53rd-session document (was 12 September 2013)]", is none)
    for m in _WRITTEN_DATE.finditer(Placeholder.PRINTED.sub(" ", text) if "[TBD: " in text else text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))
        except ValueError:
            continue
    return None
