"""The .xlsx sheet layer: print set-up, real dates and numbers, text never a formula, sheets split
before the row limit, and a new sheet added through the builder list."""
import datetime as dt

import openpyxl
import pytest

from bench.store_samples import write_sample
from core.export import export
from core.export.sheet import (CODE, DATE, DATETIME, INTEGER, NUMBER, PERCENT, WRAP, Column,
                               Sheet)
from core.export.workbook import SHEET_BUILDERS, write_review_xlsx
from core.export.xlsx_writer import write_xlsx
from core.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "db.sqlite3")
    for seed in (1, 2):
        path, doc, ext = write_sample(tmp_path, seed)
        rid = s.add_report(doc, ext, source_path=str(path)).report_id
    figs = s.list_figures(rid)
    s.update_figure(figs[0].id, "张三", value="12345.5")
    s.confirm_figure(figs[1].id, "张三")
    s.update_figure(figs[2].id, "张三", subject="=cmd|' /C calc'!A0")
    yield s
    s.close()


def _print_ready(ws, header_row=1):
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # None: the default, one page wide
    assert ws.page_setup.fitToHeight == 0  # as many pages tall as needed
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    assert all(c.font.bold for c in ws[header_row])


def test_review_export_is_print_ready_with_typed_cells(store, tmp_path):
    out = export(store, tmp_path / "汇总.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "指标汇总", "同比", "明细", "问题清单"]
    for ws in wb:
        _print_ready(ws, 2 if ws.title in ("指标汇总", "同比") else 1)  # under a title row
    summary, detail = wb["汇总"], wb["明细"]
    head = [c.value for c in summary[1]]
    row = dict(zip(head, summary[3], strict=True))
    assert row["年度"].value == 2024 and row["年度"].number_format == "0"  # no "2,023"
    assert row["待审"].number_format == "#,##0"
    assert row["审核进度"].number_format == "0.0%" and 0 < row["审核进度"].value < 1
    assert isinstance(row["审核时间"].value, dt.datetime)  # a real date, not text
    assert row["审核时间"].number_format == "yyyy-mm-dd hh:mm"
    assert row["文件"].alignment.wrap_text

    head = [c.value for c in detail[1]]
    cells = [dict(zip(head, r, strict=True)) for r in detail.iter_rows(min_row=2)]
    value = next(r["数值"] for r in cells if r["数值"].value == 12345.5)
    assert value.number_format == "#,##0.0"  # thousands separator, the value's own decimals
    whole = next(r["数值"] for r in cells if isinstance(r["数值"].value, int))
    assert whole.number_format == "#,##0"
    sentence = cells[0]["所在句子"]
    assert sentence.alignment.wrap_text and sentence.data_type == "s"
    evil = [r["事项"] for r in cells if str(r["事项"].value).startswith("=")]
    assert evil and all(c.data_type == "s" for c in evil)  # text, never a formula
    assert evil[0].value == "=cmd|' /C calc'!A0"
    raw = openpyxl.load_workbook(out, data_only=False)["明细"]
    assert not any(c.data_type == "f" for r in raw.iter_rows() for c in r)


def test_long_sheet_continues_in_numbered_sheets_with_header(store, tmp_path):
    out = tmp_path / "split.xlsx"
    write_review_xlsx(store, out, max_rows=10)  # 9 data rows per sheet in this test
    wb = openpyxl.load_workbook(out)
    n_figures = store.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    parts = [n for n in wb.sheetnames if n.startswith("明细")]
    assert parts == ["明细"] + [f"明细{i}" for i in range(2, len(parts) + 1)]
    assert len(parts) == -(-n_figures // 9)
    rows = []
    for name in parts:
        ws = wb[name]
        assert ws[1][0].value == "报告单位"
        _print_ready(ws)
        assert ws.max_row <= 10
        rows += list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == n_figures
    assert len(set(rows)) == len(rows) or n_figures == len(rows)  # nothing lost or repeated


def test_a_new_sheet_is_a_builder(store, tmp_path):
    """How another sheet joins the workbook: a function returning a Sheet, added to the list."""
    def progress_sheet(scope):
        figures = {}
        for rid, _status, n in scope.stream.status_counts():
            figures[rid] = figures.get(rid, 0) + n
        rows = ((name, figures.get(rid, 0), 0.25, "2024-12-31")
                for rid, _org, _year, name, _state in scope.stream.reports())
        return Sheet("进度", [Column("文件", 30, WRAP), Column("数字", 8, INTEGER),
                              Column("比例", 8, PERCENT), Column("截止", 12, DATE)],
                     rows, caption="2024年度 审核进度（全部单位）")

    out = tmp_path / "more.xlsx"
    write_review_xlsx(store, out, builders=[*SHEET_BUILDERS, progress_sheet])
    ws = openpyxl.load_workbook(out)["进度"]
    assert ws["A1"].value == "2024年度 审核进度（全部单位）" and ws["A1"].font.bold
    _print_ready(ws, header_row=2)
    assert [c.value for c in ws[2]] == ["文件", "数字", "比例", "截止"]
    assert ws["C3"].number_format == "0.0%" and ws["C3"].value == 0.25
    assert ws["D3"].value == dt.datetime(2024, 12, 31) and ws["D3"].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions["A"].width >= 30


def test_writer_handles_odd_values(tmp_path):
    out = tmp_path / "odd.xlsx"
    control = "a\x01b\ufffec"
    rows = [["x" * 40_000, float("nan"), None, "not a date", 2024, "@SUM(1)"],
            [control, float("inf"), 3, dt.date(2024, 1, 2), None, "+1"]]
    write_xlsx(out, [Sheet("怪", [Column("长"), Column("数", kind=NUMBER), Column("空"),
                                  Column("日", kind=DATETIME), Column("年", kind=CODE),
                                  Column("式")], iter(rows))])
    ws = openpyxl.load_workbook(out)["怪"]
    assert len(ws["A2"].value) == 32_767  # Excel's cell limit, not a broken file
    assert ws["B2"].value is None and ws["B3"].value is None  # NaN, inf: empty
    assert ws["C3"].value == "3" and ws["C3"].data_type == "s"  # a text column keeps text
    assert ws["D2"].value == "not a date" and ws["D3"].value == dt.datetime(2024, 1, 2)
    assert ws["F2"].data_type == "s" and ws["F3"].value == "+1"
    assert "\ufffe" not in ws["A3"].value


def test_failed_export_leaves_no_file(tmp_path):
    def broken():
        yield ["a"]
        raise RuntimeError("boom")

    out = tmp_path / "x.xlsx"
    with pytest.raises(RuntimeError):
        write_xlsx(out, [Sheet("s", [Column("a")], broken())])
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_target_that_cannot_be_replaced_leaves_no_part_file(tmp_path):
    out = tmp_path / "busy.xlsx"
    out.mkdir()  # a folder under the name: the final rename fails like a file locked by Excel
    with pytest.raises(OSError):
        write_xlsx(out, [Sheet("s", [Column("a")], [["x"]])])
    assert not list(tmp_path.glob("*.part"))
