"""Inline markup inside clause text: *italic*, **bold**, ^superscript^ and footnote anchors [^key]."""

from __future__ import annotations

import re
from collections.abc import Callable

from resdraft.model import Content, FootnoteRef, Run, Span

_TOKEN = re.compile(r"\\([*^\[\\])|(\*\*)|(\*)|(\^)(?!\])|\[\^([^\]\s]+)\]")
_MARKUP = re.compile(r"[*^\[\\]")  # a character that may begin a token: text without one is one plain run


def anchors(text: str) -> list[str]:
    """The footnote keys anchored in some text, in order."""
    if "[^" not in text:  # most text has none
        return []
    return [m.group(5) for m in _TOKEN.finditer(text) if m.group(5)]


def parse_inline(text: str, footnote: Callable[[str], str] | None = None, opening: bool = False) -> Content:
    """Turn marked-up text into runs; `footnote` maps an anchor key to its final marker.

    A marker left unclosed (an odd one out) is kept as a literal character, so text never
    loses a character and never formats the rest of a paragraph by mistake.
    """
    if not _MARKUP.search(text):  # most clause text is plain
        return (Run(text, opening=opening),) if text else ()
    matches = list(_TOKEN.finditer(text))
    toggles: dict[str, list[int]] = {}
    for i, m in enumerate(matches):
        if m.group(2) or m.group(3) or m.group(4):
            toggles.setdefault(m.group(0), []).append(i)
    literal = {positions[-1] for positions in toggles.values() if len(positions) % 2}

    spans: list[Span] = []
    bold = italic = sup = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            spans.append(Run("".join(buf), italic=italic, bold=bold, superscript=sup, opening=opening))
            buf.clear()

    pos = 0
    for i, m in enumerate(matches):
        buf.append(text[pos : m.start()])
        pos = m.end()
        escaped, dbl, single, caret, key = m.groups()
        if escaped:
            buf.append(escaped)
        elif i in literal:
            buf.append(m.group(0))
        elif key is not None:
            flush()
            spans.append(FootnoteRef(footnote(key) if footnote else key))
        else:
            flush()
            if dbl:
                bold = not bold
            elif single:
                italic = not italic
            elif caret:
                sup = not sup
    buf.append(text[pos:])
    flush()
    return _merge(tuple(spans))


def _merge(spans: tuple[Span, ...]) -> Content:
    """Join neighbouring runs of the same formatting and drop empty ones (linear in the spans)."""
    out: list[Span] = []
    texts: list[str] = []  # pieces of the run being gathered, joined once
    current: Run | None = None

    def close() -> None:
        if current is not None:
            out.append(Run("".join(texts), current.italic, current.bold, current.superscript, current.opening))
            texts.clear()

    for s in spans:
        if isinstance(s, Run):
            if not s.text:
                continue
            if current is not None and (current.italic, current.bold, current.superscript, current.opening) == (
                s.italic,
                s.bold,
                s.superscript,
                s.opening,
            ):
                texts.append(s.text)
                continue
            close()
            current = s
            texts.append(s.text)
        else:
            close()
            current = None
            out.append(s)
    close()
    return tuple(out)


def merge(*parts: Content) -> Content:
    """Concatenate contents, joining runs that meet with the same formatting."""
    return _merge(tuple(s for part in parts for s in part))
