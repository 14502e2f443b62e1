"""Word import: build → parse gives the same structure, LibreOffice re-saves still parse, bad files fail cleanly."""

from __future__ import annotations

import datetime
import io
import re
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from conftest import ROOT, ga_text
from resdraft.build import build, load_resolution
from resdraft.errors import LibraryError
from resdraft.importers.docx import MAX_MEMBERS, _xml_parser, parse_docx
from resdraft.importers.pdftext import parse_pdf_text
from resdraft.model import Line, Paragraph, Resolution
from resdraft.preview import convert

DRAFTS = sorted(p.stem for p in (ROOT / "drafts").glob("*.yaml"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _built(name: str) -> bytes:
    data = build(ROOT / "drafts" / f"{name}.yaml", "docx")
    assert isinstance(data, bytes)
    return data


def _expected(name: str) -> Resolution:
    return load_resolution(ROOT / "drafts" / f"{name}.yaml")[0]


# ------------------------------------------------------------------ comparing, run boundaries aside


def _paragraph(p: Paragraph) -> tuple[Any, ...]:
    """What a paragraph says: run boundaries may differ between builder and reader, words and markers may not."""
    label = p.label if p.level or p.role == "operative" else None
    return (p.role, p.level, p.opening, p.text, p.footnote_refs, p.number, label, tuple(_paragraph(s) for s in p.subparagraphs))


def _line(line: Line | None) -> tuple[str, str, tuple[str, ...]] | None:
    if line is None:
        return None
    return line.role, line.text, tuple(getattr(s, "marker", "") for s in line.content if hasattr(s, "marker"))


def _assert_same_document(got: Resolution, expected: Resolution) -> None:
    assert [_paragraph(p) for p in got.preamble] == [_paragraph(p) for p in expected.preamble]
    assert [_paragraph(p) for p in got.operative] == [_paragraph(p) for p in expected.operative]
    assert [(f.marker, f.text) for f in got.footnotes] == [(f.marker, f.text) for f in expected.footnotes]
    assert [_line(x) for x in got.header] == [_line(x) for x in expected.header]
    assert [_line(x) for x in got.title] == [_line(x) for x in expected.title]
    for formula in ("enacting", "transition", "closing"):
        assert _line(getattr(got, formula)) == _line(getattr(expected, formula)), formula


# ------------------------------------------------------------------ build → parse


@pytest.mark.parametrize("name", DRAFTS)
def test_parsing_a_built_draft_gives_back_its_structure(name: str) -> None:
    _assert_same_document(parse_docx(_built(name)), _expected(name))


@pytest.mark.parametrize("name", DRAFTS)
def test_parsing_a_built_draft_keeps_run_formatting(name: str) -> None:
    got, expected = parse_docx(_built(name)), _expected(name)
    assert [p.content for p in got.paragraphs()] == [p.content for p in expected.paragraphs()]
    assert [f.content for f in got.footnotes] == [f.content for f in expected.footnotes]
    assert [x.content for x in got.header + got.title] == [x.content for x in expected.header + expected.title]


@pytest.mark.parametrize("name", DRAFTS)
def test_parsing_a_built_draft_reads_body_session_title_symbol_and_date(name: str) -> None:
    got, expected = parse_docx(_built(name), Path(f"{name}.docx")), _expected(name)
    assert got.body == expected.body and got.fields["body"] == expected.body
    assert got.session == expected.session and got.fields["session"] == expected.session.number
    assert got.fields["title"] == expected.fields["title"]
    if any(line.role == "symbol" for line in expected.header):
        assert got.fields["symbol"] == expected.fields["symbol"]
    assert got.date == expected.date
    assert got.emphasis == expected.emphasis


def _rewritten(data: bytes, rewrite: Callable[[str, bytes], bytes]) -> bytes:
    """The same document with each part's bytes as `rewrite(name, raw)` gives them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, rewrite(info.filename, source.read(info.filename)))
    return out.getvalue()


def _respelt(data: bytes, old: bytes, new: bytes) -> bytes:
    """The same document with some words of its body written otherwise."""

    def respell(name: str, raw: bytes) -> bytes:
        if name != "word/document.xml":
            return raw
        assert old in raw
        return raw.replace(old, new)

    return _rewritten(data, respell)


def test_a_session_ordinal_spelt_with_a_space_is_read_whole() -> None:
    # "at its Fifty Second Annual Session", without the hyphen, was read as the 2nd session: only
    # the hyphenated words were looked up, then the last word alone.
    got = parse_docx(_respelt(_built("aalco-52"), b"Fifty-Second", b"Fifty Second"))
    assert got.enacting is not None and "Fifty Second Annual Session" in got.enacting.text
    assert got.session.number == 52 and got.fields["session"] == 52


def test_a_section_heading_of_resdrafts_word_output_is_read_back_as_a_heading() -> None:
    # A/RES/79/161 (read from its PDF text) has eight section headings ("II" / "International
    # Decade for People of African Descent") among its numbered operative paragraphs. Written in the
    # Section Heading style, numeral and words on two lines, each is read back as it was: the numeral
    # its label, numbering nothing, and the paragraphs after it numbered as printed.
    from conftest import ga_pair
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    _, res = ga_pair("A/RES/78/234")
    got = parse_docx(render_docx(res, word_style_for("unga", str(ROOT / "drafts"))))
    headings = [(p.label, p.text) for p in got.operative if got.unnumbered(p)]
    assert len(headings) == 8 and headings[1] == ("II", "International Decade for People of African Descent")
    assert [(p.label, p.number, p.text) for p in got.operative] == [(p.label, p.number, p.text) for p in res.operative]


def test_an_adopted_un_resolutions_number_is_read_back_from_the_word_output_as_its_titles_label() -> None:
    # resdraft writes "78/225.", a tab, then the title; read back, the number is the title's
    # label again, not words of the title. A foreign Word file sets them alike.
    from conftest import ga_resolution
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    res = ga_resolution("A/RES/78/225")
    assert [(line.label, line.role) for line in res.title] == [("78/225.", "title")]
    got = parse_docx(render_docx(res, word_style_for("unga", str(ROOT / "drafts"))))
    assert [(line.label, line.text) for line in got.title] == [(line.label, line.text) for line in res.title]
    assert got.fields["title"] == res.title[0].text


def test_the_body_argument_wins_over_the_guess() -> None:
    assert parse_docx(_built("unga-64"), body="custom").body == "custom"  # (a library's own body, beside the stock ones)


def test_a_stock_body_the_enacting_formula_contradicts_is_refused() -> None:
    with pytest.raises(
        LibraryError, match="the enacting formula “The General Assembly,” is unga's, but the text was to be read as aalco's"
    ):
        parse_docx(_built("unga-64"), body="aalco")


def test_un_sponsors_line_gives_sponsors_and_document_type() -> None:
    got, expected = parse_docx(_built("unga-64")), _expected("unga-64")
    assert got.fields["sponsors"] == expected.fields["sponsors"]
    assert got.fields["document_type"] == expected.fields["document_type"]
    assert got.fields["agenda_item"] == "104" and got.fields["committee"] == "Third Committee"


def test_sponsors_whose_names_hold_and_come_back_whole_from_word_and_text(library: Path) -> None:
    # "…, Bosnia and Herzegovina, Trinidad and Tobago and Zambia: draft decision": the list
    # parts at commas and at the "and" that joins the last two, not inside a name; and a draft
    # decision's sponsors are read as a draft resolution's (the Word importer dropped them).
    from resdraft.importers.text import parse_text

    draft = library / "drafts" / "unga-64.yaml"
    text = draft.read_text(encoding="utf-8").replace("document_type: revised draft resolution", "document_type: draft decision")
    text = text.replace("  - Uzbekistan\n", "  - Uzbekistan\n  - Bosnia and Herzegovina\n  - Trinidad and Tobago\n")
    draft.write_text(text, encoding="utf-8")
    expected = load_resolution(draft)[0].fields["sponsors"]
    assert {"Bosnia and Herzegovina", "Trinidad and Tobago"} < set(expected)
    word = build(draft, "docx")
    plain_text = build(draft, "txt")
    assert isinstance(word, bytes) and isinstance(plain_text, str)
    for got in (parse_docx(word), parse_text(plain_text, draft.with_suffix(".txt"))):
        assert got.fields["sponsors"] == expected and got.fields["document_type"] == "draft decision"


def test_custom_footnote_mark_is_not_counted_and_not_left_in_the_text() -> None:
    got = parse_docx(_built("unga-64"))
    sponsors = next(line for line in got.header if line.role == "sponsors")
    assert "*" not in sponsors.text
    assert [f.marker for f in got.footnotes[:3]] == ["*", "1", "2"]
    assert got.footnotes[0].text.startswith("On behalf of")


def test_numbering_levels_of_a_built_draft_match_the_house_style() -> None:
    got, expected = parse_docx(_built("aipo-27")), _expected("aipo-27")
    assert got.numbering == expected.numbering
    assert [p.label for p in got.preamble[3].subparagraphs] == ["1", "2", "3", "4", "5", "6"]
    assert [p.label for p in got.operative[2].subparagraphs] == ["a.", "b.", "c.", "d."]


def _renamed_style_ids(data: bytes) -> bytes:
    """The same document with every style id replaced by a meaningless one, names untouched."""
    source = zipfile.ZipFile(io.BytesIO(data))
    styles = etree.fromstring(source.read("word/styles.xml"))
    ids = {s.get(f"{{{W}}}styleId"): f"X{i}" for i, s in enumerate(styles.iter(f"{{{W}}}style"))}
    refs = {f"{{{W}}}{tag}" for tag in ("pStyle", "rStyle", "basedOn", "next", "link")}

    def renamed(name: str, raw: bytes) -> bytes:
        if name not in ("word/styles.xml", "word/document.xml", "word/footnotes.xml"):
            return raw
        root = etree.fromstring(raw)
        for el in root.iter():
            if el.get(f"{{{W}}}styleId") in ids:
                el.set(f"{{{W}}}styleId", ids[el.get(f"{{{W}}}styleId")])
            if el.tag in refs and el.get(f"{{{W}}}val") in ids:
                el.set(f"{{{W}}}val", ids[el.get(f"{{{W}}}val")])
        return etree.tostring(root)

    return _rewritten(data, renamed)


def test_styles_are_matched_by_name_not_by_id() -> None:
    renamed = _renamed_style_ids(_built("unga-64"))
    assert b'w:pStyle w:val="PreambularParagraph"' not in zipfile.ZipFile(io.BytesIO(renamed)).read("word/document.xml")
    _assert_same_document(parse_docx(renamed), _expected("unga-64"))


def _unstyled(data: bytes) -> bytes:
    """The same document with no paragraph styles: a Word file written elsewhere, as resdraft's
    styles do not tell its parts apart (its list numbering stays)."""
    return _rewritten(
        data, lambda name, raw: re.sub(rb'<w:pStyle w:val="[^"]+"/>', b"", raw) if name == "word/document.xml" else raw
    )


def test_a_un_resolution_written_elsewhere_closes_with_its_plenary_meeting() -> None:
    # A/RES/78/10 ends "38th plenary meeting" over "21 November 2023". In a Word file without
    # resdraft's styles that line was read as a tenth operative paragraph: only "Adopted …" closed a text.
    from conftest import ga_resolution
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    res = ga_resolution("A/RES/78/10")
    got = parse_docx(_unstyled(render_docx(res, word_style_for("unga", str(ROOT / "drafts")))))
    assert got.closing is not None and got.closing.text == "38th plenary meeting\n21 November 2023"
    assert [p.text for p in got.operative] == [p.text for p in res.operative]


def _unstyled_ga(symbol: str) -> tuple[Resolution, Resolution]:
    """A GA resolution of the corpus, and what is read back from its Word output without resdraft's styles."""
    from conftest import ga_resolution
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    res = ga_resolution(symbol)
    return res, parse_docx(_unstyled(render_docx(res, word_style_for("unga", str(ROOT / "drafts")))))


def test_a_word_file_written_elsewhere_gives_its_sections_headings() -> None:
    # A/RES/79/161: "I" over "International Convention on …", then section after section. Without
    # resdraft's heading style, each heading was a paragraph "II\nInternational Decade …", and
    # the first stood in the preamble.
    res, got = _unstyled_ga("A/RES/79/161")
    assert [(p.label, p.number, p.text) for p in got.operative] == [(p.label, p.number, p.text) for p in res.operative]
    assert [p.text for p in got.preamble] == [p.text for p in res.preamble]
    assert got.heading(got.operative[0]) and got.operative[0].label == "I"


@pytest.mark.parametrize(
    "symbol",
    [
        "A/RES/79/258",  # each section numbered from 1 again: a list of its own per section
        "A/RES/78/187",  # the last operative paragraph, "Decides:", over "(a)" and "(b)"
        "A/RES/78/329",  # the one operative paragraph, unnumbered: "Decides:" over "(a)" and "(b)"
        "A/RES/79/1",  # lettered sub-paragraphs "A. Science, technology and innovation …", no headings
        "A/RES/79/253",  # "A. Secretariat of the Pension Board" under "… the table below:"
    ],
)
def test_a_word_file_written_elsewhere_keeps_every_operative_paragraph(symbol: str) -> None:
    # 79/258: the list that started last (section XXV's) was taken for the operative part, all
    # before it for the preamble. 78/187: "Decides:" was taken for the transition formula, and the
    # operative part began after it; 78/329 too, and, with only the transition formulas the text
    # importer knows ("Resolves that:"), "(a)" and "(b)" for the operative paragraphs. 79/1, 79/253: a lettered sub-paragraph whose words read as a
    # title is no section heading (a list's numeral heads a section only alone above its title).
    res, got = _unstyled_ga(symbol)
    assert [(p.label, p.number, p.text) for p in got.operative] == [(p.label, p.number, p.text) for p in res.operative]
    assert [p.text for p in got.preamble] == [p.text for p in res.preamble]


def test_an_adopted_un_resolution_written_elsewhere_gives_its_adoption_and_report() -> None:
    # A/RES/79/161's masthead without resdraft's styles: the adoption line was read as a date line,
    # and the report line and the agenda item's title as lines of no role, so a draft imported
    # from it had none of those facts.
    _, got = _unstyled_ga("A/RES/79/161")
    assert got.fields["adopted"] == datetime.date(2024, 12, 17) and got.fields["status"] == "adopted"
    assert got.fields["report"] == "[on the report of the Third Committee (A/79/456, para. 31)]"
    assert next(line.role for line in got.header if line.text == "United Nations") == "organization"
    assert str(got.fields["agenda_title"]).startswith(
        "Elimination of racism, racial discrimination"
    )  # (the line under "Agenda item")


def test_a_word_file_written_elsewhere_with_one_unnumbered_operative_paragraph_finds_it() -> None:
    # A/RES/78/1: "Endorses the political declaration …", the one operative paragraph, numbered by
    # no list: everything was read as the preamble, the closing line included.
    res, got = _unstyled_ga("A/RES/78/1")
    assert [p.text for p in got.operative] == [p.text for p in res.operative]
    assert got.closing is not None and got.closing.text == res.closing.text


# ------------------------------------------------------------------ LibreOffice re-save


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every example draft built to .docx and saved again by LibreOffice, in one soffice run."""
    folder = tmp_path_factory.mktemp("resave")
    (folder / "in").mkdir()
    (folder / "out").mkdir()
    for name in DRAFTS:
        (folder / "in" / f"{name}.docx").write_bytes(_built(name))
    convert([folder / "in" / f"{name}.docx" for name in DRAFTS], folder / "out", "docx:MS Word 2007 XML")
    return {name: (folder / "out" / f"{name}.docx").read_bytes() for name in DRAFTS}


@pytest.mark.parametrize("name", DRAFTS)
def test_a_libreoffice_resave_still_parses_with_the_same_texts_and_numbers(name: str, resaved: dict[str, bytes]) -> None:
    assert resaved[name] != _built(name)
    got = parse_docx(resaved[name])
    _assert_same_document(got, _expected(name))
    assert got.session == _expected(name).session


def test_libreoffice_rewrites_the_preambular_sub_paragraph_lists(resaved: dict[str, bytes]) -> None:
    """LibreOffice numbers them with two <w:num>s of one list, the first restarting: counting per list keeps 1–6."""
    document = zipfile.ZipFile(io.BytesIO(resaved["aipo-27"])).read("word/document.xml").decode()
    num_ids = re.findall(r'PreambularSubparagraph1"/>\s*<w:numPr>\s*<w:ilvl w:val="0"/>\s*<w:numId w:val="(\d+)"', document)
    assert len(num_ids) == 6
    got = parse_docx(resaved["aipo-27"])
    assert [p.label for p in got.preamble[3].subparagraphs] == ["1", "2", "3", "4", "5", "6"]


# ------------------------------------------------------------------ hand-made packages: numbering and footnotes


def _package(body: str, styles: str = "", numbering: str = "", footnotes: str = "") -> bytes:
    """A minimal .docx: <w:body> holds `body`; styles, numbering and footnotes are inner XML of their parts."""
    ns = f'xmlns:w="{W}"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        for part, inner in (("styles", styles), ("numbering", numbering), ("footnotes", footnotes)):
            if inner:
                z.writestr(f"word/{part}.xml", f"<w:{part} {ns}>{inner}</w:{part}>")
    return out.getvalue()


def _p(*runs: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    """A paragraph; each run is plain text, or raw run XML when it starts with '<'."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    inner = "".join(r if r.startswith("<") else f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs)
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def _styles(*names: str) -> str:
    return "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="{n}"/></w:style>' for i, n in enumerate(names))


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


NUMBERING = (
    f'<w:abstractNum w:abstractNumId="0">{_lvl(0, "decimal", "%1.")}{_lvl(1, "lowerLetter", "(%2)")}{_lvl(2, "lowerRoman", "(%3)")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="1">{_lvl(0, "decimal", "%1")}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
)


def test_word_numbering_counts_per_list_restarts_lower_levels_and_honours_start_overrides() -> None:
    styles = _styles(
        "Enacting Formula",
        "Preambular Paragraph",
        "Preambular Subparagraph 1",
        "Operative Paragraph",
        "Subparagraph 1",
        "Subparagraph 2",
    )
    enacting, pre, pre_sub, op, sub1, sub2 = (f"S{i}" for i in range(6))
    body = "".join(
        [
            _p("The General Assembly,", style=enacting),
            _p("Considering that:", style=pre),
            _p("first;", style=pre_sub, num=(2, 0)),
            _p("second;", style=pre_sub, num=(2, 0)),
            _p("Noting that:", style=pre),
            _p("restarted;", style=pre_sub, num=(3, 0)),  # a startOverride restarts the list
            _p("continued,", style=pre_sub, num=(4, 0)),  # another <w:num> of the same list continues it
            _p("Urges:", style=op, num=(1, 0)),
            _p("one", style=sub1, num=(1, 1)),
            _p("deep one", style=sub2, num=(1, 2)),
            _p("deep two", style=sub2, num=(1, 2)),
            _p("two", style=sub1, num=(1, 1)),
            _p("deep again", style=sub2, num=(1, 2)),
            _p("Decides:", style=op, num=(1, 0)),
            _p("one again", style=sub1, num=(1, 1)),
            _p("Jumps.", style=op, num=(5, 0)),
        ]
    )
    got = parse_docx(_package(body, styles=styles, numbering=NUMBERING))
    assert [[s.label for s in p.subparagraphs] for p in got.preamble] == [["1", "2"], ["1", "2"]]
    assert [(p.label, p.number) for p in got.operative] == [("1.", 1), ("2.", 2), ("10.", 10)]
    first, second, _ = got.operative
    assert [(s.label, [d.label for d in s.subparagraphs]) for s in first.subparagraphs] == [
        ("(a)", ["(i)", "(ii)"]),
        ("(b)", ["(i)"]),
    ]
    assert [s.label for s in second.subparagraphs] == ["(a)"]
    assert all(s.number is None for p in got.operative for s in p.walk() if s.level)
    assert got.numbering.operative == "1." and got.numbering.subparagraphs == ("(a)", "(i)")
    assert got.numbering.preambular_subparagraphs == ("1",)


def test_footnotes_pair_custom_marks_and_numbers_with_their_texts() -> None:
    styles = _styles("Preambular Paragraph")
    body = _p(
        "Recalling the report",
        '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>†</w:t></w:r>',
        " and the study,",
        '<w:r><w:footnoteReference w:id="7"/></w:r>',
        style="S0",
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First </w:t></w:r>'
        "<w:r><w:rPr><w:i/></w:rPr><w:t>note</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote>"
        '<w:footnote w:id="5"><w:p><w:r><w:t xml:space="preserve">† Dagger note.</w:t></w:r></w:p></w:footnote>'
    )
    got = parse_docx(_package(body, styles=styles, footnotes=footnotes))
    (p,) = got.preamble
    assert p.text == "Recalling the report and the study,"
    assert p.footnote_refs == ("†", "1")
    assert [(f.marker, f.text) for f in got.footnotes] == [("†", "Dagger note."), ("1", "First note.")]
    assert any(getattr(s, "italic", False) and s.text == "note" for s in got.footnotes[1].content)


# ------------------------------------------------------------------ documents resdraft did not write


def test_a_word_document_with_list_styles_and_italic_openings_is_read_by_heuristic() -> None:
    document = docx.Document()
    for text in ("General Assembly", "A/C.3/64/L.5", "Sixty-fourth session", "Third Committee", "Agenda item 104"):
        document.add_paragraph(text)
    document.add_paragraph().add_run("Improving the coordination of efforts against trafficking in persons").bold = True
    document.add_paragraph("The General Assembly,")
    for opening, rest in (("Recalling", " its resolution 63/194,"), ("Welcoming", " the report of the Special Rapporteur,")):
        p = document.add_paragraph()
        p.add_run(opening).italic = True
        p.add_run(rest)
    for opening, rest, subs in (
        ("Urges", " Member States to ratify;", []),
        ("Requests", " the Secretary-General:", ["to report;", "to invite others."]),
    ):
        p = document.add_paragraph(style="List Number")  # numbered through the style, not the paragraph
        p.add_run(opening).italic = True
        p.add_run(rest)
        for sub in subs:
            document.add_paragraph(sub, style="List Number 2")
    buffer = io.BytesIO()
    document.save(buffer)
    got = parse_docx(buffer.getvalue())
    assert got.body == "unga" and got.session.number == 64
    assert got.fields["symbol"] == "A/C.3/64/L.5" and got.fields["agenda_item"] == "104"
    assert [line.text for line in got.title] == ["Improving the coordination of efforts against trafficking in persons"]
    assert got.enacting is not None and got.enacting.text == "The General Assembly,"
    assert [(p.opening, p.text) for p in got.preamble] == [
        ("Recalling", "Recalling its resolution 63/194,"),
        ("Welcoming", "Welcoming the report of the Special Rapporteur,"),
    ]
    assert [(p.label, p.number, p.opening) for p in got.operative] == [("1.", 1, "Urges"), ("2.", 2, "Requests")]
    assert [(s.level, s.text) for s in got.operative[1].subparagraphs] == [(1, "to report;"), (1, "to invite others.")]
    assert got.emphasis["preambular"] == "italic" and got.emphasis["operative"] == "italic"


def test_typed_labels_transition_and_closing_are_recognised_without_styles() -> None:
    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    body = "".join(
        [
            _p("ASEAN INTER-PARLIAMENTARY ORGANIZATION"),
            _p("27th GENERAL ASSEMBLY"),
            _p("27GA/06/SOC/01"),
            _p("RESOLUTION ON LEGAL COOPERATION"),
            _p("The Twenty-Seventh General Assembly:"),
            _p(bold.format("Referring"), " to the 26th resolution;"),
            _p(bold.format("Considering"), " that:"),
            _p("(a) trafficking is complex;"),
            _p("(b) cooperation matters;"),
            _p("Hereby resolves to:"),
            _p("1. ", bold.format("Establish "), "a working group;"),
            _p("2. ", bold.format("Advise"), " members to:"),
            _p("(a) review their laws;"),
            _p("(b) report."),
            _p("Adopted this 14th day of September, 2006 in Cebu City, Philippines."),
        ]
    )
    got = parse_docx(_package(body))
    assert got.body == "aipa" and got.session.number == 27
    assert [(line.role, line.text) for line in got.header] == [  # (as the text importer knows AIPA's masthead)
        ("organization", "ASEAN INTER-PARLIAMENTARY ORGANIZATION"),
        ("assembly", "27th GENERAL ASSEMBLY"),
        ("symbol", "27GA/06/SOC/01"),
    ]
    assert got.transition is not None and got.transition.text == "Hereby resolves to:"
    assert [p.opening for p in got.preamble] == ["Referring", "Considering"]
    assert [(s.label, s.text) for s in got.preamble[1].subparagraphs] == [
        ("(a)", "trafficking is complex;"),
        ("(b)", "cooperation matters;"),
    ]
    assert [(p.label, p.number, p.opening, p.text) for p in got.operative] == [
        ("1.", 1, "Establish", "Establish a working group;"),
        ("2.", 2, "Advise", "Advise members to:"),
    ]
    assert [s.label for s in got.operative[1].subparagraphs] == ["(a)", "(b)"]
    assert got.closing is not None and got.closing.text.startswith("Adopted this 14th day")
    assert got.date is not None and got.date.isoformat() == "2006-09-14"
    assert got.fields["venue"] == "Cebu City, Philippines"


def test_a_document_with_only_plain_paragraphs_does_not_crash() -> None:
    got = parse_docx(_package(_p("Just a letter.") + _p("") + _p("Kind regards")))
    assert got.body == "" and got.session.number == 0
    assert [line.text for line in got.header + got.title] == ["Just a letter.", "Kind regards"]


# ------------------------------------------------------------------ bad input: a LibraryError with a hint, never a traceback


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _bomb() -> bytes:
    """A .docx whose document.xml really unpacks to 200 MB of zeros (about 200 kB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(200):
                member.write(chunk)
    return out.getvalue()


def _lying_size() -> bytes:
    """A .docx whose document.xml unpacks to 60 MB while its directory entry claims 1,000 bytes."""
    data = bytearray(_zip({"word/document.xml": bytes(60 << 20)}))
    entry = data.index(b"PK\x01\x02")
    data[entry + 24 : entry + 28] = struct.pack("<I", 1000)  # uncompressed size in the central directory
    return bytes(data)


def _doctype(secret: Path) -> bytes:
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _zip({"word/document.xml": xml.encode()})


def _commented(comments: bytes) -> bytes:
    """The commented Word fixture with another comments part: the part is read for the warning on comments."""
    with zipfile.ZipFile(ROOT / "tests" / "data" / "word-variations" / "aalco-52-comments.docx") as z:
        members = {name: z.read(name) for name in z.namelist()}
    return _zip({**members, "word/comments.xml": comments})


def _laughs() -> bytes:
    entities = '<!ENTITY a "ha">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    xml = f'<!DOCTYPE w:document [{entities}]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'
    return _zip({"word/document.xml": xml.encode()})


BAD = {
    "empty file": (lambda tmp: b"", "empty"),
    "text file named .docx": (lambda tmp: b"Draft resolution\nThe General Assembly,\n", "not a readable zip"),
    "old binary .doc": (lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc"),
    "truncated .docx": (lambda tmp: (whole := _built("aalco-52"))[: len(whole) // 2], "zip"),
    "zip without word/document.xml": (lambda tmp: _zip({"hello.txt": b"hi"}), "word/document.xml is missing"),
    "document.xml with a syntax error": (lambda tmp: _zip({"word/document.xml": b"<w:document><w:body>"}), "not well-formed"),
    "document.xml that is not WordprocessingML": (lambda tmp: _zip({"word/document.xml": b"<html/>"}), "not a WordprocessingML"),
    "zip bomb (200 MB member)": (lambda tmp: _bomb(), "MB"),
    "member that lies about its size": (lambda tmp: _lying_size(), "cannot be read"),
    "too many members": (lambda tmp: _zip({f"m{i}": b"" for i in range(MAX_MEMBERS + 1)}), "members"),
    "external entity in a DTD": (lambda tmp: _doctype(tmp / "secret.txt"), "DTD"),
    "billion laughs": (lambda tmp: _laughs(), "DTD"),
    "comments part with a syntax error": (lambda tmp: _commented(b"<w:comments><broken"), "word/comments.xml is not well-formed"),
    "external entity in the comments part": (
        lambda tmp: _commented(
            f'<!DOCTYPE w:comments [<!ENTITY x SYSTEM "file://{tmp / "secret.txt"}">]><w:comments xmlns:w="{W}">'
            '<w:comment w:id="0"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>'.encode()
        ),
        "DTD",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_a_library_error_naming_the_file_with_a_hint(case: str, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    make, words = BAD[case]
    source = tmp_path / "draft.docx"
    with pytest.raises(LibraryError) as caught:
        parse_docx(make(tmp_path), source)
    (problem,) = caught.value.problems
    assert problem.where is not None and problem.where.path == source
    assert words in problem.message
    assert problem.hint
    assert "TOP-SECRET-CONTENT" not in str(caught.value)


def test_an_entity_is_never_resolved_even_where_no_dtd_is_checked(tmp_path: Path) -> None:
    """The parser itself refuses to read the file an entity names, whatever happens after parsing."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xml = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><d>&x;</d>'
    root = etree.fromstring(xml.encode(), _xml_parser())
    assert "TOP-SECRET-CONTENT" not in etree.tostring(root, encoding="unicode")


def test_a_paragraph_of_200000_runs_is_read_in_linear_time() -> None:
    """Joining runs by repeated concatenation would take minutes here; a crafted file must not stall the importer."""
    started = time.monotonic()
    got = parse_docx(_package(_p(*(["word "] * 200_000), style="S0"), styles=_styles("Operative Paragraph")))
    assert time.monotonic() - started < 60  # (a few seconds alone; the bound leaves room for a loaded machine)
    assert len(got.operative[0].text) == len("word " * 200_000) - 1


# ------------------------------------------------------------------ tracked changes


def _draft_of(name: str) -> Resolution:
    return load_resolution(ROOT / "drafts" / f"{name}.yaml")[0]


@pytest.mark.parametrize(("old", "new"), [("aalco-50", "aalco-52"), ("aipo-26", "aipo-27"), ("unga-64", "moved")])
def test_a_document_with_tracked_changes_reads_as_if_all_were_accepted(old: str, new: str) -> None:
    # resdraft's own redlines: deleted paragraphs (their marks deleted) are gone, moved ones are
    # read where they arrive, not also where they were.
    import dataclasses
    import datetime as dt

    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.render.redline import render_redline

    before = _draft_of(old)
    if new == "moved":
        operative = list(before.operative)
        operative.append(operative.pop(0))
        after = dataclasses.replace(before, operative=tuple(operative))
    else:
        after = _draft_of(new)
    word = word_style_for(after.body, str(ROOT / "drafts"))
    redline = render_redline(compare(before, after), word, "Secretariat", dt.datetime(2013, 9, 12, tzinfo=dt.UTC))
    read = parse_docx(redline)
    diff = compare(after, read)
    assert not [c for c in (*diff.preamble, *diff.operative) if c.changed]


def test_a_paragraph_mark_deleted_as_a_tracked_change_joins_its_text_to_the_next_paragraph() -> None:
    # AALCO 52 with the mark between operative 1 and 2 struck out, as Word records a merge.
    data = build(ROOT / "drafts" / "aalco-52.yaml", "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    first = next(p for p in root.iter(f"{w}p") if "".join(p.itertext()).startswith("Encourages the Member States"))
    ppr = first.find(f"{w}pPr")
    rpr = ppr.find(f"{w}rPr") if ppr.find(f"{w}rPr") is not None else etree.SubElement(ppr, f"{w}rPr")
    etree.SubElement(rpr, f"{w}del", {f"{w}id": "90", f"{w}author": "A delegate", f"{w}date": "2013-09-12T00:00:00Z"})
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    read = parse_docx(out.getvalue())
    assert len(read.operative) == 3
    assert read.operative[0].text.startswith("Encourages the Member States")
    assert "Directs the Secretariat" in read.operative[0].text


def test_diff_parse_and_import_say_when_a_word_file_had_tracked_changes(
    tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from typer.testing import CliRunner

    from resdraft.build import word_style_for
    from resdraft.cli import app
    from resdraft.diff import compare
    from resdraft.render.redline import render_redline

    before, after = _draft_of("aalco-50"), _draft_of("aalco-52")
    word = word_style_for(after.body, str(ROOT / "drafts"))
    redline = tmp_path / "redline.docx"
    redline.write_bytes(render_redline(compare(before, after), word, "Secretariat", dt.datetime(2013, 9, 12, tzinfo=dt.UTC)))
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(ROOT / "drafts" / "aalco-52.yaml"), str(redline)])
    assert result.exit_code == 0, result.output
    assert f"warning: {redline}: has tracked changes; read as if all were accepted" in result.output
    assert "preamble: 6 unchanged" in result.output and "operative: 4 unchanged" in result.output
    plain = tmp_path / "plain.docx"
    plain.write_bytes(build(ROOT / "drafts" / "aalco-52.yaml", "docx"))
    assert "tracked changes" not in runner.invoke(app, ["diff", str(ROOT / "drafts" / "aalco-52.yaml"), str(plain)]).output
    parsed = runner.invoke(app, ["parse", str(redline)])
    assert parsed.exit_code == 0, parsed.output
    assert f"warning: {redline}: has tracked changes; read as if all were accepted" in parsed.output
    assert "tracked changes" not in runner.invoke(app, ["parse", str(plain)]).output
    monkeypatch.chdir(library)
    imported = runner.invoke(app, ["import", str(redline), "--name", "aalco-52-redline"])
    assert imported.exit_code == 0, imported.output
    assert f"warning: {redline}: has tracked changes; read as if all were accepted" in imported.output
    assert (library / "drafts" / "aalco-52-redline.yaml").exists()


def test_a_table_in_a_word_file_is_read_cell_by_cell_and_said_so(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from resdraft.cli import app

    document = docx.Document(io.BytesIO(_built("aalco-52")))
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Budget line", (0, 1): "Amount", (1, 0): "Meetings", (1, 1): "10,000"}.items():
        table.cell(row, col).text = text
    document.add_table(rows=1, cols=1)  # an empty one, as a layout aid, is not mentioned
    path = tmp_path / "with-table.docx"
    document.save(str(path))
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: has a table; its cells are read one by one as paragraphs (check what they became)" in result.output
    texts = [p.text for p in parse_docx(path.read_bytes()).operative]
    assert texts[-4:] == ["Budget line", "Amount", "Meetings", "10,000"]


def test_a_word_file_with_bulleted_sub_paragraphs_is_written_again() -> None:
    # A Word file written elsewhere whose operative sub-paragraphs are bullets: the bullet came
    # through as the sub-paragraphs' example label ("•"), which resdraft cannot number by, and
    # the Word output (and every diff with the file) stopped on it. Levels resdraft cannot number
    # end the numbering read from the file; the rest is the body's house style.
    from conftest import ga_resolution
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    word = word_style_for("unga", str(ROOT / "drafts"))
    data = render_docx(ga_resolution("A/RES/78/187"), word)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/numbering.xml"] = re.sub(
        rb'(<w:lvl w:ilvl="1"[^>]*>(?:(?!</w:lvl>).)*?)<w:numFmt w:val="lowerLetter"/>(?:(?!</w:lvl>).)*?<w:lvlText w:val="[^"]*"/>',
        '\\1<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'.encode(),
        parts["word/numbering.xml"],
        flags=re.S,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    res = parse_docx(out.getvalue())
    decides = res.operative[-1]
    assert decides.text == "Decides:" and {s.label for s in decides.subparagraphs} == {"•"}
    assert res.numbering.subparagraphs == ()
    assert parse_docx(render_docx(res, word)).operative[-1].text == decides.text


def test_each_title_under_a_masthead_naming_two_agenda_items_is_read_as_one(tmp_path: Path) -> None:
    # A/RES/78/128's masthead, text and all, typed as plain paragraphs (no resdraft styles): its
    # second agenda item's title was read as a line of no role, and lost from the draft.
    printed = parse_pdf_text(ga_text(tmp_path, "A/RES/78/128").read_text(encoding="utf-8"))
    document = docx.Document()
    for line in printed.header:
        document.add_paragraph(line.text)
    document.add_paragraph(f"{printed.title[0].label} {printed.title[0].text}")
    for line in (printed.enacting, *printed.preamble[:2], *printed.operative[:2]):
        assert line is not None
        document.add_paragraph(
            line.text if not isinstance(line, Paragraph) or line.number is None else f"{line.number}. {line.text}"
        )
    path = tmp_path / "78-128.docx"
    document.save(str(path))
    res = parse_docx(path.read_bytes(), path)
    titles = [line.text for line in res.header if line.role == "agenda-title"]
    assert titles == [line.text for line in printed.header if line.role == "agenda-title"] and len(titles) == 2
    assert [line.text for line in res.header if line.role == "report"] == ["[without reference to a Main Committee (A/78/L.25)]"]
