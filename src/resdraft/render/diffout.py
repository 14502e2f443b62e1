"""Which diff renderer a format names, and the options each needs; the `diff` command calls `render_diff`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resdraft.diff.model import Diff
from resdraft.errors import OutputError, Problem
from resdraft.model import NOT_TEXT
from resdraft.render import disagreeing

FORMATS = {
    "term": "term",
    "terminal": "term",
    "json": "json",
    "md": "md",
    "markdown": "md",
    "amendments": "amendments",
    "html": "html",
    "docx": "docx",
}
SUFFIXES = {".json": "json", ".md": "md", ".markdown": "md", ".txt": "term", ".html": "html", ".htm": "html", ".docx": "docx"}
# The formats `--to` may write into a file of each extension (the first, the one the extension says).
FITS = {
    **{suffix: (fmt,) for suffix, fmt in SUFFIXES.items()},
    ".txt": ("term", "amendments"),
    ".md": ("md", "amendments"),  # (amendments are plain text, which reads as Markdown)
    ".markdown": ("md", "amendments"),
}
_SUFFIX = {"term": ".txt", "json": ".json", "md": ".md", "amendments": ".txt", "html": ".html", "docx": ".docx"}
_NAMES = {
    "term": "the terminal's text",
    "json": "JSON",
    "md": "CriticMarkup",
    "amendments": "amendments",
    "html": "the review page (HTML)",
    "docx": "a Word document with tracked changes",
}


def diff_format(to: str | None, output: Path | None) -> str:
    """The format from `--to` or the output file's extension (the terminal by default)."""
    if to is not None:
        if to not in FORMATS:
            raise OutputError(Problem(None, f"unknown diff format {to!r}", "use term, json, md, amendments, html or docx"))
        fmt = FORMATS[to]
        fits = FITS.get(output.suffix.lower()) if output is not None else None
        if output is not None and fits is not None and fmt not in fits:
            raise disagreeing(to, output, _NAMES[fmt], _NAMES[fits[0]], _SUFFIX[fmt])
    elif output is None:
        fmt = "term"
    elif (found := SUFFIXES.get(output.suffix.lower())) is not None:
        fmt = found
    else:
        raise OutputError(
            Problem(None, f"cannot tell the diff format from {output}", "use .json, .md, .txt, .html or .docx, or pass --to")
        )
    if fmt == "docx" and output is None:
        raise OutputError(Problem(None, "a tracked-changes document needs a file name", "pass -o FILE.docx"))
    return fmt


def revision_date(text: str | None) -> dt.datetime | None:
    """`--date` as a UTC datetime (a date alone means midnight UTC)."""
    if text is None:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from resdraft.yamlsource import why_no_date

        reason = why_no_date(text)
        raise OutputError(
            Problem(
                None,
                f"--date {text!r} is not a real date ({reason})" if reason else f"--date {text!r} is not an ISO date",
                "write e.g. 2013-09-12 or 2013-09-12T10:00:00Z",
            )
        ) from None
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    try:
        return when.astimezone(dt.UTC)
    except OverflowError:  # (9999-12-31T23:59-23:59 is a day after the last the calendar holds, in UTC)
        raise OutputError(
            Problem(None, f"--date {text!r} is beyond the calendar in UTC", "write a date between the years 1 and 9999")
        ) from None


def revision_author(text: str) -> str:
    """`--author` as a tracked change's author: words, without the control characters a Word file cannot hold."""
    # (and no line break, nor a lone surrogate: a byte of the command line that was no UTF-8)
    if not text.strip() or NOT_TEXT.search(text) or any(c in "\t\n\r" or "\ud800" <= c <= "\udfff" for c in text):
        raise OutputError(
            Problem(
                None,
                f"--author {text!r} is no name Word can hold" if text.strip() else "--author is empty",
                "write the reviewer's or the secretariat's name, e.g. --author 'AALCO Secretariat'",
            )
        )
    return text


def render_diff(
    diff: Diff, fmt: str, *, colour: bool = False, near: str = ".", author: str = "resdraft", date: dt.datetime | None = None
) -> str | bytes:
    """The diff in `fmt`; `near` locates the library whose Word style a .docx redline uses."""
    if fmt == "json":
        from resdraft.render.diffjson import render_json

        return render_json(diff)
    if fmt == "html":
        from resdraft.render.reviewhtml import render_review_html

        return render_review_html(diff)
    if fmt == "docx":
        from resdraft.build import word_style_for
        from resdraft.render.redline import render_redline

        return render_redline(diff, word_style_for(diff.new.body, near), author, date)
    if fmt == "md":
        from resdraft.render.criticmarkup import render_criticmarkup

        return render_criticmarkup(diff, near)
    if fmt == "amendments":
        from resdraft.render.amendments import render_amendments

        return render_amendments(diff)
    from resdraft.render.diffterm import render_terminal

    return render_terminal(diff, colour=colour)
