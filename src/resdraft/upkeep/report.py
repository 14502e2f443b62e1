"""Upkeep results as plain text for the terminal: one function per result, so each CLI command stays a few lines.

Matched words read [like this]; in a history, insertions {+like this+} and deletions [-like this-],
as in `resdraft diff`, so the output makes sense without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.errors import Where
from resdraft.model import join_opening

if TYPE_CHECKING:  # types only: printing a search result must not load the editing machinery
    from resdraft.diff.words import Op
    from resdraft.upkeep.browse import ClauseView
    from resdraft.upkeep.changes import Changes
    from resdraft.upkeep.commit import FileChange
    from resdraft.upkeep.duplicates import Duplicate
    from resdraft.upkeep.index import ClauseEntry, UseSite
    from resdraft.upkeep.layout import FormatReport
    from resdraft.upkeep.lineage import Step
    from resdraft.upkeep.query import Hit

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def _where(path: Path | None, line: int = 0) -> str:
    """A place as error messages show it: relative to the current folder."""
    return "" if path is None else str(Where(path, line))


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def entries_text(entries: Sequence[ClauseEntry]) -> str:
    """One line a clause: id, kind, uses, opening and the start of its text."""
    lines = []
    for e in entries:
        c = e.clause
        words = join_opening(c.opening, c.text)
        lines.append(f"{c.id}  {c.kind}  {e.uses} use{'' if e.uses == 1 else 's'}  {_short(words, 70)}")
    lines.append(f"{len(entries)} clause{'' if len(entries) == 1 else 's'}")
    return "\n".join(lines)


def uses_text(sites: Sequence[UseSite]) -> str:
    """One line a draft paragraph: draft, body and session, paragraph number, file:line."""
    if not sites:
        return "not used by any draft"
    lines = []
    for s in sites:
        extra = f"  (overrides {', '.join(s.overrides)})" if s.overrides else ""
        session = f"{s.body or '?'} {s.session if s.session is not None else '?'}"
        lines.append(f"{s.draft}  {session}  {s.label}  {_where(s.path, s.line)}{extra}")
    return "\n".join(lines)


def clause_text(view: ClauseView) -> str:
    """A clause in full: id, kind and place, text, sub-paragraphs, footnotes, tags, lineage, note, uses."""
    c = view.clause
    lines = [f"{c.id}  ({c.kind})  {_where(c.where.path if c.where else None, c.where.line if c.where else 0)}"]
    lines.append("  " + join_opening(c.opening, c.text))
    stack = [(s, 1) for s in c.subparagraphs]
    while stack:
        sub, depth = stack.pop(0)
        lines.append("  " + "    " * depth + join_opening(sub.opening, sub.text))
        stack[:0] = [(s, depth + 1) for s in sub.subparagraphs]
    for key, note in c.footnotes.items():
        lines.append(f"  [^{key}]: {note}")
    if c.tags:
        lines.append(f"tags: {', '.join(c.tags)}")
    lineage = view.lineage

    def named(cid: str) -> str:  # (with the resolutions using it, where this clause's use none of them)
        titles = view.elsewhere.get(cid, ())  # (apart by "; ", as `history` has them: a title may hold commas)
        more = f" and {len(titles) - 2} more" if len(titles) > 2 else ""
        return f"{cid} ({'; '.join(titles[:2])}{more})" if titles else cid

    if lineage.ancestors or lineage.missing:
        missing = [f"{lineage.missing} (not in the library)"] if lineage.missing else []
        lines.append(f"amends: {' <- '.join([*map(named, lineage.ancestors), *missing])}")
    if lineage.descendants:
        lines.append(f"amended by: {', '.join(map(named, lineage.descendants))}")
    if c.note:
        lines.append(f"note: {c.note}")
    lines.append("used in:" if view.uses else "used in: no draft")
    lines += ["  " + line for line in uses_text(view.uses).splitlines()] if view.uses else []
    return "\n".join(lines)


EXACT = ("phrase", "words")  # how a hit holding every word and phrase of the query matched


def hits_text(hits: Sequence[Hit], colour: bool = False) -> str:
    """Each hit: rank, id, score and how it matched, then the passage with the matched words marked."""
    if not hits:
        return "no clause matches"
    lines = [] if hits[0].how in EXACT else ["no clause holds every word and phrase as written; the closest:"]
    for n, h in enumerate(hits, start=1):
        passage = h.passage
        for a, b in reversed(h.marks):
            word = passage[a:b]
            passage = passage[:a] + (f"{BOLD}{word}{RESET}" if colour else f"[{word}]") + passage[b:]
        lines.append(
            f"{n}. {h.clause.id}  ({h.clause.kind}, {h.how}, score {h.score:g}, {h.uses} use{'' if h.uses == 1 else 's'})"
        )
        lines.append(f"   {passage}")
    return "\n".join(lines)


def history_text(steps: Sequence[Step], colour: bool = False) -> str:
    """Each wording of the lineage, oldest first, with the sessions that used it and what it changed."""
    from resdraft.render.diffterm import marked

    lines = []
    for step in steps:
        used = ", ".join(step.sessions) or "no draft"
        if step.resolutions:  # (a history holding other resolutions' wordings names each wording's)
            shown = step.resolutions[:2]
            more = len(step.resolutions) - len(shown)
            used += ": " + "; ".join(shown) + (f" and {more} more" if more else "")
        head = f"{step.clause.id}  ({used})"
        if step.previous:
            head += f"  amends {step.previous}"
            if step.borrowed:
                head += ", another resolution's wording"
        lines.append(f"{BOLD}{head}{RESET}" if colour else head)
        if step.diff:
            lines += ["  " + marked(ops, colour) for ops in _by_line(step.diff)]
        else:
            lines += ["  " + line for line in step.wording.splitlines()]
    return "\n".join(lines)


def _by_line(ops: Sequence[Op]) -> list[list[Op]]:
    """A word diff's ops line by line, a change over a line break closed at the end of the line and
    opened again on the next: "…General[-[^fn1]-]" and "[-[^fn1]: A/78/152.-]", where a deleted
    footnote left "[-" hanging at the end of its paragraph's line."""
    out: list[list[Op]] = [[]]
    for op, text in ops:
        for k, piece in enumerate(text.split("\n")):
            if k:
                out.append([])
            if piece:
                out[-1].append((op, piece))
    return out


def dupes_text(pairs: Sequence[Duplicate], threshold: float, every: bool = False) -> str:
    """Each near-duplicate pair with its similarity and the proposed merge; unless `every`, only the
    pairs that can be merged, and a count of those each of whose wordings an adopted text gives (in
    a library of adopted texts nearly all: the reports taken note of year by year, each mission's budget)."""
    if not pairs:
        return f"no near-duplicates at similarity {threshold:g} or more"
    shown = pairs if every else [d for d in pairs if d.mergeable]
    lines = []
    for d in shown:
        lines.append(f"{d.similarity:g}  {d.a.id}  ~  {d.b.id}  ({d.a.kind})")
        if d.alike:
            lines.append(f"    they differ only in characters that print alike: {d.alike}")
        if d.adopted:
            lines.append(
                f"    keep both: merging {d.drop} into {d.keep} would change what adopted {', '.join(d.adopted)} "
                f"say{'s' * (len(d.adopted) == 1)}, which `clauses merge` refuses"
            )
        elif d.naming:
            lines.append(f"    keep both: they name different things: {d.naming}")
        else:
            lines.append(f"    merge: keep {d.keep}, drop {d.drop}: {d.reason}")
            if d.changes:
                lines.append(f"    the drafts using {d.drop} would read: {d.changes}")
        if d.linked and d.mergeable and d.changes:
            lines.append("    one rewords the other (amends): merging gives the older drafts the kept wording")
    lines.append(f"{len(pairs)} pair{'' if len(pairs) == 1 else 's'} at similarity {threshold:g} or more")
    held = sum(1 for d in pairs if d.adopted)
    naming = sum(1 for d in pairs if d.naming)
    kept = []
    if held:
        kept.append(f"{held} not listed, each of whose wordings an adopted text gives (keep both; `amends:` can link them)")
    if naming:
        kept.append(f"{naming} not listed that name different things: a territory, report, year or amount (keep both)")
    if kept and not every:
        lines[-1] += f"; {'; '.join(kept)}: --all lists them"
    return "\n".join(lines)


def changes_text(changes: Changes) -> str:
    """What an edit did: its summary, each file written (or that would be), and notes."""
    verb = "wrote" if changes.written else "would write"
    lines = [changes.summary]
    lines += [f"  {verb} {_where(f.path)}{' (new)' if f.created else ''}" for f in changes.files]
    lines += [f"  {n}" for n in changes.notes]
    return "\n".join(lines)


def fmt_text(report: FormatReport) -> str:
    """fmt's report: the files it rewrote (or would), and the files it left alone."""
    lines: list[str] = []
    verb = "reformatted" if report.written else "would reformat"
    lines += [f"{verb} {_where(c.path)}" for c in report.changes]
    lines += [f"left {_where(p)} as it is: {why}" for p, why in report.skipped]
    n = len(report.changes)
    lines.append(f"{report.checked} clause file(s), {n} {'reformatted' if report.written else 'to reformat'}")
    return "\n".join(lines)


def diff_text(change: FileChange) -> str:
    """A unified diff of one file change (for --dry-run)."""
    import difflib

    name = _where(change.path)
    return "".join(difflib.unified_diff((change.before or "").splitlines(True), change.after.splitlines(True), name, name))
