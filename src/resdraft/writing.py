"""Atomic output: write to a temporary file beside the target, then rename, so no half-written file survives."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where


def write_atomic(path: Path, data: str | bytes, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` in one step; refuse to replace an existing file unless `force`, and
    ever to replace one of the `inputs` it was made from, or anything but a regular file. A symbolic
    link is written through: the file it points to is replaced, the link kept."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    existed = path.exists()
    if path.is_dir():
        raise OutputError(Problem(Where(path), "output path is a folder", "give a file name"))
    if existed and not path.is_file():  # (replacing /dev/null with a file breaks the machine)
        raise OutputError(
            Problem(
                Where(path),
                "output path is no regular file (a device, a pipe or a socket)",
                "give a file name; without -o a text goes to standard output",
            )
        )
    if existed and any(src.exists() and path.samefile(src) for src in inputs):
        raise OutputError(
            Problem(Where(path), "the output would replace the input it is made from", "write the output to another file")
        )
    if existed and not force:
        raise OutputError(
            Problem(Where(path), "output file already exists", "pass --force to overwrite it, or choose another name")
        )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(Problem(Where(path), f"cannot create folder {folder}: {e.strerror}", "choose another path")) from None
    temp = None
    try:
        temp = write_temp(path, data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temp, path)
    except OSError as e:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
        kept = "the file is as it was" if existed else "no file was written"
        raise OutputError(
            Problem(
                Where(path), f"could not write the file: {e.strerror or e}; {kept}", "check the disk and the folder's permissions"
            )
        ) from None


def write_temp(path: Path, data: bytes) -> Path:
    """A new temporary file beside `path` (whose folder exists) holding `data` on disk, to be renamed
    to `path`; it has the mode of the file it replaces, or a new file's under the umask. Nothing is
    left behind if a step fails."""
    # (the name cut short: a name near the system's limit of 255 bytes must leave the temporary file room)
    fd, name = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".part", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temp, mode)  # (mkstemp makes it 0600, whatever the umask)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def _umask() -> int:
    """The process's umask, read where Linux shows it; elsewhere set and put back at once (resdraft
    runs no other thread that could create a file in between)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
