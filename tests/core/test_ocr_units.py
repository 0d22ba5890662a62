"""OCR pieces without the recogniser: seal masks, weak-figure flags, the cache, time and memory
allowances, and what happens when the OCR engine cannot load."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from core import limits
from core.analysis_worker import AnalysisWorker, cli_start_method
from core.detect import detect
from core.document import Document, OcrSpan
from core.errors import ReportError
from core.importers import load_document
from core.ocr import budget, engine
from core.ocr.cache import OcrCache
from core.ocr.page import OcrPageText
from core.ocr.review import flag_weak_figures
from core.ocr.seal import seal_boxes, suppress_seals
from tests.conftest import DATA, ROOT

DPI = 150
CM = DPI / 2.54


def _page_with(red_shapes) -> np.ndarray:
    """White page, a black text bar across the middle, red shapes drawn by ``red_shapes(img)``."""
    img = np.full((1200, 1000, 3), 255, np.uint8)
    img[590:610, 100:900] = 0  # "print"
    red_shapes(img)
    return img


def _ring(img, cx, cy, radius, width=8):
    yy, xx = np.ogrid[: img.shape[0], : img.shape[1]]
    d = np.hypot(yy - cy, xx - cx)
    ring = (d <= radius) & (d >= radius - width)
    img[ring & (img[..., 0] > 128)] = (220, 40, 40)  # red ink on paper; print under it stays dark


def test_round_seal_found_and_turned_to_paper_while_print_stays():
    img = _page_with(lambda im: _ring(im, 500, 600, int(2.1 * CM)))
    assert len(seal_boxes(img, DPI)) == 1
    clean, n = suppress_seals(img, DPI)
    assert n == 1
    ring_px = (img[..., 0] == 220) & (img[..., 1] == 40)
    assert clean[..., 0][ring_px].min() >= 250  # the ring is gone
    assert clean[590:610, 300:700, 0].max() <= 5  # the print under and around it is not


def test_red_masthead_and_small_red_marks_are_not_seals():
    def shapes(im):
        im[100:160, 100:900] = (220, 30, 30)  # a masthead line: wide and flat
        _ring(im, 200, 900, int(0.6 * CM))  # a small red mark (a check, a character)

    img = _page_with(shapes)
    assert seal_boxes(img, DPI) == []
    clean, n = suppress_seals(img, DPI)
    assert n == 0 and clean[120, 500, 0] < 200  # the masthead is still there to be read


def test_figures_on_weak_ocr_lines_are_named():
    text = "全年办理行政许可案件28件，同比增长12.5%。\n组织培训3次。"
    ext = detect(text, source="x", fmt="pdf")
    doc = Document("x.pdf", "pdf", text, ocr_lines=[OcrSpan(0, 24, 2, 0.71), OcrSpan(25, 32, 2, 0.99)])
    notes = flag_weak_figures(doc, ext)
    assert len(notes) == 1 and "第 3 页“28件”（置信度 0.71）" in notes[0] and "12.5%" in notes[0]
    assert "3次" not in notes[0]
    doc.ocr_lines = [OcrSpan(0, 32, 2, 0.98)]
    assert flag_weak_figures(doc, ext) == []


def test_cache_round_trip_and_damaged_file_ignored(tmp_path):
    page = OcrPageText(lines=[{"text": "共5次", "confidence": 0.97, "x0": 1.0, "top": 2.0, "x1": 30.0,
                               "bottom": 14.0, "size": 12.0, "chars": [["共", 1.0, 10.0, 0.9]]}], seals=1)
    cache = OcrCache("ab" * 32, root=tmp_path)
    assert cache.get(0) is None
    cache.put(0, page)
    assert cache.get(0) == page
    assert page.char_tuples() == [("共", 1.0, 2.0, 10.0, 14.0, 12.0)]
    next(cache.folder.glob("*-p0.json")).write_text("{not json", encoding="utf-8")
    assert cache.get(0) is None


def test_each_page_asks_for_time(monkeypatch):
    asked = []
    budget.set_requester(asked.append)
    try:
        budget.ask_for_time()
    finally:
        budget.set_requester(None)
    budget.ask_for_time()  # nobody listening: nothing happens
    assert asked == [budget.PAGE_ALLOWANCE_S]


def test_memory_limit_widened_for_ocr_never_narrowed():  # POSIX RLIMIT_AS (Windows has none)
    code = ("import resource; from core.ocr import budget\n"
            "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, resource.RLIM_INFINITY))\n"
            "budget.widen_memory_limit(); a = resource.getrlimit(resource.RLIMIT_AS)[0]\n"
            "budget.widen_memory_limit(1 << 29); b = resource.getrlimit(resource.RLIMIT_AS)[0]\n"
            "print(a, b)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(budget.OCR_ADDRESS_SPACE)] * 2


def test_engine_that_cannot_load_gives_a_chinese_refusal(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTDESK_OCR", "on")

    def broken():
        raise engine.OcrUnavailable("onnxruntime DLL load failed")

    monkeypatch.setattr(engine, "_load", broken)
    with pytest.raises(ReportError) as err:
        load_document(DATA / "ocr" / "seal_scan.pdf")
    assert err.value.code == "scanned" and "无法加载文字识别" in err.value.message


def test_ocr_off_keeps_the_old_refusal(monkeypatch):
    monkeypatch.setenv("REPORTDESK_OCR", "off")
    with pytest.raises(ReportError) as err:
        load_document(DATA / "ocr" / "seal_scan.pdf")
    assert err.value.code == "scanned" and "扫描件" in err.value.message


def test_parse_clock_gives_an_announced_ocr_page_its_allowance():
    clock = limits.ParseClock(1000)
    before = clock.remaining()
    clock.allow(budget.PAGE_ALLOWANCE_S)
    assert clock.budget == limits.parse_time_limit(1000) + budget.PAGE_ALLOWANCE_S
    assert clock.remaining() >= min(before, budget.PAGE_ALLOWANCE_S) - 1  # no stall verdict meanwhile
    fixed = limits.ParseClock(1000, fixed=5.0)
    fixed.allow(120)
    assert fixed.budget == 5.0  # a fixed limit (tests, the user's override) stays fixed


def _asks_for_time(path, progress):
    """Job run in the parser child: announce two OCR pages, then return a tiny result."""
    from core.document import Document
    from core.extraction import Extraction

    budget.ask_for_time(7.0)
    budget.ask_for_time(9.0)
    return Document(path, "txt", "x"), Extraction(path, "txt", "x")


def test_worker_child_asks_the_parent_for_time(monkeypatch, tmp_path):
    granted = []
    real = limits.ParseClock.allow
    monkeypatch.setattr(limits.ParseClock, "allow", lambda self, s: (granted.append(s), real(self, s)))
    worker = AnalysisWorker(start_method=cli_start_method(), job=_asks_for_time, warm_up=False)
    try:
        doc, _ = worker.analyze(str(tmp_path / "a.pdf"))
    finally:
        worker.close()
    assert doc.text == "x" and granted == [7.0, 9.0]
