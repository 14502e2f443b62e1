"""Reading a user's text file: its bytes and its UTF-8 text, or a user error naming the file (and,
for text that is not UTF-8, the line of its first such byte)."""

from __future__ import annotations

from pathlib import Path

from resdraft.errors import LibraryError, Problem, Where


def not_regular(path: Path) -> LibraryError:
    """The error for a device, a pipe or a socket named as a file to read: a pipe would wait for
    a writer, /dev/zero never ends."""
    return LibraryError(
        Problem(Where(path), "is no regular file (a device, a pipe or a socket)", "save it to a file and name that file")
    )


def read_utf8(path: Path) -> tuple[bytes, str]:
    """A file's bytes and its text; a missing, unreadable or not UTF-8 file is a LibraryError."""
    if path.exists() and not path.is_file() and not path.is_dir():
        raise not_regular(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise no_such_file(path) from None
    except OSError as e:
        raise LibraryError(Problem(Where(path), f"cannot read: {e.strerror}", "check the path and its permissions")) from None
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LibraryError(not_utf8(path, e)) from None


def not_utf8(path: Path, error: UnicodeDecodeError) -> Problem:
    """The problem of a file that is not UTF-8, at the line of its first such byte."""
    return Problem(
        Where(path, error.object.count(b"\n", 0, error.start) + 1),
        f"not UTF-8 text (byte 0x{error.object[error.start]:02X}: {error.reason})",
        "save the file as UTF-8 (an editor's Save As offers the encoding; Windows-1252 quotes and dashes are the usual cause)",
    )


def no_such_file(path: Path, revisions: bool = False, drafts: bool = True) -> LibraryError:
    """'no such file', with a hint that fits what the command reads: the draft of that name where
    it reads drafts and the library has one (`aalco-52`, as `clauses usage` names drafts), REV:path
    where it reads files at a git revision (`revisions`), and that it does not where it does not."""
    text = str(path)
    draft = _draft_named(path) if drafts else None
    if not revisions and ":" in text and not text.startswith(":") and not Path(text.partition(":")[0]).exists():
        hint = "this command reads a file as it is now, not at a git revision (REV:path is for diff and lint)"
        now = Path(text.partition(":")[2])
        if now.is_file():
            hint += f"; {now} is the file as it is now"
    elif draft:
        hint = f"did you mean {draft}?"
    elif revisions:
        hint = "check the path (a file at a git revision is written REV:path, e.g. HEAD~1:drafts/aalco-53.yaml)"
    else:
        hint = "check the path"
    return LibraryError(Problem(Where(path), "no such file", hint))


def _draft_named(path: Path) -> str | None:
    """The library's draft a missing path names by its draft name ("aalco-52", "aalco-52.yaml"), as the current folder sees it."""
    import os

    from resdraft.library.project import project_layout

    name = path.with_suffix("") if path.suffix.lower() in (".yaml", ".yml") else path
    try:
        drafts = project_layout(Path.cwd()).drafts_dir
    except LibraryError:
        return None
    for candidate in (drafts / f"{name}.yaml", drafts / f"{name.name}.yaml"):
        if candidate.is_file() and candidate.resolve() != path.resolve():
            return os.path.relpath(candidate)
    return None
