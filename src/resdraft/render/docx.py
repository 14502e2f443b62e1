"""Word output: a Resolution as a .docx in its body's house style, with real numbering and footnotes.

Style names, numbering definitions and other OOXML details live here only; the model speaks of
preambular and operative paragraphs, opening phrases and footnotes.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import io
import math
import re
import zipfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.ns import qn as _docx_qn
from docx.oxml.simpletypes import ST_SignedTwipsMeasure
from docx.oxml.styles import styleId_from_name
from docx.parts.numbering import NumberingPart
from docx.shared import Emu, Pt, Twips
from docx.styles import BabelFish
from lxml import etree

from resdraft.errors import Problem, TemplateError, Where
from resdraft.footnote_marks import paired
from resdraft.library.wordstyle import StyleSpec, WordStyle, header_style, title_style
from resdraft.model import (
    NOT_TEXT,
    Content,
    Footnote,
    FootnoteRef,
    Line,
    Numbering,
    Paragraph,
    Placeholder,
    Resolution,
    Run,
    cut_at,
    plain,
)
from resdraft.numbering import is_bullet, parse_pattern, printed_label, runs_in

# ------------------------------------------------------------------ style names, one per role

FORMULA_STYLES = {"enacting": "Enacting Formula", "transition": "Transition Formula", "closing": "Closing Formula"}
PARAGRAPH_STYLES = {"preambular": "Preambular Paragraph", "operative": "Operative Paragraph"}
OPENING_STYLES = {"preambular": "Preambular Opening", "operative": "Operative Opening", "subparagraph": "Subparagraph Opening"}
FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "Footnote Text", "Footnote Reference"
HEADING_STYLE = "Section Heading"  # a section's heading among operative paragraphs: "II", a line break, its words


_WORD_FORMATS = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}  # numbering's counter styles as Word's w:numFmt


def operative_number(
    res: Resolution, part: str, paragraph: Paragraph, operative_num: str | None, text: Resolution | None = None
) -> tuple[str, int] | None:
    """The Word list (`operative_num`, level 0) an operative paragraph of `res` is numbered in, or
    None: none for one its text (`res`, or in a redline the old text of a paragraph it shows as
    deleted) leaves out of the numbering ("II  Implementation of …"), so the numbers after it run on as printed."""
    if part != "operative" or not operative_num or not res.numbering.operative or (text or res).unnumbered(paragraph):
        return None
    return (operative_num, 0)


def own_sub_list(res: Resolution, paragraph: Paragraph) -> bool:
    """Whether an operative paragraph's sub-paragraphs count in a list of their own: the list
    skips the paragraph (a section's own preamble, or a text that numbers none), so nothing starts
    their count again, and they start from their first label ("(a)") as printed."""
    first = next((sub.label for sub in paragraph.subparagraphs if sub.label), None)
    levels = res.numbering.subparagraphs
    return bool(levels) and first == levels[0] and (not res.numbering.operative or res.unnumbered(paragraph))


def own_labels(res: Resolution, part: str, paragraph: Paragraph) -> tuple[str, ...] | None:
    """The labels of a paragraph's sub-paragraphs, each level by its first ("(i)", or the dash
    each carries, "--"), where they are not the house style's (S/RES/1590's paragraph 16 "(i)",
    "(ii)" where the Council letters them "(a)"): the levels below as the house style has them.
    None where the house style labels them (or their labels follow no sequence)."""
    house = res.numbering.sublabels(part)
    found = paragraph.sublabels(house)
    return None if found is None else (*found, *house[len(found) :])


def _why_unreadable(error: Exception) -> str:
    """Why a .docx could not be opened, in words (python-docx and zipfile name only their exception)."""
    if isinstance(error, (zipfile.BadZipFile, PackageNotFoundError)):
        return "it is no Word package (a .docx is a zip file; this is not one, or it is cut short)"
    if isinstance(error, etree.XMLSyntaxError):
        return f"a part's XML is damaged ({error.msg})"
    return "a part Word needs is missing or wrong"


def typed_label(res: Resolution, part: str, paragraph: Paragraph, listed: bool = False) -> Content:
    """What stands before a section heading's words ("II", a line break): its numeral on a line of
    its own, typed, or only the line break where a list numbers it (`listed`); an action's numeral
    and a space, on the line of its words ("Action 1. We will …", see `numbering.runs_in`); nothing
    for a heading without a numeral and the other paragraphs."""
    if part != "operative" or (numeral := res.heading_numeral(paragraph)) is None:
        return ()
    if runs_in(numeral):
        return (Run(f"{numeral} "),)
    return (Run("\n" if listed else f"{numeral}\n"),)


def line_label(line: Line | None) -> Content:
    """What stands before a line's words: a title's label ("78/225.") and the tab after it; nothing
    for other lines."""
    return (Run(f"{line.label}\t"),) if line is not None and line.label else ()


LABEL_EM = 0.5  # a title label's width a character, in ems: a serif figure's (a slash or a full stop is narrower)
LABEL_GAP = 6.0  # points at least between a title's label and its words
LABEL_STEP = 18.0  # points a title's words are set in by a multiple of, so one year's number and the next set them alike


def paragraph_style(res: Resolution, part: str, paragraph: Paragraph) -> str:
    """The style of a paragraph of `res`: its part's, or for a section's heading (see
    `Resolution.heading`) the heading style."""
    return HEADING_STYLE if part == "operative" and res.heading(paragraph) else PARAGRAPH_STYLES[part]


def subparagraph_style(part: str, level: int) -> str:
    """Operative sub-paragraphs: 'Subparagraph 1'; preambular: 'Preambular Subparagraph 1'."""
    return f"Subparagraph {level}" if part == "operative" else f"Preambular Subparagraph {level}"


def required_styles(res: Resolution) -> dict[str, str]:
    """Every style this resolution needs, with what it is for."""
    need = {header_style(line.role): f"header line {line.role!r}" for line in res.header}
    need.update({title_style(line.role): f"title line {line.role!r}" for line in res.title})
    for role, line in (("enacting", res.enacting), ("transition", res.transition), ("closing", res.closing)):
        if line is not None:
            need[FORMULA_STYLES[role]] = f"the {role} formula"
    for part, paragraphs in (("preambular", res.preamble), ("operative", res.operative)):
        if paragraphs:
            need[PARAGRAPH_STYLES[part]] = f"{part} paragraphs"
        for p in paragraphs:
            if paragraph_style(res, part, p) == HEADING_STYLE:
                need[HEADING_STYLE] = "section headings"
            for sub in p.walk():
                if sub.level:
                    need[subparagraph_style(part, sub.level)] = f"level-{sub.level} {part} sub-paragraphs"
                if sub.opening:
                    need[OPENING_STYLES["subparagraph" if sub.level else part]] = "opening phrases"
    if res.footnotes:
        need[FOOTNOTE_TEXT] = "footnotes"
        need[FOOTNOTE_REFERENCE] = "footnote marks"
    return need


def style_problems(res: Resolution, word: WordStyle, existing: set[str]) -> list[Problem]:
    """Styles the document needs, or word.yaml refers to, that neither word.yaml nor the base document has."""
    problems = []
    base = "the reference document" if word.reference else "the default template"
    for name, why in required_styles(res).items():
        if name not in word.styles and name not in existing:
            problems.append(
                Problem(
                    Where(word.reference) if word.reference else word.where,
                    f"Word style {name!r} (for {why}) is neither defined in word.yaml nor in {base}",
                    f"add `{name}: {{…}}` under styles: in templates/{word.key}/word.yaml, or add it to the reference .docx",
                )
            )
    for spec in word.styles.values():
        for key in ("based_on", "next"):
            target = spec.props.get(key)
            if target and target not in word.styles and target not in existing:
                problems.append(
                    Problem(
                        spec.where,
                        f"style {spec.name!r} names {key} {target!r}, which does not exist",
                        "define that style too, or name one in the reference document",
                    )
                )
    return problems


def base_style_names(word: WordStyle) -> set[str]:
    """The style names of the document a body's Word output starts from."""
    return set(style_ids(_Writer.base_document(word)))


def style_elements(doc: Any) -> dict[str, Any]:
    """Every style of a document, name (as Word shows it) to its w:style, in one pass over styles.xml
    (python-docx's `styles[name]` searches the whole file for each name)."""
    out = {}
    for element in doc.styles.element.iterchildren(qn("w:style")):
        name = _found(element, "w:name")
        if name is not None and name.get(qn("w:val")):
            out[BabelFish.internal2ui(name.get(qn("w:val")))] = element
    return out


def style_ids(doc: Any) -> dict[str, str]:
    """Every style of a document, name (as Word shows it) to id."""
    return {name: element.get(qn("w:styleId")) for name, element in style_elements(doc).items()}


# ------------------------------------------------------------------ XML helpers

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PRESERVED = {_XML_SPACE: "preserve"}  # a w:t's white space kept as typed


qn = functools.lru_cache(maxsize=None)(_docx_qn)  # "w:p" -> "{…}p": the same few dozen names, thousands of times a document


def _found(parent: Any, tag: str) -> Any:
    """`parent`'s first child `tag` (a w: name), or None: lxml's find(), without its path parser.
    Most often asked for is a paragraph's properties, its first child: looked at first."""
    name = qn(tag)
    if len(parent) and (first := parent[0]).tag == name:
        return first
    return next(parent.iterchildren(name), None)


class _AttributeNames(dict[str, str]):
    """The full name of each w: attribute ("id" -> "{…}id"), looked up once."""

    def __missing__(self, key: str) -> str:
        name = self[key] = qn(f"w:{key}")
        return name


_ATTRIBUTE_NAMES = _AttributeNames()


def _el(tag: str, parent: Any = None, **attrs: str) -> Any:
    """A w: element, with w: attributes, appended to `parent` when given."""
    attrib = {_ATTRIBUTE_NAMES[key]: value for key, value in attrs.items()} if attrs else None
    return etree.Element(qn(tag), attrib) if parent is None else etree.SubElement(parent, qn(tag), attrib)


# The order the schema gives the children of an element, where a reference document may lack some
# that docDefaults needs (Word and LibreOffice each write their own subset).
_ORDER = {
    "w:styles": ("w:docDefaults", "w:latentStyles", "w:style"),
    "w:style": (
        *("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority"),
        *("w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose"),
        *("w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"),
    ),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
    "w:rPr": (
        *("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike"),
        *("w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden"),
        *("w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect"),
        *("w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout"),
        *("w:specVanish", "w:oMath"),
    ),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    "w:pPr": (
        *("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr"),
        *("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap"),
        *("w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd"),
        *("w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc"),
        *("w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle"),
        *("w:rPr", "w:sectPr", "w:pPrChange"),
    ),
}


def kept_with_closing(paragraphs: list[Any]) -> None:
    """The paragraph before the closing formula (the last one) kept on the closing's page
    (w:keepNext), so that "54th plenary meeting" and its day never stand alone on a page."""
    if len(paragraphs) > 1 and (ppr := _found(paragraphs[-2], "w:pPr")) is not None:
        _child(ppr, "w:keepNext")
        if (change := _found(ppr, "w:pPrChange")) is not None and (was := _found(change, "w:pPr")) is not None:
            _child(was, "w:keepNext")  # (a redline's paragraph renumbered: it was kept so too, no change of its own)


def _child(parent: Any, tag: str) -> Any:
    """`parent`'s child `tag`; where it has none, a new one in the place the schema gives it."""
    found = _found(parent, tag)
    if found is not None:
        return found
    order = _ORDER.get(f"w:{etree.QName(parent).localname}", (tag,))
    later = {qn(t) for t in order[order.index(tag) + 1 :]}
    child = _el(tag)
    for sibling in parent:
        if sibling.tag in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


_RUN_KEYS = frozenset({"font", "size", "bold", "italic", "caps", "small_caps", "underline", "superscript"})
_PARAGRAPH_KEYS = frozenset(
    {"align", "left", "right", "first_line", "hanging", "space_before", "space_after", "line"}
    | {"keep_with_next", "keep_together", "tab", "border_top", "border_bottom"}
)


def _switch(parent: Any, tag: str, on: bool) -> None:
    """An on/off property (w:b, w:keepNext …): the element alone for on, w:val="0" for off."""
    element = _child(parent, tag)
    if on:
        element.attrib.pop(qn("w:val"), None)
    else:
        element.set(qn("w:val"), "0")


def _twips_of(points: float) -> str:
    """A length in points as python-docx writes it in twips (by way of EMUs, so rounded as it rounds)."""
    return str(Pt(points).twips)


def _tab_stop(tabs: Any, position: int) -> None:
    """A left tab stop at `position` (twips), among a style's tab stops in order of position (a
    reference document's read as python-docx reads them: "720", or "0.5in")."""
    tab = _el("w:tab", pos=str(position), val="left")
    for other in tabs.iterchildren(qn("w:tab")):
        if Twips(position) < ST_SignedTwipsMeasure.convert_from_xml(other.get(qn("w:pos"))):
            other.addprevious(tab)
            return
    tabs.append(tab)


def _numbering_part(document: Any) -> Any:
    """The document's numbering part, added empty where a reference document has none."""
    try:
        return document.part.numbering_part
    except NotImplementedError:  # (python-docx makes none of its own)
        root = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, root, document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return part


def _page_number_in(part: Any) -> bool:
    """Whether a header or footer holds a PAGE field (simple, or built of field characters)."""
    simple = (field.get(qn("w:instr")) or "" for field in part.iter(qn("w:fldSimple")))
    built = (t.text or "" for t in part.iter(qn("w:instrText")))
    return any(instr.split()[:1] == ["PAGE"] for instr in (*simple, *built))


def _twips(points: float) -> str:
    return str(round(points * 20))


_MS = "http://schemas.microsoft.com/office"
_STALE = (
    *(RT.THUMBNAIL, f"{_MS}/2007/relationships/stylesWithEffects"),
    *(RT.FOOTNOTES, RT.ENDNOTES, RT.COMMENTS, f"{_MS}/2011/relationships/commentsExtended"),
    *(f"{_MS}/2016/09/relationships/commentsIds", f"{_MS}/2018/08/relationships/commentsExtensible"),
    f"{_MS}/2011/relationships/people",
)


def _without_stale_parts(document: Any) -> Any:
    """A base document without the parts that would describe another document: the picture of
    the template shown as the file's thumbnail; Word 2010's copy of the styles
    (stylesWithEffects.xml), which Word 2010 reads instead of styles.xml and so would miss every
    style this writer adds (both are also most of the bytes to compress); and the footnotes,
    endnotes and comments of the text it held, with the settings that point into them (this
    writer makes its own, under the same part names)."""
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in _STALE:
                del rels[rid]
    settings = document.settings.element
    for tag in ("w:footnotePr", "w:endnotePr", "w:proofState"):  # (the last: its text was proofread, this one is not)
        for found in settings.findall(qn(tag)):
            settings.remove(found)
    return document


def _in_current_word(document: Any) -> Any:
    """python-docx's template set to Word 2013's layout and later (it says Word 2010's, and Word
    would open every file in "Compatibility Mode"). A reference document keeps its own."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    return document


# python-docx's default template without the parts and table styles no resolution uses (scripts/base-template.py)
BASE_TEMPLATE = Path(__file__).with_name("base.docx")


# docProps/app.xml, in place of the template's (which names another application and counts its pages and words)
_APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>resdraft</Application><DocSecurity>0</DocSecurity></Properties>"
)


# ------------------------------------------------------------------ the document


_BREAKS = {"\t": "w:tab", "\n": "w:br"}


def _level_indents(lvl: Any, props: Mapping[str, Any]) -> None:
    """A list level's indents (and tab after the number) as its paragraphs' style has them: a
    list's own indents stand before the style's, in Word and in LibreOffice alike."""
    ppr = _el("w:pPr", lvl)
    if "tab" in props:
        _el("w:tab", _el("w:tabs", ppr), val="num", pos=_twips(props["tab"]))
    ind = _el("w:ind", ppr, left=_twips(props.get("left", 0.0)))
    if "hanging" in props:
        ind.set(qn("w:hanging"), _twips(props["hanging"]))
    else:
        ind.set(qn("w:firstLine"), _twips(props.get("first_line", 0.0)))


def _text(r: Any, text: str) -> None:
    """A run's text as Word writes it: w:t, with a tab (w:tab) or a line break (w:br) as its own
    element; without characters no document text holds (which XML cannot carry)."""
    if NOT_TEXT.search(text):
        text = NOT_TEXT.sub("", text)
    pieces = re.split(r"([\t\n])", text) if "\t" in text or "\n" in text else [text]
    for piece in pieces:
        if piece in _BREAKS:
            _el(_BREAKS[piece], r)
        elif piece or len(pieces) == 1:
            t = etree.SubElement(r, qn("w:t"), _PRESERVED)
            t.text = piece


class _Writer:
    """Writes one Resolution into a python-docx Document."""

    def __init__(self, res: Resolution, word: WordStyle) -> None:
        self.res, self.word = res, word
        self.doc = self.base_document(word)
        self.style_ids: dict[str, str] = {}
        self.elements: dict[str, Any] = {}  # style name -> its w:style, once styles() has run
        self.footnote_xml: list[Any] = []
        self.notes: dict[str, deque[Footnote]] = defaultdict(deque)  # each marker's footnotes, in the order their marks stand
        for note in res.footnotes:
            self.notes[note.marker].append(note)
        self.defaults = {role: ("bold" in emphasis, "italic" in emphasis) for role, emphasis in res.emphasis.items()}
        # The number each text's next operative paragraph is printed with (see numbered_in), and
        # its next heading of each kind ("new I").
        self.next_number = {"new": 1, "old": 1}
        self.heading_lists: dict[str, str] = {}  # each kind of heading numeral ("I", "A.") -> the list numbering it now
        self.labelled: dict[tuple[str, tuple[str, ...], str | None], int] = {}  # sub-paragraphs' own labels -> their numbering

    # -------------------------------------------------------------- base document and styles

    @staticmethod
    def base_document(word: WordStyle) -> Any:
        """python-docx's default template as base.docx has it (see scripts/base-template.py), or the
        body's reference document with its body emptied."""
        if word.reference is None:
            return _in_current_word(_without_stale_parts(docx.Document(str(BASE_TEMPLATE))))
        try:
            document = docx.Document(str(word.reference))
        except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as e:
            raise TemplateError(
                Problem(
                    Where(word.reference),
                    f"the reference document cannot be read as .docx: {_why_unreadable(e)}",
                    "save it again from Word or LibreOffice as a .docx",
                )
            ) from None
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return _without_stale_parts(document)

    def styles(self) -> None:
        """Create or update every style word.yaml defines; check every style the document needs exists."""
        doc, word = self.doc, self.word
        self.elements = style_elements(doc)
        problems = style_problems(self.res, word, set(self.elements))
        if problems:
            raise TemplateError(*problems)
        self._defaults()
        for spec in word.styles.values():
            if spec.name not in self.elements:  # a new style, as python-docx's add_style_of_type writes one
                name = BabelFish.ui2internal(spec.name)
                kind = "character" if spec.type == "character" else "paragraph"
                style_id = styleId_from_name(name)  # type: ignore[no-untyped-call]  # ("Heading 1" -> "Heading1", as Word names them)
                style = _el("w:style", doc.styles.element, type=kind, customStyle="1", styleId=style_id)
                _el("w:name", style, val=name)
                self.elements[spec.name] = style
        for spec in word.styles.values():
            self._format(self.elements[spec.name], spec)
        for role, name in OPENING_STYLES.items():
            if name in self.elements:
                bold, italic = self.defaults.get(role, (False, False))
                rpr = _child(self.elements[name], "w:rPr")
                _switch(rpr, "w:b", bold)
                _switch(rpr, "w:i", italic)
        self.style_ids = {name: element.get(qn("w:styleId")) for name, element in self.elements.items()}

    def _defaults(self) -> None:
        """Document-wide font, size and language (docDefaults and Normal)."""
        word = self.word
        defaults = _child(self.doc.styles.element, "w:docDefaults")  # (a reference document may lack any part of it)
        rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
        fonts = _child(rpr, "w:rFonts")
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{attr}"), word.font)
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(round(word.font_size * 2)))
        lang = _child(rpr, "w:lang")
        lang.set(qn("w:val"), word.language)
        lang.set(qn("w:eastAsia"), word.language)
        spacing = _child(_child(_child(defaults, "w:pPrDefault"), "w:pPr"), "w:spacing")
        spacing.attrib.clear()
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")

    def _format(self, style: Any, spec: StyleSpec) -> None:
        """A style's properties from word.yaml, written into its w:style as python-docx's setters
        write them (the same elements and values), each child in its place in the schema: without
        python-docx's search for each child's place, which took half the time of a short document."""
        p = spec.props
        if _RUN_KEYS.intersection(p):
            rpr = _child(style, "w:rPr")
            if "font" in p:
                fonts = _child(rpr, "w:rFonts")
                fonts.set(qn("w:ascii"), p["font"])
                fonts.set(qn("w:hAnsi"), p["font"])
            if "size" in p:
                _child(rpr, "w:sz").set(qn("w:val"), str(int(Pt(p["size"]).pt * 2)))
            for key, tag in (("bold", "w:b"), ("italic", "w:i"), ("caps", "w:caps"), ("small_caps", "w:smallCaps")):
                if key in p:
                    _switch(rpr, tag, p[key])
            if "underline" in p:
                for old in rpr.iterchildren(qn("w:u")):
                    rpr.remove(old)
                _child(rpr, "w:u").set(qn("w:val"), "single" if p["underline"] else "none")
            if "superscript" in p:
                if p["superscript"]:
                    _child(rpr, "w:vertAlign").set(qn("w:val"), "superscript")
                elif (align := _found(rpr, "w:vertAlign")) is not None and align.get(qn("w:val")) == "superscript":
                    rpr.remove(align)
        if "based_on" in p:
            _child(style, "w:basedOn").set(qn("w:val"), self.elements[p["based_on"]].get(qn("w:styleId")))
        if spec.type == "character":
            return
        if "next" in p:
            next_id = self.elements[p["next"]].get(qn("w:styleId"))
            if next_id == style.get(qn("w:styleId")):  # (the same style again: Word's default)
                if (same := _found(style, "w:next")) is not None:
                    style.remove(same)
            else:
                _child(style, "w:next").set(qn("w:val"), next_id)
        if not _PARAGRAPH_KEYS.intersection(p):
            return
        ppr = _child(style, "w:pPr")
        if "align" in p:
            _child(ppr, "w:jc").set(qn("w:val"), "both" if p["align"] == "justify" else p["align"])
        for key, attr in (("left", "w:left"), ("right", "w:right")):
            if key in p:
                _child(ppr, "w:ind").set(qn(attr), _twips_of(p[key]))
        for key, attr, other in (("first_line", "w:firstLine", "w:hanging"), ("hanging", "w:hanging", "w:firstLine")):
            if key in p:
                ind = _child(ppr, "w:ind")
                ind.attrib.pop(qn(other), None)
                ind.set(qn(attr), _twips_of(p[key]))
        for key, attr in (("space_before", "w:before"), ("space_after", "w:after")):
            if key in p:
                _child(ppr, "w:spacing").set(qn(attr), _twips_of(p[key]))
        if "line" in p:
            spacing = _child(ppr, "w:spacing")
            spacing.set(qn("w:line"), str(Emu(p["line"] * Twips(240)).twips))
            spacing.set(qn("w:lineRule"), "auto")
        for key, tag in (("keep_with_next", "w:keepNext"), ("keep_together", "w:keepLines")):
            if key in p:
                _switch(ppr, tag, p[key])
        if "tab" in p:
            try:
                _tab_stop(_child(ppr, "w:tabs"), Pt(p["tab"]).twips)
            except ValueError:  # (a tab stop of a reference document's own style, at no position a length can say)
                if self.word.reference is None:
                    raise
                raise TemplateError(
                    Problem(
                        Where(self.word.reference),
                        f"the style {spec.name!r} has a tab stop whose position cannot be read",
                        "set the style's tab stops again in Word or LibreOffice and save the document",
                    )
                ) from None
        for side in ("top", "bottom"):
            if p.get(f"border_{side}"):
                line = _child(_child(ppr, "w:pBdr"), f"w:{side}")
                line.attrib.clear()  # (a reference document's style may have one already)
                for key, value in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", "auto")):
                    line.set(qn(f"w:{key}"), value)

    # -------------------------------------------------------------- page

    def page(self) -> None:
        word = self.word
        section = self.doc.sections[0]
        section.page_width, section.page_height = Pt(word.width), Pt(word.height)
        section.top_margin, section.bottom_margin = Pt(word.margins["top"]), Pt(word.margins["bottom"])
        section.left_margin, section.right_margin = Pt(word.margins["left"]), Pt(word.margins["right"])
        if word.page_numbers == "none":
            return
        footer = section.footer
        if not footer.is_linked_to_previous and _page_number_in(footer._element):
            return  # a reference document's own footer numbers the pages already
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if not footer.paragraphs[0].text.strip() else footer.add_paragraph()
        if paragraph._p.style not in (None, *self.style_ids.values()):
            paragraph._p.style = None  # (python-docx's new footer asks for a Footer style a reference may lack)
        paragraph.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[word.page_numbers]
        field = _el("w:fldSimple", paragraph._p, instr=" PAGE ")
        _el("w:t", _el("w:r", field)).text = "1"

    # -------------------------------------------------------------- numbering

    def numbering(self) -> tuple[str | None, Iterator[str] | None]:
        """Numbering definitions for operative paragraphs and for preambular sub-paragraphs."""
        n = self.res.numbering
        numbering = _numbering_part(self.doc).element
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        num_ids = [int(x.get(qn("w:numId"))) for x in numbering.findall(qn("w:num"))]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._numbering = numbering
        operative_num = self.operative_list(self.res, any(p.subparagraphs for p in self.operatives()))
        preamble_nums = None
        if n.preambular_subparagraphs and any(p.subparagraphs for p in self.preamble()):
            specs = [
                self.word.styles.get(subparagraph_style("preambular", i + 1)) for i in range(len(n.preambular_subparagraphs))
            ]
            abstract = self._abstract(list(n.preambular_subparagraphs), specs)
            preamble_nums = (self._num(abstract, restart=(0,)) for _ in iter(int, 1))
        return operative_num, preamble_nums

    def preamble(self) -> Iterator[Paragraph]:
        """The preambular paragraphs the document shows."""
        return iter(self.res.preamble)

    def operatives(self) -> Iterator[Paragraph]:
        """The operative paragraphs the document shows."""
        return iter(self.res.operative)

    def operative_list(self, res: Resolution, has_subs: bool | None = None) -> str | None:
        """A numbering definition for a resolution's operative paragraphs and their sub-paragraphs
        (after `numbering`), or None where neither is numbered. `has_subs`: whether there are
        sub-paragraphs to number (by default, whether the resolution has any)."""
        n = res.numbering
        if has_subs is None:
            has_subs = any(p.subparagraphs for p in res.operative)
        if not (n.operative or (has_subs and n.subparagraphs)):
            return None
        return self._num(self.operative_abstract(n))

    def operative_abstract(self, n: Numbering) -> int:
        """The abstract numbering of operative paragraphs and their sub-paragraphs in these formats."""
        levels = [n.operative, *n.subparagraphs]
        specs = [self.word.styles.get(PARAGRAPH_STYLES["operative"])] + [
            self.word.styles.get(subparagraph_style("operative", i + 1)) for i in range(len(n.subparagraphs))
        ]
        return self._abstract(levels, specs)

    def room_for_numbers(self, word: WordStyle) -> WordStyle:
        """The house style with the operative paragraphs' tab after the number far enough for the
        document's highest number to stand clear of the words: a tab at 1.9 cm after a number at
        1.27 cm leaves 0.63 cm, where "190." in Times 10 pt ends a third of a point short of the
        words. The tab moves on by that same step (1.9, 2.54, 3.17 cm …) until the number and a
        fifth of an em fit before it; a document numbering fewer paragraphs keeps its layout."""
        name, pattern = PARAGRAPH_STYLES["operative"], self.res.numbering.operative
        spec = word.styles.get(name)
        widest = max((p.number for p in self.operatives() if p.number), default=0)
        if spec is None or not pattern or not widest or is_bullet(pattern):
            return word
        props = spec.props
        prefix, style, suffix = parse_pattern(pattern)
        if "tab" not in props or "hanging" in props or style != "decimal":
            return word
        start, tab = props.get("left", 0.0) + props.get("first_line", 0.0), props["tab"]
        # Widths in ems: Times's figures are half an em, its stops a quarter; wider elsewhere (Arial's).
        digit, mark = (0.5, 0.25) if "times" in str(props.get("font", word.font)).lower() else (0.556, 0.278)
        ems = sum(digit if c.isdigit() else mark if c in ".,:;" else 0.5 for c in f"{prefix}{widest}{suffix}")
        needed = start + props.get("size", word.font_size) * (ems + 0.2)
        step = tab - start
        if step <= 0 or tab >= needed:
            return word
        while tab < needed:
            tab += step
        moved = dataclasses.replace(spec, props={**props, "tab": tab})
        return dataclasses.replace(word, styles={**word.styles, name: moved})

    def _abstract(self, patterns: list[str | None], specs: list[StyleSpec | None]) -> int:
        abstract = _el("w:abstractNum")
        _el("w:multiLevelType", abstract, val="multilevel")
        for level, pattern in enumerate(patterns):
            lvl = _el("w:lvl", abstract, ilvl=str(level))
            _el("w:start", lvl, val="1")
            spec = specs[level] if level < len(specs) else None
            props = spec.props if spec else {}
            suff = "tab" if "tab" in props else "space"  # (w:suff goes before w:lvlText: the schema's order)
            if pattern is None:
                _el("w:numFmt", lvl, val="none")
                _el("w:suff", lvl, val=suff)
                _el("w:lvlText", lvl, val="")
            elif is_bullet(pattern):  # the Council's "--": each item's mark, counting nothing
                _el("w:numFmt", lvl, val="bullet")
                _el("w:suff", lvl, val=suff)
                _el("w:lvlText", lvl, val=printed_label(pattern))
            else:
                prefix, style, suffix = parse_pattern(pattern)
                _el("w:numFmt", lvl, val=_WORD_FORMATS[style])
                _el("w:suff", lvl, val=suff)
                _el("w:lvlText", lvl, val=f"{prefix}%{level + 1}{suffix}")
            _el("w:lvlJc", lvl, val="left")
            _level_indents(lvl, props)
        return self._add_abstract(abstract)

    def _add_abstract(self, abstract: Any) -> int:
        """An abstract numbering into the numbering part, before the lists (the schema's order),
        under the next free id, which is returned."""
        ident = self._next_abstract
        self._next_abstract += 1
        abstract.set(qn("w:abstractNumId"), str(ident))
        first_num = _found(self._numbering, "w:num")
        if first_num is None:
            self._numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        return ident

    def _num(self, abstract: int, restart: Iterable[int] = ()) -> str:
        """A list of an abstract numbering, the levels in `restart` starting again at 1."""
        ident = self._next_num
        self._next_num += 1
        num = _el("w:num", self._numbering, numId=str(ident))
        _el("w:abstractNumId", num, val=str(abstract))
        for level in restart:
            _el("w:startOverride", _el("w:lvlOverride", num, ilvl=str(level)), val="1")
        return str(ident)

    def numbered_in(self, num: str, number: int | None, text: str = "new") -> str:
        """The list a numbered operative paragraph goes in: `num`, or, where its number in `text`
        ('new', or in a redline 'old') is not the next one that text prints (a section numbered
        from 1 again), another list of the same numbering counted from its number. Each text's
        paragraphs come in its own order, so each text's next number is known."""
        if number is None:
            return num
        if number != self.next_number.get(text, 1):
            num = self.restarted(num, number)
        self.next_number[text] = number + 1
        return num

    def restarted(self, num: str, start: int) -> str:
        """Another list in `num`'s formats, counted from `start`: a numbering of its own (not a
        restart of `num`'s), so that it counts alike however the paragraphs before it are numbered
        (LibreOffice starts a list again at the first paragraph it numbers as it opens the file,
        which in a redline need not be the first paragraph Accept All or Reject All leaves in it)."""
        found = self._numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num}']")
        abstract_id = _found(found, "w:abstractNumId").get(qn("w:val"))
        abstract = copy.deepcopy(self._numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']"))
        abstract.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']/{qn('w:start')}").set(qn("w:val"), str(start))
        return self._num(self._add_abstract(abstract))

    def heading_list(self, res: Resolution, paragraph: Paragraph) -> str | None:
        """The list a section's heading is numbered in, where its text's headings of that kind
        count one by one (see `Resolution.heading_count`): one list for each kind ("I", "A."),
        counted again from 1 where the text starts again ("A." under each section). None for the
        others, whose numerals are typed."""
        found = res.heading_count(paragraph)
        if found is None:
            return None
        pattern, number = found
        self.heading_lists[pattern] = num = self.numbered_in(self.heading_num(pattern), number, f"new {pattern}")
        return num

    def heading_num(self, pattern: str) -> str:
        """The list that numbers headings of a kind now ("I", "A."), made when first needed."""
        if pattern not in self.heading_lists:
            self.heading_lists[pattern] = self._num(self.heading_abstract(pattern))
        return self.heading_lists[pattern]

    def heading_abstract(self, pattern: str) -> int:
        """The abstract numbering of section headings numbered as `pattern` ("I", "A."): the numeral
        alone (the heading's words begin on the next line), with the heading's own indents."""
        abstract = _el("w:abstractNum")
        _el("w:multiLevelType", abstract, val="singleLevel")
        lvl = _el("w:lvl", abstract, ilvl="0")
        prefix, style, suffix = parse_pattern(pattern)
        _el("w:start", lvl, val="1")
        _el("w:numFmt", lvl, val=_WORD_FORMATS[style])
        _el("w:suff", lvl, val="nothing")
        _el("w:lvlText", lvl, val=f"{prefix}%1{suffix}")
        _el("w:lvlJc", lvl, val="left")
        spec = self.word.styles.get(HEADING_STYLE)
        _level_indents(lvl, spec.props if spec else {})
        return self._add_abstract(abstract)

    def sub_list(
        self, part: str, paragraph: Paragraph, text: Resolution, operative_num: str | None, preamble_nums: Iterator[str] | None
    ) -> str | None:
        """The list a paragraph's sub-paragraphs are numbered in: the operative part's, or one of
        their own for those of a paragraph that list skips (see `own_sub_list`; `text`: the text
        the paragraph is shown from), and in the preamble one of their own (taken only when there
        are sub-paragraphs)."""
        if (labels := own_labels(text, part, paragraph)) is not None and (part != "operative" or operative_num is not None):
            return self.labelled_list(text, part, labels)
        if part == "operative":
            if operative_num is not None and own_sub_list(text, paragraph):
                return self.restarted(operative_num, 1)
            return operative_num
        return next(preamble_nums) if preamble_nums and paragraph.subparagraphs else None

    def labelled_list(self, res: Resolution, part: str, labels: tuple[str, ...]) -> str:
        """A list for one paragraph's sub-paragraphs labelled otherwise than the house style
        (`labels`, see `own_labels`), starting from their first label: one numbering for each
        kind of labels, made when first needed, and a list of it for each paragraph. Its levels
        stand where the house style's list has them (the operative paragraphs' level first), so
        that a sub-paragraph keeps its level in either list."""
        key = (part, labels, res.numbering.operative if part == "operative" else None)
        if key not in self.labelled:
            if part == "operative":
                self.labelled[key] = self.operative_abstract(dataclasses.replace(res.numbering, subparagraphs=labels))
            else:
                specs = [self.word.styles.get(subparagraph_style(part, i + 1)) for i in range(len(labels))]
                self.labelled[key] = self._abstract(list(labels), specs)
        first = 1 if part == "operative" else 0
        return self._num(self.labelled[key], restart=range(first, first + len(labels)))

    # -------------------------------------------------------------- paragraphs

    def paragraph(self, style: str, content: Content, role: str | None = None, num: tuple[str, int] | None = None) -> Any:
        p = _el("w:p")
        ppr = _el("w:pPr", p)
        _el("w:pStyle", ppr, val=self.style_ids[style])
        if num is not None:
            numpr = _el("w:numPr", ppr)
            _el("w:ilvl", numpr, val=str(num[1]))
            _el("w:numId", numpr, val=num[0])
        self.runs(p, content, role)
        return p

    def line(self, style: str, line: Line) -> Any:
        """A header, title or formula line: its label (if any) and its words, the label hanging (see `hung`)."""
        return self.hung(self.paragraph(style, (*line_label(line), *line.content)), style, line)

    def hung(self, p: Any, style: str, line: Line | None) -> Any:
        """Paragraph `p` in `style`, with the label of its line (if any) at the margin and the words
        after it set in, every line alike (see `label_indent`)."""
        if (indent := self.label_indent(style, line)) is not None:
            _child(_found(p, "w:pPr"), "w:ind").attrib.update({qn("w:left"): _twips(indent), qn("w:hanging"): _twips(indent)})
        return p

    def label_indent(self, style: str, line: Line | None) -> float | None:
        """How far (points) the words of a labelled line are set in, its label at the margin, as the
        UN sets "78/225." before an adopted resolution's title: where the style sets them in, or
        further where the label (LABEL_EM a character in the style's size, and LABEL_GAP after
        it) needs more room, by steps of LABEL_STEP. None for a line without a label."""
        if line is None or not line.label:
            return None
        props = spec.props if (spec := self.word.styles.get(style)) else {}
        room = len(line.label) * LABEL_EM * float(props.get("size", self.word.font_size)) + LABEL_GAP
        return max(float(props.get("left", 0.0)), math.ceil(room / LABEL_STEP) * LABEL_STEP)

    def runs(
        self, p: Any, content: Content, role: str | None, holes: list[tuple[int, int]] | None = None
    ) -> list[tuple[Any, Run, bool, int]]:
        """The runs of some content in `p`; the placeholders in it ("[TBD: …]", at `holes`: offsets
        in its words, by default found there) highlighted. Each run written, with its span, whether
        it is a placeholder and where its text begins in the content's words."""
        holes = Placeholder.holes(plain(content)) if holes is None else holes
        written = []
        at = 0
        for span, unfilled in cut_at(content, holes):
            if isinstance(span, FootnoteRef):
                self.reference(p, span)
                continue
            r = _el("w:r", p)
            if props := self.run_properties(span, role, unfilled):
                rpr = _el("w:rPr", r)
                for tag, attrs in props:
                    _el(tag, rpr, **attrs)
            _text(r, span.text)
            written.append((r, span, unfilled, at))
            at += len(span.text)
        return written

    def run_properties(self, span: Run, role: str | None, unfilled: bool = False) -> list[tuple[str, dict[str, str]]]:
        """The w:rPr children of a run, in the schema's order: its opening's character style, or bold
        and italic; a highlight where it is a placeholder still to fill; superscript."""
        props: list[tuple[str, dict[str, str]]] = []
        bold, italic = span.bold, span.italic
        if span.opening and role in OPENING_STYLES:
            props.append(("w:rStyle", {"val": self.style_ids[OPENING_STYLES[role]]}))
            if (bold, italic) != self.defaults.get(role, (False, False)):  # a per-use override of the body's emphasis
                props += [("w:b", {"val": "1" if bold else "0"}), ("w:i", {"val": "1" if italic else "0"})]
        else:
            props += [(tag, {}) for tag, on in (("w:b", bold), ("w:i", italic)) if on]
        if unfilled:  # "[TBD: symbol of the 54th-session document]", marked so that no one circulates it
            props.append(("w:highlight", {"val": "yellow"}))
        if span.superscript:
            props.append(("w:vertAlign", {"val": "superscript"}))
        return props

    def next_note(self, marker: str) -> Footnote:
        """The next footnote of a marker, as `footnote_marks.paired` orders them (it gives every mark one):
        by marker, so that a mark the writer has no place for does not shift the footnotes after it."""
        return self.notes[marker].popleft()

    def reference(self, p: Any, anchor: FootnoteRef) -> None:
        """A footnote anchor: the next footnote of its marker, its reference in `p` and its text in the footnotes part."""
        self.footnote(p, self.next_note(anchor.marker))

    def footnote(self, p: Any, note: Footnote, text: Callable[[Any], None] | None = None) -> Any:
        """A footnote's reference run in `p`, and the footnote in the footnotes part (returned), its
        text written into its paragraph by `text` (by default, as it is)."""
        marker = note.marker
        ident = str(len(self.footnote_xml) + 1)
        custom = not marker.isdigit()
        r = _el("w:r", p)
        _el("w:rStyle", _el("w:rPr", r), val=self.style_ids[FOOTNOTE_REFERENCE])
        ref = _el("w:footnoteReference", r, id=ident)
        if custom:
            ref.set(qn("w:customMarkFollows"), "1")
            _el("w:t", r).text = marker
        fn = _el("w:footnote", id=ident)
        fp = _el("w:p", fn)
        _el("w:pStyle", _el("w:pPr", fp), val=self.style_ids[FOOTNOTE_TEXT])
        mark = _el("w:r", fp)
        _el("w:rStyle", _el("w:rPr", mark), val=self.style_ids[FOOTNOTE_REFERENCE])
        if custom:
            _el("w:t", mark).text = marker
        else:
            _el("w:footnoteRef", mark)
        # A tab after the mark, not a space: the words start at the style's hanging indent, where
        # the lines they wrap onto start, whether the mark is "*", "1" or "10" (as the UN sets them).
        _el("w:tab", _el("w:r", fp))
        if text is None:
            self.runs(fp, note.content, None)
        else:
            text(fp)
        self.footnote_xml.append(fn)
        return fn

    def part(
        self, paragraphs: Iterable[Paragraph], part: str, operative_num: str | None, preamble_nums: Iterator[str] | None
    ) -> Iterator[Any]:
        for paragraph in paragraphs:
            num = operative_number(self.res, part, paragraph, operative_num)
            if num is not None:
                operative_num = self.numbered_in(num[0], paragraph.number)
                num = (operative_num, 0)
            elif part == "operative" and (heading := self.heading_list(self.res, paragraph)) is not None:
                num = (heading, 0)
            style = paragraph_style(self.res, part, paragraph)
            label = typed_label(self.res, part, paragraph, listed=num is not None)
            yield self.paragraph(style, (*label, *paragraph.content), part, num)
            sub_num = self.sub_list(part, paragraph, self.res, operative_num, preamble_nums)
            for sub in paragraph.walk():
                if not sub.level:
                    continue
                level = sub.level if part == "operative" else sub.level - 1
                numbered = sub_num is not None and sub.label is not None
                yield self.paragraph(
                    subparagraph_style(part, sub.level),
                    sub.content,
                    "subparagraph",
                    (sub_num, level) if numbered and sub_num else None,
                )

    def body(self) -> None:
        res = self.res
        operative_num, preamble_nums = self.numbering()
        out: list[Any] = []
        out += [self.line(header_style(line.role), line) for line in res.header]
        out += [self.line(title_style(line.role), line) for line in res.title]
        out += self._formula("enacting", res.enacting)
        out += self.part(res.preamble, "preambular", None, preamble_nums)
        out += self._formula("transition", res.transition)
        out += self.part(res.operative, "operative", operative_num, None)
        out += self._formula("closing", res.closing)
        if res.closing is not None:
            kept_with_closing(out)
        body = self.doc.element.body
        sect = _found(body, "w:sectPr")
        for p in out:
            if sect is None:
                body.append(p)
            else:
                sect.addprevious(p)

    def _formula(self, role: str, line: Line | None) -> list[Any]:
        return [] if line is None else [self.line(FORMULA_STYLES[role], line)]

    # -------------------------------------------------------------- footnotes part, properties

    def footnotes_part(self) -> None:
        if not self.footnote_xml:
            return
        root = parse_xml(
            f"<w:footnotes {nsdecls('w', 'r')}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            "</w:footnotes>"
        )
        for fn in self.footnote_xml:
            root.append(fn)
        package = self.doc.part.package
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        settings = self.doc.settings.element
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        compat = _found(settings, "w:compat")
        if compat is not None:
            compat.addprevious(pr)
        else:
            settings.append(pr)

    def extra_parts(self) -> None:
        """Parts a kind of document adds beside the footnotes (the redline's comments)."""

    def write(self) -> bytes:
        """Every step, in order, to the bytes of the .docx."""
        self.word = self.room_for_numbers(self.word)  # (before the styles and lists are written from it)
        self.styles()
        self.page()
        self.body()
        self.footnotes_part()
        self.extra_parts()
        self.properties()
        return _save(self.doc)

    def properties(self) -> None:
        """Core properties fixed from the draft, so the same draft gives the same document."""
        date = self.res.date if isinstance(self.res.date, dt.date) else dt.date(2000, 1, 1)
        stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
        for rel in self.doc.part.package.rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
                rel.target_part._blob = _APP_PROPERTIES
        props = self.doc.core_properties
        props.author = props.last_modified_by = "resdraft"
        props.created = props.modified = props.last_printed = stamp
        props.revision = 1
        props.title = _property(" ".join(" ".join(line.text for line in self.res.title).split()))  # (on one line)
        props.subject = _property(str(self.res.fields.get("symbol") or ""))
        props.language = self.word.language
        props.keywords = props.comments = props.category = ""


def _property(text: str) -> str:
    """A document property as Word holds it: at most 255 characters (a GA title can be longer)."""
    return text if len(text) <= 255 else text[:254].rstrip() + "…"


# zlib's fastest level: the largest redline (A/RES/78/69 -> 79/144) compresses in 4 ms instead of
# 13 ms at the default level, and takes 135 KB instead of 104 KB.
COMPRESSION = 1


class _FixedZip:
    """Where python-docx's package writer puts the parts: a zip with fixed timestamps and modes, in
    the writer's order, so equal documents are equal bytes (each part compressed once, at
    COMPRESSION)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def write(self, uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob, compresslevel=COMPRESSION)


def _save(doc: Any) -> bytes:
    """The document's package as .docx bytes: python-docx's own save (OpcPackage.save), step by
    step, into a _FixedZip. Its save opens a zip of its own with the time of day in every entry,
    which then had to be unpacked and compressed again. (The steps are PackageWriter's helpers;
    python-docx is held below 2 in pyproject.toml, and the golden and byte-for-byte tests fail
    if they change.)"""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    target = _FixedZip(out)
    writer: Any = PackageWriter
    with target.zip:
        writer._write_content_types_stream(target, package.parts)
        writer._write_pkg_rels(target, package.rels)
        writer._write_parts(target, package.parts)
    return out.getvalue()


def render_docx(res: Resolution, word: WordStyle) -> bytes:
    """A Resolution as the bytes of a .docx in its body's Word house style."""
    return _Writer(paired(res), word).write()


def document_xml(data: bytes) -> str:
    """word/document.xml of a .docx, pretty-printed (for golden files and tests)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
    return str(etree.tostring(root, pretty_print=True, encoding="unicode"))
