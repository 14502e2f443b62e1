"""Word output: structure read back with python-docx, and the text as LibreOffice lays it out."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import ROOT, ga_resolution
from resdraft.build import build, load_resolution, word_style_for
from resdraft.cli import app
from resdraft.library_import import import_document
from resdraft.model import Resolution, Run
from resdraft.preview import to_pdf
from resdraft.render.docx import document_xml, render_docx
from resdraft.sources import read_file

DRAFTS = ("aalco-50", "aalco-52", "aalco-53", "aipo-26", "aipo-27", "unga-64")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
runner = CliRunner()


def _docx(name: str) -> bytes:
    data = build(ROOT / "drafts" / f"{name}.yaml", "docx")
    assert isinstance(data, bytes)
    return data


def _paragraph_styles(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


# ------------------------------------------------------------------ structure (python-docx)


@pytest.mark.parametrize("name", DRAFTS)
def test_every_paragraph_has_the_style_of_its_role(name: str) -> None:
    res, _ = load_resolution(ROOT / "drafts" / f"{name}.yaml")
    document = docx.Document(io.BytesIO(_docx(name)))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Preambular Paragraph") == len(res.preamble)
    assert styles.count("Operative Paragraph") == len(res.operative)
    assert styles.count("Enacting Formula") == 1
    subs = sum(1 for p in res.paragraphs() if p.level)
    assert sum(1 for s in styles if "Subparagraph" in s) == subs
    assert [s for s in styles if s.startswith("Header ")] == [
        f"Header {' '.join(w.capitalize() for w in line.role.split('-'))}" for line in res.header
    ]


TITLES = (  # A/RES/78/128's agenda items 13 and 75 (a)
    "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations"
    " conferences and summits in the economic, social and related fields",
    "Oceans and the law of the sea: oceans and the law of the sea",
)


@pytest.mark.parametrize(
    ("agenda_title", "printed"),
    [
        (f"\n  - {TITLES[0]}\n  - '{TITLES[1]}'", list(TITLES)),  # adopted under two items: each title, a paragraph each
        (f"\n  - {TITLES[0]}", [TITLES[0]]),
        (" Crime prevention and criminal justice", ["Crime prevention and criminal justice"]),
        (" []", []),
    ],
)
def test_each_agenda_title_is_a_masthead_paragraph_of_its_own(library: Path, agenda_title: str, printed: list[str]) -> None:
    draft = library / "drafts" / "unga-64.yaml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("agenda_title: Crime prevention and criminal justice", f"agenda_title:{agenda_title}"))
    data = build(draft, "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs if p.style.name == "Header Agenda Title"] == printed
    with_items = [p.text for p in document.paragraphs if p.style.name == "Header Agenda Item"]
    assert with_items == ["Agenda item 104"]


def _numpr(p: docx.text.paragraph.Paragraph) -> tuple[str, str] | None:
    numpr = p._p.find(f"{W}pPr/{W}numPr")
    if numpr is None:
        return None
    return numpr.find(f"{W}numId").get(f"{W}val"), numpr.find(f"{W}ilvl").get(f"{W}val")


def test_a_heading_the_numbering_skips_is_typed_with_its_label_and_the_numbers_run_on(library: Path) -> None:
    # `numbered: false` with `label: II` between operative paragraphs 5 and 6 of the UN draft: the
    # heading is no paragraph of the list, and the next one is still 6.
    draft = library / "drafts" / "unga-64.yaml"
    text = draft.read_text(encoding="utf-8")
    heading = "  - {text: Implementation and follow-up, numbered: false, label: II, end: ''}\n"
    draft.write_text(
        text.replace("  - unga.recognizes-comparable-data-icat\n", heading + "  - unga.recognizes-comparable-data-icat\n"),
        encoding="utf-8",
    )
    res, _ = load_resolution(draft)
    assert [(p.label, p.number) for p in res.operative[4:7]] == [("5.", 5), ("II", None), ("6.", 6)]
    markdown = build(draft, "md")
    assert (
        isinstance(markdown, str) and "\n\n**II**\n\n**Implementation and follow-up**\n\n6. " in markdown
    )  # bold, the numeral above
    document = docx.Document(io.BytesIO(build(draft, "docx")))  # type: ignore[arg-type]
    (heading,) = [p for p in document.paragraphs if p.style.name == "Section Heading"]
    assert heading.text == "II\nImplementation and follow-up" and _numpr(heading) is None  # the numeral on its own line
    assert heading._p.find(f"{W}r/{W}br") is not None, "a real line break, not a newline in the text"
    assert heading.style.font.bold and heading.style.paragraph_format.keep_with_next
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert len(operative) == 11 and all(_numpr(p) is not None for p in operative)


def test_a_heading_without_a_numeral_is_set_as_a_heading_and_read_back_as_one(library: Path) -> None:
    # `heading: true` (A/RES/79/327's "Role and authority of the General Assembly" over paragraph 1):
    # no number, no numeral, no closing mark, in the heading style; the paragraphs after it keep
    # their numbers; and the Word file read back has it as a heading without a numeral again.
    draft = library / "drafts" / "unga-64.yaml"
    before = "unga.urges-ratify-organized-crime-convention-and-protocol"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace(f"  - {before}\n", f"  - {{text: Role of the Assembly, heading: true}}\n  - {before}\n"))
    res, _ = load_resolution(draft)
    first = res.operative[0]
    assert (first.text, first.label, first.number, first.heading, res.heading(first)) == (
        "Role of the Assembly",
        None,
        None,
        True,
        True,
    )
    assert [p.number for p in res.operative[1:3]] == [1, 2]
    document = docx.Document(io.BytesIO(build(draft, "docx")))  # type: ignore[arg-type]
    (heading,) = [p for p in document.paragraphs if p.style.name == "Section Heading"]
    assert heading.text == "Role of the Assembly" and _numpr(heading) is None
    path = library / "out.docx"
    path.write_bytes(build(draft, "docx"))  # type: ignore[arg-type]
    read = read_file(path).resolution
    assert [(p.text, p.heading, p.opening) for p in read.operative if read.heading(p)] == [("Role of the Assembly", True, None)]
    assert [p.number for p in read.operative] == [p.number for p in res.operative]


def test_an_actions_numeral_is_set_on_the_line_of_its_pledge_and_read_back_as_its_heading(tmp_path: Path) -> None:
    # A/RES/79/1 prints its 56 actions as one bold line each, "Action 1. We will take bold … behind.";
    # Word had "Action 1.", a line break, then the pledge, as "II" above a section's title.
    from conftest import ga_text

    res = read_file(ga_text(tmp_path, "A/RES/79/1")).resolution
    path = tmp_path / "pact.docx"
    path.write_bytes(render_docx(res, word_style_for("unga", str(ROOT / "drafts"))))
    headings = [p for p in docx.Document(str(path)).paragraphs if p.style.name == "Section Heading"]
    assert [h.text for h in headings[1:3]] == [
        "\nSustainable development and financing for development",
        (
            "Action 1. We will take bold, ambitious, accelerated, just and transformative actions to implement"
            " the 2030 Agenda, achieve the Sustainable Development Goals and leave no one behind."
        ),
    ]
    assert sum(h.text.startswith("Action ") and "\n" not in h.text for h in headings) == 56
    back = read_file(path).resolution
    assert [(p.label, p.number, p.text, back.heading(p)) for p in back.operative] == [
        (p.label, p.number, p.text, res.heading(p)) for p in res.operative
    ]


def _with_headings(draft: Path, *headings: tuple[str, str]) -> None:
    """The UN example draft with section headings (`heading: I`, no `end:`: a heading ends with no mark), each before the clause named."""
    text = draft.read_text(encoding="utf-8")
    for title, before in headings:
        text = text.replace(f"  - {before}\n", f"  - {{text: {title}, heading: I}}\n  - {before}\n")
    draft.write_text(text, encoding="utf-8")


def _two_sections(library: Path) -> Path:
    """The UN example draft in two sections, "I General provisions" and "II Implementation and follow-up"."""
    draft = library / "drafts" / "unga-64.yaml"
    _with_headings(
        draft,
        ("General provisions", "unga.urges-ratify-organized-crime-convention-and-protocol"),
        ("Implementation and follow-up", "unga.recognizes-comparable-data-icat"),
    )
    return draft


def test_headings_counted_by_their_kind_are_numbered_by_a_list_of_their_own(library: Path) -> None:
    # `heading: I` numbers a section's heading in the count of its kind (I, II, III …): Word
    # numbers them in an upper-roman list apart from the paragraphs', so a section added in Word
    # renumbers those after it too. The heading's words begin on the line below the numeral.
    draft = _two_sections(library)
    res, _ = load_resolution(draft)
    assert [(p.label, p.number) for p in res.operative[:2]] == [("I", None), ("1.", 1)]
    assert [(p.label, p.number) for p in res.operative[6:8]] == [("II", None), ("6.", 6)]
    document = docx.Document(io.BytesIO(build(draft, "docx")))  # type: ignore[arg-type]
    headings = [p for p in document.paragraphs if p.style.name == "Section Heading"]
    assert [h.text for h in headings] == ["\nGeneral provisions", "\nImplementation and follow-up"]
    (heading_list,) = {_numpr(h) for h in headings}
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert heading_list is not None and heading_list not in {_numpr(p) for p in operative}
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(f"{W}num") if n.get(f"{W}numId") == heading_list[0])
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    (level,) = abstract.findall(f"{W}lvl")
    assert [level.find(f"{W}{tag}").get(f"{W}val") for tag in ("numFmt", "lvlText", "suff")] == ["upperRoman", "%1", "nothing"]


def test_a_section_added_renumbers_the_headings_after_it_and_a_redline_marks_only_it(library: Path) -> None:
    # Drafts name no numeral: adding a section between I and II makes the old II a III, in the
    # draft's text, and a redline of the two marks the new heading alone.
    from resdraft.diff import compare
    from resdraft.render.redline import render_redline

    draft = _two_sections(library)
    old, _ = load_resolution(draft)
    _with_headings(draft, ("Data", "unga.encourages-stakeholders-coordination"))
    new, _ = load_resolution(draft)
    assert [(p.label, p.text) for p in new.operative if new.heading(p)] == [
        ("I", "General provisions"),
        ("II", "Data"),
        ("III", "Implementation and follow-up"),
    ]
    markdown = build(draft, "md")
    assert isinstance(markdown, str) and "\n\n**III**\n\n**Implementation and follow-up**\n\n6. " in markdown
    redline = render_redline(compare(old, new), word_style_for("unga", str(library / "drafts")))
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml"))
    headings = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "SectionHeading"]

    def marked(p: etree._Element) -> bool:
        return any(p.find(f".//{W}{tag}") is not None for tag in ("ins", "del", "pPrChange"))

    assert [("".join(t.text or "" for t in h.iter(f"{W}t")), marked(h)) for h in headings] == [
        ("General provisions", False),
        ("Data", True),
        ("Implementation and follow-up", False),
    ]


def test_un_operative_paragraphs_share_one_real_numbering_list() -> None:
    document = docx.Document(io.BytesIO(_docx("unga-64")))
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    nums = {_numpr(p) for p in operative}
    assert len(operative) == 11 and len(nums) == 1
    ((num_id, level),) = nums
    assert level == "0"
    levels, _ = _list_levels(document, num_id)
    assert levels[:3] == [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]
    assert not any(p.text[:3].strip().rstrip(".").isdigit() for p in operative), "numbers come from Word, not the text"


def test_aipo_27_sub_paragraphs_use_level_two_of_the_operative_list_and_preamble_restarts() -> None:
    document = docx.Document(io.BytesIO(_docx("aipo-27")))
    operative = [_numpr(p) for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    subs = [_numpr(p) for p in document.paragraphs if p.style.name == "Subparagraph 1"]
    pre_subs = [_numpr(p) for p in document.paragraphs if p.style.name == "Preambular Subparagraph 1"]
    assert len(subs) == 4 and {s[1] for s in subs if s} == {"1"} and {s[0] for s in subs if s} == {operative[0][0]}
    assert len(pre_subs) == 6 and len({s[0] for s in pre_subs if s}) == 1 and pre_subs[0][0] != operative[0][0]


def _list_levels(document: Any, num_id: str) -> tuple[list[tuple[str, str]], set[str]]:
    """A list's levels (format, level text) and the levels it starts again."""
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    levels = [
        (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val")) for lvl in abstract.findall(f"{W}lvl")
    ]
    return levels, {o.get(f"{W}ilvl") for o in num.findall(f"{W}lvlOverride") if o.find(f"{W}startOverride") is not None}


def test_council_sub_paragraphs_labelled_otherwise_print_their_labels_from_a_list_of_their_own(
    library: Path, tmp_path: Path
) -> None:
    # S/RES/1590's paragraph 16 labels its sub-paragraphs "(i)", "(ii)" (its paragraph 4 has the
    # Council's "(a)"), and 1706's paragraph 12 (a) has dashes: their drafts say so (numbering:),
    # and Word printed the house style's "(a)", "(b)" and "(i)"–"(iii)" all the same.
    council = ROOT.parent / "shared" / "corpus" / "unsc-unmis"
    built = {}
    for n in ("1590", "1706"):
        draft = import_document(next(council.glob(f"UNSC_S-RES-{n}-*.txt")), start=library).draft
        built[n] = bytes(build(draft, "docx"))
        assert "numbering: [" in draft.read_text(encoding="utf-8")
        (tmp_path / f"{n}.docx").write_bytes(built[n])
    document = docx.Document(io.BytesIO(built["1590"]))
    paragraphs = document.paragraphs
    first = next(p for p in paragraphs if p.text.startswith("Decides that UNMIS is authorized to take the necessary action"))
    second = paragraphs[paragraphs.index(first) + 1]
    operative = next(p for p in paragraphs if p.style.name == "Operative Paragraph")
    assert _numpr(first) == (_numpr(second)[0], "1") and _numpr(first)[0] != _numpr(operative)[0]
    levels, restarted = _list_levels(document, _numpr(first)[0])
    assert levels[1] == ("lowerRoman", "(%2)") and "1" in restarted
    document = docx.Document(io.BytesIO(built["1706"]))
    dash = next(p for p in document.paragraphs if p.text.startswith("to protect United Nations personnel"))
    levels, restarted = _list_levels(document, _numpr(dash)[0])
    assert _numpr(dash)[1] == "2" and levels[1:3] == [("lowerLetter", "(%2)"), ("bullet", "\u2013")] and "1" in restarted
    texts = {}
    for pdf in to_pdf([tmp_path / "1590.docx", tmp_path / "1706.docx"], tmp_path):
        pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        texts[pdf.stem] = " ".join(re.sub(r"\n\d+\s*\f", "\n", pages).split())  # (each page's number left out)
    assert (
        "16. Acting under Chapter VII of the Charter of the United Nations, (i) Decides that UNMIS is authorized" in texts["1590"]
    )
    assert "(ii) Requests that the Secretary-General and the Government of Sudan" in texts["1590"]
    assert "4. Decides that the mandate of UNMIS shall be the following: (a) To support" in texts["1590"]
    assert "12. Acting under Chapter VII of the Charter of the United Nations: (a) Decides that UNMIS" in texts["1706"]
    assert "capabilities: \u2013 to protect United Nations personnel" in texts["1706"]
    assert "\u2013 in order to support early and effective implementation" in texts["1706"]


def test_aipo_26_operative_part_stays_unnumbered() -> None:
    document = docx.Document(io.BytesIO(_docx("aipo-26")))
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert len(operative) == 8 and all(_numpr(p) is None for p in operative)


def test_un_draft_has_22_real_footnotes_with_the_asterisk_first() -> None:
    data = _docx("unga-64")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    real = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    refs = body.findall(f".//{W}footnoteReference")
    assert len(real) == 22 and len(refs) == 22
    assert refs[0].get(f"{W}customMarkFollows") == "1" and refs[0].getparent().findtext(f"{W}t") == "*"
    assert all(r.get(f"{W}customMarkFollows") is None for r in refs[1:])
    assert "footnotes" in rels and "wordprocessingml.footnotes+xml" in types
    first = "".join(real[1].itertext()).strip()
    assert first == "See resolutions 55/67, 58/137, 59/166, 61/144, 61/180, 63/156 and 63/194."


def test_placeholders_still_to_fill_are_highlighted_and_nothing_else_is() -> None:
    # aalco-53 is the 52nd session's draft rolled forward: its symbol, date and secretariat
    # document are still {tbd: …}. In Word they read as any other words, easy to circulate unfilled.
    document = docx.Document(io.BytesIO(_docx("aalco-53")))
    runs = [r for p in document.paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color is not None]
    assert marked == [
        "[TBD: symbol of the 53rd-session document (was AALCO/RES/52/S 8)]",
        "[TBD: date of the 53rd-session document (was 12 September 2013)]",  # (as written, on a line in capitals)
        "[TBD: secretariat document for the 53rd session (was AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8)]",
    ]
    assert {str(r.font.highlight_color) for r in runs if r.font.highlight_color is not None} == {"YELLOW (7)"}
    considering = next(p for p in document.paragraphs if p.text.startswith("Considering"))
    assert [r.text for r in considering.runs][-1] == ";"  # the words after it are not marked
    assert not any(r.font.highlight_color for name in ("aalco-52", "unga-64") for r in _all_runs(name))


def _all_runs(name: str) -> list[Any]:
    return [r for p in docx.Document(io.BytesIO(_docx(name))).paragraphs for r in p.runs]


def test_opening_phrases_carry_the_role_character_style_and_body_emphasis() -> None:
    un = docx.Document(io.BytesIO(_docx("unga-64")))
    first_op = next(p for p in un.paragraphs if p.style.name == "Operative Paragraph")
    assert first_op.runs[0].style.name == "Operative Opening" and first_op.runs[0].text == "Urges"
    assert un.styles["Operative Opening"].font.italic is True
    aalco = docx.Document(io.BytesIO(_docx("aalco-52")))
    assert aalco.styles["Operative Opening"].font.bold is True
    assert aalco.styles["Operative Opening"].font.italic is False


def _style_bold(style: Any) -> bool:
    """Whether a paragraph style sets its text bold, itself or through the style it is based on."""
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


@pytest.mark.parametrize("name", ["aalco-50", "aalco-52", "aalco-53"])
def test_aalco_status_symbol_and_date_are_plain_as_both_seeds_print_them(name: str) -> None:
    # The 2011 secretariat draft's "SECRETARIAT DRAFT / AALCO/RES/50/SP 1 / 1 JULY 2011" and the
    # 2013 resolution's "AALCO/RES/52/S 8 / 12 SEPTEMBER 2013" are ranged right in plain type.
    document = docx.Document(io.BytesIO(_docx(name)))
    header = [p for p in document.paragraphs if p.style.name.startswith("Header ")]
    assert header and all(p.alignment is None and p.style.paragraph_format.alignment == 2 for p in header)
    assert not [p.text for p in header if _style_bold(p.style) or any(r.bold for r in p.runs)]
    assert _style_bold(document.styles["Resolution Title"])


@pytest.mark.parametrize(("name", "preambular"), [("aalco-50", True), ("aalco-52", False), ("aalco-53", False)])
def test_aalco_preamble_openings_are_bold_in_2011_and_plain_from_2013(name: str, preambular: bool) -> None:
    # The 2013 resolution sets "Considering", "Being Mindful" … plain and only its operative verbs
    # bold (the draft's `style: emphasis:`); the 53rd session's draft, rolled from it, keeps that.
    document = docx.Document(io.BytesIO(_docx(name)))
    assert document.styles["Preambular Opening"].font.bold is preambular
    assert document.styles["Operative Opening"].font.bold is True
    considering = next(p for p in document.paragraphs if p.text.startswith("Considering"))
    assert considering.runs[0].text == "Considering" and considering.runs[0].bold is None


def test_aipo_27_title_and_session_heading_break_where_the_2006_text_does() -> None:
    # "RESOLUTION / ON / LEGAL COOPERATION …" on three centred lines, and the meeting's dates and
    # place under "27TH GENERAL ASSEMBLY"; the 2005 text's heading is one line.
    new = docx.Document(io.BytesIO(_docx("aipo-27")))
    title = next(p for p in new.paragraphs if p.style.name == "Resolution Title")
    assert title.text == "RESOLUTION\nON\nLEGAL COOPERATION TO COMBAT TRAFFICKING IN PERSONS"
    assert len(title._p.findall(f".//{W}br")) == 2
    assembly = next(p for p in new.paragraphs if p.style.name == "Header Assembly")
    assert assembly.text == "27TH GENERAL ASSEMBLY\n10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES"
    old = docx.Document(io.BytesIO(_docx("aipo-26")))
    assert [p.text for p in old.paragraphs if p.style.name == "Header Assembly"] == [
        "26TH GENERAL ASSEMBLY 18 – 23 SEPTEMBER 2005, VIENTIANE, LAO PDR"
    ]


@pytest.mark.parametrize(("name", "bold"), [("aipo-26", True), ("aipo-27", False)])
def test_aipo_enacting_formula_is_bold_in_2005_and_plain_in_2006(name: str, bold: bool) -> None:
    document = docx.Document(io.BytesIO(_docx(name)))
    (enacting,) = [p for p in document.paragraphs if p.style.name == "Enacting Formula"]
    assert not _style_bold(enacting.style)
    assert [bool(r.bold) for r in enacting.runs if r.text.strip()] == [bold] * len([r for r in enacting.runs if r.text.strip()])


def _gap(above: Any, below: Any) -> float:
    """The space between two paragraphs of these styles: the larger of the space after the one
    and before the other, as Word and LibreOffice lay them out."""
    after, before = above.paragraph_format.space_after, below.paragraph_format.space_before
    return max(after.pt if after is not None else 0.0, before.pt if before is not None else 0.0)


def test_aipa_paragraphs_stand_as_far_apart_after_a_list_of_sub_paragraphs() -> None:
    # In aipo-27, operative paragraph 4 followed sub-paragraph d. at 6 pt, where operative
    # paragraphs stand 10 pt apart; its preamble's list is followed by the transition formula.
    styles = docx.Document(io.BytesIO(_docx("aipo-27"))).styles
    operative, preambular = styles["Operative Paragraph"], styles["Preambular Paragraph"]
    assert _gap(operative, operative) == 10
    assert _gap(styles["Subparagraph 1"], operative) == _gap(operative, operative)
    assert _gap(styles["Preambular Subparagraph 1"], preambular) == _gap(preambular, preambular) == 10
    assert _gap(operative, styles["Subparagraph 1"]) == 10 and _gap(styles["Subparagraph 1"], styles["Subparagraph 1"]) == 6


def test_per_use_emphasis_override_is_direct_formatting_on_the_opening_run() -> None:
    document = docx.Document(io.BytesIO(_docx("aipo-26")))
    recommend = next(p for p in document.paragraphs if p.text.startswith("Recommend"))
    run = recommend.runs[0]
    assert run.style.name == "Operative Opening" and run.bold is True and run.italic is False
    advocate = next(p for p in document.paragraphs if p.text.startswith("Advocate"))
    assert advocate.runs[0].italic is False


def test_same_draft_gives_the_same_bytes_and_fixed_core_properties() -> None:
    first, second = _docx("aalco-52"), _docx("aalco-52")
    assert first == second
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created is not None and props.created.date().isoformat() == "2013-09-12"
    assert props.modified == props.created and props.author == "resdraft"


def test_no_template_thumbnail_and_no_word_2010_copy_of_the_styles() -> None:
    # python-docx's template carries a picture of itself as the thumbnail, and stylesWithEffects.xml,
    # which Word 2010 reads instead of styles.xml (it would miss every house style).
    with zipfile.ZipFile(io.BytesIO(_docx("unga-64"))) as z:
        names = set(z.namelist())
        rels = z.read("word/_rels/document.xml.rels").decode() + z.read("_rels/.rels").decode()
    assert "word/styles.xml" in names
    assert not {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"} & names
    assert "thumbnail" not in rels and "stylesWithEffects" not in rels


def test_page_setup_and_language_follow_the_body_word_style() -> None:
    un = docx.Document(io.BytesIO(_docx("unga-64")))
    aalco = docx.Document(io.BytesIO(_docx("aalco-52")))
    assert round(un.sections[0].page_width.inches, 2) == 8.5  # Letter
    assert round(aalco.sections[0].page_width.cm, 1) == 21.0  # A4
    assert "en-GB" in document_xml(_docx("aalco-52")) or "en-GB" in aalco.styles.element.xml
    footer = aalco.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer


def test_golden_document_xml_of_aalco_52(request: pytest.FixtureRequest) -> None:
    golden = ROOT / "tests" / "golden" / "aalco-52.document.xml"
    actual = document_xml(_docx("aalco-52"))
    if request.config.getoption("--regenerate-golden") or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


# ------------------------------------------------------------------ LibreOffice: open, convert, read back


@pytest.fixture(scope="module")
def pdf_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every example draft built to .docx, converted to PDF by LibreOffice, read back per page."""
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.fail(
            "LibreOffice (soffice) and poppler (pdftotext) are required: apt-get install libreoffice-writer-nogui poppler-utils"
        )
    folder = tmp_path_factory.mktemp("pdf")
    documents = []
    for name in DRAFTS:
        path = folder / f"{name}.docx"
        path.write_bytes(_docx(name))
        documents.append(path)
    texts = {}
    for pdf in to_pdf(documents, folder):
        raw = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        texts[pdf.stem] = raw.split("\f")
    return texts


def _bare(s: str) -> str:
    """Text without any white space: justified lines and raised markers space words unevenly."""
    return re.sub(r"\s+", "", s)


def _shown(content: tuple) -> str:
    return "".join(s.text if isinstance(s, Run) else s.marker for s in content)


def _body_text(pages: list[str], res: Resolution) -> str:
    """The running text of all pages, without each page's footnote block and page number."""
    starts = [_bare(f"{n.marker}{n.text}")[:20] for n in res.footnotes]
    body = []
    for page in pages:
        lines = page.splitlines()
        joined = [_bare(line) + (_bare(lines[i + 1]) if i + 1 < len(lines) else "") for i, line in enumerate(lines)]
        cut = next((i for i, both in enumerate(joined) if any(both.startswith(s) for s in starts)), len(lines))
        body += [line for line in lines[:cut] if not re.fullmatch(r"\s*\d+\s*", line)]
    return _bare("".join(body))


@pytest.mark.parametrize("name", DRAFTS)
def test_libreoffice_lays_out_every_paragraph_in_order_with_its_number(name: str, pdf_texts: dict[str, list[str]]) -> None:
    res, _ = load_resolution(ROOT / "drafts" / f"{name}.yaml")
    text = _body_text(pdf_texts[name], res)
    position = 0
    expected = [_bare(_shown(line.content)) for line in (*res.header, *res.title)]
    expected += [_bare(f"{p.label or ''}{_shown(p.content)}") for p in res.paragraphs()]
    for want in expected:
        found = text.find(want, position)
        assert found >= 0, f"not found in order: {want[:100]!r}"
        position = found + len(want)


def test_aipo_26_fits_its_page_as_the_2005_text_does(pdf_texts: dict[str, list[str]]) -> None:
    # With a line naming the Organization, which the 2005 text does not print, the last
    # paragraph's last line ran over the page, and widow control took two lines to a page 2.
    pages = [page for page in pdf_texts["aipo-26"] if page.strip()]
    assert len(pages) == 1 and "ORGANIZATION" not in pages[0]
    assert "ASEAN INTER-PARLIAMENTARY ORGANIZATION" in pdf_texts["aipo-27"][0]


def test_footnote_text_follows_its_mark_after_a_tab_at_the_hanging_indent() -> None:
    # UN footnotes: the number, a tab and a hanging indent, so that every line of the note starts
    # at one place; a space after the mark set the first line further in, two-digit marks more so.
    with zipfile.ZipFile(io.BytesIO(_docx("unga-64"))) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    real = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert len(real) == 22
    for note in real:
        runs = note.findall(f"{W}p/{W}r")
        assert runs[1].find(f"{W}tab") is not None and runs[1].find(f"{W}t") is None
        assert not "".join(runs[2].itertext()).startswith(" ")


def test_libreoffice_lines_up_every_line_of_a_wrapped_footnote(tmp_path: Path) -> None:
    # Footnote 10 of the UN draft wraps over six lines; its first line started right of the others.
    path = tmp_path / "unga-64.docx"
    path.write_bytes(_docx("unga-64"))
    (pdf,) = to_pdf([path], tmp_path)
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [  # each line's left edge and words (LibreOffice writes the note's mark as a line of its own)
        (float(x), re.findall(r">([^<]*)</word>", words))
        for x, words in re.findall(r'<line xMin="([\d.]+)"[^>]*>(.*?)</line>', html, re.DOTALL)
    ]
    start = next(i for i, (_, words) in enumerate(lines) if words[:2] == ["For", "example,"])
    note = lines[start : start + 6]
    assert note[-1][1][-1] == "Vienna."
    assert len({round(x) for x, _ in note}) == 1, [x for x, _ in note]


@pytest.mark.parametrize("name", DRAFTS)
def test_libreoffice_shows_every_footnote(name: str, pdf_texts: dict[str, list[str]]) -> None:
    res, _ = load_resolution(ROOT / "drafts" / f"{name}.yaml")
    whole = _bare("".join(pdf_texts[name]))
    for note in res.footnotes:
        assert _bare(f"{note.marker}{note.text}") in whole


def test_docx_needs_an_output_file() -> None:
    result = runner.invoke(app, ["build", str(ROOT / "drafts" / "aalco-52.yaml"), "--to", "docx"])
    assert result.exit_code == 1 and "-o FILE.docx" in result.output


def test_an_adopted_un_resolution_is_titled_after_its_number_hanging_in_the_margin(library: Path) -> None:
    # The UN prints an adopted resolution's title after its number, "64/178. Improving the
    # coordination …", the number at the margin and every line of the title set in alike; the
    # Word output left the number out. A draft (the example is one) has no number.
    draft = library / "drafts" / "unga-64.yaml"
    titles = [p for p in docx.Document(io.BytesIO(build(draft, "docx"))).paragraphs if p.style.name == "Resolution Title"]  # type: ignore[arg-type]
    assert len(titles) == 1 and not titles[0].text[:1].isdigit() and titles[0]._p.find(f"{W}pPr/{W}ind") is None
    text = draft.read_text(encoding="utf-8").replace("status: draft\n", "status: adopted\nsymbol: A/RES/64/178\n")
    draft.write_text(text, encoding="utf-8")
    (title,) = [p for p in docx.Document(io.BytesIO(build(draft, "docx"))).paragraphs if p.style.name == "Resolution Title"]  # type: ignore[arg-type]
    assert title.text.startswith("64/178.\tImproving the coordination of efforts against trafficking in persons")
    assert title._p.find(f"{W}r/{W}tab") is not None, "a real tab after the number"
    ind = title._p.find(f"{W}pPr/{W}ind")
    assert ind is not None and ind.get(f"{W}hanging") == ind.get(f"{W}left")
    assert int(ind.get(f"{W}left")) > 13 * 20 * 7 * 0.5, "the words are set in past the number (7 characters, 13 pt)"
    for fmt in ("md", "txt"):
        built = build(draft, fmt)
        assert isinstance(built, str) and "64/178. Improving the coordination" in built


# Every property word.yaml can give a style, true and false, with both indents and a style's own next.
_STYLE_CASES = {
    "Probe One": {
        **{"font": "Arial", "size": 11.5, "bold": True, "italic": False, "caps": True, "small_caps": False},
        **{"underline": True, "superscript": True, "based_on": "Probe Two", "next": "Probe Two", "align": "justify"},
        **{"left": 36.0, "right": 18.3, "first_line": 20.05, "space_before": 6.0, "space_after": 3.1, "line": 1.15},
        **{"keep_with_next": True, "keep_together": False, "tab": 54.0, "border_top": True, "border_bottom": True},
    },
    "Probe Two": {
        **{"bold": False, "italic": True, "caps": False, "small_caps": True, "underline": False, "superscript": False},
        **{"align": "center", "first_line": 10.0, "hanging": 17.85, "line": 2.0, "keep_with_next": False},
        **{"keep_together": True, "next": "Probe Two", "tab": 12.0},
    },
    "Probe Three": {"type": "character", "superscript": True, "size": 9.0, "based_on": "Probe One", "next": "Probe One"},
    "Probe Four": {"align": "right", "space_after": 0.0},
}


def _python_docx_style(document: Any, name: str, props: dict[str, Any]) -> None:
    """A style formatted through python-docx's own setters: what the Word writer must write."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from resdraft.render.docx import _child

    style = document.styles[name]
    font = style.font
    if "font" in props:
        font.name = props["font"]
    if "size" in props:
        font.size = Pt(props["size"])
    for key, attr in (("bold", "bold"), ("italic", "italic"), ("caps", "all_caps"), ("small_caps", "small_caps")):
        if key in props:
            setattr(font, attr, props[key])
    for key in ("underline", "superscript"):
        if key in props:
            setattr(font, key, props[key])
    if "based_on" in props:
        style.base_style = document.styles[props["based_on"]]
    if props.get("type") == "character":
        return
    if "next" in props:
        style.next_paragraph_style = document.styles[props["next"]]
    fmt = style.paragraph_format
    if "align" in props:
        fmt.alignment = getattr(WD_ALIGN_PARAGRAPH, str(props["align"]).upper())
    for key, attr in (("left", "left_indent"), ("right", "right_indent"), ("first_line", "first_line_indent")):
        if key in props:
            setattr(fmt, attr, Pt(props[key]))
    if "hanging" in props:
        fmt.first_line_indent = Pt(-props["hanging"])
    for key in ("space_before", "space_after"):
        if key in props:
            setattr(fmt, key, Pt(props[key]))
    if "line" in props:
        fmt.line_spacing = props["line"]
    for key in ("keep_with_next", "keep_together"):
        if key in props:
            setattr(fmt, key, props[key])
    if "tab" in props:
        fmt.tab_stops.add_tab_stop(Pt(props["tab"]))
    for side in ("top", "bottom"):
        if props.get(f"border_{side}"):
            line = _child(_child(style.element.get_or_add_pPr(), "w:pBdr"), f"w:{side}")  # (python-docx has no setter)
            for key, value in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", "auto")):
                line.set(qn(f"w:{key}"), value)


def _reference_with_a_probe_style(path: Path) -> Path:
    """A reference document whose "Probe One" has properties of its own: tab stops (one at a
    position in inches, as the schema allows), a hanging indent, bold, a border."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles.add_style("Probe One", WD_STYLE_TYPE.PARAGRAPH)
    style.font.bold = False
    style.paragraph_format.first_line_indent = Pt(-10)
    for position in (36, 144):
        style.paragraph_format.tab_stops.add_tab_stop(Pt(position))
    style.element.pPr.find(qn("w:tabs"))[0].set(qn("w:pos"), "0.5in")
    document.save(str(path))
    return path


@pytest.mark.parametrize("reference", [False, True], ids=["default template", "reference document"])
def test_each_style_property_is_written_as_python_docx_writes_it(reference: bool, tmp_path: Path) -> None:
    import dataclasses

    from docx.enum.style import WD_STYLE_TYPE

    from resdraft.library.wordstyle import StyleSpec
    from resdraft.render.docx import render_docx

    res, _ = load_resolution(ROOT / "drafts" / "unga-64.yaml")
    word = word_style_for(res.body, str(ROOT / "drafts"))
    probes = {
        name: StyleSpec(name, str(props.get("type", "paragraph")), props, word.where) for name, props in _STYLE_CASES.items()
    }
    source = _reference_with_a_probe_style(tmp_path / "reference.docx") if reference else None
    word = dataclasses.replace(word, reference=source, styles={**word.styles, **probes})
    ours = docx.Document(io.BytesIO(render_docx(res, word)))
    expected = docx.Document(str(source)) if source else docx.Document()
    names = {style.name for style in expected.styles}
    for name, props in _STYLE_CASES.items():
        kind = WD_STYLE_TYPE.CHARACTER if props.get("type") == "character" else WD_STYLE_TYPE.PARAGRAPH
        if name not in names:
            expected.styles.add_style(name, kind)
    for name, props in _STYLE_CASES.items():
        _python_docx_style(expected, name, props)
    for name in _STYLE_CASES:
        written, wanted = (etree.tostring(d.styles[name].element, method="c14n") for d in (ours, expected))
        assert written == wanted, name


def test_build_names_every_placeholder_new_and_check_name(tmp_path: Path, library: Path) -> None:
    """`build` left the venue out (AALCO's house style prints none), where `new` and `check` name it:
    it is still to fill in all the same, and says the built text does not show it."""
    result = runner.invoke(app, ["build", str(ROOT / "drafts" / "aalco-53.yaml"), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "  still to fill in: symbol: symbol of the 53rd-session document (was AALCO/RES/52/S 8)",
        "  still to fill in: date: date of the 53rd-session document (was 12 September 2013)",
        "  still to fill in: venue: venue of the 53rd-session document (was New Delhi, India); the built text does not show it",
        "  still to fill in: variables.secretariat_document: secretariat document for the 53rd session"
        " (was AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8)",
    ]
    rolled = runner.invoke(app, ["new", str(library / "drafts" / "aalco-52.yaml"), "-s", "53", "-o", str(library / "a.yaml")])
    check = runner.invoke(app, ["check", str(ROOT)])
    for line in result.output.splitlines()[1:]:
        name, _, hint = (
            line.removeprefix("  still to fill in: ").removesuffix("; the built text does not show it").partition(": ")
        )
        assert f"  to fill in: {name}: {hint}\n" in rolled.output
        assert f"{name.rpartition('.')[2]} is still a placeholder: {hint}\n" in check.output
    filled = runner.invoke(app, ["build", str(ROOT / "drafts" / "aalco-52.yaml"), "-o", str(tmp_path / "b.md")])
    assert filled.exit_code == 0 and filled.output == f"wrote {tmp_path / 'b.md'}\n"


def _operative_tabs(data: bytes) -> tuple[set[str], set[str]]:
    """The tab stops of the Operative Paragraph style, and the number's tab of each numbering's first level."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles, numbering = (etree.fromstring(z.read(f"word/{part}.xml")) for part in ("styles", "numbering"))
    style = next(s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == "Operative Paragraph")
    stops = {t.get(f"{W}pos") for t in style.iter(f"{W}tab")}
    levels = {t.get(f"{W}pos") for t in numbering.iterfind(f".//{W}lvl[@{W}ilvl='0']//{W}tab[@{W}val='num']")}
    return stops, levels


def test_a_three_figure_paragraph_number_stands_clear_of_its_words() -> None:
    # A/RES/78/69 numbers 376 operative paragraphs: with the number at 1.27 cm and the words at
    # 1.9 cm, "190." in Times 10 pt ended 7 twips short of "Emphasizes" (rendered "190.Emphasizes").
    # The tab moves on a step, to 2.54 cm (1434 twips), in that document; A/RES/78/228's 56
    # paragraphs keep the house style's 1.9 cm (1077).
    word = word_style_for("unga", str(ROOT / "drafts"))
    stops, levels = _operative_tabs(render_docx(ga_resolution("A/RES/78/69"), word))
    assert stops == {"1434"} and "1434" in levels and "1077" not in levels
    stops, levels = _operative_tabs(render_docx(ga_resolution("A/RES/78/228"), word))
    assert stops == {"1077"} and "1077" in levels and "1434" not in levels
