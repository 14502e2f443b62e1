"""Looking clauses up: list them by kind, tag, body or opening; show one with where it is used and its lineage; usage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.errors import LibraryError, Problem
from resdraft.model import KINDS, Clause
from resdraft.upkeep.index import ClauseEntry, Index, UseSite
from resdraft.upkeep.lineage import Lineage, lineage, used_by

if TYPE_CHECKING:
    from resdraft.library import Library


@dataclass(frozen=True)
class ClauseView:
    """Everything about one clause: its entry, where it is used, and its lineage."""

    clause: Clause
    uses: tuple[UseSite, ...]
    lineage: Lineage
    # The titles of the resolutions using each clause of its lineage that only other resolutions use
    # than this clause's (an `amends:` written by hand from one resolution's paragraph to another's).
    elsewhere: dict[str, tuple[str, ...]] = field(default_factory=dict)


def list_clauses(
    library: Library | Path | str,
    kind: str | None = None,
    tag: str | None = None,
    body: str | None = None,
    opening: str | None = None,
    cache: bool = True,
    left_out: list[Problem] | None = None,
) -> list[ClauseEntry]:
    """The clauses that pass every filter given, in library order (file, then position in it).

    `body` keeps a clause used by a draft of that body, or whose id starts with `BODY.`, or tagged
    BODY; `opening` matches the opening phrase or its first words, ignoring case.
    """
    if kind is not None and kind not in KINDS:
        raise LibraryError(
            Problem(None, f"kind must be preambular or operative, not {kind!r}", "use --kind preambular or --kind operative")
        )
    with Index.open(library, cache=cache, left_out=left_out) as index:
        if body is not None and body not in (bodies := index.bodies()):
            from resdraft.library.schema import suggest

            raise LibraryError(
                Problem(
                    None,
                    f"unknown body {body!r}",
                    " ".join(x for x in (suggest(body, bodies), f"(the library's bodies: {', '.join(bodies)})") if x),
                )
            )
        if tag is not None and tag not in (tags := index.tags()):  # (a typo listed "0 clauses")
            from resdraft.library.schema import suggest

            holding = [t for t in tags if tag.lower() in t][:3]  # ("migrants": smuggling-of-migrants)
            hint = suggest(tag, tags) or (f"did you mean {' or '.join(holding)}?" if holding else "")
            raise LibraryError(
                Problem(
                    None,
                    f"no clause is tagged {tag!r}",
                    hint or f"the library's tags: {', '.join(tags[:12])}{' …' * (len(tags) > 12)}",
                )
            )
        conditions: list[str] = []
        params: list[object] = []
        if kind is not None:
            conditions.append("kind = ?")
            params.append(kind)
        if tag is not None:
            conditions.append("EXISTS (SELECT 1 FROM json_each(clauses.tags) WHERE value = ?)")
            params.append(tag)
        if body is not None:
            conditions.append(
                "(id LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(clauses.tags) WHERE value = ?)"
                " OR id IN (SELECT u.clause FROM uses u JOIN drafts d ON d.file = u.file WHERE d.body = ?))"
            )
            params += [_like_prefix(body + "."), body, body]
        if opening is not None:
            conditions.append("(lower(opening) = lower(?) OR lower(opening) LIKE lower(?) ESCAPE '\\')")
            params += [opening.strip(), _like_prefix(opening.strip() + " ")]
        counts = index.use_counts()
        return [ClauseEntry(c, counts.get(c.id, 0)) for c in index.clauses(" AND ".join(conditions), tuple(params))]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def show_clause(library: Library | Path | str, cid: str, cache: bool = True, left_out: list[Problem] | None = None) -> ClauseView:
    """One clause: text, footnotes, tags, every draft paragraph using it, and its amends chain both ways."""
    with Index.open(library, cache=cache, left_out=left_out) as index:
        clause = index.require(cid)
        uses, line = tuple(index.uses_of(cid)), lineage(index, cid)
        resolutions = index.resolutions()
        own = {first for first, _ in used_by(uses, resolutions)}
        elsewhere = {}
        for other in (*line.ancestors, *line.descendants):
            theirs = used_by(index.uses_of(other), resolutions)
            if own and theirs and own.isdisjoint(first for first, _ in theirs):
                elsewhere[other] = tuple(dict.fromkeys(title for _, title in theirs))
        return ClauseView(clause, uses, line, elsewhere)


def usage(library: Library | Path | str, cid: str, cache: bool = True, left_out: list[Problem] | None = None) -> list[UseSite]:
    """Every draft and session that uses the clause, with its paragraph number there (pp. 2, op. 4)."""
    with Index.open(library, cache=cache, left_out=left_out) as index:
        index.require(cid)
        return index.uses_of(cid)
