"""The year-over-year diff: the canonical AALCO case, the laws a diff obeys, every output, bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import CORPUS, ROOT, aipo_27_subparagraphs_reordered, bare_resolution
from resdraft.build import load_resolution
from resdraft.cli import app
from resdraft.diff import align, compare, words
from resdraft.diff.words import Op, new_text, old_text, tokenize, word_diff
from resdraft.model import Line, Paragraph, Resolution, Run
from resdraft.render.diffjson import to_data
from resdraft.render.diffterm import render_terminal
from resdraft.sources import read_document

runner = CliRunner()


def _json(*args: str) -> dict:
    result = runner.invoke(app, ["diff", *args, "--to", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ------------------------------------------------------------------ the canonical case


def test_aalco_50_to_52_reports_exactly_the_known_changes() -> None:
    data = _json(str(ROOT / "drafts" / "aalco-50.yaml"), str(ROOT / "drafts" / "aalco-52.yaml"))
    header = {h["field"]: h["status"] for h in data["header"]}
    assert header["title"] == "modified" and header["enacting_formula"] == "modified"
    assert data["summary"]["preamble"] == {
        "unchanged": 3,
        "modified": 2,
        "inserted": 1,
        "deleted": 1,
        "moved": 0,
        "formatting": 5,
        "alike": 0,
    }
    assert data["summary"]["operative"] == {
        "unchanged": 3,
        "modified": 1,
        "inserted": 0,
        "deleted": 0,
        "moved": 0,
        "formatting": 0,
        "alike": 0,
    }
    pre = [p for p in data["paragraphs"] if p["part"] == "preamble"]
    by_status = {(p["status"], p["opening"]) for p in pre if p["status"] != "unchanged"}
    assert by_status == {
        ("modified", "Considering"),
        ("deleted", "Having heard"),
        ("modified", "Being Mindful"),
        ("inserted", "Also noting"),
    }
    considering = next(p for p in pre if p["opening"] == "Considering")
    assert ["delete", "AALCO/50/COLOMBO/2011/S 8"] in considering["ops"]
    assert ["insert", "AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8"] in considering["ops"]
    mindful = next(p for p in pre if p["opening"] == "Being Mindful")
    assert mindful["ops"][0] == ["insert", "Being "] and (mindful["old_index"], mindful["new_index"]) == (2, 1)
    op4 = next(p for p in data["paragraphs"] if p["part"] == "operative" and p["status"] == "modified")
    assert (op4["old_number"], op4["new_number"]) == (4, 4)
    assert [op for op in op4["ops"] if op[0] != "equal"] == [["delete", "Fifty-First"], ["insert", "Fifty-Third"]]


def test_masthead_lines_no_header_field_covers_are_compared_by_role() -> None:
    # AALCO 52 gained a subtitle and lost the draft status line; the header fields stay as they were.
    # The status line, at the top of the old masthead, comes first: a line only the old text has
    # stands after the one it followed, as a deleted paragraph does (it came after the new text's).
    data = _json(str(ROOT / "drafts" / "aalco-50.yaml"), str(ROOT / "drafts" / "aalco-52.yaml"))
    assert [h["field"] for h in data["header"]] == ["title", "symbol", "session", "date", "enacting_formula"]
    assert data["masthead"] == [
        {"role": "status", "status": "deleted", "old": "SECRETARIAT DRAFT", "new": None},
        {"role": "subtitle", "status": "inserted", "old": None, "new": "(Non-Deliberated)"},
    ]
    # AIPO 26 -> 27: the venue is written only in the assembly line; the 2005 text names no
    # Organization. The 2006 text breaks its title and assembly lines, which are compared as words.
    result = runner.invoke(app, ["diff", str(ROOT / "drafts" / "aipo-26.yaml"), str(ROOT / "drafts" / "aipo-27.yaml")])
    assert "masthead: organization inserted, assembly modified" in result.stdout
    assert "  assembly: [-26-]{+27+}TH GENERAL ASSEMBLY [-18-]{+10+} – " in result.stdout
    assert "[-VIENTIANE, LAO PDR-]{+CEBU CITY, PHILIPPINES+}" in result.stdout
    assert (
        "  title: RESOLUTION ON LEGAL COOPERATION TO COMBAT TRAFFICKING IN [-WOMEN AND CHILDREN-]{+PERSONS+}\n" in result.stdout
    )
    # A/RES/78/168 -> A/RES/79/227: the agenda item and the committee's report, and nothing a field has.
    diff = compare(_corpus_resolution("A/RES/78/168"), _corpus_resolution("A/RES/79/227"))
    lines = {h.field: h for h in diff.masthead}
    assert (lines["agenda-item"].old, lines["agenda-item"].new) == ("Agenda item 23 (a)", "Agenda item 24")
    assert lines["report"].status == "modified" and lines["organization"].status == "unchanged"
    assert not {"symbol", "date", "session", "title"} & set(lines)


def test_a_diff_whose_masthead_alone_changed_is_not_empty() -> None:
    res = _corpus_resolution("A/RES/78/168")
    other = dataclasses.replace(
        res, header=tuple(Line(x.role, (Run("Agenda item 9"),)) if x.role == "agenda-item" else x for x in res.header)
    )
    assert compare(res, res).is_empty and not compare(res, other).is_empty


def _amendments(old: str, new: str) -> str:
    result = runner.invoke(
        app, ["diff", str(ROOT / "drafts" / f"{old}.yaml"), str(ROOT / "drafts" / f"{new}.yaml"), "--to", "amendments"]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_aalco_50_to_52_as_amendments_in_un_style() -> None:
    text = _amendments("aalco-50", "aalco-52")
    assert "Delete the second preambular paragraph." in text
    assert "In the third preambular paragraph, replace “Mindful” with “Being Mindful”." in text
    assert "After the fifth preambular paragraph, insert a new paragraph reading: “Also noting the various forms" in text
    assert "In operative paragraph 4, replace “Fifty-First” with “Fifty-Third”." in text


_PLACES = ("preamble", "operative")
_PART_NAMES = {"preamble": "preamble", "operative": "operative part"}


def _named(name: str, old: Resolution) -> tuple[str, list[int]]:
    """The part and the old indices of the paragraphs an amendment names: "the fifth preambular
    paragraph", "the ninth to eleventh preambular paragraphs", "operative paragraphs 9, 10 and 12"."""
    from resdraft.sessions import ordinal_words

    ordinals = {ordinal_words(n): n for n in range(1, 200)}
    if "preambular" in name:
        words = re.sub(r"^the | preambular paragraphs?$", "", name)
        first, _, last = words.partition(" to ")
        places = range(ordinals[first], ordinals[last] + 1) if last else [ordinals[w] for w in re.split(r", | and ", words)]
        return "preamble", [n - 1 for n in places]
    numbers = re.sub(r"^operative paragraphs? ", "", name)
    first, _, last = numbers.partition(" to ")
    wanted = range(int(first), int(last) + 1) if last else [int(n) for n in re.split(r", | and ", numbers)]
    index = {p.number if p.number is not None else k + 1: k for k, p in enumerate(old.operative)}
    return "operative", [index[n] for n in wanted]


def _order_after_amendments(text: str, old: Resolution) -> dict[str, list[int | None]]:
    """Each part's paragraphs once the amendments that delete, insert and move paragraphs are
    applied in turn, as a reader would: an old paragraph as its old index, a new one as None."""
    order: dict[str, list[int | None]] = {part: list(range(len(getattr(old, part)))) for part in _PLACES}
    for line in text.splitlines():
        amendment = line.split(". ", 1)[1]
        if m := re.fullmatch(r"Delete (.+)\.", amendment):
            for name in re.split(r", (?=the |operative)| and (?=the |operative)", m[1]):
                if name.endswith(")") or "paragraph" not in name:  # (a sub-paragraph, "operative paragraph 4 (a)"; the title)
                    continue
                part, gone = _named(name, old)
                order[part] = [k for k in order[part] if k not in gone]
        elif m := re.match(r"(?:After (.+?)|At the beginning of the (preamble|operative part)), insert (a|\w+) new", amendment):
            readings = amendment.split(" reading: ", 1)[1].split(", with footnote")[0]
            count = len(re.findall(_PASSAGE, readings))
            part, (after,) = _named(m[1], old) if m[1] else (next(p for p in _PLACES if _PART_NAMES[p] == m[2]), [None])
            at = order[part].index(after) + 1 if after is not None else 0
            order[part][at:at] = [None] * count
        elif m := re.fullmatch(
            r"Move (.+?) (?:so that it follows (.+)|to the beginning of the (?:preamble|operative part))\.", amendment
        ):
            part, (moved,) = _named(m[1], old)
            order[part].remove(moved)
            at = order[part].index(_named(m[2], old)[1][0]) + 1 if m[2] else 0
            order[part].insert(at, moved)
    return order


def test_amendments_moving_paragraphs_apply_in_turn() -> None:
    # AALCO 52 with operative 3 and 4 put first: moving 4 "to the beginning" after 3 got there
    # would put it before 3, so the second move follows the first.
    from resdraft.build import load_resolution
    from resdraft.render.amendments import render_amendments
    from resdraft.render.criticmarkup import render_criticmarkup

    old = load_resolution(ROOT / "drafts" / "aalco-52.yaml")[0]
    a, b, c, d = old.operative
    diff = compare(old, dataclasses.replace(old, operative=(c, d, a, b)))
    assert "{>>moved from operative paragraph 4<<}" in render_criticmarkup(diff)
    text = render_amendments(diff)
    assert text == (
        "1. Move operative paragraph 3 to the beginning of the operative part.\n"
        "2. Move operative paragraph 4 so that it follows operative paragraph 3.\n"
    )
    # S/RES/1784 (2007) -> 1812 (2008): the new paragraph welcoming Derek Plumbly follows the
    # thirteenth preambular paragraph, and the fifth, moved, follows that new one. Tabled "After the
    # thirteenth …, insert …", then "Move the fifth … so that it follows the thirteenth …", the fifth
    # went before Plumbly's. The move goes first, then the new paragraphs between. The amendments
    # of the Security Council series and of the example drafts, applied in turn, give the new order.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import example_pairs, unsc_pairs

    checked = 0
    for name, was, now, amends in [*unsc_pairs(), *example_pairs()]:
        diff = compare(was, now, amends)
        text = render_amendments(diff)
        if name.startswith("UNSC_S-RES-1784"):
            assert text.index("Move the fifth preambular paragraph so that it follows the thirteenth") < text.index(
                "After the thirteenth preambular paragraph, insert a new paragraph reading: “Welcoming the appointment of Derek"
            )
        order = _order_after_amendments(text, was)
        for part in _PLACES:
            assert order[part] == [c.old_index for c in diff.part(part) if c.new is not None], (name, part)
            checked += any(c.moved for c in diff.part(part))
    assert checked >= 4  # (parts with a paragraph moved)


def test_a_text_numbering_each_section_from_1_names_paragraphs_with_their_section(tmp_path: Path) -> None:
    # A/RES/78/253 numbers each section from 1 again: "operative paragraph 7" alone names seven
    # paragraphs, so each is named with its section ("… of section III", "op. 7 (III)"), the one
    # whose heading stands before the paragraph its numbering started again at (not the
    # sub-heading "A."): in the amendments, the terminal (and the review page) and lint.
    from conftest import ga_resolution, ga_text
    from resdraft.lint import lint
    from resdraft.render.amendments import render_amendments
    from resdraft.render.diffterm import render_terminal

    old = ga_resolution("A/RES/78/253")
    assert old.sections[next(i for i, p in enumerate(old.operative) if p.number == 7 and i > 60)] == "VII"
    diff = compare(old, ga_resolution("A/RES/79/258"))
    assert "op. 7 (III) → op. 5 (II)  modified" in render_terminal(diff)
    source = ga_text(tmp_path, "A/RES/78/253")  # (its operative paragraph 5 of section VII opened as 4 does)
    source.write_text(source.read_text(encoding="utf-8").replace("Recalls paragraph 158", "Acknowledges paragraph 158"))
    findings = lint(str(source)).findings
    assert ("operative paragraph 5 of section VII", "“Acknowledges” already opens operative paragraph 4 of section VII") in [
        (f.paragraph, f.message) for f in findings
    ]
    text = render_amendments(diff)
    assert "In operative paragraph 7 of section III, replace “seventy-ninth” with “eightieth”." in text
    named = re.findall(r"operative paragraphs? (?:\d+(?:, | and | to )?)+( of section [IVXLC]+)?", text)
    assert named and all(named), "every operative paragraph is named with its section"
    aalco = compare(*(load_resolution(ROOT / "drafts" / f"aalco-{n}.yaml")[0] for n in (50, 52)))
    assert " of section" not in render_amendments(aalco), "a text numbered once through names no section"


def test_amendments_and_the_terminal_name_subparagraphs_that_moved() -> None:
    # AIPO 27, operative 3: sub-paragraphs a.-d. reordered b, c, a, d. No text changed, yet the
    # order did, and the amendments say so.
    from resdraft.render.amendments import render_amendments
    from resdraft.render.diffterm import render_terminal

    diff = compare(*aipo_27_subparagraphs_reordered())
    text = render_amendments(diff)
    assert "b.  unchanged, moved from (b)" in render_terminal(diff)
    assert text == (
        "1. In operative paragraph 3, move subparagraph (b) to the beginning.\n"
        "2. In operative paragraph 3, move subparagraph (c) so that it follows subparagraph (b).\n"
    )


def test_amendments_move_a_subparagraph_before_inserting_the_new_ones_before_it() -> None:
    # AIPO 27, operative 3, with a new sub-paragraph first and (b) before (a): "at the beginning,
    # insert a new subparagraph …" then "move subparagraph (b) to the beginning", applied in turn,
    # put (b) before the new one. As with paragraphs, the move goes first.
    from resdraft.render.amendments import render_amendments

    old = load_resolution(ROOT / "drafts" / "aipo-27.yaml")[0]
    operative = list(old.operative)
    a, b, c, d = operative[2].subparagraphs
    hotline = dataclasses.replace(a, content=(Run("establish a regional hotline for the victims of trafficking;"),))
    operative[2] = dataclasses.replace(operative[2], subparagraphs=(hotline, b, a, c, d))
    assert render_amendments(compare(old, dataclasses.replace(old, operative=tuple(operative)))) == (
        "1. In operative paragraph 3, move subparagraph (b) to the beginning.\n"
        "2. In operative paragraph 3, at the beginning, insert a new subparagraph reading: "
        "“a. establish a regional hotline for the victims of trafficking;”\n"
    )


def test_amendments_place_new_subparagraphs_by_the_old_texts_labels() -> None:
    # A/RES/78/62 -> 79/72: operative paragraph 6's two sub-paragraphs were replaced by two others.
    # The amendments said "In operative paragraph 6, insert a new subparagraph reading: …" twice,
    # then "Delete operative paragraph 6 (a)." and "(b)": no place for the new ones, and deleting
    # "(a)" after inserting two could strike a new one.
    from resdraft.render.amendments import render_amendments

    text = render_amendments(compare(_corpus_resolution("A/RES/78/62"), _corpus_resolution("A/RES/79/72")))
    assert (
        "In operative paragraph 6, replace subparagraphs (a) and (b) with two new subparagraphs reading: "
        "“(a) Recommendations for achieving the objective of nuclear disarmament and non-proliferation of nuclear weapons;” "
        "and “(b) Recommendations on common understandings related to emerging technologies"
    ) in text
    assert "insert a new subparagraph" not in text and "Delete operative paragraph 6 (a)" not in text


def test_amendments_table_runs_of_new_or_deleted_paragraphs_as_one() -> None:
    # AIPO 26 -> 27 rewrote the resolution: its operative part is four new paragraphs in place of eight.
    text = _amendments("aipo-26", "aipo-27")
    assert "Delete the second and third preambular paragraphs." in text
    assert "At the beginning of the operative part, insert four new operative paragraphs reading: “1. Establish" in text
    assert "Delete operative paragraphs 1 to 8." in text
    assert "Delete operative paragraph 4." not in text


def test_amendments_quote_whole_words_found_once_in_the_paragraph() -> None:
    # A/RES/78/240 -> A/RES/79/60: a hyphenated name, a date and words only added.
    from resdraft.render.amendments import replacements

    def table(opening: str, new_opening: str | None = None) -> list[tuple[str, str]]:
        return replacements(_corpus_word_diff("A/RES/78/240", "A/RES/79/60", opening, new_opening)[2])

    assert ("Nuclear Test Ban", "Nuclear-Test-Ban") in table("Recognizing the importance of maintaining the moratorium")
    assert table("Convinced that the total elimination") == [("to use", "and rhetoric pertaining to the use of")]
    recalled = table("Affirming the significance of Human Rights Council", "Recalling the Human Rights Council")
    assert ("Affirming the significance of", "Recalling the") in recalled
    assert ("75/210 of 21 December 2020", "78/142 of 19 December 2023,") in recalled


def test_amendments_quote_a_bracket_with_its_pair() -> None:
    # The words' diff ends a change inside a bracket the unchanged text closes, or starts one that
    # closes a bracket opened before: "replace “(A/78/13” with “(A/79/13”" (A/RES/78/74 -> 79/88)
    # and "insert “Rules) and … (the Beijing” after “Tokyo”" (A/RES/78/224 -> 79/187).
    from resdraft.render.amendments import render_amendments

    text = render_amendments(compare(_corpus_resolution("A/RES/78/74"), _corpus_resolution("A/RES/79/88")))
    assert "In footnote 1, replace “Seventy-eighth” with “Seventy-ninth” and replace “(A/78/13)” with “(A/79/13)”." in text
    text = render_amendments(compare(_corpus_resolution("A/RES/78/224"), _corpus_resolution("A/RES/79/187")))
    assert (
        "insert “and the United Nations Standard Minimum Rules for the Administration of Juvenile Justice "
        "(the Beijing Rules)” after “(the Tokyo Rules)”."
    ) in text
    assert "“(the Bangkok Rules) and” with “(the Bangkok Rules),”" in text
    # The words an insertion is placed after quote a bracket with its pair too (before: "after “Treaty),”").
    from conftest import ga_pair

    text = render_amendments(compare(*ga_pair("A/RES/78/42")))
    assert "to negotiate a successor agreement,” after “(New START Treaty),”." in text


def test_amendments_table_footnote_changes_by_old_number_and_anchor() -> None:
    # A/RES/78/234 -> A/RES/79/161: footnotes reworded, added to a kept paragraph and carried by new paragraphs.
    from resdraft.render.amendments import render_amendments

    text = render_amendments(compare(_corpus_resolution("A/RES/78/234"), _corpus_resolution("A/RES/79/161")))
    assert "In footnote 16, replace “A/78/277” with “A/79/278”." in text
    assert "In operative paragraph 7, after “the Committee”, insert a footnote reading: “A/HRC/57/69.”" in text
    assert "of people of African descent;¹⁵”, with footnote 15 reading: “A/79/304.”" in text
    # A/RES/78/232 -> A/RES/79/203: five footnotes dropped from one paragraph, tabled as one.
    text = render_amendments(compare(_corpus_resolution("A/RES/78/232"), _corpus_resolution("A/RES/79/203")))
    assert "In the first preambular paragraph, delete footnotes 4, 5, 6, 7 and 8." in text


def test_a_footnote_citing_the_next_years_document_is_that_footnote_modified() -> None:
    # A/RES/78/8 -> A/RES/79/4: the footnote of "the report … for 2022" (now 2023) cites the year's
    # report, "See A/78/304." -> "See A/79/266.", and A/RES/78/91 -> 79/104's cites the year's
    # working paper. Their anchors stand in changed words and one word each was all they kept, so
    # each was reported (and tabled in the amendments) as a footnote dropped and another added.
    from resdraft.render.amendments import render_amendments

    for old, new, was, now in (
        ("A/RES/78/8", "A/RES/79/4", "See A/78/304.", "See A/79/266."),
        ("A/RES/78/91", "A/RES/79/104", "A/AC.109/2023/7.", "A/AC.109/2024/7."),
    ):
        diff = compare(_corpus_resolution(old), _corpus_resolution(new))
        changed = [(c.status, c.old and c.old.text, c.new and c.new.text) for c in diff.footnotes_changed]
        assert ("modified", was, now) in changed
        assert not any(status != "modified" for status, _, _ in changed), changed
    assert "In footnote 2, replace “A/AC.109/2023/7” with “A/AC.109/2024/7”." in render_amendments(diff)


def test_amendments_leave_no_footnote_change_out() -> None:
    # Every footnote that changed in 20 GA pairs read from their raw PDF text is in the amendments:
    # reworded or dropped by its old number, added by its text; those of a paragraph deleted whole
    # go with it. (Before, the amendments said nothing of footnotes.)
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import render_amendments

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    checked = 0
    for a, b in load_pairs()[:20]:
        diff = compare(parse_pdf_text(a["text"]), parse_pdf_text(b["text"]))
        text = render_amendments(diff)
        deleted_whole = {(c.part, c.old_index) for c in (*diff.preamble, *diff.operative) if c.status == "deleted"}
        for note in diff.footnotes_changed:
            if note.status == "modified" and note.old:
                assert f"In footnote {note.old.marker}, " in text
            elif note.status == "inserted" and note.new:
                assert f"reading: “{note.new.text.strip()}”" in text
            elif note.old and note.place and (note.place.part, note.place.index) not in deleted_whole:
                assert re.search(rf"delete footnotes? (\S+, )*(\S+ and )?{re.escape(note.old.marker)}\b", text), note
            checked += 1
    assert checked > 50


def test_a_footnote_added_to_the_title_is_tabled_after_the_words_it_follows() -> None:
    from resdraft.model import Footnote, FootnoteRef, Line
    from resdraft.render.amendments import render_amendments

    old = dataclasses.replace(
        _resolution(["Recalling its resolutions"], []), title=(Line("title", (Run("Oceans and the law of the sea"),)),)
    )
    new = dataclasses.replace(
        old,
        title=(Line("title", (Run("Oceans and the law of the sea"), FootnoteRef("1"))),),
        footnotes=(Footnote("1", (Run("See A/79/1."),)),),
    )
    assert render_amendments(compare(old, new)) == (
        "1. In the title, after “the sea”, insert a footnote reading: “See A/79/1.”\n"
    )
    assert render_amendments(compare(new, old)) == "1. In the title, delete footnote 1.\n"


def test_a_footnote_added_in_a_sub_sub_paragraph_is_named_by_its_place_at_both_levels() -> None:
    # A/RES/79/75 adds a footnote to operative paragraph 8 (d) (v), 79/181 to paragraph 2 (a) (xi):
    # the amendments named the places "operative paragraph 8 (v)" and "2 (xi)", which neither
    # paragraph has at its first level.
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import render_amendments

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    ga = {"A/RES/78/64": "A/RES/79/75", "A/RES/78/218": "A/RES/79/181"}
    printed = [
        render_amendments(compare(parse_pdf_text(a["text"]), parse_pdf_text(b["text"])))
        for a, b in load_pairs()
        if ga.get(a["symbol"]) == b["symbol"]
    ]
    assert (
        "In operative paragraph 8 (d) (v), after “Protocol II;”, insert a footnote reading: “CCW/AP.II/CONF.25/5.”" in printed[0]
    )
    assert "In operative paragraph 2 (a) (xi), after “of forced labour”, insert a footnote reading: “See Office" in printed[1]


_PASSAGE = r"“((?:[^“”]|“[^“”]*”)*)”"  # a quoted passage (a quotation three levels down, double again, inside)
_EDIT = re.compile(rf"replace {_PASSAGE} with {_PASSAGE}|delete {_PASSAGE}|insert {_PASSAGE} after {_PASSAGE}")


def _tabled(amendment: str) -> list[tuple[str, str]]:
    """(old words, new words) for each edit of one printed amendment ("In …, replace “a” with “b”,
    delete “c” and insert “d” after “e”."), as a reader applying it would take them."""
    out = []
    for m in _EDIT.finditer(amendment):
        was, now, gone, added, after = m.groups()
        spaced = added and (
            added[0].isalnum() or added[0] in "(“‘"
        )  # (not “’” after “States”, “/Southern Oscillation” after “Niño”)
        out.append((was, now) if was is not None else (gone, "") if gone is not None else (after, after + " " * spaced + added))
    return out


def test_printed_amendments_applied_in_turn_give_each_new_paragraph() -> None:
    # Every modified paragraph and sub-paragraph of 20 GA pairs: its amendment as printed, read
    # back (the passages between the outer quotation marks) and applied to the old paragraph,
    # gives the new one; the quotation marks of a passage's own compared as marks, whatever level.
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import _name, render_amendments

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    def marks(text: str) -> str:
        return re.sub("[“”‘’]", "'", text)

    checked = 0
    for a, b in load_pairs()[:20]:
        diff = compare(parse_pdf_text(a["text"]), parse_pdf_text(b["text"]))
        printed = [line.split(". ", 1)[1] for line in render_amendments(diff).splitlines()]
        for change in (*diff.preamble, *diff.operative):
            named = [(change, "")] + [(sub, f" {sub.old_sub_label}") for sub in change.subparagraphs]
            for c, label in named if change.status == "modified" else ():
                if c.status != "modified" or c.old is None or c.new is None or c.old.text == c.new.text:
                    continue
                prefix = f"In {_name(change, diff.old)}{label}, "
                line = next(x for x in printed if x.startswith(prefix) and not x.startswith(f"{prefix}after “"))
                got = _apply(marks(c.old.text), [(marks(x), marks(y)) for x, y in _tabled(line)])
                assert _spaced(got) == _spaced(marks(c.new.text)), line
                checked += 1
    assert checked > 200


_RELETTERED = re.compile(r"In (.+?), (?:reletter|renumber) subparagraphs? (.+?) as subparagraphs? (.+)\.")


def _relettered(amendment: str) -> tuple[str, dict[str, str]] | None:
    """What one printed amendment that relabels sub-paragraphs names ("operative paragraph 16") and
    each old label's new one ({"(i)": "(a)", "(ii)": "(b)"}), as a reader applying it would take them."""
    if (m := _RELETTERED.fullmatch(amendment)) is None:
        return None
    was, now = (re.findall(r"\([^()]+\)", labels) for labels in m.group(2, 3))
    assert len(was) == len(now), amendment
    return m.group(1), dict(zip(was, now, strict=True))


def test_printed_amendments_applied_in_turn_give_the_new_texts_sub_paragraph_labels() -> None:
    # S/RES/1590's operative 16 labels its sub-paragraphs "(i)", "(ii)", 1706's operative 12 "(a)",
    # "(b)". The amendments said nothing of it, so applied in turn to the old text they left
    # "(i)", "(ii)" (and the other way round "(a)", "(b)"). Each way, the relabelling amendment as
    # printed, read back and applied to the old paragraph's labels, gives the new paragraph's.
    from resdraft.render.amendments import _name, render_amendments

    def labels(p: Paragraph) -> list[str]:
        return [f"({sub.label.strip('().')})" for sub in p.subparagraphs if sub.label]

    for old, new in ((1590, 1706), (1706, 1590)):
        diff = compare(_council(old), _council(new))
        printed = [line.split(". ", 1)[1] for line in render_amendments(diff).splitlines()]
        (change,) = [c for c in diff.operative if c.relabelled]
        assert change.old is not None and change.new is not None and labels(change.old) != labels(change.new)
        name = _name(change, diff.old)
        got = labels(change.old)
        for tabled in filter(None, map(_relettered, printed)):
            assert tabled[0] == name, tabled
            got = [tabled[1].get(label, label) for label in got]
        assert got == labels(change.new), (old, new)
    assert "reletter subparagraphs (i) and (ii) as subparagraphs (a) and (b)." in render_amendments(
        compare(_council(1590), _council(1706))
    )


def test_subparagraphs_relabelled_without_a_word_changed_are_still_relettered_in_the_amendments() -> None:
    # S/RES/1590's paragraph 16 with its "(i)", "(ii)" lettered "(a)", "(b)" and not a word
    # changed: the paragraph is unchanged with its labels' kind noted, and the amendments said
    # "No amendments: the texts are the same."
    from resdraft.render.amendments import render_amendments

    old = _council(1590)
    lettered = tuple(
        dataclasses.replace(
            p, subparagraphs=tuple(dataclasses.replace(s, label=f"({'ab'[k]})") for k, s in enumerate(p.subparagraphs))
        )
        if p.number == 16
        else p
        for p in old.operative
    )
    new = dataclasses.replace(old, operative=lettered)
    for a, b, tabled in (
        (old, new, "reletter subparagraphs (i) and (ii) as subparagraphs (a) and (b)"),
        (new, old, "renumber subparagraphs (a) and (b) as subparagraphs (i) and (ii)"),
    ):
        diff = compare(a, b)
        assert [c.status for c in diff.operative if c.relabelled] == ["unchanged"]
        assert render_amendments(diff).splitlines() == [f"1. In operative paragraph 16, {tabled}."]


# A sub-paragraph as a reader of the amendments keeps it: [label, words, its sub-paragraphs].
Node = list


def _label(label: str) -> str:
    """A label as a reader compares it: "(a)" however printed ("a."), a dash as printed ("–")."""
    from resdraft.numbering import is_bullet, label_kind

    return "\u2013" if is_bullet(label_kind(label)) else f"({label.strip('().')})"


def _kinds(children: list[list[object]]) -> list[list[object]]:
    """Sub-paragraphs with the kind of their level's labels in place of each label ("(i)" where
    all are roman numerals, "(a)", "(1)", "–"): the amendments change the kind, and leave labels
    changed only by a sub-paragraph inserted or deleted before them ("(c)" become "(d)") as they
    leave paragraph numbers."""
    labels = [str(child[0]).strip("()") for child in children]
    kind = (
        "\u2013"
        if "\u2013" in labels
        else "(1)"
        if all(label.isdigit() for label in labels)
        else "(i)"
        if all(re.fullmatch(r"[ivxlc]+", label) for label in labels)
        else "(a)"
    )
    return [[kind, *child[1:]] for child in children]


def _tree(p: Paragraph) -> list[object]:
    """A paragraph's words and sub-paragraphs, at every level, as `_applied_to_subparagraphs` gives
    them, and last its words with its sub-paragraphs' as a new one's quote gives them."""
    printed = {s.label: "\u2013" if _label(s.label) == "\u2013" else s.label for s in p.walk() if s.label}  # a dash as quoted
    quoted = " ".join(f"{printed[s.label]} {s.text}" if s.label and s is not p else s.text for s in p.walk())
    label = _label(p.label) if p.label and p.level else ""
    return [label, _spaced(p.text), _kinds([_tree(sub) for sub in p.subparagraphs]), _spaced(quoted)]


def _same_tree(got: list[object], expected: list[object]) -> bool:
    """Whether a paragraph read back from the amendments is the one expected, at every level; a
    new sub-paragraph is read as its quote, its own sub-paragraphs' labels and words among its words."""
    got_subs, expected_subs = got[2], expected[2]
    assert isinstance(got_subs, list) and isinstance(expected_subs, list)
    if got[0] != expected[0]:
        return False
    if not got_subs and expected_subs:
        return got[1] == expected[3]
    return (
        got[1] == expected[1]
        and len(got_subs) == len(expected_subs)
        and all(_same_tree(a, b) for a, b in zip(got_subs, expected_subs, strict=True))
    )


_INSERTED_SUBS = re.compile(r"In (.+?), (.+?), insert (?:a|\w+) new subparagraphs? reading: (.+)")
_REPLACED_SUBS = re.compile(r"In (.+?), replace (subparagraphs? .+?|the .+? indents?) with .+? reading: (.+)")
_MOVED_SUB = re.compile(r"In (.+?), move (.+?) (?:so that it follows (.+)|to the beginning)\.")


def _applied_to_subparagraphs(old: Paragraph, name: str, printed: list[str]) -> list[object]:
    """A paragraph of the old text, named `name`, with the printed amendments that name it or its
    sub-paragraphs, at any level, applied in turn as a reader would: each place named by the old
    text ("operative paragraph 16 (i)", "the second indent of operative paragraph 12 (a)"), new
    sub-paragraphs read from their quotes ("– to protect …": a label, then words), labels changed
    by "reletter" or "renumber"; each level's labels as their kind (`_kinds`)."""
    from resdraft.sessions import ordinal_words

    named: dict[str, Node] = {}
    parent: dict[int, Node] = {}

    def read(p: Paragraph, at: str) -> Node:
        node: Node = [_label(p.label) if p.label and p.level else "", p.text, []]
        named[at] = node
        for k, sub in enumerate(p.subparagraphs):
            label = _label(sub.label or "")
            child = read(sub, f"the {ordinal_words(k + 1)} indent of {at}" if label == "\u2013" else f"{at} {label}")
            parent[id(child)] = node
            node[2].append(child)
        return node

    root = read(old, name)

    def subs(words: str, at: str) -> list[Node]:
        """'subparagraphs (a) and (b)', 'the first and second indents' in the paragraph named `at`."""
        if m := re.fullmatch(r"the (.+) indents?", words):
            return [named[f"the {ordinal} indent of {at}"] for ordinal in re.split(r", | and ", m[1])]
        return [named[f"{at} {label}"] for label in re.findall(r"\([^()]+\)", words)]

    def new(readings: str) -> list[Node]:
        return [[*quoted.split(" ", 1), []] for quoted in re.findall(_PASSAGE, readings)]

    def siblings(node: Node) -> list[Node]:
        return parent[id(node)][2]

    for line in printed:
        if "footnote" in line:
            continue
        if (m := re.fullmatch(r"Delete (?:(the .+ indents?) of )?(.+)\.", line)) and m[2] in named:
            for node in subs(m[1], m[2]) if m[1] else [named[m[2]]]:
                siblings(node).remove(node)
        elif (m := _INSERTED_SUBS.fullmatch(line)) and m[1] in named:
            children = named[m[1]][2]
            at = 0 if m[2] == "at the beginning" else len(children)
            if after := re.fullmatch(r"after (.+)", m[2]):
                at = children.index(subs(after[1], m[1])[0]) + 1
            children[at:at] = new(m[3])
        elif (m := _REPLACED_SUBS.fullmatch(line)) and m[1] in named:
            gone = subs(m[2], m[1])
            children = named[m[1]][2]
            at = children.index(gone[0])
            children[at:at] = new(m[3])
            for node in gone:
                children.remove(node)
        elif (m := _MOVED_SUB.fullmatch(line)) and m[1] in named:
            (moved,) = subs(m[2], m[1])
            children = named[m[1]][2]
            children.remove(moved)
            children.insert(children.index(subs(m[3], m[1])[0]) + 1 if m[3] else 0, moved)
        elif (tabled := _relettered(line)) and tabled[0] in named:
            for node in named[tabled[0]][2]:
                node[0] = tabled[1].get(node[0], node[0])
        elif (m := re.fullmatch(r"In (.+?), (?:replace|delete|insert) .+", line)) and m[1] in named:
            named[m[1]][1] = _apply(named[m[1]][1], _tabled(line))

    def tidy(node: Node) -> list[object]:
        return [node[0], _spaced(node[1]), _kinds([tidy(child) for child in node[2]])]

    return tidy(root)


def test_printed_amendments_applied_in_turn_give_the_new_sub_sub_paragraphs() -> None:
    # S/RES/1706's operative 12 (a) has three dashes under it that 1590's operative 16 (i) has
    # not ("– to protect United Nations personnel …"). The amendments tabled changes at one level
    # of sub-paragraphs only, so applied in turn they did not insert them (nor, from 1706 to 1590,
    # delete them). Each way, and in the two GA pairs with changes at the second level, the
    # amendments as printed, read back and applied to each old paragraph kept, give the new
    # paragraph's words and sub-paragraphs at both levels.
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import _name, render_amendments

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    ga = {"A/RES/78/64": "A/RES/79/75", "A/RES/78/218": "A/RES/79/181"}
    pairs = [(_council(old), _council(new)) for old, new in ((1590, 1706), (1706, 1590))] + [
        (parse_pdf_text(a["text"]), parse_pdf_text(b["text"])) for a, b in load_pairs() if ga.get(a["symbol"]) == b["symbol"]
    ]
    assert len(pairs) == 4
    checked = 0
    for old, new in pairs:
        diff = compare(old, new)
        printed = [line.split(". ", 1)[1] for line in render_amendments(diff).splitlines()]
        for change in diff.operative:
            if change.old is None or change.new is None:
                continue
            got = _applied_to_subparagraphs(change.old, _name(change, diff.old), printed)
            assert _same_tree(got, _tree(change.new)), (_name(change, diff.old), got, _tree(change.new))
            checked += any(sub.subparagraphs for sub in change.new.subparagraphs) or any(
                sub.subparagraphs for sub in change.old.subparagraphs
            )
    assert checked >= 4
    assert (
        "In operative paragraph 16 (i), at the end, insert three new subparagraphs reading: “– to protect United Nations"
        in render_amendments(compare(_council(1590), _council(1706)))
    )
    assert "Delete the first, second and third indents of operative paragraph 12 (a)." in render_amendments(
        compare(_council(1706), _council(1590))
    )


def _text_lines_changed(old: Resolution, new: Resolution) -> list[tuple[str, str | None, str | None, str]]:
    """(name, old text, new text, the amendments) for the title and formulas that differ."""
    from resdraft.render.amendments import render_amendments

    named = {
        "title": "the title",
        "enacting_formula": "the enacting formula",
        "transition_formula": "the formula before the operative part",
    }
    diff = compare(old, new)
    text = render_amendments(diff)
    return [(named[h.field], h.old, h.new, text) for h in diff.header if h.field in named and h.status != "unchanged"]


def test_amendments_change_the_formulas_and_leave_the_records_of_adoption() -> None:
    # The formulas are words the body adopts: AIPO's 27th Assembly rewrote the one before its
    # operative part, AALCO's 52nd session its enacting formula. The amendments said nothing of
    # either, so applied in turn they did not give the new text. The symbol, the date and the
    # closing formula (where and when it was adopted) changed too, and are no amendment.
    aipo = _amendments("aipo-26", "aipo-27")
    assert "2. In the enacting formula, replace “Twenty-Sixth” with “Twenty-Seventh”.\n" in aipo
    formula = "6. In the formula before the operative part, replace “Hereby” with “Accepting all of the above, the 27th AIPO General Assembly hereby”.\n"
    assert formula in aipo
    assert aipo.index("preambular paragraphs.") < aipo.index(formula) < aipo.index("operative paragraphs reading")
    aalco = _amendments("aalco-50", "aalco-52")
    assert "2. In the enacting formula, replace “Fiftieth session,” with “Fifty-Second Annual Session”.\n" in aalco
    for text in (aipo, aalco):
        assert not re.search(
            r"\b(symbol|date|closing formula|Adopted this)\b|Res\. 26GA|27GA/06|AALCO/RES|2013-09-12", text, re.I
        )


def test_amendments_to_the_title_and_formulas_applied_in_turn_give_the_new_ones() -> None:
    # Every title and formula that changed, in the example drafts (each way), 20 GA pairs and the
    # Security Council series: the amendment as printed, applied to the old line, gives the new one.
    from resdraft.importers.pdftext import parse_pdf_text

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs, unsc_pairs

    names = ("aalco-50", "aalco-52", "aalco-53", "aipo-26", "aipo-27")
    drafts = {name: load_resolution(ROOT / "drafts" / f"{name}.yaml")[0] for name in names}
    pairs = [(drafts[a], drafts[b]) for a, b in (("aalco-50", "aalco-52"), ("aalco-52", "aalco-53"), ("aipo-26", "aipo-27"))]
    pairs += [(b, a) for a, b in pairs]
    ga = [*load_pairs()[:20], *(p for p in load_pairs() if p[0]["symbol"] == "A/RES/78/315")]  # (its title changed)
    pairs += [(parse_pdf_text(a["text"]), parse_pdf_text(b["text"])) for a, b in ga]
    pairs += [(old, new) for _, old, new, _ in unsc_pairs()]
    seen = set()
    for old, new in pairs:
        for name, was, now, text in _text_lines_changed(old, new):
            if was is not None and now is not None:
                (amendment,) = [line for line in text.splitlines() if line.split(". ", 1)[1].startswith(f"In {name}, ")]
                assert _spaced(_apply(was, _tabled(amendment))) == _spaced(now), amendment
            elif now is None:
                assert f". Delete {name}.\n" in text
            else:
                assert f"reading: “{now}”" in text
            seen.add((name, was is None, now is None))
    assert len(seen) >= 5, seen  # the title and both formulas reworded, and a title added and dropped


def test_amendments_quote_a_passages_own_quotation_marks_single(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A/RES/78/69 -> 79/144 quotes the themes of meetings. The amendments nested double marks in
    # double ("insert “and “Our ocean, our future, our responsibility”” after “action””"), which no
    # reader can split; as the UN does, the passage's own go single, and single ones in those double.
    # A text typed with straight marks (") gets the same amendments.
    from conftest import ga_text

    monkeypatch.chdir(tmp_path)
    old, new = ga_text(tmp_path, "A/RES/78/69"), ga_text(tmp_path, "A/RES/79/144")
    straight = tmp_path / "straight"
    straight.mkdir()
    for path in (old, new):
        (straight / path.name).write_text(re.sub("[“”]", '"', path.read_text(encoding="utf-8")), encoding="utf-8")
    for folder in (".", "straight"):
        result = runner.invoke(app, ["diff", f"{folder}/{old.name}", f"{folder}/{new.name}", "--to", "amendments"])
        assert result.exit_code == 0, result.output
        assert (
            "In operative paragraph 193, replace “call made” with “calls made”, replace “declaration” with "
            "“declarations” and insert “and ‘Our ocean, our future, our responsibility’” after “action’”.\n"
        ) in result.stdout
        assert "replace “‘The ocean as a source of sustainable food’, and” with “‘Capacity-building and" in result.stdout
    from conftest import ga_pair
    from resdraft.render.amendments import render_amendments

    social = render_amendments(compare(*ga_pair("A/RES/78/174")))  # three levels: double, single, double
    assert "entitled ‘“World Social Summit” under the title “Second World Summit for Social Development”’, in which" in social
    assert "convene the ‘World Social Summit’ in 2025" in social

    # In 20 GA pairs, every amendment's double marks open and close in turn.
    from resdraft.importers.pdftext import parse_pdf_text

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    checked = 0
    for a, b in load_pairs()[:20]:
        for line in render_amendments(compare(parse_pdf_text(a["text"]), parse_pdf_text(b["text"]))).splitlines():
            marks = re.sub("[^“”]", "", line)
            assert marks == "“”" * (len(marks) // 2), line
            checked += "‘" in line
    assert checked > 5


def test_amendments_and_the_terminal_name_a_sections_heading_as_a_heading() -> None:
    # Unnumbered paragraphs among numbered ones are sections' headings: named by their numeral or
    # their words, never by a place that reads as another paragraph's number ("operative paragraph
    # 6" was the heading before operative paragraph 6 of A/RES/78/309, and then paragraph 6 itself).
    from resdraft.render.amendments import render_amendments
    from resdraft.render.diffterm import render_terminal

    def amendments(old: str, new: str) -> str:
        return render_amendments(compare(_corpus_resolution(old), _corpus_resolution(new)))

    diff = compare(_corpus_resolution("A/RES/78/234"), _corpus_resolution("A/RES/79/161"))
    assert "\nheading VI → heading VI  modified\n" in render_terminal(diff)  # the terminal and the review page alike
    budget = amendments("A/RES/78/309", "A/RES/79/312")
    assert "In the heading “Budget performance report for the period from 1 …”, replace “2022” with “2023”" in budget
    assert "In the heading VI, delete “of the Human Rights Council”." in amendments("A/RES/78/234", "A/RES/79/161")
    assert (
        "Delete operative paragraphs 5 to 7, the heading “Budget performance report for the period from 1 …”, "
        "operative paragraphs 8 to 10 and the heading “Final disposition of the assets of the African …”."
    ) in amendments("A/RES/78/308", "A/RES/79/311")


def test_aalco_50_to_52_as_criticmarkup() -> None:
    result = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml"), "--to", "md"])
    assert "{~~Fifty-First~>Fifty-Third~~}" in result.stdout
    assert "{++Being ++}Mindful of" in result.stdout
    assert "{--**Having heard** with appreciation" in result.stdout  # (in the house style: its opening bold)
    assert "{++Also noting the various forms" in result.stdout


def test_words_set_otherwise_are_reported_in_the_terminal_json_and_markdown_as_on_the_page() -> None:
    # AALCO's 2013 text sets its preamble's openings plain where the 2011 draft set them bold. The
    # review page said "formatting changed" on five paragraphs; the terminal called three of them
    # unchanged and listed nothing, and the JSON and Markdown said nothing of it.
    old, new = (str(ROOT / "drafts" / f"{name}.yaml") for name in ("aalco-50", "aalco-52"))
    terminal = runner.invoke(app, ["diff", old, new]).stdout
    assert "preamble: 3 unchanged, 2 modified, 1 inserted, 1 deleted (5 with formatting changed)" in terminal
    assert "pp. 4 → pp. 3  unchanged, formatting changed\n  formatting: “Convinced” bold → plain\n" in terminal
    assert "pp. 3 → pp. 2  modified, formatting changed\n" in terminal and "  formatting: “Mindful of” bold → plain\n" in terminal
    assert "operative: 3 unchanged, 1 modified\n" in terminal  # (the operative verbs stayed bold)
    data = _json(old, new)
    restyled = {p["opening"]: p["formatting"] for p in data["paragraphs"] if p["formatting"]}
    assert restyled == {
        opening: [{"text": words, "old": "bold", "new": "plain"}]
        for opening, words in [
            ("Considering", "Considering"),
            ("Being Mindful", "Mindful of"),
            ("Convinced", "Convinced"),
            ("Noting", "Noting"),
            ("Acknowledging", "Acknowledging"),
        ]
    }
    markdown = runner.invoke(app, ["diff", old, new, "--to", "md"]).stdout
    assert "violations of human rights; {>>formatting changed: “Convinced” bold → plain<<}\n" in markdown
    assert markdown.count("{>>formatting changed") == 6  # (the five, and the enacting formula, italic in 2011)
    assert (
        "Fifty-Second Annual Session~~} {>>formatting changed: “The Asian-African Legal Consultative Organization at its” italic → plain<<}"
        in markdown
    )
    assert "enacting_formula modified (formatting changed)" in terminal
    assert (
        "  enacting_formula: formatting: “The Asian-African Legal Consultative Organization at its” italic → plain\n" in terminal
    )
    (enacting,) = [h for h in data["header"] if h["field"] == "enacting_formula"]
    assert enacting["formatting"] == [
        {"text": "The Asian-African Legal Consultative Organization at its", "old": "italic", "new": "plain"}
    ]
    assert all(h["formatting"] == [] for h in data["header"] if h["field"] != "enacting_formula")
    same = runner.invoke(app, ["diff", new, new]).stdout
    assert "formatting" not in same


def test_texts_read_from_plain_text_or_a_pdf_report_no_change_of_formatting(tmp_path: Path) -> None:
    # Plain text and a PDF's text carry no formatting: their openings are set as the house style
    # sets them, the phrase found by its words. A/RES/78/249's "Reiterates its requests" was read
    # as the opening "Reiterates", 79/255's "Reiterates its request" whole, and the diff said
    # "“its” plain → italic", a guess of the reader's, not the documents'.
    old, new = _corpus_resolution("A/RES/78/249"), _corpus_resolution("A/RES/79/255")
    assert not old.formatting_read and not new.formatting_read
    diff = compare(old, new)
    assert not any(c.restyled for c in (*diff.preamble, *diff.operative))
    assert "formatting" not in render_terminal(diff)
    # The same texts as Markdown, their openings set in stars as printed, report what they set otherwise.
    from resdraft.render.markup import render

    pages = []
    for res, name in ((old, "old.md"), (new, "new.md")):
        pages.append(tmp_path / name)
        pages[-1].write_text(render(res, "md", ROOT / "templates", "unga/resolution.md.j2"), encoding="utf-8")
    terminal = runner.invoke(app, ["diff", *map(str, pages)]).stdout
    assert "formatting: “its” plain → italic" in terminal


def test_a_footnote_whose_words_stayed_but_not_their_setting_says_how(tmp_path: Path) -> None:
    # unga-64's footnote 4 sets "Treaty Series" in italic. Set plain, the footnote was "modified"
    # with not a word marked, in every output, and nothing said why.
    from resdraft.model import Footnote
    from resdraft.render.criticmarkup import render_criticmarkup
    from resdraft.render.reviewhtml import render_review_html

    old = load_resolution(ROOT / "drafts" / "unga-64.yaml")[0]
    italic = old.footnotes[4]
    new = dataclasses.replace(
        old, footnotes=(*old.footnotes[:4], Footnote(italic.marker, (Run(italic.text),)), *old.footnotes[5:])
    )
    diff = compare(old, new)
    assert (
        "fn 4 → fn 4  modified (pp. 4)\n  United Nations, Treaty Series, vol. 2225, No. 39574.\n  formatting: “Treaty Series” italic → plain"
        in render_terminal(diff)
    )
    (note,) = [f for f in to_data(diff)["footnotes"] if f["status"] == "modified"]
    assert note["formatting"] == [{"text": "Treaty Series", "old": "italic", "new": "plain"}]
    assert "No. 39574. {>>formatting changed: “Treaty Series” italic → plain<<}" in render_criticmarkup(diff)
    assert "formatting changed: “Treaty Series” italic → plain" in render_review_html(diff)


def test_a_draft_and_its_own_markdown_differ_in_no_formatting_and_a_sub_paragraphs_is_told(tmp_path: Path) -> None:
    # aipo-27 against its Markdown: "“th” bold italic superscript → bold italic" and three more,
    # for the raised letters of "27th", which Markdown has no way to write. And a sub-paragraph
    # set otherwise left its paragraph's headline "unchanged" and had no badge on the page.
    from resdraft.render.reviewhtml import render_review_html

    markdown = tmp_path / "aipo-27.md"
    assert runner.invoke(app, ["build", str(ROOT / "drafts" / "aipo-27.yaml"), "-o", str(markdown)]).exit_code == 0
    assert "formatting" not in runner.invoke(app, ["diff", str(ROOT / "drafts" / "aipo-27.yaml"), str(markdown)]).stdout
    old = load_resolution(ROOT / "drafts" / "aipo-27.yaml")[0]
    parent = old.operative[2]
    first = parent.subparagraphs[0]
    bold = dataclasses.replace(first, content=tuple(dataclasses.replace(r, bold=True) for r in first.content))
    new = dataclasses.replace(
        old,
        operative=(
            *old.operative[:2],
            dataclasses.replace(parent, subparagraphs=(bold, *parent.subparagraphs[1:])),
            *old.operative[3:],
        ),
    )
    diff = compare(old, new)
    terminal = render_terminal(diff)
    assert "op. 3 → op. 3  unchanged, formatting changed in its sub-paragraphs\n" in terminal
    assert "    a.  unchanged, formatting changed\n" in terminal
    page = render_review_html(diff)
    assert (
        page.count('<span class="badge b-modified">formatting changed</span>') >= 2
    )  # (the paragraph's and its sub-paragraph's)


def test_a_space_set_otherwise_beside_the_words_is_no_change_of_formatting() -> None:
    # A bold opening whose bold run takes the space after it in one text and not in the other reads
    # the same: no "formatting changed", in any output.
    def text(*runs: Run) -> Resolution:
        return bare_resolution((Paragraph("preambular", runs, opening="Recalling"),), ())

    old = text(Run("Recalling ", italic=True), Run("its resolution 78/1;"))
    same = text(Run("Recalling", italic=True), Run(" its resolution 78/1;"))
    diff = compare(old, same)
    assert "formatting" not in render_terminal(diff) and to_data(diff)["paragraphs"][0]["formatting"] == []
    plain = text(Run("Recalling its resolution 78/1;"))
    assert to_data(compare(old, plain))["paragraphs"][0]["formatting"] == [{"text": "Recalling", "old": "italic", "new": "plain"}]
    bolder = text(Run("Recalling ", italic=True), Run("its resolution", bold=True), Run(" 78/1;"))
    assert to_data(compare(old, bolder))["paragraphs"][0]["formatting"] == [
        {"text": "its resolution", "old": "plain", "new": "bold"}
    ]


def test_terminal_output_has_summary_lines_and_marks_readable_without_colour() -> None:
    result = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml")])
    assert "preamble: 3 unchanged, 2 modified, 1 inserted, 1 deleted" in result.stdout
    assert "operative: 3 unchanged, 1 modified" in result.stdout
    assert "op. 4 → op. 4  modified" in result.stdout
    assert "[-Fifty-First-]{+Fifty-Third+}" in result.stdout
    assert "\x1b[" not in result.stdout
    coloured = runner.invoke(
        app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml"), "--colour", "always"]
    )
    assert "\x1b[31m[-Fifty-First-]" in coloured.stdout


def test_the_terminal_and_the_review_page_show_a_changed_date_as_printed_and_json_as_iso() -> None:
    # The header's date was shown as JSON has it, "[-2011-07-01-]{+2013-09-12+}", where the
    # documents read "1 July 2011" and "12 September 2013".
    from resdraft.render.diffjson import render_json
    from resdraft.render.reviewhtml import render_review_html

    result = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml")])
    assert "  date: [-1 July 2011-]{+12 September 2013+}\n" in result.stdout
    old, new = (load_resolution(ROOT / "drafts" / f"{name}.yaml")[0] for name in ("aalco-50", "aalco-52"))
    diff = compare(old, new)
    page = render_review_html(diff)
    assert "<del>1 July 2011</del>" in page and "<ins>12 September 2013</ins>" in page and "2011-07-01" not in page
    (date,) = [h for h in json.loads(render_json(diff))["header"] if h["field"] == "date"]
    assert (date["old"], date["new"]) == ("2011-07-01", "2013-09-12")
    same_month = dataclasses.replace(new, fields={**new.fields, "date": dt.date(2013, 9, 2)})  # only the day changed
    shown = [h for h in render_review_html(compare(new, same_month)).split("<tr") if '<th scope="row">date</th>' in h]
    assert shown and "<del>12</del>" in shown[0] and "<ins>2</ins> September 2013" in shown[0]


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_a_rolled_drafts_date_still_to_fill_is_compared_as_its_built_document_prints_it(tmp_path: Path, suffix: str) -> None:
    # aalco-53 built to Word (or Markdown) and read back: its date line "[TBD: date of the
    # 53rd-session document …]" was no date, so the diff said "date: [-12 September 2013-]", deleted.
    built = tmp_path / f"aalco-53{suffix}"
    assert runner.invoke(app, ["build", str(ROOT / "drafts/aalco-53.yaml"), "-o", str(built)]).exit_code == 0
    result = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-52.yaml"), str(built)])
    assert result.exit_code == 0
    (date,) = [line for line in result.stdout.splitlines() if line.startswith("  date: ")]
    assert date.startswith("  date: [-12 September 2013-]{+[TBD: ") and date.endswith(")]+}")
    assert "(was 12 september 2013)" in date.lower()


def test_the_councils_session_is_called_its_year_where_a_reader_sees_it(tmp_path: Path) -> None:
    # S/RES/1784 (2007) -> S/RES/1812 (2008): the Council numbers no sessions; the terminal said
    # "session: [-2007-]{+2008+}". JSON keeps the key a draft writes, `session`.
    from resdraft.render.reviewhtml import render_review_html

    old, new = (str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{n}-*.txt"))) for n in (1784, 1812))
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 0
    assert (
        "  year: [-2007-]{+2008+}\n" in result.stdout
        and "header: title modified, symbol modified, year modified" in result.stdout
    )
    assert "session" not in result.stdout.split("\npreamble:")[0]
    page = render_review_html(compare(*(read_document(p).resolution for p in (old, new))))
    assert '<th scope="row">year</th>' in page and '<th scope="row">session</th>' not in page
    as_json = json.loads(runner.invoke(app, ["diff", old, new, "--to", "json"]).stdout)
    assert [h["field"] for h in as_json["header"] if h["old"] == "2007"] == ["session"]
    ga = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml")])
    assert "  session: [-50-]{+52+}\n" in ga.stdout


def test_a_press_releases_lead_in_is_no_line_of_the_council_text_and_its_heading_shows() -> None:
    # 1812 -> 1919: "introduction: {+The full text of resolution 1919 (2010) reads as follows:+}"
    # in the masthead (the redline's first line), and "Resolution 1812 (208)" struck with no
    # heading inserted, though the lead-in names the symbol.
    old, new = (str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{n}-*.txt"))) for n in (1812, 1919))
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 0
    assert "full text" not in result.stdout and "introduction" not in result.stdout
    assert "  title: Resolution [-1812-]{+1919+} ([-208-]{+2010+})\n" in result.stdout


def test_a_press_releases_copy_that_prints_no_heading_is_named_by_its_file_as_import_names_it() -> None:
    # 1663 -> 1709, a press release's copy printing neither symbol nor heading: amendment 1 was
    # "Delete the title.", with no warning.
    old, new = (str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{n}-*.txt"))) for n in (1663, 1709))
    result = runner.invoke(app, ["diff", old, new, "--to", "amendments"])
    assert result.exit_code == 0
    assert result.stdout.startswith("1. In the title, replace “1663” with “1709”.\n")
    assert f"warning: {new}: the text prints no symbol: S/RES/1709 (2006) is taken from the file's name; check it" in (
        result.stderr
    )


def test_renumbering_alone_is_not_a_change() -> None:
    old = _resolution(["Recalling a", "Noting b"], ["Decides one", "Requests two", "Invites three"])
    new = _resolution(
        ["Recalling a", "Noting b"], ["Welcomes zero new text here", "Decides one", "Requests two", "Invites three"]
    )
    diff = compare(old, new)
    statuses = [(c.status, c.old_number, c.new_number) for c in diff.operative]
    assert statuses == [("inserted", None, 1), ("unchanged", 1, 2), ("unchanged", 2, 3), ("unchanged", 3, 4)]


def test_rolled_forward_draft_differs_only_in_session_words_and_placeholders() -> None:
    data = _json(str(ROOT / "drafts/aalco-52.yaml"), str(ROOT / "drafts/aalco-53.yaml"))
    assert data["summary"]["operative"]["modified"] == 1 and data["summary"]["preamble"]["modified"] == 1
    assert all(p["status"] in ("unchanged", "modified") for p in data["paragraphs"])


def _council(number: int) -> Resolution:
    """A Security Council text of the corpus, as import reads it."""
    return read_document(str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{number}-*.txt")))).resolution


def _word_output(res: Resolution, folder: Path) -> Path:
    """A resolution's Word output, as a file in `folder`."""
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    path = folder / "out.docx"
    path.write_bytes(render_docx(res, word_style_for(res.body, str(ROOT / "drafts"))))
    return path


def test_a_change_of_the_kind_of_sub_paragraph_labels_is_reported_and_renumbering_is_not(tmp_path: Path) -> None:
    # S/RES/1590's paragraph 16 labels its sub-paragraphs "(i)", "(ii)"; 1706's paragraph 12, the
    # same paragraph, letters them "(a)", "(b)" and has dashes under "(a)". The diff said only
    # that words changed: JSON, the terminal (and the review page) now say the labels did too.
    old, new = _council(1590), _council(1706)
    diff = compare(old, new)
    relabelled = [c for c in diff.operative if c.relabelled]
    assert [(c.old_number, c.new_number, c.relabelled) for c in relabelled] == [(16, 12, (("(i)",), ("(a)", "--")))]
    paragraph = next(p for p in to_data(diff)["paragraphs"] if p["old_number"] == 16)
    assert paragraph["relabelled"] == {"old": ["(i)"], "new": ["(a)", "--"]}
    assert all(sub["relabelled"] is None for sub in paragraph["subparagraphs"])
    assert "op. 16 → op. 12  modified, sub-paragraph labels (i) → (a) / –\n" in render_terminal(diff)
    # Paragraph 4's first sub-paragraph struck: the others are "(a)" … again, which is renumbering.
    four = next(k for k, p in enumerate(old.operative) if p.number == 4)
    subs = old.operative[four].subparagraphs[1:]
    relettered = tuple(dataclasses.replace(sub, label=f"({chr(ord('a') + k)})") for k, sub in enumerate(subs))
    operative = list(old.operative)
    operative[four] = dataclasses.replace(old.operative[four], subparagraphs=relettered)
    shorter = compare(old, dataclasses.replace(old, operative=tuple(operative)))
    (changed,) = [c for c in shorter.operative if c.changed]
    assert changed.relabelled is None and [s.status for s in changed.subparagraphs][:2] == ["deleted", "unchanged"]
    assert changed.subparagraphs[1].old.label == "(b)" and changed.subparagraphs[1].new.label == "(a)"
    assert "labels" not in render_terminal(shorter) and not any(c.relabelled for c in compare(new, new).operative)
    # 1706's dashes as its Word output prints them, "–", are the same labels as the typed "--".
    printed = read_document(str(_word_output(new, tmp_path))).resolution
    assert [p.label_kinds() for p in printed.operative if p.number == 12] == [["(a)", "\u2013"]]
    assert not any(c.relabelled for c in compare(new, printed).operative)
    # Labels alone changed: the diff is not empty.
    alone = [
        dataclasses.replace(
            p, subparagraphs=tuple(dataclasses.replace(s, label=f"({k + 1})") for k, s in enumerate(p.subparagraphs))
        )
        if p.number == 16
        else p
        for p in old.operative
    ]
    assert not compare(old, dataclasses.replace(old, operative=tuple(alone))).is_empty


# ------------------------------------------------------------------ laws (Hypothesis)

WORDS = [
    "Recalling",
    "Noting",
    "Urges",
    "States",
    "the",
    "resolution",
    "63/194",
    "of",
    "18 December 2008",
    "persons",
    ",",
    "Fifty-First",
    "Fifty First",
    "non-governmental",
    "non\u2011governmental",
    "report",
]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


def _paragraphs(texts: list[str], role: str) -> tuple[Paragraph, ...]:
    out = []
    for i, text in enumerate(texts, start=1):
        numbered = role == "operative"
        out.append(
            Paragraph(
                role, (Run(text),), label=f"{i}." if numbered else None, number=i if numbered else None, opening=text.split()[0]
            )
        )  # type: ignore[arg-type]
    return tuple(out)


def _resolution(pre: list[str], op: list[str]) -> Resolution:
    return bare_resolution(_paragraphs(pre, "preambular"), _paragraphs(op, "operative"))


@given(st.lists(TEXTS, max_size=8), st.lists(TEXTS, max_size=8))
def test_diff_of_a_text_with_itself_is_all_unchanged(pre: list[str], op: list[str]) -> None:
    res = _resolution(pre, op)
    diff = compare(res, res)
    assert diff.is_empty and all(c.status == "unchanged" and not c.moved for c in (*diff.preamble, *diff.operative))


@settings(max_examples=200)
@given(st.lists(TEXTS, max_size=8), st.lists(TEXTS, max_size=8))
def test_old_and_new_texts_rebuild_from_the_diff_and_alignment_is_one_to_one(old: list[str], new: list[str]) -> None:
    diff = compare(_resolution(old, []), _resolution(new, []))
    changes = diff.preamble
    olds = sorted((c.old_index, old_text(c.ops)) for c in changes if c.old_index is not None)
    news = sorted((c.new_index, new_text(c.ops)) for c in changes if c.new_index is not None)
    assert [t for _, t in olds] == old and [i for i, _ in olds] == list(range(len(old)))
    assert [t for _, t in news] == new and [i for i, _ in news] == list(range(len(new)))
    in_new_order = [c.new_index for c in changes if c.new_index is not None]
    assert in_new_order == sorted(in_new_order)
    kept = [c.old_index for c in changes if c.old_index is not None and not c.moved]
    assert kept == sorted(kept)


def test_a_paragraph_holding_a_lone_surrogate_still_pairs_by_its_words() -> None:
    # A text read from JSON may hold one; alignment's word codes go through UTF-8 bytes.
    old = ["Recalling its resolution 63/194 on the \ud800 question of the oceans and the law of the sea", "Noting the report"]
    new = [
        "Welcoming the accession of States",
        "Recalling also its resolution 63/194 on the question of the \ud800 oceans and law of the sea",
    ]
    diff = compare(_resolution(old, []), _resolution([*new, old[1]], []))
    assert [(c.status, c.old_index, c.new_index) for c in diff.preamble] == [
        ("inserted", None, 0),
        ("modified", 0, 1),
        ("unchanged", 1, 2),
    ]


def test_a_paragraph_moved_without_edits_is_moved_and_unchanged() -> None:
    texts = [
        "Recalling resolution 63/194",
        "Noting the report of the Secretary-General",
        "Welcoming the accession of States",
        "Aware of the need",
    ]
    diff = compare(_resolution(texts, []), _resolution([texts[0], texts[2], texts[3], texts[1]], []))
    moved = [c for c in diff.preamble if c.moved]
    assert len(moved) == 1 and moved[0].status == "unchanged" and moved[0].opening == "Noting"
    assert (moved[0].old_index, moved[0].new_index) == (1, 3)


def test_a_paragraph_every_section_repeats_pairs_within_its_own_section() -> None:
    # A/RES/78/253 -> 79/258: "Takes note of the report of the Secretary-General;" opens nearly every
    # section of both years, and the 2023 section II is gone. Taken in turn, the second of 2024
    # (section II, "Request for a subvention to the Residual Special Court …") paired with the
    # second of 2023 (the dropped section's) and showed as moved; it pairs with its own section's.
    from conftest import ga_resolution

    old, new = ga_resolution("A/RES/78/253"), ga_resolution("A/RES/79/258")
    diff = compare(old, new)
    heading = next(j for j, p in enumerate(new.operative) if p.text.startswith("Request for a subvention to the Residual"))
    takes = next(
        c for c in diff.operative if c.new_index is not None and c.new_index > heading and c.new.text.startswith("Takes note")
    )
    assert takes.status == "unchanged" and not takes.moved
    assert old.operative[takes.old_index - 3].text.startswith("Request for a subvention to the Residual")
    assert sum(c.moved for c in diff.operative) < 115  # (122 before)


@given(TEXTS, TEXTS)
def test_word_diff_rebuilds_both_texts_and_never_splits_a_token(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert old_text(ops) == a and new_text(ops) == b
    tokens = set(tokenize(a)) | set(tokenize(b))
    date_parts = {part for t in tokens if " " in t and "/" not in t for part in t.split(" ")}  # a date replaced by a date
    for op, text in ops:
        if op != "equal" and re.search(r"[^\W_]", text):  # only spacing or punctuation may be marked inside a word
            assert "".join(tokenize(text)) == text
            assert all(t in tokens or t in date_parts for t in tokenize(text) if t.strip())


def test_a_date_replaced_by_a_date_marks_only_the_parts_that_changed() -> None:
    # The closing formula of A/RES/78/24 and of A/RES/79/44.
    ops = word_diff("42nd plenary meeting 4 December 2023", "43rd plenary meeting 2 December 2024")
    assert [text for op, text in ops if op != "equal"] == ["42nd", "43rd", "4", "2", "2023", "2024"]
    assert ("equal", " December ") in ops


def _corpus_resolution(symbol: str) -> Resolution:
    from resdraft.importers.pdftext import parse_pdf_text

    session = symbol.split("/")[2]
    with gzip.open(CORPUS / "unga" / f"A-RES-{session}.jsonl.gz", "rt", encoding="utf-8") as f:
        row = next(r for r in map(json.loads, f) if r["symbol"] == symbol)
    return parse_pdf_text(row["text"])


def _corpus_paragraph(symbol: str, opening: str) -> str:
    res = _corpus_resolution(symbol)
    return next(p.text for p in (*res.preamble, *res.operative) if p.text.startswith(opening))


def _corpus_word_diff(
    old_symbol: str, new_symbol: str, opening: str, new_opening: str | None = None
) -> tuple[str, str, list[Op]]:
    """A paragraph of a GA resolution and the one it became (found by their openings), and their word diff."""
    old = _corpus_paragraph(old_symbol, opening)
    new = _corpus_paragraph(new_symbol, new_opening or opening)
    return old, new, word_diff(old, new)


def test_a_date_opening_a_longer_replacement_marks_only_the_parts_that_changed() -> None:
    # A/RES/78/240 -> A/RES/79/60: the date stayed but for its day, and a clause was added after it.
    old, new, ops = _corpus_word_diff("A/RES/78/240", "A/RES/79/60", "Noting the humanitarian provisions")
    assert old_text(ops) == old and new_text(ops) == new
    changes = [(op, text) for op, text in ops if op != "equal"]
    assert changes[:2] == [("delete", "22"), ("insert", "23")]
    assert changes[2][0] == "insert" and changes[2][1].startswith(", and the decisions adopted at the Second Meeting")


def test_a_date_all_of_whose_parts_changed_is_replaced_whole() -> None:
    ops = word_diff("met from 9 to 20 May 2022.", "met from 9 to 13 December 2024.")
    assert [(op, text) for op, text in ops if op != "equal"] == [("delete", "20 May 2022"), ("insert", "13 December 2024")]


def test_a_change_of_spacing_or_punctuation_alone_marks_only_that_character() -> None:
    # A/RES/78/190 -> A/RES/79/160 ("neo- Nazism" as the PDF broke it), a non-breaking hyphen, and
    # A/RES/78/158 -> A/RES/79/212 ("Kunming Montreal" hyphenated).
    assert word_diff("eliminating neo- Nazism, and", "eliminating neo-Nazism, and") == [
        ("equal", "eliminating neo-"),
        ("delete", " "),
        ("equal", "Nazism, and"),
    ]
    assert word_diff("non-governmental organizations", "non\u2011governmental organizations") == [
        ("equal", "non"),
        ("delete", "-"),
        ("insert", "\u2011"),
        ("equal", "governmental organizations"),
    ]
    ops = word_diff("the Kunming Montreal Global Biodiversity Framework", "the Kunming-Montreal Global Biodiversity Framework")
    assert [(op, text) for op, text in ops if op != "equal"] == [("delete", " "), ("insert", "-")]


def test_a_word_that_changed_its_letters_is_still_replaced_whole() -> None:
    ops = word_diff("the seventy-eighth session", "the seventy-ninth session")
    assert [(op, text) for op, text in ops if op != "equal"] == [("delete", "seventy-eighth"), ("insert", "seventy-ninth")]


def test_words_added_around_an_unchanged_word_leave_it_plain() -> None:
    # A/RES/78/240 -> A/RES/79/60 and A/RES/78/79 -> A/RES/79/92: where words were only added,
    # the old text stays readable whole and is not struck out and retyped.
    old, new, ops = _corpus_word_diff("A/RES/78/240", "A/RES/79/60", "Convinced that the total elimination")
    assert "threats {+and rhetoric pertaining +}to {+the +}use {+of +}nuclear weapons" in _marked(ops)
    old, new, ops = _corpus_word_diff("A/RES/78/79", "A/RES/79/92", "Recognizing the need for special political missions")
    assert "credible, {+prioritized, +}sequenced{+, realistic+} and achievable mandates,{+ with" in _marked(ops)
    assert old_text(ops) == old and new_text(ops) == new


def test_words_added_are_marked_where_they_touch_fewest_words() -> None:
    # A/RES/78/158 -> A/RES/79/212: ", national" could be marked after "local" or before "regional";
    # marked as whole words, "local," stays unmarked, as Word's own compare shows it.
    old, new, ops = _corpus_word_diff(
        "A/RES/78/158",
        "A/RES/79/212",
        "Welcomes the operationalization of the United Nations Coalition",
        "Welcomes the efforts of the United Nations Coalition",
    )
    assert "on a local, {+national, +}regional and global scale" in _marked(ops)
    assert old_text(ops) == old and new_text(ops) == new


def test_a_short_unchanged_stretch_between_two_replacements_is_folded_into_them() -> None:
    # "[-urges-]{+urging+} [-their-]{+its+}" reads as one replacement, as a legal officer writes it.
    ops = word_diff("and urges their early implementation", "and urging its early implementation")
    assert _marked(ops) == "and [-urges their-]{+urging its+} early implementation"


def _marked(ops: list[tuple[str, str]]) -> str:
    return "".join({"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}[op].format(text) for op, text in ops)


def test_a_run_of_four_unchanged_words_between_two_edits_stays_unchanged() -> None:
    # A/RES/78/168 -> A/RES/79/227: diff-match-patch's own semantic clean-up strikes the whole
    # paragraph and retypes it; "on Financing for Development" did not change and stays plain.
    old, new, ops = _corpus_word_diff(
        "A/RES/78/168",
        "A/RES/79/227",
        "Welcoming also the convening of the High-level Dialogue",
        "Looking forward to the Fourth International Conference",
    )
    assert old_text(ops) == old and new_text(ops) == new
    assert ("equal", " on Financing for Development") in ops


def test_a_resolution_added_to_the_end_of_a_list_reads_as_one_insertion() -> None:
    # A/RES/78/158 -> A/RES/79/212: "76/206 of 17 December 2021[- and-]{+,+} 77/166 of 14 December
    # 2022{+ and 78/154 of 19 December 2023+}", not "… 2021{+, 77/166 of …+} and [-77/166-]{+78/154+} …".
    ops = _corpus_word_diff("A/RES/78/158", "A/RES/79/212", "Recalling its resolutions 71/229")[2]
    assert [(op, text) for op, text in ops if op != "equal"] == [
        ("delete", " and"),
        ("insert", ","),
        ("insert", " and 78/154 of 19 December 2023"),
    ]


def test_two_paragraphs_that_keep_no_word_in_common_are_not_a_pair() -> None:
    # A/RES/78/230 -> A/RES/79/235: "Emphasizes that developing a United Nations framework
    # convention …" and "Decides to adopt the terms of reference …" stood in one place, alike
    # enough in their letters to pair, yet the word diff keeps nothing of the one in the other.
    old = _corpus_resolution("A/RES/78/230")
    new = _corpus_resolution("A/RES/79/235")
    diff = compare(old, new)
    emphasizes = next(c for c in diff.operative if c.old and c.old.text.startswith("Emphasizes that developing a United Nations"))
    assert emphasizes.status == "deleted" and emphasizes.new is None


def test_two_paragraphs_that_share_only_their_opening_are_not_a_pair() -> None:
    # Operative 18 of A/RES/78/184 and operative 20 of A/RES/79/156: half their letters alike, almost
    # none of their words; a reviewer wants a deletion and an insertion, not one "modified" paragraph.
    old = _corpus_paragraph("A/RES/78/184", "Welcomes the pledges, contributions and commitments")
    new = _corpus_paragraph("A/RES/79/156", "Welcomes the efforts of host countries")
    diff = compare(_resolution([], [old]), _resolution([], [new]))
    assert [c.status for c in diff.operative] == ["inserted", "deleted"]


def test_paragraphs_sharing_only_their_formulas_are_a_deletion_and_an_insertion() -> None:
    # Each pair below had half its letters alike and was shown as one paragraph "modified" (most
    # also "moved"), its words alternating: they share "Welcomes the … of the … Maritime" or "Urges
    # the nuclear-weapon States to … the Treaty on the Non-Proliferation of Nuclear Weapons".
    def status(old: str, new: str, opening: str) -> set[str]:
        diff = compare(_corpus_resolution(old), _corpus_resolution(new))
        return {c.status for c in diff.operative if c.old is not None and c.old.text.startswith(opening)}

    assert status("A/RES/78/69", "A/RES/79/144", "Welcomes the efforts of the Tribunal in holding") == {"deleted"}
    assert status("A/RES/78/42", "A/RES/79/35", "Urges the nuclear-weapon States to fulfil") == {"deleted"}
    assert status("A/RES/78/232", "A/RES/79/203", "Welcomes the appointments of the Under-Secretary") == {"deleted"}
    # "Reiterates its request to the Secretary-General to ensure, by 2024, the allocation of adequate
    # resources … and calls upon the United Nations system to strengthen and promote coordinated,
    # effective and coherent capacity-development support to small island developing States" is not
    # the new "Calls upon Member States to use the 2025 United Nations Conference …"; parted from it,
    # it continues as the new "Reiterates the request to the Secretary-General, … to present proposals
    # to ensure a coordinated, coherent and effective United Nations system-wide capacity-development
    # approach to small island developing States …". The request for support to the Conference is gone.
    diff = compare(_corpus_resolution("A/RES/78/232"), _corpus_resolution("A/RES/79/203"))
    requests = [
        c for c in diff.operative if c.old is not None and c.old.text.startswith("Reiterates its request to the Secretary")
    ]
    assert [(c.status, c.new_number) for c in requests] == [("modified", 19), ("deleted", None)]
    # ... and one weak pair gone puts no other back in order: the fourth Conference on Small Island
    # Developing States is not the Fourth Conference on Financing for Development.
    assert status("A/RES/78/232", "A/RES/79/203", "Looks forward to the fourth International") == {"deleted"}


def test_paragraphs_sharing_only_a_proper_name_are_a_deletion_and_an_insertion() -> None:
    # S/RES/1663 (2006) -> 1709 (2006): "Acknowledging the commitments by troop-contributing
    # countries in support of the United Nations Mission in the Sudan (UNMIS), and encouraging
    # deployment …" became "Noting with deep concern the restrictions placed on movements and
    # materiel of the United Nations Mission in the Sudan …" in the diff, and the amendments
    # replaced the one's words with the other's: the name is 21% of their content words.
    # A/RES/78/168 -> 79/227: the High-level Dialogue on Financing for Development is not the
    # Fourth International Conference on Financing for Development. A paragraph that keeps names
    # and enough else stays one: the Voluntary Guidelines … adopted by the Council of the Food and
    # Agriculture Organization of the United Nations in November 2004, "Reaffirming the importance
    # of the recommendations contained in" them, then "Recalling the twentieth anniversary of" them
    # (A/RES/78/198 -> 79/202), and operative 9 of S/RES/1784 -> operative 11 of 1812.
    from conftest import ga_pair
    from resdraft.render.amendments import render_amendments

    old, new = (read_document(str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{n}-*.txt")))) for n in (1663, 1709))
    diff = compare(old.resolution, new.resolution)
    troops = next(c for c in diff.preamble if c.old and c.old.text.startswith("Acknowledging the commitments"))
    restrictions = next(c for c in diff.preamble if c.new and c.new.text.startswith("Noting with deep concern the restrictions"))
    assert (troops.status, restrictions.status) == ("deleted", "inserted")
    assert "replace “Acknowledging" not in render_amendments(diff)

    def change(old: str, opening: str) -> str:
        diff = compare(*ga_pair(old))
        return next(c.status for c in diff.preamble if c.old is not None and c.old.text.startswith(opening))

    assert change("A/RES/78/168", "Welcoming also the convening of the High-level Dialogue on Financing") == "deleted"
    assert change("A/RES/78/198", "Reaffirming the importance of the recommendations contained in the Voluntary") == "modified"


def test_a_paragraph_updated_for_another_year_stays_one_paragraph() -> None:
    # A/RES/78/69 -> 79/144: another meeting of the Coral Reef Initiative (25% of the content words
    # kept), and another year's theme of the World Maritime Day, moved (44% kept).
    diff = compare(_corpus_resolution("A/RES/78/69"), _corpus_resolution("A/RES/79/144"))

    def change(opening: str) -> tuple[str, bool]:
        found = [c for c in diff.operative if c.old is not None and c.old.text.startswith(opening)]
        assert len(found) == 1
        return found[0].status, found[0].moved

    assert change("Reiterates its support for the International Coral Reef Initiative") == ("modified", False)
    assert change("Further notes, in this regard, the theme for the 2023 World Maritime Day") == ("modified", True)


def test_a_paragraph_cut_short_still_pairs_with_what_it_was() -> None:
    # A/RES/78/158 -> A/RES/79/212: a 1,276-character preambular paragraph keeps its first 319
    # characters. Letter by letter they are 40% alike; as words, the new one runs on in the old.
    old = _corpus_paragraph("A/RES/78/158", "Recognizing that sand and dust storms are an issue")
    new = _corpus_paragraph("A/RES/79/212", "Recognizing that sand and dust storms are an issue")
    diff = compare(_resolution([old, "Noting the report"], []), _resolution(["Noting the report", new], []))
    cut = [c for c in diff.preamble if c.status != "unchanged"]
    assert [c.status for c in cut] == ["modified"] and cut[0].ops[0][0] == "equal"


@given(st.text("abc", max_size=30), st.text("abc", max_size=30), st.integers(1, 12))
def test_a_shared_run_of_words_is_one_as_long_as_the_longest_common_stretch(a: str, b: str, size: int) -> None:
    # "Mostly contained in one unbroken run": the test align makes of a paragraph cut short or run
    # on agrees with difflib's longest match between the two texts' word codes.
    longest = SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size
    assert align._share_run(a, b, size) == (longest >= size)


def test_a_paragraph_rewritten_through_is_never_reported_as_moved() -> None:
    # A/RES/78/291 -> A/RES/79/296: "Endorses the proposals … of the Special Committee" went and
    # "Requests the Secretary-General to submit a report to the Special Committee …" came, three
    # places on. They share "the", "to", "Special Committee": two paragraphs, not one that moved.
    diff = compare(_corpus_resolution("A/RES/78/291"), _corpus_resolution("A/RES/79/296"))
    endorses = [c for c in diff.operative if c.old is not None and c.old.text.startswith("Endorses the proposals")]
    assert [(c.status, c.moved) for c in endorses] == [("deleted", False)]


def test_a_symbol_never_swallows_part_of_the_next_word() -> None:
    tokens = tokenize("A/RES/78/14 African Nuclear-Weapon-Free Zone Treaty and 2013/S 8 Annual")
    assert "African" in tokens and "A/RES/78/14" in tokens and "2013/S 8" in tokens and "Annual" in tokens


def test_symbols_dates_and_numbers_are_single_tokens() -> None:
    tokens = tokenize(
        "resolution 63/194 of 18 December 2008, A/RES/76/186 and AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8; 2,225 copies."
    )
    for token in ("63/194", "18 December 2008", "A/RES/76/186", "AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8", "2,225"):
        assert token in tokens


def test_a_placeholder_is_one_token_replaced_whole() -> None:
    # A rolled draft's symbol: "{+[TBD: symbol of the 53rd-session document (was +}AALCO/RES/52/S 8{+)]+}"
    # kept the old symbol unmarked inside the placeholder, as if it stayed.
    placeholder = "[TBD: symbol of the 53rd-session document (was AALCO/RES/52/S 8)]"
    assert placeholder in tokenize(f"see {placeholder}, and")
    assert word_diff("AALCO/RES/52/S 8", placeholder) == [("delete", "AALCO/RES/52/S 8"), ("insert", placeholder)]
    # In a long paragraph the unchanged text left out of the comparison is never cut inside one.
    head = "Requests the Secretary-General to submit to the General Assembly at its "
    tail = " session a report on the implementation of the present resolution, including its follow-up;"
    hole = "[TBD: ordinal of the session two after this one, a report on the present resolution]"
    assert word_diff(head + hole + tail, head + hole + tail.replace("report", "study")) == [
        ("equal", head + hole + " session a "),
        ("delete", "report"),
        ("insert", "study"),
        ("equal", tail.split("report", 1)[1]),
    ]
    other = hole.replace("present", "next")
    assert word_diff(head + hole + tail, head + other + tail) == [
        ("equal", head),
        ("delete", hole),
        ("insert", other),
        ("equal", tail),
    ]
    assert word_diff(head + "eighty-second" + tail, head + hole + tail) == [
        ("equal", head),
        ("delete", "eighty-second"),
        ("insert", hole),
        ("equal", tail),
    ]


def test_a_symbol_takes_a_spaced_part_letter_but_never_a_footnote_number_or_the_next_symbol() -> None:
    # Footnote blocks run on in the corpus's paragraphs: "5 A/78/126. 6 A/CONF.192/BMS/2021/1. 7 …"
    # is three symbols, each replaced on its own, and a page footer "A/RES/78/54 3/3" two tokens.
    tokens = tokenize("resolution 77/263 A of 2022; 5 A/78/126. 6 A/CONF.192/BMS/2021/1. 7 A/RES/78/54 3/3 and IX/16 C,")
    for token in ("77/263 A", "A/78/126", "6", "A/CONF.192/BMS/2021/1", "7", "A/RES/78/54", "3/3", "IX/16 C"):
        assert token in tokens
    ops = word_diff(
        "5 A/78/126. 6 A/CONF.192/BMS/2021/1. 7 A/CONF.192/2018/RC/3.",
        "5 A/79/77. 6 A/CONF.192/BMS/2022/1. 7 A/CONF.192/2024/RC/3.",
    )
    assert [text for op, text in ops if op == "equal"] == ["5 ", ". 6 ", ". 7 ", "."]


def test_a_symbol_with_a_bracketed_part_is_one_token_and_a_bracket_after_a_space_is_not() -> None:
    # Shapes from the GA corpus: IAEA General Conference, UNCCD, WTO, UNEP, Council of Europe, ILO,
    # African Union and IMO documents; and beside them the brackets of ordinary text.
    text = (
        "resolutions GC(67)/RES/10 A, GC(XXXIV)/RES/530 and GOV/INF/2005/10-GC(49)/INF/6, ICCD/COP(13)/21/Add.1. "
        "(WT/MIN(22)/30), UNEP(DTIE)/Hg/CONF/4, (CM/Rec(2022)16), GB.344/POL/2(Rev.1), Assembly/AU/Dec.729(XXXII). "
        "resolution MSC.257(84), LP.4(8); decision SSA2(5). S/RES/1663 (2006) "
        "(a) paragraph 5 (b) of resolution 77/256 A (2022) and 75/240 (OEWG), 2625 (XXV), Article VI (A/78/L.1)]"
    )
    tokens = tokenize(text)
    assert "".join(tokens) == text
    whole = ["GC(67)/RES/10 A", "GC(XXXIV)/RES/530", "GOV/INF/2005/10-GC(49)/INF/6", "ICCD/COP(13)/21/Add.1", "WT/MIN(22)/30"]
    whole += ["UNEP(DTIE)/Hg/CONF/4", "CM/Rec(2022)16", "GB.344/POL/2(Rev.1)", "Assembly/AU/Dec.729(XXXII)", "MSC.257(84)"]
    whole += ["LP.4(8)", "SSA2(5)", "S/RES/1663 (2006)", "77/256 A", "75/240", "A/78/L.1"]
    assert [t for t in tokens if any(c in t for c in "/()") and len(t) > 1] == whole
    for word in ("a", "5", "b", "2022", "OEWG", "2625", "XXV", "Article", "VI"):
        assert word in tokens
    assert tokens.count("(") == tokens.count(")") == 8  # each bracket of ordinary text a token of its own


def test_iaea_conference_symbols_are_replaced_whole_and_a_struck_decision_keeps_its_quoted_title() -> None:
    # A/RES/78/8 -> A/RES/79/4 takes note of the General Conference's resolutions and decisions.
    # Before, "GC([-67-]{+68+})/[-RES/7-]{+RES/8+}": the bracket and "GC" kept as if unchanged; and the
    # decision dropped was struck from inside one title to inside the next ("XIV.A[- of the Statute”;
    # GC(67)/DEC/10, entitled “Amendment to Article VI-] of the Statute”"): the same words, and as few
    # of them, so only the quotation marks tell the two places apart. Read from the raw PDF text and
    # from the corpus's own paragraphs alike.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs, resolution

    a, b = next((a, b) for a, b in load_pairs() if a["symbol"] == "A/RES/78/8")
    raw = _corpus_word_diff("A/RES/78/8", "A/RES/79/4", "Takes note of resolutions")
    own = [next(p.text for p in resolution(row).operative if p.text.startswith("Takes note of")) for row in (a, b)]
    for old, new, ops in (raw, (*own, word_diff(*own))):
        assert old_text(ops) == old and new_text(ops) == new
        changes = [(op, text) for op, text in ops if op != "equal"]
        assert changes[:4] == [
            ("delete", "GC(67)/RES/7"),
            ("insert", "GC(68)/RES/8"),
            ("delete", "GC(67)/RES/8"),
            ("insert", "GC(68)/RES/9"),
        ]
        assert ("delete", "GC(67)/DEC/10, entitled “Amendment to Article VI of the Statute”; ") in changes
        assert not any(re.search(r"^[^“]*”|“[^”]*$", text) for _, text in changes)  # no title's mark without its pair


def test_a_text_cut_where_words_diff_leaves_unchanged_edges_out_has_the_tokens_of_the_whole() -> None:
    # Every place _cut finds in the paragraphs of A/RES/78/69 (symbols, dates, footnote blocks).
    cuts = 0
    for p in (*_corpus_resolution("A/RES/78/69").preamble, *_corpus_resolution("A/RES/78/69").operative):
        text = p.text
        for limit in range(1, len(text), 23):
            for step in (-1, 1):
                if at := words._cut(text, limit, step):
                    assert tokenize(text[:at]) + tokenize(text[at:]) == tokenize(text), (text, at)
                    cuts += 1
    assert cuts > 1000


def test_unchanged_edges_left_out_of_a_word_diff_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # The paragraphs of A/RES/78/69 -> 79/144 that changed, most of them in a few words.
    from resdraft.diff.align import align

    old, new = _corpus_resolution("A/RES/78/69").operative, _corpus_resolution("A/RES/79/144").operative
    pairs = [(old[i].text, new[j].text) for j, i in align(old, new).items() if old[i].text != new[j].text]
    trimmed = [word_diff(a, b) for a, b in pairs]
    assert sum(1 for a, b in pairs if sum(words._unchanged_edges(a, b))) > len(pairs) / 2
    monkeypatch.setattr(words, "_unchanged_edges", lambda a, b: (0, 0))
    assert [word_diff(a, b) for a, b in pairs] == trimmed


def test_a_page_header_moved_inside_a_paragraph_is_one_block_out_and_one_in() -> None:
    # The corpus's paragraphs keep page headers: in A/RES/78/190 -> 79/160's operative 1 the header
    # stands at the end of the old paragraph and in the middle of the new one. Compared token for
    # token, the spaces between replaced words outweigh the 35 words kept between; compared again
    # with spaces joined to their words, the paragraph's own words stay whole.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs, resolution

    old, new = next((resolution(a), resolution(b)) for a, b in load_pairs() if a["symbol"] == "A/RES/78/190")
    start = "Recalls the provisions of the Durban Declaration"
    ops = word_diff(*(next(p.text for p in res.operative if p.text.startswith(start)) for res in (old, new)))
    kept = [text for op, text in ops if op == "equal"]
    assert any(
        "the media and new technologies, including the Internet, and full respect for the freedom to seek" in k for k in kept
    )
    assert [op for op, _ in ops if op != "equal"] == ["insert", "delete"]


def test_words_kept_at_the_edge_of_a_replacement_are_not_marked() -> None:
    # With spaces joined to words, "reports" (before a comma) and "reports " are two tokens, so the
    # diff replaces one with the other (A/RES/78/…, "periodic reports, notes" become "periodic
    # reports to the Committee …, notes"); the replacement is told as the words added.
    from resdraft.diff.words import _refine

    assert _refine([("equal", "periodic "), ("delete", "reports"), ("insert", "reports to the Committee")]) == [
        ("equal", "periodic reports"),
        ("insert", " to the Committee"),
    ]
    assert _refine([("delete", "the report"), ("insert", "report")]) == [("delete", "the "), ("equal", "report")]
    assert _refine([("delete", "report"), ("insert", "reports")]) == [("delete", "report"), ("insert", "reports")]


# ------------------------------------------------------------------ inputs


def test_a_git_revision_of_a_draft_compares_like_the_file(tmp_path: Path, library: Path) -> None:
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q", str(library)], check=True)
    subprocess.run([*git, "-C", str(library), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(library), "commit", "-qm", "library"], check=True)
    draft = library / "drafts" / "aalco-52.yaml"
    draft.write_text(draft.read_text().replace("  - aalco.mandates-committee-of-experts-mla\n", ""), encoding="utf-8")
    import os

    cwd = os.getcwd()
    os.chdir(library)
    try:
        data = _json("HEAD:drafts/aalco-52.yaml", "drafts/aalco-52.yaml")
    finally:
        os.chdir(cwd)
    assert data["summary"]["operative"] == {
        "unchanged": 3,
        "modified": 0,
        "inserted": 0,
        "deleted": 1,
        "moved": 0,
        "formatting": 0,
        "alike": 0,
    }
    assert data["old"]["source"] == "HEAD:drafts/aalco-52.yaml"


def test_documents_the_project_wrote_compare_like_their_drafts(tmp_path: Path) -> None:
    from resdraft.build import build

    for suffix, fmt in ((".md", "md"), (".txt", "txt"), (".docx", "docx")):
        old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
        for path, name in ((old, "aalco-50"), (new, "aalco-52")):
            data = build(ROOT / "drafts" / f"{name}.yaml", fmt)
            path.write_bytes(data if isinstance(data, bytes) else data.encode())
        got = _json(str(old), str(new))
        counts = {"unchanged": 3, "modified": 2, "inserted": 1, "deleted": 1, "moved": 0}
        assert got["summary"]["preamble"] == {**counts, "formatting": 0 if suffix == ".txt" else 5, "alike": 0}, (
            suffix
        )  # (plain text has none)
        assert got["summary"]["operative"]["modified"] == 1, suffix


# ------------------------------------------------------------------ bad input


def _fails(*args: str) -> str:
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output


def test_missing_file_is_a_clear_error() -> None:
    out = _fails(str(ROOT / "drafts/aalco-50.yaml"), "drafts/nope.yaml")
    assert "no such file" in out and "hint:" in out


def test_unsupported_format_is_a_clear_error(tmp_path: Path) -> None:
    odd = tmp_path / "resolution.odt"
    odd.write_bytes(b"x")
    out = _fails(str(odd), str(ROOT / "drafts/aalco-50.yaml"))
    assert "cannot read .odt documents" in out
    assert "soffice --headless --convert-to docx resolution.odt" in out  # another word processor's file: how to convert it
    other = tmp_path / "resolution.xyz"
    other.write_bytes(b"x")
    assert "use a draft (.yaml)" in _fails(str(other), str(ROOT / "drafts/aalco-50.yaml"))
    # Word's own files with macros or as a template (Word audit): told how to make a .docx of them.
    for suffix in (".docm", ".dotx"):
        word = tmp_path / f"resolution{suffix}"
        word.write_bytes(b"x")
        assert "save it from Word or LibreOffice as a Word document (.docx)" in _fails(
            str(word), str(ROOT / "drafts/aalco-50.yaml")
        )


def test_a_bad_file_at_a_git_revision_is_named_as_at_that_revision(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A draft or clause file broken in a commit was named by the temporary copy the diff read it
    # from ("/tmp/tmpwmqwcto2/drafts/aalco-52.yaml:4: invalid YAML …"), a file the user cannot open.
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-C", str(library)]
    subprocess.run([*git[:-2], "init", "-q", str(library)], check=True)
    draft, clauses = library / "drafts" / "aalco-52.yaml", library / "clauses" / "aalco-trafficking.yaml"
    good_draft, good_clauses = draft.read_text(encoding="utf-8"), clauses.read_text(encoding="utf-8")
    draft.write_text(good_draft.replace("session: 52", "session: [52"), encoding="utf-8")
    clauses.write_text(
        good_clauses.replace("  - id: aalco.decides-provisional-agenda", "  - id: [aalco.decides"), encoding="utf-8"
    )
    (library / "old.md").write_text("not a resolution\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "broken"], check=True)
    draft.write_text(good_draft, encoding="utf-8")
    clauses.write_text(good_clauses, encoding="utf-8")
    monkeypatch.chdir(library / "drafts")
    out = _fails("HEAD:aalco-52.yaml", "aalco-52.yaml")
    assert out.startswith("HEAD:aalco-52.yaml:4: invalid YAML"), out
    assert "tmp" not in out
    subprocess.run([*git, "commit", "-qm", "draft mended", str(draft)], check=True)  # (the clauses still broken there)
    out = _fails("HEAD:aalco-52.yaml", "aalco-52.yaml")
    assert out.startswith("HEAD:../clauses/aalco-trafficking.yaml:"), out
    out = _fails("HEAD:../old.md", "aalco-52.yaml")
    assert out.startswith("HEAD:../old.md: no resolution found"), out


def test_unknown_git_revision_is_a_clear_error() -> None:
    out = _fails("no-such-rev-123:drafts/aalco-50.yaml", str(ROOT / "drafts/aalco-50.yaml"))
    assert "no-such-rev-123" in out


def test_documents_of_different_bodies_compare_with_a_warning() -> None:
    result = runner.invoke(app, ["diff", str(ROOT / "drafts/aalco-52.yaml"), str(ROOT / "drafts/aipo-27.yaml")])
    assert result.exit_code == 0
    assert "different bodies" in result.output


def test_unknown_diff_format_is_a_clear_error() -> None:
    assert "unknown diff format" in _fails(str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml"), "--to", "pdf")


def test_a_corrupt_word_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    out = _fails(str(broken), str(ROOT / "drafts/aalco-50.yaml"))
    assert "broken.docx" in out and "hint:" in out


def test_a_text_file_that_is_no_resolution_is_a_clear_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list: milk, bread.\n", encoding="utf-8")
    out = _fails(str(notes), str(ROOT / "drafts/aalco-50.yaml"))
    assert "notes.txt" in out and "hint:" in out


def _apply(old: str, replacements: list[tuple[str, str]]) -> str:
    """The old paragraph with each (old words, new words) replaced where it stands, as a reader
    of the amendments would do it: the old words are found once in the old text."""
    spans = []
    for was, now in replacements:
        (found,) = list(re.finditer(rf"(?<!\w)(?={re.escape(was)}(?!\w))", old))
        spans.append((found.start(), found.start() + len(was), now))
    out, at = [], 0
    for start, end, now in sorted(spans):
        assert start >= at, "amendments of one paragraph never overlap"
        out += [old[at:start], now]
        at = end
    return "".join([*out, old[at:]])


def _spaced(text: str) -> str:
    """A text with its spacing tidied as a reader would after striking words: single spaces, none before a mark."""
    return re.sub(r" ([,.;:])", r"\1", " ".join(text.split()))


def test_amendments_turn_each_old_paragraph_into_the_new_one() -> None:
    # Every modified paragraph of 20 GA pairs read from their raw PDF text: the replacements the
    # amendments table, applied to the old paragraph, give the new one (spacing aside).
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.render.amendments import replacements

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs

    checked = 0
    for a, b in load_pairs()[:20]:
        diff = compare(parse_pdf_text(a["text"]), parse_pdf_text(b["text"]))
        for change in (*diff.preamble, *diff.operative):
            if change.status != "modified" or change.old is None or change.new is None or change.old.text == change.new.text:
                continue
            got = _apply(change.old.text, replacements(change.ops))
            assert _spaced(got) == _spaced(change.new.text), change.new.text[:80]
            checked += 1
    assert checked > 200


@given(TEXTS, TEXTS)
def test_amendments_applied_in_turn_give_the_new_text(a: str, b: str) -> None:
    from resdraft.render.amendments import replacements

    table = replacements(word_diff(a, b))
    got = table[0][1] if table and not table[0][0] else _apply(a, table)
    assert _spaced(got) == _spaced(b)


def test_two_drafts_of_one_library_read_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A diff of two sessions: on the 659-resolution corpus library the second reading cost 0.5 s.
    import resdraft.build
    from resdraft.sources import read_documents

    opened = []
    real = resdraft.build.open_library
    monkeypatch.setattr(resdraft.build, "open_library", lambda path: opened.append(path) or real(path))
    a, b = read_documents([str(ROOT / "drafts" / "aalco-50.yaml"), str(ROOT / "drafts" / "aalco-52.yaml")])
    assert len(opened) == 1
    assert a.resolution.session.number == 50 and b.resolution.session.number == 52


def test_a_paragraph_gone_from_the_operative_part_to_the_preamble_says_where_it_went() -> None:
    # A/RES/78/234 -> A/RES/79/161: last year's operative "Welcomes the establishment of an
    # international independent expert mechanism" is this year's preambular "Welcoming …". The parts
    # are numbered apart, so it stays a deletion and an insertion, each saying where the other is.
    from resdraft.diff.model import Place
    from resdraft.render.criticmarkup import render_criticmarkup
    from resdraft.render.diffjson import to_data
    from resdraft.render.diffterm import render_terminal

    diff = compare(_corpus_resolution("A/RES/78/234"), _corpus_resolution("A/RES/79/161"))
    opening = "the establishment of an international independent expert mechanism"
    gone = next(c for c in diff.operative if c.status == "deleted" and c.old and c.old.text.startswith(f"Welcomes {opening}"))
    came = next(c for c in diff.preamble if c.status == "inserted" and c.new and c.new.text.startswith(f"Welcoming {opening}"))
    assert gone.elsewhere and gone.elsewhere.place == Place("preamble", 25, None, "new") and gone.elsewhere.paragraph == came.new
    assert came.elsewhere and came.elsewhere.place == Place("operative", gone.old_index or 0, 27, "old")
    assert came.elsewhere.ops[:2] == (("delete", "Welcomes"), ("insert", "Welcoming"))  # the words as they went
    assert diff.summary()["operative"]["moved"] == 0  # not a move within the part
    terminal = render_terminal(diff)
    assert "op. 27 → —  deleted, moved to pp. 26" in terminal
    assert f"— → pp. 26  inserted, moved from op. 27\n  [-Welcomes-]{{+Welcoming+}} {opening}" in terminal
    places = [{k: p["elsewhere"][k] for k in ("part", "index", "number")} for p in to_data(diff)["paragraphs"] if p["elsewhere"]]
    assert {"part": "operative", "index": gone.old_index, "number": 27} in places
    assert "{>>moved from operative paragraph 27<<}" in render_criticmarkup(diff)


def test_paragraphs_of_the_two_parts_sharing_only_a_formula_are_not_said_to_have_moved() -> None:
    # A/RES/78/232 -> A/RES/79/203: the preambular "Looking forward also to the convening of the
    # first Global Supply Chain Forum …" went, and an operative "Looks forward to the convening of
    # the Fourth International Conference on Financing for Development …" came: two events, not one
    # paragraph. The Small Island Developing States conference, operative then preambular, is one.
    diff = compare(_corpus_resolution("A/RES/78/232"), _corpus_resolution("A/RES/79/203"))
    forum = next(c for c in diff.preamble if c.old and "Global Supply Chain Forum" in c.old.text)
    assert forum.status == "deleted" and forum.elsewhere is None
    sids = next(
        c for c in diff.operative if c.old and c.old.text.startswith("Looks forward to the fourth International Conference")
    )
    assert sids.status == "deleted" and sids.elsewhere is not None and sids.elsewhere.place.part == "preamble"


def test_a_paragraph_split_in_two_says_so_on_both_halves() -> None:
    # A/RES/78/136 -> A/RES/79/196: the end of operative 8 ("…, and remains concerned with the lack
    # of participation of private creditors …") is operative 10 now. Paragraphs still pair one to
    # one; the two name each other, and the new one shows how its words changed.
    from resdraft.render.diffterm import render_terminal

    diff = compare(_corpus_resolution("A/RES/78/136"), _corpus_resolution("A/RES/79/196"))
    terminal = render_terminal(diff)
    assert "op. 8 → op. 9  modified, part split off as op. 10" in terminal
    came = "— → op. 10  inserted, split from op. 8\n  [-, and remains-]{+Remains+} concerned with the lack of participation"
    assert came in terminal
    (split,) = [c for c in diff.operative if c.elsewhere and c.status == "inserted"]
    assert split.elsewhere and split.elsewhere.kind == "split" and split.elsewhere.paragraph.text.startswith(", and remains")


def test_a_paragraph_merged_into_the_one_before_says_so_on_both() -> None:
    # A/RES/78/52 -> A/RES/79/51: operative 11 ("Welcomes the report … about the practical
    # implementation of transparency and confidence-building measures …") runs on at the end of
    # operative 10 ("…, as well as the practical implementation of such measures …").
    from resdraft.render.diffterm import render_terminal

    terminal = render_terminal(compare(_corpus_resolution("A/RES/78/52"), _corpus_resolution("A/RES/79/51")))
    assert "op. 10 → op. 10  modified, merged with op. 11" in terminal
    assert "op. 11 → —  deleted, merged into op. 10" in terminal


def test_three_paragraphs_run_into_one_are_two_merges_into_it() -> None:
    # The corpus's paragraphs of A/RES/79/160 run operatives 25 to 27 into one (two paragraph
    # numbers lost their dots: "…“pure” nations;14 26 Condemns … belief; 27 Affirms …"). Both old
    # paragraphs name the one they ran on into, each with its own words.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_diff import load_pairs, resolution

    old, new = next((resolution(a), resolution(b)) for a, b in load_pairs() if a["symbol"] == "A/RES/78/190")
    diff = compare(old, new)
    merged = [c for c in diff.operative if c.elsewhere and c.elsewhere.kind == "merged"]
    assert [(c.status, c.elsewhere_note()) for c in merged] == [
        ("modified", "merged with op. 26"),
        ("deleted", "merged into op. 25"),
        ("deleted", "merged into op. 25"),
    ]
    pieces = [c.elsewhere.paragraph.text for c in merged[1:] if c.elsewhere]
    assert pieces[0].strip().startswith("26 Condemns without reservation") and "Affirms" not in pieces[0]
    assert pieces[1].strip().startswith("27 Affirms its deep commitment")
    assert merged[0].new is not None and merged[0].new.text.endswith("".join(pieces))


def test_a_paragraph_a_pair_of_too_few_words_would_take_pairs_with_its_own() -> None:
    # S/RES/1784 (2007) -> 1812 (2008): operative 9 ("Urges UNMIS, … to increase its support for the
    # … DDR Commissions and further urges donors to respond to calls for assistance from the joint
    # United Nations DDR Unit") paired first with the new operative 15 ("Urges UNMIS, … to begin
    # immediate preparations to support the conduct of national elections …"), whose letters and
    # opening are alike; that pair kept too few words and parted, and operative 9 showed deleted
    # beside the new operatives 11 and 12 that continue it. A/RES/78/69 -> 79/144: operative 106
    # ("Takes note of the requests by the Commission for upgrades …") and 100 ("Recalls its request
    # to the Secretary-General to provide upgrades …") the same way.
    from resdraft.render.diffterm import render_terminal

    old, new = (read_document(str(next((CORPUS / "unsc-unmis").glob(f"UNSC_S-RES-{n}-*.txt")))) for n in (1784, 1812))
    terminal = render_terminal(compare(old.resolution, new.resolution))
    assert "op. 9 → op. 11  modified, part split off as op. 12" in terminal
    assert "— → op. 12  inserted, split from op. 9\n  [- and further-]{+Further+} urges donors to respond" in terminal
    diff = compare(_corpus_resolution("A/RES/78/69"), _corpus_resolution("A/RES/79/144"))
    upgrades = next(c for c in diff.operative if c.old and c.old.text.startswith("Takes note of the requests by the Commission"))
    assert (upgrades.status, upgrades.old_number, upgrades.new_number) == ("modified", 106, 100)


def test_a_rewritten_paragraph_beside_a_new_one_is_no_split() -> None:
    # A/RES/78/152 -> A/RES/79/205: operative 19, now 21 ("Welcomes the outcomes of the twenty-seventh
    # session … including the decision 20 on funding arrangements for responding to loss and damage
    # …"), is rewritten, and the new operative 20 before it ("Welcomes the operationalization of the
    # new funding arrangements …") shares a phrase with what was struck: too few words for a split.
    diff = compare(_corpus_resolution("A/RES/78/152"), _corpus_resolution("A/RES/79/205"))
    assert [c.elsewhere_note() for c in (*diff.preamble, *diff.operative) if c.elsewhere] == []


def test_footnotes_pair_through_their_anchors_and_report_what_changed() -> None:
    # A/RES/78/64 -> 79/75 (Certain Conventional Weapons): a footnote dropped from the preamble
    # renumbers those after it, so the old footnote 15 of operative 8 is footnote 14 now, its
    # document symbol updated; and operative 8 gained a footnote.
    from conftest import ga_pair
    from resdraft.render.diffjson import to_data
    from resdraft.render.diffterm import render_terminal

    diff = compare(*ga_pair("A/RES/78/64"))
    notes = {(f.old.marker if f.old else None, f.new.marker if f.new else None): f for f in diff.footnotes}
    renumbered = notes[("15", "14")]
    assert renumbered.status == "modified" and renumbered.place is not None and renumbered.place.short == "op. 8"
    assert ("delete", "CCW/P.V/CONF/2022/4") in renumbered.ops and ("insert", "CCW/P.V/CONF/2023/5") in renumbered.ops
    assert notes[(None, "15")].status == "inserted" and notes[("11", None)].status == "deleted"
    assert sum(f.status == "unchanged" for f in diff.footnotes) > 5
    text = render_terminal(diff)
    assert "fn 15 → fn 14  modified (op. 8)\n  [-CCW/P.V/CONF/2022/4-]{+CCW/P.V/CONF/2023/5+}." in text
    assert "— → fn 15  inserted (op. 8)\n  {+CCW/AP.II/CONF.25/5.+}" in text
    entry = next(f for f in to_data(diff)["footnotes"] if f["old_marker"] == "15")
    assert entry["new_marker"] == "14" and entry["place"] == {"text": "new", "part": "operative", "index": 7, "number": 8}


def test_footnotes_in_changed_words_pair_only_when_they_keep_half_their_words() -> None:
    # A/RES/78/244 -> 79/247: in operative 9 the anchor stands in rewritten words, and the report
    # it cites is the next session's ("Seventy-[-eighth-]{+ninth+} Session"): one footnote. In the
    # fourth preambular paragraph the footnote cites the session's document, "A/C.5/78/12." then
    # "A/C.5/79/14.": a footnote of nothing but figures, the same footnote modified.
    from conftest import ga_pair

    diff = compare(*ga_pair("A/RES/78/244"))
    notes = {(f.old.marker if f.old else None, f.new.marker if f.new else None): f for f in diff.footnotes}
    assert notes[("7", "8")].status == "modified" and ("insert", "Seventy-ninth") in notes[("7", "8")].ops
    assert notes[("5", "5")].status == "modified"
    # Footnotes whose words are others stay two: a footnote dropped, another added.
    diff = compare(*ga_pair("A/RES/78/234"))
    assert [f.status for f in diff.footnotes if f.new and f.new.text == "A/HRC/57/69."] == ["inserted"]


def test_every_footnote_of_both_texts_is_reported_once() -> None:
    # Over 20 GA pairs read from their PDF text (396 footnotes in all): each footnote of the old
    # text stands in exactly one entry as `old`, each of the new text in exactly one as `new`.
    from conftest import ROOT as root
    from resdraft.importers.pdftext import parse_pdf_text

    sys.path.insert(0, str(root / "benchmarks"))
    from bench_diff import load_pairs

    seen = 0
    for a, b in load_pairs()[:20]:
        old, new = parse_pdf_text(a["text"]), parse_pdf_text(b["text"])
        diff = compare(old, new)
        assert sorted(id(f.old) for f in diff.footnotes if f.old) == sorted(id(n) for n in old.footnotes), a["symbol"]
        assert sorted(id(f.new) for f in diff.footnotes if f.new) == sorted(id(n) for n in new.footnotes), a["symbol"]
        seen += len(old.footnotes) + len(new.footnotes)
    assert seen == 396


def test_words_only_added_are_inserted_after_the_words_before_them() -> None:
    # A/RES/78/38 -> 79/27 recalls one more resolution at the end of its list. The amendment read
    # "replace “on” with “and 78/38 of 4 December 2023 on”"; a delegation tables it as an insertion.
    from conftest import ga_pair
    from resdraft.render.amendments import render_amendments

    text = render_amendments(compare(*ga_pair("A/RES/78/38")))
    assert text.splitlines()[0] == (
        "1. In the second preambular paragraph, replace “2021 and” with “2021,” "
        "and insert “and 78/38 of 4 December 2023” after “2022”."
    )


def test_files_named_with_a_leading_dot_slash_are_files_not_git_revisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `resdraft diff ./a.txt ./b.txt` was read as the git revision "./a.txt" ("not inside a git repository").
    from conftest import ga_text

    for symbol in ("A/RES/78/38", "A/RES/79/27"):
        ga_text(tmp_path, symbol)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", "./A-RES-78-38.txt", "./A-RES-79-27.txt", "--to", "amendments"])
    assert result.exit_code == 0, result.output
    assert "In operative paragraph 8, replace “seventy-ninth” with “eightieth”." in result.output


def test_a_change_no_reader_could_see_is_named_in_the_terminal_and_tabled_as_no_amendment() -> None:
    # A/RES/78/272 -> 79/271, operative paragraph 15 as the corpus's paragraphs give it: the 79th
    # session's PDF prints "non‑governmental" with a non-breaking hyphen. The terminal showed
    # "non[---]{+‑+}governmental", and the amendments replaced “non-governmental” with itself.
    from conftest import ga_paragraphs_pair
    from resdraft.render.amendments import render_amendments

    diff = compare(*ga_paragraphs_pair("A/RES/78/272"))
    invites = next(c for c in diff.operative if c.old is not None and c.old.text.startswith("Invites Member States"))
    assert ("delete", "-") in invites.ops and ("insert", "\u2011") in invites.ops  # (the diff keeps the characters)
    assert old_text(invites.ops) == invites.old.text and invites.new is not None and new_text(invites.ops) == invites.new.text
    assert "organizations, non[-<hyphen>-]{+<non-breaking hyphen>+}governmental organizations" in render_terminal(diff)
    amendments = render_amendments(diff)
    assert "non-governmental" not in amendments and "non\u2011governmental" not in amendments
    assert "5. In operative paragraph 15, replace “fund;” with “fund to assist developing countries" in amendments


def test_paragraphs_changed_only_in_characters_that_print_alike_are_said_to_be() -> None:
    # A/RES/78/69 -> 79/144 from the corpus's paragraphs: four paragraphs whose only change is
    # the 79th session's non-breaking hyphens; the paragraph beside them with words changed too is not one.
    from conftest import ga_paragraphs_pair

    diff = compare(*ga_paragraphs_pair("A/RES/78/69"))
    shown = render_terminal(diff)
    assert "(4 only in characters that print alike)" in shown.splitlines()[5]
    alike = [line.split("  ")[0] for line in shown.splitlines() if line.endswith(", only in characters that print alike")]
    assert alike == ["op. 48 → op. 48", "op. 60 → op. 61", "op. 99 → op. 94", "op. 331 → op. 331"]
    assert sum(c.alike for c in diff.operative) == 4
    assert all(old_text(c.ops) != new_text(c.ops) for c in diff.operative if c.alike)


def test_only_changes_that_print_alike_are_unseen() -> None:
    from resdraft.diff.unseen import note, seen, unseen

    nbsp = word_diff("the UN Convention", "the UN\u00a0Convention")
    assert unseen(nbsp) and note(nbsp) == "space → no-break space"
    assert seen(nbsp) == [("equal", "the UN\u00a0Convention")]
    soft = word_diff("intergovern\u00admental", "intergovernmental")
    assert note(soft) == "soft hyphen → nothing" and seen(soft) == [("equal", "intergovernmental")]
    for old, new in (
        ("Kunming Montreal", "Kunming-Montreal"),  # a space become a hyphen: seen
        ("the Convention", "the UN\u00a0Convention"),  # a no-break space inside words inserted
        ("first session", "second session"),
        ("a  b", "a b"),  # two spaces become one
    ):
        ops = word_diff(old, new)
        assert not unseen(ops) and note(ops) == "" and seen(ops) == ops, (old, new)


def test_a_change_no_reader_sees_is_found_where_the_diff_splits_or_moves_it() -> None:
    # Cases the property below found: the diff keeps the other of two hyphens, or a stop or a letter
    # in place of a soft hyphen, so no one run of edits prints alike, but the runs together do.
    from resdraft.diff.unseen import note, only_unseen, seen
    from resdraft.render.diffterm import marked

    for old, new, said in (
        ("--", "\u2011-\u00ad", "hyphen hyphen → non-breaking hyphen hyphen soft hyphen"),
        ("\u00ad.", ".\u00ad", "soft hyphen moved"),
        ("a\u00ad\u00ad", "\u00ad\u00ada", "soft hyphen soft hyphen moved"),
    ):
        ops = word_diff(old, new)
        assert only_unseen(ops) and seen(ops) == [("equal", new)], ops
        assert note(ops) == said
    # The characters between the runs are named with them: the stop moved past a soft hyphen.
    assert marked(word_diff("\u00ad.", ".\u00ad")) == "{+.+}<soft hyphen>[-.-]"
    assert marked(word_diff("a\u00ad\u00ad", "\u00ad\u00ada")) == "[-a-]<soft hyphen><soft hyphen>{+a+}"
    # So on the review page, where the paragraph is one with no visible change.
    from resdraft.render.reviewhtml import render_review_html

    def text(words: str) -> Resolution:
        return _resolution([], [words])

    page = render_review_html(
        compare(text("Decides to remain seized of the matter\u00ad."), text("Decides to remain seized of the matter.\u00ad"))
    )
    assert ">no visible change</span>" in page
    soft = '<span class="char" title="U+00AD SOFT HYPHEN">soft hyphen</span>'
    assert f"matter{soft}<del>.</del></div>" in page  # (the old text, side by side)
    assert f"matter<ins>.</ins>{soft}<del>.</del></div>" in page  # (inline)
    # Runs apart by more than a few characters are each what they are.
    ops = word_diff("a - b and so on, c", "a \u2011 b and so on, c\u00ad")
    assert only_unseen(ops) and note(ops) == "hyphen → non-breaking hyphen; nothing → soft hyphen"


_LOOKALIKE_TEXT = st.text(alphabet="ab -.\u00a0\u2011\u00ad\u200b", max_size=24)


@given(_LOOKALIKE_TEXT, _LOOKALIKE_TEXT)
@settings(max_examples=400, deadline=None)
def test_changes_no_reader_sees_are_only_edits_and_leave_the_new_text_whole(old: str, new: str) -> None:
    from resdraft.diff.unseen import only_unseen, prints_alike, seen, unseen

    ops = word_diff(old, new)
    hidden = unseen(ops)
    assert all(ops[k][0] != "equal" or (0 < k < len(ops) - 1 and len(ops[k][1]) <= 4) for k in hidden)
    assert new_text(seen(ops)) == new  # (what an amendment works from: the new text, the unseen taken as unchanged)
    assert prints_alike(old_text(seen(ops)), old) or old_text(seen(ops)) == old
    if prints_alike(old, new):  # texts that print alike: every change is one no reader sees
        assert only_unseen(ops), ops
        assert all(op == "equal" for op, _ in seen(ops))


def test_a_title_changed_only_in_characters_that_print_alike_says_which() -> None:
    # Header lines are compared as words across their line breaks, and a no-break space (Word's
    # Ctrl+Shift+Space) was taken for one of those: "title: unchanged".
    from resdraft.render.amendments import render_amendments

    old = load_resolution(ROOT / "drafts" / "aalco-52.yaml")[0]

    def retitled(text: str) -> Resolution:
        lines = [dataclasses.replace(old.title[0], content=(Run(text),)), *old.title[1:]]
        return dataclasses.replace(old, title=tuple(lines))

    title = old.title[0].text
    diff = compare(old, retitled(title.replace("TRAFFICKING IN", "TRAFFICKING\u00a0IN")))
    shown = render_terminal(diff)
    assert "header: title modified" in shown
    assert "TRAFFICKING[-<space>-]{+<no-break space>+}IN WOMEN" in shown
    assert render_amendments(diff).startswith("No amendments: the words of the title")
    # Its lines broken elsewhere are the same title.
    assert "header: unchanged" in render_terminal(compare(old, retitled(title.replace("TRAFFICKING IN", "TRAFFICKING\nIN"))))
