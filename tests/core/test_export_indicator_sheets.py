"""The .xlsx sheets a supervisor hands on: 指标汇总 (title row naming year and scope, 序号, bodies ×
indicators with units in the headers, 合计 only where summable, rates as percentages) and 同比,
and the 汇总 sheet's document columns (标题, 文号, 发布日期 as a real date, 审核意见) — opened with
openpyxl and checked, print set-up included."""
import datetime as dt

import openpyxl
import pytest

from bench.store_samples import write_sample
from core.export import export
from core.store import Store

WHO = "张审核"
DOCS = "normative_docs_reviewed"  # 规范性文件合法性审核件数（件）
RATE = "head_appearance_rate"  # 行政机关负责人出庭应诉率（%）, never summed


def _add(store, tmp_path, seed, org, year, mapping, published=None):
    folder = tmp_path / f"r{seed}"
    folder.mkdir()
    path, doc, ext = write_sample(folder, seed)
    ext.meta.org, ext.meta.year, ext.meta.published = org, year, published
    ext.meta.doc_number = f"民字〔{year}〕{seed}号"
    for k, ind in mapping.items():
        ext.figures[k].indicator = ind
    return store.add_report(doc, ext, source_path=str(path)).report_id


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "db.sqlite3")
    s.ids = (
        _add(s, tmp_path, 1, "重庆市渝中区民政局", 2023, {0: DOCS}),
        _add(s, tmp_path, 2, "渝中区民政局", 2024, {0: DOCS, 4: DOCS, 1: RATE}, "2025-01-20"),
        _add(s, tmp_path, 3, "兰州市民政局", 2024, {0: DOCS, 1: RATE}),
    )
    yield s
    s.close()


def _rows(ws, first):
    head = [c.value for c in ws[first]]
    return head, [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=first + 1)]


def _print_ready(ws, header_row):
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert all(c.font.bold for c in ws[header_row] if c.value)


def test_indicator_summary_sheet(store, tmp_path):
    _a, b, c = store.ids
    figs_b, figs_c = store.list_figures(b), store.list_figures(c)
    store.update_figure(figs_b[1].id, WHO, value="98.5")  # a rate in %
    store.update_figure(figs_c[1].id, WHO, value="90")
    store.update_figure(figs_c[0].id, WHO, value="12345")
    wb = openpyxl.load_workbook(export(store, tmp_path / "x.xlsx", report_ids=[b, c]))
    ws = wb["指标汇总"]
    _print_ready(ws, 2)
    assert ws["A1"].value == "2024年度法治政府建设主要指标汇总表——所选 2 份报告"
    head, rows = _rows(ws, 2)
    assert head == ["序号", "单位", "年度", "规范性文件合法性审核件数（件）",
                    "行政机关负责人出庭应诉率（%）", "待审项数"]  # only indicators with values
    assert [r["序号"].value for r in rows] == [1, 2, None]
    assert [r["单位"].value for r in rows] == ["兰州市民政局", "渝中区民政局", "合计"]
    docs = [r["规范性文件合法性审核件数（件）"] for r in rows]
    assert docs[0].value == 12345 and docs[0].number_format == "#,##0"
    assert docs[1].value == figs_b[0].value + figs_b[4].value
    assert docs[2].value == 12345 + docs[1].value  # 合计
    rate = [r["行政机关负责人出庭应诉率（%）"] for r in rows]
    assert rate[1].value == pytest.approx(0.985) and rate[1].number_format == "0.0%"
    assert rate[2].value is None  # a rate is never summed
    assert rows[1]["待审项数"].value == 1  # its two 规范性文件 figures are 待审, the rate edited
    assert rows[0]["待审项数"].value is None and rows[1]["单位"].alignment.wrap_text


def test_year_over_year_sheet(store, tmp_path):
    a, b, _c = store.ids
    ws = openpyxl.load_workbook(export(store, tmp_path / "x.xlsx"))["同比"]
    _print_ready(ws, 2)
    assert ws["A1"].value == "2024年度与2023年度主要指标同比——全部 3 份报告"
    head, rows = _rows(ws, 2)
    assert head == ["序号", "单位", "指标", "计量单位", "上年", "本年", "增减", "增减率", "待审",
                    "单位匹配"]
    yz = next(r for r in rows if r["单位"].value == "渝中区民政局" and r["指标"].value
              == "规范性文件合法性审核件数")
    prev = store.list_figures(a)[0].value
    now = store.list_figures(b)[0].value + store.list_figures(b)[4].value
    assert (yz["上年"].value, yz["本年"].value, yz["增减"].value) == (prev, now, now - prev)
    assert yz["增减率"].value == pytest.approx(round((now - prev) / prev, 4))
    assert yz["增减率"].number_format == "0.0%" and yz["本年"].number_format.startswith("#,##0")
    assert yz["单位匹配"].value == "名称" and yz["待审"].value == "是"


def test_summary_sheet_document_columns_and_opinion(store, tmp_path):
    _a, b, _c = store.ids
    store.set_opinion(b, "请补充行政复议数据。" * 6, WHO)
    ws = openpyxl.load_workbook(export(store, tmp_path / "x.xlsx"))["汇总"]
    _print_ready(ws, 1)
    head, rows = _rows(ws, 1)
    assert head[:6] == ["报告单位", "年度", "标题", "文号", "发布日期", "文件"]
    assert head[-1] == "审核意见"
    row = next(r for r in rows if r["报告单位"].value == "渝中区民政局")
    assert row["发布日期"].value == dt.datetime(2025, 1, 20)  # a real date
    assert row["发布日期"].number_format == "yyyy-mm-dd"
    assert row["文号"].value == "民字〔2024〕2号" and row["标题"].value
    assert row["审核意见"].value.startswith("请补充") and row["审核意见"].alignment.wrap_text


def test_many_indicators_continue_on_further_sheets(tmp_path):
    """More indicator columns than one printed page can hold: 指标汇总, 指标汇总（二）…, the same
    rows on each, every indicator once, each part under the limit."""
    from core.export.indicator_sheets import MAX_INDICATOR_COLUMNS

    with Store(tmp_path / "db.sqlite3") as store:
        ids = [i.id for i in store.list_indicators() if i.kind != "rate"][:MAX_INDICATOR_COLUMNS + 4]
        rids = []
        for k in range(0, len(ids), 8):  # 8 figures a sample: 2 reports carry 16 indicators
            rids.append(_add(store, tmp_path, 10 + k, f"单位{k}", 2024,
                             dict(enumerate(ids[k:k + 8]))))
        wb = openpyxl.load_workbook(export(store, tmp_path / "x.xlsx"))
    parts = [n for n in wb.sheetnames if n.startswith("指标汇总")]
    assert parts == ["指标汇总", "指标汇总（二）"]
    headers = []
    for name in parts:
        ws = wb[name]
        _print_ready(ws, 2)
        assert ws["A1"].value.endswith(f"（{parts.index(name) + 1}/2）")
        head, rows = _rows(ws, 2)
        assert head[:3] == ["序号", "单位", "年度"] and head[-1] == "待审项数"
        assert len(head) - 4 <= MAX_INDICATOR_COLUMNS
        assert [r["单位"].value for r in rows] == ["单位0", "单位8", "合计"]
        headers += head[3:-1]
    assert len(headers) == len(set(headers)) == len(ids)
