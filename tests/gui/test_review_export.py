"""Export from the window: scope, format, reviewed-only, in a worker, then the folder offer."""
from __future__ import annotations

import csv

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from core.store.records import CONFIRMED
from tests.gui.helpers import DOCX, TXT
from tests.gui.review_fixtures import REVIEWER, open_path, press, store_of


def _run(qtbot, dlg):
    with qtbot.waitSignal(dlg.exported, timeout=30000) as blocker:
        assert dlg.start_export()
    qtbot.waitUntil(lambda: dlg.export_button.isEnabled(), timeout=5000)
    return blocker.args[0]


def test_export_this_report_xlsx_and_all_csv(qtbot, rwindow, answers, tmp_path):
    open_path(qtbot, rwindow, DOCX)
    open_path(qtbot, rwindow, TXT)
    kit, st = rwindow.review_kit, store_of(rwindow)
    rid = kit.ctl.report_id()
    first = kit.ctl.current()
    press(qtbot, rwindow, Qt.Key.Key_Y)
    assert st.get_figure(first.id).status == CONFIRMED
    opened = []
    press(qtbot, rwindow, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = kit.export_dialog
    assert dlg is not None and dlg.scope_this.isChecked()
    dlg.opener = opened.append
    dlg.path_edit.setText(str(tmp_path / "本报告.xlsx"))
    dlg.reviewed_only.setChecked(True)
    path = _run(qtbot, dlg)
    assert answers.asked and opened == [path]  # offered to open the folder, and did
    ws = load_workbook(path)["明细"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 1  # reviewed only: the one confirmed figure of this report
    row = dict(zip(header, body[0], strict=True))
    assert row["状态"] == CONFIRMED and row["审核人"] == REVIEWER
    assert row["文件"] == st.get_report(rid).file_name

    # all reports, every figure with its status, as CSV
    dlg.scope_all.setChecked(True)
    dlg.reviewed_only.setChecked(False)
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(".csv"))
    dlg.path_edit.setText(str(tmp_path / "全部.csv"))
    answers.yes = False
    path = _run(qtbot, dlg)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        data = list(csv.DictReader(fh))
    total = sum(len(st.list_figures(r.id)) for r in st.list_reports())
    assert len(data) == total and {d["状态"] for d in data} >= {CONFIRMED, "待审"}
    assert len(opened) == 1

    # selected reports: only the DOCX one
    dlg.scope_selected.setChecked(True)
    other = [r.id for r in st.list_reports() if r.id != rid][0]
    for r in range(dlg.report_model.rowCount()):
        item = dlg.report_model.item(r)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == other
                           else Qt.CheckState.Unchecked)
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(".xlsx"))
    dlg.path_edit.setText(str(tmp_path / "选定.xlsx"))
    path = _run(qtbot, dlg)
    wb = load_workbook(path)
    assert wb["汇总"].max_row == 2  # header + the one selected report
    names = {row[2] for row in wb["明细"].iter_rows(min_row=2, values_only=True)}
    assert names == {st.get_report(other).file_name}
