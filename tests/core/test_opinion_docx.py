"""The 审核意见书 (.docx): content read back with python-docx, and the ``opinion`` subcommand."""
import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import SEEDS
from core.analysis import load_and_analyze
from core.export.opinion_docx import build_opinion, write_opinion_docx
from core.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _text(path):
    d = docx.Document(str(path))
    paras = [p.text for p in d.paragraphs]
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(paras), cells


@pytest.fixture
def seeded(tmp_path):
    db = tmp_path / "db.sqlite3"
    src = SEEDS / "000_fae492f318547c6d.txt"
    with Store(db) as store:
        rid = store.import_file(src, analyzer=load_and_analyze).report_id
    return db, rid


def test_opinion_document_content(seeded, tmp_path):
    db, rid = seeded
    with Store(db) as store:
        store.set_opinion(rid, "报告内容完整。\n请在下一年度报告中写明出庭应诉率。", "王审核")
        figs = [f for f in store.list_figures(rid) if f.indicator == "npc_suggestions"]
        store.confirm_figure(figs[0].id, "王审核")
        op = build_opinion(store, rid, reviewer="王审核", problems=["建议提案件数与分项之和不符", " "],
                           on=dt.date(2024, 3, 5))
    out = write_opinion_docx(op, tmp_path / "out" / "意见书.docx")
    text, cells = _text(out)
    assert "法治政府建设年度报告审核意见书" in text
    assert "重庆市渝中区民政局" in text and "2023年度" in text
    assert "报告包含全部必备部分" in text
    assert "1. 建议提案件数与分项之和不符" in text and "2." not in text
    assert "报告内容完整。" in text and "请在下一年度报告中写明出庭应诉率。" in text
    assert "审核人：王审核" in text and "2024年3月5日" in text
    assert "人大代表建议办理件数" in cells and "26件" in cells and "已审核" in cells
    assert "待审（识别值）" in cells  # other indicator values are still the detector's


def test_missing_parts_and_no_problems(tmp_path):
    text = "某县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n聘请法律顾问2名。\n"
    src = tmp_path / "r.txt"
    src.write_text(text, encoding="utf-8")
    with Store(tmp_path / "db.sqlite3") as store:
        rid = store.import_file(src, analyzer=load_and_analyze).report_id
        op = build_opinion(store, rid)
        short = next(c for c in store.list_checks(rid) if c.kind == "form")
        store.decide_check(short.id, "王审核", decision="核实无误")  # dismissed: not listed
        dismissed = build_opinion(store, rid)
    out = write_opinion_docx(op, tmp_path / "a.docx")
    body, _cells = _text(out)
    assert "缺少以下必备部分" in body and "第一责任人职责" in body
    # the undecided finding is listed as such; the missing parts are not listed twice
    assert "1. 正文过短" in body and "（待核实）" in body and "2." not in body.split("发现的问题")[1]
    assert "审核人未填写意见" in body and "（未署名）" in body
    body, _cells = _text(write_opinion_docx(dismissed, tmp_path / "b.docx"))
    assert "未发现需要说明的问题" in body


def test_opinion_lists_confirmed_problems_and_parts_by_content(tmp_path):
    text = ("某县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n"
            "全年办理行政复议案件26件（主办件15件，协办件12件），依法开展执法检查工作。\n"
            "本局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作任务。\n"
            "二、存在的不足和原因\n基层法治力量仍然薄弱，存在执法不规范等问题。\n"
            "三、下一年度主要安排\n下一步将继续加强法治宣传教育工作，推进依法行政。\n")
    src = tmp_path / "r.txt"
    src.write_text(text, encoding="utf-8")
    with Store(tmp_path / "db.sqlite3") as store:
        rid = store.import_file(src, analyzer=load_and_analyze).report_id
        c = next(c for c in store.list_checks(rid) if c.kind == "sum")
        store.decide_check(c.id, "王审核", decision="确认问题", note="已退回修改")
        body, _ = _text(write_opinion_docx(build_opinion(store, rid), tmp_path / "c.docx"))
        own = build_opinion(store, rid, problems=["另附问题"])  # the caller chose its list
        both = build_opinion(store, rid, problems=["另附问题"], with_checks=True)  # the CLI's call
    assert "报告包含全部必备部分" in body  # 第一责任人 is covered by a paragraph
    assert f"{c.message}（说明：已退回修改）" in body and "（待核实）（说明" not in body
    assert own.problems == ["另附问题"]
    assert both.problems[-1] == "另附问题" and f"{c.message}（说明：已退回修改）" in both.problems


def run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_opinion_subcommand(seeded, tmp_path):
    db, rid = seeded
    out = tmp_path / "意见书.docx"
    res = run_main("opinion", "--db", str(db), "--report", str(rid), "--out", str(out),
                   "--reviewer", "李四", "--set-opinion", "同意。", "--problem", "缺少文号")
    assert res.returncode == 0, res.stderr
    assert "已生成审核意见书" in res.stdout
    body, _ = _text(out)
    assert "同意。" in body and "缺少文号" in body and "审核人：李四" in body
    with Store(db) as store:
        assert store.get_opinion(rid) == "同意。"
        assert any(r.field == "opinion" and r.reviewer == "李四" for r in store.report_history(rid))
    bad = run_main("opinion", "--db", str(db), "--report", "999", "--out", str(out))
    assert bad.returncode == 3 and "没有编号为 999 的报告" in bad.stderr and "Traceback" not in bad.stderr
    assert run_main("opinion", "--db", str(db), "--report", "1", "--out", "x.pdf").returncode == 2
    assert run_main("opinion", "--db", str(db), "--report", "1", "--out", str(out),
                    "--set-opinion", "x").returncode == 2  # saving needs a reviewer name
