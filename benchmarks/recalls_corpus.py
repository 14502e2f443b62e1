"""Which paragraph `resdraft new` names as citing the text before last, guessed, over the 170
year-over-year GA pairs of ../shared/corpus/unga.

A 78th-session text imported alone has no draft of the text it continued, so the paragraph citing
that one is guessed: the first citing a resolution shaped like the text's own symbol, of the three
sessions before it (resdraft/recalls.py). The 79th session's text shows where the right answer
was: the paragraphs, aligned with the 78th's, where it recalls the 78th-session text. Prints
how many pairs recall it in such paragraphs, and of those, in how many the guess names every
such paragraph, some, or none, and how many other paragraphs it names; then how many of the
other pairs it names one in; then each miss.
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

    every = some = none = rest = rest_named = unshaped = extra = 0
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
        recalls = [
            name
            for c in (*diff.preamble, *diff.operative)
            if c.old is not None
            and c.new is not None
            and citation(due).search(c.new.text)
            and (name := names.get(id(c.old))) is not None
        ]
        if not recalls:
            rest += 1
            rest_named += bool(guessed)
            continue
        found = set(recalls) & set(guessed)
        extra += len(set(guessed) - set(recalls))
        if found == set(recalls):
            every += 1
        else:
            some += bool(found)
            none += not found
            misses.append(f"  {a['symbol']}: recalled in {', '.join(recalls)}; named {', '.join(guessed) or 'none'}")
    print(f"{every + some + none + rest + unshaped} pairs; {unshaped} with a symbol no citation is shaped after")
    print(f"the 79th session's text recalls the 78th's in paragraphs the 78th's had: {every + some + none}")
    print(f"  the guess names every such paragraph in {every}, some in {some}, none in {none}")
    print(f"  paragraphs it names besides, in those pairs: {extra}")
    print(f"of the other {rest}, the guess names a paragraph in {rest_named}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
