"""The project file (resdraft.yaml) and finding it: light enough for the fast paths (search) to import."""

from __future__ import annotations

from pathlib import Path

from resdraft.errors import LibraryError, Problem, Where

PROJECT_FILE = "resdraft.yaml"


def find_project(start: Path) -> Path:
    """The folder holding resdraft.yaml, searching upwards from `start` (a file or folder)."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    raise LibraryError(
        Problem(
            Where(start),
            f"not inside a resdraft library (no {PROJECT_FILE} here or above)",
            "run inside a library, or create one with `resdraft init DIR`",
        )
    )
