"""Words a diff keeps that the new text sets otherwise: bold become plain, say, as the openings of
AALCO's 2013 preamble against its 2011 draft. Not a change of words, so a paragraph keeps its
status ('unchanged', 'modified'); every output says so beside it (the redline tracks it as a
change of formatting). Only where both texts' formatting was read (a draft, Word, Markdown): a
text read from plain text or a PDF has its openings set as its body's house style sets them, the
opening phrase itself found by its words, so that a setting there tells nothing of the document."""

from __future__ import annotations

import dataclasses

from resdraft.diff.model import Look, ParagraphChange, Restyled
from resdraft.diff.words import Op
from resdraft.model import Content, Footnote, Line, Paragraph, Run

_Settings = list[tuple[int, Look]]


def with_formatting(changes: tuple[ParagraphChange, ...]) -> tuple[ParagraphChange, ...]:
    """The changes, each (and each sub-paragraph) with the words it keeps that the new text sets
    otherwise (`ParagraphChange.formatting`)."""
    return tuple(_with_formatting(change) for change in changes)


def _with_formatting(change: ParagraphChange) -> ParagraphChange:
    subs = with_formatting(change.subparagraphs) if change.subparagraphs else ()
    restyles = restyling(*change.compared)
    if not restyles and all(a is b for a, b in zip(subs, change.subparagraphs, strict=True)):
        return change  # (most paragraphs: nothing to make)
    return dataclasses.replace(change, formatting=restyles, subparagraphs=subs)


def restyling(
    old: Paragraph | Line | Footnote | None, new: Paragraph | Line | Footnote | None, ops: tuple[Op, ...] | list[Op]
) -> tuple[Restyled, ...]:
    """The stretches of words a (sub-)paragraph, a formula or a footnote keeps that the new text
    sets otherwise, each run of words set alike in both texts one stretch ("Mindful of", both words
    bold become plain); the spaces and marks between two such runs go with them, and a space set
    otherwise alone is none."""
    if old is None or new is None or (len(ops) == 1 and ops[0][0] == "equal" and old.content == new.content):
        return ()  # (nor where words and settings are all the same: most paragraphs)
    was, now = _settings(old.content), _settings(new.content)
    if len(was) <= 1 and was == now:  # (one setting throughout, the same: most paragraphs of a UN text)
        return ()
    if not _kept_otherwise(was, now, ops):
        return ()
    new_text = "".join(text for op, text in ops if op != "delete")
    out: list[tuple[int, int, Look, Look]] = []  # (start, end, was, now) in the new text
    at_old = at_new = 0
    for op, text in ops:
        if op == "equal":
            for k in range(len(text)):
                before, after = _at(was, at_old + k), _at(now, at_new + k)
                if before == after or text[k].isspace():
                    continue
                if out and out[-1][2:] == (before, after) and not new_text[out[-1][1] : at_new + k].strip(" ,;:"):
                    out[-1] = (out[-1][0], at_new + k + 1, before, after)
                else:
                    out.append((at_new + k, at_new + k + 1, before, after))
        at_old += 0 if op == "insert" else len(text)
        at_new += 0 if op == "delete" else len(text)
    return tuple(Restyled(new_text[start:end], before, after) for start, end, before, after in out)


def _at(settings: _Settings, at: int) -> Look:
    """The setting in force at a place of the text (settings in order of place, the first at 0)."""
    look = settings[0][1] if settings else (False, False)
    for start, setting in settings:
        if start > at:
            break
        look = setting
    return look


def _settings(content: Content) -> _Settings:
    """Where the setting of some content's words changes, and to what (as `model.looks` finds it,
    without a copy of a run for each)."""
    out: _Settings = []
    at = 0
    for span in content:
        if isinstance(span, Run) and span.text:
            look = (span.bold, span.italic)
            if not out or out[-1][1] != look:
                out.append((at, look))
            at += len(span.text)
    return out


def _kept_otherwise(was: _Settings, now: _Settings, ops: tuple[Op, ...] | list[Op]) -> bool:
    """Whether some words the ops keep read in another setting, or change setting at another
    place, in the new text than in the old. One walk along both texts' settings: the kept
    stretches come in order, so the setting in force at each is found from the last one's; and
    once both texts are in their last setting, alike, so are the words after."""
    if not was or not now:  # one text has no words: a stretch either keeps would read otherwise
        return any(op == "equal" for op, _ in ops)
    i = j = 0  # the old and new settings in force at the stretch's start
    at_old = at_new = 0
    for op, text in ops:
        if op == "insert":
            at_new += len(text)
            continue
        if op == "delete":
            at_old += len(text)
            continue
        end_old, end_new = at_old + len(text), at_new + len(text)
        while i + 1 < len(was) and was[i + 1][0] <= at_old:
            i += 1
        while j + 1 < len(now) and now[j + 1][0] <= at_new:
            j += 1
        while True:  # the stretch's settings, from its start: alike, changing at the same places
            if was[i][1] != now[j][1]:
                return True
            next_old = was[i + 1][0] if i + 1 < len(was) else end_old
            next_new = now[j + 1][0] if j + 1 < len(now) else end_new
            if next_old >= end_old and next_new >= end_new:
                break
            if next_old - at_old != next_new - at_new:
                return True
            i, j = i + 1, j + 1
        if i == len(was) - 1 and j == len(now) - 1:
            return False
        at_old, at_new = end_old, end_new
    return False
