"""`fmt`: the canonical layout of clause files, so that files written by hand, by tools and by upkeep all read alike.

Every clause is a block of lines in the key order id, kind, opening, text, subparagraphs, footnotes,
tags, amends, note; clauses are separated by one blank line; tags are a [flow, list]; text too long
for one line is a folded `>-` scalar (see yamlstyle for how it wraps). Comments stay with the clause
or key they precede (or end the line of); the file's header and footer comments stay as they are.
The result is checked before it is used: it must read back to exactly the same data and hold
exactly the same comments, and formatting it again changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from resdraft.errors import LibraryError, Problems, Where
from resdraft.upkeep.commit import FileChange, write_all
from resdraft.upkeep.splice import Source, get
from resdraft.upkeep.yamlstyle import CLAUSE_ORDER, NEVER_FOLDED, SUB_ORDER, content_indent, inline, scalar_lines, source_breaks

if TYPE_CHECKING:
    from resdraft.library import Library

_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class FormatReport:
    """What fmt did (or, with check, would do): the files it changes and the files it left alone."""

    changes: tuple[FileChange, ...]
    skipped: tuple[tuple[Path, str], ...]
    checked: int
    written: bool


class Untouchable(Exception):
    """A file fmt leaves as it is (YAML anchors, aliases or explicit tags)."""


def fmt(library: Library | Path | str, check: bool = False) -> FormatReport:
    """Put every clause file in the canonical layout; with `check`, only report which files would change."""
    from resdraft.upkeep.index import clause_files

    _, files = clause_files(library)
    changes, skipped = [], []
    problems = Problems()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            problems.add(Where(path), f"cannot read: {e}")
            continue
        try:
            new = format_text(text, path)
        except Untouchable as e:
            skipped.append((path, str(e)))
            continue
        except LibraryError as e:
            problems.extend(e.problems)
            continue
        if new != text:
            changes.append(FileChange(path, text, new))
    problems.raise_errors()
    if changes and not check:
        write_all(changes)
    return FormatReport(tuple(changes), tuple(skipped), len(files), bool(changes) and not check)


def format_text(text: str, path: Path) -> str:
    """The canonical text of one clause file; a LibraryError if the file is not a valid clause file."""
    from resdraft.library.clauses import clauses_from_data

    src = Source(path, text)  # a LibraryError naming file and line where the YAML cannot be read
    problems = Problems()
    clauses_from_data(src.data, path, problems)
    problems.raise_errors()
    if src.root is None or get(src.root, "clauses") is None:
        return text
    _refuse_anchors(text, path)
    out = _Writer(src).file()
    if out != text:  # the same text reads back the same, and formats to itself again
        _verify(src, out)
    return out


def _refuse_anchors(text: str, path: Path) -> None:
    if not any(c in text for c in "&*!"):  # no anchor, alias or tag can be written without one
        return
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Untouchable("uses YAML anchors or aliases; fmt leaves it as it is")
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        if tag is not None and not (implicit is True or (isinstance(implicit, tuple) and any(implicit))):
            raise Untouchable(f"uses an explicit YAML tag ({tag}); fmt leaves it as it is")


def _verify(src: Source, out: str) -> None:
    """The new text must read back to the same data and keep every comment; anything else is a bug."""
    try:
        new = Source(src.path, out)
    except LibraryError as e:
        raise RuntimeError(f"fmt produced invalid YAML for {src.path}: {e}") from None
    if new.data != src.data:
        raise RuntimeError(f"fmt changed the data of {src.path}; nothing was written")
    if sorted(t for _, t in src.comments().values()) != sorted(t for _, t in new.comments().values()):
        raise RuntimeError(f"fmt lost or changed a comment in {src.path}; nothing was written")


class _Writer:
    """Writes one clause file from its node tree, moving comments with the nodes they belong to."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.leading: dict[int, list[int]] = defaultdict(list)  # id(anchor node) -> comment lines
        self.trailing: dict[int, tuple[int, str]] = {}  # id(anchor node) -> (column, comment)
        self.header_end = 0
        self.footer: list[int] = []
        self.comments = src.comments()
        self._attach()

    # ------------------------------------------------------------ comments

    def _anchors(self) -> list[tuple[int, int, yaml.Node]]:
        """(line, depth, node) of every key and list item, outermost first on each line."""
        out: list[tuple[int, int, yaml.Node]] = []

        def walk(node: yaml.Node, depth: int) -> None:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    out.append((k.start_mark.line, depth, k))
                    walk(v, depth + 1)
            elif isinstance(node, yaml.SequenceNode):
                for item in node.value:
                    out.append((self._item_line(item), depth, item))
                    walk(item, depth + 1)

        assert self.src.root is not None
        walk(self.src.root, 0)
        out.sort(key=lambda a: (a[0], a[1]))
        return out

    def _item_line(self, item: yaml.Node) -> int:
        """The line of the '- ' that starts a list item."""
        text, at = self.src.text, item.start_mark.index - 1
        while at >= 0 and text[at] in " \t\n\r":
            at -= 1
        return self.src.line_of(at) if at >= 0 and text[at] == "-" else item.start_mark.line

    def _attach(self) -> None:
        anchors = self._anchors()
        lines = [a[0] for a in anchors]
        clauses_key = get(self.src.root, "clauses")
        assert clauses_key is not None
        self.header_end = clauses_key[0].start_mark.line
        import bisect

        for line, (column, text) in sorted(self.comments.items()):
            whole = not self.src.line_text(line)[:column].strip()
            if line < self.header_end:
                continue  # the header is kept verbatim
            if whole:
                i = bisect.bisect_right(lines, line)
                if i == len(anchors):
                    self.footer.append(line)
                else:
                    self.leading[id(anchors[i][2])].append(line)
                continue
            on_line = [a for a in anchors if a[0] == line]
            if on_line:
                self.trailing[id(on_line[-1][2])] = (column, text)
            else:  # the end of a value written over several lines: keep the comment just above its key
                i = bisect.bisect_right(lines, line) - 1
                self.leading[id(anchors[max(i, 0)][2])].append(line)

    def _lead_lines(self, node: yaml.Node, indent: int) -> list[str]:
        out: list[str] = []
        previous = None
        for line in sorted(self.leading.get(id(node), [])):
            if previous is not None and line > previous + 1 and out:
                between = [self.src.line_text(n).strip() for n in range(previous + 1, line)]
                if all(not b for b in between):
                    out.append("")
            out.append(" " * indent + self.comments[line][1])
            previous = line
        return out

    def _with_trailing(self, node: yaml.Node, lines: list[str]) -> list[str]:
        if id(node) not in self.trailing or not lines:
            return lines
        column, text = self.trailing[id(node)]
        first = lines[0]
        gap = " " * (column - len(first)) if len(first) + 2 <= column else "  "
        return [first + gap + text, *lines[1:]]

    # ------------------------------------------------------------ the file

    def file(self) -> str:
        src = self.src
        head = [src.line_text(n).rstrip() for n in range(self.header_end)]
        while head and not head[-1].strip():
            head.pop()
        while head and not head[0].strip():
            head.pop(0)
        pair = get(src.root, "clauses")
        assert pair is not None
        key, seq = pair
        out = head
        items = seq.value if isinstance(seq, yaml.SequenceNode) else []
        if items:
            out += self._with_trailing(key, ["clauses:"])
        else:
            empty = "clauses: []" if isinstance(seq, yaml.SequenceNode) else "clauses:"
            out += self._with_trailing(key, [empty])
        for n, item in enumerate(items):
            if n:
                out.append("")
            out += self._lead_lines(item, 2)
            if isinstance(item, yaml.MappingNode):
                out += self._with_trailing(item, self._mapping(item, "  - ", 4, CLAUSE_ORDER))
            else:
                out += self._with_trailing(item, self._value(item, "  - ", ""))
        if self.footer:
            out.append("")
            out += [src.line_text(n).rstrip() for n in self.footer]
        return "\n".join(out) + "\n"

    # ------------------------------------------------------------ values

    def _mapping(self, node: yaml.MappingNode, lead: str, indent: int, order: Sequence[str] = ()) -> list[str]:
        """A block mapping whose first key follows `lead` ('  - ') or, when `lead` ends in a key, starts below it."""
        pairs = list(node.value)
        if order:
            rank = {k: i for i, k in enumerate(order)}
            pairs.sort(key=lambda kv: rank.get(kv[0].value, len(order)))
        on_dash = not lead.lstrip(" -")
        out: list[str] = [] if on_dash else [lead.rstrip()]
        for n, (k, v) in enumerate(pairs):
            first = lead if on_dash and n == 0 else " " * indent
            name = k.value if isinstance(k, yaml.ScalarNode) else ""
            key_text = inline(name, style=_style(k)) if isinstance(k, yaml.ScalarNode) and k.tag == _STR else self._raw(k)
            out += self._lead_lines(k, indent)
            if name == "tags" and isinstance(v, yaml.SequenceNode):
                out += self._hoisted(v, indent)  # written as [a, b]: its items' comments go above the key
            out += self._with_trailing(k, self._value(v, first + key_text + ": ", name))
        return out

    def _hoisted(self, node: yaml.SequenceNode, indent: int) -> list[str]:
        """The comments of a list's items, as lines to write above the list's key."""
        out: list[str] = []
        for item in node.value:
            out += self._lead_lines(item, indent)
            self.leading.pop(id(item), None)
            if id(item) in self.trailing:
                out.append(" " * indent + self.trailing.pop(id(item))[1])
        return out

    def _value(self, node: yaml.Node, lead: str, key: str) -> list[str]:
        src = self.src
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _STR:
                return [lead + self._raw(node)]
            if key in NEVER_FOLDED:
                return [lead + inline(node.value, style=_style(node))]
            if node.style == ">":
                first, last = node.start_mark.line + 1, src.last_line(node)
                content = [src.line_text(n).strip() for n in range(first, last + 1)]
                return scalar_lines(lead, node.value, hints=source_breaks(node.value, content), folded=True)
            if node.style == "|":
                return self._literal(node, lead)
            if node.start_mark.line != node.end_mark.line and node.style is None:
                first, last = node.start_mark.line, src.last_line(node)
                content = [src.text[node.start_mark.index : src.starts[first + 1]].strip()]
                content += [src.line_text(n).strip() for n in range(first + 1, last + 1)]
                return scalar_lines(lead, node.value, hints=source_breaks(node.value, content), folded=True)
            return scalar_lines(lead, node.value, style=_style(node))
        indent = content_indent(lead)
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                return [lead + "[]"]
            if key == "tags" and all(isinstance(i, yaml.ScalarNode) and i.tag == _STR for i in node.value):
                items = ", ".join(inline(i.value, flow=True, style=_style(i)) for i in node.value)
                return [lead + "[" + items + "]"]
            out = [lead.rstrip()]
            for item in node.value:
                item_lead = " " * indent + "- "
                out += self._lead_lines(item, indent)
                if isinstance(item, yaml.MappingNode):
                    lines = self._mapping(item, item_lead, indent + 2, SUB_ORDER if key == "subparagraphs" else ())
                else:
                    lines = self._value(item, item_lead, key)
                out += self._with_trailing(item, lines)
            return out
        if isinstance(node, yaml.MappingNode):
            if not node.value:
                return [lead + "{}"]
            return self._mapping(node, lead, indent)
        return [lead + self._raw(node)]

    def _literal(self, node: yaml.ScalarNode, lead: str) -> list[str]:
        """A literal block (|) re-indented; one with an indentation or keep indicator is written quoted instead."""
        src = self.src
        header = src.line_text(node.start_mark.line)[node.start_mark.column :].split("#")[0].strip()
        if any(c.isdigit() or c == "+" for c in header) or node.value[:1] in (" ", "\t"):
            return [lead + inline(node.value, style='"')]
        first, last = node.start_mark.line + 1, src.last_line(node)
        body = [src.line_text(n) for n in range(first, last + 1)]
        margin = min((len(b) - len(b.lstrip(" ")) for b in body if b.strip()), default=0)
        indent = content_indent(lead)
        return [lead + header, *(" " * indent + b[margin:] if b.strip() else "" for b in body)]

    def _raw(self, node: yaml.Node) -> str:
        """A non-string scalar (a number, a date, true) exactly as it was written."""
        return self.src.text[node.start_mark.index : node.end_mark.index].strip()


def _style(node: yaml.Node) -> str | None:
    style = getattr(node, "style", None)
    return {None: "plain", "'": "'", '"': '"'}.get(style)
