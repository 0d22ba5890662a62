"""Checks in the database: saved on import, decisions audited and undoable, kept across re-runs,
copy checks across stored reports, 问题清单 rows, expected bodies and who has not reported."""
import sqlite3

import pytest

from tests.conftest import SEEDS
from core.analysis import load_and_analyze
from core.checks import service
from core.errors import ReportError
from core.store import Store
from core.store import connection, schema



@pytest.fixture
def seed2(store):
    path = next(SEEDS.glob("002_*.txt"))
    return store.import_file(path, analyzer=load_and_analyze).report_id


def _sum_check(store, rid):
    return next(c for c in store.list_checks(rid) if c.kind == "sum")


def test_import_saves_checks_with_quotes_and_figures(store, seed2):
    c = _sum_check(store, seed2)
    text = store.load_document(seed2).text
    assert text[c.start:c.end] == c.text and c.decision == "待核实" and not c.stale
    assert [f[2] for f in c.figures] == ["28宗", "27家", "1家", "2家"]
    assert all(text[s:e] == t for s, e, t in c.figures)
    assert store.check_counts()[seed2]["待核实"] == len(store.list_checks(seed2))


def test_decision_is_audited_and_undo_is_the_same_call(store, seed2):
    c = _sum_check(store, seed2)
    done = store.decide_check(c.id, "张三", decision="核实无误", note="原文如此，已电话核实")
    assert (done.decision, done.note, done.reviewer) == ("核实无误", "原文如此，已电话核实", "张三")
    undone = store.decide_check(c.id, "张三", decision=c.decision, note=c.note, action="undo")
    assert (undone.decision, undone.note) == ("待核实", None)
    rows = store.check_history(c.id)
    assert [(r.action, r.field.split(".")[1], r.old, r.new) for r in rows] == [
        ("decide", "decision", "待核实", "核实无误"), ("decide", "note", None, "原文如此，已电话核实"),
        ("undo", "decision", "核实无误", "待核实"), ("undo", "note", "原文如此，已电话核实", None)]
    assert all(r.reviewer == "张三" for r in rows)
    with pytest.raises(ReportError):
        store.decide_check(c.id, "张三", decision="随便")
    assert store.get_check(c.id).decision == "待核实"


def test_redetection_keeps_decisions_by_kind_and_quote(store, seed2):
    c = _sum_check(store, seed2)
    store.decide_check(c.id, "李四", decision="确认问题")
    doc, ext = load_and_analyze(str(next(SEEDS.glob("002_*.txt"))))
    store.redetect(seed2, doc, ext, "李四")
    again = _sum_check(store, seed2)
    assert again.id == c.id and again.decision == "确认问题" and not again.stale


def test_fixing_the_figure_clears_the_check_but_keeps_the_decided_row(store, seed2):
    c = _sum_check(store, seed2)
    store.decide_check(c.id, "李四", decision="确认问题")
    fig = next(f for f in store.list_figures(seed2) if f.text == "28宗")
    store.update_figure(fig.id, "李四", value=30)  # the reviewer corrects the total
    service.rerun_checks(store, seed2)
    kept = store.get_check(c.id)
    assert kept.stale and kept.decision == "确认问题"  # decided: kept, flagged, not counted
    assert store.check_counts()[seed2]["确认问题"] == 0
    store.update_figure(fig.id, "李四", value=28)
    service.rerun_checks(store, seed2)
    assert not store.get_check(c.id).stale


def test_undecided_check_that_no_longer_applies_is_dropped(store, seed2):
    c = _sum_check(store, seed2)
    fig = next(f for f in store.list_figures(seed2) if f.text == "28宗")
    store.update_figure(fig.id, "王五", value=30)
    service.rerun_checks(store, seed2)
    assert c.id not in [x.id for x in store.list_checks(seed2)]


def test_issue_rows_for_the_export(store, seed2):
    c = _sum_check(store, seed2)
    store.decide_check(c.id, "张三", decision="确认问题", note="请单位更正")
    rows = store.issue_rows()
    row = next(r for r in rows if r.kind == "合计与分项")
    assert (row.body, row.year, row.decision, row.note) == ("清城区民政局", 2023, "确认问题", "请单位更正")
    assert row.message == "合计28宗与分项之和30宗（27+1+2）不符"
    from core.store.check_ops import ISSUE_COLUMNS

    cells = dict(zip(ISSUE_COLUMNS, row.as_row(), strict=True))
    assert cells["单位"] == "清城区民政局" and cells["核实结果"] == "确认问题"
    assert cells["原文"].startswith("28宗") and cells["文件"].startswith("002_")
    store.decide_check(c.id, "张三", decision="核实无误")
    assert all(r.kind != "合计与分项" for r in store.issue_rows(include_dismissed=False))


def test_copy_checks_across_stored_reports(store, tmp_path):
    para = ("我局坚持把法治政府建设摆在全局工作的重要位置，召开局党组会议专题研究法治工作{n}次，组织领导干部集中学法{n}次，"
            "审核规范性文件合法性{n}件，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度。")
    for year, n in ((2022, 4), (2023, 6)):
        p = tmp_path / f"r{year}.txt"
        p.write_text(f"某区司法局{year}年法治政府建设情况报告\n一、{year}年主要举措和成效\n{para.format(n=n)}\n",
                     encoding="utf-8")
        store.import_file(p, analyzer=load_and_analyze)
    counts = service.run_copy_checks(store)
    by_year = {r.year: r.id for r in store.list_reports()}
    assert counts[by_year[2023]] == 1 and counts[by_year[2022]] == 0
    (c,) = [c for c in store.list_checks(by_year[2023]) if c.kind == "copy"]
    assert c.detail["other_report_id"] == by_year[2022]
    other = store.load_document(by_year[2022]).text
    assert other[c.detail["other_start"]:c.detail["other_end"]].startswith("我局坚持")
    store.decide_check(c.id, "张三", decision="确认问题")
    service.run_copy_checks(store)  # a re-run keeps the decision
    assert store.get_check(c.id).decision == "确认问题"


def test_expected_bodies_from_csv_and_xlsx_and_status(store, tmp_path, seed2):
    csv = tmp_path / "bodies.csv"
    csv.write_text("单位名称\n清城区民政局\n清城区司法局\n\n", encoding="gb18030")
    assert service.import_expected_bodies(store, csv, "张三") == ["清城区民政局", "清城区司法局"]
    from openpyxl import Workbook

    wb = Workbook()
    for name in ("单位", "清城区民政局", " 英德市民政局 "):
        wb.active.append([name])
    xlsx = tmp_path / "bodies.xlsx"
    wb.save(xlsx)
    assert service.import_expected_bodies(store, xlsx, "张三") == ["清城区民政局", "英德市民政局"]
    status = {r.body: r for r in service.reporting_status(store, 2023)}
    assert status["清城区民政局"].status == "已报送" and status["清城区民政局"].report_id == seed2
    assert status["英德市民政局"].status == "未报送"
    assert service.reporting_status(store, 2022)[0].status == "未报送"
    old = store.expected_bodies()
    store.set_expected_bodies(["甲"], "张三")
    assert store.set_expected_bodies(old, "张三") == old  # undo
    with pytest.raises(ReportError):
        service.import_expected_bodies(store, tmp_path / "bodies.docx", "张三")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ReportError, match="已损坏"):
        service.import_expected_bodies(store, bad, "张三")
    with pytest.raises(ReportError, match="找不到"):
        service.import_expected_bodies(store, tmp_path / "none.csv", "张三")
    empty = tmp_path / "empty.csv"
    empty.write_text("单位名称\n\n", encoding="utf-8")
    with pytest.raises(ReportError, match="名单未改动"):
        service.import_expected_bodies(store, empty, "张三")
    assert store.expected_bodies() == old


def test_late_report_status():
    from core.checks.reporting import ReportRef, reporting_status

    refs = [ReportRef(1, "天津市蓟州区民政局", 2022, signed="2023-03-13"),
            ReportRef(2, "和平区民政局", 2022, signed="2023-02-01", published="2023-03-20"),
            ReportRef(3, "河东区民政局", 2022, published="2023-04-08")]
    rows = reporting_status(["蓟州区民政局", "和平区民政局", "河东区民政局", "河西区民政局"], refs, 2022)
    assert [(r.body, r.status) for r in rows] == [
        ("蓟州区民政局", "逾期"), ("和平区民政局", "已报送"), ("河东区民政局", "逾期"),
        ("河西区民政局", "未报送")]
    assert "2023-03-01" in rows[0].note and "发布日期2023-04-08" in rows[2].note


def test_status_reads_both_dates_from_the_stored_text(store):
    path = next(SEEDS.glob("001_*.txt"))  # 发布时间 2023-03-13 for 2022: published in time
    rid = store.import_file(path, analyzer=load_and_analyze).report_id
    store.set_expected_bodies(["蓟州区民政局"], "张三")
    (row,) = service.reporting_status(store, 2022)
    assert (row.status, row.report_id, row.date) == ("已报送", rid, "2023-03-13")


def test_version_3_database_is_migrated_to_checks(tmp_path):
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for statement in schema.SCHEMA_V1 + schema.SCHEMA_V2 + schema.SCHEMA_V3_INDICATORS:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    conn.execute("INSERT INTO reports (sha256, file_name, source_path, format, imported_at, detected_at,"
                 " text) VALUES ('x', 'a.txt', 'a.txt', 'txt', 't', 't', '正文')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"checks", "expected_bodies"} <= tables
        assert [r.file_name for r in store.list_reports()] == ["a.txt"]
        assert store.list_checks(1) == [] and store.expected_bodies() == []
    assert list(tmp_path.glob("db.sqlite3.v3-*.bak"))


def test_part_evidence_from_the_reviewed_headings(store):
    rid = store.import_file(next(SEEDS.glob("004_*.txt")), analyzer=load_and_analyze).report_id
    ev = {e.kind: e for e in service.part_evidence(store, rid)}
    assert ev["leader_duty"].how == "content" and ev["plan"].how == "heading"
    text = store.load_document(rid).text
    assert text[ev["leader_duty"].start:ev["leader_duty"].end] == "第一责任人"


def test_any_sequence_of_decisions_is_replayed_by_its_audit_rows(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from core.store.checks import DECISIONS

    store = Store(tmp_path / "p.sqlite3")
    rid = store.import_file(next(SEEDS.glob("002_*.txt")), analyzer=load_and_analyze).report_id
    cid = _sum_check(store, rid).id
    steps = st.lists(st.tuples(st.sampled_from(DECISIONS), st.sampled_from([None, "", "已核实", "原文有误"])),
                     max_size=8)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(steps)
    def run(seq):
        start = store.get_check(cid)
        n_before = len(store.check_history(cid))
        undo = []
        for decision, note in seq:
            old = store.get_check(cid)
            store.decide_check(cid, "甲", decision=decision, note=note)
            undo.append((old.decision, old.note))
        state = {"decision": start.decision, "note": start.note}
        for row in store.check_history(cid)[n_before:]:
            assert state[row.field.split(".")[1]] == row.old
            state[row.field.split(".")[1]] = row.new
        now = store.get_check(cid)
        assert (state["decision"], state["note"]) == (now.decision, now.note)
        for decision, note in reversed(undo):
            store.decide_check(cid, "甲", decision=decision, note=note, action="undo")
        back = store.get_check(cid)
        assert (back.decision, back.note) == (start.decision, start.note)

    try:
        run()
    finally:
        store.close()
