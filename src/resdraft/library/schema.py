"""Small typed readers for YAML mappings that record every problem with its file and line."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from resdraft.errors import Problems, Where
from resdraft.model import Placeholder
from resdraft.yamlsource import YDict, YList, no_such_date, why_no_date


def suggest(word: str, choices: Iterable[str], n: int = 3) -> str:
    """'did you mean …?' for the closest choices, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else ""


class Reader:
    """Reads the fields of one YAML mapping, collecting problems instead of stopping at the first."""

    def __init__(self, data: YDict, problems: Problems, what: str) -> None:
        self.data, self.problems, self.what = data, problems, what

    def where(self, key: str | None = None) -> Where:
        return self.data.where(key)

    def unknown(self, allowed: Iterable[str], hint: str = "") -> None:
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                self.problems.add(
                    self.where(key),
                    f"unknown key {key!r} in {self.what}",
                    suggest(key, allowed) or hint or f"allowed keys: {', '.join(allowed)}",
                )

    def _missing(self, key: str) -> None:
        self.problems.add(self.where(), f"{self.what} has no {key!r}", f"add `{key}:`")

    def text(self, key: str, required: bool = False, placeholder: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if placeholder and (found := self.tbd(key)) is not None:
            return found
        if isinstance(value, (YDict, YList)):
            self.problems.add(
                self.where(key),
                f"{key!r} must be text, not a {'mapping' if isinstance(value, dict) else 'list'}",
                "write it on one line after the colon, quoted if it contains ': '",
            )
            return None
        if isinstance(value, bool):
            self.problems.add(self.where(key), f"{key!r} must be text, not {str(value).lower()}", "quote the value")
            return None
        return str(value)

    def tbd(self, key: str) -> Placeholder | None:
        """The placeholder a key's value is (`{tbd: hint}`), else None. One without its hint is a
        problem: `{tbd: }` printed "[TBD: None]"."""
        value = self.data.get(key)
        if not (isinstance(value, YDict) and set(value) == {"tbd"}):
            return None
        hint = "" if value["tbd"] is None else str(value["tbd"])
        if not hint.strip():
            self.problems.add(
                self.where(key),
                f"the placeholder {key!r} says nothing after `tbd:`",
                "write after it what is still to be decided, as {tbd: date of the closing meeting}",
            )
        return Placeholder(hint)

    def number(self, key: str, required: bool = False, minimum: int | None = None, hint: str = "") -> int | None:
        """A whole number; None (and a problem) where it is not one, or is below `minimum`."""
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.add(
                self.where(key), f"{key!r} must be a whole number, not {value!r}", "write the number in figures, e.g. 53"
            )
            return None
        if minimum is not None and value < minimum:
            self.problems.add(self.where(key), f"{key!r} must be {minimum} or more, not {value}", hint)
            return None
        return value

    def date(self, key: str) -> dt.date | Placeholder | None:
        value = self.data.get(key)
        if value is None:
            return None
        if (found := self.tbd(key)) is not None:
            return found
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            if reason := why_no_date(str(value)):  # (quoted, YAML left it text)
                self.problems.extend([no_such_date(self.where(key), f"{key!r}: {value}", reason)])
            else:
                self.problems.add(
                    self.where(key), f"{key!r} must be a date like 2013-09-12, not {value!r}", "write the date as YYYY-MM-DD"
                )
            return None

    def items(self, key: str) -> YList | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, YList):
            self.problems.add(self.where(key), f"{key!r} must be a list", "write one item per line, each starting with '- '")
            return None
        return value

    def mapping(self, key: str) -> YDict | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, YDict):
            self.problems.add(
                self.where(key), f"{key!r} must be a mapping of names to values", "write `name: value` pairs, indented under it"
            )
            return None
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.items(key)
        if items is None:
            return ()
        out = []
        for i, item in enumerate(items):
            if isinstance(item, (YDict, YList)) or item is None:
                self.problems.add(items.where(i), f"each item of {key!r} must be text", "write one word or phrase per item")
            else:
                out.append(str(item))
        return tuple(out)

    def text_map(self, key: str) -> dict[str, str]:
        """A mapping of names to text, such as footnotes."""
        data = self.mapping(key)
        if data is None:
            return {}
        out = {}
        for name, value in data.items():
            if isinstance(value, (YDict, YList)) or value is None:
                self.problems.add(data.where(name), f"{key}.{name} must be text", "write the text after the colon")
            else:
                out[str(name)] = str(value)
        return out
