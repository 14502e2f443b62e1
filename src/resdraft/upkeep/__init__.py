"""Library upkeep: find, inspect, de-duplicate, rename, merge, add, edit and format the clauses of a library.

Every function takes the library as a folder (or a file inside it, or a loaded Library) and opens
it through the cache of parsed files (resdraft.cache), so that a library of tens of thousands of
clauses answers a search in milliseconds once it has been read. Changes are planned for every file
first, checked, and written all together or not at all. `report` turns each result into text.

The names below are imported on first use, so that `resdraft clauses search` loads only the
search path (a search must answer in under 200 ms, start-up included).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resdraft.upkeep.browse import ClauseView, list_clauses, show_clause, usage
    from resdraft.upkeep.changes import Changes, add, edit, merge, rename
    from resdraft.upkeep.duplicates import DEFAULT_THRESHOLD, Duplicate, dupes
    from resdraft.upkeep.index import ClauseEntry, UseSite
    from resdraft.upkeep.layout import FormatReport, fmt
    from resdraft.upkeep.lineage import Lineage, Step, history
    from resdraft.upkeep.query import Hit, search

_HOME = {
    "ClauseView": "browse",
    "Lineage": "lineage",
    "list_clauses": "browse",
    "show_clause": "browse",
    "usage": "browse",
    "DEFAULT_THRESHOLD": "duplicates",
    "Duplicate": "duplicates",
    "dupes": "duplicates",
    "Changes": "changes",
    "add": "changes",
    "edit": "changes",
    "merge": "changes",
    "rename": "changes",
    "Step": "lineage",
    "history": "lineage",
    "ClauseEntry": "index",
    "UseSite": "index",
    "FormatReport": "layout",
    "fmt": "layout",
    "Hit": "query",
    "search": "query",
}
__all__ = [
    "DEFAULT_THRESHOLD",
    "Changes",
    "ClauseEntry",
    "ClauseView",
    "Duplicate",
    "FormatReport",
    "Hit",
    "Lineage",
    "Step",
    "UseSite",
    "add",
    "dupes",
    "edit",
    "fmt",
    "history",
    "list_clauses",
    "merge",
    "rename",
    "search",
    "show_clause",
    "usage",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"resdraft.upkeep.{_HOME[name]}"), name)
    globals()[name] = value
    return value
