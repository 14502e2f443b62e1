"""`resdraft parse` prints a document's structure in the shape of the corpus's hand-checked one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, ROOT, SEEDS
from resdraft.cli import app

runner = CliRunner()


@pytest.mark.parametrize("name", SEEDS)
def test_every_seed_parses_to_exactly_its_expected_structure(name: str, expected: dict) -> None:
    want = {k: v for k, v in expected[SEEDS[name]].items() if k not in ("file", "part")}
    result = runner.invoke(app, ["parse", str(CORPUS / "seeds" / f"{SEEDS[name]}.md")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == want


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_a_built_draft_parses_back_to_its_structure(tmp_path: Path, fmt: str) -> None:
    from resdraft.build import build, load_resolution
    from resdraft.render.structure import to_structure

    draft = ROOT / "drafts" / "unga-64.yaml"
    out = tmp_path / f"unga-64.{fmt}"
    data = build(draft, fmt)
    out.write_bytes(data if isinstance(data, bytes) else data.encode())
    result = runner.invoke(app, ["parse", str(out)])
    assert result.exit_code == 0, result.output
    got, want = json.loads(result.stdout), to_structure(load_resolution(draft)[0])
    for key in ("preamble", "operative", "footnotes", "enacting_formula", "title", "session", "date", "sponsors_line"):
        assert got[key] == want[key], key


def test_parse_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.docx")])
    assert result.exit_code == 1 and "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_text_in_another_encoding_parses_the_same(tmp_path: Path, encoding: str, expected: dict) -> None:
    seed = CORPUS / "seeds" / "aalco-50-secretariat-brief-2011.md"
    other = tmp_path / f"aalco-50.{encoding}.md"
    other.write_bytes(seed.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    result = runner.invoke(app, ["parse", str(other)])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert [p["text"] for p in got["preamble"]] == [p["text"] for p in expected[SEEDS["aalco-50"]]["preamble"]]


def test_binary_junk_with_a_text_extension_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "resolution.txt"
    junk.write_bytes(bytes(range(256)) * 64)
    result = runner.invoke(app, ["parse", str(junk)])
    assert result.exit_code == 1 and "resolution.txt" in result.output and "Traceback" not in result.output


def test_an_adopted_un_resolution_parses_with_its_adoption_and_report_lines(tmp_path: Path) -> None:
    # A/RES/79/161: the lines an import turns into `adopted:` and `report:` are in the structure too.
    from conftest import ga_text

    result = CliRunner().invoke(app, ["parse", str(ga_text(tmp_path, "A/RES/79/161"))])
    assert result.exit_code == 0, result.output
    structure = json.loads(result.stdout)
    assert structure["organization"] == "United Nations"
    assert structure["adoption_line"] == "Resolution adopted by the General Assembly on 17 December 2024"
    assert structure["report_line"] == "[on the report of the Third Committee (A/79/456, para. 31)]"
    # …and the number its title follows, apart from the title's words.
    assert structure["title_number"] == "79/161." and not structure["title"].startswith("79/161")


@pytest.mark.parametrize(
    ("symbol", "headings"),
    [
        ("A/RES/79/161", [("I", "International Convention on the Elimination of All Forms of Racial Discrimination")]),
        ("A/RES/78/305", [(None, "Budget performance report for the period from 1 July 2022 to 30 June 2023")]),
    ],
)
def test_a_sections_heading_is_marked_with_its_numeral(
    tmp_path: Path, symbol: str, headings: list[tuple[str | None, str]]
) -> None:
    # The structure printed a heading as one more operative paragraph, its numeral lost ("I" over
    # "International Convention …" had text only), so a reader of the JSON could not tell it from a paragraph.
    from conftest import ga_text

    result = CliRunner().invoke(app, ["parse", str(ga_text(tmp_path, symbol))])
    assert result.exit_code == 0, result.output
    marked = [p for p in json.loads(result.stdout)["operative"] if p.get("heading")]
    assert [(p.get("label"), p["text"]) for p in marked][: len(headings)] == headings
    assert all("number" not in p and p["heading"] is True for p in marked)
