"""A Resolution's structure as plain data, in the shape of the corpus's expected-structure.json
(documented in docs/structure-json.md): what `resdraft parse` prints."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from resdraft.model import Paragraph, Resolution, Run

# Header line roles whose text becomes a field, and how (field name, prefix to drop).
HEADER_FIELDS = {
    "distribution": ("distribution", r"^Distr\.:\s*"),
    "language": ("original_language", r"^Original:\s*"),
    "committee": ("committee", ""),
    "agenda-item": ("agenda_item", r"^Agenda items?\s*"),
    "agenda-title": ("agenda_title", ""),
    "sponsors": ("sponsors_line", ""),
    "organization": ("organization", ""),
    "assembly": ("session_heading", ""),
    "adoption": ("adoption_line", ""),
    "report": ("report_line", ""),
}


def _paragraph(p: Paragraph, res: Resolution | None = None) -> dict[str, Any]:
    """A paragraph as the schema has it; `res`: the text whose operative part it stands in, which
    tells a section's heading: marked `heading`, with its numeral ("II") as its label, where it has one."""
    out: dict[str, Any] = {"opening": p.opening, "text": p.text, "footnote_refs": list(p.footnote_refs)}
    if p.level:
        out["label"] = p.label
    elif p.number is not None:
        out["number"] = p.number
    elif res is not None and res.heading(p):
        out["heading"] = True
        if (numeral := res.heading_numeral(p)) is not None:
            out["label"] = numeral
    out["subparagraphs"] = [_paragraph(s) for s in p.subparagraphs]
    return out


def _header_text(res: Resolution, role: str) -> str:
    """A masthead line's text by its role; the Council's adoption line stands under its heading, among the title's."""
    line = next((line for line in (*res.header, *res.title) if line.role == role), None)
    if line is None:
        return ""
    # the sponsors line keeps its footnote mark, as the hand-checked structure does
    return "".join(s.text if isinstance(s, Run) else s.marker for s in line.content)


def to_structure(res: Resolution) -> dict[str, Any]:
    """Header fields, formulas, paragraphs and footnotes, as expected-structure.json has them."""
    fields = res.fields
    date = fields.get("date")
    titles = [line.text for line in res.title if line.role == "title"]
    subtitles = [line.text for line in res.title if line.role == "subtitle"]
    out: dict[str, Any] = {
        # AIPA was called AIPO until its 28th General Assembly (2007); its documents say which.
        "body": "aipo" if res.body == "aipa" and 0 < res.session.number < 28 else res.body,
        "symbol": fields.get("symbol"),
        "session": res.session.number or None,
        "date": date.isoformat() if isinstance(date, dt.date) else None,
        "title": " ".join(titles) if titles else fields.get("title"),
        "subtitle": " ".join(subtitles) or None,
    }
    if numbers := [line.label for line in res.title if line.label]:
        out["title_number"] = numbers[0]  # an adopted UN resolution's, "78/225."
    if any(line.role == "status" for line in res.header):
        out["status"] = _header_text(res, "status")
    for role, (name, prefix) in HEADER_FIELDS.items():
        text = _header_text(res, role)
        if text:
            out[name] = re.sub(prefix, "", text) if prefix else text
    if len(agenda := [line.text for line in res.header if line.role == "agenda-title"]) > 1:
        out["agenda_title"] = agenda  # (adopted under several agenda items: each one's title)
    out["enacting_formula"] = res.enacting.text if res.enacting else None
    out["preamble"] = [_paragraph(p) for p in res.preamble]
    if res.transition is not None:
        out["operative_formula"] = res.transition.text
    out["operative"] = [_paragraph(p, res) for p in res.operative]
    out["closing"] = res.closing.text if res.closing else None
    out["footnotes"] = [{"marker": n.marker, "text": n.text} for n in res.footnotes]
    return out


def render_structure(res: Resolution) -> str:
    """The structure as indented JSON."""
    return json.dumps(to_structure(res), ensure_ascii=False, indent=2) + "\n"
