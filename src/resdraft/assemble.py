"""Assembly: a validated draft, the clause library and the body's house style become a Resolution."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from resdraft.errors import LibraryError, Problem, Problems, TemplateError, Where
from resdraft.inline import merge, parse_inline
from resdraft.library.bodies import BodyStyle, TemplateLine, paragraph_mark
from resdraft.library.project import Library
from resdraft.library.schema import suggest
from resdraft.model import (
    Content,
    Draft,
    Footnote,
    Line,
    Paragraph,
    Resolution,
    Run,
    Session,
    SubClause,
    Use,
    opening_space,
)
from resdraft.numbering import label, paragraph_numbers
from resdraft.templating import StringTemplates, snippets

RESERVED = ("session", "draft", "date", "body")
_TRAILING_ANCHORS = re.compile(r"(?:\[\^[^\]\s]+\])*$")


def _trailing_anchors(text: str) -> tuple[str, str]:
    """A paragraph's words, and the footnote anchors that end it ("… persons.[^1][^2]"): they go
    after the paragraph's closing mark. Anchors hold no space, so they are looked for only in its
    last word (searching the whole text for them from every place took 40 µs a paragraph)."""
    words = text.rstrip()
    last = words.rsplit(None, 1)[-1] if words else ""
    found = _TRAILING_ANCHORS.search(words, len(words) - len(last))
    assert found is not None  # (the pattern matches at the end of any text)
    return words[: found.start()].rstrip(), found.group()


@dataclass(frozen=True)
class _Slot:
    """One paragraph to build: its words before numbering and punctuation are applied."""

    opening: str | None
    text: str
    subparagraphs: tuple[SubClause, ...]
    footnotes: Mapping[str, str]
    end: str | None
    emphasis: str | None
    clause_id: str | None
    where: Where | None
    opening_where: Where | None = None  # where the opening is written, where not at `where` (a draft's override)


class _Footnotes:
    """Numbers footnotes in order of first anchor; symbol keys ('*', '†') keep their symbol."""

    def __init__(self, templates: StringTemplates, context: Mapping[str, Any]) -> None:
        self.templates, self.context = templates, context
        self.notes: list[Footnote] = []
        self.count = 0

    def resolver(self, notes: Mapping[str, str], where: Where | None, what: str) -> Any:
        def marker(key: str) -> str:
            if key not in notes:
                raise TemplateError(
                    Problem(where, f"{what}: footnote anchor [^{key}] has no footnote", f"add `{key}: …` under `footnotes:`")
                )
            if key.isalnum():
                self.count += 1
                mark = str(self.count)
            else:
                mark = key
            text = self.templates.render(notes[key], self.context, where)
            self.notes.append(Footnote(mark, parse_inline(text.strip())))
            return mark

        return marker


class Assembler:
    """Builds one Resolution; holds the per-build state (footnote counter, compiled snippets)."""

    def __init__(self, draft: Draft, style: BodyStyle, library: Library) -> None:
        self.draft, self.style, self.library = draft, style, library
        self.templates = snippets()
        self.context = build_context(draft, style)
        self.footnotes = _Footnotes(self.templates, self.context)
        self.used_draft_notes: set[str] = set()

    def render(self, source: str, where: Where | None, context: Mapping[str, Any] | None = None) -> str:
        return self.templates.render(source, self.context if context is None else context, where).strip()

    # ------------------------------------------------------------ header and formulas

    def line(
        self,
        role: str,
        source: str,
        where: Where | None,
        label: str = "",
        label_where: Where | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> Line | None:
        text = self.render(source, where, context)
        if not text:
            return None
        number = self.render(label, label_where or where, context) if label else ""
        resolve = self.footnotes.resolver(self.draft.footnotes, where, f"{role} line")

        def marker(key: str) -> str:
            self.used_draft_notes.add(key)
            return str(resolve(key))

        return Line(role, parse_inline(text, marker), number or None)

    def header_line(self, template: TemplateLine) -> list[Line]:
        """The lines of a line of the header block: the draft's own text for its role (`header:`),
        else the body's, for each item of its `each:` where it has one."""
        if template.role in self.draft.header:
            where = self.draft.lines.get(f"header.{template.role}")
            lines = [self.line(template.role, self.draft.header[template.role], where)]
        else:
            lines = [self.line(template.role, template.text, template.where, context=c) for c in self.each(template)]
        return [x for x in lines if x]

    def each(self, template: TemplateLine) -> list[Mapping[str, Any]]:
        """What a template line's text sees, once for each line it stands for: the draft's context,
        with `item` where the line has `each:` (one for text, none for nothing, one per entry of a list)."""
        if not template.each:
            return [self.context]
        value = self.templates.evaluate(template.each, self.context, template.each_where)
        items = () if value is None or value == "" else value if isinstance(value, (list, tuple)) else (value,)
        return [{**self.context, "item": item} for item in items]

    def formula(self, role: str) -> Line | None:
        if role in self.draft.formulas:
            return self.line(role, self.draft.formulas[role], self.draft.lines.get("formulas"))
        source = self.style.formulas.get(role)
        return self.line(role, source, self.style.formula_lines.get(role, self.style.where)) if source else None

    # ------------------------------------------------------------ paragraphs

    def slot(self, use: Use) -> _Slot:
        clause = self.library.clauses.get(use.clause) if use.clause else None
        if use.clause and clause is None:  # validation reports this first; keep assembly safe anyway
            raise TemplateError(Problem(use.where, f"unknown clause id {use.clause!r}"))
        return _Slot(
            opening=use.opening if use.opening is not None else (clause.opening if clause else None),
            text=use.text if use.text is not None else (clause.text if clause else ""),
            subparagraphs=use.subparagraphs if use.subparagraphs is not None else (clause.subparagraphs if clause else ()),
            footnotes={**(clause.footnotes if clause else {}), **use.footnotes},
            end=use.end,
            emphasis=use.emphasis,
            clause_id=clause.id if clause else None,
            where=use.where if (use.text is not None or clause is None) else (clause.text_where or clause.where),
            opening_where=use.opening_where if use.opening is not None else None,
        )

    def paragraph(
        self, slot: _Slot, role: str, mark: str, level: int, lab: str | None, number: int | None, sub_labels: tuple[str, ...]
    ) -> Paragraph:
        p = self.style.punctuation
        own_mark = slot.end if slot.end is not None else (p["introduces"] if slot.subparagraphs else mark)
        # (a clause's problem names the clause once, with the draft line using it: `used_at`)
        marker = self.footnotes.resolver(slot.footnotes, slot.where, "paragraph")
        text = self.render(slot.text, slot.where)
        words, anchors = _trailing_anchors(text)
        parts: list[Content] = []
        opening = self.render(slot.opening, slot.opening_where or slot.where) if slot.opening else None
        if opening:
            emphasis = slot.emphasis or self.style.emphasis.get("subparagraph" if level else role, "none")
            parts.append((Run(opening, italic="italic" in emphasis, bold="bold" in emphasis, opening=True),))
            if opening_space(words):
                parts.append((Run(" "),))
        parts.append(parse_inline(words, marker))
        parts.append((Run(own_mark),) if own_mark else ())
        parts.append(parse_inline(anchors, marker))
        subs = self.subparagraphs(slot, mark, level + 1, sub_labels)
        return Paragraph(
            role="subparagraph" if level else role,  # type: ignore[arg-type]
            content=merge(*parts),
            level=level,
            label=lab,
            number=number,
            opening=opening,
            subparagraphs=subs,
            clause_id=slot.clause_id,
        )

    def subparagraphs(self, parent: _Slot, parent_mark: str, level: int, sub_labels: tuple[str, ...]) -> tuple[Paragraph, ...]:
        subs = parent.subparagraphs
        pattern = sub_labels[level - 1] if level - 1 < len(sub_labels) else None
        out = []
        for i, sub in enumerate(subs, start=1):
            last = i == len(subs)
            slot = _Slot(
                sub.opening, sub.text, sub.subparagraphs, parent.footnotes, sub.end, None, None, sub.where or parent.where
            )
            mark = parent_mark if last else self.style.punctuation["subparagraph"]
            out.append(
                self.paragraph(slot, "subparagraph", mark, level, label(pattern, i) if pattern else None, None, sub_labels)
            )
        return tuple(out)

    def part(self, uses: tuple[Use, ...], role: str) -> tuple[Paragraph, ...]:
        p = self.style.punctuation
        numbering = self.style.numbering
        pattern = numbering.operative if role == "operative" else None
        sub_labels = numbering.sublabels(role)
        out = []
        given = paragraph_numbers((use.numbered, use.number, use.heading) for use in uses)
        for i, (use, n) in enumerate(zip(uses, given, strict=True), start=1):
            last = i == len(uses)
            mark = paragraph_mark(p, role, last, use.heading is not None)
            if isinstance(n, int):
                number, lab = (n, label(pattern, n)) if pattern else (None, None)
            else:
                number, lab = None, n if use.heading is not None else use.label
            own = sub_labels if use.numbering is None else (*use.numbering, *sub_labels[len(use.numbering) :])
            try:
                made = self.paragraph(self.slot(use), role, mark, 0, lab, number, own)
                out.append(replace(made, heading=True) if use.heading is True else made)
            except TemplateError as e:
                raise used_at(e, use) from None
        return tuple(out)

    # ------------------------------------------------------------ the whole

    def build(self) -> Resolution:
        header = tuple(x for t in self.style.header for x in self.header_line(t))
        title = tuple(
            x
            for t in self.style.title
            for c in self.each(t)
            if (x := self.line(t.role, t.text, t.where, t.label, t.label_where, c))
        )
        enacting = self.formula("enacting")
        preamble = self.part(self.draft.preamble, "preambular")
        transition = self.formula("transition")
        operative = self.part(self.draft.operative, "operative")
        closing = self.formula("closing")
        unused = [key for key in self.draft.footnotes if key not in self.used_draft_notes]
        if unused:
            raise TemplateError(
                *(
                    Problem(
                        self.draft.lines.get("footnotes", self.draft.where),
                        f"footnote {key!r} has no anchor in the header or formulas",
                        f"anchor it with [^{key}] in a header line or formula (the UN sponsors line takes '*' when there are sponsors), or remove it",
                    )
                    for key in unused
                )
            )
        fields = {k: v for k, v in self.draft.fields.items() if v not in (None, ())}
        return Resolution(
            body=self.draft.body,
            session=Session(self.draft.session, self.style.years),
            fields={"body": self.draft.body, "session": self.draft.session, **fields},
            header=header,
            title=title,
            enacting=enacting,
            preamble=preamble,
            transition=transition,
            operative=operative,
            closing=closing,
            footnotes=tuple(self.footnotes.notes),
            numbering=self.style.numbering,
            emphasis=dict(self.style.emphasis),
            date=self.draft.fields.get("date") if not isinstance(self.draft.fields.get("date"), str) else None,
        )


def used_at(error: TemplateError, use: Use) -> TemplateError:
    """A clause's template error, saying which draft line uses the clause: one clause serves many
    drafts, and what is missing (a variable) is often the draft's."""
    if use.clause is None or use.where is None:
        return error
    return TemplateError(
        *(
            replace(p, message=f"{p.message} (clause {use.clause}, as {use.where} uses it)")
            if p.where is None or p.where.path != use.where.path
            else p
            for p in error.problems
        )
    )


def build_context(draft: Draft, style: BodyStyle) -> dict[str, Any]:
    """What Jinja sees: session, draft (every header fact), date, body, and the draft's variables."""
    session = Session(draft.session, style.years)
    view = {
        "name": draft.name,
        "body": draft.body,
        "session": session,
        "previous": draft.previous,
        "footnotes": dict(draft.footnotes),
        **draft.fields,
    }
    return {
        "session": session,
        "draft": view,
        "date": draft.fields.get("date"),
        "body": body_context(style, session.number),
        **draft.variables,
    }


def body_context(style: BodyStyle, session: int) -> dict[str, str]:
    """`body` as Jinja sees it: the body's key, and its name and short name as at the session."""
    named = style.name_at(session)
    return {"key": style.key, "name": named.name, "short_name": named.short_name or named.name}


def prepare(draft: Draft, library: Library, problems: Problems) -> BodyStyle | None:
    """Validate a draft against its library and return its house style with the draft's overrides."""
    library.validate_draft(draft, problems)
    for name in draft.variables:
        if name in RESERVED:
            problems.add(
                draft.lines.get("variables", draft.where),
                f"variable name {name!r} is reserved",
                f"rename it; {', '.join(RESERVED)} are provided by resdraft",
            )
    style = library.body(draft.body, problems, draft.lines.get("body")) if draft.body else None
    if style is None:
        return None
    roles = [line.role for line in style.header]
    for role in draft.header:
        if role not in roles:
            problems.add(
                draft.lines.get(f"header.{role}", draft.where),
                f"header.{role}: {draft.body}'s header block has no {role!r} line",
                suggest(role, roles) or f"its lines are {', '.join(roles)}",
            )
    return style.with_overrides(draft.style, problems, draft.lines.get("style") or draft.where or style.where)


def assemble(draft: Draft, library: Library) -> Resolution:
    """Validate a draft against its library, then build its Resolution (nothing is written)."""
    # A broken clause file the draft uses first: it explains any unknown ids.
    if errors := library.problems_for(draft.clause_ids):
        raise LibraryError(*errors)
    problems = Problems()
    style = prepare(draft, library, problems)
    problems.raise_errors()
    assert style is not None
    return Assembler(draft, style, library).build()
