"""The `amends:` lineage of a clause: the chain both ways, and its wording across sessions as word-level diffs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.diff.words import Op, word_diff
from resdraft.errors import Problem
from resdraft.model import Clause, join_opening
from resdraft.upkeep.index import Index, UseSite

if TYPE_CHECKING:
    from resdraft.library import Library


@dataclass(frozen=True)
class Lineage:
    """A clause's place in its `amends:` chain."""

    ancestors: tuple[str, ...]  # the clause it amends, then the one that one amends, … (nearest first)
    descendants: tuple[str, ...]  # the clauses that amend it, then theirs (nearest first)
    missing: str | None = None  # an `amends:` id that is not in the library, where the chain stops


@dataclass(frozen=True)
class Step:
    """One wording in a lineage: the clause, the drafts that used it, and what changed from the wording it amends."""

    clause: Clause
    wording: str
    uses: tuple[UseSite, ...]
    previous: str | None  # the id of the wording this one changed (its `amends:`), None for the first
    diff: tuple[Op, ...]  # word_diff(previous wording, wording); () for the first
    # The titles of the resolutions that used it, where the history holds more than one resolution's
    # wordings (a clause first imported from one territory's text rewords another territory's); else ().
    resolutions: tuple[str, ...] = ()
    # Whether it rewords a wording only other resolutions used: taken from another agenda item's
    # text, not this resolution's earlier session.
    borrowed: bool = False

    @property
    def sessions(self) -> tuple[str, ...]:
        """'aalco 52', one per body and session that used this wording, in order."""
        return tuple(dict.fromkeys(f"{u.body or '?'} {u.session if u.session is not None else '?'}" for u in self.uses))


def wording(clause: Clause, footnotes: bool = False) -> str:
    """The paragraph as the library holds it: opening phrase and text, then each sub-paragraph on its
    own line; with `footnotes`, then each footnote on its own line ("[^fn1]: A/79/128."), as `clauses
    show` prints them: a history must show a cited report's symbol changing, often the only change."""
    lines = [join_opening(clause.opening, clause.text)]
    stack = list(clause.subparagraphs)
    while stack:
        sub = stack.pop(0)
        lines.append(join_opening(sub.opening, sub.text))
        stack[:0] = sub.subparagraphs
    if footnotes:
        lines += [f"[^{key}]: {note}" for key, note in clause.footnotes.items()]
    return "\n".join(lines)


def history(library: Library | Path | str, cid: str, cache: bool = True, left_out: list[Problem] | None = None) -> list[Step]:
    """The wording of a clause across sessions: the wordings it descends from (oldest first), itself,
    then the wordings that descend from it. Other rewordings of its ancestors are no part of its history
    (a clause imported from 40 resolutions amends one root 40 times over)."""
    with Index.open(library, cache=cache, left_out=left_out) as index:
        index.require(cid)
        line = lineage(index, cid)
        family = [*reversed(line.ancestors), cid, *line.descendants]
        root = family[0]
        clauses = {c: index.require(c) for c in family}
        uses = {c: tuple(index.uses_of(c)) for c in family}
        resolutions = index.resolutions()
    order = {c: i for i, c in enumerate(family)}
    # Each wording's resolutions (by the first draft of their `previous:` chains) and their titles.
    used = {c: used_by(uses[c], resolutions) for c in family}
    items = {c: {first for first, _ in used[c]} for c in family}
    titles = {c: tuple(dict.fromkeys(title for _, title in used[c])) for c in family}
    several = len(set().union(*items.values())) > 1

    def first_session(c: str) -> tuple[int, int]:
        sessions = [u.session for u in uses[c] if u.session is not None]
        return (min(sessions) if sessions else 1 << 30, order[c])

    # Breadth first from the oldest wording, so a wording always follows the one it amends;
    # branches (two rewordings of one clause) in the order of the sessions that first used them.
    steps: list[Step] = []
    queue = [root]
    while queue:
        c = queue.pop(0)
        clause = clauses[c]
        previous = clause.amends if c != root and clause.amends in clauses else None
        text = wording(clause, footnotes=True)
        diff = tuple(word_diff(wording(clauses[previous], footnotes=True), text)) if previous else ()
        borrowed = previous is not None and bool(items[c]) and bool(items[previous]) and items[c].isdisjoint(items[previous])
        steps.append(Step(clause, text, uses[c], previous, diff, titles[c] if several else (), borrowed))
        queue += sorted((k for k in family if clauses[k].amends == c and k != root), key=first_session)
    return steps


def used_by(uses: Iterable[UseSite], resolutions: Mapping[str, tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The resolutions some uses of a clause belong to, in order, each (the first draft of its
    `previous:` chain, a using draft's title) once: `resolutions` as Index.resolutions gives them."""
    return tuple(dict.fromkeys(resolutions[u.draft] for u in uses if u.draft in resolutions))


def lineage(index: Index, cid: str) -> Lineage:
    """The amends chain through a clause: what it rewords, and what rewords it."""
    ancestors: list[str] = []
    seen = {cid}
    missing = None
    current = index.amends_of(cid)
    while current is not None and current not in seen:
        if not index.exists(current):
            missing = current
            break
        ancestors.append(current)
        seen.add(current)
        current = index.amends_of(current)
    descendants: list[str] = []
    queue = [cid]
    while queue:
        for child in index.amended_by(queue.pop(0)):
            if child not in seen:
                seen.add(child)
                descendants.append(child)
                queue.append(child)
    return Lineage(tuple(ancestors), tuple(descendants), missing)
