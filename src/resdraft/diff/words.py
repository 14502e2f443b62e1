"""Word-level differences: diff-match-patch over word tokens, so a word, a number, a date or a
document symbol is never split, with semantic clean-up so the result reads like a human redline.

Each distinct token (a word, a run of white space, a punctuation mark) is encoded as one
character and the C++ build of diff-match-patch (fast-diff-match-patch) diffs the encoded
strings. The clean-up is diff-match-patch's semantic one, bounded: a stretch of four or more
unchanged words is never folded into the edits around it. A date replaced by a date then shows
only the parts that changed."""

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
_TRAILING = re.compile(r"[.,;:]+\s?$")
_DATE = re.compile(rf"(\d{{1,2}})(\ )((?i:{_MONTHS}))(\ )(\d{{4}})")


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
        for token in tokenize(text):
            code = table.get(token)
            if code is None:
                code = table[token] = _char(len(tokens))
                tokens.append(token)
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    coded: list[list[str]] = []
    pos_a = pos_b = 0
    for kind, count in dmp_diff(a, b, timelimit=0, checklines=False, cleanup="No"):
        if kind == "=":
            chunk, pos_a, pos_b = a[pos_a : pos_a + count], pos_a + count, pos_b + count
        elif kind == "-":
            chunk, pos_a = a[pos_a : pos_a + count], pos_a + count
        else:
            chunk, pos_b = b[pos_b : pos_b + count], pos_b + count
        coded.append([kind, chunk])
    words = {code: len(_WORD.findall(token)) for code, token in zip(table.values(), tokens, strict=True)}
    ops: list[Op] = []
    for kind, chunk in _cleanup(coded, words):
        _append(ops, {"=": "equal", "+": "insert", "-": "delete"}[kind], "".join(tokens[ord(c) - _base(c)] for c in chunk))
    return _dates(_tidy(_trim(ops)))


def _trim(ops: list[Op]) -> list[Op]:
    """A deletion and the insertion replacing it give back the tokens they begin or end with alike:
    "[-2021 and-]{+2021,+}" reads "2021[- and-]{+,+}" (a word and the space after it are one unit
    of the diff, so "2021 " and "2021" differ there)."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        if i + 1 < len(ops) and ops[i][0] == "delete" and ops[i + 1][0] == "insert":
            a, b = tokenize(ops[i][1]), tokenize(ops[i + 1][1])
            head = 0
            while head < min(len(a), len(b)) and a[head] == b[head]:
                head += 1
            tail = 0
            while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
                tail += 1
            _append(out, "equal", "".join(a[:head]))
            _append(out, "delete", "".join(a[head : len(a) - tail]))
            _append(out, "insert", "".join(b[head : len(b) - tail]))
            _append(out, "equal", "".join(a[len(a) - tail :]))
            i += 2
            continue
        _append(out, *ops[i])
        i += 1
    return out


KEPT = 4  # an equal run of this many words or more is never folded into the change around it
_WORD = re.compile(r"\w+")


def _cleanup(ops: list[list[str]], words: dict[str, int]) -> list[list[str]]:
    """diff-match-patch's semantic clean-up over token codes, with one limit: an equality is folded
    into the edits around it (so "[-a-]{+b+} the [-c-]{+d+}" reads "[-a the c-]{+b the d+}") only
    when it is no longer than the edits on either side and shorter than KEPT words; a long unchanged
    stretch between two edits stays unchanged, as a legal officer's own redline would leave it."""
    equalities: list[int] = []
    last: str | None = None
    ins1 = del1 = ins2 = del2 = 0
    changed = False
    i = 0
    while i < len(ops):
        kind, chunk = ops[i]
        if kind == "=":
            equalities.append(i)
            ins1, del1, ins2, del2 = ins2, del2, 0, 0
            last = chunk
        else:
            if kind == "+":
                ins2 += len(chunk)
            else:
                del2 += len(chunk)
            if (
                last is not None
                and len(last) <= max(ins1, del1)
                and len(last) <= max(ins2, del2)
                and sum(words[c] for c in last) < KEPT
            ):
                at = equalities.pop()
                ops[at] = ["-", last]
                ops.insert(at + 1, ["+", last])
                if equalities:
                    equalities.pop()
                i = equalities[-1] if equalities else -1
                ins1 = del1 = ins2 = del2 = 0
                last = None
                changed = True
        i += 1
    return _merge(ops) if changed else ops


def _merge(ops: list[list[str]]) -> list[list[str]]:
    """Each run of edits as one deletion and one insertion, their common ends given back as equal."""
    out: list[list[str]] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == "=":
            if out and out[-1][0] == "=":
                out[-1][1] += ops[i][1]
            else:
                out.append(list(ops[i]))
            i += 1
            continue
        deleted = inserted = ""
        while i < len(ops) and ops[i][0] != "=":
            if ops[i][0] == "-":
                deleted += ops[i][1]
            else:
                inserted += ops[i][1]
            i += 1
        head = 0
        while head < min(len(deleted), len(inserted)) and deleted[head] == inserted[head]:
            head += 1
        tail = 0
        while tail < min(len(deleted), len(inserted)) - head and deleted[-1 - tail] == inserted[-1 - tail]:
            tail += 1
        if head:
            if out and out[-1][0] == "=":
                out[-1][1] += deleted[:head]
            else:
                out.append(["=", deleted[:head]])
        if len(deleted) - tail > head:
            out.append(["-", deleted[head : len(deleted) - tail]])
        if len(inserted) - tail > head:
            out.append(["+", inserted[head : len(inserted) - tail]])
        if tail:
            out.append(["=", deleted[len(deleted) - tail :]])
    return out


def _dates(ops: list[Op]) -> list[Op]:
    """A date replaced by a date shows only the parts that changed: "[-4-]{+2+} December 2023".
    Dates stay whole tokens while the diff is made, so a month never pairs with another date's."""
    if len(ops) < 2:
        return ops
    out: list[Op] = []
    i = 0
    while i < len(ops):
        if (
            i + 1 < len(ops)
            and ops[i][0] == "delete"
            and ops[i + 1][0] == "insert"
            and (a := _DATE.fullmatch(ops[i][1]))
            and (b := _DATE.fullmatch(ops[i + 1][1]))
        ):
            for x, y in zip(a.groups(), b.groups(), strict=True):
                if x == y:
                    _append(out, "equal", x)
                else:
                    _append(out, "delete", x)
                    _append(out, "insert", y)
            i += 2
            continue
        _append(out, *ops[i])
        i += 1
    return out


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
