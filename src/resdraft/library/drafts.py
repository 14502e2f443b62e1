"""Reading session drafts (drafts/*.yaml) into Draft values, with every problem located."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from resdraft.errors import Problems, ResdraftError, Where
from resdraft.library.clauses import ID_PATTERN, read_subparagraphs
from resdraft.library.schema import Reader
from resdraft.model import Draft, Use
from resdraft.numbering import counted, is_bullet, is_pattern
from resdraft.projectfile import BODY_KEY
from resdraft.yamlsource import YDict, YList, load_yaml

# Header facts a template may use; any of them may be a placeholder `{tbd: …}`.
FIELDS = (
    "symbol",
    "date",
    "venue",
    "meeting_dates",
    "agenda_item",
    "agenda_title",
    "committee",
    "distribution",
    "language",
    "document_type",
    "title",
    "subtitle",
    "status",
    "adopted",  # the day an adopted resolution was adopted (a date)
    "meeting",  # the meeting it was adopted at, as its closing formula names it ("54th plenary meeting")
    "vote",  # how it was adopted, as its adoption line words it: the Council's "unanimously"
    "report",  # the line saying whose report it was adopted on ("on the report of the Third Committee (A/79/456, para. 31)")
)
DATES = ("date", "adopted")
# Facts that may be a list, one entry per line they print on: the titles of the agenda items a
# resolution is adopted under (A/RES/78/128, under items 13 and 75 (a), prints both).
LISTS = ("agenda_title",)
STATUSES = ("draft", "adopted")
DRAFT_KEYS = (
    "body",
    "session",
    "previous",
    "sponsors",
    "variables",
    "formulas",
    "header",
    "style",
    "footnotes",
    "preamble",
    "operative",
    *FIELDS,
)
USE_KEYS = (
    "clause",
    "opening",
    "text",
    "subparagraphs",
    "footnotes",
    "end",
    "emphasis",
    "numbered",
    "label",
    "number",
    "heading",
    "numbering",
)
EMPHASES = ("italic", "bold", "bold-italic", "none")
FORMULAS = ("enacting", "transition", "closing")
STYLE_KEYS = ("punctuation", "numbering", "emphasis")


def read_use(item: Any, items: YList, index: int, problems: Problems, part: str) -> Use | None:
    """One entry of a draft's preamble or operative list."""
    where = items.where(index)
    if isinstance(item, str):
        if folded := _folded_items(item):
            first = where.line + 1
            lines = f"line {first}" if len(folded) == 2 else f"lines {first} to {first + len(folded) - 2}"
            problems.add(
                Where(where.path, first),
                f"the list item{'s' * (len(folded) > 2)} on {lines} of `{part}` {'is' if len(folded) == 2 else 'are'} indented "
                f"further than the others, so YAML read {'it' if len(folded) == 2 else 'them'} as part of the item above: {item!r}",
                f"line `- {folded[1]}` up with `- {folded[0]}` (the same number of spaces before the dash)",
            )
            return None
        return Use(clause=item.strip(), where=where)
    if not isinstance(item, YDict):
        problems.add(where, f"an entry of `{part}` must be a clause id or a mapping", "write `- clause-id` or `- text: …`")
        return None
    r = Reader(item, problems, f"an entry of `{part}`")
    r.unknown(USE_KEYS)
    clause = r.text("clause")
    text = r.text("text")
    if clause is None and text is None:
        problems.add(
            where,
            f"an entry of `{part}` needs `clause:` (a library id) or `text:` (inline wording)",
            "name a clause from clauses/ or write the paragraph inline",
        )
        return None
    emphasis = r.text("emphasis")
    if emphasis is not None and emphasis not in EMPHASES:
        problems.add(r.where("emphasis"), f"emphasis must be one of {', '.join(EMPHASES)}, not {emphasis!r}")
        emphasis = None
    subs = r.items("subparagraphs")
    numbering = sublabel_levels(item["numbering"], r.where("numbering"), problems) if "numbering" in item else None
    heading: str | bool | None = None
    if "heading" in item:
        heading, numbered, label, number = _heading(item, r, problems, part), False, None, None
    else:
        numbered, label, number = _numbering(item, r, problems, part)
    return Use(
        clause=clause,
        opening=r.text("opening"),
        text=text,
        subparagraphs=read_subparagraphs(subs, problems, f"an entry of `{part}`") if subs is not None else None,
        footnotes=r.text_map("footnotes"),
        end=r.text("end"),
        emphasis=emphasis,
        numbered=numbered,
        label=label,
        number=number,
        heading=heading,
        numbering=numbering,
        where=item.where("clause") if clause is not None else item.value_where("text"),
        opening_where=item.value_where("opening") if "opening" in item else None,
    )


def sublabel_levels(value: Any, where: Where, problems: Problems) -> tuple[str, ...]:
    """Sub-paragraph labels per level, each level given by its first label or by the dash or bullet
    every sub-paragraph of it carries: ["(a)", "(i)"], ["(i)"], ["(a)", "--"]; one label alone is one level."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        if item is None or item == "none":
            continue
        if not (is_pattern(str(item)) or is_bullet(str(item))):
            problems.add(
                where,
                f"numbering label {item!r} is not an example label",
                "write the first label of the sequence: (a) or a. or (i) or 1., or the dash or bullet every "
                "sub-paragraph of the level carries: -- or •",
            )
            continue
        out.append(str(item))
    return tuple(out)


def _folded_items(item: str) -> list[str]:
    """The clause ids of list items YAML folded into one, "a.one - a.two", when the lines after the
    first are indented further than it (a plain scalar runs on over more-indented lines); [] for one id."""
    parts = [p.strip() for p in item.split(" - ")]
    return parts if len(parts) > 1 and all(ID_PATTERN.match(p) for p in parts) else []


def _heading(item: YDict, r: Reader, problems: Problems, part: str) -> str | bool | None:
    """`heading: I`: a section's heading, out of the paragraphs' numbering, numbered in the count
    of its kind of numeral, given by the kind's first ("I", "A."): "II" for the second heading of
    that kind, and so on, so headings renumber themselves when a section is added or taken out.
    `heading: true`: a section's heading printed without a numeral ("Role and authority of the
    General Assembly"). Either way it ends with no mark unless `end:` gives one."""
    value = item.get("heading")
    if value is None or value is False:  # `heading:` with nothing after it, or `heading: false`
        problems.add(
            r.where("heading"),
            "heading needs the first numeral of its kind, or true for a heading without one",
            "write `heading: I` (or `heading: A.`), or `heading: true`; take `heading:` off for a paragraph",
        )
        return None
    heading = True if value is True else r.text("heading")  # (r.text says why a mapping or a list is none)
    if heading is None:
        return None
    if part != "operative":
        problems.add(r.where("heading"), "only the operative part has section headings", "take `heading:` off")
        return None
    if isinstance(heading, str) and counted(heading) != (heading, 1):
        problems.add(
            r.where("heading"),
            f"heading takes the first numeral of its kind (I, A. …), not {heading!r}",
            "write `heading: I` (or `heading: A.`); the count gives each heading its own numeral",
        )
        return None
    for key, clash in (
        ("label", "the count gives the numeral" if heading is not True else "a heading without a numeral has no label"),
        ("numbered", "a heading is not numbered"),
        ("number", "a heading takes no number"),
    ):
        if key in item:
            problems.add(r.where(key), f"`{key}:` beside `heading:`: {clash}", f"take `{key}:` off")
    return heading


def _numbering(item: YDict, r: Reader, problems: Problems, part: str) -> tuple[bool, str | None, int | None]:
    """`numbered: false` (the operative numbering skips the paragraph: a section's heading), the
    `label` that stands in place of its number ("II"), and `number: 1` (the numbering starts again
    at the paragraph: a section's first, where each section is numbered from 1)."""
    numbered = item.get("numbered", True)
    if not isinstance(numbered, bool):
        problems.add(r.where("numbered"), f"numbered must be true or false, not {numbered!r}", "write `numbered: false`")
        numbered = True
    label = r.text("label")
    number = item.get("number")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 1):
        problems.add(r.where("number"), f"number must be a whole number (1 or more), not {number!r}", "write `number: 1`")
        number = None
    if not numbered and part != "operative":
        problems.add(r.where("numbered"), "only operative paragraphs are numbered", "take `numbered: false` off")
    elif label is not None and numbered:
        problems.add(r.where("label"), "a label stands in place of a paragraph's number", "add `numbered: false` beside it")
    elif number is not None and (part != "operative" or not numbered):
        problems.add(
            r.where("number"),
            "only a numbered operative paragraph takes a number",
            "take `number:` off (or `numbered: false`)" if part == "operative" else "take `number:` off",
        )
        number = None
    return numbered, label, number


_SESSION_LINE = re.compile(r"""^session:\s*['"]?(\d+)['"]?\s*(?:#.*)?$""", re.M)


def session_line(text: str) -> int | None:
    """A draft file's session, read off its `session:` line without parsing the YAML (for a scan
    of many drafts); None where there is none."""
    m = _SESSION_LINE.search(text)
    return int(m.group(1)) if m else None


def symbol_name(symbol: str) -> str:
    """The file name an imported draft takes from its symbol: "a-res-79-208" for A/RES/79/208."""
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")


_UNNAMING = frozenset({"the", "of", "and", "to", "in", "a", "an", "on", "for", "its", "with", "by", "from", "resolution"})


def title_name(title: str, words: int = 5) -> str:
    """A file name's words from a title: "protecting-children-bullying" (its first words that say something)."""
    return "-".join([w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _UNNAMING][:words])


def placeholder_node(hint: str) -> Any:
    """A placeholder as a draft file writes it: `{tbd: hint}`, on the line of its key."""
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap([("tbd", hint)])
    node.fa.set_flow_style()
    return node


def _fact(r: Reader, key: str) -> Any:
    """A header fact: a date, a list of texts (where LISTS allows one), else text or a placeholder."""
    if key in DATES:
        return r.date(key)
    if key in LISTS and isinstance(r.data.get(key), YList):
        return r.strings(key)
    value = r.text(key, key == "title", placeholder=True)
    if key == "title" and isinstance(value, str) and not value.strip():  # (`title: ""` built a resolution with no title)
        r.problems.add(
            r.where(key), "the draft's title is empty", "write it after `title:`, or {tbd: …} while it is to be decided"
        )
        return None
    return value


def read_draft(path: Path, problems: Problems) -> Draft | None:
    """One draft file; None when it cannot be read at all."""
    try:
        data = load_yaml(path)
    except ResdraftError as e:
        problems.extend(e.problems)
        return None
    if not isinstance(data, YDict):
        problems.add(
            Where(path, 1),
            "a draft must be a YAML mapping (body:, session:, title:, preamble:, operative: …)",
            "start from an existing draft, or `resdraft new`",
        )
        return None
    r = Reader(data, problems, "the draft")
    r.unknown(DRAFT_KEYS, hint="put other facts the templates need under `variables:`")
    body = r.text("body", required=True)
    if body is not None and not BODY_KEY.match(body):  # ('' built nothing; '../templates/aalco' read outside templates/)
        problems.add(
            r.where("body"),
            f"body {body!r} is no body's name",
            "name the body by its folder under templates/, as `body: aalco` (unga, aalco, aipa, unsc …)",
        )
        body = None
    body = body or ""
    session = r.number("session", required=True, minimum=1, hint="the session's number, e.g. 53 for the Fifty-Third") or 0
    # (each a placeholder too, the title like every fact; and the title required)
    fields: dict[str, Any] = {k: _fact(r, k) for k in FIELDS}
    fields["sponsors"] = r.strings("sponsors")
    status = fields.get("status")
    if status is not None and status not in STATUSES:
        problems.add(r.where("status"), f"status must be draft or adopted, not {status!r}")
    variables: dict[str, Any] = {}
    if (vmap := r.mapping("variables")) is not None:
        vr = Reader(vmap, problems, "variables")
        for name, value in vmap.items():
            if (found := vr.tbd(name)) is not None:
                variables[name] = found
            elif isinstance(value, YDict) and "tbd" in value:
                problems.add(vr.where(name), f"placeholder {name!r} must have only `tbd:`")
            elif value is None:  # (a template printed "None" where it stood)
                problems.add(
                    vr.where(name),
                    f"variable {name!r} has no value",
                    f"give it one, or write {name}: {{tbd: what is still to be decided}} until it is known",
                )
            else:
                variables[name] = value
            if not name.isidentifier():
                problems.add(
                    vr.where(name),
                    f"variable name {name!r} is not usable in templates",
                    "use letters, digits and underscores, e.g. secretariat_document",
                )
    formulas = r.text_map("formulas")
    if fm := r.mapping("formulas"):
        Reader(fm, problems, "formulas").unknown(FORMULAS)
    style: dict[str, Any] = {}
    if (smap := r.mapping("style")) is not None:
        Reader(smap, problems, "style").unknown(STYLE_KEYS)
        style = dict(smap)
    parts: dict[str, tuple[Use, ...]] = {}
    for part in ("preamble", "operative"):
        items = r.items(part)
        uses = [] if items is None else [read_use(item, items, i, problems, part) for i, item in enumerate(items)]
        parts[part] = tuple(u for u in uses if u is not None)
    lines = {key: data.where(key) for key in data}
    if vmap is not None:
        lines.update({f"variables.{name}": vmap.where(name) for name in vmap})
    if isinstance(hmap := data.get("header"), YDict):
        lines.update({f"header.{role}": hmap.where(role) for role in hmap})
    return Draft(
        name=path.stem,
        body=body,
        session=session,
        fields=fields,
        variables=variables,
        formulas=formulas,
        style=style,
        footnotes=r.text_map("footnotes"),
        header=r.text_map("header"),
        preamble=parts["preamble"],
        operative=parts["operative"],
        previous=r.text("previous"),
        where=Where(path, 1),
        lines=lines,
    )
