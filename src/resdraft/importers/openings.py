"""Opening phrases: the words that open a resolution's paragraph ("Recalling also", "Taking note
with appreciation", "Urges"), found in text that does not mark them, and whether one opens a
preambular paragraph (a participle or adjective) or an operative one (a verb)."""

from __future__ import annotations

from collections.abc import Sequence

from resdraft.inline import merge
from resdraft.model import Content, Run

# Opening phrases. Most are one word ("Recalling", "Urges"), optionally with "also", "further"
# or "again" before or after it; these are the words that extend a phrase.
OPENING_IDIOMS: tuple[tuple[str, ...], ...] = (
    ("taking", "note"),
    ("takes", "note"),
    ("take", "note"),
    ("bearing", "in", "mind"),
    ("bears", "in", "mind"),
    ("calls", "upon"),
    ("call", "upon"),
    ("calling", "upon"),
    ("calls", "on"),
    ("call", "on"),
    ("calling", "on"),
    ("calls", "for"),
    ("call", "for"),
    ("calling", "for"),
    ("taking", "into", "account"),
    ("takes", "into", "account"),
    ("reiterates", "its", "request"),
    ("expresses", "its", "appreciation"),
    ("expressing", "its", "appreciation"),
)
ADVERBS_BEFORE = frozenset(
    {"also", "further", "again", "additionally", "deeply", "gravely", "strongly", "firmly", "fully", "seriously"}
)
ADVERBS_AFTER = frozenset({"also", "further", "again"})
AUXILIARIES = frozenset({"being", "having"})  # "Being aware", "Having heard": two words
OF_ADJECTIVES = frozenset({"aware", "mindful", "conscious", "cognizant", "cognisant"})  # "Aware of"
# "Noting with appreciation", "Takes note with great satisfaction": a verb of noting, then "with", a
# word of feeling and perhaps one before it, are one phrase (as the UN sets "Noting with deep concern"
# in italics whole). Only noting: AALCO's 2013 text sets "Acknowledging" alone before "with appreciation".
NOTE_HEADS = frozenset({"taking note", "takes note", "take note", "noting", "notes", "note"})
FEELINGS = frozenset(
    {
        "appreciation",
        "concern",
        "satisfaction",
        "interest",
        "regret",
        "approval",
        "alarm",
        "gratitude",
        "disappointment",
        "dismay",
    }
)
INTENSIFIERS = frozenset({"deep", "grave", "great", "serious", "profound", "particular", "increasing", "growing", "utmost"})
NOT_OPENINGS = frozenset(
    {"the", "a", "an", "this", "these", "that", "those", "it", "in", "on", "at", "for", "by", "of", "and", "or"}
)
# Preambular openings are participles and adjectives ("Recognizing", "Convinced", "Aware of");
# operative ones are verbs in the present ("Urges", "Encourage"). These adjectives end in neither -ing nor -ed.
PREAMBULAR_ADJECTIVES = OF_ADJECTIVES | {"desirous"}
_IDIOM_LENGTHS = sorted({len(idiom) for idiom in OPENING_IDIOMS}, reverse=True)


# A declaration's paragraphs speak for those who make it ("We, the Heads of State and Government …",
# "We will …": the Pact for the Future, A/RES/79/1): they open with no phrase of a resolution's, and
# none is to be inferred ("We", "Science", "Digital" are none). A third of a text's paragraphs so opening
# makes it one; no resolution in the corpus but the Pact has even two. The paragraphs before its first
# are the resolution's own ("Adopts the following Pact for the Future and its annexes:").
DECLARATION_SHARE = 1 / 3
_DECLARING = ("We ", "We,", "Our ")


def declaration_start(texts: Sequence[str]) -> int | None:
    """Where a resolution's paragraphs (their texts) become a declaration's (see DECLARATION_SHARE):
    the index of its first paragraph; None where they are no declaration."""
    declaring = [k for k, text in enumerate(texts) if text.startswith(_DECLARING)]
    return declaring[0] if declaring and len(declaring) >= DECLARATION_SHARE * len(texts) else None


def _opening_length(low: Sequence[str]) -> int:
    """How many of a paragraph's first words (lower-cased) make its opening phrase.

    [To] [Also|Deeply…] HEAD [of] [also|further|again] [with [deep…] concern…], where HEAD is an
    idiom ('taking note', 'calls upon'), an auxiliary and its participle ('being aware') or one word;
    0 where HEAD would be an article or preposition ("Also, in this regard, calls upon": no phrase
    is "Also in").
    """

    def at(i: int) -> str:
        """The i-th word, or '' past the end."""
        return low[i] if i < len(low) else ""

    i = 1 if at(0) == "to" else 0  # "To call on"
    while i < 3 and at(i) in ADVERBS_BEFORE:  # "Also urges", "Deeply concerned"
        i += 1
    idiom = next((n for n in _IDIOM_LENGTHS if len(low) >= i + n and tuple(low[i : i + n]) in OPENING_IDIOMS), 0)
    head = " ".join(low[i : i + max(idiom, 1)])
    if head in NOT_OPENINGS:
        return 0
    if idiom:
        i += idiom
    elif at(i) in AUXILIARIES or (at(i) in OF_ADJECTIVES and at(i + 1) == "of"):  # "Being aware"; "Aware of"
        i += 2
    else:
        i += 1
    if at(i) in ADVERBS_AFTER:  # "Recalling also", "Taking note also"
        i += 1
    if head in NOTE_HEADS and at(i) == "with":  # "Taking note with appreciation"
        feeling = 2 if at(i + 1) in INTENSIFIERS else 1  # "Noting with deep concern"
        if at(i + feeling) in FEELINGS:
            i += feeling + 1
    return i


def infer_opening(text: str) -> str | None:
    """The opening phrase of an unmarked paragraph: 'Recalling also', 'Taking note with
    appreciation', 'To call on'; or the whole of one that introduces sub-paragraphs ('Decides:')."""
    words = text[:200].split(" ")[:12]
    if not words[0][:1].isupper() or words[0].lower() in NOT_OPENINGS:
        return None
    introduces = len(words) <= 4 and words[-1].endswith(":")  # "Further decides:" over (a), (b) …
    n = _opening_length(
        [w.lower().removesuffix(",").removesuffix(":") if introduces else w.lower().removesuffix(",") for w in words]
    )
    if n == 0:
        return None
    if n < len(words) and qualifies_noun(words[:n], words[n]):
        n -= 1  # "Encourages further expressions from …": 'further' is the noun's
    phrase = [*words[: n - 1], words[n - 1].removesuffix(",").removesuffix(":")] if n <= len(words) else words
    if n > len(words) or (n == len(words) and not introduces) or not all(w.replace("-", "").isalpha() for w in phrase):
        return None  # the phrase would be the whole paragraph, or runs into punctuation (a comma may end it)
    return " ".join(phrase)


# Words after which an operative verb's 'further' is its adverb ("Requests further the Secretary-General"):
# what opens an object or a clause. Before any other word in lower case, 'further' qualifies a noun.
_OBJECT_OPENERS = NOT_OPENINGS | frozenset(
    ["its", "their", "his", "her", "our", "all", "any", "each", "every", "both", "such", "to", "upon", "with"]
)


def qualifies_noun(phrase: Sequence[str], following: str) -> bool:
    """Whether the 'further' that ends an operative opening is the next noun's ("Encourages further
    efforts", "Urges further steps", "Regrets further delays"), not the verb's: GA texts put the
    verb's after it only in the preamble ("Recalling further the"); operative paragraphs write "Further encourages"."""
    if len(phrase) < 2 or phrase[-1].lower() != "further" or is_preambular(" ".join(phrase[:-1])):
        return False
    word = following.strip('“‘"(')
    return word[:1].islower() and word.lower().rstrip(",;:") not in _OBJECT_OPENERS


def is_preambular(opening: str) -> bool:
    """Whether an opening phrase is a participle or adjective ('Recognizing', 'Mindful of'), not a verb ('Urges')."""
    words = [w.lower() for w in opening.split()]
    words = [w for w in words if w not in ADVERBS_BEFORE and w != "to"] or words
    head = words[0]
    return head.endswith(("ing", "ed")) or head in PREAMBULAR_ADJECTIVES


def emphasis_name(run: Run) -> str:
    """The name of a run's emphasis as body.yaml spells it."""
    return {(True, True): "bold-italic", (True, False): "bold", (False, True): "italic"}.get((run.bold, run.italic), "none")


def marked_opening(content: Content, infer: bool) -> tuple[Content, str | None, str | None]:
    """Mark the opening phrase: the emphasised words a paragraph starts with, else (if `infer`) the inferred phrase.

    Returns the content with the opening run flagged, the phrase, and its emphasis.
    """
    first = content[0] if content else None
    if not isinstance(first, Run):
        return content, None, None
    rest = content[1:]
    phrase = first.text.strip()
    marked = (first.italic or first.bold) and bool(rest) and bool(phrase) and len(phrase.split()) <= 10
    if not marked:
        phrase = (infer_opening(first.text) if infer else None) or ""
        if not phrase:
            return content, None, None
    if not first.text.startswith(phrase):  # cannot happen after the importers' tidying; never split a run wrongly
        return content, None, None
    head = Run(phrase, first.italic, first.bold, first.superscript, opening=True)
    return (
        merge((head, Run(first.text[len(phrase) :], first.italic, first.bold, first.superscript, first.opening), *rest)),
        phrase,
        emphasis_name(first),
    )
