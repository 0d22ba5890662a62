"""Text selection in a PDF page as a PDF reader does it: the character under (or nearest to) the
press point and the one under the pointer now, and every character between them in text order.

Pure geometry over ``core.document.CharBoxes`` (PDF points), kept apart from the widget so it is
tested without Qt.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from core.document import CharBoxes

# a point off the line counts this much more than the same distance along it: a pointer a little
# above or below a line still picks a character on that line, not one on the next line
LINE_WEIGHT = 4.0


class PageIndex:
    """Offsets of each page's characters (text order), built once per document."""

    def __init__(self, boxes: CharBoxes):
        self.boxes = boxes
        self._by_page: dict[int, list[int]] = {}
        for i, p in enumerate(boxes.page):
            if p >= 0:
                self._by_page.setdefault(p, []).append(i)

    def chars(self, page: int) -> list[int]:
        return self._by_page.get(page, [])

    def char_at(self, page: int, x: float, y: float) -> tuple[int, bool] | None:
        """(offset of the character nearest to (x, y) on ``page``, True when the point is past
        its middle); None on a page without text."""
        b = self.boxes
        best, best_d, after = None, float("inf"), False
        for i in self.chars(page):
            x0, x1, top, bottom = b.x0[i], b.x1[i], b.top[i], b.bottom[i]
            dy = 0.0 if top <= y <= bottom else min(abs(y - top), abs(y - bottom))
            dx = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            d = dy * LINE_WEIGHT + dx
            if d < best_d:
                best, best_d, after = i, d, x > (x0 + x1) / 2
                if d == 0.0:
                    break
        return None if best is None else (best, after)


def span_between(a: tuple[int, bool], b: tuple[int, bool]) -> tuple[int, int] | None:
    """The selected ``(start, end)`` from the press character ``a`` to the current one ``b``:
    each end counts its character when the pointer is past its middle (as text editors do)."""
    (i, i_after), (j, j_after) = a, b
    start_i = i + 1 if i_after else i
    end_j = j + 1 if j_after else j
    start, end = min(start_i, end_j), max(start_i, end_j)
    return (start, end) if end > start else None


def offsets_on_page(index: PageIndex, page: int, start: int, end: int) -> list[int]:
    """Offsets in ``[start, end)`` on ``page`` (for tests and painting)."""
    chars = index.chars(page)
    return chars[bisect_left(chars, start):bisect_right(chars, end - 1)]
