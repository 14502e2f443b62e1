"""The library as upkeep sees it: every clause with its file, every draft's uses of it, and the amends links.

Opened through the cache of parsed files (resdraft.cache), so a library of tens of thousands of clauses opens in
milliseconds once it has been read. Opening fails with every problem at once when a clause file is
not valid YAML, a clause is malformed or two clauses share an id: upkeep never works on a library
it cannot read whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resdraft.cache import CLAUSE_COLUMNS, LibraryCache, clause_from_row, env_disables_cache
from resdraft.errors import LibraryError, Problem, Problems, Where
from resdraft.model import Clause
from resdraft.projectfile import PROJECT_FILE, find_project, missing_folders

if TYPE_CHECKING:
    from resdraft.library import Library


@dataclass(frozen=True)
class UseSite:
    """One paragraph of one draft that uses a clause, numbered as the build numbers it."""

    clause: str
    draft: str  # the draft's path under drafts/ without .yaml, e.g. aalco-52
    path: Path
    body: str | None
    session: int | None
    status: str | None
    part: str  # preamble | operative
    number: int  # its place in the part, counting every entry
    line: int
    overrides: tuple[str, ...] = ()
    shown: str = ""  # its number as the build prints it (cache.DraftUse.shown)

    @property
    def label(self) -> str:
        """'pp. 2' for the second preambular paragraph, 'op. 4' for operative paragraph 4, 'heading IV'
        for a section's heading: the numbers the build prints, which skip headings."""
        return self.shown or f"{'pp.' if self.part == 'preamble' else 'op.'} {self.number}"

    @property
    def where(self) -> Where:
        return Where(self.path, self.line)


@dataclass(frozen=True)
class ClauseEntry:
    """A clause of the library and how many draft paragraphs use it."""

    clause: Clause
    uses: int

    @property
    def id(self) -> str:
        return self.clause.id


class Index:
    """An opened library: clauses by id, uses by clause, drafts, over the cache's database."""

    def __init__(self, root: Path, clauses_dir: Path, drafts_dir: Path, cache: LibraryCache) -> None:
        self.root, self.clauses_dir, self.drafts_dir, self.cache = root, clauses_dir, drafts_dir, cache
        self.db = cache.db

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, library: Library | Path | str, cache: bool = True, left_out: list[Problem] | None = None) -> Index:
        """Find the library around `library` (a folder, a file in it, or a loaded Library) and read it, using the cache.

        With `left_out` (a list), a draft that cannot be read is left out, its problems added there
        as warnings, where a query (search, usage, show, history, list, dupes) can still answer
        without it; without, as every change needs, it stops everything."""
        root = find_project(Path(library)) if isinstance(library, (str, Path)) else library.root
        store = LibraryCache.open(root, persistent=cache and not env_disables_cache())
        try:
            if isinstance(library, (str, Path)):
                clauses_dir, drafts_dir = _folders(root, store)
                if not (clauses_dir.is_dir() and drafts_dir.is_dir()):
                    _raise_missing_folders(root)
            else:
                clauses_dir, drafts_dir = library.clauses_dir, library.drafts_dir
            index = cls(root, clauses_dir, drafts_dir, store)
            index.refresh(left_out)
        except BaseException:
            store.close()
            raise
        return index

    def refresh(self, left_out: list[Problem] | None = None) -> None:
        """Re-read what changed on disk; raise every problem that makes the library unreadable (but
        a draft's, with `left_out`: see `open`)."""
        problems = Problems()
        drafts = self.draft_files()
        self.cache.refresh(self.clause_files(), ((p, self.draft_name(p)) for p in drafts), problems)
        self._check_ids(problems)
        if left_out is not None:
            unread = [p for p in problems.errors if p.where is not None and p.where.path in drafts]
            left_out += [replace(p, message=f"left out: {p.message}", warning=True) for p in unread]
            problems.items = [p for p in problems.items if p not in unread]
        problems.raise_errors()

    def close(self) -> None:
        self.cache.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_ids(self, problems: Problems) -> None:
        rows = self.db.execute(
            "SELECT id, file, line FROM clauses WHERE id IN (SELECT id FROM clauses GROUP BY id HAVING COUNT(*) > 1)"
            " ORDER BY id, file, pos"
        ).fetchall()
        first: dict[str, Where] = {}
        for cid, file, line in rows:
            where = Where(Path(file), line)
            if cid not in first:
                first[cid] = where
                continue
            problems.add(
                where,
                f"clause id {cid!r} is already used at {first[cid]}",
                "give one of them a new id; ids must be unique across clauses/",
            )

    # ------------------------------------------------------------ files

    def clause_files(self) -> list[Path]:
        return _yaml_files(self.clauses_dir)

    def draft_files(self) -> list[Path]:
        return _yaml_files(self.drafts_dir)

    def draft_name(self, path: Path) -> str:
        """A draft's name: its path under drafts/ without .yaml (aalco-52, unga79/79-41)."""
        try:
            return path.relative_to(self.drafts_dir).with_suffix("").as_posix()
        except ValueError:
            return path.stem

    # ------------------------------------------------------------ clauses

    def clause(self, cid: str) -> Clause | None:
        row = self.db.execute(f"SELECT {CLAUSE_COLUMNS} FROM clauses WHERE id = ?", (cid,)).fetchone()
        return None if row is None else clause_from_row(row)

    def require(self, cid: str, what: str = "clause") -> Clause:
        """The clause with this id, or a LibraryError suggesting the nearest ids."""
        clause = self.clause(cid)
        if clause is None:
            raise LibraryError(
                Problem(
                    None,
                    f"unknown {what} id {cid!r}",
                    self.suggest(cid)
                    or "list the library with `resdraft clauses list`, or search it with `resdraft clauses search`",
                )
            )
        return clause

    def suggest(self, cid: str) -> str:
        """'did you mean …?' with the closest ids, or ''. An id's body prefix ("unga.") is no likeness:
        ids of one body are compared by the rest ("unga.nope" was close to "unga.scope")."""
        from rapidfuzz import fuzz, process

        prefix, dot, rest = cid.partition(".")
        ids = self.ids()
        if dot:
            same = {i: i[len(prefix) + 1 :] for i in ids if i.startswith(prefix + ".")}
            found = [m[2] for m in process.extract(rest, same, scorer=fuzz.ratio, limit=3, score_cutoff=70)]
            if found:
                return f"did you mean {' or '.join(found)}?"
            ids = [i for i in ids if i not in same]  # (a typo in the prefix: "ugna.scope")
        close = [m[0] for m in process.extract(cid, ids, scorer=fuzz.ratio, limit=3, score_cutoff=70)]
        return f"did you mean {' or '.join(close)}?" if close else ""

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM clauses ORDER BY file, pos")]

    def tags(self) -> list[str]:
        """Every tag a clause of the library carries."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT value FROM clauses, json_each(clauses.tags) ORDER BY value")]

    def bodies(self) -> list[str]:
        """The bodies the library knows: those its drafts are of, and those with a house style in its templates."""
        from resdraft.library.project import project_layout

        bodies = {r[0] for r in self.db.execute("SELECT DISTINCT body FROM drafts") if r[0]}
        templates = project_layout(self.root).templates_dir
        if templates.is_dir():
            bodies.update(p.name for p in templates.iterdir() if (p / "body.yaml").is_file())
        return sorted(bodies)

    def exists(self, cid: str) -> bool:
        return self.db.execute("SELECT 1 FROM clauses WHERE id = ?", (cid,)).fetchone() is not None

    def clauses(self, where: str = "", params: tuple[object, ...] = ()) -> Iterator[Clause]:
        """Clauses in library order (file, then position), optionally filtered by an SQL condition on `clauses`."""
        sql = f"SELECT {CLAUSE_COLUMNS} FROM clauses {'WHERE ' + where if where else ''} ORDER BY file, pos"
        for row in self.db.execute(sql, params):
            yield clause_from_row(row)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM clauses").fetchone()[0])

    def amended_by(self, cid: str) -> list[str]:
        """The clauses that reword this one (`amends: cid`), in library order."""
        return [r[0] for r in self.db.execute("SELECT id FROM clauses WHERE amends = ? ORDER BY file, pos", (cid,))]

    def amends_of(self, cid: str) -> str | None:
        row = self.db.execute("SELECT amends FROM clauses WHERE id = ?", (cid,)).fetchone()
        return None if row is None else row[0]

    # ------------------------------------------------------------ drafts and uses

    def uses_of(self, cid: str) -> list[UseSite]:
        """Every draft paragraph that uses the clause, by body, session and draft."""
        rows = self.db.execute(
            "SELECT u.file, d.name, d.body, d.session, d.status, u.part, u.position, u.line, u.overrides, u.shown"
            " FROM uses u JOIN drafts d ON d.file = u.file WHERE u.clause = ?",
            (cid,),
        ).fetchall()
        sites = [
            UseSite(cid, name, Path(f), body, session, status, part, n, line, tuple(o.split(",")) if o else (), sh)
            for f, name, body, session, status, part, n, line, o, sh in rows
        ]
        return sorted(sites, key=_site_order)

    def adopted_uses(self) -> dict[str, list[UseSite]]:
        """Every paragraph of an adopted draft (`status: adopted`), by the clause it uses, in one query."""
        rows = self.db.execute(
            "SELECT u.clause, u.file, d.name, d.body, d.session, d.status, u.part, u.position, u.line, u.overrides, u.shown"
            " FROM uses u JOIN drafts d ON d.file = u.file WHERE u.clause IS NOT NULL AND d.status = 'adopted'"
        ).fetchall()
        out: dict[str, list[UseSite]] = {}
        for cid, f, name, body, session, status, part, n, line, o, sh in rows:
            site = UseSite(cid, name, Path(f), body, session, status, part, n, line, tuple(o.split(",")) if o else (), sh)
            out.setdefault(cid, []).append(site)
        return {cid: sorted(sites, key=_site_order) for cid, sites in out.items()}

    def resolutions(self) -> dict[str, tuple[str, str]]:
        """Each draft's resolution, by draft name: the first draft of its `previous:` chain (the
        resolution's earliest session in the library, which stands for the agenda item) and its title
        (its name where it has none)."""
        rows = self.db.execute("SELECT name, previous, title FROM drafts").fetchall()
        previous = {name: before for name, before, _ in rows}
        titles = {name: title or name for name, _, title in rows}

        def first(name: str) -> str:
            seen = {name}
            while True:
                before = previous.get(name)
                if before is None or before not in previous or before in seen:  # (a loop is check's to report)
                    return name
                name = before
                seen.add(name)

        return {name: (first(name), titles[name]) for name in previous}

    def use_counts(self) -> dict[str, int]:
        """How many draft paragraphs use each clause that is used at all."""
        return dict(self.db.execute("SELECT clause, COUNT(*) FROM uses WHERE clause IS NOT NULL GROUP BY clause").fetchall())

    def first_sessions(self) -> dict[str, int]:
        """The earliest session in which each used clause appears."""
        rows = self.db.execute(
            "SELECT u.clause, MIN(d.session) FROM uses u JOIN drafts d ON d.file = u.file"
            " WHERE u.clause IS NOT NULL AND d.session IS NOT NULL GROUP BY u.clause"
        )
        return dict(rows.fetchall())

    def drafts_using(self, cids: tuple[str, ...]) -> list[Path]:
        marks = ",".join("?" * len(cids))
        rows = self.db.execute(f"SELECT DISTINCT file FROM uses WHERE clause IN ({marks}) ORDER BY file", cids)
        return [Path(r[0]) for r in rows]


def _site_order(site: UseSite) -> tuple[str, int, str, int, int]:
    return (site.body or "", site.session or 0, site.draft, 0 if site.part == "preamble" else 1, site.number)


def _yaml_files(folder: Path) -> list[Path]:
    """Every *.yaml file under a folder, as Library.clause_files and draft_files list them."""
    if not folder.is_dir():
        return []
    found: list[str] = []
    for here, _dirs, files in os.walk(folder):
        found += [os.path.join(here, name) for name in files if name.endswith(".yaml")]
    # Sorted by path parts, as sorting Paths would, but without making a Path per comparison.
    return [Path(p) for p in sorted(found, key=lambda p: p.split(os.sep))]


def _raise_missing_folders(root: Path) -> None:
    """Stop at a folder the project file names that does not exist (`clauses: clause`), at its line."""
    from resdraft.yamlsource import load_yaml

    data: Any = load_yaml(root / PROJECT_FILE)
    if problems := missing_folders(root, data if isinstance(data, dict) else {}):
        raise LibraryError(*problems)


def _folders(root: Path, store: LibraryCache | None = None) -> tuple[Path, Path]:
    """The clauses/ and drafts/ folders the project file names (kept in the cache while the file is unchanged)."""
    path = root / PROJECT_FILE
    st = path.stat()
    stamp = [st.st_mtime_ns, st.st_size, st.st_ino]
    known = store.get_state("project") if store is not None else None
    if known is not None:
        saved = json.loads(known)
        if saved["stamp"] == stamp and _age(st.st_mtime_ns) > 2:
            return root / saved["clauses"], root / saved["drafts"]
    from resdraft.yamlsource import YDict, load_yaml

    data: Any = load_yaml(path)
    names = data if isinstance(data, YDict) else {}

    def name(key: str) -> str:
        value = names.get(key)
        return str(value) if isinstance(value, str) and value else key

    if store is not None:
        store.set_state("project", json.dumps({"stamp": stamp, "clauses": name("clauses"), "drafts": name("drafts")}))
    return root / name("clauses"), root / name("drafts")


def clause_files(library: Library | Path | str) -> tuple[Path, list[Path]]:
    """The library root and its clause files, without reading anything else."""
    if isinstance(library, (str, Path)):
        root = find_project(Path(library))
        folder = _folders(root)[0]
    else:
        root, folder = library.root, library.clauses_dir
    return root, _yaml_files(folder)


def _age(ns: int) -> float:
    """Seconds since a file time (a project file changed within two seconds is read again, as the cache does)."""
    import time

    return (time.time_ns() - ns) / 1e9


def relative(path: Path, root: Path) -> str:
    """A path as the user knows it: relative to the library root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.fspath(path)
