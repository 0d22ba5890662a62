"""Page layout for PDF import: characters -> lines -> paragraphs, minus running headers and footers.

Pure functions over plain tuples (no pdfplumber objects), so they are fast and testable. A char is
``(text, x0, top, x1, bottom, size)`` in pdfplumber's coordinates (points, origin top-left).

* Lines: characters whose vertical middles fall inside one band, ordered left to right, with
  fake-bold double prints removed. A gap wider
  than 1.5 character widths (a tab, a table column) becomes a tab; the PDF's own space glyphs are
  kept, and no space is invented between CJK and digits (pdfplumber's ``extract_text`` does that).
* Running headers/footers: the first/last lines of a page, if they sit in the top/bottom 15% of the
  page and are page-number lines ("— 3 —", "-3-", "第3页 共10页", "3/10", "Page 3") or repeat (digits
  ignored) on at least half of the pages.
* Paragraphs: a line continues the previous one when the previous line reaches the right margin and
  this one starts at the left margin with the same type size. This holds across a page break too, so
  a paragraph split by a page is one paragraph. Indented, centred or short-ended lines (titles,
  headings, signatures, last lines) always stay on their own line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from operator import eq, itemgetter, sub

Char = tuple  # (text, x0, top, x1, bottom, size)
# Sort keys and column getters as C callables: the layout touches every character several times.
_TOP_LEFT = itemgetter(2, 1)
_TEXT, _X0, _TOP, _X1, _BOTTOM, _SIZE = (itemgetter(k) for k in range(6))

_PAGE_NO = re.compile(
    r"^[\s\-—–－―~～_·•]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:[/／]|of|共)\s*\d{1,4}\s*页?)?[\s\-—–－―~～_·•]*$"
    r"|^\s*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ASCII_WORD = re.compile(r"[A-Za-z]")
_SENTENCE_END = set("。；;：:！!？?")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|\d+[.．、](?!\d))")


@dataclass
class Line:
    """One printed line on one page."""

    page: int
    chars: list[Char]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    text: str = field(default="", repr=False)
    cell: tuple[int, int, int] | None = None  # (table, row, column) for the text of a table cell
    pieces: list = field(default_factory=list, repr=False)  # split_tabs(self), computed once
    column: int = 0  # two-column page: 0 left, 1 right, 2 across both (margins are per column)

    def finish(self, keep_order: bool = False) -> Line:
        if not keep_order:
            self.chars.sort(key=_X0)
        # Some generators fake bold by painting each glyph twice, slightly offset: keep one copy.
        # Real neighbours ("一一", "33") are a full advance apart, far beyond this tolerance.
        # Nothing can be dropped unless two neighbours have the same text (checked in C first).
        texts = list(map(_TEXT, self.chars))
        if any(map(eq, texts, texts[1:])):
            deduped: list[Char] = []
            for c in self.chars:
                if deduped:
                    d = deduped[-1]
                    if c[0] == d[0] and abs(c[1] - d[1]) < 0.25 * c[5] and abs(c[2] - d[2]) < 0.25 * c[5]:
                        continue
                deduped.append(c)
            self.chars = deduped
        # Leading/trailing space glyphs are layout, not content.
        while self.chars and not self.chars[0][0].strip():
            self.chars.pop(0)
        while self.chars and not self.chars[-1][0].strip():
            self.chars.pop()
        if self.chars:
            chars = self.chars
            self.x0 = chars[0][1]
            self.x1 = max(map(_X1, chars))
            self.top = min(map(_TOP, chars))
            self.bottom = max(map(_BOTTOM, chars))
            sizes = list(map(_SIZE, chars))
            first_size = sizes[0]
            if sizes.count(first_size) == len(sizes):
                self.size = round(first_size, 1)
            else:
                self.size = Counter(round(size, 1) for size in sizes).most_common(1)[0][0]
            self.pieces = split_tabs(self)
            self.text = "".join(map(_TEXT, self.pieces))
        return self


def group_lines(page: int, chars: list[Char]) -> list[Line]:
    """Group a page's characters into lines, top to bottom."""
    bands: list[list[Char]] = []  # the characters of each line, in (top, x0) order
    band: list[Char] = []
    band_top = band_bottom = 0.0
    for c in sorted(chars, key=_TOP_LEFT):
        mid = (c[2] + c[4]) / 2
        if band and band_top <= mid <= band_bottom:
            band.append(c)
            if c[4] > band_bottom:
                band_bottom = c[4]
            continue
        band = [c]
        bands.append(band)
        band_top, band_bottom = c[2], c[4]
    return [ln for ln in (Line(page, b).finish() for b in bands) if ln.chars]


def cell_line(page: int, chars: list[Char], cell: tuple[int, int, int]) -> Line:
    """All text of one table cell as one Line: its printed lines top to bottom, each left to right."""
    ordered = [c for ln in group_lines(page, chars) for c in ln.chars]
    return Line(page, ordered, cell=cell).finish(keep_order=True)


def _mark(diff: list[int], lo: int, hi: int, a: float, b: float) -> None:
    a_i, b_i = max(lo, int(a)), min(hi, int(b))
    if a_i <= b_i:
        diff[a_i - lo] += 1
        diff[b_i - lo + 1] -= 1


def _gutter(lines: list[Line], width: float) -> float | None:
    """x of the white gap between two text columns, or None for a one-column page.

    A gutter is an empty vertical strip (>= 8 pt, in the middle 60% of the page) that at most a
    tenth of the lines cross, with at least four lines on each side, each side at least eight
    characters wide and mostly filled by its lines (text columns, not the short cells of a
    borderless table).
    """
    body = [ln for ln in lines if ln.cell is None]
    if len(body) < 8 or width <= 0:
        return None
    lo, hi = int(width * 0.2), int(width * 0.8)
    diff = [0] * (hi - lo + 2)
    for ln in body:  # each line counts once per x it covers: merge its characters into runs first
        run_a: float | None = None  # x0 of the current run, None before the first
        run_b = 0.0  # its x1
        for c in ln.chars:
            if run_a is not None and c[1] <= run_b + 3:
                run_b = max(run_b, c[3])
                continue
            if run_a is not None:
                _mark(diff, lo, hi, run_a, run_b)
            run_a, run_b = c[1], c[3]
        if run_a is not None:
            _mark(diff, lo, hi, run_a, run_b)
    line_cover = list(accumulate(diff[:-1]))
    limit = max(1, len(body) // 10)  # a title or footer across both columns is allowed
    best: tuple[float, float] | None = None
    run_start = None
    for k in range(len(line_cover) + 1):
        empty = k < len(line_cover) and line_cover[k] <= limit
        if empty and run_start is None:
            run_start = k
        elif not empty and run_start is not None:
            if k - run_start >= 8:
                mid = lo + (run_start + k) / 2
                if best is None or abs(mid - width / 2) < abs(best[0] - width / 2):
                    best = (mid, lo + run_start)
            run_start = None
    if best is None:
        return None
    g = best[0]
    lefts = [c for ln in body for c in [[c for c in ln.chars if (c[1] + c[3]) / 2 < g]] if c]
    rights = [c for ln in body for c in [[c for c in ln.chars if (c[1] + c[3]) / 2 >= g]] if c]
    if len(lefts) < 4 or len(rights) < 4:
        return None
    size = max(ln.size for ln in body)
    for side in (lefts, rights):
        x0 = min(cs[0][1] for cs in side)
        x1 = max(cs[-1][3] for cs in side)
        widths = sorted(cs[-1][3] - cs[0][1] for cs in side)
        # A text column is wide and its lines mostly fill it; a borderless table's cells are short.
        if x1 - x0 < 8 * size or widths[len(widths) // 2] < 0.6 * (x1 - x0):
            return None
    return g


def reading_order(lines: list[Line], width: float) -> list[Line]:
    """Lines of a page in reading order: two text columns are read one after the other.

    Lines that cross the gutter (a title over both columns, a table cell) end a column block: the
    left column above them, then the right column, then the crossing line.
    """
    g = _gutter(lines, width)
    if g is None:
        return lines
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        a = [c for c in ln.chars if (c[1] + c[3]) / 2 < g]
        b = [c for c in ln.chars if (c[1] + c[3]) / 2 >= g]
        crossing = any(c[1] < g < c[3] for c in ln.chars)
        if ln.cell is not None or crossing:
            ln.column = 2  # spans both columns: its margins are not a column's
            out += left + right + [ln]
            left, right = [], []
            continue
        if a:
            left.append(Line(ln.page, a).finish() if b else ln)
        if b:
            part = Line(ln.page, b).finish() if a else ln
            part.column = 1
            right.append(part)
    return out + left + right


def is_page_number(text: str) -> bool:
    return bool(text.strip()) and bool(_PAGE_NO.match(text))


def _key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def _running_candidates(lines: list[Line], h: float, zone: float) -> list[Line]:
    """The lines :func:`remove_running` may drop: the first/last two, in the top/bottom zone."""
    out = [ln for ln in lines[:2] if ln.bottom <= h * zone]
    out += [ln for ln in lines[-2:] if ln.top >= h * (1 - zone) and ln not in out]
    return out


def outlasts_running(lines: list[Line], h: float, zone: float = 0.15) -> bool:
    """True when some line of the page is sure to stay: :func:`remove_running` cannot drop it."""
    return len(lines) > len(_running_candidates(lines, h, zone))


def remove_running(pages: list[list[Line]], heights: list[float], zone: float = 0.15) -> int:
    """Drop running headers/footers and page-number lines in place; return how many were dropped."""
    def candidates(lines: list[Line], h: float) -> list[Line]:
        return _running_candidates(lines, h, zone)

    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        counts.update({_key(ln.text) for ln in candidates(lines, h)})
    with_text = sum(1 for p in pages if p)
    need = max(2, (with_text + 1) // 2)
    dropped = 0
    for i, (lines, h) in enumerate(zip(pages, heights, strict=True)):
        drop = {id(ln) for ln in candidates(lines, h) if is_page_number(ln.text) or counts[_key(ln.text)] >= need}
        if drop:
            pages[i] = [ln for ln in lines if id(ln) not in drop]
            dropped += len(drop)
    return dropped


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left and right text margins: where most lines start and the furthest common line end."""
    # The smallest start shared by two or more lines: on a page of one-line paragraphs most lines
    # are indented, so the most common start would be the indent, not the margin.
    starts = Counter(round(ln.x0) for ln in lines)
    shared = [x for x, n in starts.items() if n >= 2]
    left = min(shared) if shared else min(starts)
    ends = sorted(ln.x1 for ln in lines)
    right = ends[int(len(ends) * 0.9)] if len(ends) >= 3 else ends[-1]
    return left, right


def continues(prev: Line, line: Line, margins: dict[tuple[int, int], tuple[float, float]]) -> bool:
    """True when ``line`` is the layout-wrapped continuation of ``prev`` (same paragraph)."""
    if abs(prev.size - line.size) > 0.6:
        return False
    _, pr = margins[(prev.page, prev.column)]
    ll, _ = margins[(line.page, line.column)]
    # Previous line ended short of the margin: the paragraph ended there. 1.2 character widths of
    # slack, because a ragged (left-aligned) CJK line may stop a character early (line-start rules).
    if prev.x1 < pr - 1.2 * prev.size:
        return False
    if prev.text[-1:] in _SENTENCE_END and HEADING.match(line.text):
        return False  # a full last line followed by an unindented "二、…" heading
    # Indented / centred: a new paragraph, heading or title ... unless both lines start at one x far
    # right of any paragraph indent: a block of text set beside a picture (a caption in a borderless
    # table), wrapped like a narrow column.
    if line.x0 > ll + 0.5 * line.size and not (abs(line.x0 - prev.x0) < 1 and prev.x0 > ll + 4 * line.size):
        return False
    if "\t" in prev.text or "\t" in line.text:  # table rows and tab-aligned lines never merge
        return False
    if prev.cell is not None or line.cell is not None:  # a table cell is a unit of its own
        return False
    if prev.page == line.page and line.top - prev.bottom > 1.2 * line.size:
        return False  # a blank gap: paragraph spacing, not a wrap
    return True


def paragraphs(pages: list[list[Line]]) -> list[list[Line]]:
    """Group the remaining lines of all pages into paragraphs (lists of lines, in order)."""
    all_lines = [ln for p in pages for ln in p]
    if not all_lines:
        return []
    fallback = _margins([ln for ln in all_lines if ln.column == 0] or all_lines)
    margins = {}
    for p in pages:
        for column in {ln.column for ln in p}:  # a two-column page: each column has its margins
            lines = [ln for ln in p if ln.column == column]
            margins[(lines[0].page, column)] = _margins(lines) if len(lines) >= 5 else fallback
    out: list[list[Line]] = []
    for ln in all_lines:
        if out and continues(out[-1][-1], ln, margins):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def needs_space(a: str, b: str) -> bool:
    """Joining two wrapped lines: only Latin words need a space; CJK and numbers join directly."""
    return bool(_ASCII_WORD.match(a[-1:]) and _ASCII_WORD.match(b[:1]))


def split_tabs(line: Line) -> list[tuple[str, Char | None]]:
    """The line's characters with a tab (box None) wherever a wide gap separates two of them."""
    chars = line.chars
    texts = list(map(_TEXT, chars))
    # A tab needs a gap wider than 1.5 sizes of both neighbours, so none when no gap beats 1.5 times
    # the smallest size: decided in C for almost every line.
    gaps = list(map(sub, map(_X0, chars[1:]), map(_X1, chars)))
    tabs: list[int] = []
    if gaps and max(gaps) > 1.5 * min(map(_SIZE, chars)):
        tabs = [k for k in range(1, len(chars))
                if gaps[k - 1] > 1.5 * max(chars[k][5], chars[k - 1][5])
                and texts[k - 1].strip() and texts[k].strip()]
    text = "".join(texts)
    if not tabs and len(text) == len(chars) and "" not in texts:  # one character per glyph, no tab
        return list(zip(text, chars, strict=True))
    out: list[tuple[str, Char | None]] = []
    tab_at = set(tabs)
    for k, c in enumerate(chars):
        if k in tab_at:
            out.append(("\t", None))
        for ch in c[0]:  # a ligature glyph ("ﬁ" -> "fi") gives several characters, one box each
            out.append((ch, c))
    return out
