"""Look at a Word file: convert it to PDF with LibreOffice (headless), then to PNG pages with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from resdraft.errors import OutputError, Problem, Where

CONVERT_TIMEOUT = 180


def office() -> str:
    """The LibreOffice executable, or a user error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise OutputError(
            Problem(
                None,
                "LibreOffice is not installed (no soffice on PATH)",
                "install it, e.g. `apt-get install libreoffice-writer-nogui poppler-utils`",
            )
        )
    return found


def to_pdf(documents: list[Path], folder: Path) -> list[Path]:
    """Convert .docx files to PDF in `folder` with one LibreOffice run; returns the PDF paths."""
    return convert(documents, folder, "pdf")


def convert(documents: list[Path], folder: Path, to: str) -> list[Path]:
    """Save documents in another format (LibreOffice's `--convert-to`: "pdf", "docx:MS Word 2007
    XML") in `folder`, with one LibreOffice run and a profile of its own; returns the new paths."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            office(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            *map(str, documents),
        ]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise OutputError(Problem(None, f"LibreOffice did not finish within {CONVERT_TIMEOUT} s", "try again")) from None
    suffix = to.partition(":")[0]
    made = [folder / f"{d.stem}.{suffix}" for d in documents]
    for document, path in zip(documents, made, strict=True):
        if not path.exists():
            raise OutputError(
                Problem(
                    Where(document),
                    f"LibreOffice could not convert this file to {suffix.upper()}",
                    (run.stderr or run.stdout).strip()[:300] or "open it in Word or LibreOffice to see why",
                )
            )
    return made


def to_png(pdf: Path, folder: Path, dpi: int = 80) -> list[Path]:
    """Render a PDF's pages as PNG files (pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if not tool:
        raise OutputError(Problem(None, "pdftoppm is not installed", "install poppler-utils"))
    subprocess.run([tool, "-r", str(dpi), "-png", str(pdf), str(folder / pdf.stem)], check=True, capture_output=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def preview(document: Path, folder: Path) -> list[Path]:
    """PNG pages of a .docx in `folder` (created if needed); the PDF between is not kept."""
    if not document.is_file():
        from resdraft.reading import no_such_file

        raise no_such_file(document)
    if document.suffix.lower() != ".docx":  # (LibreOffice would render a .md or .txt as plain text)
        raise OutputError(
            Problem(
                Where(document, 0),
                f"preview renders a Word document (.docx) or a draft, not a {document.suffix or 'file without an extension'}",
                "build the draft to .docx (resdraft build DRAFT -o FILE.docx), or preview the draft itself",
            )
        )
    from resdraft.importers.docx import check_word_document

    check_word_document(document.read_bytes(), document)  # (LibreOffice renders a text file named .docx as text)
    # The pages are made in a folder inside the target one, to be renamed into place: a rename from
    # a system temporary folder fails where the target is on another disk.
    try:
        folder.mkdir(parents=True, exist_ok=True)
        between = tempfile.TemporaryDirectory(prefix=".preview-", dir=folder)
    except OSError as e:
        raise OutputError(
            Problem(Where(folder), f"cannot put the pages here: {e.strerror or e}", "give -o a folder you can write to")
        ) from None
    with between as made:
        (pdf,) = to_pdf([document], Path(made))
        pages = [page.replace(folder / page.name) for page in to_png(pdf, Path(made))]
    # The pages of an earlier preview of the same name go, once the new ones are in place: a
    # longer one's last pages would pass for this document's, and pdftoppm numbers them "-01"
    # from ten pages on.
    for stale in folder.glob(f"{pdf.stem}-*.png"):
        if stale.stem[len(pdf.stem) + 1 :].isdigit() and stale not in pages:
            stale.unlink()
    return pages
