"""The templates `resdraft init` ships are the ones this example library uses."""

from __future__ import annotations

from conftest import ROOT


def test_starter_templates_equal_the_example_library_templates() -> None:
    starter = ROOT / "src" / "resdraft" / "starter" / "templates"
    mine = {p.relative_to(ROOT / "templates"): p.read_bytes() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    shipped = {p.relative_to(starter): p.read_bytes() for p in starter.rglob("*") if p.is_file()}
    assert mine == shipped
