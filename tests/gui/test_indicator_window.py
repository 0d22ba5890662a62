"""The indicator parts of the window: the figure table's 指标 column (I / Shift+I, undo, tooltip),
the 指标汇总 dock (cells, 合计, filters, open a cell's figure, a cell's combination, year over
year and a body correction), the catalogue editor and the 审核意见 dock with its .docx."""
from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt

from bench.store_samples import write_sample
from gui.models.figures_model import COL_INDICATOR
from gui.models.indicator_summary_model import CELL_ROLE, REPORT_ID_ROLE
from tests.gui.review_fixtures import REVIEWER, open_id, press, store_of
from tests.gui.test_review_workflow import type_text

IND = "normative_docs_reviewed"  # 规范性文件合法性审核件数（件）, summable
RATE = "head_appearance_rate"


def _add(window, tmp_path, seed, org, year, mapping):
    """A synthetic report in the window's database; ``mapping``: figure index → indicator."""
    folder = tmp_path / f"r{seed}"
    folder.mkdir()
    path, doc, ext = write_sample(folder, seed)
    ext.meta.org, ext.meta.year = org, year
    for k, ind in mapping.items():
        ext.figures[k].indicator = ind
    return store_of(window).add_report(doc, ext, source_path=str(path)).report_id


@pytest.fixture
def two_years(rwindow, tmp_path):
    a = _add(rwindow, tmp_path, 1, "重庆市渝中区民政局", 2023, {0: IND})
    b = _add(rwindow, tmp_path, 2, "渝中区民政局", 2024, {0: IND, 4: IND, 1: RATE})
    c = _add(rwindow, tmp_path, 3, "兰州市民政局", 2024, {0: IND})
    rwindow.refresh_reports()
    return a, b, c


def _cell_index(model, report_id, ind):
    idx = model.position(report_id, ind)
    assert idx.isValid()
    return idx


def test_indicator_column_keyboard_undo_and_tooltip(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    kit = rwindow.indicator_kit
    panel = rwindow.review.figures
    panel.select_figure(store_of(rwindow).list_figures(b)[2].id)
    fid = panel.current_figure().id
    row = panel.model.row_of(fid)
    assert panel.model.index(row, COL_INDICATOR).data() == ""
    press(qtbot, rwindow, Qt.Key.Key_I)
    picker = kit.column.picker
    assert picker is not None and picker.isVisible()
    type_text(picker.filter, "行政复议收案")
    assert picker.choices() == ["reconsideration_cases"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert store_of(rwindow).get_figure(fid).indicator == "reconsideration_cases"
    assert panel.model.index(row, COL_INDICATOR).data() == "行政复议收案数"
    tip = panel.model.index(row, COL_INDICATOR).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"审核人 {REVIEWER} 指定")
    panel.table.setFocus()
    press(qtbot, rwindow, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store_of(rwindow).get_figure(fid).indicator is None
    assert panel.model.index(row, COL_INDICATOR).data() == ""
    # Shift+I: a detected mapping cleared, and undone
    first = store_of(rwindow).list_figures(b)[0].id
    panel.select_figure(first)
    press(qtbot, rwindow, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    assert store_of(rwindow).get_figure(first).indicator is None
    rwindow.review_kit.ctl.undo_stack.undo()
    assert store_of(rwindow).get_figure(first).indicator == IND
    hist = [(r.action, r.new) for r in store_of(rwindow).figure_history(first)
            if r.field == "indicator"]
    assert hist == [("edit", None), ("undo", IND)]
    # the keys are listed on the shortcut sheet (F1) and in the 审核 menu
    sheet = {a.text(): a.shortcut().toString() for _g, acts in rwindow.review_kit.actions.groups
             for a in acts}
    assert sheet["设置指标…"] == "I" and sheet["设为不对应指标"] == "Shift+I"
    assert sheet["指标汇总面板"] == "Ctrl+Shift+I"
    assert kit.column.pick_action in rwindow.review_kit.menus["review"].actions()


def test_picker_arrows_and_table_filter_by_indicator(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    panel = rwindow.review.figures
    fid = store_of(rwindow).list_figures(b)[3].id
    panel.select_figure(fid)
    picker = rwindow.indicator_kit.column.pick()
    type_text(picker.filter, "行政复议")
    assert picker.choices()[:2] == ["reconsideration_cases", "reconsideration_closed"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert store_of(rwindow).get_figure(fid).indicator == "reconsideration_closed"
    panel.filter_edit.setText("行政复议办结")  # the table's text filter finds the indicator
    assert panel.proxy.rowCount() == 1 and panel.current_figure().id == fid


def test_picker_escape_changes_nothing(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    before = [f.indicator for f in store_of(rwindow).list_figures(b)]
    press(qtbot, rwindow, Qt.Key.Key_I)
    picker = rwindow.indicator_kit.column.picker
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert [f.indicator for f in store_of(rwindow).list_figures(b)] == before


def test_summary_cells_total_filters_and_open_figure(qtbot, rwindow, two_years):
    a, b, c = two_years
    open_id(qtbot, rwindow, a)
    dock = rwindow.indicator_kit.summary
    rwindow.indicator_kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    assert dock.year() == 2024  # the latest year first
    model = dock.model
    assert [r.report.id for r in dock.table.rows] == [c, b]
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert "规范性文件合\n法性审核件数\n（件）" in headers
    col = headers.index("规范性文件合\n法性审核件数\n（件）")
    figs_b = store_of(rwindow).list_figures(b)
    cell = _cell_index(model, b, IND)
    assert cell.data(CELL_ROLE).value == figs_b[0].value + figs_b[4].value
    assert cell.data().endswith("［2］ *")  # two figures, still 待审
    total_row = len(dock.table.rows)
    assert model.index(total_row, 0).data() == "合计"
    expected = figs_b[0].value + figs_b[4].value + store_of(rwindow).list_figures(c)[0].value
    assert model.index(total_row, col).data() == f"{expected:,}"
    rate_col = headers.index("行政机关负责\n人出庭应诉率\n（%）")
    assert model.index(total_row, rate_col).data() == ""  # a rate is never summed
    assert "2024年度" in dock.title.text()
    dock.set_filters(year=2023)
    assert [r.report.id for r in dock.table.rows] == [a]
    dock.set_filters(year=None, area="行政执法")
    assert all(i.area == "行政执法" for i in dock.table.indicators)
    dock.set_filters(year=2024)
    # a click on a cell of another report opens that report at the figure
    with qtbot.waitSignal(rwindow.reportOpened, timeout=30000):
        dock.view.clicked.emit(_cell_index(model, b, IND))
    qtbot.waitUntil(lambda: rwindow.review.figures.current_figure() is not None
                    and rwindow.review.figures.current_figure().id == figs_b[0].id, timeout=5000)
    assert rwindow.session.report_id() == b


def test_summary_choice_is_an_undoable_step(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    dock = rwindow.indicator_kit.summary
    rwindow.indicator_kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    figs = store_of(rwindow).list_figures(b)
    dock.view.setCurrentIndex(_cell_index(dock.model, b, IND))
    assert dock.mode_box.isEnabled() and dock.candidates.count() == 2
    assert "相加" in dock.detail.text()
    dock.candidates.setCurrentRow(1)
    dock.mode_box.setCurrentIndex(dock.mode_box.findData("figure"))
    dock.mode_box.activated.emit(dock.mode_box.currentIndex())
    qtbot.waitUntil(lambda: _cell_index(dock.model, b, IND).data(CELL_ROLE).mode == "figure",
                    timeout=5000)
    assert _cell_index(dock.model, b, IND).data(CELL_ROLE).value == figs[4].value
    assert dock.view.currentIndex().data(REPORT_ID_ROLE) == b  # the selection stays
    rwindow.review_kit.ctl.undo_stack.undo()
    qtbot.waitUntil(lambda: _cell_index(dock.model, b, IND).data(CELL_ROLE).mode == "sum",
                    timeout=5000)
    # the table follows a figure's new value at once
    rwindow.review_kit.ctl.edit("value", "1000", figure_id=figs[0].id)
    qtbot.waitUntil(lambda: _cell_index(dock.model, b, IND).data(CELL_ROLE).value
                    == 1000 + figs[4].value, timeout=5000)


def test_year_over_year_and_body_correction(qtbot, rwindow, two_years):
    a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    dock = rwindow.indicator_kit.summary
    rwindow.indicator_kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    rows = {(r.body, r.indicator.id): r for r in dock.yoy_model.rows}
    yz = rows[("渝中区民政局", IND)]
    va = store_of(rwindow).list_figures(a)[0].value
    assert yz.previous == va and yz.previous_report == a
    k = dock.yoy_model.rows.index(yz)
    assert dock.yoy_model.index(k, 5).data() == f"{yz.pct_change * 100:+.1f}%"
    lz = rows[("兰州市民政局", IND)]
    assert lz.previous is None
    # 兰州市民政局 is (say) the same body as 重庆市渝中区民政局 last year: corrected from the view
    dock.ask_body = lambda body, names: "重庆市渝中区民政局" if "重庆市渝中区民政局" in names else None
    dock.yoy_view.setCurrentIndex(dock.yoy_model.index(dock.yoy_model.rows.index(lz), 0))
    assert dock.correct_body()
    qtbot.waitUntil(lambda: any(r.body == "兰州市民政局" and r.previous == va
                                and r.matched_by == "审核人指定" for r in dock.yoy_model.rows),
                    timeout=5000)
    assert store_of(rwindow).body_aliases() == {"兰州|民政局": "重庆市渝中区民政局"}
    rwindow.review_kit.ctl.undo_stack.undo()
    qtbot.waitUntil(lambda: store_of(rwindow).body_aliases() == {}, timeout=5000)


def test_catalogue_editor_add_rename_retire(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    dlg = rwindow.indicator_kit.open_catalog()
    n = dlg.grid.rowCount()
    dlg.name.setText("接访次数")
    dlg.unit.setText("次")
    dlg.cues.setText("接访、来访")
    assert dlg.add()
    assert dlg.grid.rowCount() == n + 1 and dlg.current().name == "接访次数"
    added = dlg.current()
    assert added.cues == ("接访", "来访")
    dlg.name.setText("领导接访次数")
    assert dlg.save() and dlg.current().name == "领导接访次数"
    assert "修改名称：接访次数 → 领导接访次数" in dlg.history.toPlainText()
    ids = [i.id for i in dlg.indicators]
    dlg.grid.setCurrentCell(ids.index(IND), 0)
    assert dlg.toggle_retired() and dlg.current().retired
    assert dlg.history.toPlainText().endswith(f"{REVIEWER}  停用")
    store = store_of(rwindow)
    assert IND not in {i.id for i in store.list_indicators(include_retired=False)}
    assert store.list_figures(b)[0].indicator == IND  # the mapping (history) stays
    # the figure column says so, the summary hides the column unless asked
    panel = rwindow.review.figures
    row = panel.model.row_of(store.list_figures(b)[0].id)
    assert panel.model.index(row, COL_INDICATOR).data().endswith("（已停用）")
    dock = rwindow.indicator_kit.summary
    rwindow.indicator_kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    assert IND not in {i.id for i in dock.table.indicators}
    dock.retired_box.setChecked(True)
    assert IND in {i.id for i in dock.table.indicators}
    assert [r["action"] for r in store.catalog_history("indicator")] == ["add", "edit", "retire"]


def test_opinion_saved_undone_and_written(qtbot, rwindow, two_years, tmp_path):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    panel = rwindow.indicator_kit.opinion
    rwindow.indicator_kit.opinion_toggle.trigger()
    assert panel.isVisible() and panel.editor.toPlainText() == ""
    panel.editor.setFocus()
    type_text(panel.editor, "请补充行政复议数据")
    assert panel.state.text() == "未保存"
    qtbot.keyClick(panel.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    store = store_of(rwindow)
    assert store.get_opinion(b) == "请补充行政复议数据" and panel.state.text() == ""
    rwindow.review_kit.ctl.undo_stack.undo()
    assert store.get_opinion(b) == "" and panel.editor.toPlainText() == ""
    rwindow.review_kit.ctl.undo_stack.redo()
    assert panel.editor.toPlainText() == "请补充行政复议数据"
    out = tmp_path / "意见书"
    panel.ask_save_path = lambda suggested: str(out)
    rwindow.indicator_kit.docx_action.trigger()
    assert panel.last_written == out.with_suffix(".docx") and panel.last_written.is_file()
    text = "\n".join(p.text for p in docx.Document(str(panel.last_written)).paragraphs)
    assert "渝中区民政局" in text and "请补充行政复议数据" in text and REVIEWER in text
    # typed, then another report opened: saved on leaving the field, the other report's shown
    panel.editor.setFocus()
    type_text(panel.editor, "。")
    rwindow.review.figures.table.setFocus()
    assert store.get_opinion(b) == "请补充行政复议数据。"
    open_id(qtbot, rwindow, _a)
    assert panel.editor.toPlainText() == ""


def test_opinion_document_lists_the_problems_found(qtbot, rwindow, tmp_path):
    """The 审核意见书 carries the checks' findings, except those the reviewer found no problem."""
    from core.store.checks import DISMISSED
    from tests.conftest import SEEDS
    from tests.gui.review_fixtures import open_path

    open_path(qtbot, rwindow, SEEDS / "002_2bfd11f2c393c0c8.txt")
    store = store_of(rwindow)
    rid = rwindow.session.report_id()
    checks = store.list_checks(rid)
    assert len(checks) >= 2
    kept, dismissed = checks[0], checks[1]
    store.decide_check(dismissed.id, REVIEWER, decision=DISMISSED)
    panel = rwindow.indicator_kit.opinion
    panel.ask_save_path = lambda suggested: str(tmp_path / suggested)
    out = panel.write_docx()
    assert out is not None and out.name.startswith("审核意见书_") and out.suffix == ".docx"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert kept.message in text and dismissed.message not in text


def test_hidden_summary_catches_up_when_shown(qtbot, rwindow, two_years):
    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    kit = rwindow.indicator_kit
    dock = kit.summary
    kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    kit.summary_toggle.trigger()  # hidden: decisions cost no recompute
    assert not dock.isVisible()
    fig = store_of(rwindow).list_figures(b)[0]
    before = _cell_index(dock.model, b, IND).data(CELL_ROLE).value
    rwindow.review_kit.ctl.edit("value", "777", figure_id=fig.id)
    qtbot.wait(300)
    assert _cell_index(dock.model, b, IND).data(CELL_ROLE).value == before  # not recomputed
    dock.set_filters(year=2024, area="依法行政制度")  # a filter while stale reads again
    kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.isVisible(), timeout=5000)
    figs = store_of(rwindow).list_figures(b)
    qtbot.waitUntil(lambda: _cell_index(dock.model, b, IND).data(CELL_ROLE).value
                    == 777 + figs[4].value, timeout=5000)


def test_summary_exports_the_reports_it_lists(qtbot, rwindow, two_years, tmp_path):
    import openpyxl

    _a, b, _c = two_years
    open_id(qtbot, rwindow, b)
    dock = rwindow.indicator_kit.summary
    rwindow.indicator_kit.summary_toggle.trigger()
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    asked = []
    dock.ask_save_path = lambda suggested: asked.append(suggested) or str(tmp_path / "年度")
    out = dock.export_shown()
    assert asked == ["指标汇总_2024年.xlsx"] and out == tmp_path / "年度.xlsx"
    wb = openpyxl.load_workbook(out)
    assert wb["指标汇总"]["A1"].value.startswith("2024年度")
    units = [r[1] for r in wb["指标汇总"].iter_rows(min_row=3, values_only=True)]
    assert units == ["兰州市民政局", "渝中区民政局", "合计"]  # 出庭应诉率: no 平均 either


def test_a_report_moved_to_the_recycle_bin_leaves_the_summary(qtbot, rwindow, two_years):
    _a, b, c = two_years
    open_id(qtbot, rwindow, b)
    kit = rwindow.indicator_kit
    kit.opinion_toggle.trigger()
    kit.opinion.editor.setPlainText("草稿")
    kit.summary_toggle.trigger()
    dock = kit.summary
    qtbot.waitUntil(lambda: dock.table is not None, timeout=5000)
    assert {r.report.id for r in dock.table.rows} == {b, c}
    assert rwindow.review_kit.admin.delete_report(b)
    qtbot.waitUntil(lambda: {r.report.id for r in dock.table.rows} == {c}, timeout=5000)
    assert kit.opinion.editor.toPlainText() == "" and not kit.opinion.widget().isEnabled()


def test_no_two_window_actions_share_a_shortcut(rwindow):
    # Qt fires neither action of an ambiguous shortcut: two features once both took Ctrl+I.
    # Keys bound to one widget (the 问题 panel's Y) do not compete with the window's.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    seen: dict[str, str] = {}
    clashes = []
    for act in rwindow.findChildren(QAction):
        if act.shortcutContext() not in window_wide or not act.associatedObjects():
            continue  # widget-bound keys, and actions only listed on the F1 sheet
        for key in act.shortcuts():
            k = key.toString()
            if k and k in seen and seen[k] != act.text():
                clashes.append((k, seen[k], act.text()))
            seen.setdefault(k, act.text())
    assert clashes == []
