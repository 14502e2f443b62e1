"""A body's Word house style (templates/BODY/word.yaml over templates/_base/word.yaml): page, fonts, styles."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resdraft.errors import Problems, Where
from resdraft.library.schema import Reader, suggest
from resdraft.model import NOT_TEXT
from resdraft.yamlsource import YDict, read_layers

WORD_KEYS = ("reference", "page", "styles")
PAGE_KEYS = ("size", "margins", "font", "font_size", "language", "page_numbers")
MARGIN_KEYS = ("top", "bottom", "left", "right")
STYLE_KEYS = {
    "type": str,
    "based_on": str,
    "next": str,
    "font": str,
    "size": "length",
    "bold": bool,
    "italic": bool,
    "caps": bool,
    "small_caps": bool,
    "underline": bool,
    "align": str,
    "left": "length",
    "right": "length",
    "first_line": "length",
    "hanging": "length",
    "space_before": "length",
    "space_after": "length",
    "line": float,
    "keep_with_next": bool,
    "keep_together": bool,
    "border_bottom": bool,
    "border_top": bool,
    "tab": "length",
    "superscript": bool,
}
ALIGNMENTS = ("left", "right", "center", "justify")
PAPER = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
_LENGTH = re.compile(r"^\s*(-?[0-9]*\.?[0-9]+)\s*(pt|cm|mm|in)\s*$")
_PER = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0}


def points(value: Any) -> float | None:
    """'1.27cm' -> 36.0 points; None if not a length."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = _LENGTH.match(str(value))
    return float(m.group(1)) * _PER[m.group(2)] if m else None


@dataclass(frozen=True)
class StyleSpec:
    """One named Word style: its type and formatting, lengths in points."""

    name: str
    type: str
    props: Mapping[str, Any]
    where: Where


@dataclass(frozen=True)
class WordStyle:
    """Everything needed to lay a Resolution out as a Word document for one body."""

    key: str
    reference: Path | None
    width: float
    height: float
    margins: Mapping[str, float]
    font: str
    font_size: float
    language: str
    page_numbers: str
    styles: Mapping[str, StyleSpec]
    where: Where = field(compare=False, default=Where(Path("."), 0))


# What Word takes: a font of 1 to 1,638 points, a page of 1 to 22 inches a side, spacing before or
# after a paragraph up to 1,584 points, line spacing up to 132 lines; indents either way.
FONT_SIZE = (1.0, 1638.0)
PAGE_SIDE = (72.0, 1584.0)
SPACING = (0.0, 1584.0)
INDENT = (-1584.0, 1584.0)
LINES = (0.06, 132.0)
_RANGES = {"size": FONT_SIZE, "space_before": SPACING, "space_after": SPACING, "tab": SPACING, "line": LINES}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")  # en-GB, fr-FR, zh-Hans-CN


def _out_of_range(value: float, bounds: tuple[float, float]) -> bool:
    return not bounds[0] <= value <= bounds[1]


def _range_hint(bounds: tuple[float, float]) -> str:
    low, high = (f"{b:g}pt" for b in bounds)
    return f"Word takes {low} to {high}"


def _read_styles(data: YDict | None, problems: Problems, out: dict[str, StyleSpec]) -> None:
    if data is None:
        return
    for name, spec in data.items():
        where = data.where(name)
        if not isinstance(spec, YDict):
            problems.add(where, f"style {name!r} must be a mapping of properties", "write e.g. `{bold: true, size: 12pt}`")
            continue
        props = dict(out[name].props) if name in out else {}
        for key, value in spec.items():
            kind = STYLE_KEYS.get(key)
            if kind is None:
                problems.add(spec.where(key), f"unknown style property {key!r} in {name!r}", suggest(key, STYLE_KEYS) or "")
            elif kind == "length":
                if (pts := points(value)) is None:
                    problems.add(spec.where(key), f"{name}.{key} must be a length such as 12pt, 1.27cm or 0.5in, not {value!r}")
                elif _out_of_range(pts, bounds := _RANGES.get(key, INDENT)):
                    problems.add(spec.where(key), f"{name}.{key} is {value!r}, out of range", _range_hint(bounds))
                else:
                    props[key] = pts
            elif kind is bool and not isinstance(value, bool):
                problems.add(spec.where(key), f"{name}.{key} must be true or false, not {value!r}")
            elif kind is float and (isinstance(value, bool) or not isinstance(value, (int, float))):
                problems.add(spec.where(key), f"{name}.{key} must be a number such as 1.15, not {value!r}")
            elif kind is float and _out_of_range(float(value), _RANGES[key]):
                problems.add(
                    spec.where(key), f"{name}.{key} is {value!r}, out of range", f"Word takes {LINES[0]:g} to {LINES[1]:g} lines"
                )
            elif kind is str and (not isinstance(value, str) or NOT_TEXT.search(value)):
                problems.add(spec.where(key), f"{name}.{key} must be text, without control characters, not {value!r}")
            else:
                props[key] = value
        if props.get("align") not in (None, *ALIGNMENTS):
            problems.add(spec.where("align"), f"{name}.align must be one of {', '.join(ALIGNMENTS)}")
        kind_of = str(props.get("type", "paragraph"))
        if kind_of not in ("paragraph", "character"):
            problems.add(spec.where("type"), f"{name}.type must be paragraph or character")
        out[name] = StyleSpec(name, kind_of, props, where)


def _page(data: YDict | None, problems: Problems, page: dict[str, Any]) -> None:
    if data is None:
        return
    Reader(data, problems, "page").unknown(PAGE_KEYS)
    if "size" in data:
        size = data["size"]
        if isinstance(size, YDict) and {"width", "height"} <= set(size):
            w, h = points(size["width"]), points(size["height"])
            if w and h and (_out_of_range(w, PAGE_SIDE) or _out_of_range(h, PAGE_SIDE)):
                problems.add(
                    data.where("size"), f"page size {w:g}pt by {h:g}pt is out of range", _range_hint(PAGE_SIDE) + " a side"
                )
            elif w and h:
                page["width"], page["height"] = w, h
            else:
                problems.add(data.where("size"), "page size needs lengths, e.g. {width: 21cm, height: 29.7cm}")
        elif str(size).lower() in PAPER:
            page["width"], page["height"] = PAPER[str(size).lower()]
        else:
            problems.add(data.where("size"), f"unknown page size {size!r}", "use a4, letter, or {width: …, height: …}")
    if isinstance(m := data.get("margins"), YDict):
        for side, value in m.items():
            if side not in MARGIN_KEYS or (pts := points(value)) is None:
                problems.add(m.where(side), f"margin {side}: {value!r} is not a side with a length", "e.g. top: 2.5cm")
            elif pts < 0:
                problems.add(m.where(side), f"margin {side}: {value!r} is less than nothing", "e.g. top: 2.5cm, or 0cm")
            else:
                page["margins"][side] = pts
    for key in ("font", "language", "page_numbers"):
        if key in data:
            page[key] = str(data[key])
    if "font" in data and (not page["font"].strip() or NOT_TEXT.search(page["font"])):
        problems.add(data.where("font"), f"font {data['font']!r} is no font's name", "e.g. font: Times New Roman")
    if "language" in data and not _LANGUAGE.match(page["language"]):
        problems.add(data.where("language"), f"language {data['language']!r} is no language tag", "e.g. language: en-GB")
    if "font_size" in data:
        if (pts := points(data["font_size"])) is None:
            problems.add(data.where("font_size"), "font_size must be a length such as 12pt")
        elif _out_of_range(pts, FONT_SIZE):
            problems.add(data.where("font_size"), f"font_size {data['font_size']!r} is out of range", _range_hint(FONT_SIZE))
        else:
            page["font_size"] = pts
    if page.get("page_numbers") not in ("left", "center", "right", "none"):
        problems.add(data.where("page_numbers"), "page_numbers must be left, center, right or none")


# Styles the Word writer sets beyond those _base/word.yaml defines: a deeper level of sub-paragraphs.
_MORE_LEVELS = re.compile(r"(?:Preambular )?Subparagraph \d+")


def _unused_styles(named: YDict, base: Mapping[str, StyleSpec], line_styles: Collection[str], problems: Problems) -> None:
    """A body's style that _base/word.yaml does not define, and that is neither the style of one of
    its masthead's or title's lines ("Header Venue" for a `venue` line, the Council's "Resolution
    Adoption") nor of a deeper level of sub-paragraphs: no paragraph is set in it, so the setting
    was lost in silence ("Header Statuz")."""
    known = list(dict.fromkeys([*base, *line_styles]))
    for name in named:
        if name not in known and not _MORE_LEVELS.fullmatch(name):
            problems.add(
                named.where(name),
                f"no paragraph or text is set in style {name!r}",
                suggest(name, known) or "name a style _base/word.yaml defines, or `Header <Role>` for a line of the masthead",
            )


def _words(role: str) -> str:
    return " ".join(w.capitalize() for w in role.replace("_", "-").split("-"))


def header_style(role: str) -> str:
    """The Word style of a masthead line: 'agenda-item' -> 'Header Agenda Item'."""
    return f"Header {_words(role)}"


def title_style(role: str) -> str:
    """The Word style of a title line: 'title' -> 'Resolution Title', 'subtitle' -> 'Resolution Subtitle'."""
    return f"Resolution {_words(role)}"


def read_word_style(
    key: str, templates: Path, problems: Problems, where: Where | None = None, line_styles: Collection[str] | None = None
) -> WordStyle | None:
    """The Word style of a body: templates/_base/word.yaml, then templates/KEY/word.yaml over it.
    Given the styles of the body's masthead and title lines, a style of its own file that no
    paragraph or text is set in is an error (see `_unused_styles`)."""
    own = templates / key / "word.yaml"
    if not own.is_file():
        problems.add(
            where,
            f"body {key!r} has no Word template (templates/{key}/word.yaml is missing)",
            "copy templates/unga/word.yaml into that folder and adapt it",
        )
        return None
    page: dict[str, Any] = {
        "width": PAPER["a4"][0],
        "height": PAPER["a4"][1],
        "font": "Times New Roman",
        "font_size": 12.0,
        "language": "en-GB",
        "page_numbers": "center",
        "margins": {"top": 72.0, "bottom": 72.0, "left": 72.0, "right": 72.0},
    }
    styles: dict[str, StyleSpec] = {}
    reference: Path | None = None
    layers = read_layers((templates / "_base" / "word.yaml", own), problems, "page: and styles:")
    if layers is None:
        return None
    for data in layers:
        path = data.path
        r = Reader(data, problems, "word.yaml")
        r.unknown(WORD_KEYS)
        if (ref := r.text("reference")) is not None:
            reference = path.parent / ref
            if not reference.is_file():
                problems.add(
                    r.where("reference"),
                    f"reference document {ref!r} not found beside {path.name}",
                    "put the .docx in the body's templates folder, or remove `reference:`",
                )
        _page(r.mapping("page"), problems, page)
        named = r.mapping("styles")
        if line_styles is not None and path == own and named is not None:
            _unused_styles(named, styles, line_styles, problems)
        _read_styles(named, problems, styles)
    margins = page["margins"]
    for across, sides, length in (("width", ("left", "right"), page["width"]), ("height", ("top", "bottom"), page["height"])):
        if margins[sides[0]] + margins[sides[1]] > length - 72:  # (an inch of text, at least)
            problems.add(
                Where(own, 0),
                f"the {sides[0]} and {sides[1]} margins leave less than an inch of the page's {across} for text",
                "make the margins narrower (page: margins:), or the page larger",
            )
    return WordStyle(
        key=key,
        reference=reference,
        width=page["width"],
        height=page["height"],
        margins=page["margins"],
        font=page["font"],
        font_size=page["font_size"],
        language=page["language"],
        page_numbers=page["page_numbers"],
        styles=styles,
        where=Where(own, 1),
    )
