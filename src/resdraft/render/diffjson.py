"""The diff as JSON: a stable, documented schema (docs/diff-json.md) other tools can rely on."""

from __future__ import annotations

import json
from typing import Any

from resdraft.diff.model import Diff, FootnoteChange, ParagraphChange, Restyled, look_name

SCHEMA_VERSION = 1


def _elsewhere(change: ParagraphChange) -> dict[str, Any] | None:
    if change.elsewhere is None:
        return None
    place = change.elsewhere.place
    ops = [[op, text] for op, text in change.elsewhere.ops]
    kind = change.elsewhere.kind
    return {"kind": kind, "text": place.text, "part": place.part, "index": place.index, "number": place.number, "ops": ops}


def _formatting(restyles: tuple[Restyled, ...]) -> list[dict[str, str]]:
    return [{"text": r.text, "old": look_name(r.was), "new": look_name(r.now)} for r in restyles]


def _paragraph(change: ParagraphChange) -> dict[str, Any]:
    p = change.new or change.old
    return {
        "part": change.part,
        "status": change.status,
        "moved": change.moved,
        "old_index": change.old_index,
        "new_index": change.new_index,
        "old_number": change.old_number,
        "new_number": change.new_number,
        "old_label": change.old.label if change.old else None,
        "new_label": change.new.label if change.new else None,
        "clause": p.clause_id if p else None,
        "opening": change.opening,
        "ops": [[op, text] for op, text in change.ops],
        "elsewhere": _elsewhere(change),
        "relabelled": {"old": list(change.relabelled[0]), "new": list(change.relabelled[1])} if change.relabelled else None,
        "formatting": _formatting(change.formatting),
        "alike": change.alike,
        "subparagraphs": [_paragraph(s) for s in change.subparagraphs],
    }


def _footnote(change: FootnoteChange) -> dict[str, Any]:
    place = change.place
    return {
        "status": change.status,
        "old_marker": change.old.marker if change.old else None,
        "new_marker": change.new.marker if change.new else None,
        "old": change.old.text if change.old else None,
        "new": change.new.text if change.new else None,
        "ops": [[op, text] for op, text in change.ops],
        "place": {"text": place.text, "part": place.part, "index": place.index, "number": place.number} if place else None,
        "formatting": _formatting(change.formatting),
    }


def to_data(diff: Diff) -> dict[str, Any]:
    """The diff as plain data (what `--to json` prints)."""
    return {
        "schema": SCHEMA_VERSION,
        "old": {"source": diff.old_name, "body": diff.old.body, "session": diff.old.session.number},
        "new": {"source": diff.new_name, "body": diff.new.body, "session": diff.new.session.number},
        "summary": {
            part: {
                **counts,
                "formatting": sum(c.restyled for c in diff.part(part)),
                "alike": sum(c.alike for c in diff.part(part)),
            }
            for part, counts in diff.summary().items()
        },
        "header": [
            {"field": h.field, "status": h.status, "old": h.old, "new": h.new, "formatting": _formatting(h.formatting)}
            for h in diff.header
        ],
        "masthead": [{"role": h.field, "status": h.status, "old": h.old, "new": h.new} for h in diff.masthead],
        "paragraphs": [_paragraph(c) for c in (*diff.preamble, *diff.operative)],
        "footnotes": [_footnote(f) for f in diff.footnotes],
        "warnings": list(diff.warnings),
    }


def render_json(diff: Diff) -> str:
    """The diff as indented JSON text."""
    return json.dumps(to_data(diff), ensure_ascii=False, indent=2) + "\n"
