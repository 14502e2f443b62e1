"""`resdraft new` rolls a draft forward: session words follow, unknowable facts become placeholders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, ROOT, ga_text
from resdraft.build import load_resolution
from resdraft.cli import app
from resdraft.errors import Where
from resdraft.library_import import import_document
from resdraft.lint import lint
from resdraft.rollforward import roll_forward
from resdraft.templating import Placeholder

runner = CliRunner()


def test_committed_aalco_53_is_what_new_produces_from_aalco_52(tmp_path: Path) -> None:
    rolled = roll_forward(ROOT / "drafts" / "aalco-52.yaml", 53)
    assert rolled.path == ROOT / "drafts" / "aalco-53.yaml"
    assert rolled.text == (ROOT / "drafts" / "aalco-53.yaml").read_text(encoding="utf-8")


def test_roll_forward_updates_enacting_formula_and_provisional_agenda_ordinal(library: Path) -> None:
    out = library / "drafts" / "aalco-53-new.yaml"
    result = runner.invoke(app, ["new", str(library / "drafts" / "aalco-52.yaml"), "--session", "53", "-o", str(out)])
    assert result.exit_code == 0, result.output
    res, _ = load_resolution(out)
    assert res.enacting is not None
    assert res.enacting.text == "The Asian-African Legal Consultative Organization at its Fifty-Third Annual Session"
    assert res.operative[-1].text == "Decides to place this item on the provisional agenda of the Fifty-Fourth Annual Session."


def test_roll_forward_makes_symbol_date_and_document_number_placeholders(library: Path) -> None:
    rolled = roll_forward(library / "drafts" / "aalco-52.yaml", 53)
    (library / "drafts" / "aalco-53.yaml").write_text(rolled.text, encoding="utf-8")
    res, _ = load_resolution(library / "drafts" / "aalco-53.yaml")
    assert isinstance(res.fields["symbol"], Placeholder)
    assert isinstance(res.fields["date"], Placeholder)
    assert "AALCO/RES/52/S 8" in res.fields["symbol"].hint
    # The old date as the document printed it: the hint is printed in the draft's Word output.
    assert res.fields["date"].hint == "date of the 53rd-session document (was 12 September 2013)"
    assert "[TBD:" in res.preamble[0].text
    assert "HEADQUARTERS SESSION (NEW DELHI)/2013" in res.preamble[0].text  # the old value is shown as a hint


def test_roll_forward_points_previous_back_and_resets_status(library: Path) -> None:
    rolled = roll_forward(library / "drafts" / "aalco-52.yaml", 53)
    assert "\nprevious: aalco-52\n" in rolled.text
    assert "\nstatus: draft\n" in rolled.text
    assert "\nsession: 53\n" in rolled.text


def test_roll_forward_keeps_comments_and_key_order(library: Path) -> None:
    source = library / "drafts" / "aipo-27.yaml"
    rolled = roll_forward(source, 28)
    old_keys = [line.split(":")[0] for line in source.read_text().splitlines() if line and line[0].isalpha()]
    new_keys = [line.split(":")[0] for line in rolled.text.splitlines() if line and line[0].isalpha()]
    assert [k for k in new_keys if k != "previous"] == [k for k in old_keys if k != "previous"]
    inner_comments = [line for line in source.read_text().splitlines()[3:] if line.strip().startswith("#")]
    for comment in inner_comments:
        assert comment in rolled.text


def test_check_reports_placeholders_until_filled(library: Path) -> None:
    result = runner.invoke(app, ["check", str(library)])
    assert result.exit_code == 0, result.output
    assert "aalco-53.yaml" in result.output and "placeholder" in result.output
    strict = runner.invoke(app, ["check", str(library), "--strict"])
    assert strict.exit_code == 1


def test_roll_forward_of_the_un_draft_names_the_next_session(library: Path) -> None:
    rolled = roll_forward(library / "drafts" / "unga-64.yaml", 65)
    out = library / "drafts" / "unga-65.yaml"
    out.write_text(rolled.text, encoding="utf-8")
    res, _ = load_resolution(out)
    session_line = next(line for line in res.header if line.role == "session")
    assert session_line.text == "Sixty-fifth session"
    assert "sixty-sixth session" in res.operative[-1].text


def test_roll_forward_past_a_renaming_takes_the_bodys_new_name(library: Path) -> None:
    """AIPO became AIPA at its 28th General Assembly (former_names in templates/aipa/body.yaml): the
    header and every {{ body.short_name }} of the rolled draft say AIPA, where the 27th said AIPO."""
    rolled = roll_forward(library / "drafts" / "aipo-27.yaml", 28)
    rolled.path.write_text(rolled.text, encoding="utf-8")
    for path, name, short in (
        (library / "drafts" / "aipo-27.yaml", "ASEAN INTER-PARLIAMENTARY ORGANIZATION", "AIPO"),
        (rolled.path, "ASEAN INTER-PARLIAMENTARY ASSEMBLY", "AIPA"),
    ):
        res, _ = load_resolution(path)
        assert res.header[0].text == name
        assert res.transition is not None
        assert f"th {short} General Assembly hereby" in res.transition.text
        assert f"between {short} and ASEAN" in res.operative[1].text


def test_new_says_when_the_body_is_renamed_between_the_two_sessions(library: Path) -> None:
    out = library / "drafts" / "aipo-28.yaml"
    result = runner.invoke(app, ["new", str(library / "drafts" / "aipo-27.yaml"), "--session", "28", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        f"  renamed: AIPO is called AIPA at its 28th session: {{{{ body.name }}}} and {{{{ body.short_name }}}} follow;"
        f" `resdraft lint {out}` finds the old name written out"
    ) in result.output
    assert roll_forward(library / "drafts" / "aipo-26.yaml", 27).renamed is None
    assert roll_forward(library / "drafts" / "aalco-52.yaml", 53).renamed is None


def test_a_draft_for_a_session_before_a_renaming_uses_the_name_of_that_time(library: Path) -> None:
    """AALCO was the Asian-African Legal Consultative Committee (AALCC) up to its 40th session (2001)."""
    text = (library / "drafts" / "aalco-52.yaml").read_text(encoding="utf-8").replace("\nprevious: aalco-50\n", "\n")
    for session, ordinal, name in ((40, "Fortieth", "Committee"), (41, "Forty-First", "Organization")):
        draft = library / "drafts" / f"aalco-{session}.yaml"
        draft.write_text(text.replace("\nsession: 52\n", f"\nsession: {session}\n"), encoding="utf-8")
        res, _ = load_resolution(draft)
        assert res.enacting is not None
        assert res.enacting.text == f"The Asian-African Legal Consultative {name} at its {ordinal} Annual Session"


def test_a_date_of_the_old_session_written_out_is_named_for_checking(library: Path) -> None:
    # A closing formula typed in full, "Adopted this 14th day of September, 2006 in Cebu City", in
    # a draft not yet adopted is no fact `new` can turn into a placeholder; it says which line
    # states the old date.
    draft = library / "drafts" / "aipo-27.yaml"
    text = draft.read_text(encoding="utf-8").replace("\nstatus: adopted\n", "\nstatus: draft\n")
    closing = '  closing: "Adopted this 14th day of September, 2006 in Cebu City, Philippines."\n'
    draft.write_text(text.replace("formulas:\n", "formulas:\n" + closing), encoding="utf-8")
    rolled = roll_forward(draft, 28)
    line = 1 + rolled.text.splitlines().index(closing.rstrip("\n"))  # (its line in the new draft, which the user edits)
    notes = "\n".join(rolled.placeholders)
    assert f"{Where(rolled.path, line)} states the 27th session's date literally ('14th day of September, 2006'); " in notes
    assert notes.count("states the 27th session's date") == 1  # the date: field is a placeholder, not such a note


def test_an_enacting_formula_kept_with_a_spaced_ordinal_is_named_stale_at_its_line_in_the_new_draft(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # AALCO/RES/52/S 8 printed "at its Fifty Second Annual Session" without the hyphen: import keeps
    # the formula as written, and `new` carried it into the 53rd session's draft unchanged and
    # without a word, where "Fifty-Second" is named for checking.
    seed = (CORPUS / "seeds" / "aalco-52-res-s8-2013.md").read_text(encoding="utf-8")
    assert seed.count("Fifty-Second Annual Session") == 1
    respelt = tmp_path / "aalco-52-res-s8-2013.md"
    respelt.write_text(seed.replace("Fifty-Second Annual Session", "Fifty Second Annual Session"), encoding="utf-8")
    monkeypatch.chdir(library)
    draft = import_document(respelt, name="spaced-52").draft
    assert "  enacting: The Asian-African Legal Consultative Organization at its Fifty Second Annual Session\n" in (
        draft.read_text(encoding="utf-8")
    )
    result = runner.invoke(app, ["new", "drafts/spaced-52.yaml", "--session", "53"])
    assert result.exit_code == 0, result.output
    text = (library / "drafts" / "spaced-53.yaml").read_text(encoding="utf-8")
    line = 1 + text.splitlines().index(
        "  enacting: The Asian-African Legal Consultative Organization at its Fifty Second Annual Session"
    )
    assert (
        f"  to fill in: drafts/spaced-53.yaml:{line} names the 52nd session literally ('Fifty Second'); "
        "use {{ session.ordinal_title }} or check it\n"
    ) in result.output


def test_an_old_sessions_ordinal_is_hinted_as_the_new_session_where_the_draft_meets_and_the_previous_where_it_adopted(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every literal ordinal of the 52nd session was hinted "use {{ session.previous… }}", though the
    # enacting formula "at its Fifty Second Annual Session" and the views "expressed at its 52nd
    # Annual Session" are the draft's own session, in the 53rd session's draft the 53rd.
    seed = (CORPUS / "seeds" / "aalco-52-res-s8-2013.md").read_text(encoding="utf-8")
    respelt = tmp_path / "aalco-52-res-s8-2013.md"
    respelt.write_text(seed.replace("Fifty-Second Annual Session", "Fifty Second Annual Session"), encoding="utf-8")
    monkeypatch.chdir(library)
    draft = import_document(respelt, name="spaced-52").draft
    recalling = "    text: its resolution on this item adopted at its Fifty Second Annual Session"
    noting = "    text: the views expressed at its 52nd Annual Session"
    text = draft.read_text(encoding="utf-8")
    assert "\npreamble:\n" in text
    text = text.replace("\npreamble:\n", f"\npreamble:\n  - opening: Recalling\n{recalling}\n  - opening: Noting\n{noting}\n")
    draft.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["new", "drafts/spaced-52.yaml", "--session", "53"])
    assert result.exit_code == 0, result.output
    lines = (library / "drafts" / "spaced-53.yaml").read_text(encoding="utf-8").splitlines()
    enacting = 1 + lines.index("  enacting: The Asian-African Legal Consultative Organization at its Fifty Second Annual Session")
    told = "  to fill in: drafts/spaced-53.yaml:{} names the 52nd session literally ({!r}); use {{{{ {} }}}} or check it\n"
    assert told.format(enacting, "Fifty Second", "session.ordinal_title") in result.output, result.output
    assert told.format(1 + lines.index(noting), "52nd", "session.ordinal_figure") in result.output, result.output
    assert told.format(1 + lines.index(recalling), "Fifty Second", "session.previous.ordinal_title") in result.output, (
        result.output
    )


def test_an_adopted_texts_own_closing_formula_is_left_out_of_the_next_draft(library: Path) -> None:
    """The closing formula of an adopted text records its adoption: rolled into the next session's
    draft it put "Adopted this 14th day of September, 2006" under a text not yet adopted."""
    draft = library / "drafts" / "aipo-27.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "\nstatus: adopted\n" in text
    closing = '  closing: "Adopted this 14th day of September, 2006 in Cebu City, Philippines."\n'
    draft.write_text(text.replace("formulas:\n", "formulas:\n" + closing), encoding="utf-8")
    rolled = roll_forward(draft, 28)
    assert "closing" not in rolled.text and "\nformulas:\n" in rolled.text, "the transition formula stays"
    assert rolled.dropped[-1] == (
        "formulas.closing (was Adopted this 14th day of September, 2006 in Cebu City, Philippines.): the new text is a draft"
    )
    assert not any("literally" in note and "2006" in note for note in rolled.placeholders), "no note on a line left out"


def test_a_rolled_draft_names_where_it_cites_the_text_before_the_one_it_continues(library: Path, tmp_path: Path) -> None:
    """The 79th session's text on the Convention on Biological Diversity opens "Recalling its
    resolution 78/155 of 19 December 2023"; rolled to the 80th it kept that, where the 80th
    session's text recalls 79/208. `new` says where, and lint warns until it is mended."""
    for symbol in ("A/RES/78/155", "A/RES/79/208"):
        import_document(ga_text(tmp_path, symbol), start=library)
    rolled = roll_forward(library / "drafts" / "a-res-79-208.yaml", 80, library / "drafts" / "cbd-80.yaml")
    assert rolled.checks == (
        "preamble paragraph 1 cites “78/155 of 19 December 2023” (a-res-78-155, the text a-res-79-208 continued); "
        "the 80th-session text recalls 79/208 of 19 December 2024",
        "preamble paragraphs 8, 14, 34 and 36; operative paragraphs 3, 12, 14, 19 and 47 name 2024, the year of "
        "a-res-79-208, or 2025, the year after; most such paragraphs change in the next text",  # ("the 2025 … Conference")
        "footnote 22 cites a document of the 79th session (“A/79/273”): a text considers the new session's report, "
        "of another number; most such citations change in the next text",  # (the Executive Secretary's report: A/80/… next)
    )
    rolled.path.write_text(rolled.text, encoding="utf-8")
    (finding,) = [f for f in lint(str(rolled.path)).findings if f.rule == "previous-resolution"]
    assert (finding.severity, finding.paragraph, finding.hint) == (
        "warning",
        "preamble paragraph 1",
        "cite 79/208 of 19 December 2024 instead, or after it where the paragraph lists the item's resolutions",
    )
    assert finding.message.startswith("“78/155 of 19 December 2023” cites a-res-78-155 (A/RES/78/155), the text a-res-79-208")
    # Mended: the first paragraph given as the 80th session's text recalls it.
    text = rolled.text.replace(
        "  - unga.recalling-resolution-78-155-19-december\n",
        "  - opening: Recalling\n    text: its resolution 79/208 of 19 December 2024 and its previous resolutions "
        "relating to the Convention on Biological Diversity[^1]\n",
        1,
    )
    assert text != rolled.text
    rolled.path.write_text(text, encoding="utf-8")
    assert not [f for f in lint(str(rolled.path)).findings if f.rule == "previous-resolution"]


def test_rolling_a_draft_another_continues_already_points_to_that_one(library: Path) -> None:
    """aalco-50 rolled on while aalco-52 continues it: the new draft missed all that the 52nd
    session changed, and nothing said so."""
    rolled = roll_forward(library / "drafts" / "aalco-50.yaml", 54)
    assert rolled.checks[0].startswith(
        "aalco-52 continues aalco-50 already: roll it on instead, to keep what it changed (resdraft new "
    )
    assert rolled.checks[0].endswith("aalco-52.yaml --session 54)")
    assert not [c for c in roll_forward(library / "drafts" / "aalco-52.yaml", 53).checks if "already" in c]
    # aalco-53 continues aalco-52 too, of the session asked for: no later text to roll on, but a
    # second draft of that session's text beside it is said (it was written without a word).
    out = library / "drafts" / "aalco-53-again.yaml"
    assert [c for c in roll_forward(library / "drafts" / "aalco-52.yaml", 53, out).checks if "already" in c] == [
        "aalco-53 continues aalco-52 for the same session already: this is a second draft of it (resdraft diff "
        f"{os.path.relpath(library / 'drafts' / 'aalco-53.yaml')} {os.path.relpath(out)} shows how they differ)"
    ]


def test_rolling_an_older_draft_onto_the_file_the_later_one_was_rolled_to_is_refused_naming_it(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From an outside audit: a-res-78-85 rolled to the 80th session where the draft rolled on from
    a-res-79-98 (which continues it) stood, edited: `new` said only "output file already exists,
    pass --force", and --force replaced the edited draft with one rolled from the stale text."""
    monkeypatch.chdir(library)
    assert runner.invoke(app, ["new", "drafts/aalco-52.yaml", "--session", "54"]).exit_code == 0
    rolled = library / "drafts" / "aalco-54.yaml"
    edited = rolled.read_text(encoding="utf-8") + "# edited by hand\n"
    rolled.write_text(edited, encoding="utf-8")
    result = runner.invoke(app, ["new", "drafts/aalco-50.yaml", "--session", "54"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(
        f"{os.path.join('drafts', 'aalco-54.yaml')}: output file already exists, and aalco-52 continues aalco-50 already"
    )
    assert "roll that on instead: resdraft new drafts/aalco-52.yaml --session 54" in result.stderr
    assert rolled.read_text(encoding="utf-8") == edited


def test_a_list_of_the_items_resolutions_is_named_by_its_latest(library: Path, tmp_path: Path) -> None:
    """A/RES/78/113 recalls "its resolutions 64/117 of 16 December 2009, … 75/142 of 15 December
    2020, 76/118 of 9 December 2021 and 77/111 of 7 December 2022". Rolled on alone, `new` named
    75/142, the first of the sessions before, and lint said to cite 78/113 after it, in the
    middle of the list; the text before 78/113 is 77/111, which 78/113 follows at the list's end."""
    draft = import_document(ga_text(tmp_path, "A/RES/78/113"), start=library).draft
    rolled = roll_forward(draft, 79)
    assert rolled.checks[0] == (
        "preamble paragraph 2 cites “77/111 of 7 December 2022”, a resolution of a session before a-res-78-113's; "
        "the 79th-session text recalls 78/113 of 7 December 2023"
    )


def test_a_text_imported_alone_is_told_where_it_cites_the_sessions_before(library: Path, tmp_path: Path) -> None:
    """A/RES/78/228 imported without 76/186, the text it continued: rolled to the 80th session, it
    said nothing of the paragraph that lists the item's resolutions, where the new text recalls
    78/228. The first paragraph citing a resolution shaped like its own symbol, of the three
    sessions before, is named, and so is each paragraph after it citing that resolution again
    ("reiterates its decision, in its resolution 76/186, to convene …"); lint warns there alone
    (other paragraphs cite other items' texts). (The library's text before it on the item,
    unga-64, has no symbol to look for.)"""
    draft = import_document(ga_text(tmp_path, "A/RES/78/228"), start=library).draft
    rolled = roll_forward(draft, 80)
    assert rolled.checks == (
        "preamble paragraph 10 cites “76/186 of 16 December 2021”, a resolution of a session before a-res-78-228's; "
        "the 80th-session text recalls 78/228 of 19 December 2023",
        "operative paragraph 5 cites “76/186”, a resolution of a session before a-res-78-228's; "
        "the 80th-session text recalls 78/228 of 19 December 2023",
        "preamble paragraphs 14, 23 and 41; operative paragraphs 12 and 31 name 2023, the year of a-res-78-228, or 2024, "
        "the year after; most such paragraphs change in the next text",  # ("the next such report, … in 2024")
        "operative paragraph 33 names the 82nd session, as many sessions on as a-res-78-228 named the 80th: "
        "right for a report asked for every second or third session; a meeting or report set for a session keeps its number",
        "footnotes 28, 29, 30 and 31 cite documents of the 78th session (“A/78/119”, …): a text considers the new "
        "session's report, of another number; most such citations change in the next text",
        "style (punctuation): a-res-78-228's own settings, not unga-64's, kept; remove those the 80th-session text does not follow",
    )
    rolled.path.write_text(rolled.text, encoding="utf-8")
    found = [(f.paragraph, f.hint) for f in lint(str(rolled.path)).findings if f.rule == "previous-resolution"]
    hint = "cite 78/228 of 19 December 2023 after it, where the paragraph lists the item's resolutions, or instead of it"
    assert found == [("preamble paragraph 10", hint), ("operative paragraph 5", hint)]
    assert not [f for f in lint(str(draft)).findings if f.rule == "previous-resolution"]  # (adopted: nothing to mend)


def test_a_text_imported_alone_is_told_each_paragraph_citing_the_text_it_guessed_again(library: Path, tmp_path: Path) -> None:
    """A/RES/78/69 recalls 77/248 in preamble paragraph 1 and again in paragraph 33 ("most recently
    in resolution 77/248"), where 79/144 cites 78/69: rolled on alone, `new` named paragraph 1 only."""
    draft = import_document(ga_text(tmp_path, "A/RES/78/69"), start=library).draft
    named = [c.split(" cites ")[0] for c in roll_forward(draft, 79).checks if " cites “77/248" in c]
    assert named == ["preamble paragraph 1", "preamble paragraph 33"]


def test_a_rolled_draft_names_the_footnotes_citing_the_old_sessions_documents(library: Path, tmp_path: Path) -> None:
    """A/RES/78/22's footnote 4 cites the Secretary-General's report A/78/268, where 79/23 cites
    A/79/224: rolled on, `new` said nothing of it (from an outside audit: 30 such symbols in 24
    footnotes of 15 of 30 pairs went unnamed)."""
    draft = import_document(ga_text(tmp_path, "A/RES/78/22"), start=library).draft
    assert [c for c in roll_forward(draft, 79).checks if "document" in c] == [
        "footnote 4 cites a document of the 78th session (“A/78/268”): a text considers the new session's report, "
        "of another number; most such citations change in the next text"
    ]


def test_a_rolled_draft_names_the_paragraphs_naming_the_year_after_the_old_texts(library: Path, tmp_path: Path) -> None:
    """A/RES/78/62 (2023) has the Disarmament Commission meet "during 2024, namely from 1 to 19
    April" (operative paragraph 8); rolled to the 80th session, `new` named the paragraphs naming
    2023 only, where the 79th session's text (79/72) names 2025 there."""
    draft = import_document(ga_text(tmp_path, "A/RES/78/62"), start=library).draft
    named = [c for c in roll_forward(draft, 80).checks if "the year" in c]
    assert named == [
        "operative paragraphs 6, 8, 9 and 10 name 2023, the year of a-res-78-62, or 2024, the year after; "
        "most such paragraphs change in the next text"
    ]


def test_a_rolled_draft_names_the_footnotes_keeping_the_old_session_and_lint_warns_there(library: Path, tmp_path: Path) -> None:
    """A/RES/78/202's footnotes 11 and 28 give where Human Rights Council resolutions 52/13 and
    54/15 are printed, the Official Records of the 78th session: import keeps them as written, and
    rolled to the 79th nothing said so. `new` names them, and lint warns there."""
    draft = import_document(ga_text(tmp_path, "A/RES/78/202"), start=library).draft
    rolled = roll_forward(draft, 79)
    assert [c for c in rolled.checks if c.startswith("footnotes 11")] == [
        "footnotes 11 and 28 name the 78th session as written (“Seventy-eighth Session”): right for a resolution printed in "
        "that session's records; the report a text considers is the 79th session's"
    ]
    rolled.path.write_text(rolled.text, encoding="utf-8")
    found = [f for f in lint(str(rolled.path)).findings if f.rule == "session-literal"]
    said = "“Seventy-eighth Session” names the seventy-eighth (78th) session, a-res-78-202's, as written"
    assert [(f.paragraph, f.message) for f in found] == [
        ("preamble paragraph 1, footnote [^fn11]", said),
        ("operative paragraph 24, footnote [^fn1]", said),
    ]
    assert not [f for f in lint(str(draft)).findings if f.rule == "session-literal"]  # (the 78th's own text: nothing left)


def test_a_draft_without_the_text_before_its_previous_one_has_nothing_to_check(library: Path) -> None:
    assert roll_forward(library / "drafts" / "aalco-52.yaml", 53).checks == (  # (aalco-52 recalls no resolution of the 50th)
        "subtitle “(Non-Deliberated)” says how the 52nd session took the item; the 53rd session may take it otherwise",
        "style (emphasis): aalco-52's own settings, not aalco-50's, kept; remove those the 53rd-session text does not follow",
    )
    assert roll_forward(library / "drafts" / "aipo-26.yaml", 27).checks == (  # (no citation: nothing before aipo-26)
        "style (numbering) and header (organization): aipo-26's own settings, kept; "
        "remove those the 27th-session text does not follow",
    )
    assert roll_forward(library / "drafts" / "aipo-27.yaml", 28).checks == (
        "preamble paragraph 2 cites “26GA/2005/Soc/03” (aipo-26, the text aipo-27 continued); "
        "the 28th-session text recalls 27GA/06/SOC/01",
        "preamble paragraph 2 names 2006, the year of aipo-27; most such paragraphs change in the next text",  # ("in July 2006")
        "style (punctuation, emphasis), formulas (enacting, transition) and header (assembly): aipo-27's own settings, "
        "not aipo-26's, kept; remove those the 28th-session text does not follow",
    )


def test_a_setting_the_draft_before_had_too_is_not_named_for_checking(library: Path) -> None:
    """aalco-52 sets its preamble's openings plain, what the 2013 text did alone; `new` kept it in the
    53rd session's draft without a word. Named, unless the draft before had the same setting (a
    standing practice, not one year's)."""
    before = library / "drafts" / "aalco-50.yaml"
    text = before.read_text(encoding="utf-8")
    assert "\nstyle:" not in text
    before.write_text(text.replace("\npreamble:", "\nstyle:\n  emphasis: {preambular: none}\npreamble:", 1), encoding="utf-8")
    assert not [c for c in roll_forward(library / "drafts" / "aalco-52.yaml", 53).checks if "own settings" in c]


def test_a_draft_rolled_on_before_its_placeholders_are_filled_asks_for_the_new_sessions_facts(library: Path) -> None:
    """aalco-53 still has its placeholders; rolled to the 54th, each hint came out nested
    ("symbol of the 54th-session document (was {'tbd': 'symbol of the 53rd-session document (was …)'})"),
    and the placeholder's own words were named as a line writing the 53rd session out."""
    rolled = roll_forward(library / "drafts" / "aalco-53.yaml", 54)
    assert rolled.placeholders == (
        "symbol: symbol of the 54th-session document (was AALCO/RES/52/S 8)",
        "date: date of the 54th-session document (was 12 September 2013)",
        "venue: venue of the 54th-session document (was New Delhi, India)",
        "variables.secretariat_document: secretariat document for the 54th session "
        "(was AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8)",
    )
    assert "symbol: {tbd: symbol of the 54th-session document (was AALCO/RES/52/S 8)}\n" in rolled.text
    assert "53rd" not in rolled.text.split("\nbody:")[1]


def test_a_symbol_naming_the_old_session_goes_stale_without_the_year(library: Path) -> None:
    """Without the draft's date and the symbol's "/2013", "AALCO/52/…" was carried into the 53rd
    session's draft as it was, and nothing was named to fill in: the session part of a symbol
    stands after a slash, where a resolution's own number stands too ("A/RES/64/52")."""
    draft = library / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "\ndate: 2013-09-12\n" in text and "(NEW DELHI)/2013/S 8" in text
    draft.write_text(
        text.replace("\ndate: 2013-09-12\n", "\n").replace("(NEW DELHI)/2013/S 8", "(NEW DELHI)/S 8"), encoding="utf-8"
    )
    rolled = roll_forward(draft, 53)
    assert (
        "variables.secretariat_document: secretariat document for the 53rd session "
        "(was AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/S 8)" in rolled.placeholders
    )
    assert "\n  secretariat_document: AALCO/52/" not in rolled.text
    # A number after the session's that equals the old session is no mention of it.
    old = "AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8"
    draft.write_text(text.replace("\ndate: 2013-09-12\n", "\n").replace(old, "A/RES/64/52"), encoding="utf-8")
    assert not any(p.startswith("variables.") for p in roll_forward(draft, 53).placeholders)


def test_a_placeholder_in_the_users_own_words_is_kept_as_it_is(library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace("\nvenue: New Delhi, India\n", "\nvenue: {tbd: the host country's capital}\n"), encoding="utf-8"
    )
    rolled = roll_forward(draft, 53)
    assert "\nvenue: {tbd: the host country's capital}\n" in rolled.text
    assert "venue: the host country's capital" in rolled.placeholders


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  - aalco.decides-provisional-agenda\n", "  - aalco.decides-provisonal-agenda\n"),  # a clause id mistyped
        ("variables:\n  secretariat_document: AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8\n", ""),  # a variable gone
        ("previous: aalco-50\n", "previous: aalco-52\n"),  # a draft that continues itself
    ],
)
def test_a_draft_that_does_not_build_is_not_rolled_forward(library: Path, old: str, new: str) -> None:
    """`new` rolled a draft `build` refuses forward with exit 0, copying the mistake into the new
    draft; it now fails as `build` does, with the same messages, and writes nothing."""
    draft = library / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8")
    assert old in text
    draft.write_text(text.replace(old, new), encoding="utf-8")
    built = runner.invoke(app, ["build", str(draft)])
    out = library / "drafts" / "aalco-53-new.yaml"
    rolled = runner.invoke(app, ["new", str(draft), "--session", "53", "-o", str(out)])
    assert (built.exit_code, rolled.exit_code) == (1, 1), rolled.output
    assert rolled.output == built.output and "Traceback" not in rolled.output
    assert not out.exists()


def test_a_council_resolution_rolls_on_to_the_next_year_and_asks_for_its_number(library: Path) -> None:
    # The Council numbers no sessions (`sessions: years`): the 2011 draft after S/RES/1919 (2010) was
    # "for the 2011th session", and kept the heading "Resolution 1919 (2010)".
    import_document(CORPUS / "unsc-unmis" / "UNSC_S-RES-1919-2010_sudan-unmis.txt", start=library)
    rolled = roll_forward(library / "drafts" / "s-res-1919-2010.yaml", 2011)
    # 1919 is a press release's copy and prints no date, so the 2011 draft had no date line, and its
    # masthead no rule (the rule is the date line's): the new text needs a date all the same.
    assert rolled.placeholders == (
        "symbol: symbol of the 2011 document (was S/RES/1919 (2010))",
        "date: date of the 2011 document",
        "title: Resolution NNNN (2011), its number once adopted (was Resolution 1919 (2010))",
    )
    assert rolled.text.startswith("# Draft for 2011, rolled forward from s-res-1919-2010 by `resdraft new`.\n")
    assert "\nsession: 2011\nprevious: s-res-1919-2010\nstatus: draft\ndate: {tbd: date of the 2011 document}\n" in rolled.text
    assert "2011th" not in rolled.text
    assert rolled.path.name == "unsc-2011-after-s-res-1919-2010.yaml"  # (not "s-res-1919-2011", a symbol it will not have)
    # Its "1894 (2009)" is a thematic resolution: the Council's citations are not guessed. Its year,
    # as in "the report … dated 5 April 2010", is looked for; "1919 (2010)" cites a resolution.
    assert rolled.checks == (
        "preamble paragraph 3; operative paragraphs 1, 3, 7 and 19 name 2010, the year of s-res-1919-2010, or 2011, the "
        "year after; most such paragraphs change in the next text",  # ("until 30 April 2011", "the referenda in 2011")
    )


def test_how_the_council_voted_is_not_carried_into_the_next_years_draft(library: Path) -> None:
    # 1590 was "Adopted unanimously": the next text is a draft, and its vote is not known yet.
    import_document(CORPUS / "unsc-unmis" / "UNSC_S-RES-1590-2005_sudan-unmis.txt", start=library)
    rolled = roll_forward(library / "drafts" / "s-res-1590-2005.yaml", 2006)
    assert "vote (was unanimously): the new text is a draft" in rolled.dropped
    assert "vote:" not in rolled.text and "unanimously" not in rolled.text


def test_a_draft_without_a_date_gets_one_to_fill_in_only_where_its_masthead_prints_one(library: Path) -> None:
    # AIPO's masthead prints no date (its closing says the day once adopted): aipo-26 has none and
    # its successor is not asked for one.
    rolled = roll_forward(library / "drafts" / "aipo-26.yaml", 27)
    assert "\ndate:" not in rolled.text
    assert not any(note.startswith("date:") for note in rolled.placeholders)


def test_a_draft_named_by_its_symbol_rolls_into_one_named_by_its_title(library: Path, tmp_path: Path) -> None:
    # A/RES/78/228 rolled to the 80th session was written as a-res-80-228.yaml: the name of a symbol
    # the new text will not have. A draft named otherwise keeps its name, the session changed.
    draft = import_document(ga_text(tmp_path, "A/RES/78/228"), start=library).draft
    assert roll_forward(draft, 80).path == library / "drafts" / "unga-80-improving-coordination-efforts-against-trafficking.yaml"
    assert roll_forward(library / "drafts" / "aalco-52.yaml", 53).path == library / "drafts" / "aalco-53.yaml"


def test_a_council_resolution_rolls_on_within_its_year_but_not_back(library: Path) -> None:
    # The Council renewed UNMIS three times in 2006 (1706, 1709, 1714): `new --session 2006` from
    # 1709 was refused, "the new session (2006) must come after this draft's (2006)".
    draft = import_document(CORPUS / "unsc-unmis" / "UNSC_S-RES-1709-2006_sudan-unmis.txt", start=library).draft
    rolled = runner.invoke(app, ["new", str(draft), "--session", "2006"])
    assert rolled.exit_code == 0, rolled.output
    text = (library / "drafts" / "unsc-2006-after-s-res-1709-2006.yaml").read_text(encoding="utf-8")
    assert "\nsession: 2006\nprevious: s-res-1709-2006\nstatus: draft\n" in text
    assert "date: {tbd: date of the 2006 document (was 22 September 2006)}" in text
    assert "the year of" not in rolled.output  # (the year is the new text's too)
    back = runner.invoke(app, ["new", str(draft), "--session", "2005"])
    assert back.exit_code == 1 and "Traceback" not in back.output
    assert "the new year (2005) must not come before this draft's (2006)" in back.output
    assert "hint: pass this year or a later one, e.g. --session 2006" in back.output


def test_a_session_the_old_text_named_as_to_come_is_named_where_the_new_session_reaches_it(library: Path, tmp_path: Path) -> None:
    """A/RES/78/228 asks for its report "at its eightieth session". Written out (as an import before
    sessions two on were Jinja wrote it), it read so in the 80th session's draft, and neither `new`
    nor lint said a word; written as Jinja, it moves to the 82nd, which is right for a report every
    second session. (The high-level meeting operative paragraph 5 sets for the 80th, "no later than
    December 2025", is written out, dated by its year.)"""
    draft = import_document(ga_text(tmp_path, "A/RES/78/228"), start=library).draft
    rolled = roll_forward(draft, 80)
    assert rolled.checks[-3] == (  # (then the footnotes citing the 78th session's documents, and the draft's own style)
        "operative paragraph 33 names the 82nd session, as many sessions on as a-res-78-228 named the 80th: "
        "right for a report asked for every second or third session; a meeting or report set for a session keeps its number"
    )
    clauses = library / "clauses" / "imported" / "a-res-78-228.yaml"
    clauses.write_text(clauses.read_text(encoding="utf-8").replace("{{ session.next.next.ordinal }}", "eightieth"), "utf-8")
    rolled = roll_forward(draft, 80)
    assert [note for note in rolled.checks if "80th session as written" in note] == [
        "operative paragraph 33 names the 80th session as written (“eightieth session”), a session to come in "
        "a-res-78-228 but not in the 80th session's text: a report or meeting set for it is due at a later session now, "
        "or the words go"
    ]
    assert not any("82nd" in note for note in rolled.checks)
    assert not [n for n in roll_forward(draft, 79).checks if "as written" in n]  # (the 80th is still to come at the 79th)
    rolled.path.write_text(rolled.text, encoding="utf-8")
    findings = [f for f in lint(str(rolled.path)).findings if f.rule in ("session-passed", "session-literal")]
    assert [(f.rule, f.paragraph) for f in findings] == [("session-passed", "operative paragraph 33")]
    assert findings[0].message == (
        "“eightieth session” names the eightieth (80th) session, a session to come in a-res-78-228 "
        "but not in this text for the eightieth (80th)"
    )
    assert findings[0].hint == (
        "where it comes round every second session, write {{ session.next.next.ordinal }} (eighty-second at this session); "
        "where it names a meeting or report set for that session, reword or drop it"
    )


def test_a_subtitle_saying_how_the_session_took_the_item_is_named_for_checking(library: Path) -> None:
    """aalco-52's "(Non-Deliberated)" says the 52nd session did not deliberate the item; `new` carried
    it into the 53rd session's draft as a fact. It is kept (the next session may well not deliberate
    it either), and named among what to check."""
    result = runner.invoke(app, ["new", str(library / "drafts" / "aalco-52.yaml"), "-s", "53", "-o", str(library / "a.yaml")])
    assert result.exit_code == 0, result.output
    assert (
        "  to check: subtitle “(Non-Deliberated)” says how the 52nd session took the item; "
        "the 53rd session may take it otherwise\n"
    ) in result.output
    assert "\nsubtitle: (Non-Deliberated)\n" in (library / "a.yaml").read_text(encoding="utf-8")
    draft = library / "drafts" / "aalco-52.yaml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("subtitle: (Non-Deliberated)\n", ""), encoding="utf-8")
    assert not any("subtitle" in note for note in roll_forward(draft, 53).checks)
