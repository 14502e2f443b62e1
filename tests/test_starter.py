"""The templates `resdraft init` ships are the ones this example library uses."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, ROOT, SEEDS


def test_starter_templates_equal_the_example_library_templates() -> None:
    starter = ROOT / "src" / "resdraft" / "starter" / "templates"
    mine = {p.relative_to(ROOT / "templates"): p.read_bytes() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    shipped = {p.relative_to(starter): p.read_bytes() for p in starter.rglob("*") if p.is_file()}
    assert mine == shipped


def test_the_starter_example_rebuilds_the_52nd_session_text_as_adopted(tmp_path: Path) -> None:
    # Its draft lacked the 2013 text's plain preamble openings: a diff against the seed said
    # "6 with formatting changed", where the example library's own draft says none.
    from resdraft.diff import compare
    from resdraft.scaffold import create_library
    from resdraft.sources import read_file

    create_library(tmp_path / "lib")
    seed = read_file(CORPUS / "seeds" / f"{SEEDS['aalco-52']}.md").resolution
    draft = read_file(tmp_path / "lib" / "drafts" / "aalco-52.yaml").resolution
    diff = compare(seed, draft)
    changes = [*diff.header, *diff.masthead, *diff.preamble, *diff.operative]
    assert changes and all(c.status == "unchanged" and not c.formatting for c in changes)
