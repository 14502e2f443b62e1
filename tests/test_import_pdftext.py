"""The PDF-text importer reads the raw text of UN resolutions' PDFs (and the PDFs themselves) into the document model."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import string
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import CORPUS, SEEDS
from resdraft.cli import app
from resdraft.errors import LibraryError
from resdraft.importers.pdftext import is_pdf_text, parse_pdf, parse_pdf_text, read_pdf_text
from resdraft.model import FootnoteRef, Paragraph, Resolution, Run, plain

TRAFFICKING = CORPUS / "unga" / "UNGA_A-RES-76-186_trafficking-coordination.txt"
UNSC = CORPUS / "unsc-unmis"
# Built from drafts/unga-64.yaml with resdraft.build.build(path, "docx") and converted with
# LibreOffice (`soffice --headless --convert-to pdf`), as resdraft.preview.to_pdf does.
DRAFT_PDF = Path(__file__).parent / "data" / "unga-64-draft.pdf"


@cache
def _records() -> dict[str, dict]:
    """The GA corpus records by symbol."""
    out = {}
    for path in sorted((CORPUS / "unga").glob("A-RES-*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                out[record["symbol"]] = record
    return out


def _corpus(symbol: str) -> Resolution:
    return parse_pdf_text(_records()[symbol]["text"], Path(symbol.replace("/", "_") + ".txt"))


@cache
def _trafficking() -> Resolution:
    return parse_pdf_text(TRAFFICKING.read_text(encoding="utf-8"), TRAFFICKING)


def _numbered(res: Resolution) -> list[Paragraph]:
    return [p for p in res.operative if p.number is not None]


def _error(text: str, **kwargs: object) -> str:
    with pytest.raises(LibraryError) as info:
        parse_pdf_text(text, Path("pasted.txt"), **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# ---------------------------------------------------------------- 76/186, the seed unga-64's series


def test_trafficking_header_fields_come_from_the_masthead() -> None:
    res = _trafficking()
    assert (res.body, res.session.number, res.date) == ("unga", 76, dt.date(2022, 1, 11))
    assert res.fields["symbol"] == "A/RES/76/186"
    assert res.fields["title"] == "Improving the coordination of efforts against trafficking in persons"
    assert res.fields["number"] == "76/186"
    assert res.fields["agenda_item"] == "108"
    assert res.fields["agenda_title"] == "Crime prevention and criminal justice"
    assert res.fields["adopted"] == dt.date(2021, 12, 16)
    assert res.fields["report"] == "[on the report of the Third Committee (A/76/463, para. 26)]"
    # The masthead's two columns, which the PDF text gives row by row ("United Nations", the
    # symbol, "General Assembly" …), are read column by column, in the house style's order: a
    # redline of last year's text against this year's draft struck and inserted the organ line.
    assert [line.role for line in res.header][:6] == ["organization", "organ", "symbol", "distribution", "date", "session"]
    assert [t.text for t in res.title] == ["Improving the coordination of efforts against trafficking in persons"]
    assert res.enacting is not None and res.enacting.text == "The General Assembly,"


def test_trafficking_operative_paragraphs_are_numbered_one_to_twenty_eight() -> None:
    res = _trafficking()
    assert [p.number for p in res.operative] == list(range(1, 29))
    assert [p.label for p in res.operative][:2] == ["1.", "2."]
    assert res.numbering.operative == "1."
    first, last = res.operative[0], res.operative[-1]
    assert first.text == (
        "Urges Member States that have not yet done so to consider ratifying or acceding to, as a matter of priority, "
        "the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and "
        "Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention "
        "against Transnational Organized Crime, taking into consideration the central role of those instruments in "
        "the fight against trafficking in persons, and also urges States parties to those instruments to fully and "
        "effectively implement their obligations;"
    )
    assert first.opening == "Urges"
    assert last.text.startswith(
        "Requests the Secretary-General to submit a report on the implementation of the present resolution"
    )
    assert last.text.endswith(
        "resilience and responsiveness of efforts to fight trafficking in persons in the context of COVID-19."
    )


def test_trafficking_paragraph_split_by_a_page_break_and_its_footnotes_is_joined() -> None:
    second = _trafficking().operative[1]
    assert second.text.endswith(
        "to continue to contribute to the full and effective implementation of the Global Plan of Action, including by "
        "means of strengthening cooperation and improving coordination among themselves in achieving that goal;"
    )
    assert second.footnote_refs == ("22",)
    assert "A/RES/76/186" not in second.text and "21-19241" not in second.text and "8/11" not in second.text


def test_trafficking_preambular_subparagraphs_keep_their_labels() -> None:
    reaffirming = next(p for p in _trafficking().preamble if p.text.startswith("Reaffirming that the Global Plan"))
    assert [s.label for s in reaffirming.subparagraphs] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert reaffirming.subparagraphs[1].text == (
        "To help Member States to reinforce their political commitments and legal obligations to prevent and combat "
        "trafficking in persons,"
    )
    # (f) runs over a page break and its footnote block
    assert reaffirming.subparagraphs[-1].text.endswith("taking into account existing best practices and lessons learned,")


def test_trafficking_openings_are_inferred_and_set_in_the_house_italic() -> None:
    res = _trafficking()
    assert [p.opening for p in res.preamble[:4]] == ["Reiterating", "Reiterating", "Bearing in mind", "Recognizing"]
    assert [p.opening for p in res.operative[2:5]] == ["Calls upon", "Recalls", "Also recalls"]
    head = res.preamble[2].content[0]
    assert isinstance(head, Run) and head.opening and head.italic and head.text == "Bearing in mind"
    assert res.emphasis["preambular"] == "italic"


def test_trafficking_footnotes_are_restored_with_markers_where_the_digits_stood() -> None:
    res = _trafficking()
    assert [n.marker for n in res.footnotes] == [str(i) for i in range(1, 23)]
    assert res.footnotes[0].text == "Resolution 70/1."
    assert res.footnotes[21].text == "Resolution 64/293."
    recalling = res.preamble[5]
    assert recalling.footnote_refs == ("1", "2", "3", "4")
    # "Development,1 and recalling also": the marker sits after the comma, the words run on
    spans = recalling.content
    at = spans.index(FootnoteRef("1"))
    assert isinstance(spans[at - 1], Run) and spans[at - 1].text.endswith("the 2030 Agenda for Sustainable Development,")
    assert isinstance(spans[at + 1], Run) and spans[at + 1].text.startswith(" and recalling also the targets")
    # "Slavery, 8": a marker the extraction set apart by a space
    assert res.preamble[6].footnote_refs == ("5", "6", "7", "8")
    assert res.preamble[6].text.endswith("Institutions and Practices Similar to Slavery,")


def test_trafficking_closing_formula_is_the_plenary_meeting() -> None:
    res = _trafficking()
    assert res.closing is not None and res.closing.text == "53rd plenary meeting\n16 December 2021"
    assert res.fields["status"] == "adopted"


@pytest.mark.parametrize(
    ("symbol", "closing"),
    [
        ("A/RES/78/252", "50th (resumed) plenary meeting\n22 December 2023"),
        ("A/RES/78/317", "100th plenary meeting\n16 July 2024"),
        ("A/RES/79/81", "46th plenary meeting\n3 December 2024"),
        # (79/85's PDF text runs the year into the month, "4 December2024": the draft had no
        # meeting, and a closing formula of its own printing "47th plenary meeting 4 December2024")
        ("A/RES/79/85", "47th plenary meeting\n4 December 2024"),
    ],
)
def test_a_closing_formula_is_its_two_lines_without_the_annex_heading_after_a_page_break(symbol: str, closing: str) -> None:
    # The annex begins on the next page; with the page's running header gone, its heading ("Annex",
    # and in 79/81 its title too) ran on into the closing formula.
    res = _corpus(symbol)
    assert res.closing is not None and res.closing.text == closing
    assert res.fields["meeting"] == closing.split("\n")[0]


@pytest.mark.parametrize(
    ("symbol", "last_end", "closing"),
    [
        ("A/RES/78/20", "principles of responsible behaviours”.", "42nd plenary meeting\n4 December 2023"),
        ("A/RES/78/71", "in a sustainable manner.", "45th plenary meeting\n7 December 2023"),
    ],
)
def test_a_closing_formula_printed_right_under_the_last_paragraph_is_the_closing(
    symbol: str, last_end: str, closing: str
) -> None:
    # No blank line between the last paragraph and "42nd plenary meeting" in these two texts.
    res = _corpus(symbol)
    assert res.operative[-1].text.endswith(last_end)
    assert res.closing is not None and res.closing.text == closing


# ---------------------------------------------------------------- resolutions of sessions 78 and 79

CORPUS_CASES = {
    # symbol: (title, numbered operative paragraphs, first operative text, last operative text's end)
    "A/RES/78/6": (
        "Report of the International Criminal Court",
        31,
        "Welcomes the report of the International Criminal Court for 2022/23;",
        "for consideration by the General Assembly at its seventy-ninth session.",
    ),
    "A/RES/78/225": (
        "Enhancing the contributions of the Commission on Crime Prevention and Criminal Justice to the accelerated "
        "implementation of the 2030 Agenda for Sustainable Development",
        15,
        "Recalls the commitment made by States to contribute to achieving the 2030 Agenda for Sustainable Development "
        "through their efforts in crime prevention and criminal justice, with the firm recognition that sustainable "
        "development and the rule of law are interlinked and mutually reinforcing, that crime is an impediment to "
        "sustainable development and that achieving sustainable development is an enabling factor for States to "
        "effectively prevent and combat crime;",
        "to the high-level political forum at its meeting in 2024, within existing reporting requirements.",
    ),
    "A/RES/78/248": (
        "Administration of justice at the United Nations",
        16,
        "Takes note of the report of the Secretary-General on administration of justice at the United Nations and on "
        "the activities of the Office of the United Nations Ombudsman and Mediation Services, the report of the Internal "
        "Justice Council on administration of justice at the United Nations and the related report of the Advisory "
        "Committee on Administrative and Budgetary Questions;",
        "shall exercise their powers according to their respective statutes.",
    ),
    "A/RES/79/9": (
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        30,
        "Takes note with satisfaction of the report of the Secretary-General;",
        "the sub-item entitled “Cooperation between the United Nations and the Organization of Islamic Cooperation”.",
    ),
}


@pytest.mark.parametrize("symbol", CORPUS_CASES)
def test_corpus_resolution_reads_with_its_symbol_session_title_and_operative_part(symbol: str) -> None:
    title, count, first, last_end = CORPUS_CASES[symbol]
    res = _corpus(symbol)
    assert res.fields["symbol"] == symbol
    assert res.session.number == int(symbol.split("/")[2])
    assert res.fields["title"] == title
    numbered = _numbered(res)
    assert [p.number for p in numbered] == list(range(1, count + 1))
    assert numbered[0].text == first
    assert numbered[-1].text.endswith(last_end)


@pytest.mark.parametrize("symbol", ["A/RES/78/256", "A/RES/79/261"])
def test_resolves_that_before_paragraph_1_is_the_transition_formula(symbol: str) -> None:
    # The Working Capital Fund resolutions: "The General Assembly / Resolves that: / 1. The Working
    # Capital Fund shall be established …". "Resolves that:" was read as a preambular paragraph,
    # where the text and Word importers read resdraft's own output of it as the transition formula.
    res = _corpus(symbol)
    assert res.transition is not None and res.transition.text == "Resolves that:"
    assert res.preamble == () and res.operative[0].number == 1


def test_a_verb_alone_over_sub_paragraphs_is_the_operative_paragraph_not_a_transition() -> None:
    # A/RES/78/329: "Decides: (a) To include …; (b) To biennialize …" is its one operative paragraph,
    # with its own (a) and (b), opening "Decides". It had no opening (the phrase was the whole
    # paragraph), so the resolution had no operative part: "Decides:" stood in the preamble.
    res = _corpus("A/RES/78/329")
    assert res.transition is None and len(res.preamble) == 1
    (decides,) = res.operative
    assert (decides.text, decides.opening, [s.label for s in decides.subparagraphs]) == ("Decides:", "Decides", ["(a)", "(b)"])


def test_marker_glued_to_a_semicolon_and_a_paragraph_cut_by_a_page_break() -> None:
    res = _corpus("A/RES/78/6")
    assert res.operative[0].footnote_refs == ("4",)  # "for 2022/23;4"
    assert res.operative[4].text.endswith(
        "that States need to adopt appropriate measures within their national legal systems for those crimes for which "
        "they are required under international law to exercise their responsibility to investigate and prosecute;"
    )
    assert res.operative[20].footnote_refs == ("9",)  # "12 February 2013,9 in which"
    assert [n.marker for n in res.footnotes] == [str(i) for i in range(1, 11)]
    assert res.footnotes[9].text == "Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 1 (A/78/1)."
    assert res.closing is not None and res.closing.text == "25th plenary meeting\n1 November 2023"
    assert res.date == dt.date(2023, 11, 2) and res.fields["adopted"] == dt.date(2023, 11, 1)


def test_resolution_without_an_enacting_formula_in_its_text_still_reads() -> None:
    res = _corpus("A/RES/78/225")
    assert res.enacting is None
    assert res.preamble[0].opening == "Reaffirming"
    assert res.operative[0].footnote_refs == ("2",)  # "Development 2 through": set apart by a space


def test_paragraph_number_that_lost_its_dot_still_starts_the_next_paragraph() -> None:
    res = _corpus("A/RES/79/160")  # "26 \nCondemns …" and "27 \nAffirms …" in the PDF text
    numbered = {p.number: p for p in res.operative if p.number is not None}
    assert [numbered[n].text.split()[0] for n in (25, 26, 27, 28)] == ["Recalls", "Condemns", "Affirms", "Recalls"]
    assert numbered[26].label == "26." and not numbered[25].subparagraphs


def test_quoted_numbered_text_stays_inside_its_paragraph() -> None:
    res = _corpus("A/RES/78/248")
    amends = _numbered(res)[13]
    assert amends.text.endswith("the statute of the United Nations Dispute Tribunal: Article 9, new paragraph 4:")
    assert [(s.label, s.text[:30]) for s in amends.subparagraphs] == [("4.", "In hearing an application to a")]


def test_sectioned_resolution_keeps_its_headings_apart_from_the_paragraphs() -> None:
    res = _corpus("A/RES/78/248")
    headings = [p for p in res.operative if p.number is None]
    assert [(p.label, p.text) for p in headings] == [
        ("I", "System of administration of justice"),
        ("II", "Informal system"),
        ("III", "Formal system"),
        ("IV", "Other issues"),
    ]
    assert all(p.opening is None for p in headings)


def test_a_heading_printed_with_its_title_on_one_line_is_a_heading_not_a_subparagraph() -> None:
    # The Pact for the Future prints "I." and "II." alone above their titles, "III. Science, …" on one line.
    res = _corpus("A/RES/79/1")
    headings = [(p.label, p.text) for p in res.operative if p.number is None and p.label and not p.label.startswith("Action")]
    assert headings == [
        ("I.", "Sustainable development and financing for development"),
        ("II.", "International peace and security"),
        ("III.", "Science, technology and innovation and digital cooperation"),
        ("IV.", "Youth and future generations"),
        ("V.", "Transforming global governance"),
    ]
    numbers = [p.number for p in res.operative if p.number is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(not s.label.startswith(("III", "IV")) for p in res.operative for s in p.subparagraphs if s.label)


def test_a_declarations_paragraphs_have_no_opening_phrase_inferred() -> None:
    # "We, the Heads of State …", "Yet this is …", "Science, technology …": no phrase of a resolution's.
    res = _corpus("A/RES/79/1")
    assert res.operative[0].opening == "Adopts"  # (the resolution's own words, before the declaration)
    assert [p.opening for p in res.operative if p.opening] == ["Adopts"]
    assert not any(isinstance(s, Run) and s.opening for p in res.operative[1:] for s in p.content)


def test_the_pacts_actions_are_headings_and_its_adoption_opens_the_operative_part() -> None:
    # A/RES/79/1 adopts the Pact for the Future printed under it: "Adopts the following Pact for
    # the Future and its annexes:" was read as the preamble, and the Pact's 56 pledges, "Action 1.
    # We will take bold … behind." printed right under a paragraph, bold, were run on to the
    # paragraph (or sub-paragraph) before them; one, "Action 6. …", stood as an unnumbered paragraph.
    res = _corpus("A/RES/79/1")
    assert res.preamble == () and res.operative[0].text == "Adopts the following Pact for the Future and its annexes:"
    assert (
        res.operative[0].number is None and res.heading(res.operative[1]) and res.operative[1].text == "The Pact for the Future"
    )
    actions = [p for p in res.operative if p.label and p.label.startswith("Action")]
    assert [p.label for p in actions] == [f"Action {n}." for n in range(1, 57)]
    assert all(res.heading(p) and p.text.startswith("We will ") and p.text.endswith(".") for p in actions)
    assert actions[0].text == (
        "We will take bold, ambitious, accelerated, just and transformative actions to implement the 2030 Agenda, "
        "achieve the Sustainable Development Goals and leave no one behind."
    )
    assert not any(re.search(r"Action \d", s.text) for p in res.operative for s in p.walk() if not res.heading(s))
    twenty = next(p for p in res.operative if p.number == 20)
    assert twenty.subparagraphs[-1].text == "Remove all obstacles to sustainable development and refrain from economic coercion."
    assert [p.number for p in res.operative if p.number] == list(range(1, 85))


def test_a_lettered_line_after_a_colon_stays_in_the_list_it_opens() -> None:
    # "19. Approves the changes to the staffing table as set out in the table below:" over "A. Secretariat …"
    res = _corpus("A/RES/79/253")
    approves = next(p for p in res.operative if p.number == 19)
    assert [(s.label, s.text) for s in approves.subparagraphs][:1] == [("A.", "Secretariat of the Pension Board")]


def test_a_word_the_pdf_broke_at_its_hyphen_is_whole_again_and_a_suspended_hyphen_stays() -> None:
    broken = re.compile(r"\w- (?!(?:and|or|nor|to|as|but)\b)\w")
    for symbol in (
        "A/RES/78/56",
        "A/RES/78/69",
        "A/RES/78/190",
    ):  # their raw text has "non- governmental", "UN- Oceans", "neo- Nazism"
        assert broken.search(_records()[symbol]["text"])
        res = _corpus(symbol)
        assert not any(broken.search(p.text) for p in res.paragraphs()), symbol
        assert not any(broken.search(plain(n.content)) for n in res.footnotes), symbol
    assert "neo-Nazism" in _numbered(_corpus("A/RES/78/190"))[3].text
    assert any("confidence- and security-building measures" in p.text for p in _corpus("A/RES/78/19").paragraphs())


def test_a_heading_without_a_numeral_above_paragraph_1_opens_the_operative_part() -> None:
    # "… most recently adopted by consensus as resolution 78/330 of 6 September 2024," then
    # "Role and authority of the General Assembly" over "1. Recognizes …", as "Working methods" over a later one.
    res = _corpus("A/RES/79/327")
    assert res.preamble[-1].text.endswith("6 September 2024,")
    first = res.operative[0]
    assert (first.text, first.label, first.number, first.opening, first.heading) == (
        "Role and authority of the General Assembly",
        None,
        None,
        None,
        True,
    )
    assert res.operative[1].number == 1
    # Each of its four headings is one, a heading printed on two lines too ("Strengthening of the
    # accountability, transparency and institutional memory of / the Office of the President …").
    assert [(p.text[:30], p.opening) for p in res.operative if p.heading] == [
        ("Role and authority of the Gene", None),
        ("Working methods", None),
        ("Selection and appointment of t", None),
        ("Strengthening of the accountab", None),
    ]
    # 78/322 prints its "Final report" under a page's running header, after a paragraph ending in a comma.
    res = _corpus("A/RES/78/322")
    assert res.preamble[-1].text.endswith("go beyond gross domestic product,")
    assert [p.text for p in res.operative[:1]] == ["Final report"]


def test_a_heading_without_a_numeral_has_no_opening_phrase() -> None:
    # Headings of a part, "Humanitarian assistance", or of a preamble, "Social aspects": no italic first word.
    headings = {
        "A/RES/79/317": ("operative", "Humanitarian assistance"),
        "A/RES/79/257": ("operative", "Political affairs"),
        "A/RES/78/148": ("preamble", "Social aspects"),
    }
    for symbol, (part, title) in headings.items():
        heading = next(p for p in getattr(_corpus(symbol), part) if p.text == title)
        assert heading.opening is None and not any(isinstance(s, Run) and s.opening for s in heading.content), symbol
    # A paragraph whose comma the PDF lost keeps its opening: "Having received the report … for 2022¹".
    assert _corpus("A/RES/78/8").preamble[0].opening == "Having received"


def test_a_preambular_paragraph_a_stray_blank_line_cut_is_whole_again() -> None:
    from conftest import ga_pair
    from resdraft.diff import compare

    # "… Unregulated Fishing adopted by the Food and Agriculture", a blank line, "Organization of the United Nations,"
    assert "Food and Agriculture \n \nOrganization of the United Nations," in _records()["A/RES/79/145"]["text"]
    recalling = [
        p.text
        for p in _corpus("A/RES/79/145").preamble
        if p.text.startswith("Recalling the International Plan of Action to Prevent")
    ]
    assert recalling == [
        "Recalling the International Plan of Action to Prevent, Deter and Eliminate Illegal, Unreported and Unregulated "
        "Fishing adopted by the Food and Agriculture Organization of the United Nations,"
    ]
    diff = compare(*ga_pair("A/RES/78/68"))
    assert not any(c.status == "inserted" and c.new and c.new.text.startswith("Organization of") for c in diff.preamble)


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space_and_a_compound_broken_there_is_whole() -> None:
    from conftest import ga_pair
    from resdraft.diff import compare

    # "results-" over "and action-oriented", "burden-" over "and responsibility-sharing" …
    for symbol, words in (
        ("A/RES/78/162", "results- and action-oriented"),
        ("A/RES/78/163", "trade- and transit-related"),
        ("A/RES/78/184", "burden- and responsibility-sharing"),
        ("A/RES/79/1", "zero- and low-carbon fuels"),
        ("A/RES/79/172", "gender- and age-appropriate"),
    ):
        assert re.search(words.split()[0] + r" *\n *and\b", _records()[symbol]["text"]), symbol
        assert any(words in p.text for p in _corpus(symbol).paragraphs()), symbol
    # … where "peer-" over "to-peer" or "business-" over "as-usual" is one word.
    assert any("business-as-usual recovery" in p.text for p in _corpus("A/RES/78/157").paragraphs())
    # 79/156 prints "burden- and" on one line: the pair marks no space.
    diff = compare(*ga_pair("A/RES/78/184"))
    assert not any(op != "equal" and text == " " for c in diff.preamble + diff.operative for op, text in c.ops)


def test_a_range_of_years_broken_after_its_dash_at_a_line_end_is_whole_again() -> None:
    # "the International Decade for People of African Descent (2015–" over "2024), which urges …"
    assert "(2015–\n2024)" in _records()["A/RES/78/174"]["text"].replace(" \n", "\n")
    for symbol in ("A/RES/78/174", "A/RES/79/146", "A/RES/79/222"):
        texts = [p.text for p in _corpus(symbol).paragraphs()]
        assert not any(re.search(r"\d– \d", text) for text in texts), symbol
    assert any("(2015–2024)" in text for text in (p.text for p in _corpus("A/RES/78/174").paragraphs()))


def test_a_pair_differs_no_more_where_one_text_broke_a_word_at_its_hyphen() -> None:
    from conftest import ga_pair
    from resdraft.diff import compare

    diff = compare(*ga_pair("A/RES/78/190"))  # 78/190's fourth paragraph prints "neo- Nazism", 79/160's "neo-Nazism"
    fourth = next(c for c in diff.operative if c.old_index == 3)
    assert fourth.status == "unchanged"


def test_the_typesetters_non_breaking_hyphens_and_spaces_are_read_as_plain_ones_and_mark_no_change() -> None:
    from conftest import ga_pair
    from resdraft.diff import compare

    # The 79th session's PDFs print "non‑governmental" (U+2011) where the 78th's print "non-governmental".
    assert "\u2011" in _records()["A/RES/79/144"]["text"]
    res = _corpus("A/RES/79/144")
    assert not any("\u2011" in p.text for p in res.paragraphs())
    assert not any("\u2011" in plain(n.content) for n in res.footnotes)
    diff = compare(*ga_pair("A/RES/78/69"))
    marked = [text for c in diff.operative for op, text in c.ops if op != "equal"]
    assert not any(text in ("-", "\u2011") for text in marked)
    # A narrow no-break space stands between day and month in 78/247's list of resolutions: a space.
    assert "\u202f" in _records()["A/RES/78/247"]["text"]
    text = " ".join(p.text for p in _corpus("A/RES/78/247").paragraphs())
    assert "\u202f" not in text and "64/232 of 22 December 2009" in text


def test_running_headers_and_job_numbers_never_reach_the_text() -> None:
    for symbol in ("A/RES/78/6", "A/RES/78/248", "A/RES/79/9"):
        res = _corpus(symbol)
        job = _records()[symbol]["text"].split("\n")[8].split(" ")[0]  # "23-21327" from the masthead's job line
        for p in res.paragraphs():
            assert symbol not in p.text and job not in p.text, (symbol, p.text)


# ---------------------------------------------------------------- the Security Council

UNSC_OPERATIVE = {
    "1590": 18,
    "1627": 4,
    "1663": 10,
    "1706": 15,
    "1709": 2,
    "1714": 4,
    "1755": 6,
    "1784": 17,
    "1812": 26,
    "1919": 25,
}


@pytest.mark.parametrize("number", UNSC_OPERATIVE)
def test_security_council_resolution_reads_in_each_raw_format(number: str) -> None:
    path = next(UNSC.glob(f"UNSC_S-RES-{number}-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    assert res.body == "unsc" and res.session.number == {"1706": 0}.get(number, int(path.stem.split("-")[3][:4]))  # its year
    assert res.enacting is not None and res.enacting.text == "The Security Council,"
    assert [p.number for p in res.operative] == list(range(1, UNSC_OPERATIVE[number] + 1))
    assert res.operative[-1].text.startswith("Decides to remain")  # an operative paragraph, not a closing formula
    assert res.operative[-1].text.endswith("matter.")
    assert res.closing is None
    assert res.preamble[0].opening.startswith("Recalling")  # type: ignore[union-attr]


def test_layout_preserving_security_council_text_reads_its_masthead_and_indented_paragraphs() -> None:
    path = next(UNSC.glob("UNSC_S-RES-1663-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    assert res.fields["symbol"] == "S/RES/1663 (2006)"
    assert res.date == dt.date(2006, 3, 24)
    assert [t.text for t in res.title] == [  # (the adoption line under the heading, as printed)
        "Resolution 1663 (2006)",
        "Adopted by the Security Council at its 5396th meeting, on 24 March 2006",
    ]
    assert len(res.preamble) == 9
    assert res.preamble[-1].text == (
        "Determining that the situation in the Sudan continues to constitute a threat to international peace and security,"
    )


@pytest.mark.parametrize("number", ["1755", "1784", "1812"])
def test_an_adoption_line_broken_before_its_day_is_one_line_and_dates_the_adoption(number: str) -> None:
    # "Adopted by the Security Council at its 5670th meeting, on" / "30 April 2007": the day was read as the masthead's date line.
    path = next(UNSC.glob(f"UNSC_S-RES-{number}-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    assert [line.role for line in res.title] == ["title", "adoption"]  # (under the heading, as the Council prints it)
    assert re.fullmatch(r"Adopted by the Security Council at its \d+(nd|th) meeting, on \d+ \w+ 20\d\d", res.title[1].text)
    assert res.fields["adopted"] == res.date and res.fields["status"] == "adopted"
    assert res.session.number == res.date.year  # (1812's symbol prints "(208)")


def test_label_printed_under_its_paragraphs_first_line_belongs_to_that_paragraph() -> None:
    path = next(UNSC.glob("UNSC_S-RES-1812-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    third = res.operative[2]
    assert (third.number, third.opening) == (3, "Stresses")
    assert third.text.startswith("Stresses the importance of full and expeditious implementation of all elements of the CPA")


def test_press_release_quotes_and_bullets_are_read() -> None:
    path = next(UNSC.glob("UNSC_S-RES-1706-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    assert res.preamble[0].text.startswith("Recalling its previous resolutions")
    assert res.operative[-1].text == "Decides to remain seized of the matter."
    acting = res.operative[11]
    assert acting.text == "Acting under Chapter VII of the Charter of the United Nations:"
    assert [s.label for s in acting.subparagraphs] == ["(a)", "(b)"]
    assert len(acting.subparagraphs[0].subparagraphs) == 3  # the "--" bullets under (a)


def test_additionally_opens_a_council_paragraph_with_its_verb() -> None:
    # 1919's "3. Additionally requests the Secretary General …" had the opening phrase "Additionally":
    # lint said "'Additionally' is not a verb", and Word set only that word in italics.
    from resdraft.lint import lint

    path = next(UNSC.glob("UNSC_S-RES-1919-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    assert res.operative[2].opening == "Additionally requests"
    assert not [f for f in lint(str(path)).findings if "Additionally" in f.message]


def test_a_dash_printed_before_a_sub_paragraph_is_its_label() -> None:
    # 1706's "--    to protect …" under "(a) Decides …" had no label, and a draft rebuilt it as "(i)".
    path = next(UNSC.glob("UNSC_S-RES-1706-*.txt"))
    decides = parse_pdf_text(path.read_text(encoding="utf-8"), path).operative[11].subparagraphs[0]
    assert [s.label for s in decides.subparagraphs] == ["--", "--", "--"]
    assert decides.subparagraphs[0].text.startswith("to protect United Nations personnel")


@pytest.mark.parametrize(("number", "preamble"), [("1590", 23), ("1706", 12)])
def test_a_council_text_resdraft_wrote_reads_back_paragraph_by_paragraph(number: str, preamble: int, tmp_path: Path) -> None:
    # resdraft's text output indents sub-paragraphs, and at three indented lines the reader took
    # indentation, not blank lines, to part paragraphs: the whole preamble read as one paragraph.
    from resdraft.build import build
    from resdraft.library_import import import_document
    from resdraft.render.structure import to_structure

    path = next(UNSC.glob(f"UNSC_S-RES-{number}-*.txt"))
    res = parse_pdf_text(path.read_text(encoding="utf-8"), path)
    root = tmp_path / "lib"
    assert CliRunner().invoke(app, ["init", str(root)]).exit_code == 0
    text = build(import_document(path, start=root).draft, "txt")
    assert isinstance(text, str) and "\n    (" in text  # (its sub-paragraphs indented)
    back = parse_pdf_text(text)
    assert len(back.preamble) == preamble
    assert to_structure(back)["preamble"] == to_structure(res)["preamble"]
    assert to_structure(back)["operative"] == to_structure(res)["operative"]


def test_body_is_detected_and_can_be_named() -> None:
    text = _records()["A/RES/78/6"]["text"]
    assert parse_pdf_text(text).body == "unga"
    assert parse_pdf_text(text, body="unga").body == "unga"
    assert "unknown body 'aalco'" in _error(text, body="aalco")
    # The text says "The General Assembly,": asked to read it as the Council's, it was, under the Council's masthead.
    assert "the enacting formula “The General Assembly,” is unga's, but the text was to be read as unsc's" in _error(
        text, body="unsc"
    )


def test_pdf_text_is_told_from_markdown_and_plain_text() -> None:
    assert is_pdf_text(TRAFFICKING.read_text(encoding="utf-8"))
    assert is_pdf_text(_records()["A/RES/79/9"]["text"])
    assert all(is_pdf_text(path.read_text(encoding="utf-8")) for path in UNSC.glob("*.txt"))
    assert not any(is_pdf_text((CORPUS / "seeds" / f"{name}.md").read_text(encoding="utf-8")) for name in SEEDS.values())


# ---------------------------------------------------------------- PDF files


def test_pdf_file_reads_as_the_draft_it_was_built_from() -> None:
    pytest.importorskip("pypdf")
    res = parse_pdf(DRAFT_PDF.read_bytes(), DRAFT_PDF)
    assert (res.body, res.session.number, res.date) == ("unga", 64, dt.date(2009, 11, 10))
    assert res.fields["committee"] == "Third Committee"
    assert [t.text for t in res.title] == ["Improving the coordination of efforts against trafficking in persons"]
    assert (len(res.preamble), len(res.operative)) == (20, 11)
    assert [p.number for p in res.operative] == list(range(1, 12))
    assert res.preamble[0].text.startswith("Recalling its resolution 63/194 of 18 December 2008")
    assert res.preamble[0].footnote_refs == ("1",)
    assert res.operative[1].footnote_refs == ("21",)
    assert [n.marker for n in res.footnotes] == ["*", *map(str, range(1, 22))]
    assert res.footnotes[0].text == "On behalf of the States Members of the United Nations that are members of the African Group."
    sponsors = next(line for line in res.header if line.role == "sponsors")
    assert FootnoteRef("*") in sponsors.content


def test_pdf_needs_the_optional_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    with pytest.raises(LibraryError) as info:
        parse_pdf(b"%PDF-1.7\n", Path("res.pdf"))
    assert "pip install 'resdraft[pdf]'" in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not a pdf at all", "this is not a PDF file"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "the PDF cannot be read"),
    ],
)
def test_bad_pdf_is_refused_with_a_message(data: bytes, message: str) -> None:
    pytest.importorskip("pypdf")
    with pytest.raises(LibraryError) as info:
        parse_pdf(data, Path("res.pdf"))
    assert message in str(info.value) and "res.pdf" in str(info.value)


def test_a_pdf_without_a_text_layer_says_it_needs_ocr(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    scan = tmp_path / "scan.pdf"
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=612, height=792)
    writer.write(scan)
    result = CliRunner().invoke(app, ["parse", str(scan)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "scan.pdf: the PDF has no text to read (2 pages without a text layer: a scan?)" in result.output
    assert "OCR" in result.output


def test_a_damaged_pdf_prints_only_resdrafts_message(tmp_path: Path) -> None:
    # pypdf logs warnings ("EOF marker not found") as it reads a damaged file; they stay out of the
    # way. (A process of its own: under pytest, logging goes to pytest's handlers, not to stderr.)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4 garbage")
    result = subprocess.run([sys.executable, "-m", "resdraft", "parse", str(damaged)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{damaged}: the PDF cannot be read: Stream has ended unexpectedly"
    assert "EOF marker" not in result.stderr


# ---------------------------------------------------------------- bad input


def test_empty_text_is_refused() -> None:
    assert "pasted.txt: the text is empty" in _error("  \n\n ")


def test_binary_junk_is_refused() -> None:
    junk = bytes(range(256)).decode("cp1252", errors="replace") * 20
    assert "binary data, not text" in _error(junk)


def test_text_of_another_kind_is_refused() -> None:
    aalco = (CORPUS / "seeds" / f"{SEEDS['aalco-52']}.md").read_text(encoding="utf-8")
    message = _error(aalco)
    assert "no resolution found" in message and "hint:" in message
    assert "no resolution found" in _error("Minutes of the meeting\n\nThe chair opened the meeting at 10 a.m.\n")


def test_twenty_megabytes_are_refused_within_seconds() -> None:
    # A guard against patterns that backtrack (minutes, or hours, on 20 MB), not a speed target:
    # each case takes 2 s at most alone, and the bound leaves room for a machine under load.
    resolution = _records()["A/RES/78/6"]["text"]
    cases = [
        resolution + "Recalling 1/2 23-12345 A/RES/78/6 Court1, 2 and (a) 1. the,3\n" * 280_000,  # just under 20 MB
        "The General Assembly,\n" + "a" * (19 * 2**20),
        "The General Assembly,\n" + ("x" * 330 + "\n") * 59_000,
        "x" * (21 * 2**20),
    ]
    for text in cases:
        start = time.perf_counter()
        with pytest.raises(LibraryError):
            parse_pdf_text(text)
        assert time.perf_counter() - start < 30


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["The General Assembly,", "1.", "(a)", "__________", "2/5", "A/RES/78/6", "23-21327", "", " "])
        | st.text(string.ascii_letters + string.digits + " ,.;:()/*-_“”\f", max_size=60),
        max_size=40,
    )
)
def test_any_text_reads_or_is_refused_with_a_message(lines: list[str]) -> None:
    try:
        res = parse_pdf_text("\n".join(lines))
    except LibraryError as error:
        assert error.problems
    else:
        assert res.preamble or res.operative


def test_a_date_a_footnote_wrapped_onto_its_next_line_is_not_a_new_footnote() -> None:
    # A/RES/79/145, footnote 23: "…, Johannesburg, South Africa, / 26 August–4 September 2002 …"
    res = _corpus("A/RES/79/145")
    markers = [note.marker for note in res.footnotes]
    assert markers.count("26") == 1 and markers.index("24") == markers.index("23") + 1
    (note,) = [n for n in res.footnotes if n.marker == "23"]
    assert "South Africa, 26 August–4 September 2002" in "".join(s.text for s in note.content if isinstance(s, Run))


# Every text of the corpus that lost a footnote before its closing formula when a marker's digits
# were glued to a symbol's number ("VIII/1914", "5/14,118", "COVID-1915", "Agenda 216"), set apart
# after a word that takes a number ("decision 20  on"), or stolen by a number that only looked like
# a marker ("on 22 and 23 September").
LOST_FOOTNOTES_BEFORE = [
    "A/RES/78/16",
    "A/RES/78/68",
    "A/RES/78/78",
    "A/RES/78/102",
    "A/RES/78/136",
    "A/RES/78/152",
    "A/RES/78/153",
    "A/RES/78/155",
    "A/RES/78/157",
    "A/RES/78/220",
    "A/RES/78/221",
    "A/RES/78/222",
    "A/RES/78/233",
    "A/RES/78/253",
    "A/RES/79/91",
    "A/RES/79/116",
    "A/RES/79/117",
    "A/RES/79/123",
    "A/RES/79/138",
    "A/RES/79/144",
    "A/RES/79/145",
    "A/RES/79/175",
    "A/RES/79/183",
    "A/RES/79/185",
    "A/RES/79/196",
    "A/RES/79/204",
    "A/RES/79/209",
    "A/RES/79/211",
    "A/RES/79/218",
    "A/RES/79/226",
    "A/RES/79/258",
    "A/RES/79/313",
]


@pytest.mark.parametrize("symbol", LOST_FOOTNOTES_BEFORE)
def test_every_footnote_of_the_resolution_is_kept_with_its_marker_found(symbol: str) -> None:
    res, notes = read_pdf_text(_records()[symbol]["text"], Path(symbol.replace("/", "_") + ".txt"))
    markers = [n.marker for n in res.footnotes if n.marker.isdigit()]  # (78/68's "*" says it was reissued)
    assert markers == [str(i) for i in range(1, len(markers) + 1)]
    paragraphs = (*res.preamble, *res.operative)
    refs = [s.marker for p in paragraphs for n in p.walk() for s in n.content if isinstance(s, FootnoteRef)]
    assert refs == markers and not [n for n in notes if n.startswith("footnote")]  # (79/144's annex is named)


def test_a_marker_glued_to_a_symbols_number_is_split_off_where_its_footnote_is_due() -> None:
    # A/RES/78/155: "decision CBD/CP/MOP/VIII/1914 and" is decision VIII/19 and footnote 14.
    res = _corpus("A/RES/78/155")
    assert len(res.footnotes) == 31 and res.footnotes[13].marker == "14" and "Cartagena Protocol" in res.footnotes[13].text
    (paragraph,) = [p for p in res.preamble if "decision CBD/CP/MOP/VIII/19" in p.text]
    assert "VIII/19 and decision CBD/NP/MOP" in paragraph.text and "14" in paragraph.footnote_refs


def test_a_symbol_the_document_prints_as_it_stands_is_not_split() -> None:
    # A/RES/79/116: "resolution 61/29 of 4 December 2006" is a resolution's number; footnote 9 is in
    # "resolution 59/3009 and", resolution 59/300, which the text cites as such before.
    res = _corpus("A/RES/79/116")
    texts = [p.text for p in res.preamble]
    assert any("its resolution 61/29 of 4 December 2006" in t for t in texts)
    (paragraph,) = [p for p in res.preamble if "pursuant to its resolution 59/300 and" in p.text]
    assert "9" in paragraph.footnote_refs


def test_law_of_the_sea_keeps_a_footnote_after_a_number_and_one_after_a_symbols_comma() -> None:
    # A/RES/79/144: "on recommendations 57 emanating from" and "resolution 5/14,118 and notes".
    res = _corpus("A/RES/79/144")
    by_marker = {n.marker: n for n in res.footnotes}
    assert "57" in by_marker and "118" in by_marker
    walked = [n for p in res.operative for n in p.walk()]
    (recommendations,) = [n for n in walked if "on recommendations emanating from" in plain(n.content)]
    (unea,) = [n for n in walked if "resolution 5/14, and notes" in plain(n.content)]
    assert FootnoteRef("57") in recommendations.content and FootnoteRef("118") in unea.content


def test_a_number_that_only_looks_like_a_marker_gives_way_to_the_markers_in_sequence() -> None:
    # A/RES/79/138: "17 abductions, 9 sexual assaults, … harassment,8 and … in 2023,9 who": the 9 of
    # the assaults is a number; footnotes 8 and 9 stand after "harassment," and "2023,".
    res = _corpus("A/RES/79/138")
    (paragraph,) = [p for p in res.preamble if "17 abductions, 9 sexual assaults" in p.text]
    assert paragraph.footnote_refs[:2] == ("8", "9")


@pytest.mark.parametrize("symbol", ["A/RES/78/148", "A/RES/78/149"])
def test_a_centred_separator_between_paragraphs_is_not_a_paragraphs_text(symbol: str) -> None:
    # "… and economic corridors, / * * * / Recognizing …": the stars ended the paragraph before,
    # which lint then found ending with "*".
    res = _corpus(symbol)
    assert not [p.text for p in res.preamble if "*" in p.text]
    assert [p.text for p in res.preamble if p.text.startswith("Recognizing the important role of ")]


def test_the_comma_between_two_markers_is_not_left_in_the_text() -> None:
    # A/RES/79/138: "in a single conflict,10,11" is the superscripts 10,11 after "conflict,"; the
    # comma between them read as text gave "conflict,," and, built, "conflict,,[^10][^11]".
    res = _corpus("A/RES/79/138")
    (paragraph,) = [p for p in res.preamble if "in a single conflict" in p.text]
    assert paragraph.text.endswith("in a single conflict,") and paragraph.content[-2:] == (FootnoteRef("10"), FootnoteRef("11"))


def test_a_footnote_whose_marker_is_not_in_the_text_is_kept_where_the_numbering_says_with_a_warning(tmp_path: Path) -> None:
    # A/RES/78/155 with footnote 14's marker taken out of "decision CBD/CP/MOP/VIII/1914".
    text = _records()["A/RES/78/155"]["text"]
    assert text.count("VIII/1914") == 1
    path = tmp_path / "A-RES-78-155.txt"
    path.write_text(text.replace("VIII/1914", "VIII/19"), encoding="utf-8")
    res, notes = read_pdf_text(path.read_text(encoding="utf-8"), path)
    assert [n.marker for n in res.footnotes] == [str(i) for i in range(1, 32)]
    markers = [s.marker for p in res.preamble for n in p.walk() for s in n.content if isinstance(s, FootnoteRef)]
    assert markers.index("14") == markers.index("13") + 1  # in its place in the numbering
    (note,) = notes
    assert note.startswith("footnote 14 (“Adopted by the Conference of the Parties") and "its marker is not in the text" in note
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 0 and "warning: " in result.stderr and "footnote 14" in result.stderr


def test_an_annex_after_the_closing_formula_is_named_not_dropped_silently(tmp_path: Path) -> None:
    # A/RES/78/249's annex (its financing table) and 78/5's political declaration follow the closing
    # formula; import reads a resolution up to that formula and left them out without a word.
    _, notes = read_pdf_text(_records()["A/RES/78/5"]["text"])
    assert notes == (
        "the text goes on after the closing formula (94 paragraphs, from “Annex Political declaration of the "
        "high-level meeting on …”): an annex is not read; only the resolution up to its closing formula is",
    )
    path = tmp_path / "A-RES-78-249.txt"
    path.write_text(_records()["A/RES/78/249"]["text"], encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 0 and f"warning: {path}: the text goes on after the closing formula (7 paragraphs" in result.stderr
    assert read_pdf_text(_records()["A/RES/78/6"]["text"])[1] == ()  # (no annex: no note)


def test_a_text_of_two_resolutions_is_refused_naming_the_second_not_read_as_one_with_an_annex(tmp_path: Path) -> None:
    # A/RES/78/11 and 78/12 as one PDF's text (a day's resolutions printed together): the first was
    # read and the second called "an annex", not read.
    path = tmp_path / "two.txt"
    path.write_text(_records()["A/RES/78/11"]["text"] + "\n\f\n" + _records()["A/RES/78/12"]["text"], encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(
        f"{path}: the text holds more than one resolution: after the first one's closing formula another begins "
        "(“78/12. World Duchenne Awareness Day”)"
    )
    assert read_pdf_text(_records()["A/RES/78/11"]["text"])[1] == ()  # (each alone reads as before)


def test_a_masthead_line_broken_after_a_hyphen_is_joined_as_the_body_joins_its_lines() -> None:
    # "towards a nuclear-" / "weapon-free world" (A/RES/78/42, 79/35); a title "Nuclear-Weapon-" / "Free World" (79/39).
    for symbol in ("A/RES/78/42", "A/RES/79/35"):
        agenda = _corpus(symbol).fields["agenda_title"]
        assert isinstance(agenda, str) and "towards a nuclear-weapon-free world: accelerating" in agenda
    assert _corpus("A/RES/79/39").fields["title"] == "Universal Declaration on the Achievement of a Nuclear-Weapon-Free World"


def test_the_job_number_of_a_reissued_resolution_is_page_furniture() -> None:
    # A/RES/78/68 was reissued: its job number reads "23-24915* (E)".
    res = _corpus("A/RES/78/68")
    assert not [line for line in res.header if "24915" in line.text]
    assert [line.role for line in res.header].count("line") == 0


def test_each_of_several_agenda_items_has_its_title() -> None:
    # A/RES/78/128: "Agenda items 13 and 75 (a)", then each item's title in a block of its own.
    res = _corpus("A/RES/78/128")
    titles = [line.text for line in res.header if line.role == "agenda-title"]
    assert titles == [
        "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations "
        "conferences and summits in the economic, social and related fields",
        "Oceans and the law of the sea: oceans and the law of the sea",
    ]
    assert res.title[0].text.startswith("2025 United Nations Conference to Support the Implementation")
    # A/RES/78/1 sets its two titles line after line, no space between: they ran into one title.
    # The second begins at the one line after the first's that begins with a capital.
    titles = [line.text for line in _corpus("A/RES/78/1").header if line.role == "agenda-title"]
    assert titles == [
        "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations "
        "conferences and summits in the economic, social and related fields",
        "Follow-up to the outcome of the Millennium Summit",
    ]
    # A title of one item is one, whatever its lines begin with ("… of the Charter of the" / "United Nations").
    (title,) = [line.text for line in _corpus("A/RES/78/81").header if line.role == "agenda-title"]
    assert title.endswith("the Charter of the United Nations"), title


def test_masthead_pieces_the_pdf_columns_set_apart_come_back_together() -> None:
    # A/RES/78/76: the report reference over two blocks; A/RES/78/103: "English" before
    # "Original:"; A/RES/79/243: a title in two blocks.
    report = [line.text for line in _corpus("A/RES/78/76").header if line.role == "report"]
    assert report == [
        "[on the report of the Special Political and Decolonization Committee (Fourth Committee) (A/78/421, para. 13)]"
    ]
    assert ("language", "Original: English") in [(line.role, line.text) for line in _corpus("A/RES/78/103").header]
    res = _corpus("A/RES/79/243")
    assert res.title[0].text == (
        "United Nations Convention against Cybercrime; Strengthening International Cooperation for Combating Certain "
        "Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of "
        "Evidence in Electronic Form of Serious Crimes"
    )
    assert "line" not in [line.role for line in res.header]


def test_an_agenda_title_that_mentions_an_adoption_is_not_the_adoption_line() -> None:
    # A/RES/78/61: "Review of the implementation of the recommendations and / decisions adopted by
    # the General Assembly at its tenth special session: …" is one agenda title.
    res = _corpus("A/RES/78/61")
    roles = [line.role for line in res.header]
    assert roles.count("adoption") == 1
    (title,) = [line.text for line in res.header if line.role == "agenda-title"]
    assert title.startswith("Review of the implementation of the recommendations and decisions adopted by the General Assembly")


@pytest.mark.parametrize(
    "symbol",
    ["A/RES/78/68", "A/RES/78/83", "A/RES/78/103", "A/RES/78/216", "A/RES/78/274", "A/RES/78/309", "A/RES/79/145"],
)
def test_corpus_resolution_with_an_odd_masthead_or_a_long_title_builds_to_word(symbol: str) -> None:
    # Masthead lines of no known role ("23-24915* (E)", "Original: English"), a Council resolution
    # cited in a GA masthead, titles over Word's 255-character property limit, a footnote
    # misread (A/RES/79/145): each once stopped the .docx.
    import io
    import zipfile

    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    data = render_docx(_corpus(symbol), word_style_for("unga", str(Path(__file__).parents[1] / "drafts")))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode()
    assert "<dc:title>" in core


def test_control_characters_in_pdf_text_are_dropped() -> None:
    # A vertical tab and a NUL in text extracted from a PDF stopped the Word output; form feeds
    # still part the pages.
    from conftest import ROOT
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    raw = _records()["A/RES/78/10"]["text"]
    damaged = raw.replace("General Assembly", "General\x0b Assembly", 1).replace("Recalling", "Recal\x00ling", 1)
    res, clean = parse_pdf_text(damaged), parse_pdf_text(raw)
    assert [p.text for p in res.preamble] == [p.text for p in clean.preamble]
    assert render_docx(res, word_style_for("unga", str(ROOT / "drafts")))


@pytest.mark.parametrize(
    ("symbol", "number"),
    [("A/RES/78/225", "78/225."), ("A/RES/ES-11/1", "ES-11/1.")],  # the second made from the first's text
)
def test_an_adopted_resolutions_number_is_its_titles_label_and_not_words_of_the_title(symbol: str, number: str) -> None:
    # An emergency special session's number ("ES-11/1.") was read as words of the title, which
    # the Word output, setting the number from the symbol before the title, would print twice.
    from resdraft.importers.text import parse_text
    from resdraft.render.markup import render

    text = _records()["A/RES/78/225"]["text"].replace("A/RES/78/225", symbol).replace("78/225.", number)
    res = parse_pdf_text(text)
    (title,) = res.title
    assert (title.label, title.text[:45]) == (number, "Enhancing the contributions of the Commission")
    assert res.fields["symbol"] == symbol and res.session.number == 78
    back = parse_text(render(res, "txt", Path(__file__).parents[1] / "templates", "unga/resolution.txt.j2"), Path("r.txt"))
    assert [(line.label, line.text) for line in back.title] == [(title.label, title.text)]


def test_lines_a_colon_introduces_under_an_operative_paragraph_stay_in_it() -> None:
    # A/RES/78/128 op. 10 "… the plenary meetings will be held as follows:" over the unnumbered lines
    # "Monday, 9 June: …" to "Friday, 13 June: …;", which read as five paragraphs of their own;
    # A/RES/79/273 op. 4 (b) "… the following themes:" over "Panel 1: …" and "Panel 2: …", which
    # read as paragraphs too, and took (c) and (d) of op. 4 for theirs.
    res = _corpus("A/RES/78/128")
    assert [p.number for p in res.operative] == list(range(1, len(res.operative) + 1))
    assert res.operative[9].text.endswith(
        "held as follows: Monday, 9 June: from 9 a.m. to 1 p.m. and from 3 to 6 p.m. Tuesday, 10 June: from 10 a.m. "
        "to 1 p.m. and from 3 to 6 p.m. Wednesday, 11 June: from 10 a.m. to 1 p.m. and from 3 to 6 p.m. Thursday, "
        "12 June: from 10 a.m. to 1 p.m. and from 3 to 6 p.m. Friday, 13 June: from 10 a.m. to 1 p.m. and from 4 to 7 p.m.;"
    )
    assert res.operative[10].text.startswith("Decides that 10 Ocean Action panels")
    panels = _corpus("A/RES/79/273").operative[3]
    assert [sub.label for sub in panels.subparagraphs] == ["(a)", "(b)", "(c)", "(d)"]
    assert re.fullmatch(
        r"The multi-stakeholder panels will address the following themes: Panel 1: .*; Panel 2: .*;", panels.subparagraphs[1].text
    )
    assert [p.number for p in _corpus("A/RES/79/273").operative] == list(range(1, 12))


def test_a_table_before_the_closing_formula_is_named_as_read_into_running_text() -> None:
    # A PDF's text gives each cell a line: 79/249's scale of assessments became one paragraph,
    # "Member State Percentage Afghanistan 0.005 …", and nothing said so.
    _, notes = read_pdf_text(_records()["A/RES/79/249"]["text"])
    (table,) = [n for n in notes if "cell" in n]
    assert table == (
        "has tables (the first from “Member State Percentage Afghanistan 0.005 Albania …”): a PDF's text"
        " gives each cell a line, read here as running text (check what they became)"
    )
    _, notes = read_pdf_text(_records()["A/RES/79/253"]["text"])
    assert [n for n in notes if "cell" in n]
    # Lists of resolutions, dates and amounts are no table; nor is a table in an annex, which is not read.
    for symbol in ("A/RES/79/247", "A/RES/78/253", "A/RES/78/252"):
        _, notes = read_pdf_text(_records()[symbol]["text"])
        assert bool([n for n in notes if "cell" in n]) == (symbol == "A/RES/78/253"), symbol
    _, notes = read_pdf_text(_records()["A/RES/78/252"]["text"])
    assert [n for n in notes if n.startswith("the text goes on after the closing formula")]


@pytest.mark.parametrize(
    ("symbol", "end"),
    [
        ("A/RES/78/81", "transmitted under Article 73 e of the Charter of the United Nations"),
        ("A/RES/78/117", "Science and Culture in the General Assembly"),
        ("A/RES/78/309", "arising from Security Council resolution 1863 (2009)"),
    ],
)
def test_an_agenda_title_wrapped_onto_a_line_that_reads_as_the_mastheads_top_is_whole(symbol: str, end: str) -> None:
    # "… of the Charter of the" / "United Nations": the last line was read as a second "United
    # Nations" line, the title cut short, and the draft built from it lost the words.
    header = _corpus(symbol).header
    (title,) = [line.text for line in header if line.role == "agenda-title"]
    assert title.endswith(end)
    roles = [line.role for line in header]
    assert roles.count("organization") == roles.count("organ") == 1 and "resolution" not in roles
