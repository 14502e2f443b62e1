"""The user-error hierarchy: every problem a user can fix says where, what, and what to do."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Where:
    """A place in a user's file: path and 1-based line (0 when the whole file is meant)."""

    path: Path
    line: int = 0

    def __str__(self) -> str:
        """The path from the current folder where the file is inside it or inside the library the
        current folder is in ("../clauses/x.yaml" from drafts/), else the whole path ("../a1c/text.docx"
        from a folder beside it reads as another file than the one given)."""
        try:
            shown = os.path.relpath(self.path)
        except ValueError:
            shown = str(self.path)
        else:
            if (shown == os.pardir or shown.startswith(os.pardir + os.sep)) and not _in_current_library(self.path):
                shown = os.path.abspath(self.path)
        return f"{shown}:{self.line}" if self.line else shown


def _in_current_library(path: Path) -> bool:
    """Whether a file is inside the library (resdraft.yaml's folder) the current folder is in."""
    from resdraft.projectfile import find_project

    try:
        library = find_project(Path.cwd())
    except LibraryError:
        return False
    return Path(os.path.abspath(path)).is_relative_to(library)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the user's input, with a hint on how to fix it."""

    where: Where | None
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        head = f"{self.where}: " if self.where else ""
        kind = "warning: " if self.warning else ""
        tail = f"\n  hint: {self.hint}" if self.hint else ""
        return f"{head}{kind}{self.message}{tail}"


class ResdraftError(Exception):
    """Base of all user errors: the CLI prints them and exits with code 1."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


class LibraryError(ResdraftError):
    """The library (project file, clauses, drafts, templates) is invalid."""


class TemplateError(ResdraftError):
    """A Jinja template or clause text failed to compile or render."""


class OutputError(ResdraftError):
    """An output could not be written (exists, unknown format, unwritable)."""


def fail(where: Where | None, message: str, hint: str = "", cls: type[ResdraftError] = LibraryError) -> ResdraftError:
    """Build a one-problem error, to `raise fail(...)`."""
    return cls(Problem(where, message, hint))


class ErrorsAndWarnings:
    """Problems told apart: the errors among `items`, which stop what was asked, and the warnings, which do not."""

    items: Sequence[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]


class Problems(ErrorsAndWarnings):
    """Collects problems while validating, so all are reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, where: Where | None, message: str, hint: str = "", warning: bool = False) -> None:
        self.items.append(Problem(where, message, hint, warning))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def raise_errors(self, cls: type[ResdraftError] = LibraryError) -> None:
        """Raise every error collected so far (warnings do not stop anything)."""
        if self.errors:
            raise cls(*self.errors)
