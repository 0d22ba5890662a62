"""Tables on PDF pages: one line per cell, found with pdfplumber's table finder on PDFium's rules.

pdfplumber's finder (:class:`pdfplumber.table.TableFinder`, default "lines" settings) works from
the ruling lines a page draws. Getting those from pdfplumber itself costs a pdfminer parse of the
whole page, every glyph included (~45 ms a page); PDFium has already parsed the page, so the edges
are made here from its path objects (well under a millisecond) and handed to the same finder.
They are made the way pdfminer and pdfplumber make them, so the finder sees the same edges
(tests/core/test_import_pdf_tables.py checks that against pdfplumber's ``page.edges``):

* every subpath is read in pdfminer's terms: ``m``/``l``/``c`` by their end points, a closing
  ``h`` as a return to the subpath's start (PDFium stores it as a closing line segment);
* ``ml``/``mlh`` is a line (one edge; "h" when flat, else "v", as ``line_to_edge`` says);
  ``mlllh``/``mllll`` closed and axis-aligned is a rectangle (four edges); anything else is a
  curve, one edge per pair of consecutive points ("h"/"v" only when flat/upright);
* paths inside form XObjects count too, turned by the form's matrix.

It runs only on pages where PDFium sees at least two horizontal and two vertical rules (thin
filled rectangles or stroked segments) — most report pages have none.

Characters inside a cell become one :class:`Line` per cell, read line by line (top to bottom, then
left to right), so a wrapped cell stays one unit and a row never runs into one line. Cells are
marked (``Line.cell``) so the paragraph builder never joins them with body text.
"""
from __future__ import annotations

import ctypes
import itertools

from core.importers import pdf_layout as layout

_Point = tuple[float, float]
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _RuledPage:
    """What :class:`TableFinder` reads of a page with the "lines" strategies: its edges and bbox."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.edges = edges
        self.bbox = bbox


def table_lines(page, index: int, rules: tuple[int, int], chars: list[tuple]):
    """``(ids of chars in cells, one Line per non-empty cell)`` or None when the page has no table.

    ``page``: the open pypdfium2 page; ``rules``: counts of horizontal and vertical ruling lines
    PDFium saw on the page (the cheap test for "may hold a table").
    """
    h, v = rules
    if h < 2 or v < 2:
        return None
    from pdfplumber.table import TableFinder

    try:
        edges, bbox = page_edges(page)
        tables = TableFinder(_RuledPage(edges, bbox)).tables  # type: ignore[arg-type]  # reads .edges, .bbox
    except Exception:  # noqa: BLE001 - the finder is an improvement, never a reason to fail
        return None
    if not tables:
        return None
    inside: set[int] = set()
    lines: list[layout.Line] = []
    for t_no, table in enumerate(tables):
        for r_no, row in enumerate(table.rows):
            for c_no, cell in enumerate(row.cells):
                if cell is None:
                    continue
                x0, top, x1, bottom = cell
                got = [c for c in chars if id(c) not in inside
                       and x0 <= (c[1] + c[3]) / 2 <= x1 and top <= (c[2] + c[4]) / 2 <= bottom]
                if not got:
                    continue
                inside.update(id(c) for c in got)
                lines.append(layout.cell_line(index, got, (t_no, r_no, c_no)))
    return (inside, lines) if lines else None


def page_edges(page) -> tuple[list[dict], tuple[float, float, float, float]]:
    """pdfplumber-style edges of every path on the page (lines, then rectangles, then curves) and
    the page's bbox, in the characters' coordinates: points from the page's top left as shown."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation() % 360
    w, h = right - left, top - bottom

    def shown(x: float, y: float) -> _Point:  # as pdf_chars._shown_box turns a character
        u, v = x - left, top - y
        if rotation == 90:
            return h - v, u
        if rotation == 180:
            return w - u, h - v
        if rotation == 270:
            return v, w - u
        return u, v

    found: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}
    # Depth first, in content order: (the form or None for the page, objects in it, next index, matrix)
    stack = [(None, pdfium_c.FPDFPage_CountObjects(page.raw), 0, _IDENTITY)]
    while stack:
        form, count, k, outer = stack.pop()
        if k >= count:
            continue
        stack.append((form, count, k + 1, outer))
        obj = pdfium_c.FPDFFormObj_GetObject(form, k) if form else pdfium_c.FPDFPage_GetObject(page.raw, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            stack.append((obj, pdfium_c.FPDFFormObj_CountObjects(obj), 0, _times(_matrix(obj), outer)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            m = _times(_matrix(obj), outer)
            for shape, pts in _subpaths(obj):
                turned = [shown(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x, y in pts]
                _add_edges(shape, turned, found)
    swap = rotation in (90, 270)
    return found["line"] + found["rect"] + found["curve"], (0.0, 0.0, h if swap else w, w if swap else h)


def _matrix(obj) -> _Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` applied first, then ``outer`` (PDF's row-vector order)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _subpaths(path) -> list[tuple[str, list[_Point]]]:
    """The path's subpaths as pdfminer sees them: operator letters and one end point each."""
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[_Point]]] = []
    shape = ""  # the current subpath: its operators and points
    pts: list[_Point] = []
    bezier = 0  # PDFium stores a curve as three points: only the third (its end) counts
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, k)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        kind, point, close = pdfium_c.FPDFPathSegment_GetType(seg), (x.value, y.value), pdfium_c.FPDFPathSegment_GetClose(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append((shape, pts))
            shape, pts, bezier = "m", [point], 0
            continue
        if not shape:
            continue  # no current point: pdfminer ignores such a path
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier < 3:
                continue
            bezier = 0
            shape, pts = shape + "c", [*pts, point]
            if close:
                shape, pts = shape + "h", [*pts, pts[0]]
        elif close and point == pts[0]:
            shape, pts = shape + "h", [*pts, pts[0]]  # the line PDFium adds for "h"
        else:
            shape, pts = shape + "l", [*pts, point]
            if close:
                shape, pts = shape + "h", [*pts, pts[0]]
    if shape:
        out.append((shape, pts))
    return out


def _add_edges(shape: str, pts: list[_Point], found: dict[str, list[dict]]) -> None:
    """pdfminer's line / rectangle / curve for one subpath, as pdfplumber's edges."""
    if len(shape) < 2:
        return
    if shape in ("ml", "mlh"):
        (ax, ay), (bx, by) = pts[0], pts[1]
        found["line"].append(_edge("line", ax, ay, bx, by, "h" if ay == by else "v"))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if last == pts[0] and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = min(y0, y2), max(y0, y2)
            found["rect"] += [_edge("rect_edge", left, top, right, top, "h"),
                              _edge("rect_edge", left, bottom, right, bottom, "h"),
                              _edge("rect_edge", left, top, left, bottom, "v"),
                              _edge("rect_edge", right, top, right, bottom, "v")]
            return
    for (ax, ay), (bx, by) in itertools.pairwise(pts):
        orientation = "v" if ax == bx else ("h" if ay == by else None)
        found["curve"].append(_edge("curve_edge", ax, ay, bx, by, orientation))


def _edge(kind: str, ax: float, ay: float, bx: float, by: float, orientation: str | None) -> dict:
    x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}
