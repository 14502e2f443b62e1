"""The text importer reads the five seeds and resdraft's own Markdown and text back into the document model."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import string
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, ROOT, SEEDS, expected_shape, ga_text, shape
from resdraft.build import build, load_resolution, render_resolution
from resdraft.errors import LibraryError
from resdraft.importers.pdftext import parse_pdf_text
from resdraft.importers.text import parse_text
from resdraft.library import Library
from resdraft.model import Footnote, FootnoteRef, Kind, Line, Paragraph, Resolution, Run

DRAFTS = sorted(p.stem for p in (ROOT / "drafts").glob("*.yaml"))
BODY_OF_SEED = {"aalco": "aalco", "aipo": "aipa", "unga": "unga"}


def _seed(name: str) -> tuple[Resolution, str]:
    path = CORPUS / "seeds" / f"{SEEDS[name]}.md"
    return parse_text(path.read_text(encoding="utf-8"), path), SEEDS[name]


def _built(name: str, fmt: str) -> Resolution:
    path = ROOT / "drafts" / f"{name}.yaml"
    text = build(path, fmt)
    assert isinstance(text, str)
    return parse_text(text, path.with_suffix(f".{fmt}"))


# ---------------------------------------------------------------- the five seeds


@pytest.mark.parametrize("name", SEEDS)
def test_seed_paragraphs_import_as_the_expected_structure(name: str, expected: dict) -> None:
    res, key = _seed(name)
    assert [shape(p) for p in res.preamble] == [expected_shape(p) for p in expected[key]["preamble"]]
    assert [shape(p) for p in res.operative] == [expected_shape(p) for p in expected[key]["operative"]]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_footnotes_import_in_order(name: str, expected: dict) -> None:
    res, key = _seed(name)
    assert [(n.marker, n.text) for n in res.footnotes] == [(f["marker"], f["text"]) for f in expected[key]["footnotes"]]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_formulas_title_and_header_fields_import(name: str, expected: dict) -> None:
    res, key = _seed(name)
    want = expected[key]
    assert res.body == BODY_OF_SEED[want["body"]]
    assert res.session.number == want["session"]
    assert res.enacting is not None and res.enacting.text == want["enacting_formula"]
    assert (res.transition.text if res.transition else None) == want.get("operative_formula")
    assert (res.closing.text if res.closing else None) == want["closing"]
    assert res.fields.get("title") == want["title"]
    assert res.fields.get("subtitle") == want["subtitle"]
    assert [line.text for line in res.title] == [want["title"], *([want["subtitle"]] if want["subtitle"] else [])]
    assert res.fields.get("symbol") == want["symbol"]
    assert str(res.fields.get("date")) == str(want["date"]) if want["date"] else "date" not in res.fields
    assert res.date == res.fields.get("date")


def test_seed_secretariat_draft_line_sets_status_and_the_brief_around_the_annex_is_ignored() -> None:
    res, _ = _seed("aalco-50")
    assert [(line.role, line.text) for line in res.header] == [
        ("status", "SECRETARIAT DRAFT"),
        ("symbol", "AALCO/RES/50/SP 1"),
        ("date", "1 JULY 2011"),
    ]
    assert res.fields["status"] == "draft"
    assert len(res.preamble) == 6 and len(res.operative) == 4


def test_a_declaration_typed_as_plain_text_has_no_opening_phrase_inferred() -> None:
    # The Pact for the Future (A/RES/79/1) as plain paragraphs: "1. We, the Heads of State …", "3. Yet …".
    from conftest import ga_resolution

    pact = ga_resolution("A/RES/79/1")
    lines = ["The General Assembly,", ""]
    for p in (*pact.preamble, *pact.operative):
        lines += [f"{p.label} {p.text}" if p.label else p.text, ""]
    res = parse_text("\n".join(lines), Path("pact.txt"))
    assert res.preamble == () and res.operative[0].opening == "Adopts"
    assert [p.opening for p in res.operative if p.opening] == ["Adopts"]
    assert sum(1 for p in res.operative if p.label and p.label.startswith("Action") and res.heading(p)) == 56
    assert sum(p.number is not None for p in res.operative) == 84


@pytest.mark.parametrize(
    ("name", "hyphened", "body", "session"),
    [
        ("aalco-52", "The Asian-African Legal Consultative Organization at its Fifty-Second Annual Session", "aalco", 52),
        ("aipo-27", "The Twenty-Seventh General Assembly:", "aipa", 27),
    ],
)
def test_a_session_ordinal_written_with_a_space_in_the_enacting_formula_gives_the_session(
    name: str, hyphened: str, body: str, session: int
) -> None:
    # "at its Fifty Second Annual Session", as a copy may write AALCO/RES/52/S 8's "Fifty-Second"
    # (and AIPO's "The Twenty Seventh General Assembly:"): no enacting formula was found, and the
    # import refused the text.
    hyphen, seed = _seed(name)
    path = CORPUS / "seeds" / f"{seed}.md"
    spaced = hyphened.replace("-Se", " Se")
    text = path.read_text(encoding="utf-8")
    assert hyphened in text
    res = parse_text(text.replace(hyphened, spaced), path)
    assert res.enacting is not None and res.enacting.text == spaced
    assert (res.body, res.session.number) == (body, session)
    assert [p.text for p in (*res.preamble, *res.operative)] == [p.text for p in (*hyphen.preamble, *hyphen.operative)]


def test_seed_unga_header_lines_take_the_body_yaml_roles(expected: dict) -> None:
    res, key = _seed("unga-64")
    roles = {line.role: line.text for line in res.header}
    assert roles == {
        "organ": "General Assembly",
        "distribution": "Distr.: Limited",
        "date": "10 November 2009",
        "language": "Original: English",
        "session": "Sixty-fourth session",
        "committee": "Third Committee",
        "agenda-item": "Agenda item 104",
        "agenda-title": "Crime prevention and criminal justice",
        "sponsors": expected[key]["sponsors_line"].replace("*", ""),
    }
    sponsors = next(line for line in res.header if line.role == "sponsors")
    assert [s.marker for s in sponsors.content if isinstance(s, FootnoteRef)] == ["*"]
    assert res.footnotes[0].marker == "*"
    assert res.fields["agenda_item"] == "104"
    assert res.fields["sponsors"][-1] == "Zambia"


def test_seed_aipa_header_lines_take_the_body_yaml_roles(expected: dict) -> None:
    res, key = _seed("aipo-27")
    assert [(line.role, line.text) for line in res.header] == [
        ("organization", expected[key]["organization"]),
        ("assembly", expected[key]["session_heading"]),
        ("symbol", expected[key]["symbol"]),
    ]


def test_superscript_ordinals_are_words_and_superscript_digits_are_footnote_markers() -> None:
    aipo, _ = _seed("aipo-27")
    referring = aipo.preamble[0]
    assert "the AIPO 23rd General Assembly" in referring.text
    assert Run("rd", superscript=True) in referring.content
    assert aipo.closing is not None and aipo.closing.text.startswith("Adopted this 14th day")
    unga, _ = _seed("unga-64")
    assert unga.preamble[5].footnote_refs == ("8", "9", "10")
    assert "forums on the need" in unga.preamble[5].text


def test_paragraph_broken_by_a_page_of_footnotes_is_joined_again() -> None:
    res, _ = _seed("unga-64")
    assert "child prostitution and child pornography and the Supplementary Convention" in res.preamble[3].text
    assert res.operative[3].text.count("prosecute, condemn and penalize") == 1


def test_marked_openings_set_the_emphasis_and_numbering() -> None:
    unga, _ = _seed("unga-64")
    assert unga.emphasis["operative"] == "italic"
    assert unga.numbering.operative == "1."
    aipo, _ = _seed("aipo-27")
    assert aipo.emphasis["preambular"] == "bold"
    assert aipo.numbering.subparagraphs[0] == "a." and aipo.numbering.preambular_subparagraphs[0] == "1"
    opening = aipo.preamble[0].content[0]
    assert isinstance(opening, Run) and opening.opening and opening.bold and opening.text == "Referring"


def test_unnumbered_paragraphs_without_a_transition_split_on_the_form_of_the_opening() -> None:
    path = CORPUS / "seeds" / f"{SEEDS['aipo-26']}.md"
    text = path.read_text(encoding="utf-8").replace("Hereby resolves to:\n", "")
    res = parse_text(text, path)
    assert res.transition is None
    assert [p.opening for p in res.preamble] == ["Acknowledging", "Being aware", "Recognizing"]
    assert [p.opening for p in res.operative][:3] == ["Encourage", "Advocate", "Urge"]


# ---------------------------------------------------------------- build → parse returns the same structure


@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize("name", DRAFTS)
def test_built_draft_parses_back_to_the_same_paragraphs_and_footnotes(name: str, fmt: str) -> None:
    want, _ = load_resolution(ROOT / "drafts" / f"{name}.yaml")
    got = _built(name, fmt)
    assert [shape(p) for p in got.preamble] == [shape(p) for p in want.preamble]
    assert [shape(p) for p in got.operative] == [shape(p) for p in want.operative]
    assert [(n.marker, n.text) for n in got.footnotes] == [(n.marker, n.text) for n in want.footnotes]


@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize("name", DRAFTS)
def test_built_draft_parses_back_to_the_same_header_title_formulas_and_session(name: str, fmt: str) -> None:
    want, _ = load_resolution(ROOT / "drafts" / f"{name}.yaml")
    got = _built(name, fmt)
    assert (got.body, got.session) == (want.body, want.session)
    # A line break inside a line (aipo-27's title and assembly line) reads back as the space it
    # looks like in Markdown; in plain text the assembly line's two lines read as two lines.
    header = [(line.role, line.text.replace("\n", " ")) for line in want.header]
    if fmt == "txt" and any("\n" in line.text for line in want.header):
        assert " ".join(text for _, text in header).split() == " ".join(line.text for line in got.header).split()
    else:
        assert [(line.role, line.text) for line in got.header] == header
    assert [(line.role, line.text) for line in got.title] == [(line.role, line.text.replace("\n", " ")) for line in want.title]
    for formula in ("enacting", "transition", "closing"):
        mine, theirs = getattr(got, formula), getattr(want, formula)
        assert (mine.text if mine else None) == (theirs.text if theirs else None)
    assert got.numbering.operative == want.numbering.operative
    assert got.date == want.date


def test_built_markdown_keeps_the_emphasis_of_openings_and_formulas() -> None:
    want, _ = load_resolution(ROOT / "drafts" / "unga-64.yaml")
    got = _built("unga-64", "md")
    assert got.emphasis == dict(want.emphasis)
    assert got.preamble[0].content[0] == want.preamble[0].content[0]
    aalco, _ = load_resolution(ROOT / "drafts" / "aalco-50.yaml")
    assert _built("aalco-50", "md").enacting == aalco.enacting  # set in italic


def test_built_markdown_loses_only_the_raising_of_ordinal_suffixes() -> None:
    want, _ = load_resolution(ROOT / "drafts" / "aipo-27.yaml")
    got = _built("aipo-27", "md")
    assert want.closing is not None and Run("th", superscript=True) in want.closing.content
    assert got.closing == Line("closing", (Run("Adopted this 14th day of September, 2006 in Cebu City, Philippines."),))


# ---------------------------------------------------------------- property: any rendered resolution parses back

_OPENING = st.text(string.ascii_lowercase, min_size=2, max_size=10).map(str.capitalize)


def _words(stars: bool) -> st.SearchStrategy[str]:
    """Words with digits and punctuation; '*' only where the test says (plain text prints the '*' marker as '*')."""
    word = st.text(string.ascii_letters + string.digits + ",.;()'-/\\" + ("*" if stars else ""), min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=10).map(" ".join)


@st.composite
def _paragraphs(draw: st.DrawFn, role: Kind, count: int, stars: bool) -> tuple[list[Paragraph], list[str]]:
    """Paragraphs with italic openings, sub-paragraphs and footnotes, as the builder would make them."""
    out, notes = [], []
    phrase = _words(stars)
    for i in range(1, count + 1):
        opening, words = draw(_OPENING), draw(phrase)
        content: list[Any] = [Run(opening, italic=True, opening=True), Run(f" {words},")]
        if draw(st.booleans()):
            notes.append(draw(phrase))
            content.append(FootnoteRef("@"))  # numbered once both parts are drawn
        subs = tuple(
            Paragraph("subparagraph", (Run(f"{draw(phrase)};"),), level=1, label=f"({chr(96 + j)})")
            for j in range(1, draw(st.integers(0, 3)) + 1)
        )
        number = i if role == "operative" else None
        label = f"{i}." if number else None
        out.append(Paragraph(role, tuple(content), label=label, number=number, opening=opening, subparagraphs=subs))
    return out, notes


def _with_paragraphs(res: Resolution, preamble: list[Paragraph], operative: list[Paragraph], notes: list[str]) -> Resolution:
    """The resolution with these paragraphs, their footnotes numbered in document order after the UN '*'."""
    count = iter(range(1, len(notes) + 1))

    def numbered(p: Paragraph) -> Paragraph:
        content = tuple(FootnoteRef(str(next(count))) if isinstance(s, FootnoteRef) else s for s in p.content)
        return dataclasses.replace(p, content=content)

    footnotes = (res.footnotes[0], *(Footnote(str(i), (Run(text),)) for i, text in enumerate(notes, start=1)))
    return dataclasses.replace(
        res,
        preamble=tuple(numbered(p) for p in preamble),
        operative=tuple(numbered(p) for p in operative),
        footnotes=footnotes,
    )


@functools.cache
def _unga() -> tuple[Resolution, Library]:
    """The UN draft and its library, loaded once: the frame the generated paragraphs go into."""
    return load_resolution(ROOT / "drafts" / "unga-64.yaml")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_rendered_resolution_parses_back_to_its_structure(data: st.DataObject) -> None:
    unga, library = _unga()
    stars = data.draw(st.booleans())
    preamble, first_notes = data.draw(_paragraphs("preambular", data.draw(st.integers(1, 4)), stars))
    operative, more_notes = data.draw(_paragraphs("operative", data.draw(st.integers(1, 4)), stars))
    want = _with_paragraphs(unga, preamble, operative, first_notes + more_notes)
    for fmt in ("md",) if stars else ("md", "txt"):
        text = render_resolution(want, fmt, library)
        assert isinstance(text, str)
        got = parse_text(text, Path(f"generated.{fmt}"))
        shape_of = (lambda p: {**shape(p), "opening": None}) if fmt == "txt" else shape
        assert [shape_of(p) for p in got.preamble] == [shape_of(p) for p in want.preamble]
        assert [shape_of(p) for p in got.operative] == [shape_of(p) for p in want.operative]
        assert [(n.marker, n.text) for n in got.footnotes] == [(n.marker, n.text) for n in want.footnotes]


def test_markup_written_as_words_in_a_clause_reads_back_from_markdown_as_those_words(library: Path) -> None:
    # "see \\[^a] here" built to "see [^a] here", which read back as a footnote anchor: "Noting
    # see here:" with the footnote "a", words lost. So did an HTML tag the reader takes for emphasis.
    draft = library / "drafts" / "rt.yaml"
    words = r"see \[^a] here, <b>bold</b>, <sup>1</sup>, a<br>b, 2 \* 3 and a\\b"
    draft.write_text(
        "body: aalco\nsession: 52\ntitle: T\npreamble:\n  - opening: Noting\n"
        f"    text: '{words}'\noperative:\n  - aalco.decides-provisional-agenda\n",
        encoding="utf-8",
    )
    want, _ = load_resolution(draft)
    assert want.preamble[0].text == r"Noting see [^a] here, <b>bold</b>, <sup>1</sup>, a<br>b, 2 * 3 and a\b:"
    text = build(draft, "md")
    assert isinstance(text, str)
    got = parse_text(text, draft.with_suffix(".md"))
    assert [shape(p) for p in got.preamble] == [shape(p) for p in want.preamble]


# Pieces of text the Markdown reader may take for markup, and plain words to stand among them.
_MARKUP_PIECES = st.sampled_from(
    [
        *("[^a]", "[^1]", "[", "]", "^", "\\", "*", "**", "<b>", "</B>", "<i>", "</em>", "<strong>"),
        *("<sup>2</sup>", "<sup>th</sup>", "<br>", "<br />", "<", ">", "_", "`", "{++", " ", ", ", "word", "x"),
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_MARKUP_PIECES, min_size=1, max_size=12), bold=st.booleans())
def test_any_markup_characters_in_a_paragraphs_words_read_back_from_markdown_as_words(pieces: list[str], bold: bool) -> None:
    unga, library = _unga()
    words = "".join(pieces)
    content = (Run("Noting", italic=True, opening=True), Run(" "), Run(f"{words} end", bold=bold), Run(","))
    paragraph = Paragraph("preambular", content, opening="Noting")
    want = dataclasses.replace(unga, preamble=(paragraph,), operative=unga.operative[:1], footnotes=unga.footnotes[:1])
    text = render_resolution(want, "md", library)
    assert isinstance(text, str)
    got = parse_text(text, Path("generated.md"))
    assert [(p.text.split(), p.footnote_refs) for p in got.preamble] == [(paragraph.text.split(), ())]


# ---------------------------------------------------------------- openings and labels in small texts


@pytest.mark.parametrize(
    ("paragraph", "opening"),
    [
        ("Bearing in mind that all States have obligations,", "Bearing in mind"),
        ("Deeply concerned at the scale of trafficking,", "Deeply concerned"),
        ("Noting with concern the rise in cases,", "Noting with concern"),
        ("Further requests the Secretary-General to report;", "Further requests"),
        ("Expresses its appreciation to Member States;", "Expresses its appreciation"),
        ("Conscious of the need to act,", "Conscious of"),
        ("The importance of cooperation,", None),
    ],
)
def test_unmarked_opening_phrase_is_inferred(paragraph: str, opening: str | None) -> None:
    res = parse_text(f"The General Assembly,\n\n{paragraph}\n\n1. *Decides* to remain seized of the matter.\n")
    assert res.preamble[0].opening == opening
    assert res.preamble[0].text == paragraph


def test_un_sub_paragraph_levels_follow_their_labels() -> None:
    items = "\n\n".join(f"({c}) item {c};" for c in "abcdefghij")
    text = f"The General Assembly,\n\n*Recalling* its work,\n\n1. *Decides*:\n\n{items}\n\n(k) item k, with:\n\n(i) one;\n\n(ii) two.\n"
    res = parse_text(text)
    subs = res.operative[0].subparagraphs
    assert [s.label for s in subs] == [f"({c})" for c in "abcdefghijk"]
    assert all(s.level == 1 for s in subs)
    assert [(s.label, s.level) for s in subs[-1].subparagraphs] == [("(i)", 2), ("(ii)", 2)]
    assert res.numbering.subparagraphs == ("(a)", "(i)")


def test_lowercase_text_after_the_transition_formula_is_not_carried_into_the_preamble() -> None:
    res = parse_text(
        "The Twenty-Sixth General Assembly:\n\n*Recognizing* the problem;\n\nHereby resolves to:\n\nencourage members;\n"
    )
    assert [p.text for p in res.preamble] == ["Recognizing the problem;"]
    assert [p.text for p in res.operative] == ["encourage members;"]


def test_a_new_paragraph_after_a_page_of_footnotes_is_not_carried_over() -> None:
    text = "The General Assembly,\n\n*Recalling* its resolution,¹\n\n¹ A/RES/1.\n\n*Welcoming* the report,\n\n1. *Decides* so.\n"
    res = parse_text(text)
    assert [p.opening for p in res.preamble] == ["Recalling", "Welcoming"]
    assert [(n.marker, n.text) for n in res.footnotes] == [("1", "A/RES/1.")]


def test_body_can_be_given_and_aipo_means_aipa() -> None:
    path = CORPUS / "seeds" / f"{SEEDS['aipo-26']}.md"
    assert parse_text(path.read_text(encoding="utf-8"), path, body="AIPO").body == "aipa"


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("  \n\n\t\n", "the text is empty"),
        ("Minutes of the meeting.\n\nThe chair opened the session at 10 a.m.\n", "no enacting formula"),
        ("The General Assembly,\n", "no paragraphs follow the enacting formula"),
    ],
)
def test_text_with_no_resolution_is_a_library_error_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(LibraryError) as caught:
        parse_text(text, Path("imports/minutes.md"))
    assert message in str(caught.value)
    assert "imports/minutes.md" in str(caught.value)
    assert caught.value.problems[0].hint


def test_unknown_body_is_a_library_error_with_the_known_ones_as_hint() -> None:
    with pytest.raises(LibraryError, match="unknown body 'ecosoc'") as caught:
        parse_text("The General Assembly,\n\n*Recalling* x,\n", body="ecosoc")
    assert "aalco, aipa, unga, unsc" in caught.value.problems[0].hint


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/*.txt")), ids=lambda p: p.name)
def test_raw_corpus_texts_parse_or_fail_cleanly(path: Path) -> None:
    try:
        res = parse_text(path.read_text(encoding="utf-8"), path)
    except LibraryError:
        return
    assert res.preamble or res.operative


_MB = 1_000_000
_PARAGRAPH = "*Recalling* **its *resolution* 1/1**,¹ and <sup>th</sup> (a) *x\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "lorem ipsum dolor " * (20 * _MB // 18),  # one line, no resolution
        "*" * 20 * _MB,
        "[^" * 10 * _MB,
        "<sup>" * 4 * _MB,
        "- (a) x\n" * (20 * _MB // 8),
        "The General Assembly,\n\n" + _PARAGRAPH * (20 * _MB // len(_PARAGRAPH)),  # 300,000 paragraphs
        "The General Assembly,\n\n*Recalling* " + "*a " * (7 * _MB),  # one 20 MB paragraph
        "x\n" * (10 * _MB) + "The General Assembly,\n\n*Recalling* all,\n",  # the formula at the very end
    ],
    ids=["long-line", "stars", "anchors", "sup-tags", "labels", "paragraphs", "one-paragraph", "formula-last"],
)
def test_a_large_repetitive_text_returns_or_fails_within_seconds(text: str) -> None:
    assert len(text) >= 19 * _MB
    start = time.perf_counter()
    try:
        parse_text(text)
    except LibraryError as error:
        assert error.problems[0].hint
    assert time.perf_counter() - start < 10  # a hang guard, not a benchmark: hostile 20 MB texts take under 1 s here


# ---------------------------------------------------------------- UN resolutions as text


def _as_text(symbol: str, fmt: str) -> tuple[Resolution, str]:
    """A GA resolution of the corpus (read from its PDF text) and resdraft's own text or Markdown of it."""
    from conftest import ga_resolution
    from resdraft.render.markup import render

    res = ga_resolution(symbol)
    return res, render(res, fmt, ROOT / "templates", f"unga/resolution.{fmt}.j2")


def _outline(res: Resolution) -> list[tuple[str | None, int | None, str, list[tuple[str | None, str]]]]:
    return [(p.label, p.number, p.text, [(s.label, s.text) for s in p.walk() if s.level]) for p in res.operative]


@pytest.mark.parametrize(
    ("symbol", "fmt"),
    [
        *((symbol, fmt) for symbol in ("A/RES/78/10", "A/RES/79/161", "A/RES/78/252") for fmt in ("txt", "md")),
        # A/RES/78/10 closes "38th plenary meeting 21 November 2023"; in 79/161 "I" and "II" stand
        # over their titles, and the first opens the operative part; 78/252 has "Section 1" …
        ("A/RES/79/253", "txt"),  # an indented "A. Secretariat of the Pension Board" is a sub-paragraph
        # "Role and authority of the General Assembly", a heading without a numeral above paragraph 1, opens the operative part
        *(("A/RES/79/327", fmt) for fmt in ("txt", "md")),
    ],
)
def test_a_un_resolution_as_text_reads_back_with_its_sections_and_closing(symbol: str, fmt: str) -> None:
    # The closing line was read as a last operative paragraph (the text importer knew AALCO's and
    # AIPO's "Adopted this …" alone), and a section's heading as a paragraph "II International
    # Decade …", numeral and all: no GA resolution read back as it was written.
    res, text = _as_text(symbol, fmt)
    back = parse_text(text, Path(f"resolution.{fmt}"))
    assert _outline(back) == _outline(res)
    assert [p.text for p in back.preamble] == [p.text for p in res.preamble]
    assert back.closing is not None and back.closing.text == res.closing.text


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_an_actions_numeral_is_written_on_the_line_of_its_pledge_and_reads_back_as_its_heading(fmt: str) -> None:
    # A/RES/79/1 prints its 56 actions as one bold line each, "Action 1. We will take bold … behind.";
    # resdraft wrote "Action 1." on a line of its own above the pledge, as "II" above a section's title.
    res, text = _as_text("A/RES/79/1", fmt)
    pledge = "Action 1. We will take bold, ambitious, accelerated, just and transformative actions to implement"
    assert f"\n{'**' if fmt == 'md' else ''}{pledge}" in text and "\nAction 1.\n" not in text and "**Action 1.**" not in text
    back = parse_text(text, Path(f"resolution.{fmt}"))
    assert _outline(back) == _outline(res)
    assert sum(bool(p.label and p.label.startswith("Action ") and back.heading(p)) for p in back.operative) == 56


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_a_un_resolution_printed_without_its_enacting_formula_reads_back_from_its_title_on(fmt: str) -> None:
    # A/RES/78/225 goes from its title straight to "Reaffirming …", as the UN printed it: resdraft
    # wrote it so, and its own text and Markdown were refused ("there is no enacting formula").
    res, text = _as_text("A/RES/78/225", fmt)
    assert res.enacting is None and "The General Assembly," not in text
    back = parse_text(text, Path(f"resolution.{fmt}"))
    assert back.body == "unga" and back.enacting is None and back.session.number == 78
    assert [(line.label, line.text) for line in back.title] == [(line.label, line.text) for line in res.title]
    assert res.title[0].label == "78/225." and f"78/225. {res.title[0].text}" in text  # its number, before it
    assert [p.text for p in back.preamble] == [p.text for p in res.preamble]
    assert _outline(back) == _outline(res)
    assert back.fields["adopted"] == dt.date(2023, 12, 19) and back.fields["symbol"] == "A/RES/78/225"


@pytest.mark.parametrize("symbol", ["A/RES/75/290 B", "A/RES/ES-11/1"])
def test_a_un_symbol_with_a_part_letter_or_of_an_emergency_session_is_the_symbol_line(symbol: str) -> None:
    # "A/RES/75/290 B" (a resolution in parts) and "A/RES/ES-11/1": the symbol line (by its place under
    # the organ), and the title after the number.
    _, text = _as_text("A/RES/78/225", "txt")
    number = symbol.removeprefix("A/RES/") + "."
    back = parse_text(text.replace("A/RES/78/225", symbol).replace("78/225.", number), Path("resolution.txt"))
    assert back.fields["symbol"] == symbol and [line.role for line in back.header][:3] == ["organization", "organ", "symbol"]
    assert back.title[0].label == number


def test_a_text_without_enacting_formula_or_adoption_line_is_still_refused() -> None:
    _, text = _as_text("A/RES/78/225", "txt")
    unadopted = text.replace("Resolution adopted by the General Assembly on 19 December 2023", "Draft resolution")
    with pytest.raises(LibraryError, match="there is no enacting formula"):
        parse_text(unadopted, Path("resolution.txt"))
    masthead_only = text[: text.index("Reaffirming")]
    with pytest.raises(LibraryError, match="no paragraphs follow the title"):
        parse_text(masthead_only, Path("resolution.txt"))


def test_a_star_after_a_word_with_no_star_footnote_is_the_character() -> None:
    # A/RES/79/250's scale of discounts notes "Member States in level H* have a discount of 70 per
    # cent": read back from resdraft's text, the "*" became a footnote mark with no footnote, and
    # the paragraph lost it. A "*" whose footnote is there stays a mark ("Zambia*:").
    res, text = _as_text("A/RES/79/250", "txt")
    assert "level H* have" in text
    back = parse_text(text, Path("resolution.txt"))
    assert _outline(back) == _outline(res)
    assert "*" not in {s.marker for p in back.operative for item in p.walk() for s in item.content if isinstance(s, FootnoteRef)}
    noted = parse_text("The General Assembly,\n\n1. Notes the report of Zambia*;\n\n* Reissued.\n", Path("r.txt"))
    assert noted.operative[0].footnote_refs == ("*",) and noted.footnotes[0].marker == "*"


@pytest.mark.parametrize(
    ("symbol", "nested"),
    [
        ("A/RES/78/223", "\n\n    1. Opening of the Congress."),
        ("A/RES/78/248", "\n\n    4. In hearing an application"),
    ],
)
def test_a_quoted_list_numbered_1_2_reads_back_from_markdown_as_sub_paragraphs(symbol: str, nested: str) -> None:
    # A/RES/78/223's operative paragraph 11 approves an agenda, "1. Opening of the Congress." and
    # on; 78/248's paragraph 14 quotes a statute's new paragraph "4.". Markdown wrote them flush,
    # like the operative paragraphs, and they were read back as operative paragraphs; they stand
    # indented to the words of the numbered paragraph they belong to, a list nested in its item.
    res, text = _as_text(symbol, "md")
    assert nested in text
    back = parse_text(text, Path("resolution.md"))
    assert _outline(back) == _outline(res)


@pytest.mark.parametrize("symbol", ["A/RES/79/161", "A/RES/78/184"])
def test_opening_phrases_followed_by_a_comma_or_hyphenated_are_found_in_plain_text(symbol: str) -> None:
    # Plain text marks no opening phrase, so each is found again from its words: "Underlines, in
    # the above context, …" (79/161) and "Re-emphasizing …" (78/184) were not, for the comma and
    # the hyphen.
    res, text = _as_text(symbol, "txt")
    back = parse_text(text, Path("resolution.txt"))
    assert [p.opening for p in (*back.preamble, *back.operative)] == [p.opening for p in (*res.preamble, *res.operative)]


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_a_sections_numeral_on_a_line_of_its_own_heads_the_title_after_it(fmt: str) -> None:
    # As the UN prints a heading, and resdraft's text and Markdown now write it: "II" alone, its
    # title below it (in Markdown both in bold). Written on one line, "II International Decade …"
    # (as resdraft wrote it before), it reads back the same.
    res, text = _as_text("A/RES/79/161", fmt)
    title = "International Decade for People of African Descent"
    apart = f"\n**II**\n\n**{title}**\n" if fmt == "md" else f"\nII\n\n{title}\n"
    assert apart in text
    for written in (text, text.replace(apart, f"\nII {title}\n")):
        back = parse_text(written, Path(f"resolution.{fmt}"))
        heading = next(p for p in back.operative if p.label == "II")
        assert heading.text == title and back.heading(heading)
        assert _outline(back) == _outline(res)


@pytest.mark.parametrize(
    ("symbol", "title"),
    [
        (
            "A/RES/79/327",
            "Strengthening of the accountability, transparency and institutional memory of the Office of the President",
        ),
        ("A/RES/78/305", "Budget estimates for the period from 1 July 2024 to 30 June 2025"),
    ],
)
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_a_heading_without_a_numeral_is_written_on_its_own_and_reads_back_as_a_heading(symbol: str, title: str, fmt: str) -> None:
    # Markdown and plain text printed such a heading as one more paragraph, and 79/327's heading
    # of 121 characters, longer than a printed line, read back as an unnumbered paragraph. Now
    # Markdown sets it in bold, and in plain text it reads back as one because it heads a numbered paragraph.
    res, text = _as_text(symbol, fmt)
    heading = next(p for p in res.operative if p.heading and p.text.startswith(title))
    assert (f"\n\n**{heading.text}**\n\n" if fmt == "md" else f"\n\n{heading.text}\n\n") in text
    back = parse_text(text, Path(f"resolution.{fmt}"))
    assert [p.text for p in back.operative if p.heading] == [p.text for p in res.operative if p.heading]
    assert _outline(back) == _outline(res)


def test_a_closing_line_set_in_bold_in_markdown_is_the_closing_not_a_heading() -> None:
    # Markdown's bold marks a section's heading; a closing formula set in bold by hand ends in a
    # stop, reads as no title, and is still the closing.
    markdown = str(build(ROOT / "drafts" / "aipo-27.yaml", "md"))
    closing = next(line for line in markdown.splitlines() if line.startswith("Adopted this"))
    back = parse_text(markdown.replace(closing, f"**{closing}**"), Path("resolution.md"))
    assert back.closing is not None and back.closing.text == closing
    assert not any(back.heading(p) for p in back.operative)


def test_a_long_unpunctuated_line_that_heads_no_numbered_paragraph_is_no_heading() -> None:
    # AIPO's operative paragraphs are unnumbered, and one ends ", and" before the next: a title's
    # shape, longer than a line. It heads no numbered paragraph, so it stays a paragraph, and its
    # opening phrase "Agree" is found.
    back = _built("aipo-26", "txt")
    (agree,) = [p for p in back.operative if p.text.startswith("Agree to share information")]
    assert len(agree.text) > 90 and not agree.heading and agree.opening == "Agree"


def test_a_lettered_line_that_ends_a_sentence_is_no_heading() -> None:
    # "B. Calls upon …;" is a paragraph, not a section's heading: titles end in no stop or semicolon.
    _, text = _as_text("A/RES/79/161", "txt")
    line = next(line for line in text.splitlines() if line.startswith("12. "))
    back = parse_text(text.replace(line, "B. " + line[4:]), Path("resolution.txt"))
    assert not any(back.heading(p) and p.label == "B." for p in back.operative)


def test_dashes_printed_before_sub_paragraphs_are_their_labels_side_by_side() -> None:
    # In Markdown, the Council's "-- to protect …" under "(a)" read as unlabelled, each dash's
    # paragraph under the one before it.
    text = (
        "The Security Council,\n\nRecalling its resolutions,\n\n1. *Acting* under Chapter VII:\n\n"
        "    (a) Decides that UNMIS is authorized:\n\n    -- to protect personnel,\n\n    -- to seize arms;\n\n"
        "    (b) Requests a report;\n\n2. Decides to remain seized of the matter.\n"
    )
    acting = parse_text(text, Path("resolution.md")).operative[0]
    assert [(s.label, [t.label for t in s.subparagraphs]) for s in acting.subparagraphs] == [("(a)", ["--", "--"]), ("(b)", [])]
    assert acting.subparagraphs[0].subparagraphs[1].text == "to seize arms;"


def test_an_adopted_un_resolution_as_text_gives_its_adoption_and_report() -> None:
    # The masthead's "United Nations" was read as the language line ("language: United Nations"),
    # and the adoption and report lines as agenda titles: the draft lost both facts.
    _, text = _as_text("A/RES/79/161", "txt")
    fields = parse_text(text, Path("resolution.txt")).fields
    assert fields["adopted"] == dt.date(2024, 12, 17)
    assert fields["report"] == "[on the report of the Third Committee (A/79/456, para. 31)]"
    assert fields["status"] == "adopted" and "language" not in fields


def test_footnotes_numbered_out_of_order_stay_with_their_anchors_in_every_output() -> None:
    # A draft edited by hand: the paragraph holding footnote 2 moved above the one holding 1, the
    # footnotes still listed 1, 2. Word numbers footnotes in the order their marks stand, and the
    # Word output and the redline pair them so: both stopped on an assertion.
    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.importers.docx import read_docx
    from resdraft.render.docx import render_docx
    from resdraft.render.redline import render_redline

    text = (
        "The General Assembly,\n\nRecalling its resolution 77/1,²\n\nNoting the report of the Secretary-General,¹\n\n"
        "1. Decides to remain seized of the matter.\n\n__________\n¹ A/78/1.\n² Resolution 77/1.\n"
    )
    res = parse_text(text, Path("draft.txt"))
    assert [n.marker for n in res.footnotes] == ["1", "2"]  # (the document as it is)
    word = word_style_for("unga", str(ROOT / "drafts"))
    back, _ = read_docx(render_docx(res, word))
    assert [n.text for n in back.footnotes] == ["Resolution 77/1.", "A/78/1."]
    assert render_redline(compare(back, res), word)


def test_a_raised_number_with_no_footnote_of_its_own_is_the_number_in_the_word_output(tmp_path: Path) -> None:
    # A mark whose footnote's text is missing ("⁴") takes no footnote: the Word output stopped on
    # it (or gave a later mark's footnote to it). It prints as the raised number it is; `resdraft
    # lint` still reports it. A raised number inside a footnote's own text ("⁵"), or glued to a
    # unit ("m³"), is no mark at all.
    from resdraft.build import word_style_for
    from resdraft.diff import compare
    from resdraft.importers.docx import read_docx
    from resdraft.lint import lint
    from resdraft.render.docx import render_docx
    from resdraft.render.redline import render_redline

    text = (
        "The General Assembly,\n\nNoting that 2,000 m³ of the premises were damaged,¹\n\n"
        "1. Recalls its resolution 77/1,⁴ and decides to remain seized of the matter,²\n\n"
        "__________\n¹ A/78/1.\n² Resolution 77/1, para. 4.⁵\n"
    )
    res = parse_text(text, Path("draft.txt"))
    assert res.footnotes[1].content[-1] == Run("5", superscript=True)
    word = word_style_for("unga", str(ROOT / "drafts"))
    back, _ = read_docx(render_docx(res, word))
    assert [n.text for n in back.footnotes] == ["A/78/1.", "Resolution 77/1, para. 4.5"]
    assert "2,000 m³ of" in back.preamble[0].text and "77/1,4 and" in back.operative[0].text
    assert render_redline(compare(res, back), word)
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    assert {f.message for f in lint(str(tmp_path / "draft.txt")).findings if f.rule == "footnote-marker"} == {
        "footnote marker 4 has no footnote",
    }


def test_control_characters_in_a_text_are_dropped_and_a_form_feed_breaks_the_line() -> None:
    # Text copied from a PDF keeps its form feeds, and a damaged file may hold a NUL: the Word
    # output stopped on them (XML cannot carry them).
    from resdraft.build import word_style_for
    from resdraft.render.docx import render_docx

    seed = (CORPUS / "seeds" / "unga-64-c3-revised-draft-2009.md").read_text(encoding="utf-8")
    text = seed.replace("\n\nWelcoming the Human", "\n\f\nWelcoming the Human", 1).replace("trafficking", "traf\x00ficking", 1)
    assert text.count("\f") == 1 and text.count("\x00") == 1
    res = parse_text(text, Path("draft.md"))
    clean = parse_text(seed, Path("draft.md"))
    assert [p.text for p in res.preamble] == [p.text for p in clean.preamble]
    assert render_docx(res, word_style_for("unga", str(ROOT / "drafts")))


def test_lines_a_colon_introduces_under_an_operative_paragraph_stay_in_it() -> None:
    # A/RES/78/128 op. 10 "… will be held as follows:" over the lines "Monday, 9 June: …" to
    # "Friday, 13 June: …;" as its PDF prints them, each apart: they read as paragraphs of their own.
    res, text = _as_text("A/RES/78/128", "txt")
    days = ("Monday, 9 June", "Tuesday, 10 June", "Wednesday, 11 June", "Thursday, 12 June", "Friday, 13 June")
    for day in days:
        assert f" {day}: " in text
        text = text.replace(f" {day}: ", f"\n\n{day}: ")
    back = parse_text(text, Path("resolution.txt"))
    assert [p.number for p in back.operative] == [p.number for p in res.operative] == list(range(1, 33))
    assert back.operative[9].text == res.operative[9].text


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_a_raised_number_glued_to_a_unit_or_a_number_reads_back_as_text_not_a_footnote(library: Path, fmt: str) -> None:
    # A clause's "2,000 m²" built to Markdown (or text) read back as "2,000 m" and a footnote mark
    # "2": Markdown writes a raised digit as itself, and the reader takes raised digits for marks.
    clauses = library / "clauses" / "unga-trafficking.yaml"
    words = "implement fully all aspects of those instruments"
    units = "2,000 m² of premises, 3 km² of land and 10³ cases"
    clauses.write_text(clauses.read_text(encoding="utf-8").replace(words, f"{words} in {units}"), encoding="utf-8")
    draft = library / "drafts" / "unga-64.yaml"
    built = load_resolution(draft)[0]
    text = build(draft, fmt)
    assert isinstance(text, str) and units in text
    back = parse_text(text, draft.with_suffix(f".{fmt}"))
    assert back.operative[0].text.endswith(f"{words} in {units};")
    assert back.operative[0].footnote_refs == built.operative[0].footnote_refs
    marks = [p.footnote_refs for p in (*back.preamble, *back.operative)]
    assert marks == [p.footnote_refs for p in (*built.preamble, *built.operative)]
    assert [(n.marker, n.text) for n in back.footnotes] == [(n.marker, n.text) for n in built.footnotes]


def test_each_title_under_a_masthead_naming_two_agenda_items_is_read_as_one(tmp_path: Path) -> None:
    # A/RES/78/128's masthead typed as text, a line each: the second item's title took the next
    # role the house style prints, and was read as the report line.
    printed = parse_pdf_text(ga_text(tmp_path, "A/RES/78/128").read_text(encoding="utf-8"))
    lines = [line.text for line in printed.header] + [f"{printed.title[0].label} {printed.title[0].text}"]
    lines += ["The General Assembly,", printed.preamble[0].text, f"1. {printed.operative[0].text}"]
    res = parse_text("\n\n".join(lines) + "\n")
    titles = [line.text for line in res.header if line.role == "agenda-title"]
    assert titles == [line.text for line in printed.header if line.role == "agenda-title"] and len(titles) == 2
    assert [line.text for line in res.header if line.role == "report"] == ["[without reference to a Main Committee (A/78/L.25)]"]
