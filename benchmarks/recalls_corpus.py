"""Which paragraph `resdraft new` names as citing the text before last, guessed, over the 170
year-over-year GA pairs of ../shared/corpus/unga.

A 78th-session text imported alone has no draft of the text it continued, so the paragraph citing
that one is guessed: the first citing a resolution shaped like the text's own symbol, of the three
sessions before it (resdraft/recalls.py). The 79th session's text shows where the right answer
was: the paragraph, aligned with one of the 78th's, where it recalls the 78th-session text. Prints
how many pairs recall it in such a paragraph, and of those, how many the guess names that
paragraph, another, or none; then how many of the other pairs it names one in; then each miss.
Run: python benchmarks/recalls_corpus.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from bench_diff import load_pairs

    from resdraft.diff import compare
    from resdraft.importers.pdftext import parse_pdf_text
    from resdraft.recalls import Series, citable, citation, earlier, named_paragraphs

    named = other = none = rest = rest_named = unshaped = 0
    misses = []
    for a, b in load_pairs():
        old, new = parse_pdf_text(a["text"]), parse_pdf_text(b["text"])
        due = citable(a["symbol"])
        pattern = earlier(due, old.session.number) if due else None
        if due is None or pattern is None:
            unshaped += 1  # (A/RES/78/78: which number is the session's?)
            continue
        series = Series("old", a["symbol"], due, None, None, None, pattern)
        guessed = [name for name, _ in series.stale_in(old)]
        names = {id(p): name for name, p in named_paragraphs(old)}
        diff = compare(old, new)
        recalls = next(
            (
                names.get(id(c.old))
                for c in (*diff.preamble, *diff.operative)
                if c.old is not None and c.new is not None and citation(due).search(c.new.text)
            ),
            None,
        )
        if recalls is None:
            rest += 1
            rest_named += bool(guessed)
        elif guessed[:1] == [recalls]:
            named += 1
        else:
            other += bool(guessed)
            none += not guessed
            misses.append(f"  {a['symbol']}: recalled in {recalls}; named {guessed[0] if guessed else 'none'}")
    print(f"{named + other + none + rest + unshaped} pairs; {unshaped} with a symbol no citation is shaped after")
    print(f"the 79th session's text recalls the 78th's in a paragraph the 78th's had: {named + other + none}")
    print(f"  the guess names that paragraph in {named}, another in {other}, none in {none}")
    print(f"of the other {rest}, the guess names a paragraph in {rest_named}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
