"""The review window with the real importers, detectors and store, offscreen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from gui.main_window import MainWindow
from gui.models.figures_model import FIGURE_ROLE
from gui.text_offsets import Utf16Index
from tests.gui.helpers import BAD_DOCX, DOCX, PDF, TXT, open_report


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.imports.cancel()


@pytest.mark.parametrize("path, fmt", [(PDF, "pdf"), (DOCX, "docx"), (TXT, "txt")])
def test_opening_each_format(qtbot, window, path, fmt):
    open_report(qtbot, window, path)
    review = window.review
    assert review.report.document.format == fmt
    assert review.figures.model.rowCount() == len(review.report.figures) > 0
    assert window.report_list.model.rowCount() == 1
    view = review.original.current_view()
    expected = {"pdf": review.original.pdf_view, "docx": review.original.rich_view,
                "txt": review.original.plain_view}  # a TXT original is its plain text
    assert view is expected[fmt]
    assert review.meta_bar.field_text("year").endswith("</b>")
    if fmt == "pdf":
        qtbot.waitUntil(lambda: view.rendered_image(0) is not None, timeout=5000)
    else:  # the formatted text holds every block's text
        shown = view.toPlainText().replace("\xa0", " ")
        doc = review.report.document
        for b in doc.blocks[:20]:
            assert doc.text[b.start:b.end].replace("\n", " ").replace("\xa0", " ") in shown
    review.original.set_plain(True)
    assert review.original.current_view() is review.original.plain_view
    assert review.original.plain_view.toPlainText() == review.report.document.text.replace(
        "\xa0", " ")


def test_missing_part_marks(qtbot, window):
    open_report(qtbot, window, PDF)
    report = window.review.report
    bar = window.review.meta_bar
    assert report.missing_parts == ["leader_duty"]  # 003 has no heading for the leader's duty …
    # … but a paragraph under (一) covers it: ✓, with the reason (the false ✗)
    assert bar.part_states() == dict.fromkeys(("measures", "shortcomings", "leader_duty", "plan"),
                                              True)
    assert "主要负责人切实履行法治建设第一责任人职责" in bar.part_tooltip("leader_duty")


def _row_of(panel, figure_id):
    idx = panel.table.currentIndex()
    return idx.data(FIGURE_ROLE).id if idx.isValid() else None


def test_pdf_linking_both_ways(qtbot, window):
    open_report(qtbot, window, PDF)
    review = window.review
    pdf = review.original.pdf_view
    panel = review.figures
    # row → original: scrolls to the figure and flashes it
    proxy_row = panel.proxy.rowCount() - 1
    panel.table.selectRow(proxy_row)
    fig = panel.proxy.index(proxy_row, 0).data(FIGURE_ROLE)
    assert pdf.flashing() == fig.id
    rects = pdf.figure_rects(fig.id)
    assert rects and pdf.viewport().rect().contains(rects[0][1].center().toPoint())
    # original → row: click another figure's highlight
    other = panel.proxy.index(proxy_row - 1, 0).data(FIGURE_ROLE)
    pdf.scroll_to_offset(other.start, other.end)
    (_page, r), *_ = pdf.figure_rects(other.id)
    with qtbot.waitSignal(pdf.figureClicked) as blocker:
        qtbot.mouseClick(pdf.viewport(), Qt.MouseButton.LeftButton, pos=r.center().toPoint())
    assert blocker.args == [other.id]
    assert _row_of(panel, other.id) == other.id
    # hovering shows value, unit and status
    h = pdf.highlight_at(r.center())
    assert h.id == other.id and other.unit in h.tooltip and "待审" in h.tooltip


def test_text_linking_and_selection_offsets(qtbot, window):
    open_report(qtbot, window, DOCX)
    review = window.review
    view = review.original.rich_view
    panel = review.figures
    fig = panel.proxy.index(3, 0).data(FIGURE_ROLE)
    panel.table.selectRow(3)
    assert view.flashing() == fig.id
    # click in the middle of another figure's highlight
    other = panel.proxy.index(1, 0).data(FIGURE_ROLE)
    view.scroll_to_offset(other.start, other.end)
    from PySide6.QtGui import QTextCursor
    c = QTextCursor(view.document())
    c.setPosition(view.view_pos(other.start) + 1)
    pos = view.cursorRect(c).center()
    with qtbot.waitSignal(view.figureClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [other.id]
    assert _row_of(panel, other.id) == other.id
    # the selection comes back as str offsets of the document text
    text = review.report.document.text
    with qtbot.waitSignal(review.original.textSelectionChanged) as blocker:
        view.set_selection(fig.start, fig.end)
    assert blocker.args == [fig.start, fig.end]
    assert text[fig.start:fig.end] == fig.text
    assert review.original.selection() == (fig.start, fig.end)


def test_outline_scrolls_and_limits_figures(qtbot, window):
    open_report(qtbot, window, TXT)
    review = window.review
    view = review.original.current_view()
    sections = review.report.sections
    last = max(i for i, s in enumerate(sections) if s.level == 1)
    review.figures.section_only.setChecked(True)
    review.select_section(last)
    c = view.cursorForPosition(QPoint(5, view.viewport().height() // 2))
    visible = view.doc_offset(c.position())
    assert abs(visible - sections[last].start) < 400
    shown = {review.report.section_index(review.figures.proxy.index(r, 0).data(FIGURE_ROLE).start)
             for r in range(review.figures.proxy.rowCount())}
    assert shown <= review.outline_model.descendants(last)
    review.figures.section_only.setChecked(False)
    assert review.figures.proxy.rowCount() == review.figures.model.rowCount()


def test_bad_file_in_batch(qtbot, window):
    with qtbot.waitSignal(window.importFinished, timeout=30000) as blocker:
        window.import_paths([str(BAD_DOCX), str(TXT)])
    outcome = blocker.args[0]
    assert len(outcome.imported) == 1
    assert [p for p, _ in outcome.failed] == [str(BAD_DOCX)]
    box = window.imports.error_box
    assert box is not None and BAD_DOCX.name in box.text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in outcome.failed[0][1])
    qtbot.waitUntil(lambda: window.review.report is not None)
    assert window.report_list.model.rowCount() == 1


def test_text_view_offsets_with_astral_characters(qtbot):
    from core.document import Block, Document
    from gui.views.text_view import ReportTextView

    text = "一、𠀀工作\n召开会议26次𠀁。\n"
    doc = Document("x.txt", "txt", text, [Block(0, 5, "line", 0), Block(6, 16, "line", 1)])
    view = ReportTextView()
    qtbot.addWidget(view)
    view.set_document(doc)
    start = text.index("26次")
    view.set_selection(start, start + 3)
    assert view.selection() == (start, start + 3)
    assert view.textCursor().selectedText() == "26次"
    assert Utf16Index(text).to_utf16(start) == view.view_pos(start)


def test_selecting_a_figure_scrolls_the_txt_view_to_it(qtbot, window):
    """The plain view (TXT originals) scrolls by lines: the chosen figure must end up on screen."""
    open_report(qtbot, window, TXT)
    review = window.review
    view = review.original.current_view()
    assert view is review.original.plain_view
    panel = review.figures
    for row in (panel.proxy.rowCount() - 1, 0, panel.proxy.rowCount() // 2):
        fig = panel.proxy.index(row, 0).data(FIGURE_ROLE)
        panel.table.selectRow(row)
        from PySide6.QtGui import QTextCursor
        c = QTextCursor(view.document())
        c.setPosition(view.view_pos(fig.start))
        rect = view.cursorRect(c)
        assert view.viewport().rect().contains(rect.center()), (row, rect)
