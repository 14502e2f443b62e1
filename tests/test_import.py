"""`resdraft import`: documents become library clauses and a draft that rebuilds them, once."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, ROOT, ga_text
from resdraft.build import build, load_resolution
from resdraft.cli import app
from resdraft.library import open_library
from resdraft.library.drafts import symbol_name
from resdraft.library_import import import_document
from resdraft.lint import lint
from resdraft.sources import read_file
from resdraft.upkeep.lineage import wording

runner = CliRunner()
SEED = CORPUS / "seeds"


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Path]:
    """A new library (resdraft init) with its example clauses and draft removed."""
    root = tmp_path / "lib"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for path in (*(root / "clauses").iterdir(), *(root / "drafts").iterdir()):
        path.unlink()
    cwd = os.getcwd()
    os.chdir(root)
    yield root
    os.chdir(cwd)


def _same_paragraphs(draft: Path, source: Path) -> None:
    built = load_resolution(draft)[0]
    doc = read_file(source).resolution
    for part in ("preamble", "operative"):
        assert [[s.text for s in p.walk()] for p in getattr(built, part)] == [
            [s.text for s in p.walk()] for p in getattr(doc, part)
        ]
    assert [(n.marker, n.text) for n in built.footnotes] == [(n.marker, n.text) for n in doc.footnotes]


def test_a_resolution_the_library_already_holds_reuses_every_clause(library: Path) -> None:
    result = import_document(SEED / "aalco-52-res-s8-2013.md", start=library)
    assert len(result.reused) == 10 and not result.new and not result.variants and not result.warnings
    text = result.draft.read_text(encoding="utf-8")
    assert "secretariat_document: AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8" in text
    _same_paragraphs(result.draft, SEED / "aalco-52-res-s8-2013.md")


@pytest.mark.parametrize(
    ("seed", "reused"),
    [
        ("aalco-50-secretariat-brief-2011.md", 10),
        ("aalco-52-res-s8-2013.md", 10),
        ("aipo-26ga-res-soc-03-2005.md", 11),
        ("aipo-27ga-res-soc-01-2006.md", 8),
        ("unga-64-c3-revised-draft-2009.md", 31),
    ],
)
def test_each_seed_is_the_example_library_again(library: Path, seed: str, reused: int) -> None:
    # The example library was built from the five seeds by hand, so importing one into it finds
    # every paragraph's clause: among them clauses that write the body as `{{ body.short_name }}`
    # and the next session as `{{ session.next.ordinal_sup }}` (28^th^), paragraphs with
    # sub-paragraphs, paragraphs that end a list's "… and;" or "…, and" (`end: " and;"` in the
    # example draft), and AIPO's punctuation of 2006 (full stops after operative paragraphs).
    # Before, AIPO 26 and 27 gave 10 and 2 reused and 1 and 5 rewordings.
    result = import_document(SEED / seed, start=library)
    assert (len(result.reused), result.new, result.variants) == (reused, [], [])
    _same_paragraphs(result.draft, SEED / seed)


def test_an_import_keeps_the_documents_punctuation_once_for_the_draft(empty: Path) -> None:
    # AIPO 27 ends its operative paragraphs and its last preambular list with full stops, where
    # the AIPA house style has semicolons: the draft says so in `style:`, as the example draft
    # does by hand, not as an `end: .` on each paragraph.
    result = import_document(SEED / "aipo-27ga-res-soc-01-2006.md")
    draft = result.draft.read_text(encoding="utf-8")
    assert "style:\n  punctuation:\n    preambular_last: .\n    operative: .\n" in draft
    assert "end: ." not in draft
    _same_paragraphs(result.draft, SEED / "aipo-27ga-res-soc-01-2006.md")


def test_importing_the_same_file_twice_changes_nothing(empty: Path) -> None:
    import_document(SEED / "unga-64-c3-revised-draft-2009.md")
    before = {p: p.read_bytes() for p in empty.rglob("*.yaml")}
    again = import_document(SEED / "unga-64-c3-revised-draft-2009.md")
    assert again.written == [] and len(again.reused) == 31
    assert {p: p.read_bytes() for p in empty.rglob("*.yaml")} == before


def test_a_paragraph_with_sub_paragraphs_is_its_clause_when_every_sub_paragraph_is(empty: Path) -> None:
    # AIPO 27's "Considering … note that:" and "Advise … to:" have six and four sub-paragraphs.
    # Imported again, they are the clauses the first import made (before, two more rewordings).
    first = import_document(SEED / "aipo-27ga-res-soc-01-2006.md")
    before = {p: p.read_bytes() for p in empty.rglob("*.yaml")}
    again = import_document(SEED / "aipo-27ga-res-soc-01-2006.md")
    assert len(again.reused) == 8 and not again.new and not again.variants and again.written == []
    assert {p: p.read_bytes() for p in empty.rglob("*.yaml")} == before
    considering = next(c for c in first.new if "considering" in c)
    assert len(open_library(empty).clauses[considering].subparagraphs) == 6
    # One sub-paragraph's words changed: no longer that clause, but a rewording of it.
    seed = (SEED / "aipo-27ga-res-soc-01-2006.md").read_text(encoding="utf-8")
    changed = empty / "aipo-27-changed.md"
    changed.write_text(seed.replace("through a single piece of legislation", "through a single act"), encoding="utf-8")
    result = import_document(changed, name="aipo-27-changed")
    assert considering not in result.reused and considering in dict(result.variants).values()


def test_the_venue_and_meeting_days_become_facts_the_next_session_asks_for(empty: Path) -> None:
    # AIPO 27 closes "Adopted this 14th day of September, 2006 in Cebu City, Philippines." under
    # "27TH GENERAL ASSEMBLY 10 – 15 SEPTEMBER 2006, …". Kept as a literal closing formula, the
    # draft rolled to the 28th session still said it was adopted in Cebu City in 2006.
    result = import_document(SEED / "aipo-27ga-res-soc-01-2006.md")
    draft = result.draft.read_text(encoding="utf-8")
    assert "venue: Cebu City, Philippines\nmeeting_dates: 10 – 15 September 2006\n" in draft
    assert "closing:" not in draft
    built = load_resolution(result.draft)[0]
    assert (
        built.closing is not None and built.closing.text == "Adopted this 14th day of September, 2006 in Cebu City, Philippines."
    )
    assert "10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES" in " ".join(line.text for line in built.header)
    rolled = runner.invoke(app, ["new", str(result.draft), "--session", "28"])
    assert "to fill in: venue: venue of the 28th-session document (was Cebu City, Philippines)" in rolled.output
    assert "to fill in: meeting_dates:" in rolled.output


def test_a_venue_printed_only_in_the_assembly_line_is_a_fact_too(empty: Path) -> None:
    # AIPO 26 has no closing formula: "Vientiane, Lao PDR" stands only in "26TH GENERAL ASSEMBLY
    # 18 – 23 SEPTEMBER 2005, VIENTIANE, LAO PDR.", and the rebuilt line lost it.
    result = import_document(SEED / "aipo-26ga-res-soc-03-2005.md")
    assert "venue: Vientiane, Lao PDR\nmeeting_dates: 18 – 23 September 2005\n" in result.draft.read_text(encoding="utf-8")
    (built,) = [line.text for line in load_resolution(result.draft)[0].header if line.role == "assembly"]
    (printed,) = [
        line.text for line in read_file(SEED / "aipo-26ga-res-soc-03-2005.md").resolution.header if line.role == "assembly"
    ]
    assert built == printed.rstrip(".") == "26TH GENERAL ASSEMBLY 18 – 23 SEPTEMBER 2005, VIENTIANE, LAO PDR"


def test_a_resolution_under_two_agenda_items_keeps_the_plural(empty: Path, tmp_path: Path) -> None:
    # A/RES/78/128 is under "Agenda items 13 and 117"; the draft rebuilt it as "Agenda item 13 and 117".
    source = ga_text(tmp_path, "A/RES/78/128")
    result = import_document(source)
    agenda = [line.text for line in load_resolution(result.draft)[0].header if line.role == "agenda-item"]
    assert agenda == [line.text for line in read_file(source).resolution.header if line.role == "agenda-item"]
    assert agenda[0].startswith("Agenda items ")


def test_an_adopted_resolution_rebuilds_with_its_adoption_and_report_lines(empty: Path, tmp_path: Path) -> None:
    # A/RES/79/161 was adopted "on 17 December 2024" "[on the report of the Third Committee (A/79/456,
    # para. 31)]" under "United Nations"; its draft rebuilt the masthead of a draft resolution
    # ("Original: English") without them. The next session's text is a draft again, not adopted.
    source = ga_text(tmp_path, "A/RES/79/161")
    result = import_document(source)
    draft = result.draft.read_text(encoding="utf-8")
    assert (
        "\nadopted: 2024-12-17\nmeeting: 53rd plenary meeting\nreport: on the report of the Third Committee (A/79/456, para. 31)\n"
        in draft
    )
    assert "closing" not in draft, "the house style closes it from the facts"
    built = load_resolution(result.draft)[0]
    assert built.closing is not None and built.closing.text == "53rd plenary meeting\n17 December 2024"
    assert built.closing == read_file(source).resolution.closing
    lines = {line.role: line.text for line in built.header}
    original = {line.role: line.text for line in read_file(source).resolution.header}
    for role in ("organization", "adoption", "report", "symbol", "session", "agenda-item"):
        assert lines[role] == original[role], role
    assert "language" not in lines and "language" not in original
    # Its Word output imports back with the same facts.
    word = tmp_path / "built.docx"
    word.write_bytes(build(result.draft, "docx"))  # type: ignore[arg-type]
    with zipfile.ZipFile(word) as z:  # the meeting over the day, as the UN Editorial Manual sets them
        document = z.read("word/document.xml").decode()
    assert '53rd plenary meeting</w:t><w:br/><w:t xml:space="preserve">17 December 2024</w:t>' in document
    # ... and never alone on a page: the last paragraph is kept with it.
    last, closing = document.rsplit("<w:p>", 2)[1:]
    assert '<w:pStyle w:val="ClosingFormula"/>' in closing and "<w:keepNext/>" in last
    again = import_document(word, name="built").draft.read_text(encoding="utf-8")
    assert "\nstatus: adopted\n" in again
    assert (
        "\nadopted: 2024-12-17\nmeeting: 53rd plenary meeting\nreport: on the report of the Third Committee (A/79/456, para. 31)\n"
        in again
    )
    rolled = runner.invoke(app, ["new", str(result.draft), "--session", "80"])
    assert rolled.exit_code == 0, rolled.output
    assert "left out: adopted (was 17 December 2024): the new text is a draft" in rolled.output
    assert "left out: meeting (was 53rd plenary meeting): the new text is a draft" in rolled.output
    next_session = load_resolution(empty / "drafts" / "unga-80-global-call-concrete-action-elimination.yaml")[0]
    assert next_session.closing is None, "no meeting of the 79th session under the 80th's draft"
    header = {line.role: line.text for line in next_session.header}
    assert "adoption" not in header and "report" not in header and "organization" not in header
    assert header["language"] == "Original: English"


def test_an_adopted_resolutions_draft_rebuilds_its_masthead_in_order_and_its_numbered_title(empty: Path, tmp_path: Path) -> None:
    # The PDF text gives the masthead's two columns row by row ("United Nations", "A/RES/78/228",
    # "General Assembly" …) and the title after its number; the import read them so and the draft
    # rebuilt them in the house style's order without the number, so that a redline of the
    # imported text against its own draft struck and inserted the organ line and the number.
    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.render.redline import render_redline

    source = ga_text(tmp_path, "A/RES/78/228")
    document = read_file(source).resolution
    built = load_resolution(import_document(source).draft)[0]
    assert [(line.role, line.text) for line in built.header] == [(line.role, line.text) for line in document.header]
    assert [(line.label, line.text) for line in built.title] == [("78/228.", document.title[0].text)]
    assert [(line.label, line.text) for line in document.title] == [("78/228.", document.title[0].text)]
    redline = render_redline(compare(document, built), word_style_for("unga", str(empty / "templates")))
    with zipfile.ZipFile(io.BytesIO(redline)) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:ins " not in body and "<w:del " not in body and "<w:moveTo " not in body


def test_an_aipo_document_rolled_past_the_renaming_names_the_assembly_it_means(empty: Path) -> None:
    # AIPO 27 (2006): "the 28^th^ AIPO General Assembly" and its transition formula "the 27th AIPO
    # General Assembly" mean the body as it is; "the AIPO 23^rd^ General Assembly Resolution" an act
    # of AIPO's; "the AIPO Meeting … in July 2006" may be either, so it stays, for lint to name.
    result = import_document(SEED / "aipo-27ga-res-soc-01-2006.md")
    clauses = (empty / "clauses" / "imported" / "27ga-06-soc-01.yaml").read_text(encoding="utf-8")
    assert "{{ session.next.ordinal_sup }} {{ body.short_name }} General Assembly" in " ".join(clauses.split())
    assert "the AIPO 23^rd^ General Assembly Resolution" in clauses and "the AIPO Meeting" in clauses
    # (both formulas as the document sets them: the enacting formula plain, this one bold italic,
    # its ordinal's letters raised, as drafts/aipo-27.yaml has them)
    draft = " ".join(result.draft.read_text(encoding="utf-8").split())
    assert "enacting: 'The {{ session.ordinal_title }} General Assembly:'" in draft
    assert "transition: '***Accepting all of the above, the {{ session.ordinal_sup }} {{ body.short_name }} General" in draft
    _same_paragraphs(result.draft, SEED / "aipo-27ga-res-soc-01-2006.md")
    assert runner.invoke(app, ["new", str(result.draft), "--session", "28"]).exit_code == 0
    aipa = load_resolution(empty / "drafts" / "aipa-28-legal-cooperation-combat-trafficking-persons.yaml")[0]
    assert (
        aipa.transition is not None
        and aipa.transition.text == "Accepting all of the above, the 28th AIPA General Assembly hereby resolves to:"
    )
    assert "to report the above to the 29th AIPA General Assembly" in aipa.operative[0].text
    assert "the AIPO 23rd General Assembly Resolution" in aipa.preamble[0].text
    lint = runner.invoke(app, ["lint", str(empty / "drafts" / "aipa-28-legal-cooperation-combat-trafficking-persons.yaml")])
    assert "[former-name] preamble paragraph 2: “AIPO”" in lint.output


def test_next_session_reuses_recurring_clauses_and_links_reworded_ones(empty: Path) -> None:
    import_document(SEED / "aalco-50-secretariat-brief-2011.md", name="aalco-50")
    result = import_document(SEED / "aalco-52-res-s8-2013.md", name="aalco-52")
    assert len(result.reused) == 7 and len(result.variants) == 1 and len(result.new) == 2
    library = open_library(empty)
    new_id, old_id = result.variants[0]
    assert library.clauses[new_id].opening == "Being Mindful" and library.clauses[old_id].opening == "Mindful of"
    decides = library.clauses[next(c for c in result.reused if "decides" in c)]
    assert "{{ session.next.ordinal_title }}" in decides.text, "the session word became Jinja, so it follows the session"
    _same_paragraphs(result.draft, SEED / "aalco-52-res-s8-2013.md")
    check = runner.invoke(app, ["check", str(empty)])
    assert check.exit_code == 0, check.output


# The AIPO mastheads print the meeting's place otherwise than its adoption line names it, which the
# draft's venue and the house style print: "…, VIENTIANE, LAO PDR." (a full stop ending the line),
# "…, CEBU CITY. PHILIPPINES" (a stop for a comma). The import says so.
MASTHEADS = {
    "aipo-26ga-res-soc-03-2005": "the masthead's assembly line rebuilds as “26TH GENERAL ASSEMBLY 18 – 23 SEPTEMBER 2005,"
    " VIENTIANE, LAO PDR”; the document prints “26TH GENERAL ASSEMBLY 18 – 23 SEPTEMBER 2005, VIENTIANE, LAO PDR.”",
    "aipo-27ga-res-soc-01-2006": "the masthead's assembly line rebuilds as “27TH GENERAL ASSEMBLY 10 – 15 SEPTEMBER 2006,"
    " CEBU CITY, PHILIPPINES”; the document prints “27TH GENERAL ASSEMBLY 10 – 15 SEPTEMBER 2006, CEBU CITY. PHILIPPINES”",
}


@pytest.mark.parametrize("seed", ["aipo-26ga-res-soc-03-2005", "aipo-27ga-res-soc-01-2006", "unga-64-c3-revised-draft-2009"])
def test_every_seed_imports_into_an_empty_library_and_rebuilds(empty: Path, seed: str) -> None:
    result = import_document(SEED / f"{seed}.md")
    assert result.warnings == ([MASTHEADS[seed]] if seed in MASTHEADS else [])
    _same_paragraphs(result.draft, SEED / f"{seed}.md")


def test_a_footnote_the_draft_does_not_rebuild_is_named(empty: Path, tmp_path: Path) -> None:
    # A/RES/78/68 was reissued: "A/RES/78/68*" and a footnote saying so, which no fact of a draft
    # carries. Its 48 other footnotes rebuild word for word.
    result = import_document(ga_text(tmp_path, "A/RES/78/68"))
    assert result.warnings == ["footnote * (“Reissued for technical reasons on 15 January 2024.”) is not rebuilt"]
    assert len(load_resolution(result.draft)[0].footnotes) == 48


@pytest.mark.parametrize("symbol", ["A/RES/78/285", "A/RES/78/1"])
def test_a_resolution_under_two_agenda_items_keeps_both_titles(empty: Path, tmp_path: Path, symbol: str) -> None:
    # A/RES/78/285 is adopted under agenda items 13 and 117, each with its title; the GA's house
    # style printed one title, and the import said the second was not rebuilt. A/RES/78/1 sets the
    # two titles with no space between, which the PDF text reader ran into one.
    result = import_document(ga_text(tmp_path, symbol))
    assert [w for w in result.warnings if "annex is not read" not in w] == []  # (78/1's political declaration is its annex)
    written = result.draft.read_text(encoding="utf-8")
    assert "agenda_item: 13 and 117\nagenda_title:\n  - Integrated and coordinated" in written
    # (ruamel ends a line where it folds a long plain value in the space before the next word: not kept)
    assert " \n" not in written and "major United\n    Nations conferences" in written
    titles = [line.text for line in load_resolution(result.draft)[0].header if line.role == "agenda-title"]
    assert titles == [
        "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations"
        " conferences and summits in the economic, social and related fields",
        "Follow-up to the outcome of the Millennium Summit",
    ]


def test_a_second_agenda_title_a_house_style_prints_no_line_for_is_named(empty: Path, tmp_path: Path) -> None:
    # A library whose GA house style was written before `each:` prints one agenda title: the draft
    # takes the first (a list would print as Python writes one) and the import names the second.
    style = empty / "templates" / "unga" / "body.yaml"
    each = """{role: agenda-title, each: "draft.agenda_title", text: "{{ item }}"}"""
    style.write_text(
        style.read_text(encoding="utf-8").replace(each, """{role: agenda-title, text: "{{ draft.agenda_title or '' }}"}""")
    )
    result = import_document(ga_text(tmp_path, "A/RES/78/285"))
    assert result.warnings == [
        "the masthead's agenda-title line 2, “Follow-up to the outcome of the Millennium Summit”, is not rebuilt:"
        " the house style has no place for it"
    ]
    assert "agenda_title: Integrated and coordinated" in result.draft.read_text(encoding="utf-8")


def test_a_standing_masthead_line_the_house_style_leaves_out_is_kept(empty: Path, tmp_path: Path) -> None:
    # A/RES/78/7's masthead says "Original: English", which an adopted resolution's usually does not:
    # kept as printed, where it was dropped.
    result = import_document(ga_text(tmp_path, "A/RES/78/7"))
    assert result.warnings == []
    assert "header:\n  language: 'Original: English'\n" in result.draft.read_text(encoding="utf-8")
    assert "Original: English" in [line.text for line in load_resolution(result.draft)[0].header]


def test_a_sections_heading_is_a_paragraph_the_numbering_skips(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/305 has section headings without a numeral ("Budget performance report for the
    period …") between its numbered paragraphs, and A/RES/79/161 numbered ones ("II International
    Decade …"). The draft writes the first as `heading: true`, or, where the headings' numerals
    count one by one (79/161's I to VIII), as `heading: I`, naming no numeral, and rebuilds the
    document's numbers and headings: before, the heading became operative paragraph 14 and every
    number after it moved on, with a warning; then an unnumbered paragraph (`numbered: false`)
    that the Word output set as a paragraph, not a heading."""
    result = import_document(ga_text(tmp_path, "A/RES/78/305"))
    assert result.warnings == []
    written = result.draft.read_text(encoding="utf-8")
    assert "    heading: true\n" in written and "numbered: false" not in written and "end: ''" not in written
    built = load_resolution(result.draft)[0]
    doc = read_file(ga_text(tmp_path, "A/RES/78/305")).resolution
    assert [p.number for p in built.operative] == [p.number for p in doc.operative]
    headings = [(p.text, p.label) for p in built.operative if built.heading(p)]
    assert headings == [(p.text, None) for p in doc.operative if doc.heading(p)]
    assert headings[0][0].startswith("Budget performance report for the period"), "as printed: no closing mark"
    decade = import_document(ga_text(tmp_path, "A/RES/79/161"))
    written = decade.draft.read_text(encoding="utf-8")
    assert decade.warnings == [] and written.count("    heading: I\n") == 8 and "label: II" not in written
    # The first section's heading ("I" over "International Convention on …") opens the operative
    # part, as the others do; it was read as the last preambular paragraph.
    first = load_resolution(decade.draft)[0].operative[0]
    assert (first.label, first.number, first.text) == (
        "I",
        None,
        "International Convention on the Elimination of All Forms of Racial Discrimination",
    )
    # A/RES/78/247 numbers its section II from 1 again: the draft says so (`number: 1`) and rebuilds
    # the document's numbers; it used to number on (11) and warn.
    restart = import_document(ga_text(tmp_path, "A/RES/78/247"))
    assert restart.warnings == []  # (adopted under two agenda items: both titles rebuilt)
    assert "    number: 1\n" in restart.draft.read_text(encoding="utf-8")
    assert [p.number for p in load_resolution(restart.draft)[0].operative] == [
        p.number for p in read_file(ga_text(tmp_path, "A/RES/78/247")).resolution.operative
    ]


def test_headings_that_count_are_counted_beside_numerals_that_name(empty: Path, tmp_path: Path) -> None:
    # A/RES/79/1: the Pact's chapters "I." to "V." count, its 56 "Action 1." to "Action 56." name
    # (they number on across the chapters, and no list numbers "Action"). With the actions among
    # them, no heading counted and all were typed (`numbered: false`, `label: II.`), which lint
    # tells to write as `heading: I.`; now the chapters are `heading: I.` and the actions typed.
    result = import_document(ga_text(tmp_path, "A/RES/79/1"))
    written = result.draft.read_text(encoding="utf-8")
    assert written.count("    heading: I.\n") == 5 and "label: II." not in written
    assert written.count("    label: Action ") == 56
    built = load_resolution(result.draft)[0]
    doc = read_file(ga_text(tmp_path, "A/RES/79/1")).resolution
    assert [(p.label, p.number, p.text) for p in built.operative] == [(p.label, p.number, p.text) for p in doc.operative]
    assert [f for f in lint(str(result.draft)).findings if f.rule == "typed-numeral"] == []


def test_a_word_file_imports_and_rebuilds(empty: Path, tmp_path: Path) -> None:
    docx = tmp_path / "unga-64.docx"
    docx.write_bytes(build(ROOT / "drafts" / "unga-64.yaml", "docx"))  # type: ignore[arg-type]
    result = runner.invoke(app, ["import", str(docx)])
    assert result.exit_code == 0, result.output
    assert "31 new" in result.output
    _same_paragraphs(empty / "drafts" / "unga-64.yaml", docx)


def test_an_existing_draft_of_that_name_is_not_replaced_without_force(empty: Path) -> None:
    (empty / "drafts" / "aalco-52.yaml").write_text("# mine\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(SEED / "aalco-52-res-s8-2013.md"), "--name", "aalco-52"])
    assert result.exit_code == 1 and "already exists" in result.output and "--force" in result.output
    assert (empty / "drafts" / "aalco-52.yaml").read_text() == "# mine\n"
    assert not list((empty / "clauses").rglob("*.yaml")), "nothing half-written"


def test_a_file_that_is_no_resolution_is_a_clear_error(empty: Path) -> None:
    junk = empty / "junk.txt"
    junk.write_text("Minutes of the 12th meeting.\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(junk)])
    assert result.exit_code == 1 and "junk.txt" in result.output and "Traceback" not in result.output


def test_the_rewording_a_paragraph_is_found_to_be_does_not_change_from_run_to_run() -> None:
    # Ten words of a paragraph, each in one library clause: which clauses the search for a
    # rewording looks at (those holding its eight rarest words) went by the order of a set of
    # strings, which Python changes from run to run; importing the 659 GA resolutions twice gave
    # libraries that linked other clauses as rewordings. Run in processes of different hash seeds.
    script = """
import sys
import zipfile
from resdraft.library_import import _Matcher
from resdraft.model import Clause
query = "alphaa bravoo charlieq deltaa echoo foxtrott golff hotell indiaa kilo"
words = query.split()
clauses = [Clause(f"filler.{w}", "preambular", f"something {w} unrelated entirely here") for w in words[:-1]]
clauses.append(Clause("target", "preambular", "alphab bravop charliep deltab echop foxtrotp golfp hotelp indiab kilo"))
found = _Matcher(clauses).similar(Clause("new", "preambular", query))
print(found.id if found else None)
"""
    found = set()
    for seed in range(8):
        run = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        found.add(run.stdout.strip())
    assert len(found) == 1, found


def test_a_text_of_the_session_after_another_under_its_title_continues_its_draft(empty: Path, tmp_path: Path) -> None:
    # Imported in order, the 79th session's resolution on an item names the 78th's draft as the text it continues.
    old, new = ga_text(tmp_path, "A/RES/78/155"), ga_text(tmp_path, "A/RES/79/208")
    assert "\nprevious:" not in import_document(new).draft.read_text(encoding="utf-8"), "nothing before it yet"
    import_document(old)
    draft = import_document(new, force=True).draft.read_text(encoding="utf-8")
    assert "\nbody: unga\nsession: 79\nprevious: a-res-78-155\nstatus: adopted\n" in draft
    other = ga_text(tmp_path, "A/RES/79/27")  # another item's: no text of the 78th session under its title here
    assert "\nprevious:" not in import_document(other).draft.read_text(encoding="utf-8")


def test_a_territorys_first_text_rewords_no_other_territorys_paragraph(empty: Path, tmp_path: Path) -> None:
    # Anguilla's text, the first of its item in the library, had reworded American Samoa's (imported
    # before it) in paragraphs that say of Anguilla what American Samoa's say of American Samoa:
    # "… the people of [-American Samoa-]{+Anguilla+} …". Each is Anguilla's own. (Of the 78th
    # session, as American Samoa's is, Anguilla's rewords none of its paragraphs at all: see below.)
    import_document(ga_text(tmp_path, "A/RES/78/86"))
    anguilla = import_document(ga_text(tmp_path, "A/RES/79/100"))
    clauses = open_library(empty).clauses
    assert anguilla.variants, "it still rewords paragraphs of American Samoa's that name no territory"
    assert not [was for _, was in anguilla.variants if "American Samoa" in wording(clauses[was])]
    # (Imported after Anguilla's 78th-session text, its 79th's rewords that: see the history below.)


ANGUILLA_78 = "unga.having-considered-question-anguilla-examined-report-special"


def test_an_older_text_imported_after_a_newer_one_rewords_none_of_its_paragraphs(empty: Path, tmp_path: Path) -> None:
    # Anguilla's 79th-session text imported first, then its 78th's: each 78th paragraph had become a
    # "rewording" of the 79th's, so `history` ran backwards in time. (`import` of both at once
    # takes the older first, and then the 79th's rewords the 78th's.)
    newer = import_document(ga_text(tmp_path, "A/RES/79/100"))
    older = import_document(ga_text(tmp_path, "A/RES/78/87"))
    assert newer.new and not set(newer.new) & {was for _, was in older.variants}
    assert not older.variants


def test_an_older_text_without_a_title_imported_after_a_newer_one_rewords_none_either(empty: Path, tmp_path: Path) -> None:
    # Without a title to tell one resolution from another, the later session's clause was still
    # taken for the earlier wording.
    def text(session: int, ordinal: str, date: str, victims: str) -> Path:
        path = tmp_path / f"s{session}.txt"
        path.write_text(
            f"AALCO/RES/{session}/S 8\n{date}\n\n"
            f"The Asian-African Legal Consultative Organization at its {ordinal} Annual Session,\n\n"
            "Considering the Secretariat Document on the cooperation of Member States against trafficking"
            f" in persons, smuggling of migrants and the protection of {victims} victims;\n\n"
            "1. Urges the Member States to cooperate closely with one another against trafficking in persons"
            " and the smuggling of migrants, and to inform the Secretariat of their measures;\n",
            encoding="utf-8",
        )
        return path

    import_document(text(52, "Fifty-Second", "12 SEPTEMBER 2013", "their"))
    older = import_document(text(51, "Fifty-First", "29 JUNE 2012", "the"))
    assert len(older.reused) == 1 and not older.variants and len(older.new) == 1


def test_a_text_rewords_no_paragraph_of_another_text_of_its_session_nor_of_its_own(empty: Path, tmp_path: Path) -> None:
    # The financing of the Force in Cyprus (78/300) had reworded eight paragraphs of the financing of
    # the Force for Abyei (78/297), adopted the same day and imported just before it: their amounts,
    # dates and reports. A rewording is of a wording adopted before; which text of a session is
    # imported first is chance.
    abyei = import_document(ga_text(tmp_path, "A/RES/78/297"))
    cyprus = import_document(ga_text(tmp_path, "A/RES/78/300"))
    assert not set(abyei.new) & {was for _, was in cyprus.variants}
    # Nor do its own paragraphs reword each other (three had: "Decides further … in accordance
    # with … resolution 973 (X)" and the like, each of another amount, adopted at once).
    assert not cyprus.variants
    assert len(cyprus.reused) == 12, "the paragraphs the two share word for word are one clause, as before"


def test_a_text_whose_title_changes_only_by_its_year_still_rewords_the_years_before(empty: Path, tmp_path: Path) -> None:
    # "Working Capital Fund for 2025" continues "… for 2024": numbers are no subject of a resolution.
    import_document(ga_text(tmp_path, "A/RES/78/256"))
    later = import_document(ga_text(tmp_path, "A/RES/79/261"))
    assert len(later.variants) == 6
    assert all(was.startswith("unga.") and was in open_library(empty).clauses for _, was in later.variants)


def test_a_history_through_another_resolutions_wording_names_each_wordings_resolution(empty: Path, tmp_path: Path) -> None:
    # Linked by hand, Anguilla's 78th-session paragraph amends American Samoa's: the history of
    # Anguilla's 79th-session paragraph read "(unga 78)" for American Samoa's wording, as if it
    # were Anguilla's the year before.
    from resdraft.upkeep import history
    from resdraft.upkeep.report import history_text

    for symbol in ("A/RES/78/86", "A/RES/78/87", "A/RES/79/100"):
        import_document(ga_text(tmp_path, symbol))
    clause_file = empty / "clauses" / "imported" / "a-res-78-87.yaml"
    entry = f"  - id: {ANGUILLA_78}\n"
    text = clause_file.read_text(encoding="utf-8")
    assert entry in text
    samoa = "unga.having-considered-question-american-samoa-examined-report"
    clause_file.write_text(text.replace(entry, f"{entry}    amends: {samoa}\n"), encoding="utf-8")
    steps = history(empty, "unga.having-considered-question-anguilla-examined-report-special-2")
    assert [(s.resolutions, s.borrowed) for s in steps] == [
        (("Question of American Samoa",), False),
        (("Question of Anguilla",), True),
        (("Question of Anguilla",), False),
    ]
    lines = [line for line in history_text(steps).splitlines() if not line.startswith("  ")]
    assert lines[1] == (
        "unga.having-considered-question-anguilla-examined-report-special  (unga 78: Question of Anguilla)"
        "  amends unga.having-considered-question-american-samoa-examined-report, another resolution's wording"
    )
    assert lines[2].endswith(
        "(unga 79: Question of Anguilla)  amends unga.having-considered-question-anguilla-examined-report-special"
    )
    # `clauses show` names the resolution of the wording in its amends chain that is another's.
    from resdraft.upkeep import show_clause
    from resdraft.upkeep.report import clause_text

    shown = clause_text(show_clause(empty, "unga.having-considered-question-anguilla-examined-report-special-2"))
    assert (
        "amends: unga.having-considered-question-anguilla-examined-report-special"
        " <- unga.having-considered-question-american-samoa-examined-report (Question of American Samoa)\n"
    ) in shown


def test_an_imports_summary_counts_one_clause_as_one() -> None:
    # "1 clauses reused" (library audit).
    from types import SimpleNamespace

    from resdraft.cli import import_summary

    one = SimpleNamespace(source="a.md", reused=["x"], variants=[("y", "x")], new=["z"], written=[])
    assert import_summary(one) == "a.md: 1 clause reused, 1 rewording an earlier one, 1 new; nothing changed"
    two = SimpleNamespace(source="a.md", reused=[], variants=[], new=[], written=[])
    assert import_summary(two) == "a.md: 0 clauses reused, 0 rewording earlier ones, 0 new; nothing changed"


def test_documents_given_together_are_imported_oldest_session_first(empty: Path, tmp_path: Path) -> None:
    # Given newest first, the 79th session's text came in before the 78th's: it continued nothing,
    # and the 78th session's paragraphs were taken as rewording the 79th's.
    new, old = ga_text(tmp_path, "A/RES/79/208"), ga_text(tmp_path, "A/RES/78/155")
    result = runner.invoke(app, ["import", str(new), str(old)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("  ")]
    assert [line.split(":")[0] for line in lines] == [str(old), str(new)]
    assert ": 0 clauses reused, 0 rewording earlier ones, 90 new; wrote " in lines[0]
    assert "\nprevious: a-res-78-155\n" in (empty / "drafts" / "a-res-79-208.yaml").read_text(encoding="utf-8")


def test_an_unreadable_document_among_several_stops_the_import_before_any_is_written(empty: Path, tmp_path: Path) -> None:
    good, bad = ga_text(tmp_path, "A/RES/78/155"), tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["import", str(good), str(bad)])
    assert result.exit_code == 1 and "empty.txt" in result.output and "Traceback" not in result.output
    assert not list((empty / "drafts").iterdir())


UNSC = CORPUS / "unsc-unmis"


def test_the_security_council_series_imports_whole_each_draft_in_the_year_it_was_adopted(empty: Path) -> None:
    # Five of the ten texts print no title (press releases), and import stopped at the first with
    # "../tmpdu9g_197/draft.yaml:2: the draft has no 'title'"; the others were filed as session 1.
    result = runner.invoke(app, ["import", *map(str, sorted(UNSC.glob("*.txt")))])
    assert result.exit_code == 0, result.output
    drafts = {p.name: p.read_text(encoding="utf-8") for p in (empty / "drafts").iterdir()}
    assert sorted(drafts) == [f"s-res-{n}.yaml" for n in ("1590-2005", "1627-2005", "1663-2006", "1706-2006",
                              "1709-2006", "1714-2006", "1755-2007", "1784-2007", "1812-208", "1919-2010")]  # fmt: skip
    press = drafts["s-res-1627-2005.yaml"]  # "Adopted by the Security Council at its 5269th meeting, on 23 September 2005"
    assert (
        "\nsession: 2005\nprevious: s-res-1590-2005\nstatus: adopted\ndate: 2005-09-23\nsymbol: S/RES/1627 (2005)\n"
        "title: Resolution 1627 (2005)\n" in press
    )
    assert "\nadopted: 2005-09-23\nmeeting: 5269th meeting\n" in press  # (a date twice, not as &id001 and *id001)
    masthead = drafts["s-res-1755-2007.yaml"]  # "… at its 5670th meeting, on" / "30 April 2007": one line
    assert (
        "\nsession: 2007\nprevious: s-res-1714-2006\nstatus: adopted\ndate: 2007-04-30\nsymbol: S/RES/1755 (2007)\n"
        "title: Resolution 1755 (2007)\n" in masthead
    )
    assert "\nadopted: 2007-04-30\nmeeting: 5670th meeting\n" in masthead
    assert "\ntitle: Resolution 1919 (2010)\n" in drafts["s-res-1919-2010.yaml"]  # "The full text of resolution 1919 (2010) …"
    undated = "\nstatus: adopted\ndate: {tbd: date of S/RES/1706 (2006) (the text prints none)}\nsymbol: S/RES/1706 (2006)\n"
    assert undated in drafts["s-res-1706-2006.yaml"]  # quoted: the Council's texts print a date, this one none
    out = result.output
    assert (
        out.index("1590-2005") < out.index("1627-2005") < out.index("1663-2006") < out.index("1706-2006") < out.index("1919-2010")
    )
    assert "S-RES-1627-2005_sudan-unmis.txt: 0 clauses reused, 2 rewording earlier ones" in out  # 1590's, reworded
    named = "warning: the text prints no symbol: S/RES/{} is taken from the file's name; check it"
    assert [line.strip() for line in out.splitlines() if "file's name" in line] == [
        named.format(s) for s in ("1590 (2005)", "1627 (2005)", "1706 (2006)", "1709 (2006)", "1714 (2006)")
    ]
    assert "warning: the symbol S/RES/1812 (208) does not name 2008, the year the text was adopted: check it" in out
    assert out.count("warning: the text prints no date: fill in `date:` in the draft") == 2  # 1706 and 1919
    assert "warning: the draft's masthead adds an organization line, “United Nations”, that the document does not print" in out
    check = runner.invoke(app, ["check"])
    assert check.exit_code == 0 and "0 errors, 2 warnings" in check.output  # the two dates to fill in
    assert "drafts/s-res-1919-2010.yaml:6: warning: date is still a placeholder" in check.output


def test_each_council_text_continues_the_earlier_one_it_shares_most_clauses_with(empty: Path) -> None:
    """The Council prints no title to follow from year to year, and its drafts had no `previous:`.
    Each UNMIS text now continues the one it shares most clauses with: the renewal before it, and
    1706 (which added Darfur to the mandate) the resolution that set UNMIS up. Rolled forward,
    1663 (2006) names its citation of 1627 (2005), which the next year's text recalls no longer."""
    assert runner.invoke(app, ["import", *map(str, sorted(UNSC.glob("*.txt")))]).exit_code == 0
    previous = {
        p.stem: m.group(1) if (m := re.search(r"^previous: (\S+)$", p.read_text(encoding="utf-8"), re.M)) else None
        for p in (empty / "drafts").glob("s-res-*.yaml")
    }
    assert previous == {
        "s-res-1590-2005": None,
        "s-res-1627-2005": "s-res-1590-2005",
        "s-res-1663-2006": "s-res-1627-2005",
        "s-res-1706-2006": "s-res-1590-2005",
        "s-res-1709-2006": "s-res-1663-2006",
        "s-res-1714-2006": "s-res-1709-2006",
        "s-res-1755-2007": "s-res-1714-2006",
        "s-res-1784-2007": "s-res-1755-2007",
        "s-res-1812-208": "s-res-1784-2007",
        "s-res-1919-2010": "s-res-1812-208",
    }
    rolled = runner.invoke(app, ["new", str(empty / "drafts" / "s-res-1663-2006.yaml"), "--session", "2007"])
    assert "preamble paragraph 1 cites “1627 (2005)” (s-res-1627-2005, the text s-res-1663-2006 continued)" in rolled.output


def test_council_drafts_imported_from_plain_text_differ_in_no_italics_their_texts_do_not_show(empty: Path) -> None:
    # 1709's "Noting with deep concern" was read as the opening "Noting", 1714's "Noting with
    # concern" whole: their drafts' diff said "formatting: “with concern” plain → italic".
    files = [str(next(UNSC.glob(f"UNSC_S-RES-{n}_*.txt"))) for n in ("1709-2006", "1714-2006")]
    assert runner.invoke(app, ["import", *files]).exit_code == 0
    drafts = empty / "drafts"
    result = runner.invoke(app, ["diff", str(drafts / "s-res-1709-2006.yaml"), str(drafts / "s-res-1714-2006.yaml")])
    assert result.exit_code == 0, result.output
    assert "pp. 3 → pp. 6  modified\n  Noting with [-deep -]concern the restrictions" in result.output
    assert "formatting" not in result.output


def test_a_council_clause_rewords_the_clause_of_the_text_it_continues_so_its_history_skips_no_renewal(empty: Path) -> None:
    # 1714's mandate ("… until 30 April 2007, with the intention to renew it …") reworded 1627's,
    # the closest in the library, not 1709's, which 1714 continues: the history skipped 1663 and
    # 1709, and 1812's skipped 1784.
    assert runner.invoke(app, ["import", *map(str, sorted(UNSC.glob("*.txt")))]).exit_code == 0
    result = runner.invoke(app, ["clauses", "history", "unsc.decides-extend-mandate-unmis-until-30-4"])
    assert result.exit_code == 0, result.output
    until = [line.split("until ")[1].split(",")[0] for line in result.output.splitlines() if line.startswith("  Decides")]
    assert until == [
        "24 March 2006",
        "24 [-March-]{+September+} 2006",  # 1663
        "[-24-]{+8+} [-September-]{+October+} 2006",  # 1709
        "[-8 October 2006-]{+30 April 2007+}",  # 1714
        "[-30-]{+31+} [-April-]{+October+} 2007",  # 1755
        "[-31 October 2007-]{+30 April 2008+}",  # 1784
        "30 April [-2008-]{+2009+}",  # 1812
        "30 April [-2009-]{+2011+}",  # 1919
    ]


def test_the_council_series_imported_again_changes_nothing(empty: Path) -> None:
    """A text imported again reuses the clauses its first import made; those stood for the clauses
    they reword, so that it continues the draft it continued. 1627 and 1706 lost `previous:` (and
    stopped a second import: "a draft of this name already exists"), 1784 continued 1714."""
    files = [*map(str, sorted(UNSC.glob("*.txt")))]
    assert runner.invoke(app, ["import", *files]).exit_code == 0
    before = {p: p.read_bytes() for p in sorted(empty.rglob("*.yaml"))}
    again = runner.invoke(app, ["import", *files])
    assert again.exit_code == 0, again.output
    assert again.output.count("nothing changed") == 10
    assert {p: p.read_bytes() for p in sorted(empty.rglob("*.yaml"))} == before


def test_a_council_text_never_continues_one_adopted_after_it_nor_its_own_earlier_import(empty: Path) -> None:
    """1709 (2006) imported after 1714 (2006), which shares more of its clauses, still continues
    1663 (2006); imported again with --force, it does not continue its own draft."""
    for n in ("1590-2005", "1627-2005", "1663-2006", "1714-2006", "1709-2006"):
        assert runner.invoke(app, ["import", str(next(UNSC.glob(f"UNSC_S-RES-{n}_*.txt")))]).exit_code == 0
    again = runner.invoke(app, ["import", "--force", str(next(UNSC.glob("UNSC_S-RES-1709-2006_*.txt")))])
    assert again.exit_code == 0, again.output
    assert "\nprevious: s-res-1663-2006\n" in (empty / "drafts" / "s-res-1709-2006.yaml").read_text(encoding="utf-8")


def test_a_council_text_that_names_neither_itself_nor_its_day_is_imported_with_what_to_fill_in(
    empty: Path, tmp_path: Path
) -> None:
    # The same press-release texts, in files not named by their symbols.
    press, quoted = tmp_path / "press-release.txt", tmp_path / "quoted.txt"
    press.write_text(next(UNSC.glob("UNSC_S-RES-1627-*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    quoted.write_text(next(UNSC.glob("UNSC_S-RES-1706-*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["import", str(press), str(quoted)])
    assert result.exit_code == 0, result.output
    draft = (empty / "drafts" / "press-release.yaml").read_text(encoding="utf-8")
    assert (
        "\nsession: 2005\nstatus: adopted\ndate: 2005-09-23\ntitle: {tbd: title of the resolution (the text prints none)}\n"
        "adopted: 2005-09-23\nmeeting: 5269th meeting\n"
    ) in draft
    assert result.output.splitlines()[1:4] == [  # (the undated one first: its session is not known)
        "  warning: the text prints no title: fill in `title:` in the draft",
        "  warning: the text prints no date: fill in `date:` in the draft",
        "  warning: the text states no year of adoption: the draft says `session: 1`; write the year it was adopted",
    ]
    assert "quoted.txt" in result.output.splitlines()[0]
    check = runner.invoke(app, ["check"])
    assert check.exit_code == 0 and "0 errors, 3 warnings" in check.output  # the two titles and the date to fill in


def test_a_council_resolution_rebuilds_its_title_and_the_meeting_that_adopted_it(empty: Path) -> None:
    source = next(UNSC.glob("UNSC_S-RES-1663-*.txt"))
    draft = import_document(source).draft
    text = build(draft, "md")
    assert isinstance(text, str)
    assert "United Nations\n\nSecurity Council\n\nS/RES/1663 (2006)\n\nDistr.: General\n\n24 March 2006\n\n" in text
    assert (
        "**Resolution 1663 (2006)**\n\nAdopted by the Security Council at its 5396th meeting, on 24 March 2006\n\n"
        "The Security Council,\n"
    ) in text
    from resdraft.diff import compare

    diff = compare(read_file(source).resolution, load_resolution(draft)[0])
    assert [(c.field, c.status) for c in diff.masthead if c.status != "unchanged"] == []
    assert [(c.field, c.old, c.new) for c in diff.header if c.status != "unchanged"] == []


def test_a_council_texts_own_sub_paragraph_labels_rebuild_as_printed(empty: Path) -> None:
    # 1590's paragraph 16 labels its sub-paragraphs "(i)", "(ii)" (later texts cite "paragraph 16
    # (i)"), and 1706's paragraph 12 (a) has dashes: the drafts rebuilt both as the house style's
    # "(a)", "(b)" and "(i)", "(ii)", and import did not say so.
    result = runner.invoke(app, ["import", *map(str, sorted(UNSC.glob("*.txt")))])
    assert result.exit_code == 0 and "labelled" not in result.output, result.output
    drafts = empty / "drafts"
    assert "  - clause: unsc.acting-under-chapter-vii-charter-united\n    end: ','\n    numbering: [(i)]\n" in (
        drafts / "s-res-1590-2005.yaml"
    ).read_text(encoding="utf-8")
    assert "\n    numbering: [(a), --]\n" in (drafts / "s-res-1706-2006.yaml").read_text(encoding="utf-8")
    text = build(drafts / "s-res-1590-2005.yaml", "txt")
    assert isinstance(text, str)
    assert "16. Acting under Chapter VII of the Charter of the United Nations,\n\n    (i) Decides that UNMIS" in text
    assert "\n\n    (ii) Requests that the Secretary-General" in text
    assert "\n\n    (a) To support implementation" in text  # (paragraph 4's, the house style's)
    text = build(drafts / "s-res-1706-2006.yaml", "txt")
    assert isinstance(text, str)
    assert "capabilities:\n\n        -- to protect United Nations personnel" in text
    for source in UNSC.glob("*.txt"):  # every label as printed
        draft = drafts / f"{source.name.split('_')[1].lower().replace('-2008', '-208')}.yaml"
        labels = [[s.label for s in p.walk()] for p in load_resolution(draft)[0].operative]
        assert labels == [[s.label for s in p.walk()] for p in read_file(source).resolution.operative], source.name


def test_an_import_whose_sub_paragraph_labels_its_draft_does_not_give_warns(empty: Path, tmp_path: Path) -> None:
    # A/RES/79/273's paragraph 4 without its "(a)" and "(b)" goes on with "(c), (d)": the draft
    # numbers them from (a), and the import said nothing of it.
    source = ga_text(tmp_path, "A/RES/79/273")
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text[: text.index("(a) \nTwo multi-stakeholder")] + text[text.index("(c) \nEach of the two") :], encoding="utf-8"
    )
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0
    assert (
        "warning: operative paragraph 4's sub-paragraphs are labelled (c), (d) in the document but (a), (b) in the draft"
    ) in result.output


def test_a_council_resolution_adopted_unanimously_says_so_when_rebuilt(empty: Path) -> None:
    # "Adopted unanimously by the Security Council at its 5151st meeting, on 24 March 2005" rebuilt
    # as "Adopted by the Security Council …", and the diff of the text against its draft showed
    # "Adopted [-unanimously -]by".
    from resdraft.diff import compare

    source = next(UNSC.glob("UNSC_S-RES-1590-*.txt"))
    draft = import_document(source).draft
    assert "\nmeeting: 5151st meeting\nvote: unanimously\n" in draft.read_text(encoding="utf-8")
    text = build(draft, "txt")
    assert isinstance(text, str)
    assert "\nAdopted unanimously by the Security Council at its 5151st meeting, on 24 March 2005\n" in text
    diff = compare(read_file(source).resolution, load_resolution(draft)[0])
    assert [c.field for c in diff.masthead if c.status != "unchanged"] == ["organization", "organ", "distribution"]
    other = import_document(next(UNSC.glob("UNSC_S-RES-1663-*.txt"))).draft  # (printed no vote)
    assert "\nvote:" not in other.read_text(encoding="utf-8")


def test_a_problem_in_the_draft_an_import_would_write_is_told_there_and_nothing_is_written(
    empty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resdraft import assemble
    from resdraft.errors import Problem, TemplateError, Where

    def failing(self: object) -> None:  # a draft that does not build, as if the importer had written a faulty one
        draft = self.draft  # type: ignore[attr-defined]
        raise TemplateError(Problem(Where(draft.where.path, 7), "'venue' is undefined", "add `venue:`"))

    monkeypatch.setattr(assemble.Assembler, "build", failing)
    result = runner.invoke(app, ["import", str(next(UNSC.glob("UNSC_S-RES-1663-*.txt")))])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(
        "drafts/s-res-1663-2006.yaml:7: 'venue' is undefined (in the drafts file this import would write; nothing was written)\n"
    ), result.output
    assert not list((empty / "drafts").iterdir()) and not (empty / "clauses" / "imported").exists()


def test_a_clause_that_fails_in_the_rebuild_names_the_draft_import_would_write_not_its_temporary_copy(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resdraft import assemble
    from resdraft.errors import Problem, TemplateError

    paragraph = assemble.Assembler.paragraph

    def failing(
        self: assemble.Assembler, slot: Any, *args: Any
    ) -> Any:  # a library clause AALCO/RES/52/S 8 reuses, not building for it
        if slot.clause_id == "aalco.decides-provisional-agenda":
            raise TemplateError(Problem(slot.where, "undefined template variable: 'item' is undefined", "define it"))
        return paragraph(self, slot, *args)

    monkeypatch.setattr(assemble.Assembler, "paragraph", failing)
    monkeypatch.chdir(library)
    result = runner.invoke(app, ["import", str(CORPUS / "seeds" / "aalco-52-res-s8-2013.md"), "--name", "s52"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    # It read "(clause aalco.decides-provisional-agenda, as /tmp/tmp05dnfpsb/draft.yaml:22 uses it)".
    clause = (library / "clauses" / "aalco-trafficking.yaml").read_text(encoding="utf-8")
    line = clause[: clause.index("      to place this item on the provisional agenda")].count("\n") + 1
    assert "tmp" not in result.output and not (library / "drafts" / "s52.yaml").exists()
    monkeypatch.undo()  # (the draft's line: that of the clause's entry in the draft the import writes)
    written = import_document(CORPUS / "seeds" / "aalco-52-res-s8-2013.md", start=library, name="s52").draft
    lines = written.read_text(encoding="utf-8").splitlines()
    # (the rebuild that failed came before the import added what the document sets otherwise than
    # the house style: `style: emphasis`, the lines from `style:` to `preamble:`)
    assert lines[lines.index("style:") + 1] == "  emphasis:"
    used = lines.index("  - aalco.decides-provisional-agenda") + 1 - (lines.index("preamble:") - lines.index("style:"))
    assert result.output.startswith(
        f"clauses/aalco-trafficking.yaml:{line}: undefined template variable: 'item' is undefined "
        f"(clause aalco.decides-provisional-agenda, as drafts/s52.yaml:{used} uses it) "
        "(drafts/s52.yaml is the draft this import would write; nothing was written)\n"
    ), result.output


@pytest.mark.parametrize(
    ("fmt", "number"), [("docx", "1663"), *((fmt, number) for fmt in ("md", "txt") for number in ("1663", "1590", "1706"))]
)
def test_a_council_resolution_built_to_word_markdown_or_text_imports_back_as_the_same_draft(
    empty: Path, tmp_path: Path, fmt: str, number: str
) -> None:
    # The Word file was read as a General Assembly text ("United Nations" over its masthead), and
    # the Markdown not at all: "no resolution found: there is no enacting formula". 1590's and
    # 1706's text read back with the whole preamble one paragraph (their sub-paragraphs, indented,
    # made the reader part paragraphs by indentation), and their sub-paragraphs labelled "(a)",
    # "(i)" where 1590's paragraph 16 has "(i)" and 1706's dashes.
    first = import_document(next(UNSC.glob(f"UNSC_S-RES-{number}-*.txt"))).draft
    built = tmp_path / f"{number}.{fmt}"
    out = build(first, fmt)
    built.write_bytes(out) if isinstance(out, bytes) else built.write_text(out, encoding="utf-8")
    again = tmp_path / "again"
    assert runner.invoke(app, ["init", str(again)]).exit_code == 0
    for path in (*(again / "clauses").iterdir(), *(again / "drafts").iterdir()):
        path.unlink()
    os.chdir(again)
    result = runner.invoke(app, ["import", str(built)])
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    text = (again / "drafts" / first.name).read_text(encoding="utf-8")
    if number != "1663":  # (a press release's copy prints no masthead: the built one says "Distr.: General", the default)
        text = text.replace("\ndistribution: General\n", "\n")
    assert text.split("\n", 1)[1] == first.read_text(encoding="utf-8").split("\n", 1)[1]  # (but the line naming the file)


def test_a_general_assembly_text_naming_the_inter_parliamentary_union_reads_back_from_word_as_the_assemblys(
    empty: Path, tmp_path: Path
) -> None:
    # Its title, "… national parliaments and the Inter-Parliamentary Union", made its Word file an AIPA text.
    draft = import_document(ga_text(tmp_path, "A/RES/79/319")).draft
    word = tmp_path / "79-319.docx"
    word.write_bytes(build(draft, "docx"))  # type: ignore[arg-type]
    back = read_file(word).resolution
    assert (back.body, back.session.number, len(back.operative)) == ("unga", 79, 31)


def test_a_text_continues_the_latest_earlier_text_under_its_title_two_sessions_back_too(library: Path, tmp_path: Path) -> None:
    # The Assembly takes up trafficking in persons every second session: A/RES/78/228 continues
    # 76/186, and before it the example library's 64th-session draft. Only the session before was looked at.
    new = ga_text(tmp_path, "A/RES/78/228")
    assert "\nsession: 78\nprevious: unga-64\n" in import_document(new, start=library).draft.read_text(encoding="utf-8")
    import_document(CORPUS / "unga" / "UNGA_A-RES-76-186_trafficking-coordination.txt", start=library)
    draft = import_document(new, start=library, force=True).draft.read_text(encoding="utf-8")
    assert "\nsession: 78\nprevious: a-res-76-186\nstatus: adopted\n" in draft


def test_a_report_asked_for_two_sessions_on_follows_the_draft_rolled_to_that_session(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/228 asks for a report "to the General Assembly at its eightieth session", two
    sessions on, as the Assembly takes the item up every second session. Only the previous,
    this and the next session were written as Jinja: rolled to the 80th, the draft asked for the
    report at the 80th again."""
    result = import_document(ga_text(tmp_path, "A/RES/78/228"))
    clauses = (empty / "clauses" / "imported" / "a-res-78-228.yaml").read_text(encoding="utf-8")
    assert "to the General Assembly at its {{ session.next.next.ordinal }} session" in " ".join(clauses.split())
    _same_paragraphs(result.draft, ga_text(tmp_path, "A/RES/78/228"))
    assert runner.invoke(app, ["new", str(result.draft), "--session", "80"]).exit_code == 0
    rolled = load_resolution(empty / "drafts" / "unga-80-improving-coordination-efforts-against-trafficking.yaml")[0]
    assert "to the General Assembly at its eighty-second session" in rolled.operative[32].text


def test_a_meeting_set_for_a_session_its_year_dates_stays_that_session_when_rolled(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/228 reiterates the decision to convene a high-level meeting "at its eightieth
    session, after the general debate, but no later than December 2025". Import wrote the
    session as Jinja two sessions on, so the draft rolled to the 80th set the meeting for the
    eighty-second session, no later than December 2025, which comes first. The report asked for
    at the eightieth session (operative paragraph 33), which names no year, still moves on."""
    result = import_document(ga_text(tmp_path, "A/RES/78/228"))
    assert runner.invoke(app, ["new", str(result.draft), "--session", "80"]).exit_code == 0
    rolled = load_resolution(empty / "drafts" / "unga-80-improving-coordination-efforts-against-trafficking.yaml")[0]
    meeting = " ".join(rolled.operative[4].text.split())
    assert "Global Plan of Action at its eightieth session, after the general debate, but no later than December 2025" in meeting
    assert "to the General Assembly at its eighty-second session" in rolled.operative[32].text


def test_a_session_that_adopted_a_resolution_it_cites_stays_that_session_when_rolled(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/69 recalls amendments "adopted by the General Assembly at its seventy-seventh session
    in its resolution 77/256 A": the previous session, which import wrote as Jinja, so the draft
    rolled to the 79th said "seventy-eighth session in its resolution 77/256 A"."""
    result = import_document(ga_text(tmp_path, "A/RES/78/69"))
    assert runner.invoke(app, ["new", str(result.draft), "--session", "79"]).exit_code == 0
    rolled = next((empty / "drafts").glob("unga-79-*.yaml"))
    texts = [p.text for p in load_resolution(rolled)[0].operative]
    assert any("at its seventy-seventh session in its resolution 77/256 A" in " ".join(t.split()) for t in texts)


def test_a_built_draft_with_facts_still_to_fill_imports_as_a_draft_keeping_them_to_fill(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/62 rolled to the 80th session and built before its facts were known prints
    "[TBD: symbol of the 80th-session document (was A/RES/78/62)]". Imported back, it was filed
    as adopted (the hint names an A/RES symbol), with the placeholder as its symbol's text, its
    date lost (the .md's symbol line read as the report line) and the file named after the hint."""
    result = import_document(ga_text(tmp_path, "A/RES/78/62"))
    assert runner.invoke(app, ["new", str(result.draft), "--session", "80"]).exit_code == 0
    (rolled,) = (empty / "drafts").glob("unga-80-*.yaml")
    for fmt in ("md", "docx"):
        built = tmp_path / f"dc80.{fmt}"
        assert runner.invoke(app, ["build", str(rolled), "-o", str(built)]).exit_code == 0
        again = import_document(built, force=True)
        assert again.draft.name == "dc80.yaml"
        text = again.draft.read_text(encoding="utf-8")
        assert "\nstatus: draft\n" in text, fmt
        assert "\ndate: {tbd: date of the 80th-session document (was 6 December 2023)}\n" in text, fmt
        assert "\nsymbol: {tbd: symbol of the 80th-session document (was A/RES/78/62)}\n" in text, fmt
        assert "\nagenda_item: {tbd: agenda item of the 80th-session document (was 101 (b))}\n" in text, fmt


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        # Another body's session (A/RES/78/280, 78/158, 78/69, 78/217):
        ("by the seventy-seventh session of the World Health Assembly in May 2024", True),
        ("noting the endorsement by the Commission at its seventy-eighth session of the Regional Plan", True),
        ("the Marine Environment Protection Committee of the International Maritime Organization at its eightieth session", True),
        ("to the General Assembly and the Human Rights Council at their eightieth and sixty-first sessions", True),
        # ... a report "on the work of its" session, "the work accomplished at its" (78/108, 78/72, 78/184,
        # 78/253: 24 paragraphs of the corpus):
        ("the report of the International Law Commission on the work of its seventy-seventh session", True),
        ("to the International Law Commission for the work accomplished at its seventy-eighth session", True),
        # Sessions listed on purpose, one of which has come (78/114, 78/102, 78/217):
        ("the sixty-sixth, sixty-ninth, seventy-second, seventy-fifth and seventy-eighth sessions of the General", True),
        ("during the seventieth to sixty-eighth sessions", True),
        ("to the General Assembly at its seventy-seventh and seventy-eighth sessions", True),
        # A session that dates something (78/222, 78/322, 78/179):
        ("to submit an annual report to the General Assembly, starting at its eightieth session", True),
        ("a triennial report to the General Assembly, commencing at its eightieth session", True),
        ("during the general debate of the eightieth session of the General Assembly in 2025", True),
        # A session a resolution of that session dates (78/69), the symbol after it or before:
        ("adopted by the General Assembly at its seventy-seventh session in its resolution 77/256 A of 30 December", True),
        ("in its resolution 77/256 A of 30 December 2022, adopted at its seventy-seventh session", True),
        # A session a decision taken before set (78/189, 78/10):
        (
            "resolutions 71/321 and 77/203, whereby the Assembly decided to continue the consideration of possible further "
            "measures necessary to enhance the participation of Indigenous Peoples’ representatives and institutions in "
            "relevant United Nations meetings on issues affecting them at the seventy-eighth session",
            True,
        ),
        ("in which it decided to include in the provisional agenda of its seventy-eighth session the sub-item", True),
        # A session two on that a year of its own dates (78/228, 78/292):
        ("at its eightieth session, after the general debate, but no later than December 2025", True),
        (
            "until 1 July 2027, and requests the Secretary-General to report to the General Assembly at its eighty-first session",
            True,
        ),
        # The Assembly's own (78/228, 78/232, 78/15, 78/205):
        ("of the Global Plan of Action at its eightieth session", False),
        ("the President of the General Assembly at its seventy-eighth session to appoint", False),
        ("to include in the provisional agenda of its eighty-first session the item", False),
        # ... the last of the bodies named (unga-64 op. 16, as its session becomes a literal again):
        ("to the Conference of the Parties to the Convention and the General Assembly at its seventy-ninth session a", False),
        ("to submit to the General Assembly at its seventy-ninth and eightieth sessions a report", False),
        # ... set off by a comma, ending a sentence that reports to the Assembly (78/257 op. 24, "eighty-fourth"):
        (
            "and to report to the General Assembly, including on projected needs of the Peacebuilding Fund, at its "
            "seventy-ninth session.",
            False,
        ),
        ("to report to the General Assembly at its eightieth session under its resolution 78/69", False),
        # ... and the next session, dated by the year after the text's, which moves on with it (78/107 -> 79/120):
        ("to report to the General Assembly at its seventy-ninth session on the Programme of Assistance in 2024", False),
        # A range up to the text's own session ends at the session (78/102 op. 16, 78/113 pp. 3):
        ("during the seventieth to seventy-eighth sessions", False),
    ],
)
def test_only_the_assemblys_own_sessions_are_written_as_jinja(words: str, kept: bool) -> None:
    from resdraft.library_import import _session_words

    jinja = _session_words(words, 78, bodies=("United Nations General Assembly",))
    assert (jinja == words) is kept, jinja


@pytest.mark.parametrize(
    ("session", "words", "jinja"),
    [
        # The next session and the one after (A/RES/78/205): the first was written out, the second
        # as Jinja, so rolled on a session the list read "seventy-ninth and eighty-first".
        (
            78,
            "at its seventy-ninth and eightieth sessions a report",
            "at its {{ session.next.ordinal }} and {{ session.next.next.ordinal }} sessions a report",
        ),
        # The text's own session and the next, as single ordinals of them are.
        (
            79,
            "at its seventy-ninth and eightieth sessions a report",
            "at its {{ session.ordinal }} and {{ session.next.ordinal }} sessions a report",
        ),
        (
            79,
            "at its eightieth, eighty-first and eighty-second sessions",
            "at its {{ session.next.ordinal }}, {{ session.next.next.ordinal }} and {{ session.next.next.next.ordinal }} sessions",
        ),
        # A list with a session before the text's stays as written (A/RES/78/217, 79/128).
        (78, "at its seventy-seventh and seventy-eighth sessions", "at its seventy-seventh and seventy-eighth sessions"),
        (
            79,
            "at the seventy-eighth and seventy-ninth sessions of the Assembly",
            "at the seventy-eighth and seventy-ninth sessions of the Assembly",
        ),
    ],
)
def test_every_session_of_a_list_from_the_texts_own_on_is_written_as_jinja(session: int, words: str, jinja: str) -> None:
    from resdraft.library_import import _session_words

    assert _session_words(words, session, bodies=("United Nations General Assembly",)) == jinja


def test_a_list_of_sessions_to_come_moves_on_whole_when_rolled(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/217 asks for an oral report "at its seventy-ninth and eightieth sessions", twice;
    rolled to the 79th the draft asked for it "at its seventy-ninth and eighty-first sessions",
    where the 79th session's texts ask "at its eightieth and eighty-first sessions" (79/152, 79/165,
    79/176, 79/238). The reports it takes note of "at its seventy-seventh and seventy-eighth
    sessions" stay those sessions'."""
    result = import_document(ga_text(tmp_path, "A/RES/78/217"))
    texts = " ".join(_rolled_texts(result.draft, 79))
    assert texts.count("at its eightieth and eighty-first sessions") == 2
    assert "seventy-ninth and" not in texts and "and eighty-first" in texts
    assert "to the General Assembly at its seventy-seventh and seventy-eighth sessions" in texts


def _rolled_texts(draft: Path, session: int) -> list[str]:
    """The paragraphs and footnotes of `draft` rolled on to `session` (`resdraft new`), spaced once."""
    result = runner.invoke(app, ["new", str(draft), "--session", str(session)])
    assert result.exit_code == 0, result.output
    path = Path(re.search(r"wrote (\S+\.yaml)", result.output).group(1))  # type: ignore[union-attr]
    rolled = load_resolution(path if path.is_absolute() else Path.cwd() / path)[0]
    texts = [p.text for p in (*rolled.preamble, *rolled.operative)] + [n.text for n in rolled.footnotes]
    return [" ".join(t.split()) for t in texts]


def test_a_footnote_citing_the_sessions_own_records_follows_the_draft_rolled_on(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/62's footnote 1 cites the Disarmament Commission's report in the Official Records of
    the 78th session; rolled to the 80th session it still read "Seventy-eighth Session, Supplement
    No. 42 (A/78/42)" (import wrote no footnote's session as Jinja). A footnote that gives where a
    resolution is printed keeps its session (A/RES/78/202: Human Rights Council resolution 52/13)."""
    result = import_document(ga_text(tmp_path, "A/RES/78/62"))
    texts = _rolled_texts(result.draft, 80)
    assert "Official Records of the General Assembly, Eightieth Session, Supplement No. 42 (A/80/42)." in texts
    assert not any("Seventy-eighth Session" in t for t in texts)
    result = import_document(ga_text(tmp_path, "A/RES/78/202"))
    texts = _rolled_texts(result.draft, 79)
    assert "Ibid., Seventy-eighth Session, Supplement No. 53 (A/78/53), chap. V, sect. A." in texts


def test_a_footnote_on_what_a_cited_resolution_did_keeps_its_session_when_rolled(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/263 recalls "its resolution 78/244 of 22 December 2023, in which it endorsed the report
    of the Committee for Programme and Coordination,[fn]", whose footnote gives that report: the
    78th session's records (A/78/16), which the 79th session's text cites as they are. Rolled on, the
    draft cited the next session's report (A/79/16), which 78/244 never endorsed."""
    result = import_document(ga_text(tmp_path, "A/RES/78/263"))
    texts = _rolled_texts(result.draft, 79)
    assert "Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 16 (A/78/16)." in texts
    assert not any("A/79/16" in t for t in texts)


def test_a_session_a_past_decision_set_stays_when_rolled(empty: Path, tmp_path: Path) -> None:
    """A/RES/79/85 welcomes a budget increase "in 2023 as decided after the seventy-eighth session":
    import wrote it as the previous session's Jinja, so rolled to the 80th the draft said "after the
    seventy-ninth session", which is false. Its paragraph 28 ("as decided in 2023, …, and to report
    to the General Assembly at its eightieth session") still moves its report on."""
    result = import_document(ga_text(tmp_path, "A/RES/79/85"))
    texts = _rolled_texts(result.draft, 80)
    assert any("in 2023 as decided after the seventy-eighth session of the General Assembly" in t for t in texts)
    assert any("as decided in 2023" in t and "at its eighty-first session on these issues" in t for t in texts)


def test_a_range_of_sessions_up_to_the_texts_own_ends_at_the_rolled_drafts_session(empty: Path, tmp_path: Path) -> None:
    """A/RES/78/113 takes into account the discussions "at the sixty-fourth to seventy-eighth
    sessions"; the 79th session's text (79/127) says "sixty-fourth to seventy-ninth", where the
    rolled draft kept the range as written."""
    result = import_document(ga_text(tmp_path, "A/RES/78/113"))
    texts = _rolled_texts(result.draft, 79)
    assert any("in the Sixth Committee at the sixty-fourth to seventy-ninth sessions of the General Assembly" in t for t in texts)


def test_imported_clause_files_are_already_in_the_layout_fmt_keeps(empty: Path, tmp_path: Path) -> None:
    """Right after an import, `resdraft clauses fmt --check` failed on every clause file it wrote
    (trailing spaces at folds, tags as block lists, long text not `>-`). The trafficking series
    (footnotes, a report two sessions on as Jinja), the law of the sea (431 clauses, sub-paragraphs)
    and the AIPO seed (an `end:` override, raised ordinals) now pass as written."""
    texts = [ga_text(tmp_path, s) for s in ("A/RES/78/228", "A/RES/78/69")]
    runner.invoke(app, ["import", str(CORPUS / "unga" / "UNGA_A-RES-76-186_trafficking-coordination.txt"), *map(str, texts)])
    assert import_document(SEED / "aipo-27ga-res-soc-01-2006.md").written
    written = sorted((empty / "clauses" / "imported").glob("*.yaml"))
    assert len(written) == 4
    result = runner.invoke(app, ["clauses", "fmt", "--check"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("4 clause file(s), 0 to reformat")


def _imported_clauses(root: Path, draft: str) -> list[dict[str, Any]]:
    """The clauses an import added for one draft, as its clause file lists them."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((root / "clauses" / "imported" / f"{draft}.yaml").read_text(encoding="utf-8"))["clauses"]


def _draft_uses(root: Path, draft: str) -> list[str]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((root / "drafts" / f"{draft}.yaml").read_text(encoding="utf-8"))
    return [e if isinstance(e, str) else e["clause"] for e in (*data["preamble"], *data["operative"])]


def _import_together(root: Path, tmp_path: Path, *symbols: str) -> None:
    texts = [ga_text(tmp_path, s) for s in symbols]
    result = runner.invoke(app, ["import", *map(str, texts)])
    assert result.exit_code == 0, result.output
    for symbol, text in zip(symbols, texts, strict=True):
        _same_paragraphs(root / "drafts" / f"{symbol_name(symbol)}.yaml", text)


def test_a_paragraph_with_sub_paragraphs_rewords_no_clause_that_shares_only_its_opening_words(
    empty: Path, tmp_path: Path
) -> None:
    # 78/322's "Requests the Secretary-General: (a) To develop an electronic handbook …" on
    # multidimensional vulnerability was taken as rewording 78/219's request on Myanmar: only
    # "Requests the Secretary-General" was compared, never the sub-paragraphs that ask.
    _import_together(empty, tmp_path, "A/RES/78/219", "A/RES/78/322")
    (request,) = [
        c for c in _imported_clauses(empty, "a-res-78-322") if c.get("opening") == "Requests" and c.get("subparagraphs")
    ]
    assert request["text"] == "the Secretary-General" and "electronic handbook" in request["subparagraphs"][0]
    assert any(c.get("opening") == "Requests" and c.get("subparagraphs") for c in _imported_clauses(empty, "a-res-78-219"))
    assert "amends" not in request


def test_a_paragraph_rewords_the_clause_of_the_draft_it_continues_before_any_other(empty: Path, tmp_path: Path) -> None:
    # 79/65 (the Regional Centre in Africa) takes note of the Secretary-General's report as 78/56
    # did (its report A/78/152, now A/79/128); 78/121 takes note of another report in the same
    # words (without a footnote). Of the equal scores the earliest clause won, 78/121's, in
    # another item's series.
    _import_together(empty, tmp_path, "A/RES/78/121", "A/RES/78/56", "A/RES/79/65")
    takes_note = "of the report of the Secretary-General[^fn1]"
    (earlier,) = [c["id"] for c in _imported_clauses(empty, "a-res-78-121") if c["text"] == takes_note[:-6]]
    (continued,) = [c["id"] for c in _imported_clauses(empty, "a-res-78-56") if c["text"] == takes_note]
    (new,) = [c for c in _imported_clauses(empty, "a-res-79-65") if c["text"] == takes_note]
    assert new["amends"] == continued != earlier


@pytest.mark.parametrize(
    ("symbols", "words", "continued_words"),
    [
        # 79/104 (French Polynesia) takes note of this session's working paper, as 78/91 did; in
        # Guam's words (78/92) it scored 87, in 78/91's own 69 (the paper's contents are new).
        (
            ("A/RES/78/91", "A/RES/78/92", "A/RES/79/104"),
            "on French Polynesia,[^fn1] which contained",
            "on French Polynesia[^fn1] and other relevant information",
        ),
        # 79/309 (UNMISS) apportions the amount for May and June 2026 as 78/306 did for 2025
        # (80.5); 79/307's for UNDOF, imported before it, scored 95.4.
        (
            ("A/RES/78/306", "A/RES/79/307", "A/RES/79/309"),
            "from 1 May to 30 June 2026",
            "from 1 May to 30 June 2025",
        ),
    ],
)
def test_a_paragraph_rewords_the_clause_of_the_draft_it_continues_before_a_closer_one_elsewhere(
    empty: Path, tmp_path: Path, symbols: tuple[str, ...], words: str, continued_words: str
) -> None:
    _import_together(empty, tmp_path, *symbols)
    continued, new = symbol_name(symbols[0]), symbol_name(symbols[-1])  # (the first continued by the last)
    (was,) = [c["id"] for c in _imported_clauses(empty, continued) if continued_words in c["text"]]
    (rewording,) = [c for c in _imported_clauses(empty, new) if words in c["text"]]
    assert rewording["amends"] == was


def test_a_paragraph_the_same_as_a_clause_imported_with_it_reuses_it_sub_paragraphs_and_all(empty: Path, tmp_path: Path) -> None:
    # 79/180 repeats 78/214's "Also calls upon all States" and its four sub-paragraphs word for
    # word; imported together, the clause the first import added was held without its
    # sub-paragraphs, so the second made an identical clause of its own.
    _import_together(empty, tmp_path, "A/RES/78/214", "A/RES/79/180")
    assert "unga.also-calls-upon-all-states" in _draft_uses(empty, "a-res-79-180")
    assert not [c for c in _imported_clauses(empty, "a-res-79-180") if c.get("opening") == "Also calls upon"]


def test_a_section_title_is_a_heading_without_an_opening_phrase(empty: Path, tmp_path: Path) -> None:
    # 79/257 prints "Political affairs" on a line of its own under "Part II"; the reader took
    # "Political" for an opening phrase, so the clause built "*Political* affairs" and was not
    # 78/252's "Political affairs".
    _import_together(empty, tmp_path, "A/RES/78/252", "A/RES/79/257")
    assert _draft_uses(empty, "a-res-79-257").count("unga.political-affairs") == 2
    assert not [c for c in _imported_clauses(empty, "a-res-79-257") if c.get("opening") == "Political"]


def test_a_paragraph_whose_no_break_space_is_a_plain_one_elsewhere_does_not_reuse_that_clause(
    empty: Path, tmp_path: Path
) -> None:
    # 78/233 prints "shocks\u202ffor risk-informed" in a sub-paragraph that 79/218 prints with a
    # plain space; the clause was reused, spaces being all one, and 79/218's draft built 78/233's
    # no-break space.
    old, new = ga_text(tmp_path, "A/RES/78/233"), ga_text(tmp_path, "A/RES/79/218")
    import_document(old)
    result = import_document(new)
    assert not result.warnings
    _same_paragraphs(result.draft, new)


@pytest.mark.parametrize(
    ("seed", "written"),
    [
        ("aalco-52-res-s8-2013", "style:\n  emphasis:\n    preambular: none\n"),
        ("aipo-27ga-res-soc-01-2006", "  emphasis:\n    preambular: bold\n    operative: none\n"),
        ("aipo-26ga-res-soc-03-2005", "header:\n  organization: ''\n"),
    ],
)
def test_an_import_keeps_the_masthead_and_opening_phrases_as_the_document_sets_them(empty: Path, seed: str, written: str) -> None:
    # The drafts rebuilt the body's house style, not the document: AALCO's 2013 preamble openings
    # (plain) came out bold and the review page marked six paragraphs "formatting changed"; AIPO's
    # 2006 openings (bold, then plain) came out italic; AIPO's 2005 text, which prints no line
    # naming the Organization, gained one, and its plain "Advocate …" among italic openings came
    # out italic. The hand-written drafts say so; the import now does too.
    source = SEED / f"{seed}.md"
    result = import_document(source)
    text = result.draft.read_text(encoding="utf-8")
    assert written in text
    if seed.startswith("aipo-26"):
        assert "  - clause: aipa.advocate-prevention-combat-trafficking-women-children\n    emphasis: none\n" in text
    diff = runner.invoke(app, ["diff", str(source), str(result.draft), "--to", "json"])
    data = json.loads(diff.stdout)
    assert "organization" not in {line.get("role") for line in data["masthead"] if line.get("status") != "unchanged"}
    page = runner.invoke(app, ["diff", str(source), str(result.draft), "--to", "html"]).stdout
    assert "formatting changed" not in page


@pytest.mark.parametrize("seed", ["aalco-50-secretariat-brief-2011", "aipo-26ga-res-soc-03-2005", "aipo-27ga-res-soc-01-2006"])
def test_an_import_keeps_the_formulas_as_the_document_sets_them(empty: Path, seed: str) -> None:
    # Formulas were compared by their words alone: AIPO's 2006 enacting formula (plain) came out
    # bold, its formula before the operative part (bold italic, "27^th^") plain with "27th", and
    # AALCO's 2011 italic enacting formula plain. AIPO's 2005 formula is a Markdown heading: bold,
    # the house style's, so none is written. The formulas are now those of the drafts written by hand.
    from resdraft.build import load_resolution

    hand = {"aalco-50": "aalco-50", "aipo-26g": "aipo-26", "aipo-27g": "aipo-27"}[seed[:8]]
    imported = load_resolution(import_document(SEED / f"{seed}.md").draft)[0]
    written = load_resolution(ROOT / "drafts" / f"{hand}.yaml")[0]
    for role in ("enacting", "transition"):
        assert getattr(imported, role) == getattr(written, role), role


def test_text_copied_from_a_pdf_carries_no_formatting_to_keep(empty: Path, tmp_path: Path) -> None:
    # The UN's PDF text has no bold or italics: its plain openings say nothing of how they were set.
    result = import_document(ga_text(tmp_path, "A/RES/79/161"))
    assert "emphasis" not in result.draft.read_text(encoding="utf-8")
