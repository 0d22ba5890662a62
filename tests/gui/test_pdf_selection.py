"""A drag along a printed line of a PDF selects that text, as in a PDF reader (before, only a
diagonal rubber band over the characters' centres selected anything)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from core.document import CharBoxes
from gui.main_window import MainWindow
from gui.views.pdf_text_pick import PageIndex, span_between
from tests.gui.helpers import PDF, open_report


def _send(widget, kind, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    ev = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def _plain_run(doc, figures, length=8) -> int:
    """Start of ``length`` characters on one printed line, in no figure, without spaces."""
    b = doc.boxes
    taken = set()
    for f in figures:
        taken.update(range(f.start, f.end))
    for i in range(200, len(doc.text) - length):
        run = range(i, i + length)
        if any(k in taken or doc.text[k].isspace() or b.page[k] != b.page[i] for k in run):
            continue
        if all(abs(b.top[k] - b.top[i]) < 1 and b.x0[k] > b.x0[k - 1] for k in run[1:]):
            return i
    raise AssertionError("no plain run of text found")


def test_horizontal_drag_selects_the_text_of_the_line(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 740)
    w.show()
    open_report(qtbot, w, PDF)
    view = w.review.original.pdf_view
    doc = w.review.report.document
    i = _plain_run(doc, w.review.report.figures)
    j = i + 7
    view.scroll_to_offset(i, j + 1)
    b = doc.boxes
    page = b.page[i]
    pr, s = view.page_rect(page), view.scale()

    def at(k, frac):  # a point inside character k, ``frac`` of its width from the left
        x = b.x0[k] + (b.x1[k] - b.x0[k]) * frac
        y = (b.top[k] + b.bottom[k]) / 2
        return QPointF(pr.x() + x * s, pr.y() + y * s)

    vp = view.viewport()
    _send(vp, QEvent.Type.MouseButtonPress, at(i, 0.2), Qt.MouseButton.LeftButton)
    for frac in (0.5, 0.9):
        _send(vp, QEvent.Type.MouseMove, at(j - 3, frac), Qt.MouseButton.LeftButton)
    _send(vp, QEvent.Type.MouseMove, at(j, 0.8), Qt.MouseButton.LeftButton)
    _send(vp, QEvent.Type.MouseButtonRelease, at(j, 0.8), Qt.MouseButton.NoButton)
    assert view.selection() == (i, j + 1)
    assert w.review.text_selection() == (i, j + 1)


def _boxes(*chars) -> CharBoxes:
    b = CharBoxes()
    for page, x0, top in chars:
        b.append(page, x0, top, x0 + 10, top + 10)
    return b


def test_nearest_character_prefers_the_same_line():
    # two lines of three characters: (0..2) at top 0, (3..5) at top 14
    b = _boxes(*[(0, 10 * k, 0) for k in range(3)], *[(0, 10 * k, 14) for k in range(3)])
    idx = PageIndex(b)
    assert idx.char_at(0, 15, 5) == (1, False)  # inside the second character, left half
    assert idx.char_at(0, 200, 4) == (2, True)  # far right of line one: its last character
    assert idx.char_at(0, 5, 12) == (0, False)  # just under line one, nearer to it
    assert idx.char_at(1, 5, 5) is None  # a page without text


def test_span_counts_each_end_by_which_half_the_pointer_is_in():
    assert span_between((2, False), (5, True)) == (2, 6)
    assert span_between((5, True), (2, False)) == (2, 6)  # dragging backwards
    assert span_between((3, False), (3, False)) is None
