"""Managing reports in the window: delete (asked first) into the 回收站 and restore, empty the
bin, correct the report's metadata (undoable), duplicates flagged, the whole report's history."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.report_list_model import COL_FILE, COL_ORG
from tests.conftest import FIXTURES, SEEDS
from tests.gui.helpers import TXT
from tests.gui.review_fixtures import make_window, open_path, press, store_of


def _ids(window) -> list[int]:
    return [r.id for r in window.report_list.model.reports()]


def test_delete_asks_then_moves_to_the_bin_and_restore_brings_it_back(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, SEEDS / "001_3deec8ad648222d9.txt")  # another report stays listed
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    rwindow.review.focus_figures()
    press(qtbot, rwindow, Qt.Key.Key_Y)
    admin = rwindow.review_kit.admin
    answers.yes = False
    assert not admin.delete_report(rid)  # the reviewer said no: nothing happens
    assert rid in _ids(rwindow) and store_of(rwindow).trashed_ids() == set()
    answers.yes = True
    assert admin.delete_report(rid)
    assert "回收站" in answers.asked[-1] and "1 个数字已审核" in answers.asked[-1]
    assert rid not in _ids(rwindow)
    assert rwindow.session.report is None and rwindow.review.is_empty()  # no stale view
    assert rwindow.windowTitle() == "法治报告审阅台"
    assert not rwindow.report_list.table.selectionModel().hasSelection()  # nothing looks open
    dialog = rwindow.review_kit.open_trash()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == TXT.name
    dialog.table.selectRow(0)
    assert dialog.restore_selected() == 1
    assert rid in _ids(rwindow) and dialog.table.rowCount() == 0 and len(_ids(rwindow)) == 2
    assert store_of(rwindow).get_figure(
        store_of(rwindow).list_figures(rid)[0].id).status == "已确认"  # review work kept
    actions = [h.action for h in store_of(rwindow).report_history(rid)]
    assert "trash" in actions and "untrash" in actions


def test_emptying_the_bin_asks_and_deletes_for_good(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    admin = rwindow.review_kit.admin
    assert admin.delete_report(rid)
    answers.yes = False
    assert admin.empty_trash() == 0 and store_of(rwindow).list_trash()
    answers.yes = True
    assert admin.empty_trash() == 1
    assert "不能恢复" in answers.asked[-1]
    assert store_of(rwindow).list_trash() == [] and store_of(rwindow).list_reports() == []


def test_importing_a_file_from_the_bin_again_restores_it(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    rwindow.review_kit.admin.delete_report(rid)
    open_path(qtbot, rwindow, TXT)
    qtbot.waitUntil(lambda: rid in _ids(rwindow), timeout=5000)
    assert store_of(rwindow).trashed_ids() == set()


def test_meta_edit_is_one_undoable_step_and_updates_bar_list_and_history(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.session.report_id()
    before = rwindow.session.report.record
    admin = rwindow.review_kit.admin
    admin.ask_meta = lambda shown: dict(shown, org="重庆市渝中区人民政府", year="2024",
                                        doc_number="渝中府〔2024〕1号")
    assert admin.edit_meta() == 3
    bar = rwindow.review.meta_bar
    assert "重庆市渝中区人民政府" in bar.field_text("org") and "2024" in bar.field_text("year")
    model = rwindow.report_list.model
    assert "重庆市渝中区人民政府" in model.index(model.row_of(rid), COL_ORG).data()
    assert rwindow.review_kit.ctl.undo_stack.undoText() == "修改报告信息"
    rwindow.review_kit.actions.undo.trigger()  # all three fields back in one step
    rec = rwindow.session.report.record
    assert (rec.org, rec.year, rec.doc_number) == (before.org, before.year, before.doc_number)
    assert before.org in bar.field_text("org")
    rwindow.review_kit.actions.redo.trigger()
    assert rwindow.session.report.record.year == 2024
    history = rwindow.review_kit.history
    history.show_report_history()
    history.refresh()
    fields = {(r.action, r.field) for r in history.model.rows()}
    assert {("edit", "org"), ("undo", "year"), ("redo", "doc_number")} <= fields


def test_a_bad_year_is_refused_with_a_chinese_message(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    admin = rwindow.review_kit.admin
    admin.ask_meta = lambda shown: dict(shown, year="去年")
    assert admin.edit_meta() == 0
    assert "年度" in rwindow.statusBar().currentMessage()
    assert rwindow.review_kit.ctl.undo_stack.count() == 0


def test_report_history_lists_every_decision_with_what_it_is_about(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    rwindow.review.focus_figures()
    first = rwindow.review.figures.current_figure()
    press(qtbot, rwindow, Qt.Key.Key_Y)
    rwindow.review_kit.report_history_action.trigger()
    history = rwindow.review_kit.history
    qtbot.waitUntil(lambda: not history.refresh_due, timeout=5000)
    history.refresh()
    texts = [history.model.index(r, 6).data() for r in range(history.model.rowCount())]
    actions = [history.model.index(r, 2).data() for r in range(history.model.rowCount())]
    assert "导入" in actions and "确认" in actions
    assert f"数字“{first.text}”" in texts and "报告" in texts


def test_the_same_report_as_pdf_and_docx_is_flagged(qtbot, rwindow):
    rwindow.imports.ask_replace = lambda _name, _earlier: False  # keep both (same body and year)
    open_path(qtbot, rwindow, FIXTURES / "001_jizhou.docx")
    open_path(qtbot, rwindow, FIXTURES / "001_jizhou.pdf")
    model = rwindow.report_list.model
    cells = [model.index(r, COL_FILE).data() for r in range(model.rowCount())]
    assert all(c.startswith("【重复】") for c in cells) and len(cells) == 2
    assert all("【重复】" in model.index(r, COL_ORG).data() for r in range(2))
    assert "正文相同" in rwindow.statusBar().currentMessage()
    tip = model.index(0, COL_FILE).data(Qt.ItemDataRole.ToolTipRole)
    assert "正文相同" in tip


def test_at_start_the_duplicate_marks_follow_the_first_report(qtbot, rwindow, answers):
    """The next start of the window: the list and the last report come first, the 【重复】 marks
    (every report's fingerprint read in the background) right after."""
    rwindow.imports.ask_replace = lambda _name, _earlier: False
    open_path(qtbot, rwindow, FIXTURES / "001_jizhou.docx")
    open_path(qtbot, rwindow, FIXTURES / "001_jizhou.pdf")
    open_path(qtbot, rwindow, SEEDS / "000_fae492f318547c6d.txt")
    again = make_window(qtbot, answers)
    with qtbot.waitSignal(again.reportOpened, timeout=30000):
        again.start([])
    model = again.report_list.model

    def marked() -> list[str]:
        return [model.index(r, COL_FILE).data() for r in range(model.rowCount())
                if model.index(r, COL_FILE).data().startswith("【重复】")]

    qtbot.waitUntil(lambda: len(marked()) == 2, timeout=10000)
    assert all("jizhou" in name for name in marked())
