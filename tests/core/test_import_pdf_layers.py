"""PDF text layers that lie, damaged pages, scans page by page, columns, tables, 公文 layout."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from core.analysis import load_and_analyze
from core.detect import detect
from core.detect.glyph_fold import FOLD, fold_glyphs
from core.errors import Cancelled, ReportError
from core.importers import load_document
from core.importers import pdf_layout as layout
from core.importers.pdf_chars import read_page
from core.importers.pdf_importer import load_pdf, pages_needing_ocr
from tests.conftest import FIXTURES, SEEDS
from tests.core.pdf_builder import PdfWriter, text_pdf

TEXT_PDFS = ["000_yuzhong", "000_yuzhong_fullwidth_digits", "001_jizhou", "001_jizhou_cut_tail", "002_qingcheng",
             "002_qingcheng_autonum", "003_lanzhou", "003_lanzhou_encrypted_owneronly", "004_jiulongpo",
             "004_jiulongpo_tables"]
# Printed character -> the Kangxi radical a lying text layer writes for it (人 -> ⼈ U+2F08, ...).
TO_KANGXI = {v: chr(k) for k, v in FOLD.items() if 0x2F00 <= k <= 0x2FDF}


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_pdfium_characters_match_pdfplumber(name):
    """Cross-check of the engine: the same printed lines, and every box holds pdfplumber's box."""
    path = FIXTURES / f"{name}.pdf"
    pdf = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as plumber:
        for i, page in enumerate(plumber.pages):
            ours = layout.group_lines(i, read_page(pdf[i]).chars)
            theirs = layout.group_lines(i, [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"])
                                            for c in page.chars])
            assert [ln.text for ln in ours] == [ln.text for ln in theirs], (name, i)
            for a, b in zip(ours, theirs, strict=True):
                for x, y in zip(a.chars, b.chars, strict=True):
                    assert x[0] == y[0] and abs(x[1] - y[1]) < 0.01 and abs(x[3] - y[3]) < 0.01
                    assert x[2] <= y[2] + 0.01 and y[4] <= x[4] + 0.01  # vertically it holds pdfplumber's box
                    assert x[4] - x[2] <= 1.4 * x[5]  # and is no taller than the type (plus descent)
    pdf.close()


def test_fold_is_length_preserving_and_covers_the_ranges():
    assert fold_glyphs("培训执法⼈员1200⼈次") == "培训执法人员1200人次"
    assert fold_glyphs("⽣产") == "生产" and fold_glyphs("\uf900") == "豈" and fold_glyphs("\U0002f800") == "丽"
    assert all(len(v) == 1 for v in FOLD.values())
    plain = "培训执法人员1200人次"
    assert fold_glyphs(plain) is plain


def test_kangxi_sentence_yields_its_figure():
    ext = detect("一、主要举措\n培训执法⼈员1200⼈次，开展检查30次。")
    fig = next(f for f in ext.figures if f.value == 1200)
    assert fig.text == "1200⼈次" and ext.text[fig.start:fig.end] == fig.text  # quoted from the original
    assert fig.unit == "人次"


def test_no_figure_lost_to_a_kangxi_text_layer(tmp_path):
    """A report whose PDF text layer writes Kangxi radicals gives the same figures as a clean one."""
    text = seed_text("000")
    clean = text_pdf(tmp_path / "clean.pdf", text)
    lying = text_pdf(tmp_path / "kangxi.pdf", text, to_unicode=lambda ch: TO_KANGXI.get(ch, ch))
    doc_clean, ext_clean = load_and_analyze(clean)
    doc_lying, ext_lying = load_and_analyze(lying)
    assert sum(ch in doc_lying.text for ch in "⼈⽣⼤⼯⾏") >= 3  # the text layer really lies
    assert doc_lying.text.translate(FOLD) == doc_clean.text
    want = [(f.start, f.end, f.value, f.unit) for f in ext_clean.figures]
    got = [(f.start, f.end, f.value, f.unit) for f in ext_lying.figures]
    assert len(want) >= 30 and got == want
    assert all(doc_lying.text[f.start:f.end] == f.text for f in ext_lying.figures)


def _mixed(tmp_path):
    """Page 1 good, 2 private-use glyphs, 3 unmapped glyphs, 4 image only, 5 good."""
    good = ["一、总体情况", "全年培训执法人员1200人次，开展检查30次。"]
    w = PdfWriter(lambda ch: "" if ch in "缺码" else (chr(0xE000 + ord(ch) % 500) if ch in "私用字" else ch))
    w.text_page([(72, 80, good[0]), (72, 100, good[1])])
    w.text_page([(72, 80, "私用字" * 8)])
    w.text_page([(72, 80, "缺码" * 8)])
    w.image_page()
    w.text_page([(72, 80, "二、存在问题"), (72, 100, "办理案件15件。")])
    return w.write(tmp_path / "mixed.pdf")


def test_garbage_and_image_pages_marked_for_ocr(tmp_path):
    doc = load_document(_mixed(tmp_path))
    assert pages_needing_ocr(doc) == doc.ocr_pages == [1, 2, 3]
    assert "私" not in doc.text and "\ufffd" not in doc.text and "\ue000" not in doc.text
    assert "1200人次" in doc.text and "办理案件15件" in doc.text
    assert any("第 4 页只有图片" in w and "OCR" in w for w in doc.warnings)
    assert any("第 2、3 页的文字层无法识别" in w for w in doc.warnings)


def test_ocr_hook_fills_marked_pages(tmp_path):
    calls = []

    def ocr(pdf, index, size):
        calls.append((index, size))
        return [(ch, 72 + 12 * k, 400, 84 + 12 * k, 412, 12.0) for k, ch in enumerate(f"识别第{index + 1}页5次")]

    doc = load_pdf(str(_mixed(tmp_path)), ocr=ocr)
    assert [c[0] for c in calls] == [1, 2, 3] and calls[0][1] == (595.0, 842.0)
    assert doc.ocr_pages == [1, 2, 3]
    assert "识别第2页5次" in doc.text and "识别第4页5次" in doc.text
    assert not any("OCR" in w for w in doc.warnings)
    start = doc.text.index("识别第3页")
    assert doc.page_of(start) == 2


def test_failing_ocr_leaves_the_page_named(tmp_path):
    def ocr(pdf, index, size):
        if index == 2:
            raise RuntimeError("engine failed")
        return [(ch, 72 + 12 * k, 400, 84 + 12 * k, 412, 12.0) for k, ch in enumerate(f"识别第{index + 1}页")]

    doc = load_pdf(str(_mixed(tmp_path)), ocr=ocr)
    assert "识别第2页" in doc.text and "识别第3页" not in doc.text and "识别第4页" in doc.text
    assert [w for w in doc.warnings if "第 3 页需要文字识别（OCR），但识别失败" in w]
    assert not [w for w in doc.warnings if "损坏" in w]


def test_only_garbage_text_is_refused(tmp_path):
    w = PdfWriter(lambda ch: chr(0xE000 + ord(ch) % 500))
    w.text_page([(72, 80, "全部是私用区字符的文字层" * 2)])
    with pytest.raises(ReportError) as err:
        load_document(w.write(tmp_path / "junk.pdf"))
    assert err.value.code == "scanned" and "文字层无法识别" in str(err.value)


def test_scan_still_refused_with_the_scan_message():
    with pytest.raises(ReportError) as err:
        load_document(FIXTURES / "000_yuzhong_scanned.pdf")
    assert err.value.code == "scanned" and "扫描件" in str(err.value)


def _pages(n):
    w = PdfWriter()
    for i in range(n):
        w.text_page([(72, 300, "一二三四五六七八九十"[i] + "、工作"), (72, 320, f"本页开展检查{i + 11}次，培训{i + 200}人次。")])
    return w


def test_damaged_page_imported_with_a_warning_naming_it(tmp_path):
    path = _pages(4).write(tmp_path / "damaged.pdf", corrupt_pages={2})
    doc = load_document(path)
    assert [w for w in doc.warnings if "第 3 页已损坏" in w]
    for i in (0, 1, 3):
        assert f"本页开展检查{i + 11}次" in doc.text
    clean = load_document(_pages(4).write(tmp_path / "clean.pdf"))
    assert not clean.warnings


def test_mostly_damaged_pdf_refused(tmp_path):
    path = _pages(3).write(tmp_path / "bad.pdf", corrupt_pages={0, 1})
    with pytest.raises(ReportError) as err:
        load_document(path)
    assert err.value.code == "corrupt" and "第 1、2 页" in str(err.value)


def test_failing_close_does_not_hide_the_real_error(monkeypatch):
    def broken_close(self):
        raise RuntimeError("close failed")

    def cancel(done, total):
        if done == 1:
            raise Cancelled()

    monkeypatch.setattr(pdfium.PdfDocument, "close", broken_close)
    with pytest.raises(Cancelled):
        load_document(FIXTURES / "000_yuzhong.pdf", progress=cancel)
    assert load_document(FIXTURES / "000_yuzhong.pdf").text  # and a good import still succeeds


def test_two_column_page_reads_column_by_column(tmp_path):
    """Columns read one after the other, and a paragraph wrapped inside a column joins up again."""
    left_para = "左栏段落共三行文字，执法人员一共有１８名，其中持证人员１６名，全年参加培训５０人次。"
    right = [f"右栏第{k}行文字内容共十二个字" for k in range(8)]
    # 11 characters a line; the first line is indented by two characters
    rows = [(96, left_para[:9])] + [(72, left_para[9 + 11 * k:20 + 11 * k]) for k in range((len(left_para) - 9 + 10) // 11)]
    rows += [(96, f"左栏第{k}段文字") for k in range(3)]
    lines = [(72, 60, "两栏排版的标题横跨两栏居中显示在最上方的一行文字")]
    lines += [(x, 100 + 18 * k, t) for k, (x, t) in enumerate(rows)]
    lines += [(320, 100 + 18 * k, t) for k, t in enumerate(right)]
    w = PdfWriter()
    w.text_page(lines)
    doc = load_document(w.write(tmp_path / "cols.pdf"))
    paras = doc.text.split("\n")
    assert left_para in paras  # wrapped lines of the left column joined, "１⏎８名" not split
    order = [doc.text.index(t) for t in ["两栏排版的标题", left_para, "左栏第2段文字"] + right]
    assert order == sorted(order)
    assert "\t" not in doc.text


def test_borderless_table_is_not_taken_for_columns(tmp_path):
    rows = [("指标", "数量")] + [(f"项目{k}", f"{k}个") for k in range(10)]
    lines = [(72, 100 + 18 * k, a) for k, (a, _) in enumerate(rows)] + [(320, 100 + 18 * k, b) for k, (_, b) in enumerate(rows)]
    w = PdfWriter()
    w.text_page(lines)
    doc = load_document(w.write(tmp_path / "table.pdf"))
    assert "项目3\t3个" in doc.text


def test_table_cells_kept_on_a_pdf_page():
    doc = load_document(FIXTURES / "004_jiulongpo_tables.pdf")
    cells = {(b.cell[1], b.cell[2]): doc.text[b.start:b.end] for b in doc.blocks if b.kind == "cell"}
    assert cells[(0, 0)] == "表1 2021年度养老服务主要数据"
    assert cells[(1, 0)] == "指标" and cells[(1, 1)] == "数量"
    assert cells[(2, 0)] == "全区养老机构" and cells[(2, 1)] == "37家"
    assert cells[(5, 1)] == "90%"


def test_red_masthead_signature_and_colophon(tmp_path):
    w = PdfWriter()
    w.text_page([(150, 80, "某某市司法局文件"), (72, 130, "某司发〔2024〕3号"), (72, 170, "关于2023年法治政府建设情况的报告"),
                 (72, 210, "一、主要工作"), (96, 230, "全年办理案件15件。"), (360, 300, "某某市司法局"),
                 (348, 320, "2024年3月1日"), (96, 340, "（此件公开发布）"), (72, 700, "抄送：市委依法治市办。"),
                 (72, 720, "某某市司法局办公室　2024年3月1日印发")], red={0})
    doc = load_document(w.write(tmp_path / "red.pdf"))
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert kinds[0] == ("masthead", "某某市司法局文件") and kinds[1] == ("masthead", "某司发〔2024〕3号")
    assert ("heading", "一、主要工作") in kinds and ("paragraph", "全年办理案件15件。") in kinds
    assert [k for k, _ in kinds[-5:]] == ["signature", "signature", "colophon", "colophon", "colophon"]


def test_red_masthead_after_a_page_of_running_lines_only(tmp_path):
    """Colours are read until a page has a line that stays: a first page holding only a page number
    (dropped as a running line) leaves the red masthead of page 2 found; red on page 3 is no masthead."""
    w = PdfWriter()
    w.text_page([(280, 800, "- 1 -")])
    w.text_page([(150, 200, "某某市司法局文件"), (72, 250, "某司发〔2024〕3号"), (72, 300, "关于2023年法治政府建设情况的报告"),
                 (72, 800, "- 2 -")], red={0})
    w.text_page([(150, 200, "某某市司法局"), (72, 300, "全年办理案件15件。"), (72, 800, "- 3 -")], red={0})
    doc = load_document(w.write(tmp_path / "red2.pdf"))
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert kinds[:2] == [("masthead", "某某市司法局文件"), ("masthead", "某司发〔2024〕3号")]
    assert ("paragraph", "某某市司法局") in kinds


def test_real_report_with_a_corrupt_page_stream(tmp_path):
    """A fixture report with page 4's content stream damaged: imported, page 4 named, others intact."""
    src = FIXTURES / "001_jizhou.pdf"
    data = bytearray(src.read_bytes())
    with pdfplumber.open(src) as pdf:
        ref = pdf.pages[3].page_obj.attrs["Contents"]
        objid = (ref[0] if isinstance(ref, list) else ref).objid
    start = data.index(b"\n%d 0 obj" % objid)
    body = data.index(b"stream\n", start) + len(b"stream\n")
    end = data.index(b"endstream", body)
    mid = body + (end - body) // 3
    data[mid:mid + 16] = bytes(b ^ 0xA5 for b in data[mid:mid + 16])
    broken = tmp_path / "001_damaged.pdf"
    broken.write_bytes(bytes(data))
    doc = load_document(broken)
    clean = load_document(src)
    assert [w for w in doc.warnings if "第 4 页已损坏" in w]
    for i in (0, 1, 2, 4, 5, 6, 7):  # every other page's text is all there
        page_text = "".join(ch for k, ch in enumerate(clean.text) if clean.boxes.page[k] == i)
        got = "".join(ch for k, ch in enumerate(doc.text) if doc.boxes.page[k] == i)
        assert got == page_text


def _landscape(path, rotated: bool):
    """A landscape page of four lines; when ``rotated``, stored portrait with /Rotate 90 and the text
    turned, as landscape table pages of reports are. Both look the same on screen."""
    import ctypes

    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(*((595, 842) if rotated else (842, 595)))
    font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for k, text in enumerate(["Annual table of services", "Institutions 37 units in total",
                              "Service centres 14 in the district"]):
        obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(12))
        buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        x, y = 72, 200 + 20 * k  # as shown, from the top left of the landscape view
        raw.FPDFPageObj_Transform(obj, *((0, 1, -1, 0, y, x) if rotated else (1, 0, 0, 1, x, 595 - y)))
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    if rotated:
        page.set_rotation(90)
    pdf.save(path)
    pdf.close()
    return path


def test_rotated_page_reads_as_shown(tmp_path):
    flat = load_document(_landscape(tmp_path / "flat.pdf", False))
    turned = load_document(_landscape(tmp_path / "turned.pdf", True))
    assert turned.text == flat.text and "Institutions 37 units" in turned.text
    assert turned.page_sizes == [(842.0, 595.0)]
    i = turned.text.index("37")
    with pdfplumber.open(tmp_path / "turned.pdf") as pdf:
        three = next(c for c in pdf.pages[0].chars if c["text"] == "3")
    # the box is where the reviewer sees the digit: it holds pdfplumber's box of the shown page
    assert turned.boxes.x0[i] <= three["x0"] + 0.5 and turned.boxes.x1[i] >= three["x1"] - 0.5
    assert turned.boxes.top[i] <= three["top"] + 0.5 and turned.boxes.bottom[i] >= three["bottom"] - 0.5


@pytest.mark.parametrize("text, reason", [
    ("ÐÂÎÅ·¢²¼»á¹²¾Ù°ìÁË£¬¹²ÓÐ", "文字层为乱码"),  # GBK bytes shown as Latin-1
    ("\ufffd" * 12, "字体缺少文字编码"),
    ("\ue000\ue001\ue002" * 4, "文字层为私用区字符"),
    ("全年培训执法人员1200人次，开展检查30次。", None),
    ("┌──┬──┐│指标│数量│├──┼──┤└──┴──┘", None),  # a table drawn with box characters is text
    ("Annual report on the rule of law, 2023: 15 cases", None),
    ("★ 面积×长度÷2 → ≥ 3，α 系数 ①②③", None),
])
def test_garbage_text_layer_reasons(text, reason):
    from core.importers.pdf_health import garbage_reason

    assert garbage_reason(text) == reason
