"""Word-level differences: diff-match-patch over word tokens, so a word, a number, a date or a
document symbol is never split, with a clean-up so the result reads like a human redline.

Each distinct token (a word, a run of white space, a punctuation mark) is encoded as one
character and the C++ build of diff-match-patch (fast-diff-match-patch) diffs the encoded
strings. The clean-up is diff-match-patch's semantic rule, narrowed: a short unchanged stretch
between two changes is folded into them, unless words were only added (or only struck) on both
sides of it, and a stretch of four or more unchanged words never is. Words added where they could
as well be marked a word earlier or later are marked as whole words. A date replaced by a date
then shows only the parts that changed, and a word whose spacing or punctuation alone changed
shows only that character. Where the exact diff keeps many bare spaces between changes (words
moved inside a paragraph), the texts are compared again with spaces joined to their words, and
the diff marking fewer words is kept."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from fast_diff_match_patch import diff as dmp_diff

Op = tuple[str, str]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CORE = rf"""
    \d{{1,2}}\ (?i:{_MONTHS})\ \d{{4}}                       # a date: 18 December 2008, 12 SEPTEMBER 2013
    | [A-Za-z0-9][\w.\-]*+                                    # a document symbol: 63/194, A/RES/76/186,
      (?:/(?:[A-Z0-9][A-Z0-9.\-]*(?<!\.)                      #   with capitals spaced into whole words:
             (?:\ (?:(?:[A-Z][A-Z0-9.\-]*\b|(?<=[A-Z]\ )\d+\b)(?![\w'’/-])  #   AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8,
                 |\([A-Z0-9 .\-]+\)))+                              #   77/263 A (a bare number only after letters; none
           | [\w.\-]+))+                                         #   after a full stop or before a "/"), or Rev.1
    | \d+(?:[.,]\d+)*(?:st|nd|rd|th)?                         # a number: 2,225  4.4  52nd
    | \w+(?:[-'’]\w+)*                                        # a word: Asian-African, Children's
"""
# Tokens: a core token, a run of white space (kept, so texts rebuild exactly), or one other character.
# A plain word that nothing could extend into a symbol or a compound is matched first: the same
# tokens, found in two thirds of the time.
_TOKEN = re.compile(rf"\s+|[A-Za-z][a-z]*+(?![\w.\-/'’])|(?:{_CORE})|.", re.VERBOSE | re.DOTALL)
_TRAILING = re.compile(r"[.,;:]+\s?$")
_DATE = re.compile(rf"(\d{{1,2}})(\ )((?i:{_MONTHS}))(\ )(\d{{4}})")
WORD = re.compile(r"\w+")  # a word, as every count of words in the diff has it
_SPACED = re.compile(r"\S+")  # a word as Word counts it: a run between spaces
KEPT = 4  # an equal run of this many words or more is never folded into the change around it
_OPS = {"=": "equal", "+": "insert", "-": "delete"}


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


class _Codes(dict[str, str]):
    """Each distinct token as one character, the same in every diff of a run: private-use
    characters first, then the supplementary planes, never a surrogate. Beside it, each code's
    token and how many words it holds."""

    LIMIT = 0x10FFFF - 0x10000 - 0x1900  # codes there are room for

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.words: dict[str, int] = {}

    def __missing__(self, token: str) -> str:
        i = len(self)
        code = self[token] = chr(0xE000 + i) if i < 0x1900 else chr(0x10000 + i)
        self.text[code] = token
        self.words[code] = _words_in(token.rstrip())  # (a word with the space after it, in _JOINED)
        return code

    def make_room(self) -> None:
        """Start afresh when the codes are nearly used up (between diffs, never within one)."""
        if len(self) > self.LIMIT - 100_000:
            self.clear()
            self.text.clear()
            self.words.clear()


_CODES = _Codes()
_JOINED = _Codes()  # tokens with the white space after them joined on, for scattered diffs
SPACES_KEPT = 16  # a diff that keeps this many stretches of bare spaces (or marks) between changes is made again


def encoded(tokens: Iterable[str]) -> str:
    """Tokens (or words) as one character each, the same character for the same token in every
    comparison of a run, so that comparing two texts costs one step per token."""
    return "".join(map(_CODES.__getitem__, tokens))


def word_diff(old: str, new: str) -> list[Op]:
    """Ops ('equal' | 'insert' | 'delete', text) turning `old` into `new`, word by word.

    Tokens are compared one for one, white space included, which finds the fewest changes but
    may keep the spaces between replaced words at the cost of a longer stretch of words (a page
    header moved inside a paragraph reads "[-the-]{+A/RES/79/160+} [-media-]{+Combating+} …").
    So where the exact diff keeps SPACES_KEPT stretches of bare spaces or marks between changes,
    the texts are compared again with each space joined to the word before it, and whichever
    diff marks fewer words is kept."""
    if old == new:
        return [("equal", old)] if old else []
    tokens_old, tokens_new = tokenize(old), tokenize(new)
    ops, spaces = _diff((old, new), tokens_old, tokens_new, _CODES)
    if spaces >= SPACES_KEPT:
        joined, _ = _diff((old, new), _spaces_joined(tokens_old), _spaces_joined(tokens_new), _JOINED)
        if _words_marked(joined) < _words_marked(ops):
            return joined
    return ops


def _spaces_joined(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.isspace() and out:
            out[-1] += token
        else:
            out.append(token)
    return out


def _words_marked(ops: list[Op]) -> int:
    return sum(len(_SPACED.findall(text)) for op, text in ops if op != "equal")


def _diff(texts: tuple[str, str], tokens_a: list[str], tokens_b: list[str], codes: _Codes) -> tuple[list[Op], int]:
    """The word diff of two texts split into tokens, each token coded in `codes`, and how many
    stretches without a word the exact diff kept between two changes."""
    codes.make_room()
    a, b = "".join(map(codes.__getitem__, tokens_a)), "".join(map(codes.__getitem__, tokens_b))
    weight, text_of = codes.words, codes.text

    def words(chunk: str) -> int:
        return sum(map(weight.__getitem__, chunk))

    exact = list(_chunks(a, b))
    spaces = sum(1 for kind, chunk in exact[1:-1] if kind == "=" and not words(chunk))
    coded = _cleaned_up(exact, words)
    if _may_tie(coded) and _marked(coded, words) > abs(words(a) - words(b)):  # (no diff marks fewer than that)
        # Where two alignments cost the same, the diff takes the earlier match; a list that grew at
        # its end ("…, 76/206 of 17 December 2021, 77/166 of … and 78/154 of …") reads right only
        # when matched from the end. Diff the reversed texts too and keep whichever marks fewer words.
        backwards = [(kind, chunk[::-1]) for kind, chunk in reversed(_cleaned_up(list(_chunks(a[::-1], b[::-1])), words))]
        for i in range(len(backwards) - 1):  # a deletion before the insertion that replaces it, as forwards
            if backwards[i][0] == "+" and backwards[i + 1][0] == "-":
                backwards[i], backwards[i + 1] = backwards[i + 1], backwards[i]
        if _marked(backwards, words) < _marked(coded, words):
            coded = backwards
    # Each op's text is cut from its side's text: ops take tokens from each side in turn.
    old, new = texts
    at_old = list(itertools.accumulate(map(len, tokens_a), initial=0))
    at_new = list(itertools.accumulate(map(len, tokens_b), initial=0))
    ops: list[Op] = []
    i = j = 0
    for kind, chunk in _slid(coded, text_of.__getitem__):
        n = len(chunk)
        if kind == "+":
            _append(ops, "insert", new[at_new[j] : at_new[j + n]])
            j += n
        else:
            _append(ops, _OPS[kind], old[at_old[i] : at_old[i + n]])
            i += n
            j += n if kind == "=" else 0
    return _refine(_tidy(ops)), spaces


def _words_in(token: str) -> int:
    """How many words a token holds: one for a plain word, none for space or a mark, more for a
    date or a symbol."""
    if token.isalnum():
        return 1
    if token.isspace() or len(token) == 1:
        return 0
    return len(WORD.findall(token))


def _may_tie(coded: list[tuple[str, str]]) -> bool:
    """Whether another alignment could cost the same: two runs of edits, one of them a pure
    insertion or deletion (which might as well have matched the equal words on its other side)."""
    runs: list[set[str]] = []  # the kinds of op in each run of edits
    current: set[str] = set()
    for kind, _ in coded:
        if kind != "=":
            current.add(kind)
        elif current:
            runs.append(current)
            current = set()
    if current:
        runs.append(current)
    return len(runs) >= 2 and any(len(run) == 1 for run in runs)


def _marked(coded: list[tuple[str, str]], words: Callable[[str], int]) -> int:
    return sum(words(chunk) for kind, chunk in coded if kind != "=")


def _cleaned_up(exact: list[tuple[str, str]], words: Callable[[str], int]) -> list[tuple[str, str]]:
    """The exact diff, cleaned up the way a legal officer's own redline reads. A short unchanged
    stretch between two changes is folded into them, as diff-match-patch's semantic clean-up
    would ("[-a-]{+b+} the [-c-]{+d+}" reads "[-a the c-]{+b the d+}": old and new words no longer
    alternate), but not where words were only added, or only struck, on both sides of it: there
    nothing alternates, and "threats {+and rhetoric pertaining +}to {+the +}use {+of +}nuclear
    weapons" keeps the old text whole. A stretch of KEPT or more unchanged words always stays."""
    ops = list(exact)
    k = 1
    while k < len(ops) - 1:
        kind, chunk = ops[k]
        if kind != "=" or words(chunk) >= KEPT:
            k += 1
            continue
        start = k
        while start > 0 and ops[start - 1][0] != "=":
            start -= 1
        end = k + 1
        while end < len(ops) and ops[end][0] != "=":
            end += 1
        before, after = ops[start:k], ops[k + 1 : end]
        kinds = [{kd for kd, _ in side} for side in (before, after)]
        alike = kinds[0] == kinds[1] and len(kinds[0]) == 1
        if not before or not after or alike or len(chunk) > min(_size(before), _size(after)):
            k += 1
            continue
        run = [*before, ("-", chunk), ("+", chunk), *after]
        ops[start:end] = [(edit, "".join(c for kd, c in run if kd == edit)) for edit in "-+"]
        k = max(start - 1, 1)  # the equality before may fold now that the run after it grew
    return ops


def _size(side: list[tuple[str, str]]) -> int:
    """The longer of what a run of edits deletes and what it inserts, in tokens."""
    deleted = inserted = 0
    for kind, chunk in side:
        if kind == "-":
            deleted += len(chunk)
        else:
            inserted += len(chunk)
    return max(deleted, inserted)


def _slid(coded: list[tuple[str, str]], text_of: Callable[[str], str]) -> list[tuple[str, str]]:
    """Words added (or struck) between two unchanged stretches, where the same words could as well
    be marked a little earlier or later, are marked where they touch the fewest words as Word counts
    them (runs between spaces): "local, {+national, +}regional", not "local{+, national+}, regional"."""
    out = list(coded)
    for k in range(1, len(out) - 1):
        (before, left), (kind, edit), (after, right) = out[k - 1 : k + 2]
        if kind == "=" or before != "=" or after != "=":
            continue
        options = [(left, edit, right)]
        for s in range(1, min(len(edit), len(right) - 1) + 1):  # later, keeping some of `right`
            if edit[s - 1] != right[s - 1]:
                break
            options.append((left + edit[:s], edit[s:] + edit[:s], right[s:]))
        for s in range(1, min(len(edit), len(left) - 1) + 1):  # earlier, keeping some of `left`
            if edit[-s] != left[-s]:
                break
            options.append((left[:-s], left[-s:] + edit[:-s], edit[-s:] + right))
        if len(options) > 1:
            best = min(options, key=lambda o: _touched(o[0], o[1], o[2], text_of))  # the first (as found) on a tie
            out[k - 1 : k + 2] = [("=", best[0]), (kind, best[1]), ("=", best[2])]
    return out


def _touched(left: str, edit: str, right: str, text_of: Callable[[str], str]) -> int:
    """How many words as Word counts them (runs between spaces holding a letter or digit) the
    marked stretch `edit` touches, between the unchanged `left` and `right`."""
    head = _until_space(reversed(left), text_of)[::-1]
    tail = _until_space(iter(right), text_of)
    text = "".join(map(text_of, head + list(edit) + tail))
    start = sum(len(text_of(c)) for c in head)
    end = len(text) - sum(len(text_of(c)) for c in tail)
    return sum(1 for w in _SPACED.finditer(text) if w.start() < end and w.end() > start and WORD.search(w.group()))


def _until_space(codes: Iterator[str], text_of: Callable[[str], str]) -> list[str]:
    out = []
    for code in codes:
        if text_of(code).isspace():
            break
        out.append(code)
    return out


def _chunks(a: str, b: str) -> Iterator[tuple[str, str]]:
    """diff-match-patch's exact ops ('=', '-' or '+') with the stretch of `a` or `b` each covers."""
    pos_a = pos_b = 0
    for kind, count in dmp_diff(a, b, timelimit=0, checklines=False, cleanup="No"):
        if kind == "+":
            yield kind, b[pos_b : pos_b + count]
            pos_b += count
        else:
            yield kind, a[pos_a : pos_a + count]
            pos_a += count
            pos_b += count if kind == "=" else 0


def _refine(ops: list[Op]) -> list[Op]:
    """Where a replacement changes less than whole words, show only what changed.

    A date replaced by a date shows the parts that changed ("[-4-]{+2+} December 2023"), and so
    does a date that begins both sides of a longer replacement ("[-22-]{+23+} June 2022{+, and the
    decisions …+}"), when day, month or year stayed. Dates stay whole tokens while the diff is
    made, so a month never pairs with another date's. Words that changed only in their spacing or
    punctuation ("Kunming Montreal" to "Kunming-Montreal", a hyphen become a non-breaking one)
    show that character, not the words retyped."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        if i + 1 < len(ops) and ops[i][0] == "delete" and ops[i + 1][0] == "insert":
            parts = _finer(ops[i][1], ops[i + 1][1])
            if parts is not None:
                for op in parts:
                    _append(out, *op)
                i += 2
                continue
        _append(out, *ops[i])
        i += 1
    return out


_NOT_ALNUM = re.compile(r"[\W_]+")


def _finer(old: str, new: str) -> list[Op] | None:
    """The replacement of `old` by `new` in smaller pieces, or None where whole words it is."""
    if (kept := _edge_kept(old, new)) is not None:  # words kept whole at one end ("[-reports-]{+reports to …+}")
        return kept
    if old.strip() and _NOT_ALNUM.sub("", old) == _NOT_ALNUM.sub("", new):
        ops = [(_OPS[kind], chunk) for kind, chunk in _chunks(old, new)]
        if not any(op != "equal" and _NOT_ALNUM.sub("", text) for op, text in ops):
            return ops
        return None
    a, b = _DATE.match(old), _DATE.match(new)
    if not (a and b) or not any(x == y for x, y in zip(a.groups()[::2], b.groups()[::2], strict=True)):
        return None
    ops = []
    for x, y in zip(a.groups(), b.groups(), strict=True):
        ops += [("equal", x)] if x == y else [("delete", x), ("insert", y)]
    return [*ops, ("delete", old[a.end() :]), ("insert", new[b.end() :])]


def _edge_kept(old: str, new: str) -> list[Op] | None:
    """A replacement whose shorter side begins (or ends) the longer one, up to a word's edge, as
    those words kept and the rest inserted or deleted: spaces joined to words keep "reports" and
    "reports " apart, so "reports, notes" to "reports to the Committee, notes" replaces one with the other."""
    short, long = sorted((old, new), key=len)
    if not short.strip() or short == long:
        return None
    edit = "insert" if long is new else "delete"
    if long.startswith(short) and not (short[-1].isalnum() and long[len(short)].isalnum()):
        return [("equal", short), (edit, long[len(short) :])]
    if long.endswith(short) and not (short[0].isalnum() and long[-len(short) - 1].isalnum()):
        return [(edit, long[: -len(short)]), ("equal", short)]
    return None


def _append(ops: list[Op], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1][0] == op:
        ops[-1] = (op, ops[-1][1] + text)
    else:
        ops.append((op, text))


def _tidy(ops: list[Op]) -> list[Op]:
    """White space at the edges of a change goes where a reader expects it. Where a run replaces
    words (a deletion and an insertion), the white space both end with goes back to the equal text
    after it: "[-First -]{+Third +}" reads "[-First-]{+Third+} "."""
    ops = list(ops)
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
        elif len(run) == 1 and out and j < len(ops) and (lead := _lead(run[0][1], ops[j][1])):
            # One added or struck word led by the space the next words also start with: the space
            # goes before it, "taking note{+ also+} of" reads "taking note {+also +}of".
            op, text = run[0]
            _append(out, "equal", lead)
            _append(out, op, text[len(lead) :] + lead)
            ops[j] = ("equal", ops[j][1][len(lead) :])
        else:
            for op, text in run:
                _append(out, op, text)
        i = j
    return out


def _lead(text: str, after: str) -> str:
    """The white space a one-word `text` starts with, where the equal text `after` starts with it too."""
    lead = text[: len(text) - len(text.lstrip())]
    word = text.strip()
    return lead if lead and word and not any(c.isspace() for c in word) and after.startswith(lead) else ""


def kept_share(ops: list[Op] | tuple[Op, ...]) -> float:
    """The share of the shorter side's words that a diff keeps unchanged (1 where a side has none)."""
    if len(ops) == 1 and ops[0][0] == "equal":
        return 1.0
    count = {op: len(WORD.findall("".join(text for o, text in ops if o == op))) for op in ("equal", "insert", "delete")}
    shorter = count["equal"] + min(count["insert"], count["delete"])
    return count["equal"] / shorter if shorter else 1.0


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The old text a diff was made from."""
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The new text a diff leads to."""
    return "".join(text for op, text in ops if op != "delete")
