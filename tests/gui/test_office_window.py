"""The window on an office laptop: fits 1366×768, the open report is the selected one (a click
opens it), progress per report in the list and the title, an empty state, the first start."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont

from core.domain import FigureStatus
from gui.main_window import MainWindow
from gui.models.report_list_model import COL_ORG, COL_PROGRESS
from gui.review.answers import Answers
from tests.gui.helpers import TXT
from tests.gui.review_fixtures import REVIEWER, activate, open_path, press
from tests.conftest import SEEDS

TXT2 = SEEDS / "001_3deec8ad648222d9.txt"


class _Screen:
    """A 1366×768 laptop screen with a 40-pixel task bar."""

    def availableGeometry(self):  # noqa: N802
        return QRect(0, 0, 1366, 728)


def test_window_fits_a_1366x768_screen(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "screen", lambda self: _Screen())
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.width() <= 1366 - 16 and w.height() <= 728 - 40
    assert w.minimumSizeHint().width() <= 1366 and w.minimumSizeHint().height() <= 728
    assert w.width() >= 1200  # not needlessly small either


def test_a_saved_geometry_from_a_bigger_screen_is_fitted(qtbot, monkeypatch):
    w = MainWindow()
    w.resize(1900, 1150)
    w.save_layout()
    w.close()
    monkeypatch.setattr(MainWindow, "screen", lambda self: _Screen())
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.width() <= 1366 and w2.height() <= 728


def test_a_click_in_the_list_opens_that_report(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    first = rwindow.session.report_id()
    open_path(qtbot, rwindow, TXT2)
    second = rwindow.session.report_id()
    assert first != second
    table = rwindow.report_list.table
    model = rwindow.report_list.model
    proxy = rwindow.report_list.proxy
    row = proxy.mapFromSource(model.index(model.row_of(first), 0)).row()
    rect = table.visualRect(proxy.index(row, COL_ORG))
    with qtbot.waitSignal(rwindow.reportOpened, timeout=30000) as sig:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [first] and rwindow.session.report_id() == first
    # the open report is marked: bold with ▶; the other is not
    idx = proxy.index(row, COL_ORG)
    assert idx.data().startswith("▶ ") and idx.data(Qt.ItemDataRole.FontRole).bold()
    other = proxy.mapFromSource(model.index(model.row_of(second), COL_ORG))
    assert not other.data().startswith("▶") and other.data(Qt.ItemDataRole.FontRole) is None
    assert isinstance(idx.data(Qt.ItemDataRole.FontRole), QFont)


def test_progress_in_the_list_and_title(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    total = sum(1 for f in rwindow.session.report.figures if f.status != FigureStatus.DELETED)
    assert rwindow.windowTitle().endswith(f"已审 0/{total}")
    rwindow.review.focus_figures()
    press(qtbot, rwindow, Qt.Key.Key_Y, times=2)
    model = rwindow.report_list.model
    assert model.index(model.row_of(rid), COL_PROGRESS).data() == f"已审 2/{total}"
    assert rwindow.windowTitle().endswith(f"已审 2/{total}")
    rwindow.review_kit.actions.undo.trigger()
    assert rwindow.windowTitle().endswith(f"已审 1/{total}")


def test_status_colour_in_the_first_column_and_all_statuses_with_deleted(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    panel = rwindow.review.figures
    rwindow.review.focus_figures()
    press(qtbot, rwindow, Qt.Key.Key_Delete)
    first = panel.proxy.index(0, 0)
    assert first.data(Qt.ItemDataRole.DecorationRole).isValid()  # a colour swatch
    total = len(rwindow.session.report.figures)
    assert panel.proxy.rowCount() == total - 1  # default: deleted ones hidden
    box = panel.status_box
    box.setCurrentIndex(box.findText("全部（含已删除）"))
    assert panel.proxy.rowCount() == total
    metrics = box.fontMetrics()
    for i in range(box.count()):  # every label fits the box: nothing shows as "…"
        assert metrics.horizontalAdvance(box.itemText(i)) < box.sizeHint().width()


def test_empty_state_until_a_report_is_open(qtbot, rwindow):
    assert rwindow.review.is_empty()
    assert "尚未打开报告" in rwindow.review.empty.label.text()
    open_path(qtbot, rwindow, TXT)
    assert not rwindow.review.is_empty()


def test_first_start_loads_the_sample_says_what_to_do_and_asks_the_name_first(qtbot):
    asked = []
    w = MainWindow(answers=Answers(name=lambda: asked.append(1) or REVIEWER))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.reportOpened, timeout=30000):
        w.start([])
    assert asked == [1]  # at start, before any decision key
    assert w.hint_bar.isVisible() and "F1" in w.hint_bar.label.text()
    assert "Ctrl+O" in w.hint_bar.label.text()
    qtbot.waitUntil(lambda: not w.imports.busy(), timeout=30000)
    activate(qtbot, w)
    w.review.focus_figures()
    press(qtbot, w, Qt.Key.Key_Y)
    assert asked == [1]  # not again
    assert any(f.status == FigureStatus.CONFIRMED for f in w.session.report.figures)
    w.imports.cancel()


def test_later_starts_show_no_hint_and_open_the_last_report(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    rwindow.save_layout()
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.reportOpened, timeout=30000):
        w.start([])
    assert w.session.report_id() == rid and not w.hint_bar.isVisible()



def test_undo_replaces_the_stale_status_message(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rwindow.review.focus_figures()
    rwindow.review_kit.ctl.message.emit("已确认“某某”下 3 个待审数字。")  # an older step's message
    press(qtbot, rwindow, Qt.Key.Key_Y)
    rwindow.review_kit.actions.undo.trigger()
    assert rwindow.statusBar().currentMessage() == "已撤销：确认数字"
    rwindow.review_kit.actions.redo.trigger()
    assert rwindow.statusBar().currentMessage() == "已重做：确认数字"


def test_arrow_keys_in_the_list_open_where_the_reviewer_stops(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    first = rwindow.session.report_id()
    open_path(qtbot, rwindow, TXT2)
    table = rwindow.report_list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=5000)
    model, proxy = rwindow.report_list.model, rwindow.report_list.proxy
    row = proxy.mapFromSource(model.index(model.row_of(first), 0)).row()
    key = Qt.Key.Key_Up if row < table.currentIndex().row() else Qt.Key.Key_Down
    with qtbot.waitSignal(rwindow.reportOpened, timeout=30000) as sig:
        qtbot.keyClick(table, key)
    assert sig.args == [first]


def test_filtering_the_list_opens_nothing(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    open_path(qtbot, rwindow, TXT2)
    shown = rwindow.session.report_id()
    other = next(r for r in rwindow.report_list.model.reports() if r.id != shown)
    opened = []
    rwindow.reportOpened.connect(opened.append)
    rwindow.report_list.filter_edit.setText(other.file_name)  # hides the open report's row
    qtbot.wait(400)
    assert opened == [] and rwindow.session.report_id() == shown
