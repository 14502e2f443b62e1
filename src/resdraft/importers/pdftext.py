"""Text extracted from the UN's PDFs (General Assembly, Security Council) read back into the document model.

This is what a user gets when copying from a UN PDF, or what a PDF library extracts: a masthead
with job numbers and a bar code, running page headers and footers in mid-sentence, footnote
blocks under a "____" rule at each page foot, footnote markers glued to words ("Court1"), wrapped
lines, and paragraphs split by page breaks. The text is read in a few linear passes: lines are
classified, page furniture is dropped and page breaks noted, footnotes are taken out and their
markers put back, paragraphs are rebuilt, and then read with the text importer's grammar of
labels, levels and opening phrases. `parse_pdf` extracts the text of a PDF file first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resdraft.errors import LibraryError, Problem, Where
from resdraft.importers.dates import MONTHS, parse_date
from resdraft.importers.labels import RESOLUTION_NUMBER, Label, Levels, split_label
from resdraft.importers.openings import infer_opening, is_preambular, marked_opening
from resdraft.importers.outline import (
    Node,
    frozen,
    heading_title,
    lists_under,
    numbering_of,
    split_parts,
    with_inference,
)
from resdraft.importers.text import (
    ADOPTION,
    ADOPTION_LINE,
    DATE_LINE,
    HEADER_ROLES,
    ORGANIZATION_LINE,
    PLENARY,
    SYMBOL_SESSION,
    agenda_items,
    contradicted,
    is_transition,
    join_content,
    placeholder_role,
    plenary_lines,
    sponsors_of,
    text_session,
    tidy,
)
from resdraft.model import NOT_TEXT, Content, Footnote, FootnoteRef, Line, Placeholder, Resolution, Run, Span, plain
from resdraft.numbering import ACTION, SECTION, section_heading
from resdraft.sessions import ordinal_number

# ================================================================ vocabulary

BODIES = ("unga", "unsc")
PDF_HINT = "pip install 'resdraft[pdf]'"

# Limits that keep a huge or hostile input quick to refuse; each is far above any real resolution.
MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_HEAD_CHARS = 100_000  # how far into the text the enacting formula (or the numbered title) must be
MAX_HEAD_LINES = 150  # masthead lines read above the enacting formula
MAX_BODY_LINES = 60_000  # the longest resolution in the corpus, annexes included, has about 4,000
MAX_LINE_CHARS = 20_000  # press-release text puts a whole paragraph on a line; PDF lines are ~100
MAX_PAGE_NOTES = 200
MAX_PARAGRAPHS = 5_000  # paragraphs and sub-paragraphs; the longest resolution in the corpus has about 700
MAX_PARAGRAPH_CHARS = 100_000
MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 1_000

# The enacting formula names the body; press releases quote the text (“The Security Council,).
ENACTING = re.compile(r"^[ \t]*[“\"]?The (General Assembly|Security Council)[ \t]*[,:]?[ \t]*$", re.M)
ENACTING_BODY = {"General Assembly": "unga", "Security Council": "unsc"}
# "78/6. Report of the International Criminal Court": the resolution's number and title.
TITLE_NUMBER = re.compile(rf"({RESOLUTION_NUMBER})\.[ \t]+(\S.*)")
_TITLE_LINE = re.compile(rf"^[ \t]*{RESOLUTION_NUMBER}\.[ \t]+\S", re.M)
# Document symbols: A/RES/78/6, A/78/L.6, A/C.3/78/L.5/Rev.1, A/RES/ES-11/1; S/RES/1663 (2006).
GA_SYMBOL = re.compile(r"A/(?:RES/)?(?:C\.\d/|ES-\d{1,2}/)?\d{1,3}/[A-Za-z0-9.]{1,12}(?:/[A-Za-z0-9.]{1,12}){0,3}(?: [A-Z])?")
SC_SYMBOL = re.compile(r"S/RES/\d{1,5} ?\(\d{3,4}\)")
SC_NUMBER = re.compile(r"\b[Rr]esolution[ \t]+(\d{1,5}) ?\((\d{3,4})\)")
# Page furniture: "23-21327 (E)    091123", "*2321327*", "23-21327", "2/5".
JOB = re.compile(r"\d{2}-\d{5}\*?[ \t]*\([A-Z]\)(?:[ \t]+\d{6})?")  # "23-24915* (E)": reissued
BARCODE = re.compile(r"\*\d{7,9}\*")
JOB_NUMBER = re.compile(r"\d{2}-\d{5}")
PAGE_NUMBER = re.compile(r"(\d{1,3})/(\d{1,3})")
_TOKENS = re.compile(r"(?<![\w/])(?:\d{1,3}/\d{1,3}|\d{2}-\d{5})(?![\w/])")
BARE_NUMBER = re.compile(r"\d{1,3}")
RULE = re.compile(r"_{5,}")
SEPARATOR = re.compile(r"\*(?: ?\*){2,}")  # "* * *", centred between paragraphs (78/148, 78/149): no paragraph's text
# A footnote at a page foot: "1 United Nations, Treaty Series…", "10  A/76/120.", "* Reissued…".
NOTE_START = re.compile(r"(\d{1,3}|[*†‡§])[ \t]+(\S.*)")
NOTE_START_LAYOUT = re.compile(r"(\d{1,3}|[*†‡§])[ \t]{2,}(\S.*)")  # without a rule: two spaces after the marker
# ... or one after a marker of two or three digits, its text in line with a one-digit marker's ("  8  See …" over "  10 For …")
NOTE_START_ALIGNED = re.compile(r"(\d{2,3}) (\S.*)")
# ... or glued to its text, where a marker wider than the note's hanging indent pushed the text
# against it ("11See http://…", a footnote style set large): taken only as the next number expected.
NOTE_START_GLUED = re.compile(r"(\d{1,3})(?=[A-Z“(]|www\.|http)(.+)")
# Labels: "1." or "(a)" alone on a line, or opening one; "26.Decides" lacks the space.
LABEL_ALONE = re.compile(r"(?:\d{1,3}\.|\((?:[a-zA-Z]{1,6}|\d{1,3})\))")
LABEL_START = re.compile(r"(?:\d{1,3}\.|\((?:[a-zA-Z]{1,6}|\d{1,3})\))(?:[ \t]|$)")
GLUED_LABEL = re.compile(r"(\d{1,3}\.)(?=[A-Z“])")
BULLET = re.compile(r"(?:--|[-–—•▪●◦·])[ \t]+(?=\S)")
# The Pact for the Future's "Action 1. We will …", printed right under a paragraph: a heading starts there.
ACTION_START = re.compile(rf"{ACTION.pattern} (?=[A-Z])")
# The GA's closing formula, "25th plenary meeting" (PLENARY) and the date under it, on a line of its own under the last paragraph.
CLOSING_LINE = re.compile(PLENARY.pattern + r"\s*$", re.I)
# ... read as those two lines, without what a page break may have run on to them (an annex's heading).
CLOSING = re.compile(rf"{PLENARY.pattern}(?: \d{{1,2}} [A-Z][a-z]+ ?\d{{4}}\b)?", re.I)
# Masthead lines read as a whole block. A masthead cell that states the adoption starts with it
# (ADOPTION_LINE); "… decisions adopted by the General Assembly at its tenth special session" is
# an agenda title running on.
REPORT = re.compile(r"\[.{1,300}\]")
SPONSORS = re.compile(r".{1,5000}: (?:revised )?draft (?:resolution|decision)")
FULL_TEXT = re.compile(r"The full text of resolution\b.{0,60}\breads as follows:?", re.I)
SC_ROLES: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    ("adoption", ADOPTION_LINE),
    ("organization", ORGANIZATION_LINE),
    ("organ", re.compile(r"^Security Council$")),
    ("symbol", re.compile(rf"^{SC_SYMBOL.pattern}$")),
    ("distribution", re.compile(r"^Distr\.: ")),
    ("date", DATE_LINE),
)
GA_ROLES: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    ("adoption", ADOPTION_LINE),
    ("organization", ORGANIZATION_LINE),
    *HEADER_ROLES["unga"],
)
CONTINUED_ROLES = frozenset({"agenda-title", "adoption", "report", "sponsors", "introduction"})
# The PDFs set opening phrases in italic; extraction loses it, so the house style is put back.
HOUSE_EMPHASIS = {"preambular": "italic", "operative": "italic", "subparagraph": "none"}
# Words a number follows as a reference, not as a footnote marker: "Goal 14", "paragraph 3".
_NUMBERED = """goal target targets paragraph paragraphs para paras article articles resolution resolutions decision
    decisions annex annexes rule rules section sections chapter chapters principle principles item items page
    pages part parts no nos vol vols volume step phase level category table figure recommendation
    recommendations option options and or to of from between than about over under some the all each every at
    least most first last number per cent which whom whose including these those nearly almost around only
    approximately"""
NUMBERED_WORDS = frozenset(_NUMBERED.split())

_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"  # private-use marks for a footnote marker inside text
_NOTE_MARK = re.compile(f"{_NOTE_OPEN}([^{_NOTE_CLOSE}]{{1,4}}){_NOTE_CLOSE}")
_PRIVATE = re.compile(f"[{_NOTE_OPEN}{_NOTE_CLOSE}]")
_SPACES = re.compile(r"[ \t]+")
_CELLS = re.compile(r"[ \t]{3,}")  # layout-preserving text sets masthead columns apart with runs of spaces
# Non-breaking hyphen, no-break space, figure space, narrow no-break space: as a hyphen and a space.
NON_BREAKING = str.maketrans({"\u2011": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " "})
_CONTROL = re.compile(NOT_TEXT.pattern.replace("\x0c", ""))  # characters no text holds, but the form feed that parts pages
# What a suspended hyphen stands before: "confidence- and security-building", "medium- to long-term";
# not a compound's next part ("peer-" "to-peer", "business-" "as-usual").
_SUSPENDED = re.compile(r"(?:and|or|nor|to|as|but)\b(?!-)")
# A space after a word's hyphen, where the PDF broke the word at it and its text kept the break as a
# space ("non- governmental", "UN- Oceans", "COVID-19- related": 34 in the corpus's 659 texts); not
# where the hyphen is suspended.
_BROKEN_HYPHEN = re.compile(rf"(?<=\w-) (?!{_SUSPENDED.pattern})(?=\w)")


def _problem(source: Path | None, message: str, hint: str) -> LibraryError:
    """A user error about the text being read."""
    return LibraryError(Problem(Where(source) if source else None, message, hint))


def _key(text: str) -> str:
    """Text compared without white space or case: running titles wrap where the title does not."""
    return "".join(text.split()).casefold()


# ================================================================ lines


@dataclass(frozen=True)
class _Line:
    """One line: its text without surrounding white space (inner runs collapsed), its indentation, and its spacing as printed."""

    text: str
    indent: int
    spaced: str = ""  # the text with its inner runs of spaces: layout text sets a footnote's marker apart with them

    @property
    def blank(self) -> bool:
        return not self.text


_FF = _Line("\f", 0)  # an explicit page break (pdftotext and parse_pdf put form feeds between pages)


def _line(raw: str) -> _Line:
    """A raw line, measured and trimmed."""
    if raw == "\f":
        return _FF
    raw = raw.expandtabs(4).rstrip()
    body = raw.lstrip(" ")
    text = _SPACES.sub(" ", body) if "  " in body else body  # (tabs are expanded)
    return _Line(text, len(raw) - len(body), body if len(body) != len(text) else "")


# ================================================================ the masthead


@dataclass
class _Masthead:
    """What the lines above the enacting formula say."""

    header: list[Line] = field(default_factory=list)
    title: str = ""
    number: str = ""  # "78/6"
    symbol: str = ""

    def role(self, role: str) -> str | None:
        return next((line.text for line in self.header if line.role == role), None)


def _cells(raw: str) -> list[str]:
    """A masthead line split into its columns, without job numbers and bar codes."""
    return [c for c in (_SPACES.sub(" ", c.strip()) for c in _CELLS.split(raw.expandtabs(4))) if c]


def _masthead_blocks(lines: Sequence[str]) -> list[list[str]]:
    """The masthead's blocks (lines between blank lines), as cells, without page furniture."""
    blocks: list[list[str]] = [[]]
    for raw in lines:
        stripped = _SPACES.sub(" ", raw.strip())
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        if JOB.fullmatch(stripped) or BARCODE.fullmatch(stripped):
            continue
        cells = [c for c in _cells(raw) if not (JOB.fullmatch(c) or BARCODE.fullmatch(c) or re.fullmatch(r"\d{6}", c))]
        blocks[-1].extend(cells)
    out: list[list[str]] = []
    for block in (b for b in blocks if b):
        opened = out and (text := " ".join(out[-1])).rfind("[") > text.rfind("]")
        if opened:  # "[on the report of the … Committee" / "(Fourth Committee) (A/78/421, para. 13)]"
            out[-1].extend(block)
        else:
            out.append(block)
    return [_original_language(b) for b in out]


def _original_language(cells: list[str]) -> list[str]:
    """'Original:' and its language, which the PDF's columns may give apart and in either order."""
    if "Original:" not in cells:
        return cells
    k = cells.index("Original:")
    for j in (k + 1, k - 1):
        if 0 <= j < len(cells) and re.fullmatch(r"[A-Z][a-z]+", cells[j]):
            language = cells[j]
            rest = [c for i, c in enumerate(cells) if i not in (j, k)]
            rest.insert(min(j, k), f"Original: {language}")
            return rest
    return cells


def _read_masthead(lines: Sequence[str], body: str | None) -> _Masthead:
    """Header lines with their roles, the title and the symbol, from the lines above the enacting formula."""
    out = _Masthead()
    blocks = _masthead_blocks(lines)
    roles = SC_ROLES if body == "unsc" else GA_ROLES
    entries: list[tuple[int, Line]] = []  # (block, line)
    free: list[int] = []  # blocks no pattern recognised: the last is the title when no numbered title is found
    title_block: int | None = None
    for b, cells in enumerate(blocks):
        joined = _wrap(cells)  # "towards a nuclear-" / "weapon-free world" as the body joins its lines
        if m := TITLE_NUMBER.fullmatch(joined):
            out.number, out.title = m.group(1), m.group(2).strip()
            title_block = b
            continue
        unclaimed = not any(_cell_role(cell, roles, set()) for cell in cells)  # no cell of a masthead role
        if title_block == b - 1 and unclaimed:
            # "79/243. United Nations Convention against Cybercrime;" / "Strengthening International …"
            out.title = f"{out.title} {joined}"
            title_block = b
            continue
        whole = next((role for role, pattern in _BLOCK_ROLES if len(joined) <= 6000 and pattern.fullmatch(joined)), None)
        if whole and (whole != "sponsors" or len(cells) > 1 or len(joined) < 500):
            entries.append((b, Line(whole, _content(joined))))
            continue
        after_agenda = entries and entries[-1][0] == b - 1 and entries[-1][1].role in ("agenda-item", "agenda-title")
        if after_agenda and unclaimed:
            # A block of its own under "Agenda items 13 and 75 (a)": the title of one of the items.
            entries.append((b, Line("agenda-title", _content(joined))))
            continue
        used: set[str] = set()
        recognised = False
        next_titles = _next_agenda_titles(cells, roles)
        for c, cell in enumerate(cells):
            role = _cell_role(cell, roles, used)
            last = entries[-1][1] if entries and entries[-1][0] == b else None
            if c in next_titles:  # "… and related fields" / "Follow-up to the outcome of the Millennium Summit"
                entries.append((b, Line("agenda-title", _content(cell))))
                continue
            # A continued line runs on; so does an adoption line broken before its day ("… meeting, on" / "30 April 2007").
            broken = last is not None and last.role == "adoption" and last.text.endswith(" on")
            # An agenda item's title wraps onto a line that reads as the top's ("… of the Charter of
            # the" / "United Nations"; "… in the" / "General Assembly"; "… Security Council" /
            # "resolution 1863 (2009)"): in the title's block, it is the title's.
            wrapped = role in ("organization", "organ", "resolution") and last is not None and last.role == "agenda-title"
            if c and last is not None and (broken or wrapped or (role is None and last.role in CONTINUED_ROLES)):
                entries[-1] = (b, Line(last.role, _content(_wrap((plain(last.content), cell)))))
                continue
            if role is None and c and last is not None and last.role == "agenda-item":
                role = "agenda-title"
            recognised = recognised or role is not None
            used.add(role or "line")
            entries.append((b, Line(role or "line", _content(cell))))
        if not recognised:
            free.append(b)
    if not out.title and free:
        out.title = _wrap(blocks[free[-1]])
        entries = [(b, line) for b, line in entries if b != free[-1]]
    out.header = _by_columns([line for _, line in entries])
    if not out.title and (number := out.role("resolution")):  # the Council's "Resolution 1663 (2006)"
        out.title = number
        out.header = [line for line in out.header if line.role != "resolution"]
    out.symbol = (out.role("symbol") or "").rstrip("*†‡§")  # "A/RES/78/68*": a footnote says it was reissued
    if not out.symbol:
        for line in (*out.header, Line("title", (Run(out.title),))):
            if m := SC_NUMBER.search(line.text):
                out.symbol = f"S/RES/{m.group(1)} ({m.group(2)})"
                break
    # A press release's "The full text of resolution 1919 (2010) reads as follows:" names the
    # symbol, and is no line of the resolution.
    out.header = [line for line in out.header if line.role != "introduction"]
    return out


# The top of a UN masthead, in two columns: the organization and the organ at the left, the symbol,
# the distribution and the date at the right. PDF text gives them row by row.
TOP_ROLES = ("organization", "organ", "symbol", "distribution", "date")


def _by_columns(header: list[Line]) -> list[Line]:
    """The masthead's lines with its two-column top ("United Nations | A/RES/78/225", "General
    Assembly | Distr.: General", "| 22 December 2023") read column by column, as the masthead reads
    and as the body's house style sets it: "United Nations", "General Assembly", the symbol …"""
    top = next((k for k, line in enumerate(header) if line.role not in TOP_ROLES), len(header))
    return sorted(header[:top], key=lambda line: TOP_ROLES.index(line.role)) + header[top:]


_BLOCK_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("adoption", re.compile(ADOPTION.pattern + r".{0,200}")),
    ("report", REPORT),
    ("introduction", re.compile(FULL_TEXT.pattern, re.I)),
    ("sponsors", SPONSORS),
)


def _next_agenda_titles(cells: Sequence[str], roles: Sequence[tuple[str, re.Pattern[str] | None]]) -> set[int]:
    """Where the masthead names several agenda items ("Agenda items 13 and 117") and sets their
    titles under it in one block, line after line with no space between (A/RES/78/1), the lines
    that begin the second and later titles: those lines of the block after the first title's that
    begin with a capital, where there are exactly as many as titles are left to find (a title's
    own line that begins with one, "United Nations conferences …", leaves them unparted)."""
    at = next((k for k, cell in enumerate(cells) if agenda_items(cell)), None)
    if at is None:
        return set()
    items = agenda_items(cells[at])
    title = list(itertools.takewhile(lambda k: _cell_role(cells[k], roles, set()) is None, range(at + 1, len(cells))))
    starts = {k for k in title[1:] if cells[k][:1].isupper()}
    return starts if items > 1 and len(starts) == items - 1 else set()


def _cell_role(cell: str, roles: Sequence[tuple[str, re.Pattern[str] | None]], used: set[str]) -> str | None:
    """The first unused masthead role whose pattern recognises a cell."""
    if len(cell) > 500:
        return None
    if SC_NUMBER.fullmatch(cell):
        return "resolution"
    if (left := Placeholder.printed(cell)) is not None:  # (a draft built before its facts are known)
        return placeholder_role(left, roles, used)
    for role, pattern in roles:
        if role not in used and pattern is not None and pattern.search(cell):
            return role
    if GA_SYMBOL.fullmatch(cell) or SC_SYMBOL.fullmatch(cell):
        return "symbol" if "symbol" not in used else None
    return None


# ================================================================ page furniture


@dataclass
class _Furniture:
    """Recognises running headers and footers: the symbol, the job number, 'n/m', the running title."""

    symbol: str
    title_key: str

    def token_line(self, text: str) -> bool:
        """A line that is, or is made of, page furniture and the running title."""
        if JOB.fullmatch(text) or BARCODE.fullmatch(text) or JOB_NUMBER.fullmatch(text):
            return True
        if (m := PAGE_NUMBER.fullmatch(text)) and 0 < int(m.group(1)) <= int(m.group(2)):
            return True
        if self.symbol and text == self.symbol:
            return True
        if len(text) > 400:
            return False
        rest = text.replace(self.symbol, " ") if self.symbol and self.symbol in text else text
        found = rest != text
        rest, n = _TOKENS.subn(" ", rest) if "/" in rest or "-" in rest else (rest, 0)  # (each token holds one)
        if not (found or n):
            return False
        left = _key(rest)
        return not left or (len(left) >= 4 and left in self.title_key)

    def title_line(self, text: str) -> bool:
        """A line that is a stretch of the running title."""
        key = _key(text)
        return len(key) >= 4 and bool(self.title_key) and key in self.title_key


def _blocks_of(lines: Sequence[_Line]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of non-blank lines; a form feed is a run of its own."""
    start: int | None = None
    for i, line in enumerate(lines):
        if line.blank or line is _FF:
            if start is not None:
                yield start, i
                start = None
            if line is _FF:
                yield i, i + 1
        elif start is None:
            start = i
    if start is not None:
        yield start, len(lines)


def _furniture_marks(lines: Sequence[_Line], furniture: _Furniture) -> list[bool]:
    """Which lines are page furniture: token lines, and running-title lines in a header block."""
    marks = [False] * len(lines)
    blocks = list(_blocks_of(lines))
    whole: list[bool] = []  # per block: entirely furniture
    titles: list[bool] = []  # per block: entirely running title (furniture if next to a furniture block)
    for start, end in blocks:
        tokens = [furniture.token_line(lines[i].text) for i in range(start, end)]
        title = [not t and furniture.title_line(lines[i].text) for i, t in zip(range(start, end), tokens, strict=True)]
        has_symbol = any(furniture.symbol and lines[i].text == furniture.symbol for i in range(start, end))
        for i, t in zip(range(start, end), tokens, strict=True):
            marks[i] = t
        is_whole = any(tokens) and all(t or ti for t, ti in zip(tokens, title, strict=True))
        # a header whose running title differs from the title: the symbol and up to three short lines
        if not is_whole and has_symbol and end - start <= 5 and all(len(lines[i].text) <= 90 for i in range(start, end)):
            is_whole = True
        whole.append(is_whole)
        titles.append(not any(tokens) and all(title))
    for b, (start, end) in enumerate(blocks):
        near = (b > 0 and whole[b - 1]) or (b + 1 < len(blocks) and whole[b + 1])
        if whole[b] or (titles[b] and near and lines[start] is not _FF):
            for i in range(start, end):
                marks[i] = lines[i] is not _FF
    return marks


# ================================================================ pages and footnotes


@dataclass
class _Page:
    """The body lines of one page (None for a blank line) and the footnotes at its foot."""

    lines: list[_Line | None] = field(default_factory=list)
    notes: list[tuple[str, list[str]]] = field(default_factory=list)
    blanks_after_break: int | None = None  # blank lines between the page header and the first text line
    numbered_foot: bool = False  # the page ends at a form feed or the end of the text, where a bare page number may stand


def _pages(lines: Sequence[_Line], marks: Sequence[bool]) -> list[_Page]:
    """Cut the body into pages at page furniture and form feeds, taking the footnotes out of each."""
    pages = [_Page()]
    in_notes = False
    counting: int | None = None  # blank lines seen since the last page break, until text comes
    last_note = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if marks[i] or line is _FF:
            if line is _FF:
                pages[-1].numbered_foot = True
                if not in_notes:
                    last_note = _implicit_notes(pages[-1], last_note)
            if pages[-1].lines or pages[-1].notes:
                pages.append(_Page())
            in_notes, counting = False, 0
            i += 1
            continue
        if line.blank or SEPARATOR.fullmatch(line.text):
            if counting is not None:
                counting += 1
            elif not in_notes:
                pages[-1].lines.append(None)
            i += 1
            continue
        if RULE.fullmatch(line.text):
            in_notes = True
            i += 1
            continue
        if in_notes:
            last_note = _note_line(pages[-1], line, last_note)
            i += 1
            continue
        if counting is not None:
            pages[-1].blanks_after_break = counting if pages[-1].lines == [] and len(pages) > 1 else None
            counting = None
        pages[-1].lines.append(line)
        i += 1
    pages[-1].numbered_foot = True
    if not in_notes:
        _implicit_notes(pages[-1], last_note)
    for page in pages:  # a bare page number at a page foot ("2" in layout-preserving text)
        while page.lines and (page.lines[-1] is None or (page.numbered_foot and BARE_NUMBER.fullmatch(page.lines[-1].text))):
            page.lines.pop()
    return pages


def _note_line(page: _Page, line: _Line, last: int) -> int:
    """Take one line of a footnote block: a new footnote, or the continuation of the last one."""
    m = NOTE_START.fullmatch(line.text) or _glued_note(line.text, range(last + 1, last + 2))
    if m and _next_marker(m.group(1), last, m.group(2)) and len(page.notes) < MAX_PAGE_NOTES:
        page.notes.append((m.group(1), [m.group(2)]))
        return int(m.group(1)) if m.group(1).isdigit() else last
    if page.notes:
        page.notes[-1][1].append(line.text)
    elif m:  # a footnote numbered out of sequence still starts a footnote
        page.notes.append((m.group(1), [m.group(2)]))
        return int(m.group(1)) if m.group(1).isdigit() else last
    return last


_MONTH_FIRST = re.compile(rf"(?i:{'|'.join(MONTHS)})\b")


def _next_marker(marker: str, last: int, rest: str = "") -> bool:
    """Whether a footnote marker can follow the last footnote number (numbers run on through the
    document, a few may be skipped). A skip followed by a month is a date the last footnote wrapped
    onto this line ("…, South Africa, / 26 August–4 September 2002"), not footnote 26."""
    if not marker.isdigit():
        return True
    number = int(marker)
    return number == last + 1 or (last + 1 < number <= last + 3 and not _MONTH_FIRST.match(rest))


def _layout_note(line: _Line, glued: range) -> re.Match[str] | None:
    """A footnote's first line in layout text with no rule above the notes: its marker and text
    (not a date standing at the page's foot, "19 December 2023", under the closing formula); a
    marker glued to its text only if its number is in `glued`."""
    if found := NOTE_START_LAYOUT.fullmatch(line.spaced):
        return found
    found = NOTE_START_ALIGNED.fullmatch(line.spaced or line.text) or _glued_note(line.text, glued)
    return None if found is None or _MONTH_FIRST.match(found.group(2)) else found


def _glued_note(text: str, numbers: range) -> re.Match[str] | None:
    """A footnote's first line whose marker is glued to its text, where its number is one of `numbers`."""
    found = NOTE_START_GLUED.fullmatch(text)
    return found if found is not None and int(found.group(1)) in numbers else None


def _implicit_notes(page: _Page, last: int) -> int:
    """Footnotes at a page foot that no '____' rule sets off (a PDF library's text): take them if there are any."""
    if page.notes:
        return last
    lines = page.lines
    end = len(lines)
    while end and ((last_line := lines[end - 1]) is None or BARE_NUMBER.fullmatch(last_line.text)):
        end -= 1
    start: int | None = None
    i = end - 1
    while i >= 0:
        line = lines[i]
        if line is None:
            i -= 1
            continue
        if _layout_note(line, range(last + 1, last + 1 + MAX_PAGE_NOTES)):
            start = i
        elif line.indent < 3:
            break
        i -= 1
    opening = lines[start] if start is not None else None
    first = _layout_note(opening, range(last + 1, last + 2)) if opening is not None else None
    if (
        start is None
        or first is None
        or not _next_marker(first.group(1), last, first.group(2))
        or (first.group(1).isdigit() and int(first.group(1)) != last + 1)
    ):
        return last
    block = [line for line in lines[start:end] if line is not None]
    del lines[start:]
    for line in block:
        m = _layout_note(line, range(last + 1, last + 2))
        if m and _next_marker(m.group(1), last, m.group(2)):
            page.notes.append((m.group(1), [m.group(2)]))
            last = int(m.group(1)) if m.group(1).isdigit() else last
        elif page.notes:
            page.notes[-1][1].append(line.text)
    return last


# ---------------------------------------------------------------- footnote markers in the text


def glued_marker(text: str, start: int, end: int) -> bool:
    """Whether the digits at `start` stick to what is before them, as superscript markers do ("Court1", "Court,5")."""
    if start == 0:
        return False
    before = text[start - 1]
    prior = text[start - 2] if start >= 2 else " "
    if before.isalpha():  # "Court1", but not "G20" or "A4"
        word = re.search(rf"{_LETTERS}{{1,40}}$", text[:start])
        return word is not None and len(word.group(0)) >= 3
    if before == ",":  # "Court,5", "2013,9" and "2014,153", but not "1,000"
        return not prior.isdigit() or end - start < 3 or re.search(r"(?<!\d)\d{4},$", text[:start]) is not None
    if before == ":":  # "as follows:3", but not "10:30"
        return not prior.isdigit()
    if before in ';)]”’"':
        return True
    if before == ".":  # "Development.5" and "2017.3", but not "2.5"
        return (prior.isalpha() and prior.islower()) or re.search(r"(?<!\d)(?:19|20)\d\d\.$", text[:start]) is not None
    return False


_LETTERS = r"(?:[^\W\d_]|[’'-])"
_LAST_TOKENS = re.compile(r"(?:^|(?<=\s))(?:(\S{1,60})\s{1,3})?(\S{1,60})[ ]{1,3}$")
_WORDLIKE = re.compile(rf"[(“‘\"]?({_LETTERS}{{1,40}})([,;:.)”’\"]{{0,3}})")
_NUMBERLIKE = re.compile(r"[(“]?(\d{1,4}(?:([/–-])\d{1,4})?)([,;:.)”’\"]{0,3})")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _spaced(text: str, start: int, end: int, exact: bool) -> bool:
    """Whether digits after a space are a marker the extraction set apart from its word.

    "Agreement, 3 which", "Development 2 through", "Agenda 21, 6 the", "in 2024, 18", "resolution 5/1 3 and":
    the number ends a phrase (after punctuation, a year or a symbol, or after a word that takes no
    number, unlike 'Goal 14') and comes before a word in lower case or the end of the line; before
    a capital only if it is the very next marker expected and follows punctuation or a year
    ("Ltamenah, 10 Saraqib", "the 2010 8 Review Conferences").
    """
    if text[end : end + 1] == ".":  # "3." is a paragraph's label
        return False
    m = _LAST_TOKENS.search(text[max(0, start - 130) : start])
    if m is None:
        return False
    previous, last = m.group(1) or "", m.group(2)
    word, number = _WORDLIKE.fullmatch(last), _NUMBERLIKE.fullmatch(last)
    if word:
        ends_phrase = bool(word.group(2))
        ok = ends_phrase or word.group(1).lower().strip("’'") not in NUMBERED_WORDS
    elif number:
        ends_phrase = bool(number.group(3)) or bool(number.group(2)) or _YEAR.fullmatch(number.group(1)) is not None
        before = _WORDLIKE.fullmatch(previous)
        ok = ends_phrase or before is None or before.group(1).lower() not in NUMBERED_WORDS
    else:  # a symbol such as "1/CMA.4," ends a phrase when punctuation follows it
        ok = ends_phrase = bool(re.fullmatch(r"\S*\d\S*[,;:)”’\"]", last))
    after = text[end:].lstrip(" ")
    if not after or after[:1].islower() or re.match(r"\d{1,4}/\d|\([a-z]", after):
        return ok
    return ok and exact and ends_phrase and (after[:1].isupper() or after[:1].isdigit())


def _after_ok(text: str, end: int, exact: bool) -> bool:
    """What may follow a marker: the end of the line, a space, closing punctuation, or (the very next marker) a word ("Agreement4and")."""
    return end == len(text) or text[end] in " ,;:.)”’" or (exact and text[end].islower())


# A marker may be found when up to three before it were not (lost, or referred to on another page);
# a marker set apart by a space only when at most one before it was not, as such a number is less sure.
MARKER_WINDOW = 4
SPACED_WINDOW = 2


# Digits a footnote marker may be, or end: a run of digits that is not part of a symbol's number before a "/".
_DIGIT_RUN = re.compile(r"\d(?<!\d\d)\d{0,7}(?![\d/])")  # (a digit first: lines without one are passed over quickly)
# A symbol's number a marker may be glued to: "VIII/1914", "1/CP.2731", "COVID-1915".
_SYMBOL_END = re.compile(r"(?:[/.]|(?<=[A-Za-z])-)$")
# "resolution 5/14,118": a marker after a comma that ends a symbol.
_SYMBOL_COMMA = re.compile(r"\d/\d{1,4},$")


@dataclass(frozen=True)
class _Spot:
    """A place where one of the page's footnote markers may stand, and how well it is attested.

    `score` weighs the evidence: 4 a marker glued to its word ("Court1", "2013,9"), 3 one the
    extraction set apart from the phrase it ends ("Agreement, 3 which"), 2 digits glued to a
    symbol's number ("VIII/1914", "5/14,118"; 3 where the document cites the symbol without them,
    `_symbol_evidence`) or to a word of one or two letters ("Protocol I6"), 1 a
    number after a word that takes one ("decision 20 on") or digits closing a number after a space
    ("Agenda 216"). `next_only`: sure only as the very next marker after the one before it (the
    original window rules); `bounded`: sure only between the markers just before and after it.
    """

    line: int
    start: int  # where the digits of the whole run begin
    cut: int  # where the text before the marker ends
    end: int
    index: int  # which of the page's numbered footnotes
    score: int
    next_only: bool = False
    bounded: bool = False
    gap: int = MARKER_WINDOW - 1  # how many markers before it may be missing


def _candidates(page: _Page, expected: Sequence[str], document: str) -> Iterator[_Spot]:
    """Every place on the page where one of the expected markers may stand, in the order of the text."""
    wanted = {value: k for k, value in enumerate(expected)}
    context = ""  # the end of the line before: a marker may open a line
    for index, line in enumerate(page.lines):
        if line is None:
            continue
        text = line.text
        previous, context = context, text[-130:] + " "
        for m in _DIGIT_RUN.finditer(text):
            yield from _spots_in_run(text, m.start(), m.group(0), previous, index, wanted, document)


def _spots_in_run(
    text: str, start: int, run: str, previous: str, line: int, wanted: dict[str, int], document: str
) -> Iterator[_Spot]:
    """The spots one run of digits gives: the whole run as a marker, or its last digits after a number."""
    end = start + len(run)
    before = text[:start]
    after_symbol = bool(_SYMBOL_END.search(before))
    if run in wanted and not before.endswith("/"):
        yield from _whole_run(text, start, end, previous, line, wanted[run])
    for size in (1, 2, 3):
        value, head = run[-size:], run[:-size]
        if not head or value not in wanted or value[0] == "0" or not _after_ok(text, end, exact=False):
            continue
        cut = start + len(head)
        if len(head) == 4 and _YEAR.fullmatch(head) and not after_symbol:  # "17 December 20145"
            yield _Spot(line, start, cut, end, wanted[value], 4)
        elif after_symbol and head[0] != "0":  # "decision VIII/1914", "1/CP.2731", "COVID-1915"
            score = _symbol_evidence(text[:cut], text[:end], document)
            if score:
                yield _Spot(line, start, cut, end, wanted[value], score, next_only=True)
        elif (start == 0 or before.endswith(" ")) and not _YEAR.fullmatch(run) and len(run) <= 4:  # "Agenda 216"
            yield _Spot(line, start, cut, end, wanted[value], 1, next_only=True, bounded=True)


_SYMBOL_TAIL = re.compile(r"[^\s(“\"‘]{1,60}$")


def _symbol_evidence(head: str, whole: str, document: str) -> int:
    """How a symbol's number with a marker's digits at its end is read: 3 where the document gives
    the symbol without them elsewhere ("59/3009", and "resolution 59/300 of 22 June 2005" earlier),
    0 where it gives it with them ("61/29" is resolution 61/29), else 2."""
    found = {}
    for key, text in (("head", head), ("whole", whole)):
        tail = _SYMBOL_TAIL.search(text)
        found[key] = _cited(tail.group(0) if tail else text, document)
    if found["whole"] > 1:  # the run itself is one of them
        return 0
    return 3 if found["head"] else 2


def _cited(symbol: str, document: str) -> int:
    """How many times `symbol` stands whole in `document`: with no letter, digit, "/" or "." just
    before it, nor a digit or "/" just after. (A search for the symbol's text, then a look at each
    side: a regular expression that begins with a look behind tries every place of the document.)"""
    count = at = 0
    while (at := document.find(symbol, at)) >= 0:
        end = at + len(symbol)
        before = document[at - 1 : at]
        after = document[end : end + 1]
        if not (before and (before.isalnum() or before in "_/.")) and not (after and (after.isdecimal() or after == "/")):
            count += 1
            at = max(end, at + 1)
        else:
            at += 1
    return count


def _whole_run(text: str, start: int, end: int, previous: str, line: int, k: int) -> Iterator[_Spot]:
    """The spot a whole run of digits gives as marker k, if any; the first rule that holds says how sure it is."""
    if not _after_ok(text, end, exact=True):
        return
    next_only = not _after_ok(text, end, exact=False)  # "Agreement4and"
    if glued_marker(text, start, end):
        yield _Spot(line, start, start, end, k, 4, next_only)
        return
    spaced = start == 0 or text[start - 1] == " "
    cut = len(text[:start].rstrip(" "))
    joined, at = previous + text, len(previous) + start
    if spaced and _spaced(joined, at, at + end - start, exact=False):
        yield _Spot(line, start, cut, end, k, 3, next_only, gap=SPACED_WINDOW - 1)
    elif spaced and _spaced(joined, at, at + end - start, exact=True):
        yield _Spot(line, start, cut, end, k, 3, next_only=True, gap=SPACED_WINDOW - 1)
    elif _SYMBOL_COMMA.search(text[:start]) or re.search(r"(?<![\w’'-])[A-Za-z]{1,2}$", text[:start]):
        yield _Spot(line, start, start, end, k, 2, next_only=True)  # "resolution 5/14,118", "Protocol I6"
    elif spaced and _opens_words(text[end:]) and text[end : end + 1] == " ":
        yield _Spot(line, start, cut, end, k, 1, next_only=True, bounded=True)  # "decision 20  on funding"


def _opens_words(rest: str) -> bool:
    """Whether what follows a number is the rest of a sentence in lower case, or nothing."""
    rest = rest.lstrip(" ")
    return not rest or rest[:1].islower()


def _best_sequence(spots: Sequence[_Spot], count: int) -> list[_Spot]:
    """The spots to keep: at most one a marker, in the order of both the text and the numbering,
    weighing most in all, each kept only where its rules allow (`_Spot`)."""
    best: list[tuple[int, int]] = []  # per spot: the best total of a sequence ending at it, and the spot before (-1)
    for i, spot in enumerate(spots):
        total, link = (spot.score, -1) if spot.index <= spot.gap and not (spot.next_only and spot.index) else (-1, -1)
        for j in range(i):
            if best[j][0] < 0 or not _may_follow(spots[j], spot):
                continue
            if best[j][0] + spot.score > total:
                total, link = best[j][0] + spot.score, j
        best.append((total, link))
    ends = [i for i, spot in enumerate(spots) if best[i][0] >= 0 and (not spot.bounded or spot.index == count - 1)]
    if not ends:
        return []
    i = max(ends, key=lambda e: (best[e][0], -e))
    chain = []
    while i >= 0:
        chain.append(spots[i])
        i = best[i][1]
    return chain[::-1]


def _may_follow(before: _Spot, spot: _Spot) -> bool:
    """Whether a spot may be the next marker after another in one sequence."""
    if (before.line, before.end) > (spot.line, spot.start) or spot.index <= before.index:
        return False
    skipped = spot.index - before.index - 1
    if before.bounded and skipped:
        return False
    return skipped == 0 or (not spot.next_only and skipped <= spot.gap)


def _place_lost(page: _Page, markers: Sequence[str]) -> list[tuple[str, str]]:
    """Put markers the text does not show where the numbering says they must be: at the end of the
    last line before the next marker found on the page (before that marker, when the one before is
    on its line too), else at the end of the page's text; so no footnote is dropped. Each marker
    with the words it now follows, for the warning."""
    placed = []
    for marker in sorted(markers, key=int):
        found = [
            (index, m.start(), int(m.group(1)))
            for index, line in enumerate(page.lines)
            if line is not None
            for m in _NOTE_MARK.finditer(line.text)
            if m.group(1).isdigit()
        ]
        before = max((f for f in found if f[2] < int(marker)), default=None)
        after = min((f for f in found if f[2] > int(marker)), default=None)
        last = after[0] - 1 if after else len(page.lines) - 1
        index = next((i for i in range(last, (before[0] if before else 0) - 1, -1) if page.lines[i] is not None), None)
        if index is not None:
            at = None
        elif after is not None:
            index, at = after[0], after[1]
        else:
            continue
        line = page.lines[index]
        assert line is not None
        at = len(line.text) if at is None else at
        page.lines[index] = _Line(line.text[:at] + _NOTE_OPEN + marker + _NOTE_CLOSE + line.text[at:], line.indent)
        placed.append((marker, _NOTE_MARK.sub("", line.text[:at])[-40:].strip()))
    return placed


def _refuse_second(after: Sequence[str], source: Path | None) -> None:
    """Refuse a text that goes on after the closing formula into another resolution (an enacting
    formula of its own, not quoted as an annex may quote a draft), as a PDF of a day's resolutions
    has it: only the first was read, and the rest called an annex."""
    at = next((k for k, text in enumerate(after) if ENACTING.fullmatch(text) and not text.lstrip().startswith(("“", '"'))), None)
    if at is None:
        return
    named = after[at - 1] if at else after[at]
    raise _problem(
        source,
        f"the text holds more than one resolution: after the first one's closing formula another begins (“{named[:80]}”)",
        "pass one resolution at a time: save each one's pages as a PDF of its own, or cut the text after the first's closing formula",
    )


def _first_words(lines: Sequence[str]) -> str:
    """The first eight words of some lines, as a warning quotes where something begins."""
    return " ".join(" ".join(lines).split()[:8])


def _annex_note(after: Sequence[str]) -> tuple[str, ...]:
    """The warning for text after the closing formula (an annex), which is not read: none where there is none."""
    if not after:
        return ()
    words = _first_words(after)
    return (
        f"the text goes on after the closing formula ({len(after)} paragraph{'s' * (len(after) > 1)}, "
        f"from “{words} …”): an annex is not read; only the resolution up to its closing formula is",
    )


# A line that is a table's cell, as a PDF's text gives each cell a line: a number ("0.005", "2,087",
# "1 140", "(12.5)", "22%") or a dash for an empty cell; not a paragraph's label ("12.", "(a)").
_CELL = re.compile(r"[-–]?\(?\d(?:[\d.,\u00a0\u202f ]*\d)?\)?%?|[-–—]")
TABLE_LINES, TABLE_CELLS = 12, 3  # a table: this many cells among so many lines in a row, or more


def _table_note(lines: Sequence[str], closing: Line | None) -> tuple[str, ...]:
    """The warning for tables before the closing formula: a PDF's text gives each cell a line,
    and the text reads them as running text (79/249's scale of assessments is one paragraph,
    "Member State Percentage Afghanistan 0.005 …"); none where there is none. Of the corpus's 659
    GA texts, this names the four with tables before their closing formula (78/253, 79/249, 79/250,
    79/253), and no list of resolutions, dates or amounts. (78/252's and 79/257's are in their annexes.)"""
    lines = [line for line in lines if line]
    end = next((i for i, line in enumerate(lines) if closing and len(line) > 9 and closing.text.startswith(line)), len(lines))
    cells = [bool(_CELL.fullmatch(line)) for line in lines[:end]]
    starts = []
    i = 0
    while i < len(cells):
        if cells[i] and sum(cells[i : i + TABLE_LINES]) >= TABLE_CELLS:
            starts.append(i)
            while i < len(cells) and sum(cells[i : i + TABLE_LINES]) >= TABLE_CELLS:
                i += 1  # (to the table's end: no such run of cells after it)
        i += 1
    if not starts:
        return ()
    first = starts[0]
    head = first
    while head > 0 and first - head < 3 and not cells[head - 1] and len(lines[head - 1]) <= 40:
        head -= 1  # (its first cells' lines: short ones, as a column's heading)
    words = _first_words(lines[head : first + 2])
    what = "a table (from" if len(starts) == 1 else "tables (the first from"
    return (f"has {what} “{words} …”): a PDF's text gives each cell a line, read here as running text (check what they became)",)


def _lost_note(marker: str, words: str, footnotes: Sequence[Footnote]) -> str:
    """The warning for a footnote whose marker the text did not show."""
    text = next((plain(n.content) for n in footnotes if n.marker == marker), "")
    shown = text if len(text) <= 50 else text[:50] + "…"
    return (
        f"footnote {marker} (“{shown}”): its marker is not in the text; "
        f"put after “…{words}”, where the numbering says it must be; check where it belongs"
    )


def _place_markers(page: _Page, document: str) -> list[str]:
    """Put each footnote's marker back where its superscript stood, on the page's lines; the markers it could not find.

    Footnote numbers run in order through the document, which is the surest evidence there is: of
    every place where a marker's digits may stand, the ones kept are the best-attested sequence
    (`_best_sequence`), so a number that only looks like a marker ("17 abductions, 9 sexual
    assaults") gives way to the markers around it ("harassment,8" and "in 2023,9"), and digits
    glued to a symbol ("decision VIII/1914") are a marker only where its number is the one due.
    """
    expected = [marker for marker, _ in page.notes if marker.isdigit()]
    if not expected:
        return []
    spots = _best_sequence(list(_candidates(page, expected, document)), len(expected))
    by_line: dict[int, list[_Spot]] = {}
    for spot in spots:
        by_line.setdefault(spot.line, []).append(spot)
    for index, marks in by_line.items():
        line = page.lines[index]
        assert line is not None
        text, pos = line.text, 0
        out: list[str] = []
        for spot in marks:
            between = text[pos : spot.cut]
            if out and between == ",":  # "conflict,10,11": the comma sets two superscripts apart, it is no text's
                between = ""
            out.append(between + _NOTE_OPEN + expected[spot.index] + _NOTE_CLOSE)
            pos = spot.end
        page.lines[index] = _Line("".join(out) + text[pos:], line.indent)
    found = {spot.index for spot in spots}
    return [marker for k, marker in enumerate(expected) if k not in found]


def _masthead_markers(header: Sequence[Line], page: _Page) -> list[Line]:
    """Header lines with the markers of the first page's footnotes the body does not refer to ("Zambia*:", "A/RES/78/68*")."""
    placed = {m.group(1) for line in page.lines if line is not None for m in _NOTE_MARK.finditer(line.text)}
    wanted = [marker for marker, _ in page.notes if marker not in placed]
    out = []
    for line in header:
        text = line.text
        for marker in wanted:
            glue = r"\S" if marker == "*" else r"[^\W\d_)”’]"
            m = re.search(rf"(?<={glue}){re.escape(marker)}(?=[\s:;,.]|$)", text)
            if m:
                text = text[: m.start()] + _NOTE_OPEN + marker + _NOTE_CLOSE + text[m.end() :]
                wanted.remove(marker)
        out.append(line if text == line.text else Line(line.role, _content(text)))
    return out


def _footnotes(pages: Iterable[_Page]) -> list[Footnote]:
    """Every footnote of the pages, in order."""
    notes = []
    for page in pages:
        for marker, texts in page.notes:
            notes.append(Footnote(marker, tidy((Run(_wrap(texts)),))))
    return notes


# ================================================================ paragraphs


@dataclass
class _Fragment:
    """A stretch of text that may be a paragraph or part of one (a page break may have cut it)."""

    lines: list[str]
    indent: int
    page_break: bool = False
    blanks: int | None = None
    label: str | None = None  # a label printed after the first line (layout-preserving text)

    @property
    def text(self) -> str:
        return _wrap(self.lines)


def _joins(line: str, after: str) -> bool:
    """Whether a line ends in a word broken at its hyphen, to be joined to the next without a
    space: a hyphen or dash after a letter ("post-" "conflict"), or a hyphen after a figure
    ("COVID-19-" "related", "18-" "month"); not a suspended hyphen ("results-" "and action-oriented", _SUSPENDED)."""
    if not after[:1].isalnum() or _SUSPENDED.match(after):
        return False
    end, before = line[-1:], line[-2:-1]
    return (end in "-–—" and before.isalpha()) or (end in "-–" and before.isdigit())


def _wrap(lines: Sequence[str]) -> str:
    """Wrapped lines joined: with a space, or none after a hyphen ('post-' 'conflict')."""
    out: list[str] = []
    for line in lines:
        if out and _joins(out[-1], line):
            out.append(line)
        else:
            out.append((" " if out else "") + line)
    return "".join(out)


def _starts_label(text: str) -> bool:
    """Whether a line opens with a paragraph label ('1.', '(a)') or a bullet."""
    return bool(LABEL_START.match(text) or BULLET.match(text))


def _end(text: str) -> str:
    """The last character of a line, its footnote markers aside ("" for none)."""
    return _NOTE_MARK.sub("", text).rstrip()[-1:]


def _ends_sentence(text: str) -> bool:
    return _end(text) in (".", ";", ":", ",")


def _indent_mode(pages: Sequence[_Page]) -> bool:
    """Whether paragraphs are told apart by indentation (layout-preserving text), not blank lines.
    Not where no paragraph wraps onto a second line, every line standing between blank lines (a
    text resdraft wrote, its sub-paragraphs indented): the blank lines part its paragraphs."""
    if not any(a is not None and b is not None for page in pages for a, b in itertools.pairwise(page.lines)):
        return False
    indented = total = 0
    for page in pages:
        base = _base_indent(page)
        for line in page.lines:
            if line is not None:
                total += 1
                indented += line.indent >= base + 2
    return indented >= 3 and indented * 20 >= total


def _base_indent(page: _Page) -> int:
    """The indentation of most lines on a page: that of lines that continue a paragraph."""
    seen = Counter(line.indent for line in page.lines if line is not None)
    if not seen:
        return 0
    top = max(seen.values())
    return min(indent for indent, n in seen.items() if n == top)


def _fragments(pages: Sequence[_Page], indent_mode: bool) -> list[_Fragment]:
    """The body cut where paragraphs may begin: at blank lines, or (layout text) at indented lines and labels."""
    out: list[_Fragment] = []
    current: _Fragment | None = None
    for number, page in enumerate(pages):
        base = _base_indent(page)
        first_on_page = number > 0
        if not indent_mode:
            current = None
        lines = page.lines
        for i, line in enumerate(lines):
            if line is None:
                if not indent_mode:
                    current = None
                continue
            text = GLUED_LABEL.sub(r"\1 ", line.text, count=1) if GLUED_LABEL.search(line.text) else line.text
            if indent_mode:
                if current is not None and LABEL_ALONE.fullmatch(text) and _label_after(current, lines, i):
                    current.label = text
                    continue
                new = current is None or line.indent >= base + 2 or _starts_label(text)
            else:
                new = current is None or (
                    (_starts_label(text) or ACTION_START.match(text) is not None)
                    and _ends_sentence(current.lines[-1])
                    and not LABEL_ALONE.fullmatch(current.lines[-1])
                )
            # The closing formula, "42nd plenary meeting", printed right under the last paragraph.
            new = new or (current is not None and CLOSING_LINE.match(text) is not None and _ends_sentence(current.lines[-1]))
            if new:
                current = _Fragment([text], line.indent)
                if first_on_page:
                    current.page_break, current.blanks = True, page.blanks_after_break
                out.append(current)
            else:
                assert current is not None
                current.lines.append(text)
            first_on_page = False
    return out


def _label_after(current: _Fragment, lines: Sequence[_Line | None], i: int) -> bool:
    """A label printed under its paragraph's first line (layout text): '      Stresses …' then '3.'."""
    if len(current.lines) != 1 or current.label or _starts_label(current.lines[0]):
        return False
    following = next((line for line in lines[i + 1 :] if line is not None), None)
    return following is None or not following.text[:1].isupper() or not _ends_sentence(current.lines[0])


def _continues(previous: _Fragment, fragment: _Fragment, numbered: bool, indent_mode: bool) -> bool:
    """Whether a fragment carries on the paragraph before it, cut by a page break or a stray blank line.

    Across a page break: yes when the text before ends without a stop or the text after begins in
    lower case; after a comma, no for a heading alone on its line, else the blank lines under the
    running header tell (one for a carried-over line, two for a new paragraph, in the UN's own
    extraction), else whether the text after opens as a preambular paragraph does. Within a page:
    yes when the text before ends without a stop and the text after begins in lower case or
    finishes the paragraph (_finishes). Layout text (indent_mode) marks its new paragraphs by indentation.
    """
    first = fragment.lines[0]
    if _starts_label(first) or LABEL_ALONE.fullmatch(first):
        return False
    end = _end(previous.lines[-1])
    if indent_mode:
        return end not in ".,;:" and first[:1].islower()
    if not fragment.page_break:
        return end not in ".,;:" and (first[:1].islower() or _finishes(previous, fragment))
    if end not in ".,;:" or not first[:1].isupper():
        return True
    if end == ",":
        if len(fragment.lines) == 1 and heading_title(first):  # a heading: "Final report" over "1.", A/RES/78/322
            return False
        if fragment.blanks:
            return fragment.blanks == 1
        return not numbered and not _looks_preambular(first)
    return False


def _finishes(previous: _Fragment, fragment: _Fragment) -> bool:
    """Whether a fragment ends a preambular paragraph a stray blank line cut in two ("Recalling …
    adopted by the Food and Agriculture" over "Organization of the United Nations,", A/RES/79/145):
    the paragraph before opens as one and wraps, and the fragment, opening as none does, ends as one does."""
    return (
        len(previous.lines) > 1
        and _looks_preambular(previous.lines[0])
        and not _looks_preambular(fragment.lines[0])
        and _end(fragment.lines[-1]) in (",", ";")
    )


def _looks_preambular(text: str) -> bool:
    """Whether a text opens as a preambular paragraph does ('Recalling', 'Deeply concerned')."""
    _, opening, _ = marked_opening(_content(text), infer=True)
    return opening is not None and is_preambular(opening)


def _paragraph_texts(fragments: Sequence[_Fragment], indent_mode: bool) -> list[_Fragment]:
    """Fragments joined back into paragraphs across page breaks."""
    out: list[_Fragment] = []
    numbered = False
    for fragment in fragments:
        if out and _continues(out[-1], fragment, numbered, indent_mode):
            out[-1].lines.extend(fragment.lines)
            continue
        out.append(fragment)
        numbered = numbered or bool(re.match(r"\d{1,3}\.(?: |$)", fragment.lines[0])) or fragment.label is not None
    return out


# ================================================================ inline content


def _content(text: str) -> Content:
    """Runs and footnote references from text with private-use marker marks."""
    spans: list[Span] = []
    pos = 0
    for m in _NOTE_MARK.finditer(text):
        if m.start() > pos:
            spans.append(Run(text[pos : m.start()]))
        spans.append(FootnoteRef(m.group(1)))
        pos = m.end()
    if pos < len(text):
        spans.append(Run(text[pos:]))
    return tidy(tuple(spans))


def _with_opening(content: Content, infer: bool) -> tuple[Content, str | None]:
    """The content with its opening phrase marked, inferred with the text importer's grammar.

    That grammar stops at punctuation and hyphens; a paragraph of a UN resolution always opens with
    a phrase, so "Notes, in this regard," and "Re-emphasizing" are read with the comma and the
    hyphen set aside, and the phrase is taken from the text as printed.
    """
    marked, opening, _ = marked_opening(content, infer)
    first = content[0] if content else None
    if opening or not infer or not isinstance(first, Run):
        return marked, opening
    words = first.text[:200].split(" ")[:12]
    plain_words = [w.rstrip(",;:").replace("-", "") for w in words]
    phrase = infer_opening(" ".join(plain_words))
    if phrase is None:
        n = next((i + 1 for i, w in enumerate(words) if w.endswith(",")), 0)
        phrase = infer_opening(" ".join(plain_words[:n]) + " …") if n else None
    if phrase is None:
        return marked, None
    printed = " ".join(words[: len(phrase.split(" "))]).rstrip(",;:")
    if not first.text.startswith(printed) or not printed:
        return marked, None
    head = Run(printed, first.italic, first.bold, first.superscript, opening=True)
    rest = Run(first.text[len(printed) :], first.italic, first.bold, first.superscript)
    return (head, rest, *content[1:]) if rest.text else (head, *content[1:]), printed


def _italic_opening(content: Content, emphasis: str) -> Content:
    """The content with its opening phrase set as the house style sets it."""
    italic, bold = "italic" in emphasis, "bold" in emphasis
    return tuple(
        Run(s.text, italic=italic, bold=bold, superscript=s.superscript, opening=True) if isinstance(s, Run) and s.opening else s
        for s in content
    )


# ================================================================ the body


class _Tree:
    """Reads paragraphs into the tree of top-level paragraphs and their sub-paragraphs, up to the closing formula."""

    def __init__(self) -> None:
        self.tops: list[Node] = []
        self.chain: list[Node] = []  # the last paragraph at each level
        self.levels = Levels()
        self.last_number = 0
        self.bullets: int | None = None  # the level of the bullets being read
        self.listing = False  # reading the unlabelled lines a paragraph's colon introduces
        self.closing: Line | None = None
        self.after: list[str] = []  # the paragraphs after the closing formula (an annex), not read

    def read(self, paragraphs: Sequence[_Fragment], quoted: bool) -> None:
        for index, fragment in enumerate(paragraphs):
            text = f"{fragment.label} {fragment.text}" if fragment.label else fragment.text
            if quoted:  # a press release quotes every paragraph, and closes the quotation after the last
                text = text.removeprefix("“").removeprefix('"')
                if index == len(paragraphs) - 1:
                    text = re.sub(r"[”\"]\s*$", "", text)
            if closing := CLOSING.match(text):
                spaced = re.sub(r"(?<=[a-z])(?=\d{4}$)", " ", closing.group())  # "4 December2024", as 79/85's PDF has it
                self.closing = Line("closing", plenary_lines(_content(spaced)))
                self.after = [f.text for f in paragraphs[index + 1 :] if re.search(r"\w", f.text)]
                break
            self.paragraph(fragment, text)
        for node, infer in with_inference(self.tops):
            node.content, node.opening = _with_opening(node.content, infer=infer)
            if node.opening:
                node.content = _italic_opening(node.content, HOUSE_EMPHASIS["subparagraph" if node.level else "preambular"])

    def paragraph(self, fragment: _Fragment, text: str) -> None:
        """One paragraph: a part's heading, a numbered or unnumbered paragraph, or a sub-paragraph."""
        heading = fragment.lines[0].lstrip('“"')
        if not fragment.label and SECTION.fullmatch(heading):  # "II" alone on a line, over "Financial performance report…"
            self.top(Node(_content(text.lstrip('“"')[len(heading) :]), 0, Label.numeral(heading), None, "heading"))
            return
        if titled := self.titled_heading(text):  # "III. Science, technology and innovation …" on one line
            numeral, title = titled
            self.top(Node(_content(title), 0, Label.numeral(numeral), None, "heading"))
            return
        bullet = BULLET.match(text)
        label, rest = (None, text[bullet.end() :]) if bullet else split_label(text)
        content = _content(rest)
        if not content:
            return
        last = self.tops[-1] if self.tops else None
        if label is None and not bullet and last is not None and last.style == "heading" and not last.content:
            last.content = content  # the heading's title, printed apart from its numeral
            return
        if label is None and not bullet and lists_under(self.chain, self.listing, content):
            self.chain[-1].content = join_content((self.chain[-1].content, content))
            self.listing = True
            return
        self.listing = False
        if label and label.form == ("", "") and self.lost_dot(label.counter, rest):
            label = Label(f"{label.counter}.", "", label.counter, ".")
        number = int(label.counter) if label and label.form == ("", ".") and label.counter.isdigit() else None
        if number is not None and not self.in_sequence(number):
            number = None  # "4." inside a quoted amendment: not the next operative paragraph
        elif number is not None or (label is None and not bullet):
            style = None
            if number is not None:
                style = "decimal"
            elif len(fragment.lines) <= 2 and heading_title(plain(content), len(fragment.lines)):
                style = "title"  # a heading without a numeral ("Scope"), on a line or two of its own
            self.top(Node(content, 0, label, number, style))
            self.last_number = number or self.last_number
            return
        if not self.chain:
            self.top(Node(content, 0, label))
            return
        if label:
            level, style = self.levels.level(label)
        else:  # a bullet: under the last labelled paragraph, beside the bullets before it
            level, style = self.bullets or len(self.chain), None
        level = max(1, min(level, len(self.chain)))
        mark = bullet.group().strip() if bullet else ""  # a dash or bullet is the label each of its items prints
        node = Node(content, level, label or Label(mark, "", "", ""), None, style)
        self.chain[level - 1].children.append(node)
        self.chain = [*self.chain[:level], node]
        self.bullets = None if label else level

    def titled_heading(self, text: str) -> tuple[str, str] | None:
        """A section's numeral and its title printed on one line ("III. Science, technology and
        innovation and digital cooperation", A/RES/79/1), where the paragraph before has ended: a
        numeral after a colon is an item of the list it opens ("… as set out in the table below:"
        over "A. Secretariat of the Pension Board", A/RES/79/253)."""
        found = section_heading(text)
        if found is None or not found[1] or not found[0].endswith("."):
            return None
        if self.chain and plain(self.chain[-1].content).rstrip().endswith(":"):
            return None
        return found

    def in_sequence(self, number: int) -> bool:
        """Whether a paragraph number continues the numbering: the next (a label may have been lost), or 1 after a part's heading or preamble."""
        if self.last_number < number <= self.last_number + 3:
            return True
        return number == 1 and bool(self.tops) and self.tops[-1].number is None

    def lost_dot(self, counter: str, rest: str) -> bool:
        """A bare "26" on its own line before "Condemns …" where paragraph 26 is due: the
        extraction lost the number's dot (A/RES/79/160)."""
        return counter.isdigit() and self.last_number > 0 and int(counter) == self.last_number + 1 and rest.lstrip()[:1].isupper()

    def top(self, node: Node) -> None:
        self.tops.append(node)
        self.chain, self.levels, self.bullets, self.listing = [node], Levels(), None, False


# ================================================================ facts


def _body_key(body: str | None, detected: str, source: Path | None) -> str:
    """The body asked for, else the one the enacting formula or the symbol names."""
    if body is None:
        return detected
    key = body.lower()
    if key not in BODIES:
        raise _problem(source, f"unknown body {body!r} for text from a UN PDF", f"use one of: {', '.join(BODIES)}")
    return key


def _detect_body(enacting: str | None, symbol: str) -> str:
    if symbol.startswith("S/"):
        return "unsc"
    if symbol.startswith("A/"):
        return "unga"
    return ENACTING_BODY.get(enacting or "", "unga")


def _session_number(key: str, masthead: _Masthead) -> int:
    """The GA session: from the 'Seventy-eighth session' line, else from the symbol. The Council has none (0; its year stands for it)."""
    if key != "unga":
        return 0
    session = masthead.role("session")
    if session and (n := ordinal_number(session.split(" ")[0])) is not None:
        return n
    if masthead.symbol and (m := SYMBOL_SESSION.search(masthead.symbol)):
        return int(next(g for g in m.groups() if g))
    if masthead.number[:1].isdigit():  # (an emergency special session's, "ES-11/1", is none)
        return int(masthead.number.split("/")[0])
    return 0


def _fields(key: str, session: int, masthead: _Masthead, closing: Line | None) -> dict[str, object]:
    """The document's facts, named as drafts name them."""
    fields: dict[str, object] = {"body": key, "session": session}
    prefixes = {"distribution": "Distr.: ", "language": "Original: ", "agenda-item": "Agenda item "}
    for line in masthead.header:
        text = line.text
        if line.role in ("symbol", "committee", "agenda-title", "report"):
            fields.setdefault(line.role.replace("-", "_"), text)
        elif line.role in prefixes:
            fields.setdefault(line.role.replace("-", "_"), re.sub(r"^(?:Agenda items?|Distr\.:|Original:) ?", "", text))
        elif line.role == "sponsors":
            fields.update(sponsors_of(text))
        elif line.role == "adoption":
            fields["adoption"] = text
            if adopted := parse_date(text):
                fields["adopted"] = adopted
    if masthead.symbol:
        fields["symbol"] = masthead.symbol
        if m := re.search(r"\((\d{4})\)$", masthead.symbol):
            fields["year"] = int(m.group(1))
    if masthead.number:
        fields["number"] = masthead.number
    if masthead.title:
        fields["title"] = masthead.title
    date = parse_date(masthead.role("date") or "") or fields.get("adopted")
    if isinstance(date, dt.date):
        fields["date"] = date
    elif unfilled := Placeholder.printed(masthead.role("date") or ""):  # a draft's date still to fill
        fields["date"] = unfilled
    if closing is not None:
        fields["status"] = "adopted"
        fields["meeting"] = re.sub(r"\s+\d{1,2} \w+ \d{4}$", "", closing.text)
    elif "adopted" in fields:
        fields["status"] = "adopted"
    return fields


# ================================================================ entry points


def _refuse_early(text: str, source: Path | None) -> None:
    """Refuse what cannot be a resolution before reading it: too big, empty, or binary."""
    if len(text) > MAX_TEXT_BYTES or len(text.encode("utf-8", errors="replace")) > MAX_TEXT_BYTES:
        raise _problem(source, f"larger than {MAX_TEXT_BYTES // 2**20} MB", "a resolution is far smaller; check the file")
    if not text.strip():
        raise _problem(source, "the text is empty", "pass the text of a UN resolution, as copied or extracted from its PDF")
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) * 20 > len(sample) or "\ufffd" * 8 in sample:
        raise _problem(
            source,
            "this is binary data, not text",
            "pass the PDF file itself (.pdf), or the text copied or extracted from it (.txt)",
        )


def _refuse_long(paragraphs: Sequence[_Fragment], source: Path | None) -> None:
    """Refuse a text with more paragraphs, or a longer paragraph, than any resolution has."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise _problem(
            source, f"too long for one resolution: more than {MAX_PARAGRAPHS} paragraphs", "pass one resolution at a time"
        )
    longest = max((sum(len(line) + 1 for line in p.lines) for p in paragraphs), default=0)
    if longest > MAX_PARAGRAPH_CHARS:
        raise _problem(
            source,
            f"a paragraph of {longest} characters: this is not the text of a resolution",
            "pass the text of one UN resolution as copied or extracted from its PDF",
        )


def _start(text: str, source: Path | None) -> tuple[int, int, str | None]:
    """Where the masthead ends and the body begins, and the body the enacting formula names."""
    enacting = ENACTING.search(text, 0, MAX_HEAD_CHARS)
    if enacting is not None:
        return enacting.start(), enacting.end(), enacting.group(1)
    title = _TITLE_LINE.search(text, 0, MAX_HEAD_CHARS)
    if title is not None and GA_SYMBOL.search(text, 0, title.start()):
        blank = re.compile(r"\n[ \t]*\n").search(text, title.start())
        end = blank.start() if blank else len(text)
        return end, end, None
    raise _problem(
        source,
        "no resolution found: no enacting formula ('The General Assembly,' or 'The Security Council,') "
        f"in the first {MAX_HEAD_CHARS // 1000}000 characters",
        "pass the text of one UN resolution as copied or extracted from its PDF; "
        "for Markdown or other plain text, the text importer reads AALCO, AIPA and GA documents",
    )


_SNIFF_CHARS = 200_000
_SNIFF_FURNITURE = re.compile(r"^[ \t]*(?:\d{2}-\d{5}[ \t]*\([A-Z]\)|\*\d{7,9}\*)[ \t\d]*$", re.M)  # "23-21327 (E)", "*2321327*"
_SNIFF_PAGE = re.compile(r"^[ \t]*\d{1,3}/\d{1,3}[ \t]*$", re.M)  # "2/5"
_SNIFF_DISTRIBUTION = re.compile(r"^[ \t]*Distr\.:", re.M)
_SNIFF_COUNCIL = re.compile(r"^[ \t]*[“\"]?The Security Council,[ \t]*$", re.M)


def is_pdf_text(text: str) -> bool:
    """Whether a text was copied or extracted from a UN PDF (so `parse_pdf_text` should read it), judged on its start.

    Yes when it carries the job number or bar code of a UN masthead ("23-21327 (E)", "*2321327*"),
    a "Distr.:" masthead line with a running page number ("2/5") or a form feed, or a Security
    Council enacting formula (the text importer reads no Council resolutions).
    """
    head = text[:_SNIFF_CHARS]
    if _SNIFF_FURNITURE.search(head) or _SNIFF_COUNCIL.search(head):
        return True
    return _SNIFF_DISTRIBUTION.search(head) is not None and ("\f" in head or _SNIFF_PAGE.search(head) is not None)


def _transition_at(tops: list[Node]) -> int | None:
    """Where a transition formula ("Resolves that:") stands, right before operative paragraph 1;
    None where there is none, as in most UN resolutions. A paragraph with sub-paragraphs of its
    own ("Decides: (a) …") is none."""
    first = next((k for k, n in enumerate(tops) if n.number is not None), None)
    if not first:
        return None
    node = tops[first - 1]
    return first - 1 if not node.label and not node.children and is_transition(plain(node.content)) else None


def parse_pdf_text(text: str, source: Path | None = None, body: str | None = None) -> Resolution:
    """Read the raw text of a UN resolution's PDF (General Assembly or Security Council) into the document model.

    `source` names the file in error messages; `body` ('unga' or 'unsc') overrides the body the
    enacting formula or the symbol names.
    """
    return read_pdf_text(text, source, body)[0]


def read_pdf_text(text: str, source: Path | None = None, body: str | None = None) -> tuple[Resolution, tuple[str, ...]]:
    """parse_pdf_text's Resolution, and what a reader should know of how it was read: the footnotes
    whose markers the text did not show, each put where the numbering says it must be."""
    _refuse_early(text, source)
    text = _PRIVATE.sub("", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n")
    # The typesetter's non-breaking hyphens and spaces are plain ones: they say where a line may not
    # break, not what the text says (the 79th session's PDFs print "non‑governmental" where the 78th's
    # print "non-governmental": 316 of them in 56 texts, and 92 paragraphs of 12 pairs read as
    # changed; a narrow one parts "on 27 October" in 78/67 and not in 79/78); and a word broken at
    # its hyphen is whole again (_BROKEN_HYPHEN).
    text = _BROKEN_HYPHEN.sub("", _CONTROL.sub("", text).translate(NON_BREAKING))
    if text.startswith("# source:"):  # the corpus's own first line, naming where a text came from
        text = text.partition("\n")[2]
    head_end, body_start, enacting_words = _start(text, source)
    head_lines = text[:head_end].split("\n")[-MAX_HEAD_LINES:]
    guess = ENACTING_BODY.get(enacting_words or "", body)
    masthead = _read_masthead(head_lines, guess)
    key = _body_key(body, _detect_body(enacting_words, masthead.symbol), source)
    key = contradicted(key, ENACTING_BODY.get(enacting_words or ""), f"The {enacting_words}," if enacting_words else None, source)
    raw_lines = text[body_start:].split("\n", MAX_BODY_LINES)
    if len(raw_lines) > MAX_BODY_LINES:
        raise _problem(source, f"too long for one resolution: more than {MAX_BODY_LINES} lines", "pass one resolution at a time")
    if any(len(raw) > MAX_LINE_CHARS for raw in raw_lines):
        raise _problem(
            source,
            f"a line of more than {MAX_LINE_CHARS} characters: this is not text from a PDF",
            "pass the text of one UN resolution as copied or extracted from its PDF",
        )
    lines = [_line(raw) for raw in raw_lines]
    furniture = _Furniture(masthead.symbol, _key(masthead.title))
    pages = _pages(lines, _furniture_marks(lines, furniture))
    lost = [_place_markers(page, text[body_start:]) for page in pages]
    masthead.header = _masthead_markers(masthead.header, pages[0])
    in_header = {s.marker for line in masthead.header for s in line.content if isinstance(s, FootnoteRef)}
    lost[0] = [marker for marker in lost[0] if marker not in in_header]
    guessed = [placed for page, markers in zip(pages, lost, strict=True) for placed in _place_lost(page, markers)]
    indent_mode = _indent_mode(pages)
    paragraphs = _paragraph_texts(_fragments(pages, indent_mode), indent_mode)
    _refuse_long(paragraphs, source)
    quoted = text[head_end:body_start].lstrip().startswith(("“", '"'))
    read = _Tree()
    read.read(paragraphs, quoted)
    if not read.tops:
        raise _problem(
            source,
            "no resolution found: no paragraphs follow the enacting formula",
            "pass the whole text of the resolution, from its masthead to its last paragraph",
        )
    at = _transition_at(read.tops)
    transition = Line("transition", read.tops.pop(at).content) if at is not None else None
    preamble, operative = split_parts(read.tops, at)
    refs = {s.marker for top in read.tops for n in top.walk() for s in n.content if isinstance(s, FootnoteRef)}
    refs |= {s.marker for line in masthead.header for s in line.content if isinstance(s, FootnoteRef)}
    footnotes = [n for n in _footnotes(pages) if n.marker in refs]
    notes = tuple(_lost_note(marker, words, footnotes) for marker, words in guessed if marker in refs)
    _refuse_second(read.after, source)
    notes += _annex_note(read.after)
    notes += _table_note([line.text for line in lines], read.closing)
    session = _session_number(key, masthead)
    fields = _fields(key, session, masthead, read.closing)
    enacting_line = text[head_end:body_start].strip().lstrip('“"') if enacting_words else ""
    date = fields.get("date")
    # The Council prints its adoption line under its heading, "Resolution 1663 (2006)", as its
    # house style (templates/unsc/body.yaml) and the Word reader have it: a title line.
    adoption = tuple(line for line in masthead.header if key == "unsc" and line.role == "adoption")
    heading = (Line("title", _content(masthead.title), f"{masthead.number}." if masthead.number else None),)
    resolution = Resolution(
        body=key,
        session=text_session(key, session, fields),
        fields=fields,
        header=tuple(line for line in masthead.header if line not in adoption),
        title=(*(heading if masthead.title else ()), *adoption),
        enacting=Line("enacting", _content(enacting_line)) if enacting_line else None,
        preamble=tuple(frozen(n, "preambular") for n in preamble),
        transition=transition,
        operative=tuple(frozen(n, "operative") for n in operative),
        closing=read.closing,
        footnotes=tuple(footnotes),
        numbering=numbering_of(key, preamble, operative),
        emphasis=dict(HOUSE_EMPHASIS),
        date=date if isinstance(date, dt.date) else None,
        formatting_read=False,
    )
    return resolution, notes


def parse_pdf(data: bytes, source: Path | None = None, body: str | None = None) -> Resolution:
    """Read a UN resolution's PDF file: its text is extracted with pypdf (the optional 'pdf' extra), then read."""
    return read_pdf(data, source, body)[0]


def read_pdf(data: bytes, source: Path | None = None, body: str | None = None) -> tuple[Resolution, tuple[str, ...]]:
    """parse_pdf's Resolution, and what a reader should know of how it was read (read_pdf_text's notes)."""
    where = Where(source) if source else None
    try:
        import pypdf  # noqa: F401 - optional: only PDF files need it
    except ImportError:
        raise LibraryError(Problem(where, "reading PDF files needs the optional PDF support", PDF_HINT)) from None
    if len(data) > MAX_PDF_BYTES:
        raise LibraryError(Problem(where, f"larger than {MAX_PDF_BYTES // 2**20} MB", "a resolution's PDF is far smaller"))
    if b"%PDF-" not in data[:1024]:
        raise LibraryError(
            Problem(where, "this is not a PDF file", "pass the resolution's PDF, or the text copied from it (.txt)")
        )
    pages = _pdf_pages(data, where)
    if not pages:
        raise LibraryError(Problem(where, "the PDF has no pages", "pass the resolution's PDF; this one is empty"))
    if not any(page.strip() for page in pages):
        raise LibraryError(
            Problem(
                where,
                f"the PDF has no text to read ({len(pages)} page{'s' * (len(pages) != 1)} without a text layer: a scan?)",
                "run it through OCR first (ocrmypdf, or Acrobat's Recognize Text), or import the Word or text version",
            )
        )
    text = "\f".join(pages)
    if not is_pdf_text(text):  # (not the UN's: an AALCO or AIPA text saved as PDF, read as plain text)
        from resdraft.importers.pdflayout import unlaid
        from resdraft.importers.text import parse_text

        return parse_text(unlaid(pages, source), source, body), ()
    return read_pdf_text(text, source, body)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """A library's log warnings held back (pypdf's on a damaged file would run into resdraft's own message)."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf_pages(data: bytes, where: Where | None) -> list[str]:
    """Each page's text, laid out as on the page (indented first lines tell paragraphs apart)."""
    import pypdf

    # pypdf reports a damaged file through its own errors and, from inside its parsers, through the
    # built-in ones; any of them means this file cannot be read, and says nothing about resdraft.
    unreadable = (
        pypdf.errors.PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        AssertionError,
        RecursionError,
    )
    try:
        with _quiet("pypdf"):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise LibraryError(
                    Problem(where, "the PDF is encrypted", "save an unencrypted copy, or copy its text into a .txt file")
                )
            if len(reader.pages) > MAX_PDF_PAGES:
                raise LibraryError(Problem(where, f"more than {MAX_PDF_PAGES} pages", "pass one resolution at a time"))
            return [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except pypdf.errors.DependencyError:  # (pypdf without its cryptography package, before an AES-protected file)
        raise LibraryError(
            Problem(
                where,
                "the PDF is protected with AES encryption, which reading needs the 'cryptography' package for",
                "pip install 'resdraft[pdf]' again (it brings it), or save an unprotected copy",
            )
        ) from None
    except unreadable as error:
        raise LibraryError(
            Problem(
                where,
                f"the PDF cannot be read: {str(error)[:200] or type(error).__name__}",
                "open it and save or print it again as PDF",
            )
        ) from None
