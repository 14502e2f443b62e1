"""Near-duplicate clauses: pairs of one kind whose wording is nearly the same, with the merge to propose for each.

Comparing every pair of 30,000 clauses is 450 million comparisons, so pairs are first found by
their words (a set-similarity join with prefix filtering): two paragraphs are compared only when
they share most of their distinct words — a Jaccard similarity of at least 1 - 3 × (1 - threshold),
0.7 at the default threshold of 90 — and then scored with rapidfuzz's ratio over the whole
paragraph (opening phrase, text and sub-paragraphs, spacing normalised). A one-word
change in a paragraph of ten words or more always passes the word filter.

A score of 100 means the same paragraph, word for word and footnote for footnote: the words are
found in lower case, but scored as written ("Parties" is not "parties"), and two paragraphs that
differ in anything score at most 99.9. Merging two that differ changes what the drafts that use
the dropped one say; `changes.merge` refuses it where such a draft is adopted (its text is the
record of what the body adopted), and the proposal here keeps the wording adopted texts use.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.diff.unseen import alike_note
from resdraft.diff.words import Op, word_diff
from resdraft.errors import LibraryError, Problem
from resdraft.model import Clause
from resdraft.upkeep.index import Index
from resdraft.upkeep.lineage import wording
from resdraft.upkeep.query import fold

if TYPE_CHECKING:
    from resdraft.library import Library

DEFAULT_THRESHOLD = 90.0
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Duplicate:
    """Two clauses of one kind with nearly the same wording, and which to keep if they are merged."""

    a: Clause
    b: Clause
    similarity: float  # 0-100 (rapidfuzz ratio of the two paragraphs)
    keep: str
    drop: str
    reason: str  # why `keep` is the one to keep
    linked: bool  # one rewords the other (same amends lineage): merging rewrites the older drafts
    adopted: tuple[str, ...] = ()  # the adopted drafts' paragraphs that use `drop` ("a-res-79-208 op. 3"): not to merge
    naming: str = ""  # the changes from `drop` to `keep` that name something else ("[-Bermuda-]{+Guam+}"): not to merge
    changes: str = ""  # what the drafts using `drop` would read otherwise after the merge ('' for the same paragraph)
    alike: str = ""  # where the two differ only in characters that print alike, which ("space → no-break space")

    @property
    def mergeable(self) -> bool:
        """Whether the merge is one to propose: no adopted text's words change, and nothing named does."""
        return not self.adopted and not self.naming


def same_text(a: Clause, b: Clause) -> bool:
    """Whether two clauses give the same paragraph: opening, text, sub-paragraphs and footnotes, word for word."""
    return wording(a) == wording(b) and list(a.footnotes.values()) == list(b.footnotes.values())


@dataclass(frozen=True)
class _Change:
    """One run of changes between two clauses' paragraphs: its ops, the text before it on each
    side, and the words next to it that stay (up to two each way)."""

    ops: tuple[Op, ...]
    before: dict[str, str]  # "delete": the old text before it, "insert": the new
    lead: str
    trail: str

    def shown(self) -> str:
        from resdraft.render.diffterm import marked

        return self.lead + marked(self.ops) + self.trail


_LEAD = re.compile(r"(?:\S+[^\S\n]+){0,2}\S*\Z")  # the last two words and a word's start, on the change's line
_TRAIL = re.compile(r"\S*(?:[^\S\n]+\S+){0,2}")


def _changes(old: Clause, new: Clause) -> list[_Change]:
    """The runs of changes from one clause's paragraph and footnotes to the other's."""
    ops = word_diff(_whole(old), _whole(new))
    out = []
    said = {"delete": "", "insert": ""}
    i = 0
    while i < len(ops):
        kind, text = ops[i]
        if kind == "equal":
            said = {side: before + text for side, before in said.items()}
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] != "equal":
            j += 1
        lead = m.group() if i and (m := _LEAD.search(ops[i - 1][1])) else ""
        trail = m.group() if j < len(ops) and (m := _TRAIL.match(ops[j][1])) else ""
        out.append(_Change(tuple(ops[i:j]), dict(said), lead, trail))
        for k, t in ops[i:j]:
            said[k] += t
        i = j
    return out


def changed_words(old: Clause, new: Clause, most: int = 4) -> str:
    """What changes from one clause's paragraph to the other's, change by change, with the words
    next to each ("urges [-Parties-]{+parties+} to … by the [-Parties-]{+parties+}"), footnotes
    included; up to `most` changes."""
    return _shown(_changes(old, new), most)


def _shown(changes: list[_Change], most: int = 4) -> str:
    """Changes as `changed_words` gives them: up to `most`, then how many more."""
    shown = [c.shown() for c in changes]
    return " … ".join(shown[:most]) + (f" … ({len(shown) - most} more)" if len(shown) > most else "")


# Words that name a number ("seventy-ninth", "two"): a pair differing in one says other things.
_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|million|billion"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth|thousandth)"
)


def _whole(c: Clause) -> str:
    """A clause's paragraph and footnotes, a line each, as a pair's changes are found in."""
    return "\n".join([wording(c), *c.footnotes.values()])


def naming_changes(old: Clause, new: Clause) -> str:
    """The changes from one clause to the other that name something else: a proper name or title
    (a word capitalised inside a sentence: "[-Bermuda-]{+Guam+}", "[-Secretariat-]{+Secretary-General+}"),
    a number or symbol ("[-A/78/23-]{+A/79/23+}") or a number's word ("[-seventy-eighth-]{+seventy-ninth+}");
    '' where none does ("urges [-Parties-]{+parties+}", "{+Being +}Mindful"). Two such clauses are
    not duplicates to merge: each says what its own drafts say, of another territory, report or year."""
    return _naming(_changes(old, new))


def _naming(changes: list[_Change]) -> str:
    return " … ".join(c.shown() for c in changes if _names_something(c))


def _names_something(change: _Change) -> bool:
    """Whether a change puts a name, number or number's word in place of another (see `naming_changes`)."""
    sides = {side: "".join(t for k, t in change.ops if k == side) for side in ("delete", "insert")}
    for side, text in sides.items():
        other = {fold(w) for w in _WORD.findall(sides["insert" if side == "delete" else "delete"])}
        for m in _WORD.finditer(text):
            word = m.group()
            if fold(word) in other:
                continue  # (the same word in another case: "Parties", "parties")
            preceding = (change.before[side] + text[: m.start()]).rstrip()
            if word[0].isupper() and preceding and preceding[-1] not in ".!?\n":
                return True
            if _numeric(word):
                return True
    return False


def retitled(old: Clause, new: Clause, was: str, now: str) -> bool:
    """Whether a change from one clause to the other puts words of the title `now` in place of
    words of the title `was` that `now` has not ("question of [-American Samoa-]{+Anguilla+}" from
    "Question of American Samoa" to "Question of Anguilla"): the new clause says of its own
    resolution's subject what the old says of another's, so it is that resolution's paragraph,
    not a rewording of the other's."""
    words = {title: {fold(w) for w in _WORD.findall(title) if not _numeric(w)} for title in (was, now)}
    gone, come = words[was] - words[now], words[now] - words[was]
    if not gone or not come:
        return False

    def swaps(change: _Change) -> bool:
        struck = {fold(w) for k, t in change.ops if k == "delete" for w in _WORD.findall(t)}
        added = {fold(w) for k, t in change.ops if k == "insert" for w in _WORD.findall(t)}
        return bool(struck & gone) and bool(added & come)

    return any(map(swaps, _changes(old, new)))


def _numeric(word: str) -> bool:
    """A number, or a number's word: a title naming its year or session ("… programme budget for
    2025", "… on the work of its seventy-sixth session") changes it every year, and stays the same resolution."""
    return any(ch.isdigit() for ch in word) or bool(_NUMBER_WORD.fullmatch(word.lower()))


def word_bound(threshold: float) -> float:
    """The share of distinct words two paragraphs must have in common to be compared at all."""
    return min(0.95, max(0.4, 1 - 3 * (1 - threshold / 100)))


def dupes(
    library: Library | Path | str,
    threshold: float = DEFAULT_THRESHOLD,
    cache: bool = True,
    left_out: list[Problem] | None = None,
) -> list[Duplicate]:
    """Every pair of same-kind clauses at least `threshold` (0-100) similar, most similar first."""
    if not 50 <= threshold <= 100:
        raise LibraryError(Problem(None, f"threshold must be between 50 and 100, not {threshold:g}", "the default is 90"))
    with Index.open(library, cache=cache, left_out=left_out) as index:
        clauses = list(index.clauses())
        uses = index.use_counts()
        first = index.first_sessions()
        pairs = similar_pairs(clauses, threshold)
        adopted_uses = index.adopted_uses() if any(score < 100 for *_, score in pairs) else {}
    # (for the pairs that differ: merging them changes what a draft using the dropped one says)
    adopted = {cid: tuple(f"{u.draft} {u.label}" for u in sites) for cid, sites in adopted_uses.items()}
    order = {c.id: i for i, c in enumerate(clauses)}
    amends = {c.id: c.amends for c in clauses}
    out = []
    for i, j, score in pairs:
        a, b = clauses[i], clauses[j]
        keep, drop, reason = _proposal(a, b, uses, first, order)
        changes = score < 100
        if changes and adopted.get(drop) and not adopted.get(keep):  # merged the other way, the adopted texts keep their words
            keep, drop, reason = drop, keep, f"the wording of adopted {adopted[drop][0].split()[0]}"
        linked = _root(a.id, amends) == _root(b.id, amends)
        held = adopted.get(drop, ()) if changes else ()
        naming = words = ""
        if changes and not held:  # (what a merge would change: one word diff of the pair)
            kept, dropped = (a, b) if keep == a.id else (b, a)
            runs = _changes(dropped, kept)
            naming = _naming(runs)
            words = "" if naming or not uses.get(drop) else _shown(runs)  # (no draft uses it: none would read otherwise)
        alike = alike_note(_whole(a), _whole(b)) if changes else ""
        out.append(Duplicate(a, b, round(score, 1), keep, drop, reason, linked, held, naming, words, alike))
    out.sort(key=lambda d: (-d.similarity, order[d.a.id], order[d.b.id]))
    return out


def _scored(clause: Clause) -> str:
    """A clause's paragraph as its similarity is scored: as written, its words spaced once."""
    return " ".join(wording(clause).split())


def similarity(a: Clause, b: Clause) -> float:
    """How alike two clauses' paragraphs are (0-100), as `similar_pairs` scores a pair."""
    from rapidfuzz import fuzz

    return fuzz.ratio(_scored(a), _scored(b))


def similar_pairs(clauses: list[Clause], threshold: float) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair of same-kind clauses at least `threshold` similar (i before
    j); 100 only for the same paragraph (`same_text`), 99.9 at most for any other."""
    from rapidfuzz import fuzz

    bound = word_bound(threshold)
    texts = [_scored(c) for c in clauses]
    words = [frozenset(_WORD.findall(fold(t))) for t in texts]  # (found in lower case)
    frequency: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in ws:
            frequency[w] += 1
    rank = {w: (n, w) for w, n in frequency.items()}
    sizes = [len(ws) for ws in words]
    pairs = []
    for kind in ("preambular", "operative"):
        members = sorted((i for i, c in enumerate(clauses) if c.kind == kind and words[i]), key=lambda i: (len(words[i]), i))
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word -> (paragraph, the word's rank in it)
        start: dict[str, int] = defaultdict(int)  # each posting list's first paragraph not yet too small
        for x in members:
            wx = words[x]
            size = len(wx)
            smallest = bound * size
            ordered = sorted(wx, key=rank.__getitem__)
            # A pair sharing a `bound` share of words shares one of the probing prefix's rarest words
            # with the (shorter) indexing prefix of every smaller paragraph: AllPairs (Bayardo et al. 2007).
            probe = ordered[: size - math.ceil(bound * size) + 1]
            indexed = ordered[: size - math.ceil(2 * bound / (1 + bound) * size) + 1]
            shared: dict[int, int] = {}  # candidate -> words found shared so far (-1: cannot share enough)
            for i, w in enumerate(probe):
                found = postings[w]
                at = start[w]
                while at < len(found) and sizes[found[at][0]] < smallest:  # (paragraphs come smallest first)
                    at += 1
                start[w] = at
                left = size - i
                for y, j in itertools.islice(found, at, None):
                    n = shared.get(y, 0)
                    if n < 0:
                        continue
                    # Both rank their words alike, so past this word they can share at most the fewer
                    # words either has left: PPJoin's positional filter (Xiao et al. 2008).
                    ly = sizes[y]
                    most = n + (left if left < ly - j else ly - j)
                    shared[y] = -1 if most < bound * (size + ly - most) else n + 1
            for y, n in shared.items():
                if n < 0:
                    continue
                wy = words[y]
                common = len(wx & wy)
                if common < bound * (size + len(wy) - common):
                    continue
                score = fuzz.ratio(texts[x], texts[y], score_cutoff=threshold)
                if score > 99.9 and not same_text(clauses[x], clauses[y]):
                    score = 99.9  # (the same words but other footnotes, or nearly: 99.96 would round to 100)
                if score >= threshold:
                    pairs.append((min(x, y), max(x, y), score))
            for j, w in enumerate(indexed):
                postings[w].append((x, j))
    return pairs


def _proposal(a: Clause, b: Clause, uses: dict[str, int], first: dict[str, int], order: dict[str, int]) -> tuple[str, str, str]:
    """(keep, drop, why): the clause used more, else the older (first used earlier, or the one the other amends)."""
    ua, ub = uses.get(a.id, 0), uses.get(b.id, 0)
    if ua != ub:
        keep, drop = (a, b) if ua > ub else (b, a)
        return keep.id, drop.id, f"used in {max(ua, ub)} draft paragraph(s) against {min(ua, ub)}"
    fa, fb = first.get(a.id), first.get(b.id)
    if fa is not None and fb is not None and fa != fb:
        keep, drop = (a, b) if fa < fb else (b, a)
        return keep.id, drop.id, f"older: first used in session {min(fa, fb)} (the other in {max(fa, fb)})"
    if b.amends == a.id or a.amends == b.id:
        keep, drop = (a, b) if b.amends == a.id else (b, a)
        return keep.id, drop.id, f"older: {drop.id} amends it"
    keep, drop = (a, b) if order[a.id] <= order[b.id] else (b, a)
    return keep.id, drop.id, "older: it comes first in the library"


def _root(cid: str, amends: dict[str, str | None]) -> str:
    seen = {cid}
    while (up := amends.get(cid)) is not None and up in amends and up not in seen:
        seen.add(up)
        cid = up
    return cid
