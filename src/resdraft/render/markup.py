"""Markdown and plain-text output through the body's Jinja templates (templates/BODY/resolution.*.j2)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from resdraft.errors import Problem, TemplateError, Where
from resdraft.model import Content, Footnote, FootnoteRef, Line, Paragraph, Resolution, Run
from resdraft.templating import environment, layout, render_file

_SUPERSCRIPT = str.maketrans("0123456789*", "⁰¹²³⁴⁵⁶⁷⁸⁹*")
EMPHASIS = {(True, True): "***", (True, False): "**", (False, True): "*"}  # Markdown's marks, by (bold, italic)

# What the Markdown reader (importers/text.py) takes for markup, not words: a backslash, an
# asterisk, the "[" of a footnote reference ("[^a]") and the "<" of the HTML tags it reads
# (<sup>, <b>, <strong>, <i>, <em>, <br>). (Superscript digits, "²", it reads as footnote
# markers too, and Markdown has no escape for them: it tells a power glued to a unit or a
# number, "m²", "10³", by where it stands; see footnote_marks.powers_as_text.)
_MARKUP = re.compile(r"[\\*]|\[(?=\^)|<(?=/?(?:b|strong|i|em)>|sup>|br[ ]{0,3}/?>)", re.IGNORECASE)


def markdown_escaped(text: str) -> str:
    """Words as Markdown writes them: each character the reader would take for markup behind a backslash."""
    return _MARKUP.sub(r"\\\g<0>", text)


def _content(obj: Any) -> Content:
    if isinstance(obj, (Paragraph, Line, Footnote)):
        return obj.content
    return tuple(obj) if obj else ()


def markdown_inline(obj: Any) -> str:
    """Content as Markdown: *italic*, **bold**, footnote references [^n].

    Runs of the same emphasis are wrapped together, so a change of superscript inside a
    bold-italic formula does not split it. Markdown has no superscript of its own, so
    superscript letters ("27th") are written plainly; Word output keeps them raised.
    """
    out: list[str] = []
    group: list[str] = []
    style = (False, False)

    def close() -> None:
        text = markdown_escaped("".join(group))  # (whole: a "[" and the "^" after it may stand in two runs)
        group.clear()
        core = text.strip()
        if not core:
            out.append(text)
            return
        mark = EMPHASIS.get(style, "")
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")

    for span in _content(obj):
        if isinstance(span, FootnoteRef):
            close()
            out.append(f"[^{span.marker}]")
            continue
        if (span.bold, span.italic) != style:
            close()
            style = (span.bold, span.italic)
        group.append(span.text)
    close()
    return "".join(out)


def text_inline(obj: Any) -> str:
    """Content as plain text, footnote markers as superscript figures."""
    out = []
    for span in _content(obj):
        if isinstance(span, FootnoteRef):
            out.append(span.marker.translate(_SUPERSCRIPT))
        elif isinstance(span, Run):
            out.append(span.text)
    return "".join(out)


INLINE: dict[str, Callable[[Any], str]] = {"md": markdown_inline, "txt": text_inline}


@cache
def _env(templates: Path, fmt: str) -> SandboxedEnvironment:
    return environment(templates, {"inline": INLINE[fmt]})


def render(resolution: Resolution, fmt: str, templates: Path, template: str) -> str:
    """Render a Resolution with the body's template for `fmt` ('md' or 'txt')."""
    env = _env(templates, fmt)
    text = render_file(env, template, {"res": resolution}, templates)
    if not text.strip() and (resolution.preamble or resolution.operative):  # (an emptied template wrote an empty file)
        top = layout(env, template)
        if top != template:  # (the shared layout emptied: the body's template only fills its blocks)
            problem = Problem(
                Where(templates / top),
                f"the layout printed nothing of the resolution (templates/{template} extends it)",
                f"print the resolution in it: `resdraft init NEW_FOLDER` writes the {top} a library starts with",
            )
        else:
            problem = Problem(
                Where(templates / template),
                "the template printed nothing of the resolution",
                f'print the resolution in it, or extend the shared layout: {{% extends "_base/resolution.{fmt}.j2" %}}',
            )
        raise TemplateError(problem)
    return text.rstrip() + "\n"
