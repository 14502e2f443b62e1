"""Markdown and plain-text resolutions read back into the document model.

Reads resdraft's own Markdown and text output and Markdown-ish conversions of real documents
(bold and italic, <sup>, superscript-digit footnote markers, footnotes interrupting paragraphs
at page breaks), so the differ can compare any two resolutions. Work goes block by block and
line by line with anchored, bounded regexes, so the time taken grows linearly with the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from resdraft.errors import LibraryError, Problem, Where
from resdraft.footnote_marks import RaisedMark, powers_as_text, unanswered_as_text
from resdraft.importers.dates import MONTH, parse_date
from resdraft.importers.labels import Label, Levels, split_label, title_line
from resdraft.importers.openings import marked_opening
from resdraft.importers.outline import (
    Node,
    emphases,
    frozen,
    heading_title,
    lists_under,
    numbering_of,
    split_parts,
    with_inference,
)
from resdraft.inline import merge
from resdraft.model import (
    NOT_TEXT,
    Content,
    Footnote,
    FootnoteRef,
    Line,
    Placeholder,
    Resolution,
    Run,
    Session,
    Span,
    plain,
)
from resdraft.numbering import BULLET, is_title, section_heading
from resdraft.sessions import ordinal_number

# ================================================================ vocabulary
# The word lists and patterns that encode how the bodies write resolutions (opening phrases: openings.py).

BODIES = ("aalco", "aipa", "unga", "unsc")
BODY_ALIASES = {"aipo": "aipa"}  # AIPA was AIPO until its 28th General Assembly (2007)

# The enacting formula opens the resolution and names the body; its ordinal gives the session,
# in words whose parts a hyphen or a space joins ("Fifty-Second", "Fifty Second"): a further
# part is taken only where the words after do not fit without it ("Fiftieth Annual Session").
_ORDINAL = r"(?P<ordinal>[A-Za-z]+(?:[- ][A-Za-z]+){0,3}?)"
ENACTING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "aalco",
        re.compile(rf"The Asian-African Legal Consultative Organi[sz]ation at its {_ORDINAL}(?: annual)? session\W?", re.I),
    ),
    ("aipa", re.compile(rf"The {_ORDINAL}(?: AIPO| AIPA)? General Assembly ?[:,]?")),
    ("unga", re.compile(r"The General Assembly ?[,:]?")),
    ("unsc", re.compile(r"The Security Council ?[,:]?")),
)

# "10 November 2009", "12 SEPTEMBER 2013", "September 14, 2006": a whole header line.
DATE_LINE = re.compile(rf"^(?:\d{{1,2}} {MONTH},? \d{{4}}|{MONTH} \d{{1,2}},? \d{{4}})$", re.I)

# "Resolution adopted by the General Assembly on 17 December 2024": the masthead of an adopted UN resolution.
ADOPTION = re.compile(r"(?:Resolution )?[Aa]dopted (?:unanimously )?(?:by|at) (?:the )?(?:General Assembly|Security Council)\b")
ADOPTION_LINE = re.compile("^" + ADOPTION.pattern)  # a masthead line stating the adoption starts with it
REPORT_LINE = re.compile(r"^\[.{1,300}\]$")  # "[on the report of the Third Committee (A/79/456, para. 31)]"
ORGANIZATION_LINE = re.compile(r"^United Nations$")  # over an adopted UN resolution's masthead

# Header lines, top to bottom as each body prints them (templates/BODY/body.yaml), with the
# pattern that recognises each; a line no pattern knows takes the next unused role in order.
HEADER_ROLES: dict[str, tuple[tuple[str, re.Pattern[str] | None], ...]] = {
    "unga": (
        ("organization", ORGANIZATION_LINE),
        ("organ", re.compile(r"^General Assembly$")),
        ("symbol", re.compile(r"^A/(?:RES/|C\.\d/)?(?:\d+|ES-\d+)/\S+$")),  # A/RES/78/225, A/C.3/64/L.16, A/RES/ES-11/1
        ("distribution", re.compile(r"^Distr\.: ")),
        ("date", DATE_LINE),
        ("language", re.compile(r"^Original: ")),
        ("session", re.compile(r"^[A-Za-z-]+ session$")),
        ("committee", re.compile(r"Committee$")),
        ("agenda-item", re.compile(r"^Agenda items? ")),
        ("agenda-title", None),
        ("adoption", ADOPTION_LINE),
        ("report", REPORT_LINE),
        ("sponsors", re.compile(r": (?:revised )?draft (?:resolution|decision)$")),
    ),
    "unsc": (
        ("organization", ORGANIZATION_LINE),
        ("organ", re.compile(r"^Security Council$")),
        ("symbol", re.compile(r"^S/(?:RES/\d+ ?\(\d{4}\)|\d{4}/\d+)$")),  # S/RES/1663 (2006); a draft's S/2006/160
        ("distribution", re.compile(r"^Distr\.: ")),
        ("date", DATE_LINE),
        ("adoption", ADOPTION_LINE),
    ),
    "aalco": (
        ("status", re.compile(r"^SECRETARIAT DRAFT$", re.I)),
        ("symbol", re.compile(r"^AALCO/")),
        ("date", DATE_LINE),
    ),
    "aipa": (
        ("organization", re.compile(r"INTER-PARLIAMENTARY", re.I)),
        ("assembly", re.compile(r"^\d+ ?(?:st|nd|rd|th) GENERAL ASSEMBLY\b", re.I)),
        ("symbol", re.compile(r"^(?:Res\. )?\d+GA/\S+$", re.I)),
    ),
}

# A UN sponsors line: "Albania, Bosnia and Herzegovina and Zambia*: revised draft resolution".
SPONSORS_LINE = re.compile(r"^(?P<names>.+):\s*(?P<kind>[^:]*draft (?:resolution|decision)[^:]*)$", re.IGNORECASE | re.DOTALL)
MAX_SPONSORS_LINE = 5000  # characters: a longer line is not searched (the pattern would backtrack)
# Member States whose names hold "and", so that a sponsors list is not parted inside them.
NAMES_WITH_AND = frozenset(
    {
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
        "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland",
    }
)

# Session numbers inside document symbols: AALCO/RES/50/SP 1, 27GA/06/SOC/01, A/C.3/64/L.38.
SYMBOL_SESSION = re.compile(r"/RES/(\d{1,3})/|^(?:Res\. )?(\d{1,3})GA/|^A/(?:RES/|C\.\d/)?(\d{1,3})/", re.I)

# "Hereby resolves to:", "Accepting all of the above, the 27th AIPO General Assembly hereby resolves to:"
TRANSITION = re.compile(r"\b(?:hereby|resolves?)\b[^.;]{0,300}:$", re.I)
# "Adopted this 14th day of September, 2006 in Cebu City, Philippines."
CLOSING = re.compile(r"^(?:Adopted|Done|Approved) (?:this|on|at|in|by)\b")
# "38th plenary meeting 21 November 2023": where a UN resolution closes.
PLENARY = re.compile(r"\d{1,3}(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting\b", re.I)
# ... and the day under it: the two lines of a UN closing formula.
_PLENARY_LINES = re.compile(rf"({PLENARY.pattern})\s+(\d{{1,2}} {MONTH} \d{{4}})", re.I)
CLOSING_DATE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? day of ({MONTH}),? (\d{{4}})(?: (?:in|at) ([^.]{{1,200}}))?", re.I)
ANNEX = re.compile(r"^(?:[IVXLC]{1,6}\. ?)?ANNEX(?:ES)?\b", re.I)  # a brief's "## V. ANNEX" heading


# ================================================================ lines and blocks

# Limits that keep a huge or hostile text quick to refuse; each is far above any real resolution.
MAX_HEADER_CHARS = 20_000  # how far above the enacting formula the header may begin
MAX_ITEMS = 5_000  # paragraphs, formulas and footnotes after the enacting formula
MAX_LINES = 20_000  # lines after the enacting formula
MAX_ITEM_CHARS = 100_000  # one paragraph or footnote

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")  # blank lines end a block
_RULE = re.compile(r"^[ \t]*(?:-{3,}|_{3,}|\*{3,})[ \t]*$", re.M)  # a thematic break, or the text format's footnote rule
_HEADING = re.compile(r"^#{1,6}[ \t]+")  # a Markdown ATX heading
_SPACES = re.compile(r"[ \t\r\n]+")  # ordinary white space; no-break spaces are kept
_MARKDOWN_SIGNS = re.compile(r"\*\*|\[\^|</?(?:sup|b|i|em|strong)>|^#{1,6} |(?:^|[ \t])\*[^\s*]", re.M | re.I)
# A line that may be an enacting formula: found with one search before any block is built.
_ENACTING_HINT = re.compile(
    r"^[ \t#*_]{0,12}The [A-Za-z -]{0,60}?(?:General Assembly|Legal Consultative|Security Council)", re.M | re.I
)


@dataclass(frozen=True)
class _SourceLine:
    """One non-blank line of the input: its text without heading marks, its indentation."""

    text: str
    indent: int
    heading: bool


@dataclass(frozen=True)
class _Block:
    """Lines between blank lines, split into lines only when read; a rule (---, ____) is a block of its own."""

    raw: str
    rule: bool = False

    @cached_property
    def lines(self) -> tuple[_SourceLine, ...]:
        """The block's non-blank lines."""
        return tuple(_source_line(raw) for raw in self.raw.split("\n") if raw.strip())

    @property
    def heading(self) -> bool:
        """Whether any line of the block is a Markdown heading."""
        return any(line.heading for line in self.lines)


def _source_line(raw: str) -> _SourceLine:
    """A line with tabs expanded, trailing space dropped and heading marks taken off."""
    raw = raw.expandtabs(4).rstrip()
    body = raw.lstrip(" ")
    indent = len(raw) - len(body)
    heading = _HEADING.match(body)
    if heading:
        body = body[heading.end() :].rstrip("# ")
    return _SourceLine(body, indent, heading is not None)


def _blocks(text: str) -> Iterator[_Block]:
    """The blocks of a text, in order, each split off only when asked for."""
    for chunk in _BLANK_LINES.split(text):
        if not chunk.strip():
            continue
        if not _RULE.search(chunk):
            yield _Block(chunk)
            continue
        lines: list[str] = []
        for line in chunk.split("\n"):
            if _RULE.match(line):
                if lines:
                    yield _Block("\n".join(lines))
                    lines = []
                yield _Block(line, rule=True)
            else:
                lines.append(line)
        if lines:
            yield _Block("\n".join(lines))


def _from_header(text: str) -> str | None:
    """The text from shortly above the first line that may be an enacting formula; None if there is none."""
    hint = _ENACTING_HINT.search(text)
    if hint is None:
        return None
    if hint.start() <= MAX_HEADER_CHARS:
        return text
    return text[text.rfind("\n", 0, hint.start() - MAX_HEADER_CHARS) + 1 :]


def _is_markdown(text: str, source: Path | None) -> bool:
    """Whether to read emphasis marks: by the file's extension, else by the marks themselves."""
    suffix = source.suffix.lower() if source else ""
    if suffix in (".md", ".markdown"):
        return True
    if suffix == ".txt":
        return False
    return _MARKDOWN_SIGNS.search(text) is not None


# ================================================================ inline markup

_MARKDOWN_INLINE = re.compile(
    r"""
      \\(?P<escaped>[!-/:-@\[-`{-~])             # a backslash escape keeps its character
    | \[\^(?P<note>[^\]\s]{1,20})\]              # a footnote reference: [^1], [^*]
    | <sup>(?P<sup>[^<>]{0,40})</sup>            # superscript: a footnote number or an ordinal suffix
    | <(?P<slash>/?)(?P<tag>b|strong|i|em)>      # emphasis in HTML, left by converters
    | <br[ ]{0,3}/?>                             # an HTML line break
    | (?P<digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})              # superscript digits: footnote markers (or powers, "m²")
    | (?P<stars>\*{1,3})                         # an emphasis delimiter, or the '*' footnote marker
    """,
    re.VERBOSE | re.IGNORECASE,
)
_TEXT_INLINE = re.compile(r"(?P<digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})|(?P<stars>\*)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
STARS = frozenset("*")  # a mark that may as well be the character: a '*' with no '*' footnote is one
_NOTE_MARKER = re.compile(r"[0-9]{1,3}|[*†‡§]")


@dataclass
class _Delimiter:
    """A run of asterisks, and whether it can open or close emphasis."""

    stars: int
    can_open: bool
    can_close: bool
    role: str = ""  # "open", "close" once paired


@dataclass(frozen=True)
class _Toggle:
    """An HTML emphasis tag."""

    bold: bool
    opens: bool


_Piece = str | Span | _Delimiter | _Toggle


def _is_punct(char: str) -> bool:
    """Whether a character is punctuation or a symbol (CommonMark's notion)."""
    return not char.isalnum() and not char.isspace()


def _delimiter(text: str, start: int, end: int) -> _Delimiter:
    """An asterisk run with CommonMark's flanking rules, which tell openers from closers."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
    return _Delimiter(end - start, left, right)


def _tokens(text: str, markdown: bool) -> list[_Piece]:
    """Text, footnote references, superscripts and emphasis marks, in order."""
    pieces: list[_Piece] = []
    pos = 0
    for m in (_MARKDOWN_INLINE if markdown else _TEXT_INLINE).finditer(text):
        pieces.append(text[pos : m.start()])
        pos = m.end()
        kind = m.lastgroup
        if kind == "escaped":
            pieces.append(m.group("escaped"))
        elif kind == "note":
            pieces.append(FootnoteRef(m.group("note")))
        elif kind == "sup":
            sup = m.group("sup").strip()
            pieces.append(FootnoteRef(sup) if _NOTE_MARKER.fullmatch(sup) else Run(sup, superscript=True))
        elif kind == "tag":
            pieces.append(_Toggle(m.group("tag").lower() in ("b", "strong"), not m.group("slash")))
        elif kind == "digits":
            pieces.append(RaisedMark(m.group("digits").translate(_SUPERSCRIPT_DIGITS)))
        elif kind == "stars":
            pieces.append(_delimiter(text, m.start(), m.end()))
        else:  # <br>
            pieces.append(" ")
    pieces.append(text[pos:])
    return pieces


def _pair(pieces: Sequence[_Piece], markdown: bool) -> None:
    """Pair emphasis openers with closers of the same length; one stack per length keeps it linear."""
    if not markdown:
        return
    open_: dict[int, list[_Delimiter]] = {1: [], 2: [], 3: []}
    for piece in pieces:
        if not isinstance(piece, _Delimiter):
            continue
        stack = open_[piece.stars]
        if piece.can_close and stack:
            stack.pop().role = "open"
            piece.role = "close"
        elif piece.can_open:
            stack.append(piece)


def _inline(text: str, markdown: bool) -> Content:
    """Runs and footnote references from one stretch of Markdown (or plain text)."""
    pieces = _tokens(text, markdown)
    _pair(pieces, markdown)
    spans: list[Span] = []
    italic = bold = 0
    for piece in pieces:
        if isinstance(piece, str):
            spans.append(Run(piece, italic=italic > 0, bold=bold > 0))
        elif isinstance(piece, Run):
            spans.append(Run(piece.text, italic > 0, bold > 0, superscript=True))
        elif isinstance(piece, FootnoteRef):
            spans.append(piece)
        elif isinstance(piece, _Toggle):
            step = 1 if piece.opens else -1
            if piece.bold:
                bold = max(0, bold + step)
            else:
                italic = max(0, italic + step)
        elif piece.role:
            step = 1 if piece.role == "open" else -1
            italic += step if piece.stars != 2 else 0
            bold += step if piece.stars >= 2 else 0
        elif piece.stars == 1 and piece.can_close and not piece.can_open:
            spans.append(FootnoteRef("*"))  # "Zambia*:" — the UN's sponsors footnote
        else:
            spans.append(Run("*" * piece.stars, italic=italic > 0, bold=bold > 0))
    return merge(tuple(spans))


def _retext(run: Run, text: str) -> Run:
    """The same run with other words (quicker than dataclasses.replace, which this calls often)."""
    return Run(text, run.italic, run.bold, run.superscript, run.opening)


def tidy(content: Content) -> Content:
    """Collapse white space to single spaces and trim both ends."""
    out: list[Span] = []
    after_space = True
    for span in content:
        if isinstance(span, Run):
            text = span.text
            if "  " in text or "\n" in text or "\t" in text or "\r" in text:  # (most runs have nothing to collapse)
                text = _SPACES.sub(" ", text)
            if after_space:
                text = text.lstrip(" ")
            if text:
                after_space = text.endswith(" ")
                out.append(_retext(span, text))
        else:
            out.append(span)
    for i in range(len(out) - 1, -1, -1):
        last = out[i]
        if isinstance(last, Run):
            out[i] = _retext(last, last.text.rstrip(" "))
            break
    return merge(tuple(out))


def _unbold(content: Content) -> Content:
    """The content without bold, where every word of it is bold (layout, not wording)."""
    runs = [s for s in content if isinstance(s, Run) and s.text.strip()]
    if runs and all(r.bold for r in runs):
        return merge(tuple(replace(s, bold=False) if isinstance(s, Run) else s for s in content))
    return content


def join_content(parts: Iterable[Content]) -> Content:
    """Contents joined with single spaces."""
    out: list[Span] = []
    for part in parts:
        if out and part:
            out.append(Run(" "))
        out.extend(part)
    return tidy(tuple(out))


def plenary_meeting(text: str) -> tuple[str, str] | None:
    """The meeting and the day a UN closing formula states ("54th plenary meeting", "19 December
    2024"), when it states nothing else, however its two lines are laid out."""
    m = _PLENARY_LINES.fullmatch(text.strip())
    return (m.group(1), m.group(2)) if m else None


def plenary_lines(content: Content) -> Content:
    """A UN closing formula as it is printed, the meeting over the day ("54th plenary meeting",
    then "19 December 2024"), however the text at hand laid its two lines out."""
    found = plenary_meeting(_text(content))
    if found is None or any(isinstance(span, FootnoteRef) for span in content):
        return content
    return (Run("\n".join(found)),)


def _text(content: Content) -> str:
    """The words of some content, trimmed."""
    return plain(content).strip()


# ================================================================ the enacting formula


@dataclass(frozen=True)
class _Enacting:
    """The enacting formula, the body it names and its session ordinal."""

    body: str
    ordinal: str | None
    line: Line


def _block_content(block: _Block, markdown: bool) -> Content:
    """A whole block as one line of content."""
    return tidy(_inline(" ".join(line.text for line in block.lines), markdown))


def _enacting(block: _Block, markdown: bool) -> _Enacting | None:
    """The enacting formula, if a block is one."""
    if block.rule or len(block.raw) > 300 or not _ENACTING_HINT.search(block.raw):
        return None
    content = _block_content(block, markdown)
    if block.heading:  # (a Markdown heading is set bold: AIPO's 2005 "## The Twenty-Sixth General Assembly:")
        content = tuple(replace(s, bold=True) if isinstance(s, Run) else s for s in content)
    words = _text(content)
    for body, pattern in ENACTING:
        m = pattern.fullmatch(words)
        if m:
            return _Enacting(body, m.groupdict().get("ordinal"), Line("enacting", content))
    return None


# ================================================================ header and title


@dataclass(frozen=True)
class _HeaderLine:
    """A line of the header block: its physical parts (a bold span may run over several)."""

    parts: tuple[Content, ...]
    block: int
    emphasised: bool

    @property
    def content(self) -> Content:
        """The line's parts joined, without the bold that sets off a whole header line."""
        return _unbold(join_content(self.parts))

    @property
    def text(self) -> str:
        """The line's words."""
        return _text(self.content)


def _header_blocks(before: Sequence[_Block], markdown: bool) -> Sequence[_Block]:
    """The blocks of the header: those after the last ANNEX heading, rule or numbered paragraph."""
    for i in range(len(before) - 1, -1, -1):
        block = before[i]
        if block.rule or re.match(r"\d{1,3}\. ", block.lines[0].text) or ANNEX.match(_text(_block_content(block, markdown))):
            return before[i + 1 :]
    return before


def _physical_lines(content: Content) -> list[list[Content]]:
    """A block's content cut into lines; a line break inside bold or italic text continues the line."""
    lines: list[list[Content]] = [[]]
    part: list[Span] = []
    for span in content:
        if not (isinstance(span, Run) and "\n" in span.text):
            part.append(span)
            continue
        for i, piece in enumerate(span.text.split("\n")):
            if i:
                lines[-1].append(tuple(part))
                part = []
                if not (span.italic or span.bold):
                    lines.append([])
            if piece:
                part.append(_retext(span, piece))
    lines[-1].append(tuple(part))
    return [[tidy(p) for p in line if tidy(p)] for line in lines]


def _header_lines(blocks: Sequence[_Block], markdown: bool) -> list[_HeaderLine]:
    """Every line of the header region, with whether it is set in bold or as a heading."""
    out: list[_HeaderLine] = []
    for b, block in enumerate(blocks):
        if block.rule:
            continue
        content = _inline("\n".join(line.text for line in block.lines), markdown)
        for parts in _physical_lines(content):
            if not parts:
                continue
            runs = [s for p in parts for s in p if isinstance(s, Run) and s.text.strip()]
            emphasised = block.heading or (bool(runs) and all(r.bold for r in runs))
            out.append(_HeaderLine(tuple(parts), b, emphasised))
    return out


def _wrapped_lines_joined(lines: list[_HeaderLine], roles: Sequence[tuple[str, re.Pattern[str] | None]]) -> list[_HeaderLine]:
    """The header lines, AIPA's assembly line one where its dates and venue stand on a line of
    their own below it, in the same block ("27TH GENERAL ASSEMBLY" over "10 – 15 SEPTEMBER 2006,
    CEBU CITY, PHILIPPINES", as the text of a PDF gives the two lines of its masthead), and its
    name one where its last word wrapped ("ASEAN INTER-PARLIAMENTARY" over "ORGANIZATION")."""
    assembly, organization = dict(roles).get("assembly"), dict(roles).get("organization")
    if assembly is None or organization is None:
        return lines
    out: list[_HeaderLine] = []
    for line in lines:
        last = out[-1] if out else None
        dated = last is not None and assembly.search(last.text) and not _YEAR.search(last.text) and _DAY.match(line.text)
        named = last is not None and organization.search(last.text) and _NAME_END.match(line.text)
        if last is not None and last.block == line.block and (dated or named):
            out[-1] = replace(last, parts=(*last.parts, *line.parts))
        else:
            out.append(line)
    return out


_YEAR = re.compile(r"\b\d{4}\b")
_NAME_END = re.compile(r"^(?:ORGANI[SZ]ATION|ASSEMBLY)$", re.I)
_DAY = re.compile(r"^\d{1,2}\b")


def placeholder_role(left: Placeholder, roles: Sequence[tuple[str, re.Pattern[str] | None]], used: set[str]) -> str | None:
    """The unused role a line that is a whole placeholder names by its hint ("[TBD: date of the
    resolution (the text prints none)]" is a date), or None."""
    named = [role for role, _ in roles if left.hint.startswith(f"{role.replace('-', ' ')} of ")]
    return next((role for role in named if role not in used), None)


def _matched_role(text: str, roles: Sequence[tuple[str, re.Pattern[str] | None]], used: set[str]) -> str | None:
    """The first unused header role whose pattern recognises a line; a line that is a whole
    placeholder ("[TBD: symbol of the 80th-session document (was A/RES/78/62)]", as a draft built
    before its facts are known prints one) has the role its hint names."""
    if len(text) > 500:
        return None
    if (left := Placeholder.printed(text)) is not None:
        return placeholder_role(left, roles, used)
    for role, pattern in roles:
        if role not in used and pattern is not None and pattern.search(text):
            return role
    return None


def _title_indices(lines: Sequence[_HeaderLine], matched: Sequence[str | None]) -> list[int]:
    """Which header lines are the title: the bold or heading lines at the end, else the last block."""
    trailing: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if matched[i] is not None or not lines[i].emphasised:
            break
        trailing.insert(0, i)
    if trailing:
        return trailing
    free = [i for i, role in enumerate(matched) if role is None]
    if not free:
        return []
    last_block = lines[free[-1]].block
    if any(lines[i].block != last_block for i in range(len(lines))):
        title = [i for i in free if lines[i].block == last_block]
        if all(_bracketed(lines[i].text) for i in title):  # a subtitle set apart: the title is the block before it
            before = [i for i in free if lines[i].block < last_block]
            title = [i for i in before if before and lines[i].block == lines[before[-1]].block] + title
        return title
    title = [free[-1]]  # one block: the last line, and the lines in capitals before it that no role took
    while title[0] - 1 in free and lines[title[0] - 1].text.isupper() and lines[title[-1]].text.isupper():
        title.insert(0, title[0] - 1)
    return title


def _bracketed(words: str) -> bool:
    """Whether a line is a part in brackets: a subtitle ("(Non-Deliberated)")."""
    return words.startswith("(") and words.endswith(")")


def _title(lines: Sequence[_HeaderLine]) -> tuple[Line, ...]:
    """The title Lines: parts in brackets are the subtitle, the rest one title."""
    title: list[Content] = []
    subtitle: list[Content] = []
    for line in lines:
        for part in line.parts:
            words = _text(part)
            (subtitle if _bracketed(words) else title).append(_unbold(part))
    out = [title_line(_unbold(join_content(title)))] if title else []
    if subtitle:
        out.append(Line("subtitle", _unbold(join_content(subtitle))))
    return tuple(out)


def _header(blocks: Sequence[_Block], body: str, markdown: bool) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The header Lines (with roles as in the body's body.yaml) and the title Lines."""
    roles = HEADER_ROLES.get(body, ())
    lines = _wrapped_lines_joined(_header_lines(blocks, markdown), roles)
    used: set[str] = set()
    matched: list[str | None] = []
    for line in lines:
        role = _matched_role(line.text, roles, used)
        matched.append(role)
        if role:
            used.add(role)
    titled = set(_title_indices(lines, matched))
    header: list[Line] = []
    names = [role for role, _ in roles]
    last = -1
    for i, line in enumerate(lines):
        if i in titled:
            continue
        role = matched[i]
        if role is None and another_agenda_title([(x.role, x.text) for x in header]):
            role = "agenda-title"
        elif role is None:  # known by position: the next role the body prints that is still free
            role = next((r for r in names[last + 1 :] if r not in used), "line")
            used.add(role)
        last = names.index(role) if role in names else last
        header.append(Line(role, line.content))
    return tuple(header), _title([lines[i] for i in sorted(titled)])


# ================================================================ labels and levels

_BULLET = re.compile(r"[-+*] +")  # a Markdown list bullet
_PRINTED_BULLET = re.compile(rf"({BULLET.pattern})[ \t]+(?=\S)")  # a dash or bullet printed as the label ("--", "•")
_BOLD = re.compile(r"\*\*((?:(?!\*\*).)+)\*\*")  # a paragraph set in bold throughout: a section's heading in Markdown
# ================================================================ the body of the resolution


@dataclass(frozen=True)
class _Item:
    """A paragraph-sized piece of a block: one list item, one footnote, or the whole block."""

    text: str
    indent: int
    first: bool  # the first item of its block
    heading: bool


def _note_start(text: str, in_notes: bool) -> re.Match[str] | None:
    """A footnote definition's marker: [^1]:, <sup>1</sup>, ¹ anywhere; 1 or * under a footnote rule."""
    m = re.match(r"\[\^([^\]\s]{1,20})\]: ?|<sup>([0-9]{1,3}|[*†‡§])</sup> ?|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}) ?", text)
    if m or not in_notes:
        return m
    return re.match(r"([0-9]{1,3}|[*†‡§]) ", text)


def _starts_item(text: str, in_notes: bool) -> bool:
    """Whether a line inside a block starts a new list item or footnote."""
    if _BULLET.match(text) or _note_start(text, in_notes):
        return True
    label, _ = split_label(text)
    return label is not None and bool(label.suffix)


def _items(block: _Block, in_notes: bool) -> list[_Item]:
    """A block's items: a line with a bullet, a dotted or bracketed label, or a footnote marker starts one."""
    items: list[tuple[list[str], int, bool]] = []
    for line in block.lines:
        if not items or _starts_item(line.text, in_notes):
            items.append(([line.text], line.indent, line.heading))
        else:
            items[-1][0].append(line.text)
    return [_Item(" ".join(texts), indent, i == 0, heading) for i, (texts, indent, heading) in enumerate(items)]


class _TooLong(Exception):
    """The text is far longer than one resolution; parse_text turns this into a user error."""


class _BodyReader:
    """Reads the blocks after the enacting formula: paragraphs, formulas and footnotes."""

    def __init__(self, markdown: bool, refs: Iterable[str]) -> None:
        self.markdown = markdown
        self.tops: list[Node] = []
        self.chain: list[Node] = []  # the last paragraph at each level
        self.levels = Levels()
        self.transition: Line | None = None
        self.transition_at: int | None = None
        self.closing: Line | None = None
        self.notes: list[Footnote] = []
        self.refs = set(refs)
        self.in_notes = False
        self.notes_since_paragraph = False
        self.stopped = False
        self.bullets: int | None = None  # the level of the printed dashes being read
        self.listing = False  # reading the unlabelled lines a paragraph's colon introduces

    def read(self, blocks: Iterable[_Block]) -> None:
        """Read every block in order, refusing a text far longer than any resolution."""
        lines = items = 0
        for block in blocks:
            if block.rule:
                self.in_notes = True
                continue
            lines += block.raw.count("\n") + 1
            if lines > MAX_LINES:
                raise _TooLong(f"more than {MAX_LINES} lines follow the enacting formula")
            for item in _items(block, self.in_notes):
                items += 1
                if items > MAX_ITEMS or len(item.text) > MAX_ITEM_CHARS:
                    raise _TooLong(
                        f"more than {MAX_ITEMS} paragraphs follow the enacting formula"
                        if items > MAX_ITEMS
                        else f"a paragraph of {len(item.text)} characters follows the enacting formula"
                    )
                self.item(item)

    def item(self, item: _Item) -> None:
        """One item: a footnote, a formula, a paragraph or the continuation of one."""
        if self.footnote(item):
            return
        if self.in_notes and item.first:
            self.in_notes = False
        if self.stopped:
            return
        if item.heading and self.tops:
            self.stopped = True  # a new section of the document begins
            return
        text = item.text
        if self.markdown and item.indent < 2 and (bold := _BOLD.fullmatch(text)) and self.bold_heading(bold.group(1)):
            return
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end() :]
        elif item.indent < 2 and self.heading(text):  # (an indented "A. …" is a sub-paragraph)
            return
        printed = None if bullet else _PRINTED_BULLET.match(text)
        label, text = (Label(printed.group(1), "", "", ""), text[printed.end() :]) if printed else split_label(text)
        content = tidy(_inline(text, self.markdown))
        if not content:
            return
        self.refs.update(s.marker for s in content if isinstance(s, FootnoteRef))
        if not bullet and label is None and self.formula_or_continuation(content):
            return
        if not (bullet or printed) and label is None and item.indent < 2 and lists_under(self.chain, self.listing, content):
            self.chain[-1].content = join_content((self.chain[-1].content, content))
            self.listing = True
            return
        self.listing = False
        number = int(label.counter) if label and label.form == ("", ".") and label.counter.isdigit() else None
        if not self.chain or (not (bullet or printed) and item.indent < 2 and (label is None or number is not None)):
            self.top(content, label, number)
        else:
            self.sub(content, label)
        self.notes_since_paragraph = False

    def heading(self, text: str) -> bool:
        """Take a section's heading (see `section_heading`): a numeral before its title, or alone
        with its title the next paragraph, as resdraft's text output and the UN's print them."""
        last = self.tops[-1] if self.tops else None
        if last is not None and last.style == "heading" and not last.content:  # its title, printed apart from its numeral
            last.content = tidy(_inline(text, self.markdown))
            return True
        if (found := section_heading(text)) is None:
            return False
        numeral, title = found
        label = Label.numeral(numeral)
        self.top(tidy(_inline(title, self.markdown)), label, None)
        self.tops[-1].style = "heading"
        return True

    def bold_heading(self, text: str) -> bool:
        """Take a paragraph set in bold throughout as a section's heading, as resdraft's Markdown
        sets one: its numeral, its title after the numeral, or a title without a numeral (one that
        reads as a title: a bold closing line, "Adopted this …", ends in a stop and is no heading)."""
        if self.heading(text):
            return True
        content = tidy(_inline(text, self.markdown))
        if not is_title(_text(content)):
            return False
        self.top(content, None, None, title=True)
        self.notes_since_paragraph = False
        return True

    def footnote(self, item: _Item) -> bool:
        """Take a footnote definition; '*' counts only once a '*' reference has been seen."""
        m = _note_start(item.text, self.in_notes)
        if m is None:
            star = re.match(r"([*†‡§]) ", item.text)
            if not (star and star.group(1) in self.refs and star.group(1) not in {n.marker for n in self.notes}):
                return False
            m = star
        marker = next(g for g in m.groups() if g).translate(_SUPERSCRIPT_DIGITS)
        content = _inline(item.text[m.end() :], self.markdown)
        # A footnote carries no footnotes: a '*' that looks like a marker there is the character,
        # and a raised number ("¹⁴ …, children,³") the number, raised.
        literal = tuple(
            (Run("*") if s.marker == "*" else Run(s.marker, superscript=True)) if isinstance(s, FootnoteRef) else s
            for s in content
        )
        self.notes.append(Footnote(marker, tidy(merge(literal))))
        self.notes_since_paragraph = True
        return True

    def formula_or_continuation(self, content: Content) -> bool:
        """Take the transition or closing formula, or text carried over a page break."""
        words = _text(content)
        if self.chain:  # a page break cut the last paragraph mid-sentence: it ends without a stop
            last = self.chain[-1]
            end = _text(last.content)[-1:]
            lower = words[:1].islower() and end not in (".", ";", ":")
            if lower or (self.notes_since_paragraph and end not in (".", ",", ";", ":")):
                last.content = join_content((last.content, content))
                return True
        if self.transition is None and is_transition(words):
            self.transition, self.transition_at = Line("transition", content), len(self.tops)
            self.chain = []  # nothing after the formula continues the preamble
            return True
        if len(words) <= 300 and self.tops and (CLOSING.match(words) or PLENARY.match(words)):
            self.closing, self.stopped = Line("closing", plenary_lines(content)), True
            return True
        return False

    def top(self, content: Content, label: Label | None, number: int | None, title: bool = False) -> None:
        """Start a preambular or operative paragraph; `title`: one known to be a section's heading
        without a numeral, where the words alone would not tell."""
        title = title or (label is None and number is None and heading_title(_text(content), 2))
        node = Node(content, 0, label, number, "decimal" if number is not None else "title" if title else None)
        self.tops.append(node)
        self.chain = [node]
        self.levels = Levels()
        self.bullets = None
        self.listing = False

    def sub(self, content: Content, label: Label | None) -> None:
        """Add a sub-paragraph under the paragraph its label's level belongs to; a printed dash or
        bullet ("--") under the last labelled one, beside the dashes before it."""
        dash = label is not None and not label.counter
        if label and not dash:
            level, style = self.levels.level(label)
        else:
            level, style = (self.bullets or len(self.chain)) if dash else len(self.chain), None
        level = max(1, min(level, len(self.chain)))
        node = Node(content, level, label, None, style)
        self.chain[level - 1].children.append(node)
        self.chain = [*self.chain[:level], node]
        self.bullets = level if dash else None


# ================================================================ assembling the Resolution


def _session(ordinal: str | None, header: Sequence[Line]) -> int:
    """The session number: from the enacting formula, the UN session line, the assembly line or a symbol; else 0."""
    if ordinal and (n := ordinal_number(ordinal)) is not None:
        return n
    for line in header:
        text = line.text
        if line.role == "session" and (n := ordinal_number(text.split(" ")[0])) is not None:
            return n
        if line.role == "assembly" and (m := re.match(r"\d{1,3}", text)):
            return int(m.group(0))
        if line.role == "symbol" and (m := SYMBOL_SESSION.search(text)):
            return int(next(g for g in m.groups() if g))
    return 0


def counted_session(key: str, session: int, fields: dict[str, Any]) -> int:
    """A text's session as its draft counts it: `session` as read; but the Security Council numbers
    no sessions, and a Council draft's is the year it adopted the text (templates/unsc/body.yaml),
    from the day it was adopted or is dated, else its symbol's "(2006)", 0 where it states none
    (S/RES/1812 (208) was adopted in 2008); written into `fields` too."""
    if key != "unsc":
        return session
    day = fields.get("adopted") or fields.get("date")
    m = re.search(r"\((\d{4})\)$", str(fields.get("symbol") or ""))
    fields["session"] = year = day.year if isinstance(day, dt.date) else int(m.group(1)) if m else 0
    return year


def text_session(key: str, session: int, fields: dict[str, Any]) -> Session:
    """A text's Session: `counted_session`'s number; the Council's counts years."""
    return Session(counted_session(key, session, fields), key == "unsc")


def is_transition(text: str) -> bool:
    """Whether a paragraph's words are a transition formula ("Hereby resolves to:", "Resolves that:")."""
    return len(text) <= 300 and TRANSITION.search(text) is not None


_AGENDA_ITEMS = re.compile(r"Agenda items\s+(.+)", re.IGNORECASE)


def agenda_items(text: str) -> int:
    """How many agenda items a masthead line names in the plural ("Agenda items 13 and 75 (a)":
    two; "Agenda items 13, 117 and 121": three), each with its title under it; 0 for any other
    line, "Agenda item 104" too (one item, one title: nothing to count)."""
    m = _AGENDA_ITEMS.fullmatch(text.strip())
    return len(re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1))) if m else 0


def another_agenda_title(lines: Sequence[tuple[str, str]]) -> bool:
    """Whether a masthead line no pattern knows, after `lines` (each role and text, as read so
    far), is another agenda item's title: it follows a title, and the agenda line names more items
    than there are titles yet ("Agenda items 13 and 117": two titles, a line or paragraph each)."""
    if not lines or lines[-1][0] != "agenda-title":
        return False
    named = next((agenda_items(text) for role, text in lines if role == "agenda-item"), 0)
    return sum(role == "agenda-title" for role, _ in lines) < named


def sponsors_of(text: str) -> dict[str, Any]:
    """The sponsors and document type of a UN sponsors line ('A, B and C*: revised draft
    resolution', or '…: draft decision'), for every importer; {} for a line that is none. The
    names part at commas and at the last "and", which a name may hold itself ("Bosnia and
    Herzegovina and Zambia" is two)."""
    m = SPONSORS_LINE.match(text) if len(text) <= MAX_SPONSORS_LINE else None
    if m is None:
        return {}
    *first, last = [piece.strip() for piece in re.split(r",\s*", m.group("names").strip()) if piece.strip()] or [""]
    return {"sponsors": (*first, *_last_names(last)), "document_type": m.group("kind").strip()}


def _last_names(piece: str) -> list[str]:
    """The last one or two names of a sponsors list ("B and C"), parted at the "and" that joins
    them, not one inside a name ("B and Trinidad and Tobago" is B and Trinidad and Tobago)."""
    words = piece.split(" and ")
    if piece in NAMES_WITH_AND or len(words) == 1:
        return [piece] if piece else []
    for k in range(len(words) - 1, 0, -1):
        left, right = " and ".join(words[:k]), " and ".join(words[k:])
        if all(side in NAMES_WITH_AND or " and " not in side for side in (left, right)):
            return [left, right]
    return words


def _fields(body: str, session: int, header: Sequence[Line], title: Sequence[Line], closing: Line | None) -> dict[str, object]:
    """The document's facts, named as drafts name them (symbol, date, title, status, …)."""
    lines = {line.role: line.text for line in header}
    fields: dict[str, object] = {"body": body, "session": session}
    prefixes = {"distribution": r"Distr\.: ", "language": "Original: ", "agenda-item": "Agenda items? "}
    for role, text in lines.items():
        if role in ("symbol", "committee", "agenda-title", "report", "adoption"):
            fields[role.replace("-", "_")] = text
        elif role in prefixes:
            fields[role.replace("-", "_")] = re.sub(f"^{prefixes[role]}", "", text).strip()
        elif role == "sponsors":
            fields.update(sponsors_of(text))
    date = parse_date(lines["date"]) if "date" in lines else None
    if closing and (m := CLOSING_DATE.search(closing.text)):
        date = date or parse_date(m.group(0))
        if m.group(4):
            fields["venue"] = m.group(4).strip()
    if adopted := parse_date(lines.get("adoption", "")):
        fields["adopted"] = adopted
    if date:
        fields["date"] = date
    elif "date" in lines and (unfilled := Placeholder.printed(lines["date"])):  # a draft's date still to fill
        fields["date"] = unfilled
    for line in title:
        fields[line.role] = line.text
    if "status" in lines and "DRAFT" in lines["status"].upper():
        fields["status"] = "draft"
    elif "adopted" in fields or (closing and (closing.text.startswith("Adopted") or PLENARY.match(closing.text))):
        fields["status"] = "adopted"
    return fields


def _problem(source: Path | None, message: str, hint: str) -> LibraryError:
    """A user error about the text being read."""
    return LibraryError(Problem(Where(source) if source else None, message, hint))


NO_ENACTING_HINT = (
    "a resolution starts with a line such as 'The General Assembly,', 'The Security Council,', 'The Twenty-Seventh General Assembly:' "
    "or 'The Asian-African Legal Consultative Organization at its Fiftieth session,'"
)


def body_key(body: str | None, enacting: str | None, source: Path | None, otherwise: str = "unga") -> str:
    """The body a text is read as: the one its enacting formula (`enacting`, its words) names, else
    the one asked for (AIPO is AIPA), else `otherwise`. A body asked for that the enacting formula
    contradicts is a user error: asking is for a text that does not say, and a text read as another
    body's would import, and build, under that body's masthead and house style."""
    named = next((key for key, pattern in ENACTING if pattern.fullmatch(enacting.strip())), None) if enacting else None
    if body is None:
        return named or otherwise
    key = BODY_ALIASES.get(body.lower(), body.lower())
    if key not in BODIES:
        raise _problem(source, f"unknown body {body!r}", f"use one of: {', '.join(BODIES)}")
    return contradicted(key, named, enacting, source)


def contradicted(asked: str, named: str | None, enacting: str | None, source: Path | None) -> str:
    """The body asked for, unless the enacting formula names another: then a user error naming both."""
    if named is None or named == asked:
        return asked
    raise _problem(
        source,
        f"the enacting formula “{' '.join((enacting or '').split())}” is {named}'s, but the text was to be read as {asked}'s",
        f"leave out --body {asked}: it is for a text whose enacting formula names no body",
    )


def _find_enacting(blocks: Iterator[_Block], markdown: bool) -> tuple[_Enacting | None, list[_Block]]:
    """Read up to the enacting formula; the blocks just above it may hold the header."""
    before: deque[_Block] = deque(maxlen=16)
    for block in blocks:
        enacting = _enacting(block, markdown)
        if enacting:
            return enacting, list(before)
        before.append(block)
    return None, []


# "Resolution adopted by the General Assembly on 19 December 2023": the masthead line by which a UN
# resolution printed without its enacting formula (A/RES/78/225) is known; its title follows.
GA_ADOPTION_LINE = re.compile(r"^[ \t#*_]{0,12}Resolution adopted by the General Assembly\b", re.M)


def _after_title(text: str, markdown: bool) -> tuple[list[_Block], Iterator[_Block]] | None:
    """A UN General Assembly resolution printed without its enacting formula: the blocks down to
    its title (the block after the adoption line and the report in brackets under it), and the
    blocks after it, where the resolution begins. None where the text has no such masthead."""
    if GA_ADOPTION_LINE.search(text, 0, MAX_HEADER_CHARS) is None:
        return None
    blocks = _blocks(text)
    before: list[_Block] = []
    for block in blocks:
        before.append(block)
        if GA_ADOPTION_LINE.search(block.raw):
            break
    for block in blocks:  # the report in brackets under the adoption line, if any, then the title
        before.append(block)
        if not REPORT_LINE.match(_text(_block_content(block, markdown))):
            return None if block.rule else (before, blocks)
    return None


def _read_body(
    blocks: Iterator[_Block], markdown: bool, header: Sequence[Line], source: Path | None, start: str = "the enacting formula"
) -> _BodyReader:
    """Read everything after the enacting formula (or what stands for it, `start`)."""
    reader = _BodyReader(markdown, (s.marker for line in header for s in line.content if isinstance(s, FootnoteRef)))
    try:
        reader.read(blocks)
    except _TooLong as error:
        raise _problem(source, f"too long for one resolution: {error}", "pass one resolution at a time") from None
    if not reader.tops:
        raise _problem(
            source,
            f"no resolution found: no paragraphs follow {start}",
            f"preambular and operative paragraphs follow {start}, separated by blank lines",
        )
    for node, infer in with_inference(reader.tops):
        node.content, node.opening, node.emphasis = marked_opening(node.content, infer=infer)
    return reader


def parse_text(text: str, source: Path | None = None, body: str | None = None) -> Resolution:
    """Read a resolution written as Markdown or plain text into the document model.

    `source` names the file in error messages (and its extension says whether the text is
    Markdown); `body` ('aalco', 'aipa', 'unga', 'unsc') overrides the body the enacting formula names.
    """
    text = NOT_TEXT.sub("", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    if not text.strip():
        raise _problem(source, "the text is empty", "pass the text of a resolution, in Markdown or plain text")
    markdown = _is_markdown(text, source)
    blocks = _blocks(_from_header(text) or "")
    enacting, before = _find_enacting(blocks, markdown)
    if enacting is None and (untitled := _after_title(text, markdown)):
        before, blocks = untitled
    elif enacting is None:
        raise _problem(source, "no resolution found: there is no enacting formula", NO_ENACTING_HINT)
    key = body_key(body, enacting.line.text if enacting else None, source)
    header, title = _header(_header_blocks(before, markdown), key, markdown)
    reader = _read_body(blocks, markdown, header, source, "the enacting formula" if enacting else "the title")
    preamble, operative = split_parts(reader.tops, reader.transition_at)
    session = _session(enacting.ordinal if enacting else None, header)
    fields = _fields(key, session, header, title, reader.closing)
    date = fields.get("date")
    res = Resolution(
        body=key,
        session=text_session(key, session, fields),
        fields=fields,
        header=header,
        title=title,
        enacting=enacting.line if enacting else None,
        preamble=tuple(frozen(n, "preambular") for n in preamble),
        transition=reader.transition,
        operative=tuple(frozen(n, "operative") for n in operative),
        closing=reader.closing,
        footnotes=tuple(reader.notes),
        numbering=numbering_of(key, preamble, operative),
        emphasis=emphases(preamble, operative),
        date=date if isinstance(date, dt.date) else None,
        formatting_read=markdown,
    )
    return unanswered_as_text(powers_as_text(res), STARS)
