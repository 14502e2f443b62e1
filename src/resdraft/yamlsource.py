"""Safe YAML loading that remembers the line of every mapping key and list item."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from resdraft.errors import LibraryError, Problem, Problems, Where
from resdraft.model import NOT_TEXT
from resdraft.reading import read_utf8

try:  # the C loader is much faster; both are the *safe* loaders
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Base = yaml.SafeLoader


class YDict(dict[str, Any]):
    """A mapping from YAML that knows its file and the line of each key."""

    path: Path
    line: int
    lines: dict[str, int]
    value_lines: dict[str, int]

    def where(self, key: str | None = None) -> Where:
        """Where a key (or the mapping itself) stands in its file."""
        return Where(self.path, self.lines.get(key, self.line) if key else self.line)

    def value_where(self, key: str) -> Where:
        """Where a key's value starts (the line after `key: >-` for a block scalar)."""
        return Where(self.path, self.value_lines.get(key) or self.lines.get(key, self.line))


class YList(list[Any]):
    """A sequence from YAML that knows its file and the line of each item."""

    path: Path
    line: int
    lines: list[int]

    def where(self, index: int | None = None) -> Where:
        """Where an item (or the sequence itself) stands in its file."""
        if index is None or index >= len(self.lines):
            return Where(self.path, self.line)
        return Where(self.path, self.lines[index])


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int) -> None:
        self.key, self.line, self.first = key, line, first


class _NoSuchDate(Exception):
    def __init__(self, text: str, line: int, reason: str) -> None:
        self.text, self.line, self.reason = text, line, reason


def why_no_date(text: str, fallback: str = "") -> str:
    """Why a value written as a date, YYYY-MM-DD, names no day of the calendar ("February 2013
    has 28 days", "there is no month 13"); `fallback` (or "") when its day and month are possible."""
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not m:
        return fallback
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1] if year else 31
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days" if day else "there is no day 0"
    return fallback


def no_such_date(where: Where, what: str, reason: str) -> Problem:
    """The problem of a date the calendar lacks (`what`: the value as written, with its key if any)."""
    return Problem(
        where, f"{what} is not a real date ({reason})", "write a day the calendar has, as YYYY-MM-DD (e.g. 2013-09-12)"
    )


def _loader_for(path: Path) -> type[yaml.SafeLoader]:
    class Loader(_Base):  # type: ignore[misc, valid-type]
        pass

    def construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[YDict]:
        out = YDict()
        out.path, out.line, out.lines, out.value_lines = path, node.start_mark.line + 1, {}, {}
        yield out
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in out:
                raise _DuplicateKey(key, line, out.lines[key])
            out[key] = loader.construct_object(value_node, deep=True)
            out.lines[key] = line
            block = isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")
            out.value_lines[key] = value_node.start_mark.line + 1 + (1 if block else 0)

    def construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Iterator[YList]:
        out = YList()
        out.path, out.line = path, node.start_mark.line + 1
        out.lines = [item.start_mark.line + 1 for item in node.value]
        yield out
        out.extend(loader.construct_object(item, deep=True) for item in node.value)

    def construct_date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        # YAML reads 2013-02-30 as a date, and Python refuses the day: named at its line, not a traceback.
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError as e:
            raise _NoSuchDate(str(node.value), node.start_mark.line + 1, why_no_date(str(node.value), str(e))) from None

    Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    Loader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_date)
    return Loader


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text safely; a syntax error becomes a LibraryError naming file and line."""
    return parse_yaml_tree(text, path)[0]


def parse_yaml_tree(text: str, path: Path) -> tuple[Any, yaml.Node | None]:
    """parse_yaml's data and the node tree it was built from (every node's position), parsed once."""
    try:
        loader = _loader_for(path)(text)
        try:
            root = loader.get_single_node()
            data = None if root is None else loader.construct_document(root)
        finally:
            loader.dispose()
    except _DuplicateKey as e:
        raise LibraryError(
            Problem(
                Where(path, e.line),
                f"duplicate key {e.key!r} (first given on line {e.first})",
                "remove or rename one of them: YAML keeps only the last",
            )
        ) from None
    except _NoSuchDate as e:
        raise LibraryError(no_such_date(Where(path, e.line), e.text, e.reason)) from None
    except yaml.MarkedYAMLError as e:
        # A scanner error's context is where the broken token starts (an unclosed quote or
        # bracket); a parser error's problem mark is the offending line.
        scanner = isinstance(e, yaml.scanner.ScannerError)
        if scanner and (tab := _tab_at(text, e.problem_mark)):
            line, indents = tab
            raise LibraryError(
                Problem(
                    Where(path, line),
                    f"invalid YAML: a tab {'in the indentation' if indents else 'here'} (YAML indents with spaces)",
                    "replace the tab with spaces, as many as the lines around it indent with (an editor's "
                    "'indent using spaces' keeps it so)",
                )
            ) from None
        mark = (e.context_mark or e.problem_mark) if scanner else (e.problem_mark or e.context_mark)
        line = mark.line + 1 if mark else 0
        what = " ".join(x for x in (e.context, e.problem) if x)
        raise LibraryError(
            Problem(
                Where(path, line), f"invalid YAML: {what}", "check the indentation and quoting on this line and the one before"
            )
        ) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow: named at its line
        line = text.count("\n", 0, e.position) + 1
        raise LibraryError(
            Problem(
                Where(path, line),
                f"invalid YAML: character U+{e.character:04X} is not allowed in a YAML file ({e.reason})",  # (its code)
                "delete it (a control character pasted in with the text, often a form feed or a NUL)",
            )
        ) from None
    except yaml.YAMLError as e:
        raise LibraryError(Problem(Where(path), f"invalid YAML: {e}", "fix the file's syntax")) from None
    if root is not None and "<<" in text:  # building the data merged `<<` keys into the tree: take it as written
        root = yaml.compose(text, Loader=_Base)
    if root is not None and "\\" in text:  # (only a double-quoted escape writes a control character in)
        _refuse_escaped_controls(root, path)
    return data, root


def _refuse_escaped_controls(root: yaml.Node, path: Path) -> None:
    """A control character written as an escape ("\\0", "\\e", "\\x0c"), which no document
    can hold (Word refuses it): refused at its line, as one typed in is."""
    nodes = [root]
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style == '"' and (found := NOT_TEXT.search(node.value)):
                raise LibraryError(
                    Problem(
                        Where(path, node.start_mark.line + 1),
                        f"invalid text: character U+{ord(found.group()):04X}, written as an escape, is a control "
                        "character no document can hold",
                        "delete the escape (a backslash and what follows it) from the quoted text",
                    )
                )
        elif isinstance(node, yaml.SequenceNode):
            nodes += reversed(node.value)  # (reversed: the first in the file is told)
        elif isinstance(node, yaml.MappingNode):
            nodes += reversed([part for pair in node.value for part in pair])


def _tab_at(text: str, mark: yaml.Mark | None) -> tuple[int, bool] | None:
    """The line of the tab a scanner error stopped at (PyYAML names it only as a character that
    "cannot start any token"), and whether it indents the line; None when it stopped at something else."""
    if mark is None:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if line[mark.column : mark.column + 1] != "\t":
        return None
    return mark.line + 1, not line[: mark.column].strip()


def load_yaml(path: Path) -> Any:
    """Read and parse one YAML file; a missing or unreadable file is a user error."""
    return parse_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """A UTF-8 file's text; a missing or unreadable file is a user error."""
    return read_utf8(path)[1]


def read_layers(paths: Iterable[Path], problems: Problems, layout: str) -> list[YDict] | None:
    """The mappings of the files that exist among `paths` (a base, then a body's file over it).

    None, with the problem recorded, when one is broken or is not a mapping (`layout` says what
    it should hold)."""
    layers = []
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = load_yaml(path)
        except LibraryError as e:
            problems.extend(e.problems)
            return None
        if data is None:
            continue
        if not isinstance(data, YDict):
            problems.add(Where(path, 1), f"{path.name} must be a mapping ({layout})", "see templates/_base/ for the layout")
            return None
        layers.append(data)
    return layers
