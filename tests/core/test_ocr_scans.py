"""OCR of scanned pages, end to end: a stamped scan in a mixed PDF, and a page of the scanned fixture.

Only two pages are recognised in this module (a few seconds each): the mixed PDF is imported once
and every test below looks at that one result.
"""
from __future__ import annotations

import os
import re
import time
from collections import Counter

import pypdfium2 as pdfium
import pytest

from core.analysis import load_and_analyze
from core.detect import detect
from core.ocr import engine
from tests.conftest import DATA, FIXTURES, SEEDS
from tests.core.pdf_builder import text_pdf

SCAN = DATA / "ocr" / "seal_scan.pdf"
KNOWN = (DATA / "ocr" / "seal_scan.txt").read_text(encoding="utf-8")
_lines = KNOWN.splitlines()
# The report text as written: masthead, one paragraph (printed over five lines), signature, date.
KNOWN_TEXT = "\n".join([_lines[0], "".join(_lines[1:-2]).strip("\u3000"), *_lines[-2:]])


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def _figures(figures) -> Counter:
    return Counter((f.value, f.unit) for f in figures)


def _mixed_pdf(folder) -> str:
    """Page 1: a text layer (seed report text); page 2: the stamped scan (image only)."""
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8").splitlines()[7]
    first = text_pdf(folder / "text.pdf", seed[:600], per_page=40)
    out = pdfium.PdfDocument(str(first))
    out.import_pages(pdfium.PdfDocument(str(SCAN)))
    path = folder / "mixed.pdf"
    out.save(str(path))
    return str(path)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ocr")
    saved = {k: os.environ.get(k) for k in ("REPORTDESK_HOME", "REPORTDESK_OCR")}
    os.environ["REPORTDESK_HOME"] = str(folder / "home")
    os.environ["REPORTDESK_OCR"] = "on"
    try:
        path = _mixed_pdf(folder)
        pages = []
        started = time.perf_counter()
        document, extraction = load_and_analyze(path, lambda done, total: pages.append((done, total)))
        seconds = time.perf_counter() - started
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return {"path": path, "home": folder / "home", "doc": document, "ext": extraction,
            "progress": pages, "seconds": seconds}


def _page_text(doc, page: int) -> str:
    return "".join(doc.text[s.start:s.end] for s in doc.ocr_lines if s.page == page)


def test_mixed_pdf_reads_page_by_page(mixed):
    doc = mixed["doc"]
    assert doc.ocr_pages == [1]
    assert mixed["progress"][-1] == (2, 2) and (1, 2) in mixed["progress"]
    assert {s.page for s in doc.ocr_lines} == {1}  # the text page is not marked as OCR
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8").splitlines()[7]
    assert _squeeze(seed[:200]) in _squeeze(doc.text)


def test_scan_under_red_seals_reads_exactly_the_printed_text(mixed):
    # Two seals: one over "资金支出90271.78元" (the star on the digits), one over the date. Without
    # taking the red out, the seal's own lettering came back as a line ("南城区民政局") and 持 under
    # the ring as 特; the printed text must come back exactly, and nothing of the seal.
    assert _squeeze(_page_text(mixed["doc"], 1)) == _squeeze(KNOWN)
    assert any("红色印章" in w and "去除" in w for w in mixed["doc"].warnings)


def test_figures_of_the_scan_equal_the_figures_of_its_text(mixed):
    doc, ext = mixed["doc"], mixed["ext"]
    on_scan = [f for f in ext.figures if doc.page_of(f.start) == 1]
    expected = detect(KNOWN_TEXT, source="known", fmt="txt").figures
    assert _figures(on_scan) == _figures(expected)
    assert (90271.78, "元") in _figures(on_scan)


def test_highlight_boxes_land_on_the_printed_figure(mixed):
    doc, ext = mixed["doc"], mixed["ext"]
    fig = next(f for f in ext.figures if f.text.startswith("90271.78"))
    rects = doc.boxes.rects(fig.start, fig.end)
    assert len(rects) == 1
    page, x0, top, x1, bottom = rects[0]
    # The generator printed the third body line at y = 240 pt, 16 pt type, from x = 72 pt.
    assert page == 1 and 238 <= top <= 246 and 252 <= bottom <= 262
    assert 72 < x0 < x1 < 523 and 8 * 5 < x1 - x0 < 8 * 14  # 8 narrow digits+point and 元


def test_ocr_text_is_marked_with_line_confidence(mixed):
    spans = [s for s in mixed["doc"].ocr_lines if s.page == 1]
    assert len(spans) >= len(KNOWN.splitlines()) - 1  # lines of one paragraph may join
    assert all(0.9 < s.confidence <= 1.0 for s in spans)
    assert any("文字识别（OCR）" in w and "平均置信度" in w for w in mixed["ext"].warnings)


def test_reopening_reads_the_cache(mixed, monkeypatch):
    monkeypatch.setenv("REPORTDESK_HOME", str(mixed["home"]))
    monkeypatch.setenv("REPORTDESK_OCR", "on")

    def no_engine(image):
        raise AssertionError("the cached page was recognised again")

    monkeypatch.setattr(engine, "recognise", no_engine)
    started = time.perf_counter()
    doc, ext = load_and_analyze(mixed["path"])
    assert time.perf_counter() - started < min(5.0, mixed["seconds"])
    assert doc.text == mixed["doc"].text and len(ext.figures) == len(mixed["ext"].figures)


def test_scanned_fixture_page_has_the_figures_of_the_text_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTDESK_OCR", "on")
    index = 1  # page 2: a page full of figures (人次, 份, 条)
    one = pdfium.PdfDocument.new()
    one.import_pages(pdfium.PdfDocument(str(FIXTURES / "000_yuzhong_scanned.pdf")), [index])
    one.save(str(tmp_path / "scan_p2.pdf"))
    text_doc, text_ext = load_and_analyze(str(FIXTURES / "000_yuzhong.pdf"))  # no scanned page: no OCR
    expected = _figures(f for f in text_ext.figures if text_doc.page_of(f.start) == index)
    _, ext = load_and_analyze(str(tmp_path / "scan_p2.pdf"))
    got = _figures(ext.figures)
    recall = sum((got & expected).values()) / sum(expected.values())
    assert sum(expected.values()) >= 5 and recall >= 0.9, (expected, got)
