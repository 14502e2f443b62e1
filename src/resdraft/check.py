"""`resdraft check`: validate the library, every draft and every template, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from resdraft.assemble import RESERVED, Assembler, prepare
from resdraft.errors import ErrorsAndWarnings, Problem, Problems, ResdraftError, Where
from resdraft.library import Library, open_library
from resdraft.library.clauses import amends_loop, doubled_mark
from resdraft.model import Draft
from resdraft.projectfile import PROJECT_FILE
from resdraft.reading import not_utf8
from resdraft.render.markup import render
from resdraft.templating import clause_name_problems, clause_syntax_problems, describe, environment


@dataclass(frozen=True)
class Report(ErrorsAndWarnings):
    """What `check` found: every problem, errors and warnings, and what was checked."""

    items: tuple[Problem, ...]
    summary: str


def _compile_templates(library: Library, problems: Problems) -> tuple[int, list[Problem]]:
    """How many templates there are, and their Jinja syntax errors, told here and returned, so that
    building each draft in the body's style does not tell them again."""
    env = environment(library.templates_dir, {"inline": str})
    files = sorted(library.templates_dir.rglob("*.j2")) if library.templates_dir.is_dir() else []
    found: list[Problem] = []
    for path in files:
        name = path.relative_to(library.templates_dir).as_posix()
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as e:
            message, hint = describe(e)
            found.append(Problem(Where(path, e.lineno or 0), message, hint))
        except UnicodeDecodeError as e:
            found.append(not_utf8(path, e))
    problems.extend(found)
    return len(files), found


def _compile_clauses(library: Library, problems: Problems) -> list[Problem]:
    """Jinja syntax errors in the clauses, each told at the clause's text line; returned too, so
    that building a draft that uses the clause does not tell them again."""
    env = environment()
    found = [p for clause in library.clauses.values() for p in clause_syntax_problems(clause, env)]
    problems.extend(found)
    return found


def _unused_clause_names(library: Library, drafts: list[Draft], problems: Problems) -> None:
    """Misspelt names in the Jinja of clauses no draft uses: building the drafts finds them in the
    clauses that are used, and nothing else would until a draft uses the clause."""
    used = {cid for draft in drafts for cid in draft.clause_ids}
    variables = {name for draft in drafts for name in draft.variables}
    env = environment()
    for clause in library.clauses.values():
        if clause.id not in used and any("{" in t for t in clause.snippets()):
            problems.extend(clause_name_problems(clause, RESERVED, variables, env))


def _amends_loops(library: Library, problems: Problems) -> None:
    """`amends:` links that come back to where they start (a amends b, b amends a; a clause that
    amends itself): a history would show a false first wording, and upkeep refuses to write them."""
    amends = {cid: clause.amends for cid, clause in library.clauses.items()}
    reported: set[str] = set()
    for cid in library.clauses:
        loop = amends_loop(cid, amends)
        if loop is None or loop[0] in reported:
            continue
        reported.update(loop)
        up = loop[0]
        first = library.clauses[up]
        problems.add(
            first.where,
            f"`amends:` links form a loop: {' -> '.join([*loop, up])}" if len(loop) > 1 else f"clause {up} amends itself",
            "a clause amends the clause whose wording it changes: take the `amends:` off the oldest wording",
        )


def _final_marks(library: Library, problems: Problems) -> None:
    """Clauses whose text ends with a mark the body's punctuation adds after it ("to report;"), so
    that it prints twice ("to report;;"): `clauses add` and `clauses edit` refuse such a text, and
    this finds one written by hand."""
    for clause in library.clauses.values():
        if found := doubled_mark(clause.text, clause.text_where or clause.where, f"clause {clause.id}'s text", warning=True):
            problems.extend([found])


def building(draft: Draft, problems: Iterable[Problem]) -> list[Problem]:
    """Problems met building one draft of many, each naming the draft where it stands elsewhere
    (a template or clause line that fails for this draft's facts, and not for another's)."""
    if draft.where is None:
        return list(problems)
    path = draft.where.path
    named = str(Where(path))  # (a clause's problem names the draft's line already: "as drafts/aalco-52.yaml:12 uses it")
    return [
        replace(p, message=f"{p.message} (building {named})")
        if p.where and p.where.path != path and f"{named}:" not in p.message
        else p
        for p in problems
    ]


def check_library(start: Path) -> Report:
    """Check a whole library; a draft is also assembled and rendered to find template errors."""
    if not start.exists():  # (said "not inside a resdraft library", as if the path were there)
        from resdraft.reading import no_such_file

        raise no_such_file(start, drafts=False)
    library = open_library(start)
    problems = Problems()
    problems.extend(library.problems.items)
    if library.problems.errors and not all(d.is_dir() for d in (library.clauses_dir, library.drafts_dir, library.templates_dir)):
        # A folder the project file names is missing: all that would follow (every clause id unknown) says no more.
        return Report(tuple(problems.items), f"checked {PROJECT_FILE}")
    clause_syntax = _compile_clauses(library, problems)
    n_templates, template_syntax = _compile_templates(library, problems)
    for key in library.body_keys():
        library.body(key, problems)
    from resdraft.library.lintrules import read_lint_rules

    words = {}
    for key in library.body_keys():
        words[key] = library.word_style(key, problems)
        read_lint_rules(key, library.templates_dir, problems)
    drafts = list(library.drafts(problems))
    # What the library told of a clause (a footnote anchor with no footnote, a Jinja syntax error),
    # or of a template, building a draft that uses it meets again, at the same place and with the
    # same fix: it is told once.
    told = {(p.where, p.hint) for p in (*library.problems.errors, *clause_syntax, *template_syntax)}
    _amends_loops(library, problems)
    _final_marks(library, problems)
    _unused_clause_names(library, drafts, problems)
    base_styles: dict[object, set[str]] = {}
    for draft in drafts:
        local = Problems()
        style = prepare(draft, library, local)
        if style is not None and not local.errors:
            try:
                resolution = Assembler(draft, style, library).build()
                for fmt, name in style.outputs.items():
                    render(resolution, fmt, library.templates_dir, f"{style.key}/{name}")
                if (word := words.get(style.key)) is not None:
                    from resdraft.render.docx import base_style_names, style_problems

                    if word.reference not in base_styles:
                        base_styles[word.reference] = base_style_names(word)
                    local.extend(style_problems(resolution, word, base_styles[word.reference]))
            except ResdraftError as e:
                local.extend(p for p in building(draft, e.problems) if (p.where, p.hint) not in told)
        problems.extend(local.items)
    unique = tuple(dict.fromkeys(problems.items))
    counts = (
        (len(library.clauses), "clause", "clauses"),
        (len(drafts), "draft", "drafts"),
        (len(library.body_keys()), "body", "bodies"),
        (n_templates, "template", "templates"),
    )
    summary = "checked " + ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
    return Report(unique, summary)
