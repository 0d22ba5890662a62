"""The 问题 decisions as review operations (no Qt): undo/redo audited, a no-op not recorded, the
session re-reads the findings; the checks re-run on the session's reviewed data when a value
changes (not when a figure is only confirmed); required parts by content for the window."""
import pytest

from core.analysis import load_and_analyze
from core.review import check_refresh, ops
from core.review.changes import OpChanges
from core.review.session import ReportSession

WHO = "审核员"
REPORT = """某某县司法局2023年度法治政府建设情况报告

一、主要举措和成效
全年共办理行政复议案件26件（主办件15件，协办件12件），依法开展行政执法检查工作。
本局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。
二、存在的不足和原因
基层法治力量仍然薄弱，存在执法不规范问题。
三、下一年度主要安排
下一步将继续加强法治宣传教育。
"""



@pytest.fixture
def rid(store, tmp_path):
    path = tmp_path / "某某县司法局2023年度法治政府建设情况报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    return store.import_file(path, analyzer=load_and_analyze).report_id


def _sum(report):
    return next(c for c in report.checks if c.kind == "sum")


def test_decide_check_undo_redo_audited(store, rid):
    report = ReportSession.load(store, rid)
    c = _sum(report)
    assert c.decision == "待核实" and "26" in c.message
    op = ops.DecideCheck(c.id, "核实无误", "原文如此")
    ch = op.do(store, WHO)
    assert not op.noop and ch == OpChanges(rid, checks=True)
    assert report.apply(store, ch).checks
    assert (report.check(c.id).decision, report.check(c.id).note) == ("核实无误", "原文如此")
    report.apply(store, op.undo(store, WHO))
    assert (report.check(c.id).decision, report.check(c.id).note) == ("待核实", None)
    report.apply(store, op.redo(store, WHO))
    assert report.check(c.id).decision == "核实无误"
    rows = [(r.action, r.field.split(".")[1], r.old, r.new) for r in store.check_history(c.id)]
    assert rows == [("decide", "decision", "待核实", "核实无误"), ("decide", "note", None, "原文如此"),
                    ("undo", "decision", "核实无误", "待核实"), ("undo", "note", "原文如此", None),
                    ("redo", "decision", "待核实", "核实无误"), ("redo", "note", None, "原文如此")]
    assert all(r.reviewer == WHO for r in store.check_history(c.id))


def test_same_decision_again_is_a_noop(store, rid):
    c = _sum(ReportSession.load(store, rid))
    ops.DecideCheck(c.id, "确认问题").do(store, WHO)
    again = ops.DecideCheck(c.id, "确认问题")
    assert again.do(store, WHO) == OpChanges() and again.noop
    assert len(store.check_history(c.id)) == 1


def test_rerun_after_a_value_edit_clears_the_sum_check(store, rid):
    report = ReportSession.load(store, rid)
    before = check_refresh.check_inputs(report)
    confirm = next(f for f in report.figures if f.text == "15件")
    report.apply(store, ops.confirm_figure(confirm.id).do(store, WHO))
    assert check_refresh.check_inputs(report) == before  # a confirmation changes no input
    wrong = next(f for f in report.figures if f.text == "12件")
    report.apply(store, ops.edit_figure(wrong.id, "value", 11).do(store, WHO))
    assert check_refresh.check_inputs(report) != before
    assert report.apply(store, check_refresh.rerun(store, report)).checks
    assert not [c for c in report.checks if c.kind == "sum"]
    assert not [c for c in store.list_checks(rid, include_stale=False) if c.kind == "sum"]


def test_parts_present_by_paragraph_for_the_window(store, rid):
    report = ReportSession.load(store, rid)
    assert "leader_duty" in report.missing_parts  # no heading names it
    ev = {e.kind: e for e in check_refresh.parts(report)}
    assert ev["leader_duty"].present and ev["leader_duty"].how == "content"
    assert "第一责任人" in report.document.text[ev["leader_duty"].start:ev["leader_duty"].end]
    assert "第一责任人" in ev["leader_duty"].why
    assert ev["measures"].how == "heading"
