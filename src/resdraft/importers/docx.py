"""Word import: a .docx, resdraft's own or anyone's, read back into a Resolution.

Every part is read from the zip with a size budget and parsed by lxml with entities, DTDs and the
network refused; python-docx is not used for reading. resdraft's own documents are read by their
paragraph and character style names (matched by name, not id, so LibreOffice's renaming of ids does
not matter); other documents fall back to a simple heuristic on numbering and punctuation.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lxml import etree

from resdraft.errors import LibraryError, Problem, Where
from resdraft.importers.dates import parse_date
from resdraft.importers.labels import title_line
from resdraft.importers.openings import declaration_start, infer_opening, is_preambular, marked_opening
from resdraft.importers.outline import adopts, heading_title
from resdraft.importers.text import (
    ADOPTION_LINE,
    BODIES,
    BODY_ALIASES,
    ENACTING,
    HEADER_ROLES,
    ORGANIZATION_LINE,
    PLENARY,
    REPORT_LINE,
    another_agenda_title,
    body_key,
    is_transition,
    plenary_lines,
    sponsors_of,
    text_session,
)
from resdraft.inline import merge
from resdraft.library.wordstyle import header_style, title_style
from resdraft.model import (
    Content,
    Footnote,
    FootnoteRef,
    Line,
    Numbering,
    Paragraph,
    Placeholder,
    Resolution,
    Run,
    Span,
    excerpt,
    plain,
)
from resdraft.numbering import alpha, is_pattern, roman, runs_in, section_heading
from resdraft.render.docx import (
    FORMULA_STYLES,
    HEADING_STYLE,
    OPENING_STYLES,
    PARAGRAPH_STYLES,
    subparagraph_style,
)
from resdraft.sessions import ordinal_number

# ------------------------------------------------------------------ limits

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # bytes read from the zip in all, whatever the headers claim
MAX_MEMBERS = 2000  # Word writes a few dozen parts; thousands means a crafted archive
MAX_START = 32767  # Word's own ceiling for a list's start value; keeps labels short
MAX_LEVELS = 9
MAX_LEVEL_TEXT = 255  # Word's limit for a level's label pattern
MAX_LETTERS = 780  # Word's letter counters end at 'zz…z' (30 letters); beyond, figures keep labels short

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # (r:id on a header reference)
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
MAIN_PART = "word/document.xml"
SAVE_AGAIN = "open it in Word or LibreOffice and save it again as a Word document (.docx)"


def _w(tag: str) -> str:
    """A WordprocessingML tag or attribute name in Clark notation."""
    return f"{{{W_NS}}}{tag}"


# ------------------------------------------------------------------ resdraft's own style names, inverted

_HEADER_PREFIX = header_style("").casefold()  # 'header '
_TITLE_PREFIX = title_style("").casefold()  # 'resolution '
_FORMULA_BY_STYLE = {name.casefold(): role for role, name in FORMULA_STYLES.items()}
_PART_BY_STYLE = {name.casefold(): role for role, name in PARAGRAPH_STYLES.items()}
_OPENING_BY_STYLE = {name.casefold(): role for role, name in OPENING_STYLES.items()}
_SUB_BY_STYLE = {
    subparagraph_style(part, level).casefold(): (part, level) for part in PARAGRAPH_STYLES for level in range(1, MAX_LEVELS + 1)
}


def _error(where: Where | None, message: str, hint: str = SAVE_AGAIN) -> LibraryError:
    """A one-problem error about the document being imported."""
    return LibraryError(Problem(where, message, hint))


# ------------------------------------------------------------------ the zip package


def _xml_parser() -> Any:
    """A parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


# Word escapes '<' in text, so '<!DOCTYPE' in a part's bytes is always markup
_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be"))


class _Package:
    """The parts of a .docx zip, read with a cap on members and on uncompressed bytes."""

    def __init__(self, data: bytes, where: Where | None) -> None:
        self.where = where
        if not data:
            raise _error(where, "the file is empty, not a Word document", SAVE_AGAIN)
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise _error(
                where,
                "this is an old binary Word file (.doc) or a password-protected document, not a .docx",
                "remove any password, then save it from Word or LibreOffice as a Word document (.docx)",
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
            raise _error(where, f"not a .docx: the file is not a readable zip archive ({e})", SAVE_AGAIN) from None
        if len(infos) > MAX_MEMBERS:
            raise _error(
                where,
                f"the archive has {len(infos)} members; a Word document has a few dozen (limit {MAX_MEMBERS})",
                "this is not a document Word wrote; " + SAVE_AGAIN,
            )
        self.infos = {info.filename: info for info in infos}
        self.budget = MAX_UNCOMPRESSED

    def read(self, name: str) -> bytes | None:
        """A member's bytes (None when absent), never more than the remaining budget."""
        info = self.infos.get(name)
        if info is None:
            return None
        if info.file_size > self.budget:
            raise self._too_large(name, info.file_size)
        try:
            with self.zip.open(info) as member:
                raw = member.read(self.budget + 1)  # bounded even if the size in the header lies
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error) as e:
            raise _error(
                self.where, f"{name} cannot be read from the archive ({e})", "the file is damaged or truncated; " + SAVE_AGAIN
            ) from None
        if len(raw) > self.budget:
            raise self._too_large(name, len(raw))
        self.budget -= len(raw)
        return raw

    def _too_large(self, name: str, size: int) -> LibraryError:
        """The error for a member over the size budget."""
        return _error(
            self.where,
            f"{name} unpacks to {size:,} bytes, over the {MAX_UNCOMPRESSED // (1024 * 1024)} MB this importer reads",
            "a resolution is far smaller: this may be a zip bomb; if it is a real document, remove images and save it again",
        )

    def xml(self, name: str) -> Any | None:
        """A member parsed as XML (None when absent); DTDs and malformed XML are refused."""
        raw = self.read(name)
        if raw is None:
            return None
        if any(mark in raw for mark in _DOCTYPE_MARKS):
            raise self._dtd(name)
        try:
            root = etree.fromstring(raw, _xml_parser())
        except etree.XMLSyntaxError as e:
            raise _error(self.where, f"{name} is not well-formed XML ({e.msg})", "the file is damaged; " + SAVE_AGAIN) from None
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:  # in an encoding the byte check above missed
            raise self._dtd(name)
        return root

    def _dtd(self, name: str) -> LibraryError:
        """The error for a part that declares a DTD."""
        return _error(
            self.where,
            f"{name} declares a DTD (<!DOCTYPE …>), which Word never writes; its entities are refused unread",
            "this file was crafted or damaged; " + SAVE_AGAIN,
        )

    def related(self, source: str) -> dict[str, str]:
        """Relationship type (last URL segment) → target part name, for one part's internal links."""
        out: dict[str, str] = {}
        for _, kind, path in self._links(source):
            out.setdefault(kind, path)
        return out

    def linked(self, source: str) -> dict[str, str]:
        """Relationship id ("rId7") → target part name, for one part's internal links."""
        return {rid: path for rid, _, path in self._links(source)}

    def _links(self, source: str) -> Iterator[tuple[str, str, str]]:
        """One part's internal links: id, type (last URL segment) and target part name."""
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if rels is None:
            return
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            target, kind = rel.get("Target") or "", rel.get("Type") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            yield rel.get("Id") or "", kind.rsplit("/", 1)[-1], path


# ------------------------------------------------------------------ styles


def _on(element: Any) -> bool | None:
    """The value of an on/off property such as <w:b/> or <w:i w:val="false"/>; None when absent."""
    if element is None:
        return None
    return (element.get(_w("val")) or "true").lower() not in ("0", "false", "off", "none")


def _int(value: str | None, default: int, low: int = 0, high: int = MAX_START) -> int:
    """An integer attribute, clamped; `default` when missing or not a number."""
    try:
        return max(low, min(high, int(value or "")))
    except ValueError:
        return default


def _superscript(rpr: Any) -> bool | None:
    """Whether run properties raise the text as superscript; None when they do not say."""
    if rpr is None:
        return None
    align = rpr.find(_w("vertAlign"))
    return None if align is None else align.get(_w("val")) == "superscript"


@dataclass(frozen=True)
class _Style:
    """What the importer needs of one style: its name, parent, emphasis and numbering."""

    name: str
    kind: str
    based_on: str | None
    bold: bool | None
    italic: bool | None
    superscript: bool | None
    num_id: str | None
    ilvl: int | None
    hidden: bool | None = None


class _Styles:
    """word/styles.xml: style ids to names, with emphasis and numbering resolved along basedOn."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self._emphasis: dict[str | None, tuple[bool | None, bool | None, bool | None, bool | None]] = {}
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}
        for el in [] if root is None else root.iter(_w("style")):
            ident = el.get(_w("styleId")) or ""
            name_el = el.find(_w("name"))
            rpr, ppr = el.find(_w("rPr")), el.find(_w("pPr"))
            numpr = None if ppr is None else ppr.find(_w("numPr"))
            num_id, ilvl = _numpr(numpr)
            based = el.find(_w("basedOn"))
            self.styles[ident] = _Style(
                name=ident if name_el is None else name_el.get(_w("val")) or ident,
                kind=el.get(_w("type")) or "paragraph",
                based_on=None if based is None else based.get(_w("val")),
                bold=None if rpr is None else _on(rpr.find(_w("b"))),
                italic=None if rpr is None else _on(rpr.find(_w("i"))),
                superscript=_superscript(rpr),
                num_id=num_id,
                ilvl=ilvl,
                hidden=None if rpr is None else _on(rpr.find(_w("vanish"))),
            )
            if el.get(_w("type")) == "paragraph" and _on_attr(el.get(_w("default"))):
                self.default_paragraph = ident

    def name(self, ident: str | None) -> str:
        """The style's name ('Operative Paragraph'), or its id when it has none."""
        ident = ident or self.default_paragraph
        if ident is None:
            return ""
        style = self.styles.get(ident)
        return style.name if style else ident

    def chain(self, ident: str | None) -> Iterator[_Style]:
        """The style and its ancestors through basedOn, stopping at loops."""
        seen: set[str] = set()
        while ident and ident not in seen and ident in self.styles:
            seen.add(ident)
            style = self.styles[ident]
            yield style
            ident = style.based_on

    def emphasis(self, ident: str | None) -> tuple[bool, bool, bool]:
        """Bold, italic and superscript as a character style (with its ancestors) sets them."""
        bold, italic, sup, _ = self.settings(ident)
        return bool(bold), bool(italic), bool(sup)

    def settings(self, ident: str | None) -> tuple[bool | None, bool | None, bool | None, bool | None]:
        """Bold, italic, superscript and hidden as a style (with its ancestors) sets them; None where none does."""
        if ident not in self._emphasis:  # cached: a long basedOn chain is walked once, not once per run
            bold = italic = sup = hidden = None
            for style in self.chain(ident):
                bold = style.bold if bold is None else bold
                italic = style.italic if italic is None else italic
                sup = style.superscript if sup is None else sup
                hidden = style.hidden if hidden is None else hidden
            self._emphasis[ident] = bold, italic, sup, hidden
        return self._emphasis[ident]

    def paragraph_settings(self, ident: str | None) -> tuple[bool | None, bool | None, bool | None, bool | None]:
        """What a paragraph style gives its runs: nothing for one of resdraft's own, whose house
        style a draft knows (its header lines bold by style are plain text), else as `settings`."""
        name = self.name(ident)
        if not name or _style_role(name) is not None:
            return None, None, None, None
        return self.settings(ident or self.default_paragraph)

    def numbering(self, ident: str | None) -> tuple[str | None, int | None]:
        """The numbering a paragraph style (or an ancestor) applies: numId and level."""
        if ident not in self._numbering:
            num_id: str | None = None
            ilvl: int | None = None
            for style in self.chain(ident or self.default_paragraph):
                num_id = style.num_id if num_id is None else num_id
                ilvl = style.ilvl if ilvl is None else ilvl
            self._numbering[ident] = num_id, ilvl
        return self._numbering[ident]


def _on_attr(value: str | None) -> bool:
    """An on/off attribute such as w:default="1"."""
    return (value or "").lower() in ("1", "true", "on")


def _numpr(numpr: Any) -> tuple[str | None, int | None]:
    """numId and ilvl of a <w:numPr>, each None when not given."""
    if numpr is None:
        return None, None
    num, lvl = numpr.find(_w("numId")), numpr.find(_w("ilvl"))
    return (
        None if num is None else num.get(_w("val")),
        None if lvl is None else _int(lvl.get(_w("val")), 0, 0, MAX_LEVELS - 1),
    )


# ------------------------------------------------------------------ numbering


@dataclass(frozen=True)
class _Level:
    """One level of a list definition: its number format, label text and counting rules."""

    fmt: str
    text: str
    start: int
    restart: int | None
    legal: bool


@dataclass(frozen=True)
class _Label:
    """The automatic label Word shows before a paragraph, with the list and counter behind it."""

    text: str
    value: int | None
    ilvl: int
    list_key: str


@dataclass
class _Instance:
    """A <w:num>: its list definition and the restarts it applies when first used."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


def _level(el: Any) -> _Level:
    """A <w:lvl> element as a _Level."""

    def val(tag: str) -> str | None:
        child = el.find(_w(tag))
        return None if child is None else child.get(_w("val"))

    restart = val("lvlRestart")
    return _Level(
        fmt=val("numFmt") or "decimal",
        text=(val("lvlText") or "")[:MAX_LEVEL_TEXT],
        start=_int(val("start"), 1),
        restart=None if restart is None else _int(restart, 0, 0, MAX_LEVELS),
        legal=_on(el.find(_w("isLgl"))) or False,
    )


def _counter(n: int, fmt: str) -> str:
    """A counter value in a Word number format: (3, 'lowerRoman') → 'iii'."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = alpha(n) if 0 < n <= MAX_LETTERS else str(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(n) if n > 0 else str(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    """A bullet's lvlText, with symbol-font private-use characters shown as '•'."""
    return "•" if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text) else text


_PLACEHOLDER = re.compile(r"%([1-9])")


class _Numbering:
    """word/numbering.xml, and the counters Word keeps while it numbers the body top to bottom."""

    def __init__(self, root: Any | None, styles: _Styles) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.links: dict[str, str] = {}
        self.instances: dict[str, _Instance] = {}
        self.styles = styles
        self.counts: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for el in root.iter(_w("abstractNum")):
            ident = el.get(_w("abstractNumId")) or ""
            levels = {_int(lvl.get(_w("ilvl")), 0, 0, MAX_LEVELS - 1): _level(lvl) for lvl in el.iter(_w("lvl"))}
            self.abstracts[ident] = levels
            link = el.find(_w("numStyleLink"))
            if link is not None and link.get(_w("val")):
                self.links[ident] = link.get(_w("val"))
        for el in root.iter(_w("num")):
            abstract = el.find(_w("abstractNumId"))
            instance = _Instance("" if abstract is None else abstract.get(_w("val")) or "")
            for override in el.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0, 0, MAX_LEVELS - 1)
                start = override.find(_w("startOverride"))
                if start is not None:
                    instance.starts[ilvl] = _int(start.get(_w("val")), 1)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl)
            self.instances[el.get(_w("numId")) or ""] = instance

    def definition(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        """The list definition a numId uses (following a numStyleLink once), with level overrides applied."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract = instance.abstract
        if abstract in self.links:  # the definition lives in a numbering style
            linked, _ = self.styles.numbering(self.links[abstract])
            target = self.instances.get(linked or "")
            abstract = target.abstract if target else abstract
        levels = self.abstracts.get(abstract)
        if levels is None:
            return None
        return abstract, {**levels, **instance.levels}

    def advance(self, num_id: str, ilvl: int) -> _Label | None:
        """Count one more paragraph at a level of a list and give its label, as Word would show it."""
        found = self.definition(num_id)
        if found is None:
            return None
        abstract, levels = found
        if ilvl not in levels:
            return None
        # Word counts per list definition: every <w:num> of it continues the same sequence,
        # except that a <w:num> with a startOverride restarts it where it is first used.
        counts = self.counts.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in self.instances[num_id].starts.items():
                counts[restarted] = start - 1
                self._reset_below(counts, levels, restarted)
        value = counts.get(ilvl, levels[ilvl].start - 1) + 1
        counts[ilvl] = value
        self._reset_below(counts, levels, ilvl)
        level = levels[ilvl]
        if level.fmt == "bullet":
            return _Label(_bullet(level.text), None, ilvl, abstract)
        text = _PLACEHOLDER.sub(lambda m: self._shown(counts, levels, int(m.group(1)) - 1, level.legal), level.text)
        numbered = level.fmt != "none" and bool(text.strip())
        return _Label(text, value if numbered else None, ilvl, abstract)

    @staticmethod
    def _reset_below(counts: dict[int, int], levels: dict[int, _Level], ilvl: int) -> None:
        """Restart the levels below one that just counted, unless they say otherwise."""
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or ilvl < restart:
                del counts[deeper]

    @staticmethod
    def _shown(counts: dict[int, int], levels: dict[int, _Level], ilvl: int, legal: bool) -> str:
        """One %N placeholder of a label: that level's current count in that level's format."""
        level = levels.get(ilvl)
        if level is None:
            return ""
        value = counts.get(ilvl, level.start)
        return _counter(value, "decimal" if legal and level.fmt != "none" else level.fmt)

    def example(self, list_key: str, ilvl: int) -> str | None:
        """The first label of a level ('(a)'), as resdraft's Numbering writes it; None when unnumbered."""
        level = self.abstracts.get(list_key, {}).get(ilvl)
        if level is None or level.fmt == "none" or not level.text.strip():
            return None
        if level.fmt == "bullet":
            return _bullet(level.text)
        return _PLACEHOLDER.sub(lambda m: _counter(1, level.fmt) if int(m.group(1)) - 1 == ilvl else "1", level.text)

    def depth(self, list_key: str, used: int) -> int:
        """How many levels of a list to describe: all that resdraft wrote, or those used when Word pads to nine."""
        defined = len(self.abstracts.get(list_key, {}))
        return defined if defined < MAX_LEVELS else used + 1


# ------------------------------------------------------------------ runs and paragraphs


@dataclass
class _Para:
    """A body paragraph as read: its style name, content and Word's automatic label."""

    style: str
    content: Content
    label: _Label | None
    typed_from: Content | None = None  # the content before a label typed into it was taken out
    in_table: bool = False  # a table cell's

    @property
    def text(self) -> str:
        """The paragraph's words."""
        return "".join(s.text for s in self.content if isinstance(s, Run))

    @property
    def empty(self) -> bool:
        """Whether the paragraph has neither words nor footnote marks."""
        return not self.text.strip() and not any(isinstance(s, FootnoteRef) for s in self.content)


_CONTAINERS = {
    _w(t) for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "moveTo", "dir", "bdo")
}
_BLOCKS = {_w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo")}


def _runs(element: Any) -> Iterator[Any]:
    """The runs of a paragraph in reading order, inside links, insertions and content controls; not deletions."""
    for child in element:
        if child.tag == _w("r"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


def _block_paragraphs(element: Any) -> Iterator[Any]:
    """The paragraphs of a body in reading order, including those in tables and content controls,
    with tracked changes accepted: a paragraph whose mark is deleted (or moved away) is gone, and
    what is left of its text runs on into the next paragraph, as Word's Accept All does."""
    carried: list[Any] = []  # runs of paragraphs whose mark was deleted, for the next paragraph
    for p in _all_paragraphs(element):
        if _mark_removed(p):
            carried += list(_runs(p))
            continue
        if carried:
            p = copy.deepcopy(p)
            at = 1 if len(p) and p[0].tag == _w("pPr") else 0
            for k, run in enumerate(carried):
                p.insert(at + k, copy.deepcopy(run))
            carried = []
        yield p


def _all_paragraphs(element: Any) -> Iterator[Any]:
    for child in element:
        if child.tag == _w("p"):
            for box in _text_boxes(child):  # (drawn where the paragraph is: a symbol beside the date)
                yield from _all_paragraphs(box)
            yield child
        elif child.tag in _BLOCKS:
            yield from _all_paragraphs(child)


def _text_boxes(p: Any) -> Iterator[Any]:
    """The text boxes anchored in a paragraph's runs (<w:txbxContent>), each once: Word writes a box
    twice, as a drawing (mc:Choice) and as VML for older readers (mc:Fallback); the first is read."""

    def inside(element: Any) -> Iterator[Any]:
        for child in element:
            if child.tag == _w("txbxContent"):
                yield child
            elif child.tag == _MC_ALTERNATE:  # (its choices, then the fallback: the first with a box)
                yield from next((boxes for branch in child if (boxes := list(inside(branch)))), [])
            else:
                yield from inside(child)

    for run in _runs(p):
        yield from inside(run)


def _mark_removed(p: Any) -> bool:
    """Whether a paragraph's mark is a tracked deletion or the origin of a move."""
    rpr = p.find(f"{_w('pPr')}/{_w('rPr')}")
    return rpr is not None and (rpr.find(_w("del")) is not None or rpr.find(_w("moveFrom")) is not None)


def _char(el: Any) -> str:
    """The text of a <w:sym> character."""
    code = _int(el.get(_w("char")), -1, -1, 0x10FFFF)
    if code < 0:
        return ""
    if 0xF020 <= code <= 0xF0FF:  # symbol fonts address their glyphs from U+F000
        code -= 0xF000
    return chr(code)


# A footnote's or an endnote's mark in the text: both are read as footnotes (a resolution's notes
# are footnotes; a secretariat's Word file may hold them as endnotes, numbered on with the footnotes).
_REFERENCES = (_w("footnoteReference"), _w("endnoteReference"))
_TEXT_OF = {_w("tab"): "\t", _w("ptab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "\u2011"}


class _Inline:
    """Reads runs into Runs and FootnoteRefs, numbering footnotes as Word does and collecting their texts."""

    def __init__(self, styles: _Styles, notes: dict[str, Any], endnotes: dict[str, Any]) -> None:
        self.styles, self.notes, self.endnotes = styles, notes, endnotes
        self.auto = 0
        self.footnotes: list[Footnote] = []
        self.read_notes: dict[tuple[str, str, str | None], Content] = {}  # a note referenced again is not read again

    def content(self, paragraph: Any, in_note: bool = False) -> list[Span]:
        """A paragraph's spans; footnote references become FootnoteRefs (in the body) or vanish (in a
        note). Text hidden (Word's "Hidden" font setting) is not read: it does not print."""
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        base = self.styles.paragraph_settings(None if style is None else style.get(_w("val")))
        spans: list[Span] = []
        for r in _runs(paragraph):
            spans.extend(self._run(r, in_note, base))
        return spans

    def _run(self, r: Any, in_note: bool, base: tuple[bool | None, ...]) -> list[Span]:
        """One <w:r> as spans: its text with its emphasis, and its footnote reference if any. Its
        settings are its own, else its character style's, else (`base`) its paragraph style's."""
        rpr = r.find(_w("rPr"))
        style = None if rpr is None else rpr.find(_w("rStyle"))
        style_id = None if style is None else style.get(_w("val"))
        own = (
            (None,) * 4
            if rpr is None
            else (_on(rpr.find(_w("b"))), _on(rpr.find(_w("i"))), _superscript(rpr), _on(rpr.find(_w("vanish"))))
        )
        bold, italic, sup, hidden = (
            next((value for value in values if value is not None), False)
            for values in zip(own, self.styles.settings(style_id), base, strict=True)
        )
        if hidden:
            return []
        opening = self.styles.name(style_id).casefold() in _OPENING_BY_STYLE if style_id else False
        out: list[Span] = []
        text: list[str] = []
        custom: list[str] | None = None  # collecting a custom footnote mark that follows its reference
        pending: Any = None

        def flush() -> None:
            if text:
                out.append(Run("".join(text), italic=italic, bold=bold, superscript=sup, opening=opening))
                text.clear()

        for child in r:
            tag = child.tag
            if tag in _REFERENCES and not in_note:
                flush()
                if custom is not None:
                    out.append(self._reference(pending, "".join(custom)))
                pending = child
                custom = [] if _on_attr(child.get(_w("customMarkFollows"))) else None
                if custom is None:
                    out.append(self._reference(child, None))
            elif tag == _w("t"):
                (custom if custom is not None else text).append(child.text or "")
            elif tag == _w("sym"):
                (custom if custom is not None else text).append(_char(child))
            elif tag in _TEXT_OF:
                if custom is not None:
                    out.append(self._reference(pending, "".join(custom)))
                    custom = None
                text.append(_TEXT_OF[tag])
        if custom is not None:
            out.append(self._reference(pending, "".join(custom)))
        flush()
        return out

    def _reference(self, ref: Any, custom: str | None) -> FootnoteRef:
        """The marker of a footnote reference, and the footnote itself, in document order."""
        if custom is None:
            self.auto += 1
            marker = str(self.auto)
        else:
            marker = custom.strip() or "*"
        key = (ref.tag, ref.get(_w("id")) or "", custom)
        if key not in self.read_notes:
            note = (self.notes if ref.tag == _w("footnoteReference") else self.endnotes).get(key[1])
            self.read_notes[key] = () if note is None else self.note_content(note, custom)
        self.footnotes.append(Footnote(marker, self.read_notes[key]))
        return FootnoteRef(marker)

    def note_content(self, note: Any, custom: str | None) -> Content:
        """A footnote's text, without its mark and the space after it; paragraphs joined by line breaks."""
        spans: list[Span] = []
        for i, p in enumerate(note.iter(_w("p"))):
            if i:
                spans.append(Run("\n"))
            spans.extend(self.content(p, in_note=True))
        content = _strip(merge(tuple(spans)))
        mark = (custom or "").strip()
        if mark and content and isinstance(content[0], Run) and content[0].text.startswith(mark):
            first = content[0]
            content = _strip((Run(first.text[len(mark) :], first.italic, first.bold, first.superscript), *content[1:]))
        return content


def _strip(content: Content) -> Content:
    """Content without whitespace at either end."""
    spans = list(content)
    first = 0
    while first < len(spans) and isinstance(run := spans[first], Run) and not run.text.strip():
        first += 1
    last = len(spans)
    while last > first and isinstance(run := spans[last - 1], Run) and not run.text.strip():
        last -= 1
    spans = spans[first:last]
    if spans and isinstance(run := spans[0], Run):
        spans[0] = Run(run.text.lstrip(), run.italic, run.bold, run.superscript, run.opening)
    if spans and isinstance(run := spans[-1], Run):
        spans[-1] = Run(run.text.rstrip(), run.italic, run.bold, run.superscript, run.opening)
    return tuple(spans)


# ------------------------------------------------------------------ classifying paragraphs


@dataclass
class _Item:
    """A paragraph with the place it takes in a resolution."""

    kind: str  # header, title, formula, preambular, operative
    role: str  # header/title role or formula name; for paragraphs the part again
    level: int
    para: _Para
    label: str | None = None
    number: int | None = None
    heading: bool = False  # set as a section's heading (resdraft's style for one), or read as one without a numeral


def _style_role(style: str) -> tuple[str, str, int] | None:
    """(kind, role, level) for one of resdraft's own paragraph style names, else None."""
    key = style.casefold()
    if key in _FORMULA_BY_STYLE:
        return "formula", _FORMULA_BY_STYLE[key], 0
    if key in _PART_BY_STYLE:
        part = _PART_BY_STYLE[key]
        return part, part, 0
    if key == HEADING_STYLE.casefold():
        return "operative", "operative", 0
    if key in _SUB_BY_STYLE:
        part, level = _SUB_BY_STYLE[key]
        return part, part, level
    if key.startswith(_HEADER_PREFIX) and len(key) > len(_HEADER_PREFIX):
        return "header", _kebab(style[len(_HEADER_PREFIX) :]), 0
    if key.startswith(_TITLE_PREFIX) and len(key) > len(_TITLE_PREFIX):
        return "title", _kebab(style[len(_TITLE_PREFIX) :]), 0
    return None


def _kebab(words: str) -> str:
    """'Agenda Item' → 'agenda-item'."""
    return "-".join(words.lower().split())


def _labelled(item: _Item) -> _Item:
    """An item with Word's label and (operative paragraphs only) number filled in."""
    label = item.para.label
    if label is not None and label.text.strip():
        item.label = label.text.strip()
        item.number = label.value if item.kind == "operative" and item.level == 0 else None
    return item


def _by_styles(paras: list[_Para]) -> list[_Item]:
    """Items for a document resdraft wrote: roles from style names; strangers placed by what precedes them."""
    items: list[_Item] = []
    section = "header"
    for para in paras:
        found = _style_role(para.style)
        if found is None:
            if para.empty:
                continue
            kind, role, level = _by_context(section, para, items)
        else:
            kind, role, level = found
        if para.empty:  # (a blank line typed between paragraphs, even in one of resdraft's styles)
            continue
        section = _section_after(kind, role, section)
        heading = para.style.casefold() == HEADING_STYLE.casefold()
        if heading:
            para = _heading(para)
        items.append(_labelled(_Item(kind, role, level, para, heading=heading)))
    return items


def _heading(para: _Para) -> _Para:
    """A section's heading as resdraft writes it, its numeral on a line of its own above its words
    ("II", a line break, "International Decade …"), typed or Word's list's, or an action's on their
    line ("Action 1. We will …"): the numeral taken out as its label, which numbers no paragraph."""
    first = para.content[0] if para.content else None
    if isinstance(first, Run) and (found := section_heading(para.text)) and runs_in(numeral := found[0]):
        return _as_heading(para, numeral, first.text[len(numeral) :].lstrip()) if first.text.startswith(numeral) else para
    if not isinstance(first, Run) or "\n" not in first.text:
        return para
    numeral, _, rest = first.text.partition("\n")
    if para.label is not None and not numeral.strip():  # a list's numeral, then the line break
        numeral = para.label.text
    if not numeral.strip() or len(numeral) > 12:
        return para
    return _as_heading(para, numeral.strip(), rest)


def _as_heading(para: _Para, numeral: str, rest: str) -> _Para:
    """A paragraph whose first run began with a section's `numeral` as that heading: the numeral
    its label, which numbers nothing, and `rest` (the first run's words after it) and the other runs its title."""
    first = para.content[0]
    assert isinstance(first, Run)
    content = _strip((replace(first, text=rest), *para.content[1:]))
    return _Para(para.style, content, _Label(numeral, None, 0, "typed-heading"), para.content)


def _section_after(kind: str, role: str, section: str) -> str:
    """The part of the document we are in once an item of this kind has been read."""
    if kind == "formula":
        return {"enacting": "preamble", "transition": "operative", "closing": "closing"}[role]
    return {"preambular": "preamble", "operative": "operative"}.get(kind, section)


def _by_context(section: str, para: _Para, before: list[_Item]) -> tuple[str, str, int]:
    """Where a paragraph in a style resdraft does not use belongs, given the section it sits in (and,
    in the header, the roles of the items `before` it: a line that reads as the symbol is one, if none is)."""
    if section == "header":
        role = _header_role(para.text.strip())
        return "header", "line" if any(item.role == role for item in before) else role, 0
    part = "preambular" if section == "preamble" else "operative"
    if para.label is None:
        return part, part, 0
    return part, part, para.label.ilvl + (1 if part == "preambular" else 0)


# ---------------------------------------------------------------- the heuristic for other documents

_ENACTING = re.compile(
    r"^The\b.{0,150}\b(General Assembly|Assembly|Organi[sz]ation|Council|Conference|Commission|Committee|Parliament)\b[^.;]{0,80}$",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING = re.compile(r"^(Adopted|Done|Signed|Approved)\b", re.IGNORECASE)
# A label typed into the text: "1.", "(a)", "a." (AIPA's operative sub-paragraphs) or a bare "1"
# (AIPA's preambular ones), then a space or a tab.
_TYPED = re.compile(r"^\s*(?:(\d{1,3})\.|\(([a-z]{1,4})\)|([a-z]{1,4})\.|(\d{1,3}))[ \t\u00a0]+")
_ROMAN = re.compile(r"^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")


def _typed_label(para: _Para, previous: str | None, bare: int | None = None) -> tuple[_Label, Content] | None:
    """A label typed into the text ('1. ', '(a) ', 'a. ', AIPA's bare '1 '), with the content that
    follows it. The label may run over runs set otherwise: a bold "1." before the tab, the tab inside
    the italic opening's run. A bare number is one only where it is the number due, `bare` (1 after
    a paragraph ending in ':', the next after a bare-numbered one), not a year or a count opening a text."""
    lead = ""
    for span in para.content:
        if not isinstance(span, Run) or len(lead) > 12:
            break
        lead += span.text
    m = _TYPED.match(lead)
    if not m or (m.group(4) and int(m.group(4)) != bare):
        return None
    rest = _strip(_without_first(para.content, m.end()))
    if m.group(1):
        return _Label(f"{m.group(1)}.", int(m.group(1)), 0, "typed-decimal"), rest
    if m.group(4):  # (a sub-paragraph's, in either part)
        return _Label(m.group(4), int(m.group(4)), 1, "typed-bare"), rest
    letters = m.group(2) or m.group(3)
    text = f"({letters})" if m.group(2) else f"{letters}."
    # '(i)' after '(h)' is a letter; otherwise a roman numeral one level further down
    deeper = bool(_ROMAN.match(letters)) and not (previous and len(letters) == 1 and ord(letters) == ord(previous) + 1)
    return _Label(text, None, 2 if deeper else 1, "typed-roman" if deeper else "typed-alpha"), rest


def _without_first(content: Content, size: int) -> Content:
    """Content without its first `size` characters (all in its leading runs)."""
    out: list[Span] = []
    for span in content:
        if size and isinstance(span, Run):
            cut = min(size, len(span.text))
            size -= cut
            if cut < len(span.text):
                out.append(replace(span, text=span.text[cut:]))
            continue
        out.append(span)
    return tuple(out)


def _with_headings(paras: list[_Para]) -> list[_Para]:
    """Paragraphs with each section's heading (see `section_heading`) given its numeral as a label
    that numbers nothing: the numeral on a line of its own above its title, before it on the same
    line, or alone with its title the next paragraph; typed, or a list's alone above its title
    ("XIV" of upper-roman numbering, then a line break)."""
    out: list[_Para] = []
    for para in paras:
        last = out[-1] if out else None
        if last is not None and _is_heading(last) and last.empty and para.label is None:  # a lone numeral's title
            out[-1] = _Para(last.style, para.content, last.label, last.typed_from)
            continue
        first = para.content[0] if para.content else None
        if para.label is None and isinstance(first, Run) and (found := section_heading(para.text.replace("\n", " "))):
            numeral = found[0]
            if first.text.startswith(numeral):
                para = _as_heading(para, numeral, first.text[len(numeral) :].lstrip(" \t\n"))
        elif (
            para.label is not None
            and isinstance(first, Run)
            and first.text.startswith("\n")  # a list's numeral alone on the line above the title
            and section_heading(f"{para.label.text} {para.text.strip()}")
        ):
            para = _as_heading(para, para.label.text, first.text[1:])
        out.append(para)
    return out


def _with_typed_labels(paras: list[_Para]) -> list[_Para]:
    """Paragraphs with labels typed into their text moved out of the text into the label."""
    out: list[_Para] = []
    previous: str | None = None
    for para in paras:
        if para.label is None and (typed := _typed_label(para, previous, _bare_due(out[-1] if out else None))):
            label, rest = typed
            if label.list_key == "typed-alpha":
                previous = label.text.strip("().")
            para = _Para(para.style, rest, label, para.content)
        out.append(para)
    return out


def _bare_due(before: _Para | None) -> int | None:
    """The bare number a paragraph may open with after `before` (AIPA's preambular sub-paragraphs):
    the next after a bare-numbered one, 1 after one ending ':', else none."""
    if before is None:
        return None
    if before.label is not None and before.label.list_key == "typed-bare" and before.label.value:
        return before.label.value + 1
    return 1 if _ends(before, ":") else None


def _ends(para: _Para, marks: str) -> bool:
    """Whether a paragraph's text ends with one of `marks`."""
    return para.text.rstrip().endswith(tuple(marks))


def _by_heuristic(all_paras: list[_Para]) -> list[_Item]:
    """Items for a document resdraft did not write: numbering, formulas and punctuation tell the parts apart."""
    paras = _with_headings(_with_typed_labels([p for p in all_paras if not p.empty]))
    texts = [p.text.strip() for p in paras]
    enacted = next((i for i, t in enumerate(texts) if len(t) < 250 and _ENACTING.match(t)), None)
    main = _main_list(paras)
    mains = _main_lists(paras, main) if main is not None else frozenset()
    first = next((i for i, p in enumerate(paras) if p.label and p.label.list_key in mains), len(paras))
    # (an operative paragraph "Decides:" over its own sub-paragraphs is no transition formula)
    transitions = [i for i, t in enumerate(texts[:first]) if is_transition(t)]
    transition = transitions[-1] if transitions else None
    if transition is not None:
        op_start = transition + 1
    elif main is not None:
        op_start = first
        if op_start and paras[op_start - 1].label is None and heading_title(texts[op_start - 1]):
            op_start -= 1  # a heading without a numeral right above paragraph 1 opens the part (see split_parts)
        if op_start and paras[op_start - 1].label is None and adopts(texts[op_start - 1]):
            op_start -= 1  # so does the paragraph adopting the text whose paragraphs follow
        if any(_is_heading(p) for p in paras[op_start:]):  # as does the first section's heading
            op_start = next((i for i in range(op_start - 1, -1, -1) if _is_heading(paras[i])), op_start)
    else:  # no list: the first paragraph after the enacting formula that opens with a verb ("Endorses …")
        after = range(enacted + 1, len(paras)) if enacted is not None else range(0)
        op_start = next((i for i in after if (o := infer_opening(texts[i])) and not is_preambular(o)), len(paras))
    pre_end = transition if transition is not None else op_start
    enacting = enacted if enacted is not None and enacted < pre_end else None
    if enacting is not None:
        pre_start = enacting + 1
    else:
        pre_start = pre_end
        while pre_start > 0 and _ends(paras[pre_start - 1], ",;:"):
            pre_start -= 1
    items = _header_items(paras[: enacting if enacting is not None else pre_start])
    if enacting is not None:
        items.append(_Item("formula", "enacting", 0, paras[enacting]))
    items += _part_items(paras[pre_start:pre_end], "preambular", None)
    if transition is not None:
        items.append(_Item("formula", "transition", 0, paras[transition]))
    rest = paras[op_start:]
    closing = rest.pop() if rest and rest[-1].label is None and (_CLOSING.match(texts[-1]) or PLENARY.match(texts[-1])) else None
    items += _part_items(rest, "operative", main, mains)
    if closing is not None:
        items.append(_Item("formula", "closing", 0, closing))
    return items


def _is_heading(para: _Para) -> bool:
    return para.label is not None and para.label.list_key == "typed-heading"


def _main_list(paras: list[_Para]) -> str | None:
    """The list operative paragraphs are numbered in: the last to start that is not nested in another.

    A list is nested (operative sub-paragraphs) when it starts right after a numbered paragraph
    of another list that introduces it with ':', or after a lone operative paragraph, unnumbered,
    that does ("Decides:"): where every list is nested so, there is no main list, and the lone
    paragraph is the operative part. Preambular sub-paragraph lists start before the operative
    list. Word lists win over labels typed into the text, '1.' over '(a)' over '(i)'.
    """
    starts: dict[str, int] = {}
    for i, p in enumerate(paras):
        if p.label is not None:
            starts.setdefault(p.label.list_key, i)

    def introducer(key: str) -> _Para | None:
        """The paragraph right before a list's start, where it introduces the list with ':'."""
        before = paras[starts[key] - 1] if starts[key] else None
        if before is None or not _ends(before, ":") or (before.label is not None and before.label.list_key == key):
            return None
        return before

    def lone(para: _Para) -> bool:
        """Whether a paragraph is an unnumbered operative one ("Decides:"), not a transition formula."""
        text = para.text.strip()
        if para.label is not None or is_transition(text):
            return False
        opening = infer_opening(text)
        return opening is not None and not is_preambular(opening)

    lowest: dict[str, int] = {}
    for p in paras:
        if p.label is not None:
            lowest[p.label.list_key] = min(p.label.ilvl, lowest.get(p.label.list_key, MAX_LEVELS))
    word = [k for k in starts if not k.startswith("typed-")]
    # A list that numbers nothing at its first level numbers sub-paragraphs (resdraft's list of a
    # paragraph's own labels, "(i)" under S/RES/1590's paragraph 16), where another numbers there.
    word = [k for k in word if not lowest[k]] or word
    if word:
        introducers = {k: introducer(k) for k in word}
        outer = [k for k, p in introducers.items() if p is None or (p.label is None and not lone(p))]
        if not outer and any(p is not None and lone(p) for p in introducers.values()):
            return None
        return max(outer or word[:1], key=starts.__getitem__)
    return next((k for k in ("typed-decimal", "typed-alpha", "typed-roman") if k in starts), None)


def _main_lists(paras: list[_Para], main: str) -> frozenset[str]:
    """The main list and the Word lists numbered as it is that start again where it stops (the
    sections of a budget resolution, each numbered from 1): their top level labelled alike ("1.")
    at the same level, none nested in another."""
    if main.startswith("typed-"):
        return frozenset({main})
    first: dict[str, _Para] = {}
    for p in paras:
        if p.label is not None and not p.label.list_key.startswith("typed-"):
            first.setdefault(p.label.list_key, p)

    def shape(para: _Para) -> tuple[str, int]:
        assert para.label is not None
        return re.sub(r"\d+", "1", para.label.text.strip()), para.label.ilvl

    found = {main}
    for key, para in first.items():
        k = paras.index(para)
        nested = k > 0 and paras[k - 1].label is not None and _ends(paras[k - 1], ":")
        if key != main and not nested and shape(para) == shape(first[main]) and para.label and para.label.value == 1:
            found.add(key)
    return frozenset(found)


def _part_items(paras: list[_Para], part: str, main: str | None, mains: frozenset[str] = frozenset()) -> list[_Item]:
    """Preambular or operative items: the main list's top level (and that of the lists `mains`
    that number as it does) is the part's paragraphs, other lists are sub-paragraphs."""
    lowest: dict[str, int] = {}
    for p in paras:
        if p.label is not None:
            lowest[p.label.list_key] = min(p.label.ilvl, lowest.get(p.label.list_key, MAX_LEVELS))
    typed_base = lowest[main] if main and main.startswith("typed-") else 0
    items = []
    for para in paras:
        label = para.label
        if label is None:
            level = 0
        elif label.list_key.startswith("typed-"):  # '1.' 0, '(a)' 1, '(i)' 2
            level = max(0 if main else 1, label.ilvl - typed_base)
        elif label.list_key == main or label.list_key in mains:
            level = label.ilvl - lowest[label.list_key]
        else:
            level = 1 + label.ilvl - lowest[label.list_key]
        items.append(_labelled(_Item(part, part, level, para)))
    return items


def _role(body: str, role: str) -> tuple[str, re.Pattern[str]]:
    """A header role's pattern as the text importer knows it for one body."""
    pattern = dict(HEADER_ROLES[body])[role]
    assert pattern is not None
    return role, pattern


_HEADER_ROLES = (
    ("organization", ORGANIZATION_LINE),
    _role("aipa", "organization"),  # ASEAN INTER-PARLIAMENTARY ORGANIZATION
    _role("aipa", "assembly"),  # 27TH GENERAL ASSEMBLY (its dates and venue, on the line below, join it)
    _role("aalco", "status"),  # SECRETARIAT DRAFT
    _role("unga", "sponsors"),  # Azerbaijan, …, Zambia*: revised draft resolution
    ("adoption", ADOPTION_LINE),
    ("report", REPORT_LINE),
    ("organ", re.compile(r"^(General Assembly|Security Council|Economic and Social Council)$", re.IGNORECASE)),
    ("symbol", re.compile(r"^(?:Res\.\s*)?[A-Z0-9.]{1,12}(/[A-Za-z0-9.()\- ]+){2,}$")),  # A/C.3/64/L.5, 27GA/06/SOC/01
    ("distribution", re.compile(r"^Distr\.", re.IGNORECASE)),
    ("language", re.compile(r"^Original:", re.IGNORECASE)),
    ("session", re.compile(r"\bsession$", re.IGNORECASE)),
    ("agenda-item", re.compile(r"^Agenda items?\b", re.IGNORECASE)),
    ("committee", re.compile(r"^(First|Second|Third|Fourth|Fifth|Sixth) Committee$", re.IGNORECASE)),
)


def _header_role(text: str) -> str:
    """A guessed role for a line of a header block that carries no style to say."""
    for role, pattern in _HEADER_ROLES:
        if pattern.search(text):
            return role
    return "date" if parse_date(text) else "line"


def _header_items(paras: list[_Para]) -> list[_Item]:
    """Header lines, the last of which (and any '(…)' line after it) is the title."""
    if not paras:
        return []
    paras = [p if p.typed_from is None else _Para(p.style, p.typed_from, None) for p in paras]
    title_at = len(paras) - 1
    if title_at > 0 and paras[title_at].text.strip().startswith("("):
        title_at -= 1
    items: list[_Item] = []
    for p in paras[:title_at]:
        role = _header_role(p.text.strip())
        before = items[-1] if items else None
        if before is not None and before.role == "assembly" and "\n" not in before.para.text and role in ("date", "line"):
            joined = (*before.para.content, Run("\n"), *p.content)  # AIPA's assembly line, its dates and venue below
            before.para = _Para(before.para.style, merge(joined), None)
            continue
        if (before is not None and before.role == "agenda-item" and role == "line") or (
            role == "line" and another_agenda_title([(i.role, i.para.text) for i in items])
        ):  # the agenda item's title, below it
            role = "agenda-title"
        items.append(_Item("header", role, 0, p))
    items.append(_Item("title", "title", 0, paras[title_at]))
    items += [_Item("title", "subtitle", 0, p) for p in paras[title_at + 1 :]]
    return items


def _blank(span: Span) -> bool:
    return isinstance(span, Run) and not span.text.strip()


def _unbroken(content: Content) -> Content:
    """A paragraph's content with its line breaks as spaces: a soft return (Shift+Enter) or a page
    break typed inside a paragraph breaks a line, not its words."""
    if not any(isinstance(s, Run) and "\n" in s.text for s in content):
        return content
    spans = [replace(s, text=re.sub(r"[ \t]*\n[ \t]*", " ", s.text)) if isinstance(s, Run) else s for s in content]
    return merge(tuple(spans))


def _emphasised(span: Span) -> bool:
    """Whether a span is bold or italic text."""
    return isinstance(span, Run) and (span.bold or span.italic)


def _openings(content: Content) -> Content:
    """Content with its leading bold or italic runs marked as the opening phrase (unless all of it
    is emphasised), a space between two of them left plain included ("*Recalling* *also*")."""
    spans = list(content)
    end = 0
    while end < len(spans):
        if _emphasised(spans[end]):
            end += 1
        elif _blank(spans[end]) and end and end + 1 < len(spans) and _emphasised(spans[end + 1]):
            end += 2
        else:
            break
    if end == 0 or end == len(spans) or not any(isinstance(s, Run) and s.text.strip() for s in spans[end:]):
        return content
    last = spans[end - 1]
    assert isinstance(last, Run)
    words = last.text.rstrip()
    tail = [Run(last.text[len(words) :])] if len(words) < len(last.text) else []
    head = [Run(s.text, s.italic, s.bold, s.superscript, True) for s in spans[: end - 1] if isinstance(s, Run)]
    if words:
        head.append(Run(words, last.italic, last.bold, last.superscript, True))
    return merge((*head, *tail, *spans[end:]))


# ------------------------------------------------------------------ building the model


def _opening_text(content: Content) -> str | None:
    """The words of the opening phrase, or None when the paragraph has none."""
    words = "".join(s.text for s in content if isinstance(s, Run) and s.opening).strip()
    return words or None


@dataclass
class _Node:
    """A paragraph being nested under its parent before it is frozen."""

    item: _Item
    content: Content
    children: list[_Node] = field(default_factory=list)

    def freeze(self, part: str) -> Paragraph:
        """The finished Paragraph with its sub-paragraphs."""
        level = self.item.level
        return Paragraph(
            role="subparagraph" if level else part,  # type: ignore[arg-type]
            content=self.content,
            level=level,
            label=self.item.label,
            number=self.item.number,
            opening=_opening_text(self.content),
            subparagraphs=tuple(child.freeze(part) for child in self.children),
            # (one with a numeral is known by its label: Resolution.heading)
            heading=self.item.heading and part == "operative" and not level and self.item.label is None,
        )


def _paragraphs(items: Sequence[_Item], part: str, guess_openings: bool) -> tuple[Paragraph, ...]:
    """A part's paragraphs nested by level; a sub-paragraph with no parent stands as a paragraph."""
    top: list[_Node] = []
    stack: list[_Node] = []
    for item in items:
        content = _strip(item.para.content if item.heading else _unbroken(item.para.content))
        if guess_openings and item.level == 0 and item.label is None and heading_title(plain(content)):
            item.heading = True  # a heading without a numeral, in a document resdraft did not write: it has no opening
        if not item.heading and (guess_openings or _opening_text(content) is None):
            content = _openings(content)  # (in resdraft's own, a paragraph added with its opening set by hand)
        while stack and stack[-1].item.level >= item.level:
            stack.pop()
        if not stack and item.level:
            item.level, item.number = 0, None
        node = _Node(item, content)
        (stack[-1].children if stack else top).append(node)
        stack.append(node)
    _inferred_openings(top)
    return tuple(node.freeze(part) for node in top)


def _inferred_openings(top: list[_Node]) -> None:
    """An opening phrase found by its words ("Considering", "Also noting") for each paragraph
    that sets none apart, where its text is no heading and no declaration's (see
    openings.declaration_start), as the text importer finds one in a text set plainly: a
    secretariat's file may set the openings plain (AALCO 2013's preamble)."""
    paragraphs = [node for node in top if not node.item.heading]
    start = declaration_start([plain(node.content) for node in paragraphs])
    for node in paragraphs[:start]:
        if _opening_text(node.content) is None:
            node.content = marked_opening(node.content, infer=True)[0]


def _line(item: _Item) -> Line:
    """A header, title or formula line; a title's number ("78/225.") its label."""
    content = _strip(item.para.content)
    return title_line(content) if item.role == "title" else Line(item.role, content)


# ------------------------------------------------------------------ facts: session, date, body


_SESSION_WORDS = re.compile(
    r"\b([a-z]+(?:[- ][a-z]+)?)\s+(?:annual\s+|regular\s+|ordinary\s+|special\s+)?(?:session|general\s+assembly)\b", re.IGNORECASE
)
_SESSION_FIGURE = re.compile(
    r"\b(\d{1,3})\s*(?:st|nd|rd|th)\s+(?:annual\s+|regular\s+|ordinary\s+|special\s+)?(?:session|general\s+assembly)\b",
    re.IGNORECASE,
)


def _session_in(text: str) -> int | None:
    """A session number written as 'Fifty-Second Annual Session' (or 'Fifty Second …'), 'Sixty-fourth session' or '26TH GENERAL ASSEMBLY'."""
    for m in _SESSION_WORDS.finditer(text):
        words = m.group(1)
        if (n := ordinal_number(words) or ordinal_number(words.split()[-1])) is not None:  # ("the Second Session": 2)
            return n
    figure = _SESSION_FIGURE.search(text)
    return int(figure.group(1)) if figure else None


_BODIES = (
    ("unsc", re.compile(r"^Security Council$|^The Security Council,", re.IGNORECASE | re.MULTILINE)),
    ("aipa", re.compile(r"INTER-PARLIAMENTARY|\bAIP[AO]\b", re.IGNORECASE)),
    ("aalco", re.compile(r"Asian-African Legal Consultative|\bAALCO\b", re.IGNORECASE)),
    ("unga", re.compile(r"^General Assembly$|\bUnited Nations\b|^The General Assembly,", re.IGNORECASE | re.MULTILINE)),
)


def _guess_body(enacting: Line | None, lines: Sequence[Line]) -> str:
    """The body the enacting formula names, else the one whose masthead the document carries ('' when
    none is recognised): a General Assembly resolution titled "Interaction between the United
    Nations, national parliaments and the Inter-Parliamentary Union" (A/RES/79/319) is no AIPA text."""
    named = enacting.text.strip() if enacting else ""
    if found := next((key for key, pattern in ENACTING if pattern.fullmatch(named)), None):
        return found
    text = "\n".join(line.text.strip() for line in (*lines, *((enacting,) if enacting else ())))
    return next((key for key, pattern in _BODIES if pattern.search(text)), "")


_FIELD_OF_ROLE: dict[str, tuple[str, Callable[[str], Any]]] = {
    "symbol": ("symbol", str),
    "distribution": ("distribution", lambda t: re.sub(r"^Distr\.:?\s*", "", t)),
    "language": ("language", lambda t: re.sub(r"^Original:\s*", "", t)),
    "committee": ("committee", str),
    "agenda-item": ("agenda_item", lambda t: re.sub(r"^Agenda items?\s*", "", t, flags=re.IGNORECASE)),
    "agenda-title": ("agenda_title", str),
    "venue": ("venue", str),
    "report": ("report", str),  # "[on the report of the Third Committee (A/79/456, para. 31)]"
}


MAX_FACT = 5000  # longer lines are not searched for a venue: the pattern would backtrack
_VENUE = re.compile(r"^Adopted\b.*\d{4},?\s+(?:in|at)\s+(?P<venue>.+?)\.?$", re.IGNORECASE | re.DOTALL)


def _fields(header: Sequence[Line], title: Sequence[Line], closing: Line | None) -> dict[str, Any]:
    """Facts the header, title and closing lines state, under the names drafts give them."""
    out: dict[str, Any] = {}
    for line in (*header, *(line for line in title if line.role == "adoption")):  # (the Council's is under its title)
        text = line.text.strip()
        if line.role in _FIELD_OF_ROLE and text:
            name, value = _FIELD_OF_ROLE[line.role]
            out.setdefault(name, value(text))
        elif line.role == "adoption" and text and (adopted := parse_date(text)):  # "Resolution adopted by … on 17 December 2024"
            out.setdefault("adoption", text)
            out.setdefault("adopted", adopted)
            out.setdefault("status", "adopted")
        elif line.role == "status" and "draft" in text.lower():
            out.setdefault("status", "draft")
        elif line.role == "sponsors":
            out.update(sponsors_of(text))
    if closing is not None and len(closing.text) <= MAX_FACT and (m := _VENUE.match(closing.text.strip())):
        out.setdefault("venue", m.group("venue"))
    for line in title:
        if line.role in ("title", "subtitle"):
            text = line.text.strip()
            out[line.role] = f"{out[line.role]} {text}" if line.role in out else text
    return out


def _date(header: Sequence[Line], closing: Line | None) -> dt.date | None:
    """The date of the header's date line, else of the closing formula ('Adopted this 14th day of …')."""
    dated = [line for line in header if line.role == "date"]
    for line in (*dated, *((closing,) if closing else ())):
        if (found := parse_date(line.text)) is not None:
            return found
    return None


def _session(enacting: Line | None, header: Sequence[Line], title: Sequence[Line]) -> int | None:
    """The session number the enacting formula or a header line states."""
    for line in (*((enacting,) if enacting else ()), *header, *title):
        if (found := _session_in(line.text)) is not None:
            return found
    return None


def _emphasis(styles: _Styles, paragraphs: dict[str, tuple[Paragraph, ...]]) -> dict[str, str]:
    """How opening phrases are set per role: from the opening character styles, else from the first opening seen."""
    out: dict[str, str] = {}
    names = {s.name.casefold(): ident for ident, s in styles.styles.items() if s.kind == "character"}
    for role, style in OPENING_STYLES.items():
        ident = names.get(style.casefold())
        if ident is not None:
            bold, italic, _ = styles.emphasis(ident)
        else:
            first = next((_first_opening(p) for p in _walk(paragraphs, role) if _first_opening(p)), None)
            if first is None:
                continue
            bold, italic = first.bold, first.italic
        out[role] = "bold-italic" if bold and italic else "bold" if bold else "italic" if italic else "none"
    return out


def _walk(paragraphs: dict[str, tuple[Paragraph, ...]], role: str) -> Iterator[Paragraph]:
    """The paragraphs (role 'preambular' or 'operative') or sub-paragraphs (role 'subparagraph')."""
    for part in paragraphs.values():
        for p in part:
            yield from (x for x in p.walk() if x.role == role)


def _first_opening(p: Paragraph) -> Run | None:
    """The first run of a paragraph's opening phrase."""
    return next((s for s in p.content if isinstance(s, Run) and s.opening), None)


def _word_labels(items: Sequence[_Item], kind: str, subs_only: bool) -> list[tuple[_Item, _Label]]:
    """The items of one part that Word numbered, with their labels."""
    return [
        (i, label)
        for i in items
        if i.kind == kind and (label := i.para.label) and not label.list_key.startswith("typed-") and (i.level or not subs_only)
    ]


def _examples(numbering: _Numbering, labels: list[tuple[_Item, _Label]], first: int) -> tuple[str, ...]:
    """Example labels of one list from level `first` down to the deepest level it describes."""
    key = labels[0][1].list_key
    used = max(label.ilvl for _, label in labels)
    examples = (numbering.example(key, lvl) for lvl in range(first, numbering.depth(key, used)))
    # (levels resdraft cannot number, bullets or a level text left as Word had it, end the description)
    return tuple(itertools.takewhile(is_pattern, (x for x in examples if x)))


def _numbering_model(numbering: _Numbering, items: Sequence[_Item]) -> Numbering:
    """Example labels per level, as resdraft's Numbering gives them, read from the lists the document uses."""
    operative = _word_labels(items, "operative", subs_only=False)
    preambular = _word_labels(items, "preambular", subs_only=True)
    op_label: str | None = None
    subs: tuple[str, ...] = ()
    pre_subs: tuple[str, ...] = ()
    if operative:
        if any(item.level == 0 for item, _ in operative) and is_pattern(
            x := numbering.example(operative[0][1].list_key, 0) or ""
        ):
            op_label = x
        subs = _examples(numbering, operative, 1)
    elif any(i.kind == "operative" and i.para.label and i.para.label.list_key == "typed-decimal" for i in items):
        op_label = "1."
    if preambular:
        pre_subs = _examples(numbering, preambular, min(label.ilvl for _, label in preambular))
    return Numbering(op_label, subs, pre_subs)


# ------------------------------------------------------------------ the entry point


def _body_element(package: _Package) -> tuple[Any, str]:
    """The <w:body> of the main document part, and that part's name."""
    name = package.related("").get("officeDocument", MAIN_PART)
    if name not in package.infos and MAIN_PART in package.infos:
        name = MAIN_PART
    root = package.xml(name)
    if root is None:
        raise _error(package.where, f"{MAIN_PART} is missing: this is a zip archive but not a Word document")
    if root.tag == f"{{{STRICT_NS}}}document":
        raise _error(
            package.where,
            "the document is saved as Strict Open XML, which this importer does not read",
            "save it as a Word Document (.docx), not Strict Open XML",
        )
    body = root.find(_w("body")) if root.tag == _w("document") else None
    if body is None:
        raise _error(package.where, f"{name} is not a WordprocessingML document (no <w:document>/<w:body>)")
    return body, name


def _read_paragraphs(body: Any, styles: _Styles, numbering: _Numbering, inline: _Inline) -> list[_Para]:
    """Every body paragraph with its style name, content and automatic label, in reading order."""
    out = []
    for p in _block_paragraphs(body):
        ppr = p.find(_w("pPr"))
        style_el = None if ppr is None else ppr.find(_w("pStyle"))
        style_id = None if style_el is None else style_el.get(_w("val"))
        num_id, ilvl = _numpr(None if ppr is None else ppr.find(_w("numPr")))
        style_num, style_lvl = styles.numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        ilvl = ilvl if ilvl is not None else (style_lvl or 0)
        label = numbering.advance(num_id, ilvl) if num_id and num_id != "0" else None
        out.append(_Para(styles.name(style_id), merge(tuple(inline.content(p))), label, in_table=_in_table(p)))
    return out


def _first_page_masthead(
    package: _Package, main: str, body: Any, paras: list[_Para], styles: _Styles, numbering: _Numbering, inline: _Inline
) -> list[_Para]:
    """The masthead a UN template sets in the first page's header ("United Nations", the symbol,
    "General Assembly", "Distr.: Limited", the date, "Original: English"), where the body has none:
    the header's lines, but those the body gives too. Two or more lines of a masthead's, or nothing."""
    sect = next(body.iter(_w("sectPr")), None)  # (the first section's: a paragraph's, or the body's last)
    if sect is None or not _on(sect.find(_w("titlePg"))):
        return []
    ref = next((r for r in sect.iter(_w("headerReference")) if r.get(_w("type")) == "first"), None)
    part = package.linked(main).get(ref.get(f"{{{R_NS}}}id") or "") if ref is not None else None
    root = package.xml(part) if part else None
    if root is None:
        return []
    given = {p.text.strip() for p in paras[:20]}
    lines = [p for p in _read_paragraphs(root, styles, numbering, inline) if not p.empty and p.text.strip() not in given]
    roles = [_header_role(p.text.strip()) for p in lines]
    return lines if sum(role not in ("line", "date") for role in roles) >= 2 else []


def _comments(package: _Package, part: str | None, body: Any) -> str | None:
    """What to tell of reviewers' comments on the text, which are not read: how many, and the first's words."""
    marks = [m.get(_w("id")) for m in body.iter(_w("commentReference"))]
    if not marks:
        return None
    root = package.xml(part) if part else None
    said = {c.get(_w("id")): c for c in ([] if root is None else root.iter(_w("comment")))}
    first = _words_in(said[marks[0]]) if marks[0] in said else ""
    what = "a comment" if len(marks) == 1 else f"{len(marks)} comments"
    shown = f" ({excerpt(first)}{'' if len(marks) == 1 else ' …'})" if first else ""
    return f"has {what}, left out{shown}"


def _words_in(element: Any) -> str:
    """The words of an element's text runs, one space between them (a comment's, a text box's)."""
    return " ".join("".join(t.text or "" for t in element.iter(_w("t"))).split())


def _has_words(element: Any) -> bool:
    return any((t.text or "").strip() for t in element.iter(_w("t")))


def _trailing_tables(body: Any) -> int:
    """How many tables with words end the body, with nothing but blank paragraphs after them (the signatures)."""
    n = 0
    for child in reversed(body):
        if child.tag == _w("tbl") and _has_words(child):
            n += 1
        elif child.tag == _w("p") and _has_words(child):
            break
    return n


def _in_table(p: Any) -> bool:
    """Whether a paragraph stands in a table's cell."""
    up = p.getparent()
    while up is not None and up.tag != _w("body"):
        if up.tag == _w("tc"):
            return True
        up = up.getparent()
    return False


def _without_signatures(paras: list[_Para]) -> tuple[list[_Para], list[_Para]]:
    """The paragraphs up to the closing formula, and the table after it where nothing else follows
    (the signatures of an AIPA resolution: "HON. JOSE DE VENECIA JR.", "President of the 27th AIPO
    General Assembly"), which were read as operative paragraphs."""
    words = [k for k, p in enumerate(paras) if not p.empty]
    last = next((k for k in reversed(words) if not paras[k].in_table), None)
    if last is None or last == words[-1]:
        return paras, []
    text = paras[last].text.strip()
    if not (_CLOSING.match(text) or PLENARY.match(text)):
        return paras, []
    return paras[: last + 1], [p for p in paras[last + 1 :] if not p.empty]


_REVISIONS = tuple(_w(t) for t in ("ins", "del", "moveFrom", "moveTo"))


def parse_docx(data: bytes, source: Path | None = None, body: str | None = None) -> Resolution:
    """Read a .docx into the Resolution resdraft would build for it; LibraryError when it cannot be read."""
    return read_docx(data, source, body)[0]


def check_word_document(data: bytes, source: Path | None = None) -> None:
    """Refuse what is not a Word document as reading one does ("not a .docx: the file is not a
    readable zip archive"), without reading its text: for what only renders it (`resdraft preview`)."""
    _body_element(_Package(data, Where(source) if source is not None else None))


def read_docx(data: bytes, source: Path | None = None, body: str | None = None) -> tuple[Resolution, tuple[str, ...]]:
    """parse_docx's Resolution, and what a reader should know of how it was read: tracked changes
    (read as if all were accepted) and tables (read cell by cell)."""
    where = Where(source) if source is not None else None
    package = _Package(data, where)
    body_el, main = _body_element(package)
    notes = []
    if next(body_el.iter(*_REVISIONS), None) is not None:
        notes.append("has tracked changes; read as if all were accepted")
    parts = package.related(main)
    styles = _Styles(package.xml(parts.get("styles", "word/styles.xml")))
    numbering = _Numbering(package.xml(parts.get("numbering", "word/numbering.xml")), styles)
    notes_root = package.xml(parts.get("footnotes", "word/footnotes.xml"))
    footnotes = {} if notes_root is None else {n.get(_w("id")) or "": n for n in notes_root.iter(_w("footnote"))}
    endnotes_root = package.xml(parts.get("endnotes", "word/endnotes.xml"))
    endnotes = {} if endnotes_root is None else {n.get(_w("id")) or "": n for n in endnotes_root.iter(_w("endnote"))}
    if next(body_el.iter(_w("endnoteReference")), None) is not None:
        notes.append("has endnotes; read as footnotes, numbered on with any footnotes")
    inline = _Inline(styles, footnotes, endnotes)
    paras, signatures = _without_signatures(_read_paragraphs(body_el, styles, numbering, inline))
    signed = _trailing_tables(body_el) if signatures else 0
    if signatures:
        shown = ", ".join(f"“{p.text.strip()}”" for p in signatures[:2])
        what, whose = ("a table", "its") if signed <= 1 else (f"{signed} tables", "their")
        notes.append(f"has {what} after its closing formula, left out as {whose} signatures ({shown} …)")
    tables = sum(1 for table in body_el.iter(_w("tbl")) if _has_words(table))
    if tables := tables - signed:
        what = "a table; its cells are" if tables == 1 else f"{tables} tables; their cells are"
        notes.append(f"has {what} read one by one as paragraphs (check what they became)")
    if comments := _comments(package, parts.get("comments"), body_el):
        notes.append(comments)
    has_boxes = next(body_el.iter(_w("txbxContent")), None) is not None  # (most have none: no second walk)
    if has_boxes and (boxes := [box for p in _all_paragraphs(body_el) for box in _text_boxes(p)]):
        shown = ", ".join(excerpt(text) for box in boxes[:2] if (text := _words_in(box)))
        what = "a text box; its text is" if len(boxes) == 1 else f"{len(boxes)} text boxes; their text is"
        notes.append(f"has {what} read as paragraphs where it stands ({shown})")
    ours = any(_style_role(p.style) for p in paras)
    if not ours and (masthead := _first_page_masthead(package, main, body_el, paras, styles, numbering, inline)):
        paras = [*masthead, *paras]
        notes.append("has its masthead in the first page's header; read from there")
    items = _by_styles(paras) if ours else _by_heuristic(paras)
    return _resolution(items, inline.footnotes, styles, numbering, body, not ours, source), tuple(notes)


def _resolution(
    items: list[_Item],
    footnotes: list[Footnote],
    styles: _Styles,
    numbering: _Numbering,
    body: str | None,
    guessed: bool,
    source: Path | None = None,
) -> Resolution:
    """The Resolution the classified items make."""
    header = tuple(_line(i) for i in items if i.kind == "header")
    title = tuple(_line(i) for i in items if i.kind == "title")
    formulas = {i.role: _line(i) for i in reversed(items) if i.kind == "formula"}
    enacting, transition, closing = formulas.get("enacting"), formulas.get("transition"), formulas.get("closing")
    if closing is not None:
        closing = replace(closing, content=plenary_lines(closing.content))
    preamble = _paragraphs([i for i in items if i.kind == "preambular"], "preambular", guessed)
    operative = _paragraphs([i for i in items if i.kind == "operative"], "operative", guessed)
    if body and enacting and BODY_ALIASES.get(body.lower(), body.lower()) in BODIES:  # (a library's own body is taken as asked)
        key = body_key(body, enacting.text, source)
    else:
        key = body or _guess_body(enacting, (*header, *title))
    session = _session(enacting, header, title)
    date = _date(header, closing)
    fields: dict[str, Any] = {
        "body": key,
        **({"session": session} if session is not None else {}),
        **_fields(header, title, closing),
    }
    if date is not None:
        fields["date"] = date
    elif unfilled := next(filter(None, (Placeholder.printed(line.text) for line in header if line.role == "date")), None):
        fields["date"] = unfilled  # a draft's date still to fill
    return Resolution(
        body=key,
        session=text_session(key, session or 0, fields),
        fields=fields,
        header=header,
        title=title,
        enacting=enacting,
        preamble=preamble,
        transition=transition,
        operative=operative,
        closing=closing,
        footnotes=tuple(footnotes),
        numbering=_numbering_model(numbering, items),
        emphasis=_emphasis(styles, {"preambular": preamble, "operative": operative}),
        date=date,
    )
