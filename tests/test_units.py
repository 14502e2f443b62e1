"""Units: session words and dates, paragraph labels, inline markup, atomic writing, the punctuation chain."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdraft import sessions
from resdraft.build import build, load_resolution
from resdraft.errors import OutputError
from resdraft.importers.dates import parse_date
from resdraft.importers.openings import infer_opening
from resdraft.importers.text import sponsors_of
from resdraft.inline import anchors, parse_inline
from resdraft.model import FootnoteRef, Run, Session, plain
from resdraft.numbering import ALPHA_LETTERS, FIRST_COUNTERS, counted, counter, counter_styles, counter_value, label
from resdraft.recalls import citable
from resdraft.templating import Placeholder, environment
from resdraft.writing import write_atomic

ROOT = Path(__file__).parents[1]

# ---------------------------------------------------------------- sessions: ordinals


def test_session_ordinal_title_fifty_second() -> None:
    assert Session(52).ordinal_title == "Fifty-Second"


def test_session_ordinal_lower_case_fifty_second() -> None:
    assert Session(52).ordinal == "fifty-second"


def test_session_ordinal_figure_52nd() -> None:
    assert Session(52).ordinal_figure == "52nd"


def test_session_ordinal_title_twenty_seventh() -> None:
    assert Session(27).ordinal_title == "Twenty-Seventh"


def test_session_ordinal_sentence_sixty_fourth() -> None:
    assert Session(64).ordinal_sentence == "Sixty-fourth"


def test_session_ordinal_sup_marks_the_suffix_as_superscript() -> None:
    assert Session(52).ordinal_sup == "52^nd^"


def test_session_previous_and_next() -> None:
    assert Session(52).previous == Session(51)
    assert Session(52).next == Session(53)
    assert Session(52).next.ordinal_title == "Fifty-Third"


@pytest.mark.parametrize(
    ("n", "figure"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinal_figure_suffixes(n: int, figure: str) -> None:
    assert sessions.ordinal_figure(n) == figure


@given(st.integers(min_value=2, max_value=999))
def test_session_previous_then_next_is_the_same_session(n: int) -> None:
    assert Session(n).previous.next == Session(n)
    assert Session(n).next.previous == Session(n)


@given(st.integers(min_value=1, max_value=999))
def test_ordinal_forms_agree_with_each_other(n: int) -> None:
    s = Session(n)
    assert s.ordinal_title.lower() == s.ordinal
    assert s.ordinal_sentence.lower() == s.ordinal
    assert s.ordinal_sentence[0].isupper()


@given(st.integers(min_value=1, max_value=9999))
def test_ordinal_figure_is_the_number_and_its_english_suffix(n: int) -> None:
    expected = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert sessions.ordinal_figure(n) == f"{n}{expected}"


@pytest.mark.parametrize(
    ("words", "n"),
    [("Fifty-Second", 52), ("fifty second", 52), ("Seventy-eighth", 78), ("two hundredth", 200), ("78th", None), ("fifty", None)],
)
def test_an_ordinal_in_words_names_its_number_with_hyphens_or_spaces_alike(words: str, n: int | None) -> None:
    # One table for every importer and session_number: the importers' own, keyed by the
    # hyphenated words only, read "Fifty Second Annual Session" as the 2nd session.
    assert sessions.ordinal_number(words) == n
    assert sessions.session_number(words) == (78 if words == "78th" else n)


# ---------------------------------------------------------------- sessions: dates


def test_long_date_un_style() -> None:
    assert sessions.long_date(dt.date(2009, 11, 10)) == "10 November 2009"


def test_long_date_upper_through_template_filter_aalco_style() -> None:
    env = environment()
    assert env.from_string("{{ d | long_date | upper }}").render(d=dt.date(2013, 9, 12)) == "12 SEPTEMBER 2013"


def test_upper_and_lower_leave_a_placeholder_as_written() -> None:
    # AALCO's date line is `{{ date | long_date | upper }}`: a date still to fill in read
    # "[TBD: DATE OF THE 53RD-SESSION DOCUMENT (WAS 12 SEPTEMBER 2013)]" under a mixed-case symbol's.
    env = environment()
    date = Placeholder("date of the 53rd-session document (was 12 September 2013)")
    assert env.from_string("{{ d | long_date | upper }}").render(d=date) == f"[TBD: {date.hint}]"
    assert (
        env.from_string("{{ ('27th general assembly, ' ~ venue ~ ', Asia') | upper }}").render(
            venue=Placeholder("venue (was Cebu)")
        )
        == "27TH GENERAL ASSEMBLY, [TBD: venue (was Cebu)], ASIA"
    )
    assert env.from_string("{{ 'Cebu [TBD: X] City' | lower }}").render() == "cebu [TBD: X] city"


def test_day_of_aipa_closing_formula() -> None:
    assert sessions.day_of_date(dt.date(2006, 9, 14)) == "14^th^ day of September, 2006"


def test_day_of_first_second_third() -> None:
    assert sessions.day_of_date(dt.date(2007, 11, 1)).startswith("1^st^ day of November")
    assert sessions.day_of_date(dt.date(2007, 11, 22)).startswith("22^nd^ day of November")
    assert sessions.day_of_date(dt.date(2007, 11, 23)).startswith("23^rd^ day of November")


def test_date_filters_accept_iso_text_and_show_placeholders() -> None:
    env = environment()
    assert env.from_string("{{ d | long_date }}").render(d="2013-09-12") == "12 September 2013"
    assert env.from_string("{{ d | long_date }}").render(d=Placeholder("date")) == "[TBD: date]"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_long_date_reads_back_as_the_same_date(d: dt.date) -> None:
    assert dt.datetime.strptime(sessions.long_date(d), "%d %B %Y").date() == d


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_day_of_has_the_day_a_superscript_suffix_month_and_year(d: dt.date) -> None:
    m = re.fullmatch(r"(\d+)\^(st|nd|rd|th)\^ day of ([A-Z][a-z]+), (\d{4})", sessions.day_of_date(d))
    assert m is not None
    assert (int(m.group(1)), m.group(3), int(m.group(4))) == (d.day, f"{d:%B}", d.year)


# ---------------------------------------------------------------- numbering.label


def test_label_decimal() -> None:
    assert [label("1.", n) for n in (1, 2, 10)] == ["1.", "2.", "10."]


def test_label_parenthesised_alpha_third_is_c() -> None:
    assert label("(a)", 1) == "(a)"
    assert label("(a)", 3) == "(c)"


def test_label_parenthesised_roman_fourth_is_iv() -> None:
    assert label("(i)", 1) == "(i)"
    assert label("(i)", 4) == "(iv)"


def test_label_alpha_with_dot() -> None:
    assert [label("a.", n) for n in (1, 2, 3)] == ["a.", "b.", "c."]


def test_label_alpha_beyond_z_doubles_the_letter() -> None:
    assert label("(a)", 26) == "(z)"
    assert label("(a)", 27) == "(aa)"
    assert label("(a)", 28) == "(bb)"
    assert label("(a)", 53) == "(aaa)"


def test_label_upper_case_patterns() -> None:
    assert label("A.", 2) == "B."
    assert label("I.", 4) == "IV."


def test_label_refuses_a_pattern_that_is_not_an_example_label() -> None:
    with pytest.raises(ValueError):
        label("x)", 1)


PATTERNS = ("1.", "1", "(a)", "a.", "A.", "(i)", "i.", "I.")


@pytest.mark.parametrize("pattern", PATTERNS)
def test_labels_are_unique_for_the_first_500(pattern: str) -> None:
    labels = [label(pattern, n) for n in range(1, 501)]
    assert len(set(labels)) == len(labels)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _from_roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _from_alpha(text: str) -> int:
    assert len(set(text)) == 1, text
    return (len(text) - 1) * 26 + ord(text[0].lower()) - ord("a") + 1


@given(st.integers(min_value=1, max_value=500), st.sampled_from(PATTERNS))
def test_label_counter_reads_back_as_its_number(n: int, pattern: str) -> None:
    text = label(pattern, n)
    prefix = pattern[: len(pattern) - len(pattern.lstrip("("))]
    suffix = pattern[len(pattern.rstrip(".)")) :]
    assert text.startswith(prefix)
    assert text.endswith(suffix)
    core = text[len(prefix) : len(text) - len(suffix)]
    counter = pattern[len(prefix) : len(pattern) - len(suffix)]
    if counter == "1":
        assert int(core) == n
    elif counter in "aA":
        assert core == (core.lower() if counter == "a" else core.upper())
        assert _from_alpha(core) == n
    else:
        assert core == (core.lower() if counter == "i" else core.upper())
        assert _from_roman(core) == n


@given(st.integers(min_value=1, max_value=3999), st.sampled_from(sorted(FIRST_COUNTERS)))
def test_a_counter_reads_back_as_its_number_in_its_style(n: int, style: str) -> None:
    # One reading of counters for lint and the importers, the inverse of the writing; a printed
    # label of more than three letters is taken for a word.
    text = counter(style, n)
    assert counter_value(style, text) == n
    assert (style in counter_styles(text)) == (not style.endswith("alpha") or len(text) <= ALPHA_LETTERS)


@pytest.mark.parametrize(
    ("style", "text"), [("lower-roman", "iiii"), ("lower-alpha", "ab"), ("lower-alpha", "11"), ("decimal", "x")]
)
def test_a_counter_of_another_style_has_no_number_in_it(style: str, text: str) -> None:
    assert counter_value(style, text) is None


@pytest.mark.parametrize("pattern", ("1.", "(i)", "I."))
def test_numeric_and_roman_labels_strictly_increase(pattern: str) -> None:
    values = []
    for n in range(1, 501):
        core = label(pattern, n).strip("().")
        values.append(int(core) if core.isdigit() else _from_roman(core))
    assert all(a < b for a, b in itertools.pairwise(values))


# ---------------------------------------------------------------- inline markup


def test_parse_inline_italic() -> None:
    assert parse_inline("*Noting* the report") == (Run("Noting", italic=True), Run(" the report"))


def test_parse_inline_bold() -> None:
    assert parse_inline("a **bold** word") == (Run("a "), Run("bold", bold=True), Run(" word"))


def test_parse_inline_bold_italic() -> None:
    assert parse_inline("***both***") == (Run("both", italic=True, bold=True),)


def test_parse_inline_superscript() -> None:
    assert parse_inline("52^nd^ session") == (Run("52"), Run("nd", superscript=True), Run(" session"))


def test_parse_inline_footnote_anchor_gets_its_marker() -> None:
    content = parse_inline("resolution 55/25[^toc], annex", footnote=lambda key: "1")
    assert content == (Run("resolution 55/25"), FootnoteRef("1"), Run(", annex"))


def test_parse_inline_footnote_anchor_keeps_key_without_resolver() -> None:
    assert parse_inline("text[^*]") == (Run("text"), FootnoteRef("*"))


def test_anchors_lists_keys_in_order() -> None:
    assert anchors("a[^x] b[^*] c[^2]") == ["x", "*", "2"]


def test_parse_inline_escaped_marker_is_literal() -> None:
    assert parse_inline(r"5 \* 3") == (Run("5 * 3"),)


def test_parse_inline_unclosed_italic_marker_is_kept_literally() -> None:
    assert plain(parse_inline("a *b")) == "a *b"
    assert not any(s.italic for s in parse_inline("a *b") if isinstance(s, Run))


def test_parse_inline_unclosed_bold_marker_is_kept_literally() -> None:
    assert plain(parse_inline("a **b")) == "a **b"


def test_parse_inline_unclosed_superscript_marker_is_kept_literally() -> None:
    assert plain(parse_inline("x^2 metres")) == "x^2 metres"


NO_MARKUP = st.text(alphabet=st.characters(blacklist_characters="*^[]\\", blacklist_categories=("Cs",)))


@given(NO_MARKUP)
def test_parse_inline_text_without_markup_is_unchanged(s: str) -> None:
    content = parse_inline(s)
    assert plain(content) == s
    assert all(isinstance(x, Run) and not (x.italic or x.bold or x.superscript) for x in content)


@given(NO_MARKUP, NO_MARKUP.filter(bool), NO_MARKUP)
def test_parse_inline_closed_italic_keeps_every_other_character(a: str, b: str, c: str) -> None:
    content = parse_inline(f"{a}*{b}*{c}")
    assert plain(content) == a + b + c
    assert "".join(x.text for x in content if isinstance(x, Run) and x.italic) == b


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_parse_inline_escaped_text_is_kept_literally(s: str) -> None:
    escaped = re.sub(r"([*^\[\\])", r"\\\1", s)
    assert plain(parse_inline(escaped)) == s


@given(NO_MARKUP, st.sampled_from(["*", "**", "^"]), NO_MARKUP)
def test_parse_inline_never_loses_an_unclosed_marker(a: str, marker: str, b: str) -> None:
    assert plain(parse_inline(a + marker + b)) == a + marker + b


def test_the_sandbox_judges_an_attribute_by_the_type_of_the_object_each_time() -> None:
    """The sandbox keeps its verdicts per type of object: an attribute named `mro` read from a
    namespace does not open `mro` on a class, nor the other way round, in one environment."""
    import types

    from jinja2.exceptions import SecurityError

    env = environment()
    holder = types.SimpleNamespace(mro="a plain value")
    for _ in range(2):
        assert env.from_string("{{ x.mro }}").render(x=holder) == "a plain value"
        with pytest.raises(SecurityError):
            env.from_string("{{ x.mro() }}").render(x=str)


# ---------------------------------------------------------------- atomic writing


def test_write_atomic_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"


def test_write_atomic_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "new\n")
    assert "already exists" in str(caught.value)
    assert caught.value.problems[0].hint
    assert target.read_text(encoding="utf-8") == "keep\n"


def test_write_atomic_force_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    write_atomic(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.md", "text\n")
    write_atomic(tmp_path / "out.md", "again\n", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_write_atomic_cleans_up_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match=r"out\.md: could not write the file: No space left on device"):
        write_atomic(tmp_path / "out.md", "text\n")
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_refuses_a_folder_as_target_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "out.md").mkdir()
    with pytest.raises(OutputError):
        write_atomic(tmp_path / "out.md", "text\n", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


# ---------------------------------------------------------------- the punctuation chain


def _parts(draft: Path) -> tuple[list[str], list[str]]:
    """The preambular and operative paragraphs of a draft's Markdown build."""
    resolution, _ = load_resolution(draft)
    blocks = [b.strip() for b in build(draft, "md").split("\n\n") if b.strip()]
    operative = [b for b in blocks if re.match(r"\d+\. ", b)]
    first_operative = blocks.index(operative[0])
    preamble = blocks[first_operative - len(resolution.preamble) : first_operative]
    assert len(operative) == len(resolution.operative)
    return preamble, operative


@pytest.mark.parametrize("name", ["aalco-50", "aalco-52"])
def test_aalco_preamble_ends_with_semicolons_then_a_colon(name: str) -> None:
    preamble, _ = _parts(ROOT / "drafts" / f"{name}.yaml")
    assert len(preamble) >= 2
    assert all(p.endswith(";") for p in preamble[:-1]), preamble
    assert preamble[-1].endswith(":"), preamble[-1]


@pytest.mark.parametrize("name", ["aalco-50", "aalco-52"])
def test_aalco_operative_ends_with_semicolons_then_a_full_stop(name: str) -> None:
    _, operative = _parts(ROOT / "drafts" / f"{name}.yaml")
    assert len(operative) >= 2
    assert all(p.endswith(";") for p in operative[:-1]), operative
    assert operative[-1].endswith("."), operative[-1]


def test_aalco_operative_paragraphs_are_numbered_in_order() -> None:
    _, operative = _parts(ROOT / "drafts" / "aalco-52.yaml")
    assert [p.split(" ", 1)[0] for p in operative] == [f"{n}." for n in range(1, len(operative) + 1)]


@pytest.mark.parametrize(
    ("numeral", "place"),
    [("XIV", ("I", 14)), ("II.", ("I.", 2)), ("B.", ("A.", 2)), ("C", ("A", 3)), ("XXVI", ("I", 26))],
)
def test_a_heading_numeral_is_its_sequences_first_and_its_place_in_it(numeral: str, place: tuple[str, int]) -> None:
    assert counted(numeral) == place and label(*place) == numeral


@pytest.mark.parametrize("numeral", ["Section 3", "Part One", "IIII", "IC", "(a)"])
def test_a_numeral_that_names_rather_than_counts_has_no_place(numeral: str) -> None:
    assert counted(numeral) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10 November 2009", dt.date(2009, 11, 10)),
        ("12 SEPTEMBER 2013", dt.date(2013, 9, 12)),
        ("September 14, 2006", dt.date(2006, 9, 14)),
        ("Adopted this 14th day of September, 2006 in Cebu City", dt.date(2006, 9, 14)),
        ("Resolution adopted by the General Assembly on 17 December 2024", dt.date(2024, 12, 17)),
        ("31 February 2024, then 1 March 2024", dt.date(2024, 3, 1)),
        ("the 2024 session", None),
        # a draft's placeholder, as its Word output prints it: the old date is a hint, not the date
        ("[TBD: date of the 53rd-session document (was 12 September 2013)]", None),
        ("[TBD: venue (was Bali)], 12 September 2013", dt.date(2013, 9, 12)),
    ],
)
def test_every_importer_reads_a_date_written_out_one_way(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("line", "sponsors"),
    [
        ("Austria: draft resolution", ("Austria",)),
        ("Albania, Andorra and Zambia*: revised draft resolution", ("Albania", "Andorra", "Zambia*")),
        ("Antigua and Barbuda: draft decision", ("Antigua and Barbuda",)),
        (
            "Albania, Bosnia and Herzegovina and Trinidad and Tobago: draft resolution",
            ("Albania", "Bosnia and Herzegovina", "Trinidad and Tobago"),
        ),
        ("Chile and Saint Vincent and the Grenadines: draft resolution", ("Chile", "Saint Vincent and the Grenadines")),
    ],
)
def test_a_sponsors_list_parts_at_commas_and_the_last_and_not_inside_a_name(line: str, sponsors: tuple[str, ...]) -> None:
    assert sponsors_of(line)["sponsors"] == sponsors


def test_a_line_with_no_draft_resolution_or_decision_names_no_sponsors() -> None:
    assert sponsors_of("Note by the Secretariat: annex") == {}


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Decides:", "Decides"),
        ("Further decides:", "Further decides"),
        ("Taking note:", "Taking note"),
        ("Implementation", None),
        ("The Area:", None),
    ],
)
def test_a_verb_alone_before_its_sub_paragraphs_is_its_paragraphs_opening(text: str, opening: str | None) -> None:
    assert infer_opening(text) == opening


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Encourages further efforts by Member States", "Encourages"),  # 'further' is the noun's
        ("Regrets further delays incurred", "Regrets"),
        ("Encourages further international cooperation", "Encourages"),
        ("Requests further the Secretary-General to report", "Requests further"),
        ("Encourages further Member States to consider", "Encourages further"),
        ("Recalling further resolution 1325 (2000)", "Recalling further"),  # a participle's 'further' is its own
        ("Reaffirming further support for the Court", "Reaffirming further"),
    ],
)
def test_further_before_a_noun_in_lower_case_is_the_nouns_after_an_operative_verb(text: str, opening: str) -> None:
    assert infer_opening(text) == opening


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Noting with deep concern the restrictions placed on UNMIS movements", "Noting with deep concern"),  # S/RES/1714
        ("Noting with concern the restrictions placed on UNMIS movements", "Noting with concern"),  # S/RES/1755
        ("Noting with great concern that millions of people are facing famine", "Noting with great concern"),
        ("Takes note with great satisfaction of the report", "Takes note with great satisfaction"),
        ("Notes with alarm that the number", "Notes with alarm"),
        ("Acknowledging with appreciation that some Member States", "Acknowledging"),  # as AALCO's 2013 text sets it
        ("Calling upon the Government of National Unity to support", "Calling upon"),
        ("Calls for all parties to cooperate fully", "Calls for"),
        ("Cooperates with interest groups in the region", "Cooperates"),  # no verb of noting: 'with' is its object's
        ("Notes with the greatest concern the report", "Notes"),  # (no intensifier known after 'the')
    ],
)
def test_noting_with_a_feeling_and_its_intensifier_and_a_phrasal_call_are_one_opening(text: str, opening: str) -> None:
    # Plain text imported guessed "Noting" for S/RES/1714's "Noting with deep concern" and "Noting
    # with concern" for 1755's, so the diff of the two drafts reported an italic change no text has.
    assert infer_opening(text) == opening


def test_an_adverb_before_an_aside_is_no_opening_phrase_with_the_asides_first_word() -> None:
    # A/RES/79/145 op. 188, "Also, in this regard, calls upon regional fisheries management
    # organizations …": its opening was "Also, in", which lint then called an unknown verb.
    from conftest import ga_resolution

    assert infer_opening("Also in this regard calls upon regional fisheries management organizations") is None
    paragraph = next(p for p in ga_resolution("A/RES/79/145").operative if p.number == 188)
    assert paragraph.opening is None


@pytest.mark.parametrize(
    ("symbol", "cited"),
    [
        ("A/RES/79/208", "79/208"),
        ("S/RES/1590 (2005)", "1590 (2005)"),
        ("Res. 26GA/2005/Soc/03", "26GA/2005/Soc/03"),
        ("27GA/06/SOC/01", "27GA/06/SOC/01"),
        ("AALCO/RES/52/S 8", "AALCO/RES/52/S 8"),
        ("A/C.3/64/L.13/Rev.1", None),  # a committee's draft: its resolution has no number yet
        ("", None),
    ],
)
def test_a_resolution_is_cited_by_its_symbol_as_texts_cite_it(symbol: str, cited: str | None) -> None:
    assert citable(symbol) == cited


def test_a_citation_is_the_whole_symbol_with_its_date() -> None:
    from resdraft.recalls import Series, citation

    series = Series("b", "A/RES/79/208", "79/208", None, "a", "A/RES/78/155", citation("78/155"))
    assert series.stale_citation("Recalling its resolution 78/155 of 19 December 2023 and its previous") == (
        "78/155 of 19 December 2023"
    )
    assert series.stale_citation("resolutions 77/167, 78/155 and 78/1550") == "78/155"
    for other in ("resolution 78/1550", "the report A/78/155", "document 178/155", "78/155/Add.1"):
        assert series.stale_citation(other) is None, other
    assert series.recalled("its resolution 79/208 of 19 December 2024") and not series.recalled("A/79/208")


def test_a_guessed_earlier_text_is_a_resolution_where_the_paragraph_cites_one_else_a_decision() -> None:
    # A/RES/78/62 rolled to the 80th session named "76/518 of 6 December 2021", the last of the
    # item's decisions, where the text it continued is its last resolution, 77/90. A/RES/78/42
    # continued a decision (77/516), and its next text recalls 78/42 in that paragraph's place.
    from resdraft.recalls import Series, earlier

    pattern = earlier("78/62", 78)
    assert pattern is not None
    series = Series("a-res-78-62", "A/RES/78/62", "78/62", None, None, None, pattern)
    disarmament = (
        "Recalling also its resolutions 72/56 of 4 December 2017, 73/82 of 5 December 2018 and 77/90 of 7 December 2022,"
        " and its decisions 74/511 of 12 December 2019, 75/519 B of 25 March 2021 and 76/518 of 6 December 2021,"
    )
    assert series.stale_citation(disarmament) == "77/90 of 7 December 2022"
    charter = "Recalling its resolution 1 (I) of 24 January 1946 and its decision 77/516 of 7 December 2022,"
    assert series.stale_citation(charter) == "77/516 of 7 December 2022"


def test_an_earlier_sessions_citation_is_shaped_like_the_symbol_of_the_text_continued() -> None:
    from resdraft.recalls import earlier

    ga = earlier("78/69", 78)
    assert ga is not None
    found = [m.group() for m in ga.finditer("its resolutions 75/201, 76/186 and 77/248, A/77/248, 78/60, 74/1 and 177/12")]
    assert found == ["75/201", "76/186", "77/248"]  # (the three sessions before; no report symbol, no longer number)
    aipo = earlier("27GA/06/SOC/01", 27)
    assert aipo is not None and aipo.search("the Resolution 26GA/2005/Soc/03 which mandated")
    assert not aipo.search("Resolution 23GA/2002/Org/08")  # (another committee's, and four sessions before)
    aalco = earlier("AALCO/RES/52/S 8", 52)
    assert aalco is not None and aalco.search("resolution AALCO/RES/51/S  8 of")
    assert earlier("78/78", 78) is None  # (which number is the session's?)


@pytest.mark.parametrize("context", ["a{}b", "a {}b", "a{} b"])
def test_the_fast_style_check_agrees_with_pyyaml_on_every_character(context: str) -> None:
    """yamlstyle skips PyYAML's per-character analysis for text it writes as it is; for each code
    point, in and beside a word, folding and single quoting must be allowed exactly as PyYAML allows."""
    from yaml.emitter import Emitter

    from resdraft.upkeep.yamlstyle import foldable, quote

    def analysis(value: str):  # type: ignore[no-untyped-def]
        return Emitter(None, allow_unicode=True).analyze_scalar(value)  # type: ignore[arg-type]

    for cp in [*range(0x30000), 0x10FFFE, 0x10FFFF]:
        value = context.format(chr(cp))
        plain_edges = value[0] not in " \t" and value[-1] not in " \t" and not {"\n", "\t"} & set(value)
        assert foldable(value) == (plain_edges and analysis(value).allow_block), hex(cp)
        single = "\n" not in value and analysis(value).allow_single_quoted
        assert quote(value).startswith("'") == single, hex(cp)


def test_a_yaml_tree_with_merge_keys_is_kept_as_written() -> None:
    """Source parses once for both data and positions; building the data merges `<<` keys into the
    node tree, so there the tree is composed again: its keys are the file's, at the file's lines."""
    from resdraft.upkeep.splice import Source

    text = "base: &b {kind: operative}\nclause:\n  <<: *b\n  id: x\n"
    src = Source(Path("clauses/x.yaml"), text)
    assert src.data["clause"] == {"kind": "operative", "id": "x"}
    clause = src.root.value[1][1]  # type: ignore[union-attr]
    assert [(k.value, k.start_mark.line) for k, _ in clause.value] == [("<<", 2), ("id", 3)]
