"""Reading clause files (clauses/*.yaml) into Clause entries, with every problem located."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from resdraft.errors import Problem, Problems, ResdraftError, Where
from resdraft.library.schema import Reader
from resdraft.model import KINDS, Clause, Kind, SubClause
from resdraft.yamlsource import YDict, YList, parse_yaml, read_text

CLAUSE_KEYS = ("id", "kind", "opening", "text", "subparagraphs", "footnotes", "tags", "amends", "note")
SUB_KEYS = ("opening", "text", "subparagraphs", "end")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def read_subparagraphs(items: YList | None, problems: Problems, what: str) -> tuple[SubClause, ...]:
    """Sub-paragraphs given as text items or mappings with text, opening and their own sub-paragraphs."""
    if items is None:
        return ()
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(SubClause(text=item, where=items.where(i)))
        elif isinstance(item, YDict):
            r = Reader(item, problems, f"a sub-paragraph of {what}")
            r.unknown(SUB_KEYS)
            text = r.text("text", required=True) or ""
            out.append(
                SubClause(
                    text=text,
                    opening=r.text("opening"),
                    subparagraphs=read_subparagraphs(r.items("subparagraphs"), problems, what),
                    end=r.text("end"),
                    where=item.value_where("text"),
                )
            )
        else:
            problems.add(items.where(i), f"a sub-paragraph of {what} must be text or a mapping with `text:`")
    return tuple(out)


def read_clause(data: Any, problems: Problems, where_list: YList, index: int) -> Clause | None:
    """One clause entry; None when it is too broken to use."""
    if not isinstance(data, YDict):
        problems.add(where_list.where(index), "a clause must be a mapping with id, kind and text", "start it with `- id: …`")
        return None
    r = Reader(data, problems, "a clause")
    r.unknown(CLAUSE_KEYS)
    cid = r.text("id", required=True)
    if cid is not None and not isinstance(data.get("id"), str):  # (`id: 12` read as the id "12", `id: true` refused)
        what = "a date" if isinstance(data.get("id"), dt.date) else "a number"
        problems.add(
            r.where("id"),
            f"clause id {cid} is read as {what}, not a name",
            "name the clause, as aalco.decides-provisional-agenda",
        )
        cid = None
    kind = r.text("kind", required=True)
    text = r.text("text", required=True)
    if cid is not None and not ID_PATTERN.match(cid):
        problems.add(
            r.where("id"),
            f"clause id {cid!r} may hold only lower-case letters, digits, '.', '-' and '_'",
            "ids are stable names such as aalco.decides-provisional-agenda",
        )
    if kind is not None and kind not in KINDS:
        problems.add(
            r.where("kind"), f"kind must be preambular or operative, not {kind!r}", "use `kind: preambular` or `kind: operative`"
        )
        kind = None
    if cid is None or kind is None or text is None:
        return None
    clause_kind: Kind = "preambular" if kind == "preambular" else "operative"
    return Clause(
        id=cid,
        kind=clause_kind,
        text=text.strip(),
        opening=r.text("opening"),
        subparagraphs=read_subparagraphs(r.items("subparagraphs"), problems, f"clause {cid}"),
        footnotes=r.text_map("footnotes"),
        tags=r.strings("tags"),
        amends=r.text("amends"),
        note=r.text("note"),
        where=data.where("id"),
        text_where=data.value_where("text"),
    )


def read_clause_file(path: Path, problems: Problems) -> list[Clause]:
    """All clauses of one file; YAML errors and bad entries go to `problems`."""
    try:
        text = read_text(path)
    except ResdraftError as e:
        problems.extend(e.problems)
        return []
    return clauses_from_text(text, path, problems)


def clauses_from_text(text: str, path: Path, problems: Problems) -> list[Clause]:
    """The clauses of one clause file's text (the cache reads files itself and parses them here)."""
    try:
        data = parse_yaml(text, path)
    except ResdraftError as e:
        problems.extend(e.problems)
        return []
    return clauses_from_data(data, path, problems)


def clauses_from_data(data: Any, path: Path, problems: Problems) -> list[Clause]:
    """The clauses of one clause file's parsed YAML (parse_yaml's data, which knows its lines)."""
    if data is None:
        return []
    if not isinstance(data, YDict) or "clauses" not in data:
        where = data.where() if isinstance(data, (YDict, YList)) else Where(path, 1)
        problems.add(
            where,
            "a clause file must have a top-level `clauses:` list",
            "start the file with `clauses:` and list the clauses under it",
        )
        return []
    r = Reader(data, problems, "a clause file")
    r.unknown(("clauses",))
    items = r.items("clauses")
    if items is None:
        return []
    return [c for i, item in enumerate(items) if (c := read_clause(item, problems, items, i)) is not None]


def doubled_mark(text: str, where: Where | None, subject: str, warning: bool = False) -> Problem | None:
    """The problem of a clause's text that ends with a mark the body's punctuation adds after it
    ("to report;" prints "to report;;"); None for one that does not. `subject` names the text."""
    if not text or text[-1] not in ",;:":
        return None
    return Problem(
        where,
        f"{subject} ends with “{text[-1]}”: the body's punctuation adds each paragraph's mark after it, so it prints twice",
        "write the text without its final mark; a draft's `end:` sets a mark of the paragraph's own",
        warning,
    )


def amends_loop(start: str, amends: Mapping[str, str | None]) -> list[str] | None:
    """The loop of `amends:` links the chain from `start` runs into ("a", "b" for a amends b and b
    amends a; "a" for a clause that amends itself), or None where the chain ends."""
    seen = [start]
    up = amends.get(start)
    while up is not None and up in amends:
        if up in seen:
            return seen[seen.index(up) :]
        seen.append(up)
        up = amends.get(up)
    return None
