"""A body's house style (templates/BODY/body.yaml): header block, formulas, punctuation, numbering, emphasis."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from resdraft.errors import Problems, ResdraftError, Where
from resdraft.library.drafts import EMPHASES, FORMULAS, sublabel_levels
from resdraft.library.schema import Reader, suggest
from resdraft.model import Numbering
from resdraft.yamlsource import YDict, load_yaml

BODY_KEYS = (
    "name",
    "short_name",
    "former_names",
    "sessions",
    "header",
    "title",
    "formulas",
    "punctuation",
    "numbering",
    "emphasis",
    "outputs",
)
PUNCTUATION_KEYS = ("preambular", "preambular_last", "operative", "operative_last", "subparagraph", "introduces")
NUMBERING_KEYS = ("operative", "subparagraphs", "preambular_subparagraphs")
EMPHASIS_KEYS = ("preambular", "operative", "subparagraph")
LABEL = re.compile(r"^([^0-9aAiI]*)([1aAiI])([^0-9a-zA-Z]*)$")
DEFAULT_OUTPUTS = {"md": "resolution.md.j2", "txt": "resolution.txt.j2"}
FORMER_NAME_KEYS = ("name", "short_name", "until")


def paragraph_mark(punctuation: Mapping[str, str], role: str, last: bool, heading: bool = False) -> str:
    """The mark a paragraph of a part (`role`: preambular or operative) ends with where its draft
    entry's `end:` gives none: the part's, its last paragraph's for the last, and none for a
    section's heading."""
    return "" if heading else punctuation[f"{role}_last"] if last else punctuation[role]


@dataclass(frozen=True)
class BodyName:
    """A body's name and its short form (AIPO, AIPA; "" for none), and the last session under it
    (None: the name now)."""

    name: str
    short_name: str = ""
    until: int | None = None


@dataclass(frozen=True)
class TemplateLine:
    """A line of the header block or title: a role (its style name) and Jinja text; a title line
    may have a label too, in Jinja ("78/225." before an adopted UN resolution's title). With
    `each` (a Jinja expression, "draft.agenda_title"), the line stands once for each item of its
    value, the text seeing that item as `item`: one line for text, none for nothing, one per
    entry of a list (a resolution adopted under two agenda items prints both their titles)."""

    role: str
    text: str
    where: Where
    label: str = ""
    label_where: Where | None = None  # the label's own line, which its errors name
    each: str = ""
    each_where: Where | None = None


@dataclass(frozen=True)
class BodyStyle:
    """Everything a body's templates folder says about its house style."""

    key: str
    name: str
    folder: Path
    header: tuple[TemplateLine, ...]
    title: tuple[TemplateLine, ...]
    formulas: Mapping[str, str]
    punctuation: Mapping[str, str]
    numbering: Numbering
    emphasis: Mapping[str, str]
    outputs: Mapping[str, str]
    where: Where = field(compare=False, default=Where(Path("."), 0))
    short_name: str = ""
    former_names: tuple[BodyName, ...] = ()  # oldest first
    years: bool = False  # `sessions: years`: a draft's `session:` is the year (the Council numbers no sessions)
    formula_lines: Mapping[str, Where] = field(compare=False, default_factory=dict)  # each formula's line, its errors name

    def name_at(self, session: int) -> BodyName:
        """The name the body went by at a session (its name now for a session not known, 0)."""
        for former in self.former_names:
            if former.until is not None and 0 < session <= former.until:
                return former
        return BodyName(self.name, self.short_name)

    def has_line(self, role: str) -> bool:
        """Whether the body's masthead has a line of a role ("date")."""
        return any(line.role == role for line in self.header)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and short name the body has gone by, the name now first."""
        named = (self.name_at(0), *self.former_names)
        return (*(n.name for n in named if n.name), *(n.short_name for n in named if n.short_name))

    def with_overrides(self, style: Mapping[str, Any], problems: Problems, where: Where) -> BodyStyle:
        """This style with a draft's `style:` overrides applied."""
        punctuation = dict(self.punctuation)
        emphasis = dict(self.emphasis)
        numbering = self.numbering
        if isinstance(p := style.get("punctuation"), YDict):
            punctuation.update(_punctuation(p, problems, "style.punctuation"))
        if isinstance(e := style.get("emphasis"), YDict):
            emphasis.update(_emphasis(e, problems))
        if isinstance(n := style.get("numbering"), YDict):
            numbering = _numbering(n, problems, numbering)
        return replace(self, punctuation=punctuation, numbering=numbering, emphasis=emphasis, where=where)


def _checked(data: YDict, keys: tuple[str, ...], problems: Problems, what: str) -> dict[str, str]:
    out = {}
    for key, value in data.items():
        if key not in keys:
            problems.add(data.where(key), f"unknown key {key!r} in {what}", suggest(key, keys) or f"allowed: {', '.join(keys)}")
        else:
            out[key] = "" if value is None else str(value)
    return out


# A paragraph's closing mark: up to three marks, then perhaps "and" or "or" ("; and" before the last one).
PUNCTUATION = re.compile(r"^[^\w\s]{0,3}(?: (?:and|or))?$")


def _punctuation(data: YDict, problems: Problems, what: str) -> dict[str, str]:
    """The punctuation a body's (or a draft's) `punctuation:` gives its paragraphs, each a mark."""
    out = _checked(data, PUNCTUATION_KEYS, problems, what)
    for key in list(out):
        value = data[key]
        if value is not None and (not isinstance(value, str) or not PUNCTUATION.match(value)):
            problems.add(
                data.where(key),
                f"{what}.{key} must be a mark such as ';' or '.', not {value!r}",
                'write the mark in quotes, e.g. operative: ";" (or "; and"); \'\' for none',
            )
            del out[key]
    return out


def _emphasis(data: YDict, problems: Problems) -> dict[str, str]:
    out = _checked(data, EMPHASIS_KEYS, problems, "emphasis")
    for key, value in out.items():
        if value not in EMPHASES:
            problems.add(data.where(key), f"emphasis must be one of {', '.join(EMPHASES)}, not {value!r}")
    return out


def _label(value: Any, where: Where, problems: Problems) -> str | None:
    if value is None or value == "none":
        return None
    if not LABEL.match(str(value)):
        problems.add(
            where,
            f"numbering label {value!r} is not an example label",
            "write the first label of the sequence: 1. or (a) or a. or (i) or I.",
        )
        return None
    return str(value)


def _numbering(data: YDict, problems: Problems, base: Numbering) -> Numbering:
    _checked(data, NUMBERING_KEYS, problems, "numbering")
    op = _label(data["operative"], data.where("operative"), problems) if "operative" in data else base.operative

    def levels(key: str, current: tuple[str, ...]) -> tuple[str, ...]:
        if key not in data:
            return current
        return sublabel_levels(data[key], data.where(key), problems)

    return Numbering(
        op, levels("subparagraphs", base.subparagraphs), levels("preambular_subparagraphs", base.preambular_subparagraphs)
    )


def _lines(data: YDict, key: str, problems: Problems) -> tuple[TemplateLine, ...]:
    r = Reader(data, problems, "body.yaml")
    items = r.items(key)
    if items is None:
        return ()
    keys = {"role", "text", "label", "each"} if key == "title" else {"role", "text", "each"}
    out = []
    for i, item in enumerate(items):
        if isinstance(item, YDict) and set(item) <= keys and "role" in item:
            label, each = str(item.get("label") or ""), str(item.get("each") or "")
            out.append(
                TemplateLine(
                    str(item["role"]),
                    str(item.get("text") or ""),
                    items.where(i),
                    label,
                    item.value_where("label") if label else None,
                    each,
                    item.value_where("each") if each else None,
                )
            )
        else:
            may = "`label:` or `each:`" if key == "title" else "`each:`"
            problems.add(
                items.where(i),
                f"each {key} line needs `role:` and `text:` (and may have {may})",
                'write `- {role: symbol, text: "{{ draft.symbol }}"}`',
            )
    return tuple(out)


def _former_names(data: YDict, problems: Problems) -> tuple[BodyName, ...]:
    """`former_names:`, each a name, its short form and the last session under it, oldest first."""
    items = Reader(data, problems, "body.yaml").items("former_names")
    if items is None:
        return ()
    out: list[BodyName] = []
    example = "write `- {name: ASEAN Inter-Parliamentary Organization, short_name: AIPO, until: 27}`"
    for i, item in enumerate(items):
        if not isinstance(item, YDict):
            problems.add(items.where(i), "each former name needs `name:` and `until:` (its last session)", example)
            continue
        r = Reader(item, problems, "a former name")
        r.unknown(FORMER_NAME_KEYS)
        name, short, until = r.text("name", required=True), r.text("short_name"), r.number("until", required=True)
        if until is not None and until < 1:
            problems.add(r.where("until"), f"until must be a session number (1 or more), not {until}", example)
        elif until is not None and out and out[-1].until is not None and until <= out[-1].until:
            problems.add(r.where("until"), "former names go oldest first, each until a later session", example)
        elif name and until is not None:
            out.append(BodyName(name, short or "", until))
    return tuple(out)


def read_body(key: str, folder: Path, problems: Problems) -> BodyStyle | None:
    """Load templates/KEY/body.yaml; None (with problems recorded) when unusable."""
    path = folder / "body.yaml"
    try:
        data = load_yaml(path)
    except ResdraftError as e:
        problems.extend(e.problems)
        return None
    if not isinstance(data, YDict):
        problems.add(Where(path, 1), "body.yaml must be a mapping", "see templates/unga/body.yaml for the layout")
        return None
    r = Reader(data, problems, "body.yaml")
    r.unknown(BODY_KEYS)
    formulas = r.text_map("formulas")
    if fm := r.mapping("formulas"):
        _checked(fm, FORMULAS, problems, "formulas")
    punctuation = _punctuation(p, problems, "punctuation") if (p := r.mapping("punctuation")) else {}
    for k in PUNCTUATION_KEYS:
        punctuation.setdefault(
            k,
            {
                "introduces": ":",
                "operative_last": ".",
                "preambular": ",",
                "preambular_last": ",",
                "operative": ";",
                "subparagraph": ";",
            }[k],
        )
    emphasis = {"preambular": "italic", "operative": "italic", "subparagraph": "none"}
    if emph := r.mapping("emphasis"):
        emphasis.update(_emphasis(emph, problems))
    numbering = Numbering("1.", ("(a)", "(i)"), ("(a)", "(i)"))
    if n := r.mapping("numbering"):
        numbering = _numbering(n, problems, numbering)
    outputs = dict(DEFAULT_OUTPUTS)
    outputs.update(r.text_map("outputs"))
    sessions = r.text("sessions") or "numbered"
    if sessions not in ("numbered", "years"):
        problems.add(
            r.where("sessions"),
            f"sessions must be numbered or years, not {sessions!r}",
            "write `sessions: years` or leave it out",
        )
    return BodyStyle(
        key=key,
        name=r.text("name") or key,
        folder=folder,
        header=_lines(data, "header", problems),
        title=_lines(data, "title", problems),
        formulas=formulas,
        punctuation=punctuation,
        numbering=numbering,
        emphasis=emphasis,
        outputs=outputs,
        where=Where(path, 1),
        short_name=r.text("short_name") or "",
        former_names=_former_names(data, problems),
        years=sessions == "years",
        formula_lines={name: fm.where(name) for name in fm} if fm else {},
    )
