"""Drafting-style lint: a draft or a document checked against UN editorial practice and its body's lint.yaml.

`lint(spec)` reads a draft (and the clauses it uses) or any document `read_document` reads, and
returns every finding at once; `render_lint` prints them as text or JSON. A draft's findings
name the file and line to edit (the clause file's line when the words are the clause's); a
document's name the paragraph ("operative paragraph 4 (b)"). Nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from resdraft.bodynames import name_pattern, names_a_past_act
from resdraft.errors import OutputError, Problem, Problems, ResdraftError, Where
from resdraft.importers.dates import MONTH
from resdraft.importers.openings import AUXILIARIES, declaration_start, qualifies_noun
from resdraft.inline import anchors
from resdraft.library import Library
from resdraft.library.bodies import BodyStyle, paragraph_mark
from resdraft.library.lintrules import LintRules, read_lint_rules
from resdraft.model import Draft, FootnoteRef, Line, Numbering, Paragraph, Resolution, Session, SubClause, Use
from resdraft.numbering import (
    FIRST_COUNTERS,
    SECTION,
    counter_styles,
    counter_value,
    heading_kinds,
    heading_labels,
    is_section_title,
)
from resdraft.numbering import label as nth_label
from resdraft.recalls import Series
from resdraft.session_refs import names_own_session
from resdraft.sessions import (
    RELATIONS,
    ordinal_figure,
    ordinal_form,
    ordinal_pattern,
    ordinal_words,
    relation,
    session_number,
)
from resdraft.templating import join_and
from resdraft.vocabulary import FUNCTION_WORDS
from resdraft.yamlsource import YDict, YList, load_yaml

Severity = Literal["error", "warning"]
Part = Literal["preamble", "operative"]
Locate = Callable[[str], Where | None]  # the line of a text that holds some words
MISSING_FOOTNOTE = "[missing footnote]"


# ================================================================ the report


@dataclass(frozen=True)
class Finding:
    """One departure from the house style: where, which rule, how serious, what is wrong and how to fix it."""

    rule: str
    severity: Severity
    message: str
    hint: str
    file: str
    line: int | None
    paragraph: str | None
    order: tuple[int, ...] = field(default=(), compare=False, repr=False)

    @property
    def where(self) -> str:
        """'clauses/unga-trafficking.yaml:12', or the document's name."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def to_json(self) -> dict[str, Any]:
        """The finding as the stable JSON schema has it."""
        return {
            "file": self.file,
            "line": self.line,
            "paragraph": self.paragraph,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class LintReport:
    """Every finding for one draft or document, in document order."""

    source: str
    body: str
    session: int
    findings: tuple[Finding, ...]
    unlisted: tuple[tuple[str, str], ...] = ()  # rules off because the library's lint.yaml files leave them out (LintRules)
    listed_in: str = ""  # the library's shared lint.yaml, where they go

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def render_lint(report: LintReport, fmt: str = "text") -> str:
    """The report as text (one finding a line with its hint, then a summary) or as JSON."""
    if fmt == "json":
        data = {
            "source": report.source,
            "body": report.body,
            "session": report.session,
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "findings": [f.to_json() for f in report.findings],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "text":
        raise OutputError(Problem(None, f"unknown lint format {fmt!r}", "use text or json"))
    out = []
    for f in report.findings:
        place = f"{f.paragraph}: " if f.paragraph else ""
        out.append(f"{f.where}: {f.severity} [{f.rule}] {place}{f.message}")
        if f.hint:
            out.append(f"  hint: {f.hint}")
    errors, warnings = len(report.errors), len(report.warnings)
    if report.findings:
        out.append(f"{report.source}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    else:
        out.append(f"{report.source}: no problems")
    if report.unlisted:  # (a library's lint.yaml older than a rule: left out is off, and nothing said so)
        rules = join_and(rule for rule, _ in report.unlisted)
        stock = join_and(f"`{rule}: {severity}`" for rule, severity in report.unlisted)
        out.append(
            f"note: {report.listed_in} leaves out {rules}, so {'it is' if len(report.unlisted) == 1 else 'they are'} not "
            f"checked; list {'it' if len(report.unlisted) == 1 else 'each'} under `rules:` as error, warning or off "
            f"(resdraft's own lint.yaml has {stock})"
        )
    return "\n".join(out) + "\n"


# ================================================================ where words come from


class _Files:
    """The raw lines of the YAML files a draft uses, to point at the line that holds some words."""

    _KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)|^\s*-\s")
    _ANCHOR = re.compile(r"\[\^[^\]\s]+\]")

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}
        self._yaml: dict[Path, Any] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        return self._lines[path]

    def yaml(self, path: Path) -> Any:
        """The file as YAML with line numbers (None when it cannot be read; loading reports that)."""
        if path not in self._yaml:
            try:
                self._yaml[path] = load_yaml(path)
            except ResdraftError:
                self._yaml[path] = None
        return self._yaml[path]

    def _block(self, start: Where) -> list[tuple[int, str]]:
        """The lines of the YAML value that starts at `start`: until a line indented less, or a sibling key or item."""
        lines = self.lines(start.path)
        if not 1 <= start.line <= len(lines):
            return []
        first = lines[start.line - 1]
        indent = len(first) - len(first.lstrip())
        block = [(start.line, first)]
        for number in range(start.line + 1, min(len(lines), start.line + 300) + 1):
            text = lines[number - 1]
            if not text.strip():
                break
            level = len(text) - len(text.lstrip())
            if level < indent or (level == indent and self._KEY.match(text)):
                break
            block.append((number, text))
        return block

    def locate(self, start: Where | None, needle: str) -> Where | None:
        """The line of the value starting at `start` that holds `needle` (or most of it); `start` if none does."""
        if start is None or not needle.strip():
            return start
        block = self._block(start)
        for number, text in block:
            if needle in text:
                return Where(start.path, number)
        chars: list[str] = []
        owners: list[int] = []
        for number, text in block:
            for ch in self._ANCHOR.sub("", text.strip()) + " ":
                if ch in "*^" or (ch.isspace() and (not chars or chars[-1] == " ")):
                    continue
                chars.append(" " if ch.isspace() else ch)
                owners.append(number)
        joined = "".join(chars)
        words = needle.replace("*", "").replace("^", "").split()
        for k in range(len(words), 0, -1):
            at = joined.find(" ".join(words[:k]))
            if at >= 0:
                return Where(start.path, owners[at])
        return start


@dataclass(frozen=True)
class _Origin:
    """Where a paragraph's parts are written in a draft's files (all None for a document)."""

    use: Where | None = None  # the paragraph's entry in the draft
    opening: Where | None = None  # where its opening phrase is written
    text: Where | None = None  # where its text starts
    raw: str = ""  # its text as written, Jinja not rendered
    end: Where | None = None  # where an `end:` override is set, if one is
    subs: tuple[_Origin, ...] = ()


@dataclass(frozen=True)
class _Item:
    """A paragraph or sub-paragraph to check, with its place in the document and the mark it should end with."""

    part: Part
    index: int
    labels: tuple[str, ...]
    paragraph: Paragraph
    ends: tuple[str, ...]  # the mark it should end with, then any other the body's practice allows
    penultimate: bool
    origin: _Origin
    order: tuple[int, ...]
    heading: bool = False  # a part's heading in a sectioned resolution (or a draft's `numbered: false` one): not a paragraph
    preambular: bool = False  # a paragraph of a section's own preamble, in the operative part (documents)
    number: int | None = None  # the number printed on its (top-level) paragraph, if any
    section: str | None = None  # its section ("III"), where each section is numbered from 1 again
    after: tuple[int, int] | None = None  # unnumbered among numbered ones: the number printed before it, and which after it
    under: tuple[str, int] | None = None  # unnumbered after a heading among numbered ones: the heading, and which after it
    # a paragraph (or sub-paragraph) of a declaration the resolution adopts: "We …", no resolution's phrasing
    declared: bool = False

    @property
    def position(self) -> str:
        """'preamble paragraph 3', 'operative paragraph 4 (b) (ii)': by the number printed on the
        paragraph, which a section's heading before it leaves behind its place; an unnumbered one
        after a numbered one by that number ('unnumbered paragraph 2 after operative paragraph 10',
        a line of the list paragraph 10 introduces), never by a place another paragraph's number names;
        one after a heading among numbered ones by the heading ('unnumbered paragraph 1 under the
        heading “Pension Administration”', a table's rows); else by its place."""
        where = f" of section {self.section}" if self.section else ""
        if self.number is None and self.after is not None:
            number, k = self.after
            return " ".join((f"unnumbered paragraph {k} after {self.part} paragraph {number}", *self.labels)) + where
        if self.number is None and self.under is not None:
            heading, k = self.under
            return " ".join((f"unnumbered paragraph {k} under the heading “{heading}”", *self.labels)) + where
        return " ".join((f"{self.part} paragraph {self.number if self.number is not None else self.index}", *self.labels)) + where


# ================================================================ vocabulary helpers


def _words(phrase: str) -> list[str]:
    """Lower-cased words without the punctuation around them."""
    return [w for w in (w.strip(",;:.!?“”\"'()").lower() for w in phrase.split()) if w]


def _heads(phrases: Iterable[str]) -> frozenset[str]:
    """The first word of each phrase."""
    return frozenset(p.split()[0] for p in phrases if p.split())


def _third_person(word: str) -> bool:
    """'urges', 'calls' — not 'address', 'focus', 'analysis'."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _participle(verb: str) -> str:
    """'recalls' -> 'recalling', 'notes' -> 'noting', 'urge' -> 'urging'."""
    stem = verb[:-1] if _third_person(verb) else verb
    return (stem[:-1] if stem.endswith("e") and not stem.endswith("ee") else stem) + "ing"


def _title(words: str) -> str:
    return words[:1].upper() + words[1:]


def _past_adverbs(phrase: str, text: str, adverbs: frozenset[str]) -> str:
    """An opening phrase that is adverbs alone ("Ever", as a document's reading may mark it) taken on
    to the word they qualify ("Ever mindful"), when the text begins with it."""
    words, following = phrase.split(), text.split()
    if following[: len(words)] != words:
        return phrase
    n = len(words)
    while n < len(following) and all(w in adverbs for w in _words(" ".join(following[:n]))):
        n += 1
    return " ".join(following[:n])


# A number glued to the end of a paragraph as a superscript marker is: "2012,14", "Development;15", "Council3".
_GLUED_NOTE = re.compile(r"(?:[^\W\d_]{3}|(?<![\d/.-])(?:19|20)\d\d|[)”’])[,;:.]?(\d{1,3})$")


def _first_words(text: str, rules: LintRules) -> str:
    """An opening phrase for a paragraph that has none marked: its first word and any 'also'/'further' after it."""
    words = text.split()
    out = words[:1]
    for k, w in enumerate(words[1:3], 1):
        if w.strip(",").lower() in rules.repeats and not qualifies_noun([*out, w], " ".join(words[k + 1 : k + 2])):
            out.append(w.strip(","))
        else:
            break
    return " ".join(out)


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)  # an expression or a statement, in a clause's text


# Sessions: "Fifty-First Annual Session", "sixty-fifth session", "53rd session".
@cache
def _session_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    sessions = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?P<ord>{ordinal_pattern()})(?P<between>(?:\s+[A-Za-z]+){{0,2}}?)\s+(?:{sessions})s?\b", re.IGNORECASE)


def _jinja_for(ordinal: str, number: int, session: int) -> str:
    """The Jinja that writes an ordinal the way it is written: '{{ session.next.ordinal_title }}'."""
    return f"{{{{ {RELATIONS[number - session]}.{ordinal_form(ordinal)} }}}}"


def _ordinal_name(n: int) -> str:
    return f"{ordinal_words(n)} ({ordinal_figure(n)})"


_CITATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bRes\.\s?(?P<n>\d{1,4}/\d{1,4})\b"), "abbreviates “resolution”"),
    (
        re.compile(r"\bresolutions?\s+(?:no|nr|number)\.?\s*(?P<n>\d{1,4}/\d{1,4})\b", re.IGNORECASE),
        "puts “no.” before the number",
    ),
    (re.compile(r"\bresolution\s+(?P<n>\d{1,4}/\d{1,4}),?\s+dated\b", re.IGNORECASE), "dates it with “dated”"),
    (
        re.compile(rf"\bresolution\s+(?P<n>\d{{1,4}}/\d{{1,4}})\s+of\s+(?:{MONTH}\s+\d|\d{{1,2}}\s?(?:st|nd|rd|th)\b)", re.I),
        "writes the date other than “18 December 2008”",
    ),
)


def _quote_problem(text: str) -> tuple[str, int] | None:
    """What is wrong with the quotation marks of a text, and where."""
    depth, first = 0, -1
    for i, ch in enumerate(text):
        if ch == "“":
            first = i if depth == 0 else first
            depth += 1
        elif ch == "”":
            if depth == 0:
                return "a closing ” has no opening “", i
            depth -= 1
    if depth:
        return "an opening “ is never closed", first
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2:
        return 'a " has no partner', straight[-1]
    return None


def _bracket_problem(text: str) -> tuple[str, int] | None:
    """What is wrong with the brackets of a text, and where."""
    pairs = {")": "(", "]": "["}
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in ")]":
            if not stack:
                return f"“{ch}” closes a bracket that was never opened", i
            opened, at = stack.pop()
            if opened != pairs[ch]:
                return f"“{opened}” is closed by “{ch}”", at
    if stack:
        opened, at = stack[-1]
        return f"“{opened}” is never closed", at
    return None


def _always(where: Where | None) -> Locate:
    """A locator for a text whose line is known (a formula) or that has none (a document)."""

    def locate(_words: str) -> Where | None:
        return where

    return locate


def _around(text: str, at: int) -> str:
    """A few words of a text from position `at`, to show and to find the line."""
    return " ".join(text[at:].split()[:5])[:60]


# ================================================================ the checks


class _Linter:
    """Runs every rule over one Resolution's items and collects the findings."""

    def __init__(self, rules: LintRules, session: int, name: str, files: _Files) -> None:
        self.rules, self.session, self.name, self.files = rules, session, name, files
        self.findings: list[Finding] = []
        self.pre_heads = _heads(rules.preamble_openings)
        self.verb_heads = _heads(rules.operative_verbs)
        self.style: BodyStyle | None = None  # the body's house style, once read: its names by session
        self.series: Series | None = None  # a draft's previous texts, when it has yet to recall the last of them
        self.previous: Draft | None = None  # the draft a draft continues, where the library has it

    # ------------------------------------------------------------ reporting

    def emit(
        self,
        rule: str,
        message: str,
        hint: str,
        where: Where | None,
        paragraph: str | None,
        order: tuple[int, ...],
        soft: bool = False,
    ) -> None:
        setting = self.rules.severity(rule)
        if setting == "off":
            return
        severity: Severity = "warning" if soft or setting == "warning" else "error"
        if where is not None:
            file, line = str(Where(where.path)), where.line or None
        else:
            file, line = self.name, None
        key = (*order, *(0,) * (6 - len(order)), len(self.findings))  # document order, then the order found
        self.findings.append(Finding(rule, severity, message, hint, file, line, paragraph, key))

    def at(self, item: _Item, where: Where | None) -> Where | None:
        """A place in the draft: the given one, else the paragraph's entry (None for a document)."""
        return where or item.origin.use

    def in_text(self, item: _Item, needle: str) -> Where | None:
        """The line of the paragraph's written text that holds some words."""
        return self.at(item, self.files.locate(item.origin.text, needle))

    # ------------------------------------------------------------ opening phrases

    def _phrase(self, item: _Item, preambular: bool) -> str:
        """A paragraph's opening phrase: as marked, else its first words; adverbs alone are read on
        to the word they qualify."""
        p = item.paragraph
        adverbs = self.rules.preamble_adverbs if preambular else self.rules.operative_adverbs
        return _past_adverbs(p.opening or _first_words(p.text, self.rules), p.text, adverbs)

    def opening(self, item: _Item) -> None:
        preambular = item.part == "preamble" or item.preambular
        phrase = self._phrase(item, preambular)
        words = _words(phrase)
        if not words:
            return
        where = self.at(item, item.origin.opening)
        if preambular:
            self._preamble_opening(item, phrase, words, where)
        else:
            self._operative_opening(item, phrase, words, where)

    def heading(self, item: _Item, numbered: bool) -> bool:
        """Whether a document's paragraph is the heading of a part of a sectioned resolution ("II",
        "Budget performance report for …", "Social aspects", "Action 1."): no number, no closing
        mark (but the stop of an action's pledge, "We will …."), and a section's label, or no
        opening a paragraph of its part has: in the preamble, a short line without a participle or adjective; among numbered paragraphs, without a verb (a plural
        noun, "Investments of …", passes for a verb in the third person, so only in a short line)."""
        p = item.paragraph
        if p.heading:  # marked as one (`heading: true`, or read as one)
            return True
        text = p.text.rstrip()
        if item.labels or p.number is not None or p.subparagraphs or not text:
            return False
        numeral = p.label if p.label and SECTION.fullmatch(p.label) else None
        if text[-1] in ".,;:" and not (numeral and is_section_title(numeral, text)):
            return False
        if numeral:
            return True
        words = _words(self._phrase(item, item.part == "preamble"))
        if not words:
            return False
        short = len(text.split()) <= HEADING_WORDS
        if item.part == "preamble":
            return short and not self._preambular(words)
        head = self._head(words, self.rules.operative_adverbs)
        third_person = self.rules.operative_form == "third-person" and _third_person(head)
        return numbered and head not in self.verb_heads and (short or not third_person)

    def section_preamble(self, items: list[_Item], punctuation: Mapping[str, str]) -> list[_Item]:
        """The operative part's items with each section's own preamble marked: the unnumbered
        paragraphs after a heading, before the section's first numbered one, that open with a
        participle or adjective ("Having considered the reports …,"). They end as preambular ones do."""
        out = list(items)
        run: list[int] = []  # the section preamble being read: positions in `out`
        after_heading = False
        for k, item in enumerate(out):
            if item.labels:
                continue
            p = item.paragraph
            if item.heading:
                after_heading, run = True, []
                continue
            words = _words(self._phrase(item, preambular=True))
            if after_heading and p.number is None and words and self._preambular(words):
                run.append(k)
                continue
            for n, at in enumerate(run, start=1):  # the section's first numbered paragraph, or another kind: the run ends
                mark = punctuation["preambular_last"] if n == len(run) else punctuation["preambular"]
                out[at] = replace(out[at], preambular=True, ends=(mark,))
            after_heading, run = False, []
        return out

    def chapeau(self, item: _Item) -> bool:
        """Whether a paragraph is a participial phrase over sub-paragraphs that each open with an
        operative verb of their own (the Council's "Acting under Chapter VII of the Charter of the
        United Nations," over "(i) Decides …" and "(ii) Requests …", S/RES/1590 (2005)): the phrase
        qualifies each, and so ends with a comma, not with a colon."""
        p = item.paragraph
        words = _words(self._phrase(item, True))
        if not p.subparagraphs or not words or not self._preambular(words):
            return False
        heads = (_words(_first_words(sub.text, self.rules)) for sub in p.subparagraphs)
        return all(head and self._head(head, self.rules.operative_adverbs) in self.verb_heads for head in heads)

    def _head(self, words: list[str], adverbs: frozenset[str]) -> str:
        i = 0
        while i < len(words) - 1 and words[i] in adverbs:
            i += 1
        return words[i]

    def _preambular(self, words: list[str]) -> bool:
        """Whether an opening's words (past any adverb) are a participle or adjective, as a preambular paragraph's are."""
        return self._participial(self._head(words, self.rules.preamble_adverbs))

    def _participial(self, word: str) -> bool:
        return word in self.pre_heads or word.endswith(self.rules.participle_endings)

    def _preamble_opening(self, item: _Item, phrase: str, words: list[str], where: Where | None) -> None:
        head = self._head(words, self.rules.preamble_adverbs)
        if self._participial(head):
            return
        known = any(form in self.verb_heads for form in (head, f"{head}s", f"{head}es", head[:-1], head[:-2]))
        if known or _third_person(head):
            # Only a verb the lists know is an error: "Developments" or "Governments" are nouns.
            self.emit(
                "preamble-opening",
                f"“{phrase}” is {'an operative verb' if known else 'not a participle or adjective; it reads as an operative verb'};"
                " a preambular paragraph opens with a participle or adjective",
                f"write “{_title(_participle(head))}” (or move the paragraph to the operative part)",
                where,
                item.position,
                item.order,
                soft=not known,
            )
        else:
            self.emit(
                "preamble-opening",
                f"“{phrase}” is not a participle or adjective this body's lint rules know",
                "open with a participle or adjective (“Recalling”, “Mindful of”), or add the word to "
                f"preamble.extra_openings in templates/{self.rules.body}/lint.yaml",
                where,
                item.position,
                item.order,
                soft=True,
            )

    def _operative_opening(self, item: _Item, phrase: str, words: list[str], where: Where | None) -> None:
        base = self.rules.operative_form == "base"
        if words[0] == "to" and len(words) > 1:
            self.emit(
                "operative-opening",
                f"“{phrase}” opens with “To”",
                "drop “To”: the words before the operative part (“Hereby resolves to:”) already supply it",
                where,
                item.position,
                item.order,
                soft=True,
            )
            words = words[1:]
        head = self._head(words, self.rules.operative_adverbs)
        if head in self.verb_heads:
            return
        form = "the base form (“Urge”, “Request”)" if base else "the third person (“Urges”, “Requests”)"
        if self._participial(head):
            stem = head[:-3] if head.endswith("ing") else head
            candidates = [stem, f"{stem}e"] if base else [f"{stem}s", f"{stem}es"]
            better = next((c for c in candidates if c in self.verb_heads), None)
            # A known participle, or one of a known verb, is an error; "During" or "Pending" only looks like one.
            self.emit(
                "operative-opening",
                f"“{phrase}” is a participle or adjective; an operative paragraph opens with a verb in {form}",
                f"write “{_title(better)}”" if better else f"open with a verb in {form}, or move the paragraph to the preamble",
                where,
                item.position,
                item.order,
                soft=better is None and head not in self.pre_heads,
            )
            return
        if not base:
            if _third_person(head):
                return
            better = next((c for c in (f"{head}s", f"{head}es") if c in self.verb_heads), None)
            if better:
                self.emit(
                    "operative-opening",
                    f"“{phrase}” is the base form; this body opens operative paragraphs in the third person",
                    f"write “{_title(better)}”",
                    where,
                    item.position,
                    item.order,
                )
                return
        else:
            stems = (head[:-1], head[:-2]) if _third_person(head) else ()
            better = next((s for s in stems if s in self.verb_heads), None)
            if better:
                self.emit(
                    "operative-opening",
                    f"“{phrase}” is in the third person; this body opens operative paragraphs in the base form",
                    f"write “{_title(better)}”",
                    where,
                    item.position,
                    item.order,
                )
                return
        self.emit(
            "operative-opening",
            f"“{phrase}” is not a verb this body's lint rules know",
            f"open with a verb in {form}, or add it to operative.extra_verbs in templates/{self.rules.body}/lint.yaml",
            where,
            item.position,
            item.order,
            soft=True,
        )

    # ------------------------------------------------------------ repeated openings

    def repeats(self, items: Sequence[_Item]) -> None:
        """'Recalling', then 'Recalling also', then 'Recalling further': within a run of paragraphs with
        one opening (repeat_scope: consecutive, the default) or anywhere in the part (repeat_scope: part)."""
        sequence = self.rules.repeats
        keys = [self._repeat_key(item) for item in items]
        used = set(keys)  # a suggestion must not repeat a form used anywhere in the part
        seen: dict[tuple[str, str], _Item] = {}
        # The forms used before a table's rows, which the GA's practice both continues ("Approves",
        # [table], "Also approves") and starts afresh after ("Approves", [table], "Approves"):
        # neither is a finding (A/RES/78/253 sections XII and VII).
        before_table: set[tuple[str, str]] = set()
        table = False
        previous = ""
        for item, key in zip(items, keys, strict=True):
            base, modifier = key
            if self._set_form(item):  # "Decides to remain seized of the matter" after "Decides to extend …"
                continue
            if item.after is not None or (item.under is not None and not item.preambular):
                table = True  # a table's row (below a numbered paragraph, or a heading of its own): no paragraph
                continue
            if table:
                before_table |= seen.keys()
                seen, table = {}, False
            if self.rules.repeat_scope == "consecutive" and base != previous:
                # A run of one opening starts again after another opening, as UN practice has it.
                seen = {k: v for k, v in seen.items() if k[0] != base}
                used = {k for k in used if k[0] != base} | {k for k in keys if k[0] == base}
            previous = base
            if not base:
                continue
            where = item.origin.use
            if key in seen and self.rules.repeat_scope == "consecutive" and all((base, m) in seen for m in ("", *sequence)):
                # "Requests", "Also requests", "Further requests", then "Requests" again: GA texts start the
                # forms afresh once all are used (243 runs in the 659 adopted texts), so that is no repeat.
                seen = {k: v for k, v in seen.items() if k[0] != base}
            if key in seen:
                taken = {m for (b, m) in used if b == base}
                forms = ["", *sequence]
                nxt = next((m for m in forms[forms.index(modifier) + 1 :] if m not in taken), None)
                if nxt:
                    used.add((base, nxt))  # (what is suggested here is taken: the next repeat is told another form)
                self.emit(
                    "repeated-opening",
                    f"“{self._form(item, base, modifier)}” already opens {seen[key].position}",
                    f"write “{self._form(item, base, nxt)}”"
                    if nxt
                    else f"reword the opening, or move the paragraph next to the others that open “{_title(base)}”",
                    where,
                    item.position,
                    item.order,
                )
            elif modifier:
                earlier = sequence.index(modifier)
                before = "" if earlier == 0 else sequence[earlier - 1]
                if (base, before) not in seen and (base, before) not in before_table:
                    self.emit(
                        "repeated-opening",
                        f"“{self._form(item, base, modifier)}” comes before any “{self._form(item, base, before)}”",
                        f"open the earlier paragraph with “{self._form(item, base, before)}”, or move this one after it",
                        where,
                        item.position,
                        item.order,
                    )
            seen.setdefault(key, item)

    def _set_form(self, item: _Item) -> bool:
        """Whether a paragraph is worded as the body's practice sets it (operative.set_forms)."""
        text = " ".join(item.paragraph.text.lower().split())
        return item.part == "operative" and any(text.startswith(form) for form in self.rules.set_forms)

    def _repeat_key(self, item: _Item) -> tuple[str, str]:
        """An opening without its 'also'/'further', and that word: ('recalling', 'also'). An
        auxiliary's participle is part of the opening where the word stands between them, as the
        reading of a document ends the phrase at it ("Having also" of "Having also considered"):
        ('having considered', 'also'), which follows "Having considered"."""
        phrase = item.paragraph.opening or _first_words(item.paragraph.text, self.rules)
        words = [w for w in _words(phrase) if w != "to"]
        modifiers = [w for w in words if w in self.rules.repeats]
        said, text = _words(phrase), _words(item.paragraph.text)
        after = text[len(said) :] if text[: len(said)] == said else []  # (the paragraph's words after the phrase)
        if not modifiers and _after_phrase(after, self.rules.repeats):
            # The word right after the phrase ("Taking note with appreciation also of …", as the text
            # of a PDF gives the phrase without it): the paragraph's own 'also'.
            modifiers = [after[0]]
        base = [w for w in words if w not in self.rules.repeats]
        if modifiers and base and base[-1] in AUXILIARIES and words[-1] in self.rules.repeats and after:
            base.append(after[0])
        return " ".join(base), modifiers[0] if modifiers else ""

    def _form(self, item: _Item, base: str, modifier: str | None) -> str:
        """The opening with its 'also' where the paragraph puts it; else 'Also requests' in the
        operative part, and in the preamble after the participle's phrase but before what qualifies
        it, as the UN writes it: 'Recalling also', 'Bearing in mind also', 'Taking note also with
        appreciation', 'Noting further with concern'."""
        if not modifier:
            return _title(base)
        words = base.split()
        placed = [i for i, w in enumerate(_words(item.paragraph.opening or "")) if w in self.rules.repeats]
        if placed:
            at = placed[0]
        elif item.part == "operative":
            at = 0
        else:
            at = next((i for i, w in enumerate(words) if i and w == "with"), len(words))
        return _title(" ".join([*words[:at], modifier, *words[at:]]))

    # ------------------------------------------------------------ punctuation at the end

    def end(self, item: _Item) -> None:
        expected = item.ends[0]
        text = item.paragraph.text.rstrip()
        if not expected.strip() or not text:
            return
        if matched := next((mark for mark in item.ends if text.endswith(mark)), None):
            before = text[: -len(matched)].rstrip()
            if before and before[-1] in ",;:":
                words = " ".join(before.split()[-4:])
                self.emit(
                    "paragraph-end",
                    f"ends with “{before[-1]}{matched}”: the mark is doubled",
                    "write the text without its final mark; the body's punctuation chain adds it",
                    self.in_text(item, words),
                    item.position,
                    item.order,
                )
            return
        if item.penultimate and any(re.search(rf"{re.escape(mark)}\s+(?:and|or)$", text) for mark in item.ends):
            return  # "(b) …; and" before the last sub-paragraph
        tail = re.search(r"[\s,;:.!?]*(?:\b(?:and|or)\b[\s,;:.]*)?$", text)
        shown = (tail.group(0).strip() if tail else "") or text.split()[-1]
        explicit = item.origin.end is not None
        preambular = item.part == "preamble" or item.preambular
        what = "sub-paragraph" if item.labels else f"{'preambular' if preambular else 'operative'} paragraph"
        if note := _GLUED_NOTE.search(text):  # "… 5 October 2012,14": an import left a footnote's number as text
            self.emit(
                "paragraph-end",
                f"ends with “{shown}”: “{note.group(1)}” looks like a footnote number left in the text",
                f"make it a footnote (“[^fn1]” in a clause, its note under `footnotes:`) or delete it; "
                f"this {what} should end with “{expected}”",
                self.at(item, item.origin.end),
                item.position,
                item.order,
                soft=explicit,
            )
            return
        self.emit(
            "paragraph-end",
            f"ends with “{shown}”; this {what} should end with “{expected}”",
            "the draft sets `end:` here on purpose? then accept this warning; otherwise remove `end:`"
            if explicit
            else f"end it with “{expected}”, as the body's punctuation chain does",
            self.at(item, item.origin.end),
            item.position,
            item.order,
            soft=explicit,
        )

    # ------------------------------------------------------------ text

    def quotes(self, group: Sequence[_Item], following: str) -> None:
        """Quotation marks balance over a paragraph and its sub-paragraphs (a quoted amendment may run over several).

        `following` is the next paragraph's text: the English convention opens every quoted
        paragraph with “ and closes only the last, so an unclosed quotation followed by a
        paragraph that opens one is only a warning.
        """
        texts = [item.paragraph.text for item in group]
        problem = _quote_problem("\n".join(texts))
        if problem is None:
            return
        message, at = problem
        k = 0
        while k < len(texts) - 1 and at > len(texts[k]):
            at -= len(texts[k]) + 1
            k += 1
        item, text = group[k], texts[k]
        soft = message.startswith("an opening") and (len(group) > 1 or following.startswith("“"))
        self.emit(
            "unbalanced-quotes",
            f"{message}: “…{_around(text, at)}…”",
            "if the quotation runs over several paragraphs and only the last closes it, accept this warning"
            if soft
            else "pair every opening quotation mark with a closing one (“ … ”)",
            self.in_text(item, _around(text, at)),
            item.position,
            item.order,
            soft=soft,
        )

    def text(
        self,
        text: str,
        where_of: Locate,
        paragraph: str | None,
        order: tuple[int, ...],
        citations: bool = True,
        quotes: bool = True,
    ) -> None:
        """Quotes, brackets, double spaces and citations in one stretch of text; `where_of(words)` places a finding."""
        balance = (
            ("unbalanced-quotes", _quote_problem, "pair every opening quotation mark with a closing one (“ … ”)"),
            ("unbalanced-brackets", _bracket_problem, "close every bracket you open, with the same kind"),
        )
        for rule, check, hint in balance[0 if quotes else 1 :]:
            if problem := check(text):
                message, at = problem
                self.emit(rule, f"{message}: “…{_around(text, at)}…”", hint, where_of(_around(text, at)), paragraph, order)
        if m := re.search(r"(\S+)( {2,})(\S+)", text):
            self.emit(
                "double-space",
                f"two spaces in a row: “{m.group(0)}”",
                "write one space",
                where_of(m.group(0)),
                paragraph,
                order,
            )
        if not citations:
            return
        for pattern, what in _CITATIONS:
            for m in pattern.finditer(text):
                self.emit(
                    "citation-form",
                    f"“{m.group(0)}” {what}",
                    f"write “resolution {m.group('n')}”, then, if the date is given, “of” and the date as in “of 18 December 2008”",
                    where_of(m.group(0)),
                    paragraph,
                    order,
                )

    # ------------------------------------------------------------ sessions

    def sessions(self, text: str, where_of: Locate, paragraph: str | None, order: tuple[int, ...], draft: bool) -> None:
        """Ordinal session references other than the previous, this or the next session: of the body's
        own sessions named by themselves (`names_own_session`), not another body's ("the Pension Board
        on the work of its seventy-fifth session"), a list's or one a year or decision dates."""
        s = self.session
        if s <= 0:
            return
        names = self.style.names if self.style is not None else ()
        for m in _session_pattern(self.rules.session_words).finditer(text):
            n = session_number(m.group("ord"))
            if n is None or abs(n - s) > self.rules.session_window or s - 1 <= n <= s + self.rules.session_ahead:
                continue
            if not names_own_session(text, m.start("ord"), m.end("ord"), names, s):
                continue
            hint = (
                "if the text means the previous, this or the next session, write the ordinal with Jinja "
                "({{ session.previous.ordinal }}, {{ session.ordinal }}, {{ session.next.ordinal }}) so it follows the "
                "draft's session; if it names a past session on purpose or the item is biennial, accept this warning"
                if draft
                else "check the number: if the text means the previous, this or the next session it is stale; "
                "if it names a past session on purpose or the item is biennial, accept this warning"
            )
            self.emit(
                "session-reference",
                f"“{m.group(0)}” names the {_ordinal_name(n)} session in a text for the {_ordinal_name(s)} session",
                hint,
                where_of(m.group(0)),
                paragraph,
                order,
            )

    def names(self, text: str, where_of: Locate, paragraph: str | None, order: tuple[int, ...], draft: bool) -> None:
        """A name the body went by before the draft's session ("AIPO" in a text for AIPA's 28th)."""
        s = self.session
        if self.style is None:
            return
        current = self.style.name_at(s)
        for former in self.style.former_names:
            if former.until is None or s <= former.until:
                continue
            for name, short in ((former.short_name, True), (former.name, False)):
                if not name:
                    continue
                found = [
                    m
                    for m in name_pattern(name, short).finditer(text)
                    if not names_a_past_act(text, m.start(), m.end(), former.until)
                ]
                if not found:
                    continue
                now = current.short_name if short and current.short_name else current.name
                jinja = "{{ body.short_name }}" if short else "{{ body.name }}"
                hint = (
                    f"write {jinja} ({now} at this session) so the name follows the draft's session" if draft else f"write {now}"
                )
                times = f" ({len(found)} times)" if len(found) > 1 else ""
                self.emit(
                    "former-name",
                    f"“{found[0].group(0)}”{times} is the body's name until its {_ordinal_name(former.until)} session; "
                    f"this text is for the {_ordinal_name(s)}",
                    f"{hint}; where it names an act of those sessions on purpose, accept this warning",
                    where_of(found[0].group(0)),
                    paragraph,
                    order,
                )

    def recalls(self, text: str, where_of: Locate, paragraph: str | None, order: tuple[int, ...]) -> None:
        """A draft that cites the text its previous draft recalled, not the previous draft's text (`recalls`)."""
        series = self.series
        if series is None or (found := series.stale_citation(text)) is None:
            return
        if series.guessed:  # (the resolution the first paragraph citing the sessions before cites, as `Series.stale_in`)
            self.series = series.pinned_to(found)
            hint = f"cite {series.due_citation} after it, where the paragraph lists the item's resolutions, or instead of it"
        else:
            hint = f"cite {series.due_citation} instead, or after it where the paragraph lists the item's resolutions"
        self.emit(
            "previous-resolution",
            f"“{found}” cites {series.stale_source(symbol=True)}; this draft continues {series.previous} ({series.symbol})",
            hint,
            where_of(found),
            paragraph,
            order,
        )

    def written_sessions(self, raw: str, since: int) -> Iterator[tuple[re.Match[str], int]]:
        """The body's own sessions a clause's text writes out, its Jinja left aside, each with its
        number (`names_own_session`, counting from session `since`)."""
        masked = _JINJA.sub(" JINJA ", raw)
        names = self.style.names if self.style is not None else ()
        for m in _session_pattern(self.rules.session_words).finditer(masked):
            n = session_number(m.group("ord"))
            if n is not None and names_own_session(masked, m.start("ord"), m.end("ord"), names, since):
                yield m, n

    def literal_sessions(self, raw: str, where_of: Locate, paragraph: str | None, order: tuple[int, ...]) -> None:
        """A clause that writes the previous, this or the next session's ordinal in words or figures
        instead of Jinja; or, in a draft that continues another, one that text named as a session to
        come, which this draft's session has reached (`passed_session`)."""
        s = self.session
        for m, n in self.written_sessions(raw, self.previous.session if self.previous is not None else s):
            if self.previous is not None and self.previous.session < n <= s:
                self.passed_session(m, n, where_of(m.group(0)), paragraph, order)
                continue
            if abs(n - s) > 1:
                continue
            self.emit(
                "session-literal",
                f"“{m.group(0)}” is written out; it will be stale when the draft is rolled forward",
                f"write {_jinja_for(m.group('ord'), n, s)}{m.group('between')} {m.group(0).split()[-1]} instead",
                where_of(m.group(0)),
                paragraph,
                order,
            )

    def footnote_sessions(self, raw: str, where_of: Locate, paragraph: str | None, order: tuple[int, ...]) -> None:
        """A footnote that writes out the session of the text this draft continues ("Official
        Records of the General Assembly, Seventy-eighth Session, Supplement No. 42 (A/78/42)" in a
        draft rolled on from the 78th session's): import leaves it so where the footnote gives
        where a resolution is printed, which stays; the report a text considers is its own session's."""
        if self.previous is None or not 0 < self.previous.session < self.session:
            return
        for m, n in self.written_sessions(raw, self.previous.session):
            if n != self.previous.session:
                continue
            self.emit(
                "session-literal",
                f"“{m.group(0)}” names the {_ordinal_name(n)} session, {self.previous.name}'s, as written",
                f"where the footnote cites the report this text considers, write {{{{ session.{ordinal_form(m.group('ord'))} }}}} "
                "(and the symbol's session as {{ session.number }}); where it gives where a resolution of that session is "
                "printed, accept this warning",
                where_of(m.group(0)),
                paragraph,
                order,
            )

    def passed_session(
        self, m: re.Match[str], n: int, where: Where | None, paragraph: str | None, order: tuple[int, ...]
    ) -> None:
        """A session written out that the draft this one continues named as one to come ("at its
        eightieth session" in the 78th session's text), which this draft's session has reached."""
        assert self.previous is not None
        later = n - self.previous.session  # how many sessions on the text before named it
        now = Session(self.session + later)
        self.emit(
            "session-passed",
            f"“{m.group(0)}” names the {_ordinal_name(n)} session, a session to come in {self.previous.name} "
            f"but not in this text for the {_ordinal_name(self.session)}",
            f"where it comes round {'every session' if later == 1 else f'every {ordinal_words(later)} session'}, write "
            f"{{{{ {relation(later)}.{ordinal_form(m.group('ord'))} }}}} ({now.ordinal} at this session); where it names "
            "a meeting or report set for that session, reword or drop it",
            where,
            paragraph,
            order,
        )

    # ------------------------------------------------------------ labels (documents)

    def labels(self, parent: _Item, pattern: str | None) -> None:
        """Printed labels of sibling sub-paragraphs run (a), (b), (c) … with nothing skipped or repeated."""
        subs = parent.paragraph.subparagraphs
        labelled = [(j, s.label) for j, s in enumerate(subs, start=1) if s.label]
        if not labelled:
            return

        def position(j: int, text: str) -> str:
            return f"{parent.position} {_shown_label(text, j)}"

        first = _parse_label(labelled[0][1])
        if first is None:
            return
        prefix, counter, suffix = first
        second = _parse_label(labelled[1][1]) if len(labelled) > 1 else None
        style = _style_of(counter, pattern, second[1] if second else None)
        example = f"{prefix}{FIRST_COUNTERS[style]}{suffix}"
        if pattern and _pattern_form(pattern) != (prefix, suffix, style):
            self.emit(
                "label-sequence",
                f"the sub-paragraphs of {parent.position} are labelled {nth_label(example, 1)}, {nth_label(example, 2)} …; "
                f"this body labels them {nth_label(pattern, 1)}, {nth_label(pattern, 2)} …",
                f"relabel them {nth_label(pattern, 1)}, {nth_label(pattern, 2)} …",
                None,
                position(*labelled[0]),
                (*parent.order, labelled[0][0]),
                soft=True,
            )
        expected = 1
        for count, (j, text) in enumerate(labelled, start=1):
            parsed = _parse_label(text)
            value = counter_value(style, parsed[1]) if parsed and (parsed[0], parsed[2]) == (prefix, suffix) else None
            if value != expected and value != count:  # one slip is one finding, not one for every label after it
                self.emit(
                    "label-sequence",
                    f"labelled “{text}” where “{nth_label(example, expected)}” comes next",
                    f"label the sub-paragraphs of {parent.position} in order: "
                    f"{nth_label(example, 1)}, {nth_label(example, 2)}, {nth_label(example, 3)} …",
                    None,
                    position(j, text),
                    (*parent.order, j),
                )
            expected = (value if value is not None else expected) + 1


_LABEL_PARTS = re.compile(r"^([^0-9A-Za-z]*)([0-9]{1,4}|[A-Za-z]{1,8})([^0-9A-Za-z]*)$")


def _parse_label(text: str) -> tuple[str, str, str] | None:
    """'(b)' -> ('(', 'b', ')'); None when it is not a label."""
    m = _LABEL_PARTS.match(text.strip())
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _pattern_form(pattern: str) -> tuple[str, str, str] | None:
    """An example label's prefix, suffix and counter style: '(i)' -> ('(', ')', 'lower-roman')."""
    parsed = _parse_label(pattern)
    if parsed is None:
        return None
    prefix, counter, suffix = parsed
    return prefix, suffix, _style_of(counter, None)


def _style_of(counter: str, pattern: str | None, following: str | None = None) -> str:
    """The counter style a first label starts: 'i' is Roman unless the body letters this level and
    the label `following` it is no "ii" (S/RES/1590 (2005), op. 16: "(i) Decides …", "(ii) Requests …"), and so on."""
    case = "upper" if counter.isupper() else "lower"
    styles = counter_styles(counter if case == "upper" else counter.lower())
    if len(styles) == 1:  # only one style fits
        return styles[0]
    if not styles:  # a word ("ab", "aaaa"): counted as letters, so that each label after it is checked
        return f"{case}-alpha"
    form = _pattern_form(pattern) if pattern and (following or "").lower() != "ii" else None
    wanted = form[2] if form else None
    if wanted == f"{case}-roman" or (counter.lower() == "i" and wanted != f"{case}-alpha"):
        return f"{case}-roman"
    return f"{case}-alpha"


# ================================================================ walking a Resolution

_PARTS: tuple[tuple[int, Part, str], ...] = ((1, "preamble", "preambular"), (3, "operative", "operative"))


def _items(
    resolution: Resolution, punctuation: Mapping[str, str], origins: Mapping[str, Sequence[_Origin]]
) -> Iterator[list[_Item]]:
    """For each part, its paragraphs and their sub-paragraphs in document order."""
    for section, part, role in _PARTS:
        paragraphs = resolution.preamble if part == "preamble" else resolution.operative
        own = origins.get(part, ())
        sections = resolution.sections if part == "operative" else {}  # where each is numbered from 1 again
        out: list[_Item] = []
        for i, p in enumerate(paragraphs, start=1):
            mark = paragraph_mark(punctuation, role, i == len(paragraphs))
            origin = own[i - 1] if i - 1 < len(own) else _Origin()
            items = _walk(p, part, i, (), mark, i == len(paragraphs) - 1, origin, (section, i), punctuation, p.number)
            out.extend(replace(item, section=sections[i - 1]) if i - 1 in sections else item for item in items)
        yield out


def _walk(
    p: Paragraph,
    part: Part,
    index: int,
    labels: tuple[str, ...],
    mark: str,
    penultimate: bool,
    origin: _Origin,
    order: tuple[int, ...],
    punctuation: Mapping[str, str],
    number: int | None,
) -> Iterator[_Item]:
    """A paragraph and its sub-paragraphs; the last sub-paragraph ends with the mark its paragraph
    would have had. `number`: the number printed on the top-level paragraph."""
    own = punctuation["introduces"] if p.subparagraphs else mark
    ends: tuple[str, ...] = (own,)
    if labels and part == "preamble" and not p.subparagraphs:
        ends = tuple(dict.fromkeys((own, punctuation["preambular"])))  # UN preambular sub-paragraphs end with commas
    yield _Item(part, index, labels, p, ends, penultimate, origin, order, number=number)
    n = len(p.subparagraphs)
    for j, sub in enumerate(p.subparagraphs, start=1):
        sub_mark = mark if j == n else punctuation["subparagraph"]
        sub_origin = origin.subs[j - 1] if j - 1 < len(origin.subs) else _Origin(use=origin.use)
        labelled = (*labels, _shown_label(sub.label, j))
        yield from _walk(sub, part, index, labelled, sub_mark, j == n - 1, sub_origin, (*order, j), punctuation, number)


def _shown_label(label: str | None, j: int) -> str:
    """A sub-paragraph's label as positions show it: '(b)' for 'b.', 'b)' or '(b)'."""
    parsed = _parse_label(label) if label else None
    return f"({parsed[1]})" if parsed else f"sub-paragraph {j}"


HEADING_WORDS = 12  # a line this short, without an opening of its part or a closing mark, is a heading


def _after_numbers(items: Sequence[_Item], numbered: bool) -> list[_Item]:
    """Mark each unnumbered paragraph (and its sub-paragraphs) that follows a numbered one, with no
    heading between, with that number and its place after it, so findings name it by the printed
    numbers; in a `numbered` part, one that follows a heading with that heading and its place after it
    (its place in the part is no number the text prints)."""
    out: list[_Item] = []
    number: int | None = None
    heading: str | None = None
    k = index = 0
    for item in items:
        if item.heading:
            number, k = None, 0
            heading = item.paragraph.first_words(6) if numbered else None
        elif not item.labels and item.index != index:
            index = item.index
            if item.number is not None:
                number, k, heading = item.number, 0, None
            elif number is not None or heading is not None:
                k += 1
        if item.number is not None or item.heading:
            out.append(item)
        elif number is not None:
            out.append(replace(item, after=(number, k)))
        elif heading is not None:
            out.append(replace(item, under=(heading, k)))
        else:
            out.append(item)
    return out


def _sections(tops: list[_Item]) -> list[list[_Item]]:
    """A part's paragraphs in the runs its headings part them into (one run where it has none). In
    a text numbering each section from 1, a heading within a section (a table's first row: A/RES/78/253
    section XII's, between "Approves" and "Also approves") parts no run."""
    out: list[list[_Item]] = [[]]
    current: str | None = None  # the section of the run's numbered paragraphs, where the text names it
    for k, item in enumerate(tops):
        if item.heading:
            following = next((t.section for t in tops[k + 1 :] if t.section is not None), None)
            if current is None or following != current:
                out.append([])
                current = None
        else:
            out[-1].append(item)
            current = item.section or current
    return [run for run in out if run]


def _run(
    linter: _Linter,
    resolution: Resolution,
    punctuation: Mapping[str, str],
    origins: Mapping[str, Sequence[_Origin]],
    numbering: Numbering | None,
) -> set[int]:
    """Every paragraph rule over both parts; `numbering` (the body's) is given for a document, whose labels are printed.
    Returns the places (1, 2 …) of the operative part's headings: a document's, or a draft's paragraphs
    its numbering skips (`numbered: false`) that read as headings."""
    draft = numbering is None
    headings: set[int] = set()
    for items in _items(resolution, punctuation, origins):
        # Headings: no opening or closing mark is asked of them.
        numbered = any(item.paragraph.number is not None for item in items if not item.labels)
        items = [replace(item, heading=True) if linter.heading(item, numbered) else item for item in items]
        items = _after_numbers(items, numbered)
        if items and items[0].part == "operative":
            headings = {item.index for item in items if item.heading}
            items = linter.section_preamble(items, punctuation)
            # A paragraph right before a heading may introduce what follows ("… as follows:" over "A. …").
            introduces = punctuation["introduces"]
            items = [
                replace(item, ends=(*item.ends, introduces))
                if not item.labels and not item.heading and item.index + 1 in headings and introduces not in item.ends
                else item
                for item in items
            ]
            # A participial phrase over sub-paragraphs that each carry their own verb ends with a comma.
            items = [
                replace(item, ends=(*item.ends, ","))
                if not item.labels and "," not in item.ends and linter.chapeau(item)
                else item
                for item in items
            ]
        items = _declared(items)
        tops = [item for item in items if not item.labels]
        # Openings repeat within a section, and the next starts afresh; a declaration's have none.
        for section in _sections([item for item in tops if not item.declared]):
            linter.repeats(section)
        for item in items:
            if not item.labels and not item.heading:
                if not item.declared:
                    linter.opening(item)
                following = tops[item.index].paragraph.text if item.index < len(tops) else ""
                linter.quotes([other for other in items if other.index == item.index], following)
            if not item.heading and not item.declared:
                linter.end(item)

            def where_of(words: str, item: _Item = item) -> Where | None:
                return linter.in_text(item, words)

            linter.text(item.paragraph.text, where_of, item.position, item.order, quotes=False)
            linter.sessions(item.paragraph.text, where_of, item.position, item.order, draft)
            linter.names(item.paragraph.text, where_of, item.position, item.order, draft)
            if draft and item.origin.raw:
                linter.literal_sessions(item.origin.raw, where_of, item.position, item.order)
            linter.recalls(item.paragraph.text, where_of, item.position, item.order)
            if numbering is not None and item.paragraph.subparagraphs:
                levels = numbering.sublabels(item.part)
                depth = len(item.labels)
                linter.labels(item, levels[depth] if depth < len(levels) else None)
    return headings


def _declared(items: list[_Item]) -> list[_Item]:
    """A part's items with those of a declaration it adopts marked (the Pact for the Future's "We,
    the Heads of State …", "We will …", A/RES/79/1): from where its paragraphs begin to speak as the
    declaring "We" (as the importers find it, see openings.declaration_start), with their
    sub-paragraphs. They are held to no opening phrase, repeat or end mark of a resolution's."""
    paragraphs = [item for item in items if not item.labels and not item.heading]
    start = declaration_start([item.paragraph.text for item in paragraphs])
    if start is None:
        return items
    first = paragraphs[start].index
    return [replace(item, declared=True) if item.index >= first else item for item in items]


def _operative_numbers(linter: _Linter, resolution: Resolution, headings: set[int]) -> None:
    """Operative paragraphs numbered 1., 2., 3. … with nothing skipped or repeated (documents)."""
    expected = 1
    afresh = False  # after a heading: a section may number its paragraphs from 1 again, or go on
    for i, p in enumerate(resolution.operative, start=1):
        afresh = afresh or i in headings
        if p.number is None:
            continue
        if afresh and p.number == 1:
            expected = 1
        afresh = False
        if p.number != expected and p.number != i:  # one slip is one finding, not one for every number after it
            linter.emit(
                "label-sequence",
                f"numbered {p.label or p.number} where {expected}. comes next",
                "number the operative paragraphs 1., 2., 3. … in order",
                None,
                f"operative paragraph {i}",
                (3, i),
            )
        expected = p.number + 1


def _lines_of(resolution: Resolution) -> list[tuple[str, Line, int]]:
    """The header, title and formula lines, each with its name and section (for ordering)."""
    out: list[tuple[str, Line, int]] = [("header", line, 0) for line in resolution.header]
    out += [("title", line, 0) for line in resolution.title]
    for name, line, section in (
        ("enacting formula", resolution.enacting, 0),
        ("transition formula", resolution.transition, 2),
        ("closing formula", resolution.closing, 4),
    ):
        if line is not None:
            out.append((name, line, section))
    return out


# ================================================================ documents


def _agenda_titles(linter: _Linter, resolution: Resolution, where: Where | None, draft: bool) -> None:
    """A masthead that names several agenda items ("Agenda items 13 and 75 (a)") gives a title for each."""
    from resdraft.importers.text import agenda_items

    named = next((line.text for line in resolution.header if line.role == "agenda-item"), "")
    items = agenda_items(named)
    titles = sum(line.role == "agenda-title" for line in resolution.header)
    if items > 1 and titles != items:
        hint = (
            "make `agenda_title:` a list, a title for each item in the order the agenda line names them"
            if draft
            else "set each item's title under the agenda line, in the order it names them"
        )
        gives = f"{titles} title{'s' * (titles != 1)}" if titles else "no title"
        linter.emit(
            "agenda-titles", f"the masthead names {items} agenda items (“{named}”) and gives {gives}", hint, where, None, (0,)
        )


def _lint_document(spec: str) -> LintReport:
    from resdraft.library import templates_for
    from resdraft.library.bodies import read_body
    from resdraft.sources import place_of, read_document

    document = read_document(spec)
    resolution = document.resolution
    templates = templates_for(place_of(spec), resolution.body)
    problems = Problems()
    style = read_body(resolution.body, templates / resolution.body, problems)
    rules = read_lint_rules(resolution.body, templates, problems)
    problems.raise_errors()
    assert style is not None and rules is not None
    linter = _Linter(rules, resolution.session.number, document.name, _Files())
    linter.style = style
    for name, line, section in _lines_of(resolution):
        linter.sessions(line.text, _always(None), name, (section,), draft=False)
        linter.names(line.text, _always(None), name, (section,), draft=False)
    _agenda_titles(linter, resolution, None, draft=False)
    headings = _run(linter, resolution, style.punctuation, {}, style.numbering)
    _operative_numbers(linter, resolution, headings)
    _document_footnotes(linter, resolution)
    return _report(linter, document.name, resolution)


def _document_footnotes(linter: _Linter, resolution: Resolution) -> None:
    """Every footnote marker has its footnote and every footnote a marker; footnote texts are checked too."""
    defined = {n.marker for n in resolution.footnotes}
    referenced: set[str] = set()
    places: list[tuple[str, tuple[int, ...], Iterable[Any]]] = [
        (name, (section,), line.content) for name, line, section in _lines_of(resolution)
    ]
    for section, part, paragraphs in ((1, "preamble", resolution.preamble), (3, "operative", resolution.operative)):
        for i, top in enumerate(paragraphs, start=1):
            for p in top.walk():
                position = f"{part} paragraph {i}" + (f" {p.label}" if p.level and p.label else "")
                places.append((position, (section, i), p.content))
    for position, order, content in places:
        for span in content:
            if isinstance(span, FootnoteRef):
                referenced.add(span.marker)
                if span.marker not in defined:
                    linter.emit(
                        "footnote-marker",
                        f"footnote marker {span.marker} has no footnote",
                        f"add footnote {span.marker}, or remove the marker",
                        None,
                        position,
                        order,
                    )
    for note in resolution.footnotes:
        position = f"footnote {note.marker}"
        if note.marker not in referenced:
            linter.emit(
                "footnote-marker",
                f"footnote {note.marker} has no marker in the text",
                f"place marker {note.marker} where the footnote belongs, or remove the footnote",
                None,
                position,
                (5,),
                soft=True,
            )
        linter.text(note.text, _always(None), position, (5,), citations=False)


def _report(linter: _Linter, source: str, resolution: Resolution) -> LintReport:
    findings = sorted(linter.findings, key=lambda f: f.order)
    rules = linter.rules
    listed_in = str(rules.listed_in) if rules.listed_in else ""  # (as the library's messages name files: from here)
    return LintReport(source, resolution.body, resolution.session.number, tuple(findings), rules.unlisted, listed_in)


# ================================================================ drafts


@dataclass
class _DraftSources:
    """The raw YAML of a draft and of the clause files it uses, to find the line of each part of a paragraph."""

    draft: Draft
    library: Library
    files: _Files
    raw: Any = None

    def __post_init__(self) -> None:
        assert self.draft.where is not None
        self.raw = self.files.yaml(self.draft.where.path)

    def item(self, part: str, index: int) -> Any:
        items = self.raw.get(part) if isinstance(self.raw, YDict) else None
        return items[index] if isinstance(items, YList) and index < len(items) else None

    def clause_yaml(self, clause_id: str) -> YDict | None:
        clause = self.library.clauses.get(clause_id)
        if clause is None or clause.where is None:
            return None
        data = self.files.yaml(clause.where.path)
        items = data.get("clauses") if isinstance(data, YDict) else None
        for entry in items if isinstance(items, YList) else ():
            if isinstance(entry, YDict) and entry.get("id") == clause_id:
                return entry
        return None

    def origin(self, part: str, index: int, use: Use) -> _Origin:
        item = self.item(part, index)
        clause = self.library.clauses.get(use.clause) if use.clause else None
        cy = self.clause_yaml(clause.id) if clause else None
        if use.text is not None or clause is None:
            text_where, raw = use.where, use.text or ""
        else:
            text_where, raw = clause.text_where or clause.where, clause.text
        if use.opening is not None:
            opening = item.where("opening") if isinstance(item, YDict) and "opening" in item else use.where
        else:
            opening = cy.where("opening") if cy is not None and "opening" in cy else use.where
        end = (item.where("end") if isinstance(item, YDict) and "end" in item else use.where) if use.end is not None else None
        subs = use.subparagraphs if use.subparagraphs is not None else (clause.subparagraphs if clause else ())
        return _Origin(use.where, opening, text_where, raw, end, tuple(self._sub(s, use.where) for s in subs))

    def _sub(self, sub: SubClause, use: Where | None) -> _Origin:
        return _Origin(use, sub.where, sub.where, sub.text, sub.where if sub.end is not None else None,
                       tuple(self._sub(s, use) for s in sub.subparagraphs))  # fmt: skip

    def footnote_where(self, part: str, index: int, use: Use, key: str) -> Where | None:
        """The line where a footnote is defined: under the draft entry's `footnotes:` or the clause's."""
        item = self.item(part, index)
        if key in use.footnotes and isinstance(item, YDict) and isinstance(notes := item.get("footnotes"), YDict):
            return notes.value_where(key)
        cy = self.clause_yaml(use.clause) if use.clause else None
        if cy is not None and isinstance(notes := cy.get("footnotes"), YDict) and key in notes:
            return notes.value_where(key)
        return use.where


def _sub_texts(subs: Iterable[SubClause]) -> Iterator[SubClause]:
    for sub in subs:
        yield sub
        yield from _sub_texts(sub.subparagraphs)


def _footnote_gaps(draft: Draft, library: Library, sources: _DraftSources, linter: _Linter) -> Draft:
    """Report anchors without footnotes (and footnotes without anchors), and return a draft that assembles anyway."""
    parts: dict[str, list[Use]] = {}
    for section, part in ((1, "preamble"), (3, "operative")):
        uses = []
        for i, use in enumerate(getattr(draft, part)):
            clause = library.clauses.get(use.clause) if use.clause else None
            if use.clause and clause is None:
                uses.append(use)
                continue
            origin = sources.origin(part, i, use)
            position, order = f"{part} paragraph {i + 1}", (section, i + 1)
            inline = use.text is not None or clause is None
            text = origin.raw
            subs = use.subparagraphs if use.subparagraphs is not None else (clause.subparagraphs if clause else ())
            notes = {**(clause.footnotes if clause else {}), **use.footnotes}
            used: list[str] = list(dict.fromkeys(anchors(text) + [k for s in _sub_texts(subs) for k in anchors(s.text)]))
            patched = dict(use.footnotes)
            for key in used:
                if key in notes:
                    continue
                start = (
                    origin.text
                    if f"[^{key}]" in text
                    else next((s.where for s in _sub_texts(subs) if f"[^{key}]" in s.text), origin.text)
                )
                linter.emit(
                    "footnote-marker",
                    f"footnote anchor [^{key}] has no footnote",
                    f"add `{key}: …` under `footnotes:`{'' if inline else f' of clause {use.clause}'}, or remove the anchor",
                    linter.files.locate(start, f"[^{key}]") or use.where,
                    position,
                    order,
                )
                patched[key] = MISSING_FOOTNOTE
            own = use.footnotes if inline else notes
            for key in own:
                if key not in used:
                    linter.emit(
                        "footnote-marker",
                        f"footnote {key!r} is never anchored in the text",
                        f"place [^{key}] where its marker belongs, or remove the footnote",
                        sources.footnote_where(part, i, use, key),
                        position,
                        order,
                        soft=True,
                    )
                    if inline:
                        patched.pop(key, None)
            for key, note in notes.items():
                note_where = sources.footnote_where(part, i, use, key)

                def where_of(words: str, start: Where | None = note_where) -> Where | None:
                    return linter.files.locate(start, words)

                linter.text(note, where_of, f"{position}, footnote [^{key}]", (*order, 99), citations=False)
                linter.footnote_sessions(note, where_of, f"{position}, footnote [^{key}]", (*order, 99))
            uses.append(replace(use, footnotes=patched) if patched != dict(use.footnotes) else use)
        parts[part] = uses
    return replace(draft, preamble=tuple(parts["preamble"]), operative=tuple(parts["operative"]))


def _typed_numerals(draft: Draft, linter: _Linter) -> None:
    """Section headings whose numerals the draft types (`numbered: false`, `label: II`) where
    counting each kind would give them all as they are: `heading: I` would, and renumber them
    when a section is added or taken out. Numerals that name rather than count stay as typed."""
    headings = [
        (i, use) for i, use in enumerate(draft.operative) if isinstance(use.heading, str) or (not use.numbered and use.label)
    ]
    if all(use.heading is not None for _, use in headings):
        return
    # The numerals as the draft gives them: a counted heading's, as the count gives it.
    numerals = heading_labels(use.heading for _, use in headings if isinstance(use.heading, str))
    given = iter(numerals)
    kinds = heading_kinds([next(given) if isinstance(use.heading, str) else use.label or "" for _, use in headings])
    if kinds is None:
        return
    for (i, use), kind in zip(headings, kinds, strict=True):
        if use.heading is None and kind is not None:
            linter.emit(
                "typed-numeral",
                f"section numeral {use.label} is typed",
                f"write `heading: {kind}` in place of `numbered: false` and `label:`: the count gives it, and renumbers it when a section is added",
                use.where,
                f"operative paragraph {i + 1}",
                (3, i + 1),
            )


def _without_footnote_problems(library: Library) -> Library:
    """The library with the footnote problems of its clauses set aside: lint reports those itself."""
    from resdraft.library.project import check_footnotes

    footnote_problems = Problems()
    for clause in library.clauses.values():
        check_footnotes(
            clause.text,
            clause.subparagraphs,
            clause.footnotes,
            clause.text_where or clause.where,
            footnote_problems,
            f"clause {clause.id}",
        )
    kept = Problems()
    kept.extend(p for p in library.problems.items if p not in footnote_problems.items)
    return replace(library, problems=kept)


def _lint_draft(path: Path) -> LintReport:
    from resdraft.assemble import Assembler, prepare
    from resdraft.library import open_library

    library = open_library(path)
    problems = Problems()
    draft = library.read_draft(path, problems)
    problems.raise_errors()
    assert draft is not None and draft.where is not None
    rules = read_lint_rules(draft.body, library.templates_dir, problems)
    problems.raise_errors()
    assert rules is not None
    files = _Files()
    sources = _DraftSources(draft, library, files)
    linter = _Linter(rules, draft.session, str(Where(draft.where.path)), files)
    lineage = library.lineage(draft, Problems())
    linter.previous = lineage[0] if lineage else None

    patched = _footnote_gaps(draft, library, sources, linter)
    _typed_numerals(draft, linter)
    library = _without_footnote_problems(library)
    library.problems.raise_errors()
    problems = Problems()
    style = prepare(patched, library, problems)
    problems.raise_errors()
    assert style is not None
    linter.style = style
    resolution = Assembler(patched, style, library).build()
    # (a broken chain is `resdraft check`'s to report; the text before the previous one is guessed
    # only for a text still in the making, and not for the Council's, see `_recalls` in rollforward)
    guess = draft.fields.get("status") != "adopted" and not style.years
    series = Series.of(lineage, guess=guess)
    linter.series = series if series is not None and any(series.stale_in(resolution)) else None

    formulas = sources.raw.get("formulas") if isinstance(sources.raw, YDict) else None
    for name, line, section in _lines_of(resolution):
        role = name.split()[0]
        if name == "header":
            continue
        if name == "title":
            where: Where | None = draft.lines.get("title")
        elif isinstance(formulas, YDict) and role in formulas:
            where = formulas.where(role)
            linter.literal_sessions(str(formulas[role]), _always(where), name, (section,))
        else:
            where = style.where
        linter.sessions(line.text, _always(where), name, (section,), draft=True)
        linter.names(line.text, _always(where), name, (section,), draft=True)
    _agenda_titles(linter, resolution, draft.lines.get("agenda_title") or draft.lines.get("agenda_item"), draft=True)
    origins = {
        part: [sources.origin(part, i, use) for i, use in enumerate(getattr(patched, part))] for part in ("preamble", "operative")
    }
    _run(linter, resolution, style.punctuation, origins, None)
    return _report(linter, str(Where(draft.where.path)), resolution)


# ================================================================ the entry point


def lint(spec: str) -> LintReport:
    """Check a draft (drafts/NAME.yaml) or a document (.md, .txt, .docx, or REV:path) against its body's drafting style."""
    path = Path(spec)
    if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
        return _lint_draft(path)
    return _lint_document(spec)


def _after_phrase(rest: Sequence[str], repeats: Sequence[str]) -> bool:
    """Whether the words after an opening phrase begin with its 'also' or 'further': 'also'
    always; 'further' where a word every sentence has follows it ("further of the work", "further
    that"), not where it qualifies what follows ("Encourages further efforts")."""
    if not rest or rest[0] not in repeats:
        return False
    return rest[0] != "further" or (len(rest) > 1 and rest[1] in FUNCTION_WORDS)
