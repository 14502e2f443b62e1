"""Paragraph alignment: pair each new paragraph with the old one it continues, if any.

Paragraphs built from the same library clause (or from clauses linked by `amends`) pair first;
the rest pair by text similarity (rapidfuzz), helped by the opening phrase and the position.
Pairs that break the order are flagged as moved (the complement of a longest increasing run).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

from resdraft.model import Paragraph

THRESHOLD = 55.0  # similarity (0-100) below which two paragraphs are different paragraphs
OPENING_BONUS = 8.0
POSITION_BONUS = 5.0

Related = Callable[[str, str], bool]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def align(old: Sequence[Paragraph], new: Sequence[Paragraph], related: Related | None = None) -> dict[int, int]:
    """new index -> old index for the paragraphs that continue one another."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    by_clause: dict[str, deque[int]] = defaultdict(deque)
    for i, p in enumerate(old):
        if p.clause_id:
            by_clause[p.clause_id].append(i)
    for j, p in enumerate(new):  # the same library clause
        if p.clause_id and by_clause.get(p.clause_id):
            i = by_clause[p.clause_id].popleft()
            pairs[j] = i
            taken.add(i)
    if related is not None:  # a clause and the clause it amends (either way)
        for j, p in enumerate(new):
            if j in pairs or not p.clause_id:
                continue
            for i, q in enumerate(old):
                if i not in taken and q.clause_id and related(q.clause_id, p.clause_id):
                    pairs[j] = i
                    taken.add(i)
                    break
    texts_old = {i: _norm(old[i].text) for i in range(len(old)) if i not in taken}
    same_text: dict[str, deque[int]] = defaultdict(deque)
    for i, text in texts_old.items():
        same_text[text].append(i)
    for j, p in enumerate(new):  # the same words, wherever they now stand
        if j not in pairs and (queue := same_text.get(_norm(p.text))):
            i = queue.popleft()
            pairs[j] = i
            taken.add(i)
    # By similarity: first near the same place (cheap, and most edits stay put), then anywhere.
    span = max(len(old), len(new), 1)
    texts_new = {j: _norm(p.text) for j, p in enumerate(new) if j not in pairs}
    for window in (max(6, span // 16), span):
        free_old = [i for i in range(len(old)) if i not in taken]
        free_new = [j for j in range(len(new)) if j not in pairs]
        if not free_old or not free_new:
            break
        for j, i in _by_similarity(old, new, free_old, free_new, texts_old, texts_new, window):
            pairs[j] = i
            taken.add(i)
    return pairs


def _by_similarity(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    free_old: list[int],
    free_new: list[int],
    texts_old: dict[int, str],
    texts_new: dict[int, str],
    window: int,
) -> list[tuple[int, int]]:
    """Greedy best-first pairs (new, old) scoring at least THRESHOLD, within `window` positions."""
    span = max(len(old), len(new), 1)
    cutoff = THRESHOLD - OPENING_BONUS - POSITION_BONUS
    candidates = []
    for j in free_new:
        choices = {i: texts_old[i] for i in free_old if abs(i - j) <= window}
        if not choices:
            continue
        for _, score, i in process.extract(texts_new[j], choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            if old[i].opening and old[i].opening == new[j].opening:
                score += OPENING_BONUS
            score += POSITION_BONUS * (1 - abs(i / span - j / span))
            if score >= THRESHOLD:
                candidates.append((-score, abs(i - j), j, i))
    candidates.sort()
    chosen: list[tuple[int, int]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, _, j, i in candidates:
        if j not in used_new and i not in used_old:
            chosen.append((j, i))
            used_new.add(j)
            used_old.add(i)
    return chosen


def moved(pairs: dict[int, int]) -> set[int]:
    """New indices whose pairing breaks the order: all but one longest increasing run of old indices."""
    order = sorted(pairs)
    olds = [pairs[j] for j in order]
    tails: list[int] = []  # smallest tail old-index of an increasing run of each length
    tail_at: list[int] = []  # position in `order` of that tail
    parent = [-1] * len(olds)
    for k, value in enumerate(olds):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[pos] = value
            tail_at[pos] = k
        parent[k] = tail_at[pos - 1] if pos else -1
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(order[k])
        k = parent[k]
    return {j for j in order if j not in keep}
