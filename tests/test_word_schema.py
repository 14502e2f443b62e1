"""Word files Word opens without repair: every part valid against the Office Open XML schemas and
the Open XML SDK's semantic rules, as openxml-audit (a Python port of the SDK's validator) checks
them. LibreOffice is lenient about element order; Word is not, and may offer to "repair" such a file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

from conftest import ROOT, ga_pair, ga_resolution
from resdraft.build import build, load_resolution, word_style_for
from resdraft.diff import compare
from resdraft.importers.docx import parse_docx
from resdraft.preview import convert
from resdraft.render.docx import render_docx
from resdraft.render.redline import render_redline

WHEN = dt.datetime(2013, 9, 12, 10, 0, tzinfo=dt.UTC)
DRAFTS = sorted(p.stem for p in (ROOT / "drafts").glob("*.yaml"))
EXAMPLES = (("aalco-50", "aalco-52"), ("aalco-52", "aalco-53"), ("aipo-26", "aipo-27"))
# GA pairs read from their PDF text, each with footnotes changed and comments (paragraphs split,
# merged or gone to the other part): 78/132; with Word moves too: 78/248 and 78/69 (the longest);
# a changed paragraph's properties (w:pPrChange): 78/232; the old text's own sub-paragraph numbering: 78/223.
GA = ("A/RES/78/132", "A/RES/78/248", "A/RES/78/69", "A/RES/78/232", "A/RES/78/223")


def _problems(data: bytes, tmp_path: Path) -> list[str]:
    """What the validator finds in a .docx (a fresh validator each time: it keeps state between files)."""
    path = tmp_path / "checked.docx"
    path.write_bytes(data)
    return [str(error) for error in OpenXmlValidator(max_errors=0).validate(path).errors]


@pytest.mark.parametrize("name", DRAFTS)
def test_every_draft_of_the_example_library_builds_a_valid_word_file(name: str, tmp_path: Path) -> None:
    data = build(ROOT / "drafts" / f"{name}.yaml", "docx")
    assert isinstance(data, bytes)
    assert _problems(data, tmp_path) == []


@pytest.mark.parametrize(("old", "new"), EXAMPLES)
def test_redlines_of_the_example_drafts_are_valid_word_files(old: str, new: str, tmp_path: Path) -> None:
    a, b = (load_resolution(ROOT / "drafts" / f"{name}.yaml")[0] for name in (old, new))
    redline = render_redline(compare(a, b), word_style_for(b.body, str(ROOT / "drafts")), "resdraft", WHEN)
    assert _problems(redline, tmp_path) == []


@pytest.mark.parametrize("symbol", GA)
def test_ga_redlines_and_their_new_texts_are_valid_word_files(symbol: str, tmp_path: Path) -> None:
    old, new = ga_pair(symbol)
    word = word_style_for("unga", str(ROOT / "drafts"))
    assert _problems(render_redline(compare(old, new), word, "resdraft", WHEN), tmp_path) == []
    assert _problems(render_docx(new, word), tmp_path) == []


def test_a_redline_of_a_numbered_title_against_an_unnumbered_one_is_a_valid_word_file(tmp_path: Path) -> None:
    # The title's setting (its number hanging) as one text has it, the other's in a tracked change.
    adopted = ga_resolution("A/RES/78/228")
    draft = dataclasses.replace(adopted, title=tuple(dataclasses.replace(line, label=None) for line in adopted.title))
    word = word_style_for("unga", str(ROOT / "drafts"))
    for old, new in ((adopted, draft), (draft, adopted)):
        assert _problems(render_redline(compare(old, new), word, "resdraft", WHEN), tmp_path) == []


def test_a_word_file_imported_and_written_again_is_a_valid_word_file(tmp_path: Path) -> None:
    word = word_style_for("unga", str(ROOT / "drafts"))
    res = parse_docx(render_docx(load_resolution(ROOT / "drafts" / "unga-64.yaml")[0], word), None, "unga")
    assert res.footnotes
    assert _problems(render_docx(res, word), tmp_path) == []


def test_the_validator_finds_a_numbering_level_out_of_the_schemas_order(tmp_path: Path) -> None:
    # The check is live: w:suff after w:lvlText (as resdraft once wrote it) is reported.
    data = render_docx(load_resolution(ROOT / "drafts" / "aalco-52.yaml")[0], word_style_for("aalco", str(ROOT / "drafts")))
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/numbering.xml":
                content = content.replace(
                    b'<w:suff w:val="tab"/><w:lvlText w:val="%1."/>', b'<w:lvlText w:val="%1."/><w:suff w:val="tab"/>'
                )
                assert b'<w:lvlText w:val="%1."/><w:suff' in content
            z.writestr(item, content)
    assert any("suff" in problem for problem in _problems(out.getvalue(), tmp_path))


def _resaved_by_libreoffice(source: Path, folder: Path) -> Path:
    """`source` (.docx or .txt) saved as .docx by LibreOffice, as a secretariat might make its reference document."""
    (folder / "saved").mkdir(exist_ok=True)
    return convert([source], folder / "saved", "docx:MS Word 2007 XML")[0]


def _with_reference(library: Path, body: str, reference: Path) -> None:
    shutil.copy(reference, library / "templates" / body / "reference.docx")
    word = library / "templates" / body / "word.yaml"
    word.write_text("reference: reference.docx\n" + word.read_text(encoding="utf-8"), encoding="utf-8")


def test_last_sessions_file_saved_by_libreoffice_as_the_reference_gives_a_valid_word_file(library: Path, tmp_path: Path) -> None:
    # A reference document with footnotes, a page number in its footer, numbering and bordered
    # styles of its own: none of them doubled (its footnotes and their settings are dropped, its
    # page number kept, a border replaced).
    built = tmp_path / "unga-64.docx"
    built.write_bytes(build(ROOT / "drafts" / "unga-64.yaml", "docx"))  # type: ignore[arg-type]
    _with_reference(library, "unga", _resaved_by_libreoffice(built, tmp_path))
    data = build(library / "drafts" / "unga-64.yaml", "docx")
    assert isinstance(data, bytes)
    assert _problems(data, tmp_path) == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        footer = z.read("word/footer1.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert names.count("word/footnotes.xml") == 1
    assert footer.count("PAGE") == 1 and settings.count("<w:footnotePr") == 1


def test_a_bare_reference_document_without_numbering_or_page_styles_gives_a_valid_word_file(
    library: Path, tmp_path: Path
) -> None:
    # LibreOffice's .docx of a plain text: no numbering part, no Footer style, no default spacing.
    text = tmp_path / "template.txt"
    text.write_text("Secretariat template\n", encoding="utf-8")
    reference = _resaved_by_libreoffice(text, tmp_path)
    with zipfile.ZipFile(reference) as z:
        assert "word/numbering.xml" not in z.namelist() and b'w:styleId="Footer"' not in z.read("word/styles.xml")
    _with_reference(library, "aalco", reference)
    data = build(library / "drafts" / "aalco-52.yaml", "docx")
    assert isinstance(data, bytes)
    # Only what the reference itself lacks: LibreOffice writes no theme part.
    theirs = _problems(reference.read_bytes(), tmp_path)
    assert len(theirs) == 1 and "theme" in theirs[0]
    assert _problems(data, tmp_path) == theirs
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<w:numPr>" in z.read("word/document.xml") and b" PAGE " in z.read("word/footer1.xml")


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_a_built_file_opens_in_current_words_layout_unproofed_and_says_resdraft_made_it() -> None:
    # python-docx's template says Word 2010 (Word would show "Compatibility Mode"), that its text
    # was proofread (Word would skip checking the spelling of ours), and that Microsoft Macintosh
    # Word wrote a one-page file of no words.
    data = build(ROOT / "drafts" / "aalco-52.yaml", "docx")
    assert isinstance(data, bytes)
    settings, app_xml = _part(data, "word/settings.xml"), _part(data, "docProps/app.xml")
    assert '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' in settings
    assert "proofState" not in settings
    assert "<Application>resdraft</Application>" in app_xml
    assert "Macintosh" not in app_xml and "<Pages>" not in app_xml and "<Words>" not in app_xml


def test_a_reference_document_keeps_its_own_compatibility_setting(library: Path, tmp_path: Path) -> None:
    import docx

    reference = tmp_path / "reference.docx"
    docx.Document().save(str(reference))  # Word 2010's layout, as python-docx's template has it
    _with_reference(library, "aalco", reference)
    data = build(library / "drafts" / "aalco-52.yaml", "docx")
    assert isinstance(data, bytes)
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"' in _part(
        data, "word/settings.xml"
    )


def test_redlines_that_delete_or_add_every_paragraph_are_valid_word_files(tmp_path: Path) -> None:
    import dataclasses

    full = load_resolution(ROOT / "drafts" / "aalco-52.yaml")[0]
    empty = dataclasses.replace(full, preamble=(), operative=())
    word = word_style_for("aalco", str(ROOT / "drafts"))
    for old, new in ((full, empty), (empty, full)):
        assert _problems(render_redline(compare(old, new), word, "resdraft", WHEN), tmp_path) == []
    assert _problems(render_docx(empty, word), tmp_path) == []
