"""`resdraft init`: a new library with the stock body templates, one example clause file and draft."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where


def create_library(folder: Path) -> list[Path]:
    """Copy the starter library into `folder` (new or empty) and return the files created."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(Problem(Where(folder), "folder exists and is not empty", "choose a new folder name"))
    starter = resources.files("resdraft") / "starter"
    with resources.as_file(starter) as source:
        shutil.copytree(source, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    return sorted(p for p in folder.rglob("*") if p.is_file())
