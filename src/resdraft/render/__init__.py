"""Renderers: a Resolution in one output format each; `FORMATS` maps a format to its renderer."""

from __future__ import annotations

from pathlib import Path

from resdraft.errors import OutputError, Problem

FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx"}
_NAMES = {"md": "Markdown", "txt": "plain text", "docx": "a Word document"}


def disagreeing(to: str, path: Path, writes: str, holds: str, suffix: str) -> OutputError:
    """`--to` naming a format (`writes`) other than the one `-o`'s extension says (`holds`): a user
    error naming both, and the extension (`suffix`) the file would take."""
    return OutputError(
        Problem(
            None,
            f"--to {to} and -o {path} disagree: {writes} in a {path.suffix} file, which holds {holds}",
            f"name the file {suffix}, or leave --to out (the file's extension says the format)",
        )
    )


def format_for(path: Path | None, to: str | None) -> str:
    """The output format from `--to` or the output file's extension (Markdown by default); Word
    output only to a file."""
    if to == "docx" and path is None:
        raise OutputError(Problem(None, "Word output needs a file name", "pass -o FILE.docx"))
    if to:
        fmt = {"markdown": "md", "text": "txt"}.get(to, to)
        if fmt not in set(FORMATS.values()):
            raise OutputError(
                Problem(None, f"unknown output format {to!r}", f"use one of: {', '.join(sorted(set(FORMATS.values())))}")
            )
        named = FORMATS.get(path.suffix.lower()) if path is not None else None
        if path is not None and named is not None and named != fmt:
            raise disagreeing(to, path, _NAMES[fmt], _NAMES[named], f".{fmt}")
        return fmt
    if path is None:
        return "md"
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise OutputError(
            Problem(
                None,
                f"cannot tell the output format from {path.name!r}",
                "use a .md, .txt or .docx file name, or pass --to md|txt|docx",
            )
        )
    return found
