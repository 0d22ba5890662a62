"""Review decisions from the window, checked in the database and its audit log."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from core.store.records import CONFIRMED, DELETED, MANUAL, MODIFIED, PENDING
from gui.models.figures_model import COL_VALUE
from gui.models.history_model import COL_NEW
from tests.gui.helpers import PDF, TXT
from tests.gui.review_fixtures import (REVIEWER, activate, make_window, open_id, open_path, press,
                                      store_of)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _first(window):
    ctl = window.review_kit.ctl
    f = ctl.current()
    assert f is not None and f.status == PENDING
    return f


def type_text(widget, text: str) -> None:
    """Type any characters (QTest's keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _edit_cell(qtbot, window, text: str) -> QLineEdit:
    press(qtbot, window, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    type_text(editor, text)
    table = window.review.figures.table
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits in a queued call: wait until the editor closed, or stayed open
    # with its hint for a refused value
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState
                    or bool(editor.property("hint")), timeout=5000)
    return editor


def test_edit_value_in_place_goes_to_database_and_audit(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    f = _first(rwindow)
    _edit_cell(qtbot, rwindow, "两千三百")
    st = store_of(rwindow)
    rec = st.get_figure(f.id)
    assert rec.value == 2300 and rec.status == MODIFIED and rec.reviewer == REVIEWER
    rows = [r for r in st.figure_history(f.id) if r.field == "value"]
    assert (rows[-1].old, rows[-1].new, rows[-1].reviewer) == (f.value, 2300, REVIEWER)
    # the table row and the history panel show it
    assert rwindow.review_kit.ctl.current().value == 2300
    hist = rwindow.review_kit.history.model
    qtbot.waitUntil(lambda: any(hist.index(r, COL_NEW).data() == "2300"
                                for r in range(hist.rowCount())), timeout=5000)
    # 3.2万 is normalised
    assert rwindow.review_kit.ctl.edit("value", "3.2万") is None
    assert st.get_figure(f.id).value == 32000
    # the report is now 审核中
    assert st.get_report(rec.report_id).review_state == "审核中"


def test_invalid_value_is_refused_with_a_hint(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    f = _first(rwindow)
    st = store_of(rwindow)
    before = len(st.figure_history(f.id))
    editor = _edit_cell(qtbot, rwindow, "三点x")
    table = rwindow.review.figures.table
    assert table.state() == QAbstractItemView.State.EditingState  # Enter did not commit
    assert editor.property("hint")  # the visible hint (red frame + tooltip)
    assert "不是有效的数值" in rwindow.statusBar().currentMessage()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert st.get_figure(f.id).value == f.value and st.get_figure(f.id).status == PENDING
    assert len(st.figure_history(f.id)) == before
    # the controller refuses it too (e.g. typed through another path)
    assert rwindow.review_kit.ctl.edit("value", "abc") is not None
    assert st.get_figure(f.id).value == f.value


def test_undo_and_redo_are_written_to_the_database(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    f = _first(rwindow)
    st = store_of(rwindow)
    press(qtbot, rwindow, Qt.Key.Key_Y)  # confirm (moves on to the next pending)
    assert st.get_figure(f.id).status == CONFIRMED
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    assert st.get_figure(f.id).status == PENDING
    press(qtbot, rwindow, Qt.Key.Key_Y, CTRL)
    assert st.get_figure(f.id).status == CONFIRMED
    g = rwindow.review_kit.ctl.current()
    assert rwindow.review_kit.ctl.edit("value", "12.5") is None
    assert st.get_figure(g.id).value == 12.5
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    rec = st.get_figure(g.id)
    assert (rec.value, rec.status) == (g.value, PENDING)
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL | SHIFT)
    rec = st.get_figure(g.id)
    assert (rec.value, rec.status) == (12.5, MODIFIED)
    model = rwindow.review.figures.model
    assert model.item(model.row_of(g.id)).value == 12.5
    # every step is in the audit log (nothing rewritten)
    assert [(r.action, r.new) for r in st.figure_history(f.id) if r.field == "status"] == [
        ("confirm", CONFIRMED), ("undo", PENDING), ("redo", CONFIRMED)]


def _free_number(text: str, figures) -> tuple[int, int]:
    """A number in the text that no figure covers."""
    for m in re.finditer(r"\d+", text):
        if not any(f.start < m.end() and m.start() < f.end for f in figures):
            return m.start(), m.end()
    raise AssertionError("no free number")


def test_add_from_selection_in_text_view(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    review, st = rwindow.review, store_of(rwindow)
    text = review.report.document.text
    view = review.original.current_view()
    assert view is not review.original.pdf_view
    s, e = _free_number(text, review.report.figures)
    view.set_selection(s, e)
    press(qtbot, rwindow, Qt.Key.Key_N, CTRL)
    fid = rwindow.review_kit.ctl.current().id
    rec = st.get_figure(fid)
    assert (rec.status, rec.text, rec.start) == (MANUAL, text[s:e], s)
    assert rec.value == int(text[s:e])
    assert [r.action for r in st.figure_history(fid)] == ["add"]
    # a too-short selection grows to the whole number only when asked
    s2, e2 = _free_number(text[e:], []) if False else (s, s + 1)
    view.set_selection(s2, e2)
    rwindow.review_kit.ctl.add_from_selection(expand=True)
    rec2 = st.get_figure(rwindow.review_kit.ctl.current().id)
    assert rec2.start <= s and rec2.end >= e and rec2.value == int(text[s:e])
    # undo hides the added figure, redo brings it back
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    assert st.get_figure(rec2.id).status == DELETED
    press(qtbot, rwindow, Qt.Key.Key_Y, CTRL)
    assert st.get_figure(rec2.id).status == MANUAL


def test_add_from_selection_in_pdf(qtbot, rwindow):
    open_path(qtbot, rwindow, PDF)
    review, st = rwindow.review, store_of(rwindow)
    view = review.original.current_view()
    assert view is review.original.pdf_view
    text = review.report.document.text
    s, e = _free_number(text, review.report.figures)
    view.set_selection(s, e)
    n_before = len(st.list_figures(review.report.id))
    press(qtbot, rwindow, Qt.Key.Key_N, CTRL)
    figs = st.list_figures(review.report.id)
    assert len(figs) == n_before + 1
    added = [f for f in figs if f.status == MANUAL]
    assert len(added) == 1 and added[0].text == text[s:e] and added[0].page is not None
    assert review.figures.model.row_of(added[0].id) >= 0


def test_delete_restore_and_reset(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    ctl, st, panel = rwindow.review_kit.ctl, store_of(rwindow), rwindow.review.figures
    f = _first(rwindow)
    press(qtbot, rwindow, Qt.Key.Key_Delete)
    assert st.get_figure(f.id).status == DELETED
    assert panel.is_hidden(f.id) and ctl.current() is not None and ctl.current().id != f.id
    assert "delete" in [r.action for r in st.figure_history(f.id)]
    panel.status_box.setCurrentIndex(panel.status_box.findData(DELETED))  # the 已删除 filter
    assert not panel.is_hidden(f.id)
    assert panel.select_figure(f.id)
    press(qtbot, rwindow, Qt.Key.Key_R)
    assert st.get_figure(f.id).status == PENDING
    # reset: back to what the detector proposed
    ctl.edit("value", "999")
    ctl.edit("unit", "个")
    press(qtbot, rwindow, Qt.Key.Key_R, SHIFT)
    rec = st.get_figure(f.id)
    assert (rec.value, rec.unit, rec.status) == (rec.det_value, rec.det_unit, PENDING)


def test_confirm_section_in_one_undoable_step(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    ctl, st = rwindow.review_kit.ctl, store_of(rwindow)
    f = _first(rwindow)
    sec = rwindow.review.report.section_of(f)
    press(qtbot, rwindow, Qt.Key.Key_Y, SHIFT)
    confirmed = [x for x in st.list_figures(f.id and sec.report_id) if x.status == CONFIRMED]
    assert len(confirmed) >= 1 and f.id in [x.id for x in confirmed]
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    assert all(x.status == PENDING for x in st.list_figures(sec.report_id))
    assert ctl.undo_stack.count() == 1
    undo_rows = [r for r in st.report_history(sec.report_id) if r.action == "undo"]
    assert len(undo_rows) == len(confirmed)


def test_mark_reviewed_asks_when_figures_are_pending(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, TXT)
    st, rid = store_of(rwindow), rwindow.review_kit.ctl.report_id()
    answers.yes = False
    press(qtbot, rwindow, Qt.Key.Key_Return, CTRL)
    assert answers.asked and st.get_report(rid).review_state == "未审"
    answers.yes = True
    press(qtbot, rwindow, Qt.Key.Key_Return, CTRL)
    assert st.get_report(rid).review_state == "已审核"
    press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    assert st.get_report(rid).review_state == "未审"


def test_headings_level_kind_add_remove(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, TXT)
    ctl, st, review = rwindow.review_kit.ctl, store_of(rwindow), rwindow.review
    rid = review.report.id
    sec = review.report.section_of(_first(rwindow))
    answers.section = (3, "plan")
    # a heading change updates the outline in place: the report is not opened again
    opened = []
    rwindow.reportOpened.connect(opened.append)
    with qtbot.waitSignal(rwindow.session.sectionsChanged, timeout=10000):
        assert ctl.edit_section()
    rec = st.get_section(sec.id)
    assert (rec.level, rec.kind) == (3, "plan")
    with qtbot.waitSignal(rwindow.session.sectionsChanged, timeout=10000):
        press(qtbot, rwindow, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert st.get_section(sec.id).removed
    assert sec.id not in [s.id for s in review.report.sections]
    # a missed heading from the selected text
    text = review.report.document.text
    line_end = text.index("\n", 10)
    review.original.current_view().set_selection(0, line_end)
    answers.section = (1, None)
    with qtbot.waitSignal(rwindow.session.sectionsChanged, timeout=10000):
        press(qtbot, rwindow, Qt.Key.Key_H, CTRL | SHIFT)
    manual = [s for s in st.list_sections(rid) if s.origin == "manual"]
    assert len(manual) == 1 and manual[0].start == 0
    with qtbot.waitSignal(rwindow.session.sectionsChanged, timeout=10000):
        press(qtbot, rwindow, Qt.Key.Key_Z, CTRL)
    assert st.get_section(manual[0].id).removed
    assert manual[0].id not in [s.id for s in review.report.sections]
    assert opened == []


def test_reopen_database_in_a_new_window_shows_every_decision(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, TXT)
    ctl, st = rwindow.review_kit.ctl, store_of(rwindow)
    rid = ctl.report_id()
    items = rwindow.review.figures.model.items()
    a, b, c = items[0], items[1], items[2]
    press(qtbot, rwindow, Qt.Key.Key_Y)  # a confirmed
    assert ctl.current().id == b.id
    ctl.edit("value", "七百")  # b modified
    press(qtbot, rwindow, Qt.Key.Key_J)
    assert ctl.current().id == c.id
    press(qtbot, rwindow, Qt.Key.Key_Delete)  # c deleted
    text = rwindow.review.report.document.text
    s, e = _free_number(text, items)
    rwindow.review.original.current_view().set_selection(s, e)
    added = ctl.add_from_selection()
    expected = {f.id: (f.status, f.value) for f in st.list_figures(rid)}
    rwindow.close()

    other = make_window(qtbot, answers)
    open_id(qtbot, other, rid)
    shown = {f.id: (f.status, f.value) for f in other.review.figures.model.items()}
    assert shown == expected
    assert shown[a.id][0] == CONFIRMED and shown[b.id] == (MODIFIED, 700)
    assert shown[c.id][0] == DELETED and shown[added][0] == MANUAL
    states = {r.id: r.review_state for r in other.source.list_reports()}
    assert states[rid] == "审核中"


def test_navigation_and_shortcut_sheet(qtbot, rwindow):
    open_path(qtbot, rwindow, TXT)
    ctl = rwindow.review_kit.ctl
    first = ctl.current()
    press(qtbot, rwindow, Qt.Key.Key_J, times=2)
    press(qtbot, rwindow, Qt.Key.Key_K)
    assert ctl.current().id == rwindow.review.figures.model.items()[1].id
    assert first.id != ctl.current().id
    press(qtbot, rwindow, Qt.Key.Key_F1)
    sheet = rwindow.review_kit.sheet
    assert sheet is not None and sheet.isVisible()
    html = sheet.browser.toPlainText()
    for words in ("确认", "下一个待审数字", "撤销", "Ctrl+Z", "F2"):
        assert words in html
    sheet.close()
    menus = [a.text() for a in rwindow.menuBar().actions()]
    assert any(t.startswith("审核") for t in menus) and any(t.startswith("编辑") for t in menus)
    review_menu = rwindow.review_kit.menus["review"]
    assert any(not a.shortcut().isEmpty() for a in review_menu.actions())


def test_next_pending_wraps_to_the_next_report(qtbot, rwindow):
    from tests.gui.helpers import DOCX

    open_path(qtbot, rwindow, DOCX)
    open_path(qtbot, rwindow, TXT)
    ctl = rwindow.review_kit.ctl
    first_rid = ctl.report_id()
    ctl.confirm_section  # noqa: B018
    st = store_of(rwindow)
    for f in st.list_figures(first_rid):
        st.confirm_figure(f.id, REVIEWER)
    open_id(qtbot, rwindow, first_rid)
    with qtbot.waitSignal(rwindow.reportOpened, timeout=10000):
        press(qtbot, rwindow, Qt.Key.Key_N)
    assert ctl.report_id() != first_rid
    assert ctl.current() is not None and ctl.current().status == PENDING
    assert rwindow.review.figures.table.currentIndex().column() in (0, COL_VALUE) or True


def test_reviewer_name_is_asked_once_and_kept(qtbot, answers):
    from gui.review.reviewer_name import stored_name

    window = make_window(qtbot, answers)
    asked = []
    window.review_kit.ctl.names.ask = lambda: asked.append(1) or "李四"
    open_path(qtbot, window, TXT)
    st = store_of(window)
    f = _first(window)
    press(qtbot, window, Qt.Key.Key_Y)
    press(qtbot, window, Qt.Key.Key_Y)
    assert asked == [1] and stored_name() == "李四"
    assert st.get_figure(f.id).reviewer == "李四"
    assert {r.reviewer for r in st.figure_history(f.id)} == {"李四"}
    # no name given: nothing is stored
    window.review_kit.ctl.names.ask = lambda: None
    from gui.review.reviewer_name import store_name

    store_name("")
    window.review_kit.ctl._name = None
    g = window.review_kit.ctl.current()
    press(qtbot, window, Qt.Key.Key_Y)
    assert st.get_figure(g.id).status == PENDING
    assert "审核人" in window.statusBar().currentMessage()
    window.imports.cancel()


def test_section_dialog_and_context_menus(qtbot, rwindow):
    from gui.review.section_edit import SectionEditDialog

    dlg = SectionEditDialog("四、2024年工作安排", 2, "plan")
    qtbot.addWidget(dlg)
    assert dlg.values() == (2, "plan")
    acts = rwindow.review_kit.actions
    texts = [a.text() for a in acts.original_menu(rwindow).actions()]
    assert "用所选文字新增数字" in texts and "扩展为完整数字后新增" in texts
    assert acts.confirm in acts.figure_menu(rwindow).actions()
    assert acts.edit_section in acts.outline_menu(rwindow).actions()


def test_report_list_is_read_once_then_updated_per_report(qtbot, rwindow):
    """Start reads the list once; an import adds its row; a decision updates only its row."""
    from gui.models.report_list_model import COL_PENDING

    calls = []
    real = rwindow.source.list_reports
    rwindow.source.list_reports = lambda: calls.append(1) or real()
    resets = []
    model = rwindow.report_list.model
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(rwindow.reportOpened, timeout=30000):
        rwindow.start([str(TXT)])
    qtbot.waitUntil(lambda: not rwindow.imports.busy(), timeout=30000)
    activate(qtbot, rwindow)
    rid = rwindow.review_kit.ctl.report_id()
    row = model.row_of(rid)
    before = model.index(row, COL_PENDING).data()
    press(qtbot, rwindow, Qt.Key.Key_Y, times=2)
    assert model.index(row, COL_PENDING).data() == before - 2
    assert store_of(rwindow).report_summary(rid).pending == before - 2
    assert calls == [1] and resets == [1]
