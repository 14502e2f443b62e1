"""The resolution a text recalls as the one before it on its item.

A year-over-year text recalls the text it continues: the 79th session's resolution on the
Convention on Biological Diversity opens "Recalling its resolution 78/155 of 19 December 2023",
and the 80th session's must recall 79/208 instead. A draft rolled forward keeps the old citation
word for word, so a draft whose `previous:` chain gives both texts' symbols is checked for it.
Where the library has the previous text but not the one before it (last year's text imported
alone), the stale citation is taken to be one shaped like the previous text's symbol, of one of the
three sessions before it ("77/248" beside A/RES/78/69): over the 170 GA pairs of the corpus, where
the 79th session's text recalls its 78th-session predecessor in a paragraph the 78th's had, that
is the first paragraph citing such a resolution in 126 of 134.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

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


def citation(form: str) -> re.Pattern[str]:
    """How a text cites a resolution cited as `form` ("78/155"), as a pattern: its words with any spacing."""
    return _whole(r"\s+".join(re.escape(word) for word in form.split()))


def _whole(words: str) -> re.Pattern[str]:
    """A citation's words (a regular expression) as a whole, not part of a longer symbol or number ("78/155", not "A/78/155" or "78/1550")."""
    return re.compile(rf"(?<![\w/.\-]){words}(?![\w/])", re.I)


EARLIER = 3  # a text may continue one this many sessions before it (an item taken up every second or third year)


def earlier(due: str, session: int) -> re.Pattern[str] | None:
    """Citations shaped like `due` (how a text cites a resolution of `session`) of the EARLIER
    sessions before it: "77/248" or "75/201" beside "78/69", "26GA/2005/Soc/03" beside
    "27GA/06/SOC/01". None where `due` does not hold the session's number once."""
    parts = re.split(r"(\d+)", " ".join(due.split()))  # words and numbers, in turn
    at = [k for k in range(1, len(parts), 2) if int(parts[k]) == session]
    if len(at) != 1:
        return None
    sessions = "|".join(str(n) for n in range(session - 1, max(session - EARLIER, 1) - 1, -1))
    if not sessions:
        return None
    pieces = [
        r"\s+".join(map(re.escape, part.split(" "))) if k % 2 == 0 else (f"(?:{sessions})" if k == at[0] else r"\d+")
        for k, part in enumerate(parts)
    ]
    return _whole("".join(pieces))


@dataclass(frozen=True)
class Series:
    """A draft's place in its series: the text it continues (`previous`, which it should recall)
    and the text that one continued (`before`, which it recalled)."""

    previous: str  # the previous draft's name
    symbol: str  # its symbol, as the draft gives it
    due: str  # how a text cites it ("79/208")
    adopted: dt.date | None  # the day it was adopted, when the draft says
    before: str | None  # the name of the draft before it; None where the library has none (`guessed`)
    before_symbol: str | None  # that one's symbol
    stale: re.Pattern[str]  # how a text cites that one ("78/155"), or any text of the sessions before (`guessed`)
    pinned: bool = False  # guessed, and `stale` narrowed to the resolution a paragraph cited (`pinned_to`)

    @classmethod
    def of(cls, lineage: Sequence[Draft], guess: bool = False) -> Series | None:
        """From a draft's lineage (`Library.lineage`: the drafts it continues, newest first). With
        `guess`, where the lineage holds no text before the previous one, or none with a symbol
        (the unga-64 draft before A/RES/78/228), the text before it is any shaped like its symbol,
        of one of the three sessions before it (`earlier`)."""
        if not lineage or (due := citable(lineage[0].fields.get("symbol"))) is None:
            return None
        previous = lineage[0]
        adopted = previous.fields.get("adopted")
        facts = (previous.name, str(previous.fields["symbol"]), due, adopted if isinstance(adopted, dt.date) else None)
        before = lineage[1] if len(lineage) > 1 else None
        stale = citable(before.fields.get("symbol")) if before is not None else None
        if before is not None and stale is not None:
            return (
                None if due.lower() == stale.lower() else cls(*facts, before.name, str(before.fields["symbol"]), citation(stale))
            )
        pattern = earlier(due, previous.session) if guess else None
        return None if pattern is None else cls(*facts, None, None, pattern)

    @property
    def guessed(self) -> bool:
        """Whether the text before the previous one is guessed from its symbol's shape (no draft of it)."""
        return self.before is None

    def stale_source(self, symbol: bool = False) -> str:
        """What a stale citation cites, in words: "a-res-78-155, the text a-res-79-208 continued"
        (with `symbol`, "a-res-78-155 (A/RES/78/155), …"), or, guessed, "a resolution of a session before a-res-78-69's"."""
        if self.before is None:
            return f"a resolution of a session before {self.previous}'s"
        named = f"{self.before} ({self.before_symbol})" if symbol else self.before
        return f"{named}, the text {self.previous} continued"

    def recalled(self, text: str) -> bool:
        """Whether a text cites the previous text."""
        return citation(self.due).search(text) is not None

    def stale_citation(self, text: str) -> str | None:
        """The words of a text that cite the text before the previous one ("78/155 of 19 December 2023"),
        if any; guessed, the last such citation, since a list of an item's resolutions runs oldest
        first ("… 75/142 of 15 December 2020, 76/118 of 9 December 2021 and 77/111 of 7 December 2022")."""
        found = list(self.stale.finditer(text))
        if self.guessed:  # a resolution before a decision of the item ("77/90 …, and its decisions … 76/518"),
            found = [m for m in found if not _a_decision(text, m.start())] or found  # but a decision where no other
        if not found:
            return None
        m = found[-1]
        date = _OF_DATE.match(text, m.end())
        return text[m.start() : date.end() if date else m.end()]

    @property
    def due_citation(self) -> str:
        """How the previous text is cited: "79/208 of 19 December 2024" where its adoption day is known."""
        return f"{self.due} of {long_date(self.adopted)}" if self.adopted else self.due

    def stale_in(self, resolution: Resolution) -> Iterator[tuple[str, str]]:
        """(paragraph, cited words) for each paragraph of a text that cites the text before the
        previous one, when no paragraph cites the previous one: none once the citation is brought up to date."""
        paragraphs = list(named_paragraphs(resolution))
        if any(self.recalled(p.text) for _, p in paragraphs):
            return
        series = self
        for name, paragraph in paragraphs:
            if found := series.stale_citation(paragraph.text):
                yield name, found
                series = series.pinned_to(found)

    def pinned_to(self, found: str) -> Series:
        """Guessed, the series whose text before the previous one is the resolution the first
        paragraph citing the sessions before cites (`found`, as `stale_citation` gives it): the
        paragraphs after it that cite it again ("most recently in resolution 77/248", "paragraph 5
        of resolution 77/248") are stale too, and other items' texts, of other numbers, are not.
        Over the 133 GA pairs whose 79th-session text recalls the 78th's in paragraphs the 78th's
        had, the guess then names every such paragraph in 120 (the first alone: 100), and 21
        paragraphs besides (6). (benchmarks/recalls_corpus.py)"""
        if not self.guessed or self.pinned:
            return self
        return replace(self, stale=citation(_OF_DATE.split(found)[0]), pinned=True)


_KIND = re.compile(r"\b(resolutions?|decisions?)\b", re.I)


def _a_decision(text: str, at: int) -> bool:
    """Whether the number cited at `at` is a decision's: "decision" or "decisions" is the last of
    the two words before it ("its resolution 77/90 …, and its decisions 74/511 … and 76/518")."""
    kinds = _KIND.findall(text, 0, at)
    return bool(kinds) and kinds[-1].lower().startswith("decision")


def named_paragraphs(resolution: Resolution) -> Iterator[tuple[str, Paragraph]]:
    """Every paragraph and sub-paragraph, named as lint names them ("preamble paragraph 1")."""

    def walk(paragraph: Paragraph, name: str) -> Iterator[tuple[str, Paragraph]]:
        yield name, paragraph
        for sub in paragraph.subparagraphs:
            yield from walk(sub, f"{name} {sub.label or ''}".rstrip())

    for part in ("preamble", "operative"):
        for k, paragraph in enumerate(getattr(resolution, part), start=1):
            yield from walk(paragraph, f"{part} paragraph {paragraph.number if paragraph.number is not None else k}")
