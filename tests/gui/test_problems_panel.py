"""The 问题 panel in the real window (offscreen): findings listed with kind and certainty, linked to
the text and the figure rows, decided by key or button (saved, audited, undoable), re-checked after
a value edit, the count in the report list, the required-part marks by content, and the copy
comparison."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.domain import FigureStatus
from gui.models.report_list_model import COL_PROBLEMS
from tests.gui.review_fixtures import REVIEWER, open_path, press, store_of

COMMON_PARAGRAPH = ("我们坚持把学习贯彻习近平法治思想作为首要政治任务，组织领导干部集中学习法律法规12次，"
          "举办法治专题讲座3场，推动尊法学法守法用法在全系统蔚然成风，依法行政能力明显提升。")


# short lines (under the copy check's paragraph length) so the body is long enough for the form check
FILLER = "".join(f"{t}工作扎实推进，制度机制不断完善，群众满意度持续提高。\n" for t in (
    "法治宣传", "行政执法", "行政复议", "普法教育", "政务公开", "矛盾调处", "法律援助", "人民调解",
    "公共法律服务", "依法决策"))


def report_text(org: str, year: int, common: str = "", total: int = 26) -> str:
    return (f"{org}{year}年度法治政府建设情况报告\n\n一、主要举措和成效\n" + FILLER +
            f"全年共办理行政复议案件{total}件（主办件15件，协办件12件），依法开展行政执法检查工作。\n"
            + (common + "\n" if common else "")
            + "本局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。\n"
            "二、存在的不足和原因\n基层法治力量仍然薄弱，存在执法不规范问题。\n"
            "三、下一年度主要安排\n下一步将继续加强法治宣传教育。\n")


def write_report(tmp_path, org="某某县司法局", year=2023, common="", total=26):
    path = tmp_path / f"{org}{year}年度报告.txt"
    path.write_text(report_text(org, year, common, total), encoding="utf-8")
    return path


def _panel(window):
    return window.review_kit.checks.panel


def _select(qtbot, panel, kind):
    row = next(i for i, c in enumerate(panel.model.checks()) if c.kind == kind)
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    return panel.current_check()


def test_findings_listed_with_kind_and_count_in_report_list(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel = _panel(rwindow)
    checks = panel.model.checks()
    assert [c.kind for c in checks] == ["sum"]
    idx = panel.model.index(0, 2)
    assert idx.data() == "合计26件与分项之和27件（15+12）不符"
    assert panel.model.index(0, 1).data() == "合计与分项"
    assert panel.model.index(0, 0).data() == "待核实"
    assert "15件" in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "待核实 1" in panel.summary.text()
    lst = rwindow.report_list.model
    assert lst.index(0, COL_PROBLEMS).data() == 1
    assert "待核实 1" in lst.index(0, COL_PROBLEMS).data(Qt.ItemDataRole.ToolTipRole)


def test_selecting_a_finding_shows_its_text_and_figure(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel = _panel(rwindow)
    rwindow.review.figures.go_row(len(rwindow.review.report.figures) - 1)  # elsewhere first
    c = _select(qtbot, panel, "sum")
    cur = rwindow.review.figures.current_figure()
    assert cur is not None and cur.text == "26件" and (cur.start, cur.end) == tuple(c.figures[0][:2])
    assert rwindow.review.text_selection() == (c.start, c.end)


def test_decide_by_keyboard_with_note_undo_and_audit(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel, store = _panel(rwindow), store_of(rwindow)
    statuses = [f.status for f in rwindow.review.report.figures]
    rwindow.review_kit.checks.focus_panel()
    c = panel.current_check()
    panel.note.setText("原文如此，已电话核实")
    panel.table.setFocus()
    press(qtbot, rwindow, Qt.Key.Key_Y)
    rec = store.get_check(c.id)
    assert (rec.decision, rec.note, rec.reviewer) == ("核实无误", "原文如此，已电话核实", REVIEWER)
    assert [f.status for f in rwindow.review.report.figures] == statuses  # Y did not confirm a figure
    assert panel.model.index(0, 0).data() == "核实无误*" and panel.note.text() == ""
    assert rwindow.report_list.model.index(0, COL_PROBLEMS).data() == 0
    press(qtbot, rwindow, Qt.Key.Key_X)
    assert store.get_check(c.id).decision == "确认问题"
    assert rwindow.report_list.model.index(0, COL_PROBLEMS).data() == 1
    stack = rwindow.review_kit.ctl.undo_stack
    stack.undo()
    assert store.get_check(c.id).decision == "核实无误"
    stack.undo()
    assert (store.get_check(c.id).decision, store.get_check(c.id).note) == ("待核实", None)
    assert rwindow.review.report.check(c.id).decision == "待核实"
    assert panel.model.index(0, 0).data() == "待核实"
    actions = [(r.action, r.field.split(".")[1]) for r in store.check_history(c.id)]
    assert actions[:3] == [("decide", "decision"), ("decide", "note"), ("decide", "decision")]
    assert ("undo", "note") in actions


def test_buttons_decide_too(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel, store = _panel(rwindow), store_of(rwindow)
    c = _select(qtbot, panel, "sum")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert store.get_check(c.id).decision == "确认问题"
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert store.get_check(c.id).decision == "待核实"
    assert not panel.compare_button.isEnabled()  # not a copy


def test_value_edit_reruns_the_checks_and_undo_brings_the_finding_back(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel, kit = _panel(rwindow), rwindow.review_kit
    wrong = next(f for f in rwindow.review.report.figures if f.text == "12件")
    ok = next(f for f in rwindow.review.report.figures if f.text == "15件")
    kit.ctl.select(ok.id)
    kit.ctl.confirm()
    qtbot.wait(20)
    assert kit.checks.reruns == 0  # a confirmation changes nothing the checks read
    assert kit.ctl.edit("value", "11", wrong.id) is None
    qtbot.waitUntil(lambda: not panel.model.checks(), timeout=3000)
    assert kit.checks.reruns == 1 and "未发现问题" in panel.summary.text()
    assert rwindow.report_list.model.index(0, COL_PROBLEMS).data() == 0
    kit.ctl.undo_stack.undo()
    qtbot.waitUntil(lambda: [c.kind for c in panel.model.checks()] == ["sum"], timeout=3000)
    assert rwindow.review.report.figure(ok.id).status == FigureStatus.CONFIRMED


def test_required_part_covered_by_a_paragraph_is_present_with_the_reason(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, write_report(tmp_path))
    report = rwindow.review.report
    assert "leader_duty" in report.missing_parts  # no heading names it
    bar = rwindow.review.meta_bar
    assert bar.part_states() == {"measures": True, "shortcomings": True, "leader_duty": True,
                                 "plan": True}
    assert "第一责任人" in bar.part_tooltip("leader_duty")
    assert "据正文" in bar._parts["leader_duty"].text()
    assert "标题" in bar.part_tooltip("measures")


def test_copy_found_after_import_and_shown_side_by_side(qtbot, rwindow, tmp_path, monkeypatch):
    import threading

    from core.checks import service

    threads = []
    real = service.run_copy_checks

    def recording(store, year=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(store, year)

    monkeypatch.setattr(service, "run_copy_checks", recording)
    first = write_report(tmp_path, "某某县民政局", 2023, COMMON_PARAGRAPH)
    open_path(qtbot, rwindow, first)
    changed = COMMON_PARAGRAPH.replace("12次", "15次").replace("3场", "4场")
    open_path(qtbot, rwindow, write_report(tmp_path, "某某县司法局", 2023, changed))
    assert threads == [False, False]  # after each import, in the worker thread
    panel = _panel(rwindow)
    c = _select(qtbot, panel, "copy")
    assert "疑似照抄" in c.message and "某某县民政局" in c.message
    assert panel.compare_button.isEnabled()
    store = store_of(rwindow)
    counts = store.check_counts()
    assert all(sum(v for k, v in n.items() if k != "核实无误") >= 2 for n in counts.values())
    panel.table.setFocus()
    press(qtbot, rwindow, Qt.Key.Key_C)
    dlg = rwindow.review_kit.checks.compare_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.marked_text(0) == changed and dlg.marked_text(1) == COMMON_PARAGRAPH
    assert dlg.diff_counts[0] >= 2 and dlg.diff_counts[1] >= 2  # 12→15, 3→4 marked on both sides
    assert COMMON_PARAGRAPH in dlg.views[1].toPlainText() and changed in dlg.views[0].toPlainText()
    dlg.close()


def test_shortcut_sheet_lists_the_panel_keys(qtbot, rwindow):
    from gui.review.shortcut_sheet import sheet_html

    html = sheet_html(rwindow.review_kit.actions.groups)
    for text in ("问题：核实无误", "问题：确认问题", "转到问题面板", "应报送单位与报送情况"):
        assert text in html
    review_menu = rwindow.review_kit.menus["review"]
    assert "问题面板" in [a.text() for a in review_menu.actions()]


def test_heading_and_meta_edits_update_parts_and_findings(qtbot, rwindow, tmp_path):
    from core.review import ops
    from core.review.changes import OpChanges

    open_path(qtbot, rwindow, write_report(tmp_path))
    kit, panel, store = rwindow.review_kit, _panel(rwindow), store_of(rwindow)
    bar = rwindow.review.meta_bar
    heading = next(s for s in rwindow.review.report.sections if s.title.startswith("存在的不足"))
    assert "据正文" not in bar._parts["shortcomings"].text()
    assert kit.ctl.push(ops.remove_section(heading.id)) is not None
    # the heading is gone, a paragraph still covers the part: ✓ by content, with its reason
    assert bar.part_states()["shortcomings"] and "据正文" in bar._parts["shortcomings"].text()
    assert "存在执法不规范问题" in bar.part_tooltip("shortcomings")
    # a metadata edit (as the 修改… dialog's operation reports it) re-runs the checks
    store.set_report_meta(rwindow.review.report.id, "title", None, REVIEWER)
    rwindow.session.apply(OpChanges(rwindow.review.report.id, report=True))
    qtbot.waitUntil(lambda: any(c.kind == "form" for c in panel.model.checks()), timeout=3000)
    assert any("未找到报告标题" in c.message and not c.certain for c in panel.model.checks())
    row = next(i for i, c in enumerate(panel.model.checks()) if c.kind == "form")
    assert panel.model.index(row, 1).data() == "格式要素（请核实）"


def test_nothing_saved_without_a_reviewer_name(qtbot, rwindow, tmp_path, monkeypatch):
    open_path(qtbot, rwindow, write_report(tmp_path))
    panel, store = _panel(rwindow), store_of(rwindow)
    monkeypatch.setattr(rwindow.review_kit.ctl.names, "get", lambda: None)
    c = _select(qtbot, panel, "sum")
    panel.note.setText("说明")
    with qtbot.waitSignal(rwindow.review_kit.ctl.message) as msg:
        panel.decide("核实无误")
    assert "未填写审核人姓名" in msg.args[0]
    assert store.get_check(c.id).decision == "待核实" and panel.note.text() == "说明"
    assert panel.current_check().id == c.id


def test_export_from_the_window_has_the_issue_list_with_decisions(qtbot, rwindow, answers, tmp_path):
    from openpyxl import load_workbook

    open_path(qtbot, rwindow, write_report(tmp_path))
    panel = _panel(rwindow)
    _select(qtbot, panel, "sum")
    panel.note.setText("已退回修改")
    panel.decide("确认问题")
    kit = rwindow.review_kit
    dlg = kit.open_export()
    dlg.opener = lambda _p: None
    answers.yes = False
    dlg.path_edit.setText(str(tmp_path / "导出.xlsx"))
    with qtbot.waitSignal(dlg.exported, timeout=30000) as blocker:
        assert dlg.start_export()
    ws = load_workbook(blocker.args[0])["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2
    assert (row["单位"], row["年度"], row["类型"], row["核实结果"], row["说明"], row["核实人"]) == (
        "某某县司法局", 2023, "合计与分项", "确认问题", "已退回修改", REVIEWER)
    assert row["问题"] == "合计26件与分项之和27件（15+12）不符"
    qtbot.waitUntil(lambda: dlg.export_button.isEnabled(), timeout=5000)
