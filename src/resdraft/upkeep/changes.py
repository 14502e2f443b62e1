"""Changing the library: rename and merge clauses (with every draft and `amends:` link that names them), add and edit one.

Each operation plans every file's new text first, in place around the lines it changes (see
splice), and checks the plan before writing anything: each new text must read back to exactly the
data intended, every changed clause file must be a valid clause file, ids must stay unique and
`amends:` links must point to clauses that exist and never loop. Then all files are written
together, or none (commit.write_all). `dry_run` returns the plan without writing.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from resdraft.errors import LibraryError, Problem, Problems, Where
from resdraft.model import KINDS, Clause
from resdraft.upkeep.commit import FileChange, write_all
from resdraft.upkeep.index import Index, relative
from resdraft.upkeep.splice import NotInPlace, Source, Splice, get, key_lines, on_dash_line, require_block, value_hints
from resdraft.upkeep.yamlstyle import CLAUSE_ORDER, NEVER_FOLDED, entry_lines, inline, moved_breaks, scalar_lines, value_lines

if TYPE_CHECKING:
    from resdraft.library import Library

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # as resdraft.library.clauses.ID_PATTERN
EDITABLE = ("kind", "opening", "text", "subparagraphs", "footnotes", "tags", "amends", "note")
REQUIRED = ("id", "kind", "text")


@dataclass(frozen=True)
class Changes:
    """What an operation changed (or, with dry_run, would change)."""

    summary: str
    files: tuple[FileChange, ...]
    notes: tuple[str, ...] = ()
    written: bool = False


# ---------------------------------------------------------------- the plan

BOM = "\ufeff"


@dataclass
class _Plan:
    """The files an operation reads and the new text of each, checked before anything is written."""

    index: Index
    sources: dict[Path, Source] = field(default_factory=dict)
    splices: dict[Path, Splice] = field(default_factory=dict)
    expected: dict[Path, Any] = field(default_factory=dict)
    created: dict[Path, str] = field(default_factory=dict)
    boms: set[Path] = field(default_factory=set)  # files that open with a byte order mark, kept out of the splicing and put back

    def source(self, path: Path) -> Source:
        if path not in self.sources:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise LibraryError(Problem(Where(path), f"cannot read: {e}", "check the file")) from None
            if text.startswith(BOM):  # (the YAML parser's positions do not count it: a rename spliced one character off)
                self.boms.add(path)
                text = text[1:]
            self.sources[path] = Source(path, text)
        return self.sources[path]

    def splice(self, path: Path) -> Splice:
        if path not in self.splices:
            self.splices[path] = Splice(self.source(path))
        return self.splices[path]

    def data(self, path: Path) -> Any:
        """The data `path` must read back as after the change (edited alongside the text)."""
        if path not in self.expected:
            self.expected[path] = copy.deepcopy(self.source(path).data)
        return self.expected[path]

    def entry(self, path: Path, cid: str) -> dict[str, Any]:
        for item in self.data(path)["clauses"]:
            if isinstance(item, dict) and str(item.get("id")) == cid:
                return item
        raise RuntimeError(f"clause {cid} not found in {path}")

    def changes(self) -> list[FileChange]:
        out = []
        for path, splice in self.splices.items():
            after = splice.apply()
            if after == splice.src.text:
                continue
            try:
                data = Source(path, after).data
            except LibraryError as e:
                raise RuntimeError(f"the change made invalid YAML in {path}: {e}; nothing was written") from None
            if data != self.expected.get(path, splice.src.data):
                raise RuntimeError(f"the change of {path} did not give the intended data; nothing was written")
            bom = BOM if path in self.boms else ""
            out.append(FileChange(path, bom + splice.src.text, bom + after))
        for path, text in self.created.items():
            if Source(path, text).data != self.expected[path]:
                raise RuntimeError(f"the new file {path} did not give the intended data; nothing was written")
            out.append(FileChange(path, None, text))
        return out


def _tense(dry_run: bool) -> Callable[[str, str], str]:
    """The words for what was done, or, on a dry run, for what would be: said("renamed", "would rename")."""
    return lambda done, would: would if dry_run else done


def _finish(plan: _Plan, summary: str, notes: Iterable[str], dry_run: bool) -> Changes:
    changes = plan.changes()
    _check_library(plan.index, changes)
    if changes and not dry_run:
        write_all(changes)
    return Changes(summary, tuple(changes), tuple(notes), bool(changes) and not dry_run)


def _check_library(index: Index, changes: list[FileChange]) -> None:
    """Every changed clause file valid, ids unique, `amends:` pointing to clauses that exist and never looping."""
    from resdraft.cache import clauses_from_text
    from resdraft.library.clauses import amends_loop
    from resdraft.library.project import check_footnotes

    clause_paths = {c.path for c in changes if _is_under(c.path, index.clauses_dir)}
    problems = Problems()
    variables: dict[Path, frozenset[str]] = {}  # each draft's `variables:` names, read once (see _variables_of_users)
    new: dict[str, Clause] = {}
    for change in changes:
        if change.path in clause_paths:
            for clause in clauses_from_text(change.after, change.path, problems):
                if clause.id in new:
                    problems.add(
                        clause.where, f"clause id {clause.id!r} is already used at {new[clause.id].where}", "choose another id"
                    )
                new[clause.id] = clause
                check_footnotes(
                    clause.text,
                    clause.subparagraphs,
                    dict(clause.footnotes),
                    clause.text_where or clause.where,
                    problems,
                    f"clause {clause.id}",
                )
                _check_jinja(clause, problems, functools.partial(_variables_of_users, index, clause.id, variables))
    problems.raise_errors()
    amends: dict[str, str | None] = {}
    where: dict[str, Where | None] = {}
    others: dict[str, Where] = {}
    for cid, target, file, line in index.db.execute("SELECT id, amends, file, line FROM clauses"):
        if Path(file) not in clause_paths:
            amends[cid] = target
            others[cid] = Where(Path(file), line)
    for cid, clause in new.items():
        if cid in amends:
            raise LibraryError(Problem(clause.where, f"clause id {cid!r} is already used at {others[cid]}", "choose another id"))
        amends[cid] = clause.amends
        where[cid] = clause.where
    for cid in new:
        target = amends[cid]
        if target is not None and target not in amends:
            raise LibraryError(
                Problem(where[cid], f"clause {cid} amends {target!r}, which is not in the library", index.suggest(target) or "")
            )
    for cid in new:
        if loop := amends_loop(cid, amends):
            shown = " -> ".join([*loop, loop[0]])
            raise LibraryError(
                Problem(where[cid], f"`amends:` links would form a loop: {shown}", "a clause cannot reword itself")
            )


def _check_jinja(clause: Clause, problems: Problems, users: Callable[[], set[str] | None]) -> None:
    """Clause text is Jinja: a syntax error, a misspelt name of resdraft's ({{ sesion.next.ordinal }}),
    or a name that a draft using the clause does not define under `variables:` (`users()`, those
    every such draft defines; None where no draft uses it, asked only of a clause with Jinja in it)
    would stop a build (as `check` reports them)."""
    if any("{" in t for t in clause.snippets()):  # (asked here too: plain text never imports Jinja)
        from resdraft.assemble import RESERVED
        from resdraft.templating import clause_name_problems, clause_syntax_problems

        problems.extend(clause_syntax_problems(clause))
        problems.extend(clause_name_problems(clause, RESERVED, users()))


def _variables_of_users(index: Index, cid: str, known: dict[Path, frozenset[str]]) -> set[str] | None:
    """The names every draft that uses a clause defines under `variables:`; None where none uses it.
    Each draft is read once into `known`, however many of the clauses checked it uses."""
    from resdraft.library.drafts import read_draft

    paths = sorted({site.path for site in index.uses_of(cid)})
    if not paths:
        return None
    for path in paths:
        if path not in known:
            draft = read_draft(path, Problems())
            known[path] = frozenset(draft.variables) if draft is not None else frozenset()
    return set.intersection(*(set(known[path]) for path in paths))


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- edits inside one entry


def _set_key(plan: _Plan, path: Path, cid: str, key: str, value: Any) -> None:
    """Set `key` of a clause entry to `value`, in place; None removes the key."""
    src = plan.source(path)
    splice = plan.splice(path)
    item = src.clause_item(cid)
    if item is None:
        raise RuntimeError(f"clause {cid} not found in {path}")
    require_block(src, item)
    entry = plan.entry(path, cid)
    pair = get(item, key)
    if value is None:
        if pair is None:
            return
        k, v = pair
        if on_dash_line(src, k):
            raise NotInPlace(Problem(src.where(k), f"`{key}:` shares its line with '- ', so it cannot be removed in place", _FMT))
        first, last = key_lines(src, k, v)
        splice.delete_lines(first, last)
        del entry[key]
        return
    entry[key] = copy.deepcopy(value)
    if pair is None:
        column = item.value[0][0].start_mark.column
        present = {k.value: (k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode)}
        before = [k for k in CLAUSE_ORDER[: CLAUSE_ORDER.index(key)] if k in present] if key in CLAUSE_ORDER else list(present)
        after_key, after_value = present[before[-1]] if before else item.value[0]
        splice.insert_lines(key_lines(src, after_key, after_value)[1], value_lines(" " * column + key + ": ", value, key))
        return
    k, v = pair
    key_text = src.text[k.start_mark.index : k.end_mark.index]
    if on_dash_line(src, k):
        one = value_lines("", value, key)
        if len(one) != 1 or not isinstance(v, yaml.ScalarNode):
            raise NotInPlace(
                Problem(src.where(k), f"`{key}:` shares its line with '- ', so it cannot be rewritten in place", _FMT)
            )
        splice.replace_scalar(v, one[0])
        return
    lead = " " * k.start_mark.column + key_text + ": "
    if isinstance(value, str) and key not in NEVER_FOLDED:
        style, hints, folded = value_hints(src, v)
        if folded and hints is not None and isinstance(v, yaml.ScalarNode):
            hints = moved_breaks(v.value, value, hints)
        lines = scalar_lines(lead, value, style=style, hints=hints, folded=folded)
    else:
        lines = value_lines(lead, value, key)
    first, last = key_lines(src, k, v)
    comments = src.comments()
    kept = [comments[n][1] for n in range(first + 1, last + 1) if n in comments]
    if first in comments and src.line_text(first)[: comments[first][0]].strip():
        column, text = comments[first]
        lines[0] += " " * (column - len(lines[0])) + text if len(lines[0]) + 2 <= column else "  " + text
    splice.replace_lines(first, last, [" " * k.start_mark.column + c for c in kept] + lines)


_FMT = "run `resdraft clauses fmt` first: it writes every clause in block style, one key a line"


def _remove_entry(plan: _Plan, path: Path, cid: str) -> None:
    """Remove a clause entry and the blank line that separated it; comments before it stay."""
    src = plan.source(path)
    item = src.clause_item(cid)
    seq = src.clause_list()
    if item is None or seq is None:
        raise RuntimeError(f"clause {cid} not found in {path}")
    if seq.flow_style:
        raise NotInPlace(
            Problem(src.where(seq), "the clause list is written in flow style ([…]), so it cannot be edited in place", _FMT)
        )
    text, at = src.text, item.start_mark.index - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    first = src.line_of(at)
    last = src.last_line(item)
    blank_before = first > 0 and not src.line_text(first - 1).strip()
    blank_after = last + 1 >= src.line_count or not src.line_text(last + 1).strip()
    if blank_before and blank_after:
        first -= 1
    elif blank_after and last + 1 < src.line_count and not src.line_text(last + 1).strip():
        last += 1
    plan.splice(path).delete_lines(first, last)
    data = plan.data(path)
    data["clauses"] = [c for c in data["clauses"] if not (isinstance(c, dict) and str(c.get("id")) == cid)]
    if not data["clauses"]:
        data["clauses"] = None


def _repoint_drafts(plan: _Plan, old: str, new: str) -> list[tuple[str, str]]:
    """Make every draft entry naming `old` name `new`; returns (draft, paragraph label) of each."""
    index = plan.index
    moved = []
    for path in index.drafts_using((old,)):
        src = plan.source(path)
        data = plan.data(path)
        for part in ("preamble", "operative"):
            pair = get(src.root, part)
            if pair is None or not isinstance(pair[1], yaml.SequenceNode):
                continue
            seq = pair[1]
            for n, item in enumerate(seq.value):
                node = item if isinstance(item, yaml.ScalarNode) else (get(item, "clause") or (None, None))[1]
                if not isinstance(node, yaml.ScalarNode) or node.value.strip() != old:
                    continue
                flow = bool(seq.flow_style) or bool(getattr(item, "flow_style", False))
                plan.splice(path).replace_scalar(node, inline(new, flow=flow, style=_node_style(node)))
                if isinstance(data[part][n], str):
                    data[part][n] = new
                else:
                    data[part][n]["clause"] = new
                moved.append((index.draft_name(path), f"{'pp.' if part == 'preamble' else 'op.'} {n + 1}"))
    return moved


def _node_style(node: yaml.ScalarNode) -> str | None:
    return {None: "plain", "'": "'", '"': '"'}.get(node.style)


def _repoint_amends(plan: _Plan, old: str, new: str | None, skip: str = "") -> list[str]:
    """Make every `amends: old` say `new` (or drop the key when `new` is None); returns the clauses changed."""
    changed = []
    for cid, file in plan.index.db.execute("SELECT id, file FROM clauses WHERE amends = ? ORDER BY file, pos", (old,)).fetchall():
        if cid == skip:
            continue
        path = Path(file)
        src = plan.source(path)
        item = src.clause_item(cid)
        pair = get(item, "amends")
        if item is None or pair is None:
            raise RuntimeError(f"clause {cid} not found in {path}")
        if new is None:
            _set_key(plan, path, cid, "amends", None)
        else:
            plan.splice(path).replace_scalar(
                pair[1], inline(new, style=_node_style(pair[1])) if isinstance(pair[1], yaml.ScalarNode) else new
            )
            plan.entry(path, cid)["amends"] = new
        changed.append(cid)
    return changed


# ---------------------------------------------------------------- operations


def rename(library: Library | Path | str, old: str, new: str, dry_run: bool = False, cache: bool = True) -> Changes:
    """Give a clause a new id, and update every draft and `amends:` link that names it."""
    with Index.open(library, cache=cache) as index:
        clause = index.require(old)
        _check_new_id(index, new)
        if new == old:
            raise LibraryError(Problem(clause.where, f"the clause is already called {old!r}", "give the new id"))
        plan = _Plan(index)
        path = _path(clause)
        item = plan.source(path).clause_item(old)
        pair = get(item, "id")
        if item is None or pair is None or not isinstance(pair[1], yaml.ScalarNode):
            raise RuntimeError(f"clause {old} not found in {path}")
        plan.splice(path).replace_scalar(pair[1], inline(new, style=_node_style(pair[1])))
        plan.entry(path, old)["id"] = new
        drafts = _repoint_drafts(plan, old, new)
        links = _repoint_amends(plan, old, new)
        said = _tense(dry_run)
        notes = [f"{d} {label}: {said('now', 'would be')} {new}" for d, label in drafts]
        notes += [f"{c}: {said('amends', 'would amend')} {new}" for c in links]
        n_drafts = len({d for d, _ in drafts})
        summary = f"{said('renamed', 'would rename')} {old} to {new} ({n_drafts} draft(s), {len(links)} amends link(s))"
        return _finish(plan, summary, notes, dry_run)


# Two clauses less alike than this (rapidfuzz's ratio of their paragraphs, as `clauses dupes` scores
# them) say different things: merged, a draft would say the other. In the 659 GA texts' library,
# 99.9% of pairs of clauses taken at random score under 55.3 (half under 39.9), and every clause
# import linked to the one it rewords (2,089) scores 67.4 or more.
MERGE_LEAST = 60.0


def merge(
    library: Library | Path | str, keep: str, drop: str, dry_run: bool = False, cache: bool = True, force: bool = False
) -> Changes:
    """Replace clause `drop` by `keep` everywhere, then remove it: drafts and `amends:` links follow,
    tags are joined. Clauses under MERGE_LEAST alike are refused, unless `force`."""
    from resdraft.upkeep.duplicates import changed_words, same_text, similarity

    with Index.open(library, cache=cache) as index:
        kept = index.require(keep)
        dropped = index.require(drop)
        if keep == drop:
            raise LibraryError(Problem(kept.where, f"cannot merge {keep} with itself", "name two different clauses"))
        if kept.kind != dropped.kind:
            raise LibraryError(
                Problem(
                    dropped.where,
                    f"cannot merge {drop} ({dropped.kind}) into {keep} ({kept.kind}): they are of different kinds",
                    "merge clauses of one kind; a draft lists each kind in its own part",
                )
            )
        if not force and (alike := similarity(kept, dropped)) < MERGE_LEAST:
            raise LibraryError(
                Problem(
                    dropped.where,
                    f"{drop} and {keep} are {alike:.0f}% alike: they say different things, and the drafts using {drop} "
                    f"would say what {keep} says",
                    f"check the two ids (`resdraft clauses show {drop}`); to merge them all the same, add --force",
                )
            )
        _refuse_changing_adopted_texts(index, kept, dropped)
        inherited = _inherited_link(index, kept, dropped)
        plan = _Plan(index)
        said = _tense(dry_run)
        notes: list[str] = []
        drafts = _repoint_drafts(plan, drop, keep)
        notes += [f"{d} {label}: {said('now', 'would be')} {keep}" for d, label in drafts]
        if drafts and not same_text(dropped, kept):
            notes.append(f"the drafts that used {drop} {said('now read', 'would read')}: {changed_words(dropped, kept)}")
        for path in {Path(s.path) for s in index.uses_of(keep)} & {Path(s.path) for s in index.uses_of(drop)}:
            notes.append(f"{index.draft_name(path)} {said('now lists', 'would list')} {keep} twice")
        links = _repoint_amends(plan, drop, keep, skip=keep)
        notes += [f"{c}: {said('amends', 'would amend')} {keep}" for c in links]
        keep_path = _path(kept)
        if kept.amends == drop:
            successor = dropped.amends if dropped.amends != keep else None
            if successor is None:
                _set_key(plan, keep_path, keep, "amends", None)
            else:
                _set_key(plan, keep_path, keep, "amends", successor)
            notes.append(
                f"{keep} amended {drop}; it {said('now amends', 'would amend')} {successor}"
                if successor
                else f"{keep} amended {drop}; the link {said('is gone', 'would go')}"
            )
        elif inherited is not None:
            _set_key(plan, keep_path, keep, "amends", inherited)
            notes.append(f"{keep} {said('now amends', 'would amend')} {inherited}, as {drop} did")
        extra = [t for t in dropped.tags if t not in kept.tags]
        if extra:
            _set_key(plan, keep_path, keep, "tags", [*kept.tags, *extra])
            notes.append(f"{keep}: tags {', '.join(extra)} {said('added', 'would be added')} from {drop}")
        _remove_entry(plan, _path(dropped), drop)
        n_drafts = len({d for d, _ in drafts})
        n_links = len(links) + (kept.amends == drop or inherited is not None)  # (and the kept clause's own)
        summary = f"{said('merged', 'would merge')} {drop} into {keep} ({n_drafts} draft(s), {n_links} amends link(s))"
        return _finish(plan, summary, notes, dry_run)


def _inherited_link(index: Index, kept: Clause, dropped: Clause) -> str | None:
    """The `amends:` link the kept clause takes over from the dropped one, so that the lineage
    through it stays: the clause the dropped one amends, where the kept one amends none (and is
    not that clause nor amended by it). Refused where each amends another: a clause amends one."""
    target = dropped.amends
    if target is None or target == kept.id or kept.amends == dropped.id:
        return None
    if kept.amends is not None and kept.amends != target:
        raise LibraryError(
            Problem(
                dropped.where,
                f"cannot merge {dropped.id} into {kept.id}: it amends {target} and {kept.id} amends {kept.amends},"
                " and a clause amends one other",
                f"take one of the links out first (`amends:` in {_path(dropped)} or {_path(kept)}), then merge",
            )
        )
    seen: set[str] = set()
    at: str | None = target
    while at is not None and at not in seen:  # (the kept clause amended, along the chain, by the target: no loop)
        if at == kept.id:
            return None
        seen.add(at)
        at = index.amends_of(at)
    return None if kept.amends == target else target


def _refuse_changing_adopted_texts(index: Index, kept: Clause, dropped: Clause) -> None:
    """A merge that would change what an adopted draft says is refused: an adopted draft is the
    record of the text as the body adopted it ("urges Parties" is not "urges parties"). Where the
    two clauses give the same paragraph, or no adopted draft uses the dropped one, nothing changes
    that was adopted."""
    other_way = not index.adopted_uses().get(kept.id)
    hint = (
        f"merge the other way, `resdraft clauses merge {dropped.id} {kept.id}`, which keeps the adopted wording"
        if other_way
        else "keep both clauses: each is the wording of an adopted text (`amends:` can link them)"
    )
    _keep_adopted_wording(index, dropped, kept, f"merging {dropped.id} into {kept.id}", hint)


def _keep_adopted_wording(index: Index, was: Clause, now: Clause, doing: str, hint: str) -> None:
    """Refuse a change that leaves clause `was` reading as `now` where an adopted draft uses it
    and the paragraph would read otherwise: one problem for each adopted draft's paragraph."""
    from resdraft.upkeep.duplicates import changed_words, same_text

    if same_text(was, now):
        return
    adopted = index.adopted_uses().get(was.id, [])
    if not adopted:
        return
    changes = changed_words(was, now)
    raise LibraryError(
        *(Problem(u.where, f"{doing} would change what adopted {u.draft} says in {u.label}: {changes}", hint) for u in adopted)
    )


def add(
    library: Library | Path | str,
    file: Path | str,
    cid: str,
    kind: str,
    opening: str | None,
    text: str,
    *,
    tags: Iterable[str] | str = (),
    footnotes: Mapping[str, str] | None = None,
    subparagraphs: list[Any] | None = None,
    amends: str | None = None,
    note: str | None = None,
    dry_run: bool = False,
    cache: bool = True,
) -> Changes:
    """Add a clause at the end of a clause file (created under clauses/ if it does not exist)."""
    with Index.open(library, cache=cache) as index:
        _check_new_id(index, cid)
        entry: dict[str, Any] = {"id": cid, "kind": _kind(kind)}
        if opening:
            entry["opening"] = _text(opening, "opening")
        entry["text"] = _text(text, "text")
        if subparagraphs:
            entry["subparagraphs"] = list(subparagraphs)
        if footnotes:
            entry["footnotes"] = {str(k): str(v) for k, v in footnotes.items()}
        tag_list = _tags(tags)
        if tag_list:
            entry["tags"] = tag_list
        if amends:
            index.require(amends, "amended clause")
            entry["amends"] = amends
        if note:
            entry["note"] = note
        path = _clause_file(index, Path(file))
        plan = _Plan(index)
        lines = entry_lines(entry)
        if not path.exists():
            plan.created[path] = "clauses:\n" + "\n".join(lines) + "\n"
            plan.expected[path] = {"clauses": [entry]}
        else:
            _append_entry(plan, path, entry, lines)
        said = _tense(dry_run)
        return _finish(plan, f"{said('added', 'would add')} {cid} to {relative(path, index.root)}", (), dry_run)


def _append_entry(plan: _Plan, path: Path, entry: dict[str, Any], lines: list[str]) -> None:
    src = plan.source(path)
    data = plan.data(path)
    seq = src.clause_list()
    if seq is not None and seq.value:
        if seq.flow_style:
            raise NotInPlace(
                Problem(src.where(seq), "the clause list is written in flow style ([…]), so it cannot be edited in place", _FMT)
            )
        plan.splice(path).insert_lines(src.last_line(seq.value[-1]), ["", *lines])
        data["clauses"].append(entry)
        return
    pair = get(src.root, "clauses")
    if pair is not None:
        first, last = key_lines(src, *pair)
        plan.splice(path).replace_lines(first, last, ["clauses:", *lines])
        data["clauses"] = [entry]
        return
    if src.data is not None:
        raise LibraryError(
            Problem(Where(path, 1), "a clause file must have a top-level `clauses:` list", "start the file with `clauses:`")
        )
    plan.splice(path).replace(
        len(src.text),
        len(src.text),
        ("" if src.text.endswith("\n") or not src.text else "\n") + "clauses:\n" + "\n".join(lines) + "\n",
    )
    plan.expected[path] = {"clauses": [entry]}


def check_fields(cid: str, fields: Iterable[str]) -> None:
    """Refuse a field of a clause that `edit` cannot change: its id (`rename` does) or one that is
    none of its fields (the command line's FIELD=VALUE would else reach edit's own options)."""
    for key in fields:
        if key == "id":
            raise LibraryError(Problem(None, "an id is changed with rename", f"resdraft clauses rename {cid} NEW-ID"))
        if key not in EDITABLE:
            from resdraft.library.schema import suggest

            raise LibraryError(
                Problem(None, f"unknown clause field {key!r}", suggest(key, EDITABLE) or f"fields: {', '.join(EDITABLE)}")
            )


def edit(
    library: Library | Path | str,
    cid: str,
    dry_run: bool = False,
    cache: bool = True,
    correct_adopted: bool = False,
    **fields: Any,
) -> Changes:
    """Change fields of a clause (kind, opening, text, subparagraphs, footnotes, tags, amends, note); None removes one.

    A change of the paragraph a clause gives is refused where an adopted draft uses the clause
    (the draft is the record of what the body adopted), unless `correct_adopted`: the library's
    copy of the adopted text was wrong (an import's mistake), and the adopted drafts are to read
    as corrected too."""
    with Index.open(library, cache=cache) as index:
        clause = index.require(cid)
        if not fields:
            raise LibraryError(Problem(None, "nothing to change", f"give field=value, one of {', '.join(EDITABLE)}"))
        plan = _Plan(index)
        path = _path(clause)
        said = _tense(dry_run)
        notes = []
        check_fields(cid, fields)
        for key, value in fields.items():
            if value is None and key in REQUIRED:
                raise LibraryError(Problem(clause.where, f"a clause must have `{key}:`", "give a new value instead"))
            value = _field_value(index, clause, key, value)
            _set_key(plan, path, cid, key, value)
            notes.append(f"{key}: {said('removed', 'would be removed') if value is None else said('set', 'would be set')}")
        if not correct_adopted:
            _keep_adopted_wording(
                index,
                clause,
                _edited(plan, path, cid),
                f"editing {cid}",
                f"put the new wording in a clause of its own that amends {cid} (`resdraft clauses add … --amends {cid}`)"
                " for the new draft; if the library's copy of the adopted text is wrong, correct it with --correct-adopted",
            )
        done = _finish(plan, f"{said('edited', 'would edit')} {cid} ({', '.join(fields)})", notes, dry_run)
        if not done.files:  # (each field already reads so)
            reads = "reads" if len(fields) == 1 else "read"
            return Changes(f"nothing to change: {cid}'s {', '.join(fields)} already {reads} as given", ())
        return done


def _edited(plan: _Plan, path: Path, cid: str) -> Clause:
    """Clause `cid` as the planned change of its file leaves it."""
    from resdraft.cache import clauses_from_text

    for change in plan.changes():
        if change.path == path:
            found = [c for c in clauses_from_text(change.after, path, Problems()) if c.id == cid]
            if found:
                return found[0]
    return plan.index.require(cid)


def _field_value(index: Index, clause: Clause, key: str, value: Any) -> Any:
    """A field's new value, checked and in the form the YAML takes."""
    if value is None:
        return None
    if key == "kind":
        kind = _kind(value)
        wrong = [u for u in index.uses_of(clause.id) if (u.part == "preamble") != (kind == "preambular")]
        if wrong:
            listed = ", ".join(f"{u.draft} {u.label}" for u in wrong)
            raise LibraryError(
                Problem(
                    clause.where,
                    f"{clause.id} is used as a {clause.kind} paragraph ({listed})",
                    "move it to the other part of those drafts first",
                )
            )
        return kind
    if key == "tags":
        return _tags(value)
    if key in ("footnotes", "subparagraphs") and isinstance(value, str):
        value = _yaml_value(value, key)
    if key == "footnotes":
        if not isinstance(value, Mapping):
            raise LibraryError(
                Problem(None, "footnotes must be a mapping of names to text", "e.g. {res: 'See resolution 63/194.'}")
            )
        return {str(k): str(v) for k, v in value.items()}
    if key == "subparagraphs":
        if not isinstance(value, list):
            raise LibraryError(
                Problem(None, "subparagraphs must be a list", "one text (or mapping with text:) per sub-paragraph")
            )
        return _plain(value)
    if key == "amends":
        target = str(value)
        index.require(target, "amended clause")
        if target == clause.id:
            raise LibraryError(
                Problem(clause.where, "a clause cannot amend itself", "name the clause whose wording this one replaced")
            )
        return target
    return _text(value, key)


def _yaml_value(text: str, key: str) -> Any:
    """A footnotes mapping or sub-paragraph list given as YAML text, e.g. from the command line."""
    from resdraft.yamlsource import parse_yaml

    try:
        return _plain(parse_yaml(text, Path(f"<{key}>")))
    except LibraryError as e:
        raise LibraryError(
            Problem(None, f"{key} is not valid YAML: {e.problems[0].message}", "e.g. {res: 'See resolution 63/194.'}")
        ) from None


def _plain(value: Any) -> Any:
    """YAML data as plain dicts and lists (the loader's own types carry line numbers)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# Pasted from Word or a PDF: a line break within a paragraph (U+000B) and a page break (U+000C), a
# space in a clause's text; any other control character no YAML file may hold.
_PASTED_BREAKS = re.compile(r" *[\v\f]+ *")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _text(value: Any, key: str) -> str:
    text = _PASTED_BREAKS.sub(" ", str(value)).strip()
    if found := _CONTROL.search(text):
        raise LibraryError(
            Problem(None, f"{key} holds a control character (U+{ord(found.group()):04X})", "take it out of the text given")
        )
    if not text:
        raise LibraryError(Problem(None, f"{key} must not be empty", f"give the clause's {key}"))
    from resdraft.library.clauses import doubled_mark

    if key == "text" and (doubled := doubled_mark(text, None, "the text")):  # (`check` warns of one written by hand)
        raise LibraryError(doubled)
    return text


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise LibraryError(Problem(None, f"kind must be preambular or operative, not {kind!r}", "use preambular or operative"))
    return kind


def _tags(tags: Iterable[str] | str) -> list[str]:
    """Tags as given: a list, or text of tags apart by commas or spaces, in brackets or not
    ("unga, imported" or "[unga, imported]", as the clause file writes them)."""
    if isinstance(tags, str):
        tags = tags.strip()
        tags = tags[1:-1] if tags.startswith("[") and tags.endswith("]") else tags
    items = re.split(r"[,\s]+", tags) if isinstance(tags, str) else [str(t) for t in tags]
    return list(dict.fromkeys(t.strip() for t in items if t.strip()))


_WELL_FORMED = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")  # a new id: no mark at its end, none doubled


def _check_new_id(index: Index, cid: str) -> None:
    if not ID_PATTERN.match(cid):
        raise LibraryError(
            Problem(
                None,
                f"clause id {cid!r} may hold only lower-case letters, digits, '.', '-' and '_'",
                "ids are stable names such as aalco.decides-provisional-agenda",
            )
        )
    if not _WELL_FORMED.match(cid):  # ("unsc." was taken: a name after the dot, empty)
        raise LibraryError(
            Problem(
                None,
                f"clause id {cid!r} ends with a mark or doubles one",
                "ids are words joined by single marks, such as aalco.decides-provisional-agenda",
            )
        )
    existing = index.clause(cid)
    if existing is not None:
        raise LibraryError(
            Problem(
                existing.where,
                f"clause id {cid!r} already exists",
                f"choose another id, or merge the two clauses: resdraft clauses merge {cid} OTHER-ID",
            )
        )


def _path(clause: Clause) -> Path:
    assert clause.where is not None
    return clause.where.path


def _clause_file(index: Index, file: Path) -> Path:
    """The clause file `file` names: an existing file, else a new one under clauses/ (with or without .yaml)."""
    if file.suffix != ".yaml":
        file = file.with_name(file.name + ".yaml")
    if file.is_absolute():
        path = file
    else:
        candidates = [Path.cwd() / file, index.root / file, index.clauses_dir / file]
        path = next((c for c in candidates if c.is_file()), None) or next(
            (c for c in candidates[:2] if _is_under(c.resolve(), index.clauses_dir.resolve())), index.clauses_dir / file
        )
    path = path.resolve()
    if not _is_under(path, index.clauses_dir.resolve()):
        raise LibraryError(
            Problem(
                Where(path),
                "clause files live under the library's clauses folder",
                f"name a file in {relative(index.clauses_dir, index.root)}/",
            )
        )
    return path
