"""DOCX import: body order with tables, Word auto-numbering reproduced, merged cells once."""
from __future__ import annotations

from itertools import pairwise

import pytest

from core.importers import load_document
from core.importers.docx_numbering import chinese_counting, format_number
from bench.bench_import import FOLD_DIGITS, fidelity, gold_figures, normalise
from tests.conftest import FIXTURES, GOLD

DOCX = ["000_yuzhong", "000_yuzhong_fullwidth_digits", "001_jizhou", "002_qingcheng",
        "002_qingcheng_autonum", "003_lanzhou", "004_jiulongpo", "004_jiulongpo_tables"]




@pytest.mark.parametrize("name", DOCX)
def test_fidelity_and_gold_figures(name):
    doc = load_document(FIXTURES / f"{name}.docx")
    expected = (FIXTURES / "expected" / f"{name}.expected.txt").read_text(encoding="utf-8")
    ratio = fidelity(doc.text, expected)
    assert ratio >= 0.995
    folded = doc.text.translate(FOLD_DIGITS)
    assert [f for f in gold_figures(name, GOLD) if f not in folded] == []
    for b in doc.blocks:  # blocks are in text order and never empty
        assert 0 <= b.start < b.end <= len(doc.text)
    assert all(a.end <= b.start for a, b in pairwise(doc.blocks))


def test_autonumbering_reproduced():
    doc = load_document(FIXTURES / "002_qingcheng_autonum.docx")
    lines = doc.text.split("\n")
    assert "一、2023年工作情况" in lines
    assert any(line.startswith("(一)切实履行推进法治建设第一责任人职责") for line in lines)
    assert any(line.startswith("(七)推进新时代基层治理现代化建设") for line in lines)
    assert "二、存在的主要问题" in lines
    assert normalise(doc.text) == normalise(load_document(FIXTURES / "002_qingcheng.docx").text)
    heading = doc.block_at(doc.text.index("一、2023年工作情况"))
    assert heading.kind == "heading"


def test_tables_in_body_order_and_merged_cells_once():
    doc = load_document(FIXTURES / "004_jiulongpo_tables.docx")
    assert doc.text.count("表1 2021年度养老服务主要数据") == 1  # merged title row, not repeated
    assert "全区养老机构\t37家" in doc.text.split("\n")
    assert "二、存在的主要问题" in doc.text.split("\n")  # heading inside a 1x1 table cell
    cells = [b for b in doc.blocks if b.kind == "cell"]
    assert len({b.cell for b in cells}) == len(cells)
    b = doc.block_at(doc.text.index("\t37家") + 1)
    assert b.kind == "cell" and doc.text[b.start:b.end] == "37家" and b.cell[2] == 1
    # body order: the problems heading comes after the statistics table
    assert doc.text.index("全区养老机构") < doc.text.index("二、存在的主要问题")


def test_no_header_or_footer_text():
    doc = load_document(FIXTURES / "000_yuzhong.docx")
    assert "—" not in doc.text.split("\n")[-1]
    assert doc.text.count("重庆市渝中区民政局法治政府建设年度报告") == 0


def test_title_detected():
    doc = load_document(FIXTURES / "003_lanzhou.docx")
    i = doc.text.index("关于2023年法治政府建设情况的报告")
    assert doc.block_at(i).kind == "title"


def test_number_formats():
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 23, 100, 105)] == ["一", "十", "十一", "二十", "二十三", "一百", "一百零五"]
    assert format_number(3, "decimalFullWidth") == "３"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(4, "lowerRoman") == "iv"
    assert format_number(1, "ideographTraditional") == "甲"
