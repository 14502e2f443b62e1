"""The build, step by step: open the library, read and validate the draft, assemble, render."""

from __future__ import annotations

from pathlib import Path

from resdraft.assemble import assemble
from resdraft.errors import Problems
from resdraft.library import Library, open_library
from resdraft.library.wordstyle import WordStyle
from resdraft.model import Draft, Placeholder, Resolution
from resdraft.render.markup import render


def load_resolution(draft_path: Path, library: Library | None = None) -> tuple[Resolution, Library]:
    """Read a draft and everything it uses, validate it all, and assemble the Resolution."""
    _, resolution, library = _loaded(draft_path, library)
    return resolution, library


def _loaded(draft_path: Path, library: Library | None = None) -> tuple[Draft, Resolution, Library]:
    """The draft read and validated, its Resolution, and its library."""
    library = library or open_library(draft_path)
    problems = Problems()
    draft = library.read_draft(draft_path, problems)
    problems.raise_errors()
    assert draft is not None
    return draft, assemble(draft, library), library


def render_resolution(resolution: Resolution, fmt: str, library: Library) -> str | bytes:
    """A Resolution in `fmt`: text through the body's template, or the bytes of a Word file."""
    problems = Problems()
    if fmt == "docx":
        from resdraft.render.docx import render_docx

        word = library.word_style(resolution.body, problems)
        problems.raise_errors()
        assert word is not None
        return render_docx(resolution, word)
    style = library.body(resolution.body, problems)
    problems.raise_errors()
    assert style is not None
    return render(resolution, fmt, library.templates_dir, f"{style.key}/{style.outputs[fmt]}")


def build(draft_path: Path, fmt: str) -> str | bytes:
    """A draft file, built to `fmt` ('md', 'txt' or 'docx')."""
    return build_noting(draft_path, fmt)[0]


def build_noting(draft_path: Path, fmt: str) -> tuple[str | bytes, tuple[str, ...]]:
    """A draft file built to `fmt`, and the draft's placeholders still to fill in, as `resdraft new`
    and `resdraft check` name them ("symbol: symbol of the 53rd-session document (was AALCO/RES/52/S 8)")."""
    draft, resolution, library = _loaded(draft_path)
    return render_resolution(resolution, fmt, library), placeholders_left(draft, resolution)


def placeholders_left(draft: Draft, resolution: Resolution) -> tuple[str, ...]:
    """Every placeholder of the draft (facts and variables), each as "name: hint", as `resdraft new`
    and `resdraft check` list them; one its resolution's text does not show as "[TBD: …]" (a fact
    the house style prints nowhere: AALCO's venue) is still to fill in, and says it is not shown."""
    texts = [item.text for item in resolution.lines_and_paragraphs()] + [note.text for note in resolution.footnotes]
    shown = "\n".join(texts).casefold()  # (in whatever case the house style sets the line)
    named = [*draft.fields.items(), *((f"variables.{name}", value) for name, value in draft.variables.items())]
    return tuple(
        f"{name}: {value.hint}" + ("" if value.casefold() in shown else "; the built text does not show it")
        for name, value in named
        if isinstance(value, Placeholder)
    )


def word_style_for(body: str, near: str) -> WordStyle:
    """The Word house style of a body, from the library around `near` (a source: a path or
    REV:path), else the current folder's, else the stock style resdraft ships (`templates_for`)."""
    from resdraft.library import templates_for
    from resdraft.library.wordstyle import read_word_style
    from resdraft.sources import place_of

    problems = Problems()
    word = read_word_style(body, templates_for(place_of(near), body), problems)
    problems.raise_errors()
    assert word is not None
    return word
