"""Tables on PDF pages: one line per cell, found with pdfplumber's table finder.

pdfplumber's finder works from the ruling lines a table draws. It costs a pdfminer parse of the
page (~30 ms), so it runs only on pages where PDFium sees at least two horizontal and two vertical
rules (thin filled rectangles or stroked segments) — most report pages have none.

Characters inside a cell become one :class:`Line` per cell, read line by line (top to bottom, then
left to right), so a wrapped cell stays one unit and a row never runs into one line. Cells are
marked (``Line.cell``) so the paragraph builder never joins them with body text.
"""
from __future__ import annotations

import contextlib
import threading

from core.importers import pdf_layout as layout

_local = threading.local()


def _plumber(path: str):
    """One pdfplumber document per import (per thread), opened only when a page needs it."""
    cached = getattr(_local, "doc", None)
    if cached is not None and cached[0] == path:
        return cached[1]
    close_tables()
    import pdfplumber

    doc = pdfplumber.open(path, password="")
    _local.doc = (path, doc)
    return doc


def close_tables() -> None:
    """Release the pdfplumber document of the last import."""
    cached = getattr(_local, "doc", None)
    _local.doc = None
    if cached is not None:
        with contextlib.suppress(Exception):  # closing a reader must never fail an import
            cached[1].close()


def table_lines(path: str, index: int, rules: tuple[int, int], chars: list[tuple]):
    """``(ids of chars in cells, one Line per non-empty cell)`` or None when the page has no table.

    ``rules``: counts of horizontal and vertical ruling lines PDFium saw on the page.
    """
    h, v = rules
    if h < 2 or v < 2:
        return None
    from core.importers.pdf_health import quiet_pdfminer

    try:
        with quiet_pdfminer():
            tables = _plumber(path).pages[index].find_tables()
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
