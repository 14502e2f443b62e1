"""The project file (resdraft.yaml) and the Library: every clause, draft and body style it holds."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from resdraft.cache import clause_reader
from resdraft.errors import LibraryError, Problem, Problems, Where
from resdraft.inline import anchors
from resdraft.library.bodies import BodyStyle, read_body
from resdraft.library.drafts import read_draft
from resdraft.library.schema import Reader, suggest
from resdraft.library.wordstyle import WordStyle, header_style, read_word_style, title_style
from resdraft.model import Clause, Draft, Placeholder, SubClause, Use, subclause_places
from resdraft.projectfile import PROJECT_FILE, find_project, missing_folders
from resdraft.yamlsource import YDict, load_yaml

PROJECT_KEYS = ("name", "clauses", "drafts", "templates")


@dataclass
class Library:
    """A loaded library: all clauses (validated together), with drafts and body styles read on demand."""

    root: Path
    name: str
    clauses_dir: Path
    drafts_dir: Path
    templates_dir: Path
    clauses: dict[str, Clause] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    _bodies: dict[str, BodyStyle | None] = field(default_factory=dict)
    _drafts: dict[Path, Draft | None] = field(default_factory=dict)
    unread: list[Path] = field(default_factory=list)  # clause files that could not be read at all (broken YAML)
    _unread_ids: dict[str, Path] = field(default_factory=dict)  # the ids those files give (as `id: …`), each's first file
    _files_of: dict[str, set[Path]] = field(default_factory=dict)  # each id's clause files (more than one: a duplicate)

    # ------------------------------------------------------------ clauses

    def load_clauses(self) -> None:
        """Read every clause file (through the cache of parsed files, resdraft.cache) and check the library as a whole."""
        problems = self.problems
        seen: dict[str, Clause] = {}
        with clause_reader(self.root) as read_clause_file:
            for path in self.clause_files():
                errors = len(problems.errors)
                clauses = read_clause_file(path, problems)
                if not clauses and len(problems.errors) > errors:
                    self.unread.append(path)
                    with contextlib.suppress(OSError):
                        for cid in _ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")):
                            self._unread_ids.setdefault(cid, path)
                for clause in clauses:
                    self._files_of.setdefault(clause.id, set()).add(path)
                    if clause.id in seen:
                        problems.add(
                            clause.where,
                            f"clause id {clause.id!r} is already used at {seen[clause.id].where}",
                            "give one of them a new id; ids must be unique across clauses/",
                        )
                        continue
                    seen[clause.id] = clause
        for clause in seen.values():
            if clause.amends is not None and clause.amends not in seen:
                if (held := self.unread_holding(clause.amends)) is not None:
                    problems.add(clause.where, *_unread(clause.amends, held))
                    continue
                problems.add(
                    clause.where,
                    f"clause {clause.id} amends {clause.amends!r}, which is not in the library",
                    suggest(clause.amends, seen) or "name the id of the clause this one rewords",
                )
            check_footnotes(
                clause.text,
                clause.subparagraphs,
                clause.footnotes,
                clause.text_where or clause.where,
                problems,
                f"clause {clause.id}",
            )
        self.clauses = seen

    def unread_holding(self, cid: str) -> Path | None:
        """The clause file that could not be read in which `cid` is given (as `id: …`), if any: an
        id missing from the library because its file is broken is no unknown id to correct."""
        return self._unread_ids.get(cid)

    def problems_for(self, ids: Iterable[str]) -> list[Problem]:
        """The library's errors a draft using the clauses `ids` is not built past: all but those in
        clause files that give none of them (a broken clause file of another body stops no build;
        `resdraft check` reports every one)."""
        wanted = set(ids)
        files = {path for cid in wanted for path in self._files_of.get(cid, ())}
        files |= {path for cid in wanted - self.clauses.keys() if (path := self.unread_holding(cid)) is not None}
        clause_files = set(self.clause_files())
        return [p for p in self.problems.errors if p.where is None or p.where.path not in clause_files or p.where.path in files]

    def clause_files(self) -> list[Path]:
        if not self.clauses_dir.is_dir():
            return []
        return sorted(p for p in self.clauses_dir.rglob("*.yaml") if p.is_file())

    # ------------------------------------------------------------ drafts

    def draft_files(self) -> list[Path]:
        if not self.drafts_dir.is_dir():
            return []
        return sorted(p for p in self.drafts_dir.rglob("*.yaml") if p.is_file())

    def read_draft(self, path: Path, problems: Problems) -> Draft | None:
        path = path.resolve()
        if path not in self._drafts:
            local = Problems()
            self._drafts[path] = read_draft(path, local)
            problems.extend(local.items)
            if local.errors:
                self._drafts[path] = None
        return self._drafts[path]

    def previous_path(self, draft: Draft) -> Path | None:
        """The file a draft's `previous:` names (a draft name, or a path relative to drafts/)."""
        if not draft.previous:
            return None
        name = draft.previous
        candidates = [self.drafts_dir / name, self.drafts_dir / f"{name}.yaml"]
        if draft.where:
            candidates += [draft.where.path.parent / name, draft.where.path.parent / f"{name}.yaml"]
        return next((c for c in candidates if c.is_file()), candidates[1])

    def lineage(self, draft: Draft, problems: Problems) -> list[Draft]:
        """The drafts a draft continues, newest first, stopping (with a problem) at a cycle or a gap."""
        chain: list[Draft] = []
        seen = {draft.where.path.resolve()} if draft.where else set()
        current = draft
        while (path := self.previous_path(current)) is not None:
            where = current.lines.get("previous", current.where)
            if not path.is_file():
                names = [p.stem for p in self.draft_files()]
                problems.add(
                    where,
                    f"previous draft {current.previous!r} not found",
                    suggest(current.previous or "", names) or "name a draft in drafts/ by its file name without .yaml",
                )
                break
            if path.resolve() in seen:
                problems.add(
                    where,
                    f"`previous:` forms a cycle: {' -> '.join([draft.name, *(d.name for d in chain), path.stem])}",
                    "a draft must continue an earlier session's draft; fix `previous:`",
                )
                break
            seen.add(path.resolve())
            prev = self.read_draft(path, problems)
            if prev is None:
                break
            if prev.session > current.session:  # (the Council's renewals may share a year)
                problems.add(
                    where,
                    f"`previous:` names {path.stem}, of a later session ({prev.session}) than this draft's ({current.session})",
                    "a draft must continue an earlier session's draft; fix `previous:`",
                )
                break
            chain.append(prev)
            current = prev
        return chain

    # ------------------------------------------------------------ bodies

    def body_keys(self) -> list[str]:
        if not self.templates_dir.is_dir():
            return []
        return sorted(p.name for p in self.templates_dir.iterdir() if (p / "body.yaml").is_file())

    def body(self, key: str, problems: Problems, where: Where | None = None) -> BodyStyle | None:
        if key not in self._bodies:
            folder = self.templates_dir / key
            if not (folder / "body.yaml").is_file():
                problems.add(
                    where,
                    f"no house style for body {key!r} (templates/{key}/body.yaml is missing)",
                    suggest(key, self.body_keys()) or f"bodies available: {', '.join(self.body_keys()) or 'none'}",
                )
                return None
            local = Problems()
            self._bodies[key] = read_body(key, folder, local)
            problems.extend(local.items)
            if local.errors:
                self._bodies[key] = None
        return self._bodies[key]

    def word_style(self, key: str, problems: Problems, where: Where | None = None) -> WordStyle | None:
        """The body's Word house style (templates/_base/word.yaml with templates/KEY/word.yaml over it)."""
        local = Problems()
        body = self.body(key, Problems())
        lines = None
        if body is not None:  # (the styles its lines are set in: a style of its own no line is set in is an error)
            lines = [*(header_style(line.role) for line in body.header), *(title_style(line.role) for line in body.title)]
        style = read_word_style(key, self.templates_dir, local, where, lines)
        problems.extend(local.items)
        return None if local.errors else style

    # ------------------------------------------------------------ validation

    def validate_draft(self, draft: Draft, problems: Problems) -> None:
        """Everything about a draft that can be known before rendering."""
        for part, kind in (("preamble", "preambular"), ("operative", "operative")):
            for use in getattr(draft, part):
                self._validate_use(use, part, kind, problems)
        for key, value in (*draft.fields.items(), *draft.variables.items()):
            if isinstance(value, Placeholder):
                problems.add(
                    draft.lines.get(key) or _var_where(draft, key),
                    f"{key} is still a placeholder: {value.hint}",
                    "fill in the real value when it is known",
                    warning=True,
                )
        self.lineage(draft, problems)

    def _validate_use(self, use: Use, part: str, kind: str, problems: Problems) -> None:
        if use.clause is None:
            check_footnotes(
                use.text or "", use.subparagraphs or (), use.footnotes, use.where, problems, f"an inline {part} paragraph"
            )
            return
        clause = self.clauses.get(use.clause)
        if clause is None and (held := self.unread_holding(use.clause)) is not None:
            problems.add(use.where, *_unread(use.clause, held))
            return
        if clause is None:
            problems.add(
                use.where,
                f"unknown clause id {use.clause!r}",
                suggest(use.clause, self.clauses)
                or "list the library with `resdraft clauses list`, or add the clause to clauses/",
            )
            return
        if clause.kind != kind:
            problems.add(
                use.where,
                f"clause {clause.id} is {clause.kind} but is listed under `{part}`",
                f"move it to `{'preamble' if clause.kind == 'preambular' else 'operative'}`, or use {'an' if kind[0] in 'aeiou' else 'a'} {kind} clause",
            )

    def drafts(self, problems: Problems) -> Iterator[Draft]:
        for path in self.draft_files():
            if (draft := self.read_draft(path, problems)) is not None:
                yield draft


def _var_where(draft: Draft, key: str) -> Where | None:
    return draft.lines.get(f"variables.{key}") or draft.lines.get("variables", draft.where)


def check_footnotes(
    text: str, subs: tuple[SubClause, ...], notes: dict[str, str] | object, where: Where | None, problems: Problems, what: str
) -> None:
    """Every footnote anchor has a footnote, and every footnote an anchor. An anchor without one is
    told on the line it stands on, `where` the text is or a sub-paragraph's, as building tells it."""
    used: dict[str, Where | None] = dict.fromkeys(anchors(text), where)
    for sub_text, sub_where in subclause_places(subs, where):
        for key in anchors(sub_text):
            used.setdefault(key, sub_where)
    defined = set(notes) if isinstance(notes, dict) else set()
    for key in sorted(used.keys() - defined):
        problems.add(used[key], f"{what}: footnote anchor [^{key}] has no footnote", f"add `{key}: …` under `footnotes:`")
    for key in sorted(defined - used.keys()):
        problems.add(where, f"{what}: footnote {key!r} is not anchored in the text", f"place [^{key}] where its marker belongs")


_ID_LINE = re.compile(
    r"^[\s-]*id:\s*['\"]?([^'\"\s#]+)['\"]?\s*(?:#.*)?$", re.M
)  # a clause's `id:` line, in a file YAML cannot read


def _unread(cid: str, path: Path) -> tuple[str, str]:
    """The message and hint for a clause whose file could not be read."""
    return f"clause {cid!r} is in {Where(path)}, which could not be read", "fix that file first (its error is above)"


def open_library(start: Path) -> Library:
    """Find and read the library around `start`: the project file and all clauses."""
    lib = project_layout(start)
    lib.load_clauses()
    return lib


def project_layout(start: Path) -> Library:
    """The library around `start` as its project file lays it out, its clauses not yet read."""
    root = find_project(start)
    path = root / PROJECT_FILE
    problems = Problems()
    data = load_yaml(path)
    if data is None:
        data = YDict()
        data.path, data.line, data.lines = path, 1, {}
    if not isinstance(data, YDict):
        raise LibraryError(Problem(Where(path, 1), "the project file must be a mapping", "see `resdraft init` for an example"))
    r = Reader(data, problems, "the project file")
    r.unknown(PROJECT_KEYS)
    problems.extend(missing_folders(root, data))
    return Library(
        root=root,
        name=r.text("name") or root.name,
        clauses_dir=root / (r.text("clauses") or "clauses"),
        drafts_dir=root / (r.text("drafts") or "drafts"),
        templates_dir=root / (r.text("templates") or "templates"),
        problems=problems,
    )


def templates_for(near: Path, body: str) -> Path:
    """The templates a document is linted and written with: those of the library around `near`
    (a file or folder), else around the current folder, when they have `body`; else the stock
    templates resdraft ships (those `resdraft init` writes), so that a document outside any
    library, or of a body its library has no style for, still has its body's house style."""
    for start in (near, Path.cwd()):
        try:
            root = find_project(start)
        except LibraryError:
            continue
        templates = project_layout(root).templates_dir  # (its clauses are no concern of a house style)
        if (templates / body / "body.yaml").is_file():
            return templates
        break
    with resources.as_file(resources.files("resdraft") / "starter" / "templates") as starter:
        return Path(starter)
