"""A body's drafting-style rules (templates/BODY/lint.yaml over templates/_base/lint.yaml): severities and word lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from resdraft.errors import Problems, Where
from resdraft.library.schema import Reader, suggest
from resdraft.yamlsource import YDict, YList, load_yaml, read_layers

# Every rule `resdraft lint` knows, with what it checks.
RULES: dict[str, str] = {
    "preamble-opening": "a preambular paragraph opens with a participle or adjective",
    "operative-opening": "an operative paragraph opens with a verb in the body's form",
    "paragraph-end": "each paragraph ends with the mark of the body's punctuation chain",
    "label-sequence": "printed labels run in order",
    "repeated-opening": "a repeated opening is written 'also', then 'further'",
    "session-reference": "an ordinal session reference is the previous, this or one of the next sessions",
    "session-literal": "clause text leaves session ordinals to Jinja",
    "session-passed": "a draft does not name as to come a session its session has reached",
    "former-name": "a text after a body's renaming uses its new name",
    "previous-resolution": "a draft recalls the text it continues, not the one that text recalled",
    "citation-form": "resolutions are cited as 'resolution 63/194 of 18 December 2008'",
    "unbalanced-quotes": "quotation marks come in pairs",
    "unbalanced-brackets": "brackets come in pairs",
    "double-space": "no two spaces in a row",
    "footnote-marker": "every footnote marker has its footnote",
    "typed-numeral": "a draft leaves section numerals a count gives to `heading: I`",
    "agenda-titles": "each agenda item the masthead names has its title under it",
}
FORMS = ("third-person", "base")
LINT_KEYS = ("rules", "preamble", "operative", "repeats", "repeat_scope", "sessions")
REPEAT_SCOPES = ("consecutive", "part")
PREAMBLE_KEYS = ("openings", "extra_openings", "endings", "adverbs")
OPERATIVE_KEYS = ("form", "verbs", "extra_verbs", "adverbs", "set_forms")
SESSION_KEYS = ("agreement", "words", "window", "ahead")

Severity = Literal["error", "warning", "off"]
_SEVERITY: dict[str | bool, Severity] = {
    "error": "error",
    "warning": "warning",
    "off": "off",
    False: "off",
}  # YAML reads `off` as false


@dataclass(frozen=True)
class LintRules:
    """What `resdraft lint` checks for one body, with every word list lower-cased."""

    body: str
    severities: Mapping[str, Severity]
    preamble_openings: frozenset[str]
    participle_endings: tuple[str, ...]
    preamble_adverbs: frozenset[str]
    operative_form: Literal["third-person", "base"]
    operative_verbs: frozenset[str]
    operative_adverbs: frozenset[str]
    set_forms: tuple[str, ...]  # paragraphs worded by practice, which no repeat is counted against (lower case)
    repeats: tuple[str, ...]
    repeat_scope: str
    session_agreement: bool
    session_words: tuple[str, ...]
    session_window: int
    session_ahead: int = 1
    # Rules neither of the library's lint.yaml files lists, off as a rule left out is (one newer than
    # the library's files), each with the severity resdraft's own lint.yaml gives it; and the
    # library's shared lint.yaml, where they go.
    unlisted: tuple[tuple[str, Severity], ...] = ()
    listed_in: Where | None = None

    def severity(self, rule: str) -> Severity:
        """How a rule reports: 'error', 'warning' or 'off'."""
        if rule in ("session-reference", "session-literal", "session-passed") and not self.session_agreement:
            return "off"
        return self.severities.get(rule, "off")


def _strings(value: Any, where: Where, what: str, problems: Problems) -> list[str] | None:
    """A list of words or phrases; None (with a problem) when it is anything else."""
    if not isinstance(value, YList) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(
            where, f"{what} must be a list of words or phrases", f"write `{what.rpartition('.')[2]}: [Word, Other word]`"
        )
        return None
    return [" ".join(v.lower().split()) for v in value]


class _Merged:
    """The settings as read so far: the shared file, then the body's file over it."""

    def __init__(self) -> None:
        self.severities: dict[str, Severity] = {}
        self.lists: dict[str, list[str]] = {}
        self.form: Literal["third-person", "base"] = "third-person"
        self.agreement = True
        self.window = 10
        self.ahead = 1
        self.repeat_scope = "consecutive"

    def read(self, data: YDict, problems: Problems) -> None:
        name = data.path.name
        r = Reader(data, problems, name)
        r.unknown(LINT_KEYS)
        if (rules := r.mapping("rules")) is not None:
            for rule, given in rules.items():
                severity = _SEVERITY.get(given) if isinstance(given, (str, bool)) else None
                if rule not in RULES:
                    problems.add(
                        rules.where(rule),
                        f"unknown rule {rule!r} in {name}",
                        suggest(rule, RULES) or f"rules: {', '.join(RULES)}",
                    )
                elif severity is None:
                    problems.add(rules.where(rule), f"rule {rule}: severity must be error, warning or off, not {given!r}")
                else:
                    self.severities[rule] = severity
        if (pre := r.mapping("preamble")) is not None:
            self._lists(pre, PREAMBLE_KEYS, "preamble", problems, {"openings", "endings", "adverbs"})
        if (op := r.mapping("operative")) is not None:
            self._lists(op, OPERATIVE_KEYS, "operative", problems, {"verbs", "adverbs", "set_forms"})
            if "form" in op:
                if op["form"] in FORMS:
                    self.form = op["form"]
                else:
                    problems.add(op.where("form"), f"operative.form must be third-person or base, not {op['form']!r}",
                                 'third-person: "Urges"; base: "Urge"')  # fmt: skip
        if "repeats" in data and (words := _strings(data["repeats"], r.where("repeats"), "repeats", problems)) is not None:
            self.lists["repeats"] = words
        if "repeat_scope" in data:
            if data["repeat_scope"] in REPEAT_SCOPES:
                self.repeat_scope = data["repeat_scope"]
            else:
                problems.add(
                    r.where("repeat_scope"),
                    f"repeat_scope must be consecutive or part, not {data['repeat_scope']!r}",
                    "consecutive: only paragraphs in a row; part: anywhere in the preamble or operative part",
                )
        if (sessions := r.mapping("sessions")) is not None:
            sr = Reader(sessions, problems, "sessions")
            sr.unknown(SESSION_KEYS)
            if "agreement" in sessions:
                if isinstance(sessions["agreement"], bool):
                    self.agreement = sessions["agreement"]
                else:
                    problems.add(sr.where("agreement"), "sessions.agreement must be true or false")
            if "words" in sessions and (words := _strings(sessions["words"], sr.where("words"), "sessions.words", problems)):
                self.lists["sessions.words"] = words
            if "window" in sessions:
                window = sr.number("window")
                if window is not None and window < 1:
                    problems.add(sr.where("window"), "sessions.window must be 1 or more")
                elif window is not None:
                    self.window = window
            if "ahead" in sessions:
                ahead = sr.number("ahead")
                if ahead is not None and ahead < 1:
                    problems.add(sr.where("ahead"), "sessions.ahead must be 1 or more", "1: the next session only")
                elif ahead is not None:
                    self.ahead = ahead

    def _lists(self, data: YDict, keys: tuple[str, ...], part: str, problems: Problems, own: set[str]) -> None:
        Reader(data, problems, part).unknown(keys)
        for key in keys:
            if key == "form" or key not in data:
                continue
            words = _strings(data[key], data.where(key), f"{part}.{key}", problems)
            if words is None:
                continue
            if key in own:
                self.lists[f"{part}.{key}"] = words
            else:  # extra_openings, extra_verbs add to the list they name
                target = f"{part}.{key.removeprefix('extra_')}"
                self.lists[target] = [*self.lists.get(target, []), *words]


def starter_base() -> Path:
    """The shared lint.yaml that ships with resdraft, used when a library has none of its own."""
    with resources.as_file(resources.files("resdraft") / "starter" / "templates" / "_base" / "lint.yaml") as path:
        return Path(path)


def read_lint_rules(key: str, templates: Path, problems: Problems) -> LintRules | None:
    """The lint rules of a body: templates/_base/lint.yaml, then templates/KEY/lint.yaml over it."""
    base = templates / "_base" / "lint.yaml"
    paths = [base if base.is_file() else starter_base(), templates / key / "lint.yaml"]
    layers = read_layers(paths, problems, "rules:, preamble:, operative:, repeats:, sessions:")
    if layers is None:
        return None
    merged = _Merged()
    for data in layers:
        merged.read(data, problems)
    lists = merged.lists
    return LintRules(
        body=key,
        severities={rule: merged.severities.get(rule, "off") for rule in RULES},
        preamble_openings=frozenset(lists.get("preamble.openings", [])),
        participle_endings=tuple(lists.get("preamble.endings", [])),
        preamble_adverbs=frozenset(lists.get("preamble.adverbs", [])),
        operative_form=merged.form,
        operative_verbs=frozenset(lists.get("operative.verbs", [])),
        operative_adverbs=frozenset(lists.get("operative.adverbs", [])),
        set_forms=tuple(lists.get("operative.set_forms", [])),
        repeats=tuple(lists.get("repeats", [])),
        repeat_scope=merged.repeat_scope,
        session_agreement=merged.agreement,
        session_words=tuple(lists.get("sessions.words", ["session"])),
        session_window=merged.window,
        session_ahead=merged.ahead,
        unlisted=_unlisted(merged.severities) if paths[0] == base else (),
        listed_in=Where(base) if paths[0] == base else None,
    )


def _unlisted(listed: Mapping[str, Severity]) -> tuple[tuple[str, Severity], ...]:
    """The rules a library's lint.yaml files leave out, with the severity the stock file gives each."""
    missing = [rule for rule in RULES if rule not in listed]
    if not missing:
        return ()
    stock = _Merged()
    stock.read(load_yaml(starter_base()), Problems())
    return tuple((rule, stock.severities.get(rule, "off")) for rule in missing)
