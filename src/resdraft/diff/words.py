"""Word-level differences: the fewest insertions and deletions of word tokens, so a word, a number,
a date or a document symbol is never split, with a clean-up so the result reads like a human redline.

Each distinct token (a word, a run of white space, a punctuation mark) is encoded as one
character and rapidfuzz's bit-parallel longest common subsequence aligns the encoded strings,
both ways round (where one alignment ties with another, the one marking fewer words is kept).
Unchanged text at the start and end of both is left out first. The clean-up is
diff-match-patch's semantic rule, narrowed: a short unchanged stretch
between two changes is folded into them, unless words were only added (or only struck) on both
sides of it, and a stretch of four or more unchanged words never is. Words added where they could
as well be marked a word earlier or later are marked as whole words, and without a quotation mark
or a bracket whose pair is left unmarked where another place does as well. A date replaced by a date
then shows only the parts that changed, and a word whose spacing or punctuation alone changed
shows only that character. Where the exact diff keeps many bare spaces between changes (words
moved inside a paragraph), the texts are compared again with spaces joined to their words, and
the diff marking fewer words is kept."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping

from rapidfuzz.distance import Indel, Postfix, Prefix

from resdraft.model import Placeholder
from resdraft.vocabulary import FUNCTION_WORDS

Op = tuple[str, str]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A bracketed part written on to a part of a symbol, no space between: GC(67)/RES/7,
# ICCD/COP(13)/21/Add.1, CM/Rec(2022)16, GB.344/POL/2(Rev.1), Assembly/AU/Dec.729(XXXII). Only after
# a letter or a digit, and never ending in a full stop (a sentence's, which the symbol gives back).
_BRACKETED = r"(?:\((?<=[^\W_]\()[\w.\-]+\)(?:[\w.\-]*\w)?)"
_CORE = rf"""
    \d{{1,2}}\ (?i:{_MONTHS})\ \d{{4}}                    # a date: 18 December 2008, 12 SEPTEMBER 2013
    | [A-Za-z0-9][\w.\-]*+{_BRACKETED}?                    # a document symbol: 63/194, A/RES/76/186, GC(67)/RES/7,
      (?:/(?:[A-Z0-9][A-Z0-9.\-]*(?<!\.)                   #   with capitals spaced into whole words:
             (?:\ (?:(?:[A-Z][A-Z0-9.\-]*\b|(?<=[A-Z]\ )\d+\b)(?![\w'’/-])  # AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8,
                 |\([A-Z0-9 .\-]+\)(?=/)                   #   77/263 A (a bare number only after letters; none after
                 |\((?<=\d\ \()\d{{4}}\)))+                #   a full stop or before a "/"; a bracket only before a "/"),
           | [\w.\-]+{_BRACKETED}?))+                      #   S/RES/1663 (2006) (a year right after the number), Rev.1;
                                                           #   "77/256 A (2022)", "75/240 (OEWG)" are a symbol and a bracket
    | [A-Z]{{2,}}[A-Z0-9]*(?:\.\d+)?\((?<=\d\()\w+\)         # a symbol with no "/": MSC.257(84), LP.4(8), SSA2(5)
    | \d+(?:[.,]\d+)*(?:st|nd|rd|th)?                      # a number: 2,225  4.4  52nd
    | \w+(?:[-'’]\w+)*                                     # a word: Asian-African, Children's
"""
# Tokens: a core token, a run of white space (kept, so texts rebuild exactly), a placeholder still
# to fill ("[TBD: symbol of the 80th-session document (was A/RES/79/208)]", one token: it is filled
# or replaced whole, and a fact it quotes is no word kept), or one other character. A plain word
# that nothing could extend into a symbol or a compound is matched first: the same tokens, found
# in two thirds of the time. So are the commonest others, a single space and a mark (no core
# token begins with one), where nothing matched before could (the same tokens again): the
# regular expression passes at once over each alternative whose first character can't match.
_TOKEN = re.compile(
    rf"\ (?!\s)|[A-Za-z][a-z]*+(?![\w.\-/'’])|\s+|[^\w\s\[]|(?:{_CORE})|\[TBD:\ [^\]\n]*\]|.", re.VERBOSE | re.DOTALL
)
_TRAILING = re.compile(r"[.,;:]+\s?$")
# Where a symbol token may end in a full stop: only its last part after a "/" can, and only as [\w.\-]+.
_SYMBOL_STOP = re.compile(r"/[\w.\-]*\.(?![\w.\-])")
_DATE = re.compile(rf"(\d{{1,2}})(\ )((?i:{_MONTHS}))(\ )(\d{{4}})")
WORD = re.compile(r"\w+")  # a word, as every count of words in the diff has it
_SPACED = re.compile(r"\S+")  # a word as Word counts it: a run between spaces
_WORD_RUN = re.compile(r"\S*\w\S*")  # ... that holds a letter or a digit
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
    return _split_symbols(tokens) if "/" in text and _SYMBOL_STOP.search(text) else tokens


class _TokenCodes(dict[str, str]):
    """Each distinct token as one character, the same in every diff of a run. A token of one
    Latin-1 character other than a letter or a digit (a space, a mark) is its own code, and the
    first other tokens met take the Latin-1 letters and digits; then private-use characters, then
    the supplementary planes, never a surrogate. Beside it, each code's token and how many words
    it holds. (Python keeps one string for each character under 256, so going through a coded
    text makes no string for those codes, and rapidfuzz finds them in a table, not a hash map:
    word_diff takes some 6% fewer instructions than with private-use codes alone.)"""

    LIMIT = 0x10FFFF - 0x10000 - 0x1900  # codes there are room for
    LATIN = tuple(chr(c) for c in range(255, -1, -1) if chr(c).isalnum())  # (taken from the end: "0" first)

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.words: dict[str, int] = {}
        self.latin = list(self.LATIN)  # the Latin-1 letters and digits no token has taken

    def __missing__(self, token: str) -> str:
        if len(token) == 1 and token < "\u0100" and not token.isalnum():
            code = token
        elif self.latin:
            code = self.latin.pop()
        else:
            i = len(self)
            code = chr(0xE000 + i) if i < 0x1900 else chr(0x10000 + i)
        self[token] = code
        self.text[code] = token
        self.words[code] = _words_in(token.rstrip())  # (a word with the space after it, in _JOINED)
        return code

    def edge(self, code: str, text: str) -> str:
        """`code` (_HEAD or _TAIL) standing for `text`, unchanged text left out of a diff; "" for none.
        Its words are not counted: it begins (or ends) both texts, so no count the diff makes
        (words marked, the words of a stretch between two changes, old words against new) takes it in."""
        if not text:
            return ""
        self.text[code] = text
        self.words[code] = 0
        return code

    def make_room(self) -> None:
        """Start afresh when the codes are nearly used up (between diffs, never within one)."""
        if len(self) > self.LIMIT - 100_000:
            self.clear()
            self.text.clear()
            self.words.clear()
            self.latin = list(self.LATIN)


_HEAD, _TAIL = "\U0010fffd", "\U0010fffe"  # beyond every token's code: unchanged text left out of a diff
_CODES = _TokenCodes()
_JOINED = _TokenCodes()  # tokens with the white space after them joined on, for scattered diffs
SPACES_KEPT = 16  # a diff that keeps this many stretches of bare spaces (or marks) between changes is made again


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
    head, tail = _unchanged_edges(old, new)
    tokens_old, tokens_new = tokenize(old[head : len(old) - tail]), tokenize(new[head : len(new) - tail])
    edges = (old[:head], old[len(old) - tail :])
    ops, spaces = _diff((old, new), tokens_old, tokens_new, _CODES, edges)
    if spaces >= SPACES_KEPT:
        joined, _ = _diff((old, new), _spaces_joined(tokens_old), _spaces_joined(tokens_new), _JOINED, edges)
        if _words_marked(joined) < _words_marked(ops):
            return joined
    return ops


MARGIN = 40  # characters of unchanged text, at least, left on each side of the stretch compared
_MONTH_START = {month[:3].lower() for month in _MONTHS.split("|")}


def _unchanged_edges(old: str, new: str) -> tuple[int, int]:
    """How many characters at the start and at the end of both texts need not be compared:
    unchanged text, cut where the tokens of the whole text part too, and at least MARGIN
    characters from the first and last difference, so that the clean-up sees the changes in the
    same context. Most paragraphs of a year-over-year pair change in a few words; this compares only those."""
    head = _cut(old, Prefix.similarity(old, new) - MARGIN, -1)
    tail_at = _cut(old, len(old) - Postfix.similarity(old, new) + MARGIN, 1)
    tail = len(old) - tail_at if tail_at else 0
    if head > min(len(old), len(new)) - tail:
        return head, 0
    return head, tail


def _cut(text: str, limit: int, step: int) -> int:
    """The last place before `limit` (step -1) or the first after it (step 1) where a word in
    lower case follows a space: no token runs through there (those that hold a space, dates and
    symbols, go on only with a capital, a digit or a month), so the text's tokens are those of
    its two sides. 0 where there is none."""
    if not 0 < limit < len(text):
        return 0
    holes = Placeholder.holes(text)  # (a placeholder is one token, whatever words it holds)
    at = limit
    while (at := text.rfind(" ", 0, at) if step < 0 else text.find(" ", at)) >= 0:
        after = at + 1
        lower = text[after : after + 1].islower() and text[after : after + 3].lower() not in _MONTH_START
        if lower and not any(start < after < end for start, end in holes):
            return after
        at += 0 if step < 0 else 1
    return 0


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


def _diff(
    texts: tuple[str, str], tokens_a: list[str], tokens_b: list[str], codes: _TokenCodes, edges: tuple[str, str]
) -> tuple[list[Op], int]:
    """The word diff of two texts split into tokens, each token coded in `codes`, and how many
    stretches without a word the exact diff kept between two changes. The tokens leave out the
    unchanged `edges` (start and end) both texts share: each stands in the diff as one code."""
    codes.make_room()
    head, tail = codes.edge(_HEAD, edges[0]), codes.edge(_TAIL, edges[1])
    a = head + "".join(map(codes.__getitem__, tokens_a)) + tail
    b = head + "".join(map(codes.__getitem__, tokens_b)) + tail
    if head or tail:  # the edges as tokens too, where they stand in the diff
        tokens_a = [edges[0]] * bool(head) + tokens_a + [edges[1]] * bool(tail)
        tokens_b = [edges[0]] * bool(head) + tokens_b + [edges[1]] * bool(tail)
    weight, text_of = codes.words, codes.text
    blocks = _aligned(a, b)
    exact = _chunks(a, b, blocks)
    spaces = sum(1 for kind, chunk in exact[1:-1] if kind == "=" and not any(map(weight.__getitem__, chunk)))
    coded, folded = _cleaned_up(exact, weight)
    # Where two alignments cost the same, the diff takes one of them; a list that grew at its end
    # ("…, 76/206 of 17 December 2021, 77/166 of … and 78/154 of …") reads right only when matched
    # from the end. So the reversed texts are aligned too, and the diff that marks fewer words
    # kept; unless this one marks no more than the texts' counts of words differ by (none marks
    # fewer), or the reversed alignment marks as many before its clean-up (which only adds marks).
    # (A diff marks the words its alignment edits, and those of each stretch its clean-up folded in.)
    struck = sum(map(weight.__getitem__, "".join([chunk for kind, chunk in exact if kind == "-"])))
    inserted = sum(map(weight.__getitem__, "".join([chunk for kind, chunk in exact if kind == "+"])))
    marked = struck + inserted + folded
    if marked > abs(struck - inserted):
        back_a, back_b = a[::-1], b[::-1]
        back = _aligned(back_a, back_b)
        edited = _edited_words(back, back_a, back_b, weight)
        if edited < marked and _turned(back, a, b) != blocks:
            backwards, folded = _cleaned_up(_chunks(back_a, back_b, back), weight)
            if edited + folded < marked:
                coded = _mirrored(backwards)
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


def _mirrored(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ops of two reversed texts as ops of the texts: in reverse, each chunk turned round, and
    a deletion before the insertion that replaces it."""
    out = [(kind, chunk[::-1]) for kind, chunk in reversed(ops)]
    for i in range(len(out) - 1):
        if out[i][0] == "+" and out[i + 1][0] == "-":
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def _words_in(token: str) -> int:
    """How many words a token holds: one for a plain word, none for space or a mark, more for a
    date or a symbol."""
    if token.isalnum():
        return 1
    if token.isspace() or len(token) == 1:
        return 0
    return len(WORD.findall(token))


def _cleaned_up(exact: list[tuple[str, str]], weight: Mapping[str, int]) -> tuple[list[tuple[str, str]], int]:
    """The exact diff, cleaned up the way a legal officer's own redline reads. A short unchanged
    stretch between two changes is folded into them, as diff-match-patch's semantic clean-up
    would ("[-a-]{+b+} the [-c-]{+d+}" reads "[-a the c-]{+b the d+}": old and new words no longer
    alternate), but not where words were only added, or only struck, on both sides of it: there
    nothing alternates, and "threats {+and rhetoric pertaining +}to {+the +}use {+of +}nuclear
    weapons" keeps the old text whole. A stretch of KEPT or more unchanged words always stays.
    Also how many words the folding marks (a stretch folded in is marked on both sides)."""
    # Runs of edits as [deleted, inserted] on a stack, each with the unchanged stretch before it
    # (the first run's is the text's start). A run that comes folds into the one before it while
    # the stretch between them may fold, and the merged run is then weighed against the one before
    # it in turn: each stretch is weighed against the runs on both sides of it as they stand.
    lead = tail = ""
    folded = 0
    runs: list[list[str]] = []
    gaps: list[str] = []  # gaps[m]: the stretch before runs[m]
    for kind, chunk in exact:
        if kind == "=":
            tail = chunk
            continue
        if tail or not runs:  # a run of edits starts
            if runs:
                folded += _fold(runs, gaps, weight)
            else:
                lead = tail
            runs.append(["", ""])
            gaps.append(tail)
            tail = ""
        runs[-1][kind == "+"] += chunk
    if not runs:
        return [("=", tail)] if tail else [], 0
    folded += _fold(runs, gaps, weight)
    ops = [("=", lead)] if lead else []
    for m, (deleted, inserted) in enumerate(runs):
        if deleted:
            ops.append(("-", deleted))
        if inserted:
            ops.append(("+", inserted))
        stretch = gaps[m + 1] if m + 1 < len(gaps) else tail
        if stretch:
            ops.append(("=", stretch))
    return ops, folded


def _fold(runs: list[list[str]], gaps: list[str], weight: Mapping[str, int]) -> int:
    """The last run of edits folded into the one before it, with the stretch between, while that
    stretch is short and the two runs' old and new words alternate (see _cleaned_up); and the
    words the stretches folded in add to the marks."""
    folded = 0
    while len(runs) > 1:
        stretch, (struck, added), (struck_after, added_after) = gaps[-1], runs[-2], runs[-1]
        size = len(stretch)  # (the commonest reason to stop first: a stretch longer than the edits beside it)
        if (size > len(struck) and size > len(added)) or (size > len(struck_after) and size > len(added_after)):
            return folded
        if (not struck) != (not added) and (not struck) == (not struck_after) and (not added) == (not added_after):
            return folded  # words only added (or only struck) on both sides
        kept = sum(map(weight.__getitem__, stretch))  # (its words)
        if kept >= KEPT:
            return folded
        runs[-2] = [struck + stretch + struck_after, added + stretch + added_after]
        folded += 2 * kept
        del runs[-1], gaps[-1]
    return folded


def _slid(coded: list[tuple[str, str]], text_of: Callable[[str], str]) -> list[tuple[str, str]]:
    """Words added (or struck) between two unchanged stretches, where the same words could as well
    be marked a little earlier or later, are marked where they touch the fewest words as Word counts
    them (runs between spaces): "local, {+national, +}regional", not "local{+, national+}, regional";
    and where two places touch as many, where no quotation mark or bracket is marked without its pair."""
    out = list(coded)
    for k in range(1, len(out) - 1):
        kind, edit = out[k]
        if kind == "=":
            continue
        (before, left), (after, right) = out[k - 1], out[k + 1]
        if before != "=" or after != "=":
            continue
        if not ((len(right) > 1 and edit[0] == right[0]) or (len(left) > 1 and edit[-1] == left[-1])):
            continue  # (most edits: they could stand nowhere else)
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
            # On a tie, marks that open and close inside the stretch: "XIV.A of the Statute”; {+GC(67)/DEC/10, entitled
            # “Amendment to Article VI of the Statute”; +}and", not "XIV.A{+ of the Statute”; … Article VI+} of the
            # Statute”; and" (the same words, the title's quotation marks straddled); then the first as found.
            best = min(options, key=lambda o: (_touched(o[0], o[1], o[2], text_of), _unpaired("".join(map(text_of, o[1])))))
            out[k - 1 : k + 2] = [("=", best[0]), (kind, best[1]), ("=", best[2])]
    return out


def _touched(left: str, edit: str, right: str, text_of: Callable[[str], str]) -> int:
    """How many words as Word counts them (runs between spaces holding a letter or digit) the
    marked stretch `edit` touches, between the unchanged `left` and `right`."""
    marked = "".join(map(text_of, edit))
    head = "" if marked[:1].isspace() else "".join(map(text_of, _until_space(reversed(left), text_of)[::-1]))
    tail = "" if marked[-1:].isspace() else "".join(map(text_of, _until_space(iter(right), text_of)))
    # (Only the run of the unchanged text that runs on into the marked one counts; each unchanged
    # edge left out of the diff is one long token.)
    head = "" if not head or head[-1].isspace() else head.rsplit(None, 1)[-1]
    tail = "" if not tail or tail[0].isspace() else tail.split(None, 1)[0]
    return len(_WORD_RUN.findall(head + marked + tail))


_PAIRS = {"“": "”", "(": ")", "[": "]"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_MARK = re.compile(r"[“”()\[\]]")


def _unpaired(text: str) -> bool:
    """Whether a quotation mark or a bracket in `text` is opened or closed outside it."""
    opened: list[str] = []
    for char in _MARK.findall(text):
        if char in _PAIRS:
            opened.append(char)
        elif char in _CLOSING and (not opened or opened.pop() != _CLOSING[char]):
            return True
    return bool(opened)


def _until_space(codes: Iterator[str], text_of: Callable[[str], str]) -> list[str]:
    out = []
    for code in codes:
        if text_of(code).isspace():
            break
        out.append(code)
    return out


Blocks = list[tuple[int, int, int]]  # an alignment: the stretches (start in a, start in b, length) kept


def _aligned(a: str, b: str) -> Blocks:
    """An alignment of `a` and `b` with the fewest insertions and deletions: rapidfuzz's, over the
    longest common subsequence, bit-parallel. It ends with (len(a), len(b), 0)."""
    return [(block.a, block.b, block.size) for block in Indel.editops(a, b).as_matching_blocks()]


def _edited_words(blocks: Blocks, a: str, b: str, weight: Mapping[str, int]) -> int:
    """How many words an alignment deletes and inserts (`weight`: each code's words)."""
    edited: list[str] = []
    i = j = 0
    for start_a, start_b, size in blocks:
        edited += (a[i:start_a], b[j:start_b])
        i, j = start_a + size, start_b + size
    return sum(map(weight.__getitem__, "".join(edited)))


def _turned(blocks: Blocks, a: str, b: str) -> Blocks:
    """The alignment of the reversed `a` and `b` as an alignment of `a` and `b`."""
    return [(len(a) - i - size, len(b) - j - size, size) for i, j, size in reversed(blocks) if size] + [(len(a), len(b), 0)]


def _chunks(a: str, b: str, blocks: Blocks | None = None) -> list[tuple[str, str]]:
    """The ops ('=', '-' or '+') of an alignment (by default the one _aligned finds) with the
    stretch of `a` or `b` each covers: each run of edits a deletion then an insertion, and an edit
    that could as well stand on the other side of the unchanged stretch before or after it moved
    there, merging two stretches (as diff-match-patch does)."""
    ops: list[tuple[str, str]] = []
    i = j = 0
    for start_a, start_b, size in _aligned(a, b) if blocks is None else blocks:
        if i < start_a:
            ops.append(("-", a[i:start_a]))
        if j < start_b:
            ops.append(("+", b[j:start_b]))
        if size:
            ops.append(("=", a[start_a : start_a + size]))
        i, j = start_a + size, start_b + size
    _shift(ops)
    return ops


def _shift(ops: list[tuple[str, str]]) -> None:
    """A single edit between two unchanged stretches that ends with the first ("A{+BA+}C") or
    begins with the second ("A{+CB+}C") moves over it: "{+AB+}AC", "AC{+BC+}"."""
    while True:
        moved = False
        k, end = 1, len(ops) - 1
        while k < end:
            kind, edit = ops[k]
            if kind != "=":
                before, left = ops[k - 1]
                after, right = ops[k + 1]
                if before == "=" and after == "=":
                    if edit.endswith(left):
                        ops[k - 1 : k + 2] = [(kind, left + edit[: len(edit) - len(left)]), ("=", left + right)]
                        moved, end = True, end - 1
                    elif edit.startswith(right):
                        ops[k - 1 : k + 2] = [("=", left + right), (kind, edit[len(right) :] + right)]
                        moved, end = True, end - 1
            k += 1
        if not moved:
            return
        ops[:] = _merged(ops)


def _merged(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    deleted = inserted = ""
    for kind, chunk in ops:
        if kind == "-":
            deleted += chunk
        elif kind == "+":
            inserted += chunk
        else:
            out += [*([("-", deleted)] if deleted else []), *([("+", inserted)] if inserted else [])]
            deleted = inserted = ""
            if out and out[-1][0] == "=":
                out[-1] = ("=", out[-1][1] + chunk)
            else:
                out.append(("=", chunk))
    out += [*([("-", deleted)] if deleted else []), *([("+", inserted)] if inserted else [])]
    return out


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
_ALNUM = re.compile(r"[^\W_]")


def _finer(old: str, new: str) -> list[Op] | None:
    """The replacement of `old` by `new` in smaller pieces, or None where whole words it is."""
    if (kept := _edge_kept(old, new)) is not None:  # words kept whole at one end ("[-reports-]{+reports to …+}")
        return kept
    first_old, first_new = _ALNUM.search(old), _ALNUM.search(new)  # (the same letters begin with the same one)
    same_first = first_old.group() == first_new.group() if first_old and first_new else first_old is first_new
    if old.strip() and same_first and _NOT_ALNUM.sub("", old) == _NOT_ALNUM.sub("", new):
        ops = [(_OPS[kind], chunk) for kind, chunk in _chunks(old, new)]
        if not any(op != "equal" and _NOT_ALNUM.sub("", text) for op, text in ops):
            return ops
        return None
    a, b = (_DATE.match(old), _DATE.match(new)) if old[:1].isdigit() and new[:1].isdigit() else (None, None)
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
    short, long = (old, new) if len(old) <= len(new) else (new, old)
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
        both = len(run) > 1 and {op for op, _ in run} == {"insert", "delete"}
        tail = min((len(t) - len(t.rstrip()) if t[-1:].isspace() else 0 for _, t in run), default=0) if both else 0
        space = run[0][1][len(run[0][1]) - tail :] if tail else ""
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


# A content word: letters only (a date's, a symbol's or a session's digits change every year), and
# none of the words every sentence has. What a paragraph says is in these.
_LETTERS = re.compile(r"\b[^\W\d_]+\b")


# Each ASCII character that is no word's as a space, a table for bytes.translate. In UTF-8 the
# bytes of the characters outside ASCII are 128 and over, left as they are.
_NOT_WORD = bytes(b if b >= 128 or WORD.fullmatch(chr(b)) else ord(" ") for b in range(256))


def words_of(text: str) -> list[str]:
    """WORD's words of a text, in a third of the time WORD.findall takes: the ASCII characters that
    are no word's blanked in its UTF-8, then its runs between spaces; a run that still holds a mark
    outside ASCII (“, ’, –) has its words looked for in it alone. (A lone surrogate, which a text
    read from JSON may hold, goes through as its three bytes and back.)"""
    runs = text.encode(errors="surrogatepass").translate(_NOT_WORD).decode(errors="surrogatepass").split()
    if text.isascii():
        return runs
    return [word for run in runs for word in ((run,) if run.isascii() else WORD.findall(run))]


def count_content_words(text: str) -> int:
    """How many content words a text has (a regular expression that leaves the function words out
    takes five times as long). In ASCII, _LETTERS's words are the runs of letters alone."""
    if text.isascii():
        words = words_of(text.lower())
        return sum(map(str.isalpha, words)) - sum(map(FUNCTION_WORDS.__contains__, words))
    words = _LETTERS.findall(text)
    return len(words) - sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words)))


def kept_share(ops: list[Op] | tuple[Op, ...]) -> float:
    """The share of the shorter side's words that a diff keeps unchanged (1 where a side has none)."""
    if len(ops) == 1 and ops[0][0] == "equal":
        return 1.0
    count = {op: len(words_of("".join(text for o, text in ops if o == op))) for op in ("equal", "insert", "delete")}
    shorter = count["equal"] + min(count["insert"], count["delete"])
    return count["equal"] / shorter if shorter else 1.0


# A proper name: capitalized words, and the small words of a name between them ("United Nations
# Mission in the Sudan", "Food and Agriculture Organization of the United Nations").
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|in|the|to)\s+)*[A-Z][\w’'-]*)*")


def keeps_share(ops: list[Op] | tuple[Op, ...], share: float, names_once: bool = False) -> bool:
    """Whether a diff keeps `share` (under 1) or more of the shorter side's content words, as
    `kept_share` counts words, counting the unchanged ones only until there are enough: most pairs
    change a few words and keep hundreds. With `names_once`, where all it keeps is proper names
    (capitalized words, the text's first word aside), each name counts as one word: a name two
    texts share ("… of the United Nations Mission in the Sudan …") is not a text they share."""
    # Each side's changes, their texts joined by spaces (each text's words, and no word made across
    # two); the shorter counted first, as where it has no content word the other need not be counted.
    shorter, longer = sorted((" ".join(text for o, text in ops if o == op) for op in ("insert", "delete")), key=len)
    least = count_content_words(shorter)
    if least:
        least = min(least, count_content_words(longer))
    if not least:  # words only added, or only struck, or none changed: all the shorter side's are kept
        return True
    need = share * least / (1 - share)  # kept / (kept + least) >= share
    kept = 0
    names_alone = names_once  # (until a word kept is no name's: one in lower case, or the first)
    for k, (op, text) in enumerate(ops):
        if op == "equal":
            for match in _LETTERS.finditer(text):
                word = match[0]
                if word.lower() in FUNCTION_WORDS:
                    continue
                if names_alone and (not word[0].isupper() or (k == 0 and not _LETTERS.search(text, 0, match.start()))):
                    names_alone = False
                if kept >= need and not names_alone:
                    return True
                kept += 1
    if names_alone:
        kept = sum(len(_NAME.findall(text)) for op, text in ops if op == "equal")
    return kept >= need


def located(ops: list[Op] | tuple[Op, ...]) -> Iterator[tuple[str, str, int, int]]:
    """Each op with where its text starts in the old text and in the new (an insertion stands at
    the old text's place between, a deletion at the new's)."""
    at_old = at_new = 0
    for op, text in ops:
        yield op, text, at_old, at_new
        at_old += 0 if op == "insert" else len(text)
        at_new += 0 if op == "delete" else len(text)


def old_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The old text a diff was made from."""
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops: list[Op] | tuple[Op, ...]) -> str:
    """The new text a diff leads to."""
    return "".join(text for op, text in ops if op != "delete")
