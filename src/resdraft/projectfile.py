"""The project file (resdraft.yaml) and finding it: light enough for the fast paths (search) to import."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from resdraft.errors import LibraryError, Problem, Where

PROJECT_FILE = "resdraft.yaml"
# The folders a project file may name, and what each holds.
FOLDERS = {"clauses": "the clause files", "drafts": "the drafts", "templates": "a folder per body"}
BODY_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")  # a body's name, that of its folder under templates/: "aalco", "unga"


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


def missing_folders(root: Path, named: Mapping[str, Any]) -> list[Problem]:
    """Each folder the project file names that does not exist (`clauses: clause`), at its line:
    without it, every clause id reads as unknown, or every body as lacking a house style."""
    problems = []
    for key, holds in FOLDERS.items():
        name = named.get(key)
        if not isinstance(name, str) or not name or (root / name).is_dir():
            continue
        from resdraft.library.schema import suggest

        here = sorted(f"{p.name}/" for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        close = suggest(f"{name.strip('/')}/", here, n=1)
        where = named.where(key) if hasattr(named, "where") else Where(root / PROJECT_FILE)
        problems.append(
            Problem(
                where,
                f"folder {name.rstrip('/')}/ (named as `{key}:`) does not exist",
                f"{close} (the folder that holds {holds}, relative to {PROJECT_FILE})"
                if close
                else f"name the folder that holds {holds}, relative to {PROJECT_FILE}",
            )
        )
    return problems
