"""The HTML review page, opened in a real browser (Debian's Chromium driven by Playwright).

The browser tests fail, never skip, when Chromium or Playwright is missing: a review page nobody
opened is a review page nobody checked. Set REVIEW_SCREENSHOTS=/some/folder to keep the
full-page screenshots the layout tests take.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, aipo_27_subparagraphs_reordered, ga_pair, ga_text
from resdraft.diff import Diff, compare
from resdraft.model import Footnote, FootnoteRef, Resolution, Run
from resdraft.render.reviewhtml import COLOURS, TEXT_PAIRS, escape, render_review_html
from resdraft.sources import read_document

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL = "apt-get update && apt-get install -y chromium && .venv/bin/pip install playwright (never `playwright install`)"
AALCO_CHANGES = ["pp. 1 → pp. 1", "pp. 2 → —", "pp. 3 → pp. 2", "— → pp. 5", "op. 4 → op. 4"]
AALCO_HEADER = ["title", "symbol", "session", "date", "enacting formula", "status line", "subtitle line"]


def _diff(old: str | Path, new: str | Path) -> Diff:
    """Two documents compared as `resdraft diff` compares them."""
    a, b = read_document(str(old)), read_document(str(new))
    names = [Path(p).relative_to(ROOT).as_posix() if Path(p).is_relative_to(ROOT) else Path(p).name for p in (old, new)]
    return compare(a.resolution, b.resolution, {**a.amends, **b.amends}, *names)


@pytest.fixture(scope="module")
def aalco() -> Diff:
    return _diff(ROOT / "drafts" / "aalco-50.yaml", ROOT / "drafts" / "aalco-52.yaml")


# ------------------------------------------------------------------ the browser


@dataclasses.dataclass
class Review:
    """A review page open in the browser, with every request it made and every error it raised."""

    page: Any
    url: str
    requests: list[str] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)

    def rows(self, view: str = "sbs") -> Any:
        return self.page.locator(f"#view-{view} .row")

    def row(self, where: str, view: str = "sbs") -> Any:
        """The row whose place reads exactly `where` ('op. 4 → op. 4')."""
        return self.rows(view).filter(has=self.page.locator(".where", has_text=re.compile(f"^{re.escape(where)}$")))

    def current(self) -> list[str]:
        """The place of every row marked aria-current, in the visible view."""
        return self.page.locator(".view:not([hidden]) .row[aria-current='true'] .where").all_inner_texts()

    def current_field(self) -> list[str]:
        """The name of every header field marked aria-current."""
        return self.page.locator("table.header tbody tr[aria-current='true'] th").all_inner_texts()

    def past_the_header(self) -> None:
        """Press `j` over the header's changed fields: the next press reaches the first paragraph."""
        fields = self.page.locator("table.header tbody tr[data-change]").count()
        for _ in range(fields):
            self.page.keyboard.press("j")
        assert self.current() == [] and len(self.current_field()) == bool(fields)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}; install it: {INSTALL}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Playwright for Python is missing; install it: {INSTALL}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_review(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Review]]:
    """Render a diff to a file, open it from disk, and check afterwards that the page raised no error."""
    opened: list[tuple[Any, Review]] = []

    def open_(diff: Diff, width: int = 1280, name: str = "review.html") -> Review:
        path = tmp_path / name
        path.write_text(render_review_html(diff), encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        review = Review(page, path.as_uri())
        page.on("request", lambda r: review.requests.append(r.url))
        page.on("pageerror", lambda e: review.errors.append(str(e)))
        page.on("console", lambda m: review.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("dialog", lambda d: (review.errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(review.url)
        opened.append((context, review))
        return review

    yield open_
    for context, review in opened:
        context.close()
        assert review.errors == [], review.errors


def _expect() -> Any:
    from playwright.sync_api import expect

    return expect


def _screenshots(review: Review, tmp_path: Path, stem: str) -> None:
    """Full-page screenshots of both views (kept in $REVIEW_SCREENSHOTS when set)."""
    folder = Path(os.environ.get("REVIEW_SCREENSHOTS") or tmp_path)
    page = review.page
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=folder / f"{stem}-sbs.png", full_page=True)
    page.get_by_role("button", name="Inline").click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=folder / f"{stem}-inline.png", full_page=True)
    page.get_by_role("button", name="Side by side").click()
    assert (folder / f"{stem}-sbs.png").stat().st_size > 10_000


def _overflows(review: Review) -> list[str]:
    """Elements of the visible view wider than the page, and the page's own horizontal overflow."""
    return review.page.evaluate(
        """() => {
          const out = [];
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > width) out.push('page ' + document.documentElement.scrollWidth);
          document.querySelectorAll('.view:not([hidden]) .text, .view:not([hidden]) .meta, table.header').forEach(el => {
            const box = el.getBoundingClientRect();
            if (box.width && (box.right > width + 0.5 || el.scrollWidth > el.clientWidth + 1)) out.push(el.className);
          });
          return out;
        }"""
    )


# ------------------------------------------------------------------ the AALCO case in the browser


def test_top_of_page_has_title_summary_and_marked_header_changes(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    page = review.page
    assert page.title().startswith("drafts/aalco-50.yaml → drafts/aalco-52.yaml")
    assert page.get_by_role("heading", level=1).inner_text() == "drafts/aalco-50.yaml → drafts/aalco-52.yaml"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("ul.summary li").all_inner_texts() == [
        "header: 0 unchanged, 5 modified, 1 inserted, 1 deleted",
        "preamble: 3 unchanged, 2 modified, 1 inserted, 1 deleted (5 with formatting changed)",
        "operative: 3 unchanged, 1 modified",
    ]
    enacting = page.locator("table.header tr", has=page.locator("th", has_text="enacting formula"))
    assert enacting.locator("td").nth(0).locator("del").all_inner_texts() == ["Fiftieth session,"]
    assert enacting.locator("td").nth(1).locator("ins").all_inner_texts() == ["Fifty-Second Annual Session"]
    # (its words the 2011 draft set in italic, plain in 2013: said under the new words, as in the terminal)
    assert enacting.locator("td").nth(1).locator(".muted").inner_text() == (
        "formatting changed: “The Asian-African Legal Consultative Organization at its” italic → plain"
    )
    # The masthead's other lines too, as the redline marks them: AALCO 52 has a subtitle and no draft status.
    rows = ["title", "symbol", "session", "date", "enacting formula", "status line", "subtitle line"]
    assert page.locator("table.header tbody th").all_inner_texts() == rows
    subtitle = page.locator("table.header tr", has=page.locator("th", has_text="subtitle line"))
    assert subtitle.locator("td").nth(1).locator("ins").all_inner_texts() == ["(Non-Deliberated)"]
    status = page.locator("table.header tr", has=page.locator("th", has_text="status line"))
    assert status.locator("td").nth(0).locator("del").all_inner_texts() == ["SECRETARIAT DRAFT"]
    assert page.locator(".warnings").count() == 0


def test_every_row_shows_its_status_and_old_and_new_numbers(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    deleted = review.row("pp. 2 → —")
    _expect()(deleted).to_be_visible()
    assert deleted.locator(".badge").all_inner_texts() == ["deleted"]
    assert deleted.locator(".old del").inner_text().startswith("Having heard with appreciation")
    assert deleted.locator(".new").inner_text() == "(not in the new text)"
    assert review.row("— → pp. 5").locator(".badge").all_inner_texts() == ["inserted"]
    assert review.row("pp. 3 → pp. 2").locator(".badge").all_inner_texts() == ["modified", "formatting changed"]
    unchanged = review.rows().filter(has=review.page.locator(".badge", has_text="unchanged"))
    assert unchanged.count() == 6  # 3 preambular and 3 operative, as the summary says
    assert all(unchanged.nth(i).is_visible() for i in range(6))
    assert review.rows().count() == 11 and review.rows("inline").count() == 11


def test_show_only_changes_hides_the_unchanged_rows(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    review.page.get_by_label("Show only changes").check()
    unchanged = review.rows().filter(has=review.page.locator(".badge", has_text="unchanged"))
    assert unchanged.count() == 6
    assert not any(unchanged.nth(i).is_visible() for i in range(6))
    visible = [review.rows().nth(i) for i in range(review.rows().count()) if review.rows().nth(i).is_visible()]
    assert [row.locator(".where").inner_text() for row in visible] == AALCO_CHANGES
    review.page.get_by_label("Show only changes").uncheck()
    assert unchanged.first.is_visible()


def test_j_and_k_walk_the_changes_in_order(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    page = review.page
    assert review.current() == []
    for field in AALCO_HEADER:  # the header's changes first: they stand above the paragraphs
        page.keyboard.press("j")
        assert review.current_field() == [field] and review.current() == []
        row = page.locator("table.header tbody tr[aria-current='true']")
        _expect()(row).to_be_in_viewport()
        _expect()(row).to_be_focused()
    for expected in AALCO_CHANGES:
        page.keyboard.press("j")
        assert review.current() == [expected]
        row = review.row(expected)
        _expect()(row).to_be_in_viewport()
        _expect()(row).to_be_focused()
        assert row.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("j")  # past the last change: stays on it
    assert review.current() == [AALCO_CHANGES[-1]]
    page.keyboard.press("k")
    assert review.current() == [AALCO_CHANGES[-2]]
    page.keyboard.press("p")
    assert review.current() == [AALCO_CHANGES[-3]]
    page.keyboard.press("n")
    assert review.current() == [AALCO_CHANGES[-2]]
    assert page.locator("#nav-status").inner_text() == "Change 11 of 12"
    for _ in range(4):
        page.keyboard.press("k")
    assert review.current() == [] and review.current_field() == [AALCO_HEADER[-1]]


def test_buttons_move_like_the_keys_and_keys_work_after_ticking_the_filter(
    open_review: Callable[..., Review], aalco: Diff
) -> None:
    review = open_review(aalco)
    page = review.page
    page.get_by_label("Show only changes").check()
    review.past_the_header()
    page.keyboard.press("j")
    assert review.current() == [AALCO_CHANGES[0]]
    page.get_by_role("button", name="Next change").click()
    page.get_by_role("button", name="Next change").click()
    assert review.current() == [AALCO_CHANGES[2]]
    _expect()(page.get_by_role("button", name="Next change")).to_be_focused()  # a button keeps focus for the next click
    page.get_by_role("button", name="Previous change").click()
    assert review.current() == [AALCO_CHANGES[1]]


def test_inline_view_marks_edits_in_place_and_hides_side_by_side(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    page = review.page
    review.past_the_header()
    page.keyboard.press("j")
    page.get_by_role("button", name="Inline").click()
    _expect()(page.locator("#view-sbs")).to_be_hidden()
    _expect()(page.locator("#view-inline")).to_be_visible()
    assert page.get_by_role("button", name="Inline").get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="Side by side").get_attribute("aria-pressed") == "false"
    op4 = review.row("op. 4 → op. 4", "inline")
    edits = op4.evaluate("el => [...el.querySelectorAll('ins, del')].map(m => m.outerHTML)")
    assert edits == ["<del>Fifty-First</del>", "<ins>Fifty-Third</ins>"]
    text = op4.locator(".text").inner_text()
    assert text == "4. Decides to place this item on the provisional agenda of the Fifty-FirstFifty-Third Annual Session."
    assert review.row("pp. 3 → pp. 2", "inline").locator("ins").all_inner_texts() == ["Being "]
    assert review.current() == [AALCO_CHANGES[0]]  # the current change carries over to the other view
    page.keyboard.press("j")
    assert review.current() == [AALCO_CHANGES[1]]


def test_rows_whose_kept_words_are_set_otherwise_say_so(open_review: Callable[..., Review], aalco: Diff) -> None:
    # AALCO's 2013 text sets its preamble's openings plain where the 2011 draft set them bold: the
    # redline tracks that, and the page called "Convinced …" unchanged with nothing to say so.
    review = open_review(aalco)
    restyled = review.rows().filter(has=review.page.locator(".badge", has_text="formatting changed"))
    assert restyled.locator(".where").all_inner_texts() == [
        "pp. 1 → pp. 1",
        "pp. 3 → pp. 2",
        "pp. 4 → pp. 3",
        "pp. 5 → pp. 4",
        "pp. 6 → pp. 6",
    ]
    assert review.row("pp. 4 → pp. 3").locator(".badge").all_inner_texts() == ["unchanged", "formatting changed"]
    assert review.rows("inline").filter(has=review.page.locator(".badge", has_text="formatting changed")).count() == 5
    same = render_review_html(compare(aalco.new, aalco.new))
    assert "formatting changed" not in same
    assert "formatting changed" not in render_review_html(compare(*ga_pair("A/RES/78/64")))


def test_marks_read_without_colour(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    lines = review.page.evaluate(
        """() => ['ins', 'del'].map(t => getComputedStyle(document.querySelector('#view-sbs ' + t)).textDecorationLine)"""
    )
    assert lines == ["underline", "line-through"]


def test_the_page_fetches_nothing(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    review.page.keyboard.press("j")
    review.page.get_by_role("button", name="Inline").click()
    review.page.wait_for_load_state("networkidle")
    assert review.requests == [review.url]
    html = render_review_html(aalco)
    assert not re.search(r"""(?:src|href)\s*=|@import|url\(|https?://""", html)
    assert "default-src 'none'" in html


def test_without_its_script_the_page_is_the_side_by_side_view_with_no_dead_controls(
    browser: Any, aalco: Diff, tmp_path: Path
) -> None:
    # As a mail client's preview shows an attachment: scripts off. The controls need the script,
    # so they stay hidden; the side-by-side view, every row of it, is the page.
    path = tmp_path / "review.html"
    path.write_text(render_review_html(aalco), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert not page.locator("#toolbar").is_visible()
        assert not page.locator("#view-inline").is_visible()
        rows = page.locator("#view-sbs .row")
        assert rows.count() == len(aalco.preamble) + len(aalco.operative) == 11
        assert all(row.is_visible() for row in rows.all())
        assert page.locator("#view-sbs del").first.is_visible() and page.locator("#view-sbs ins").first.is_visible()
    finally:
        context.close()


# ------------------------------------------------------------------ colour


def _luminance(colour: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _hex(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def test_contrast_helper_matches_known_wcag_ratios() -> None:
    assert _contrast(_hex("#000000"), _hex("#ffffff")) == pytest.approx(21.0)
    assert _contrast(_hex("#767676"), _hex("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert _contrast(_hex("#777777"), _hex("#ffffff")) < 4.5


def test_placeholders_still_to_fill_are_marked_in_the_header_and_in_paragraphs() -> None:
    # aalco-53's symbol, date and secretariat document are still {tbd: …}; the page showed them as
    # any other inserted words, and their parts kept from the 52nd session as unchanged ones.
    html = render_review_html(_diff(ROOT / "drafts" / "aalco-52.yaml", ROOT / "drafts" / "aalco-53.yaml"))
    cells = re.findall(r"<td>(.*?)</td>", html) + re.findall(r'<div class="text[^"]*"[^>]*>(.*?)</div>', html)
    marked = {"".join(re.findall(r'<mark class="tbd">(.*?)</mark>', cell)) for cell in cells} - {""}
    assert {re.sub(r"<[^>]+>", "", m) for m in marked} == {
        "[TBD: symbol of the 53rd-session document (was AALCO/RES/52/S 8)]",
        "[TBD: date of the 53rd-session document (was 12 September 2013)]",
        "[TBD: secretariat document for the 53rd session (was AALCO/52/HEADQUARTERS SESSION (NEW DELHI)/2013/S 8)]",
    }
    assert '<mark class="tbd">' not in render_review_html(
        _diff(ROOT / "drafts" / "aalco-50.yaml", ROOT / "drafts" / "aalco-52.yaml")
    )


def test_every_text_colour_passes_wcag_aa_on_its_background(aalco: Diff) -> None:
    html = render_review_html(aalco)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style
    root = re.match(r":root\{(.*?)\}", style.group(1))
    assert root, "the colours come first, as CSS variables"
    declared = dict(re.findall(r"--([\w-]+):(#[0-9a-f]{6})", root.group(1)))
    assert declared == dict(COLOURS)
    rest = style.group(1)[root.end() :]
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", rest), "every other colour goes through a variable"
    used = set(re.findall(r"var\(--([\w-]+)\)", rest))
    assert used <= set(COLOURS)
    failing = [(fg, bg, round(_contrast(_hex(declared[fg]), _hex(declared[bg])), 2)) for fg, bg in TEXT_PAIRS]
    assert [f for f in failing if f[2] < 4.5] == []


@pytest.mark.parametrize("which", ["aalco", "footnotes"])
def test_text_as_the_browser_paints_it_passes_wcag_aa(open_review: Callable[..., Review], aalco: Diff, which: str) -> None:
    # AALCO 50 -> 52, and A/RES/78/64 -> 79/75 for the Footnotes table and the footnote badges.
    review = open_review(aalco if which == "aalco" else compare(*ga_pair("A/RES/78/64")))
    review.page.keyboard.press("j")
    pairs = review.page.evaluate(
        """() => {
          const rgb = s => s.match(/[\\d.]+/g).map(Number);
          const backdrop = el => {
            for (; el; el = el.parentElement) {
              const c = rgb(getComputedStyle(el).backgroundColor);
              if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const selectors = ['h1', 'ul.summary li', 'table.header th', 'table.header td', 'ins', 'del', '.badge',
            '.where', '.text', '.absent', '.colheads span', 'button', '#nav-status', '.keys', 'kbd', 'label', 'strong',
            '.muted', 'sup.fn'];
          const out = [];
          for (const s of selectors) for (const el of document.querySelectorAll(s))
            out.push([s, rgb(getComputedStyle(el).color).slice(0, 3), backdrop(el)]);
          return out;
        }"""
    )
    assert len(pairs) > 100
    low = {(s, round(_contrast(tuple(fg), tuple(bg)), 2)) for s, fg, bg in pairs if _contrast(tuple(fg), tuple(bg)) < 4.5}
    assert low == set()


def _axe(review: Review) -> dict[str, Any]:
    """axe-core's findings on the page as it is now: {'violations': [...], 'passes': [...], ...}."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(review.page).response


def _violations(found: dict[str, Any]) -> list[tuple[str, str]]:
    return [(v["id"], node["html"][:120]) for v in found["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("which", ["aalco", "footnotes", "look-alike"])
def test_axe_finds_no_accessibility_violation_in_either_view(open_review: Callable[..., Review], aalco: Diff, which: str) -> None:
    # axe-core, the accessibility engine browsers' own audits use: contrast as painted, ARIA,
    # landmarks, labels, headings, table headers; on AALCO 50 -> 52, on A/RES/78/132 -> 79/194
    # (footnotes changed and badged, a paragraph gone to the other part, links between its two rows)
    # and on A/RES/78/121 -> 79/141 from the corpus's paragraphs (characters named inside the marks,
    # three paragraphs badged "no visible change").
    from conftest import ga_paragraphs_pair

    pairs = {"aalco": lambda: aalco, "footnotes": lambda: compare(*ga_pair("A/RES/78/132"))}
    review = open_review(pairs.get(which, lambda: compare(*ga_paragraphs_pair("A/RES/78/121")))())
    if which == "look-alike":
        assert review.page.locator(".row:visible span.char").count() > 0
        assert review.page.locator(".row:visible .badge", has_text="no visible change").count() == 3
    review.page.keyboard.press("j")
    for view in ("Side by side", "Inline"):
        review.page.get_by_role("button", name=view).click()
        found = _axe(review)
        assert {"color-contrast", "aria-valid-attr-value", "landmark-one-main"} <= {rule["id"] for rule in found["passes"]}
        assert _violations(found) == [], view


def test_axe_reports_text_too_faint_to_read(open_review: Callable[..., Review], aalco: Diff) -> None:
    # The check is live: grey text on white at 2.3:1 is reported.
    review = open_review(aalco)
    review.page.evaluate("document.querySelectorAll('.where').forEach(el => { el.style.color = '#aaaaaa'; })")
    assert any(rule == "color-contrast" for rule, _ in _violations(_axe(review)))


# ------------------------------------------------------------------ other documents


def test_footnoted_paragraphs_of_the_ga_draft_keep_markers_and_fit_the_page(
    open_review: Callable[..., Review], library: Path, tmp_path: Path
) -> None:
    clauses = library / "clauses" / "unga-trafficking.yaml"
    clauses.write_text(
        clauses.read_text(encoding="utf-8").replace("the fifteenth summit", "the sixteenth summit"), encoding="utf-8"
    )
    draft = library / "drafts" / "unga-64.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "  - unga.calls-upon-criminalize-trafficking\n" in text
    draft.write_text(text.replace("  - unga.calls-upon-criminalize-trafficking\n", ""), encoding="utf-8")
    diff = _diff(ROOT / "drafts" / "unga-64.yaml", draft)
    review = open_review(diff)
    page = review.page
    assert page.locator("ul.summary li").all_inner_texts() == [
        "header: 11 unchanged",
        "preamble: 19 unchanged, 1 modified",
        "operative: 10 unchanged, 1 deleted",
        "footnotes: 22 unchanged",
    ]
    taking_note = review.row("pp. 6 → pp. 6")
    assert taking_note.locator(".old del").all_inner_texts() == ["fifteenth"]
    assert taking_note.locator(".new ins").all_inner_texts() == ["sixteenth"]
    for side in ("old", "new"):
        markers = taking_note.locator(f".{side} sup.fn")
        assert markers.all_inner_texts() == ["8", "9", "10"]
        assert markers.first.get_attribute("title") == "See Assembly/AU/Dec.207(XI)."
    assert "Government8 and the" in taking_note.locator(".new").inner_text()
    assert review.row("op. 4 → —").locator(".badge").all_inner_texts() == ["deleted"]
    assert review.row("op. 5 → op. 4").locator(".badge").all_inner_texts() == ["unchanged"]
    review.past_the_header()
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert review.current() == ["op. 4 → —"]
    assert _overflows(review) == []
    _screenshots(review, tmp_path, "review-unga")
    page.get_by_role("button", name="Inline").click()
    assert review.row("pp. 6 → pp. 6", "inline").locator("sup.fn").all_inner_texts() == ["8", "9", "10"]
    assert _overflows(review) == []


def _misaligned(review: Review) -> list[str]:
    """Rows of the side-by-side view where an old (sub-)paragraph does not start level with its new one."""
    return review.page.evaluate(
        """() => [...document.querySelectorAll('#view-sbs .row')].flatMap(row => {
          const olds = row.querySelectorAll('.text.old'), news = row.querySelectorAll('.text.new');
          if (olds.length !== news.length) return [row.querySelector('.where').textContent + ' (cells)'];
          return [...olds].filter((o, i) => Math.abs(o.getBoundingClientRect().top - news[i].getBoundingClientRect().top) > 1)
            .map(() => row.querySelector('.where').textContent);
        })"""
    )


def _cramped(review: Review) -> list[str]:
    """Rows of the visible view whose text does not stand beside their places and badges (a wide window)."""
    return review.page.evaluate(
        """() => [...document.querySelectorAll('.view:not([hidden]) .row')].filter(row => {
          const meta = row.querySelector('.meta').getBoundingClientRect();
          const lines = row.querySelector('.lines').getBoundingClientRect();
          return lines.left < meta.right || lines.top > meta.top + 1;
        }).map(row => row.querySelector('.where').textContent)"""
    )


def test_side_by_side_keeps_old_and_new_of_each_row_level(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco)
    assert _misaligned(review) == []
    assert _overflows(review) == []
    assert _cramped(review) == []
    review.page.get_by_role("button", name="Inline").click()
    assert _cramped(review) == []


def test_sub_paragraphs_show_inside_their_parent_with_labels(open_review: Callable[..., Review], tmp_path: Path) -> None:
    review = open_review(_diff(ROOT / "drafts" / "aipo-26.yaml", ROOT / "drafts" / "aipo-27.yaml"))
    advise = review.row("— → op. 3")
    assert advise.locator(".new.sub .label").all_inner_texts() == ["a.", "b.", "c.", "d."]
    assert advise.locator(".new.sub").nth(1).inner_text().startswith("b. advocate, as appropriate")
    assert advise.locator(".absent").all_inner_texts() == ["(not in the old text)"]  # once, for the parent
    assert review.row("— → op. 3", "inline").locator(".sub .label").all_inner_texts() == ["a.", "b.", "c.", "d."]
    assert _misaligned(review) == []
    assert _overflows(review) == []
    _screenshots(review, tmp_path, "review-aipo")


def test_a_changed_sub_paragraph_carries_its_own_badge(open_review: Callable[..., Review], library: Path) -> None:
    clauses = library / "clauses" / "aipa-trafficking.yaml"
    text = clauses.read_text(encoding="utf-8")
    assert text.count("monitor and oversee") == 1
    clauses.write_text(text.replace("monitor and oversee", "monitor and review"), encoding="utf-8")
    review = open_review(_diff(ROOT / "drafts" / "aipo-27.yaml", library / "drafts" / "aipo-27.yaml"))
    advise = review.row("op. 3 → op. 3")
    assert advise.locator(".meta .badge").all_inner_texts() == ["modified"]
    subs = advise.locator(".new.sub")
    assert [subs.nth(i).locator(".badge").all_inner_texts() for i in range(4)] == [[], [], ["modified"], []]
    assert advise.locator(".old.sub del").all_inner_texts() == ["oversee"]
    assert _misaligned(review) == []
    inline = review.row("op. 3 → op. 3", "inline").locator(".sub").nth(2)
    assert inline.inner_text().startswith("c.") and inline.locator("del, ins").all_inner_texts() == ["oversee", "review"]


def test_a_paragraph_whose_sub_paragraphs_are_labelled_otherwise_says_so(open_review: Callable[..., Review]) -> None:
    # S/RES/1590's paragraph 16 "(i)", "(ii)" is 1706's paragraph 12 "(a)" (with dashes under it),
    # "(b)": a change the redline tracks, which the page did not show.
    council = ROOT.parent / "shared" / "corpus" / "unsc-unmis"
    old, new = (next(council.glob(f"UNSC_S-RES-{n}-*.txt")) for n in (1590, 1706))
    review = open_review(_diff(old, new))
    relabelled = review.rows().filter(has=review.page.locator(".badge", has_text="sub-paragraph labels"))
    assert relabelled.locator(".where").all_inner_texts() == ["op. 16 → op. 12"]
    assert review.row("op. 16 → op. 12").locator(".meta .badge").all_inner_texts() == [
        "modified",
        "sub-paragraph labels (i) → (a) / –",
    ]
    # 1706's dashes read as printed, not as its plain-text copy types them ("--").
    labels = review.row("op. 16 → op. 12").locator(".new .label").all_inner_texts()
    assert labels == ["12.", "(a)", "–", "–", "–", "(b)"]
    assert "sub-paragraph labels" not in render_review_html(compare(*ga_pair("A/RES/78/64")))


def test_a_sub_paragraph_that_moved_says_where_from(open_review: Callable[..., Review]) -> None:
    # AIPO 27, operative 3: sub-paragraphs a.-d. reordered b, c, a, d; the row's numbers are the
    # parent's, so the badge says where each moved from.
    review = open_review(compare(*aipo_27_subparagraphs_reordered()))
    advise = review.row("op. 3 → op. 3")
    badges = [advise.locator(".new.sub").nth(i).locator(".badge").all_inner_texts() for i in range(4)]
    assert badges == [["unchanged", "moved from (b)"], ["unchanged", "moved from (c)"], [], []]
    assert _misaligned(review) == []


def test_a_paragraph_gone_to_the_other_part_says_where_on_both_rows(open_review: Callable[..., Review]) -> None:
    # A/RES/78/234 -> A/RES/79/161: operative 27 ("Welcomes the establishment …") is preambular
    # paragraph 26 ("Welcoming …") now; each row's badge points at the other.
    review = open_review(compare(*ga_pair("A/RES/78/234")))
    assert review.row("op. 27 → —").locator(".badge").all_inner_texts() == ["deleted", "moved to pp. 26"]
    came = review.row("— → pp. 26")
    assert came.locator(".badge").all_inner_texts() == ["inserted", "moved from op. 27"]
    # Beside it, the words as they stood in operative 27, with what changed on the way.
    assert came.locator(".old del").all_inner_texts()[0] == "Welcomes"
    assert came.locator(".new ins").all_inner_texts()[0] == "Welcoming"
    # Each badge links to the other row, in the view it is in.
    review.row("op. 27 → —").locator("a.badge").click()
    assert review.page.evaluate("document.querySelector(':target').querySelector('.where').textContent") == "— → pp. 26"
    assert came.evaluate("e => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight")
    review.page.get_by_role("button", name="Inline").click()
    review.row("— → pp. 26", "inline").locator("a.badge").click()
    assert review.page.evaluate("location.hash").startswith("#inline-operative-old-")
    assert review.page.evaluate("document.querySelector(':target').querySelector('.where').textContent") == "op. 27 → —"


def test_a_split_paragraph_links_each_half_to_the_other(open_review: Callable[..., Review]) -> None:
    # A/RES/78/136 -> A/RES/79/196: the end of operative 8 is operative 10 now; beside the new
    # paragraph stands the piece it was, with what changed ("…, and remains" -> "Remains").
    review = open_review(compare(*ga_pair("A/RES/78/136")))
    came = review.row("— → op. 10")
    assert came.locator(".badge").all_inner_texts() == ["inserted", "split from op. 8"]
    assert came.locator(".old del").all_inner_texts()[0].strip() == ", and remains"
    came.locator("a.badge").click()
    where = "document.querySelector(':target').closest('.row').querySelector('.where').textContent"
    assert review.page.evaluate(where) == "op. 8 → op. 9"
    review.row("op. 8 → op. 9").locator("a.badge").click()
    assert review.page.evaluate(where) == "— → op. 10"
    assert _cramped(review) == [] and _misaligned(review) == []


def test_a_moved_paragraph_shows_both_badges_and_is_a_change(open_review: Callable[..., Review], library: Path) -> None:
    draft = library / "drafts" / "aalco-52.yaml"
    first, last = "  - aalco.encourages-ratify-toc-protocol\n", "  - aalco.decides-provisional-agenda\n"
    text = draft.read_text(encoding="utf-8")
    assert first in text and last in text
    draft.write_text(text.replace(first, "").replace(last, last + first), encoding="utf-8")
    review = open_review(_diff(ROOT / "drafts" / "aalco-52.yaml", draft))
    assert review.page.locator("ul.summary li").all_inner_texts()[2] == "operative: 2 unchanged, 2 modified, 1 moved"
    assert review.row("op. 1 → op. 4").locator(".badge").all_inner_texts() == ["modified", "moved"]
    review.page.get_by_label("Show only changes").check()
    review.past_the_header()
    review.page.keyboard.press("j")
    review.page.keyboard.press("j")
    assert review.current() == ["op. 1 → op. 4"]


def test_narrow_window_stacks_old_over_new_without_overflow(open_review: Callable[..., Review], aalco: Diff) -> None:
    review = open_review(aalco, width=380)
    assert _overflows(review) == []
    box = review.row("op. 4 → op. 4")
    old, new = box.locator(".text.old").bounding_box(), box.locator(".text.new").bounding_box()
    assert old and new and new["y"] >= old["y"] + old["height"] - 1


def _words_split(review: Review) -> list[str]:
    """The words of the header table that the browser breaks across lines."""
    return review.page.evaluate(
        """() => {
          const split = [];
          const walker = document.createTreeWalker(document.querySelector('table.header'), NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode()); ) {
            for (const m of node.data.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (tops.size > 1) split.push(m[0]);
            }
          }
          return split;
        }"""
    )


@pytest.mark.parametrize("width", [800, 1024, 1280])
def test_header_table_breaks_no_word_across_lines(open_review: Callable[..., Review], aalco: Diff, width: int) -> None:
    # In an 800-pixel window the table beside the summary broke "ESTABLISHIN|G" and "AALCO/RES/5|2/S 8".
    review = open_review(aalco, width=width)
    assert review.page.locator("table.header tbody tr").count() == len(AALCO_HEADER)
    assert _words_split(review) == []
    assert _overflows(review) == []


def test_a_diff_of_a_text_with_itself_has_nothing_to_walk(open_review: Callable[..., Review]) -> None:
    draft = ROOT / "drafts" / "unga-64.yaml"
    review = open_review(_diff(draft, draft))
    page = review.page
    assert page.locator("#nav-status").inner_text() == "No changes"
    _expect()(page.get_by_role("button", name="Next change")).to_be_disabled()
    page.keyboard.press("j")
    assert review.current() == []
    page.get_by_label("Show only changes").check()
    assert review.rows().count() == 31 and not review.rows().first.is_visible()
    assert page.locator("#view-sbs .none-changed").all_inner_texts() == ["No changes in this part."] * 2


def test_a_draft_whose_header_alone_changed_has_that_change_to_walk(open_review: Callable[..., Review]) -> None:
    # Last session's adopted text against a new session's draft of the same words: the header
    # table lists the changed fact, and the toolbar counts it (it said "No changes" beside it).
    res = read_document(str(ROOT / "drafts" / "unga-64.yaml")).resolution
    review = open_review(compare(res, dataclasses.replace(res, session=dataclasses.replace(res.session, number=65))))
    page = review.page
    assert page.locator("#nav-status").inner_text() == "1 change"
    page.keyboard.press("j")
    assert review.current_field() == ["session"] and review.current() == []
    assert page.locator("#nav-status").inner_text() == "Change 1 of 1"
    assert '<span id="nav-status" role="status" aria-live="polite">No changes</span>' in render_review_html(compare(res, res))


# ------------------------------------------------------------------ untrusted text, speed


def _hostile(res: Resolution, text: str) -> Resolution:
    """The resolution with `text` in its first preambular paragraph and as a footnote."""
    first = res.preamble[0]
    evil = dataclasses.replace(first, content=(Run(text, italic=True), FootnoteRef("9")), opening=text)
    return dataclasses.replace(res, preamble=(evil, *res.preamble[1:]), footnotes=(*res.footnotes, Footnote("9", (Run(text),))))


def test_document_text_is_escaped_everywhere(open_review: Callable[..., Review], aalco: Diff) -> None:
    attack = '</del><script>alert("x")</script><img src=x onerror=alert(1)> "quoted" & <b>bold</b>'
    new = _hostile(aalco.new, attack)
    diff = compare(aalco.old, new, old_name="<old>.yaml", new_name='new" onload="alert(2)')
    diff = dataclasses.replace(diff, warnings=(attack,))
    html = render_review_html(diff)
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    review = open_review(diff)
    page = review.page
    assert page.locator("img, b").count() == 0
    assert page.locator("script").count() == 1
    assert page.get_by_role("heading", level=1).inner_text() == '<old>.yaml → new" onload="alert(2)'
    hostile = review.rows().filter(has_text='"quoted"')
    assert hostile.count() == 1
    assert hostile.locator(".new").inner_text() == attack + "9"
    assert hostile.locator(".new sup.fn").get_attribute("title") == attack
    assert page.locator(".warnings li").inner_text() == attack


def test_footnotes_that_changed_are_listed_with_their_marks(open_review: Callable[..., Review]) -> None:
    review = open_review(compare(*ga_pair("A/RES/78/64")))
    page = review.page
    assert "footnotes: " in " ".join(page.locator("ul.summary li").all_inner_texts())
    row = page.locator("section.footnotes tr", has_text="fn 15 → fn 14")
    assert row.count() == 1 and row.is_visible()
    assert row.locator("del").all_inner_texts() == ["CCW/P.V/CONF/2022/4"]
    assert row.locator("ins").all_inner_texts() == ["CCW/P.V/CONF/2023/5"]
    assert "op. 8" in row.locator("th").inner_text()
    # The paragraph's row says so too, and links to the table.
    badge = review.row("op. 8 → op. 8").locator("a.badge", has_text="footnotes changed")
    assert badge.inner_text() == "4 footnotes changed"
    badge.click()
    assert page.evaluate("location.hash") == "#h-footnotes"
    # The keys reach them after the paragraphs: "previous" from the start goes to the last change.
    changes = int(page.locator("body").get_attribute("data-changes"))
    footnotes = page.locator("section.footnotes tbody tr").count()
    assert footnotes == 6 and changes > footnotes
    page.keyboard.press("k")
    last = page.locator("section.footnotes tr[aria-current='true']")
    assert last.count() == 1 and "fn 16 → fn 16" in last.inner_text()
    assert page.locator("#nav-status").inner_text() == f"Change {changes} of {changes}"
    for _ in range(footnotes):
        page.keyboard.press("k")
    assert page.locator("section.footnotes tr[aria-current='true']").count() == 0
    assert len(review.current()) == 1, "back among the paragraphs"


def test_a_paragraph_whose_only_change_is_a_footnote_stays_in_view_with_its_badge(open_review: Callable[..., Review]) -> None:
    # A/RES/78/302 -> 79/305: the first preambular paragraph reads the same, but both its footnotes
    # cite next session's reports ("[-A/78/581-]{+A/79/586+}").
    review = open_review(compare(*ga_pair("A/RES/78/302")))
    row = review.row("pp. 1 → pp. 1")
    assert row.locator(".badge").all_inner_texts() == ["unchanged", "2 footnotes changed"]
    review.page.locator("#only-changes").check()
    assert row.is_visible()
    assert not review.row("pp. 2 → pp. 2").is_visible(), "a paragraph with nothing changed is hidden"


def test_a_paragraph_shown_whole_reads_as_its_cursor_takes_it() -> None:
    # An unchanged paragraph is written in one go from its runs and markers; that must be what the
    # cursor, which walks offsets for the marked-up ones, gives for the whole text: every paragraph
    # of A/RES/78/69 (runs in italic, footnote markers at starts, ends and mid-word).
    from resdraft.render.reviewhtml import _anchor, _Cursor, _whole

    old, _ = ga_pair("A/RES/78/69")
    notes = {f.marker: _anchor(f.marker, f.text) for f in old.footnotes}
    paragraphs = list(old.paragraphs())
    assert sum(bool(p.footnote_refs) for p in paragraphs) > 50
    for p in paragraphs:
        assert _whole(p, notes) == _Cursor(p, notes).take(p.text)


def test_the_header_table_shows_the_masthead_lines_that_changed_in_words() -> None:
    # A/RES/78/168 -> A/RES/79/227: the agenda item, the adoption date and the committee's report.
    page = render_review_html(compare(*ga_pair("A/RES/78/168")))
    for row in ("agenda item line", "adoption line", "report line"):
        assert re.search(f'<tr data-change="\\d+" tabindex="-1"><th scope="row">{row}</th>', page)
    assert "Agenda item <del>23 (a)</del>" in page and "Agenda item <ins>24</ins>" in page
    assert "organization line" in page.split("Unchanged:", 1)[1].split("</p>", 1)[0]


def test_the_second_of_a_masthead_lines_role_is_named_line_2(tmp_path: Path) -> None:
    # A/RES/78/285 (agenda items 13 and 117) and 78/128 (13 and 75 (a)): each prints both items'
    # titles; the second title changed, its row named as a reader counts it ("agenda title 2 line" before).
    old, new = (read_document(str(ga_text(tmp_path, symbol))).resolution for symbol in ("A/RES/78/285", "A/RES/78/128"))
    page = render_review_html(compare(old, new))
    assert re.search('<tr data-change="\\d+" tabindex="-1"><th scope="row">agenda title line 2</th>', page)
    assert "agenda title 2" not in page
    assert "<td><del>Follow-up to</del> the <del>outcome</del> of the <del>Millennium Summit</del></td>" in page


def test_a_long_place_wraps_inside_its_column(open_review: Callable[..., Review]) -> None:
    # A/RES/78/69 -> A/RES/79/144: "heading XIV → heading XIII" is wider than the column of places;
    # it breaks at the arrow, each place whole, and stays out of the old text's column.
    review = open_review(compare(*ga_pair("A/RES/78/69")))
    row = review.row("heading XIV → heading XIII")
    assert row.locator(".where span").all_inner_texts() == ["heading XIV", "heading XIII"]
    # A heading is set bold, as in the Word output; the paragraphs under it are not.
    weights = row.locator(".text").evaluate_all("els => els.map(e => getComputedStyle(e).fontWeight)")
    assert weights == ["700", "700"]
    assert review.row("op. 351 → op. 338").locator(".text.new").evaluate("e => getComputedStyle(e).fontWeight") == "400"
    spill = review.page.evaluate(
        """() => [...document.querySelectorAll('.view:not([hidden]) .where')]
             .filter(el => el.getBoundingClientRect().right > el.closest('.meta').getBoundingClientRect().right + 0.5)
             .map(el => el.textContent)"""
    )
    assert spill == []


@given(st.text(alphabet=st.sampled_from("&<>\"'’ a\u00e9\n")) | st.text())
def test_page_escapes_text_exactly_as_html_escape_does(text: str) -> None:
    assert escape(text) == html.escape(text)


@pytest.mark.parametrize("width", [800, 1280])
def test_footnotes_holding_a_long_web_address_fit_the_page(open_review: Callable[..., Review], width: int) -> None:
    # A/RES/78/69 -> 79/144: footnotes cite "https://www.un.org/Depts/los/doalos_publications/…",
    # which set the footnotes table's New column 1,600 pixels wide and the page scrolled sideways.
    review = open_review(compare(*ga_pair("A/RES/78/69")), width=width)
    assert review.page.locator("section.footnotes tbody tr").count() > 30
    assert _overflows(review) == []


def test_a_change_no_reader_could_see_is_shown_by_its_characters_names() -> None:
    # A/RES/78/272 -> 79/271 from the corpus's paragraphs: "non-governmental" printed with a
    # non-breaking hyphen. Struck and underlined alone, the two hyphens read as nothing changed.
    from conftest import ga_paragraphs_pair

    page = render_review_html(compare(*ga_paragraphs_pair("A/RES/78/272")))
    assert (
        'organizations, non<del><span class="char" title="U+002D HYPHEN-MINUS">hyphen</span></del>'
        '<ins><span class="char" title="U+2011 NON-BREAKING HYPHEN">non-breaking hyphen</span></ins>governmental'
    ) in page
    assert "span.char{" in page
    assert page.count(">no visible change</span>") == 0  # (each changed paragraph changed words too)
    alike = render_review_html(compare(*ga_paragraphs_pair("A/RES/78/69")))
    assert alike.count(">no visible change</span>") == 2 * 4  # (a badge in each view, for four paragraphs)
    assert "(4 only in characters that print alike)" in alike
