"""Writes src/resdraft/render/base.docx, the document every Word output without a reference document
starts from: python-docx's default template (MIT licence, python-docx's authors) without what no
resolution uses and every build would read and write again:

- the thumbnail (a picture of the template) and stylesWithEffects.xml (Word 2010's copy of the
  styles, which it would read instead of styles.xml), which the writer dropped from every document;
- the 99 table styles ("Light Shading Accent 1" …) of styles.xml's 100 (the default one stays):
  312 of its 438 KB. Word has them all built in (styles.xml's latentStyles name them), and adds one
  to a document when a table takes it.

Every other part is copied byte for byte, with the template's dates, so each run writes the same file.
Run: python scripts/base-template.py
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(docx.__file__).parent / "templates" / "default.docx"
OUT = ROOT / "src" / "resdraft" / "render" / "base.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DROPPED = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}
NAMES = ("thumbnail", "stylesWithEffects")  # the relationships and content types that name them


def _without_lines_naming(xml: bytes, element: str) -> bytes:
    """A relationships or content-types part without its `element`s naming a dropped part."""
    root = etree.fromstring(xml)
    for child in list(root):
        if child.tag.endswith(element) and any(name in (child.get("Target") or child.get("PartName") or "") for name in NAMES):
            root.remove(child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for style in list(root.iter(f"{W}style")):
        if style.get(f"{W}type") == "table" and style.get(f"{W}default") != "1":
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in DROPPED:
                continue
            data = source.read(info)
            if info.filename == "word/styles.xml":
                data = _styles(data)
            elif info.filename in ("_rels/.rels", "word/_rels/document.xml.rels"):
                data = _without_lines_naming(data, "Relationship")
            elif info.filename == "[Content_Types].xml":
                data = _without_lines_naming(data, "Override")
            dated = zipfile.ZipInfo(info.filename, info.date_time)  # (the template's date: the same file each run)
            target.writestr(dated, data, zipfile.ZIP_DEFLATED)
    OUT.write_bytes(out.getvalue())
    print(f"wrote {OUT.relative_to(ROOT)} ({len(out.getvalue()):,} bytes)")


if __name__ == "__main__":
    main()
