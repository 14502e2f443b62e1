"""Word-level differences: diff-match-patch over word tokens, so a word, a number, a date or a
document symbol is never split, with semantic clean-up so the result reads like a human redline.

Each distinct token is encoded as one character and the C++ build of diff-match-patch
(fast-diff-match-patch) diffs the encoded strings; a word and the space after it are one token,
which halves the work, and the space is handed back to the text around an edit afterwards."""

from __future__ import annotations

import re

from fast_diff_match_patch import diff as dmp_diff

Op = tuple[str, str]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CORE = rf"""
    \d{{1,2}}\ (?i:{_MONTHS})\ \d{{4}}                       # a date: 18 December 2008, 12 SEPTEMBER 2013
    | [A-Za-z0-9][\w.\-]*                                     # a document symbol: 63/194, A/RES/76/186,
      (?:/(?:[A-Z0-9][A-Z0-9.\-]*                             #   AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8:
             (?:\ (?:[A-Z0-9][A-Z0-9.\-]*\b(?![\w'’-])|\([A-Z0-9 .\-]+\)))+   #   capitals spaced into whole words,
           | [\w.\-]+))+                                         #   or one run such as Rev.1
    | \d+(?:[.,]\d+)*(?:st|nd|rd|th)?                         # a number: 2,225  4.4  52nd
    | \w+(?:[-'’]\w+)*                                        # a word: Asian-African, Children's
"""
# Tokens: a core token, a run of white space (kept, so texts rebuild exactly), or one other character.
_TOKEN = re.compile(rf"(?:{_CORE})|\s+|.", re.VERBOSE | re.DOTALL)
# The units the diff works on: a core token together with one space after it.
_UNIT = re.compile(rf"(?:{_CORE})\ ?|\s+|.", re.VERBOSE | re.DOTALL)
_TRAILING = re.compile(r"[.,;:]+\s?$")


def _split_symbols(pieces: list[str]) -> list[str]:
    """A symbol that ends a sentence ("A/64/290.") gives its punctuation back."""
    out: list[str] = []
    for piece in pieces:
        if "/" in piece and (tail := _TRAILING.search(piece)):
            out.append(piece[: tail.start()])
            out += list(tail.group(0))
        else:
            out.append(piece)
    return out


def tokenize(text: str) -> list[str]:
    """Split text into tokens that together rebuild it exactly."""
    tokens: list[str] = _TOKEN.findall(text)
    return _split_symbols(tokens) if "/" in text else tokens


def _units(text: str) -> list[str]:
    """Tokens with the space after each word joined to it (the diff's units)."""
    units: list[str] = _UNIT.findall(text)
    return _split_symbols(units) if "/" in text else units


def _char(i: int) -> str:
    # Private-use characters first, then the supplementary planes; never a surrogate.
    return chr(0xE000 + i) if i < 0x1900 else chr(0x10000 + i)


def word_diff(old: str, new: str) -> list[Op]:
    """Ops ('equal' | 'insert' | 'delete', text) turning `old` into `new`, word by word."""
    if old == new:
        return [("equal", old)] if old else []
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _units(text):
            code = table.get(token)
            if code is None:
                code = table[token] = _char(len(tokens))
                tokens.append(token)
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    ops: list[Op] = []
    pos_a = pos_b = 0
    for kind, count in dmp_diff(a, b, timelimit=0, checklines=False, cleanup="Semantic"):
        if kind == "=":
            chunk, pos_a, pos_b = a[pos_a : pos_a + count], pos_a + count, pos_b + count
        elif kind == "-":
            chunk, pos_a = a[pos_a : pos_a + count], pos_a + count
        else:
            chunk, pos_b = b[pos_b : pos_b + count], pos_b + count
        _append(ops, {"=": "equal", "+": "insert", "-": "delete"}[kind], "".join(tokens[ord(c) - _base(c)] for c in chunk))
    return _tidy(ops)


def _base(c: str) -> int:
    return 0xE000 if ord(c) < 0x10000 else 0x10000


def _append(ops: list[Op], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1][0] == op:
        ops[-1] = (op, ops[-1][1] + text)
    else:
        ops.append((op, text))


def _tidy(ops: list[Op]) -> list[Op]:
    """Where a run replaces words (a deletion and an insertion), give the white space both end
    with back to the equal text after it: "[-First -]{+Third +}" reads "[-First-]{+Third+} "."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == "equal":
            _append(out, *ops[i])
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] != "equal":
            j += 1
        run = ops[i:j]
        tail = min((len(t) - len(t.rstrip()) for _, t in run), default=0)
        space = run[0][1][len(run[0][1]) - tail :] if tail else ""
        both = {op for op, _ in run} == {"insert", "delete"}
        if tail and both and all(t.endswith(space) for _, t in run) and all(t.strip() for _, t in run):
            for op, text in run:
                _append(out, op, text[: len(text) - tail])
            _append(out, "equal", space)
        else:
            for op, text in run:
                _append(out, op, text)
        i = j
    return out


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The old text a diff was made from."""
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The new text a diff leads to."""
    return "".join(text for op, text in ops if op != "delete")
