"""A PDF's laid-out page text, as pypdf gives it, as the plain text the text importer reads: one
line a paragraph, a blank line between paragraphs, the masthead's lines as they stand.

For a document that is not a UN resolution (an AALCO or AIPA text saved as PDF; the UN's own are
read by pdftext.py, which knows their furniture). The page text keeps the page's layout: lines
broken where the page broke them, words spaced out to justify them (pypdf spaces them to their
place across the page, so a line's length tells where it ends), first lines indented, page numbers
and running heads at the head and foot.

- Above the enacting formula each line stands as it is (a masthead's lines are facts of their
  own), but for one that ends in a comma, a hyphen or a word that cannot end a line of its own
  ("… VIENTIANE," over "LAO PDR"; "… TRAFFICKING IN" over "WOMEN AND CHILDREN"): the next goes on.
  The formula itself may run over three lines, broken after a hyphen ("Fifty-" / "Second").
- Below it a line runs on into the one before unless it opens a paragraph: after a blank line on
  the same page; where its words open a formula ("Hereby resolves to:", "Adopted this …"); with a
  label ("1.", "(a)") after a line ending a clause (";", ":", ".", or "; and"); indented further
  than a line ending a clause (a first line), or than a paragraph's second line (a first line
  after one ending "…, and"); indented less than a hanging indent's lines, after one ending a
  clause; at the indent of a first line that ended a clause on one line of its own; or after a
  line ending a clause that stopped short of the margin by more than this line's first word, in a
  text whose paragraphs do not open indented.
- Words are taken singly spaced, a word broken after its hyphen ("Asian-" / "African") is one.
- A page number alone at a page's head or foot ("1", "- 2 -", "Page 3 of 5", "2/5") goes, and so
  does a line at the head or foot of two pages or more that reads the same but for its numbers
  (a running head: "AALCO/RES/52/S 8", a footer "AALCO Secretariat, New Delhi 2").
- Footnotes at a page's foot (below a blank line, "1  Circulated to …", numbered on from the last
  page's) are taken out of the page where each one's number stands glued to the text above them
  ("… /2013/S 8;1", "… ASEAN.3"; or, where it stands so nowhere, to a symbol's last part,
  "26GA/2005/Soc/031"): the number is raised there and the notes follow the text, raised digits
  opening each, as the text importer reads footnotes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from resdraft.errors import LibraryError, Problem, Where
from resdraft.importers.pdftext import glued_marker
from resdraft.vocabulary import FUNCTION_WORDS

_PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-|\d+|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)$", re.I)
_ENDS = re.compile(r"(?:[;:.][”’\")]?|[;,] (?:and|or))$")
_LABEL = re.compile(r"^(?:\d{1,3}\.?|\(?[a-z]{1,4}\)|[a-z]\.|[ivxlc]+\.)\s", re.I)
_HYPHENS = ("-", "‐", "‑", "–")
_OPENS_FORMULA = re.compile(
    r"^(?:Hereby resolves\b|Resolves (?:to|that)\b|Accepting all of the above\b|(?:Adopted|Done|Approved) (?:this|on|at|in|by)\b)"
)
_HEAD_LINES = 2  # lines at a page's head and at its foot that may be running heads
MARGIN_INDENT = 20  # characters a line of the text may be indented by; one indented further is centred or ranged right
SLACK = 10  # characters of the margin a line may stop short of and still have run on (pypdf's spacing is approximate)


def unlaid(pages: Sequence[str], source: Path | None = None) -> str:
    """The pages' text as paragraphs (see the module's docstring). A second enacting formula is
    refused: the PDF holds more than one resolution (as AALCO prints a session's together)."""
    from resdraft.importers.text import ENACTING

    def formula(words: str) -> bool:
        return any(pattern.fullmatch(words) for _, pattern in ENACTING)

    laid = _without_running_lines([_without_page_numbers([line.rstrip() for line in page.splitlines()]) for page in pages])
    notes: list[tuple[int, list[str]]] = []
    for page_lines in laid:
        page_lines[:] = _without_footnotes(page_lines, notes)
    lines: list[tuple[str, int, int]] = []  # (a line as laid out, its page's right margin, its page) with "" for blank
    for number, page_lines in enumerate(laid):
        # (its text's right margin: where the lines that start near the left one end, not a line ranged right)
        right = max((len(line) for line in page_lines if line.strip() and _indent(line) < MARGIN_INDENT), default=0)
        lines += [(line, right, number) for line in page_lines]
    out: list[str] = []
    k = 0
    while k < len(lines):  # the masthead, down to the enacting formula
        words = _words(lines[k][0])
        found = next((n for n in (1, 2, 3) if formula(_joined([_words(line) for line, _, _ in lines[k : k + n]]))), None)
        if found:
            out += [*([""] if out and out[-1] else []), _joined([_words(line) for line, _, _ in lines[k : k + found]]), ""]
            k += found
            break
        if out and out[-1] and words and _runs_on_in_masthead(out[-1]):
            out[-1] = _joined([out[-1], words])
        elif words or (out and out[-1]):
            out.append(words)
        k += 1
    indents = _first_lines_indented([line for line, _, _ in lines[k:] if line.strip()])
    previous: tuple[str, int, int] | None = None  # the last line written in the body (None: the formula)
    first = True  # whether `previous` opened its paragraph
    blank = False  # whether a blank line on the same page stands between `previous` and this line
    for line, right, page in lines[k:]:
        words = _words(line)
        if not words:
            blank = True
            continue
        if formula(words):
            raise LibraryError(
                Problem(
                    Where(source) if source else None,
                    f"the PDF holds more than one resolution: another begins on page {page + 1} (“{words}”)",
                    "save each resolution's pages as a PDF of its own (e.g. qpdf in.pdf --pages in.pdf 1-2 -- out.pdf) and pass those",
                )
            )
        opens = previous is None or _opens(previous, (line, right, page), first, blank and previous[2] == page, indents)
        if not opens and out[-1]:
            out[-1] = _joined([out[-1], words])
            first = False
        else:
            out += [*([""] if out[-1] else []), words]
            first = True
        previous, blank = (line, right, page), False
    for number, texts in notes:
        out += [*([""] if out and out[-1] else []), f"{_raised(number)} {_joined(texts)}"]
    return "\n".join(out).strip() + "\n"


_NOTE = re.compile(r"(\d{1,3})\s+(\S.*)")  # a footnote's first line at a page foot: "1  Circulated to …"
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LETTERS = r"[^\W\d_]"


def _raised(number: int) -> str:
    return str(number).translate(_RAISED)


def _without_footnotes(lines: list[str], notes: list[tuple[int, list[str]]]) -> list[str]:
    """A page's lines without the footnotes at its foot, which go on `notes` (number, lines' words):
    from the first line after a blank one that opens the footnote due (numbered on from the notes
    so far), to the page's end, where the number of every note there stands glued to the text
    above; each such number is raised in its line."""
    due = notes[-1][0] + 1 if notes else 1
    for start in range(1, len(lines)):
        first = _NOTE.fullmatch(lines[start].strip())
        if lines[start - 1].strip() or not first or int(first.group(1)) != due:
            continue
        found: list[tuple[int, list[str]]] = []
        for line in filter(str.strip, lines[start:]):
            opens = _NOTE.fullmatch(line.strip())
            if opens and int(opens.group(1)) == due + len(found):
                found.append((due + len(found), [opens.group(2)]))
            else:
                found[-1][1].append(_words(line))
        body = _with_marks_raised(lines[:start], [number for number, _ in found])
        if body is not None:
            notes += found
            return body
    return lines


def _with_marks_raised(lines: list[str], numbers: list[int]) -> list[str] | None:
    """The lines with each of `numbers`, in order, raised where it first stands glued to the text
    after the one before (or, where it stands so nowhere, to a symbol's last part); None where
    one stands nowhere so."""
    out = list(lines)
    at = (0, 0)  # (line, character) after the last number raised
    for number in numbers:
        spot = _spot(out, number, at, _glued) or _spot(out, number, at, _ends_symbol)
        if spot is None:
            return None
        k, start = spot
        out[k] = out[k][:start] + _raised(number) + out[k][start + len(str(number)) :]
        at = (k, start + 1)
    return out


def _spot(
    lines: list[str], number: int, after: tuple[int, int], glued: Callable[[str, int, int], bool]
) -> tuple[int, int] | None:
    """The first place (line, character) after `after` where `number` stands as `glued` says a footnote mark does."""
    mark = re.compile(rf"{number}(?![\w/])")
    for k in range(after[0], len(lines)):
        line = lines[k]
        for found in mark.finditer(line, after[1] if k == after[0] else 0):
            if glued(line, found.start(), found.end()):
                return k, found.start()
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """A mark glued to a word or a mark, as the UN reader knows them, or after the full stop of a
    word in capitals ("ASEAN.3"), one that is no symbol's part ("C-SS-4/DEC.3", "Add.3": the UN
    reader's rule leaves these out, and taken there it would read the UN's symbols otherwise)."""
    return glued_marker(text, start, end) or re.search(rf"(?:^|\s){_LETTERS}{{3,}}\.$", text[:start]) is not None


def _ends_symbol(text: str, start: int, end: int) -> bool:
    """A mark glued to the last part of a document symbol, that part still two characters or more without it."""
    token = text[:start].rsplit(" ", 1)[-1]
    return "/" in token and len(token.rsplit("/", 1)[-1]) >= 2


def _words(line: str) -> str:
    return " ".join(line.split())


def _joined(parts: list[str]) -> str:
    """Lines' words run on: with a space, or none after a word broken at its hyphen."""
    out = ""
    for part in parts:
        if not part:
            continue
        out = part if not out else out + ("" if out.endswith(_HYPHENS) and out[-2:-1].isalpha() else " ") + part
    return out


def _runs_on_in_masthead(words: str) -> bool:
    """Whether a masthead line goes on on the next: it ends in a comma, a hyphen or a word no line ends on."""
    last = words.rsplit(" ", 1)[-1]
    return words.endswith((",", *_HYPHENS)) or last.lower() in FUNCTION_WORDS


def _without_page_numbers(lines: list[str]) -> list[str]:
    """A page's lines without a page number standing alone at its head or foot."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    for k in (filled[:1] + filled[-1:]) if filled else []:
        if _PAGE_NUMBER.match(lines[k].strip()):
            lines[k] = ""
    return lines


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without the lines at their head or foot that two pages or more have alike, their
    numbers aside (a running head or footer)."""
    if len(pages) < 2:
        return pages

    def edges(page: list[str], number: int) -> list[int]:
        filled = [
            k for k, line in enumerate(page) if line.strip()
        ]  # (the first page's head is its masthead, but for its first line)
        return [*filled[: _HEAD_LINES if number else 1], *filled[-_HEAD_LINES:]]

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", _words(line)).lower()

    seen = Counter(key(page[k]) for n, page in enumerate(pages) for k in set(edges(page, n)))
    running = {text for text, count in seen.items() if count >= 2 and len(text) > 1}
    return [
        [("" if k in edges(page, n) and key(line) in running else line) for k, line in enumerate(page)]
        for n, page in enumerate(pages)
    ]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _first_lines_indented(lines: list[str]) -> bool:
    """Whether a text's paragraphs open indented: most lines after one ending a clause are indented further."""
    after = [line for before, line in itertools.pairwise(lines) if _ENDS.search(before)]
    return len(after) >= 2 and sum(_indent(b) > _indent(a) for a, b in itertools.pairwise(lines) if _ENDS.search(a)) * 2 > len(
        after
    )


def _opens(
    previous: tuple[str, int, int], current: tuple[str, int, int], first: bool, blank: bool, indents: bool = False
) -> bool:
    """Whether a line opens a paragraph after `previous` (see the module's docstring): `first`,
    whether that one opened its own; `blank`, whether a blank line stands between them on a page;
    `indents`, whether the text opens its paragraphs indented (then a line at the margin never
    opens one for where the line before it stopped: a sentence may end a line inside a paragraph)."""
    before, right, _ = previous
    line = current[0]
    words = _words(line)
    if blank or _OPENS_FORMULA.match(words):
        return True
    if not _ENDS.search(before):
        return not first and _indent(line) > _indent(before)  # (a first line indented, after one ending "and")
    if _indent(line) > _indent(before) or _LABEL.match(words):
        return True
    if _indent(line) < _indent(before) and not first:  # (a hanging indent's paragraph ended: "1    …" / "     …;")
        return True
    if first and _indent(line) == _indent(before) > 0:  # (a paragraph of one line, another after it)
        return True
    if indents:
        return False
    return len(before) + 1 + len(words.split(" ", 1)[0]) + SLACK < right  # (its first word would have fitted: the line ended)
