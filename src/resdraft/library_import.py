"""`resdraft import`: an outside document becomes library clauses and a draft that rebuilds it.

A paragraph whose words a library clause already gives (Jinja expressions in the clause match
any words, and a plain `{{ variable }}` captures its value for the draft) reuses that clause; a
paragraph close to a clause becomes a new clause that `amends` it; anything else is a new
clause. New clauses go to clauses/imported/NAME.yaml, the draft to drafts/NAME.yaml. Importing
the same document twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from resdraft.assemble import body_context
from resdraft.bodynames import name_pattern, ordinals_beside
from resdraft.errors import OutputError, Problem, Problems, ResdraftError, Where
from resdraft.importers.dates import parse_date
from resdraft.importers.text import plenary_meeting, sponsors_of
from resdraft.library import Library, open_library
from resdraft.library.bodies import BodyStyle, paragraph_mark
from resdraft.library.clauses import ID_PATTERN, clauses_from_text
from resdraft.library.drafts import placeholder_node, session_line, symbol_name
from resdraft.model import (
    Clause,
    Content,
    Footnote,
    FootnoteRef,
    Paragraph,
    Placeholder,
    Resolution,
    Run,
    Session,
    SubClause,
    excerpt,
    looks,
)
from resdraft.model import plain as plain_words
from resdraft.numbering import heading_kinds
from resdraft.reading import no_such_file
from resdraft.recalls import council_heading
from resdraft.session_refs import LIST_JOIN, names_own_session
from resdraft.sessions import RELATIONS, long_date, ordinal_form, ordinal_pattern, session_number
from resdraft.sources import Document, named_by_file, read_file
from resdraft.vocabulary import FUNCTION_WORDS

VARIANT_THRESHOLD = 85.0  # similarity (0-100) above which a new paragraph rewords a library clause
# Of a paragraph that rewords some clause, the similarity above which a clause of the draft the
# document continues is the one it rewords, however close the other (see `_Matcher.similar`).
CONTINUED_THRESHOLD = 65.0
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_VARIABLE = re.compile(r"^\s*([A-Za-z_]\w*)\s*$")
_JOINING = re.compile(r",? (?:and|or)$")  # a list's last paragraph but one, ending "… and;" or "…, and"
_ANCHOR = re.compile(r"\[\^[^\]\s]+\]")
_MARKUP = re.compile(r"\\(.)|\*\*|\*|\^")
_MARKS = ",;:."


@dataclass
class ImportResult:
    """What an import did: the draft, and which clauses were reused, reworded or new."""

    source: Path
    draft: Path
    reused: list[str] = field(default_factory=list)
    variants: list[tuple[str, str]] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ text of a paragraph as clause source


def _escape(text: str) -> str:
    """Literal document text as clause source: inline markup characters and Jinja braces escaped."""
    text = re.sub(r"([\\*^\[])", r"\\\1", text)
    return text.replace("{", "{{ '{' }}") if "{" in text else text


def _source(content: Content, notes: dict[str, str], footnotes: dict[str, str], before: dict[str, str] | None = None) -> str:
    """Content as clause text with inline markup; footnote refs become [^fnN] anchors (and `before`
    keeps the words each anchor follows)."""
    out: list[str] = []
    for span in content:
        if isinstance(span, FootnoteRef):
            if span.marker not in footnotes:
                continue  # a marker whose footnote the document lost: keep the words, drop the anchor
            key = f"fn{len(notes) + 1}"
            notes[key] = footnotes.get(span.marker, "")
            if before is not None:
                before[key] = "".join(out)[-600:]  # (a list of resolutions, each with its footnote: "resolutions" far back)
            out.append(f"[^{key}]")
            continue
        text = _escape(span.text)
        core = text.strip()
        if core and (span.bold or span.italic or span.superscript):
            mark = ("**" if span.bold else "") + ("*" if span.italic else "")
            core = f"{mark}{core}{mark[::-1]}"
            if span.superscript:
                core = f"^{core}^"
            text = text[: len(text) - len(text.lstrip())] + core + text[len(text.rstrip()) :]
        out.append(text)
    return "".join(out)


def _formula_source(content: Content) -> str:
    """A formula's words as source with inline markup: set alike throughout (a superscript aside),
    its marks around the whole ("***Accepting all of the above, the 27^th^ AIPO General Assembly
    hereby resolves to:***"), else run by run."""
    runs = [span for span in content if isinstance(span, Run) and span.text.strip()]
    settings = {(run.bold, run.italic) for run in runs}
    if len(settings) != 1 or settings == {(False, False)}:
        return _source(content, {}, {})
    ((bold, italic),) = settings
    plain = tuple(Run(span.text, superscript=span.superscript) for span in content if isinstance(span, Run))
    text = _source(plain, {}, {})
    mark = ("**" if bold else "") + ("*" if italic else "")
    core = text.strip()
    return text[: len(text) - len(text.lstrip())] + f"{mark}{core}{mark[::-1]}" + text[len(text.rstrip()) :]


def _settings(content: Content) -> list[tuple[int, tuple[bool, bool, bool]]]:
    """Where the setting of some content's words changes, and to what."""
    return [
        (at, (run.bold, run.italic, run.superscript)) for at, run in looks(content, lambda r: (r.bold, r.italic, r.superscript))
    ]


def _split_mark(source: str) -> tuple[str, str]:
    """(text without its final punctuation mark, the mark) — the mark stands before trailing anchors."""
    anchors = re.search(r"((?:\[\^[^\]\s]+\])*)\s*$", source)
    tail = anchors.group(1) if anchors else ""
    body = source[: anchors.start()] if anchors else source
    body = body.rstrip()
    mark = body[-1] if body and body[-1] in _MARKS and not body.endswith("\\.") else ""
    return (body[: len(body) - len(mark)].rstrip() + tail, mark)


def _after_opening(p: Paragraph) -> Content:
    """A paragraph's content without its opening phrase."""
    content = list(p.content)
    while content and isinstance(content[0], Run) and content[0].opening:
        content.pop(0)
    if content and isinstance(content[0], Run):
        content[0] = Run(content[0].text.lstrip(), content[0].italic, content[0].bold, content[0].superscript)
    return tuple(content)


def _plain(source: str) -> str:
    """Clause source as plain words: no anchors, no markup."""
    return _MARKUP.sub(lambda m: m.group(1) or "", _ANCHOR.sub("", source))


# ------------------------------------------------------------------ session words become Jinja


def _session_words(
    text: str, session: int, names: tuple[str, ...] = (), bodies: tuple[str, ...] = (), offsets: Iterable[int] = RELATIONS
) -> str:
    """Write the ordinals of the session's own, the previous and the next three sessions as Jinja,
    where they name one of the body's sessions (`bodies`: its names) by itself ("Fifty-Third
    Annual Session", "at its eightieth session", a report asked for every second session, "28^th^
    General Assembly", and with the body's short name, one of `names` or as Jinja, between: "the
    27th AIPO General Assembly"), each in the form that renders it as written (an ordinal Jinja
    would write otherwise, "FIFTY-THIRD", stays). Another body's session ("the seventy-seventh
    session of the World Health Assembly") and one of a list ("at its seventy-seventh and
    seventy-eighth sessions") stay as written. `offsets`: the sessions to write so, by their
    distance from the text's."""
    if not session:
        return text
    offsets = frozenset(offsets)
    between = rf"(?:(?:{'|'.join(re.escape(n) for n in ('{{ body.short_name }}', *names))})\s+)?"
    ordinal = ordinal_pattern()
    listed = rf"(?:{LIST_JOIN}(?i:{ordinal}))*"  # the ordinals after it in a list ("seventy-ninth and eightieth sessions")
    pattern = rf"(?<![\w-])(?i:{ordinal})(?={listed}\s+{between}(?:Annual\s+)?(?:[Ss]ession|General Assembly))"

    def jinja(m: re.Match[str]) -> str:
        ordinal, n = m.group(0), session_number(m.group(0))
        if n is None or n - session not in offsets or getattr(Session(n), form := ordinal_form(ordinal)) != ordinal:
            return ordinal
        if not names_own_session(m.string, m.start(), m.end(), bodies, session):
            return ordinal
        return "{{ " + f"{RELATIONS[n - session]}.{form}" + " }}"

    return re.sub(pattern, jinja, text)


# The Official Records' fixed form, once its ordinal is Jinja: "Official Records of the General
# Assembly, {{ session.ordinal_sentence }} Session, Supplement No. 42 (A/78/42)": the symbol's session.
_RECORDS_SYMBOL = re.compile(
    r"(?P<head>\{\{ session\.ordinal_\w+ \}\} Session,\s+Supplement\s+No\.\s*[^()]{1,30}?\(A/)(?P<n>\d+)(?=/)"
)
# A footnote anchored to a resolution's citation ("… Human Rights Council resolution 54/12 of 11
# October 2023,[^fn2]") gives where that resolution is printed: the records of its session, for good.
# So does one anchored in what the cited resolution did ("its resolution 78/244 of 22 December
# 2023, in which it endorsed the report of the Committee for Programme and Coordination,[^fn1]"):
# the report of then, which the next text cites as it is (up to a clause of its own: ", and …").
_AFTER_RESOLUTION = re.compile(
    r"\b(?:resolutions?|decisions?)\s.*?\d+/\d+\w*(?:\s+of\s+\d{1,2}\s+[A-Z]\w+\s+\d{4})?"
    r"(?:,\s+(?:in|by|through)\s+which\s(?:(?!,\s+and\s)[^;])*)?[\W]*$",
    re.DOTALL,
)


def _footnote_words(note: str, anchored_after: str, session: int, bodies: tuple[str, ...] = ()) -> str:
    """A footnote's text with the text's own session as Jinja where it names one of the body's
    sessions by itself, and the symbol of the Official Records it cites with it ("Seventy-eighth
    Session, Supplement No. 42 (A/78/42)" in a 78th-session text: the session's report, which the
    next text cites in the next session's records). Not where the anchor follows a resolution's
    citation (`anchored_after`: the words before it), whose footnote says where that resolution is
    printed; and not the previous session, whose records a footnote cites as often for good. Over
    the 168 GA pairs of the corpus, of 50 footnotes of the 78th session's texts citing the 78th
    session's records where the 79th session's text cites those or the next session's (not both),
    it cites what this gives in 45 (as written: 6); in 16 citing the 77th, they keep it in 13."""
    if not session or _AFTER_RESOLUTION.search(anchored_after):
        return note
    written = _session_words(note, session, bodies=bodies, offsets=(0,))
    if written == note:
        return note
    return _RECORDS_SYMBOL.sub(
        lambda m: m.group("head") + ("{{ session.number }}" if int(m.group("n")) == session else m.group("n")), written
    )


def _body_names(text: str, style: BodyStyle, session: int) -> str:
    """In a document from before the body was renamed, its name as Jinja where it surely names the
    body as it is: beside the ordinal of this session or the next ("the 28^th^ AIPO General
    Assembly" becomes `{{ session.next.ordinal_sup }} {{ body.short_name }} General Assembly`), so
    that it follows the draft rolled past the renaming. Elsewhere a name may as well name an act
    of then ("the AIPO Meeting … in July 2006"): it stays as written, and `resdraft lint` names it
    in a draft rolled past the renaming, for a person to decide."""
    named = style.name_at(session)
    if not session or named.until is None:
        return text
    for name, short, jinja in ((named.short_name, True, "{{ body.short_name }}"), (named.name, False, "{{ body.name }}")):
        if not name:
            continue

        def now(m: re.Match[str], name: str = name, jinja: str = jinja) -> str:
            beside = ordinals_beside(m.string, m.start(), m.end())
            as_it_is = m.group(0) == name and beside and min(beside) >= session
            return jinja if as_it_is else m.group(0)

        text = name_pattern(name, short).sub(now, text)
    return text


# ------------------------------------------------------------------ matching library clauses


@dataclass(frozen=True)
class _Pattern:
    clause: Clause
    regex: re.Pattern[str]
    names: tuple[str | None, ...]  # per group: the variable it captures, or None for an expression of the session or body
    expressions: tuple[str, ...]


def _pattern(clause: Clause) -> _Pattern:
    """A regex that matches the words a clause gives, whatever its expressions render to."""
    text = _plain(clause.text)
    parts = _EXPRESSION.split(text)
    regex, names, expressions = [], [], []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex.append(re.escape(re.sub(r"\s+", " ", part)).replace(r"\ ", r"\s+"))
        else:
            regex.append("(.+?)")
            m = _VARIABLE.match(part)
            names.append(m.group(1) if m else None)
            expressions.append(part)
    return _Pattern(clause, re.compile("".join(regex) + r"\Z", re.DOTALL), tuple(names), tuple(expressions))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in FUNCTION_WORDS]


def _whole(clause: Clause) -> str:
    """A clause's words as a rewording is measured against them: the opening, the text, every
    sub-paragraph and the footnotes, plain. Two requests to the Secretary-General whose
    sub-paragraphs ask for different things share no more than "Requests the Secretary-General",
    and two reports taken note of differ only in the footnote that gives their symbols."""

    def subs(given: tuple[SubClause, ...]) -> Iterator[str]:
        for sub in given:
            yield from (sub.opening or "", sub.text)
            yield from subs(sub.subparagraphs)

    parts = (clause.opening or "", clause.text, *subs(clause.subparagraphs), *clause.footnotes.values())
    return _spaced(" ".join(_plain(part) for part in parts))


class _Matcher:
    """Finds the library clause a paragraph repeats, or the one it rewords.

    Indexed so that importing hundreds of documents into a library of tens of thousands of
    clauses stays fast: exact matches are looked up by kind and opening phrase, rewordings among
    the clauses of the draft the document continues first, then among the clauses that share the
    paragraph's rarest words.
    """

    MAX_CANDIDATES = 400

    def __init__(self, clauses: Iterable[Clause]) -> None:
        # Exact matches: a clause without expressions by its words; one with them by a regex,
        # compiled when a paragraph of its kind and opening first asks (most never are).
        self.literal: dict[tuple[str, str, str], list[int]] = {}
        self.templated: dict[tuple[str, str], list[int]] = {}
        self.patterns: dict[int, _Pattern] = {}  # the regexes compiled so far
        self.clauses: list[Clause] = []
        self.texts: list[str] = []  # each clause's words whole (see `_whole`)
        self.indices: dict[str, int] = {}  # by id
        self.postings: dict[str, list[int]] = {}
        self.context: dict[str, Any] = {"session": Session(0)}  # the document's session and body, set per document
        for clause in clauses:
            self.add(clause)

    def _exact(self, clause: Clause) -> list[int]:
        """The clauses a paragraph's exact match is looked for among that this one is listed with:
        by kind and opening phrase, and by its words where it has no expression (its regex would
        match just these words, spaced once)."""
        plain = _plain(clause.text)
        if _EXPRESSION.search(plain):
            return self.templated.setdefault((clause.kind, clause.opening or ""), [])
        return self.literal.setdefault((clause.kind, clause.opening or "", _SPACES.sub(" ", plain)), [])

    def add(self, clause: Clause) -> None:
        index = len(self.clauses)
        self._exact(clause).append(index)
        self.clauses.append(clause)
        self.indices[clause.id] = index
        text = _whole(clause)
        self.texts.append(text)
        for word in set(_words(text)):
            self.postings.setdefault(word, []).append(index)

    def forget_since(self, size: int) -> None:
        """Take out the clauses added after the first `size` (a document's, matched again)."""
        for index in range(len(self.clauses) - 1, size - 1, -1):
            clause = self.clauses.pop()
            self._exact(clause).remove(index)
            self.patterns.pop(index, None)
            del self.indices[clause.id]
            for word in set(_words(self.texts.pop())):
                self.postings[word].remove(index)

    def same(
        self, kind: str, opening: str | None, text: str, notes: list[str], subs: tuple[_Sub, ...] = ()
    ) -> tuple[Clause, dict[str, str]] | None:
        """The clause that gives a paragraph's words, footnotes and sub-paragraphs, and what its
        variables captured."""
        words = _spaced(_plain(text))
        wanted_notes = [_spaced(n) for n in notes]
        context = self.context
        key = (kind, opening or "")
        literal = [(index, False) for index in self.literal.get((*key, words), ())]
        templated = [(index, True) for index in self.templated.get(key, ())]
        for index, has_expressions in sorted(literal + templated):  # in library order
            clause = self.clauses[index]
            given = list(clause.footnotes.values())
            if len(given) != len(wanted_notes) or not all(map(partial(_same_note, context=context), given, wanted_notes)):
                continue
            captured: dict[str, str] = {}
            if has_expressions:
                if (pattern := self.patterns.get(index)) is None:
                    pattern = self.patterns[index] = _pattern(clause)
                m = pattern.regex.match(words)
                if m is None:
                    continue
                ok = True
                for value, name, expression in zip(m.groups(), pattern.names, pattern.expressions, strict=True):
                    if name is not None:
                        ok &= captured.setdefault(name, value) == value
                    else:
                        ok &= value == _rendered(expression, self.context)
                if not ok:
                    continue
            if _same_subs(clause.subparagraphs, subs, {**self.context, **captured}):
                return clause, captured
        return None

    def similar(
        self, clause: Clause, first: Iterable[str] = (), foreign: Callable[[Clause], bool] | None = None
    ) -> Clause | None:
        """The library clause a new one rewords, if any: among the clauses `first` names (those
        of the draft the document continues) before any other, and of equal scores the earliest.
        Where the closest clause elsewhere is one `foreign` tells the new one does not reword
        (another resolution's own paragraph, or one of this session's other texts: see
        `_Importer.no_earlier_wording`), the new one rewords none (unless a clause of the continued
        draft scores `CONTINUED_THRESHOLD`, as below).

        A paragraph close enough to a clause elsewhere to reword it rewords the closest clause of
        the continued draft instead where that one scores `CONTINUED_THRESHOLD` or more: each
        session changes a budget's amounts and dates, a meeting's number and place, and another
        item's text of this session may well be closer. Of the 55 rewordings of 79th-session
        texts of the corpus that went outside the draft they continue, the 12 whose closest
        clause there scored 68.8 to 84.4 each continue a paragraph of that draft ("Taking note
        of the working paper prepared by the Secretariat on French Polynesia" had taken Guam's
        words); of the other 43, scoring 63.8 or less there, 38 continue no paragraph of it."""
        words = _whole(clause)
        kind = clause.kind
        given = sorted({i for cid in first if (i := self.indices.get(cid)) is not None and self.clauses[i].kind == kind})
        continued = None
        if given:
            continued = process.extractOne(
                words, {i: self.texts[i] for i in given}, scorer=fuzz.ratio, score_cutoff=CONTINUED_THRESHOLD
            )
            if continued and continued[1] >= VARIANT_THRESHOLD:
                return self.clauses[continued[2]]
        # The rarest words first, and words as rare in their own order: the words of a set come in an
        # order that changes from run to run, and with it which clauses are looked at.
        rare = sorted((w for w in set(_words(words)) if w in self.postings), key=lambda w: (len(self.postings[w]), w))
        candidates: set[int] = set()
        for word in rare[:8]:
            if len(candidates) >= self.MAX_CANDIDATES:
                break
            candidates.update(self.postings[word][: self.MAX_CANDIDATES])
        choices = {i: self.texts[i] for i in sorted(candidates) if self.clauses[i].kind == kind}
        found = process.extractOne(words, choices, scorer=fuzz.ratio, score_cutoff=VARIANT_THRESHOLD)
        if found is None:
            return None
        if continued:
            return self.clauses[continued[2]]
        closest = self.clauses[found[2]]
        return None if foreign is not None and foreign(closest) else closest


@dataclass(frozen=True)
class _Sub:
    """A document's sub-paragraph as a clause must give it: opening, words (plain, spaced once),
    the mark it ends with, the mark the punctuation chain gives it there, and its own sub-paragraphs."""

    opening: str | None
    words: str
    mark: str
    chain: str
    subs: tuple[_Sub, ...]


# Spaces a text may wrap or double; a no-break space is one it prints as it is, so a clause with
# one does not give the words with a plain space (78/233's "shocks\u202ffor" is not 79/218's "shocks for").
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def _spaced(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _same_note(note: str, wanted: str, context: dict[str, Any]) -> bool:
    """Whether a clause's footnote is the document's (`wanted`, spaced once): as written, or, one
    with the session as Jinja, as it renders for the document."""
    if "{{" not in note:
        return _spaced(note) == wanted
    rendered = _rendered(note, context, whole=True)
    return rendered is not None and _spaced(rendered) == _spaced(_plain(wanted))


def _same_subs(clause_subs: tuple[SubClause, ...], subs: tuple[_Sub, ...], context: dict[str, Any]) -> bool:
    """Whether a clause's sub-paragraphs, rendered for the document, are the document's: the same
    openings and words, each ending as the clause's `end` (or the chain) has it."""
    if len(clause_subs) != len(subs):
        return False
    for given, sub in zip(clause_subs, subs, strict=True):
        words = _rendered(given.text, context, whole=True)
        if (given.opening or None) != (sub.opening or None) or words is None or _spaced(words) != sub.words:
            return False
        if (given.end if given.end is not None else sub.chain) != sub.mark or not _same_subs(
            given.subparagraphs, sub.subs, context
        ):
            return False
    return True


def _rendered(expression: str, context: dict[str, Any], whole: bool = False) -> str | None:
    """The words an expression of the session or the body (`session.ordinal_sup`, `body.short_name`)
    gives for the document being imported (or a `whole` text with expressions in it), or None
    where it gives nothing."""
    from resdraft.templating import snippets

    try:
        template = expression if whole else "{{" + expression + "}}"
        return _plain(snippets().render(template, context, None))  # as the words it is held to
    except ResdraftError:  # an expression this document cannot render: the clause is not this text
        return None


# ------------------------------------------------------------------ the import


def _slug(text: str, words: int = 5) -> str:
    plain = re.sub(r"\{\{.*?\}\}", " ", _plain(text)).lower()
    tokens = [
        t
        for t in re.findall(r"[a-z0-9]+", plain)
        if t not in {"the", "of", "and", "to", "in", "a", "an", "on", "for", "its", "that", "with", "by"}
    ]
    return "-".join(tokens[:words]) or "paragraph"


def _new_id(prefix: str, opening: str | None, text: str, taken: set[str]) -> str:
    base = f"{prefix}.{_slug(opening or '', 3) + '-' if opening else ''}{_slug(text)}".replace(".-", ".")
    base = re.sub(r"-+", "-", base).strip("-")[:80]
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    taken.add(cid)
    return cid


def _subclauses(entries: list[Any]) -> tuple[SubClause, ...]:
    """Sub-paragraph entries of a new clause as the library reads them back."""
    out = []
    for entry in entries:
        given = entry if isinstance(entry, dict) else {"text": entry}
        nested = _subclauses(given.get("subparagraphs", []))
        out.append(SubClause(given["text"], given.get("opening"), nested, given.get("end")))
    return tuple(out)


class _Importer:
    """One document into one library."""

    def __init__(
        self,
        library: Library,
        doc: Resolution,
        style: BodyStyle,
        matcher: _Matcher,
        previous_clauses: Iterable[str] = (),
        users: Callable[[str], Iterable[tuple[int, str | None]]] = lambda cid: (),
    ) -> None:
        self.library, self.doc = library, doc
        self.matcher = matcher
        self.previous_clauses = tuple(previous_clauses)  # the clauses of the draft the document continues
        self.users = users  # the session and title of each of the library's drafts using a clause, by its id
        matcher.context = {"session": doc.session, "body": body_context(style, doc.session.number)}
        self.taken = set(library.clauses)
        self.footnotes = {n.marker: _source(n.content, {}, {}) for n in doc.footnotes}
        self.punctuation = self._punctuation(style)  # the document's chain where it is not the body's
        self.style = replace(style, punctuation={**style.punctuation, **self.punctuation})
        self.new_clauses: list[dict[str, Any]] = []
        self.added: set[str] = set()  # their ids
        self.variables: dict[str, str] = {}
        self.result_reused: list[str] = []
        self.result_variants: list[tuple[str, str]] = []
        self.result_new: list[str] = []
        self.warnings: list[str] = []

    def _punctuation(self, style: BodyStyle) -> dict[str, str]:
        """The marks the document's punctuation chain ends its paragraphs with where they are not
        the body's: at each place (a preambular paragraph, the last one, an operative paragraph, a
        sub-paragraph, before sub-paragraphs) the mark more than half its paragraphs there end with.
        The draft then says it once (`style: punctuation`), not as an `end` on each paragraph."""
        seen: dict[str, list[str]] = {}

        def walk(p: Paragraph, place: str) -> None:
            mark = _split_mark(_source(_after_opening(p), {}, self.footnotes))[1]
            seen.setdefault("introduces" if p.subparagraphs else place, []).append(mark)
            for i, sub in enumerate(p.subparagraphs):
                walk(sub, place if i == len(p.subparagraphs) - 1 else "subparagraph")

        for part, role in (("preamble", "preambular"), ("operative", "operative")):
            paragraphs = getattr(self.doc, part)
            for i, p in enumerate(paragraphs):
                walk(p, f"{role}_last" if i == len(paragraphs) - 1 else role)
        out = {}
        for place, marks in seen.items():
            mark, count = Counter(marks).most_common(1)[0]
            if mark and mark != style.punctuation[place] and 2 * count > len(marks):
                out[place] = mark
        return out

    def jinja(self, text: str) -> str:
        """A new clause's or formula's text with the session's ordinals, and the body's name where it
        follows them, as Jinja."""
        session = self.doc.session.number
        shorts = tuple(n.short_name for n in (*self.style.former_names, self.style.name_at(0)) if n.short_name)
        return _session_words(_body_names(text, self.style, session), session, shorts, self.style.names)

    def notes_jinja(self, notes: dict[str, str], before: dict[str, str]) -> dict[str, str]:
        """A new clause's footnotes with the text's own session as Jinja (see `_footnote_words`)."""
        session = self.doc.session.number
        return {k: _footnote_words(v, before.get(k, ""), session, self.style.names) for k, v in notes.items()}

    def _subs(
        self, p: Paragraph, parent_mark: str, notes: dict[str, str], before: dict[str, str]
    ) -> tuple[list[Any], tuple[_Sub, ...]]:
        """Sub-paragraph entries (text, with `end` where the chain would differ), and the same
        sub-paragraphs as a library clause must give them to be this paragraph's; their footnotes
        join the clause's `notes`."""
        out: list[Any] = []
        keys: list[_Sub] = []
        for i, sub in enumerate(p.subparagraphs):
            text, mark = _split_mark(_source(_after_opening(sub), notes, self.footnotes, before))
            expected = parent_mark if i == len(p.subparagraphs) - 1 else self.style.punctuation["subparagraph"]
            nested, nested_keys = self._subs(sub, expected, notes, before) if sub.subparagraphs else ([], ())
            entry: dict[str, Any] = {"text": self.jinja(text)}
            if sub.opening:
                entry["opening"] = sub.opening
            if nested:
                entry["subparagraphs"] = nested
            own = self.style.punctuation["introduces"] if sub.subparagraphs else expected
            if mark != own:
                entry["end"] = mark
            out.append(entry if len(entry) > 1 else entry["text"])
            keys.append(_Sub(sub.opening, _spaced(_plain(text)), mark, own, nested_keys))
        return out, tuple(keys)

    def use(self, p: Paragraph, kind: str, expected: str) -> Any:
        """The draft entry for one paragraph, adding a clause to the library when needed."""
        notes: dict[str, str] = {}
        before: dict[str, str] = {}  # the words each footnote's anchor follows
        source = _source(_after_opening(p), notes, self.footnotes, before)
        raw, mark = _split_mark(source)
        text = self.jinja(raw)
        subs, sub_keys = self._subs(p, expected, notes, before)
        own_mark = self.style.punctuation["introduces"] if p.subparagraphs else expected
        numbering = self.sub_numbering(p, kind)

        def overridden(end: str) -> dict[str, Any]:
            """What the draft entry sets beside its clause: an end other than its own, sub-paragraph labels."""
            return ({"end": end} if end != own_mark else {}) | ({"numbering": numbering} if numbering else {})

        found = self._reused(kind, p.opening, raw, list(notes.values()), sub_keys)
        if found is not None:
            clause, captured, joining = found
            if all(self.variables.get(name, value) == value for name, value in captured.items()):  # one value a variable
                self.variables.update(captured)
                self.result_reused.append(clause.id)
                reused = overridden(joining + mark)
                return {"clause": clause.id, **reused} if reused else clause.id
        overrides = overridden(mark)
        prefix = self.doc.body
        cid = _new_id(prefix, p.opening, text, self.taken)
        entry: dict[str, Any] = {"id": cid, "kind": kind}
        if p.opening:
            entry["opening"] = p.opening
        entry["text"] = text
        if subs:
            entry["subparagraphs"] = subs
        notes = self.notes_jinja(notes, before)
        if notes:
            entry["footnotes"] = notes
        entry["tags"] = [prefix, "imported"]
        # The clause as the library will read it, sub-paragraphs and all: a later paragraph the
        # same in every part reuses it, and one rewording it is measured against all of it.
        clause = Clause(cid, kind, text, p.opening, _subclauses(subs), notes)  # type: ignore[arg-type]
        variant = self.matcher.similar(clause, self.previous_clauses, partial(self.no_earlier_wording, clause))
        if variant is not None:
            entry["amends"] = variant.id
            self.result_variants.append((cid, variant.id))
            self._alike(p, clause, variant)
        else:
            self.result_new.append(cid)
        self.new_clauses.append(entry)
        self.added.add(cid)
        self.matcher.add(clause)
        return {"clause": cid, **overrides} if overrides else cid

    def no_earlier_wording(self, clause: Clause, other: Clause) -> bool:
        """Whether a library clause is no wording a new clause rewords, though close to it:

        - another resolution's own paragraph, where the new one says the same of this one's
          subject: it puts words of this document's title in place of words of the title of a
          resolution using the other ("… the people of [-Anguilla-]{+Bermuda+} …" in "Question of
          Bermuda", of "Question of Anguilla"'s). Each territory's, mission's or organization's
          text is its own. (Words that are numbers are no subject: "Working Capital Fund for 2025"
          continues "… for 2024".)
        - another paragraph of this document: a section's paragraph and the next section's,
          alike but for the amount, report or body each names, are both adopted at once;
        - a paragraph of later sessions' texts alone, or of those and other resolutions of this
          session (where sessions are numbered: a Council's resolutions of one year continue each
          other): a rewording is of a wording adopted before, and which text of a session is
          imported first is chance, as is an older text imported after a newer one. (A draft of
          this session under this title is this resolution's: a revised draft rewords the draft
          it revises.)

        Of the 659 GA texts of the corpus imported in order, 365 paragraphs had been taken for
        rewordings of the first kind, 82 of the second and 641 of the third."""
        from resdraft.upkeep.duplicates import retitled

        if other.id in self.added:
            return True
        found = self.doc.fields.get("title")
        title = found if isinstance(found, str) and found else None  # (without one, no draft is told another's)
        ours = _words_of(title) if title else None
        users = list(self.users(other.id))
        others = {was for _, was in users if was and ours and _words_of(was) != ours}  # (the titles of other resolutions)
        session = self.doc.session.number
        # Only drafts of later sessions, or of this one under other titles (sessions counted as
        # years, the Council's, never: its resolutions of one year continue each other).
        if not self.style.years and users and all(used > session or (used == session and was in others) for used, was in users):
            return True
        return title is not None and any(retitled(other, clause, was, title) for was in sorted(others))

    def _alike(self, p: Paragraph, clause: Clause, variant: Clause) -> None:
        """A warning where a new clause rewords one only in characters no reader can tell apart (a
        no-break space where the library's has a space): the "rewording" is then no change of words,
        and the import says so. The new clause stays, as the document has the characters (a draft
        rebuilds its document exactly, and `clauses merge` keeps an adopted text's wording)."""
        from resdraft.diff.unseen import alike_note

        if characters := alike_note(_whole(variant), _whole(clause)):
            self.warnings.append(
                f"the {p.role} paragraph “{p.first_words(6)}” rewords clause {variant.id}"
                f" only in characters that print alike ({characters}); its new clause, {clause.id},"
                " keeps them as the document has them"
            )

    def sub_numbering(self, p: Paragraph, kind: str) -> list[str] | None:
        """A paragraph's sub-paragraph labels per level where they are not the house style's ("(i)"
        where it has "(a)"; the Council's dashes, "--"), as its draft entry's `numbering:` gives them."""
        house = self.style.numbering.sublabels(kind)
        found = p.sublabels(house)
        return _flow(list(found)) if found else None

    def _reused(
        self, kind: str, opening: str | None, raw: str, notes: list[str], subs: tuple[_Sub, ...]
    ) -> tuple[Clause, dict[str, str], str] | None:
        """The library clause a paragraph repeats, what its variables captured, and the words that
        end the paragraph before its mark without being the clause's: a list's joining "and" or
        "or" ("…women and children and;" is the clause with `end: " and;"`)."""
        if (found := self.matcher.same(kind, opening, raw, notes, subs)) is not None:
            return (*found, "")
        if (joined := _JOINING.search(raw)) and (found := self.matcher.same(kind, opening, raw[: joined.start()], notes, subs)):
            return (*found, joined.group())
        return None

    def _unopened(self, p: Paragraph, part: str) -> Paragraph:
        """A section's title among numbered paragraphs ("Political affairs" under "Part II", no
        number, no mark at its end) as a heading has it: all text, no opening phrase. The reader
        took its first word for one, and the clause built it as "*Political* affairs" (the italic
        the house style gives openings) where the same title elsewhere had none and was a clause
        of its own."""
        if part != "operative" or not p.opening or p.subparagraphs or not self.doc.unnumbered(p):
            return p
        if _split_mark(_source(p.content, {}, self.footnotes))[1]:
            return p
        content = tuple(Run(s.text, False, s.bold, s.superscript) if isinstance(s, Run) and s.opening else s for s in p.content)
        return replace(p, content=content, opening=None)

    def parts(self) -> tuple[list[Any], list[Any]]:
        """The draft entries of the document's preamble and operative part."""
        return self.part(self.doc.preamble, "preamble"), self.part(self.doc.operative, "operative")

    def part(self, paragraphs: tuple[Paragraph, ...], part: str) -> list[Any]:
        kind = "preambular" if part == "preamble" else "operative"
        kinds = _heading_kinds(self.doc) if part == "operative" else {}
        last = len(paragraphs) - 1
        entries = [
            # (the end a draft entry gives it where its own differs: a `heading:` entry's is none)
            self.use(
                self._unopened(p, part), kind, paragraph_mark(self.style.punctuation, kind, k == last, p.heading or k in kinds)
            )
            for k, p in enumerate(paragraphs)
        ]
        if part != "operative":
            return entries
        out = []
        count = 0  # the last number the draft gives
        for k, (entry, p) in enumerate(zip(entries, paragraphs, strict=True)):
            if p.heading or self.doc.unnumbered(p):
                out.append(_unnumbered(entry, p, kinds.get(k)))
                continue
            count += 1
            if p.number is not None and p.number != count and self.doc.numbering.operative:
                count = p.number  # the numbering starts again (a section's paragraph 1)
                entry = {**(entry if isinstance(entry, dict) else {"clause": entry}), "number": p.number}
            out.append(entry)
        return out


def _unnumbered(entry: Any, p: Paragraph, kind: str | None) -> dict[str, Any]:
    """A draft entry the operative numbering skips, as the document's does (a section's heading
    among numbered paragraphs): `heading: I` where the count of its kind gives its numeral (see
    `_heading_kinds`), `heading: true` for a heading without one, else with the label it has in
    place of a number ("Section 3")."""
    out = dict(entry) if isinstance(entry, dict) else {"clause": entry}
    if kind is not None or p.heading:
        out["heading"] = kind or True
        return out
    out["numbered"] = False
    if p.label:
        out["label"] = p.label
    return out


def _heading_kinds(doc: Resolution) -> dict[int, str]:
    """Each section heading's kind of numeral ("I", "A."), by its place among the operative
    paragraphs, where counting each kind (`heading_labels`) gives every heading of the document
    whose numeral counts the numeral it has, so the draft names none of those and they renumber
    themselves; else none. A numeral that names ("Section 3", "Action 12.") is typed."""
    numerals = {k: numeral for k, p in enumerate(doc.operative) if (numeral := doc.heading_numeral(p))}
    kinds = heading_kinds(list(numerals.values())) or []
    return {k: kind for k, kind in zip(numerals, kinds, strict=False) if kind is not None}


def _adoption_meeting(closing: str) -> tuple[str, dt.date] | None:
    """The meeting and the day a UN closing formula names ("54th plenary meeting 19 December 2024",
    "80th (resumed) plenary meeting …"), when it says nothing else and the day is written as the
    house style writes it."""
    found = plenary_meeting(closing)
    day = parse_date(found[1]) if found else None
    if found is None or day is None or long_date(day) != found[1]:
        return None
    return found[0], day


class _Drafts:
    """The library's drafts by session, with their files' words, scanned once for an intake (each
    import adds its own): which draft a document continues."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.by_session: dict[int, dict[Path, str]] | None = None  # a file's words, by session (in file order)
        self.known: dict[Path, tuple[str | None, frozenset[str]]] = {}  # each draft's title and clauses, once read (`_read`)

    def added(self, path: Path, session: int, text: str) -> None:
        self.known.pop(path, None)
        if self.by_session is not None:
            self.by_session.setdefault(session, {})[path] = _words_of(text)

    def continued_by(self, doc: Resolution) -> str | None:
        """The draft a document continues: the body's latest text of an earlier session under the
        same title (as its name for `previous:`), where that session has exactly one. Items come
        back every session, or every second or third (A/RES/78/228 continues 76/186)."""
        title = _words_of(str(doc.fields.get("title") or ""))
        if not title or not doc.session.number:
            return None
        self.scanned()
        assert self.by_session is not None
        for session in sorted((n for n in self.by_session if n < doc.session.number), reverse=True):
            found = [
                path.relative_to(self.library.drafts_dir).with_suffix("").as_posix()
                for path, words in self.by_session[session].items()
                if title in words and self._titled(path, doc.body, session, title)  # (the words first: reading is slow)
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def users(self, cid: str) -> list[tuple[int, str | None]]:
        """The session and title (where it has one written out) of each of the library's drafts that use a clause."""
        self.scanned()
        assert self.by_session is not None
        found = []
        for session, words in self.by_session.items():
            for path, text in words.items():
                if cid in text:  # (the words first: reading is slow)
                    title, used = self._read(path)
                    if cid in used:
                        found.append((session, title))
        return found

    def _read(self, path: Path) -> tuple[str | None, frozenset[str]]:
        """A draft's title (where it has one written out) and the clauses it uses, read once."""
        if (known := self.known.get(path)) is None:
            draft = self.library.read_draft(path, Problems())
            title = draft.fields.get("title") if draft else None
            known = self.known[path] = (title if isinstance(title, str) else None, frozenset(draft.clause_ids if draft else ()))
        return known

    def clauses_of(self, name: str) -> list[str]:
        """The clauses a draft of the library uses, by its name for `previous:`."""
        draft = self.library.read_draft(self.library.drafts_dir / f"{name}.yaml", Problems())
        return draft.clause_ids if draft else []

    def sharing_most(self, doc: Resolution, shared: set[str]) -> str | None:
        """The draft a text of a body that counts years continues: the Council prints no title
        of its own ("Resolution 1627 (2005)"), so its series is found by the clauses the text
        shares (reuses or rewords), the earlier draft of its body sharing the most, at least
        two, and of those the latest. Earlier by the resolutions' numbers, so both must have a
        symbol (and a text imported again never continues its own draft). Each UNMIS renewal finds
        the one before it."""
        number = _resolution_number(doc.fields.get("symbol"))
        if len(shared) < 2 or not doc.session.number or number is None:
            return None
        self.scanned()
        assert self.by_session is not None
        best: tuple[int, int, str] | None = None
        for session in sorted(n for n in self.by_session if n <= doc.session.number):
            for path, words in self.by_session[session].items():
                if not any(cid in words for cid in shared):  # (the words first: reading is slow)
                    continue
                draft = self.library.read_draft(path, Problems())
                if draft is None or draft.body != doc.body:
                    continue
                before = _resolution_number(draft.fields.get("symbol"))
                if before is None or before >= number:
                    continue
                count = len(shared & set(draft.clause_ids))
                name = path.relative_to(self.library.drafts_dir).with_suffix("").as_posix()
                if count >= 2 and (best is None or (count, session) >= best[:2]):
                    best = (count, session, name)
        return best[2] if best else None

    def scanned(self) -> None:
        """The library's drafts read for their sessions and words, once."""
        if self.by_session is None:
            self.by_session = {}
            for path in self.library.draft_files():
                text = path.read_text(encoding="utf-8", errors="replace")
                if (session := session_line(text)) is not None:
                    self.added(path, session, text)

    def _titled(self, path: Path, body: str, session: int, title: str) -> bool:
        draft = self.library.read_draft(path, Problems())
        return (
            draft is not None
            and (draft.body, draft.session) == (body, session)
            and not isinstance(draft.fields.get("title"), Placeholder)
            and _words_of(str(draft.fields.get("title") or "")) == title
        )


def _resolution_number(symbol: Any) -> int | None:
    """The number of a Council resolution from its symbol ("S/RES/1627 (2005)": 1627), or None."""
    m = re.match(r"S/RES/(\d+)\b", str(symbol or ""))
    return int(m.group(1)) if m else None


def _words_of(text: str) -> str:
    """Text compared for a title: in lower case, spaced once, a YAML-quoted "''" read as "'"."""
    return " ".join(text.replace("''", "'").split()).casefold()


_COUNCIL_MEETING = re.compile(r"\bSecurity Council at its (\d+(?:st|nd|rd|th) meeting)\b")
# How the Council voted, where its adoption line says: "Adopted unanimously by …", or after the day
# ("…, on 31 August 2006, by 12 votes to none, with 3 abstentions").
_COUNCIL_VOTE = re.compile(r"^Adopted (?P<before>\S.{0,60}?) by the Security Council\b|\d{4},? (?P<after>by \d.{0,120}?)\.?$")


def _unfilled(value: Any) -> str | None:
    """The hint of a fact still to fill in, as a built draft prints it ("[TBD: symbol of the
    80th-session document (was A/RES/78/62)]") and its importer reads it; None for a fact."""
    found = value if isinstance(value, Placeholder) else Placeholder.printed(value) if isinstance(value, str) else None
    return str(found.hint) if found is not None else None


def _untitled(symbol: str) -> Any:
    """The title of a document that prints none: the Council's "Resolution 1919 (2010)" from its
    symbol, else a placeholder the user fills in."""
    return council_heading(symbol) or placeholder_node("title of the resolution (the text prints none)")


def _unstated(doc: Resolution, data: dict[str, Any], years: bool) -> list[str]:
    """What the draft could not take from the document, for the user to fill in or check."""
    out = []
    if isinstance(data["title"], dict):
        out.append("the text prints no title: fill in `title:` in the draft")
    if "date" not in doc.fields and isinstance(data.get("date"), dict):
        out.append("the text prints no date: fill in `date:` in the draft")
    year = doc.session.number if years else None
    if not doc.session.number:
        said, do = ("no year of adoption", "write the year it was adopted") if years else ("no session", "correct it")
        out.append(f"the text states {said}: the draft says `session: {data['session']}`; {do}")
    printed = re.search(r"\((\d+)\)$", str(doc.fields.get("symbol") or ""))
    if year and printed and int(printed.group(1)) != year:  # the Council's S/RES/1812 (208), adopted in 2008
        out.append(f"the symbol {doc.fields['symbol']} does not name {year}, the year the text was adopted: check it")
    return out


def _prints_each(style: BodyStyle, fact: str) -> bool:
    """Whether a house style prints a line for each entry of a fact's list (`each: "draft.agenda_title"`)."""
    return any(line.each.strip() == f"draft.{fact}" for line in style.header)


def _draft_data(doc: Resolution, importer: _Importer, preamble: list[Any], operative: list[Any]) -> dict[str, Any]:
    from resdraft.render.structure import to_structure

    facts = to_structure(doc)
    data: dict[str, Any] = {"body": doc.body, "session": doc.session.number or 1}
    symbol = "" if _unfilled(doc.fields.get("symbol")) else str(doc.fields.get("symbol") or "")
    drafted = any(line.role == "status" and "DRAFT" in line.text.upper() for line in doc.header) or "/L." in symbol
    stated = doc.closing is not None or "/RES" in symbol.upper() or "RES." in symbol.upper() or "adoption" in doc.fields
    data["status"] = "draft" if drafted or not stated else "adopted"
    if isinstance(doc.fields.get("date"), dt.date):
        data["date"] = doc.fields["date"]
    elif left := _unfilled(doc.fields.get("date")):
        data["date"] = placeholder_node(left)
    elif importer.style.has_line("date"):  # (a Council text quoted in a press release)
        data["date"] = placeholder_node(f"date of {symbol or 'the resolution'} (the text prints none)")
    for key in ("symbol", "title", "subtitle", "committee", "agenda_item", "agenda_title"):
        value = facts.get(key)
        if isinstance(value, list) and not _prints_each(importer.style, key):
            value = value[0]  # (a house style written for one title: the rest are named as not rebuilt)
        if value:
            data[key] = placeholder_node(left) if (left := _unfilled(value)) else value
    if "title" not in data:
        data["title"] = _untitled(symbol)
    dates, printed_venue = _meeting(doc)
    if venue := doc.fields.get("venue") or printed_venue:  # "Adopted this … in Cebu City, Philippines.", or the masthead's
        data["venue"] = str(venue)
    if dates:
        data["meeting_dates"] = dates
    if data["status"] == "adopted" and isinstance(adopted := doc.fields.get("adopted"), dt.date):
        data["adopted"] = adopted
    if data["status"] == "adopted" and doc.closing is not None and (closed := _adoption_meeting(doc.closing.text)):
        meeting, day = closed  # "54th plenary meeting 19 December 2024": the facts the body's closing formula states
        if day == data.setdefault("adopted", day):
            data["meeting"] = meeting
    if data["status"] == "adopted" and (m := _COUNCIL_MEETING.search(str(doc.fields.get("adoption") or ""))):
        data["meeting"] = m.group(1)  # "Adopted by the Security Council at its 5396th meeting, on …"
        if vote := _COUNCIL_VOTE.search(m.string):  # (the same adoption line)
            data["vote"] = vote.group("before") or vote.group("after")  # as printed: "unanimously"
    if data["status"] == "adopted" and (report := doc.fields.get("report")):  # "[on the report of …]", as printed
        data["report"] = str(report).strip().removeprefix("[").removesuffix("]").strip()
    if facts.get("distribution"):
        data["distribution"] = facts["distribution"]
    if facts.get("original_language"):
        data["language"] = facts["original_language"]
    if (line := facts.get("sponsors_line")) and (found := sponsors_of(line.replace("*", ""))):
        data["sponsors"] = list(found["sponsors"])
        data["document_type"] = found["document_type"]
    # A footnote on the sponsors line is kept (the body's header anchors it); one on the symbol or
    # title is not, since the header is rebuilt from the body's template.
    sponsor_marks = [
        s.marker for line in doc.header if line.role == "sponsors" for s in line.content if isinstance(s, FootnoteRef)
    ]
    if data.get("sponsors") and sponsor_marks:
        data["footnotes"] = {m: importer.footnotes[m] for m in sponsor_marks if m in importer.footnotes}
    if importer.variables:
        data["variables"] = dict(importer.variables)
    style: dict[str, Any] = {"punctuation": dict(importer.punctuation)} if importer.punctuation else {}
    if not doc.numbering.operative and doc.operative and all(p.number is None for p in doc.operative):
        style["numbering"] = {"operative": "none"}
    if style:
        data["style"] = style
    data["preamble"] = preamble
    data["operative"] = operative
    return data


_MEETING_DATES = re.compile(
    r"GENERAL ASSEMBLY,?\s+(\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+[A-Z]+(?:\s*[–-]\s*\d{1,2}\s+[A-Z]+)?,?\s+\d{4})"
    r"(?:,\s*(?P<venue>.+?))?\.?\s*$",
    re.IGNORECASE,
)


def _meeting(doc: Resolution) -> tuple[str | None, str | None]:
    """The days an assembly met and where, from the masthead line that names it ("26TH GENERAL
    ASSEMBLY 18 – 23 SEPTEMBER 2005, VIENTIANE, LAO PDR." gives "18 – 23 September 2005" and
    "Vientiane, Lao PDR"), as a draft writes them: words capitalized, an abbreviation without a
    vowel ("PDR") kept as printed."""
    for line in doc.header:
        if line.role == "assembly" and (m := _MEETING_DATES.search(line.text)):
            venue = m.group("venue")
            return _as_written(m.group(1)), _as_written(venue.strip()) if venue else None
    return None, None


def _as_written(printed: str) -> str:
    """Words printed in capitals as a draft writes them: capitalized, an abbreviation without a vowel kept."""
    return re.sub(
        r"[A-Za-z]+", lambda w: w.group() if not re.search(r"[AEIOUYaeiouy]", w.group()) else w.group().capitalize(), printed
    )


_EMPHASIS_OF = {(False, False): "none", (False, True): "italic", (True, False): "bold", (True, True): "bold-italic"}


# Masthead lines that say the same every session (the organization, the organ, the distribution, the
# language): kept as printed where the house style prints none. (A line of the session's facts, a
# date or an agenda item, comes from the draft's facts, and a text kept would go stale.)
_STANDING = frozenset({"organization", "organ", "distribution", "language"})


def _kept_as_printed(doc: Resolution, built: Resolution, roles: set[str], jinja: Callable[[str], str]) -> dict[str, Any]:
    """What the body's house style would set otherwise than the document does, to keep as the
    document has it: a masthead line it prints none of (`header: {organization: ""}`: AIPO's 2005
    text names no Organization), or one of the body's lines it prints where the house style does
    not (`header: {language: "Original: English"}`: an adopted GA resolution's masthead usually
    says no language, A/RES/78/7's does); how a part's opening phrases are set, where the document sets most
    of them otherwise (`style: {emphasis: {preambular: none}}`: AALCO's 2013 preamble, plain where
    the house style sets it bold); and a paragraph's own, set otherwise than its part's (`uses`:
    AIPO's 2005 "Advocate …", plain among italic ones). Emphasis only where the document carries
    formatting at all: text copied from a PDF has none to tell."""
    kept: dict[str, Any] = {}
    printed = Counter(line.role for line in doc.header)
    built_roles = {line.role for line in built.header}
    missing = {line.role: "" for line in built.header if line.role not in printed and doc.header}
    added = {
        line.role: jinja(_escape(line.text))
        for line in doc.header
        if line.role in roles & _STANDING - built_roles and printed[line.role] == 1
    }
    if missing or added:
        kept["header"] = {**missing, **added}
    paragraphs = (s for p in (*doc.preamble, *doc.operative) for s in p.walk())
    if not any(isinstance(r, Run) and (r.bold or r.italic) for s in paragraphs for r in s.content):
        return kept
    emphasis: dict[str, str] = {}
    uses: dict[tuple[str, int], str] = {}
    for part, key in (("preamble", "preambular"), ("operative", "operative")):
        mine, house = [_opening_set(p) for p in getattr(doc, part)], [_opening_set(p) for p in getattr(built, part)]
        counted, was = Counter(filter(None, mine)), Counter(filter(None, house))
        if len(mine) != len(house) or not counted or not was:
            continue
        usual = was.most_common(1)[0][0]
        most = max(counted.values())
        if counted[usual] < most:  # (a tie keeps the house style)
            usual = emphasis[key] = next(e for e, n in counted.items() if n == most)
        uses.update({(part, i): m for i, (m, h) in enumerate(zip(mine, house, strict=True)) if m and h and m != usual})
    if emphasis:
        kept["emphasis"] = emphasis
    if uses:
        kept["uses"] = uses
    return kept


def _opening_set(paragraph: Paragraph) -> str | None:
    """How a paragraph's opening phrase is set ("bold", "none" …); None where it has none."""
    first = paragraph.content[0] if paragraph.content else None
    return _EMPHASIS_OF[first.bold, first.italic] if isinstance(first, Run) and first.opening else None


_LINE_END_SPACES = re.compile(r" +\n")


def _yaml_text(data: Any, header: str | None = None) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 100
    yaml.representer.ignore_aliases = lambda data: True  # a date stated twice is written twice, not as &id001
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    if header:
        buffer.write(header)
    yaml.dump(data, buffer)
    # ruamel breaks a long plain scalar after the space before a word: that space ends the line,
    # and is no part of the value (nor is it, in a quoted scalar, where ruamel breaks without it).
    return _LINE_END_SPACES.sub("\n", buffer.getvalue())


def _clause_file_text(source: Path, entries: list[dict[str, Any]]) -> str:
    """A clause file holding the clauses one import added, laid out as `resdraft clauses fmt` lays
    clause files out (long text folded `>-`, tags in brackets), so that it leaves them as they are."""
    from resdraft.upkeep.yamlstyle import entry_lines

    lines = [f"# Clauses added by `resdraft import` from {source.name}; edit, merge and rename them like any others.", "clauses:"]
    for n, entry in enumerate(entries):
        lines += [""] * (n > 0) + entry_lines(entry)
    return "\n".join(lines) + "\n"


def _check_rebuild(
    library: Library, draft_text: str, draft_path: Path, clause_path: Path, clause_text: str | None, doc: Resolution
) -> tuple[Resolution, list[str]]:
    """Build the draft in memory against the library plus the new clauses; differences from the document.
    A problem in the files it would write is told at their places, as not written."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_draft = Path(tmp) / draft_path.name  # (named as the draft is: {{ draft.name }} and `previous:` cycles name it)
        try:
            return _rebuilt(library, draft_text, tmp_draft, clause_path, clause_text, doc)
        except ResdraftError as error:
            places = {tmp_draft: draft_path, clause_path: clause_path}
            raise type(error)(*(_told_at(problem, places) for problem in error.problems)) from None


def _told_at(problem: Problem, places: dict[Path, Path]) -> Problem:
    """A problem of the rebuild told at the files the import would write: where it stands, and
    where its message names the draft ("(clause …, as drafts/s-res-1663-2006.yaml:14 uses it)"),
    never the temporary copy the rebuild read."""
    message, named = problem.message, ""
    for was, path in places.items():
        if was != path and (shown := str(Where(was))) in message:
            message, named = message.replace(shown, str(Where(path))), str(Where(path))
    if problem.where is None or problem.where.path not in places:
        tail = f" ({named} is the draft this import would write; nothing was written)" if named else ""
        return replace(problem, message=message + tail)
    path = places[problem.where.path]
    return replace(
        problem,
        where=Where(path, problem.where.line),
        message=f"{message} (in the {path.parent.name} file this import would write; nothing was written)",
    )


def _rebuilt(
    library: Library, draft_text: str, tmp_draft: Path, clause_path: Path, clause_text: str | None, doc: Resolution
) -> tuple[Resolution, list[str]]:
    from resdraft.assemble import Assembler, prepare

    problems = Problems()
    if clause_text is not None:  # (read as the file it will be, so that the library's clauses name it)
        for clause in clauses_from_text(clause_text, clause_path, problems):
            library.clauses[clause.id] = clause
    tmp_draft.write_text(draft_text, encoding="utf-8")
    draft = library.read_draft(tmp_draft, problems)
    problems.raise_errors()
    assert draft is not None
    style = prepare(draft, library, problems)
    problems.raise_errors()
    assert style is not None
    built = Assembler(draft, style, library).build()
    differences = []
    for part in ("preamble", "operative"):
        a, b = getattr(doc, part), getattr(built, part)
        if len(a) != len(b):
            differences.append(f"{part}: {len(a)} paragraphs in the document, {len(b)} rebuilt")
            continue
        renumbered = ""  # the first paragraph numbered otherwise: one slip moves every number after it
        for i, (x, y) in enumerate(zip(a, b, strict=True), start=1):
            if [s.text for s in x.walk()] != [s.text for s in y.walk()]:
                differences.append(f"{part} paragraph {i} rebuilds differently: {y.text[:80]!r}")
            elif (was := [s.label for s in x.walk() if s.level]) != (now := [s.label for s in y.walk() if s.level]):
                differences.append(
                    f"{part} paragraph {i}'s sub-paragraphs are labelled {_labels(was)} in the document but {_labels(now)} in the draft"
                )
            if x.number != y.number and not renumbered:
                renumbered = _renumbered(part, i, x, y)
        differences += [renumbered] if renumbered else []
    return built, differences + _masthead_differences(doc, built) + _footnote_differences(doc, built)


def _footnote_differences(doc: Resolution, built: Resolution) -> list[str]:
    """The document's footnotes the draft does not rebuild, word for word (A/RES/78/68's "*" on its
    symbol, "Reissued for technical reasons on 15 January 2024.", which no draft's fact carries)."""

    def words(note: Footnote) -> str:
        return " ".join(plain_words(note.content).split())

    rebuilt = set(map(words, built.footnotes))
    return [f"footnote {n.marker} ({excerpt(words(n))}) is not rebuilt" for n in doc.footnotes if words(n) not in rebuilt]


def _masthead_differences(doc: Resolution, built: Resolution) -> list[str]:
    """The masthead's lines the draft does not rebuild as the document prints them (the title,
    the symbol, the dates and the formulas are the draft's facts and formulas): A/RES/78/285's
    second agenda item's title, where the house style prints one (a library's templates written
    before `each:`); the AIPO seeds' assembly line, which prints the place otherwise."""
    from resdraft.diff.compare import compare_masthead

    out = []
    for change in compare_masthead(doc, built):
        line = f"the masthead's {change.line_name}"
        if change.status == "deleted":
            out.append(f"{line}, “{change.old}”, is not rebuilt: the house style has no place for it")
        elif change.status == "inserted":
            out.append(f"the draft's masthead adds {_a(change.line_name)}, “{change.new}”, that the document does not print")
        elif change.status == "modified":
            out.append(f"{line} rebuilds as “{change.new}”; the document prints “{change.old}”")
    return out


def _a(name: str) -> str:
    """A line's name with its article: "an organization line", "a distribution line"."""
    return f"{'an' if name[:1] in 'aeio' else 'a'} {name}"


def _flow(items: list[str]) -> list[str]:
    """A short list the draft writes on one line: `numbering: [(a), --]`."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _labels(labels: list[str | None]) -> str:
    """Sub-paragraph labels as a message lists them: "(i), (ii)", "(none)" for one without."""
    return ", ".join(label or "(none)" for label in labels)


def _renumbered(part: str, i: int, document: Paragraph, built: Paragraph) -> str:
    """The first paragraph the rebuilt draft numbers otherwise than the document, said for the user
    (a section whose numbering starts again at 1, which a draft's numbering does not do)."""
    was = "not numbered" if document.number is None else f"numbered {document.number}"
    shown = "not numbered" if built.number is None else f"numbered {built.number}"
    return f"{part} paragraph {i} is {was} in the document but {shown} in the draft"


class Intake:
    """Imports documents one after another into one library, kept in memory between them."""

    def __init__(self, start: Path | None = None) -> None:
        self.library = open_library(start or Path.cwd())
        self.library.problems.raise_errors()
        self.matcher = _Matcher(self.library.clauses.values())
        self.drafts = _Drafts(self.library)

    def add(
        self, path: Path, body: str | None = None, name: str | None = None, force: bool = False, read: Document | None = None
    ) -> ImportResult:
        """Import one document (its files are written before the next one is read); `read`: the
        document already read from `path`."""
        return _import_one(self.library, self.matcher, self.drafts, path, body, name, force, read)


def _as_first_imported(shared: set[str], library: Library, clause_path: Path) -> set[str]:
    """The clauses a text shares with the library as its first import found them: a clause of its
    own clause file (made by that import, which a text imported again reuses) stands for the
    clause it rewords, or for none where it was new. So a Council resolution imported again
    continues the draft it continued (S/RES/1627 shares 1590's clauses, not its own)."""
    out = set()
    for cid in shared:
        clause = library.clauses.get(cid)
        if clause is None or clause.where is None or clause.where.path != clause_path:
            out.add(cid)
        elif clause.amends:
            out.add(clause.amends)
    return out


def _read_for_import(path: Path, body: str | None) -> Document:
    """A document as the import takes it: named by its file where it prints no symbol (see `named_by_file`)."""
    if not path.exists():
        raise no_such_file(path, drafts=False)  # (a draft is built, not imported)
    return named_by_file(read_file(path, body), path)


def in_session_order(paths: list[Path], body: str | None = None) -> list[tuple[Path, Document]]:
    """The documents read, oldest session first (in the order given within a session), so that
    each text finds the one it continues already in the library: its `previous:`, and the clauses
    it rewords. All are read before any is imported, so an unreadable one stops the import whole."""
    read = [(path, _read_for_import(path, body)) for path in paths]
    return sorted(read, key=lambda item: item[1].resolution.session.number)


def import_documents(
    paths: list[Path], start: Path | None = None, body: str | None = None, name: str | None = None, force: bool = False
) -> Iterator[ImportResult]:
    """Add documents to the library around `start` (default: the current folder), oldest session
    first: each result as its document is added."""
    if name and len(paths) > 1:
        raise OutputError(
            Problem(None, "--name names one draft, but several files were given", "import them one at a time, or drop --name")
        )
    # (--name names the draft and its clause file, both in the library)
    if name is not None and (not ID_PATTERN.match(name) or name.endswith((".yaml", ".yml"))):
        raise OutputError(
            Problem(
                None,
                f"--name {name!r} is not a draft's name: it names the file in drafts/ the import writes",
                "give a name of lower-case letters, digits and hyphens, without a folder or '.yaml', as 'aalco-52'",
            )
        )
    intake = Intake(start)
    for path, read in in_session_order(paths, body):  # (the oldest first: each finds the text it continues)
        yield intake.add(path, body, name, force, read)


def import_document(
    path: Path, start: Path | None = None, body: str | None = None, name: str | None = None, force: bool = False
) -> ImportResult:
    """Add one document to the library around `start` (default: the current folder)."""
    return next(import_documents([path], start, body, name, force))


def _import_one(
    library: Library,
    matcher: _Matcher,
    drafts: _Drafts,
    path: Path,
    body: str | None,
    name: str | None,
    force: bool,
    read: Document | None,
) -> ImportResult:
    from resdraft.upkeep.commit import FileChange, write_all

    read = read or _read_for_import(path, body)
    doc = read.resolution
    problems = Problems()
    style = library.body(doc.body, problems, Where(path))
    problems.raise_errors()
    assert style is not None
    previous = drafts.continued_by(doc)  # (its clauses are the first a paragraph may reword)
    known = len(matcher.clauses)
    importer = _Importer(library, doc, style, matcher, drafts.clauses_of(previous) if previous else (), drafts.users)
    preamble, operative = importer.parts()
    printed = None if _unfilled(doc.fields.get("symbol")) else doc.fields.get("symbol")
    stem = name or symbol_name(str(printed or path.stem)) or "imported"
    draft_path = library.drafts_dir / f"{stem}.yaml"
    clause_path = library.clauses_dir / "imported" / f"{stem}.yaml"
    if previous is None and style.years:
        shared = {*importer.result_reused, *(was for _, was in importer.result_variants)}
        previous = drafts.sharing_most(doc, _as_first_imported(shared, library, clause_path))
        continued = set(drafts.clauses_of(previous)) if previous else set()
        if any(was not in continued for _, was in importer.result_variants):
            # Matched again with the clauses of the text it continues first, as a titled text is:
            # 1714's mandate reworded 1627's ("… until 24 March 2006, with the intention to renew it
            # …"), not 1709's, which it continues; so the clause's history skipped 1663 and 1709.
            matcher.forget_since(known)
            importer = _Importer(library, doc, style, matcher, continued, drafts.users)
            preamble, operative = importer.parts()
    data = _draft_data(doc, importer, preamble, operative)
    if previous is not None:
        data = {"body": data.pop("body"), "session": data.pop("session"), "previous": previous, **data}

    clause_text = _clause_file_text(path, importer.new_clauses) if importer.new_clauses else None
    header = f"# Imported from {path.name} by `resdraft import`.\n"
    draft_text = _yaml_text(data, header)
    built, differences = _check_rebuild(library, draft_text, draft_path, clause_path, clause_text, doc)
    # Formulas the body's templates would word differently are kept as the document has them
    # (the session's ordinals, and the body's name beside them, as Jinja).
    # So are formulas the document sets otherwise (AIPO's 2006 enacting formula plain, its formula
    # before the operative part bold italic), where it carries formatting at all.
    formulas = {}
    for role in ("enacting", "transition", "closing"):  # (as words: "54th plenary meeting" may stand over its day or beside it)
        want, got = getattr(doc, role), getattr(built, role)
        reworded = (want.text.split() if want else None) != (got.text.split() if got else None)
        restyled = want and got and doc.formatting_read and _settings(want.content) != _settings(got.content)
        if want is None and reworded:
            formulas[role] = ""
        elif want is not None and (reworded or restyled):
            formulas[role] = importer.jinja(_formula_source(want.content) if doc.formatting_read else _escape(want.text))
    kept = _kept_as_printed(doc, built, {line.role for line in style.header}, importer.jinja)
    if formulas or kept:
        parts = {"preamble": data["preamble"], "operative": data["operative"]}
        for (part, i), emphasis in kept.get("uses", {}).items():
            entry = parts[part][i]
            parts[part][i] = {**(entry if isinstance(entry, dict) else {"clause": entry}), "emphasis": emphasis}
        overrides = {**data.get("style", {}), **({"emphasis": kept["emphasis"]} if "emphasis" in kept else {})}
        rest = {k: v for k, v in data.items() if k not in (*parts, "style")}  # (in a draft's order: header, style, formulas)
        added = (("header", kept.get("header")), ("style", overrides), ("formulas", formulas))
        data = {**rest, **{k: v for k, v in added if v}, **parts}
        draft_text = _yaml_text(data, header)
        _, differences = _check_rebuild(library, draft_text, draft_path, clause_path, None, doc)

    result = ImportResult(
        path,
        draft_path,
        importer.result_reused,
        importer.result_variants,
        importer.result_new,
        warnings=[*read.warnings, *_unstated(doc, data, style.years), *importer.warnings, *differences],
    )
    for path in (draft_path, clause_path):
        if path.is_dir():
            raise OutputError(
                Problem(Where(path), "a folder stands where the file goes", "move it, or pass --name to choose another name")
            )
    if draft_path.exists():
        if draft_path.read_text(encoding="utf-8", errors="replace") == draft_text and clause_text is None:
            return result  # imported before: nothing changes
        if not force:
            raise OutputError(
                Problem(
                    Where(draft_path),
                    "a draft of this name already exists",
                    "pass --name to choose another, or --force to replace it",
                )
            )
    files = []
    if clause_text is not None:
        if clause_path.exists() and not force:
            raise OutputError(
                Problem(
                    Where(clause_path),
                    "a clause file of this name already exists",
                    "pass --name to choose another, or --force to replace it",
                )
            )
        files.append(FileChange.to(clause_path, clause_text))
    files.append(FileChange.to(draft_path, draft_text))
    write_all(files)  # (both, or neither: a draft without its clauses does not build)
    drafts.added(draft_path, data["session"], draft_text)
    result.written += [change.path for change in files]
    return result
