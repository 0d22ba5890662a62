"""The 问题清单 sheet of the .xlsx export: body, year, kind, message, quote and the reviewer's
decision for every finding of the exported reports."""
import openpyxl
import pytest

from core.analysis import load_and_analyze
from core.export import export
from core.store import Store
from core.store.check_ops import ISSUE_COLUMNS

BODY = "".join(f"{t}工作扎实推进，制度机制不断完善，群众满意度持续提高。\n" for t in (
    "法治宣传", "行政执法", "行政复议", "普法教育", "政务公开", "矛盾调处", "法律援助", "人民调解"))


def _report(org, total):
    return (f"{org}2023年度法治政府建设情况报告\n一、主要举措和成效\n{BODY}"
            f"全年共办理行政复议案件{total}件（主办件15件，协办件12件），依法开展执法检查工作。\n"
            "本局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。\n"
            "二、存在的不足和原因\n基层法治力量仍然薄弱，存在执法不规范问题。\n"
            "三、下一年度主要安排\n下一步将继续加强法治宣传教育。\n")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db.sqlite3") as s:
        ids = []
        for org, total in (("甲县司法局", 26), ("乙县民政局", 30)):
            path = tmp_path / f"{org}.txt"
            path.write_text(_report(org, total), encoding="utf-8")
            ids.append(s.import_file(path, analyzer=load_and_analyze).report_id)
        s.ids = ids
        yield s


def _rows(path):
    ws = openpyxl.load_workbook(path)["问题清单"]
    header = [c.value for c in ws[1]]
    return header, [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)], ws


def test_issue_sheet_rows_and_decisions(store, tmp_path):
    a, b = store.ids
    c = next(c for c in store.list_checks(a) if c.kind == "sum")
    store.decide_check(c.id, "张三", decision="核实无误", note="分项另有1件未列")
    d = next(c for c in store.list_checks(b) if c.kind == "sum")
    store.decide_check(d.id, "李四", decision="确认问题")
    out = export(store, tmp_path / "导出.xlsx")
    header, rows, ws = _rows(out)
    assert header == list(ISSUE_COLUMNS) and ws.freeze_panes == "A2"
    assert len(rows) == 2
    first, second = rows  # ordered by body
    assert (first["单位"], first["年度"], first["类型"]) == ("乙县民政局", 2023, "合计与分项")
    assert first["问题"] == "合计30件与分项之和27件（15+12）不符" and first["核实结果"] == "确认问题"
    assert first["核实人"] == "李四" and "30件" in first["原文"]
    assert (second["单位"], second["核实结果"], second["说明"]) == ("甲县司法局", "核实无误",
                                                               "分项另有1件未列")
    assert openpyxl.load_workbook(out).sheetnames == ["汇总", "指标汇总", "同比", "明细", "问题清单"]
    summary = openpyxl.load_workbook(out)["汇总"]
    head = [c.value for c in summary[1]]
    # no heading names 第一责任人职责, a paragraph covers it: not listed as missing (as in the window)
    assert store.missing_parts(a) == ["leader_duty"]
    assert [dict(zip(head, r, strict=True))["缺少的必备部分"]
            for r in summary.iter_rows(min_row=2, values_only=True)] in ([None, None], ["", ""])


def test_issue_sheet_follows_the_chosen_reports(store, tmp_path):
    a, _b = store.ids
    _h, rows, _ws = _rows(export(store, tmp_path / "一份.xlsx", report_ids=[a]))
    assert [r["单位"] for r in rows] == ["甲县司法局"] and rows[0]["核实结果"] == "待核实"
