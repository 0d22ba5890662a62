"""Text under a highlight in the PDF stays black: the fill is multiplied onto the page like a
highlighter pen, not laid over the characters (the purple of 人工新增 made them hard to read)."""
from __future__ import annotations

from core.review import ops
from gui.views.highlights import status_color
from core.domain import FigureStatus
from tests.gui.helpers import PDF
from tests.gui.review_fixtures import open_path


def _darkest(image, rect) -> int:
    r = rect.toAlignedRect().intersected(image.rect())
    return min(image.pixelColor(x, y).lightness()
               for x in range(r.left(), r.right()) for y in range(r.top(), r.bottom()))


def test_added_figure_text_stays_black_in_the_pdf(qtbot, rwindow):
    open_path(qtbot, rwindow, PDF)
    report = rwindow.session.report
    taken = {i for f in report.figures for i in range(f.start, f.end)}
    text = report.document.text
    start = next(i for i in range(300, len(text) - 6)
                 if not any(k in taken or text[k].isspace() for k in range(i, i + 6)))
    op = ops.AddFigure(report.id, ops.Proposal(start, start + 6, 1, "项"))
    assert rwindow.review_kit.ctl.push(op) is not None
    view = rwindow.review.original.pdf_view
    view.scroll_to_offset(start, start + 6)
    page = report.document.boxes.page[start]
    qtbot.waitUntil(lambda: view.rendered_image(page) is not None, timeout=20000)
    view.set_selected_figure(None, flash=False)
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    rects = view.figure_rects(op.figure_id)
    assert rects
    darkest = min(_darkest(image, r.adjusted(2, 2, -2, -2)) for _p, r in rects)
    view.set_highlights([])  # the same place without any highlight
    qtbot.wait(50)
    plain = view.viewport().grab().toImage()
    plain_darkest = min(_darkest(plain, r.adjusted(2, 2, -2, -2)) for _p, r in rects)
    # the characters' strokes stay as dark as on the bare page, not a purple-grey
    assert darkest <= plain_darkest + 5, (darkest, plain_darkest)
    # and the paper around them shows the status colour
    assert report.figure(op.figure_id).status == FigureStatus.MANUAL
    assert status_color(FigureStatus.MANUAL).lightness() > 150
