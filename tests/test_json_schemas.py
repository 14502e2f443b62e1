"""The JSON that other tools read (`diff --to json`, `parse`) against the JSON Schemas in docs/,
which say in machine-readable form what docs/diff-json.md and docs/structure-json.md say in prose."""

from __future__ import annotations

import copy
import json
import re
import sys
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from conftest import CORPUS, ROOT
from resdraft.cli import app
from resdraft.diff import compare
from resdraft.importers.pdftext import parse_pdf_text
from resdraft.render.diffjson import to_data
from resdraft.render.structure import to_structure

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_diff import example_pairs, load_pairs, resolution, unsc_pairs


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "docs" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    """What the schema finds wrong, each with where (data as it is printed: through JSON)."""
    found = validator.iter_errors(json.loads(json.dumps(data)))
    return [f"{'/'.join(map(str, error.path))}: {error.message[:200]}" for error in found]


@pytest.fixture(scope="module")
def diff_schema() -> Draft202012Validator:
    return _validator("diff-json.schema.json")


@pytest.fixture(scope="module")
def structure_schema() -> Draft202012Validator:
    return _validator("structure-json.schema.json")


def test_every_diff_of_the_corpus_and_the_examples_matches_the_diff_schema(diff_schema: Draft202012Validator) -> None:
    # The 170 GA pairs from the corpus's paragraphs and from their PDF text, the Security Council
    # series and the example drafts: every status, moves, splits, merges, footnotes, sub-paragraphs.
    rows = [(old, new, amends) for _, old, new, amends in (*example_pairs(), *unsc_pairs())]
    for a, b in load_pairs():
        rows += [(resolution(a), resolution(b), None), (parse_pdf_text(a["text"]), parse_pdf_text(b["text"]), None)]
    assert len(rows) == 352
    kinds: set[str] = set()
    for old, new, amends in rows:
        data = to_data(compare(old, new, amends))
        assert _errors(diff_schema, data) == []
        kinds |= {p["elsewhere"]["kind"] for p in data["paragraphs"] if p["elsewhere"]}
    assert kinds == {"moved", "split", "merged"}


def test_the_cli_prints_json_that_matches_the_diff_schema(diff_schema: Draft202012Validator) -> None:
    result = CliRunner().invoke(
        app, ["diff", str(ROOT / "drafts/aalco-50.yaml"), str(ROOT / "drafts/aalco-52.yaml"), "--to", "json"]
    )
    assert result.exit_code == 0, result.output
    assert _errors(diff_schema, json.loads(result.stdout)) == []


def test_the_diff_schema_rejects_what_the_documentation_rules_out(diff_schema: Draft202012Validator) -> None:
    # The check is live: an unknown status, a missing key, an op that is not one of the three,
    # an inserted paragraph with an old place.
    old, new = (parse_pdf_text(x["text"]) for x in load_pairs()[0])
    good = to_data(compare(old, new))
    assert good["footnotes"]
    assert _errors(diff_schema, good) == []
    inserted = next(k for k, p in enumerate(good["paragraphs"]) if p["status"] == "inserted")
    for path, value in (
        (("paragraphs", 0, "status"), "changed"),
        (("paragraphs", 0, "ops", 0, 0), "replace"),
        (("paragraphs", inserted, "old_index"), 3),
        (("schema",), 2),
    ):
        bad = copy.deepcopy(good)
        *parents, last = path
        target = bad
        for key in parents:
            target = target[key]
        target[last] = value
        assert _errors(diff_schema, bad), path
    missing = copy.deepcopy(good)
    del missing["footnotes"][0]["place"]
    assert any("'place' is a required property" in e for e in _errors(diff_schema, missing))


def test_every_key_the_documentation_names_is_in_the_diff_schema() -> None:
    doc = (ROOT / "docs" / "diff-json.md").read_text(encoding="utf-8")
    schema = (ROOT / "docs" / "diff-json.schema.json").read_text(encoding="utf-8")
    named = {key for cell in re.findall(r"^\| `([^|]+)` \|", doc, re.M) for key in re.findall(r"[a-z_]+", cell)}
    assert {"summary", "old_index", "elsewhere", "subparagraphs", "warnings"} <= named
    assert {key for key in named if f'"{key}"' not in schema} == set()


def test_the_hand_checked_seed_structures_match_the_structure_schema(structure_schema: Draft202012Validator) -> None:
    expected = json.loads((CORPUS / "seeds" / "expected-structure.json").read_text(encoding="utf-8"))
    assert len(expected) == 5
    for name, structure in expected.items():
        assert _errors(structure_schema, structure) == [], name


def test_parse_of_the_corpus_and_the_seeds_matches_the_structure_schema(structure_schema: Draft202012Validator) -> None:
    for a, b in load_pairs():
        for row in (a, b):
            assert _errors(structure_schema, to_structure(parse_pdf_text(row["text"]))) == [], row["symbol"]
    for seed in sorted((CORPUS / "seeds").glob("*.md")):
        result = CliRunner().invoke(app, ["parse", str(seed)])
        assert result.exit_code == 0, result.output
        assert _errors(structure_schema, json.loads(result.stdout)) == [], seed.name


def test_the_structure_schema_rejects_a_paragraph_with_both_a_number_and_a_label(
    structure_schema: Draft202012Validator,
) -> None:
    structure = to_structure(resolution(load_pairs()[0][0]))
    assert _errors(structure_schema, structure) == []
    structure["operative"][0]["label"] = "(a)"
    assert _errors(structure_schema, structure)
