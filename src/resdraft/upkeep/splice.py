"""YAML files as text with positions: find a node, its lines and the comments around it, and edit the text in place.

Edits replace exact spans of the file's text (a scalar, or the lines of one key or one list item),
so every other byte — comments, blank lines, key order, quoting, indentation — stays as it was.
ruamel.yaml's round trip was the first choice, but it attaches a comment or blank line to the node
*before* it: deleting a clause there deletes the section comment that follows it, and deleting a
last key deletes the blank line that separates two clauses.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from resdraft.errors import LibraryError, Problem, Where


class NotInPlace(LibraryError):
    """An edit this layout cannot take in place (a flow-style entry, a key sharing the '- ' line)."""


@dataclass
class Source:
    """One YAML file's text, its parsed data (safe loader), and its node tree with positions."""

    path: Path
    text: str
    data: Any = field(init=False)
    root: yaml.Node | None = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        from resdraft.yamlsource import parse_yaml_tree

        self.data, self.root = parse_yaml_tree(self.text, self.path)  # a LibraryError naming file and line
        self.starts = [0]
        at = self.text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = self.text.find("\n", at + 1)

    # ------------------------------------------------------------ positions

    def line_of(self, index: int) -> int:
        """The 0-based line holding a character offset."""
        return bisect.bisect_right(self.starts, index) - 1

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.starts) - (1 if self.text.endswith("\n") else 0)

    def last_line(self, node: yaml.Node) -> int:
        """The last line holding a character of the node.

        A block collection's end mark is the next token, past any comment that follows it, so the
        last line of a block mapping or list is the last line of its last value.
        """
        while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
            if isinstance(node, yaml.SequenceNode):
                node = node.value[-1]
                continue
            key, value = node.value[-1]
            empty = isinstance(value, yaml.ScalarNode) and value.start_mark.index == value.end_mark.index
            node = key if empty else value
        start, end = node.start_mark.index, node.end_mark.index
        body = self.text[start:end].rstrip()
        return self.line_of(start + max(len(body) - 1, 0))

    def where(self, node: yaml.Node) -> Where:
        return Where(self.path, node.start_mark.line + 1)

    # ------------------------------------------------------------ nodes

    def clause_items(self) -> list[yaml.MappingNode]:
        """The entries of a clause file's `clauses:` list (empty when there is none)."""
        seq = self.clause_list()
        if seq is None:
            return []
        return [n for n in seq.value if isinstance(n, yaml.MappingNode)]

    def clause_list(self) -> yaml.SequenceNode | None:
        pair = get(self.root, "clauses")
        return pair[1] if pair is not None and isinstance(pair[1], yaml.SequenceNode) else None

    def clause_item(self, cid: str) -> yaml.MappingNode | None:
        for item in self.clause_items():
            pair = get(item, "id")
            if pair is not None and isinstance(pair[1], yaml.ScalarNode) and pair[1].value == cid:
                return item
        return None

    # ------------------------------------------------------------ comments

    def comments(self) -> dict[int, tuple[int, str]]:
        """Every comment: 0-based line -> (column, text from '#'). Text inside scalars is never a comment."""
        spans = sorted(_scalar_spans(self.root, self.text))
        starts = [s for s, _ in spans]
        out: dict[int, tuple[int, str]] = {}
        for line in range(len(self.starts)):
            text = self.line_text(line)
            if "#" not in text:
                continue
            begin = self.starts[line]
            end = begin + len(text)
            covered = []
            k = max(bisect.bisect_right(starts, begin) - 1, 0)
            while k < len(spans) and spans[k][0] < end:
                s, e = spans[k]
                if e > begin:
                    covered.append((s - begin, e - begin))
                k += 1
            pos = text.find("#")
            while pos >= 0:
                if not any(a <= pos < b for a, b in covered) and (pos == 0 or text[pos - 1] in " \t"):
                    out[line] = (pos, text[pos:].rstrip())
                    break
                pos = text.find("#", pos + 1)
        return out


def _scalar_spans(node: yaml.Node | None, text: str) -> Iterator[tuple[int, int]]:
    """Character spans of every scalar; a block scalar's span starts after its header line."""
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            start, end = n.start_mark.index, n.end_mark.index
            if n.style in ("|", ">"):
                newline = text.find("\n", start)
                start = end if newline < 0 or newline > end else newline
            yield start, end
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack += [k, v]


def get(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key, value) nodes of `key` in a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


# ---------------------------------------------------------------- editing


@dataclass
class Splice:
    """Edits to one Source's text, applied together; they must not overlap."""

    src: Source
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, text))

    def replace_scalar(self, node: yaml.Node, text: str) -> None:
        """Replace a scalar written on one line (an id, a clause reference) with `text`."""
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or node.start_mark.line != node.end_mark.line:
            raise NotInPlace(
                Problem(
                    self.src.where(node), "this value is not written on one line, so it cannot be replaced in place", _FMT_HINT
                )
            )
        self.replace(node.start_mark.index, node.end_mark.index, text)

    def _line_range(self, first: int, last: int) -> tuple[int, int]:
        start = self.src.starts[first]
        end = self.src.starts[last + 1] if last + 1 < len(self.src.starts) else len(self.src.text)
        return start, end

    def replace_lines(self, first: int, last: int, lines: list[str]) -> None:
        """Replace whole lines first..last (0-based, inclusive)."""
        start, end = self._line_range(first, last)
        self.replace(start, end, "".join(line + "\n" for line in lines))

    def insert_lines(self, after: int, lines: list[str]) -> None:
        """Insert lines after line `after` (0-based)."""
        _, end = self._line_range(after, after)
        prefix = "" if self.src.text[:end].endswith("\n") or end == 0 else "\n"
        self.replace(end, end, prefix + "".join(line + "\n" for line in lines))

    def delete_lines(self, first: int, last: int) -> None:
        self.replace_lines(first, last, [])

    def apply(self) -> str:
        text = self.src.text
        out, at = [], 0
        for start, end, new in sorted(self.edits, key=lambda e: (e[0], e[1])):
            if start < at:
                raise RuntimeError(f"overlapping edits in {self.src.path}")
            out += [text[at:start], new]
            at = end
        out.append(text[at:])
        return "".join(out)


_FMT_HINT = "run `resdraft clauses fmt` first: it writes every clause in block style, one key a line"


def on_dash_line(src: Source, key: yaml.Node) -> bool:
    """Whether a key shares its line with the '- ' of its list item (the first key of an entry)."""
    line = src.line_text(key.start_mark.line)
    return "-" in line[: key.start_mark.column]


def key_lines(src: Source, key: yaml.Node, value: yaml.Node) -> tuple[int, int]:
    """The first and last line of a key and its value."""
    return key.start_mark.line, max(key.start_mark.line, src.last_line(value))


def require_block(src: Source, mapping: yaml.MappingNode) -> None:
    """Refuse a flow-style entry ({id: …, text: …}), whose keys are not one a line."""
    if mapping.flow_style:
        raise NotInPlace(
            Problem(src.where(mapping), "this clause is written in flow style ({…}), so it cannot be edited in place", _FMT_HINT)
        )


def value_hints(src: Source, value: yaml.Node) -> tuple[str | None, list[int] | None, bool]:
    """(one-line style, fold breaks, folded) of a string value as written, to write a new value the same way."""
    from resdraft.upkeep.yamlstyle import source_breaks

    if not isinstance(value, yaml.ScalarNode):
        return None, None, False
    if value.style == ">":
        first, last = value.start_mark.line + 1, src.last_line(value)
        lines = [src.line_text(n).strip() for n in range(first, last + 1)]
        return None, source_breaks(value.value, lines), True
    if value.start_mark.line != value.end_mark.line and value.style is None:  # a plain scalar over several lines
        first, last = value.start_mark.line, src.last_line(value)
        lines = [src.text[value.start_mark.index : src.starts[first + 1]].strip()] if first < last else []
        lines += [src.line_text(n).strip() for n in range(first + 1, last + 1)]
        return None, source_breaks(value.value, lines), True
    style = {None: "plain", "'": "'", '"': '"'}.get(value.style)
    return style, None, False
