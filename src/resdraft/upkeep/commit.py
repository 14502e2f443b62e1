"""Writing several library files as one change: all of them, or none.

Every new text goes to a temporary file beside its target first; only when all are written are
they renamed into place, each original kept as a hard link until the last rename has succeeded.
A failure at any step puts back what was there and removes every temporary file. A target that
changed on disk after it was read is not overwritten.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where
from resdraft.writing import write_temp


@dataclass(frozen=True)
class FileChange:
    """One file's text before (None for a new file) and after a change."""

    path: Path
    before: str | None
    after: str

    @property
    def created(self) -> bool:
        return self.before is None

    @classmethod
    def to(cls, path: Path, after: str) -> FileChange:
        """`path` changed to `after` from what it holds now (created, where it holds nothing)."""
        return cls(path, _on_disk(path), after)


def write_all(changes: Sequence[FileChange]) -> None:
    """Write every change or none of them (raising OutputError, with every file as it was). A
    symbolic link is written through, as `write_atomic` does: the file it points to changes, the link stays."""
    _check_unchanged(changes)
    temps: list[tuple[Path, Path]] = []  # (the file changed, its new text's temporary file)
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    writing = Path(".")  # (the file at hand, for the message if a step fails)
    try:
        for change in changes:
            writing = Path(os.path.realpath(change.path)) if change.path.is_symlink() else change.path
            writing.parent.mkdir(parents=True, exist_ok=True)
            temps.append((writing, write_temp(writing, change.after.encode("utf-8"))))
        for writing, _ in temps:
            if writing.exists():
                backups[writing] = _keep(writing)
        for writing, temp in temps:
            os.replace(temp, writing)
            done.append(writing)
    except BaseException as e:
        for path in reversed(done):
            with contextlib.suppress(OSError):
                if path in backups:
                    os.replace(backups.pop(path), path)
                else:
                    path.unlink()
        for _, temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        for backup in backups.values():
            with contextlib.suppress(OSError):
                backup.unlink()
        if isinstance(e, OSError):
            raise OutputError(
                Problem(
                    Where(writing),
                    f"could not write the change: {e.strerror or e}; no file was changed",
                    "check the disk and the folder's permissions",
                )
            ) from None
        raise
    for backup in backups.values():
        with contextlib.suppress(OSError):
            backup.unlink()


def _on_disk(path: Path) -> str | None:
    """A file's text now: None where there is none, "" where it cannot be read as text."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""


def _check_unchanged(changes: Sequence[FileChange]) -> None:
    for change in changes:
        if _on_disk(change.path) != change.before:
            what = "was created" if change.before is None else "changed on disk"
            raise OutputError(
                Problem(
                    Where(change.path),
                    f"the file {what} while the change was prepared; no file was changed",
                    "run the command again",
                )
            )


def _keep(path: Path) -> Path:
    """A second name for the current file, to put it back if a later rename fails."""
    backup = path.with_name(f".{path.name}.{os.getpid()}.orig")
    with contextlib.suppress(FileNotFoundError):
        backup.unlink()
    try:
        os.link(path, backup)
    except OSError:  # no hard links here: a copy does as well
        backup.write_bytes(path.read_bytes())
    return backup
