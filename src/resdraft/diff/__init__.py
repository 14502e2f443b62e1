"""The year-over-year diff: align paragraphs between two Resolutions, then words within them."""

from resdraft.diff.compare import compare
from resdraft.diff.model import Diff, HeaderChange, ParagraphChange

__all__ = ["Diff", "HeaderChange", "ParagraphChange", "compare"]
