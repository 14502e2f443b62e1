"""Printed paragraph labels ("(a)", "1.", "iv.", the bare "1" of AIPA's preamble): a line's label,
and the level each label takes among a paragraph's sub-paragraphs, as the importers read them from
text (the counter styles a label may belong to and the number it stands for are numbering's)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from resdraft.model import Content, Line, Run
from resdraft.numbering import counter_styles, counter_value

_LABEL = re.compile(
    r"""
    (?: \( (?P<paren>[0-9]{1,3}|[A-Za-z]{1,6}) \)       # (a) (iv) (1)
      | (?P<bare>[0-9]{1,3}|[A-Za-z]{1,6}) (?P<dot>\.)?  # 1. a. iv. and the bare 1 of AIPA's preamble
    ) [ ]+ (?=\S)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Label:
    """A printed label ('(a)', '1.', '1'), split into its form and counter."""

    text: str
    prefix: str
    counter: str
    suffix: str

    @property
    def form(self) -> tuple[str, str]:
        """What surrounds the counter: ('(', ')') for '(a)', ('', '.') for '1.'."""
        return self.prefix, self.suffix

    @classmethod
    def numeral(cls, text: str) -> Label:
        """A section heading's numeral as a label ('III.', 'II', 'B.'): it numbers no paragraph."""
        counter = text.removesuffix(".")
        return cls(text, "", counter, text[len(counter) :])


def split_label(text: str) -> tuple[Label | None, str]:
    """A line's label, if it starts with one, and the rest of the line."""
    m = _LABEL.match(text)
    if not m:
        return None, text
    counter = m.group("paren") or m.group("bare")
    if not counter_styles(counter) or (m.group("bare") and not m.group("dot") and not counter.isdigit()):
        return None, text
    if m.group("paren"):
        label = Label(f"({counter})", "(", counter, ")")
    else:
        label = Label(counter + (m.group("dot") or ""), "", counter, m.group("dot") or "")
    return label, text[m.end() :]


@dataclass
class Levels:
    """The label styles in use under the current paragraph, one per sub-paragraph level."""

    stack: list[tuple[tuple[str, str], str, str]] = field(default_factory=list)  # form, style, last counter

    def level(self, label: Label) -> tuple[int, str]:
        """The level a label belongs to, and its counter style."""
        style = self.style(label)
        for i, (form, s, _) in enumerate(self.stack):
            if form == label.form and s == style:
                del self.stack[i + 1 :]
                self.stack[i] = (form, style, label.counter)
                return i + 1, style
        self.stack.append((label.form, style, label.counter))
        return len(self.stack), style

    def style(self, label: Label) -> str:
        """A label's counter style: '(i)' continues '(h)' as a letter, and otherwise starts Roman numerals."""
        styles = counter_styles(label.counter)
        if len(styles) == 1:
            return styles[0]
        for form, style, last in self.stack:
            before = counter_value(style, last) if form == label.form and style in styles else None
            if before is not None and counter_value(style, label.counter) == before + 1:
                return style
        return styles[-1] if label.counter.lower() == "i" else styles[0]


# An adopted UN General Assembly resolution's number: "78/225", "75/290 B", "ES-11/1" (an
# emergency special session's). It stands before the title, with a full stop ("78/225. Enhancing …").
RESOLUTION_NUMBER = r"(?:ES-\d{1,2}|\d{1,3})/\d{1,4}(?: [A-Z])?"
_TITLE_LABEL = re.compile(rf"({RESOLUTION_NUMBER}\.)[ \t]+")


def title_line(content: Content) -> Line:
    """The title Line of some content, the number an adopted UN resolution's title begins with
    ("78/225.") as its label."""
    first = content[0] if content else None
    if not isinstance(first, Run) or (m := _TITLE_LABEL.match(first.text)) is None:
        return Line("title", content)
    rest = first.text[m.end() :]
    if not (rest.strip() or any(isinstance(s, Run) and s.text.strip() for s in content[1:])):
        return Line("title", content)  # a number alone is no title's label
    return Line("title", ((replace(first, text=rest),) if rest else ()) + tuple(content[1:]), m.group(1))
