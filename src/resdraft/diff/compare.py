"""compare(old, new): the Diff of two Resolutions — header fields, then each part's paragraphs, then
paragraphs gone from one part to the other."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from resdraft.diff.align import Related, align, moved, pair_again
from resdraft.diff.footnotes import compare_footnotes
from resdraft.diff.formatting import restyling, with_formatting
from resdraft.diff.model import PARTS, Counterpart, Diff, HeaderChange, ParagraphChange, Place, lines_by_role
from resdraft.diff.words import WORD, keeps_share, kept_share, word_diff
from resdraft.footnote_marks import paired
from resdraft.model import Paragraph, Resolution, content_between
from resdraft.numbering import label_kind

_BREAKS = re.compile(r"[ \t\r\n]+")  # where a text's lines join: a no-break space is none, and stays


def as_words(text: str) -> str:
    """A text of lines as one line of words ("RESOLUTION / ON / …"), its own no-break spaces kept:
    a title that gains one differs, in characters that print alike, as a paragraph would."""
    return _BREAKS.sub(" ", text).strip()


def header_fields(res: Resolution) -> dict[str, str | None]:
    """The header facts a reviewer compares, as text."""
    fields = res.fields

    def text(value: object) -> str | None:
        if value is None or value == ():
            return None
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        return str(value)

    titles = [line.text for line in res.title if line.role == "title"]
    title = " ".join(titles) if titles else text(fields.get("title"))
    return {
        "title": as_words(title) if title else title,
        "symbol": text(fields.get("symbol")),
        "session": str(res.session.number) if res.session.number else None,
        "date": text(fields.get("date")),
        "enacting_formula": res.enacting.text if res.enacting else None,
        "transition_formula": res.transition.text if res.transition else None,
        "sponsors": text(fields.get("sponsors")),
        "closing": as_words(res.closing.text) if res.closing else None,
    }


def text_change(name: str, x: str | None, y: str | None) -> HeaderChange:
    """A header field (or masthead line) `name` from `x` to `y` (None: not in that text), word by word."""
    if x == y:
        return HeaderChange(name, "unchanged", x, y, (("equal", x or ""),))
    if x is None:
        return HeaderChange(name, "inserted", x, y, (("insert", y or ""),))
    if y is None:
        return HeaderChange(name, "deleted", x, y, (("delete", x),))
    return HeaderChange(name, "modified", x, y, tuple(word_diff(x, y)))


_FORMULAS = {"enacting_formula": "enacting", "transition_formula": "transition"}


def compare_header(old: Resolution, new: Resolution) -> tuple[HeaderChange, ...]:
    """The header fields of either text, each as it changed; a formula with the words it keeps
    that the new text sets otherwise (see diff/formatting.py)."""
    a, b = header_fields(old), header_fields(new)
    read = old.formatting_read and new.formatting_read
    out = []
    for name in a:
        if a[name] is None and b[name] is None:
            continue
        change = text_change(name, a[name], b[name])
        role = _FORMULAS.get(name)
        if role and read and (restyles := restyling(getattr(old, role), getattr(new, role), change.ops)):
            change = dataclasses.replace(change, formatting=restyles)
        out.append(change)
    return tuple(out)


FIELD_ROLES = frozenset({"title", "symbol", "date", "session", "sponsors"})  # lines a header field compares


def compare_masthead(old: Resolution, new: Resolution) -> tuple[HeaderChange, ...]:
    """The lines above the enacting formula that no header field compares (the organization, the
    agenda item, the committee's report, a subtitle …), paired by role, each named by its role
    ('agenda-item', or 'agenda-title 2' for the second of a role): in the new text's order, a line
    only the old text has after the old line it followed, as a deleted paragraph stands."""
    was, now = (lines_by_role(tuple(x for x in (*r.header, *r.title) if x.role not in FIELD_ROLES)) for r in (old, new))
    keys = list(now)
    at = 0  # where the old text's next line of its own goes: after the last old line both texts have
    for key in was:
        if key in now:
            at = keys.index(key) + 1
        else:
            keys.insert(at, key)
            at += 1
    out = []
    for key in keys:
        role, n = key
        x, y = (as_words(lines[key].text) if key in lines else None for lines in (was, now))
        out.append(text_change(role if n == 1 else f"{role} {n}", x, y))
    return tuple(out)


def relabelled(old: Paragraph, new: Paragraph) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The kinds of label of a paragraph's sub-paragraphs, old and new, each level by its first
    label ("(i)" against "(a)", "--"), where they differ at a level both texts have; None where
    they do not (a dash typed "--" or printed "–" is one kind), and where either text's labels
    follow no sequence, so that nothing counts but labels given as a kind. Only for a paragraph (its kinds name its sub-paragraphs' levels too)."""
    if old.level or not old.subparagraphs or not new.subparagraphs:
        return None
    was, now = old.label_kinds(), new.label_kinds()
    if was is None or now is None or all(label_kind(a) == label_kind(b) for a, b in zip(was, now, strict=False)):
        return None
    return tuple(was), tuple(now)


def compare_paragraphs(
    part: str, old: Sequence[Paragraph], new: Sequence[Paragraph], related: Related | None
) -> tuple[ParagraphChange, ...]:
    """Aligned changes in document order: the new order, each deletion after the old paragraph before it."""
    if not old and not new:  # most paragraphs have no sub-paragraphs
        return ()
    pairs = align(old, new, related)
    ops_of = {j: _ops(old[i].text, new[j].text) for j, i in pairs.items()}
    # The run kept in place is the one that carries the most unchanged text.
    weight = {j: _weight(ops) for j, ops in ops_of.items()}
    parted, out_of_order = _part_weak(old, new, (pairs, ops_of, weight), list(pairs), related)
    if parted:  # the paragraphs they free may pair again (never as they were), judged the same way
        freed = ({i for _, i in parted} - set(pairs.values()), {j for j, _ in parted} - set(pairs))
        tried: dict[int, tuple[tuple[str, str], ...]] = {}  # new index -> the ops of the pair last weighed

        def one_paragraph(j: int, i: int) -> bool:
            if (j, i) in parted:
                return False
            tried[j] = _ops(old[i].text, new[j].text)
            return not _two_paragraphs(old[i], new[j], tried[j], related, False)

        found = pair_again(old, new, pairs, freed, one_paragraph)
        for at_new, at_old in found.items():
            pairs[at_new], ops_of[at_new] = at_old, tried[at_new]
            weight[at_new] = _weight(tried[at_new])
        if found:
            _, out_of_order = _part_weak(old, new, (pairs, ops_of, weight), list(found), related)
    paired_old = set(pairs.values())
    changes: list[ParagraphChange] = []
    next_old = 0

    def flush_deleted(until: int) -> None:
        nonlocal next_old
        while next_old < until:
            if next_old not in paired_old:
                p = old[next_old]
                subs = compare_paragraphs(part, p.subparagraphs, (), related)
                changes.append(ParagraphChange(part, "deleted", False, p, None, next_old, None, (("delete", p.text),), subs))
            next_old += 1

    for j, p in enumerate(new):
        i = pairs.get(j)
        if i is None:
            subs = compare_paragraphs(part, (), p.subparagraphs, related)
            changes.append(ParagraphChange(part, "inserted", False, None, p, None, j, (("insert", p.text),), subs))
            continue
        if j not in out_of_order:
            flush_deleted(i)
            next_old = max(next_old, i + 1)
        q = old[i]
        subs = compare_paragraphs(part, q.subparagraphs, p.subparagraphs, related)
        same = q.text == p.text and all(not s.changed for s in subs)
        status: Literal["unchanged", "modified"] = "unchanged" if same else "modified"
        changes.append(ParagraphChange(part, status, j in out_of_order, q, p, i, j, ops_of[j], subs, relabelled=relabelled(q, p)))
    flush_deleted(len(old))
    return tuple(changes)


def _weight(ops: tuple[tuple[str, str], ...]) -> int:
    """A pair's weight in choosing the run kept in place: the unchanged text it carries."""
    return 1 + sum(len(text) for op, text in ops if op == "equal")


def _part_weak(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    made: tuple[dict[int, int], dict[int, tuple[tuple[str, str], ...]], dict[int, int]],
    judged: list[int],
    related: Related | None,
) -> tuple[set[tuple[int, int]], set[int]]:
    """The pairs (new, old) among `judged` that keep too few words to be one paragraph, or (out of
    order) one paragraph moved, and then those out of order that keep too few, taken out of `made`
    (the pairs, their ops, their weights); and the new indices of the pairs left out of order.
    Pairs that keep too few words are two paragraphs, however alike their letters or their opening
    phrase; one out of order must keep more. Each is judged by its place among all the pairs made,
    so that one weak pair gone never puts another back in order ("Looks forward to the fourth
    International Conference on Small Island …" and "… on Financing for Development")."""
    pairs, ops_of, weight = made
    parted = set()
    out_of_order = moved(pairs, weight)
    while two := [j for j in judged if _two_paragraphs(old[pairs[j]], new[j], ops_of[j], related, j in out_of_order)]:
        for j in two:
            parted.add((j, pairs[j]))
            del pairs[j], ops_of[j], weight[j]
        out_of_order = moved(pairs, weight)
        judged = sorted(out_of_order)  # (a pair in order that kept enough, keeps enough)
    return parted, out_of_order


# Two paragraphs are one paragraph edited when the word diff keeps this share of the shorter one's
# content words (`count_content_words`: not "the", "of", "to" nor a date's or a symbol's digits), in order.
# A paragraph updated (another year's meeting, a new report's symbol, a clause added or cut) keeps
# a fifth and more: "Reiterates its support for the International Coral Reef Initiative, notes that
# the thirty-seventh …" run on to another meeting keeps 25%. Two "Welcomes the …" paragraphs whose
# letters are half alike (the Tribunal's workshops and the IMO's digitalization, A/RES/78/69 and
# 79/144) keep 10%: "Welcomes", "Maritime". Where a pair keeps nothing but proper names, each counts
# once: the Security Council's paragraphs on the troops' commitments and on the restrictions on their
# movements (S/RES/1663 and 1709) share "of the United Nations Mission in the Sudan", 21% of their
# content words, and as one name, one against fifteen words changed.
SAME_KEEPS = 1 / 5
MOVED_KEEPS = 2 / 5  # ... and one paired out of its place ("moved" claims the same paragraph), two fifths
MOVED_WORDS = 1 / 3  # ... and a third of all its words (a long name kept, "United Nations Multidimensional …", is not enough)
ACROSS_KEEPS = 1 / 2  # ... and one gone from one part to the other, half its words (the shorter's)


def _two_paragraphs(
    old: Paragraph, new: Paragraph, ops: tuple[tuple[str, str], ...], related: Related | None, out_of_order: bool
) -> bool:
    """Whether a pair keeps too few of its content words to be one paragraph edited (or, out of
    order, one paragraph moved): it is one paragraph deleted and another inserted. Pairs of one
    library clause (or its amendment) stay."""
    if len(ops) == 1 or _one_clause(old, new, related):  # (most pairs are the same words)
        return False
    if out_of_order:
        return kept_share(ops) < MOVED_WORDS or not keeps_share(ops, MOVED_KEEPS)
    return not keeps_share(ops, SAME_KEEPS, names_once=True)


def _one_clause(old: Paragraph, new: Paragraph, related: Related | None) -> bool:
    """Whether two paragraphs come from one library clause, or from clauses one of which amends the other."""
    return bool(old.clause_id and new.clause_id) and (
        old.clause_id == new.clause_id or (related is not None and related(old.clause_id or "", new.clause_id or ""))
    )


Pieced = Literal["split", "merged"]
PIECES: tuple[Pieced, ...] = ("split", "merged")
SPLIT_KEEPS = 0.8  # a piece cut off one paragraph (or run on to it) and the paragraph it is keep this share of words
SPLIT_WORDS = 8  # ... and the piece has this many words


def _split_or_merged(changes: tuple[ParagraphChange, ...]) -> tuple[ParagraphChange, ...]:
    """A paragraph split in two, or two merged into one, within a part: the end (or start) of an
    old paragraph struck out where the paragraph after (or before) it is new and reads the same,
    or run on where the old paragraph after (or before) it is gone and read the same. Paragraphs
    still pair one to one; the new (or deleted) paragraph and the one it was cut from (or joined)
    name each other."""
    out = list(changes)
    neighbours = {  # kind -> index (new for a split, old for a merge) -> place in `out`
        "split": {c.new_index: k for k, c in enumerate(out) if c.status == "inserted"},
        "merged": {c.old_index: k for k, c in enumerate(out) if c.status == "deleted"},
    }
    for k, change in enumerate(out):
        if change.status != "modified" or change.moved or change.elsewhere or change.old is None or change.new is None:
            continue
        for kind, at_end in itertools.product(PIECES, (True, False)):
            index = (change.new_index if kind == "split" else change.old_index) or 0
            other = neighbours[kind].get(index + (1 if at_end else -1))
            if other is None or out[other].elsewhere is not None:
                continue
            piece = _edge(change.ops, "delete" if kind == "split" else "insert", at_end)
            if piece and (found := _pieced(change, out[other], kind, piece)):
                out[k], out[other] = found
                _chained(out, neighbours[kind], other, kind, at_end)
                break
    return tuple(out)


def _chained(out: list[ParagraphChange], neighbours: dict[int | None, int], other: int, kind: Pieced, at_end: bool) -> None:
    """Further paragraphs the same way: where the piece `out[other]` took holds, at its far end (or
    start), words that read as the next neighbour's, that neighbour is split off (or merged) too,
    and the piece is cut where its words end (three paragraphs run into one when two breaks were lost)."""
    step = 1 if at_end else -1
    while True:
        near = out[other]
        assert near.elsewhere is not None
        index = near.new_index if kind == "split" else near.old_index
        found = neighbours.get((index or 0) + step)
        if found is None or out[found].elsewhere is not None:
            return
        counter = near.elsewhere
        edge = _edge(counter.ops, "delete" if kind == "split" else "insert", at_end)
        if edge is None:
            return
        cut, length = counter.paragraph, len(counter.paragraph.text)
        piece = dataclasses.replace(cut, content=content_between(cut.content, *edge))
        rest = dataclasses.replace(cut, content=content_between(cut.content, *((0, edge[0]) if at_end else (edge[1], length))))
        mine, theirs = (near.new, out[found].new) if kind == "split" else (near.old, out[found].old)
        assert mine is not None and theirs is not None
        ops = _piece_ops(kind, piece.text, theirs.text)
        if kept_share(ops) < SPLIT_KEEPS:
            return
        kept = _piece_ops(kind, rest.text, mine.text)
        out[other] = dataclasses.replace(near, elsewhere=dataclasses.replace(counter, paragraph=rest, ops=kept))
        out[found] = dataclasses.replace(out[found], elsewhere=Counterpart(counter.place, piece, ops, kind))
        other = found


def _edge(ops: tuple[tuple[str, str], ...], edit: str, at_end: bool) -> tuple[int, int] | None:
    """The run of `edit` ops ('delete' or 'insert') at the end (or start) of a paragraph's ops,
    with the marks and spaces around it, as offsets into that side's text (old for deletions, new
    for insertions), when it holds SPLIT_WORDS words or more and no other op in it holds a word."""
    run: list[tuple[str, str]] = []
    for op, text in reversed(ops) if at_end else ops:
        if op != edit and WORD.search(text):
            break
        run.append((op, text))
    if sum(len(WORD.findall(text)) for op, text in run if op == edit) < SPLIT_WORDS:
        return None
    total = sum(len(text) for op, text in ops if op in ("equal", edit))
    length = sum(len(text) for op, text in run if op in ("equal", edit))
    return (total - length, total) if at_end else (0, length)


def _pieced(
    change: ParagraphChange, other: ParagraphChange, kind: Pieced, piece: tuple[int, int]
) -> tuple[ParagraphChange, ParagraphChange] | None:
    """`change` and its neighbour `other`, each naming the other, when the piece of `change` (its
    old text's, for a split; its new text's, for a merge) and `other`'s text keep SPLIT_KEEPS of
    their words."""
    part = change.part
    if kind == "split":  # the piece is old text, the neighbour a new paragraph
        source, whole = change.old, other.new
        here = Place(part, other.new_index or 0, other.new_number, "new")
        there = Place(part, change.old_index or 0, change.old_number, "old")
    else:  # the piece is new text, the neighbour an old paragraph
        source, whole = change.new, other.old
        here = Place(part, other.old_index or 0, other.old_number, "old")
        there = Place(part, change.new_index or 0, change.new_number, "new")
    assert source is not None and whole is not None
    cut = dataclasses.replace(source, content=content_between(source.content, *piece), label=None, subparagraphs=())
    ops = _piece_ops(kind, cut.text, whole.text)
    if kept_share(ops) < SPLIT_KEEPS:
        return None
    return (
        dataclasses.replace(change, elsewhere=Counterpart(here, whole, ops, kind)),
        dataclasses.replace(other, elsewhere=Counterpart(there, cut, ops, kind)),
    )


def _piece_ops(kind: Pieced, piece: str, paragraph: str) -> tuple[tuple[str, str], ...]:
    """The words from old to new between a piece and the paragraph it went on as (a split's piece
    is old text) or came from (a merge's is new text)."""
    return _ops(piece, paragraph) if kind == "split" else _ops(paragraph, piece)


def _across_parts(
    parts: dict[str, tuple[ParagraphChange, ...]], related: Related | None
) -> dict[str, tuple[ParagraphChange, ...]]:
    """Paragraphs deleted from one part whose text goes on in a paragraph inserted in the other
    (last session's operative "Welcomes …" become this session's preambular "Welcoming …") stay
    a deletion and an insertion, as the parts are numbered apart, each told where the other is.
    They pair as paragraphs within a part do, and must keep half their words (the shorter's)."""
    out = {part: list(changes) for part, changes in parts.items()}
    for source, target in (("operative", "preamble"), ("preamble", "operative")):
        gone = [k for k, c in enumerate(out[source]) if c.status == "deleted" and c.elsewhere is None]
        came = [k for k, c in enumerate(out[target]) if c.status == "inserted" and c.elsewhere is None]
        if not gone or not came:
            continue
        olds = [p for k in gone if (p := out[source][k].old) is not None]  # (a deletion has its old paragraph)
        news = [p for k in came if (p := out[target][k].new) is not None]
        for j, i in align(olds, news, related).items():
            deleted, inserted = out[source][gone[i]], out[target][came[j]]
            assert deleted.old is not None and inserted.new is not None and deleted.old_index is not None
            assert inserted.new_index is not None
            ops = _ops(deleted.old.text, inserted.new.text)
            if kept_share(ops) < ACROSS_KEEPS and not _one_clause(deleted.old, inserted.new, related):
                continue
            now = Counterpart(Place(target, inserted.new_index, inserted.new_number, "new"), inserted.new, ops)
            was = Counterpart(Place(source, deleted.old_index, deleted.old_number, "old"), deleted.old, ops)
            out[source][gone[i]] = dataclasses.replace(deleted, elsewhere=now)
            out[target][came[j]] = dataclasses.replace(inserted, elsewhere=was)
    return {part: tuple(changes) for part, changes in out.items()}


def _ops(old: str, new: str) -> tuple[tuple[str, str], ...]:
    return (("equal", new),) if old == new else tuple(word_diff(old, new))


def lineage_relation(amends: Mapping[str, str]) -> Related:
    """Two clause ids are related when one amends the other, directly or along a chain."""

    def ancestors(cid: str) -> set[str]:
        seen: set[str] = set()
        while cid in amends and cid not in seen:
            seen.add(cid)
            cid = amends[cid]
        seen.add(cid)
        return seen

    def related(a: str, b: str) -> bool:
        return a in ancestors(b) or b in ancestors(a)

    return related


def compare(
    old: Resolution, new: Resolution, amends: Mapping[str, str] | None = None, old_name: str = "old", new_name: str = "new"
) -> Diff:
    """The Diff of two Resolutions; `amends` maps a clause id to the id it rewords. Each text's
    footnotes are taken in the order of their marks (see `footnote_marks`), for the diff and its outputs."""
    old, new = paired(old), paired(new)
    related = lineage_relation(amends or {})
    warnings = []
    if old.body != new.body:
        warnings.append(f"the documents are of different bodies ({old.body} and {new.body}); compared all the same")
    parts = _across_parts(
        {part: _split_or_merged(compare_paragraphs(part, getattr(old, part), getattr(new, part), related)) for part in PARTS},
        related,
    )
    if old.formatting_read and new.formatting_read:
        parts = {part: with_formatting(changes) for part, changes in parts.items()}
    return Diff(
        old=old,
        new=new,
        old_name=old_name,
        new_name=new_name,
        header=compare_header(old, new),
        masthead=compare_masthead(old, new),
        preamble=parts["preamble"],
        operative=parts["operative"],
        warnings=tuple(warnings),
        footnotes=compare_footnotes(old, new, parts),
    )
