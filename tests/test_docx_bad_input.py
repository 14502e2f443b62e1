"""Bad input for Word output: a clear error naming what to fix, and no file written."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from resdraft.cli import app

runner = CliRunner()


def _build(library: Path, draft: str = "aalco-52") -> tuple[int, str, Path]:
    out = library / "out" / f"{draft}.docx"
    result = runner.invoke(app, ["build", str(library / "drafts" / f"{draft}.yaml"), "-o", str(out)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output, out


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _add_header_role(library: Path, role: str) -> None:
    body = library / "templates" / "aalco" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    line = '  - {role: date, text: "{{ date | long_date | upper }}"}\n'
    assert line in text
    body.write_text(text.replace(line, line + f'  - {{role: {role}, text: "{{{{ draft.venue }}}}"}}\n'), encoding="utf-8")


def test_header_role_without_a_word_style_names_the_style_and_word_yaml(library: Path) -> None:
    _add_header_role(library, "venue")
    code, output, out = _build(library)
    assert code == 1
    assert "'Header Venue'" in output and "header line 'venue'" in output
    assert "templates/aalco/word.yaml" in output and "hint:" in output
    assert not out.exists()


def test_check_reports_the_missing_word_style_too(library: Path) -> None:
    _add_header_role(library, "venue")
    result = runner.invoke(app, ["check", str(library)])
    assert result.exit_code == 1
    assert "'Header Venue'" in result.output


def test_a_style_no_paragraph_is_set_in_is_named_at_its_line(library: Path) -> None:
    # "Header Statuz:" for "Header Status:" set nothing, and the status line took _base's bold in silence.
    word = library / "templates" / "aalco" / "word.yaml"
    text = word.read_text(encoding="utf-8")
    assert "  Header Status:" in text
    word.write_text(text.replace("  Header Status:", "  Header Statuz:"), encoding="utf-8")
    line = 1 + word.read_text(encoding="utf-8").splitlines().index(
        next(x for x in text.splitlines() if "Header Status:" in x).replace("Status", "Statuz")
    )
    code, output, out = _build(library)
    assert code == 1
    assert f"templates/aalco/word.yaml:{line}: no paragraph or text is set in style 'Header Statuz'" in output
    assert "hint: did you mean Header Status" in output
    assert not out.exists()
    assert runner.invoke(app, ["check", str(library)]).exit_code == 1


def test_a_style_for_a_line_of_the_bodys_own_masthead_or_a_deeper_level_is_taken(library: Path) -> None:
    _add_header_role(library, "venue")
    _append(library / "templates" / "aalco" / "word.yaml", "  Header Venue: {align: right}\n  Subparagraph 4: {left: 4.4cm}\n")
    code, output, out = _build(library)
    assert code == 0 and out.exists(), output
    result = runner.invoke(app, ["check", str(library)])
    assert result.exit_code == 0 and "no paragraph or text is set" not in result.output


def test_style_based_on_an_unknown_style_names_its_line(library: Path) -> None:
    word = library / "templates" / "aalco" / "word.yaml"
    _append(word, "  Preambular Subparagraph 1: {based_on: Body Text Special}\n")
    line = len(word.read_text(encoding="utf-8").splitlines())
    code, output, out = _build(library)
    assert code == 1
    assert f"word.yaml:{line}:" in output and "'Body Text Special'" in output
    assert not out.exists()


def test_reference_document_lacking_a_style_is_named(library: Path) -> None:
    folder = library / "templates" / "aalco"
    docx.Document().save(str(folder / "reference.docx"))
    word = folder / "word.yaml"
    word.write_text("reference: reference.docx\n" + word.read_text(encoding="utf-8"), encoding="utf-8")
    _add_header_role(library, "venue")
    code, output, out = _build(library)
    assert code == 1
    assert "'Header Venue'" in output and "reference document" in output and "reference.docx" in output
    assert not out.exists()


def test_reference_document_styles_are_used_when_present(library: Path) -> None:
    folder = library / "templates" / "aalco"
    reference = docx.Document()
    reference.styles.add_style("Header Venue", 1).font.bold = True
    reference.save(str(folder / "reference.docx"))
    word = folder / "word.yaml"
    word.write_text("reference: reference.docx\n" + word.read_text(encoding="utf-8"), encoding="utf-8")
    _add_header_role(library, "venue")
    code, output, out = _build(library)
    assert code == 0, output
    paragraphs = docx.Document(str(out)).paragraphs
    assert any(p.style.name == "Header Venue" and p.text == "New Delhi, India" for p in paragraphs)


def test_corrupt_reference_document_is_a_clear_error(library: Path) -> None:
    folder = library / "templates" / "aalco"
    (folder / "reference.docx").write_bytes(b"PK\x03\x04 this is not really a zip file")
    word = folder / "word.yaml"
    word.write_text("reference: reference.docx\n" + word.read_text(encoding="utf-8"), encoding="utf-8")
    code, output, out = _build(library)
    assert code == 1
    assert "reference.docx" in output and "cannot be read as .docx: it is no Word package" in output
    assert "Error)" not in output  # (it named python-docx's exception: "(PackageNotFoundError)")
    assert not out.exists()


def test_body_without_a_word_template_says_which_file_to_add(library: Path) -> None:
    (library / "templates" / "aalco" / "word.yaml").unlink()
    code, output, out = _build(library)
    assert code == 1
    assert "no Word template" in output and "templates/aalco/word.yaml" in output and "hint:" in output
    assert not out.exists()
    md = runner.invoke(app, ["build", str(library / "drafts" / "aalco-52.yaml"), "-o", str(library / "x.md")])
    assert md.exit_code == 0, "Markdown does not need the Word template"


def test_draft_footnote_with_no_anchor_is_an_error(library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    _append(draft, "footnotes:\n  '*': A note nobody anchors.\n")
    code, output, out = _build(library)
    assert code == 1
    assert "footnote '*' has no anchor" in output and "hint:" in output
    assert not out.exists()


def test_clause_footnote_with_no_anchor_is_an_error(library: Path) -> None:
    clauses = library / "clauses" / "aalco-trafficking.yaml"
    text = clauses.read_text(encoding="utf-8")
    clauses.write_text(
        text.replace("    tags: [aalco, agenda]\n", "    tags: [aalco, agenda]\n    footnotes: {x: Unanchored.}\n"),
        encoding="utf-8",
    )
    code, output, out = _build(library)
    assert code == 1
    assert "footnote 'x' is not anchored" in output
    assert not out.exists()


def test_existing_docx_is_not_overwritten_without_force(library: Path) -> None:
    out = library / "out" / "aalco-52.docx"
    out.parent.mkdir()
    out.write_bytes(b"keep me")
    code, output, _ = _build(library)
    assert code == 1 and "already exists" in output and out.read_bytes() == b"keep me"
    forced = runner.invoke(app, ["build", str(library / "drafts" / "aalco-52.yaml"), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_bytes()[:2] == b"PK"
    assert not list(out.parent.glob(".*.part"))


@pytest.mark.parametrize("size", ["a5", "{width: 21cm}"])
def test_bad_page_size_in_word_yaml_is_reported(library: Path, size: str) -> None:
    word = library / "templates" / "aalco" / "word.yaml"
    word.write_text(word.read_text(encoding="utf-8").replace("  size: a4", f"  size: {size}"), encoding="utf-8")
    code, output, _ = _build(library)
    assert code == 1 and "word.yaml:" in output and "page size" in output


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        # Each was written into the Word file as it stood: a font of 0 or 99,999 points, a negative
        # margin, margins wider than the page, a control character in the font's name (an lxml
        # ValueError and a traceback), a language tag Word does not know, negative spacing.
        ("  font_size: 12pt", "  font_size: 0pt", "font_size '0pt' is out of range"),
        ("  font_size: 12pt", "  font_size: 99999pt", "hint: Word takes 1pt to 1638pt"),
        ("  margins: {top: 2.5cm,", "  margins: {top: -1cm,", "margin top: '-1cm' is less than nothing"),
        ("left: 2.5cm, right: 2.5cm}", "left: 10cm, right: 10cm}", "the left and right margins leave less than an inch"),
        ("  font: Times New Roman", '  font: "Times\\a"', "invalid text: character U+0007, written as an escape"),
        ("  language: en-GB", "  language: english", "language 'english' is no language tag"),
        ("Header Date: {align: right, space_after: 18pt}", "Header Date: {align: right, space_after: -18pt}", "out of range"),
        (
            "Header Date: {align: right, space_after: 18pt}",
            "Header Date: {align: right, line: 0}",
            "Word takes 0.06 to 132 lines",
        ),
        ("Header Date: {align: right, space_after: 18pt}", "Header Date: {align: 3}", "Header Date.align must be text"),
    ],
)
def test_a_word_yaml_value_word_cannot_take_is_named_at_its_line(library: Path, old: str, new: str, said: str) -> None:
    word = library / "templates" / "aalco" / "word.yaml"
    text = word.read_text(encoding="utf-8")
    assert old in text
    word.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, output, out = _build(library)
    assert code == 1 and "templates/aalco/word.yaml" in output and said in output, output
    assert not out.exists()


def test_reference_document_with_an_unreadable_tab_stop_is_a_clear_error(library: Path) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    folder = library / "templates" / "aalco"
    reference = docx.Document()
    style = reference.styles.add_style("Operative Paragraph", 1)
    style.paragraph_format.tab_stops.add_tab_stop(Pt(200))
    style.element.pPr.find(qn("w:tabs"))[0].set(qn("w:pos"), "wide")
    reference.save(str(folder / "reference.docx"))
    word = folder / "word.yaml"
    word.write_text("reference: reference.docx\n" + word.read_text(encoding="utf-8"), encoding="utf-8")
    code, output, out = _build(library)
    assert code == 1
    assert "reference.docx" in output and "'Operative Paragraph'" in output and "hint:" in output
    assert not out.exists()


def test_styles_that_are_no_mapping_are_told_once(library: Path) -> None:
    # The check for styles no paragraph is set in read `styles:` a second time, and build said so twice.
    word = library / "templates" / "aalco" / "word.yaml"
    text = word.read_text(encoding="utf-8")
    word.write_text(text[: text.index("styles:")] + "styles: 3\n", encoding="utf-8")
    code, output, out = _build(library)
    assert code == 1 and not out.exists()
    assert output.count("'styles' must be a mapping of names to values") == 1, output
