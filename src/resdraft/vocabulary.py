"""The words of English every sentence has (articles, prepositions, conjunctions, auxiliaries):
what the diff leaves out when it weighs what a paragraph says, lint when it looks for an 'also'
that belongs to the opening, the import when it names a clause, and the PDF reader when it asks
whether a masthead line stops on a word no line ends on. A module of its own, so that none of
those loads the differ to read a word list."""

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "s",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "upon",
        "as",
        "that",
        "this",
        "these",
        "those",
        "which",
        "it",
        "its",
        "their",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "has",
        "have",
        "had",
        "all",
        "any",
        "such",
        "also",
        "further",
        "including",
        "well",
        "other",
    ]
)
