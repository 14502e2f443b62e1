"""`resdraft lint`: each rule on a fault planted in a copy of the example library, the seeds clean of errors."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, ga_text
from resdraft.build import build
from resdraft.errors import LibraryError, OutputError, Where
from resdraft.lint import Finding, LintReport, lint, render_lint
from resdraft.rollforward import roll_forward
from resdraft.sources import read_document

DRAFTS = sorted(p.stem for p in (ROOT / "drafts").glob("*.yaml"))


# ---------------------------------------------------------------- helpers


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, failing if it is not there (so a test cannot silently test nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line holding `needle`."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


def key(f: Finding) -> tuple[str, str, str, int | None, str | None]:
    return (f.rule, f.severity, Path(f.file).name, f.line, f.paragraph)


def new_findings(before: LintReport, after: LintReport) -> list[tuple[str, str, str, int | None, str | None]]:
    """What the planted fault added: the findings after, less those the unchanged copy already had."""
    old = [key(f) for f in before.findings]
    out = []
    for f in after.findings:
        k = key(f)
        if k in old:
            old.remove(k)
        else:
            out.append(k)
    return out


def planted(library: Path, draft: str, path: str, old: str, new: str) -> list[tuple[str, str, str, int | None, str | None]]:
    """Lint a draft, plant a fault in one file of the library, lint again: the new findings."""
    spec = str(library / "drafts" / f"{draft}.yaml")
    before = lint(spec)
    edit(library / path, old, new)
    return new_findings(before, lint(spec))


# ---------------------------------------------------------------- the examples


@pytest.mark.parametrize("name", DRAFTS)
def test_example_drafts_lint_without_errors(name: str) -> None:
    report = lint(str(ROOT / "drafts" / f"{name}.yaml"))
    assert report.errors == [], render_lint(report)


def test_aipo_26_warnings_are_its_deliberate_departures() -> None:
    """The 2005 text ends one paragraph ", and" and another "." (set with `end:`), and opens two with "Encourage"."""
    draft = ROOT / "drafts" / "aipo-26.yaml"
    report = lint(str(draft))
    assert [(f.rule, f.line, f.paragraph) for f in report.warnings] == [
        ("repeated-opening", line_of(draft, "aipa.encourage-national-plan-of-action"), "operative paragraph 4"),
        ("paragraph-end", line_of(draft, "aipa.agree-share-information-study-tours"), "operative paragraph 6"),
        ("paragraph-end", line_of(draft, "aipa.strengthen-regional-international-cooperation"), "operative paragraph 7"),
    ]


@pytest.mark.parametrize("number", ["1590", "1706"])
def test_a_council_paragraph_acting_under_chapter_vii_opens_the_operative_part_as_a_verb_does(number: str) -> None:
    # "16. Acting under Chapter VII of the Charter of the United Nations," introduces decisions
    # ("(i) Decides that UNMIS is authorized …"): Council practice, not a preambular phrase misplaced.
    path = next((ROOT.parent / "shared" / "corpus" / "unsc-unmis").glob(f"UNSC_S-RES-{number}-*.txt"))
    report = lint(str(path))
    assert [f for f in report.findings if f.rule == "operative-opening"] == [], render_lint(report)


def test_acting_under_chapter_vii_over_its_own_decisions_ends_with_a_comma_and_i_ii_count_as_roman(tmp_path: Path) -> None:
    # S/RES/1590 (2005), op. 16: "Acting under Chapter VII of the Charter of the United Nations,"
    # over "(i) Decides that UNMIS is authorized …" and "(ii) Requests that …": the phrase qualifies
    # each decision and ends with a comma, as the Council writes it; lint asked for ":" (an error), and read
    # "(i)", "(ii)" as the letters i and ii where (a) and (j) come ("(ii)" says they are Roman).
    source = next((ROOT.parent / "shared" / "corpus" / "unsc-unmis").glob("UNSC_S-RES-1590-*.txt"))
    report = lint(str(source))
    assert report.errors == [], render_lint(report)
    (labels,) = [f for f in report.findings if f.rule == "label-sequence"]
    assert labels.severity == "warning" and "labelled (i), (ii) …; this body labels them (a), (b)" in labels.message
    # Over sub-paragraphs that carry no verb of their own, the phrase still introduces them with ":".
    path = tmp_path / source.name
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    edit(path, "(i) Decides that UNMIS is authorized", "(i) that UNMIS is authorized")
    ends = [f for f in lint(str(path)).findings if f.rule == "paragraph-end"]
    assert [(f.paragraph, f.severity) for f in ends] == [("operative paragraph 16", "error")]


def test_the_councils_closing_decides_to_remain_seized_is_no_second_decides() -> None:
    # S/RES/1709 (2006): "1. Decides to extend the mandate of UNMIS …" and "2. Decides to remain seized
    # of the matter." was told to write "Also decides"; the Council never does (operative.set_forms).
    path = next((ROOT.parent / "shared" / "corpus" / "unsc-unmis").glob("UNSC_S-RES-1709-*.txt"))
    assert lint(str(path)).findings == ()


def test_unga_64_repeated_openings_are_warnings_at_the_draft_lines(library: Path) -> None:
    draft = library / "drafts" / "unga-64.yaml"
    # UN practice (repeat_scope: consecutive): "Recalling" at 1 and 4 is fine, runs start again; and
    # "Recognizing" after "Recognizing further" (10), then its "also" (11), start the forms afresh, as
    # 76/186 prints them.
    assert lint(str(draft)).findings == ()
    edit(draft, "  - unga.recognizing-further-role-of-un-entities\n", "")
    report = lint(str(draft))
    assert [(f.rule, f.paragraph) for f in report.findings] == [
        ("repeated-opening", "preamble paragraph 9"),
        ("repeated-opening", "preamble paragraph 10"),
    ]
    first = report.warnings[0]
    assert first.line == draft.read_text().splitlines().index("  - unga.recognizing-global-partnership") + 1
    assert "Recognizing" in first.message


def test_part_scope_flags_every_repeat_in_the_part(library: Path) -> None:
    rules = library / "templates" / "unga" / "lint.yaml"
    rules.write_text(rules.read_text().replace("repeat_scope: consecutive", "repeat_scope: part"), encoding="utf-8")
    report = lint(str(library / "drafts" / "unga-64.yaml"))
    first = report.warnings[0]
    assert (first.rule, first.paragraph) == ("repeated-opening", "preamble paragraph 4")
    assert first.hint == "write “Recalling further”"
    assert len(report.warnings) == 8


# ---------------------------------------------------------------- each rule, planted in a draft


def test_operative_verb_opening_a_preambular_paragraph(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(library, "aalco-52", "clauses/aalco-trafficking.yaml", "opening: Convinced", "opening: Decides")
    assert found == [("preamble-opening", "error", clauses.name, line_of(clauses, "opening: Decides"), "preamble paragraph 3")]


def test_participle_opening_an_operative_paragraph(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(library, "aalco-52", "clauses/aalco-trafficking.yaml", "opening: Directs", "opening: Directing")
    assert found == [
        ("operative-opening", "error", clauses.name, line_of(clauses, "opening: Directing"), "operative paragraph 2")
    ]
    report = lint(str(library / "drafts" / "aalco-52.yaml"))
    assert report.errors[0].hint == "write “Directs”"


def test_third_person_verb_in_an_aipa_operative_paragraph(library: Path) -> None:
    clauses = library / "clauses" / "aipa-trafficking.yaml"
    found = planted(library, "aipo-26", "clauses/aipa-trafficking.yaml", "opening: Urge\n", "opening: Urges\n")
    assert found == [("operative-opening", "error", clauses.name, line_of(clauses, "opening: Urges"), "operative paragraph 3")]


def test_base_form_in_a_un_operative_paragraph(library: Path) -> None:
    draft = library / "drafts" / "unga-64.yaml"
    found = planted(
        library, "unga-64", "drafts/unga-64.yaml", "  - unga.encourages-stakeholders-coordination\n",
        "  - {clause: unga.encourages-stakeholders-coordination, opening: Encourage}\n",
    )  # fmt: skip
    assert found == [("operative-opening", "error", draft.name, line_of(draft, "opening: Encourage}"), "operative paragraph 5")]


def test_paragraph_end_doubled_by_clause_text(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library, "aalco-52", "clauses/aalco-trafficking.yaml",
        "the various forms of trafficking in persons, especially women and children\n",
        "the various forms of trafficking in persons, especially women and children;\n",
    )  # fmt: skip
    assert found == [("paragraph-end", "error", clauses.name, line_of(clauses, "women and children;"), "preamble paragraph 5")]


def test_paragraph_end_set_by_the_draft_is_a_warning(library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    found = planted(
        library, "aalco-52", "drafts/aalco-52.yaml", "  - aalco.directs-secretariat-follow-developments\n",
        "  - {clause: aalco.directs-secretariat-follow-developments, end: ','}\n",
    )  # fmt: skip
    assert found == [("paragraph-end", "warning", draft.name, line_of(draft, "end: ','"), "operative paragraph 2")]


def test_a_number_glued_to_a_paragraphs_end_is_told_as_a_footnote_number_left_in_the_text(library: Path) -> None:
    # A draft imported from a PDF text ended "adopted in Rabat on 5 October 2012,14" (`end: ",14"`):
    # the hint said to accept the warning if the draft set `end:` on purpose.
    draft = library / "drafts" / "aalco-52.yaml"
    edit(
        draft,
        "  - aalco.directs-secretariat-follow-developments\n",
        "  - {clause: aalco.directs-secretariat-follow-developments, end: ',14'}\n",
    )
    (finding,) = [f for f in lint(str(draft)).findings if f.rule == "paragraph-end"]
    assert finding.message == "ends with “fora,14”: “14” looks like a footnote number left in the text"
    assert "accept" not in finding.hint and finding.hint.startswith("make it a footnote")
    assert finding.line == line_of(draft, "end: ',14'")


def test_second_noting_is_a_repeated_opening(library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    found = planted(
        library, "aalco-52", "drafts/aalco-52.yaml", "  - aalco.acknowledging-national-legislation\n",
        "  - aalco.acknowledging-national-legislation\n  - aalco.noting-member-state-efforts\n",
    )  # fmt: skip
    last = line_of(draft, "aalco.acknowledging-national-legislation") + 1
    assert found == [("repeated-opening", "warning", draft.name, last, "preamble paragraph 7")]


def test_second_requests_should_be_also_requests(library: Path) -> None:
    draft = library / "drafts" / "unga-64.yaml"
    edit(
        draft,
        "  - unga.also-requests-report-next-session\n",
        "  - unga.also-requests-report-next-session\n  - unga.requests-invite-regional-organizations\n",
    )
    report = lint(str(draft))
    repeated = [f for f in report.findings if f.paragraph == "operative paragraph 12"]
    assert [(f.rule, f.line) for f in repeated] == [
        ("repeated-opening", line_of(draft, "unga.also-requests-report-next-session") + 1)
    ]
    assert repeated[0].hint == "write “Further requests”"


def test_recalling_also_before_any_recalling(library: Path) -> None:
    draft = library / "drafts" / "unga-64.yaml"
    found = planted(
        library, "unga-64", "drafts/unga-64.yaml", "  - unga.recalling-resolution-coordination\n  - unga.recalling-also-ecosoc-resolution-2008-33\n",
        "  - unga.recalling-also-ecosoc-resolution-2008-33\n  - unga.recalling-resolution-coordination\n",
    )  # fmt: skip
    assert (
        "repeated-opening",
        "warning",
        draft.name,
        line_of(draft, "unga.recalling-also-ecosoc"),
        "preamble paragraph 1",
    ) in found


def test_stale_session_ordinal_is_a_session_reference(library: Path) -> None:
    """ "Fifty-First Annual Session" in the 53rd-session draft: neither the 52nd, the 53rd nor the 54th."""
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library, "aalco-53", "clauses/aalco-trafficking.yaml",
        "provisional agenda of the {{ session.next.ordinal_title }}\n      Annual Session",
        "provisional agenda of the Fifty-First Annual Session",
    )  # fmt: skip
    line = line_of(clauses, "Fifty-First Annual Session")
    assert found == [("session-reference", "warning", clauses.name, line, "operative paragraph 4")]


def test_a_session_further_ahead_than_the_body_names_is_a_session_reference(library: Path) -> None:
    """AALCO names the next session only (sessions.ahead: 1): "Fifty-Fifth" in the 53rd-session draft
    is flagged; the UN takes items up every second or fifth session (ahead: 5), so "sixty-sixth" in
    the 64th-session draft is not, but the seventieth is."""
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library, "aalco-53", "clauses/aalco-trafficking.yaml",
        "provisional agenda of the {{ session.next.ordinal_title }}\n      Annual Session",
        "provisional agenda of the Fifty-Fifth Annual Session",
    )  # fmt: skip
    assert found == [("session-reference", "warning", clauses.name, line_of(clauses, "Fifty-Fifth"), "operative paragraph 4")]
    un = library / "clauses" / "unga-trafficking.yaml"
    for ordinal, flagged in (("sixty-sixth", False), ("sixty-ninth", False), ("seventieth", True)):
        text = un.read_text(encoding="utf-8")
        un.write_text(
            text.replace("{{ session.next.ordinal }} session a report", f"{ordinal} session a report"), encoding="utf-8"
        )
        report = lint(str(library / "drafts" / "unga-64.yaml"))
        assert any(f.rule == "session-reference" for f in report.findings) == flagged, ordinal
        un.write_text(text, encoding="utf-8")


def test_session_written_out_in_clause_text_is_a_session_literal(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library, "aalco-52", "clauses/aalco-trafficking.yaml",
        "provisional agenda of the {{ session.next.ordinal_title }}\n      Annual Session",
        "provisional agenda of the Fifty-Third Annual Session",
    )  # fmt: skip
    assert found == [("session-literal", "warning", clauses.name, line_of(clauses, "Fifty-Third"), "operative paragraph 4")]
    literal = lint(str(library / "drafts" / "aalco-52.yaml")).warnings[0]
    assert literal.hint == "write {{ session.next.ordinal_title }} Annual Session instead"


def test_another_bodys_session_is_not_a_session_reference(library: Path) -> None:
    """unga-64 cites the Conference of the Parties' "fourth session": far from the 64th, so not the Assembly's."""
    report = lint(str(library / "drafts" / "unga-64.yaml"))
    assert not [f for f in report.findings if f.rule.startswith("session")]


def test_a_commissions_session_its_report_is_on_is_not_a_session_reference(library: Path, tmp_path: Path) -> None:
    """A/RES/78/108 takes note of "the report of the International Law Commission on the work of its
    seventy-fourth session" and thanks it "for the work accomplished at its seventy-fourth session":
    lint read the Commission's session as the Assembly's (24 paragraphs of the corpus, from the
    library audit). The Assembly's own session four back is still one."""
    from conftest import ga_text
    from resdraft.library_import import import_document

    draft = import_document(ga_text(tmp_path, "A/RES/78/108"), start=library).draft
    assert not [f for f in lint(str(draft)).findings if f.rule.startswith("session")]
    clauses = library / "clauses" / "imported" / "a-res-78-108.yaml"
    text, n = re.subn(
        r"report\s+of\s+the\s+International\s+Law\s+Commission\s+on\s+the\s+work\s+of\s+its",
        "report to the General Assembly at its",
        clauses.read_text(encoding="utf-8"),
    )
    assert n == 2
    clauses.write_text(text, encoding="utf-8")
    assert {f.rule for f in lint(str(draft)).findings if f.rule.startswith("session")} == {"session-reference"}


def test_a_tables_rows_neither_break_a_run_of_openings_nor_take_a_number_the_text_does_not_print(tmp_path: Path) -> None:
    """A/RES/78/253, from the library audit: section XII's "Also approves" (op. 16) came "before any
    Approves", the table below op. 15's "Approves" having broken the run; and the tables under
    section VII's headings were named "operative paragraph 72", their place, which the text prints
    nowhere (its paragraphs there are numbered 1 to 11)."""
    findings = lint(str(ga_text(tmp_path, "A/RES/78/253"))).findings
    assert not [f for f in findings if f.rule == "repeated-opening"]
    places = {f.paragraph for f in findings}
    assert "unnumbered paragraph 1 under the heading “Pension Administration”" in places
    assert not [p for p in places if re.fullmatch(r"operative paragraph \d+( .*)?", p or "") and "section" not in p]


def test_abbreviated_citation_is_an_error_in_un_style(library: Path) -> None:
    clauses = library / "clauses" / "unga-trafficking.yaml"
    found = planted(
        library,
        "unga-64",
        "clauses/unga-trafficking.yaml",
        "its resolution 63/194 of 18 December 2008",
        "its Res. 63/194 of 18 December 2008",
    )
    assert found == [("citation-form", "error", clauses.name, line_of(clauses, "Res. 63/194"), "preamble paragraph 1")]


def test_citation_with_dated_is_a_warning_for_aalco(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library,
        "aalco-52",
        "clauses/aalco-trafficking.yaml",
        "undertaken by other fora",
        "undertaken by other fora under resolution 63/194 dated 18 December 2008",
    )
    assert found == [("citation-form", "warning", clauses.name, line_of(clauses, "63/194 dated"), "operative paragraph 2")]


def test_unclosed_quotation_mark(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    found = planted(
        library, "aalco-50", "clauses/aalco-trafficking.yaml", "Protection of Children” jointly", "Protection of Children jointly"
    )
    line = line_of(clauses, "during the Special Meeting on “Trafficking")
    assert found == [("unbalanced-quotes", "error", clauses.name, line, "preamble paragraph 2")]


def test_unbalanced_bracket(library: Path) -> None:
    clauses = library / "clauses" / "aipa-trafficking.yaml"
    found = planted(
        library, "aipo-26", "clauses/aipa-trafficking.yaml", "article 21\n      (amended)", "article 21\n      (amended"
    )
    assert found == [
        ("unbalanced-brackets", "error", clauses.name, line_of(clauses, "(amended of AIPO"), "operative paragraph 8")
    ]


def test_double_space(library: Path) -> None:
    clauses = library / "clauses" / "unga-trafficking.yaml"
    found = planted(
        library,
        "unga-64",
        "clauses/unga-trafficking.yaml",
        "the Secretary-General to invite as",
        "the Secretary-General to  invite as",
    )
    assert found == [("double-space", "warning", clauses.name, line_of(clauses, "to  invite"), "operative paragraph 10")]


def test_footnote_anchor_without_footnote(library: Path) -> None:
    """The draft still assembles: lint reports the gap instead of stopping at it."""
    clauses = library / "clauses" / "unga-trafficking.yaml"
    found = planted(
        library,
        "unga-64",
        "clauses/unga-trafficking.yaml",
        "and the 2005\n      World Summit[^world]",
        "and the 2005\n      World Summit[^wrld]",
    )
    line = line_of(clauses, "World Summit[^wrld]")
    notes = line_of(clauses, "world: See resolution 60/1.")
    assert found == [
        ("footnote-marker", "error", clauses.name, line, "preamble paragraph 15"),
        ("footnote-marker", "warning", clauses.name, notes, "preamble paragraph 15"),
    ]


def test_footnote_anchor_in_inline_text(library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    found = planted(
        library, "aalco-52", "drafts/aalco-52.yaml", "  - aalco.acknowledging-national-legislation\n",
        "  - aalco.acknowledging-national-legislation\n  - {opening: Bearing in mind, text: 'its earlier work[^w]'}\n",
    )  # fmt: skip
    assert found == [("footnote-marker", "error", draft.name, line_of(draft, "[^w]"), "preamble paragraph 7")]


# ---------------------------------------------------------------- a body's former name


def aipa_28(library: Path) -> Path:
    """The AIPO 27th General Assembly's draft rolled into the 28th, the first as AIPA."""
    rolled = roll_forward(library / "drafts" / "aipo-27.yaml", 28)
    rolled.path.write_text(rolled.text, encoding="utf-8")
    return rolled.path


def former_names(report: LintReport) -> list[tuple[str, int | None, str | None]]:
    return [(Path(f.file).name, f.line, f.paragraph) for f in report.findings if f.rule == "former-name"]


def test_former_name_after_the_renaming_is_a_warning_unless_beside_a_session_of_its_own(library: Path) -> None:
    """Rolled into AIPA's 28th session, the example library's `{{ body.short_name }}` reads AIPA; the
    two literal "AIPO"s left, the 2006 meeting and its delegates, are flagged for a person to judge;
    "the AIPO 23rd General Assembly Resolution" names an act of AIPO's own sessions and is not."""
    clauses = library / "clauses" / "aipa-trafficking.yaml"
    report = lint(str(aipa_28(library)))
    assert former_names(report) == [
        (clauses.name, line_of(clauses, "AIPO Meeting on legal cooperation"), "preamble paragraph 2"),
        (clauses.name, line_of(clauses, "the AIPO delegates"), "preamble paragraph 4"),
    ]
    first = next(f for f in report.findings if f.rule == "former-name")
    assert first.severity == "warning"
    assert first.message == (
        "“AIPO” is the body's name until its twenty-seventh (27th) session; this text is for the twenty-eighth (28th)"
    )
    assert first.hint.startswith("write {{ body.short_name }} (AIPA at this session)")


def test_former_name_is_not_flagged_up_to_its_last_session() -> None:
    for draft in ("aipo-26", "aipo-27"):
        assert former_names(lint(str(ROOT / "drafts" / f"{draft}.yaml"))) == []


def test_former_name_written_into_clause_text_counts_each_paragraph_once(library: Path) -> None:
    clauses = library / "clauses" / "aipa-trafficking.yaml"
    draft = aipa_28(library)
    before = lint(str(draft))
    edit(clauses, "an {{ body.short_name }} Expert Working Group", "an AIPO Expert Working Group")
    edit(clauses, "{{ body.short_name }} Members, special", "AIPO Members, special")
    edit(clauses, "between {{ body.short_name }} and ASEAN", "between the ASEAN Inter-Parliamentary  Organization and ASEAN")
    after = lint(str(draft))
    found = [f for f in after.findings if key(f) not in map(key, before.findings) and f.rule == "former-name"]
    assert [(f.line, f.paragraph, f.message.split(" is ")[0]) for f in found] == [
        (line_of(clauses, "an AIPO Expert Working Group"), "operative paragraph 1", "“AIPO” (2 times)"),
        (
            line_of(clauses, "Inter-Parliamentary  Organization"),
            "operative paragraph 2",
            "“ASEAN Inter-Parliamentary  Organization”",
        ),
    ]
    assert found[1].hint.startswith("write {{ body.name }} (ASEAN Inter-Parliamentary Assembly at this session)")


def test_former_name_in_a_document_names_the_paragraph_and_the_name_now(library: Path) -> None:
    doc = library / "aipa-28.md"
    text = build(aipa_28(library), "md")
    assert isinstance(text, str)
    doc.write_text(text.replace("cooperation between AIPA and ASEAN", "cooperation between AIPO and ASEAN"), encoding="utf-8")
    found = [f for f in lint(str(doc)).findings if f.rule == "former-name"]
    assert [f.paragraph for f in found] == ["preamble paragraph 2", "preamble paragraph 4", "operative paragraph 2"]
    assert found[-1].hint == "write AIPA; where it names an act of those sessions on purpose, accept this warning"


# ---------------------------------------------------------------- adopted GA resolutions (../shared/corpus)


@pytest.mark.parametrize(
    ("symbol", "headings"),
    [
        # sections "I" … "XIII", each under a labelled heading
        ("A/RES/78/68", ["Related fisheries instruments", "Fishing overcapacity", "Fisheries by-catch and discards"]),
        # unnumbered headings between numbered paragraphs
        ("A/RES/78/305", ["Budget performance report for the period from 1 July 2022 to 30 June 2023"]),
        # headings in the preamble
        ("A/RES/78/148", ["Transport and transit corridors", "Countries in special situations", "Social aspects"]),
    ],
)
def test_headings_of_a_sectioned_resolution_are_not_paragraphs(tmp_path: Path, symbol: str, headings: list[str]) -> None:
    """A heading asks for no opening and no closing mark (it was "ends with “instruments”; this
    operative paragraph should end with “;”", "“Budget” is not a verb")."""
    path = ga_text(tmp_path, symbol)
    resolution = read_document(str(path)).resolution
    places = {
        f"{part} paragraph {i}"
        for part, paragraphs in (("preamble", resolution.preamble), ("operative", resolution.operative))
        for i, p in enumerate(paragraphs, start=1)
        if p.text.strip() in headings
    }
    assert len(places) == len(headings)
    assert [(f.rule, f.paragraph) for f in lint(str(path)).findings if f.paragraph in places] == []


def test_a_section_may_have_its_own_preamble_and_number_its_paragraphs_afresh(tmp_path: Path) -> None:
    """A/RES/78/253, section "V Capital investment planning": "Recalling …," and "Having considered …,"
    open the section, whose paragraphs are numbered from 1 again (it was "“Recalling” is a participle
    …; an operative paragraph opens with a verb", "ends with “,”" and "numbered 1. where 12. comes next")."""
    path = ga_text(tmp_path, "A/RES/78/253")
    operative = read_document(str(path)).resolution.operative
    heading = next(i for i, p in enumerate(operative, start=1) if p.text == "Capital investment planning")
    assert [p.text.split()[0] for p in operative[heading : heading + 3]] == ["Recalling", "Having", "Takes"]
    # (the section's own preamble is named under its heading: its place, "operative paragraph 44", the text prints nowhere)
    under = "unnumbered paragraph {} under the heading “Capital investment planning”"
    places = {f"operative paragraph {heading}", under.format(1), under.format(2), "operative paragraph 1 of section V"}
    assert [(f.rule, f.paragraph) for f in lint(str(path)).findings if f.paragraph in places] == []
    edit(path, "decision 77/548 B of 18 April 2023,", "decision 77/548 B of 18 April 2023;")
    found = [(f.rule, f.paragraph, f.message) for f in lint(str(path)).findings if f.paragraph in places]
    assert found == [("paragraph-end", under.format(1), "ends with “;”; this preambular paragraph should end with “,”")]


@pytest.mark.parametrize(
    ("symbol", "place"),
    [
        ("A/RES/79/333", "operative paragraph 2"),  # "… will be:" over the theme, quoted
        ("A/RES/79/249", "operative paragraph 12"),  # "… shall be as follows:" over the scale of assessments
        ("A/RES/78/253", "operative paragraph 6 of section VII"),  # "… as follows:" over sub-sections A. and B.
    ],
)
def test_a_paragraph_may_introduce_the_heading_after_it(tmp_path: Path, symbol: str, place: str) -> None:
    # Each ends with ":" before what it introduces, which stands apart as a heading; lint asked ";".
    findings = lint(str(ga_text(tmp_path, symbol))).findings
    assert [(f.rule, f.message) for f in findings if f.paragraph == place] == []


def test_an_adverb_before_a_participle_opens_a_preambular_paragraph(tmp_path: Path) -> None:
    """ "Ever mindful that …" (A/RES/78/42) and "Particularly concerned that …" (A/RES/78/68): the
    document's reading marks the adverb alone as the opening; lint reads on to the word it qualifies."""
    for symbol, opening in (("A/RES/78/42", "Ever mindful"), ("A/RES/78/68", "Particularly concerned")):
        path = ga_text(tmp_path, symbol)
        preamble = read_document(str(path)).resolution.preamble
        place = next(f"preamble paragraph {i}" for i, p in enumerate(preamble, start=1) if p.text.startswith(opening))
        assert [f.rule for f in lint(str(path)).findings if f.paragraph == place] == []


def test_further_before_a_noun_is_not_read_as_part_of_an_operative_opening(tmp_path: Path) -> None:
    # A/RES/78/66 op. 8 "Encourages further expressions from among the remaining States …": the
    # noun's 'further' was taken for the verb's, and lint asked for an "Encourages also" before it.
    path = ga_text(tmp_path, "A/RES/78/66")
    assert [f.message for f in lint(str(path)).findings if f.rule == "repeated-opening"] == []
    edit(path, "Encourages further expressions", "Encourages further the expressions")
    (finding,) = [f for f in lint(str(path)).findings if f.rule == "repeated-opening"]
    assert finding.message == "“Encourages further” comes before any “Encourages also”"


def test_having_also_with_a_participle_follows_having_with_the_same_one(tmp_path: Path) -> None:
    # A/RES/78/83: "Having considered the item …", "Having also considered the report …"; A/RES/78/85:
    # "Having examined …", "Having also examined …". The reading ends the opening at "also", and lint
    # asked for a "Having" before "Having also" (in 11 of the 659 adopted texts), as if neither came first.
    for symbol in ("A/RES/78/83", "A/RES/78/85"):
        assert [f.message for f in lint(str(ga_text(tmp_path, symbol))).findings if "comes before" in f.message] == []
    path = ga_text(tmp_path, "A/RES/78/83")
    edit(path, "Having considered the item", "Having noted the item")  # another participle first: still told
    (finding,) = [f for f in lint(str(path)).findings if "comes before" in f.message]
    assert finding.message == "“Having also considered” comes before any “Having considered”"
    assert finding.paragraph == "preamble paragraph 2"


def test_an_unnumbered_paragraph_is_named_after_the_printed_number_before_it_not_by_its_place(tmp_path: Path) -> None:
    # A/RES/79/280: rule 3.3's new "(a) …" and "(b) …", quoted under op. 1, stand as two unnumbered
    # paragraphs before the printed op. 2, the fourth operative paragraph by place. (The example
    # was 79/1's "Action 6." until the Pact's actions were read as headings.)
    path = ga_text(tmp_path, "A/RES/79/280")
    edit(path, "under staff rule 3.3 (b);", "under staff rule 3.3 (b),")  # the printed op. 2 ends with a comma
    findings = lint(str(path)).findings
    quoted = [f.paragraph for f in findings if f.rule == "operative-opening"]
    assert quoted == ["unnumbered paragraph 1 after operative paragraph 1"]
    (comma,) = [f for f in findings if f.rule == "paragraph-end" and "“,”" in f.message]
    assert comma.paragraph == "operative paragraph 2"


def test_the_pacts_actions_and_declaration_are_held_to_no_resolution_paragraph_rule(tmp_path: Path) -> None:
    # A/RES/79/1 adopts the Pact for the Future, printed under "Adopts the following Pact …:": a
    # declaration ("We, the Heads of State …", "We will …"), not a resolution's paragraphs. Its
    # "Action 6. We will invest in people …" read as a paragraph and was told "“Action” is not a
    # verb"; then each "We …" paragraph was told "“We” is not a verb" and to end with ";": 170 findings.
    path = ga_text(tmp_path, "A/RES/79/1")
    assert lint(str(path)).findings == ()
    # The rules for any text still hold there: a quotation left open in paragraph 2 is told.
    edit(path, "We are at a time of profound global transformation.", "We are at a “time of profound global transformation.")
    (finding,) = lint(str(path)).findings
    assert finding.rule == "unbalanced-quotes" and finding.paragraph == "operative paragraph 2"


def test_a_run_of_openings_starts_afresh_after_further_as_ga_texts_write_it(tmp_path: Path) -> None:
    # A/RES/78/118 op. 7-10: "Calls upon", "Also calls upon", "Further calls upon", "Calls upon" (so
    # in 243 runs of the 659 adopted texts); the fourth was told to "reword the opening".
    path = ga_text(tmp_path, "A/RES/78/118")
    places = {f"operative paragraph {n}" for n in (8, 9, 10)}
    assert [f.message for f in lint(str(path)).findings if f.rule == "repeated-opening" and f.paragraph in places] == []
    edit(path, "Further calls upon", "Calls upon")  # a bare repeat before the forms are used up is still told
    found = [f for f in lint(str(path)).findings if f.rule == "repeated-opening" and f.paragraph in places]
    assert [f.paragraph for f in found] == ["operative paragraph 9", "operative paragraph 10"]


def test_a_numbered_paragraph_without_its_mark_beside_a_heading_is_still_an_error(tmp_path: Path) -> None:
    path = ga_text(tmp_path, "A/RES/78/305")
    edit(
        path,
        "this matter to the General Assembly at its seventy-ninth session; \n",
        "this matter to the General Assembly at its seventy-ninth session \n",
    )
    before = [f for f in lint(str(path)).findings if f.rule == "paragraph-end"]
    assert [(f.severity, f.message) for f in before] == [
        ("error", "ends with “session”; this operative paragraph should end with “;”")
    ]


# ---------------------------------------------------------------- documents


def test_document_findings_name_paragraphs(library: Path) -> None:
    """A Markdown file built from a draft, then edited: findings are placed by paragraph, not line."""
    doc = library / "unga-64.md"
    text = build(library / "drafts" / "unga-64.yaml", "md")
    assert isinstance(text, str)
    doc.write_text(text, encoding="utf-8")
    before = lint(str(doc))
    assert before.errors == []
    edit(doc, "*Recalling also* Economic", "*Recalls* Economic")
    edit(doc, "*Requests* the Secretary-General to invite", "*Requests* the (Secretary-General to invite")
    edit(doc, "[^13]: See resolution 60/1.\n", "")
    edit(doc, "*Encourages* all stakeholders", "*Encourage* all stakeholders")
    found = [
        (f.rule, f.severity, f.paragraph, f.line) for f in lint(str(doc)).findings if key(f) not in map(key, before.findings)
    ]
    assert found == [
        ("preamble-opening", "error", "preamble paragraph 2", None),
        ("footnote-marker", "error", "preamble paragraph 15", None),
        ("operative-opening", "error", "operative paragraph 5", None),
        ("unbalanced-brackets", "error", "operative paragraph 10", None),
    ]


def test_document_sub_paragraph_labels_run_in_order(library: Path) -> None:
    doc = library / "aipo-27.md"
    text = build(library / "drafts" / "aipo-27.yaml", "md")
    assert isinstance(text, str)
    doc.write_text(text, encoding="utf-8")
    before = lint(str(doc))
    edit(doc, " c. monitor", " e. monitor")
    found = [(f.rule, f.severity, f.paragraph) for f in lint(str(doc)).findings if key(f) not in map(key, before.findings)]
    assert found == [("label-sequence", "error", "operative paragraph 3 (e)")]
    first = next(f for f in lint(str(doc)).findings if f.rule == "label-sequence")
    assert first.message == "labelled “e.” where “c.” comes next"


def test_document_operative_numbers_run_in_order(library: Path) -> None:
    doc = library / "aalco-52.md"
    text = build(library / "drafts" / "aalco-52.yaml", "md")
    assert isinstance(text, str)
    doc.write_text(text, encoding="utf-8")
    edit(doc, "\n3. ", "\n4. ")  # 1., 2., 4., 4.: one slip, one finding
    report = lint(str(doc))
    assert [(f.rule, f.paragraph, f.message) for f in report.errors] == [
        ("label-sequence", "operative paragraph 3", "numbered 4. where 3. comes next")
    ]


def test_document_outside_a_library_uses_the_stock_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # (no library around the document nor the folder it is linted from)
    doc = tmp_path / "aipo-26.md"
    text = build(ROOT / "drafts" / "aipo-26.yaml", "md")
    assert isinstance(text, str)
    doc.write_text(text, encoding="utf-8")
    report = lint(str(doc))
    # Without the draft's `end:` overrides, the 2005 text's ", and" and "." are errors against AIPA style.
    assert [(f.rule, f.severity, f.paragraph) for f in report.findings] == [
        ("repeated-opening", "warning", "operative paragraph 4"),
        ("paragraph-end", "error", "operative paragraph 6"),
        ("paragraph-end", "error", "operative paragraph 7"),
    ]


def test_word_document_double_space(library: Path) -> None:
    """Word keeps every space (Markdown and text import collapse them, as Markdown itself does)."""
    data = build(library / "drafts" / "aalco-52.yaml", "docx")
    assert isinstance(data, bytes)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                assert b"the Member States which" in body
                body = body.replace(b"the Member States which", b"the Member  States which", 1)
            target.writestr(info, body)
    doc = library / "aalco-52.docx"
    doc.write_bytes(out.getvalue())
    assert [(f.rule, f.severity, f.paragraph, f.message) for f in lint(str(doc)).findings] == [
        ("double-space", "warning", "operative paragraph 1", "two spaces in a row: “Member  States”")
    ]


# ---------------------------------------------------------------- rules files


def test_unknown_key_in_lint_yaml_is_a_problem_with_file_and_line(library: Path) -> None:
    rules = library / "templates" / "unga" / "lint.yaml"
    edit(rules, "rules:\n", "rulez:\n")
    with pytest.raises(LibraryError) as caught:
        lint(str(library / "drafts" / "unga-64.yaml"))
    problem = caught.value.problems[0]
    assert problem.where is not None and (problem.where.path, problem.where.line) == (rules, line_of(rules, "rulez:"))
    assert problem.message == "unknown key 'rulez' in lint.yaml"
    assert problem.hint == "did you mean rules?"


def test_unknown_rule_and_bad_severity_are_problems(library: Path) -> None:
    rules = library / "templates" / "aalco" / "lint.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8") + "rules:\n  citation-from: error\n  double-space: loud\n", encoding="utf-8"
    )
    with pytest.raises(LibraryError) as caught:
        lint(str(library / "drafts" / "aalco-52.yaml"))
    assert [(p.where.line if p.where else 0, p.message) for p in caught.value.problems] == [
        (line_of(rules, "citation-from"), "unknown rule 'citation-from' in lint.yaml"),
        (line_of(rules, "double-space: loud"), "rule double-space: severity must be error, warning or off, not 'loud'"),
    ]
    assert caught.value.problems[0].hint == "did you mean citation-form?"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("operative:\n  form: third\n", "operative.form must be third-person or base, not 'third'"),
        ("preamble:\n  openings: Recalling\n", "preamble.openings must be a list of words or phrases"),
        ("operative:\n  set_forms: Decides to remain seized\n", "operative.set_forms must be a list of words or phrases"),
        ("sessions:\n  window: 0\n", "sessions.window must be 1 or more"),
        ("sessions:\n  ahead: 0\n", "sessions.ahead must be 1 or more"),
        ("sessions:\n  agreement: sometimes\n", "sessions.agreement must be true or false"),
    ],
)
def test_bad_values_in_lint_yaml_are_problems_with_file_and_line(library: Path, text: str, message: str) -> None:
    rules = library / "templates" / "unga" / "lint.yaml"
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        lint(str(library / "drafts" / "unga-64.yaml"))
    assert [(p.where, p.message) for p in caught.value.problems] == [(Where(rules, 2), message)]


def test_a_rule_the_librarys_lint_yaml_leaves_out_is_named_in_a_note(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A library made before a rule existed has no line for it, so it was off and nothing said so
    # (session-passed came after the example's templates/_base/lint.yaml of older libraries).
    base = library / "templates" / "_base" / "lint.yaml"
    monkeypatch.chdir(library)
    assert "note:" not in render_lint(lint("drafts/aalco-52.yaml"))
    text = base.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.lstrip().startswith(("session-passed:", "former-name:"))]
    base.write_text("".join(kept), encoding="utf-8")
    shown = render_lint(lint("drafts/aalco-52.yaml"))
    assert shown.splitlines()[-1] == (
        "note: templates/_base/lint.yaml leaves out session-passed and former-name, so they are not checked; list each "
        "under `rules:` as error, warning or off (resdraft's own lint.yaml has `session-passed: warning` and "
        "`former-name: warning`)"
    )
    edit(base, "rules:\n", "rules:\n  session-passed: off\n  former-name: warning\n")
    assert "note:" not in render_lint(lint("drafts/aalco-52.yaml"))


def test_a_rule_set_off_is_not_checked(library: Path) -> None:
    edit(library / "templates" / "unga" / "lint.yaml", "rules:\n", "rules:\n  repeated-opening: off\n")
    assert lint(str(library / "drafts" / "unga-64.yaml")).findings == ()


def test_a_body_can_make_a_warning_rule_an_error(library: Path) -> None:
    edit(library / "templates" / "aipa" / "lint.yaml", "operative:\n", "rules:\n  repeated-opening: error\n\noperative:\n")
    report = lint(str(library / "drafts" / "aipo-26.yaml"))
    assert [(f.rule, f.paragraph) for f in report.errors] == [("repeated-opening", "operative paragraph 4")]


# ---------------------------------------------------------------- output


def test_text_output_names_place_severity_rule_and_hint(library: Path) -> None:
    edit(library / "clauses" / "aalco-trafficking.yaml", "opening: Directs", "opening: Directing")
    out = render_lint(lint(str(library / "drafts" / "aalco-52.yaml")), "text")
    lines = out.splitlines()
    line = line_of(library / "clauses" / "aalco-trafficking.yaml", "opening: Directing")
    assert lines[0].endswith(
        f"aalco-trafficking.yaml:{line}: error [operative-opening] operative paragraph 2: “Directing” is a participle or "
        "adjective; an operative paragraph opens with a verb in the third person (“Urges”, “Requests”)"
    )
    assert lines[1] == "  hint: write “Directs”"
    assert lines[-1].endswith("aalco-52.yaml: 1 error, 0 warnings")


def test_clean_draft_says_so() -> None:
    out = render_lint(lint(str(ROOT / "drafts" / "aalco-52.yaml")))
    assert out.count("\n") == 1 and out.endswith("aalco-52.yaml: no problems\n")


def test_json_output_is_the_stable_schema() -> None:
    data = json.loads(render_lint(lint(str(ROOT / "drafts" / "aipo-26.yaml")), "json"))
    assert set(data) == {"source", "body", "session", "errors", "warnings", "findings"}
    assert (data["body"], data["session"], data["errors"], data["warnings"]) == ("aipa", 26, 0, 3)
    first = data["findings"][0]
    assert list(first) == ["file", "line", "paragraph", "rule", "severity", "message", "hint"]
    assert (first["file"].endswith("drafts/aipo-26.yaml"), first["rule"], first["severity"]) == (
        True,
        "repeated-opening",
        "warning",
    )


def test_unknown_output_format_is_a_user_error() -> None:
    with pytest.raises(OutputError, match="unknown lint format 'xml'"):
        render_lint(lint(str(ROOT / "drafts" / "aalco-52.yaml")), "xml")


def test_starter_library_ships_the_lint_rules() -> None:
    starter = ROOT / "src" / "resdraft" / "starter" / "templates"
    for body in ("_base", "aalco", "aipa", "unga"):
        assert (starter / body / "lint.yaml").read_bytes() == (ROOT / "templates" / body / "lint.yaml").read_bytes()


def test_a_drafts_heading_the_numbering_skips_is_asked_no_opening_or_closing_mark(library: Path) -> None:
    # A section's heading in a draft (`numbered: false`, `label: II`) reads as a heading, as in a
    # document: no verb to open it, no mark to close it.
    draft = library / "drafts" / "unga-64.yaml"
    heading = "  - {text: Implementation and follow-up, numbered: false, label: II, end: ''}\n"
    text = draft.read_text(encoding="utf-8").replace(
        "  - unga.recognizes-comparable-data-icat\n", heading + "  - unga.recognizes-comparable-data-icat\n"
    )
    draft.write_text(text, encoding="utf-8")
    line = text.splitlines().index(heading.rstrip("\n")) + 1
    report = lint(str(draft))
    assert [f for f in report.findings if f.file.endswith("unga-64.yaml") and f.line == line] == [], render_lint(report)
    assert report.findings == (), render_lint(report)  # (unga-64 has no other finding)


@pytest.mark.parametrize(
    ("first", "second", "typed"),
    [
        ("numbered: false, label: I", "numbered: false, label: II", ["I", "II"]),  # a count gives both
        ("heading: I", "numbered: false, label: II", ["II"]),
        ("heading: I", "heading: I", []),
        ("numbered: false, label: Section 3", "numbered: false, label: Section 7", []),  # numerals that name
        ("numbered: false, label: I", "numbered: false, label: III", []),  # out of order: typed on purpose
        ("numbered: false, label: Section 3", "numbered: false, label: I", ["I"]),  # one that names beside one that counts
    ],
)
def test_a_drafts_typed_section_numerals_that_a_count_would_give_are_warned_of(
    library: Path, first: str, second: str, typed: list[str]
) -> None:
    # `numbered: false` with `label: II` stays right only until a section is added; `heading: I`
    # counts. Lint says so at each typed numeral's line, as a warning.
    draft = library / "drafts" / "unga-64.yaml"
    text = draft.read_text(encoding="utf-8")
    for key, before in (
        (first, "unga.urges-ratify-organized-crime-convention-and-protocol"),
        (second, "unga.recognizes-comparable-data-icat"),
    ):
        text = text.replace(f"  - {before}\n", f"  - {{text: Section, {key}, end: ''}}\n  - {before}\n")
    draft.write_text(text, encoding="utf-8")
    report = lint(str(draft))
    found = [f for f in report.findings if f.rule == "typed-numeral"]
    assert [f.message for f in found] == [f"section numeral {n} is typed" for n in typed], render_lint(report)
    assert all(f.severity == "warning" and f.file.endswith("unga-64.yaml") and f.line for f in found)
    assert all("heading: I" in f.hint for f in found)


def test_a_finding_names_the_paragraph_by_the_number_printed_on_it(tmp_path: Path) -> None:
    # A/RES/79/161 has seven section headings among its numbered paragraphs: its 45th operative
    # paragraph stands 51st. By place, the finding named a paragraph the reader could not find.
    report = lint(str(ga_text(tmp_path, "A/RES/79/161")))
    assert "operative paragraph 45: “Requests” already opens operative paragraph 44" in render_lint(report)


def test_a_repeated_opening_with_a_qualifier_takes_also_where_the_un_writes_it(tmp_path: Path) -> None:
    """A/RES/78/228 opens preamble paragraphs 21 to 24 "Taking note with appreciation": lint told
    the second to write "Taking note with appreciation also", where UN usage is "Taking note also
    with appreciation"; and a paragraph that puts its "also" there was named "… appreciation also"."""
    # (The adopted text writes "Taking note with appreciation also of …" and "… further of …": its
    # own 'also' and 'further', right after the phrase, which is no repeat. Without them:)
    path = ga_text(tmp_path, "A/RES/78/228")
    assert not [f for f in lint(str(path)).findings if f.paragraph in ("preamble paragraph 22", "preamble paragraph 23")]
    edit(path, "Taking note with appreciation also of", "Taking note with appreciation of")
    edit(path, "Taking note with appreciation further of", "Taking note with appreciation of")
    report = lint(str(path))
    hints = [f.hint for f in report.findings if f.rule == "repeated-opening" and f.paragraph in (
        "preamble paragraph 22", "preamble paragraph 23")]  # fmt: skip
    assert hints == ["write “Taking note also with appreciation”", "write “Taking note further with appreciation”"]
    text = ga_text(tmp_path, "A/RES/78/228")
    text.write_text(text.read_text(encoding="utf-8").replace("Taking note with appreciation", "Taking note also with appreciation", 4).replace(
        "Taking note also with appreciation", "Taking note with appreciation", 1), encoding="utf-8")  # fmt: skip
    (finding,) = [f for f in lint(str(text)).findings if f.paragraph == "preamble paragraph 23"]
    assert finding.message.startswith("“Taking note also with appreciation” already opens preamble paragraph 22")
    assert finding.hint == "write “Taking note further with appreciation”"


def test_a_repeated_opening_is_not_told_a_form_an_earlier_hint_gave(library: Path, tmp_path: Path) -> None:
    """A/RES/79/208 rolled to the 80th session: operative paragraphs 37, 38 and 40 open "Invites",
    39 "Also invites"; 38 and 40 were both told to write "Further invites", which would repeat again."""
    from resdraft.library_import import import_document

    draft = import_document(ga_text(tmp_path, "A/RES/79/208"), start=library).draft
    rolled = roll_forward(draft, 80)
    rolled.path.write_text(rolled.text, encoding="utf-8")
    hints = {
        f.paragraph: f.hint for f in lint(str(rolled.path)).findings if f.rule == "repeated-opening" and "Invites" in f.message
    }
    assert hints == {
        "operative paragraph 38": "write “Further invites”",
        "operative paragraph 40": "reword the opening, or move the paragraph next to the others that open “Invites”",
    }


# ---------------------------------------------------------------- the masthead


def test_a_title_for_each_agenda_item_the_masthead_names(library: Path, tmp_path: Path) -> None:
    # A draft under A/RES/78/128's two agenda items that gives one title is told at its agenda_title line.
    draft = library / "drafts" / "unga-64.yaml"
    found = planted(library, "unga-64", "drafts/unga-64.yaml", 'agenda_item: "104"', "agenda_item: 13 and 75 (a)")
    assert found == [("agenda-titles", "warning", "unga-64.yaml", line_of(draft, "agenda_title:"), None)]
    edit(draft, "agenda_title: Crime", "agenda_title:\n  - Crime")  # (a list of one: the same)
    (finding,) = [f for f in lint(str(draft)).findings if f.rule == "agenda-titles"]
    assert finding.message == "the masthead names 2 agenda items (“Agenda items 13 and 75 (a)”) and gives 1 title"
    edit(
        draft,
        "  - Crime prevention and criminal justice\n",
        "  - Crime prevention and criminal justice\n  - Oceans and the law of the sea\n",
    )
    assert [f for f in lint(str(draft)).findings if f.rule == "agenda-titles"] == []
    # A document: A/RES/78/1 from its PDF text gives both titles (they ran into one, which this rule would have told).
    assert [f for f in lint(str(ga_text(tmp_path, "A/RES/78/1"))).findings if f.rule == "agenda-titles"] == []
