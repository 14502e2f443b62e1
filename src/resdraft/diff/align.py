"""Paragraph alignment: pair each new paragraph with the old one it continues, if any.

Paragraphs built from the same library clause (or from clauses linked by `amends`) pair first,
then paragraphs of the same words; the rest pair by text similarity (rapidfuzz), helped by the
opening phrase and the position: first those edited in place between two pairs, then by search.
Pairs that break the order are flagged as moved: all but the increasing run that carries the most text.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from resdraft.diff.model import lines_by_role
from resdraft.diff.words import words_of
from resdraft.model import Line, Paragraph

THRESHOLD = 55.0  # similarity (0-100) below which two paragraphs are different paragraphs
NEARBY = 75.0  # near its old place, a pair must be this sure (word by word); weaker ones wait for the search over all
SHARED_WORDS = 20.0  # word-by-word similarity under which two paragraphs are never paired (however alike their letters)
OPENING_BONUS = 8.0
POSITION_BONUS = 5.0
MANY_SAME = 10_000  # pairs of paragraphs of the same words weighed one by one, at most, for one text

Related = Callable[[str, str], bool]
Judge = Callable[[int, int], bool]  # (new index, old index): whether two paragraphs may pair


_CONTROLS = bytes(range(32))  # the ASCII control characters: its white space but the space is among them


def _norm(text: str) -> str:
    """A text in lower case, its words one space apart."""
    # Most are so already, and need only lowering: a text with no white space but the space, no two
    # spaces together nor one at either end. In ASCII, one with no control character (looked for in
    # its bytes, a fifth of the time str.isprintable takes); elsewhere one that prints (white space
    # other than the space is a control or a separator character).
    no_other_space = len(text.encode().translate(None, _CONTROLS)) == len(text) if text.isascii() else text.isprintable()
    if no_other_space and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text.lower()
    return " ".join(text.split()).lower()


def align(old: Sequence[Paragraph], new: Sequence[Paragraph], related: Related | None = None) -> dict[int, int]:
    """new index -> old index for the paragraphs that continue one another."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()  # the old indices paired, kept beside `pairs` to look up

    def pair(j: int, i: int) -> None:
        pairs[j] = i
        taken.add(i)

    by_clause: dict[str, deque[int]] = defaultdict(deque)
    for i, p in enumerate(old):
        if p.clause_id:
            by_clause[p.clause_id].append(i)
    for j, p in enumerate(new):  # the same library clause
        if p.clause_id and by_clause.get(p.clause_id):
            pair(j, by_clause[p.clause_id].popleft())
    if related is not None:  # a clause and the clause it amends (either way)
        for j, p in enumerate(new):
            if j in pairs or not p.clause_id:
                continue
            for i, q in enumerate(old):
                if i not in taken and q.clause_id and related(q.clause_id, p.clause_id):
                    pair(j, i)
                    break
    for same in (lambda text: text, _norm):  # the same words, wherever they now stand (first as typed)
        same_text: dict[str, deque[int]] = defaultdict(deque)
        for i in range(len(old)):
            if i not in taken:
                same_text[same(old[i].text)].append(i)
        texts_new = {j: same(p.text) for j, p in enumerate(new) if j not in pairs}
        for j, i in _same_words(same_text, texts_new, pairs):
            pair(j, i)
    # The rest, normalized, in order.
    texts_old = dict(sorted((i, text) for text, queue in same_text.items() for i in queue))
    texts_new = {j: text for j, text in texts_new.items() if j not in pairs}
    # By similarity: first paragraphs edited in place between pairs, then the sure pairs near the
    # same place, compared word by word (cheap, and most edits stay put), then anywhere, character
    # by character and best first, so a weak neighbour never takes a paragraph's true match from
    # further off. Two paragraphs that share almost no words are never a pair, even when their
    # letters are half alike.
    span = max(len(old), len(new), 1)
    for j, i in _in_gaps(pairs, (texts_old, texts_new), span, old, new):
        pair(j, i)
    texts_old = {i: t for i, t in texts_old.items() if i not in taken}
    texts_new = {j: t for j, t in texts_new.items() if j not in pairs}
    codes = _WordCodes()
    words_old = {i: _words(text, codes) for i, text in texts_old.items()}
    words_new = {j: _words(text, codes) for j, text in texts_new.items()}
    passes = ((max(6, span // 16), NEARBY, words_old, words_new, 0.0), (span, THRESHOLD, texts_old, texts_new, SHARED_WORDS))
    for window, threshold, scored_old, scored_new, gate in passes:
        free_old = [i for i in range(len(old)) if i not in taken]
        free_new = [j for j in range(len(new)) if j not in pairs]
        if not free_old or not free_new:
            break
        found = _by_similarity(
            old, new, free_old, free_new, (scored_old, scored_new), (words_old, words_new, gate), window, threshold
        )
        for j, i in found:
            pair(j, i)
    return pairs


def pair_again(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    pairs: Mapping[int, int],
    freed: tuple[set[int], set[int]],
    judge: Judge,
) -> dict[int, int]:
    """new index -> old index for pairs a second search makes where pairs were parted (`freed`:
    the old and the new paragraphs they left): between two pairs that keep their order, a
    paragraph freed and another left unpaired there, as the search over all pairs them, where
    `judge` (new, old) allows. A paragraph whose letters and opening phrase made it the best
    match of one it keeps too few words of ("Urges UNMIS … to begin immediate preparations to
    support the conduct of national elections" for "Urges UNMIS … to increase its support for the
    … DDR Commissions", S/RES/1784 -> 1812) leaves that one free for its own ("Requests UNMIS …
    to increase its support …")."""
    freed_old, freed_new = freed
    paired_old = set(pairs.values())
    out: dict[int, int] = {}
    for between_new, between_old in _gaps(pairs, old, new):
        gap_new = [j for j in between_new if j not in pairs]
        gap_old = [i for i in between_old if i not in paired_old]
        if not gap_new or not gap_old or not (freed_new.intersection(gap_new) or freed_old.intersection(gap_old)):
            continue
        texts = ({i: _norm(old[i].text) for i in gap_old}, {j: _norm(new[j].text) for j in gap_new})
        codes = _WordCodes()
        words = ({i: _words(t, codes) for i, t in texts[0].items()}, {j: _words(t, codes) for j, t in texts[1].items()})
        span = max(len(old), len(new), 1)

        def either_freed(j: int, i: int) -> bool:
            return (i in freed_old or j in freed_new) and judge(j, i)

        out.update(_by_similarity(old, new, gap_old, gap_new, texts, (*words, SHARED_WORDS), span, THRESHOLD, either_freed))
    return out


def _same_words(olds: Mapping[str, deque[int]], news: Mapping[int, str], pairs: Mapping[int, int]) -> list[tuple[int, int]]:
    """Pairs (new, old) of paragraphs of the same words (`olds`: the old indices of each text, in
    order; `news`: each unpaired new paragraph's text). A text each side has once pairs first;
    those several paragraphs share then pair by where the pairs around them put them (`_nearest`)."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, text in news.items():
        if text in olds:
            by_text[text].append(j)
    found = {js[0]: olds[text][0] for text, js in by_text.items() if len(js) == 1 and len(olds[text]) == 1}
    anchors = sorted({**pairs, **found}.items())
    for text, js in by_text.items():
        if len(js) > 1 or len(olds[text]) > 1:
            found.update(_nearest(js, list(olds[text]), anchors))
    for j, i in found.items():
        olds[news[j]].remove(i)
    return list(found.items())


def _nearest(news: list[int], olds: list[int], anchors: list[tuple[int, int]]) -> dict[int, int]:
    """New paragraphs paired with old ones of the same words, each with the old one nearest the
    place the nearest pair before or after it (`anchors`, (new, old) in the new order) points to,
    the nearest first, so that each stays in its own section. Where a made-up text repeats one
    paragraph very often, in order."""
    if len(news) * len(olds) > MANY_SAME:
        return dict(zip(news, olds, strict=False))
    keys = [j for j, _ in anchors]

    def expected(j: int) -> int:
        k = bisect.bisect_left(keys, j)
        before = anchors[k - 1] if k else (-1, -1)
        after = anchors[k] if k < len(anchors) else None
        if after is not None and after[0] - j < j - before[0]:
            return after[1] - (after[0] - j)
        return before[1] + (j - before[0])

    return _best_first((abs(i - expected(j)), j, i) for j in news for i in olds)


def _best_first(candidates: Iterable[tuple[Any, ...]], judge: Judge | None = None) -> dict[int, int]:
    """Pairs new -> old taken best first: `candidates` are (rank …, new, old), the least rank the
    best; each paragraph pairs once, and only as `judge` (new, old) allows, where given."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, j, i in sorted(candidates):
        if j not in out and i not in used and (judge is None or judge(j, i)):
            out[j] = i
            used.add(i)
    return out


def _gaps(pairs: Mapping[int, int], old: Sequence[Paragraph], new: Sequence[Paragraph]) -> Iterator[tuple[range, range]]:
    """The stretches (new indices, old indices) between two pairs that keep their order."""
    bounds = [(-1, -1)]
    for j, i in sorted(pairs.items()):
        if i > bounds[-1][1]:  # the pairs in order; a gap between two is then its own
            bounds.append((j, i))
    bounds.append((len(new), len(old)))
    for (j0, i0), (j1, i1) in itertools.pairwise(bounds):
        yield range(j0 + 1, j1), range(i0 + 1, i1)


def _in_gaps(
    pairs: Mapping[int, int],
    texts: tuple[Mapping[int, str], Mapping[int, str]],
    span: int,
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
) -> list[tuple[int, int]]:
    """Between two pairs that keep their order, as many paragraphs left on each side: the same
    paragraphs edited in place, when each is as sure as a near pair must be (most edits are these,
    and they need no search). `texts` are the unpaired texts, old and new, normalized."""
    texts_old, texts_new = texts
    out = []
    for between_new, between_old in _gaps(pairs, old, new):
        gap_new = [j for j in between_new if j in texts_new]
        gap_old = [i for i in between_old if i in texts_old]
        if not gap_new or len(gap_new) != len(gap_old):
            continue
        found = []
        for j, i in zip(gap_new, gap_old, strict=True):
            if _placed(fuzz.ratio(texts_new[j], texts_old[i]), old[i], new[j], i, j, span) < NEARBY:
                break
            found.append((j, i))
        else:
            out += found
    return out


def _placed(score: float, old: Paragraph, new: Paragraph, i: int, j: int, span: int) -> float:
    """A similarity score with the bonuses for the same opening phrase and for a place near the old one."""
    if old.opening and old.opening == new.opening:
        score += OPENING_BONUS
    return score + POSITION_BONUS * (1 - abs(i / span - j / span))


class _WordCodes(dict[str, str]):
    """Each distinct word of one alignment as one character, in the order first met. Most words a
    text uses are its commonest, met early, and rapidfuzz looks a character under 256 up in a
    table, others in a hash map: a third less time than the diff's own codes."""

    def __missing__(self, word: str) -> str:
        n = len(self)
        code = self[word] = chr(n if n < 0xD800 else n + 0x800)  # (never a surrogate)
        return code


def _words(text: str, codes: _WordCodes) -> str:
    """A text as one character per word (`codes`), so that comparing two texts costs one step per word."""
    return "".join(map(codes.__getitem__, words_of(text)))


CONTAINED = 0.8  # a paragraph whose words run on in another this far is that paragraph, cut or extended,
RUN = 0.5  # ... with one unbroken run of at least this share of them
SHORTEST = 8  # ... when it has this many words


def _contained(words: str, others: list[tuple[int, str]]) -> list[tuple[int, float]]:
    """Paragraphs (index, score) the one given is mostly contained in, or that are mostly
    contained in it, most of it in one unbroken run: a paragraph cut short or run on (scattered
    "the … of the … and" never counts). The score puts such a pair just above THRESHOLD, rising
    with how much of the shorter text the longer keeps."""
    long_enough = [(i, other) for i, other in others if len(other) >= SHORTEST] if len(words) >= SHORTEST else []
    if not long_enough:
        return []
    # Each pair's least LCS is CONTAINED of its shorter text; rapidfuzz scores them all against the
    # smallest of those (that of the shortest text) in one call, and each is then held to its own.
    least = int(CONTAINED * min(len(words), *(len(other) for _, other in long_enough)))
    found = process.extract(words, [other for _, other in long_enough], scorer=LCSseq.similarity, score_cutoff=least, limit=None)
    out = []
    for _, kept, k in sorted(found, key=lambda hit: hit[2]):
        i, other = long_enough[k]
        shorter = min(len(words), len(other))
        if kept >= int(CONTAINED * shorter) and _share_run(words, other, math.ceil(RUN * shorter)):
            out.append((i, THRESHOLD + 20 * (kept / shorter - CONTAINED)))
    return out


def _share_run(a: str, b: str, size: int) -> bool:
    """Whether `a` and `b` have an unbroken run of `size` codes (words) in common: a run of the
    shorter's, as a set, looked up at each place of the longer."""
    short, long = sorted((a, b), key=len)
    runs = {short[k : k + size] for k in range(len(short) - size + 1)}
    return any(long[k : k + size] in runs for k in range(len(long) - size + 1))


def _by_similarity(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    free_old: list[int],
    free_new: list[int],
    texts: tuple[dict[int, str], dict[int, str]],
    gate: tuple[dict[int, str], dict[int, str], float],
    window: int,
    threshold: float,
    judge: Judge | None = None,
) -> list[tuple[int, int]]:
    """Greedy best-first pairs (new, old) scoring at least `threshold` on `texts`, within `window`
    positions, among those whose words (`gate`: old and new as word codes, and a least score) are
    alike, and that `judge` allows."""
    span = max(len(old), len(new), 1)
    cutoff = threshold - OPENING_BONUS - POSITION_BONUS
    texts_old, texts_new = texts
    words_old, words_new, least = gate
    # The free old paragraphs' texts and words in their order: those near a new one are a slice.
    free_texts = [texts_old[i] for i in free_old]
    free_words = [words_old[i] for i in free_old]
    candidates = []
    for j in free_new:
        start, end = bisect.bisect_left(free_old, j - window), bisect.bisect_right(free_old, j + window)
        near, choices = free_old[start:end], free_texts[start:end]
        if near and least:
            alike = process.extract(words_new[j], free_words[start:end], scorer=fuzz.ratio, score_cutoff=least, limit=None)
            near, choices = [near[k] for _, _, k in alike], [choices[k] for _, _, k in alike]
        if not near:
            continue
        scores = {
            near[k]: score
            for _, score, k in process.extract(texts_new[j], choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        }
        if least:
            for i, score in _contained(words_new[j], [(i, words_old[i]) for i in near]):
                scores[i] = max(scores.get(i, 0.0), score)
        for i, score in scores.items():
            score = _placed(score, old[i], new[j], i, j, span)
            if score >= threshold:
                candidates.append((-score, abs(i - j), j, i))
    return list(_best_first(candidates, judge).items())


def moved(pairs: dict[int, int], weight: Mapping[int, int]) -> set[int]:
    """New indices whose pairing breaks the order: all but the heaviest increasing run of old indices.

    `weight` gives each new index a size (say, how much of its text is unchanged), so the run kept
    in place is the one carrying the most text: a short paragraph that changed places is the one
    flagged, not the long ones around it."""
    order = sorted(pairs)
    if not order:
        return set()
    olds = [pairs[j] for j in order]
    size = max(olds) + 1
    # A Fenwick tree over old indices: the best run ending below an old index, in O(n log n).
    best = [0] * (size + 1)
    best_at = [-1] * (size + 1)
    parent = [-1] * len(olds)
    total = [0] * len(olds)
    for k, value in enumerate(olds):
        top, top_at, i = 0, -1, value
        while i:
            if best[i] > top:
                top, top_at = best[i], best_at[i]
            i &= i - 1  # (the lowest bit set cleared: the node before)
        total[k] = run = top + weight[order[k]]
        parent[k] = top_at
        i = value + 1
        while i <= size:
            if best[i] < run:
                best[i], best_at[i] = run, k
            i += i & -i
    keep = set()
    k = total.index(max(total))  # (the first of the heaviest)
    while k >= 0:
        keep.add(order[k])
        k = parent[k]
    return {j for j in order if j not in keep}


def paired_lines(old: tuple[Line, ...], new: tuple[Line, ...]) -> list[tuple[Line | None, Line | None]]:
    """Header or title lines of two texts as one sequence, each an (old, new) pair: paired by role
    (the first line of a role with the first, the second with the second), in the new order, and
    old-only lines where they stood. Where lines changed places, those that keep their order pair
    (the run holding the most text) and the others stand apart, the old where it stood and the new
    where it stands, so that the old lines read in their old order."""
    old_by_key, new_by_key = lines_by_role(old), lines_by_role(new)
    old_keys, new_keys = list(old_by_key), list(new_by_key)
    pairs = {j: old_keys.index(key) for j, key in enumerate(new_keys) if key in old_by_key}
    out_of_order = moved(pairs, {j: len(new_by_key[new_keys[j]].text) + 1 for j in pairs})
    kept = {new_keys[j] for j in pairs if j not in out_of_order}
    out: list[tuple[Line | None, Line | None]] = []
    shown = 0  # old lines up to here are placed

    def flush(until: int) -> None:
        nonlocal shown
        out.extend((old_by_key[key], None) for key in old_keys[shown:until] if key not in kept)
        shown = max(shown, until)

    for key, line in new_by_key.items():
        if key in kept:
            flush(old_keys.index(key))
        out.append((old_by_key[key] if key in kept else None, line))
    flush(len(old_keys))
    return out
