"""The resolution a text recalls as the one before it on its item.

A year-over-year text recalls the text it continues: the 79th session's resolution on the
Convention on Biological Diversity opens "Recalling its resolution 78/155 of 19 December 2023",
and the 80th session's must recall 79/208 instead. A draft rolled forward keeps the old citation
word for word, so a draft whose `previous:` chain gives both texts' symbols is checked for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from resdraft.model import Draft, Paragraph, Resolution
from resdraft.sessions import long_date

_PREFIX = re.compile(r"^(?:res(?:olution)?\.?\s*(?:no\.?\s*)?|[AS]/RES/)", re.I)
_DRAFT_SYMBOL = re.compile(r"/L\.|/CRP\.", re.I)  # a committee's draft (A/C.3/64/L.13/Rev.1): no resolution's number yet
_OF_DATE = re.compile(r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")


def citable(symbol: object) -> str | None:
    """How a text cites a resolution by its symbol: "79/208" for A/RES/79/208, "1590 (2005)" for
    S/RES/1590 (2005), "26GA/2005/Soc/03" for Res. 26GA/2005/Soc/03; None for no symbol, a
    placeholder, or a committee's draft."""
    if not isinstance(symbol, str) or not symbol.strip() or _DRAFT_SYMBOL.search(symbol):
        return None
    return " ".join(_PREFIX.sub("", symbol.strip()).split()) or None


def council_heading(symbol: object) -> str | None:
    """The heading the Security Council sets over a resolution, "Resolution 1919 (2010)", from its
    symbol S/RES/1919 (2010); None for any other symbol."""
    cited = citable(symbol) if isinstance(symbol, str) and symbol.strip().upper().startswith("S/RES/") else None
    return f"Resolution {cited}" if cited else None


def _pattern(form: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(rf"(?<![\w/.\-]){words}(?![\w/])", re.I)


@dataclass(frozen=True)
class Series:
    """A draft's place in its series: the text it continues (`previous`, which it should recall)
    and the text that one continued (`before`, which it recalled)."""

    previous: str  # the previous draft's name
    symbol: str  # its symbol, as the draft gives it
    due: str  # how a text cites it ("79/208")
    adopted: dt.date | None  # the day it was adopted, when the draft says
    before: str  # the name of the draft before it
    before_symbol: str  # that one's symbol
    stale: str  # how a text cites that one ("78/155")

    @classmethod
    def of(cls, lineage: Sequence[Draft]) -> Series | None:
        """From a draft's lineage (`Library.lineage`: the drafts it continues, newest first)."""
        if len(lineage) < 2:
            return None
        previous, before = lineage[0], lineage[1]
        due, stale = citable(previous.fields.get("symbol")), citable(before.fields.get("symbol"))
        if due is None or stale is None or due.lower() == stale.lower():
            return None
        adopted = previous.fields.get("adopted")
        return cls(
            previous.name,
            str(previous.fields["symbol"]),
            due,
            adopted if isinstance(adopted, dt.date) else None,
            before.name,
            str(before.fields["symbol"]),
            stale,
        )

    def recalled(self, text: str) -> bool:
        """Whether a text cites the previous text."""
        return _pattern(self.due).search(text) is not None

    def stale_citation(self, text: str) -> str | None:
        """The words of a text that cite the text before the previous one ("78/155 of 19 December 2023"), if any."""
        m = _pattern(self.stale).search(text)
        if m is None:
            return None
        date = _OF_DATE.match(text, m.end())
        return text[m.start() : date.end() if date else m.end()]

    @property
    def due_citation(self) -> str:
        """How the previous text is cited: "79/208 of 19 December 2024" where its adoption day is known."""
        return f"{self.due} of {long_date(self.adopted)}" if self.adopted else self.due

    def stale_in(self, resolution: Resolution) -> Iterator[tuple[str, str]]:
        """(paragraph, cited words) for each paragraph of a text that cites the text before the
        previous one, when no paragraph cites the previous one: none once the citation is brought up to date."""
        paragraphs = list(_paragraphs(resolution))
        if any(self.recalled(p.text) for _, p in paragraphs):
            return
        for name, paragraph in paragraphs:
            if found := self.stale_citation(paragraph.text):
                yield name, found


def _paragraphs(resolution: Resolution) -> Iterator[tuple[str, Paragraph]]:
    """Every paragraph and sub-paragraph, named as lint names them ("preamble paragraph 1")."""

    def walk(paragraph: Paragraph, name: str) -> Iterator[tuple[str, Paragraph]]:
        yield name, paragraph
        for sub in paragraph.subparagraphs:
            yield from walk(sub, f"{name} {sub.label or ''}".rstrip())

    for part in ("preamble", "operative"):
        for k, paragraph in enumerate(getattr(resolution, part), start=1):
            yield from walk(paragraph, f"{part} paragraph {paragraph.number if paragraph.number is not None else k}")
