"""Where documents come from: a draft, a file resdraft (or a secretariat) wrote, or a draft at a git revision.

Each source becomes a Resolution, plus the clause lineage (`amends`) of its library when it is a draft.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.errors import LibraryError, Problem, ResdraftError, Where
from resdraft.model import Line, Resolution, Run, Session
from resdraft.projectfile import BODY_KEY, find_project
from resdraft.reading import no_such_file, not_regular

if TYPE_CHECKING:
    from resdraft.library import Library

DRAFT_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
PDF_SUFFIXES = (".pdf",)
# Other word processors' files, and Word's own with macros or as templates (.docm, .dotx, .dotm: the
# same XML inside, but not what a resolution is circulated as; saving as .docx drops the macros).
OFFICE_SUFFIXES = (".doc", ".dot", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".rtf", ".wpd", ".pages")
LIBRARY_PARTS = ("resdraft.yaml", "clauses", "drafts", "templates")
MAX_TEXT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A Resolution, what it was read from, and the lineage of its clauses (clause id -> id it amends)."""

    resolution: Resolution
    name: str
    amends: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # what a reader should know of how it was read


def _lineage_of(library: object) -> dict[str, str]:
    clauses = getattr(library, "clauses", {})
    return {cid: c.amends for cid, c in clauses.items() if c.amends}


def read_draft(path: Path, name: str | None = None, libraries: dict[Path, Library] | None = None) -> Document:
    """A draft, built in memory; `libraries` (project root -> library) lets drafts of one library share its reading."""
    from resdraft.build import load_resolution

    if libraries is None:
        resolution, library = load_resolution(path)
    else:
        root = find_project(path)
        resolution, library = load_resolution(path, libraries.get(root))
        libraries[root] = library
    return Document(resolution, name or str(path), _lineage_of(library))


def read_file(path: Path, body: str | None = None, libraries: dict[Path, Library] | None = None) -> Document:
    """A document file: a draft, Markdown or text, or Word."""
    suffix = path.suffix.lower()
    if body is not None and not BODY_KEY.match(body.lower()):  # (a Word file took '', '../aalco' as its body)
        raise LibraryError(
            Problem(None, f"--body {body!r} is no body's name", "name the body by its folder under templates/, as --body aalco")
        )
    if not path.exists():
        raise no_such_file(path)
    if path.is_dir():
        raise LibraryError(
            Problem(Where(path), "is a folder, not a document", "name a draft (.yaml), .md, .txt, .docx or .pdf file")
        )
    if not path.is_file():
        raise not_regular(path)
    if suffix in DRAFT_SUFFIXES:
        return read_draft(path, libraries=libraries)
    if suffix in TEXT_SUFFIXES:
        from resdraft.importers.text import parse_text

        if path.stat().st_size > MAX_TEXT_BYTES:
            raise LibraryError(
                Problem(Where(path), f"larger than {MAX_TEXT_BYTES // 2**20} MB", "a resolution is far smaller; check the file")
            )
        text = decode_text(path.read_bytes())
        from resdraft.importers.pdftext import is_pdf_text, read_pdf_text

        if suffix not in (".md", ".markdown") and is_pdf_text(text):
            resolution, notes = read_pdf_text(text, path, body)
            return Document(resolution, str(path), warnings=tuple(f"{path}: {note}" for note in notes))
        return Document(parse_text(text, path, body), str(path))
    if suffix == ".docx":
        from resdraft.importers.docx import read_docx

        resolution, notes = read_docx(path.read_bytes(), path, body)
        if resolution.enacting is None and not resolution.operative:  # (a letter, a blank page: a resolution of no body)
            from resdraft.importers.text import NO_ENACTING_HINT

            raise LibraryError(
                Problem(
                    Where(path), "no resolution found: there is no enacting formula and no operative paragraph", NO_ENACTING_HINT
                )
            )
        return Document(resolution, str(path), warnings=tuple(f"{path}: {note}" for note in notes))
    if suffix in PDF_SUFFIXES:
        from resdraft.importers.pdftext import MAX_PDF_BYTES, read_pdf

        if path.stat().st_size > MAX_PDF_BYTES:
            raise LibraryError(
                Problem(
                    Where(path), f"larger than {MAX_PDF_BYTES // 2**20} MB", "a resolution's PDF is far smaller; check the file"
                )
            )
        resolution, notes = read_pdf(path.read_bytes(), path, body)
        return Document(resolution, str(path), warnings=tuple(f"{path}: {note}" for note in notes))
    hint = "use a draft (.yaml), a Markdown or text file (.md, .txt), a Word file (.docx) or a PDF (.pdf)"
    if suffix in OFFICE_SUFFIXES:
        hint = f"save it from Word or LibreOffice as a Word document (.docx), or convert it: soffice --headless --convert-to docx {path.name}"
    if not suffix:  # (/dev/stdin, a file saved without one): what it holds is not known
        what = "cannot read a file without an extension: its name does not say what kind of document it is"
        hint = "save it under a name that ends in its kind, .txt or .md for text, .docx, .pdf or .yaml for a draft, and pass that"
        raise LibraryError(Problem(Where(path), what, hint))
    raise LibraryError(Problem(Where(path), f"cannot read {suffix} documents", hint))


_NAMED_SYMBOL = {  # a file named by its symbol: "UNSC_S-RES-1590-2005_sudan-unmis.txt", "A_RES_76_186.txt"
    "unsc": (re.compile(r"(?<![A-Za-z])S[-_ ]RES[-_ ](\d{1,5})[-_ ]\(?(\d{4})\)?(?!\d)", re.I), "S/RES/{} ({})"),
    "unga": (re.compile(r"(?<![A-Za-z])A[-_ ]RES[-_ ](\d{1,3})[-_ ](\d{1,4})(?!\d)", re.I), "A/RES/{}/{}"),
}


def named_by_file(read: Document, path: Path) -> Document:
    """A document as import and diff take it: one that prints no symbol, in a file named by its
    symbol (the UN's own names, "S-RES-1590-2005", "A_RES_76_186"), takes that symbol, with a
    warning; and with it, for the Council, its year where the text states none. A Council text that
    prints no heading (a press release's copy) gets the one its symbol gives, "Resolution 1590 (2005)"."""
    from resdraft.importers.text import counted_session
    from resdraft.recalls import council_heading

    doc = read.resolution
    found = _NAMED_SYMBOL.get(doc.body)
    if not doc.fields.get("symbol") and found is not None and (m := found[0].search(path.stem)):
        symbol = found[1].format(*m.groups())
        fields = {**doc.fields, "symbol": symbol}
        session = counted_session(doc.body, doc.session.number or int(m.group(1)), fields)  # (A/RES/76/186: the 76th)
        warning = f"the text prints no symbol: {symbol} is taken from the file's name; check it"
        doc = dataclasses.replace(doc, fields={**fields, "session": session}, session=Session(session, doc.session.years))
        read = dataclasses.replace(read, resolution=doc, warnings=(*read.warnings, warning))
    heading = council_heading(doc.fields.get("symbol")) if doc.body == "unsc" else None
    if heading and not any(line.role == "title" for line in doc.title):
        doc = dataclasses.replace(doc, title=(Line("title", (Run(heading),)), *doc.title))
        read = dataclasses.replace(read, resolution=doc)
    return read


def decode_text(raw: bytes) -> str:
    """Text in the encodings secretariats' files come in: UTF-8 (with or without a BOM), UTF-16
    with a BOM, else Windows-1252 (Word's "plain text" on Western systems)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise LibraryError(Problem(None, "git is not installed", "install git to compare revisions"))
    return subprocess.run([git, *args], cwd=cwd, capture_output=True, timeout=60)


def read_revision(spec: str) -> Document:
    """A draft as it was at a git revision, `REV:path`, with the library of that revision."""
    rev, _, rel = spec.partition(":")
    cwd = Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise LibraryError(
            Problem(None, f"{spec}: not inside a git repository", "run resdraft diff inside the library's git checkout")
        )
    root = Path(top.stdout.decode().strip())
    target = (cwd / rel).resolve()
    try:
        inside = target.relative_to(root)
    except ValueError:
        raise LibraryError(
            Problem(None, f"{spec}: {rel} is outside the git repository {root}", "give a path inside the repository")
        ) from None
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise LibraryError(
            Problem(None, f"{spec}: no git revision {rev!r}", "name a commit, branch or tag, e.g. HEAD~1:drafts/aalco-53.yaml")
        )
    if _git(["cat-file", "-e", f"{rev}:{inside.as_posix()}"], root).returncode != 0:
        raise LibraryError(
            Problem(None, f"{spec}: {inside.as_posix()} does not exist at {rev}", "check the path and the revision")
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / inside.name
        # Where the files of that revision are unpacked, and where they stand in the working tree.
        unpacked, standing = (Path(tmp), find_project(target)) if inside.suffix.lower() in DRAFT_SUFFIXES else (path, target)
        try:
            if inside.suffix.lower() in DRAFT_SUFFIXES:
                path = _unpack_library(rev, root, target, Path(tmp)) / _library_relative(root, target, inside)
                doc = read_draft(path, spec)
            else:
                path.write_bytes(_git(["show", f"{rev}:{inside.as_posix()}"], root).stdout)
                doc = read_file(path)
        except ResdraftError as error:  # (named as the user knows them, "HEAD~1:clauses/x.yaml:4", not the copy's place)
            raise type(error)(*(_at_rev(p, rev, unpacked, standing) for p in error.problems)) from None
        shown = str(unpacked)
        return dataclasses.replace(
            doc, name=spec, warnings=tuple(w.replace(shown, f"{rev}:{_shown(standing)}") for w in doc.warnings)
        )


def _shown(path: Path) -> str:
    """A path as the user names it: from the current folder."""
    return os.path.relpath(path)


def _at_rev(problem: Problem, rev: str, unpacked: Path, standing: Path) -> Problem:
    """A problem in a file unpacked from a git revision, placed in that file as `REV:path`."""
    if problem.where is None:
        return problem
    try:
        inner = problem.where.path.relative_to(unpacked)
    except ValueError:
        return problem
    named = Path(f"{rev}:{_shown(standing / inner) if inner != Path('.') else _shown(standing)}")
    return dataclasses.replace(problem, where=dataclasses.replace(problem.where, path=named))


def _library_relative(root: Path, target: Path, inside: Path) -> Path:
    """The draft's path inside its library (the library may sit in a sub-folder of the repository)."""
    library = find_project(target)
    return target.relative_to(library)


def _unpack_library(rev: str, root: Path, target: Path, into: Path) -> Path:
    """Unpack the library around `target` (project file, clauses, drafts, templates) as it was at `rev`."""
    library = find_project(target)
    prefix = library.relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    parts = [p for p in LIBRARY_PARTS if _git(["cat-file", "-e", f"{rev}:{prefix}{p}"], root).returncode == 0]
    tree = f"{rev}:{prefix.rstrip('/')}" if prefix else rev
    archive = _git(["archive", "--format=tar", tree, "--", *parts], root)
    if archive.returncode != 0:
        raise LibraryError(Problem(None, f"git could not read the library at {rev}", archive.stderr.decode().strip()[:200]))
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def _at_revision(spec: str) -> bool:
    """Whether a source is REV:path, a file at a git revision (no file of that name being there)."""
    return not Path(spec).exists() and ":" in spec and not spec.startswith(":")


def read_document(spec: str, body: str | None = None, libraries: dict[Path, Library] | None = None) -> Document:
    """Any source resdraft can compare: a path, or REV:path for a file at a git revision."""
    if _at_revision(spec):
        return read_revision(spec)
    if not Path(spec).exists():
        raise no_such_file(Path(spec), revisions=True)
    read = read_file(Path(spec), body, libraries)
    if Path(spec).suffix.lower() in DRAFT_SUFFIXES:
        return read
    named = named_by_file(read, Path(spec))  # (a press release's copy of a Council text, as import names it)
    return dataclasses.replace(named, warnings=(*read.warnings, *(f"{spec}: {w}" for w in named.warnings[len(read.warnings) :])))


def place_of(spec: str) -> Path:
    """Where a source lies: its path, or for REV:path the path (as it stands in the working tree)."""
    return Path(spec.partition(":")[2]) if _at_revision(spec) else Path(spec)


def read_documents(specs: Sequence[str]) -> list[Document]:
    """Several sources, the drafts of one library reading it once (a diff of two sessions)."""
    libraries: dict[Path, Library] = {}
    return [read_document(spec, libraries=libraries) for spec in specs]
