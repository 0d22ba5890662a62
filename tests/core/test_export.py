"""Export: formatted .xlsx with 汇总 and 明细, effective values, reviewed-only, CSV with BOM."""
import csv

import openpyxl
import pytest

from bench.store_samples import write_sample
from core.errors import ReportError
from core.export import build_tables, export
from core.export.summary_tables import DETAIL_COLUMNS, SUMMARY_COLUMNS, sentence_at
from core.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "db.sqlite3")
    ids = []
    for seed in (1, 2):
        path, doc, ext = write_sample(tmp_path, seed, pdf=seed == 2)
        ids.append(s.add_report(doc, ext, source_path=str(path)).report_id)
    figs = s.list_figures(ids[0])
    s.update_figure(figs[0].id, "张三", value="1.5万")
    s.confirm_figure(figs[1].id, "张三")
    s.delete_figure(figs[2].id, "张三")
    s.update_figure(figs[3].id, "张三", subject="=HYPERLINK(\"x\")")
    s.set_review_state(ids[0], "已审核", "张三")
    yield s
    s.close()


def test_xlsx_has_two_formatted_sheets(store, tmp_path):
    out = export(store, tmp_path / "out" / "汇总.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "指标汇总", "同比", "明细", "问题清单"]
    summary, detail = wb["汇总"], wb["明细"]
    assert [c.value for c in summary[1]] == SUMMARY_COLUMNS
    assert [c.value for c in detail[1]] == DETAIL_COLUMNS
    for ws in (summary, detail):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.bold
        assert ws.column_dimensions["C"].width >= 15
    row = {h: c.value for h, c in zip(SUMMARY_COLUMNS, summary[2], strict=True)}
    assert row["审核状态"] == "已审核" and row["已确认"] == 1 and row["已修改"] == 2
    assert row["已删除"] == 1 and row["待审"] == 12 and row["审核人"] == "张三"
    assert row["缺少的必备部分"] in ("", None)
    assert detail.max_row == 1 + 32
    first = {h: c.value for h, c in zip(DETAIL_COLUMNS, detail[2], strict=True)}
    assert first["数值"] == 15000 and first["状态"] == "已修改"  # the effective, reviewed value
    assert first["所在章节"] == "一、主要举措和成效 / （一）重点工作"
    assert first["原文"] in first["所在句子"]
    formula_row = [r for r in detail.iter_rows(min_row=2, values_only=True)
                   if r[4] and str(r[4]).startswith("=")]
    assert formula_row and formula_row[0][4] == "=HYPERLINK(\"x\")"  # kept as text
    pdf_rows = [r for r in detail.iter_rows(min_row=2, values_only=True) if r[10] is not None]
    assert pdf_rows and pdf_rows[0][10] == 1  # page numbers shown 1-based


def test_reviewed_only(store):
    _summary, detail = build_tables(store, reviewed_only=True)
    assert sorted(detail["状态"]) == sorted(["已确认", "已修改", "已修改"])


def test_csv_utf8_bom(store, tmp_path):
    out = export(store, tmp_path / "明细.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == DETAIL_COLUMNS and len(rows) == 33
    assert "某区司法局" in rows[1][0]


def test_bad_suffix_and_anchor_flag(store, tmp_path):
    with pytest.raises(ReportError):
        export(store, tmp_path / "x.docx")
    store.conn.execute('UPDATE figures SET start = start + 1 WHERE id = 5')
    _s, detail = build_tables(store)
    assert list(detail["原文核对"]).count("不一致：原文已变化") == 1


def test_sentence_at():
    text = "第一句。全年审核规范性文件12件，培训3场；下一句。"
    start = text.index("12件")
    assert sentence_at(text, start, start + 3) == "全年审核规范性文件12件，培训3场；"


def test_export_limited_to_chosen_reports_even_when_names_collide(tmp_path):
    """Two reports with the same body, year and file name (different content) stay apart."""
    s = Store(tmp_path / "db.sqlite3")
    ids, meta = [], None
    for n, sub in enumerate(("a", "b")):
        folder = tmp_path / sub
        folder.mkdir()
        path, doc, ext = write_sample(folder, 1 + n)
        same_name = path.with_name("报告.txt")
        path.rename(same_name)
        meta = meta or ext.meta
        ext.meta = meta  # same body and year as the first report
        ids.append(s.add_report(doc, ext, source_path=str(same_name)).report_id)
    names = {(r.org, r.year, r.file_name) for r in s.list_reports()}
    assert len(names) == 1  # the old (body, year, file) matching could not tell them apart
    s.confirm_figure(s.list_figures(ids[1])[0].id, "李四")
    summary, detail = build_tables(s, report_ids=[ids[1]])
    assert len(summary) == 1
    live = s.list_figures(ids[1])
    assert len(detail) == len(live)
    assert "已确认" in set(detail["状态"])
    out = export(s, tmp_path / "one.csv", report_ids=[ids[0]])
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) - 1 == len(s.list_figures(ids[0]))
    s.close()
