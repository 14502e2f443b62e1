"""The parsed library kept in SQLite (.resdraft-cache/library.sqlite), so a large library is not re-read from YAML.

A file's rows are trusted while its path, modification time, size and inode are what they were
when it was read; a file modified within two seconds of being read is compared by content as
well, since a second edit in the same clock tick can leave the time and size unchanged. A file
with problems is never cached: it is read (and its problems reported) every time. The cache is
only an accelerator: delete the folder at any time, and where it cannot be written an in-memory
database is used instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resdraft.errors import LibraryError, Problems, ResdraftError, Where
from resdraft.inline import parse_inline
from resdraft.model import Clause, Run, SubClause
from resdraft.reading import read_utf8

# Parsing YAML and validating clauses pull in PyYAML and Jinja; they are imported where a file is
# actually read, so that a search over a fresh cache starts quickly.

CACHE_DIR = ".resdraft-cache"
CACHE_FILE = "library.sqlite"
SCHEMA = 7  # bump when the tables or what is stored in them change
RACY_NS = 2_000_000_000

_TABLES = """
CREATE TABLE files (path TEXT PRIMARY KEY, role TEXT NOT NULL, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
                    ino INTEGER NOT NULL, digest TEXT NOT NULL, checked_ns INTEGER NOT NULL);
CREATE TABLE clauses (n INTEGER PRIMARY KEY, file TEXT NOT NULL, pos INTEGER NOT NULL, id TEXT NOT NULL,
                      kind TEXT NOT NULL, opening TEXT, text TEXT NOT NULL, amends TEXT, tags TEXT NOT NULL,
                      line INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX clauses_id ON clauses(id);
CREATE INDEX clauses_amends ON clauses(amends);
CREATE INDEX clauses_file ON clauses(file, pos);
CREATE TABLE drafts (file TEXT PRIMARY KEY, name TEXT NOT NULL, body TEXT, session INTEGER, status TEXT,
                     previous TEXT, title TEXT);
CREATE TABLE uses (file TEXT NOT NULL, clause TEXT, part TEXT NOT NULL, position INTEGER NOT NULL,
                   line INTEGER NOT NULL, overrides TEXT NOT NULL, shown TEXT NOT NULL);
CREATE INDEX uses_clause ON uses(clause);
CREATE INDEX uses_file ON uses(file);
CREATE TABLE rendered (clause TEXT NOT NULL, session INTEGER NOT NULL, words TEXT NOT NULL);
CREATE INDEX rendered_clause ON rendered(clause);
CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_FTS = """
CREATE VIRTUAL TABLE clause_words USING fts5(id, opening, words, notes, tags, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE clause_vocab USING fts5vocab(clause_words, 'row');
CREATE VIRTUAL TABLE rendered_words USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
"""


# ---------------------------------------------------------------- clauses from text


def clauses_from_text(text: str, path: Path, problems: Problems) -> list[Clause]:
    """The clauses of one clause file's text, as read_clause_file reads them from disk."""
    from resdraft.library.clauses import clauses_from_text as parse

    return parse(text, path, problems)


# ---------------------------------------------------------------- drafts as the index sees them


@dataclass(frozen=True)
class DraftUse:
    """One entry of a draft's preamble or operative list: the clause it names (None for inline text)."""

    clause: str | None
    part: str  # preamble | operative
    position: int  # 1-based, counting every entry of the part (their order)
    line: int
    overrides: tuple[str, ...] = ()
    shown: str = ""  # its number as the build prints it: "pp. 3", "op. 376", "heading IV", "heading" (one without a numeral), "op. (II)", "op. (unnumbered)"


@dataclass(frozen=True)
class DraftFacts:
    """What the index keeps of a draft: its identity, session and the clauses it lists."""

    path: Path
    name: str
    body: str | None
    session: int | None
    status: str | None
    previous: str | None
    title: str | None
    uses: tuple[DraftUse, ...]


def draft_facts(data: Any, path: Path, name: str) -> DraftFacts:
    """The facts and clause references of a parsed draft; anything malformed is left for `check`."""
    from resdraft.yamlsource import YDict, YList

    if not isinstance(data, YDict):
        return DraftFacts(path, name, None, None, None, None, None, ())

    def text(key: str) -> str | None:
        value = data.get(key)
        return None if value is None or isinstance(value, (dict, list)) else str(value)

    session = data.get("session")
    uses: list[DraftUse] = []
    for part in ("preamble", "operative"):
        items = data.get(part)
        if not isinstance(items, YList):
            continue
        shown = _shown_numbers(items, part)
        for i, item in enumerate(items):
            line = items.where(i).line
            if isinstance(item, str):
                uses.append(DraftUse(item.strip(), part, i + 1, line, (), shown[i]))
            elif isinstance(item, YDict):
                clause = item.get("clause")
                cid = str(clause).strip() if isinstance(clause, (str, int, float)) and not isinstance(clause, bool) else None
                overrides = tuple(k for k in item if k != "clause")
                uses.append(DraftUse(cid, part, i + 1, line, overrides, shown[i]))
            else:
                uses.append(DraftUse(None, part, i + 1, line, (), shown[i]))
    return DraftFacts(
        path,
        name,
        text("body"),
        session if isinstance(session, int) and not isinstance(session, bool) else None,
        text("status"),
        text("previous"),
        text("title"),
        tuple(uses),
    )


def _shown_numbers(items: list[Any], part: str) -> list[str]:
    """Each entry of a draft's part numbered as the build prints it (numbering.paragraph_numbers):
    a section's heading and a `numbered: false` paragraph take no number, `number:` starts the count
    again. Values the draft loader would refuse count as it counts them once mended: as numbered."""
    from resdraft.numbering import counted, paragraph_numbers

    if part == "preamble":
        return [f"pp. {i}" for i in range(1, len(items) + 1)]
    entries: list[tuple[bool, int | None, str | bool | None]] = []
    fields = [item if isinstance(item, dict) else {} for item in items]  # (a bare clause id has none)
    for entry in fields:
        number = entry.get("number")
        valid = isinstance(number, int) and not isinstance(number, bool) and number >= 1
        if entry.get("heading") is True:  # a heading without a numeral
            entries.append((False, None, True))
        elif "heading" in entry:  # (one the loader refuses, "IV" for "I", is left unnumbered)
            heading = str(entry["heading"])
            entries.append((False, None, heading if counted(heading) == (heading, 1) else None))
        else:
            entries.append((entry.get("numbered", True) is not False, number if valid else None, None))
    shown = []
    for entry, n in zip(fields, paragraph_numbers(entries), strict=True):
        if isinstance(n, int):
            shown.append(f"op. {n}")
        elif isinstance(n, str):
            shown.append(f"heading {n}")
        elif entry.get("heading") is True:
            shown.append("heading")
        else:
            label = entry.get("label")
            shown.append(f"op. ({label})" if label is not None else "op. (unnumbered)")
    return shown


# ---------------------------------------------------------------- (de)serialising clauses


def _sub_json(sub: SubClause) -> dict[str, Any]:
    return {
        "text": sub.text,
        "opening": sub.opening,
        "end": sub.end,
        "line": sub.where.line if sub.where else 0,
        "subs": [_sub_json(s) for s in sub.subparagraphs],
    }


def _sub_from(data: dict[str, Any], path: Path) -> SubClause:
    return SubClause(
        text=data["text"],
        opening=data["opening"],
        subparagraphs=tuple(_sub_from(s, path) for s in data["subs"]),
        end=data["end"],
        where=Where(path, data["line"]) if data["line"] else None,
    )


def clause_row(clause: Clause, path: str, pos: int) -> tuple[Any, ...]:
    """A clause as a row of the clauses table."""
    data = {
        "subs": [_sub_json(s) for s in clause.subparagraphs],
        "footnotes": dict(clause.footnotes),
        "note": clause.note,
        "text_line": clause.text_where.line if clause.text_where else 0,
    }
    return (
        path,
        pos,
        clause.id,
        clause.kind,
        clause.opening,
        clause.text,
        clause.amends,
        json.dumps(list(clause.tags), ensure_ascii=False),
        clause.where.line if clause.where else 0,
        json.dumps(data, ensure_ascii=False),
    )


CLAUSE_COLUMNS = "file, pos, id, kind, opening, text, amends, tags, line, data"


def clause_from_row(row: tuple[Any, ...] | sqlite3.Row, path: Path | None = None) -> Clause:
    """A Clause from a row selected as CLAUSE_COLUMNS (`path`: its file's, where the caller has it)."""
    file, _pos, cid, kind, opening, text, amends, tags, line, raw = tuple(row)
    path = Path(file) if path is None else path
    data = json.loads(raw)
    return Clause(
        id=cid,
        kind=kind,
        text=text,
        opening=opening,
        subparagraphs=tuple(_sub_from(s, path) for s in data["subs"]),
        footnotes=data["footnotes"],
        tags=tuple(json.loads(tags)),
        amends=amends,
        note=data["note"],
        where=Where(path, line),
        text_where=Where(path, data["text_line"]) if data["text_line"] else None,
    )


def clause_words(clause: Clause, markers: Mapping[str, str] | None = None) -> str:
    """The searchable words of a clause as they read: its text and the text of every sub-paragraph,
    without markup (see `readable`)."""
    parts = [clause.text]
    stack = list(clause.subparagraphs)
    while stack:
        sub = stack.pop(0)
        parts += [sub.opening or "", sub.text]
        stack[:0] = sub.subparagraphs
    return " ".join(readable(p, markers) for p in parts if p)


def rendered_words(clause: Clause, session: int) -> str | None:
    """A clause's paragraph (opening, text, sub-paragraphs) as a draft of `session` reads it, without
    markup; None where it reads as written, or needs more than the session (a draft's variables)."""
    from dataclasses import replace

    from resdraft.errors import TemplateError
    from resdraft.model import Session, join_opening
    from resdraft.templating import snippets

    render, context = snippets().render, {"session": Session(session)}

    def subs(items: tuple[SubClause, ...]) -> tuple[SubClause, ...]:
        return tuple(
            replace(
                s,
                text=render(s.text, context, None),
                opening=render(s.opening, context, None) if s.opening else None,
                subparagraphs=subs(s.subparagraphs),
            )
            for s in items
        )

    try:
        shown = replace(
            clause,
            opening=render(clause.opening, context, None) if clause.opening else None,
            text=render(clause.text, context, None),
            subparagraphs=subs(clause.subparagraphs),
        )
    except TemplateError:
        return None
    if shown == clause:
        return None
    return join_opening(readable(shown.opening or ""), clause_words(shown))


def readable(text: str, markers: Mapping[str, str] | None = None) -> str:
    """Clause markup as it reads: no emphasis marks or escapes ("\\[To be determined]" is "[To be
    determined]"), a footnote anchor as `markers` gives its key ("¹"), else left out."""
    return "".join(s.text if isinstance(s, Run) else (markers or {}).get(s.marker, "") for s in parse_inline(text))


# ---------------------------------------------------------------- the cache


@dataclass(frozen=True)
class _Stat:
    mtime_ns: int
    size: int
    ino: int


def _stat(path: Path) -> _Stat | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _Stat(st.st_mtime_ns, st.st_size, st.st_ino)


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class LibraryCache:
    """Parsed clause and draft files of one library in SQLite, refreshed file by file from their stat."""

    def __init__(self, db: sqlite3.Connection, location: Path | None) -> None:
        self.db = db
        self.location = location
        self.fts = _has_fts(db)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, root: Path, persistent: bool = True) -> LibraryCache:
        """The cache of the library at `root` (in memory when `persistent` is false or the folder is not writable)."""
        cache = cls.on_disk(root) if persistent else None
        return cache if cache is not None else cls(_connect(None), None)

    @classmethod
    def on_disk(cls, root: Path) -> LibraryCache | None:
        """The cache in root/.resdraft-cache, or None when it cannot be used there."""
        folder = root / CACHE_DIR
        path = folder / CACHE_FILE
        try:
            if not folder.is_dir():
                folder.mkdir()
                (folder / ".gitignore").write_text("# resdraft's cache of the parsed library; safe to delete\n*\n")
            return cls(_connect(path), path)
        except (OSError, sqlite3.Error):
            # A broken or unwritable cache must never stop the user: start afresh, or do without.
            with contextlib.suppress(OSError, sqlite3.Error):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                return cls(_connect(path), path)
        return None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.commit()
            self.db.close()

    # ------------------------------------------------------------ freshness

    def _fresh(self, path: Path, st: _Stat, role: str) -> bool:
        row = self.db.execute(
            "SELECT role, mtime_ns, size, ino, digest, checked_ns FROM files WHERE path = ?", (str(path),)
        ).fetchone()
        if row is None or tuple(row[:4]) != (role, st.mtime_ns, st.size, st.ino):
            return False
        if row[5] - st.mtime_ns > RACY_NS:
            return True
        try:
            raw = path.read_bytes()
        except OSError:
            return False
        if _digest(raw) != row[4]:
            return False
        self.db.execute("UPDATE files SET checked_ns = ? WHERE path = ?", (time.time_ns(), str(path)))
        return True

    def _forget(self, path: str) -> None:
        self._drop_rendered(
            self.db.execute(
                "SELECT rowid FROM rendered WHERE clause IN (SELECT id FROM clauses WHERE file = ?)", (path,)
            ).fetchall()
        )
        self.db.execute("INSERT OR REPLACE INTO state VALUES ('rendered', 'stale')")
        ids = self.db.execute("SELECT n FROM clauses WHERE file = ?", (path,)).fetchall()
        if ids and self.fts:
            self.db.executemany("DELETE FROM clause_words WHERE rowid = ?", ids)
        self.db.execute("DELETE FROM clauses WHERE file = ?", (path,))
        self.db.execute("DELETE FROM uses WHERE file = ?", (path,))
        self.db.execute("DELETE FROM drafts WHERE file = ?", (path,))
        self.db.execute("DELETE FROM files WHERE path = ?", (path,))

    def _record(self, path: Path, role: str, st: _Stat, raw: bytes, checked_ns: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(path), role, st.mtime_ns, st.size, st.ino, _digest(raw), checked_ns),
        )

    def _read(self, path: Path, problems: Problems) -> tuple[str, bytes, _Stat | None, int] | None:
        """A file's text and bytes, and its stat when it held still while being read (else None: not cacheable)."""
        before = _stat(path)
        checked = time.time_ns()
        try:
            raw, text = read_utf8(path)
        except LibraryError as e:
            problems.extend(e.problems)
            return None
        stable = before is not None and _stat(path) == before
        return text, raw, before if stable else None, checked

    # ------------------------------------------------------------ clause files

    def clause_file(self, path: Path, problems: Problems) -> list[Clause]:
        """The clauses of one file, from the cache when it is fresh, else parsed (and cached if clean)."""
        st = _stat(path)
        if st is not None and self._fresh(path, st, "clauses"):
            rows = self.db.execute(f"SELECT {CLAUSE_COLUMNS} FROM clauses WHERE file = ? ORDER BY pos", (str(path),))
            return [clause_from_row(r, path) for r in rows]
        self._forget(str(path))
        self._dirty()
        read = self._read(path, problems)
        if read is None:
            return []
        text, raw, stable, checked = read
        local = Problems()
        clauses = clauses_from_text(text, path, local)
        problems.extend(local.items)
        if not local.items:
            self._store_clauses(path, clauses)
            if stable is not None:
                self._record(path, "clauses", stable, raw, checked)
        return clauses

    def _store_clauses(self, path: Path, clauses: list[Clause]) -> None:
        for pos, clause in enumerate(clauses):
            cur = self.db.execute(
                f"INSERT INTO clauses ({CLAUSE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", clause_row(clause, str(path), pos)
            )
            if self.fts:
                notes = " ".join([*map(readable, clause.footnotes.values()), clause.note or ""])
                self.db.execute(
                    "INSERT INTO clause_words (rowid, id, opening, words, notes, tags) VALUES (?,?,?,?,?,?)",
                    (cur.lastrowid, clause.id, clause.opening or "", clause_words(clause), notes, " ".join(clause.tags)),
                )

    # ------------------------------------------------------------ draft files

    def draft_file(self, path: Path, name: str, problems: Problems) -> DraftFacts | None:
        """A draft's facts and uses, from the cache when fresh, else parsed; None when its YAML is broken."""
        st = _stat(path)
        if st is not None and self._fresh(path, st, "drafts"):
            row = self.db.execute(
                "SELECT name, body, session, status, previous, title FROM drafts WHERE file = ?", (str(path),)
            ).fetchone()
            uses = self.db.execute(
                "SELECT clause, part, position, line, overrides, shown FROM uses WHERE file = ? ORDER BY part DESC, position",
                (str(path),),
            )
            name_, body, session, status, previous, title = row
            return DraftFacts(
                path,
                name_,
                body,
                session,
                status,
                previous,
                title,
                tuple(DraftUse(c, p, n, ln, tuple(o.split(",")) if o else (), sh) for c, p, n, ln, o, sh in uses),
            )
        self._forget(str(path))
        read = self._read(path, problems)
        if read is None:
            return None
        text, raw, stable, checked = read
        from resdraft.yamlsource import parse_yaml

        try:
            data = parse_yaml(text, path)
        except ResdraftError as e:
            problems.extend(e.problems)
            return None
        facts = draft_facts(data, path, name)
        self.db.execute(
            "INSERT INTO drafts VALUES (?,?,?,?,?,?,?)",
            (str(path), name, facts.body, facts.session, facts.status, facts.previous, facts.title),
        )
        self.db.executemany(
            "INSERT INTO uses VALUES (?,?,?,?,?,?,?)",
            [(str(path), u.clause, u.part, u.position, u.line, ",".join(u.overrides), u.shown) for u in facts.uses],
        )
        if stable is not None:
            self._record(path, "drafts", stable, raw, checked)
        return facts

    # ------------------------------------------------------------ the whole library

    def refresh(self, clause_files: Iterable[Path], draft_files: Iterable[tuple[Path, str]], problems: Problems) -> None:
        """Bring every clause and draft file up to date, and forget files that are gone."""
        known = {
            row[0]: row[1:] for row in self.db.execute("SELECT path, role, mtime_ns, size, ino, checked_ns FROM files").fetchall()
        }
        now: set[str] = set()
        with self.transaction():
            for path in clause_files:
                now.add(str(path))
                if not self._unchanged(known.get(str(path)), path, "clauses"):
                    self.clause_file(path, problems)
            for path, name in draft_files:
                now.add(str(path))
                if not self._unchanged(known.get(str(path)), path, "drafts"):
                    self.draft_file(path, name, problems)
            gone = (set(known) | {r[0] for r in self.db.execute("SELECT DISTINCT file FROM clauses")}) - now
            for path_text in gone:
                self._forget(path_text)
                self._dirty()
            if self._state("rendered") != "fresh":
                self._render_uses()
                self.db.execute("INSERT OR REPLACE INTO state VALUES ('rendered', 'fresh')")
            if self.fts and self._state("terms") != "fresh":
                self.db.execute("DELETE FROM terms")
                self.db.execute("INSERT INTO terms SELECT term, doc FROM clause_vocab")
                self.db.execute("INSERT OR REPLACE INTO state VALUES ('terms', 'fresh')")

    def _render_uses(self) -> None:
        """Each clause written with Jinja as the drafts that use it read it, once for each of their
        sessions, for search: a legal officer pastes "provisional agenda of its seventy-ninth session"
        from the PDF, where the clause reads {{ session.next.ordinal }}. Rows no draft needs any more go."""
        wanted = set(
            self.db.execute(
                "SELECT DISTINCT u.clause, d.session FROM uses u JOIN drafts d ON d.file = u.file"
                " JOIN clauses c ON c.id = u.clause"
                " WHERE d.session IS NOT NULL AND instr(coalesce(c.opening, '') || c.text || c.data, '{') > 0"
            ).fetchall()
        )
        have = {(c, n): rowid for rowid, c, n in self.db.execute("SELECT rowid, clause, session FROM rendered")}
        gone = [(rowid,) for key, rowid in have.items() if key not in wanted]
        self._drop_rendered(gone)
        for cid, session in sorted(wanted - set(have)):
            row = self.db.execute(f"SELECT {CLAUSE_COLUMNS} FROM clauses WHERE id = ? ORDER BY n LIMIT 1", (cid,)).fetchone()
            words = rendered_words(clause_from_row(row), session)
            if words is None:
                continue
            cur = self.db.execute("INSERT INTO rendered VALUES (?, ?, ?)", (cid, session, words))
            if self.fts:
                self.db.execute("INSERT INTO rendered_words (rowid, words) VALUES (?, ?)", (cur.lastrowid, words))

    def _drop_rendered(self, rows: list[tuple[int]]) -> None:
        """Drop rows of rendered text, by rowid."""
        if rows and self.fts:
            self.db.executemany("DELETE FROM rendered_words WHERE rowid = ?", rows)
        self.db.executemany("DELETE FROM rendered WHERE rowid = ?", rows)

    @staticmethod
    def _unchanged(row: tuple[Any, ...] | None, path: Path, role: str) -> bool:
        """Whether a file is certainly as cached, from its stat alone (a racy entry says no, to be checked)."""
        if row is None:
            return False
        st = _stat(path)
        return st is not None and tuple(row[:4]) == (role, st.mtime_ns, st.size, st.ino) and row[4] - st.mtime_ns > RACY_NS

    def _dirty(self) -> None:
        self.db.execute("INSERT OR REPLACE INTO state VALUES ('terms', 'stale')")

    def _state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get_state(self, key: str) -> str | None:
        """A small value kept beside the tables (such as the project file's folder names)."""
        return self._state(key)

    def set_state(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (a second process waits for it rather than reading half an update)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()


def _has_fts(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'clause_words'").fetchone()
    return row is not None


def _connect(path: Path | None) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:" if path is None else str(path), timeout=30, isolation_level=None)
    if path is not None:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA:
        return db
    if path is not None and version != 0:
        # Written by another version of resdraft: start a new cache rather than migrate one.
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return _connect(path)
    db.execute("BEGIN IMMEDIATE")
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA:  # another process made it meanwhile
        db.commit()
        return db
    for statement in _TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    with contextlib.suppress(sqlite3.OperationalError):  # SQLite built without FTS5: search scans instead
        for statement in _FTS.split(";"):
            if statement.strip():
                db.execute(statement)
    db.execute(f"PRAGMA user_version = {SCHEMA}")
    db.commit()
    return db


@contextlib.contextmanager
def clause_reader(root: Path) -> Iterator[Callable[[Path, Problems], list[Clause]]]:
    """read_clause_file for Library.load_clauses: through the on-disk cache when it can be used, else directly."""
    from resdraft.library.clauses import read_clause_file

    cache = None if env_disables_cache() else LibraryCache.on_disk(root)
    if cache is None:
        yield read_clause_file
        return
    try:
        with cache.transaction():
            yield cache.clause_file
    finally:
        cache.close()


def env_disables_cache() -> bool:
    """RESDRAFT_NO_CACHE=1 turns the on-disk cache off (an in-memory one is used)."""
    return os.environ.get("RESDRAFT_NO_CACHE", "") not in ("", "0")
