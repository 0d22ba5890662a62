"""PDF import: fidelity, headers/footers gone, numbers never split, boxes exactly on the page."""
from __future__ import annotations


import pdfplumber
import pytest

from core.errors import Cancelled
from core.importers import load_document
from core.importers.pdf_layout import is_page_number
from bench.bench_import import FOLD_DIGITS, fidelity, gold_figures, normalise
from tests.conftest import FIXTURES, GOLD

PDFS = ["000_yuzhong", "000_yuzhong_fullwidth_digits", "001_jizhou", "002_qingcheng",
        "002_qingcheng_autonum", "003_lanzhou", "004_jiulongpo", "004_jiulongpo_tables"]
_CACHE: dict[str, object] = {}


def load(name: str):
    if name not in _CACHE:
        _CACHE[name] = load_document(FIXTURES / f"{name}.pdf")
    return _CACHE[name]




@pytest.mark.parametrize("name", PDFS)
def test_fidelity_and_gold_figures(name):
    doc = load(name)
    expected = (FIXTURES / "expected" / f"{name}.expected.txt").read_text(encoding="utf-8")
    ratio = fidelity(doc.text, expected)
    assert ratio == 1.0  # every expected character, in order (whitespace aside)
    folded = doc.text.translate(FOLD_DIGITS)
    assert [f for f in gold_figures(name, GOLD) if f not in folded] == []
    assert len(doc.boxes) == len(doc.text)
    assert all(doc.boxes.page[i] == -1 for i, ch in enumerate(doc.text) if ch == "\n")
    assert doc.page_sizes and all(w > 0 and h > 0 for w, h in doc.page_sizes)


@pytest.mark.parametrize("name", PDFS)
def test_paragraph_lines_match_expected(name):
    """One line per paragraph or table cell, exactly as the ground truth has them."""
    doc = load(name)
    expected = (FIXTURES / "expected" / f"{name}.expected.txt").read_text(encoding="utf-8")
    assert [normalise(x) for x in doc.text.split("\n") if x.strip()] == [normalise(x) for x in expected.split("\n") if x.strip()]


def test_lanzhou_layout_details():
    doc = load("003_lanzhou")
    assert "兰民字〔2024〕8号\t签发人:颜烨鲁" in doc.text
    assert doc.text.endswith("兰州市民政局\n2024年2月2日")  # date alone on page 15 kept
    assert doc.page_of(len(doc.text) - 1) == 14


def test_running_header_and_page_numbers_removed():
    doc = load("000_yuzhong_fullwidth_digits")
    assert "重庆市渝中区民政局法治政府建设年度报告" not in doc.text
    assert not any(is_page_number(line) for line in doc.text.split("\n"))
    assert "参加人员５０人次" in doc.text  # number wrapped over a line end, joined unchanged
    assert "执法人员１８名" in doc.text
    assert "关于2023年" in doc.text  # no space invented between CJK and digits


def test_boxes_crop_to_same_text():
    name = "000_yuzhong_fullwidth_digits"
    doc = load(name)
    folded = doc.text.translate(FOLD_DIGITS)
    checked = 0
    with pdfplumber.open(FIXTURES / f"{name}.pdf") as pdf:
        pos = 0
        for fig in gold_figures(name, GOLD):
            s = folded.find(fig, pos)
            assert s >= 0
            pos = s + 1
            e = s + len(fig)
            for p, x0, t, x1, b in doc.boxes.rects(s, e):
                want = "".join(doc.text[i] for i in range(s, e)
                               if doc.boxes.page[i] == p and doc.boxes.top[i] < b and doc.boxes.bottom[i] > t)
                crop = pdf.pages[p].within_bbox((x0 - 0.5, t - 0.5, x1 + 0.5, b + 0.5))
                got = "".join(c["text"] for c in sorted(crop.chars, key=lambda c: c["x0"]))
                assert got == want
                checked += 1
    assert checked >= len(gold_figures(name, GOLD))


def test_blocks_have_pages_and_kinds():
    doc = load("003_lanzhou")
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    # The red 发文机关标志 and the 发文字号 line are the masthead, not the title or body text.
    assert kinds[:3] == [("masthead", "兰州市民政局"), ("masthead", "兰民字〔2024〕8号\t签发人:颜烨鲁"),
                         ("title", "关于2023年法治政府建设情况的报告")]
    # The signature block (issuing body over the seal, date) is neither body text nor a heading.
    assert kinds[-2:] == [("signature", "兰州市民政局"), ("signature", "2024年2月2日")]
    assert all(k == "paragraph" for k, t in kinds if t == "市政府:")
    heading = doc.block_at(doc.text.index("一、2023年度法治政府建设"))
    assert heading.kind == "heading" and heading.page == 0


def test_cut_tail_imports_fully():
    a = load_document(FIXTURES / "001_jizhou_cut_tail.pdf")
    assert a.text == load("001_jizhou").text
    assert len(a.page_sizes) == 8


def test_owner_only_encrypted_opens_with_warning():
    doc = load_document(FIXTURES / "003_lanzhou_encrypted_owneronly.pdf")
    assert doc.text == load("003_lanzhou").text
    assert doc.warnings and "权限" in doc.warnings[0]


def test_progress_and_cancel():
    calls = []
    load_document(FIXTURES / "000_yuzhong.pdf", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)

    def cancel(done, total):
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        load_document(FIXTURES / "000_yuzhong.pdf", progress=cancel)


@pytest.mark.parametrize("text", ["— 3 —", "-3-", "第3页 共10页", "3/10", "- 12 -", "Page 4 of 9", "１２"])
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2023年工作情况", "一、总体情况", "参加人员50人次"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def make_pdf(path, pages: list[list[tuple[float, float, str]]], size: float = 12) -> None:
    """Write a minimal PDF: each page a list of (x, y_from_top, ascii_text) in Courier."""
    objs: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    for i, lines in enumerate(pages):
        stream = "".join(f"BT /F1 {size} Tf {x} {842 - y} Td ({t}) Tj ET\n" for x, y, t in lines).encode()
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def test_many_pages_generic_header_footer_and_progress(tmp_path):
    total = 120
    words = "alpha bravo delta gamma kappa omega sigma theta zetas iotas betas".split()
    pages = []
    for i in range(total):
        footer = f"- {i + 1} -" if i % 2 else f"Page {i + 1} of {total}"
        pages.append([
            (72, 60, "Annual Report of the Bureau"),
            (96, 120, f"Item {i:03d} {words[i % 7]} {words[i % 5]} {words[i % 3]} runs to the right margin xxxxxxxxxxxx"),
            (72, 136, f"continues {words[i % 11]}"),
            (72, 780, footer),
        ])
    path = tmp_path / "big.pdf"
    make_pdf(path, pages)
    calls = []
    doc = load_document(path, progress=lambda d, t: calls.append(d))
    assert calls == list(range(total + 1))
    assert "Annual Report" not in doc.text and "Page" not in doc.text and "- 3 -" not in doc.text
    lines = doc.text.split("\n")
    assert len(lines) == total and lines[5].startswith("Item 005 ")
    assert lines[5].endswith("xxxxxxxxxxxx continues omega")  # Latin words joined with one space
    assert doc.page_of(doc.text.index("Item 119")) == 119
