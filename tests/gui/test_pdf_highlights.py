"""Highlight boxes sit on the characters: each drawn box (viewport pixels, mapped back to PDF
points) encloses exactly the characters pdfplumber reports there, and those spell the figure."""
from __future__ import annotations

import pdfplumber
import pytest
from PySide6.QtCore import QRectF

from gui.main_window import MainWindow
from tests.gui.helpers import PDF, open_report


@pytest.mark.parametrize("path", [PDF])
def test_boxes_enclose_pdfplumber_chars(qtbot, path):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    open_report(qtbot, w, path)
    pdf = w.review.original.pdf_view
    figures = w.review.report.figures
    checked = 0
    with pdfplumber.open(str(path)) as plumber:
        for fig in figures[:: max(1, len(figures) // 12)]:
            pdf.scroll_to_offset(fig.start, fig.end)
            drawn = pdf.figure_rects(fig.id)
            assert drawn, fig.text
            spelled = ""
            for page, px in drawn:
                pr = pdf.page_rect(page)
                s = pdf.scale()
                pt = QRectF((px.x() - pr.x()) / s, (px.y() - pr.y()) / s,
                            px.width() / s, px.height() / s)
                inside = [c for c in plumber.pages[page].chars
                          if pt.contains((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)]
                assert inside, fig.text
                for c in inside:  # every character lies entirely in the box (0.5 pt slack)
                    assert pt.adjusted(-0.5, -0.5, 0.5, 0.5).contains(
                        QRectF(c["x0"], c["top"], c["x1"] - c["x0"], c["bottom"] - c["top"]))
                spelled += "".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"]))
            expected = "".join(fig.text.split())
            assert "".join(spelled.split()) == expected
            checked += 1
    assert checked >= 5
