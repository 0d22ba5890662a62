"""The 应报送单位 dialog: names typed or imported from a one-column CSV/XLSX (the file answer is
injected), saved and audited, and 已报送 / 未报送 / 逾期 for the chosen year."""
from __future__ import annotations

from openpyxl import Workbook

from tests.gui.review_fixtures import REVIEWER, open_path, store_of
from tests.gui.test_problems_panel import report_text


def _write(tmp_path, org, year, signed):
    path = tmp_path / f"{org}{year}.txt"
    path.write_text(report_text(org, year) + f"\n{org}\n{signed}\n", encoding="utf-8")
    return path


def test_expected_bodies_imported_and_status_by_year(qtbot, rwindow, tmp_path):
    open_path(qtbot, rwindow, _write(tmp_path, "某某县司法局", 2023, "2024年2月1日"))
    open_path(qtbot, rwindow, _write(tmp_path, "某某县民政局", 2023, "2024年3月20日"))
    csv = tmp_path / "名单.csv"
    csv.write_text("单位名称\n某某县司法局\n某某县民政局\n某某县财政局\n", encoding="utf-8")
    kit = rwindow.review_kit.checks
    kit.choose_file = lambda: str(csv)
    dlg = kit.open_reporting()
    qtbot.addWidget(dlg)
    assert dlg.year.value() == 2023 and dlg.rows == []
    assert dlg.import_file()
    store = store_of(rwindow)
    assert store.expected_bodies() == ["某某县司法局", "某某县民政局", "某某县财政局"]
    assert dlg.typed_names() == store.expected_bodies()
    assert {r.body: r.status for r in dlg.rows} == {
        "某某县司法局": "已报送", "某某县民政局": "逾期", "某某县财政局": "未报送"}
    assert "已报送 1，逾期 1，未报送 1" in dlg.summary.text()
    assert dlg.table.item(1, 1).text() == "逾期" and "晚于" in dlg.table.item(1, 3).text()
    dlg.year.setValue(2022)  # nothing imported for 2022
    assert {r.status for r in dlg.rows} == {"未报送"}
    history = store.report_history(0)
    assert history and history[-1].reviewer == REVIEWER and history[-1].field == "expected_bodies"
    with qtbot.waitSignal(rwindow.reportOpened, timeout=30000):
        dlg.year.setValue(2023)
        dlg._on_double_click(0, 0)  # opens the reported body's report
    assert rwindow.review.report.record.org == "某某县司法局"


def test_typed_names_xlsx_and_bad_file(qtbot, rwindow, tmp_path):
    kit = rwindow.review_kit.checks
    dlg = kit.open_reporting()
    qtbot.addWidget(dlg)
    dlg.names.setPlainText("甲单位\n\n 乙单位 \n甲单位")
    assert dlg.save_names()
    assert store_of(rwindow).expected_bodies() == ["甲单位", "乙单位"]
    xlsx = tmp_path / "名单.xlsx"
    wb = Workbook()
    for name in ("单位", "丙单位", "乙单位"):
        wb.active.append([name])
    wb.save(xlsx)
    kit_file = {"path": str(xlsx)}
    dlg.choose_file = lambda: kit_file["path"]
    assert dlg.import_file()
    assert store_of(rwindow).expected_bodies() == ["甲单位", "乙单位", "丙单位"]
    assert "新增 1 个单位" in dlg.message.text()
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    kit_file["path"] = str(bad)
    assert not dlg.import_file()
    assert "无法读取单位名单" in dlg.message.text()
    assert store_of(rwindow).expected_bodies() == ["甲单位", "乙单位", "丙单位"]  # untouched
    kit_file["path"] = None
    assert not dlg.import_file()  # cancelled file choice
