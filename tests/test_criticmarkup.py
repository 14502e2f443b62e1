"""`resdraft diff --to md`: the new text as `resdraft build --to md` writes it, changes in CriticMarkup."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, ga_text
from resdraft.build import build
from resdraft.cli import app
from resdraft.importers.pdftext import parse_pdf_text
from resdraft.render.markup import render

runner = CliRunner()


def _critic(old: Path, new: Path) -> str:
    result = runner.invoke(app, ["diff", str(old), str(new), "--to", "md"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _settled(text: str, keep: str) -> str:
    """CriticMarkup with every mark accepted (`keep` 'new') or rejected ('old'), blank lines and
    line ends as Markdown reads them; footnote definitions left empty (a footnote the other text has not) dropped."""
    new = keep == "new"
    text = re.sub(r"\{\+\+(.*?)\+\+\}", r"\1" if new else "", text, flags=re.S)
    text = re.sub(r"\{--(.*?)--\}", "" if new else r"\1", text, flags=re.S)
    text = re.sub(r"\{~~(.*?)~>(.*?)~~\}", r"\2" if new else r"\1", text, flags=re.S)
    text = re.sub(r" ?\{>>(.*?)<<\}", "", text, flags=re.S)
    text = re.sub(r"(?m)^\[\^[^\]]+\]:\s*$", "", text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()


def _words_of_blocks(markdown: str) -> Counter[str]:
    """A Markdown text's paragraphs and footnotes as words alone: no numbers (each text's list numbers
    its own), emphasis or footnote labels (an anchor is '[^]'); blocks left with no words dropped."""
    text = re.sub(r"\[\^[^\]]+\]", "[^]", markdown)
    text = re.sub(r"(?m)^[ \t]*(\d+\.|\([a-z]+\)|[ivx]+\)|\([ivx]+\))[ \t]*", "", text)
    blocks = (" ".join(block.replace("*", "").split()) for block in text.split("\n\n"))
    return Counter(block for block in blocks if re.search(r"\w", block))


def test_criticmarkup_accepted_is_the_new_texts_markdown_with_header_closing_and_footnotes(tmp_path: Path) -> None:
    # A/RES/78/62 -> 79/72 (the auditor's pair): the symbol, date, title number and closing formula
    # were missing, no anchor stood in the text, and two footnotes were both "[^4]" (78's footnote 4
    # dropped and 79's footnote 4, which continues 78's footnote 5); footnotes 2 and 3 were not listed.
    old, new = ga_text(tmp_path, "A/RES/78/62"), ga_text(tmp_path, "A/RES/79/72")
    text = _critic(old, new)
    expected = render(parse_pdf_text(new.read_text(encoding="utf-8")), "md", ROOT / "templates", "unga/resolution.md.j2")
    assert _settled(text, "new") == expected.strip()
    assert "{~~A/RES/78/62~>A/RES/79/72~~}" in text
    assert "**{~~78/62.~>79/72.~~} Report of the Disarmament Commission**" in text
    assert "{~~42nd~>44th~~} plenary meeting\n{~~4~>2~~} December {~~2023~>2024~~}" in text
    assert "*Having considered* the report of the Disarmament Commission,[^1]" in text
    labels = re.findall(r"(?m)^\[\^([^\]]+)\]:", text)
    assert labels == ["1", "2", "3", "deleted-4", "4"]  # each footnote once, the dropped one under a label of its own
    assert "and endorses the text adopted thereon;[^deleted-4]--}" in text  # its anchor struck with its paragraph
    assert "[^deleted-4]: {--Official Records of the General Assembly, Seventy-eighth Session" in text
    assert "on its {~~2023~>2024~~} session,[^4] together" in text


@pytest.mark.parametrize("pair", [("A/RES/78/234", "A/RES/79/161"), ("A/RES/78/62", "A/RES/79/72")])
def test_criticmarkup_rejected_gives_the_old_texts_words_and_footnotes(tmp_path: Path, pair: tuple[str, str]) -> None:
    # A/RES/78/234 -> 79/161 has 34 footnotes and a paragraph gone from the operative part to the
    # preamble: rejecting every mark gives each paragraph, line and footnote of 78/234 (as
    # `build --to md` would write it), and accepting them all gives 79/161's.
    old, new = (ga_text(tmp_path, symbol) for symbol in pair)
    text = _critic(old, new)
    for path, keep in ((old, "old"), (new, "new")):
        markdown = render(parse_pdf_text(path.read_text(encoding="utf-8")), "md", ROOT / "templates", "unga/resolution.md.j2")
        assert _words_of_blocks(_settled(text, keep)) == _words_of_blocks(markdown)
    assert len(re.findall(r"(?m)^\[\^([^\]]+)\]:", text)) == len(set(re.findall(r"(?m)^\[\^([^\]]+)\]:", text)))


def test_aalco_criticmarkup_accepted_is_what_build_writes_for_the_new_draft() -> None:
    # The house style's bold openings ("1. **Encourages** …") and AALCO 52's "(Non-Deliberated)"
    # line were left out; the masthead's "SECRETARIAT DRAFT" of the 2011 draft is struck.
    text = _critic(ROOT / "drafts/aalco-50.yaml", ROOT / "drafts/aalco-52.yaml")
    assert _settled(text, "new") == str(build(ROOT / "drafts/aalco-52.yaml", "md")).strip()
    assert text.startswith("{--SECRETARIAT DRAFT--}\n\n{~~AALCO/RES/50/SP 1~>AALCO/RES/52/S 8~~}\n")
    assert "{--**Having heard** with appreciation" in text
    assert (
        "4. **Decides** to place this item on the provisional agenda of the {~~Fifty-First~>Fifty-Third~~} Annual Session."
        in text
    )


_LABEL_ALONE = re.compile(r"(?m)^[ \t]*(?:\d+\.|\([a-z]+\)|\([ivx]+\))[ \t]*$")


@pytest.mark.parametrize(
    "pair", [("A/RES/78/62", "A/RES/79/72"), ("A/RES/78/248", "A/RES/79/254"), ("A/RES/78/223", "A/RES/79/186")]
)
def test_criticmarkup_paragraph_marked_whole_takes_its_label_and_keeps_its_subparagraphs_indented(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    # 78/62 -> 79/72: operative paragraphs 3 and 4 and sub-paragraphs (a) and (b) inserted, 2 and 3 struck;
    # 78/248 -> 79/254: paragraph 14 struck with the article it quotes ("    4. In hearing …");
    # 78/223 -> 79/186: paragraph 11 struck with the Congress's agenda, seven items and four sub-items.
    # A label stood outside the marks, so rejecting every mark left "3." or "   (a)" with no words
    # (an empty list item), and the sub-paragraphs of a paragraph struck whole lost their indentation.
    old, new = (ga_text(tmp_path, symbol) for symbol in pair)
    text = _critic(old, new)
    for path, keep in ((old, "old"), (new, "new")):
        settled = _settled(text, keep)
        assert not _LABEL_ALONE.findall(settled)
        markdown = render(parse_pdf_text(path.read_text(encoding="utf-8")), "md", ROOT / "templates", "unga/resolution.md.j2")
        subparagraphs = [line for line in markdown.split("\n") if line[:1] == " "]
        assert subparagraphs == [line for line in settled.split("\n") if line in subparagraphs]


def test_criticmarkup_sets_a_heading_in_bold_and_one_marked_whole_inside_its_marks(tmp_path: Path) -> None:
    # A/RES/78/69 -> 79/144: section XIII "Regional cooperation" is gone, and the next section is
    # XIII now. Headings are set in bold as `build --to md` sets them, the numeral above the words; the
    # one struck whole has its bold inside its marks, so that accepting every mark leaves no bare "****".
    old, new = ga_text(tmp_path, "A/RES/78/69"), ga_text(tmp_path, "A/RES/79/144")
    text = _critic(old, new)
    assert "\n\n{--**XIII**--}\n\n{--**Regional cooperation**--}\n\n" in text
    assert "\n\n**XIII**\n\n**Open-ended Informal Consultative Process on Oceans and the Law of the Sea**\n\n" in text
    expected = render(parse_pdf_text(new.read_text(encoding="utf-8")), "md", ROOT / "templates", "unga/resolution.md.j2")
    assert _settled(text, "new") == expected.strip()


def test_criticmarkup_says_which_characters_a_change_no_reader_could_see_are() -> None:
    # The marks keep the characters (accepting them gives the new text), and a comment names them.
    from conftest import ga_paragraphs_pair
    from resdraft.diff import compare
    from resdraft.render.criticmarkup import render_criticmarkup

    markdown = render_criticmarkup(compare(*ga_paragraphs_pair("A/RES/78/272")), near=str(ROOT))
    paragraph = next(line for line in markdown.splitlines() if "donor agencies, intergovernmental organizations" in line)
    assert "non{~~-~>\u2011~~}governmental" in paragraph
    assert paragraph.endswith("{>>look-alike characters: hyphen → non-breaking hyphen<<}")
