"""The `resdraft` command line: parse arguments, call one core function, print, exit."""

from __future__ import annotations

import contextlib
import enum
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from resdraft import __version__
from resdraft.errors import OutputError, Problem, ResdraftError, Where

app = typer.Typer(
    help="Draft resolutions from a clause library: build them in a body's house style, roll them forward, compare sessions, import existing texts and keep the library.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


class UsageLine(TyperCommand):
    """A command whose usage line names its arguments as its help does, `resdraft new [OPTIONS]
    PREVIOUS` (Typer writes a required argument `{previous}`)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # (ctx: the Context of the click Typer carries)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in super().collect_usage_pieces(ctx)]


def user_errors(fn: F) -> F:
    """Turn a ResdraftError into its message on stderr and exit code 1 (bugs still show tracebacks)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ResdraftError as e:
            for problem in e.problems:
                typer.echo(f"error: {problem}" if not problem.where else str(problem), err=True)
            raise typer.Exit(1) from None
        except BrokenPipeError:  # (`resdraft diff … | head`: the reader has all it wants)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        except OSError as e:  # what the system refused where no step above knew to expect it
            typer.echo(f"error: {f'{e.filename}: ' if e.filename else ''}{e.strerror or e}", err=True)
            typer.echo(
                "  hint: check the path (a name may be at most 255 bytes), the disk's free space and the permissions", err=True
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resdraft {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """resdraft: resolution drafting for intergovernmental secretariats."""


Force = Annotated[bool, typer.Option("--force", "-f", help="Overwrite the output file if it exists.")]
# The body of a document read from outside, where its text does not say (parse, import).
TextBody = Annotated[
    str | None, typer.Option("--body", metavar="<body>", help="unga, aalco, aipa or unsc, when the text does not say.")
]


def _out(text: str) -> None:
    """Print a report, ending with one newline."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def _emit(data: str | bytes, output: Path | None, force: bool, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write a result to its file (atomically; never over the `inputs` it was made from) or to standard output."""
    if output is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
        return
    from resdraft.writing import write_atomic

    write_atomic(output, data, force=force, inputs=[Path(src) for src in inputs])
    typer.echo(f"wrote {output}", err=True)


@app.command(cls=UsageLine)
@user_errors
def build(
    draft: Annotated[Path, typer.Argument(metavar="DRAFT", help="The draft to build, e.g. drafts/aalco-53.yaml.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file (.md, .txt or .docx); standard output if omitted (not for .docx)."),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="<md|txt|docx>", help="Output format: md, txt or docx (default: from the file name)."),
    ] = None,
    force: Force = False,
) -> None:
    """Build a draft into a resolution in its body's house style."""
    from resdraft.build import build_noting
    from resdraft.render import format_for

    fmt = format_for(output, to)
    data, placeholders = build_noting(draft, fmt)
    _emit(data, output, force, (draft,))
    for hint in placeholders:  # (as `resdraft new` and `resdraft check` list them)
        typer.echo(f"  still to fill in: {hint}", err=True)


@app.command(cls=UsageLine)
@user_errors
def new(
    previous: Annotated[Path, typer.Argument(metavar="PREVIOUS", help="Last session's draft, e.g. drafts/aalco-52.yaml.")],
    session: Annotated[int, typer.Option("--session", "-s", metavar="<number>", help="The new session's number.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write the new draft (default: beside the old one).")
    ] = None,
    force: Force = False,
) -> None:
    """Roll a draft forward to a later session; unknowable facts become placeholders, and it names
    the paragraphs to check: citations the new text must bring up to date, the old text's year."""
    from resdraft.rollforward import refuse_writing_over_the_later, roll_forward
    from resdraft.writing import write_atomic

    result = roll_forward(previous, session, output)
    refuse_writing_over_the_later(result, previous, session, force)
    write_atomic(result.path, result.text, force=force, inputs=(previous,))
    typer.echo(f"wrote {result.path}", err=True)
    for note in result.placeholders:
        typer.echo(f"  to fill in: {note}", err=True)
    for note in result.dropped:
        typer.echo(f"  left out: {note}", err=True)
    for note in result.checks:
        typer.echo(f"  to check: {note}", err=True)
    if result.renamed:
        typer.echo(f"  renamed: {result.renamed}", err=True)


@app.command(cls=UsageLine)
@user_errors
def check(
    path: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="A folder or file inside the library (default: here): the whole library is checked."),
    ] = Path("."),
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings (such as unfilled placeholders) too.")] = False,
) -> None:
    """Validate the clause library, every draft and every template; report every problem at once."""
    from resdraft.check import check_library

    report = check_library(path)
    for problem in report.items:
        typer.echo(str(problem), err=True)
    errors, warnings = len(report.errors), len(report.warnings)
    typer.echo(f"{report.summary}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", err=True)
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command(cls=UsageLine)
@user_errors
def init(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="Folder for the new library (created; must be empty if it exists).")
    ],
) -> None:
    """Create a new, working library: project file, body templates, an example clause file and draft."""
    from resdraft.scaffold import create_library

    for path in create_library(folder):
        typer.echo(f"created {path}", err=True)


class Colour(enum.StrEnum):
    """When the terminal diff is coloured: `auto`, only on a terminal."""

    auto = "auto"
    always = "always"
    never = "never"


@app.command(cls=UsageLine)
@user_errors
def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The earlier text: a draft, .md, .txt, .docx or .pdf, or REV:path at a git revision."),
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later text, in any of the same forms.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to a file (.json, .md, .txt, .html or .docx); standard output if omitted."),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="<term|json|md|amendments|html|docx>",
            help="term (default), json, md (CriticMarkup), amendments, html (review page) or docx (tracked changes).",
        ),
    ] = None,
    colour: Annotated[Colour, typer.Option("--colour", "--color", help="Colour in the terminal.")] = Colour.auto,
    author: Annotated[
        str, typer.Option("--author", metavar="<name>", help="Author of the tracked changes in a .docx redline.")
    ] = "resdraft",
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="<date>", help="Date of the tracked changes (ISO, e.g. 2013-09-12T10:00:00Z; default now)."
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Compare two sessions' texts: paragraphs aligned, then words within them."""
    from resdraft.diff import compare
    from resdraft.render.diffout import diff_format, render_diff, revision_author, revision_date
    from resdraft.sources import read_documents

    fmt, when, author = diff_format(to, output), revision_date(date), revision_author(author)
    a, b = read_documents([old, new])
    result = compare(a.resolution, b.resolution, {**a.amends, **b.amends}, a.name, b.name)
    for warning in (*a.warnings, *b.warnings, *result.warnings):
        typer.echo(f"warning: {warning}", err=True)
    use_colour = colour is Colour.always or (colour is Colour.auto and output is None and sys.stdout.isatty())
    _emit(render_diff(result, fmt, colour=use_colour, near=new, author=author, date=when), output, force, (old, new))


@app.command(cls=UsageLine)
@user_errors
def parse(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A resolution: .docx, .pdf, .md, .txt (also text copied from a UN PDF), or a draft."),
    ],
    body: TextBody = None,
) -> None:
    """Print a document's structure as JSON (the schema is in docs/structure-json.md)."""
    from resdraft.render.structure import render_structure
    from resdraft.sources import read_file

    document = read_file(file, body)
    for warning in document.warnings:
        typer.echo(f"warning: {warning}", err=True)
    sys.stdout.write(render_structure(document.resolution))


def import_summary(result: Any) -> str:
    """An import's line: '…/a.md: 1 clause reused, 2 rewording earlier ones, 3 new; wrote …'."""
    reused, variants = len(result.reused), len(result.variants)
    return (
        f"{result.source}: {reused} clause{'s' * (reused != 1)} reused, "
        f"{variants} rewording {'an earlier one' if variants == 1 else 'earlier ones'}, {len(result.new)} new"
        + (f"; wrote {', '.join(str(Where(p)) for p in result.written)}" if result.written else "; nothing changed")
    )


@app.command("import", cls=UsageLine)
@user_errors
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILES...", help="Documents to add to the library: .docx, .pdf, .md, .txt (also text copied from a UN PDF)."
        ),
    ],
    body: TextBody = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="<name>", help="The draft's name (one file only); default from the symbol.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            "-f",
            help="Replace a draft or clause file of the same name: an import writes the draft and a file of its new clauses.",
        ),
    ] = False,
) -> None:
    """Add documents to the library: clauses reused or linked to the ones they reword, and a draft that rebuilds each."""
    from resdraft.library_import import import_documents

    for result in import_documents(files, body=body, name=name, force=force):
        typer.echo(import_summary(result), err=True)
        for warning in result.warnings:
            typer.echo(f"  warning: {warning}", err=True)


@app.command(cls=UsageLine)
@user_errors
def lint(
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="A draft, or a .md, .txt, .docx or .pdf document (or REV:path).")
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    to: Annotated[str, typer.Option("--to", metavar="<text|json>", help="text (default) or json.")] = "text",
) -> None:
    """Check a draft or a document against its body's drafting style (rules in templates/BODY/lint.yaml)."""
    from resdraft.lint import lint as lint_source
    from resdraft.lint import render_lint

    report = lint_source(source)
    sys.stdout.write(render_lint(report, to))
    if report.errors or (strict and report.warnings):
        raise typer.Exit(1)


@app.command(cls=UsageLine)
@user_errors
def preview(
    source: Annotated[Path, typer.Argument(metavar="SOURCE", help="A .docx file, or a draft (built to .docx first).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the PNG pages.")] = Path("preview"),
) -> None:
    """Render a Word document (or a draft) to PNG pages through LibreOffice, to look at it."""
    import tempfile

    from resdraft.preview import preview as render_pages

    if source.suffix.lower() in (".yaml", ".yml"):
        from resdraft.build import build as build_draft

        with tempfile.TemporaryDirectory() as tmp:
            document = Path(tmp) / f"{source.stem}.docx"
            document.write_bytes(build_draft(source, "docx"))  # type: ignore[arg-type]
            pages = render_pages(document, output)
    else:
        pages = render_pages(source, output)
    for page in pages:
        typer.echo(str(page))


clauses_app = typer.Typer(
    help="Keep the clause library: find, inspect, de-duplicate, rename, merge, add, edit, format.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(clauses_app, name="clauses")
DryRun = Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")]


def _changed(changes: Any, dry_run: bool) -> None:
    from resdraft.upkeep.report import changes_text, diff_text

    _out(changes_text(changes))
    if dry_run:
        for change in changes.files:
            _out(diff_text(change))


@contextlib.contextmanager
def _leaving_out() -> Iterator[list[Any]]:
    """A query's list of the drafts it left out, unreadable (broken YAML), told on stderr after its answer:
    one draft with a typo no longer stops search, usage or show for the whole library."""
    left_out: list[Any] = []
    yield left_out
    for problem in left_out:
        typer.echo(str(problem), err=True)
    if n := len({problem.where.path for problem in left_out if problem.where}):
        drafts = "a draft" if n == 1 else f"{n} drafts"
        typer.echo(f"  (the answer above leaves out {drafts} it cannot read; `resdraft check` lists every problem)", err=True)


@clauses_app.command("list", cls=UsageLine)
@user_errors
def clauses_list(
    kind: Annotated[str | None, typer.Option("--kind", metavar="<preambular|operative>", help="preambular or operative.")] = None,
    tag: Annotated[str | None, typer.Option("--tag", metavar="<tag>", help="Only clauses with this tag.")] = None,
    body: Annotated[
        str | None, typer.Option("--body", metavar="<body>", help="Only clauses of this body (unga, aalco, aipa, unsc).")
    ] = None,
    opening: Annotated[
        str | None, typer.Option("--opening", metavar="<phrase>", help="Only clauses with this opening phrase.")
    ] = None,
) -> None:
    """List the clauses, filtered by kind, tag, body or opening phrase."""
    from resdraft.upkeep import list_clauses
    from resdraft.upkeep.report import entries_text

    with _leaving_out() as left_out:
        _out(entries_text(list_clauses(Path.cwd(), kind=kind, tag=tag, body=body, opening=opening, left_out=left_out)))


@clauses_app.command("show", cls=UsageLine)
@user_errors
def clauses_show(clause: Annotated[str, typer.Argument(metavar="CLAUSE", help="The clause id.")]) -> None:
    """A clause: text, footnotes, tags, where it is used, and its lineage."""
    from resdraft.upkeep import show_clause
    from resdraft.upkeep.report import clause_text

    with _leaving_out() as left_out:
        _out(clause_text(show_clause(Path.cwd(), clause, left_out=left_out)))


@clauses_app.command("search", cls=UsageLine)
@user_errors
def clauses_search(
    words: Annotated[
        list[str], typer.Argument(metavar="WORDS...", help='Words, "exact phrases" in quotes; close spellings also match.')
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="<n>", min=1, help="How many hits.")] = 20,
) -> None:
    """Find agreed language: ranked clauses with the passage that matches best."""
    from resdraft.upkeep import search
    from resdraft.upkeep.report import hits_text

    with _leaving_out() as left_out:
        _out(hits_text(search(Path.cwd(), " ".join(words), limit, left_out=left_out), colour=sys.stdout.isatty()))


@clauses_app.command("usage", cls=UsageLine)
@user_errors
def clauses_usage(clause: Annotated[str, typer.Argument(metavar="CLAUSE", help="The clause id.")]) -> None:
    """Every draft and session that uses a clause, with its paragraph number there."""
    from resdraft.upkeep import usage
    from resdraft.upkeep.report import uses_text

    with _leaving_out() as left_out:
        _out(uses_text(usage(Path.cwd(), clause, left_out=left_out)))


@clauses_app.command("history", cls=UsageLine)
@user_errors
def clauses_history(clause: Annotated[str, typer.Argument(metavar="CLAUSE", help="The clause id.")]) -> None:
    """A clause's wording across sessions along its amends links, each step as a word diff."""
    from resdraft.upkeep import history
    from resdraft.upkeep.report import history_text

    with _leaving_out() as left_out:
        _out(history_text(history(Path.cwd(), clause, left_out=left_out), colour=sys.stdout.isatty()))


@clauses_app.command("dupes", cls=UsageLine)
@user_errors
def clauses_dupes(
    threshold: Annotated[float, typer.Option("--threshold", help="Similarity from 50 to 100.")] = 90.0,
    every: Annotated[
        bool, typer.Option("--all", help="List also the pairs each of whose wordings an adopted text gives (not to merge).")
    ] = False,
) -> None:
    """Near-duplicate clauses with their similarity and a proposed merge."""
    from resdraft.upkeep import dupes
    from resdraft.upkeep.report import dupes_text

    with _leaving_out() as left_out:
        _out(dupes_text(dupes(Path.cwd(), threshold, left_out=left_out), threshold, every))


@clauses_app.command("rename", cls=UsageLine)
@user_errors
def clauses_rename(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The clause's id now.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Its new id.")],
    dry_run: DryRun = False,
) -> None:
    """Give a clause a new id; every draft and amends link follows."""
    from resdraft.upkeep import rename

    _changed(rename(Path.cwd(), old, new, dry_run=dry_run), dry_run)


@clauses_app.command("merge", cls=UsageLine)
@user_errors
def clauses_merge(
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The clause to keep.")],
    drop: Annotated[str, typer.Argument(metavar="DROP", help="The clause it replaces (removed).")],
    dry_run: DryRun = False,
    force: Annotated[bool, typer.Option("--force", "-f", help="Merge clauses under 60% alike all the same.")] = False,
) -> None:
    """Replace one clause by another everywhere, then remove it."""
    from resdraft.upkeep import merge

    _changed(merge(Path.cwd(), keep, drop, dry_run=dry_run, force=force), dry_run)


@clauses_app.command("add", cls=UsageLine)
@user_errors
def clauses_add(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="The clause file (a name under clauses/, or a path); created if missing.")
    ],
    clause: Annotated[str, typer.Argument(metavar="CLAUSE", help="The new clause's id.")],
    kind: Annotated[str, typer.Option("--kind", metavar="<preambular|operative>", help="preambular or operative.")],
    text: Annotated[
        str, typer.Option("--text", metavar="<words>", help="The words after the opening phrase, without the final mark.")
    ],
    opening: Annotated[str | None, typer.Option("--opening", metavar="<phrase>", help="The opening phrase.")] = None,
    tags: Annotated[list[str] | None, typer.Option("--tag", metavar="<tag>", help="A tag (repeat for more).")] = None,
    amends: Annotated[str | None, typer.Option("--amends", metavar="<clause>", help="The clause this one rewords.")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="<note>", help="A note for drafters.")] = None,
    dry_run: DryRun = False,
) -> None:
    """Add a clause to a clause file, keeping the file's comments and layout."""
    from resdraft.upkeep import add

    _changed(
        add(Path.cwd(), file, clause, kind, opening, text, tags=tags or [], amends=amends, note=note, dry_run=dry_run), dry_run
    )


@clauses_app.command("edit", cls=UsageLine)
@user_errors
def clauses_edit(
    clause: Annotated[str, typer.Argument(metavar="CLAUSE", help="The clause id.")],
    changes: Annotated[
        list[str], typer.Argument(metavar="CHANGES...", help="FIELD=VALUE pairs (an empty value removes the field).")
    ],
    dry_run: DryRun = False,
    correct_adopted: Annotated[
        bool,
        typer.Option(
            "--correct-adopted",
            help="Change the wording even where adopted drafts use the clause: to correct the library's copy of an adopted text.",
        ),
    ] = False,
) -> None:
    """Change a clause's fields, keeping the file's comments and layout."""
    from resdraft.upkeep import edit
    from resdraft.upkeep.changes import check_fields

    fields: dict[str, Any] = {}
    for pair in changes:
        key, sep, value = pair.partition("=")
        if not sep:
            raise OutputError(Problem(None, f"{pair!r} is not FIELD=VALUE", "write e.g. opening='Recalling also'"))
        fields[key.strip()] = value or None
    check_fields(clause, fields)  # ("dry_run=1" is no field, and no option either)
    _changed(edit(Path.cwd(), clause, dry_run=dry_run, correct_adopted=correct_adopted, **fields), dry_run)


@clauses_app.command("fmt", cls=UsageLine)
@user_errors
def clauses_fmt(
    check: Annotated[bool, typer.Option("--check", help="Only report files that would change; exit 1 if any.")] = False,
) -> None:
    """Put every clause file in one canonical layout, so a one-word change is a one-line git diff."""
    from resdraft.upkeep import fmt
    from resdraft.upkeep.report import fmt_text

    report = fmt(Path.cwd(), check=check)
    _out(fmt_text(report))
    if check and report.changes:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the `resdraft` script: a mistake in the options or arguments (an unknown
    option, a value of the wrong kind, one missing) exits 1, as every user error does."""
    try:
        app()
    except SystemExit as e:
        # click prints its message and usage line, then exits 2 for a usage error (and for that
        # only: resdraft's own commands exit 0 or 1).
        if e.code == 2:
            raise SystemExit(1) from None
        raise
