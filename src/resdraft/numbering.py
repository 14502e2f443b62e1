"""Paragraph labels from an example label: '1.' → 1., 2.; '(a)' → (a), (b); '(i)' → (i), (ii)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# "Action 12.": one of the actions the Pact for the Future (A/RES/79/1) heads its paragraphs with,
# its words a sentence ("We will …").
ACTION = re.compile(r"Action \d{1,3}\.")
# "II", "B.", "Section 3", an action: a part of a sectioned resolution.
SECTION = re.compile(rf"(?:[IVXL]{{1,6}}|[A-H])\.?|Section \d{{1,3}}|{ACTION.pattern}")
_SECTION_START = re.compile(rf"(?:{SECTION.pattern})(?=\s|$)")
TITLE_LIMIT = 300  # characters of a section's title


def section_heading(text: str) -> tuple[str, str] | None:
    """A section's heading: its numeral ("II", "B.", "Section 3", "Action 12.") and its title (""
    where the title stands apart), where `text` is one, else None. A title is no sentence: it starts
    with a capital and ends in no stop, comma, semicolon or colon; but an action's is the sentence
    it pledges ("Action 1. We will take bold … and leave no one behind."). A letter needs its full stop ("B. …")."""
    found = _SECTION_START.match(text)
    if found is None:
        return None
    numeral, title = found.group(), text[found.end() :].strip()
    if numeral[0] in "ABCDEFGH" and not numeral.endswith("."):
        return None
    if title and not is_section_title(numeral, title):
        return None
    return numeral, title


def is_section_title(numeral: str, title: str) -> bool:
    """Whether a text reads as the title of a section numbered `numeral`: a title (see `is_title`),
    or for an action the sentence it pledges, stop and all ("Action 1." "We will take bold … behind.")."""
    return is_title(title) or (ACTION.fullmatch(numeral) is not None and is_title(title.rstrip(".")))


def runs_in(numeral: str) -> bool:
    """Whether a section heading's numeral is printed on the line of its words, not above them:
    an action's ("Action 1. We will take …"), where "II" and "Section 3" stand on a line of their own."""
    return ACTION.fullmatch(numeral) is not None


def is_title(text: str) -> bool:
    """Whether a text reads as a heading's title, no sentence: it starts with a capital and ends in
    no stop, comma, semicolon or colon ("Role and authority of the General Assembly")."""
    return bool(text) and text[0].isupper() and text[-1] not in ".,;:" and len(text) <= TITLE_LIMIT


_LABEL = re.compile(r"^([^0-9aAiI]*)([1aAiI])([^0-9a-zA-Z]*)$")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(n: int) -> str:
    """4 -> 'iv'."""
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def alpha(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa' (the UN doubles letters after z)."""
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


BULLET = re.compile(r"--|[-–—•▪●◦·]")  # a sub-paragraph's mark that counts nothing: the Council's "--", a bullet


def is_bullet(example: str) -> bool:
    """Whether an example label is a mark every item of its level carries alike ("--", "•")."""
    return BULLET.fullmatch(example) is not None


def printed_label(label: str) -> str:
    """A sub-paragraph's label as printed: the Council's "--", as its plain-text copies type it, is an en dash."""
    return "\u2013" if label == "--" else label


def label_kind(example: str) -> str:
    """An example label as a kind of label: every dash one kind, the Council's "--" (its plain-text
    copies type "--", its printed text and resdraft's Word output an en dash, "–")."""
    return "--" if example in ("--", "-", "\u2013", "\u2014") else example


FIRST_COUNTERS = {"decimal": "1", "lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I"}
_ROMAN_NUMERAL = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")  # lower case
_NUMERAL_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
ALPHA_LETTERS = 3  # the most letters of a printed label ("(ccc)", the 81st): a longer one is a word


def counter_styles(counter: str) -> tuple[str, ...]:
    """The counter styles a printed counter can belong to: '3' decimal, 'c' lower-alpha or
    lower-roman, 'IV' upper-roman; none for a word ("ab", "Iv", "aaaa")."""
    if counter.isdigit():
        return ("decimal",)
    if not (counter.islower() or counter.isupper()):
        return ()
    case = "lower" if counter.islower() else "upper"
    low = counter.lower()
    styles = []
    if len(set(low)) == 1 and len(low) <= ALPHA_LETTERS:
        styles.append(f"{case}-alpha")
    if _ROMAN_NUMERAL.fullmatch(low):
        styles.append(f"{case}-roman")
    return tuple(styles)


def counter_value(style: str, counter: str) -> int | None:
    """The number a counter stands for in a style, whatever its case: 'c' is 3 in alpha and 100 in
    roman, 'aaaa' 79 in alpha; None where it is none of the style's counters ('ab', 'iiii' in roman)."""
    low = counter.lower()
    if style == "decimal":
        return int(counter) if counter.isdigit() else None
    if style.endswith("alpha"):
        return ord(low[0]) - ord("a") + 1 + 26 * (len(low) - 1) if len(set(low)) == 1 and low.isalpha() else None
    if not (low and _ROMAN_NUMERAL.fullmatch(low)):
        return None
    values = [_NUMERAL_VALUES[c] for c in low]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def is_pattern(example: str) -> bool:
    """Whether an example label ('(a)', '1.', 'i)') is one resdraft numbers by (a bullet, or a Word
    level text such as '(%2)' left as it was, is not)."""
    return _LABEL.match(example) is not None


def parse_pattern(pattern: str) -> tuple[str, str, str]:
    """'(a)' -> ('(', 'lower-alpha', ')'); the middle names the counter style."""
    m = _LABEL.match(pattern)
    if not m:
        raise ValueError(f"not an example label: {pattern!r}")
    prefix, counter, suffix = m.groups()
    style = next(style for style, first in FIRST_COUNTERS.items() if first == counter)
    return prefix, style, suffix


def counter(style: str, n: int) -> str:
    """The counter itself in a style: ('lower-roman', 3) -> 'iii'."""
    if style == "decimal":
        return str(n)
    if style.endswith("alpha"):
        return alpha(n).upper() if style.startswith("upper") else alpha(n)
    return roman(n).upper() if style.startswith("upper") else roman(n)


def label(pattern: str, n: int) -> str:
    """The nth label of the sequence an example label starts: label('(a)', 3) == '(c)'; a bullet
    is every item's label: label('--', 3) == '--'."""
    if is_bullet(pattern):
        return pattern
    prefix, style, suffix = parse_pattern(pattern)
    return f"{prefix}{counter(style, n)}{suffix}"


_COUNTED = re.compile(r"(\W*)([IVXL]+|[A-Z]|\d+)(\W*)")  # "XIV", "B.", "(2)": a counter between marks


def counted(text: str) -> tuple[str, int] | None:
    """A label as the example label of its sequence and its place in it: 'XIV' -> ('I', 14),
    'B.' -> ('A.', 2); None for one that counts nothing in a list Word can number ("Section 3"
    names a budget section, "Part One"). One letter that is also a roman numeral (I, V, X, L) is the numeral."""
    found = _COUNTED.fullmatch(text)
    if found is None:
        return None
    prefix, value, suffix = found.groups()
    if value.isdigit():
        first, n = "1", int(value)
    elif set(value) <= set("IVXL"):
        first, n = "I", counter_value("upper-roman", value) or 0
    else:
        first, n = "A", ord(value) - ord("A") + 1
    pattern = f"{prefix}{first}{suffix}"
    return (pattern, n) if n and label(pattern, n) == text else None


def heading_labels(kinds: Iterable[str]) -> list[str]:
    """The numerals of a text's section headings, each given the first numeral of its kind ("I",
    "A."): each kind counted on from its last heading, and started again under each heading of a
    kind that came before it in the text ("A.", "B." under "VII", "A." again under "X")."""
    order: list[str] = []  # the kinds in the order they first come: the outer first
    counts: dict[str, int] = {}
    out = []
    for kind in kinds:
        if kind not in order:
            order.append(kind)
        for inner in order[order.index(kind) + 1 :]:
            counts.pop(inner, None)
        counts[kind] = counts.get(kind, 0) + 1
        out.append(label(kind, counts[kind]))
    return out


def heading_kinds(numerals: Sequence[str]) -> list[str | None] | None:
    """Each heading numeral's kind ("XIV": "I", "B.": "A."; None for one that names rather than
    counts, "Section 3", "Action 12.": see `counted`), where counting each kind (`heading_labels`)
    gives every numeral that counts as it is, so none of those need be typed; else None."""
    kinds = [found[0] if (found := counted(numeral)) is not None else None for numeral in numerals]
    counting = [numeral for numeral, kind in zip(numerals, kinds, strict=True) if kind is not None]
    return kinds if heading_labels(kind for kind in kinds if kind is not None) == counting else None


def paragraph_numbers(entries: Iterable[tuple[bool, int | None, str | bool | None]]) -> list[int | str | None]:
    """What the build gives each entry of a draft's part, from its (numbered, `number:`, `heading:`):
    a numbered paragraph its number (counted on from the last, or started again at its `number:`),
    a heading its numeral ("IV"), a heading without one (`heading: true`) and a `numbered: false`
    paragraph None. Headings and unnumbered paragraphs take no number from the count."""
    entries = list(entries)
    headings = iter(heading_labels(heading for _, _, heading in entries if isinstance(heading, str)))
    count = 0  # the last number given
    out: list[int | str | None] = []
    for numbered, number, heading in entries:
        if isinstance(heading, str):
            out.append(next(headings))
        elif heading:
            out.append(None)
        elif numbered:
            count = number if number is not None else count + 1
            out.append(count)
        else:
            out.append(None)
    return out


_PRINTED = re.compile(r"(\W*?)([0-9]{1,3}|[A-Za-z]{1,6})(\W*)")  # "(iv)", "b.", "3": a printed label's parts


def _examples(printed: str) -> list[str]:
    """The example labels whose sequence a printed label may belong to: "(i)" -> ["(a)", "(i)"], "--" -> ["--"]."""
    if is_bullet(printed):
        return [printed]
    found = _PRINTED.fullmatch(printed)
    if found is None:
        return []
    prefix, value, suffix = found.groups()
    firsts = ["1"] if value.isdigit() else ["a", "i"] if value.islower() else ["A", "I"] if value.isupper() else []
    return [f"{prefix}{first}{suffix}" for first in firsts]


def sublabel_examples(levels: Sequence[Sequence[Sequence[str | None]]], preferred: Sequence[str]) -> list[str] | None:
    """The example label of each sub-paragraph level that labels every sub-paragraph of it as
    printed, counting from 1 under each paragraph (`levels[k]`: the printed labels of each run of
    siblings at level k + 1); the `preferred` one (the house style's) where both fit. None where
    some level's labels follow no sequence (a label missing, one skipped, a list not starting at 1)."""
    out = []
    for k, runs in enumerate(levels):
        first = next((run[0] for run in runs if run), None)
        candidates = _examples(first) if first else []
        if k < len(preferred) and preferred[k] in candidates:
            candidates.insert(0, preferred[k])
        fits = [c for c in candidates if all(x == label(c, i) for run in runs for i, x in enumerate(run, start=1))]
        if not fits:
            return None
        out.append(fits[0])
    return out
