"""Reading a user's text file: its bytes and its UTF-8 text, or a user error naming the file (and,
for text that is not UTF-8, the line of its first such byte)."""

from __future__ import annotations

from pathlib import Path

from resdraft.errors import LibraryError, Problem, Where


def read_utf8(path: Path) -> tuple[bytes, str]:
    """A file's bytes and its text; a missing, unreadable or not UTF-8 file is a LibraryError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError(Problem(Where(path), "no such file", "check the path")) from None
    except OSError as e:
        raise LibraryError(Problem(Where(path), f"cannot read: {e.strerror}", "check the path and its permissions")) from None
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise LibraryError(
            Problem(
                Where(path, line),
                f"not UTF-8 text (byte 0x{raw[e.start]:02X}: {e.reason})",
                "save the file as UTF-8 (an editor's Save As offers the encoding; Windows-1252 quotes and dashes are the usual cause)",
            )
        ) from None
