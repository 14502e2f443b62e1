"""Searching the clause library: all words, "exact phrases" and typo-tolerant matches, ranked, with the passage that matched.

Candidates come from the cache's full-text index (SQLite FTS5): first clauses holding every word
and phrase; a word the library does not contain (a typo) is widened to the library's words that
are close to it (rapidfuzz ratio) or start with it. Candidates are then ranked in Python:

1. how much of the query is present — every phrase and every word exactly, then words only through
   a prefix or a close spelling, then some of the words;
2. how well the query as a whole matches its best stretch of the clause (rapidfuzz partial_ratio,
   with token_set_ratio for words given out of order);
3. a query word in the clause's id or opening phrase, then FTS5's bm25 (rarer words, shorter clauses).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resdraft.cache import CLAUSE_COLUMNS, clause_from_row, clause_words, readable
from resdraft.errors import LibraryError, Problem
from resdraft.model import Clause, join_opening, subclause_texts
from resdraft.upkeep.index import Index

if TYPE_CHECKING:
    from resdraft.library import Library

_TOKEN = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')
PASSAGE_WORDS = 28
CANDIDATES = 150  # clauses ranked in full; FTS5 bm25 picks them (more costs time, rarely changes the top 20)


@dataclass(frozen=True)
class Hit:
    """One clause that matches a search, with the passage that matched best."""

    clause: Clause
    score: float  # 0-100: how much of the query is present and how closely
    how: str  # "phrase" | "words" | "close words" | "some words" | "fuzzy"
    passage: str  # the best-matching stretch of the paragraph (opening, text, sub-paragraphs) or of a footnote ("footnote 1: …"), "…" where cut
    marks: tuple[tuple[int, int], ...]  # spans of `passage` that matched the query
    uses: int  # how many draft paragraphs use the clause


@dataclass(frozen=True)
class Query:
    """A parsed query: quoted phrases and the other words, folded (lower case, no accents)."""

    text: str
    phrases: tuple[tuple[str, ...], ...]
    words: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        """Every distinct word of the query, phrases included."""
        return tuple(dict.fromkeys([*(w for p in self.phrases for w in p), *self.words]))


def fold(text: str) -> str:
    """Lower case without accents, as the full-text index compares words."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_RESOLUTION_SYMBOL = re.compile(r"^[AS]/RES/(?=\d)", re.I)
_JOINED = re.compile(r"[^\W_]+(?:/[^\W_]+)+")  # a symbol or a citation, "63/194", "A/RES/78/69", "HIV/AIDS": one phrase


def parse_query(text: str) -> Query:
    """Split a query into "quoted phrases" and words; a citation ("63/194") is a phrase, not two
    numbers found apart (75/194 held "194", and "63" elsewhere)."""
    quoted = [*_PHRASE.findall(text)]
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    cited = [_RESOLUTION_SYMBOL.sub("", joined) for joined in _JOINED.findall(rest)]  # (texts cite "78/69", not A/RES/78/69)
    phrases = tuple(p for p in (tuple(_TOKEN.findall(fold(m))) for m in (*quoted, *cited)) if p)
    words = tuple(dict.fromkeys(_TOKEN.findall(fold(_JOINED.sub(" ", rest)))))
    return Query(text.strip(), phrases, words)


MOST_HITS = 1 << 31  # more hits than a library has clauses: all of them (SQLite takes no number past 2**63 - 1)


def search(
    library: Library | Path | str, query: str, limit: int = 20, cache: bool = True, left_out: list[Problem] | None = None
) -> list[Hit]:
    """The clauses best matching `query` (words, "exact phrases", close spellings), best first."""
    q = parse_query(query)
    if not q.terms:
        raise LibraryError(Problem(None, "nothing to search for", 'give some words, or a "quoted phrase"'))
    with Index.open(library, cache=cache, left_out=left_out) as index:
        return search_index(index, q, limit)


def search_index(index: Index, q: Query, limit: int = 20) -> list[Hit]:
    """Search an opened library."""
    limit = min(limit, MOST_HITS)
    variants = _variants(index, q)
    candidates = _candidates(index, q, variants, max(CANDIDATES, limit))
    counts = _use_counts(index, [c.id for c, _ in candidates])
    rendered = _rendered(index, [c.id for c, _ in candidates])
    ranked = []
    for clause, bm25 in candidates:
        hit, key = _rank(clause, q, variants, bm25, counts.get(clause.id, 0), rendered.get(clause.id, ()))
        if hit is not None:
            ranked.append((key, hit))
    ranked.sort(key=lambda pair: pair[0])
    return [hit for _, hit in ranked[:limit]]


# ---------------------------------------------------------------- candidates


def _variants(index: Index, q: Query) -> dict[str, frozenset[str]]:
    """Each query word and the library's words that may stand for it: itself, close spellings, longer words it begins."""
    out: dict[str, frozenset[str]] = {}
    fts = index.cache.fts
    for word in q.terms:
        found = {word}
        if fts and index.db.execute("SELECT 1 FROM terms WHERE term = ?", (word,)).fetchone() is None:
            found |= _close_terms(index, word)
        out[word] = frozenset(found)
    return out


def _close_terms(index: Index, word: str) -> set[str]:
    from rapidfuzz import fuzz, process

    n = len(word)
    close: set[str] = set()
    if n >= 3:
        upper = word + "\U0010ffff"
        close |= {
            r[0]
            for r in index.db.execute(
                "SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT 20", (word, upper)
            )
        }
    if n >= 5:  # a typo in a shorter word is as likely another word
        terms = [r[0] for r in index.db.execute("SELECT term FROM terms WHERE length(term) BETWEEN ? AND ?", (n - 2, n + 2))]
        close |= {m[0] for m in process.extract(word, terms, scorer=fuzz.ratio, score_cutoff=80, limit=8)}
    return close


def _fts_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _candidates(index: Index, q: Query, variants: dict[str, frozenset[str]], wanted: int) -> list[tuple[Clause, float]]:
    """Clauses worth ranking (`wanted` at most), with their bm25 (lower is better), strict matches
    first; then, where too few are found, those holding any word of the query, but for a "quoted
    phrase" found: it is not padded out with clauses holding some of its words."""
    if not index.cache.fts:
        return _scan(index, q)
    phrases = [_fts_term(" ".join(p)) for p in q.phrases]
    exact = [_fts_term(w) for w in q.words]
    loose = ["(" + " OR ".join(_fts_term(v) for v in sorted(variants[w])) + ")" for w in q.words]
    queries = [" AND ".join(phrases + exact)]
    if any(len(variants[w]) > 1 for w in q.words):
        queries.append(" AND ".join(phrases + loose))
    every = ["(" + " OR ".join(_fts_term(v) for v in sorted(variants[w]) if v) + ")" for w in q.terms if variants.get(w)]
    found: dict[int, float] = {}
    for match in queries:
        if len(found) >= wanted:
            break
        for rowid, bm25 in _matches(index, match, wanted):
            found.setdefault(rowid, bm25)
    if (len(every) > 1 or q.phrases) and len(found) < wanted and not (q.phrases and found):
        for rowid, bm25 in _matches(index, " OR ".join(every), wanted):
            found.setdefault(rowid, bm25)
    if not found:
        return _scan(index, q)
    return _clauses_by_rowid(index, found)


def _matches(index: Index, match: str, wanted: int) -> list[tuple[int, float]]:
    """The `wanted` clauses (rowid, bm25) matching best, as written or as their drafts read them."""
    rows = index.db.execute(
        "SELECT rowid, bm25(clause_words, 4.0, 2.0, 1.0, 0.3, 1.0) FROM clause_words WHERE clause_words MATCH ?"
        " ORDER BY 2 LIMIT ?",
        (match, wanted),
    ).fetchall()
    rows += _rendered_matches(index, match, wanted)  # (the best of both, as many as before: ranking is the cost)
    return sorted(rows, key=lambda row: row[1])[:wanted]


def _rendered_matches(index: Index, match: str, wanted: int) -> list[tuple[int, float]]:
    """Clauses (rowid, bm25) whose text as the drafts using them read it matches, where they write it
    as Jinja ("seventy-ninth" for {{ session.next.ordinal }}: see cache.rendered_words)."""
    rows = index.db.execute(
        "SELECT c.n, m.rank FROM (SELECT rowid, bm25(rendered_words) AS rank FROM rendered_words"
        " WHERE rendered_words MATCH ? ORDER BY rank LIMIT ?) m"
        " JOIN rendered r ON r.rowid = m.rowid JOIN clauses c ON c.id = r.clause ORDER BY m.rank",
        (match, wanted),
    ).fetchall()
    return [(n, rank) for n, rank in rows]


def _rendered(index: Index, ids: list[str]) -> dict[str, list[tuple[int, str]]]:
    """The rendered text of each clause, by session (see cache.rendered_words)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, session, words in index.db.execute(
            f"SELECT clause, session, words FROM rendered WHERE clause IN ({marks}) ORDER BY session", chunk
        ):
            out.setdefault(cid, []).append((session, words))
    return out


def _clauses_by_rowid(index: Index, found: dict[int, float]) -> list[tuple[Clause, float]]:
    out = []
    ids = list(found)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in index.db.execute(f"SELECT n, {CLAUSE_COLUMNS} FROM clauses WHERE n IN ({marks})", chunk):
            out.append((clause_from_row(row[1:]), found[row[0]]))
    return out


def _scan(index: Index, q: Query) -> list[tuple[Clause, float]]:
    """Without FTS5, or when nothing matched word for word: the clauses closest to the query as a whole."""
    from rapidfuzz import fuzz, process

    clauses = list(index.clauses())
    texts = [fold(_display(c)) for c in clauses]
    best = process.extract(" ".join(q.terms), texts, scorer=fuzz.partial_ratio, limit=CANDIDATES, score_cutoff=60)
    return [(clauses[i], 0.0) for _, _, i in best]


def _use_counts(index: Index, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = index.db.execute(f"SELECT clause, COUNT(*) FROM uses WHERE clause IN ({marks}) GROUP BY clause", ids)
    return dict(rows.fetchall())


# ---------------------------------------------------------------- ranking


def _display(clause: Clause) -> str:
    """The paragraph as it reads: opening phrase, text and sub-paragraphs, footnote anchors as
    superscript numbers; then its footnotes."""
    return " ".join(text for _, text in _segments(clause))


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNMARKED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", " " * 10)  # (an anchor is no part of the word it follows)


def _segments(clause: Clause) -> list[tuple[str, str]]:
    """What a search reads of a clause, each as (footnote number, text): first the paragraph as it
    reads ("" for a number), its anchors as superscript numbers in the order they stand, then each footnote."""
    keys = list(clause.footnotes)
    if len(keys) > 1:
        from resdraft.inline import anchors

        order = anchors(" ".join([clause.opening or "", clause.text, *subclause_texts(clause.subparagraphs)]))
        keys.sort(key=lambda k: order.index(k) if k in order else len(order))
    numbers = {key: str(n) for n, key in enumerate(keys, 1)}
    markers = {key: n.translate(_SUPERSCRIPT) for key, n in numbers.items()}
    paragraph = join_opening(readable(clause.opening or "", markers), clause_words(clause, markers))
    return [("", paragraph), *((numbers[key], readable(clause.footnotes[key])) for key in keys)]


def _tokens(text: str, folded: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for every word of `text`, offsets into `text`."""
    if len(folded) == len(text):  # folding kept every offset (nearly always)
        return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    return [(fold(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _rank(
    clause: Clause,
    q: Query,
    variants: dict[str, frozenset[str]],
    bm25: float,
    uses: int,
    rendered: Sequence[tuple[int, str]] = (),
) -> tuple[Hit | None, tuple[Any, ...]]:
    from rapidfuzz import fuzz

    segments = _segments(clause)
    read = []  # each segment: (its text, folded, its words' tokens)
    for k, (_, text) in enumerate(segments):
        bare = (
            text.translate(_UNMARKED) if k == 0 and len(segments) > 1 else text
        )  # (only a paragraph with footnotes has anchors)
        folded = fold(bare)
        read.append((text, folded, _tokens(bare, folded)))
    words_of = [[t[0] for t in tokens] for _, _, tokens in read]
    # The clause as its drafts read it, where it holds a query word its source does not ("ninth"
    # for {{ session.next.ordinal }}); read only then, as ranking it costs a third of a search.
    written = set().union(*words_of)
    missing = [w for w in q.terms if w not in written]
    for session, text in rendered if missing else ():
        folded = fold(text)
        if any(w in folded for w in missing):
            segments.append((f"as session {session} drafts read it", text))
            read.append((text, folded, _tokens(text, folded)))
            words_of.append([t[0] for t in read[-1][2]])
    extra = {fold(w) for w in _TOKEN.findall(" ".join([clause.id, *clause.tags, clause.note or ""]))}
    present = set().union(*words_of) | extra
    hits: list[list[int]] = [[] for _ in segments]  # per segment, token positions that matched
    exact = close = 0
    for word in q.words:
        if word in present:
            exact += 1
            for s, words in enumerate(words_of):
                hits[s] += [i for i, w in enumerate(words) if w == word]
            continue
        alts = variants.get(word, frozenset())
        found = False
        for s, words in enumerate(words_of):
            positions = [i for i, w in enumerate(words) if w in alts or (len(word) >= 3 and w.startswith(word))]
            hits[s] += positions
            found = found or bool(positions)
        if found or alts & extra:
            close += 1
    phrases_found = 0
    for phrase in q.phrases:
        n = len(phrase)
        found = False
        for s, words in enumerate(words_of):
            starts = [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase]
            hits[s] += [i + k for i in starts for k in range(n)]
            found = found or bool(starts)
        phrases_found += found
    total = len(q.words) + len(q.phrases)
    query_text = " ".join(q.terms)
    display, folded, tokens = read[0]
    everything = " ".join(f for _, f, _ in read) if len(read) > 1 else folded
    partial = fuzz.partial_ratio(query_text, everything) if everything else 0.0
    if (as_typed := fold(q.text.replace('"', " ").strip())) != query_text and everything:  # "a/78/42", not "a 78 42"
        partial = max(partial, fuzz.partial_ratio(as_typed, everything))
    token_set = fuzz.token_set_ratio(query_text, folded) if folded else 0.0
    closeness = max(partial, token_set)
    if exact + phrases_found == total:
        how, tier = ("phrase" if q.phrases else "words"), 3
    elif exact + close + phrases_found == total and phrases_found == len(q.phrases):
        how, tier = "close words", 2
    elif exact + close + phrases_found:
        how, tier = "some words", 1
    elif closeness >= 70:
        how, tier = "fuzzy", 0
    else:
        return None, ()
    coverage = (exact + phrases_found + 0.7 * close) / total if total else 0.0
    score = round(70 * coverage + 30 * closeness / 100, 1)
    named = sum(1 for w in q.terms if w in _TOKEN.findall(fold(f"{clause.id} {clause.opening or ''}")))
    best = max(range(len(read)), key=lambda s: (len(set(hits[s])), s == 0))  # (the paragraph, where it matches as well)
    if best == 0 or not hits[best]:
        passage, marks = _passage(display, tokens, hits[0], query_text if tier == 0 else "", folded)
    else:
        note, folded_note, note_tokens = read[best]
        passage, marks = _passage(note, note_tokens, hits[best], "", folded_note)
        key = segments[best][0]
        label = f"footnote {key}: " if key.isdigit() else f"{key}: "
        passage, marks = label + passage, tuple((a + len(label), b + len(label)) for a, b in marks)
    hit = Hit(clause, score, how, passage, marks, uses)
    return hit, (-tier, -score, -named, bm25, len(display), clause.id)


def _passage(
    display: str, tokens: list[tuple[str, int, int]], hits: list[int], query_text: str, folded: str
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The window of the paragraph holding the most matched words, and the matched spans within it."""
    if not tokens:
        return display, ()
    spans: list[tuple[int, int]]
    if hits:
        positions = sorted(set(hits))
        best_start, best_count = 0, -1
        for start_pos in positions:
            count = sum(1 for p in positions if start_pos <= p < start_pos + PASSAGE_WORDS)
            if count > best_count:
                best_start, best_count = start_pos, count
        first = max(0, min(best_start - 4, len(tokens) - PASSAGE_WORDS))
        spans = [(tokens[p][1], tokens[p][2]) for p in positions if first <= p < first + PASSAGE_WORDS]
    else:
        from rapidfuzz import fuzz

        # fold() keeps offsets only where it keeps length; fall back to the start when it did not.
        usable = query_text and len(folded) == len(display)
        align = fuzz.partial_ratio_alignment(query_text, folded) if usable else None
        if align is None:
            first, spans = 0, []
        else:
            at = next((i for i, t in enumerate(tokens) if t[2] > align.dest_start), 0)
            first = max(0, min(at - 4, len(tokens) - PASSAGE_WORDS))
            # The match, widened to whole words: the alignment may start or end inside one ("pr[ovisional").
            last_word = max((t[2] for t in tokens if t[1] < align.dest_end), default=align.dest_end)
            spans = [(tokens[at][1], max(last_word, tokens[at][2]))]
    last = min(len(tokens), first + PASSAGE_WORDS) - 1
    start = 0 if first == 0 else tokens[first][1]
    end = len(display) if last == len(tokens) - 1 else tokens[last][2]
    prefix = "" if start == 0 else "…"
    suffix = "" if end == len(display) else "…"
    passage = prefix + display[start:end] + suffix
    shift = len(prefix) - start
    marks = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return passage, marks
