"""Jinja in the sandbox: the environment for templates and clause text, and readable errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import signal
import threading
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from resdraft import sessions
from resdraft.errors import Problem, TemplateError, Where
from resdraft.model import Placeholder, subclause_places
from resdraft.numbering import runs_in
from resdraft.reading import not_utf8

if TYPE_CHECKING:
    from resdraft.model import Clause


def _dated(fn: Callable[[dt.date], str]) -> Callable[[Any], str]:
    def apply(value: Any) -> str:
        if isinstance(value, Placeholder) or value is None:
            return str(value or "")
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            value = dt.date.fromisoformat(str(value))
        return fn(value)

    apply.__doc__ = fn.__doc__
    return apply


def join_and(items: Iterable[Any], conjunction: str = "and") -> str:
    """['A', 'B', 'C'] -> 'A, B and C' (the UN sponsors line has no serial comma)."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _cased(change: Callable[[str], str]) -> Callable[[Any], str]:
    """A case filter (`upper`, `lower`) that leaves each placeholder in the text as written: a
    "[TBD: date of the 53rd-session document]" reads as its author wrote it on a line in capitals."""

    def apply(value: Any) -> str:
        text = str(value)
        out, at = [], 0
        for start, end in Placeholder.holes(text):
            out += [change(text[at:start]), text[start:end]]
            at = end
        out.append(change(text[at:]))
        return "".join(out)

    apply.__doc__ = change.__doc__
    return apply


FILTERS: dict[str, Callable[..., Any]] = {
    "upper": _cased(str.upper),
    "lower": _cased(str.lower),
    "long_date": _dated(sessions.long_date),
    "day_of": _dated(sessions.day_of_date),
    "us_date": _dated(sessions.us_date),
    "join_and": join_and,
    "ordinal": sessions.ordinal_words,
    "ordinal_figure": sessions.ordinal_figure,
}


MAX_MADE = 1_000_000  # characters or items a template's "*" may make ({{ 'x' * 10**10 }} filled the memory)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, its verdict on an attribute kept for each type of object: it depends on
    nothing else (the name, and whether objects of that type are functions, methods, classes,
    code, frames or generators), and rendering a library asks it about the same few attributes
    hundreds of thousands of times. (An object whose `__class__` is not its type, which
    `isinstance` would believe, is asked about afresh each time.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """`*` and `**` within bounds: a text or list repeated to at most MAX_MADE, a power of at most
        a thousand digits ({{ 10**10**8 }} would compute for hours)."""
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_MADE:
                    raise jinja2.exceptions.SecurityError(f"a text or list repeated to more than {MAX_MADE:,} long")
            return left * right
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * (abs(left).bit_length()) > 3400:
            raise jinja2.exceptions.SecurityError("a power of more than a thousand digits")
        return left**right

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        kind = type(obj)
        if getattr(obj, "__class__", None) is not kind:
            return super().is_safe_attribute(obj, attr, value)
        key = (kind, attr)
        if (safe := self._safe.get(key)) is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


RENDER_SECONDS = 10.0  # the longest one template or snippet may run: a library's whole build takes under a second


class _TooLong(jinja2.exceptions.TemplateRuntimeError):
    """A template still running after RENDER_SECONDS: loops within loops (the sandbox bounds each
    `range` to 100,000, not a loop inside another: {% for i in range(99999) %}{% for j in
    range(99999) %}… ran for hours)."""


_timed = False  # whether a render's time is already being kept (a template renders no other in turn, as yet)


@contextlib.contextmanager
def _time_limit() -> Iterator[None]:
    """Stop a render that runs past RENDER_SECONDS with _TooLong, where the process can be told to
    (a Unix timer signal, in the main thread); elsewhere, and inside a render already timed, run as is."""
    global _timed
    if _timed or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TooLong(f"it ran for more than {RENDER_SECONDS:g} seconds")

    before = signal.signal(signal.SIGALRM, stop)
    _timed = True
    try:
        signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
        _timed = False


class _KeyMissing(str):
    """An undefined variable's message, where it was looked up in a mapping (a draft's facts:
    `draft.symbl`), with the mapping's keys, for `describe` to say what was meant."""

    known: list[str]


class _Strict(jinja2.StrictUndefined):
    """An undefined variable is an error, its message a `_KeyMissing` where a mapping lacked it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        message = super()._undefined_message
        if isinstance(self._undefined_obj, Mapping) and isinstance(self._undefined_name, str):
            message = _KeyMissing(message)
            message.known = sorted(k for k in self._undefined_obj if isinstance(k, str))
        return message


def environment(templates: Path | None = None, filters: Mapping[str, Callable[..., Any]] | None = None) -> SandboxedEnvironment:
    """A sandboxed Jinja environment where an undefined variable is an error."""
    env = _Sandbox(
        loader=jinja2.FileSystemLoader(str(templates)) if templates else None,
        undefined=_Strict,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    # A heading's numeral printed on the line of its words ("Action 1."): {% if p.label is run_in %}.
    env.tests["run_in"] = lambda label: bool(label) and runs_in(label)
    if filters:
        env.filters.update(filters)
    return env


def template_line(exc: BaseException) -> tuple[str | None, int]:
    """The template file and line where a Jinja render error happened (Jinja rewrites the traceback)."""
    found: tuple[str | None, int] = (None, 0)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>" or frame.filename.endswith((".j2", ".jinja")):
            found = (frame.filename, frame.lineno or 0)
    return found


# What rendering a user's template can raise: Jinja's own errors, the sandbox's refusals, and
# what an expression raises as Python evaluates it ({{ session.number // 0 }}, {{ 1 + "x" }}).
# A template that extends, includes or calls itself without end raises RecursionError.
RENDER_ERRORS = (
    jinja2.TemplateError,
    jinja2.exceptions.SecurityError,
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    RecursionError,
)


_NO_ATTRIBUTE = re.compile(r"^'(?P<kind>[\w.]+) object' has no attribute '(?P<name>[^']*)'$")
_NO_KEY = re.compile(r"^'dict object' has no attribute '(?P<name>[^']*)'$")  # (a mapping's key, looked up as draft.symbl)


def _attributes(kind: str) -> list[str]:
    """What a template may read of an object of resdraft's type `kind` ('resdraft.model.Session'):
    its fields and properties; none for another type."""
    import dataclasses
    import importlib

    module, _, name = kind.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), name, None) if module.startswith("resdraft.") else None
    except ImportError:  # (a class defined inside another: its path names no module)
        cls = None
    if not isinstance(cls, type):
        return []
    fields = [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else []
    return sorted({*fields, *(n for n in dir(cls) if not n.startswith("_") and isinstance(getattr(cls, n), property))})


def describe(exc: Exception) -> tuple[str, str]:
    """A message and a hint for a Jinja error."""
    if isinstance(exc, jinja2.UndefinedError):
        m = _NO_ATTRIBUTE.match(exc.message or "")
        if m is not None and (known := _attributes(m.group("kind"))):  # {{ session.bogus }}
            from resdraft.library.schema import suggest

            kind = m.group("kind").rpartition(".")[2].lower()
            hint = suggest(m.group("name"), known) or "fix its spelling"
            return (
                f"undefined template variable: a {kind} has no {m.group('name')!r}",
                f"{hint} (a {kind} has {join_and([f'.{n}' for n in known])})",
            )
        if isinstance(exc.message, _KeyMissing) and (m := _NO_KEY.match(exc.message)):  # {{ draft.symbl }}
            from resdraft.library.schema import suggest

            name, known = m.group("name"), exc.message.known
            return (
                f"undefined template variable: no {name!r} among {join_and(known)}",
                suggest(name, known) or "fix its spelling, or give the draft that fact",
            )
        return (
            f"undefined template variable: {exc.message}",
            "define it under `variables:` in the draft, or fix its spelling",
        )
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"template syntax error: {exc.message}", "fix the Jinja syntax ({{ ... }} and {% ... %} must be closed)"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"not allowed in a template: {exc}", "templates run in a sandbox; use plain variables and filters"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"template not found: {exc.name}", "check the template's name and the body's templates folder"
    if isinstance(exc, _TooLong):
        return (
            f"the template does not finish: {exc.message}",
            "take out the loop inside a loop: each may run 100,000 times, and the two ten thousand million",
        )
    if isinstance(exc, RecursionError):
        return (
            "the template never ends: it extends or includes itself, or a macro calls itself without end",
            "take the loop out: a template extends or includes another, and a macro stops calling itself",
        )
    return f"template error: {exc}", "check the template expression"


_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def clause_syntax_problems(clause: Clause, env: SandboxedEnvironment | None = None) -> list[Problem]:
    """Jinja syntax errors in a clause's snippets (a syntax error stops every build that uses it),
    each at the line building tells it: a sub-paragraph's own, else the clause's text line."""
    where = clause.text_where or clause.where
    places = [
        (clause.text, where),
        (clause.opening or "", where),
        *((note, where) for note in clause.footnotes.values()),
        *subclause_places(clause.subparagraphs, where),
    ]
    env = env or environment()
    problems = []
    for text, at in places:
        if "{" not in text:
            continue
        try:
            env.parse(text)
        except jinja2.TemplateSyntaxError as e:
            message, hint = describe(e)
            problems.append(Problem(at, f"clause {clause.id}: {message}", hint))
    return problems


def clause_name_problems(
    clause: Clause, provided: Collection[str], variables: Collection[str] | None, env: SandboxedEnvironment | None = None
) -> list[Problem]:
    """Names a clause's Jinja reads that no draft can give it, found without building a draft (so a
    clause no draft uses yet is checked too): a name that is neither resdraft's (`provided`: session,
    draft, …) nor one of `variables` (those the library's drafts define; None where they are not
    known, and then only a name that looks like a misspelt resdraft name counts), and an attribute
    a session has not ({{ session.nxt.ordinal }}). Snippets with syntax errors are left to
    `clause_syntax_problems`."""
    from jinja2 import meta, nodes

    from resdraft.library.schema import suggest
    from resdraft.model import Session

    env = env or environment()
    has = _attributes(f"{Session.__module__}.{Session.__qualname__}")
    where = clause.text_where or clause.where
    problems = []
    for text in (t for t in clause.snippets() if "{" in t):
        try:
            tree = env.parse(text)
        except jinja2.TemplateSyntaxError:
            continue
        for name in sorted(meta.find_undeclared_variables(tree) - set(provided) - set(env.globals)):
            hint = suggest(name, provided)
            if (name in variables) if variables is not None else not hint:  # (unknown variables: only a misspelling)
                continue
            problems.append(
                Problem(
                    where,
                    f"clause {clause.id}: undefined template variable: {name!r} is undefined",
                    hint or "define it under `variables:` in the drafts that use the clause, or fix its spelling",
                )
            )
        for node in tree.find_all(nodes.Getattr):
            chain = node.node  # {{ session.next.nxt }}: an attribute of a session, or of the one before or after
            while isinstance(chain, nodes.Getattr) and chain.attr in ("next", "previous"):
                chain = chain.node
            if isinstance(chain, nodes.Name) and chain.name == "session" and node.attr not in has:
                problems.append(
                    Problem(
                        where,
                        f"clause {clause.id}: undefined template variable: a session has no {node.attr!r}",
                        f"{suggest(node.attr, has) or 'fix its spelling'} (a session has {join_and([f'.{n}' for n in has])})",
                    )
                )
    return problems


class StringTemplates:
    """Compiles and caches the Jinja snippets in clauses, formulas and header lines.

    Most snippets are text with a few `{{ expression }}`s; those are evaluated expression by
    expression, each compiled once (a library repeats the same few expressions), which keeps
    a 300-paragraph build fast. Anything with statements goes through a full template.
    """

    def __init__(self, env: SandboxedEnvironment) -> None:
        self.env = env
        self._templates: dict[str, jinja2.Template] = {}
        self._expressions: dict[str, Any] = {}

    def _expression(self, source: str) -> Any:
        compiled = self._expressions.get(source)
        if compiled is None:
            compiled = self._expressions[source] = self.env.compile_expression(source, undefined_to_none=False)
        return compiled

    def _render(self, source: str, context: Mapping[str, Any]) -> str:
        if "{%" not in source and "{#" not in source:
            parts = _EXPRESSION.split(source)
            if "{{" not in parts[-1] and all("{{" not in p and "}}" not in p for p in parts[::2]):
                out = []
                for i, part in enumerate(parts):
                    if i % 2 == 0:
                        out.append(part)
                        continue
                    try:
                        out.append(str(self._expression(part)(**context)))
                    except RENDER_ERRORS as e:
                        e.snippet_line = "".join(parts[:i]).count("\n") + 1  # type: ignore[union-attr]
                        raise
                return "".join(out)
        template = self._templates.get(source)
        if template is None:
            template = self._templates[source] = self.env.from_string(source)
        with _time_limit():
            return template.render(context)

    def render(self, source: str, context: Mapping[str, Any], where: Where | None) -> str:
        """Render one snippet; errors name the YAML file and line it came from."""
        if "{" not in source:
            return source
        try:
            return self._render(source, context)
        except RENDER_ERRORS as e:
            raise _located(e, where) from None

    def evaluate(self, expression: str, context: Mapping[str, Any], where: Where | None) -> Any:
        """The value of a Jinja expression (a header line's `each:`); errors name the YAML file and line."""
        try:
            value = self._expression(expression)(**context)
            if isinstance(value, jinja2.Undefined):
                str(value)  # (a name nothing defines: its error)
            return value
        except RENDER_ERRORS as e:
            raise _located(e, where) from None


def _located(e: Exception, where: Where | None) -> TemplateError:
    """A Jinja error as a TemplateError at the YAML line of the snippet's line it arose on."""
    message, hint = describe(e)
    if isinstance(e, jinja2.TemplateSyntaxError):
        return TemplateError(Problem(_shift(where, e.lineno), message, hint))
    line = getattr(e, "snippet_line", None) or template_line(e)[1]
    return TemplateError(Problem(_shift(where, line), message, hint))


_SNIPPETS: StringTemplates | None = None


def snippets() -> StringTemplates:
    """The shared snippet renderer (one sandboxed environment per process, caches kept)."""
    global _SNIPPETS
    if _SNIPPETS is None:
        _SNIPPETS = StringTemplates(environment())
    return _SNIPPETS


def _shift(where: Where | None, lineno: int | None) -> Where | None:
    """The YAML line of a snippet's nth line (snippets usually sit on one line)."""
    if where is None or not lineno or lineno <= 1:
        return where
    return Where(where.path, where.line + lineno - 1)


def render_file(env: SandboxedEnvironment, name: str, context: Mapping[str, Any], root: Path) -> str:
    """Render a template file; errors name the template file and line."""
    try:
        template = env.get_template(name)
        with _time_limit():
            return template.render(context)
    except jinja2.TemplateSyntaxError as e:
        message, hint = describe(e)
        path = Path(e.filename) if e.filename else root / name
        raise TemplateError(Problem(Where(path, e.lineno or 0), message, hint)) from None
    except UnicodeDecodeError as e:  # (the loader reads the file: it is the template's own, or one it includes)
        raise TemplateError(not_utf8(root / name, e)) from None
    except RENDER_ERRORS as e:
        message, hint = describe(e)
        filename, line = template_line(e)
        path = Path(filename) if filename and filename != "<template>" else root / name
        raise TemplateError(Problem(Where(path, line), message, hint)) from None


def layout(env: SandboxedEnvironment, name: str) -> str:
    """The template that lays out what `name` prints: the one at the top of the chain it extends
    (`{% extends "_base/resolution.md.j2" %}`), or `name` itself. A template that extends another
    prints only the blocks it fills, inside its layout."""
    assert env.loader is not None
    seen = {name}
    while True:
        source = env.loader.get_source(env, name)[0]
        parents = [node.template for node in env.parse(source).find_all(jinja2.nodes.Extends)]
        if len(parents) != 1 or not isinstance(parents[0], jinja2.nodes.Const) or parents[0].value in seen:
            return name  # (none, or one chosen as it renders: the template is as far as can be told)
        name = str(parents[0].value)
        seen.add(name)
