"""The diff as one self-contained HTML review page: side-by-side and inline views, a changes-only
filter and keyboard navigation between changes, readable offline when mailed as an attachment.

Insertions are <ins> (underlined) and deletions <del> (struck through), so the marks read without
colour, as the terminal's {+ +} and [- -] do. Every colour is a CSS variable from `COLOURS`, and
`TEXT_PAIRS` names each text-on-background pair the page uses, so a test can check WCAG AA contrast.
Document text is untrusted: every piece is escaped, and a Content-Security-Policy lets only this
page's own style and script run and fetch nothing.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from html import escape as _html_escape

from resdraft.diff.model import PARTS, STATUSES, Diff, FootnoteChange, HeaderChange, ParagraphChange, formatting_note
from resdraft.diff.unseen import LOOKALIKE, character_name, unseen
from resdraft.diff.words import Op
from resdraft.model import Content, Footnote, FootnoteRef, Paragraph, Placeholder, Run, cut_at, plain
from resdraft.numbering import printed_label
from resdraft.render.diffterm import as_printed, field_name, footnotes_line, header_line, places, summary_line

COLOURS: Mapping[str, str] = {
    "text": "#1b1b1b",
    "background": "#ffffff",
    "muted": "#595959",
    "panel": "#f4f5f7",
    "border": "#c9ced6",
    "ins-text": "#0a5c24",
    "ins-bg": "#ddf4e4",
    "del-text": "#9b1c1c",
    "del-bg": "#fde2e2",
    "unchanged-text": "#3d4450",
    "unchanged-bg": "#e9ecf0",
    "modified-text": "#7a4a00",
    "modified-bg": "#fff0c2",
    "moved-text": "#1e3a8a",
    "moved-bg": "#e0e8ff",
    "warning-text": "#7a4a00",
    "warning-bg": "#fff5d6",
    "tbd-bg": "#ffe98a",
    "accent": "#1d4ed8",
    "accent-text": "#ffffff",
}
"""Every colour of the page, by CSS variable name (`--text`, `--ins-bg`, …)."""

TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("text", "panel"),
    ("muted", "background"),
    ("muted", "panel"),
    ("ins-text", "ins-bg"),
    ("del-text", "del-bg"),
    ("unchanged-text", "unchanged-bg"),
    ("unchanged-text", "background"),
    ("modified-text", "modified-bg"),
    ("moved-text", "moved-bg"),
    ("warning-text", "warning-bg"),
    ("text", "tbd-bg"),
    ("ins-text", "tbd-bg"),
    ("del-text", "tbd-bg"),
    ("unchanged-text", "tbd-bg"),
    ("accent-text", "accent"),
    ("accent", "background"),
)
"""Each (text colour, background colour) the CSS puts together; both must meet 4.5:1."""

_CSS = """
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{color-scheme:light}
body{margin:0;background:var(--background);color:var(--text);
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif}
.page{max-width:96rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--border)}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.muted{color:var(--muted)}
.overview{display:grid;grid-template-columns:minmax(16rem,1fr) minmax(0,2.5fr);gap:0 2rem;align-items:start}
.overview ul{margin:0;padding-left:1.25rem}
.warnings{background:var(--warning-bg);color:var(--warning-text);border-left:4px solid var(--warning-text);
  padding:.5rem 1rem;margin:0 0 1rem}
.warnings h2{margin:.25rem 0}
table.header{border-collapse:collapse;width:100%;font-size:.95rem}
table.header th,table.header td{border:1px solid var(--border);padding:.3rem .5rem;text-align:left;vertical-align:top;
  overflow-wrap:break-word}
table.header thead th{background:var(--panel)}
table.header tbody th{font-weight:600;white-space:nowrap;width:1%}
.nw{white-space:nowrap}
/* Old and New footnotes share the width evenly, whatever they hold: a long web address wraps
   inside its column rather than widening it past the page. */
.footnotes table.header{table-layout:fixed}
.footnotes table.header thead th:first-child{width:11rem}
.footnotes table.header tbody th{white-space:normal}
.toolbar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;
  background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:.5rem .75rem;margin:1.5rem 0 .5rem}
.toolbar .group{display:flex;align-items:center;gap:.4rem}
.toolbar label{display:flex;align-items:center;gap:.35rem;cursor:pointer}
.toolbar input{width:1.1rem;height:1.1rem;margin:0;accent-color:var(--accent)}
button{font:inherit;font-size:.95rem;color:var(--text);background:var(--background);border:1px solid var(--muted);
  border-radius:4px;padding:.25rem .7rem;cursor:pointer}
button[aria-pressed="true"]{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}
button:disabled{cursor:default;color:var(--muted)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
kbd{font:inherit;font-size:.85em;border:1px solid var(--muted);border-radius:3px;padding:0 .3em;background:var(--background)}
.keys{font-size:.9rem}
#nav-status{font-weight:600}
.row,.colheads{display:grid;grid-template-columns:10.5rem minmax(0,1fr);gap:0 1.25rem}
.sbs .lines{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 1.25rem}
.inline .lines{max-width:52rem}
.colheads{font-weight:600;color:var(--muted);font-size:.9rem;padding:0 .75rem .25rem;border:1px solid transparent;
  border-left-width:4px}
.colheads span{overflow-wrap:anywhere}
.row{border:1px solid var(--border);border-left:4px solid var(--border);border-radius:4px;padding:.6rem .75rem;
  margin:0 0 .5rem;scroll-margin:6rem 0 2rem;position:relative}
.row.s-modified{border-left-color:var(--modified-text)}
.row.s-inserted{border-left-color:var(--ins-text)}
.row.s-deleted{border-left-color:var(--del-text)}
.row.moved{border-left-color:var(--moved-text)}
.row[aria-current="true"],tr[aria-current="true"]{outline:3px solid var(--accent);outline-offset:2px;box-shadow:0 0 0 6px var(--moved-bg)}
.row:focus{outline:3px solid var(--accent);outline-offset:2px}
.meta{display:flex;flex-direction:column;align-items:flex-start;gap:.3rem;font-size:.85rem}
.where{font-variant-numeric:tabular-nums;font-weight:600}
.where span{white-space:nowrap}
.badges{display:flex;flex-wrap:wrap;gap:.25rem}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:600;line-height:1.4;
  border:1px solid currentColor}
.b-unchanged{color:var(--unchanged-text);background:var(--unchanged-bg)}
.b-modified{color:var(--modified-text);background:var(--modified-bg)}
.b-inserted{color:var(--ins-text);background:var(--ins-bg)}
.b-deleted{color:var(--del-text);background:var(--del-bg)}
.b-moved{color:var(--moved-text);background:var(--moved-bg)}
a.badge{text-decoration:none}a.badge:hover{text-decoration:underline dotted}
a.badge:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.row:target,.row:has(>span:target){outline:3px solid var(--accent);outline-offset:2px}
.row>span[id]{position:absolute;top:0;left:0;scroll-margin:6rem 0 2rem}
.text{font-family:Georgia,Cambria,"Times New Roman","Liberation Serif",serif;font-size:1.02rem;line-height:1.6;
  overflow-wrap:anywhere;min-width:0}
.text.sub{margin-top:.4rem}
.text .badges{display:inline-flex;vertical-align:.1em;margin-right:.4em;font-family:system-ui,sans-serif}
.lv1{padding-left:2rem}.lv2{padding-left:4rem}.lv3{padding-left:6rem}
.label{font-weight:600;margin-right:.15em}
.heading{font-weight:700}
.absent{color:var(--muted);font-style:italic;font-family:inherit;font-size:.9rem}
.row.s-unchanged .text{color:var(--unchanged-text)}
ins{color:var(--ins-text);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:2px;
  text-underline-offset:.18em}
del{color:var(--del-text);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:2px}
del+ins{margin-left:.2em}
mark.tbd{color:inherit;background:var(--tbd-bg)}
span.char{font:600 .78em/1 system-ui,sans-serif;font-variant:small-caps;letter-spacing:.02em;border:1px solid currentColor;border-radius:3px;
  padding:0 .25em;margin:0 .1em;vertical-align:.12em;white-space:nowrap}
ins,del{border-radius:2px;padding:0 .06em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;
  clip-path:inset(50%);white-space:nowrap}
ins::before{content:" [insertion: "}del::before{content:" [deletion: "}ins::after,del::after{content:"] "}
sup.fn{font-size:.7em;line-height:0;font-family:system-ui,sans-serif;font-weight:600;color:var(--muted);cursor:help}
ins sup.fn{color:var(--ins-text)}del sup.fn{color:var(--del-text)}
.none-changed{display:none;color:var(--muted)}
.only-changes .row[data-changed="false"]{display:none}
.only-changes .none-changed{display:block}
@media (max-width:64rem){.overview{grid-template-columns:1fr}}
@media (max-width:48rem){
  .page{padding:.5rem .75rem 3rem}
  .colheads{display:none}
  .row,.sbs .lines{grid-template-columns:minmax(0,1fr)}
  .meta{flex-direction:row;flex-wrap:wrap;align-items:center;margin-bottom:.3rem}
  .text:empty{display:none}
  table.header thead{display:none}
  table.header,table.header tbody,table.header tr,table.header th,table.header td{display:block;width:auto}
  table.header tr{border:1px solid var(--border);margin-bottom:.4rem}
  table.header th,table.header td{border:0}
  table.header tbody th{background:var(--panel);width:auto;white-space:normal}
  .toolbar{padding:.4rem .5rem;gap:.4rem .75rem}
  .toolbar .keys{display:none}
  table.header td:nth-of-type(1)::before{content:"Old: ";font-weight:600}
  table.header td:nth-of-type(2)::before{content:"New: ";font-weight:600}
  .text.old::before{content:"Old: ";font-weight:600;font-family:system-ui,sans-serif;font-size:.85em}
  .text.new::before{content:"New: ";font-weight:600;font-family:system-ui,sans-serif;font-size:.85em}
}
@media print{.toolbar{display:none}.row{break-inside:avoid}h2,h3,.colheads{break-after:avoid}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var doc = document, body = doc.body;
  var total = Number(body.getAttribute("data-changes"));
  var views = {sbs: doc.getElementById("view-sbs"), inline: doc.getElementById("view-inline")};
  var viewButtons = doc.querySelectorAll("button[data-view]");
  var filter = doc.getElementById("only-changes");
  var status = doc.getElementById("nav-status");
  var view = "sbs", current = -1;

  function rowFor(i) {
    var which = '[data-change="' + i + '"]';
    return views[view].querySelector(".row" + which) || doc.querySelector("tr" + which);
  }

  function mark(scroll, focus) {
    doc.querySelectorAll("[aria-current]").forEach(function (el) { el.removeAttribute("aria-current"); });
    if (current < 0) { return; }
    var row = rowFor(current);
    row.setAttribute("aria-current", "true");
    status.textContent = "Change " + (current + 1) + " of " + total;
    if (scroll) { row.scrollIntoView({block: "center"}); }
    if (focus) { row.focus({preventScroll: true}); }
  }

  function move(step, focus) {
    if (!total) { return; }
    current = current < 0 ? (step > 0 ? 0 : total - 1) : Math.max(0, Math.min(total - 1, current + step));
    mark(true, focus);
  }

  function showView(name) {
    view = name;
    Object.keys(views).forEach(function (key) { views[key].hidden = key !== name; });
    viewButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === name)); });
    mark(current >= 0, false);
  }

  function typing(target) {
    var tag = target.tagName;
    if (target.isContentEditable || tag === "TEXTAREA" || tag === "SELECT") { return true; }
    return tag === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(target.type);
  }

  viewButtons.forEach(function (b) {
    b.addEventListener("click", function () { showView(b.getAttribute("data-view")); });
  });
  filter.addEventListener("change", function () {
    body.classList.toggle("only-changes", filter.checked);
    mark(current >= 0, false);
  });
  doc.getElementById("next").addEventListener("click", function () { move(1, false); });
  doc.getElementById("prev").addEventListener("click", function () { move(-1, false); });
  doc.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) { return; }
    if (e.key === "j" || e.key === "n") { e.preventDefault(); move(1, true); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); move(-1, true); }
  });
  doc.getElementById("toolbar").hidden = false;
  showView("sbs");
})();
"""


def _clean(text: str) -> bool:
    """Whether some text reads the same escaped: it holds none of & < > " '. (Five searches for
    one character each are several times faster than one for a class of characters, in long text.)"""
    return not ("&" in text or "<" in text or ">" in text or '"' in text or "'" in text)


def escape(text: str) -> str:
    """Text as HTML, as html.escape writes it; without its five passes over text that needs none (most text)."""
    return text if _clean(text) else _html_escape(text)


def _csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline style or script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def stylesheet() -> str:
    """The page's CSS: the colour variables from COLOURS, then the rules that use them."""
    variables = ";".join(f"--{name}:{value}" for name, value in COLOURS.items())
    return f":root{{{variables}}}{_CSS}"


_STYLE = stylesheet()
_POLICY = (
    f"default-src 'none'; style-src {_csp_hash(_STYLE)}; script-src {_csp_hash(_SCRIPT)}; base-uri 'none'; form-action 'none'"
)


# ------------------------------------------------------------------ text with marks


class _Cursor:
    """Walks a paragraph's runs and footnote anchors in step with the plain-text offsets the ops use;
    `notes` has each marker's HTML. `clean`: the words it is given hold nothing to escape (see
    _marked_up), so each stretch is written as it is."""

    def __init__(self, paragraph: Paragraph | None, notes: Mapping[str, str], text: str | None = None) -> None:
        """`text`: the words to walk where there is no paragraph (a header field's, a footnote's)."""
        self.ends: list[int] = []  # the end offset of each run
        self.tags: list[tuple[str, str]] = []  # each run's formatting, as the tags around its words (_TAGS)
        self.refs: list[tuple[int, str]] = []  # (offset, marker)
        self.notes = notes
        self.clean = False
        self.pos = self.run = self.ref = 0
        content: Content
        if paragraph is None and text and "[TBD: " not in text:
            # A header field's or a footnote's words, no placeholder in them: one unformatted run, not made and walked.
            self.ends.append(len(text))
            self.tags.append(_NO_TAGS)
            content = ()
        else:
            content = paragraph.content if paragraph else (Run(text),) if text else ()
        offset = 0
        for span in _unfilled_apart(content):
            if isinstance(span, FootnoteRef):
                self.refs.append((offset, span.marker))
            elif span.text:
                offset += len(span.text)
                self.ends.append(offset)
                self.tags.append(_TAGS[span.superscript, span.italic, span.bold, isinstance(span, _Unfilled)])
        # No footnote marker and no formatting: each stretch is its words as they are (most paragraphs).
        self.plain = not self.refs and self.tags.count(_NO_TAGS) == len(self.tags)

    def _anchors(self, upto: int, out: list[str]) -> None:
        """Footnote markers up to an offset, written to `out`."""
        while self.ref < len(self.refs) and self.refs[self.ref][0] <= upto:
            marker = self.refs[self.ref][1]
            out.append(self.notes.get(marker) or _anchor(marker, None))
            self.ref += 1

    def take(self, text: str) -> str:
        """The next stretch of text as HTML, in its runs' formatting, with the footnote markers inside it."""
        ends, refs = self.ends, self.refs
        start = pos = self.pos
        end = pos + len(text)
        if self.ref == len(refs) or refs[self.ref][0] > end:  # no marker in it (nor at its start): the common case
            run = self.run
            while run < len(ends) and ends[run] <= pos:
                run += 1
            self.run = run
            if run < len(ends) and ends[run] >= end:  # inside one run
                self.pos = end
                opening, closing = self.tags[run]
                html = text if self.clean else escape(text)
                return f"{opening}{html}{closing}" if opening else html
        out: list[str] = []
        if pos == 0:
            self._anchors(0, out)
        while pos < end:
            while self.run < len(ends) and ends[self.run] <= pos:
                self.run += 1
            # (past the last run: words the paragraph does not have, written unformatted)
            opening, closing = self.tags[self.run] if self.run < len(ends) else ("", "")
            stop = min(end, ends[self.run]) if self.run < len(ends) else end
            if self.ref < len(refs) and pos < refs[self.ref][0] < stop:
                stop = refs[self.ref][0]
            piece = text[pos - start : stop - start]
            out.append(f"{opening}{piece if self.clean else escape(piece)}{closing}")
            pos = self.pos = stop
            if self.ref < len(refs) and refs[self.ref][0] <= stop:
                self._anchors(stop, out)
        return "".join(out)


def _whole(paragraph: Paragraph, notes: Mapping[str, str]) -> str:
    """A paragraph's whole text as HTML, each run in its formatting and each footnote marker in
    place (what a _Cursor takes of it in one stretch, without walking offsets)."""
    out = []
    for span in _unfilled_apart(paragraph.content):
        if isinstance(span, FootnoteRef):
            out.append(notes.get(span.marker) or _anchor(span.marker, None))
        elif span.text:
            out.append(_formatted(span.text, span))
    return "".join(out)


class _Unfilled(Run):
    """Words of a placeholder still to fill ("[TBD: symbol of the 53rd-session document]"), marked on the page."""


def _unfilled_apart(content: Content) -> Content:
    """Some content with its placeholders' words in runs of their own (_Unfilled)."""
    for span in content:
        if isinstance(span, Run) and "[TBD: " in span.text:
            break
    else:  # (most text has none; a plain loop, cheaper than any() over a generator, for every paragraph)
        return content
    return tuple(
        _Unfilled(span.text, span.italic, span.bold, span.superscript, span.opening)
        if unfilled and isinstance(span, Run)
        else span
        for span, unfilled in cut_at(content, Placeholder.holes(plain(content)))
    )


def _tags(superscript: bool, italic: bool, bold: bool, unfilled: bool) -> tuple[str, str]:
    """The tags around words set so, opening and closing: superscript innermost, then italic,
    bold, and the mark of a placeholder still to fill (_Unfilled) outermost."""
    opening, closing = "", ""
    if superscript:
        opening, closing = "<sup>", "</sup>"
    if italic:
        opening, closing = f"<em>{opening}", f"{closing}</em>"
    if bold:
        opening, closing = f"<strong>{opening}", f"{closing}</strong>"
    if unfilled:
        opening, closing = f'<mark class="tbd">{opening}', f"{closing}</mark>"
    return opening, closing


# Each setting's tags, by (superscript, italic, bold, unfilled): worked out once, not for every run.
_TAGS = {flags: _tags(*flags) for flags in itertools.product((False, True), repeat=4)}
_NO_TAGS = _TAGS[False, False, False, False]


def _formatted(text: str, run: Run) -> str:
    """One piece of a run, escaped, in the run's italic, bold and superscript."""
    opening, closing = _TAGS[run.superscript, run.italic, run.bold, isinstance(run, _Unfilled)]
    return f"{opening}{escape(text)}{closing}"


def _marked_up(ops: Sequence[Op], old: _Cursor, new: _Cursor) -> tuple[str, str, str]:
    """The old side of a change (its text with the deletions), the new side (with the insertions)
    and the inline text (the new with both in place), as HTML. Each stretch is written once, with
    its own text's formatting and footnote markers: the inline text is the new side's stretches
    with the old side's deletions between them. A side's cursor moves only over that side's text."""
    # Where the words of both sides hold no & < > " ', each stretch needs no escaping: one search
    # of them all, not one of each stretch. (The ops' words, not the paragraphs': only those are written.)
    old.clean = new.clean = _clean("".join([text for _, text in ops]))
    take_old: Callable[[str], str]
    take_new: Callable[[str], str]
    if old.plain and new.plain:  # neither formatted nor with a footnote marker (most paragraphs): no cursor to walk
        take_old = take_new = _as_is if old.clean else escape
    else:
        take_old, take_new = old.take, new.take
    old_side, new_side, inline = [], [], []
    hidden = unseen(ops)
    for k, (op, text) in enumerate(ops):
        shown = _named if k in hidden else _as_is
        if op == "equal":
            old_side.append(shown(take_old(text)))
            new_side.append(piece := shown(take_new(text)))
        elif op == "insert":
            new_side.append(piece := f"<ins>{shown(take_new(text))}</ins>")
        else:
            old_side.append(piece := f"<del>{shown(take_old(text))}</del>")
        inline.append(piece)
    return "".join(old_side), "".join(new_side), "".join(inline)


_TAG_OR_LOOKALIKE = re.compile("<[^>]*>|[" + re.escape("".join(sorted(LOOKALIKE))) + "]")


def _named(html: str) -> str:
    """The HTML of a change no reader could see, each of its characters shown by name ("no-break
    space"), the Unicode code point on hover; its tags (formatting, a footnote marker) as they are."""

    def shown(m: re.Match[str]) -> str:
        char = m.group()
        if len(char) > 1:  # a tag
            return char
        return f'<span class="char" title="U+{ord(char):04X} {unicodedata.name(char, "")}">{character_name(char)}</span>'

    return _TAG_OR_LOOKALIKE.sub(shown, html)


def _as_is(text: str) -> str:
    """Words that need no escaping, as they are."""
    return text


# ------------------------------------------------------------------ paragraph rows


def _anchor(marker: str, text: str | None) -> str:
    """A footnote marker, its footnote's text as its tooltip."""
    tip = f' title="{escape(text)}"' if text else ""
    return f'<sup class="fn"{tip}>{escape(marker)}</sup>'


class _Notes:
    """The footnote markers of the old and new documents as HTML, their texts as tooltips, by marker;
    the paragraphs as HTML; and each row's place and footnote badge. Each is written once: _rows
    writes a paragraph's row in both views together, and an unchanged paragraph shows the same on
    both sides where its markers read alike."""

    def __init__(self, diff: Diff) -> None:
        self.diff = diff
        self.old = {f.marker: _anchor(f.marker, f.text) for f in diff.old.footnotes}
        self.new = {f.marker: _anchor(f.marker, f.text) for f in diff.new.footnotes}
        self.changed_at: dict[tuple[str, str, int], int] = defaultdict(int)  # a paragraph's place -> its footnotes changed
        for note in diff.footnotes_changed:
            if note.place is not None:
                self.changed_at[(note.place.part, note.place.text, note.place.index)] += 1

    def row(self, change: ParagraphChange) -> tuple[str, str, str]:
        """A row's place ('op. 7 → op. 9') as HTML; its badges beside the status: one for the
        footnotes of a paragraph that changed, linking to the Footnotes table, one where words
        both texts have are set otherwise (the redline tracks that too), one where all that changed
        prints alike (a space become a no-break space), and one where its sub-paragraphs are
        labelled by another kind of label; and whether the row is a change, its
        words, its footnotes or its labels ('true' or 'false')."""
        count = 0
        if self.changed_at:  # (a plain loop, and none where no footnote changed: this is asked of every row)
            for text, index in (("new", change.new_index), ("old", change.old_index)):
                if index is not None:
                    count += self.changed_at.get((change.part, text, index), 0)
        words = "footnote changed" if count == 1 else f"{count} footnotes changed"
        badge = f'<a class="badge b-unchanged" href="#h-footnotes">{words}</a>' if count else ""
        if change.restyled:
            badge += '<span class="badge b-modified">formatting changed</span>'
        if change.alike:
            badge += '<span class="badge b-unchanged" title="Only characters that print alike changed: a space and a no-break space, a hyphen and a non-breaking one">no visible change</span>'
        if change.relabelled:
            badge += f'<span class="badge b-modified">{escape(change.relabelled_note)}</span>'
        old, new = places(change, self.diff)
        place = f"<span>{escape(old)}</span> → <span>{escape(new)}</span>"
        return place, badge, "true" if change.noted or count > 0 else "false"

    def unchanged(self, change: ParagraphChange) -> tuple[str, str] | None:
        """The old and new HTML of a (sub-)paragraph whose words did not change; None if they did."""
        if change.old is None or change.new is None or len(change.ops) != 1 or change.ops[0][0] != "equal":
            return None
        new = _whole(change.new, self.new)
        alike = change.old.content == change.new.content and all(
            self.old.get(m) == self.new.get(m) for m in change.new.footnote_refs
        )
        return new if alike else _whole(change.old, self.old), new

    def marked(self, item: ParagraphChange) -> tuple[str, str, str]:
        """The old side, the new side and the inline text of a (sub-)paragraph as HTML (_marked_up)."""
        old, new, ops = item.compared
        old_side, new_side, inline = _marked_up(ops, _Cursor(old, self.old), _Cursor(new, self.new))
        return old_side if old else "", new_side if new else "", inline


_STATUS_BADGES = {status: f'<span class="badge b-{status}">{status}</span>' for status in STATUSES}


def _badges(change: ParagraphChange, moved_from: str = "", view: str = "", extra: str = "") -> str:
    """The status badge, and a 'moved' badge beside it when the paragraph changed place (saying
    from where, for a sub-paragraph: its row's numbers are its parent's). A paragraph gone to or
    come from another (the other part, a split or a merge) links to that one's row in the same view."""
    spans = _STATUS_BADGES[change.status]
    if change.moved:
        spans += f'<span class="badge b-moved">moved{" from " + escape(moved_from) if moved_from else ""}</span>'
    if change.elsewhere:  # where its words went or came from: a link to that paragraph's row
        place = change.elsewhere.place
        target = f"{view}-{place.part}-{place.text}-{place.index}"
        spans += f'<a class="badge b-moved" href="#{target}">{escape(change.elsewhere_note())}</a>'
    return f'<span class="badges">{spans}{extra}</span>'


def _label(paragraph: Paragraph | None) -> str:
    """A paragraph's number or sub-paragraph letter, when it has one."""
    return f'<span class="label">{escape(printed_label(paragraph.label))}</span> ' if paragraph and paragraph.label else ""


def _flatten(change: ParagraphChange, level: int = 0) -> list[tuple[int, ParagraphChange]]:
    """A paragraph and its sub-paragraphs, in order, each with its depth."""
    out = [(level, change)]
    for sub in change.subparagraphs:
        out += _flatten(sub, level + 1)
    return out


def _sub_badges(parent: ParagraphChange, sub: ParagraphChange) -> str:
    """A sub-paragraph's badges, only when they say more than its parent's."""
    if parent.status in ("inserted", "deleted") or not (sub.changed or sub.formatting):
        return ""
    extra = '<span class="badge b-modified">formatting changed</span>' if sub.formatting else ""
    return _badges(sub, sub.old_sub_label if sub.old and sub.old.label else "", extra=extra)


def _row_starts(change: ParagraphChange, number: int | None, notes: _Notes) -> tuple[str, str]:
    """The start of a paragraph's row in the side-by-side view and in the inline one: an id by its
    place ('sbs-operative-new-8', or '…-old-…' for a deletion), status classes, and its place
    among the changes when it is one; then its old and new place ('op. 7 → op. 9') and its badges
    (see _Notes.row). A paragraph whose footnotes changed stays in view under "Show only changes" too."""
    place, badges, changed = notes.row(change)
    classes = f"row s-{change.status}" + (" moved" if change.moved else "")
    data = f' data-change="{number}"' if number is not None else ""
    side, index = ("new", change.new_index) if change.new_index is not None else ("old", change.old_index)
    # The row's tag after the view's name in its id, and the same for its old place, where a row of
    # both texts answers to that too: written once, the same in both views.
    article = f'-{change.part}-{side}-{index}" class="{classes}" data-changed="{changed}"{data} tabindex="-1">'
    also = f'-{change.part}-old-{change.old_index}"></span>' if side == "new" and change.old_index is not None else ""
    where = f'<div class="meta"><span class="where">{place}</span>'
    # The badges are the same in both views but for a link to the paragraph its words went to or came from.
    alike = None if change.elsewhere else _badges(change, extra=badges)
    starts = []
    for view in ("sbs", "inline"):
        opened = f'<article id="{view}{article}' + (f'<span id="{view}{also}' if also else "")
        starts.append(f"{opened}{where}{alike or _badges(change, view=view, extra=badges)}</div>")
    return starts[0], starts[1]


def _heading(diff: Diff, change: ParagraphChange, side: str) -> bool:
    """Whether a row's old (or new) paragraph is a section's heading (see `Resolution.heading`),
    set bold as in Word."""
    paragraph, text = (change.old, diff.old) if side == "old" else (change.new, diff.new)
    return paragraph is not None and change.part == "operative" and text.heading(paragraph)


def _cell(cls: str, label: str | None, html: str, extra: str) -> str:
    """One side of a (sub-)paragraph in the side-by-side view, `extra` (badges or a note) after its
    label; a label of None: that side lacks the paragraph."""
    if label is None:
        return f'<div class="{cls} absent">{extra}</div>' if extra else f'<div class="{cls}"></div>'
    return f'<div class="{cls}">{label}{extra}{html}</div>'


def _rows(change: ParagraphChange, number: int | None, notes: _Notes) -> tuple[str, str]:
    """A paragraph's row in each view, both written at once: they show the same labels, badges and words.

    Side by side: old on the left, new on the right, each sub-paragraph on a line of its own;
    where a side lacks the paragraph it says so once, its sub-paragraphs' cells left empty.
    Inline: the new text with its insertions and deletions in place (the old, where there is no new).
    """
    sbs_start, inline_start = _row_starts(change, number, notes)
    sbs, inline = [sbs_start, '<div class="lines">'], [inline_start, '<div class="lines">']
    for level, item in _flatten(change):
        cls = f"text{' sub' if level else ''} lv{min(level, 3)}"
        badges = _sub_badges(change, item) if level else ""
        old, new, _ = item.compared
        old_html, new_html, inline_html = (
            (shown[0], shown[1], shown[1]) if (shown := notes.unchanged(item)) else notes.marked(item)
        )
        cls_old = f"{cls} heading" if level == 0 and _heading(notes.diff, change, "old") else cls
        cls_new = f"{cls} heading" if level == 0 and _heading(notes.diff, change, "new") else cls
        label_old = _label(old) if old is not None else None
        label_new = _label(new) if new is not None else None
        old_note = "(not in the old text)" if old is None and (level == 0 or change.old is not None) else ""
        new_note = "(not in the new text)" if new is None and (level == 0 or change.new is not None) else ""
        sbs.append(_cell(f"{cls_old} old", label_old, old_html, old_note or ("" if new else badges)))
        sbs.append(_cell(f"{cls_new} new", label_new, new_html, new_note or badges))
        cls, label = (cls_new, label_new) if new is not None else (cls_old, label_old)
        inline.append(f'<div class="{cls}">{label or ""}{badges}{inline_html}</div>')
    sbs.append("</div></article>")
    inline.append("</div></article>")
    return "".join(sbs), "".join(inline)


def _numbered(diff: Diff, count: int) -> dict[str, list[tuple[ParagraphChange, int | None]]]:
    """Each part's changes, the changed ones numbered in document order for navigation from `count`
    on (after the header's)."""
    out: dict[str, list[tuple[ParagraphChange, int | None]]] = {}
    for part in PARTS:
        rows: list[tuple[ParagraphChange, int | None]] = []
        for change in diff.part(part):
            rows.append((change, count if change.changed else None))
            count += change.changed
        out[part] = rows
    return out


def _written(
    rows: Mapping[str, list[tuple[ParagraphChange, int | None]]], notes: _Notes
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each part's rows in the side-by-side view and in the inline one (see _rows)."""
    sbs: dict[str, list[str]] = {}
    inline: dict[str, list[str]] = {}
    for part, changes in rows.items():
        sbs[part], inline[part] = [], []
        for change, number in changes:
            side_by_side, in_place = _rows(change, number, notes)
            sbs[part].append(side_by_side)
            inline[part].append(in_place)
    return sbs, inline


def _view(
    diff: Diff,
    rows: Mapping[str, list[tuple[ParagraphChange, int | None]]],
    written: Mapping[str, list[str]],
    kind: str,
    out: list[str],
) -> None:
    """One of the two views, both parts of the resolution in it, each part's rows as `written` for
    it, added to `out` (the page is joined once: each string as long as a view is a fresh block of
    memory to fill, and costs as much again)."""
    title = "Side by side" if kind == "sbs" else "Inline"
    # Side by side shows first; without the script (a mail preview), it is the page.
    hidden = " hidden" if kind == "inline" else ""
    out.append(f'<section id="view-{kind}" class="view {kind}" aria-labelledby="h-{kind}"{hidden}>')
    out.append(f'<h2 id="h-{kind}" class="sr-only">{title}</h2>')
    for part in PARTS:
        out.append(f"<h3>{part.capitalize()}</h3>")
        if not rows[part]:
            out.append('<p class="muted">No paragraphs in either text.</p>')
            continue
        if not any(n is not None for _, n in rows[part]):
            out.append('<p class="none-changed">No changes in this part.</p>')
        if kind == "sbs":
            out.append(
                f'<div class="colheads" aria-hidden="true"><span>Paragraph</span><div class="lines">'
                f"<span>Old: {escape(diff.old_name)}</span><span>New: {escape(diff.new_name)}</span></div></div>"
            )
        out += written[part]
    out.append("</section>")


# ------------------------------------------------------------------ the top of the page


def _table_sides(change: HeaderChange | FootnoteChange) -> str:
    """The old and new side of a header field's or a footnote's change as two table cells, a dash
    where a side has none (both marked up at once: a footnote can be long); under the new words,
    how the words it keeps are set otherwise, if they are."""
    words = [side.text if isinstance(side, Footnote) else side for side in (change.old, change.new)]
    old, new, _ = _marked_up(change.ops, _Cursor(None, {}, words[0]), _Cursor(None, {}, words[1]))
    absent = '<span class="absent">—</span>'
    restyled = _formatting_note(change, '<br><span class="muted">', "</span>")
    return f"<td>{absent if change.old is None else old}</td><td>{absent if change.new is None else new}{restyled}</td>"


def _header_lines(diff: Diff) -> list[tuple[str, HeaderChange]]:
    """The header fields and other masthead lines, each with its name on the page."""
    named = [(field_name(h, diff).replace("_", " "), as_printed(h)) for h in diff.header]
    return named + [(h.line_name.replace("-", " "), h) for h in diff.masthead]  # ("agenda title line 2")


def _formatting_note(change: HeaderChange | FootnoteChange, before: str, after: str) -> str:
    """'formatting changed: “The” bold → plain' between `before` and `after`, for a formula or a
    footnote whose kept words the new text sets otherwise; '' for any other."""
    if not change.formatting:
        return ""
    note = escape(f"formatting changed: {formatting_note(change.formatting)}")
    return before + _HYPHENED.sub(r'<span class="nw">\g<0></span>', note) + after  # ("Asian-African" kept whole)


_HYPHENED = re.compile(r"\S*\w-\w\S*")


def _header_section(named: list[tuple[str, HeaderChange]]) -> str:
    """The header fields and the other masthead lines ('agenda item line', see `_header_lines`)
    that changed, old and new with word-level marks, numbered as the first changes (the keys reach
    them before the paragraphs: a stale symbol or date is a change to review like any other); the others named."""
    changed = [(name, h) for name, h in named if h.status != "unchanged"]
    same = [escape(name) + _formatting_note(h, " (", ")") for name, h in named if h.status == "unchanged"]
    out = ['<section aria-labelledby="h-header"><h2 id="h-header">Header</h2>']
    if changed:
        out.append('<table class="header"><thead><tr><th scope="col">Field</th><th scope="col">Old</th><th scope="col">New</th>')
        out.append("</tr></thead><tbody>")
        for number, (name, h) in enumerate(changed):
            out.append(f'<tr data-change="{number}" tabindex="-1"><th scope="row">{escape(name)}</th>{_table_sides(h)}</tr>')
        out.append("</tbody></table>")
    else:
        out.append("<p>No header field changed.</p>")
    if same:
        out.append(f'<p class="muted">Unchanged: {", ".join(same)}.</p>')
    out.append("</section>")
    return "".join(out)


def _footnotes_section(diff: Diff, first: int) -> str:
    """The footnotes that changed, were added or were dropped, old and new with word-level marks,
    each with the markers and the paragraph it is anchored in; numbered as changes from `first`
    on, after the paragraphs', so that the keys reach them too."""
    changed = diff.footnotes_changed
    if not changed:
        return ""
    out = ['<section class="footnotes" aria-labelledby="h-footnotes"><h2 id="h-footnotes">Footnotes</h2>']
    out.append('<table class="header"><thead><tr><th scope="col">Footnote</th><th scope="col">Old</th><th scope="col">New</th>')
    out.append("</tr></thead><tbody>")
    for number, note in enumerate(changed, start=first):
        place = f'<br><span class="muted">{escape(note.status)}{", " + escape(note.place.short) if note.place else ""}</span>'
        out.append(
            f'<tr data-change="{number}" tabindex="-1"><th scope="row">{escape(note.markers)}{place}</th>{_table_sides(note)}</tr>'
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _summary_section(diff: Diff) -> str:
    """Counts of the header's lines (fields and masthead) and per part, in the words of the terminal diff."""
    lines = [header_line(diff), *(summary_line(diff, part) for part in PARTS)]
    if footnotes := footnotes_line(diff):
        lines.append(footnotes)
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2><ul class="summary">{items}</ul></section>'


def _warnings(diff: Diff) -> str:
    """The differ's warnings, if any."""
    if not diff.warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in diff.warnings)
    return f'<section class="warnings" aria-labelledby="h-warnings"><h2 id="h-warnings">Warnings</h2><ul>{items}</ul></section>'


def _toolbar(total: int) -> str:
    """View switch, the changes-only filter and previous/next; hidden until the script runs."""
    none = " disabled" if not total else ""
    status = f"{total} change{'s' if total != 1 else ''}" if total else "No changes"
    return (
        '<nav id="toolbar" class="toolbar" aria-label="Review controls" hidden>'
        '<div class="group" role="group" aria-label="View">'
        '<button type="button" data-view="sbs" aria-pressed="true">Side by side</button>'
        '<button type="button" data-view="inline" aria-pressed="false">Inline</button></div>'
        '<label for="only-changes"><input type="checkbox" id="only-changes"> Show only changes</label>'
        f'<div class="group"><button type="button" id="prev" aria-keyshortcuts="k p"{none}>Previous change</button>'
        f'<button type="button" id="next" aria-keyshortcuts="j n"{none}>Next change</button></div>'
        f'<span id="nav-status" role="status" aria-live="polite">{status}</span>'
        '<span class="keys muted">Keys: <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> previous</span>'
        "</nav>"
    )


def render_review_html(diff: Diff) -> str:
    """The diff as one self-contained HTML page for reviewing a draft against last session's text."""
    lines = _header_lines(diff)
    header = sum(h.status != "unchanged" for _, h in lines)
    rows = _numbered(diff, header)
    notes = _Notes(diff)
    before_footnotes = header + sum(n is not None for part in PARTS for _, n in rows[part])
    total = before_footnotes + len(diff.footnotes_changed)
    title = f"{diff.old_name} → {diff.new_name}"
    out = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">',
        f"<title>{escape(title)} — resdraft review</title><style>{_STYLE}</style></head>",
        f'<body data-changes="{total}"><div class="page">',
        f"<header><h1>{escape(title)}</h1>{_warnings(diff)}",
        f'<div class="overview">{_summary_section(diff)}{_header_section(lines)}</div></header>',
        _toolbar(total),
        "<main>",
    ]
    sbs, inline = _written(rows, notes)
    _view(diff, rows, sbs, "sbs", out)
    _view(diff, rows, inline, "inline", out)
    out += [_footnotes_section(diff, before_footnotes), "</main>", f"</div><script>{_SCRIPT}</script></body></html>\n"]
    return "".join(out)
