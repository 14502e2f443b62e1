"""Atomic output: write to a temporary file beside the target, then rename, so no half-written file survives."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where


def write_atomic(path: Path, data: str | bytes, force: bool = False) -> None:
    """Write `data` to `path` in one step; refuse to replace an existing file unless `force`."""
    if path.exists() and not force:
        raise OutputError(
            Problem(Where(path), "output file already exists", "pass --force to overwrite it, or choose another name")
        )
    if path.is_dir():
        raise OutputError(Problem(Where(path), "output path is a folder", "give a file name"))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(Problem(Where(path), f"cannot create folder {folder}: {e.strerror}", "choose another path")) from None
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise OutputError(Problem(Where(path), f"cannot write here: {e.strerror}", "check the folder's permissions")) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
