"""Every user error: exit code 1, `file:line` and a `hint:`, no traceback, and nothing written.

Each case breaks one thing in a fresh copy of the example library and drives the real CLI.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import ga_text
from resdraft.cli import app

ROOT = Path(__file__).parents[1]
DRAFT = "drafts/aalco-52.yaml"
CLAUSES = "clauses/aalco-trafficking.yaml"
TEMPLATE = "templates/aalco/resolution.md.j2"

runner = CliRunner()


# ---------------------------------------------------------------- helpers


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example library, as the current folder, with an empty out/ folder."""
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy2(ROOT / "resdraft.yaml", root / "resdraft.yaml")
    for folder in ("clauses", "drafts", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "out").mkdir()
    monkeypatch.chdir(root)
    return root


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in a file; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur exactly once in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def append(path: Path, line: str) -> int:
    """Add a line at the end of a file; return its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first occurrence of `needle` in a file."""
    text = path.read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {path}"
    return text[: text.index(needle)].count("\n") + 1


def build(lib: Path, draft: str = DRAFT, *extra: str) -> tuple[Result, Path]:
    target = lib / "out" / "resolution.md"
    return runner.invoke(app, ["build", draft, "-o", "out/resolution.md", *extra]), target


def assert_user_error(result: Result) -> None:
    """Exit code 1 from a handled user error: a hint, and no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), f"unhandled {result.exception!r}\n{result.output}"
    assert "Traceback" not in result.output, result.output
    assert "hint:" in result.output, result.output


def assert_nothing_written(target: Path) -> None:
    assert not target.exists(), f"{target} was written"
    stray = sorted(p.name for p in target.parent.glob(".*.part"))
    assert stray == [], f"temporary files left behind: {stray}"


def refused(lib: Path, draft: str = DRAFT) -> tuple[str, str]:
    """Build `draft`: a user error, with nothing written, and `check` fails too. Both outputs."""
    result, target = build(lib, draft)
    assert_user_error(result)
    assert_nothing_written(target)
    check = runner.invoke(app, ["check"])
    assert check.exit_code == 1, check.output
    return result.output, check.output


# ---------------------------------------------------------------- YAML syntax


def test_a_file_without_an_extension_is_refused_in_plain_words(tmp_path: Path) -> None:
    # `resdraft parse /dev/stdin` said "cannot read files without an extension documents".
    path = tmp_path / "resolution"
    path.write_text("The Security Council,\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path)])
    assert_user_error(result)
    assert f"{path}: cannot read a file without an extension: its name does not say what kind of document it is" in (
        result.output
    )


def test_malformed_yaml_in_draft_names_draft_file_and_line(lib: Path) -> None:
    line = edit(lib / DRAFT, "venue: New Delhi, India", "venue: New Delhi: India")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: invalid YAML" in result.output
    assert_nothing_written(target)


def test_malformed_yaml_in_clause_file_names_clause_file_and_line(lib: Path) -> None:
    line = edit(lib / CLAUSES, "text: the various forms of trafficking", "text: the various forms: of trafficking")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{CLAUSES}:{line}: invalid YAML" in result.output
    assert_nothing_written(target)


def test_a_broken_clause_file_stops_the_drafts_that_use_it_and_is_named_for_their_clauses(lib: Path) -> None:
    # A broken unga clause file stopped the build of an AALCO draft, and `check` followed its YAML
    # error with an "unknown clause id … did you mean" for each clause of the file a draft uses.
    broken = "clauses/unga-trafficking.yaml"
    line = edit(
        lib / broken,
        "    opening: Recalling\n    text: >-\n      its resolution 63/194",
        "    opening: Recalling: x\n    text: >-\n      its resolution 63/194",
    )
    result, target = build(lib)
    assert result.exit_code == 0, result.output
    assert target.is_file()
    result, target = build(lib, "drafts/unga-64.yaml", "--force")
    assert_user_error(result)
    assert f"{broken}:{line}: invalid YAML" in result.output
    checked = runner.invoke(app, ["check"])
    assert checked.exit_code == 1
    assert f"{broken}:{line}: invalid YAML" in checked.output
    assert "unknown clause id" not in checked.output
    assert (
        "drafts/unga-64.yaml:31: clause 'unga.recalling-resolution-coordination' is in clauses/unga-trafficking.yaml,"
        " which could not be read\n  hint: fix that file first (its error is above)"
    ) in checked.output


@pytest.mark.parametrize("which", ["draft", "clauses"])
def test_a_file_saved_as_windows_1252_names_the_line_of_its_first_such_character(lib: Path, which: str) -> None:
    # Curly quotes pasted from Word and saved by an editor in the Windows code page.
    path = lib / (DRAFT if which == "draft" else CLAUSES)
    text = path.read_text(encoding="utf-8")
    line = line_of(path, "“") if "“" in text else append(path, "# “quoted”")
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    result, target = build(lib)
    assert_user_error(result)
    assert f"{path.relative_to(lib)}:{line}: not UTF-8 text (byte 0x93" in result.output
    assert "save the file as UTF-8" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize("character", ["\x0c", "\x00"])
def test_a_control_character_in_a_clause_names_its_line(lib: Path, character: str) -> None:
    # A form feed (or a NUL) pasted in with text copied from a PDF: PyYAML names a character
    # position, not a line.
    line = edit(lib / CLAUSES, "text: the various forms of trafficking", f"text: the various{character} forms of trafficking")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{CLAUSES}:{line}: invalid YAML: character U+{ord(character):04X} is not allowed" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("file", "line_start", "escape", "character"),
    [
        (DRAFT, "title: RESOLUTION", "\\0", "\x00"),  # (Word output stopped with a traceback: document properties refuse it)
        (DRAFT, "title: RESOLUTION", "\\uFFFE", "\ufffe"),
        (CLAUSES, "text: the various", "\\x0c", "\x0c"),  # (dropped from the Word file, kept in Markdown)
    ],
)
def test_a_control_character_written_as_an_escape_names_its_line(
    lib: Path, file: str, line_start: str, escape: str, character: str
) -> None:
    # The file holds only printable characters; the quoted text's escape makes one no document can hold.
    path = lib / file
    text = path.read_text(encoding="utf-8")
    name = line_start.split(":")[0]
    at = text.index(line_start) + len(name) + 2
    value = text[at : text.index("\n", at)]
    line = edit(path, f"{name}: {value}", f'{name}: "{value[:3]}{escape}{value[3:]}"')
    output, _ = refused(lib)
    assert f"{file}:{line}: invalid text: character U+{ord(character):04X}, written as an escape" in output
    assert "delete the escape" in output


def test_unclosed_quote_in_draft_names_the_line_where_the_quote_opens(lib: Path) -> None:
    line = edit(lib / DRAFT, "title: RESOLUTION ON", 'title: "RESOLUTION ON')
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: invalid YAML" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        (DRAFT, "  - aalco.noting-member-state-efforts", "\t- aalco.noting-member-state-efforts"),  # a list item
        (DRAFT, "  secretariat_document:", "\tsecretariat_document:"),  # a mapping's key
        (CLAUSES, "    kind: operative\n    opening: Decides", "\tkind: operative\n    opening: Decides"),  # in a clause
    ],
    ids=["list item", "variable", "clause field"],
)
def test_a_tab_indenting_a_line_is_named_as_a_tab_at_its_line(lib: Path, file: str, old: str, new: str) -> None:
    # PyYAML says "found character that cannot start any token" (or "a tab character that
    # violates indentation", at the line before): not that YAML indents with spaces only.
    line = edit(lib / file, old, new)
    result, target = build(lib)
    assert_user_error(result)
    assert f"{file}:{line}: invalid YAML: a tab in the indentation (YAML indents with spaces)" in result.output
    assert "hint: replace the tab with spaces" in result.output
    assert_nothing_written(target)


def test_duplicate_key_in_one_mapping_is_refused_with_both_lines(lib: Path) -> None:
    first = line_of(lib / DRAFT, "venue:")
    line = append(lib / DRAFT, "venue: Colombo, Sri Lanka")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: duplicate key 'venue' (first given on line {first})" in result.output
    assert_nothing_written(target)


# ---------------------------------------------------------------- drafts


def test_unknown_clause_id_suggests_the_closest_id(lib: Path) -> None:
    line = edit(lib / DRAFT, "  - aalco.decides-provisional-agenda", "  - aalco.decides-provisonal-agenda")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: unknown clause id 'aalco.decides-provisonal-agenda'" in result.output
    assert "did you mean aalco.decides-provisional-agenda?" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize("lines", [1, 2])
def test_a_list_item_indented_further_than_the_others_is_named_at_its_line(lib: Path, lines: int) -> None:
    # YAML runs a plain item on over the more-indented lines after it: the two ids read as one,
    # "aalco.convinced-… - aalco.noting-…", which was an unknown clause id "did you mean" the first.
    line = edit(lib / DRAFT, "  - aalco.noting-member-state-efforts", "   - aalco.noting-member-state-efforts")
    if lines == 2:
        edit(lib / DRAFT, "  - aalco.also-noting-forms-of-trafficking", "   - aalco.also-noting-forms-of-trafficking")
    result, target = build(lib)
    assert_user_error(result)
    where = f"line {line}" if lines == 1 else f"lines {line} to {line + 1}"
    assert f"{DRAFT}:{line}: the list item{'s' * (lines > 1)} on {where} of `preamble` " in result.output
    assert "indented further than the others, so YAML read" in result.output
    assert (
        "hint: line `- aalco.noting-member-state-efforts` up with `- aalco.convinced-eliminate-trafficking-smuggling`"
    ) in result.output
    assert "unknown clause id" not in result.output
    assert_nothing_written(target)


def test_preambular_clause_listed_under_operative_is_refused(lib: Path) -> None:
    line = edit(lib / DRAFT, "  - aalco.encourages-ratify-toc-protocol", "  - aalco.also-noting-forms-of-trafficking")
    result, target = build(lib)
    assert_user_error(result)
    assert (
        f"{DRAFT}:{line}: clause aalco.also-noting-forms-of-trafficking is preambular but is listed under `operative`"
    ) in result.output
    assert "hint: move it to `preamble`, or use an operative clause\n" in result.output
    assert_nothing_written(target)


def test_operative_clause_listed_under_preamble_is_refused(lib: Path) -> None:
    line = edit(lib / DRAFT, "  - aalco.acknowledging-national-legislation", "  - aalco.encourages-ratify-toc-protocol")
    result, target = build(lib)
    assert_user_error(result)
    assert (
        f"{DRAFT}:{line}: clause aalco.encourages-ratify-toc-protocol is operative but is listed under `preamble`\n"
        "  hint: move it to `operative`, or use a preambular clause\n"
    ) in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("clause", "key", "message"),
    [
        ("aalco.encourages-ratify-toc-protocol", "numbered: maybe", "numbered must be true or false, not 'maybe'"),
        ("aalco.encourages-ratify-toc-protocol", "label: II", "a label stands in place of a paragraph's number"),
        ("aalco.also-noting-forms-of-trafficking", "numbered: false", "only operative paragraphs are numbered"),
        ("aalco.encourages-ratify-toc-protocol", "number: 0", "number must be a whole number (1 or more), not 0"),
        ("aalco.encourages-ratify-toc-protocol", "number: first", "number must be a whole number (1 or more), not 'first'"),
        (
            "aalco.encourages-ratify-toc-protocol",
            "numbered: false, number: 1",
            "only a numbered operative paragraph takes a number",
        ),
        ("aalco.also-noting-forms-of-trafficking", "number: 1", "only a numbered operative paragraph takes a number"),
        (
            "aalco.encourages-ratify-toc-protocol",
            "heading: III",
            "heading takes the first numeral of its kind (I, A. …), not 'III'",
        ),
        ("aalco.encourages-ratify-toc-protocol", "heading: Part One", "heading takes the first numeral of its kind"),
        ("aalco.encourages-ratify-toc-protocol", "heading: null", "heading needs the first numeral of its kind"),
        ("aalco.encourages-ratify-toc-protocol", "heading: false", "or true for a heading without one"),
        ("aalco.also-noting-forms-of-trafficking", "heading: I", "only the operative part has section headings"),
        ("aalco.also-noting-forms-of-trafficking", "heading: true", "only the operative part has section headings"),
        (
            "aalco.encourages-ratify-toc-protocol",
            "heading: true, label: II",
            "`label:` beside `heading:`: a heading without a numeral has no label",
        ),
        (
            "aalco.encourages-ratify-toc-protocol",
            "heading: true, numbered: false",
            "`numbered:` beside `heading:`: a heading is not numbered",
        ),
        (
            "aalco.encourages-ratify-toc-protocol",
            "heading: I, label: II",
            "`label:` beside `heading:`: the count gives the numeral",
        ),
        (
            "aalco.encourages-ratify-toc-protocol",
            "heading: I, number: 1",
            "`number:` beside `heading:`: a heading takes no number",
        ),
        ("aalco.encourages-ratify-toc-protocol", "numbering: [(i), x]", "numbering label 'x' is not an example label"),
    ],
)
def test_a_paragraph_left_out_of_the_numbering_is_written_plainly(lib: Path, clause: str, key: str, message: str) -> None:
    # `numbered: false` (and a `label` in place of the number) only on an operative paragraph; `number:`
    # (where the numbering starts again) a whole number, only on a numbered operative paragraph;
    # `heading: I` (a section's heading, numbered in its kind's count) the first numeral of its
    # kind, or `heading: true` (one without a numeral), only in the operative part, with no label
    # or number beside it.
    line = edit(lib / DRAFT, f"  - {clause}", f"  - {{clause: {clause}, {key}}}")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: " in result.output and message in result.output
    assert_nothing_written(target)


def test_unknown_key_in_draft_suggests_the_right_key(lib: Path) -> None:
    line = append(lib / DRAFT, "sesion: 53")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: unknown key 'sesion'" in result.output
    assert "did you mean session?" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize("session", ["0", "-3"])
def test_a_session_below_one_is_named_at_its_line(lib: Path, session: str) -> None:
    # -3 was blamed on the body's stock template ("Cannot treat negative num -3 as ordinal"), and 0
    # built "at its Zeroth Annual Session".
    line = edit(lib / DRAFT, "session: 52", f"session: {session}")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: 'session' must be 1 or more, not {session}" in result.output
    assert "templates/" not in result.output
    assert_nothing_written(target)


def test_a_draft_header_line_the_body_has_not_suggests_its_lines(lib: Path) -> None:
    # AIPA's header block is organization, assembly and symbol: "asembly" is a typing slip.
    draft = "drafts/aipo-27.yaml"
    line = edit(lib / draft, "  assembly: ", "  asembly: ")
    result, target = build(lib, draft)
    assert_user_error(result)
    assert f"{draft}:{line}: header.asembly: aipa's header block has no 'asembly' line" in result.output
    assert "hint: did you mean assembly" in result.output
    assert_nothing_written(target)


def test_an_undefined_variable_in_a_draft_header_line_names_its_line(lib: Path) -> None:
    draft = "drafts/aipo-27.yaml"
    line = edit(lib / draft, '  assembly: "{{ session.ordinal_sup', '  assembly: "{{ sesion.ordinal_sup')
    result, target = build(lib, draft)
    assert_user_error(result)
    assert f"{draft}:{line}: undefined template variable: 'sesion' is undefined" in result.output
    assert_nothing_written(target)


def test_a_misspelt_attribute_of_the_session_names_what_a_session_has(lib: Path) -> None:
    # It said "undefined template variable: 'resdraft.model.Session object' has no attribute
    # 'ordnal'" and hinted "define it under `variables:`", which cannot define a session's attribute.
    draft = "drafts/aipo-27.yaml"
    line = edit(lib / draft, '  assembly: "{{ session.ordinal_sup', '  assembly: "{{ session.ordnal_sup')
    result, target = build(lib, draft)
    assert_user_error(result)
    assert f"{draft}:{line}: undefined template variable: a session has no 'ordnal_sup'" in result.output
    assert "hint: did you mean ordinal_sup" in result.output and ".previous, " in result.output
    assert "variables:" not in result.output
    assert_nothing_written(target)


def test_word_output_to_the_terminal_is_refused_before_building(lib: Path) -> None:
    result = runner.invoke(app, ["build", DRAFT, "--to", "docx"])
    assert_user_error(result)
    assert "error: Word output needs a file name\n  hint: pass -o FILE.docx" in result.output
    assert "PK" not in result.output


def test_missing_draft_file_is_named(lib: Path) -> None:
    result, target = build(lib, "drafts/aalco-99.yaml")
    assert_user_error(result)
    assert "drafts/aalco-99.yaml: no such file" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    "command",
    [
        ["build", "aalco-52", "-o", "out/resolution.md"],
        ["build", "aalco-52.yaml", "-o", "out/resolution.md"],
        ["new", "aalco-52", "--session", "53"],
        ["lint", "aalco-52"],
        ["diff", "aalco-50", DRAFT],
        ["parse", "aalco-52"],
        ["preview", "aalco-52", "-o", "out"],
    ],
    ids=" ".join,
)
def test_a_draft_named_as_clauses_usage_names_it_is_found_for_the_user(lib: Path, command: list[str]) -> None:
    # `resdraft clauses usage` lists drafts by name (aalco-52); given so, "no such file" alone left one guessing.
    result = runner.invoke(app, command)
    assert_user_error(result)
    name = next(arg for arg in command if arg.startswith("aalco-5"))
    assert f"{name}: no such file\n  hint: did you mean drafts/{name.removesuffix('.yaml')}.yaml?" in result.output
    assert list((lib / "out").iterdir()) == []


@pytest.mark.parametrize(
    ("command", "hint"),
    [
        (["parse", f"HEAD:{DRAFT}"], f"not at a git revision (REV:path is for diff and lint); {DRAFT} is the file as it is now"),
        (["import", f"HEAD:{DRAFT}"], f"not at a git revision (REV:path is for diff and lint); {DRAFT} is the file as it is now"),
        (["import", "x.txt"], "hint: check the path\n"),
        (["import", "aalco-52"], "hint: check the path\n"),  # (import takes documents, not drafts)
        (["parse", "x.txt"], "hint: check the path\n"),
        (["lint", "x.docx"], "hint: check the path (a file at a git revision is written REV:path"),
        (["diff", "x.docx", DRAFT], "hint: check the path (a file at a git revision is written REV:path"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_a_missing_file_is_hinted_at_as_the_command_reads_files(lib: Path, command: list[str], hint: str) -> None:
    # parse and import read no git revisions: "a git revision is written REV:path" for what was
    # typed so misled; lint and diff do read them.
    result = runner.invoke(app, command)
    assert_user_error(result)
    assert f"{command[1]}: no such file" in result.output
    assert hint in result.output
    if command[0] in ("parse", "import"):
        assert "a git revision is written" not in result.output


def test_previous_cycle_is_refused(lib: Path) -> None:
    line = append(lib / "drafts/aalco-50.yaml", "previous: aalco-52")
    result, target = build(lib)
    assert_user_error(result)
    assert f"drafts/aalco-50.yaml:{line}: `previous:` forms a cycle: aalco-52 -> aalco-50 -> aalco-52" in result.output
    assert_nothing_written(target)


def test_previous_of_a_later_session_is_refused(lib: Path) -> None:
    # A 51st-session draft said to continue the 52nd's built, checked and rolled forward in silence.
    (lib / "drafts" / "aalco-51.yaml").write_text(
        (lib / DRAFT)
        .read_text(encoding="utf-8")
        .replace("session: 52", "session: 51")
        .replace("previous: aalco-50", "previous: aalco-52"),
        encoding="utf-8",
    )
    line = line_of(lib / "drafts" / "aalco-51.yaml", "previous: aalco-52")
    output, _ = refused(lib, "drafts/aalco-51.yaml")
    assert f"drafts/aalco-51.yaml:{line}: `previous:` names aalco-52, of a later session (52) than this draft's (51)" in output
    assert "hint: a draft must continue an earlier session's draft" in output


def test_body_without_templates_folder_suggests_a_body(lib: Path) -> None:
    line = edit(lib / DRAFT, "body: aalco", "body: aalc")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: no house style for body 'aalc'" in result.output
    assert "did you mean aalco?" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  secretariat_document: AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8", "  secretariat_document: {tbd: }"),
        ("date: ", "date: {tbd: } #"),
        ("venue: ", "venue: {tbd: ''} #"),
    ],
)
def test_a_placeholder_that_says_nothing_names_its_line(lib: Path, old: str, new: str) -> None:
    # `{tbd: }` (a variable, a date or any fact) printed "[TBD: None]" in the resolution.
    line = edit(lib / DRAFT, old, new)
    result, target = build(lib)
    assert_user_error(result)
    key = old.split(":")[0].strip()
    assert f"{DRAFT}:{line}: the placeholder '{key}' says nothing after `tbd:`" in result.output
    assert "None" not in result.output and result.output.count("says nothing") == 1
    assert_nothing_written(target)


@pytest.mark.parametrize("title", ['""', "'   '"])
def test_an_empty_title_is_refused_at_its_line_as_a_missing_one_is(lib: Path, title: str) -> None:
    # `title: ""` built the resolution with no title, and `check` passed it.
    line = edit(lib / DRAFT, "\ntitle: ", f"\ntitle: {title} #") + 1
    output, _ = refused(lib)
    assert f"{DRAFT}:{line}: the draft's title is empty" in output
    assert "hint: write it after `title:`, or {tbd: …} while it is to be decided" in output


@pytest.mark.parametrize("name", ["../escape", "/tmp/elsewhere", "My Draft", "aalco-52.yaml/x", "", "x.yaml"])
def test_an_import_named_with_a_path_or_spaces_is_refused_with_nothing_written(lib: Path, name: str) -> None:
    # `--name ../escape` wrote lib/escape.yaml, outside drafts/, where `check` never looks;
    # `--name "My Draft"` wrote drafts/My Draft.yaml, a name `new` then carried on.
    ga_text(lib, "A/RES/78/228")
    before = sorted(p for p in lib.rglob("*") if p.suffix == ".yaml")
    result = runner.invoke(app, ["import", "A-RES-78-228.txt", "--name", name])
    assert_user_error(result)
    assert f"--name {name!r} is not a draft's name" in result.output
    assert sorted(p for p in lib.rglob("*") if p.suffix == ".yaml") == before


@pytest.mark.parametrize("key", ["date", "adopted"])
def test_a_date_that_is_no_date_names_its_line(lib: Path, key: str) -> None:
    # `date:` (the document's) and `adopted:` (the day an adopted resolution was adopted) are dates.
    line = (
        append(lib / DRAFT, f"{key}: 12th of September")
        if key == "adopted"
        else edit(lib / DRAFT, "date: ", "date: 12th of September #")
    )
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: '{key}' must be a date like 2013-09-12, not '12th of September" in result.output
    assert "write the date as YYYY-MM-DD" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    "command",
    [
        ["build", DRAFT, "-o", "out/resolution.md"],
        ["check"],
        ["lint", DRAFT],
        ["new", DRAFT, "--session", "53", "-o", "out/aalco-53.yaml"],
        ["diff", "drafts/aalco-50.yaml", DRAFT],
        ["clauses", "list"],
        ["clauses", "usage", "aalco.decides-provisional-agenda"],
        ["clauses", "rename", "aalco.decides-provisional-agenda", "aalco.decides-agenda"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_day_the_calendar_lacks_is_named_at_its_line_by_every_command(lib: Path, command: list[str]) -> None:
    # YAML reads 2013-02-30 as a date and Python refuses the day: that was a traceback in every command.
    line = edit(lib / DRAFT, "date: 2013-09-12", "date: 2013-02-30")
    result = runner.invoke(app, command)
    if command[:2] in (["clauses", "list"], ["clauses", "usage"]):  # a query answers without the draft, and names it
        assert result.exit_code == 0, result.output
        assert f"{DRAFT}:{line}: warning: left out: 2013-02-30 is not a real date (February 2013 has 28 days)" in result.output
        return
    assert_user_error(result)
    assert f"{DRAFT}:{line}: 2013-02-30 is not a real date (February 2013 has 28 days)" in result.output
    assert "write a day the calendar has, as YYYY-MM-DD" in result.output
    assert_nothing_written(lib / "out" / "resolution.md")
    assert_nothing_written(lib / "out" / "aalco-53.yaml")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("adopted: 2013-13-45", "2013-13-45 is not a real date (there is no month 13)"),
        ("adopted: 2013-09-12 25:00:00", "2013-09-12 25:00:00 is not a real date (hour must be in 0..23)"),
        ('adopted: "2014-02-29"', "'adopted': 2014-02-29 is not a real date (February 2014 has 28 days)"),
    ],
)
def test_an_impossible_date_says_why_it_is_none(lib: Path, written: str, message: str) -> None:
    line = append(lib / DRAFT, written)
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}: {message}" in result.output
    assert_nothing_written(target)


def test_an_impossible_date_in_a_clause_file_names_the_clause_file(lib: Path) -> None:
    line = edit(lib / CLAUSES, "note: The 52nd session opened", "note: 2013-02-30\n    # The 52nd session opened")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{CLAUSES}:{line}: 2013-02-30 is not a real date" in result.output
    assert_nothing_written(target)


def test_a_redline_dated_a_day_the_calendar_lacks_is_refused(lib: Path) -> None:
    result = runner.invoke(app, ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/r.docx", "--date", "2013-02-30"])
    assert_user_error(result)
    assert "--date '2013-02-30' is not a real date (February 2013 has 28 days)" in result.output
    assert_nothing_written(lib / "out" / "r.docx")


@pytest.mark.parametrize(
    ("former", "message"),
    [
        ("{name: ASEAN Inter-Parliamentary Organization, short_name: AIPO, until: twenty-seventh}",
         "'until' must be a whole number, not 'twenty-seventh'"),
        ("{name: ASEAN Inter-Parliamentary Organization, short_name: AIPO}", "a former name has no 'until'"),
        ("{name: ASEAN Inter-Parliamentary Organization, short_name: AIPO, until: 0}",
         "until must be a session number (1 or more), not 0"),
        ("{name: ASEAN Inter-Parliamentary Organization, shortname: AIPO, until: 27}", "unknown key 'shortname' in a former name"),
        ("ASEAN Inter-Parliamentary Organization", "each former name needs `name:` and `until:` (its last session)"),
    ],
)  # fmt: skip
def test_malformed_former_name_in_body_yaml_names_its_line(lib: Path, former: str, message: str) -> None:
    body = lib / "templates" / "aipa" / "body.yaml"
    line = edit(body, "{name: ASEAN Inter-Parliamentary Organization, short_name: AIPO, until: 27}", former)
    result, target = build(lib, "drafts/aipo-27.yaml")
    assert_user_error(result)
    assert f"templates/aipa/body.yaml:{line}: {message}" in result.output
    assert_nothing_written(target)


def test_former_names_out_of_order_are_refused(lib: Path) -> None:
    body = lib / "templates" / "aipa" / "body.yaml"
    edit(
        body,
        "  - {name: ASEAN Inter-Parliamentary Organization,",
        "  - {name: Later Name, until: 40}\n  - {name: ASEAN Inter-Parliamentary Organization,",
    )
    result, target = build(lib, "drafts/aipo-27.yaml")
    assert_user_error(result)
    line = line_of(body, "until: 27")
    assert f"templates/aipa/body.yaml:{line}: former names go oldest first, each until a later session" in result.output
    assert_nothing_written(target)


def test_body_without_templates_folder_is_reported_once(lib: Path) -> None:
    edit(lib / DRAFT, "body: aalco", "body: aalc")
    result, _ = build(lib)
    assert_user_error(result)
    assert result.output.count("no house style for body 'aalc'") == 1, result.output


def test_inline_footnote_anchor_without_footnote_is_refused(lib: Path) -> None:
    line = append(lib / DRAFT, '  - text: "Requests a report[^report] on the matter"')
    result, target = build(lib)
    assert_user_error(result)
    assert f"{DRAFT}:{line}:" in result.output
    assert "footnote anchor [^report] has no footnote" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("command", "key"),
    [
        *((["build", DRAFT, "-o", "out/resolution.md"], key) for key in ("clauses", "drafts", "templates")),
        *((["check"], key) for key in ("clauses", "drafts", "templates")),
        *((["clauses", "list"], key) for key in ("clauses", "drafts")),  # (the clause commands read no templates)
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_a_folder_the_project_file_names_that_does_not_exist_is_named_at_its_line(
    lib: Path, command: list[str], key: str
) -> None:
    # `clauses: clause` made every clause id unknown (10 times over for aalco-52), and
    # `templates: template` every body lack a house style, without naming the project file.
    line = edit(lib / "resdraft.yaml", f"{key}: {key}", f"{key}: {key[:-1]}")
    result = runner.invoke(app, command)
    assert_user_error(result)
    assert f"resdraft.yaml:{line}: folder {key[:-1]}/ (named as `{key}:`) does not exist" in result.output
    assert f"hint: did you mean {key}/?" in result.output
    assert "unknown clause id" not in result.output and "no house style" not in result.output
    assert_nothing_written(lib / "out" / "resolution.md")


# ---------------------------------------------------------------- clauses


def test_duplicate_clause_ids_across_files_name_both_places(lib: Path) -> None:
    original = line_of(lib / CLAUSES, "- id: aalco.decides-provisional-agenda")
    (lib / "clauses/extra.yaml").write_text(
        "clauses:\n"
        "  - id: aalco.decides-provisional-agenda\n"
        "    kind: operative\n"
        "    opening: Decides\n"
        "    text: to keep this item on the agenda\n",
        encoding="utf-8",
    )
    result, target = build(lib)
    assert_user_error(result)
    assert (
        f"clauses/extra.yaml:2: clause id 'aalco.decides-provisional-agenda' is already used at {CLAUSES}:{original}"
    ) in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(("value", "what"), [("12", "a number"), ("2013-09-12", "a date")])
def test_a_clause_id_yaml_reads_as_a_number_or_a_date_is_refused_at_its_line(lib: Path, value: str, what: str) -> None:
    # From an outside audit: `id: 12` passed check (the id "12"), where `id: true` was refused.
    (lib / "clauses/extra.yaml").write_text(
        f"clauses:\n  - id: {value}\n    kind: operative\n    opening: Decides\n    text: to keep this item\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check"])
    assert_user_error(result)
    assert f"clauses/extra.yaml:2: clause id {value} is read as {what}, not a name" in result.output


def test_clause_footnote_anchor_without_footnote_is_refused(lib: Path) -> None:
    edit(
        lib / CLAUSES,
        "text: the various forms of trafficking in persons",
        "text: the various forms[^x] of trafficking in persons",
    )
    text_line = line_of(lib / CLAUSES, "text: the various forms[^x]")  # (the anchor's line, not the clause's `id:`)
    result, target = build(lib)
    assert_user_error(result)
    assert (
        f"{CLAUSES}:{text_line}: clause aalco.also-noting-forms-of-trafficking: footnote anchor [^x] has no footnote"
        in result.output
    )
    assert_nothing_written(target)


@pytest.mark.parametrize(("body", "hint"), [("un", "did you mean unsc or unga? "), ("aalc", "did you mean aalco? "), ("icj", "")])
def test_listing_the_clauses_of_a_body_the_library_lacks_names_its_bodies(lib: Path, body: str, hint: str) -> None:
    # "0 clauses" read as if the body had none.
    result = runner.invoke(app, ["clauses", "list", "--body", body])
    assert_user_error(result)
    assert f"error: unknown body {body!r}\n  hint: {hint}(the library's bodies: aalco, aipa, unga, unsc)" in result.output


def test_listing_the_clauses_of_a_body_with_a_house_style_and_no_drafts_is_no_error(lib: Path) -> None:
    result = runner.invoke(app, ["clauses", "list", "--body", "unsc"])  # (templates/unsc/, no Council draft)
    assert result.exit_code == 0, result.output
    assert "0 clauses" in result.output


# ---------------------------------------------------------------- templates and clause text


def test_undefined_variable_in_clause_text_names_the_variable(lib: Path) -> None:
    text_line = edit(lib / CLAUSES, "{{ secretariat_document }}", "{{ secretariat_documnt }}")
    id_line = line_of(lib / CLAUSES, "- id: aalco.considering-secretariat-document")
    result, target = build(lib)
    assert_user_error(result)
    assert "'secretariat_documnt' is undefined" in result.output
    located = re.search(rf"{re.escape(CLAUSES)}:(\d+): undefined template variable", result.output)
    assert located, result.output
    assert int(located.group(1)) in (id_line, text_line)
    assert_nothing_written(target)


def test_misspelt_attribute_in_clause_text_names_the_clause_line(lib: Path) -> None:
    text_line = edit(lib / CLAUSES, "{{ session.next.ordinal_title }}", "{{ session.nxt.ordinal_title }}")
    id_line = line_of(lib / CLAUSES, "- id: aalco.decides-provisional-agenda")
    result, target = build(lib)
    assert_user_error(result)
    assert "undefined template variable: a session has no 'nxt'" in result.output
    assert "did you mean next?" in result.output
    located = re.search(rf"{re.escape(CLAUSES)}:(\d+): undefined template variable", result.output)
    assert located, result.output
    assert int(located.group(1)) in (id_line, text_line)
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ session.number // 0 }}", "integer division or modulo by zero"),
        ('{{ session.number + "th" }}', "unsupported operand type(s) for +"),
    ],
)
def test_expression_that_fails_as_it_runs_names_the_clause_line(lib: Path, expression: str, message: str) -> None:
    text_line = edit(lib / CLAUSES, "{{ secretariat_document }}", f"{{{{ secretariat_document }}}} {expression}")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{CLAUSES}:{text_line}: template error: {message}" in result.output
    assert_nothing_written(target)


def test_undefined_variable_in_a_title_label_names_the_body_yaml_line(lib: Path) -> None:
    edit(lib / "drafts" / "unga-64.yaml", "status: draft\n", "status: adopted\nsymbol: A/RES/64/178\n")  # (a draft's is not read)
    body = lib / "templates" / "unga" / "body.yaml"
    line = edit(body, 'label: "{{ draft.symbol[6:]', 'label: "{{ draft.symbl[6:]')
    result, target = build(lib, "drafts/unga-64.yaml")
    assert_user_error(result)
    assert "no 'symbl' among adopted, agenda_item" in result.output, result.output
    assert "hint: did you mean symbol?" in result.output  # (it said: define it under `variables:` in the draft)
    located = re.search(r"templates/unga/body\.yaml:(\d+): undefined template variable", result.output)
    assert located and int(located.group(1)) == line, result.output
    assert_nothing_written(target)


def test_a_label_on_a_header_line_is_refused_at_its_line(lib: Path) -> None:
    body = lib / "templates" / "unga" / "body.yaml"
    line = edit(body, '{role: organ, text: "General Assembly"}', '{role: organ, text: "General Assembly", label: "1."}')
    result, target = build(lib, "drafts/unga-64.yaml")
    assert_user_error(result)
    assert f"templates/unga/body.yaml:{line}: each header line needs `role:` and `text:`" in result.output, result.output
    assert_nothing_written(target)


@pytest.mark.parametrize(
    ("each", "message"),
    [
        ("draft.agenda_titel", "undefined template variable"),  # a misspelt fact
        ("draft.agenda_title |", "template syntax error"),
    ],
)
def test_a_header_lines_each_that_fails_names_its_body_yaml_line(lib: Path, each: str, message: str) -> None:
    body = lib / "templates" / "unga" / "body.yaml"
    line = edit(body, 'each: "draft.agenda_title"', f'each: "{each}"')
    result, target = build(lib, "drafts/unga-64.yaml")
    assert_user_error(result)
    assert f"templates/unga/body.yaml:{line}: {message}" in result.output, result.output
    assert_nothing_written(target)


def test_an_agenda_title_list_holding_other_than_text_is_named_at_its_item(lib: Path) -> None:
    draft = lib / "drafts" / "unga-64.yaml"
    line = edit(
        draft, "agenda_title: Crime prevention and criminal justice\n", "agenda_title:\n  - Crime prevention\n  - {a: b}\n"
    )
    result, target = build(lib, "drafts/unga-64.yaml")
    assert_user_error(result)
    assert f"drafts/unga-64.yaml:{line + 2}: each item of 'agenda_title' must be text" in result.output, result.output
    assert_nothing_written(target)


def _title_template(lib: Path, line: str) -> None:
    """The library's template with its title block's fourth line `line` (the line errors name)."""
    (lib / TEMPLATE).write_text(
        '{%- extends "_base/resolution.md.j2" %}\n'
        "{% block title %}\n"
        "{% for line in res.title %}\n"
        f"{line}\n"
        "{% endfor %}\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )


def test_expression_that_fails_as_it_runs_in_a_template_file_names_template_and_line(lib: Path) -> None:
    _title_template(lib, "{{ res.session.number // 0 }}")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{TEMPLATE}:4: template error: integer division or modulo by zero" in result.output
    assert_nothing_written(target)


def test_undefined_variable_in_template_file_names_template_and_line(lib: Path) -> None:
    _title_template(lib, "{{ no_such_variable }}")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{TEMPLATE}:4: undefined template variable" in result.output
    assert "'no_such_variable' is undefined" in result.output
    assert_nothing_written(target)


def test_jinja_syntax_error_in_template_file_names_template_and_line(lib: Path) -> None:
    _title_template(lib, "{{ line | inline }")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{TEMPLATE}:4: template syntax error" in result.output
    assert_nothing_written(target)


def test_sandbox_escape_in_clause_text_is_refused_not_executed(lib: Path) -> None:
    edit(lib / CLAUSES, "{{ secretariat_document }}", "{{ ''.__class__.__mro__ }}")
    id_line = line_of(lib / CLAUSES, "- id: aalco.considering-secretariat-document")
    text_line = line_of(lib / CLAUSES, "__mro__")
    result, target = build(lib)
    assert_user_error(result)
    assert "<class" not in result.output
    located = re.search(rf"{re.escape(CLAUSES)}:(\d+): not allowed in a template", result.output)
    assert located, result.output
    assert int(located.group(1)) in (id_line, text_line)
    assert_nothing_written(target)


# ---------------------------------------------------------------- output files


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["build", DRAFT, "-o", "out/a.md", "--to", "docx"], "--to docx and -o out/a.md disagree: a Word document in a .md file"),
        (["build", DRAFT, "-o", "out/a.docx", "--to", "md"], "--to md and -o out/a.docx disagree: Markdown in a .docx file"),
        (["build", DRAFT, "-o", "out/a.txt", "--to", "markdown"], "--to markdown and -o out/a.txt disagree: Markdown in a .txt"),
        (
            ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/a.html", "--to", "json"],
            "--to json and -o out/a.html disagree: JSON in a .html file, which holds the review page (HTML)",
        ),
        (
            ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/a.docx", "--to", "html"],
            "--to html and -o out/a.docx disagree",
        ),
        (["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/a.json", "--to", "amendments"], "--to amendments and -o out/a.json"),
    ],
    ids=lambda value: " ".join(value[-4:]) if isinstance(value, list) else "",
)
def test_a_format_the_output_files_extension_contradicts_is_refused(lib: Path, command: list[str], message: str) -> None:
    # --to won silently: a Word file named a.md, JSON in a .html file.
    result = runner.invoke(app, command)
    assert_user_error(result)
    assert message in result.output
    assert "leave --to out (the file's extension says the format)" in result.output
    assert list((lib / "out").iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [
        ["build", DRAFT, "-o", "out/a.md", "--to", "md"],
        ["build", DRAFT, "-o", "out/a.out", "--to", "txt"],  # (an extension that names no format)
        ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/a.txt", "--to", "amendments"],
        ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/a.md", "--to", "amendments"],
    ],
    ids=lambda value: " ".join(value[-4:]),
)
def test_a_format_the_output_files_extension_allows_is_written(lib: Path, command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert (lib / command[command.index("-o") + 1]).is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Recalling its resolution 52/S 8\n", "bad.docx: not a .docx: the file is not a readable zip archive"),
        (b"", "bad.docx: the file is empty, not a Word document"),
    ],
)
def test_preview_refuses_a_file_that_is_no_word_document_as_parse_does(lib: Path, content: bytes, message: str) -> None:
    # LibreOffice renders a text file named .docx as text: preview showed its pages and exited 0.
    (lib / "bad.docx").write_bytes(content)
    result = runner.invoke(app, ["preview", "bad.docx", "-o", "out"])
    assert_user_error(result)
    assert message in result.output
    assert list((lib / "out").iterdir()) == []
    parsed = runner.invoke(app, ["parse", "bad.docx"])
    assert parsed.exit_code == 1 and message in parsed.output


@pytest.mark.parametrize("name", ["aalco-52.md", "aalco-52.txt", "aalco-52"])
def test_preview_refuses_what_is_neither_a_word_document_nor_a_draft(lib: Path, name: str) -> None:
    # LibreOffice rendered the Markdown (or text) as plain text, which passed for the resolution.
    if name != "aalco-52":
        assert runner.invoke(app, ["build", DRAFT, "-o", name]).exit_code == 0
    else:
        (lib / name).write_text("no extension", encoding="utf-8")
    result = runner.invoke(app, ["preview", name, "-o", "out"])
    assert_user_error(result)
    assert "preview renders a Word document (.docx) or a draft" in result.output
    assert not (lib / "out").exists() or list((lib / "out").iterdir()) == []


def test_preview_leaves_only_the_pages_in_its_folder(lib: Path) -> None:
    # The PDF LibreOffice makes on the way was left behind as out/aalco-52.pdf.
    assert runner.invoke(app, ["build", DRAFT, "-o", "aalco-52.docx"]).exit_code == 0
    result = runner.invoke(app, ["preview", "aalco-52.docx", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (lib / "out").iterdir()) == ["aalco-52-1.png"]


def test_preview_again_leaves_no_page_of_the_earlier_one(lib: Path) -> None:
    # A longer document previewed before under the same name left its pages 2 and 3, which the
    # next preview listed as its own; a page of another name stays.
    assert runner.invoke(app, ["build", DRAFT, "-o", "aalco-52.docx"]).exit_code == 0
    (lib / "out").mkdir(exist_ok=True)
    for name in ("aalco-52-2.png", "aalco-52-03.png", "aalco-52-notes.png", "aalco-50-1.png"):
        (lib / "out" / name).write_bytes(b"an earlier page")
    result = runner.invoke(app, ["preview", "aalco-52.docx", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (lib / "out").iterdir()) == ["aalco-50-1.png", "aalco-52-1.png", "aalco-52-notes.png"]
    assert "aalco-52-2.png" not in result.output and (lib / "out" / "aalco-52-1.png").read_bytes().startswith(b"\x89PNG")


def test_preview_into_a_folder_on_another_disk_replaces_the_earlier_pages(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pages were made in the system's temporary folder and renamed into -o: onto another disk
    # (-o /dev/shm/x) that failed, "Invalid cross-device link", with the earlier pages deleted.
    assert runner.invoke(app, ["build", DRAFT, "-o", "aalco-52.docx"]).exit_code == 0
    out = lib / "out"
    (out / "aalco-52-2.png").write_bytes(b"an earlier page")
    rename = Path.replace

    def across_disks(self: Path, target: Path) -> Path:
        if out.resolve() not in self.resolve().parents:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return rename(self, target)

    monkeypatch.setattr(Path, "replace", across_disks)
    result = runner.invoke(app, ["preview", "aalco-52.docx", "-o", "out"])
    monkeypatch.undo()
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["aalco-52-1.png"]


def test_preview_into_a_file_is_refused(lib: Path) -> None:
    assert runner.invoke(app, ["build", DRAFT, "-o", "aalco-52.docx"]).exit_code == 0
    (lib / "pages").write_text("a file\n", encoding="utf-8")
    result = runner.invoke(app, ["preview", "aalco-52.docx", "-o", "pages"])
    assert_user_error(result)
    assert "pages: cannot put the pages here: File exists" in result.output


def test_existing_output_file_is_refused_and_left_unchanged(lib: Path) -> None:
    target = lib / "out" / "resolution.md"
    target.write_text("someone's edited copy\n", encoding="utf-8")
    result, _ = build(lib)
    assert_user_error(result)
    assert "out/resolution.md: output file already exists" in result.output
    assert "--force" in result.output
    assert target.read_text(encoding="utf-8") == "someone's edited copy\n"
    assert list((lib / "out").glob(".*.part")) == []


def test_force_overwrites_an_existing_output_file(lib: Path) -> None:
    target = lib / "out" / "resolution.md"
    target.write_text("someone's edited copy\n", encoding="utf-8")
    result, _ = build(lib, DRAFT, "--force")
    assert result.exit_code == 0, result.output
    written = target.read_text(encoding="utf-8")
    assert "someone's edited copy" not in written
    assert "Fifty-Second Annual Session" in written
    assert list((lib / "out").glob(".*.part")) == []


@pytest.mark.parametrize(
    ("step", "error"),
    [("fsync", OSError(errno.ENOSPC, "No space left on device")), ("replace", OSError(errno.EFBIG, "File too large"))],
)
@pytest.mark.parametrize("existing", [False, True])
def test_a_failed_write_names_the_file_and_leaves_no_part_of_it(
    lib: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: OSError, existing: bool
) -> None:
    # A full disk or `ulimit -f` showed a traceback ("OSError: [Errno 27] File too large").
    target = lib / "out" / "resolution.md"
    if existing:
        target.write_text("the old text\n", encoding="utf-8")

    def failing(*args: object) -> None:
        raise error

    monkeypatch.setattr(os, step, failing)
    result, _ = build(lib, DRAFT, "--force")
    monkeypatch.undo()
    assert_user_error(result)
    kept = "the file is as it was" if existing else "no file was written"
    assert f"out/resolution.md: could not write the file: {error.strerror}; {kept}" in result.output
    if existing:
        assert target.read_text(encoding="utf-8") == "the old text\n"
        assert list((lib / "out").glob(".*.part")) == []
    else:
        assert_nothing_written(target)


def test_a_new_output_file_has_the_mode_the_umask_gives(lib: Path) -> None:
    # Every output was made -rw-r--r--, whatever the umask: a private draft became readable by all.
    old = os.umask(0o077)
    try:
        result, target = build(lib)
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600


def test_force_keeps_the_mode_of_the_file_it_replaces(lib: Path) -> None:
    # --force made a 0600 file 0644.
    target = lib / "out" / "resolution.md"
    target.write_text("private\n", encoding="utf-8")
    target.chmod(0o600)
    result, _ = build(lib, DRAFT, "--force")
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600 and "private" not in target.read_text(encoding="utf-8")


def test_an_output_path_that_is_a_folder_says_so_before_asking_for_force(lib: Path) -> None:
    # It first said "output file already exists ... pass --force", and only with --force "is a folder".
    result = runner.invoke(app, ["build", DRAFT, "-o", "out", "--to", "md"])
    assert_user_error(result)
    assert "out: output path is a folder" in result.output and "--force" not in result.output


# ---------------------------------------------------------------- new and init


def test_new_with_a_session_not_after_the_drafts_is_refused(lib: Path) -> None:
    line = line_of(lib / DRAFT, "session: 52")
    before = sorted(p.name for p in (lib / "drafts").iterdir())
    result = runner.invoke(app, ["new", DRAFT, "--session", "52"])
    assert_user_error(result)
    assert f"{DRAFT}:{line}: the new session (52) must come after this draft's (52)" in result.output
    assert "--session 53" in result.output
    assert sorted(p.name for p in (lib / "drafts").iterdir()) == before


def test_new_with_an_earlier_session_writes_nothing(lib: Path) -> None:
    result = runner.invoke(app, ["new", DRAFT, "--session", "51", "-o", "out/aalco-51.yaml"])
    assert_user_error(result)
    assert_nothing_written(lib / "out" / "aalco-51.yaml")


@pytest.mark.parametrize("name", ["aalco-53.docx", "aalco-53.md", "aalco-53.yml", "aalco-53"])
def test_new_writing_a_draft_under_another_kind_of_name_is_refused(lib: Path, name: str) -> None:
    # `new -o drafts/z.docx` wrote YAML into z.docx: check, usage and rename did not see it as a draft.
    result = runner.invoke(app, ["new", DRAFT, "--session", "53", "-o", f"drafts/{name}"])
    assert_user_error(result)
    assert f"drafts/{name}: the new draft would not be read as a draft: a draft is a .yaml file" in result.output
    assert "hint: name it aalco-53.yaml, e.g. -o drafts/aalco-53.yaml" in result.output
    assert_nothing_written(lib / "drafts" / name)


def test_new_writing_outside_the_library_is_refused(lib: Path, tmp_path: Path) -> None:
    # `new -o ../roll/aalco-53.yaml` wrote a draft there that `resdraft build` then refused: "not
    # inside a resdraft library".
    outside = tmp_path / "roll" / "aalco-53.yaml"
    result = runner.invoke(app, ["new", DRAFT, "--session", "53", "-o", str(outside)])
    assert_user_error(result)
    assert f"{outside}: the new draft would be outside the library ({lib})" in result.output  # (not "../roll/…")
    assert "hint: write it inside the library, e.g. -o drafts/aalco-53.yaml, or leave out -o" in result.output
    assert not outside.parent.exists()


def test_init_into_a_non_empty_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "mine"])
    assert_user_error(result)
    assert "mine: folder exists and is not empty" in result.output
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("afile", "afile: a file stands where the library's folder goes"),
        ("afile/sub", "afile/sub: afile is a file, not a folder"),
    ],
)
def test_init_where_a_file_stands_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, message: str) -> None:
    # `init afile` said "folder exists and is not empty"; `init afile/sub` showed a NotADirectoryError traceback.
    (tmp_path / "afile").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", target])
    assert_user_error(result)
    assert message in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize("existing", [False, True])
def test_init_that_fails_midway_leaves_no_part_of_a_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    # The starter was copied straight into the folder: a full disk showed a traceback and left part of a library.
    if existing:
        (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path)
    copyfile = shutil.copyfile
    copied = []

    def disk_fills(src: str, dst: str, **kwargs: bool) -> str:
        copied.append(dst)
        if len(copied) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return copyfile(src, dst, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", disk_fills)
    result = runner.invoke(app, ["init", "mine"])
    monkeypatch.undo()
    assert_user_error(result)
    assert "mine: could not create the library: No space left on device; nothing was created" in result.output
    assert [p.name for p in tmp_path.rglob("*")] == (["mine"] if existing else [])


# ---------------------------------------------------------------- a real terminal


def run_module(lib: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "resdraft", *args], cwd=lib, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_python_m_resdraft_shows_a_template_error_without_traceback(lib: Path) -> None:
    edit(lib / CLAUSES, "{{ secretariat_document }}", "{{ secretariat_documnt }}")
    proc = run_module(lib, "build", DRAFT, "-o", "out/resolution.md")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert f"{CLAUSES}:" in proc.stderr
    assert "secretariat_documnt" in proc.stderr
    assert "hint:" in proc.stderr
    assert_nothing_written(lib / "out" / "resolution.md")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", DRAFT, "--sesion", "53"], "No such option: --sesion (Possible options: --session)"),
        (["new", DRAFT, "-s", "fifty-three"], "'fifty-three' is not a valid int"),
        (["new", DRAFT], "Missing option '--session'"),
        (["build", DRAFT, "--out", "out/x.docx"], "No such option: --out"),
        (["clauses", "search"], "Missing argument"),
        (["buidl", DRAFT], "No such command 'buidl'"),
        # An unknown colour fell back to none, exit 0; a limit of -1 dropped the last hit, 0 found none.
        (["diff", "drafts/aalco-50.yaml", DRAFT, "--colour", "purple"], "'purple' is not one of 'auto', 'always', 'never'"),
        (["clauses", "search", "trafficking", "--limit", "-1"], "-1 is not in the range x>=1"),
        (["clauses", "search", "trafficking", "-n", "0"], "0 is not in the range x>=1"),
    ],
)
def test_a_mistaken_option_or_argument_exits_1_with_clicks_message(lib: Path, args: list[str], message: str) -> None:
    # click exits 2 on a usage error; the README promises exit code 1 for every user error.
    proc = run_module(lib, *args)
    assert proc.returncode == 1, proc.stderr
    assert message in proc.stderr and "Usage: " in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert sorted(p.name for p in (lib / "drafts").iterdir()) == sorted(p.name for p in (ROOT / "drafts").iterdir())
    assert_nothing_written(lib / "out" / "x.docx")


def test_a_limit_past_what_sqlite_counts_lists_every_hit(lib: Path) -> None:
    # `-n 99999999999999999999` ended in "OverflowError: Python int too large to convert to SQLite INTEGER".
    proc = run_module(lib, "clauses", "search", "trafficking", "-n", "99999999999999999999")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == run_module(lib, "clauses", "search", "trafficking", "-n", "100000").stdout != ""


def test_help_still_exits_0(lib: Path) -> None:
    proc = run_module(lib, "new", "--help")
    assert proc.returncode == 0, proc.stderr
    assert "--session" in proc.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["new"], "resdraft new [OPTIONS] PREVIOUS"),
        (["build"], "resdraft build [OPTIONS] DRAFT"),
        (["diff"], "resdraft diff [OPTIONS] OLD NEW"),
        (["import"], "resdraft import [OPTIONS] FILES..."),
        (["check"], "resdraft check [OPTIONS] [PATH]"),
        (["clauses", "rename"], "resdraft clauses rename [OPTIONS] OLD NEW"),
        (["clauses", "search"], "resdraft clauses search [OPTIONS] WORDS..."),
        (["clauses", "edit"], "resdraft clauses edit [OPTIONS] CLAUSE CHANGES..."),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_help_names_the_arguments_in_capitals_as_usage_lines_do(lib: Path, command: list[str], usage: str) -> None:
    # The usage line read `resdraft new [OPTIONS] {previous}`, `… {old} {new}`, `… {files}...`.
    result = runner.invoke(app, [*command, "--help"], prog_name="resdraft")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"Usage: {usage}"
    assert "{" not in result.output


def _commands(group: Any = None, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the CLI, as the words that call it."""
    import typer.main

    group = group or typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():
        out += _commands(command, (*path, name)) if hasattr(command, "commands") else [(*path, name)]
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_commands_help_answers_to_h_and_names_what_each_option_takes(command: tuple[str, ...]) -> None:
    # `-h` was "No such option", and options read `--to <str>`, `--limit <int range>`: the help
    # said which formats `--to` takes only in its words, and nothing of a tag or a phrase.
    result = runner.invoke(app, [*command, "-h"], prog_name="resdraft")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: resdraft {' '.join(command)} ")
    assert not re.findall(r"<(?:str|int|int range|text|integer)>", result.output), result.output


def test_import_into_a_folder_where_its_draft_goes_is_refused_with_nothing_written(lib: Path) -> None:
    # A folder named as the draft was read as a file: a traceback (IsADirectoryError).
    ga_text(lib, "A/RES/78/228")
    (lib / "drafts" / "a-res-78-228.yaml").mkdir()
    result = runner.invoke(app, ["import", "A-RES-78-228.txt"])
    assert_user_error(result)
    assert "drafts/a-res-78-228.yaml: a folder stands where the file goes" in result.output
    assert not (lib / "clauses" / "imported").exists()


def test_import_writes_its_clause_file_and_draft_together_or_neither(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The clause file was written, then the draft: a failure between left new clauses no draft used.
    from resdraft.upkeep import commit

    ga_text(lib, "A/RES/78/228")
    replace = os.replace

    def failing(src: str, dst: str | Path) -> None:
        if Path(dst).name == "a-res-78-228.yaml" and Path(dst).parent.name == "drafts":
            raise PermissionError(13, "Permission denied")
        replace(src, dst)

    monkeypatch.setattr(commit.os, "replace", failing)
    result = runner.invoke(app, ["import", "A-RES-78-228.txt"])
    assert_user_error(result)
    assert "no file was changed" in result.output
    assert not (lib / "clauses" / "imported" / "a-res-78-228.yaml").exists()
    assert not (lib / "drafts" / "a-res-78-228.yaml").exists()
    monkeypatch.setattr(commit.os, "replace", replace)
    assert runner.invoke(app, ["import", "A-RES-78-228.txt"]).exit_code == 0
    assert (lib / "clauses" / "imported" / "a-res-78-228.yaml").is_file() and (lib / "drafts" / "a-res-78-228.yaml").is_file()


def test_import_help_says_force_replaces_the_draft_and_clause_file(lib: Path) -> None:
    # It said "Overwrite the output file", though an import writes a draft and a clause file.
    result = runner.invoke(app, ["import", "--help"], prog_name="resdraft")
    assert "Overwrite the output file" not in result.output
    assert "Replace a draft or clause file of the same name" in " ".join(result.output.split())


def test_python_m_resdraft_refuses_a_sandbox_escape_without_traceback(lib: Path) -> None:
    edit(lib / CLAUSES, "{{ secretariat_document }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    proc = run_module(lib, "build", DRAFT, "-o", "out/resolution.md")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "<class" not in proc.stderr + proc.stdout
    assert "hint:" in proc.stderr
    assert_nothing_written(lib / "out" / "resolution.md")


def test_a_body_yaml_counting_sessions_neither_by_number_nor_by_year_names_its_line(lib: Path) -> None:
    body = lib / "templates" / "aipa" / "body.yaml"
    line = edit(body, "former_names:", "sessions: yearly\nformer_names:")
    result, target = build(lib, "drafts/aipo-27.yaml")
    assert_user_error(result)
    assert f"templates/aipa/body.yaml:{line}: sessions must be numbered or years, not 'yearly'" in result.output
    assert "hint: write `sessions: years` or leave it out" in result.output
    assert_nothing_written(target)


# ---------------------------------------------------------------- a body the text contradicts


@pytest.mark.parametrize("command", [["import"], ["parse"]])
def test_a_body_asked_for_that_the_enacting_formula_contradicts_is_refused(lib: Path, command: list[str]) -> None:
    """AIPO's 27th General Assembly text imported with `--body unga` was taken silently, and its
    draft built under the UN masthead. `--body` is for a text that does not say; this one does."""
    seed = ROOT.parent / "shared" / "corpus" / "seeds" / "aipo-27ga-res-soc-01-2006.md"

    def files() -> list[Path]:
        return sorted(p.relative_to(lib) for p in lib.rglob("*") if ".resdraft-cache" not in p.parts)

    before = files()
    result = runner.invoke(app, [*command, str(seed), "--body", "unga"])
    assert result.exit_code == 1, result.output
    assert (
        f"{seed}: the enacting formula “The Twenty-Seventh General Assembly:” is aipa's, but the text was to be read "
        "as unga's\n  hint: leave out --body unga: it is for a text whose enacting formula names no body"
    ) in result.output
    assert "Traceback" not in result.output
    assert files() == before
    assert runner.invoke(app, [*command, str(seed), "--body", "aipo"]).exit_code == 0  # (AIPO is AIPA: the same body)


# ---------------------------------------------------------------- what the system refuses, and files that are no files


@pytest.mark.parametrize(
    "command",
    [
        ["build", DRAFT, "-o", DRAFT, "--to", "md", "-f"],
        ["new", DRAFT, "-s", "53", "-o", DRAFT, "-f"],
        ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", DRAFT, "--to", "md", "-f"],
    ],
    ids=lambda command: command[0],
)
def test_an_output_over_its_own_input_is_refused_with_the_input_kept(lib: Path, command: list[str]) -> None:
    # `build drafts/aalco-52.yaml -o drafts/aalco-52.yaml --to md -f` made the draft Markdown;
    # `new … -o` the draft it rolls on left a `previous:` cycle.
    before = (lib / DRAFT).read_bytes()
    result = runner.invoke(app, command)
    assert_user_error(result)
    assert f"{DRAFT}: the output would replace the input it is made from" in result.output
    assert (lib / DRAFT).read_bytes() == before


def test_a_device_given_as_output_is_refused_and_a_link_is_written_through(lib: Path) -> None:
    # `-o /dev/null -f` replaced /dev/null with a regular file (as root, for the whole machine);
    # a symbolic link was replaced by a file, the file it named left as it was. (A pipe stands in
    # for the device here: should the refusal ever fail, the test breaks nothing else.)
    os.mkfifo(lib / "out" / "pipe.md")
    result = runner.invoke(app, ["build", DRAFT, "-o", "out/pipe.md", "-f"])
    assert_user_error(result)
    assert "output path is no regular file (a device, a pipe or a socket)" in result.output
    assert (lib / "out" / "pipe.md").is_fifo()
    (lib / "out" / "link.md").symlink_to("target.md")
    assert runner.invoke(app, ["build", DRAFT, "-o", "out/link.md", "-f"]).exit_code == 0
    assert (lib / "out" / "link.md").is_symlink() and (lib / "out" / "target.md").read_text().startswith("AALCO/RES/52")


@pytest.mark.parametrize("command", [["parse", "pipe.txt"], ["lint", "pipe.txt"], ["build", "pipe.yaml"]], ids=" ".join)
def test_a_pipe_given_as_a_document_is_refused_not_waited_on(lib: Path, command: list[str]) -> None:
    # A named pipe hung the command, waiting for a writer (/dev/zero read on for ever).
    os.mkfifo(lib / command[1])
    proc = run_module(lib, *command)
    assert proc.returncode == 1, proc.stderr
    assert f"{command[1]}: is no regular file (a device, a pipe or a socket)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_name_longer_than_the_system_allows_is_a_message_not_a_traceback(lib: Path) -> None:
    name = "y" * 300
    for command in (["build", DRAFT, "-o", f"out/{name}.md"], ["build", f"drafts/{name}.yaml"], ["parse", f"{name}.md"]):
        result = runner.invoke(app, command)
        assert_user_error(result)
        assert "File name too long" in result.output and "255 bytes" in result.output
    assert runner.invoke(app, ["build", DRAFT, "-o", f"out/{'y' * 250}.md"]).exit_code == 0  # (its temporary file fits too)


def test_a_full_standard_output_is_a_message_not_a_traceback(lib: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "resdraft", "build", DRAFT],
            cwd=lib,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 1 and "No space left on device" in proc.stderr and "Traceback" not in proc.stderr


def test_a_template_saved_as_latin_1_names_the_line_of_its_byte(lib: Path) -> None:
    (lib / TEMPLATE).write_bytes(b'{% extends "_base/resolution.md.j2" %}\n{# caf\xe9 #}\n')
    for command in (["build", DRAFT, "-o", "out/resolution.md"], ["check"]):
        result = runner.invoke(app, command)
        assert_user_error(result)
        assert f"{TEMPLATE}:2: not UTF-8 text (byte 0xE9" in result.output
    assert_nothing_written(lib / "out" / "resolution.md")


@pytest.mark.parametrize(
    ("file", "text"),
    [
        (TEMPLATE, '{% extends "aalco/resolution.md.j2" %}'),
        (TEMPLATE, '{% include "aalco/resolution.md.j2" %}'),
        (CLAUSES, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"),
    ],
    ids=["extends itself", "includes itself", "a macro calling itself"],
)
def test_a_template_that_never_ends_is_named_not_a_recursion_traceback(lib: Path, file: str, text: str) -> None:
    if file == CLAUSES:
        line = edit(lib / CLAUSES, "{{ secretariat_document }}", text)
    else:
        (lib / TEMPLATE).write_text(text, encoding="utf-8")
        line = 1
    result, target = build(lib)
    assert_user_error(result)
    assert f"{file}:{line}: the template never ends" in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize("expression", ["'x' * 10**7", "[1] * 10**7", "10**(10**4)"])
def test_a_template_making_a_text_too_long_to_hold_is_refused(lib: Path, expression: str) -> None:
    # `{{ 'x' * 10**10 }}` filled the memory, `{{ 10**(10**8) }}` computed on: the sandbox bounds
    # ranges, not repetition or powers. (Tested below what would harm the machine if let through.)
    (lib / TEMPLATE).write_text(f"{{{{ {expression} }}}}\n", encoding="utf-8")
    result, target = build(lib)
    assert_user_error(result)
    assert f"{TEMPLATE}:1: not allowed in a template: a " in result.output
    assert_nothing_written(target)


@pytest.mark.parametrize("body", ["''", "../templates/aalco", "AALCO"])
def test_a_body_that_is_no_bodys_name_is_named_at_its_line(lib: Path, body: str) -> None:
    # `body: ''` ended in an AssertionError; `body: ../templates/aalco` read a house style outside templates/.
    line = edit(lib / DRAFT, "body: aalco", f"body: {body}")
    for command in (["build", DRAFT, "-o", "out/resolution.md"], ["lint", DRAFT], ["new", DRAFT, "-s", "60"]):
        result = runner.invoke(app, command)
        assert_user_error(result)
        assert f"{DRAFT}:{line}: body {body.strip(chr(39))!r} is no body's name" in result.output
    assert_nothing_written(lib / "out" / "resolution.md")


@pytest.mark.parametrize("body", ["", "../aalco"])
def test_a_body_asked_for_that_is_no_bodys_name_is_refused_for_a_word_file_too(lib: Path, body: str) -> None:
    # `parse x.docx --body ''` (or '../aalco') read the document as that body's; text refused it.
    path = lib / "out" / "unga-64.docx"
    assert runner.invoke(app, ["build", "drafts/unga-64.yaml", "-o", str(path)]).exit_code == 0
    result = runner.invoke(app, ["parse", str(path), "--body", body])
    assert_user_error(result)
    assert f"--body {body!r} is no body's name" in result.output


@pytest.mark.parametrize("paragraphs", [["Dear Sir,", "The meeting is postponed.", "Yours sincerely,"], []])
def test_a_word_file_that_holds_no_resolution_is_refused_as_text_is(lib: Path, paragraphs: list[str]) -> None:
    # A letter (or a blank page) was read as a resolution of body '': `parse` printed it, `diff`
    # warned "of different bodies ( and aalco)", `import` said "no house style for body ''".
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(lib / "letter.docx"))
    for command in (["parse", "letter.docx"], ["diff", "letter.docx", DRAFT], ["import", "letter.docx"], ["lint", "letter.docx"]):
        result = runner.invoke(app, command)
        assert_user_error(result)
        assert "letter.docx: no resolution found: there is no enacting formula and no operative paragraph" in result.output
    assert not (lib / "clauses" / "imported").exists()


@pytest.mark.parametrize("pair", ["dry_run=1", "library=x", "cache=", "correct_adopted=1"])
def test_clauses_edit_takes_only_a_clauses_fields(lib: Path, pair: str) -> None:
    # FIELD=VALUE went into edit()'s keyword arguments: "dry_run=1" a TypeError, "cache=" swallowed.
    before = (lib / CLAUSES).read_bytes()
    result = runner.invoke(app, ["clauses", "edit", "aalco.decides-provisional-agenda", pair])
    assert_user_error(result)
    assert f"unknown clause field {pair.partition('=')[0]!r}" in result.output
    assert (lib / CLAUSES).read_bytes() == before


def test_clauses_edit_refuses_a_name_the_drafts_using_the_clause_do_not_define(lib: Path) -> None:
    # `text='{{ nope }}'` was written, and every draft using the clause stopped building;
    # a variable each of those drafts defines is taken.
    before = (lib / CLAUSES).read_bytes()
    command = ["clauses", "edit", "aalco.decides-provisional-agenda", "text={{ nope }}", "--correct-adopted"]
    result = runner.invoke(app, command)
    assert_user_error(result)
    assert "clause aalco.decides-provisional-agenda: undefined template variable: 'nope' is undefined" in result.output
    assert (lib / CLAUSES).read_bytes() == before
    command[3] = "text=to place {{ secretariat_document }} on the agenda"
    assert runner.invoke(app, command).exit_code == 0


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--date", "9999-12-31T23:59:59-23:59"], "is beyond the calendar in UTC"),
        (["--date", "0001-01-01T00:00:00+01:00"], "is beyond the calendar in UTC"),
        (["--author", "a\x01b"], "is no name Word can hold"),
        (["--author", " "], "--author is empty"),
    ],
)
def test_a_redlines_date_or_author_word_cannot_hold_is_refused(lib: Path, option: list[str], message: str) -> None:
    # An OverflowError (a date past the calendar in UTC) and lxml's ValueError (a control character).
    result = runner.invoke(app, ["diff", "drafts/aalco-50.yaml", DRAFT, "-o", "out/redline.docx", *option])
    assert_user_error(result)
    assert message in result.output
    assert_nothing_written(lib / "out" / "redline.docx")


def test_a_clause_file_opening_with_a_byte_order_mark_is_renamed_in_and_keeps_it(lib: Path) -> None:
    # The parser's positions do not count the mark: the rename spliced one character off and
    # stopped with a RuntimeError ("the change made invalid YAML").
    path = lib / CLAUSES
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = runner.invoke(app, ["clauses", "rename", "aalco.decides-provisional-agenda", "aalco.decides-agenda"])
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# AALCO") and b"- id: aalco.decides-agenda\n" in path.read_bytes()
    assert runner.invoke(app, ["build", DRAFT, "-o", "out/resolution.md"]).exit_code == 0


@pytest.mark.parametrize("value", ["5", "[1]", '"a very long ending"'])
def test_a_paragraph_mark_that_is_no_mark_is_named_at_its_line(lib: Path, value: str) -> None:
    # `punctuation: {operative: 5}` printed "adopted in 20005" and "[1]" "fora[1]": any value was
    # taken as the paragraphs' closing mark, in a draft's style or a body's.
    draft = lib / "drafts" / "aalco-52.yaml"
    line = edit(draft, "style:\n", f"style:\n  punctuation: {{operative: {value}}}\n") + 1
    result, target = build(lib, "drafts/aalco-52.yaml")
    assert_user_error(result)
    assert f"drafts/aalco-52.yaml:{line}: style.punctuation.operative must be a mark such as ';' or '.'" in result.output
    assert not target.exists()
    body = lib / "templates" / "aalco" / "body.yaml"
    edit(draft, f"  punctuation: {{operative: {value}}}\n", "")
    line = edit(body, '  operative: ";"\n', f"  operative: {value}\n")
    result, _ = build(lib, "drafts/aalco-52.yaml")
    assert_user_error(result)
    assert f"templates/aalco/body.yaml:{line}: punctuation.operative must be a mark" in result.output
    edit(body, f"  operative: {value}\n", '  operative: "; and"\n')
    result, _ = build(lib, "drafts/aalco-52.yaml")
    assert result.exit_code == 0 and "other fora; and" in (lib / "out" / "resolution.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_an_emptied_template_is_named_not_written_as_an_empty_resolution(lib: Path, fmt: str) -> None:
    # A body's Markdown template emptied by mistake wrote a file of one blank line, and check said nothing.
    (lib / "templates" / "aalco" / f"resolution.{fmt}.j2").write_text("{# nothing yet #}\n", encoding="utf-8")
    result = runner.invoke(app, ["build", DRAFT, "-o", f"out/resolution.{fmt}"])
    assert_user_error(result)
    assert f"templates/aalco/resolution.{fmt}.j2: the template printed nothing of the resolution" in result.output
    assert f'{{% extends "_base/resolution.{fmt}.j2" %}}' in result.output
    assert not (lib / "out" / f"resolution.{fmt}").exists()
    check = runner.invoke(app, ["check"])
    assert check.exit_code == 1 and "printed nothing of the resolution" in check.output


def test_an_emptied_shared_layout_is_named_not_the_body_template_extending_it(lib: Path) -> None:
    # templates/_base/resolution.md.j2 emptied: the error named templates/aalco/resolution.md.j2, whose
    # hint was to extend the shared layout, which it does.
    (lib / "templates" / "_base" / "resolution.md.j2").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", DRAFT, "-o", "out/resolution.md"])
    assert_user_error(result)
    assert (
        "templates/_base/resolution.md.j2: the layout printed nothing of the resolution"
        " (templates/aalco/resolution.md.j2 extends it)" in result.output
    )
    assert "resdraft init NEW_FOLDER" in result.output and "{% extends" not in result.output
    assert not (lib / "out" / "resolution.md").exists()


LOOPS = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"


@pytest.mark.parametrize("where", ["clause", "template"])
def test_loops_inside_loops_stop_with_the_file_and_line_not_hang(lib: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    # The sandbox bounds each range to 100,000 but not a loop inside another: a clause or a
    # template looping 99,999 times over 99,999 ran for hours.
    monkeypatch.setattr("resdraft.templating.RENDER_SECONDS", 0.2, raising=False)
    if where == "clause":
        line = edit(lib / CLAUSES, "text: the Secretariat Document No. {{ secretariat_document }}", f'text: "{LOOPS}"')
        named = f"{CLAUSES}:{line}"
    else:
        line = append(lib / "templates" / "_base" / "resolution.md.j2", LOOPS)
        named = f"templates/_base/resolution.md.j2:{line}"
    started = time.perf_counter()
    output, checked = refused(lib)
    assert time.perf_counter() - started < 30
    assert f"{named}: the template does not finish: it ran for more than 0.2 seconds" in output
    assert "loop inside a loop" in output
    assert "the template does not finish" in checked


def test_a_variable_left_blank_is_named_not_printed_as_none(lib: Path) -> None:
    # `secretariat_document:` with nothing after it built "Considering the Secretariat Document No.
    # None;" and check passed it.
    draft = lib / DRAFT
    line = line_of(draft, "  secretariat_document:")
    text = draft.read_text(encoding="utf-8").splitlines(keepends=True)
    text[line - 1] = "  secretariat_document:\n"
    draft.write_text("".join(text), encoding="utf-8")
    output, checked = refused(lib)
    assert f"{DRAFT}:{line}: variable 'secretariat_document' has no value" in output
    assert "secretariat_document: {tbd: " in output
    assert "has no value" in checked
