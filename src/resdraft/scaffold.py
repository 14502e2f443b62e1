"""`resdraft init`: a new library with the stock body templates, one example clause file and draft."""

from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where


def create_library(folder: Path) -> list[Path]:
    """Copy the starter library into `folder` (new or empty) and return the files created."""
    for there in (folder, *folder.parents):
        if there.exists() and not there.is_dir():
            what = "a file stands where the library's folder goes" if there == folder else f"{there} is a file, not a folder"
            raise OutputError(Problem(Where(folder), what, "choose a new folder name"))
    if folder.exists() and any(folder.iterdir()):
        raise OutputError(Problem(Where(folder), "folder exists and is not empty", "choose a new folder name"))
    starter = resources.files("resdraft") / "starter"
    try:
        with resources.as_file(starter) as source:
            _copy_into_place(source, folder)
    except OSError as e:
        raise OutputError(
            Problem(
                Where(folder),
                f"could not create the library: {e.strerror or e}; nothing was created",
                "choose a folder you can write to, on a disk with room",
            )
        ) from None
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _copy_into_place(source: Path, folder: Path) -> None:
    """Copy `source` to a temporary folder on the same disk and rename it to `folder`, so a copy
    that fails midway leaves no part of a library. An existing empty folder stays (it may be the
    current one): what was copied moves into it."""
    existing = folder.is_dir()
    beside = folder if existing else folder.parent
    beside.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".resdraft-init-", dir=beside) as tmp:
        copy = Path(tmp) / "library"
        for file in source.rglob("*"):  # (not copytree, which gathers the errors into one unreadable list)
            if file.is_file() and "__pycache__" not in file.parts:
                target = copy / file.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)
        if not existing:
            copy.rename(folder)
            return
        for entry in copy.iterdir():
            entry.rename(folder / entry.name)
