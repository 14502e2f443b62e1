"""Library upkeep on a copy of the example library: search, usage, history, dupes, rename, merge, add, edit, fmt.

Every bad input (broken YAML, a duplicate id, a rename onto an existing id, a merge across kinds,
a failed write) must end in a clear error and leave every file exactly as it was.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resdraft.build import load_resolution
from resdraft.check import check_library
from resdraft.errors import LibraryError, OutputError
from resdraft.library import open_library
from resdraft.upkeep import add, dupes, edit, fmt, history, list_clauses, merge, rename, search, show_clause, usage
from resdraft.upkeep import commit as commit_module
from resdraft.upkeep.commit import FileChange, write_all
from resdraft.upkeep.layout import format_text
from resdraft.upkeep.query import parse_query
from resdraft.upkeep.report import changes_text, clause_text, dupes_text, entries_text, history_text, hits_text, uses_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS_CHECK = ROOT.parent / "shared" / "checks" / "seeds_reproduced.py"
PROVISIONAL = "aalco.decides-provisional-agenda"
MINDFUL = "aalco.mindful-increasing-exploitation"
BEING_MINDFUL = "aalco.being-mindful-increasing-exploitation"


def snapshot(root: Path) -> dict[Path, bytes]:
    """Every YAML file of a library, to prove that nothing changed."""
    return {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def changed_lines(before: str, after: str) -> list[str]:
    """The - and + lines of a unified diff."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("---", "+++"))]


def no_errors(root: Path) -> None:
    report = check_library(root)
    assert not report.errors, "\n".join(str(p) for p in report.errors)


# ---------------------------------------------------------------- search


def test_search_finds_the_provisional_agenda_clause_first(library: Path) -> None:
    hits = search(library, "provisional agenda")
    assert hits[0].clause.id == PROVISIONAL
    assert hits[0].how == "words"
    marked = [hits[0].passage[a:b] for a, b in hits[0].marks]
    assert marked == ["provisional", "agenda"]
    assert "[provisional] [agenda]" in hits_text(hits[:1])


def test_search_finds_text_a_clause_writes_as_jinja_as_its_drafts_read_it(library: Path) -> None:
    # "provisional agenda of the Fifty-Third Annual Session" is how aalco-52 reads the clause's
    # {{ session.next.ordinal_title }}: pasted from the adopted text, search found only other clauses.
    hits = search(library, '"provisional agenda of the Fifty-Third Annual Session"')
    assert hits[0].clause.id == PROVISIONAL
    assert (hits[0].how, hits[0].score) == ("phrase", 100)
    assert hits[0].passage.startswith(
        "as session 52 drafts read it: Decides to place this item on the provisional agenda of the Fifty-Third"
    )
    assert search(library, "Fifty-Fourth")[0].clause.id == PROVISIONAL  # (as aalco-53 reads it)
    # A draft moved to another session reads it anew.
    path = library / "drafts" / "aalco-53.yaml"
    path.write_text(path.read_text().replace("session: 53", "session: 60"))
    assert PROVISIONAL not in {h.clause.id for h in search(library, "Fifty-Fourth") if h.how == "words"}
    assert search(library, "Sixty-First")[0].clause.id == PROVISIONAL


def test_a_fuzzy_match_is_marked_on_whole_words(library: Path) -> None:
    # The alignment of a fuzzy match started and ended inside words: "the[ provisional …]", "pr[ovisional".
    hits = [h for h in search(library, "heprovisionalagen", limit=50) if h.how == "fuzzy"]
    assert [hits[0].passage[a:b] for a, b in hits[0].marks] == ["provisional agenda"]
    for hit in hits:
        for a, b in hit.marks:
            assert (a == 0 or not hit.passage[a - 1].isalnum()) and (b == len(hit.passage) or not hit.passage[b].isalnum())
            assert hit.passage[a].isalnum() and hit.passage[b - 1].isalnum()


def test_search_tolerates_typos(library: Path) -> None:
    hits = search(library, "provisonal agneda")
    assert hits[0].clause.id == PROVISIONAL
    assert hits[0].how == "close words"


def test_search_gives_as_many_hits_as_asked_and_a_phrase_found_only_its_own(library: Path) -> None:
    """From an outside audit on the 659 GA texts: '"Treaty Series"' -n 5000 gave 150 hits of the
    387 clauses holding it (the clauses ranked were 150 at most), and a quoted phrase found was
    padded out with clauses holding some of its words ("resolution 77/98" for "resolution 79/98")."""
    entries = "".join(
        f"  - id: unga.treaty-{n}\n    kind: preambular\n    opening: Recalling\n"
        f"    text: the United Nations Treaty Series, vol. {1000 + n}\n"
        for n in range(170)
    )
    entries += "  - id: unga.treaty-alone\n    kind: preambular\n    opening: Recalling\n    text: the Treaty of Tlatelolco\n"
    (library / "clauses" / "treaties.yaml").write_text("clauses:\n" + entries, encoding="utf-8")
    hits = search(library, '"Treaty Series"', limit=500)
    assert len(hits) == 172 and {h.how for h in hits} == {"phrase"}  # (the 170 and two of unga-64's footnotes)
    assert "unga.treaty-alone" not in {h.clause.id for h in hits}
    assert len(search(library, '"Treaty Series"')) == 20  # (the default)


def test_search_exact_phrase_needs_the_words_in_that_order(library: Path) -> None:
    in_order = search(library, '"increasing number of individuals"')
    assert {h.clause.id for h in in_order if h.how == "phrase"} == {MINDFUL, BEING_MINDFUL}
    reversed_words = search(library, '"individuals of number increasing"')
    assert all(h.how != "phrase" for h in reversed_words)
    # As in the full-text index, punctuation between the words of a phrase does not count.
    assert "unga.recalling-organized-crime-convention-and-protocols" in {
        h.clause.id for h in search(library, '"persons especially women"', limit=50) if h.how == "phrase"
    }


def test_search_ranks_every_word_above_some_words(library: Path) -> None:
    hits = search(library, "mindful exploitation")
    assert {h.clause.id for h in hits[:2]} == {MINDFUL, BEING_MINDFUL}
    assert all(h.how == "some words" for h in hits[2:])


def test_search_matches_words_of_the_id_and_footnotes(library: Path) -> None:
    assert search(library, "A/64/290")[0].clause.id == "unga.welcoming-special-rapporteur-and-global-report"


def test_search_for_nothing_is_an_error(library: Path) -> None:
    with pytest.raises(LibraryError, match="nothing to search for"):
        search(library, '  "" ')


# ---------------------------------------------------------------- usage, show, history, list


def test_usage_lists_each_draft_with_its_operative_paragraph_number(library: Path) -> None:
    sites = usage(library, PROVISIONAL)
    assert [(s.draft, s.session, s.label) for s in sites] == [
        ("aalco-50", 50, "op. 4"),
        ("aalco-52", 52, "op. 4"),
        ("aalco-53", 53, "op. 4"),
    ]
    assert f"aalco-52  aalco 52  op. 4  {library / 'drafts' / 'aalco-52.yaml'}:28" in uses_text(sites)


def test_usage_numbers_are_the_numbers_the_build_gives(library: Path) -> None:
    lib = open_library(library)
    for draft in sorted((library / "drafts").glob("*.yaml")):
        resolution, _ = load_resolution(draft, lib)
        for part in (resolution.preamble, resolution.operative):
            for position, paragraph in enumerate(part, start=1):
                if paragraph.clause_id is None:
                    continue
                labels = {(s.draft, s.label) for s in usage(library, paragraph.clause_id)}
                number = paragraph.number if paragraph.role == "operative" and paragraph.number else position
                prefix = "op." if paragraph.role == "operative" else "pp."
                assert (draft.stem, f"{prefix} {number}") in labels


def test_usage_skips_section_headings_as_the_build_numbers_them(library: Path) -> None:
    # In A/RES/78/69, a resolution in sections, usage gave "op. 393" for the paragraph the build
    # prints as 376 (it counted the headings), and "op. 93" for the heading "IV".
    path = library / "drafts" / "aalco-52.yaml"
    text = path.read_text()
    for cid in ("aalco.encourages-ratify-toc-protocol", "aalco.mandates-committee-of-experts-mla"):
        text = text.replace(f"  - {cid}\n", f"  - clause: {cid}\n    end: ''\n    heading: I\n")
    path.write_text(text)
    resolution, _ = load_resolution(path, open_library(library))
    built = {p.clause_id: f"op. {p.number}" if p.number else f"heading {p.label}" for p in resolution.operative}
    assert built == {
        "aalco.encourages-ratify-toc-protocol": "heading I",
        "aalco.directs-secretariat-follow-developments": "op. 1",
        "aalco.mandates-committee-of-experts-mla": "heading II",
        "aalco.decides-provisional-agenda": "op. 2",
    }
    for cid, label in built.items():
        assert [s.label for s in usage(library, cid) if s.draft == "aalco-52"] == [label]


def test_usage_of_an_unknown_id_suggests_the_closest(library: Path) -> None:
    with pytest.raises(LibraryError) as caught:
        usage(library, "aalco.decides-provisional-agenda2")
    message = str(caught.value)
    assert "unknown clause id 'aalco.decides-provisional-agenda2'" in message
    assert f"did you mean {PROVISIONAL}" in message


def test_an_unknown_id_is_not_called_close_for_its_body_prefix_alone(library: Path) -> None:
    # From the library audit: "unga.nope" was told "did you mean unga.scope?", close by "unga." only.
    add(library, "new-topic", "unga.scope", "operative", "Decides", "on the scope of the item")
    for typed, hint in (("unga.nope", None), ("unga.scpoe", "unga.scope"), ("ugna.scope", "unga.scope"), ("scope", None)):
        with pytest.raises(LibraryError) as caught:
            usage(library, typed)
        said = caught.value.problems[0].hint
        assert (said == f"did you mean {hint}?") if hint else ("did you mean" not in said), (typed, said)


def test_show_clause_gives_text_tags_uses_and_lineage_both_ways(library: Path) -> None:
    old = show_clause(library, MINDFUL)
    assert old.clause.opening == "Mindful of"
    assert old.clause.tags == ("aalco", "smuggling-of-migrants")
    assert [(u.draft, u.label) for u in old.uses] == [("aalco-50", "pp. 3")]
    assert old.lineage.descendants == (BEING_MINDFUL,)
    new = show_clause(library, BEING_MINDFUL)
    assert new.lineage.ancestors == (MINDFUL,)
    assert [(u.draft, u.label) for u in new.uses] == [("aalco-52", "pp. 2"), ("aalco-53", "pp. 2")]


def test_history_shows_the_step_from_mindful_of_to_being_mindful(library: Path) -> None:
    steps = history(library, BEING_MINDFUL)
    assert [s.clause.id for s in steps] == [MINDFUL, BEING_MINDFUL]
    assert steps[0].sessions == ("aalco 50",)
    assert steps[0].wording.startswith("Mindful of the increasing number")
    assert steps[1].sessions == ("aalco 52", "aalco 53")
    assert [(s.resolutions, s.borrowed) for s in steps] == [((), False), ((), False)]  # (one resolution's: no titles)
    assert steps[1].previous == MINDFUL
    assert steps[1].diff[0] == ("insert", "Being ")
    assert all(op == "equal" for op, _ in steps[1].diff[1:])
    assert "{+Being +}Mindful of the increasing" in history_text(steps)
    assert [s.clause.id for s in history(library, MINDFUL)] == [MINDFUL, BEING_MINDFUL]


def test_a_text_starting_with_a_comma_follows_its_opening_with_no_space_everywhere(library: Path) -> None:
    # "Recalling , in this regard, resolution 77/321" in show, list, history and search (233 clauses
    # of the GA library), though the build prints "Recalling, in this regard"; an exact search scored 99.3.
    text = ", in this regard, resolution 77/321 of 1 August 2023"
    add(library, "new-topic", "topic.recalling-this-regard", "preambular", "Recalling", text)
    add(
        library,
        "new-topic",
        "topic.recalling-this-regard-2",
        "preambular",
        "Recalling",
        text + " and 78/272",
        amends="topic.recalling-this-regard",
    )
    expected = "Recalling, in this regard, resolution 77/321"
    assert expected in clause_text(show_clause(library, "topic.recalling-this-regard"))
    assert expected in entries_text(list_clauses(library, opening="Recalling"))
    assert expected in history_text(history(library, "topic.recalling-this-regard-2"))
    hit = search(library, f'"{expected}"')[0]
    assert hit.passage.startswith("Recalling, in this regard")
    assert hit.score == 100


def test_history_is_the_clauses_own_chain_and_shows_a_changed_footnote(library: Path) -> None:
    # Imported GA resolutions give one root "Takes note of the report of the Secretary-General" 40
    # rewordings, each citing its report in a footnote: the history of one printed all 40, each as
    # "…Secretary-General{+[^fn1]+}", hiding the symbol, the only change from year to year.
    add(library, "new-topic", "topic.takes-note", "operative", "Takes note", "of the report of the Secretary-General")
    for n, symbol in ((2, "A/78/152"), (3, "A/78/999")):
        add(
            library,
            "new-topic",
            f"topic.takes-note-{n}",
            "operative",
            "Takes note",
            "of the report of the Secretary-General[^fn1]",
            footnotes={"fn1": symbol},
            amends="topic.takes-note",
        )
    add(
        library,
        "new-topic",
        "topic.takes-note-4",
        "operative",
        "Takes note",
        "of the report of the Secretary-General[^fn1]",
        footnotes={"fn1": "A/79/128"},
        amends="topic.takes-note-2",
    )
    steps = history(library, "topic.takes-note-2")
    assert [s.clause.id for s in steps] == ["topic.takes-note", "topic.takes-note-2", "topic.takes-note-4"]
    assert "[^fn1]: [-A/78/152-]{+A/79/128+}" in history_text(steps)
    assert [s.clause.id for s in history(library, "topic.takes-note-4")] == [s.clause.id for s in steps]


def test_a_history_closes_a_change_at_the_end_of_each_line(library: Path) -> None:
    # A deleted footnote left "[-" hanging at the end of the paragraph's line (library audit).
    add(library, "new-topic", "topic.a", "operative", "Takes note", "of the report[^fn1]", footnotes={"fn1": "A/78/152."})
    add(library, "new-topic", "topic.b", "operative", "Takes note", "of the report", amends="topic.a")
    lines = history_text(history(library, "topic.b")).splitlines()
    assert lines[-2:] == ["  Takes note of the report[-[^fn1]-]", "  [-[^fn1]: A/78/152.-]"]


def test_list_filters_by_kind_tag_body_and_opening(library: Path) -> None:
    everything = list_clauses(library)
    assert len(everything) == 62
    assert {e.clause.kind for e in list_clauses(library, kind="operative")} == {"operative"}
    assert [e.id for e in list_clauses(library, tag="agenda")] == [PROVISIONAL]
    aalco = list_clauses(library, body="aalco")
    assert aalco and all(e.id.startswith("aalco.") for e in aalco)
    assert len(list_clauses(library, body="aipa")) == 19  # by the drafts of body aipa, though none is used twice
    assert [e.id for e in list_clauses(library, opening="also noting")] == ["aalco.also-noting-forms-of-trafficking"]
    assert {e.id for e in list_clauses(library, opening="Also")} >= {
        "aalco.also-noting-forms-of-trafficking",
        "unga.also-requests-report-next-session",
    }
    assert next(e for e in everything if e.id == PROVISIONAL).uses == 3
    with pytest.raises(LibraryError, match="kind must be preambular or operative"):
        list_clauses(library, kind="operational")


@pytest.mark.parametrize(
    ("tag", "hint"), [("migrants", "did you mean smuggling-of-migrants?"), ("agendaa", "did you mean agenda?")]
)
def test_list_by_a_tag_no_clause_carries_says_so_with_the_tag_meant(library: Path, tag: str, hint: str) -> None:
    # From an outside audit: a misspelt tag listed "0 clauses".
    with pytest.raises(LibraryError) as caught:
        list_clauses(library, tag=tag)
    assert str(caught.value).startswith(f"no clause is tagged {tag!r}") and caught.value.problems[0].hint == hint


# ---------------------------------------------------------------- dupes


def test_dupes_says_no_draft_reads_otherwise_where_no_draft_uses_the_clause_dropped(library: Path) -> None:
    # From an outside audit: in the starter library (whose aalco-52 uses only "Being Mindful …"),
    # dupes said what "the drafts using aalco.mindful-increasing-exploitation would read".
    draft = library / "drafts" / "aalco-50.yaml"
    draft.write_text(draft.read_text(encoding="utf-8").replace(f"  - {MINDFUL}\n", ""), encoding="utf-8")
    (pair,) = dupes(library)
    assert (pair.drop, pair.changes) == (MINDFUL, "")
    text = dupes_text([pair], 90)
    assert "would read" not in text and "merging gives the older drafts" not in text
    assert f"drop {MINDFUL}: used in 2 draft paragraph(s) against 0" in text


def test_dupes_finds_the_mindful_pair_and_proposes_keeping_the_more_used(library: Path) -> None:
    pairs = dupes(library)
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair.a.id, pair.b.id} == {MINDFUL, BEING_MINDFUL}
    assert 95 < pair.similarity < 100
    assert (pair.keep, pair.drop) == (BEING_MINDFUL, MINDFUL)
    assert "used in 2 draft paragraph(s) against 1" in pair.reason
    assert pair.linked
    assert (pair.naming, pair.changes) == ("", "{+Being +}Mindful of the")
    assert "    the drafts using aalco.mindful-increasing-exploitation would read: {+Being +}Mindful of the" in dupes_text(
        pairs, 90
    )
    done = merge(library, BEING_MINDFUL, MINDFUL, dry_run=True)
    assert f"the drafts that used {MINDFUL} would read: {{+Being +}}Mindful of the" in done.notes


def test_dupes_does_not_propose_merging_two_territories_paragraphs(library: Path, tmp_path: Path) -> None:
    """From the library audit: on drafts not yet adopted, dupes proposed merging paragraphs that
    differ by the territory they name (94-96), a merge that makes one territory's draft name another."""
    from conftest import ga_text
    from resdraft.library_import import import_documents

    list(import_documents([ga_text(tmp_path, "A/RES/78/86"), ga_text(tmp_path, "A/RES/78/87")], start=library))
    for name in ("a-res-78-86", "a-res-78-87"):
        draft = library / "drafts" / f"{name}.yaml"
        draft.write_text(draft.read_text().replace("status: adopted", "status: draft"))
    pairs = {frozenset((d.a.id, d.b.id)): d for d in dupes(library)}
    samoa = pairs[
        frozenset(
            (
                "unga.taking-note-working-paper-prepared-secretariat-american",
                "unga.taking-note-working-paper-prepared-secretariat-anguilla",
            )
        )
    ]
    assert not samoa.adopted and samoa.similarity >= 90
    assert samoa.naming == (
        "Secretariat on [-Anguilla-]{+American Samoa+}[^fn1] and other … [-A/AC.109/2023/2-]{+A/AC.109/2023/1+}."
    )
    assert not samoa.mergeable
    listed = dupes_text(list(pairs.values()), 90)
    assert "american" not in listed and "anguilla" not in listed
    naming = sum(1 for d in pairs.values() if d.naming)
    assert (
        f"; {naming} not listed that name different things: a territory, report, year or amount (keep both): --all lists them"
        in listed
    )
    assert f"keep both: they name different things: {samoa.naming}" in dupes_text(list(pairs.values()), 90, every=True)


@pytest.mark.parametrize(
    ("old", "new", "naming"),
    [
        ("urges Parties to act", "urges parties to act", ""),  # (case)
        ("the Convention, and", "the Convention and", ""),  # (punctuation)
        ("Recalling its resolution 78/1", "Recalling its resolution 79/1", "its resolution [-78/1-]{+79/1+}"),
        ("at its seventy-eighth session", "at its seventy-ninth session", "at its [-seventy-eighth-]{+seventy-ninth+} session"),
        (
            "Requests the Secretariat to report",
            "Requests the Secretary-General to report",
            "Requests the [-Secretariat-]{+Secretary-General+} to report",
        ),
        ("Notes the report. Requests more", "Notes the report. Invites more", ""),  # (a sentence's first word)
    ],
)
def test_changes_that_name_something_else_are_told_from_rewordings(old: str, new: str, naming: str) -> None:
    from resdraft.model import Clause
    from resdraft.upkeep.duplicates import naming_changes

    assert naming_changes(Clause("a", "operative", old), Clause("b", "operative", new)) == naming


def test_dupes_above_the_pairs_similarity_finds_nothing(library: Path) -> None:
    similarity = dupes(library)[0].similarity
    assert dupes(library, threshold=min(100.0, similarity + 1)) == []


# ---------------------------------------------------------------- rename


def test_rename_updates_every_draft_and_keeps_their_comments(library: Path) -> None:
    before = snapshot(library)
    result = rename(library, PROVISIONAL, "aalco.decides-agenda-item")
    assert result.written
    changed = {c.path.relative_to(library).as_posix() for c in result.files}
    assert changed == {"clauses/aalco-trafficking.yaml", "drafts/aalco-50.yaml", "drafts/aalco-52.yaml", "drafts/aalco-53.yaml"}
    for change in result.files:
        assert change.before == before[change.path].decode()
        assert changed_lines(change.before, change.after) == [
            f"-{line}" for line in change.before.splitlines() if PROVISIONAL in line
        ] + [
            f"+{line.replace(PROVISIONAL, 'aalco.decides-agenda-item')}"
            for line in change.before.splitlines()
            if PROVISIONAL in line
        ]
    assert (library / "drafts" / "aalco-50.yaml").read_text().startswith("# The draft resolution annexed")
    assert "  # This session's draft used the short form" in (library / "drafts" / "aalco-50.yaml").read_text()
    assert [s.draft for s in usage(library, "aalco.decides-agenda-item")] == ["aalco-50", "aalco-52", "aalco-53"]
    no_errors(library)
    assert f"wrote {library / 'drafts' / 'aalco-52.yaml'}" in changes_text(result)


def test_rename_updates_amends_links(library: Path) -> None:
    rename(library, MINDFUL, "aalco.mindful-of-increasing-exploitation")
    assert show_clause(library, BEING_MINDFUL).lineage.ancestors == ("aalco.mindful-of-increasing-exploitation",)
    no_errors(library)


def test_rename_dry_run_writes_nothing(library: Path) -> None:
    before = snapshot(library)
    result = rename(library, PROVISIONAL, "aalco.decides-agenda-item", dry_run=True)
    assert len(result.files) == 4 and not result.written
    assert snapshot(library) == before


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_dry_run_says_what_would_be_done_and_a_run_what_was(library: Path, dry_run: bool) -> None:
    # A dry run wrote "renamed X to Y …" though nothing was written.
    said = [
        changes_text(rename(library, PROVISIONAL, "aalco.decides-agenda-item", dry_run=dry_run)),
        changes_text(merge(library, BEING_MINDFUL, MINDFUL, dry_run=dry_run)),
        changes_text(edit(library, BEING_MINDFUL, note="Reworded at the 52nd session.", dry_run=dry_run)),
        changes_text(
            add(library, "aalco-trafficking", "aalco.requests-report", "operative", "Requests", "a report", dry_run=dry_run)
        ),
    ]
    if dry_run:
        assert [text.split(" ", 2)[:2] for text in said] == [["would", verb] for verb in ("rename", "merge", "edit", "add")]
        assert "aalco-50 pp. 3: would be aalco.being-mindful-increasing-exploitation" in said[1]
        assert f"{BEING_MINDFUL} amended {MINDFUL}; the link would go" in said[1]
        assert "note: would be set" in said[2]
        assert all(" now " not in text and "wrote" not in text for text in said)
    else:
        assert [text.split(" ", 1)[0] for text in said] == ["renamed", "merged", "edited", "added"]
        assert "aalco-50 pp. 3: now aalco.being-mindful-increasing-exploitation" in said[1]
        assert "note: set" in said[2]


def test_rename_onto_an_existing_id_is_refused_and_nothing_changes(library: Path) -> None:
    before = snapshot(library)
    with pytest.raises(LibraryError) as caught:
        rename(library, MINDFUL, BEING_MINDFUL)
    message = str(caught.value)
    assert f"clause id '{BEING_MINDFUL}' already exists" in message
    assert "aalco-trafficking.yaml:" in message
    assert snapshot(library) == before


def test_rename_to_an_id_with_capitals_is_refused(library: Path) -> None:
    before = snapshot(library)
    with pytest.raises(LibraryError, match="may hold only lower-case letters"):
        rename(library, MINDFUL, "AALCO.Mindful")
    assert snapshot(library) == before


def test_rename_writes_through_a_draft_that_is_a_symbolic_link(library: Path) -> None:
    # From an outside audit: the link was replaced by a regular file and its target left as it was.
    draft = library / "drafts" / "aalco-52.yaml"
    kept = library / "kept-aalco-52.yaml"
    draft.rename(kept)
    draft.symlink_to(kept)
    rename(library, BEING_MINDFUL, "aalco.mindful-renamed")
    assert draft.is_symlink() and draft.resolve() == kept.resolve()
    assert "aalco.mindful-renamed" in kept.read_text(encoding="utf-8") and BEING_MINDFUL not in kept.read_text(encoding="utf-8")
    no_errors(library)


@pytest.mark.parametrize("new", ["aalco.", "aalco..mindful", "aalco.mindful-", "aalco-.mindful"])
def test_rename_to_an_id_ending_with_a_mark_or_doubling_one_is_refused(library: Path, new: str) -> None:
    # From an outside audit: `rename … unsc.` was taken, an id with an empty name after its dot.
    before = snapshot(library)
    with pytest.raises(LibraryError, match="ends with a mark or doubles one"):
        rename(library, MINDFUL, new)
    assert snapshot(library) == before


# ---------------------------------------------------------------- merge


def test_merge_points_drafts_at_the_kept_clause_and_removes_the_other(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    before = clauses.read_text()
    result = merge(library, BEING_MINDFUL, MINDFUL)
    after = clauses.read_text()
    assert f"id: {MINDFUL}" not in after
    assert "amends:" not in after  # the kept clause amended the dropped one
    assert after.startswith(before.split("  - id: aalco.having-heard")[0])  # header comments untouched
    assert [(s.draft, s.label) for s in usage(library, BEING_MINDFUL)] == [
        ("aalco-50", "pp. 3"),
        ("aalco-52", "pp. 2"),
        ("aalco-53", "pp. 2"),
    ]
    assert "aalco-50 pp. 3: now " + BEING_MINDFUL in result.notes
    no_errors(library)


def test_merge_keeps_the_section_comment_after_the_dropped_clause(library: Path) -> None:
    path = library / "clauses" / "aipa-trafficking.yaml"
    # (aipo-26, which uses the dropped clause, is adopted: a merge would change its text, and is refused)
    draft = library / "drafts" / "aipo-26.yaml"
    draft.write_text(draft.read_text().replace("status: adopted", "status: draft"))
    # (two clauses that say different things: forced)
    merge(library, "aipa.strengthen-regional-international-cooperation", "aipa.recommend-research-project-roadmap", force=True)
    text = path.read_text()
    assert (
        "  # ---------------------------------------------------------------- 27th GA (Cebu City, 2006)\n  - id: aipa.referring"
        in text
    )
    assert "\n\n\n" not in text
    no_errors(library)


def test_merge_keeps_the_lineage_of_the_dropped_clause(library: Path) -> None:
    """From an outside audit: merging into a copy the clause that amends another threw its
    `amends:` link away without a word, and the copy's history no longer reached the older wording."""
    same = show_clause(library, BEING_MINDFUL).clause
    add(library, "clauses/copy.yaml", "aalco.copy", "preambular", same.opening, same.text)
    draft = library / "drafts" / "aalco-52.yaml"  # (adopted texts use the dropped clause: the same words, nothing changes)
    result = merge(library, "aalco.copy", BEING_MINDFUL)
    assert f"aalco.copy now amends {MINDFUL}, as {BEING_MINDFUL} did" in result.notes
    assert show_clause(library, "aalco.copy").clause.amends == MINDFUL
    assert [s.clause.id for s in history(library, "aalco.copy")] == [MINDFUL, "aalco.copy"]
    assert "aalco.copy" in draft.read_text()
    no_errors(library)


def test_merge_of_two_clauses_each_amending_another_is_refused(library: Path) -> None:
    same = show_clause(library, BEING_MINDFUL).clause
    add(library, "clauses/copy.yaml", "aalco.copy", "preambular", same.opening, same.text, amends=PROVISIONAL)
    before = snapshot(library)
    with pytest.raises(LibraryError) as caught:
        merge(library, "aalco.copy", BEING_MINDFUL)
    assert f"it amends {MINDFUL} and aalco.copy amends {PROVISIONAL}, and a clause amends one other" in str(caught.value)
    assert snapshot(library) == before


def test_merge_of_clauses_that_say_different_things_is_refused_unless_forced(library: Path) -> None:
    """From an outside audit: `merge aalco.being-mindful-increasing-exploitation
    unga.recalling-resolution-coordination` (one wrong id) put AALCO's "Being Mindful of the
    increasing number …" in place of unga-64's first paragraph, and check passed it."""
    drop = "unga.recalling-resolution-coordination"
    before = snapshot(library)
    with pytest.raises(LibraryError) as caught:
        merge(library, BEING_MINDFUL, drop)
    assert f"{drop} and {BEING_MINDFUL} are 45% alike: they say different things" in str(caught.value)
    assert "add --force" in caught.value.problems[0].hint
    assert snapshot(library) == before
    result = merge(library, BEING_MINDFUL, drop, force=True)
    assert "unga-64 pp. 1: now " + BEING_MINDFUL in result.notes


def test_merge_counts_the_amends_link_the_kept_clause_takes_over(library: Path) -> None:
    same = show_clause(library, BEING_MINDFUL).clause
    add(library, "clauses/copy.yaml", "aalco.copy", "preambular", same.opening, same.text)
    assert merge(library, "aalco.copy", BEING_MINDFUL).summary.endswith("(2 draft(s), 1 amends link(s))")  # (it said 0)


def test_merge_of_clauses_of_different_kinds_is_refused_and_nothing_changes(library: Path) -> None:
    before = snapshot(library)
    with pytest.raises(LibraryError) as caught:
        merge(library, PROVISIONAL, MINDFUL)
    assert f"cannot merge {MINDFUL} (preambular) into {PROVISIONAL} (operative)" in str(caught.value)
    assert snapshot(library) == before


def _cbd_library(library: Path, tmp_path: Path) -> tuple[str, str]:
    """The example library with A/RES/78/155 and 79/208 (the Convention on Biological Diversity)
    imported; the two clauses of operative paragraphs 3 and 4, which differ only in "Parties"/"parties"."""
    from conftest import ga_text
    from resdraft.library_import import import_documents

    list(import_documents([ga_text(tmp_path, "A/RES/78/155"), ga_text(tmp_path, "A/RES/79/208")], start=library))
    older = "unga.also-welcomes-kunming-montreal-global-biodiversity-framework"
    return older, older + "-2"


def test_dupes_scores_100_only_for_the_same_paragraph(library: Path, tmp_path: Path) -> None:
    """ "urges Parties …" and "urges parties …", the same words but for case, scored 100, as did two
    paragraphs that cite other reports in their footnotes (A/78/209, A/79/273)."""
    older, newer = _cbd_library(library, tmp_path)
    pairs = {frozenset((d.a.id, d.b.id)): d for d in dupes(library)}
    assert 99 < pairs[frozenset((older, newer))].similarity < 100
    report = "unga.takes-note-report-executive-secretary-convention-biological"
    assert pairs[frozenset((report, report + "-2"))].similarity == 99.9  # (the footnotes differ)
    assert not [d for d in pairs.values() if d.similarity == 100]
    same = show_clause(library, older).clause
    add(library, "clauses/copy.yaml", "unga.copy", "operative", same.opening, same.text, footnotes=same.footnotes)
    assert next(d for d in dupes(library) if "unga.copy" in (d.a.id, d.b.id)).similarity == 100


def test_merge_refuses_to_change_what_an_adopted_draft_says(library: Path, tmp_path: Path) -> None:
    """`clauses dupes` proposed merging the two, and `clauses merge` rewrote A/RES/79/208's operative
    paragraph 4, as adopted, to "urges Parties"; the other way round, 78/155's to "urges parties"."""
    from resdraft.upkeep.report import dupes_text

    older, newer = _cbd_library(library, tmp_path)
    (pair,) = [d for d in dupes(library) if {d.a.id, d.b.id} == {older, newer}]
    assert pair.adopted == ("a-res-79-208 op. 4",)
    assert (
        f"keep both: merging {newer} into {older} would change what adopted a-res-79-208 op. 4 says, "
        "which `clauses merge` refuses"
    ) in dupes_text([pair], 90, every=True)
    # Listed only with --all: in a library of adopted texts nearly every pair is one to keep (7,047 of
    # 7,073 pairs of the 659 GA texts' library), and the few to merge were lost among them.
    assert dupes_text([pair], 90) == (
        "1 pair at similarity 90 or more; 1 not listed, each of whose wordings an adopted text gives"
        " (keep both; `amends:` can link them): --all lists them"
    )
    before = snapshot(library)
    for keep, drop, draft, change in (
        (older, newer, "79-208", "and urges [-parties-]{+Parties+} and invites … by the [-parties-]{+Parties+}"),
        (newer, older, "78-155", "and urges [-Parties-]{+parties+} and invites … by the [-Parties-]{+parties+}"),
    ):
        with pytest.raises(LibraryError) as caught:
            merge(library, keep, drop)
        (problem,) = caught.value.problems
        assert problem.where is not None and problem.where.path.name == f"a-res-{draft}.yaml"
        assert problem.message == (
            f"merging {drop} into {keep} would change what adopted a-res-{draft} says in op. {4 if draft == '79-208' else 3}: "
            f"{change}"
        )
        assert problem.hint == "keep both clauses: each is the wording of an adopted text (`amends:` can link them)"
        assert snapshot(library) == before
    # 79/208 a draft again: merging into its wording changes no adopted text, and the other way is named.
    draft = library / "drafts" / "a-res-79-208.yaml"
    draft.write_text(draft.read_text().replace("status: adopted", "status: draft"))
    with pytest.raises(LibraryError, match=f"merge the other way, `resdraft clauses merge {older} {newer}`"):
        merge(library, newer, older)
    assert merge(library, older, newer).written
    no_errors(library)


def test_merge_of_an_unknown_id_suggests_the_closest(library: Path) -> None:
    with pytest.raises(LibraryError, match=f"did you mean {MINDFUL}"):
        merge(library, BEING_MINDFUL, "aalco.mindful-increasing-exploitatoin")


# ---------------------------------------------------------------- add and edit


def test_add_appends_a_clause_and_keeps_the_rest_of_the_file(library: Path) -> None:
    path = library / "clauses" / "aalco-trafficking.yaml"
    before = path.read_text()
    text = "the Secretariat to convene an expert meeting on the protection of victims of trafficking " * 2
    add(library, "aalco-trafficking", "aalco.requests-expert-meeting", "operative", "Requests", text, tags="aalco, victims")
    after = path.read_text()
    assert after.startswith(before)
    added = after[len(before) :]
    assert added.startswith("\n  - id: aalco.requests-expert-meeting\n    kind: operative\n    opening: Requests\n    text: >-\n")
    assert "    tags: [aalco, victims]\n" in added
    assert max(len(line) for line in added.splitlines()) <= 100
    assert search(library, "expert meeting protection victims")[0].clause.id == "aalco.requests-expert-meeting"
    no_errors(library)


def test_add_to_a_new_file_creates_it_under_clauses(library: Path) -> None:
    result = add(library, "new-topic", "topic.recalling-x", "preambular", "Recalling", "its resolution 1/1")
    assert result.files[0].created
    assert (library / "clauses" / "new-topic.yaml").read_text() == (
        "clauses:\n  - id: topic.recalling-x\n    kind: preambular\n    opening: Recalling\n    text: its resolution 1/1\n"
    )
    no_errors(library)


def test_add_refuses_an_existing_id_an_unknown_kind_and_a_file_outside_clauses(library: Path) -> None:
    before = snapshot(library)
    with pytest.raises(LibraryError, match="already exists"):
        add(library, "aalco-trafficking", PROVISIONAL, "operative", "Decides", "anything")
    with pytest.raises(LibraryError, match="kind must be preambular or operative"):
        add(library, "aalco-trafficking", "aalco.x", "operational", "Decides", "anything")
    with pytest.raises(LibraryError, match="clause files live under"):
        add(library, library / "drafts" / "x.yaml", "aalco.x", "operative", "Decides", "anything")
    with pytest.raises(LibraryError, match="footnote anchor"):
        add(library, "aalco-trafficking", "aalco.x", "operative", "Decides", "anything[^n]")
    with pytest.raises(LibraryError, match=r"clause aalco\.x: "):
        add(library, "aalco-trafficking", "aalco.x", "operative", "Decides", "at the {{ session.next.ordinal session")
    assert snapshot(library) == before


def test_add_refuses_a_misspelt_name_of_resdrafts(library: Path) -> None:
    # `clauses add … --text "to meet at its {{ sesion.next.ordinal }} session"` was written, and
    # check passed until a draft used the clause.
    before = snapshot(library)
    with pytest.raises(LibraryError, match=r"clause topic\.t: undefined template variable: 'sesion' is undefined"):
        add(library, "new-topic", "topic.t", "operative", "Decides", "to meet at its {{ sesion.next.ordinal }} session")
    with pytest.raises(LibraryError, match="a session has no 'nxt'"):
        add(library, "new-topic", "topic.t", "operative", "Decides", "to meet at its {{ session.nxt.ordinal }} session")
    assert snapshot(library) == before
    add(library, "new-topic", "topic.t", "operative", "Decides", "to meet at its {{ session.next.ordinal }} {{ topic }}")


@pytest.mark.parametrize("mark", [";", ",", ":"])
def test_a_text_ending_with_its_paragraphs_mark_is_refused_and_one_written_by_hand_is_warned_of(library: Path, mark: str) -> None:
    # `clauses edit … text="the Secretariat to report;"` was written, and the build printed
    # "to report;;": the body's punctuation adds the mark after the text. `check` said nothing.
    before = snapshot(library)
    with pytest.raises(LibraryError, match=f"the text ends with “{mark}”"):
        add(library, "aalco-trafficking", "aalco.x", "operative", "Requests", f"the Secretariat to report{mark}")
    with pytest.raises(LibraryError, match=f"the text ends with “{mark}”"):
        edit(library, PROVISIONAL, text=f"to place this item on its agenda{mark}", correct_adopted=True)
    assert snapshot(library) == before
    path = library / "clauses" / "aalco-trafficking.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("Annual Session", text.index(f"id: {PROVISIONAL}"))
    path.write_text(text[:at] + f"Annual Session{mark}" + text[at + len("Annual Session") :], encoding="utf-8")
    report = check_library(library)
    (found,) = [p for p in report.items if "prints twice" in p.message]
    start = text.index("to place this item", text.index(f"id: {PROVISIONAL}"))  # the text's first line
    assert found.warning and found.where is not None and found.where.line == text[:start].count("\n") + 1
    assert f"clause {PROVISIONAL}'s text ends with “{mark}”" in found.message


def test_edit_changes_only_the_lines_of_the_field(library: Path) -> None:
    path = library / "clauses" / "aalco-trafficking.yaml"
    before = path.read_text()
    edit(library, BEING_MINDFUL, note="Changed at the 52nd session.")
    assert changed_lines(before, path.read_text()) == [
        '-    note: The 52nd session opened the paragraph with "Being Mindful of".',
        "+    note: Changed at the 52nd session.",
    ]


def test_edit_to_the_value_a_field_has_says_nothing_changed(library: Path) -> None:
    # It said "edited aalco.being-mindful… (opening) / opening: set", though no file changed.
    before = snapshot(library)
    result = edit(library, BEING_MINDFUL, opening="Being Mindful")
    assert result.summary == f"nothing to change: {BEING_MINDFUL}'s opening already reads as given"
    assert (result.files, result.notes, result.written) == ((), (), False)
    assert snapshot(library) == before
    assert edit(library, BEING_MINDFUL, opening="Being mindful", dry_run=True, correct_adopted=True).summary.startswith(
        "would edit"
    )


def test_edit_adds_a_missing_key_in_key_order_and_removes_one(library: Path) -> None:
    path = library / "clauses" / "aalco-trafficking.yaml"
    before = path.read_text()
    edit(library, MINDFUL, note="The 50th session's wording.", amends=None)
    added = changed_lines(before, path.read_text())
    assert added == ["+    note: The 50th session's wording."]
    assert path.read_text().index("note: The 50th") > path.read_text().index("tags: [aalco, smuggling-of-migrants]")
    edit(library, BEING_MINDFUL, amends=None)
    assert show_clause(library, MINDFUL).lineage.descendants == ()
    no_errors(library)


def test_edit_keeps_a_comment_on_the_key_line(library: Path) -> None:
    path = library / "clauses" / "aalco-trafficking.yaml"
    text = path.read_text().replace("    opening: Decides\n", "    opening: Decides   # bold for AALCO\n")
    path.write_text(text)
    edit(library, PROVISIONAL, opening="Decides also", correct_adopted=True)
    assert "    opening: Decides also  # bold for AALCO\n" in path.read_text()


def test_edit_of_a_kind_that_drafts_rely_on_is_refused(library: Path) -> None:
    before = snapshot(library)
    with pytest.raises(LibraryError, match=r"used as a operative paragraph \(aalco-50 op. 4"):
        edit(library, PROVISIONAL, kind="preambular")
    with pytest.raises(LibraryError, match="an id is changed with rename"):
        edit(library, PROVISIONAL, id="x")
    with pytest.raises(LibraryError, match="a clause must have `text:`"):
        edit(library, PROVISIONAL, text=None)
    with pytest.raises(LibraryError, match="unknown clause field 'txt'"):
        edit(library, PROVISIONAL, txt="x")
    with pytest.raises(LibraryError, match="loop"):
        edit(library, MINDFUL, amends=BEING_MINDFUL)
    assert snapshot(library) == before


def test_edit_of_the_wording_adopted_drafts_use_is_refused_unless_correcting_them(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `clauses edit` changed what adopted aalco-52 says ("Decides to include … " rewritten) and said
    # "edited", where `clauses merge` refuses the same change.
    before = snapshot(library)
    with pytest.raises(LibraryError) as refused:
        edit(library, PROVISIONAL, text="to place the item on the agenda of the Fifty-Fourth Annual Session")
    assert [p.message.split(": ")[0] for p in refused.value.problems] == [
        f"editing {PROVISIONAL} would change what adopted aalco-52 says in op. 4"
    ]
    assert "--amends" in refused.value.problems[0].hint and "--correct-adopted" in refused.value.problems[0].hint
    assert snapshot(library) == before
    edit(library, PROVISIONAL, note="On the agenda every session.", tags="[aalco, agenda]")  # no wording changes
    assert show_clause(library, PROVISIONAL).clause.tags == ("aalco", "agenda")
    from typer.testing import CliRunner

    from resdraft.cli import app

    monkeypatch.chdir(library)
    result = CliRunner().invoke(app, ["clauses", "edit", PROVISIONAL, "opening=Decides further"])
    assert result.exit_code == 1 and "would change what adopted aalco-52 says" in result.output
    assert "Traceback" not in result.output and show_clause(library, PROVISIONAL).clause.opening == "Decides"
    result = CliRunner().invoke(app, ["clauses", "edit", PROVISIONAL, "opening=Decides further", "--correct-adopted"])
    assert result.exit_code == 0, result.output
    assert show_clause(library, PROVISIONAL).clause.opening == "Decides further"
    no_errors(library)


def test_one_word_edit_of_formatted_text_is_a_one_line_diff(library: Path) -> None:
    fmt(library)
    path = library / "clauses" / "unga-trafficking.yaml"
    clause = show_clause(library, "unga.calls-upon-criminalize-trafficking").clause
    before = path.read_text()
    edit(library, clause.id, text=clause.text.replace("intermediaries", "accomplices"))
    lines = changed_lines(before, path.read_text())
    assert len(lines) == 2 and lines[0].startswith("-") and lines[1].startswith("+")
    assert "accomplices" in lines[1]


# ---------------------------------------------------------------- fmt


def _unformat(library: Path) -> None:
    """Put one clause text on a single overlong line, as a hand edit would."""
    path = library / "clauses" / "aalco-trafficking.yaml"
    text = path.read_text()
    folded = "    text: >-\n      the increasing number of individuals being exploited through trafficking in persons\n"
    assert folded in text
    path.write_text(
        text.replace(
            folded, "    text: >-\n      the increasing number of individuals being exploited through trafficking in persons ", 1
        )
    )


def test_fmt_is_idempotent_and_the_library_still_builds_the_seeds(library: Path) -> None:
    _unformat(library)
    first = fmt(library)
    assert first.written and len(first.changes) == 1
    assert fmt(library, check=True).changes == ()
    for path in (library / "clauses").glob("*.yaml"):
        assert format_text(path.read_text(), path) == path.read_text()
        assert max(len(line) for line in path.read_text().splitlines() if not line.lstrip().startswith(("#", "tags:"))) <= 100
    no_errors(library)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run([sys.executable, str(SEEDS_CHECK)], cwd=library, env=env, capture_output=True, text=True, check=False)
    assert "seeds reproduced: 102/102" in run.stdout, run.stdout + run.stderr


def test_fmt_check_reports_files_without_writing(library: Path) -> None:
    _unformat(library)
    before = snapshot(library)
    report = fmt(library, check=True)
    assert not report.written and len(report.changes) == 1
    assert report.checked == 3
    assert snapshot(library) == before


def test_a_one_word_change_then_fmt_is_a_one_line_diff(library: Path) -> None:
    fmt(library)
    path = library / "clauses" / "aipa-trafficking.yaml"
    formatted = path.read_text()
    edited = formatted.replace("stringent measures", "strict measures", 1)
    path.write_text(edited)
    fmt(library)
    assert changed_lines(formatted, path.read_text()) == [line for line in changed_lines(formatted, edited)]
    assert len(changed_lines(formatted, path.read_text())) == 2


SCRAMBLED = """\
# A header comment stays where it is.

clauses:

  # Section one.
  - kind: preambular
    text: "the short text"    # a comment at the end of a line
    id: x.first
    tags:
      - one
      - two
  - id: x.second
    # Why this note exists.
    note: a note
    kind: operative
    footnotes: {n: 'See A/64/290.'}
    text: "words words words words words words words words words words words words words words words words words[^n]"
    opening: Decides


# The end.
"""

CANONICAL = """\
# A header comment stays where it is.
clauses:
  # Section one.
  - id: x.first
    kind: preambular
    text: "the short text"    # a comment at the end of a line
    tags: [one, two]

  - id: x.second
    kind: operative
    opening: Decides
    text: >-
      words words words words words words words words words words words words words words
      words words words[^n]
    footnotes:
      n: 'See A/64/290.'
    # Why this note exists.
    note: a note

# The end.
"""


def test_fmt_orders_keys_separates_clauses_folds_long_text_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    assert format_text(SCRAMBLED, path) == CANONICAL
    assert format_text(CANONICAL, path) == CANONICAL


def test_fmt_refuses_a_file_with_problems_and_writes_nothing(library: Path) -> None:
    path = library / "clauses" / "aipa-trafficking.yaml"
    path.write_text(path.read_text().replace("    tags: [aipa, asean-declaration]", "    tagz: [aipa]"))
    before = snapshot(library)
    with pytest.raises(LibraryError, match="unknown key 'tagz'"):
        fmt(library)
    assert snapshot(library) == before


# ---------------------------------------------------------------- bad input


def test_a_clause_file_with_broken_yaml_is_reported_with_file_and_line(library: Path) -> None:
    path = library / "clauses" / "aalco-trafficking.yaml"
    lines = path.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "kind: preambular" in line)
    lines[at] = "    kind: preambular: oops\n"
    path.write_text("".join(lines))
    before = snapshot(library)
    for action in (
        lambda: search(library, "agenda"),
        lambda: usage(library, PROVISIONAL),
        lambda: rename(library, PROVISIONAL, "aalco.decides-agenda-item"),
        lambda: merge(library, BEING_MINDFUL, MINDFUL),
    ):
        with pytest.raises(LibraryError) as caught:
            action()
        assert f"aalco-trafficking.yaml:{at + 1}: invalid YAML" in str(caught.value)
    assert snapshot(library) == before


def test_a_draft_with_broken_yaml_is_left_out_of_a_query_but_stops_a_change(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the library audit: one draft's typo stopped search, usage, show, history, list and dupes
    for the whole library. A query now answers without it and says so; a change still stops."""
    from typer.testing import CliRunner

    from resdraft.cli import app

    (library / "drafts" / "broken.yaml").write_text("body: aalco\nsession: [\n")
    monkeypatch.chdir(library)
    before = snapshot(library)
    warning = "broken.yaml:3: warning: left out: invalid YAML"
    for command in (
        ["search", "provisional agenda"],
        ["usage", PROVISIONAL],
        ["show", PROVISIONAL],
        ["history", BEING_MINDFUL],
        ["list", "--kind", "operative"],
        ["dupes"],
    ):
        result = CliRunner().invoke(app, ["clauses", *command])
        assert result.exit_code == 0, (command, result.output)
        assert warning in result.stderr and "leaves out a draft it cannot read" in result.stderr, command
    assert "aalco-53  aalco 53  op. 4" in CliRunner().invoke(app, ["clauses", "usage", PROVISIONAL]).stdout
    left_out: list = []
    assert [u.draft for u in usage(library, PROVISIONAL, left_out=left_out)] == ["aalco-50", "aalco-52", "aalco-53"]
    assert [p.warning for p in left_out] == [True]
    with pytest.raises(LibraryError, match=r"broken\.yaml:3: invalid YAML"):
        usage(library, PROVISIONAL)  # (the library's API stops, as before, unless asked to leave drafts out)
    result = CliRunner().invoke(app, ["clauses", "rename", PROVISIONAL, "aalco.decides-agenda-item"])
    assert result.exit_code == 1 and "broken.yaml:3: invalid YAML" in result.stderr
    assert snapshot(library) == before


def test_two_clauses_with_one_id_are_an_error_and_nothing_changes(library: Path) -> None:
    extra = library / "clauses" / "extra.yaml"
    extra.write_text(f"clauses:\n  - id: {PROVISIONAL}\n    kind: operative\n    text: again\n")
    before = snapshot(library)
    with pytest.raises(LibraryError) as caught:
        rename(library, PROVISIONAL, "aalco.decides-agenda-item")
    assert f"clause id '{PROVISIONAL}' is already used at" in str(caught.value)
    assert "extra.yaml:2" in str(caught.value) or "aalco-trafficking.yaml" in str(caught.value)
    with pytest.raises(LibraryError, match="is already used at"):
        search(library, "agenda")
    assert snapshot(library) == before


def test_a_failed_write_leaves_every_file_as_it_was(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(library)
    real_replace = os.replace
    calls = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(commit_module.os, "replace", failing_replace)
    with pytest.raises(OutputError, match="no file was changed"):
        rename(library, PROVISIONAL, "aalco.decides-agenda-item")
    monkeypatch.undo()
    assert snapshot(library) == before
    assert not [p for p in library.rglob("*") if p.name.endswith((".part", ".orig"))]


@pytest.mark.parametrize("failing", [1, 2])
def test_a_failed_write_names_the_file_it_could_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int) -> None:
    # A failure on the first temporary file was put on "." ("./: could not write the change"); one on a
    # later rename was put on the file renamed before it.
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    real_replace = os.replace
    calls = []

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            disk_full()
        real_replace(src, dst)

    if failing == 1:
        monkeypatch.setattr(os, "fsync", disk_full)
    else:
        monkeypatch.setattr(commit_module.os, "replace", failing_replace)
    with pytest.raises(OutputError) as caught:
        write_all([FileChange(one, None, "a: 1\n"), FileChange(two, None, "b: 2\n")])
    monkeypatch.undo()
    assert str(caught.value).startswith(f"{(one, two)[failing - 1]}: could not write the change: No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_a_new_library_file_has_the_mode_the_umask_gives_and_a_changed_one_keeps_its_own(tmp_path: Path) -> None:
    # Both were made -rw-r--r--: a new file whatever the umask.
    new, kept = tmp_path / "new.yaml", tmp_path / "kept.yaml"
    kept.write_text("a: 1\n")
    kept.chmod(0o640)
    old = os.umask(0o077)
    try:
        write_all([FileChange(new, None, "b: 2\n"), FileChange(kept, "a: 1\n", "a: 10\n")])
    finally:
        os.umask(old)
    assert (new.stat().st_mode & 0o777, kept.stat().st_mode & 0o777) == (0o600, 0o640)


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("a: 1\n")
    two.write_text("b: 2\n")
    stale = [FileChange(one, "a: 1\n", "a: 10\n"), FileChange(two, "b: 1\n", "b: 20\n")]
    with pytest.raises(OutputError, match="changed on disk"):
        write_all(stale)
    assert (one.read_text(), two.read_text()) == ("a: 1\n", "b: 2\n")


# ---------------------------------------------------------------- the cache


def test_the_cache_sees_an_edit_that_keeps_the_size(library: Path) -> None:
    assert search(library, "Colombo")[0].clause.id == "aalco.having-heard-special-meeting-2011"
    path = library / "clauses" / "aalco-trafficking.yaml"
    path.write_text(path.read_text().replace("at Colombo, Sri Lanka", "at Kandyy, Sri Lanka"))
    assert search(library, "Kandyy")[0].clause.id == "aalco.having-heard-special-meeting-2011"
    assert all("Colombo" not in h.passage for h in search(library, "Colombo"))


def test_the_library_reads_the_same_clauses_with_and_without_the_cache(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = open_library(library).clauses
    warm = open_library(library)
    assert (library / ".resdraft-cache" / "library.sqlite").is_file()
    monkeypatch.setenv("RESDRAFT_NO_CACHE", "1")
    plain = open_library(library).clauses
    assert cold == warm.clauses == plain
    assert [c.where for c in cold.values()] == [c.where for c in plain.values()]
    assert [c.text_where for c in warm.clauses.values()] == [c.text_where for c in plain.values()]


def test_upkeep_works_where_the_cache_cannot_be_written(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resdraft.cache import LibraryCache

    monkeypatch.setattr(LibraryCache, "on_disk", classmethod(lambda cls, root: None))
    assert search(library, "provisional agenda")[0].clause.id == PROVISIONAL
    assert not (library / ".resdraft-cache").exists()
    assert len(open_library(library).clauses) == 62


# ---------------------------------------------------------------- text for the command line


def test_report_texts_read_well_from_inside_the_library(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resdraft.upkeep.report import clause_text, diff_text, dupes_text, entries_text, fmt_text

    monkeypatch.chdir(library / "drafts")
    assert "aalco.decides-provisional-agenda  operative  3 uses  Decides to place this item" in entries_text(list_clauses("."))
    shown = clause_text(show_clause(".", BEING_MINDFUL))
    clause_file = library / "clauses" / "aalco-trafficking.yaml"
    line = clause_file.read_text().splitlines().index(f"  - id: {BEING_MINDFUL}") + 1
    assert shown.splitlines()[0] == f"{BEING_MINDFUL}  (preambular)  ../clauses/aalco-trafficking.yaml:{line}"
    assert f"amends: {MINDFUL}" in shown
    assert "  aalco-52  aalco 52  pp. 2  aalco-52.yaml:19" in shown
    pairs = dupes(".")
    assert f"merge: keep {BEING_MINDFUL}, drop {MINDFUL}" in dupes_text(pairs, 90)
    _unformat(library)
    report = fmt(".", check=True)
    assert "would reformat ../clauses/aalco-trafficking.yaml" in fmt_text(report)
    planned = rename(".", PROVISIONAL, "aalco.decides-agenda-item", dry_run=True)
    assert "would write aalco-50.yaml" in changes_text(planned)
    assert "+  - aalco.decides-agenda-item" in diff_text(planned.files[1])


def test_edit_takes_footnotes_and_subparagraphs_as_yaml_text(library: Path) -> None:
    edit(library, "unga.recalling-resolution-coordination", footnotes="{res: 'See resolutions 55/67 and 63/194.'}")
    assert show_clause(library, "unga.recalling-resolution-coordination").clause.footnotes == {
        "res": "See resolutions 55/67 and 63/194."
    }
    subparagraphs = "[review their laws, {text: advocate ratification}]"
    edit(library, "aipa.advise-members-legal-frameworks", subparagraphs=subparagraphs, correct_adopted=True)
    subs = show_clause(library, "aipa.advise-members-legal-frameworks").clause.subparagraphs
    assert [s.text for s in subs] == ["review their laws", "advocate ratification"]
    with pytest.raises(LibraryError, match="footnotes is not valid YAML"):
        edit(library, "unga.recalling-resolution-coordination", footnotes="{res: [")
    no_errors(library)


def test_search_without_fts5_scans_and_still_ranks(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import resdraft.cache

    monkeypatch.setattr(resdraft.cache, "_FTS", "")  # an SQLite built without FTS5
    hits = search(library, "provisional agenda", cache=False)
    assert hits[0].clause.id == PROVISIONAL
    assert hits[0].how == "words"


def test_upkeep_accepts_a_loaded_library(library: Path) -> None:
    loaded = open_library(library)
    assert search(loaded, "provisional agenda")[0].clause.id == PROVISIONAL
    assert [s.draft for s in usage(loaded, PROVISIONAL)] == ["aalco-50", "aalco-52", "aalco-53"]


def _with_ga_texts(library: Path, *symbols: str) -> Path:
    """The example library with GA resolutions imported from their raw PDF text."""
    from typer.testing import CliRunner

    from conftest import ga_text
    from resdraft.cli import app

    files = [str(ga_text(library.parent, symbol)) for symbol in symbols]
    cwd = Path.cwd()
    os.chdir(library)
    try:
        result = CliRunner().invoke(app, ["import", *files])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return library


def test_search_passages_read_as_text_without_escapes_or_footnote_keys(library: Path) -> None:
    # A/RES/78/62's "(a) [To be determined];" is stored escaped ("\[To be determined]") and its
    # anchors by key ("Commission[^fn1]"); the passage showed both as written in the YAML.
    _with_ga_texts(library, "A/RES/78/62")
    hits = {h.clause.id: h for h in search(library, "Disarmament Commission substantive session")}
    passage = hits["unga.recommends-disarmament-commission-consider-following-items"].passage
    assert passage.endswith("of 2024 [To be determined] [To be determined]")
    considered = search(library, "Disarmament Commission report")
    passage = next(h.passage for h in considered if h.clause.id == "unga.having-considered-report-disarmament-commission")
    assert passage == "Having considered the report of the Disarmament Commission¹"


def test_search_takes_a_citation_as_one_phrase_and_says_when_no_clause_holds_the_query(library: Path, tmp_path: Path) -> None:
    # From an outside audit: "resolution 63/194" ranked the clauses citing 75/194 and 61/194 first
    # (each holds "194", and "63" elsewhere), the one citing 63/194 sixth; "A/RES/78/69" found
    # nothing, as texts cite "78/69"; and a list of close spellings never said none was exact.
    assert parse_query("resolution 63/194 A/RES/78/69 HIV/AIDS").phrases == (("63", "194"), ("78", "69"), ("hiv", "aids"))
    assert parse_query("resolution 63/194").words == ("resolution",)
    _with_ga_texts(library, "A/RES/78/69")
    hits = search(library, "A/RES/77/248")  # (78/69 recalls 77/248)
    assert hits and all("77/248" in h.passage for h in hits[:2]) and hits[0].how == "phrase"
    assert not hits_text(hits).startswith("no clause holds")
    closest = hits_text(search(library, "resolution 78/70"))
    assert closest.startswith("no clause holds every word and phrase as written; the closest:\n1. ")


def test_search_finds_a_symbol_cited_in_a_footnote_as_an_exact_hit_shown_in_that_footnote(library: Path) -> None:
    # A/78/27 (the Conference on Disarmament's report) is cited only in a footnote of A/RES/78/62:
    # clauses citing a symbol in a footnote ranked by how their paragraphs, which do not hold it,
    # looked like the query (82.9, 78.6), and their passages showed the paragraphs. (The 79th's
    # footnote cites its session's report as Jinja, A/{{ session.number }}/27, as import writes it.)
    _with_ga_texts(library, "A/RES/78/62", "A/RES/79/72")
    hits = search(library, "A/78/27")
    top = [h for h in hits if h.score == 100]
    assert [h.clause.id for h in top] == ["unga.requests-secretary-general-ensure-full-provision"]
    assert hits[0].how == "phrase"  # (a symbol is one phrase: "27" and "78" apart are other numbers)
    assert hits[0].passage == "footnote 1: Ibid., Supplement No.27 (A/78/27)."
    assert [hits[0].passage[a:b] for a, b in hits[0].marks] == ["A", "78", "27"]  # (not No.27's "27")
    # The clause citing the next year's report (A/79/27) is no exact hit.
    assert all(h.how != "phrase" for h in hits if h.clause.id == "unga.requests-secretary-general-ensure-full-provision-2")


def test_show_parts_the_titles_of_another_resolutions_wording_as_history_does() -> None:
    # Titles hold commas ("… OF WOMEN/CHILDREN, MIGRANT WORKERS …"): joined by ", " two read as three.
    from dataclasses import replace

    from resdraft.model import Clause
    from resdraft.upkeep.browse import ClauseView
    from resdraft.upkeep.lineage import Lineage

    clause = Clause("aipa.urges-members", "operative", "to act")
    titles = ("Resolution on Women, Children and Migrants", "Resolution on Trafficking", "Resolution on Drugs")
    view = ClauseView(clause, (), Lineage(("aipa.urges",), ()), {"aipa.urges": titles})
    assert "amends: aipa.urges (Resolution on Women, Children and Migrants; Resolution on Trafficking and 1 more)" in (
        clause_text(view)
    )
    assert "amends: aipa.urges\n" in clause_text(replace(view, elsewhere={}))


def test_text_pasted_from_word_or_a_pdf_is_added_and_edited_with_its_breaks_as_spaces(library: Path) -> None:
    # Word's line break within a paragraph (U+000B) and a PDF's page break (U+000C) pasted into
    # `clauses add --text` or `clauses edit text=…` ended in a traceback ("the change made invalid
    # YAML"); any other control character is named.
    add(library, "aalco-trafficking", "aalco.pasted", "operative", "Requests \v", "the Secretariat\vto report \f to it")
    edit(library, BEING_MINDFUL, note="Changed\fat the 52nd session.")
    texts = (library / "clauses" / "aalco-trafficking.yaml").read_text(encoding="utf-8")
    assert "opening: Requests\n    text: the Secretariat to report to it\n" in texts
    assert "note: Changed at the 52nd session." in texts
    before = snapshot(library)
    with pytest.raises(LibraryError, match=r"text holds a control character \(U\+0001\)"):
        add(library, "aalco-trafficking", "aalco.x", "operative", "Decides", "any\x01thing")
    assert snapshot(library) == before
    no_errors(library)
