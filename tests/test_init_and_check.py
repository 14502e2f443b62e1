"""`resdraft init` makes a working library; `resdraft check` validates one and reports every problem at once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdraft.cli import app

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy2(ROOT / "resdraft.yaml", root / "resdraft.yaml")
    for folder in ("clauses", "drafts", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def summary_counts(output: str) -> tuple[int, int]:
    m = re.search(r": (\d+) errors?, (\d+) warnings?$", output.strip())
    assert m, output
    return int(m.group(1)), int(m.group(2))


# ---------------------------------------------------------------- init


@pytest.fixture
def new_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "mylib"])
    assert result.exit_code == 0, result.output
    return tmp_path / "mylib"


def test_init_creates_project_file_clauses_drafts_and_templates(new_library: Path) -> None:
    assert (new_library / "resdraft.yaml").is_file()
    assert list((new_library / "clauses").glob("*.yaml"))
    assert list((new_library / "drafts").glob("*.yaml"))
    assert list((new_library / "templates").glob("*/body.yaml"))


def test_init_reports_each_file_it_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "mylib"])
    assert result.exit_code == 0, result.output
    created = sorted(p for p in (tmp_path / "mylib").rglob("*") if p.is_file())
    assert result.output.count("created ") == len(created)


def test_init_into_an_existing_empty_folder_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "empty"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "empty" / "resdraft.yaml").is_file()


def test_check_passes_on_a_new_library(new_library: Path) -> None:
    result = runner.invoke(app, ["check", str(new_library)])
    assert result.exit_code == 0, result.output
    assert summary_counts(result.output)[0] == 0


def test_every_draft_of_a_new_library_builds_to_markdown_and_text(new_library: Path, tmp_path: Path) -> None:
    drafts = sorted((new_library / "drafts").glob("*.yaml"))
    assert drafts
    for draft in drafts:
        for ext in ("md", "txt"):
            target = tmp_path / "out" / f"{draft.stem}.{ext}"
            result = runner.invoke(app, ["build", str(draft), "-o", str(target)])
            assert result.exit_code == 0, result.output
            assert target.read_text(encoding="utf-8").strip(), target


# ---------------------------------------------------------------- check on the example library


def test_check_passes_on_the_example_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 0, result.output
    assert summary_counts(result.output)[0] == 0


def _placeholders(path: Path) -> list[tuple[str, int]]:
    """(key, line) of every `key: {tbd: …}` in a draft."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if m := re.match(r"\s*(\w+):\s*\{tbd:", line):
            out.append((m.group(1), n))
    return out


AALCO_53 = ROOT / "drafts" / "aalco-53.yaml"


@pytest.mark.skipif(not AALCO_53.is_file(), reason="drafts/aalco-53.yaml is not in the example library")
def test_check_reports_each_placeholder_of_aalco_53_as_a_warning_with_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    placeholders = _placeholders(AALCO_53)
    assert placeholders, "aalco-53 should hold {tbd: …} placeholders"
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 0, result.output
    for key, line in placeholders:
        assert f"drafts/aalco-53.yaml:{line}: warning: {key} is still a placeholder" in result.output
    assert summary_counts(result.output)[1] >= len(placeholders)


@pytest.mark.skipif(not AALCO_53.is_file(), reason="drafts/aalco-53.yaml is not in the example library")
def test_check_strict_fails_on_placeholder_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", ".", "--strict"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "warning: symbol is still a placeholder" in result.output


def test_check_strict_passes_without_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = copy_example(tmp_path)
    for draft in (lib / "drafts").glob("*.yaml"):
        if _placeholders(draft):
            draft.unlink()
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check", ".", "--strict"])
    assert result.exit_code == 0, result.output
    assert summary_counts(result.output) == (0, 0)


# ---------------------------------------------------------------- several problems at once


def test_check_reports_several_problems_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = copy_example(tmp_path)
    draft = lib / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.count("  - aalco.decides-provisional-agenda") == 1
    bad_line = text[: text.index("  - aalco.decides-provisional-agenda")].count("\n") + 1
    draft.write_text(
        text.replace("  - aalco.decides-provisional-agenda", "  - aalco.decides-provisonal-agenda"), encoding="utf-8"
    )
    template = lib / "templates" / "unga" / "resolution.md.j2"
    template.write_text(
        '{% extends "_base/resolution.md.j2" %}\n{% block title %}{{ res.title }\n{% endblock %}\n', encoding="utf-8"
    )
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"drafts/aalco-52.yaml:{bad_line}: unknown clause id 'aalco.decides-provisonal-agenda'" in result.output
    assert "templates/unga/resolution.md.j2:2: template syntax error" in result.output
    # Once, not again for the draft in the GA's style ("… (building drafts/unga-64.yaml)")
    assert result.output.count("templates/unga/resolution.md.j2:2: template syntax error") == 1
    assert summary_counts(result.output)[0] >= 2


def test_check_reports_problems_in_two_drafts_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = copy_example(tmp_path)
    for name, key in (("aalco-50", "sesion"), ("aalco-52", "venu")):
        path = lib / "drafts" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n{key}: x\n", encoding="utf-8")
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1, result.output
    assert "drafts/aalco-50.yaml:" in result.output and "unknown key 'sesion'" in result.output
    assert "drafts/aalco-52.yaml:" in result.output and "unknown key 'venu'" in result.output


def test_check_on_a_folder_outside_any_library_is_a_user_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "not inside a resdraft library" in result.output
    assert "hint:" in result.output


def test_check_of_a_path_that_is_not_there_says_so(tmp_path: Path) -> None:
    # From an outside audit: it said "not inside a resdraft library", as if the folder were there.
    result = runner.invoke(app, ["check", str(tmp_path / "does-not-exist")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "does-not-exist: no such file\n  hint: check the path" in result.output


def _drop_variables(draft: Path) -> int:
    """Take `variables:` out of an AALCO draft; the line its preamble names the clause using one."""
    text = draft.read_text(encoding="utf-8")
    text = re.sub(r"variables:\n  secretariat_document: .*\n", "", text)
    draft.write_text(text, encoding="utf-8")
    return text[: text.index("  - aalco.considering-secretariat-document")].count("\n") + 1


def test_check_names_each_draft_line_using_a_clause_its_draft_lacks_a_variable_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clause's line alone (clauses/aalco-trafficking.yaml:8) does not say which of a
    # library's drafts lacks the variable.
    lib = copy_example(tmp_path)
    lines = {name: _drop_variables(lib / "drafts" / f"{name}.yaml") for name in ("aalco-50", "aalco-52")}
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    for name, line in lines.items():
        assert (
            "undefined template variable: 'secretariat_document' is undefined "
            f"(clause aalco.considering-secretariat-document, as drafts/{name}.yaml:{line} uses it)"
        ) in result.output
    assert summary_counts(result.output)[0] == 2


def test_check_names_the_draft_a_house_style_line_fails_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = copy_example(tmp_path)
    body = lib / "templates" / "aalco" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    line = text[: text.index("{{ draft.symbol or '' }}")].count("\n") + 1
    body.write_text(
        text.replace("{{ draft.symbol or '' }}", "{{ draft.symbol }} {{ secretariat_document[:0] }}"), encoding="utf-8"
    )
    _drop_variables(lib / "drafts" / "aalco-50.yaml")
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    assert (
        f"templates/aalco/body.yaml:{line}: undefined template variable: 'secretariat_document' is undefined "
        "(building drafts/aalco-50.yaml)"
    ) in result.output


def _example_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str) -> int:
    """A copy of the example library, made the working folder, with `old` in `file` replaced by
    `new`; the line `old` began on."""
    lib = copy_example(tmp_path)
    path = lib / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.chdir(lib)
    return text[: text.index(old)].count("\n") + 1


def _check_and_build_fail_telling(told: str, draft: str) -> list[str]:
    """`resdraft check` and `resdraft build DRAFT` both fail, their output beginning with `told`; their outputs."""
    outputs = []
    for command in (["check"], ["build", draft]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, result.output
        assert result.output.startswith(told), result.output
        outputs.append(result.output)
    return outputs


def test_a_clauses_build_error_names_the_clause_once_in_check_and_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A footnote anchor in AALCO/RES/52/S 8's secretariat document variable, which its clause has
    # no footnote for, read "aalco.considering-secretariat-document: footnote anchor [^zz] has no
    # footnote (clause aalco.considering-secretariat-document, as drafts/aalco-52.yaml:13 uses it)".
    lib = copy_example(tmp_path)
    draft = lib / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(re.sub(r"(secretariat_document: )(.*)", r'\1"\2[^zz]"', text), encoding="utf-8")
    line = text[: text.index("  - aalco.considering-secretariat-document")].count("\n") + 1
    monkeypatch.chdir(lib)
    told = (
        "clauses/aalco-trafficking.yaml:8: paragraph: footnote anchor [^zz] has no footnote "
        f"(clause aalco.considering-secretariat-document, as drafts/aalco-52.yaml:{line} uses it)\n"
        "  hint: add `zz: …` under `footnotes:`\n"
    )
    for output in _check_and_build_fail_telling(told, "drafts/aalco-52.yaml"):
        assert output.count("aalco.considering-secretariat-document") == 1


def test_an_undefined_variable_in_a_drafts_opening_override_names_the_drafts_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # AALCO/RES/52/S 8's draft giving its "Noting" paragraph an opening of its own with a misspelt
    # variable read "clauses/aalco-trafficking.yaml:54: undefined template variable: 'sesion' is
    # undefined (clause aalco.noting-member-state-efforts, as drafts/aalco-52.yaml:21 uses it)":
    # the clause's text line, where nothing is wrong, and not the draft's `opening:`, where it is.
    lib = copy_example(tmp_path)
    draft = lib / "drafts" / "aalco-52.yaml"
    text = draft.read_text(encoding="utf-8").replace(
        "  - aalco.noting-member-state-efforts\n",
        "  - clause: aalco.noting-member-state-efforts\n    opening: Noting at its {{ sesion.ordinal_title }} Annual Session\n",
    )
    draft.write_text(text, encoding="utf-8")
    line = text[: text.index("    opening: Noting at its")].count("\n") + 1
    monkeypatch.chdir(lib)
    told = (
        f"drafts/aalco-52.yaml:{line}: undefined template variable: 'sesion' is undefined\n"
        "  hint: define it under `variables:` in the draft, or fix its spelling\n"
    )
    for output in _check_and_build_fail_telling(told, "drafts/aalco-52.yaml"):
        assert "clauses/aalco-trafficking.yaml" not in output


def test_a_clauses_footnote_anchor_with_no_footnote_is_told_once_at_its_text_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An anchor [^9] added to AALCO/RES/52/S 8's first clause was told at the clause's `id:` line
    # ("clauses/aalco-trafficking.yaml:5: clause aalco.considering-secretariat-document: footnote
    # anchor [^9] has no footnote"), then again at its text line for each of the three drafts that
    # use it ("…:8: paragraph: footnote anchor [^9] has no footnote (clause …, as drafts/aalco-50.yaml:17 uses it)").
    written = "    text: the Secretariat Document No. {{ secretariat_document }}"
    line = _example_edited(tmp_path, monkeypatch, "clauses/aalco-trafficking.yaml", written, written + "[^9]")
    told = (
        f"clauses/aalco-trafficking.yaml:{line}: clause aalco.considering-secretariat-document: "
        "footnote anchor [^9] has no footnote\n  hint: add `9: …` under `footnotes:`\n"
    )
    for output in _check_and_build_fail_telling(told, "drafts/aalco-52.yaml"):
        assert output.count("[^9]") == 1, output


def test_a_clauses_template_syntax_error_is_told_once_at_its_text_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An unclosed "{{ session.ordinal " in AALCO/RES/52/S 8's first clause was told at its text line,
    # then again for each of the three drafts that use it ("…:8: template syntax error: unexpected end
    # of template, … (clause aalco.considering-secretariat-document, as drafts/aalco-50.yaml:17 uses it)").
    written = "    text: the Secretariat Document No. {{ secretariat_document }}"
    broken = "    text: the Secretariat Document No. {{ session.ordinal "
    line = _example_edited(tmp_path, monkeypatch, "clauses/aalco-trafficking.yaml", written, broken)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        f"clauses/aalco-trafficking.yaml:{line}: clause aalco.considering-secretariat-document: template syntax error: "
        "unexpected end of template, expected 'end of print statement'.\n"
        "  hint: fix the Jinja syntax ({{ ... }} and {% ... %} must be closed)\n"
    ), result.output
    assert result.output.count("template syntax error") == 1, result.output
    assert summary_counts(result.output)[0] == 1, result.output
    result = runner.invoke(app, ["build", "drafts/aalco-52.yaml"])
    assert result.exit_code == 1, result.output
    assert result.output.count("template syntax error") == 1, result.output


def test_a_syntax_error_in_a_clauses_subparagraph_is_told_once_at_the_subparagraphs_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An "{% if x %}" with no endif in a sub-paragraph of AIPA's clause was told at the clause's text
    # line, and building drafts/aipo-27.yaml told it again at the sub-paragraph's.
    written = "        review their legal frameworks"
    broken = "        review {% if x %}their legal frameworks"
    line = _example_edited(tmp_path, monkeypatch, "clauses/aipa-trafficking.yaml", written, broken) - 1
    # (the sub-paragraph's "- >-" line, the one before, as building tells it)
    told = f"clauses/aipa-trafficking.yaml:{line}: clause aipa.advise-members-legal-frameworks: template syntax error: "
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(told), result.output
    assert result.output.count("template syntax error") == 1, result.output
    result = runner.invoke(app, ["build", "drafts/aipo-27.yaml"])
    assert result.exit_code == 1, result.output
    assert f"clauses/aipa-trafficking.yaml:{line}: template syntax error: " in result.output, result.output
    assert result.output.count("template syntax error") == 1, result.output


def test_an_error_in_a_house_styles_formula_names_its_line_in_body_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It named the draft's first line: "drafts/aalco-52.yaml:1: undefined template variable".
    lib = copy_example(tmp_path)
    body = lib / "templates" / "aalco" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    line = text[: text.index("  enacting:")].count("\n") + 1
    body.write_text(text.replace("{{ body.name }}", "{{ body.nmae.full }}", 1), encoding="utf-8")
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["build", "drafts/aalco-52.yaml"])
    assert result.exit_code == 1
    assert (
        f"templates/aalco/body.yaml:{line}: undefined template variable: no 'nmae' among key, name and short_name"
        in result.output
    )
    assert "drafts/aalco-52.yaml:1" not in result.output
    result = runner.invoke(app, ["check"])
    assert f"templates/aalco/body.yaml:{line}: undefined template variable" in result.output
    assert "(building drafts/aalco-52.yaml)" in result.output


def test_check_reports_an_amends_loop_and_a_clause_amending_itself_at_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Neither was an error (0 errors, exit 0) while no draft used the clauses, and `clauses
    # history` then showed a false first wording.
    lib = copy_example(tmp_path)
    (lib / "clauses" / "loops.yaml").write_text(
        "clauses:\n"
        "  - id: topic.a\n    kind: operative\n    opening: Decides\n    text: to do a\n    amends: topic.b\n"
        "  - id: topic.b\n    kind: operative\n    opening: Decides\n    text: to do b\n    amends: topic.a\n"
        "  - id: topic.c\n    kind: operative\n    opening: Decides\n    text: to do c\n    amends: topic.c\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    assert "clauses/loops.yaml:2: `amends:` links form a loop: topic.a -> topic.b -> topic.a" in result.output
    assert "clauses/loops.yaml:12: clause topic.c amends itself" in result.output
    assert summary_counts(result.output)[0] == 2


def test_check_finds_a_misspelt_name_in_a_clause_no_draft_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only building a draft that used the clause found {{ sesion.next.ordinal }}; a name a draft
    # defines under `variables:` is no error, in a clause no draft uses either.
    lib = copy_example(tmp_path)
    (lib / "clauses" / "unused.yaml").write_text(
        "clauses:\n"
        "  - id: topic.meets\n    kind: operative\n    opening: Decides\n"
        "    text: to meet at its {{ sesion.next.ordinal }} session and {{ session.nxt.ordinal }}\n"
        "  - id: topic.considers\n    kind: preambular\n    opening: Considering\n"
        "    text: document {{ secretariat_document }} of the {{ session.next.ordinal_title }} session,"
        " {{ session.ordinal.upper() }}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(lib)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1, result.output
    assert "clauses/unused.yaml:5: clause topic.meets: undefined template variable: 'sesion' is undefined" in result.output
    assert "hint: did you mean session?" in result.output
    assert "clause topic.meets: undefined template variable: a session has no 'nxt'" in result.output
    assert summary_counts(result.output)[0] == 2
