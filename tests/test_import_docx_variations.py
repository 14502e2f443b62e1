"""Word files as secretariats keep them, read back as the resolution they print.

From an outside audit: resdraft's own output re-saved with ordinary styles and direct formatting
("plain styles"), or edited as people edit Word files (a blank line typed between paragraphs, a
soft return for a space, a note hidden, endnotes for footnotes, a number typed in bold). Each was
read otherwise before; each reads now as the draft (or the Word file) it was made from."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from resdraft.cli import app
from resdraft.importers.docx import read_docx

VARIATIONS = Path(__file__).parent / "data" / "word-variations"
runner = CliRunner()


@pytest.mark.parametrize(
    ("source", "variation"),
    [
        # AIPA's masthead ("ASEAN INTER-PARLIAMENTARY ORGANIZATION", "27TH GENERAL ASSEMBLY" and its
        # dates and venue) was two lines of no role, the date the meeting's last day, not the adoption's.
        ("aipo-27", "aipo-27-plain-styles"),
        ("aipo-27", "aipo-27-masthead-on-separate-lines"),  # (the dates and venue a paragraph of their own)
        ("aipo-27", "aipo-27-formula-set-by-paragraph-style"),  # its transition bold italic by its style: read plain
        # AIPA's labels typed, "1." then a tab or a space, "a." and the preamble's bare "1": the "a." and
        # bare labels were read as text, six sub-paragraphs as preambular paragraphs "1\tTrafficking …".
        ("aipo-27", "aipo-27-typed-labels-tab"),
        ("aipo-27", "aipo-27-typed-labels-space"),
        # The signatures in a table after the closing formula: read as operative paragraphs 5 to 8 (and,
        # in ordinary styles, the closing formula as op. 5, the date lost).
        ("aipo-27", "aipo-27-signature-table"),
        ("aipo-27", "aipo-27-signature-table-plain-styles"),
        ("aalco-50", "aalco-50-plain-styles"),  # "SECRETARIAT DRAFT" a line of no role: the draft read as adopted
        ("aalco-52", "aalco-52-plain-styles"),  # the 2013 preamble's openings plain: none read
        ("aalco-52", "aalco-52-hidden-note"),  # "[Drafting note: …]" in hidden text read into op. 2
        ("aalco-52", "aalco-52-symbol-in-text-box"),  # the symbol in a text box above the date: lost
        ("aalco-52", "aalco-52-comments"),  # two reviewers' comments, on op. 1 and op. 3
        ("unga-64", "unga-64-plain-styles"),  # the sponsors line and its "*" footnote: a line of no role
        ("unga-64", "unga-64-endnotes"),  # endnotes for footnotes: marks and notes dropped
        ("unga-64", "unga-64-opening-space-not-italic"),  # "Recalling also" read as "Recalling"
        ("unga-64", "unga-64-breaks-in-paragraphs"),  # page and line breaks inside paragraphs
        # Against the Word file these were made from:
        ("unga-subs.docx", "unga-subs-soft-returns"),  # "Takes\nnote with appreciation" an opening
        ("unga-subs.docx", "unga-subs-blank-paragraphs"),  # each blank line an empty paragraph (and clause)
        ("unga-subs.docx", "unga-subs-typed-number-tab-in-opening"),  # "1.\tUrges" all preamble:
        ("unga-subs.docx", "unga-subs-typed-number-bold"),  # the operative part lost
    ],
)
def test_a_word_file_as_secretariats_keep_it_reads_as_what_it_prints(source: str, variation: str) -> None:
    old = VARIATIONS / source if source.endswith(".docx") else ROOT / "drafts" / f"{source}.yaml"
    result = runner.invoke(app, ["diff", str(old), str(VARIATIONS / f"{variation}.docx"), "--to", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    changed = [h["field"] for h in (*data["header"], *data["masthead"]) if h["status"] != "unchanged"]
    paragraphs = [
        (p["status"], p.get("formatting")) for p in data["paragraphs"] if p["status"] != "unchanged" or p.get("formatting")
    ]
    notes = [n["status"] for n in data["footnotes"] if n["status"] != "unchanged"]
    assert (changed, paragraphs, notes) == ([], [], []), (changed, paragraphs, notes)
    res, _ = read_docx((VARIATIONS / f"{variation}.docx").read_bytes())
    assert all(p.opening for p in res.paragraphs() if p.level == 0 and not p.heading), [
        p.text[:40] for p in res.paragraphs() if p.level == 0 and not p.opening
    ]


def test_the_facts_of_a_plain_masthead_are_read_as_from_resdraft_s_own() -> None:
    aipo, _ = read_docx((VARIATIONS / "aipo-27-masthead-on-separate-lines.docx").read_bytes())
    assert [line.role for line in aipo.header] == ["organization", "assembly", "symbol"]
    assert aipo.header[1].text == "27TH GENERAL ASSEMBLY\n10 – 15 SEPTEMBER 2006, CEBU CITY, PHILIPPINES"
    assert aipo.date is not None and aipo.date.isoformat() == "2006-09-14"  # (adopted on the 14th, not the meeting's last day)
    aalco, _ = read_docx((VARIATIONS / "aalco-50-plain-styles.docx").read_bytes())
    assert aalco.fields["status"] == "draft"
    unga, _ = read_docx((VARIATIONS / "unga-64-plain-styles.docx").read_bytes())
    assert unga.fields["document_type"] == "revised draft resolution" and len(unga.fields["sponsors"]) == 13
    assert unga.footnotes[0].marker == "*"


def test_endnotes_are_read_as_footnotes_and_said_so() -> None:
    res, notes = read_docx((VARIATIONS / "unga-64-endnotes.docx").read_bytes())
    assert len(res.footnotes) == 22 and "has endnotes; read as footnotes, numbered on with any footnotes" in notes


def test_hidden_text_is_not_read() -> None:
    path = VARIATIONS / "aalco-52-hidden-note.docx"
    assert b"Drafting note" in zipfile.ZipFile(path).read("word/document.xml")
    res, _ = read_docx(path.read_bytes())
    assert not any("Drafting note" in p.text for p in res.paragraphs())


def test_a_text_box_is_read_once_where_it_stands_and_said_so() -> None:
    # Word writes a text box twice, as a drawing and as VML for older readers (mc:AlternateContent):
    # the symbol set in one above the date was lost; read from both, it would be two lines.
    path = VARIATIONS / "aalco-52-symbol-in-text-box.docx"
    assert zipfile.ZipFile(path).read("word/document.xml").count(b"AALCO/RES/52/S 8</w:t>") == 2
    res, notes = read_docx(path.read_bytes())
    assert notes == ("has a text box; its text is read as paragraphs where it stands (“AALCO/RES/52/S 8”)",)
    assert [(line.role, line.text) for line in res.header] == [("symbol", "AALCO/RES/52/S 8"), ("date", "12 SEPTEMBER 2013")]


def test_reviewers_comments_are_left_out_and_said_so() -> None:
    # Comments were dropped without a word: the officer importing a draft under review lost what it asked.
    res, notes = read_docx((VARIATIONS / "aalco-52-comments.docx").read_bytes())
    assert notes == ("has 2 comments, left out (“Should this name the 2000 Protocol in full?” …)",)
    assert not any("Protocol in full" in p.text or "chair" in p.text for p in res.paragraphs())


def test_a_signature_table_after_the_closing_formula_is_left_out_and_said_so() -> None:
    res, notes = read_docx((VARIATIONS / "aipo-27-signature-table.docx").read_bytes())
    assert notes == (
        "has a table after its closing formula, left out as its signatures"
        " (“HON. JOSE DE VENECIA JR.”, “President of the 27th AIPO General Assembly” …)",
    )
    assert res.closing is not None and res.closing.text.startswith("Adopted this 14")


def test_two_signature_tables_are_both_left_out_and_none_is_counted_as_read() -> None:
    # With the signatures in two tables, the note on tables read cell by cell counted one of them.
    source = VARIATIONS / "aipo-27-signature-table.docx"
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode()
    table = xml[xml.index("<w:tbl>") : xml.index("</w:tbl>") + len("</w:tbl>")]
    parts["word/document.xml"] = xml.replace(table, table + "<w:p/>" + table).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    res, notes = read_docx(buffer.getvalue())
    assert notes == (
        "has 2 tables after its closing formula, left out as their signatures"
        " (“HON. JOSE DE VENECIA JR.”, “President of the 27th AIPO General Assembly” …)",
    )
    assert res.closing is not None and not any("VENECIA" in p.text for p in res.paragraphs())


def test_a_masthead_in_the_first_pages_header_is_read_from_there() -> None:
    # A UN template sets the masthead in the first page's header (Word audit): organ, distribution,
    # date and language were lost, the draft's date with them.
    path = VARIATIONS / "unga-64-masthead-in-first-page-header.docx"
    res, notes = read_docx(path.read_bytes())
    assert "has its masthead in the first page's header; read from there" in notes
    roles = {line.role: line.text for line in res.header}
    assert {k: roles.get(k) for k in ("organ", "distribution", "language", "symbol")} == {
        "organ": "General Assembly",
        "distribution": "Distr.: Limited",
        "language": "Original: English",
        "symbol": "A/C.3/64/L.16/Rev.1",
    }
    assert res.date is not None and res.date.isoformat() == "2009-11-10"
    result = runner.invoke(app, ["diff", str(ROOT / "drafts" / "unga-64.yaml"), str(path), "--to", "json"])
    data = json.loads(result.stdout)
    # (what the header adds to the draft, which knows no symbol: the symbol and "United Nations")
    fields = [(h.get("field") or h["role"], h["status"]) for h in (*data["header"], *data["masthead"])]
    assert [(field, status) for field, status in fields if status != "unchanged"] == [
        ("symbol", "inserted"),
        ("organization", "inserted"),
    ]
    assert not [p for p in data["paragraphs"] if p["status"] != "unchanged"]


def test_a_rewording_only_in_a_no_break_space_is_kept_and_said_so(library: Path, tmp_path: Path, monkeypatch) -> None:
    # aalco-52 built, then "the UN Convention" in op. 1 given a no-break space, as Word users type
    # one (Ctrl+Shift+Space) to keep "UN" and "Convention" on one line. The import keeps the
    # character (the draft rebuilds the document exactly) and says the rewording is only that.
    monkeypatch.chdir(library)
    built = tmp_path / "aalco-52.docx"
    assert runner.invoke(app, ["build", "drafts/aalco-52.yaml", "-o", str(built)]).exit_code == 0
    edited = tmp_path / "aalco-52-no-break-space.docx"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode()
                assert xml.count("the UN Convention") == 1
                data = xml.replace("the UN Convention", "the UN\u00a0Convention").encode()
            target.writestr(item, data)
    result = runner.invoke(app, ["import", str(edited), "--name", "aalco-52-nbsp"])
    assert result.exit_code == 0, result.output
    assert "9 clauses reused, 1 rewording an earlier one, 0 new" in result.output
    assert (
        "warning: the operative paragraph “Encourages the Member States which are …” rewords clause"
        " aalco.encourages-ratify-toc-protocol only in characters that print alike (space → no-break space);"
        " its new clause, aalco.encourages-member-states-which-are-not, keeps them as the document has them"
    ) in " ".join(result.output.split())
    clauses = (library / "clauses" / "imported" / "aalco-52-nbsp.yaml").read_text(encoding="utf-8")
    assert "UN\u00a0Convention" in clauses and "amends: aalco.encourages-ratify-toc-protocol" in clauses
    shown = runner.invoke(app, ["diff", "drafts/aalco-52.yaml", "drafts/aalco-52-nbsp.yaml"])
    assert "the UN[-<space>-]{+<no-break space>+}Convention against" in shown.output
    dupes = runner.invoke(app, ["clauses", "dupes", "--all"]).output.splitlines()
    pair = dupes.index("99.9  aalco.encourages-ratify-toc-protocol  ~  aalco.encourages-member-states-which-are-not  (operative)")
    assert dupes[pair + 1] == "    they differ only in characters that print alike: space → no-break space"
    assert not any("print alike" in line for line in dupes[:pair] + dupes[pair + 2 :])
