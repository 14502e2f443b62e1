"""PDFs of texts that are not the UN's (AALCO, AIPA) read as their laid-out page text made plain,
and a UN draft's PDF as LibreOffice lays out resdraft's own Word output."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from resdraft.cli import app
from resdraft.diff import compare
from resdraft.importers.pdflayout import unlaid
from resdraft.importers.text import parse_text
from resdraft.model import Footnote, Run
from resdraft.sources import read_document

DATA = Path(__file__).parent / "data"
runner = CliRunner()


@pytest.mark.parametrize("draft", ["aalco-52", "aipo-26", "aipo-27", "unga-64"])
def test_the_pdf_of_a_drafts_word_output_reads_back_as_the_draft(draft: str) -> None:
    # Each built to Word by resdraft and saved as PDF by LibreOffice (tests/data/*-built.pdf). An
    # AALCO or AIPA PDF was refused ("no enacting formula ('The General Assembly,' …)": only the UN's
    # were read); the UN draft's footnotes after the first page were lost (a two-digit marker has one
    # space after it where a one-digit one has two, their texts in line).
    pytest.importorskip("pypdf")
    diff = runner.invoke(app, ["diff", str(ROOT / "drafts" / f"{draft}.yaml"), str(DATA / f"{draft}-built.pdf")])
    assert diff.exit_code == 0, diff.output
    summary = diff.stdout.splitlines()[1:7]
    assert summary[:2] == ["header: unchanged", "masthead: unchanged"], diff.stdout
    assert all(line.split(": ")[1].split(" ")[1] == "unchanged" and "," not in line for line in summary[2:4]), diff.stdout
    if draft == "unga-64":
        assert summary[4] == "footnotes: 22 unchanged"


def test_an_aalco_pdf_is_read_as_plain_text_by_the_text_importer() -> None:
    pytest.importorskip("pypdf")
    res = read_document(str(DATA / "aalco-52-built.pdf")).resolution
    assert (res.body, res.session.number, res.fields["symbol"]) == ("aalco", 52, "AALCO/RES/52/S 8")
    assert [line.text for line in res.title] == [
        "RESOLUTION ON ESTABLISHING COOPERATION AGAINST TRAFFICKING IN WOMEN AND CHILDREN",
        "(Non-Deliberated)",
    ]
    assert not res.formatting_read  # (a PDF's text carries no formatting)


def test_laid_out_lines_run_on_into_paragraphs_and_page_numbers_go() -> None:
    page_1 = (
        "                                  27TH GENERAL ASSEMBLY\n"
        "                   10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES\n"
        "\n"
        "The Twenty-Seventh General Assembly:\n"
        "        Referring to the AIPO 23rd General Assembly Resolution on combating Trafficking in\n"
        "women, the 25th General Assembly Resolution on the Role of the Asian-\n"
        "African parliaments;\n"
        "        1    Trafficking in persons, not only in women and children but also in men, is a\n"
        "             complex and diverse problem;\n"
        "        2    Despite some success in fighting against trafficking, ASEAN countries recognize\n"
        "\n"
        "                                                      1\n"
    )
    page_2 = (
        "             that in the pursuit of this common goal, it requires due regard to the Protocol;\n"
        "        Agree to share information and experiences in combating trafficking in women and\n"
        "children, conduct study tours and exchange lessons learned among parliamentarians, and\n"
        "        Strengthen regional and international cooperation in combating trafficking.\n"
    )
    assert unlaid([page_1, page_2]).split("\n") == [
        "27TH GENERAL ASSEMBLY",  # (masthead lines stand as they are)
        "10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES",
        "",
        "The Twenty-Seventh General Assembly:",
        "",
        "Referring to the AIPO 23rd General Assembly Resolution on combating Trafficking in women, the 25th "
        "General Assembly Resolution on the Role of the Asian-African parliaments;",
        "",
        "1 Trafficking in persons, not only in women and children but also in men, is a complex and diverse problem;",
        "",
        "2 Despite some success in fighting against trafficking, ASEAN countries recognize that in the pursuit of "
        "this common goal, it requires due regard to the Protocol;",  # (across the page's number and its break)
        "",
        "Agree to share information and experiences in combating trafficking in women and children, conduct study "
        "tours and exchange lessons learned among parliamentarians, and",
        "",
        "Strengthen regional and international cooperation in combating trafficking.",
        "",
    ]


def test_a_subtitle_set_apart_leaves_the_title_to_the_block_before_it() -> None:
    # A PDF's masthead has a blank line between the title and "(Non-Deliberated)": the title was
    # the last block alone, so the resolution had a subtitle and no title.
    text = (
        "AALCO/RES/52/S 8\n12 SEPTEMBER 2013\n\nRESOLUTION ON ESTABLISHING COOPERATION AGAINST TRAFFICKING IN\n"
        "WOMEN AND CHILDREN\n\n(Non-Deliberated)\n\n"
        "The Asian-African Legal Consultative Organization at its Fifty-Second Annual Session\n\n"
        "Considering the Secretariat Document No. AALCO/52/S 8;\n\n1. Decides to place this item on the agenda.\n"
    )
    res = parse_text(text)
    assert [(line.role, line.text) for line in res.title] == [
        ("title", "RESOLUTION ON ESTABLISHING COOPERATION AGAINST TRAFFICKING IN WOMEN AND CHILDREN"),
        ("subtitle", "(Non-Deliberated)"),
    ]


def test_an_aipa_assembly_line_printed_over_two_lines_is_one() -> None:
    text = (
        "ASEAN INTER-PARLIAMENTARY ORGANIZATION\n27TH GENERAL ASSEMBLY\n10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES\n\n"
        "27GA/06/SOC/01\n\nRESOLUTION ON LEGAL COOPERATION\n\nThe Twenty-Seventh General Assembly:\n\n"
        "Referring to the Resolution;\n\nHereby resolves to:\n\nEstablish a Working Group.\n"
    )
    header = {line.role: line.text for line in parse_text(text).header}
    assert header["assembly"] == "27TH GENERAL ASSEMBLY 10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES"
    assert "line" not in header


def test_a_date_at_a_page_foot_is_no_footnote_however_its_day_is_spaced() -> None:
    # A two-digit footnote marker with one space after it is a footnote's start where no rule sets
    # the notes off; "19 December 2023" under the closing formula is not footnote 19.
    from conftest import ga_resolution

    res = ga_resolution("A/RES/78/148")
    assert res.closing is not None and res.closing.text.split("\n")[-1] == "19 December 2023"


def test_a_footnote_of_the_same_words_is_unchanged_where_a_text_carries_no_formatting() -> None:
    # resdraft's unga-64 sets "Treaty Series" in italic; its PDF's text has none, so footnote 4
    # was "modified" with no word changed.
    pytest.importorskip("pypdf")
    draft = read_document(str(ROOT / "drafts" / "unga-64.yaml")).resolution
    pdf = read_document(str(DATA / "unga-64-built.pdf")).resolution
    assert {c.status for c in compare(draft, pdf).footnotes} == {"unchanged"}
    italic = draft.footnotes[4]
    assert any(isinstance(s, Run) and s.italic for s in italic.content)
    plain = Footnote(italic.marker, (Run(italic.text),))
    unread = dataclasses.replace(pdf, footnotes=(*pdf.footnotes[:4], plain, *pdf.footnotes[5:]))
    assert compare(draft, unread).footnotes[4].status == "unchanged"
    read = dataclasses.replace(draft, footnotes=(*draft.footnotes[:4], plain, *draft.footnotes[5:]))
    assert compare(draft, read).footnotes[4].status == "modified"  # (both texts' formatting read: the italic's loss is a change)


LAYOUTS = DATA / "pdf-layouts"


@pytest.mark.parametrize(
    ("draft", "pdf"),
    [
        # An outside audit's variations of the example drafts, edited in Word and saved as PDF by
        # LibreOffice; each was read otherwise than the draft (what went wrong, before):
        ("aalco-52", "aalco-52-blank-lines"),  # paragraphs set apart by space, not indents: two merged
        ("aipo-26", "aipo-26-one-line-paragraphs"),  # paragraphs of one line each at 9 pt: merged in twos
        ("aipo-26", "aipo-26-wrapped-masthead"),  # "… VIENTIANE," over "LAO PDR": a masthead line of its own
        ("aalco-52", "aalco-52-formula-broken-at-hyphen"),  # "Fifty-" / "Second Annual Session": refused
        ("aipo-26", "aipo-26-formula-after-full-line"),  # "Hereby resolves to:" took the paragraph before it
        ("aipo-27", "aipo-27-narrow-page"),  # the closing "Adopted this …" run on to op. 4; the title split
        ("aipo-26", "aipo-26-sentence-ends-a-line"),  # "… recommendations." / "Funding …": op. 8 split
        ("aalco-52", "aalco-52-running-head"),  # "AALCO/RES/52/S 8" at each page's head: a paragraph
        ("aalco-52", "aalco-52-running-foot"),  # "AALCO Secretariat, New Delhi 2": a paragraph
    ],
)
def test_a_pdf_laid_out_otherwise_reads_back_as_its_draft(draft: str, pdf: str) -> None:
    pytest.importorskip("pypdf")
    diff = runner.invoke(app, ["diff", str(ROOT / "drafts" / f"{draft}.yaml"), str(LAYOUTS / f"{pdf}.pdf"), "--to", "json"])
    assert diff.exit_code == 0, diff.output
    data = json.loads(diff.stdout)
    changed = [h["field"] for h in (*data["header"], *data["masthead"]) if h["status"] != "unchanged"]
    moved = [p["status"] for p in data["paragraphs"] if p["status"] != "unchanged"]
    assert changed == [] and moved == [], (changed, moved)


def test_a_footnote_marker_glued_to_its_text_starts_the_footnote_it_is_due_to() -> None:
    # unga-64 built at 14 pt and saved as PDF by LibreOffice: footnote 11's marker is wider than the
    # note's hanging indent, and the page's text reads "11See http://…". It was read as body text,
    # and footnotes 11 to 22 with it (each page's notes must go on from the last number read).
    pytest.importorskip("pypdf")
    diff = runner.invoke(app, ["diff", str(ROOT / "drafts" / "unga-64.yaml"), str(LAYOUTS / "unga-64-large-type.pdf")])
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.splitlines()[1:6] == [
        "header: unchanged",
        "masthead: unchanged",
        "preamble: 20 unchanged",
        "operative: 11 unchanged",
        "footnotes: 22 unchanged",
    ], diff.stdout


def test_a_number_glued_to_a_word_at_a_page_foot_is_no_footnote_unless_it_is_the_next() -> None:
    from resdraft.importers.pdftext import _glued_note

    assert _glued_note("11See http://www.unodc.org/", range(11, 12)) is not None
    symbol = _glued_note("14A/64/290.", range(14, 15))
    assert symbol is not None and symbol.groups() == ("14", "A/64/290.")
    assert _glued_note("2030Agenda for Sustainable Development", range(11, 12)) is None
    assert _glued_note("12See resolution 55/2.", range(11, 12)) is None  # (one footnote skipped: the next must be 11)
    assert _glued_note("11 See …", range(11, 12)) is None  # (spaced: the other patterns' case)


@pytest.mark.parametrize(
    ("name", "summary"),
    [
        # aipo-27 with three footnotes, one after a symbol ("26GA/2005/Soc/031"), one after "ASEAN.",
        # one under the closing formula; aalco-52 at 14 pt with five, two running on over three lines
        # and a paragraph a page break cut between its two marks.
        ("aipo-27-footnotes", ["preamble: 4 unchanged", "operative: 4 unchanged", "footnotes: 3 unchanged"]),
        ("aalco-52-footnotes-14pt", ["preamble: 6 unchanged", "operative: 4 unchanged", "footnotes: 5 unchanged"]),
    ],
)
def test_footnotes_at_a_page_foot_of_a_pdf_that_is_not_the_uns_are_footnotes(name: str, summary: list[str]) -> None:
    # Each built to Word by resdraft (the .docx beside it) and saved as PDF by LibreOffice. The notes
    # were read as text: a sub-paragraph "1  inserted" under the page's last paragraph, and the
    # marks left as digits in the words ("Soc/031", "City;2").
    pytest.importorskip("pypdf")
    diff = runner.invoke(app, ["diff", str(LAYOUTS / f"{name}.docx"), str(LAYOUTS / f"{name}.pdf")])
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.splitlines()[1:6] == ["header: unchanged", "masthead: unchanged", *summary], diff.stdout


FORMULA = "The Asian-African Legal Consultative Organization at its Fifty-Second Annual Session\n\n"


def test_a_numbered_line_at_a_page_foot_is_a_footnote_only_where_its_number_stands_glued_above() -> None:
    page = "        Noting the report of the Secretariat;1\n\n        Decides to adopt it.\n\n\n1  Circulated in advance.\n"
    assert unlaid([FORMULA + page]).endswith(
        "Noting the report of the Secretariat;¹\n\nDecides to adopt it.\n\n¹ Circulated in advance.\n"
    )
    loose = page.replace(";1", ";")  # (no mark: the line stays where it stands, as text)
    assert unlaid([FORMULA + loose]).endswith("Decides to adopt it.\n\n1 Circulated in advance.\n")
    late = page.replace("1  Circulated", "2  Circulated")  # (not the note due: the first is 1)
    assert unlaid([FORMULA + late]).endswith("Decides to adopt it.\n\n2 Circulated in advance.\n")
    year = page.replace(";1", " in 2021")  # (a number glued to nothing is no mark)
    assert "¹" not in unlaid([FORMULA + year.replace("1  Circulated", "21  Circulated")])
    symbol = page.replace("Noting the report", "Noting decision C-SS-4/DEC.1 and the report")  # (a symbol's part, not ASEAN.1)
    assert "C-SS-4/DEC.1 and the report of the Secretariat;¹" in unlaid([FORMULA + symbol])
    assert "ASEAN.¹" in unlaid([FORMULA + page.replace("Secretariat;1", "Secretariat of ASEAN.1")])


def test_a_resolution_written_in_word_and_its_pdf_read_alike() -> None:
    # Written by hand in Word (not built by resdraft): its sub-paragraph "(c)" after "…; and" ran
    # into "(b)", and its title, wrapped with no blank line before it, lost its first line.
    pytest.importorskip("pypdf")
    diff = runner.invoke(
        app, ["diff", str(LAYOUTS / "aalco-55-written-in-word.docx"), str(LAYOUTS / "aalco-55-written-in-word.pdf")]
    )
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.splitlines()[1:4] == ["header: unchanged", "preamble: 4 unchanged", "operative: 3 unchanged"], diff.stdout


@pytest.mark.parametrize(
    ("pdf", "said"),
    [
        ("two-resolutions", "the PDF holds more than one resolution: another begins on page 2"),
        ("aes-password", "the PDF is encrypted"),
        ("no-pages", "the PDF has no pages"),
    ],
)
def test_a_pdf_that_is_not_one_resolution_is_refused_in_words(pdf: str, said: str) -> None:
    # Two AALCO resolutions in one file were read as one (12 operative paragraphs); an AES-protected
    # file ended in pypdf's DependencyError traceback; a file of no pages was called "a scan?".
    pytest.importorskip("pypdf")
    result = runner.invoke(app, ["parse", str(LAYOUTS / f"{pdf}.pdf")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert said in result.output and "hint:" in result.output


def test_an_aes_protected_pdf_with_no_password_to_open_is_read() -> None:
    pytest.importorskip("cryptography")
    res = read_document(str(LAYOUTS / "aes-no-password.pdf")).resolution
    assert res.body == "aalco" and len(res.operative) == 4
