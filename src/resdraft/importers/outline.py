"""The paragraph tree an importer builds as it reads (nodes with their labels, levels and
sub-paragraphs) and how it becomes the model's: the preamble and operative part split, each node
frozen into a Paragraph, and the numbering and emphasis the document shows."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from resdraft.importers.labels import Label
from resdraft.importers.openings import declaration_start, infer_opening, is_preambular
from resdraft.model import Content, Kind, Numbering, Paragraph, plain
from resdraft.numbering import FIRST_COUNTERS, is_title

# Sub-paragraph labels each body prints when a document shows none (templates/BODY/body.yaml).
DEFAULT_SUBLABELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "aipa": (("a.", "i."), ("1",)),
}
UN_SUBLABELS = ("(a)", "(i)")


HEADINGS = ("heading", "title")  # a Node's style as a section's heading: with its numeral ("II"), or a title alone


@dataclass
class Node:
    """A paragraph while the body is read; frozen into a Paragraph at the end."""

    content: Content
    level: int
    label: Label | None = None
    number: int | None = None
    style: str | None = None
    children: list[Node] = field(default_factory=list)
    opening: str | None = None
    emphasis: str | None = None

    def walk(self) -> Iterable[Node]:
        """This paragraph and its sub-paragraphs, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def with_inference(tops: list[Node]) -> list[tuple[Node, bool]]:
    """Every paragraph read, sub-paragraphs too, and whether an opening phrase may be inferred for
    it where none is marked: only for a paragraph (not a sub-paragraph), and not for a section's
    heading nor a declaration's paragraph (see openings.declaration_start; the headings between
    a declaration's paragraphs count as none of them). The titles that cannot be headings are
    read as paragraphs first (`_untitle`), once the body is read."""
    _untitle(tops)
    paragraphs = [top for top in tops if top.style not in HEADINGS]
    start = declaration_start([plain(top.content) for top in paragraphs])
    declared = set() if start is None else {id(top) for top in paragraphs[start:]}
    return [
        (node, node.level == 0 and node.style not in HEADINGS and id(node) not in declared) for top in tops for node in top.walk()
    ]


# A line of a list set out under a paragraph: a short head, a colon, and what it says of it
# ("Monday, 9 June: from 9 a.m. to 1 p.m. …", "Panel 1: Tackling the determinants …").
_LIST_LINE = re.compile(r"[A-Z][^:;.“”\"]{0,40}: \S")


def lists_under(chain: list[Node], listing: bool, content: Content) -> bool:
    """Whether an unlabelled paragraph is a line of the list that the numbered operative paragraph
    being read (or its last sub-paragraph, `chain[-1]`) introduces with a colon ("… will be held as
    follows:" over "Monday, 9 June: from 9 a.m. …" to "Friday, 13 June: …", A/RES/78/128), or the
    next line of that list (`listing`): printed unnumbered under the paragraph, such lines are part
    of it, not paragraphs of their own. What else a colon introduces (a quoted theme, a table, a
    question put to the Court) stands apart as before."""
    if not chain or chain[0].number is None or not _LIST_LINE.match(plain(content)):
        return False
    return listing or plain(chain[-1].content).rstrip().endswith(":")


def split_parts(tops: list[Node], transition_at: int | None = None) -> tuple[list[Node], list[Node]]:
    """Preamble and operative part: at the transition formula, the first numbered paragraph, or
    the first verb in the present. Where the operative part is in sections, the first section's
    heading ("I" over "International Convention on …") and what stands under it before its first
    numbered paragraph (a section's own "Recalling …") open the operative part, as the later sections' do;
    so does a heading without a numeral (a "title" node) right above paragraph 1 ("Role and authority
    of the General Assembly" over "1. Recognizes …", A/RES/79/327), and the paragraph adopting the
    text whose numbered paragraphs follow (see `adopts`)."""
    if transition_at is not None:
        return tops[:transition_at], tops[transition_at:]
    at = next((i for i, n in enumerate(tops) if n.number is not None), None)
    if at is None:
        at = next((i for i, n in enumerate(tops) if n.opening and not is_preambular(n.opening)), len(tops))
    else:
        if at and tops[at - 1].style == "title":
            at -= 1
        if at and adopts(plain(tops[at - 1].content)):  # (all before `at` are unnumbered)
            at -= 1
    if any(n.style == "heading" for n in tops[at:]):
        at = next((i for i in range(at - 1, -1, -1) if tops[i].style == "heading"), at)
    return tops[:at], tops[at:]


def adopts(text: str) -> bool:
    """Whether an unnumbered paragraph opens operatively and introduces what follows, as a
    resolution adopting a text printed under it does ("Adopts the following Pact for the Future and
    its annexes:" over the Pact's own numbered paragraphs, A/RES/79/1): the operative part begins with it."""
    opening = infer_opening(text)
    return opening is not None and not is_preambular(opening) and text.rstrip().endswith(":")


def _untitle(tops: list[Node]) -> None:
    """Read as paragraphs the titles that cannot be headings (before any opening phrase is
    inferred: a heading has none): one with sub-paragraphs of its own, and one
    longer than a line that heads neither a numbered paragraph nor another heading. At that length
    the words tell a heading from a paragraph that ends without a stop less surely ("Agree to share
    information … among parliamentarians, and", AIPO's; a line of a staffing table read as text);
    all 161 headings without a numeral in the GA corpus stand over one or the other."""
    for node, after in itertools.zip_longest(tops, tops[1:]):
        heads = after is not None and (after.number is not None or after.style in HEADINGS)
        if node.style == "title" and (node.children or (len(plain(node.content)) > LINE and not heads)):
            node.style = None


def frozen(node: Node, role: Kind) -> Paragraph:
    """A read paragraph, frozen; a heading without a numeral (a "title" node) among the operative
    paragraphs marked as a heading."""
    return Paragraph(
        role="subparagraph" if node.level else role,
        content=node.content,
        level=node.level,
        label=node.label.text if node.label else None,
        number=node.number,
        opening=node.opening,
        subparagraphs=tuple(frozen(c, role) for c in node.children),
        heading=node.style == "title" and role == "operative" and not node.level,
    )


LINE = 90  # characters, about, of a line of a UN resolution's PDF


def heading_title(text: str, lines: int = 1) -> bool:
    """Whether an unlabelled paragraph reads as a section's heading without a numeral ("Scope",
    "Budget estimates for the period from 1 July 2024 to 30 June 2025", "Role and authority of the
    General Assembly"): a title that fits on its `lines` (one, or a two-line heading's two: "Strengthening
    of the accountability, transparency and institutional memory of / the Office of the President …"),
    whose first words are no paragraph's opening phrase of more than one word ("Having received the
    report … for 2022", its comma lost, is a paragraph)."""
    text = text.strip()
    return len(text) <= LINE * lines and is_title(text) and len((infer_opening(text) or "").split()) <= 1


def _observed_emphasis(nodes: Iterable[Node]) -> str:
    """The emphasis most openings in a part were set in."""
    seen = Counter(n.emphasis for n in nodes if n.emphasis)
    return seen.most_common(1)[0][0] if seen else "none"


def emphases(preamble: list[Node], operative: list[Node]) -> dict[str, str]:
    """How opening phrases were set in each part, keyed as body.yaml keys them."""
    subs = [n for top in (*preamble, *operative) for n in top.walk() if n.level]
    return {
        "preambular": _observed_emphasis(preamble),
        "operative": _observed_emphasis(operative),
        "subparagraph": _observed_emphasis(subs),
    }


def _sublabels(nodes: Iterable[Node], default: tuple[str, ...]) -> tuple[str, ...]:
    """Example labels per sub-paragraph level, as seen ('a.', '1'), else the body's own."""
    seen: dict[int, str] = {}
    for top in nodes:
        for n in top.walk():
            if n.level and n.label and n.style and n.level not in seen:
                seen[n.level] = n.label.prefix + FIRST_COUNTERS[n.style] + n.label.suffix
    levels = max([len(default), *seen])
    return tuple(seen.get(i + 1, default[i] if i < len(default) else "(a)") for i in range(levels))


def numbering_of(body: str, preamble: list[Node], operative: list[Node]) -> Numbering:
    """The labels the document uses, filled in from the body's house style where it shows none."""
    operative_default, preamble_default = DEFAULT_SUBLABELS.get(body, (UN_SUBLABELS, UN_SUBLABELS))
    numbered = next((n.label.prefix + "1" + n.label.suffix for n in operative if n.number is not None and n.label), None)
    return Numbering(numbered, _sublabels(operative, operative_default), _sublabels(preamble, preamble_default))
