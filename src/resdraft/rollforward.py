"""`resdraft new`: roll last session's draft forward, keeping its comments and layout (round-trip YAML)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from resdraft.errors import LibraryError, Problem, Problems, Where
from resdraft.library import Library, open_library
from resdraft.library.drafts import placeholder_node, session_line, symbol_name, title_name
from resdraft.model import Draft, Placeholder, Resolution, Session
from resdraft.recalls import Series, council_heading, named_paragraphs
from resdraft.session_refs import own_sessions
from resdraft.sessions import day_of_date, long_date, ordinal_form, printed_date, us_date
from resdraft.templating import join_and

# Facts that cannot be known before the new session's document exists.
UNKNOWABLE = ("symbol", "date", "venue", "meeting_dates", "agenda_item")
ADOPTION = ("adopted", "meeting", "vote", "report")  # facts of an adopted text, which a draft for the next session has not


@dataclass(frozen=True)
class RolledDraft:
    """The new draft's path and YAML text, and what the user still has to fill in."""

    path: Path
    text: str
    placeholders: tuple[str, ...]
    renamed: str | None = None  # the body's change of name between the two sessions, said for the user
    dropped: tuple[str, ...] = ()  # facts of the adopted text the new draft leaves out, said for the user
    checks: tuple[str, ...] = ()  # words the new draft keeps that a person should check, said for the user
    continued_by: tuple[Path, ...] = ()  # drafts of a session before the new one that continue the old draft already


def _hint_of(value: object) -> str | None:
    """The hint of a placeholder (`{tbd: …}`, as the draft reads it), else None."""
    return value.hint if isinstance(value, Placeholder) else None


def _was(hint: str) -> str:
    """The " (was …)" a placeholder's hint ends with, naming the value last known; "" where it names none."""
    m = re.search(r" \(was (.*)\)$", hint)
    return m.group(0) if m else ""


# The parts of a document symbol before its session: "AALCO/", "A/RES/", "A/C.3/", each starting with a letter.
_SYMBOL_HEAD = r"(?<![\w./-])(?:[A-Za-z][\w.-]*/)+"


def _mentions(value: str, old: int, year: int | None) -> bool:
    """Whether a fact names the old session's number or year, and so goes stale: a number of its
    own ("52nd", "session 52") or the session part of a document symbol ("AALCO/52/…",
    "A/RES/52/…"), but not a number after a slash that stands for something else (the 52nd
    resolution of the 64th session, "A/RES/64/52")."""
    pattern = rf"(?<![\d/.]){old}(?!\d)|{_SYMBOL_HEAD}{old}/" + (rf"|(?<!\d){year}(?!\d)" if year else "")
    return re.search(pattern, value) is not None


def _default_path(previous: Path, draft: Draft, session: int, years: bool) -> Path:
    """Beside the old draft, its name with the new session's number ("aalco-52" becomes "aalco-53");
    but a name an import took from the old text's symbol (A/RES/79/208) would claim a symbol the
    new text will not have ("a-res-80-208"): the new draft is named by its body, session and title
    ("unga-80-protecting-children-bullying"), or where the title is none to go by (the Council's
    "Resolution 1919 (2010)"), by the text it follows ("unsc-2011-after-s-res-1919-2010")."""
    symbol, title = draft.fields.get("symbol"), draft.fields.get("title")
    if isinstance(symbol, str) and not isinstance(symbol, Placeholder) and previous.stem == symbol_name(symbol):
        named = title_name(title) if isinstance(title, str) and not isinstance(title, Placeholder) and not years else ""
        stem = f"{draft.body}-{session}-{named or 'after-' + previous.stem}"
    else:
        stem = re.sub(rf"(?<!\d){draft.session}(?!\d)", str(session), previous.stem)
        stem = f"{previous.stem}-{session}" if stem == previous.stem else stem
    return previous.with_name(stem + previous.suffix)


# Lines that name the draft's own session: the formulas ("… at its Fifty-Second Annual Session") and the title.
_OWN_SESSION_KEYS = ("enacting", "transition", "closing", "title", "subtitle")
# Words that make a session named after them one where something was done ("Recalling its resolution
# adopted at its Fifty-Second Annual Session"): a session gone by, in the next draft too.
_DONE_AT = re.compile(r"\b(?:adopted|resolutions?|decisions?|recall\w*|held|convened)\b", re.IGNORECASE)


def _ordinal_hint(line: str, found: re.Match[str]) -> str:
    """The Jinja for the old session's ordinal `found` in a line of the new draft. A formula, the
    title, or "at its … session" with nothing done there named the old draft's own session: the new
    draft's is `session` ("use {{ session.ordinal_title }}"). Any other (a resolution adopted
    there) is the session before the new one: `session.previous`."""
    key = re.match(r"\s*(?:-\s+)?(\w+):", line)
    before = line[: found.start()]
    own = (key is not None and key.group(1) in _OWN_SESSION_KEYS) or (
        re.search(r"\bat its\s+$", before, re.IGNORECASE) is not None and not _DONE_AT.search(before)
    )
    written = found.group()
    form = ordinal_form(written) + (" | upper" if written.isupper() else "")
    return f"use {{{{ {'session' if own else 'session.previous'}.{form} }}}} or check it"


def _literal_sessions(text: str, path: Path, old: int, date: dt.date | None) -> list[str]:
    """The lines of the new draft (`text`, to be written to `path`) that name the old session in
    words or figures, or state its date ("Mindful of the decision of 14 September 2006 …"), outside
    Jinja: they will not follow. An ordinal is found with a space for its hyphen too ("at its Fifty
    Second Annual Session", which import keeps as written in an enacting formula)."""
    s = Session(old)
    checks = [  # (the forms written out, what stands on neither side of one, what the note says, its hint)
        ({s.ordinal_title, s.ordinal, s.ordinal_sentence, s.ordinal_figure}, r"[\w-]", "names the {} session literally",
         _ordinal_hint),
        ({long_date(date), day_of_date(date).replace("^", ""), us_date(date)} if date else set(), r"\d",
         "states the {} session's date literally", lambda *_: "use {{ date | day_of }} (or | long_date, | us_date) or check it"),
    ]  # fmt: skip
    notes = []
    for n, line in enumerate(text.splitlines(), start=1):
        bare = re.sub(r"\{\{.*?\}\}|\{\s*tbd\s*:.*\}", "", line)  # (Jinja, and a placeholder's hint)
        if line.lstrip().startswith("#"):
            continue
        for forms, edge, says, hint in checks:
            patterns = (re.escape(f).replace(r"\-", r"[-\s]") for f in sorted(forms))
            found = (m for p in patterns if (m := re.search(rf"(?<!{edge}){p}(?!{edge})", bare, flags=re.IGNORECASE)))
            if m := next(found, None):
                notes.append(f"{Where(path, n)} {says.format(s.ordinal_figure)} ({m.group()!r}); {hint(bare, m)}")
    return notes


def roll_forward(previous: Path, session: int, output: Path | None = None) -> RolledDraft:
    """The draft for `session`, continuing `previous`: session words follow, unknowable facts become placeholders."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from resdraft.assemble import assemble

    library = open_library(previous)
    problems = Problems()
    draft = library.read_draft(previous, problems)
    problems.raise_errors()
    assert draft is not None
    resolution = assemble(draft, library)  # a draft that does not build is not rolled on: `resdraft build`'s problems
    old = draft.session
    style = library.body(draft.body, Problems())
    years = style is not None and style.years  # (the Council's `session:` is the year)
    if session < old or (session == old and not years):  # (the Council renews a mandate twice in a year, or more)
        kind, must, hint = (
            ("year", "must not come before", f"pass this year or a later one, e.g. --session {old}")
            if years
            else ("session", "must come after", f"pass a later session, e.g. --session {old + 1}")
        )
        where = Where(previous, draft.lines["session"].line if "session" in draft.lines else 0)
        raise LibraryError(Problem(where, f"the new {kind} ({session}) {must} this draft's ({old})", hint))
    date = draft.fields.get("date")
    year = date.year if isinstance(date, dt.date) else None
    figure = Session(session).ordinal_figure
    # How the new text is named: "for 2011", "of the 2011 document"; "for the 53rd session", "of the 53rd-session document".
    called, its = (str(session), f"the {session}") if years else (f"the {figure} session", f"the {figure}-session")

    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    source = previous.read_text(encoding="utf-8")
    data = yaml.load(source)

    path = output or _default_path(previous, draft, session, years)
    if not path.resolve().is_relative_to(library.root.resolve()):  # (build finds a draft's library above it)
        raise LibraryError(
            Problem(
                Where(path),
                f"the new draft would be outside the library ({library.root}), where `resdraft build` cannot find its clauses",
                f"write it inside the library, e.g. -o {os.path.relpath(library.drafts_dir / path.name)}, or leave out -o",
            )
        )
    if path.suffix != ".yaml":  # (the library reads drafts/*.yaml alone: `new -o drafts/z.docx` wrote YAML no command listed)
        raise LibraryError(
            Problem(
                Where(path),
                "the new draft would not be read as a draft: a draft is a .yaml file",
                f"name it {path.stem}.yaml, e.g. -o {os.path.relpath(path.with_suffix('.yaml'))}, or leave out -o",
            )
        )
    notes: list[str] = []
    data["session"] = session
    prev_ref = (
        previous.stem
        if path.parent.resolve() == previous.parent.resolve()
        else os.path.relpath(previous.with_suffix(""), library.drafts_dir)
    )
    if "previous" in data:
        data["previous"] = prev_ref
    else:
        data.insert(list(data).index("session") + 1, "previous", prev_ref)
    if "status" in data:
        data["status"] = "draft"
    dropped = []  # what the new draft leaves out, said for the user
    for key in ADOPTION:  # the new text is a draft: it has not been adopted yet
        if key in data:
            dropped.append(f"{key} (was {printed_date(data[key])}): the new text is a draft")
            del data[key]
    formulas = data.get("formulas")
    if draft.fields.get("status") == "adopted" and isinstance(formulas, CommentedMap) and formulas.get("closing"):
        # An adopted text's own closing formula records its adoption ("54th plenary meeting
        # 19 December 2024", "Adopted this 14th day of September 2006 …"); the body's, if any, follows the facts.
        dropped.append(f"formulas.closing (was {formulas['closing']}): the new text is a draft")
        del formulas["closing"]
        if not formulas:
            del data["formulas"]
    for key in UNKNOWABLE:
        if key in data and data[key] is not None:
            left = _hint_of(draft.fields.get(key))  # a placeholder the old draft left unfilled
            if left is not None and not _mentions(left, old, None):
                notes.append(f"{key}: {left}")  # (in the user's own words: still to fill in, as it was)
                continue
            was = _was(left) if left is not None else f" (was {printed_date(data[key])})"
            hint = f"{key.replace('_', ' ')} of {its} document{was}"
            data[key] = placeholder_node(hint)
            notes.append(f"{key}: {hint}")
    if "date" not in data and style is not None and style.has_line("date"):
        # The old text printed no date (a press release's copy), but the new one's masthead has its line.
        hint = f"date of {its} document"
        after = "status" if "status" in data else "previous"  # (`previous` is set above)
        data.insert(list(data).index(after) + 1, "date", placeholder_node(hint))
        notes.append(f"date: {hint}")
    if years and isinstance(title := data.get("title"), str) and council_heading(draft.fields.get("symbol")) == title:
        hint = f"Resolution NNNN ({session}), its number once adopted (was {title})"  # the Council's heading names its symbol
        data["title"] = placeholder_node(hint)
        notes.append(f"title: {hint}")
    variables = data.get("variables") or {}
    for name in list(variables):
        value = variables[name]
        if (left := _hint_of(draft.variables.get(name))) is not None and _mentions(left, old, year):
            hint = f"{name.replace('_', ' ')} for {called}{_was(left)}"
        elif isinstance(value, (str, int)) and not isinstance(value, bool) and _mentions(str(value), old, year):
            hint = f"{name.replace('_', ' ')} for {called} (was {value})"
        else:
            continue
        variables[name] = placeholder_node(hint)
        notes.append(f"variables.{name}: {hint}")
    data.yaml_set_start_comment(
        f"Draft for {called}, rolled forward from {prev_ref} by `resdraft new`.\n"
        "Fill in every {tbd: ...} placeholder; `resdraft check` lists those left."
    )
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    notes += _literal_sessions(buffer.getvalue(), path, old, date if isinstance(date, dt.date) else None)
    earlier, same = _continuations(library, draft, path, session)
    return RolledDraft(
        path,
        buffer.getvalue(),
        tuple(notes),
        _renamed(library, draft.body, old, session, path),
        tuple(dropped),
        (
            *_continued(draft, path, session, earlier, same),
            *_subtitle(draft, called, years),
            *_checks(library, draft, resolution, f"{its} text", years, session),
            *_own_settings(data, draft, next(iter(library.lineage(draft, Problems())), None), its),
        ),
        earlier,
    )


def _own_settings(data: Mapping[str, object], draft: Draft, before: Draft | None, its: str) -> tuple[str, ...]:
    """The settings of the old draft's own that the new one keeps (`style:`, `formulas:`, `header:`),
    but those the draft before it had too, said once: they record what that text did alone (AALCO's
    2013 preamble plain, where 2011's was bold), which the next text may not do again."""
    kept = []
    for key in ("style", "formulas", "header"):
        ours, theirs, written = getattr(draft, key), getattr(before, key, {}), data.get(key)
        own = [k for k in ours if isinstance(written, Mapping) and k in written and ours[k] != theirs.get(k)]
        if own:
            kept.append(f"{key} ({', '.join(own)})")
    if not kept:
        return ()
    listed = kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"
    whose = f"{draft.name}'s own settings" + (f", not {before.name}'s" if before is not None else "")
    return (f"{listed}: {whose}, kept; remove those {its} text does not follow",)


def _continued(draft: Draft, path: Path, session: int, earlier: tuple[Path, ...], same: tuple[Path, ...]) -> tuple[str, ...]:
    """The drafts that continue the old one already (their `previous:` names it): of a session
    before the new one, rolled on past them, the new draft misses what they changed (A/RES/78/62
    rolled to the 80th session beside a-res-79-72, which continues it); of the new session, the
    new draft is a second draft of that session's text (aalco-52 rolled to the 53rd beside aalco-53)."""
    notes = [
        f"{other.stem} continues {draft.name} already: roll it on instead, to keep what it changed"
        f" (resdraft new {os.path.relpath(other)} --session {session})"
        for other in earlier
    ]
    notes += [
        f"{other.stem} continues {draft.name} for the same session already: this is a second draft of it"
        f" (resdraft diff {os.path.relpath(other)} {os.path.relpath(path)} shows how they differ)"
        for other in same
    ]
    return tuple(notes)


def _continuations(library: Library, draft: Draft, path: Path, session: int) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The drafts whose `previous:` names the old draft, but the new draft's own file: those of a
    session before the new one, and those of the new one (each draft file read once)."""
    named = re.compile(rf"""^previous:[ \t]*['"]?{re.escape(draft.name)}['"]?[ \t]*(?:#.*)?$""", re.M)
    earlier: list[Path] = []
    same: list[Path] = []
    for other in library.draft_files():
        text = other.read_text(encoding="utf-8", errors="replace")
        if other.resolve() == path.resolve() or not named.search(text) or (other_session := session_line(text)) is None:
            continue
        if other_session < session:
            earlier.append(other)
        elif other_session == session:
            same.append(other)
    return tuple(earlier), tuple(same)


def refuse_writing_over_the_later(result: RolledDraft, previous: Path, session: int, force: bool) -> None:
    """Refuse to write the rolled draft over an existing file where a later draft continues the old
    one already: that file is most likely the draft rolled on from the later text, and edited."""
    if not result.continued_by or not result.path.exists() or force:
        return
    later = result.continued_by[0]
    raise LibraryError(
        Problem(
            Where(result.path),
            f"output file already exists, and {later.stem} continues {previous.stem} already",
            f"roll that on instead: resdraft new {os.path.relpath(later)} --session {session}"
            " (--force would replace this file with a draft rolled from the older text)",
        )
    )


def _subtitle(draft: Draft, called: str, years: bool) -> tuple[str, ...]:
    """The subtitle kept from the old draft, to check: it says how that session took the item
    ("(Non-Deliberated)"), which the new session decides afresh (`called`: how the new session is called)."""
    subtitle = draft.fields.get("subtitle")
    if not isinstance(subtitle, str) or isinstance(subtitle, Placeholder) or not subtitle.strip():
        return ()
    if years:  # (the Council counts years)
        return (f"subtitle “{subtitle}” says how the item was taken in {draft.session}; in {called} it may be otherwise",)
    then = f"the {Session(draft.session).ordinal_figure} session"
    return (f"subtitle “{subtitle}” says how {then} took the item; {called} may take it otherwise",)


def _checks(library: Library, draft: Draft, resolution: Resolution, text: str, years: bool, session: int) -> tuple[str, ...]:
    """What a person should check in the new draft's paragraphs (`text`: how they call the new
    text): where they cite what the old text cited as the text before it (`_recalls`), where they
    name the old text's year or the next (`_year_named`), where they name a session to come
    (`_sessions_named`), and which footnotes keep the old session as written (`_footnotes_named`)."""
    from resdraft.assemble import assemble

    year = _year_of(draft, years)
    named = _year_named(resolution, year, draft.name) if year is not None and session > draft.session else ()
    style = library.body(draft.body, Problems())
    sessions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    if not years and style is not None and session > draft.session:
        # The old draft built at the new session: written-out words stay, Jinja moves.
        rolled = assemble(replace(draft, session=session), library)
        sessions = _sessions_named(style.names, draft, resolution, rolled, session)
        notes = (
            *_footnotes_named(style.names, draft, resolution, rolled, session),
            *_documents_named(style.names, draft, rolled),
        )
    return (*_recalls(library, draft, resolution, text, guess=not years), *named, *sessions, *notes)


def _session_documents(session: int) -> re.Pattern[str]:
    """UN documents of a session by their symbols: A/78/268, A/C.5/78/13; a resolution's (A/RES/78/5) aside."""
    return re.compile(
        rf"(?<![\w/])A/(?:[A-Z][A-Z0-9.]*/)*{session}/(?!RES/)[A-Za-z0-9.]*[A-Za-z0-9](?:/[A-Za-z0-9.]*[A-Za-z0-9])*"
    )


def _documents_named(names: tuple[str, ...], draft: Draft, rolled: Resolution) -> tuple[str, ...]:
    """The footnotes that cite a document of the old text's session by its symbol ("A/78/268", a
    report of the Secretary-General), which the new draft keeps as written, as one note: a text
    considers the new session's report, of another number. Over the 170 GA pairs of the corpus,
    the 78th session's texts cite 332 such documents in footnotes; the 79th's texts no longer cite
    291 of them. (Footnotes naming the session in words are told apart, by `_footnotes_named`.)"""
    pattern = _session_documents(draft.session)
    cited: dict[str, str] = {}
    for note in rolled.footnotes:
        if any(n == draft.session for _, n in own_sessions(note.text, names, draft.session)):
            continue
        if found := pattern.search(note.text):
            cited[note.marker] = found.group()
    if not cited:
        return ()
    one = len(cited) == 1
    first = next(iter(cited.values()))
    return (
        f"footnote{'s' * (not one)} {join_and(list(cited))} cite{'s' * one} {'a document' if one else 'documents'} of the "
        f"{Session(draft.session).ordinal_figure} session (“{first}”{'' if one else ', …'}): a text considers the "
        "new session's report, of another number; most such citations change in the next text",
    )


def _footnotes_named(
    names: tuple[str, ...], draft: Draft, resolution: Resolution, rolled: Resolution, session: int
) -> tuple[str, ...]:
    """The footnotes that name the old text's own session as written ("Official Records of the General
    Assembly, Seventy-eighth Session, Supplement No. 42 (A/78/42)"), as one note: import writes that
    session as Jinja in a footnote but where its anchor follows a resolution's citation (the records
    that print the resolution). Over the 168 GA pairs of the corpus, the 79th session's texts keep
    the 78th in 9 of the 14 footnotes so left, and cite their own session in the other 5. (`rolled`:
    the old draft built at the new session.)"""
    kept, words = [], ""
    for was, now in zip(resolution.footnotes, rolled.footnotes, strict=False):
        old = [w for w, n in own_sessions(was.text, names, draft.session) if n == draft.session]
        if old and [w for w, n in own_sessions(now.text, names, draft.session) if n == draft.session] == old:
            kept.append(was.marker)
            words = words or old[0]
    if not kept:
        return ()
    one = len(kept) == 1
    return (
        f"footnote{'s' * (not one)} {join_and(kept)} name{'s' * one} the {Session(draft.session).ordinal_figure} session as "
        f"written (“{words}”): right for a resolution printed in that session's records; the report a text considers is "
        f"the {Session(session).ordinal_figure} session's",
    )


def _sessions_named(
    names: tuple[str, ...], draft: Draft, resolution: Resolution, rolled: Resolution, session: int
) -> tuple[str, ...]:
    """The paragraphs that name one of the body's sessions to come, where the new session changes
    what they say: one that writes it out ("at its eightieth session"), and so names, in the 80th
    session's text, a session no longer to come (a note each); and, in one note, those whose Jinja
    moves it on as far as the old text did ("its {{ session.next.next.ordinal }} session": the
    82nd), which is right for a report asked for every second session and wrong for a meeting set
    for the 80th. `rolled`, the old draft built at the new session, tells them apart: written-out
    words stay, Jinja moves."""
    stale, moved, was_named, now_named = [], [], set(), set()
    for (paragraph, was), (_, now) in zip(named_paragraphs(resolution), named_paragraphs(rolled), strict=True):
        before, after = own_sessions(was.text, names, draft.session), own_sessions(now.text, names, draft.session)
        if len(before) != len(after):
            continue
        for (words, n), (_, m) in zip(before, after, strict=True):
            if n == m and draft.session < n <= session:
                stale.append(
                    f"{paragraph} names the {Session(n).ordinal_figure} session as written (“{words}”), a session to come "
                    f"in {draft.name} but not in the {Session(session).ordinal_figure} session's text: a report or "
                    "meeting set for it is due at a later session now, or the words go"
                )
            elif n != m and m - session >= 2:
                moved += [paragraph] if paragraph not in moved else []
                was_named.add(n)
                now_named.add(m)
    if moved:
        stale.append(
            f"{_places(moved)} name{'s' * (len(moved) == 1)} the {_figures(now_named)} session, as many sessions on as "
            f"{draft.name} named the {_figures(was_named)}: right for a report asked for every second or third "
            "session; a meeting or report set for a session keeps its number"
        )
    return tuple(stale)


def _places(paragraphs: list[str]) -> str:
    """Paragraphs named together: 'preamble paragraphs 14 and 23; operative paragraph 12'."""
    parts: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        part, _, place = paragraph.partition(" paragraph ")
        parts.setdefault(part, []).append(place)
    return "; ".join(f"{part} paragraph{'s' * (len(places) > 1)} {join_and(places)}" for part, places in parts.items())


def _figures(sessions: set[int]) -> str:
    """'80th', '80th and 81st'."""
    return join_and([Session(n).ordinal_figure for n in sorted(sessions)])


def _year_of(draft: Draft, years: bool) -> int | None:
    """The year of a draft's text: of its adoption, else of its date; else its session, for a body counting years."""
    for key in ("adopted", "date"):
        if isinstance(day := draft.fields.get(key), dt.date):
            return day.year
    return draft.session if years else None


def _year_named(resolution: Resolution, year: int, name: str) -> tuple[str, ...]:
    """The paragraphs that name the old text's year or the year after ("by the end of 2023", "during
    2024, namely from 1 to 19 April"), as one note. Rolling on the 170 GA texts of the 78th session
    of the corpus names 443 paragraphs naming their year; the 79th session's texts change 376 of
    them (the year itself, or the whole paragraph gone, in 247). Over the 168 pairs, 127 paragraphs
    and sub-paragraphs name the year after but not the text's own: the 79th session's texts change
    118 of them (the year itself, or the paragraph gone, in 82); years further on change less than
    half as often (2030, the Agenda's year, stays). A symbol ("A/78/2023") or a resolution's
    citation ("1590 (2005)") does not count."""
    patterns = {y: re.compile(rf"(?<![\w/.\-])(?<!\d \(){y}(?![\w/])") for y in (year, year + 1)}
    found, named = [], set()
    for paragraph, p in named_paragraphs(resolution):
        if here := {y for y, pattern in patterns.items() if pattern.search(p.text)}:
            found.append(paragraph)
            named |= here
    if not found:
        return ()
    what = {
        frozenset({year}): f"{year}, the year of {name}",
        frozenset({year + 1}): f"{year + 1}, the year after {name}'s",
        frozenset({year, year + 1}): f"{year}, the year of {name}, or {year + 1}, the year after",
    }[frozenset(named)]
    return (f"{_places(found)} name{'s' * (len(found) == 1)} {what}; most such paragraphs change in the next text",)


def _recalls(library: Library, draft: Draft, resolution: Resolution, text: str, guess: bool) -> tuple[str, ...]:
    """Where the text cites the text it continued (its previous draft's), which the new draft, a
    session later, must replace with this text's symbol, or add it to (`recalls`). With `guess`,
    where the library lacks the text this one continued, the first paragraph that cites a
    resolution of the sessions before (the Council, counting years, cites its thematic
    resolutions there as often)."""
    series = Series.of([draft, *library.lineage(draft, Problems())], guess=guess)
    if series is None:
        return ()
    cites = f", {series.stale_source()}" if series.guessed else f" ({series.stale_source()})"
    return tuple(
        f"{paragraph} cites “{found}”{cites}; {text} recalls {series.due_citation}"
        for paragraph, found in series.stale_in(resolution)
    )


def _renamed(library: Library, body: str | None, old: int, session: int, path: Path) -> str | None:
    """What to say when the body changed its name between the two sessions (body.yaml's former_names)."""
    style = library.body(body, Problems()) if body else None
    if style is None or (was := style.name_at(old)) == (now := style.name_at(session)):
        return None
    return (
        f"{was.short_name or was.name} is called {now.short_name or now.name} at its {Session(session).ordinal_figure} "
        f"session: {{{{ body.name }}}} and {{{{ body.short_name }}}} follow; "
        f"`resdraft lint {path}` finds the old name written out"
    )
