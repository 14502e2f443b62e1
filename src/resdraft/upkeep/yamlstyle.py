"""How upkeep writes YAML: the clause key order, scalar styles, and long text folded (`>-`) at about 100 columns.

Folding is stable: a folded text keeps the line breaks it has wherever its lines still fit, and
only a line grown past WIDTH is broken again, so a one-word change is a one-line diff. New text
is filled to FILL columns, which leaves a word's room to grow before a line has to be re-broken.
Every string is written so that the safe loader reads back exactly the same string.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

WIDTH = 100
FILL = 90
CLAUSE_ORDER = ("id", "kind", "opening", "text", "subparagraphs", "footnotes", "tags", "amends", "note")
SUB_ORDER = ("opening", "text", "subparagraphs", "end")

_SIMPLE = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;()/'’“”–—\-]*")
_NOT_STR = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_LONE_SPACE = re.compile(r"(?<=[^ \t]) (?=[^ \t])")
# Characters PyYAML's emitter writes as they are in every style (allow_unicode) and that break no
# line: a text of only these can be single-quoted and, without leading or trailing blanks, folded.
_WRITTEN_AS_IS = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*")


def _analysis(value: str) -> Any:
    from yaml.emitter import Emitter

    return Emitter(None, allow_unicode=True).analyze_scalar(value)  # type: ignore[arg-type]  # only analyses, never writes


def _resolves_to_str(value: str) -> bool:
    import yaml
    from yaml.resolver import Resolver

    return bool(Resolver().resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str")  # type: ignore[no-untyped-call]


def plain_ok(value: str, flow: bool = False) -> bool:
    """Whether `value` can be written without quotes (inside [ ] or { } when `flow`) and still read as this string."""
    if not value:
        return False
    if _SIMPLE.fullmatch(value) and value.lower() not in _NOT_STR and not value.endswith(" "):
        return True
    a = _analysis(value)
    allowed = a.allow_flow_plain if flow else a.allow_block_plain
    return bool(allowed and not a.multiline and _resolves_to_str(value))


def quote(value: str, style: str = "'") -> str:
    """`value` single-quoted (when it can be) or double-quoted, on one line."""
    if style == "'" and (_WRITTEN_AS_IS.fullmatch(value) or ("\n" not in value and _analysis(value).allow_single_quoted)):
        return "'" + value.replace("'", "''") + "'"
    import yaml

    out = yaml.dump(value, Dumper=yaml.SafeDumper, default_style='"', width=1 << 30, allow_unicode=True)
    return str(out).rstrip("\n").removesuffix("\n...")


def inline(value: str, flow: bool = False, style: str | None = None) -> str:
    """`value` on one line: plain when it can be (or when `style` is None and it can be), else quoted.

    `style` is a preferred style from the source ('plain', "'" or '"'), kept when it is valid.
    """
    if style == '"':
        return quote(value, '"')
    if style in (None, "plain") and plain_ok(value, flow):
        return value
    return quote(value, "'")


def foldable(value: str) -> bool:
    """Whether `value` can be written as a folded block scalar (`>-`) and read back unchanged."""
    if not value or value[0] in " \t" or value[-1] in " \t" or "\n" in value or "\t" in value:
        return False
    return bool(_WRITTEN_AS_IS.fullmatch(value) or _analysis(value).allow_block)


def break_points(value: str) -> list[int]:
    """Offsets of the spaces a folded scalar may break at: single spaces, not inside a Jinja tag."""
    points = [m.start() for m in _LONE_SPACE.finditer(value)]
    if "{" not in value:
        return points
    tags = [(m.start(), m.end()) for m in _JINJA.finditer(value)]
    return [p for p in points if not any(a <= p < b for a, b in tags)]


def fill(value: str, width: int, start: int = 0, end: int | None = None) -> list[int]:
    """Greedy breaks for value[start:end] so that each line is at most `width` characters (where it can be)."""
    end = len(value) if end is None else end
    points = [p for p in break_points(value) if start < p < end]
    breaks: list[int] = []
    line_start = start
    last_fit: int | None = None
    for p in points:
        if p - line_start <= width:
            last_fit = p
            continue
        if last_fit is not None:
            breaks.append(last_fit)
            line_start = last_fit + 1
        last_fit = p if p - line_start <= width else None
        if last_fit is None:  # a word longer than the line: break right after it
            breaks.append(p)
            line_start = p + 1
    if end - line_start > width and last_fit is not None and last_fit not in breaks:
        breaks.append(last_fit)
    return breaks


def fold_breaks(value: str, indent: int, hints: Sequence[int] | None = None) -> list[int]:
    """Where to break a folded scalar whose lines start at column `indent`: keep `hints` whose lines fit, fill the rest."""
    width, room = WIDTH - indent, FILL - indent
    valid = set(break_points(value))
    if hints is None:
        return fill(value, max(room, 20))
    kept = sorted(h for h in hints if h in valid)
    out: list[int] = []
    bounds = [-1, *kept, len(value)]
    for a, b in itertools.pairwise(bounds):
        if b - a - 1 > width:
            out += fill(value, max(room, 20), a + 1, b)
        if b < len(value):
            out.append(b)
    return out


def folded_lines(value: str, indent: int, hints: Sequence[int] | None = None) -> list[str]:
    """The content lines of a folded scalar (indented), breaking as fold_breaks decides."""
    breaks = fold_breaks(value, indent, hints)
    pieces, at = [], 0
    for b in breaks:
        pieces.append(value[at:b])
        at = b + 1
    pieces.append(value[at:])
    return [" " * indent + p for p in pieces]


def moved_breaks(old: str, new: str, breaks: Sequence[int]) -> list[int]:
    """Carry the line breaks of `old` over to `new` where the words around them are unchanged."""
    if not breaks:
        return []
    old_words, new_words = old.split(" "), new.split(" ")
    old_end, new_end = _word_ends(old_words), _word_ends(new_words)
    after = {b: i for i, b in enumerate(old_end)}  # break offset -> index of the word it follows
    moved: list[int] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for b in breaks:
            k = after.get(b)
            if k is None or not i1 <= k < i2:
                continue
            if op == "equal":
                moved.append(new_end[j1 + k - i1])
            elif k == i2 - 1 and j2 > j1:
                moved.append(new_end[j2 - 1])
            elif k == i2 - 1 and j1 > 0:
                moved.append(new_end[j1 - 1])
    return sorted({m for m in moved if m < len(new)})


def _word_ends(words: list[str]) -> list[int]:
    """The offset of the space after each word of a text split on single spaces."""
    out, at = [], 0
    for w in words:
        at += len(w)
        out.append(at)
        at += 1
    return out


def source_breaks(value: str, lines: Sequence[str]) -> list[int] | None:
    """The break offsets of a folded scalar whose content lines (stripped) are `lines`, if simply folded."""
    if " ".join(lines) != value:
        return None
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        out.append(at)
        at += 1
    return out


# ---------------------------------------------------------------- whole values

NEVER_FOLDED = ("id", "kind", "amends", "end")


def content_indent(lead: str) -> int:
    """The column of what belongs to a value after `lead`: two past its key, or past a bare '- '."""
    rest = lead.lstrip(" -")
    if rest:
        return len(lead) - len(rest) + 2
    return len(lead) - len(lead.lstrip(" ")) + 2


def scalar_lines(
    lead: str, value: str, *, style: str | None = None, hints: Sequence[int] | None = None, folded: bool = False
) -> list[str]:
    """Lines for a string after `lead` ('    text: ' or '      - '): one line when it fits, else folded.

    `folded` keeps a folded scalar folded (with its `hints`) even when it would now fit on a line,
    so that shortening a paragraph does not rewrite it; `style` is the quoting to keep for one line.
    """
    indent = content_indent(lead)
    if (folded or hints is not None or len(lead) + len(value) > WIDTH) and foldable(value):
        return [lead + ">-", *folded_lines(value, indent, hints)]
    one = inline(value, style=style)  # quoting only lengthens a value: one too long as it is was folded above
    if len(lead) + len(one) <= WIDTH or not foldable(value):
        return [lead + one]
    return [lead + ">-", *folded_lines(value, indent)]


def value_lines(lead: str, value: Any, key: str = "") -> list[str]:
    """Lines for the value of `key` after `lead` ('    key: ' or '      - '), in the library's layout."""
    if isinstance(value, str):
        return [lead + inline(value)] if key in NEVER_FOLDED else scalar_lines(lead, value)
    if isinstance(value, bool) or value is None:
        return [lead + ("null" if value is None else str(value).lower())]
    if isinstance(value, (int, float)):
        return [lead + str(value)]
    indent = content_indent(lead)
    if isinstance(value, Mapping):
        if not value:
            return [lead + "{}"]
        return mapping_lines(lead, value, indent, SUB_ORDER if key == "subparagraphs" else ())
    if isinstance(value, Sequence):
        if not value:
            return [lead + "[]"]
        if key == "tags" and all(isinstance(v, str) for v in value):
            return [lead + "[" + ", ".join(inline(v, flow=True) for v in value) + "]"]
        out = [lead.rstrip()]
        for item in value:
            out += value_lines(" " * indent + "- ", item, "subparagraphs" if key == "subparagraphs" else "")
        return out
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def mapping_lines(lead: str, value: Mapping[str, Any], indent: int, order: Sequence[str] = ()) -> list[str]:
    """A block mapping at `indent`: after a bare '- ' the first key shares its line, after 'key: ' all start below."""
    keys = [k for k in order if k in value] + [k for k in value if k not in order]
    on_dash = not lead.lstrip(" -")
    out: list[str] = [] if on_dash else [lead.rstrip()]
    for n, key in enumerate(keys):
        first = lead if on_dash and n == 0 else " " * indent
        out += value_lines(first + inline(str(key)) + ": ", value[key], key)
    return out


def entry_lines(clause: Mapping[str, Any], indent: int = 2) -> list[str]:
    """A clause entry of a clause file, keys in CLAUSE_ORDER: '  - id: …' then '    kind: …'."""
    return mapping_lines(" " * indent + "- ", clause, indent + 2, CLAUSE_ORDER)
