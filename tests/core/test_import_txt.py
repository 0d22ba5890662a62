"""TXT import: every fixture encoding decodes to exactly the seed; mojibake is refused."""
from __future__ import annotations

import pytest

from core.errors import ReportError
from core.importers import load_document
from core.importers.txt_importer import decode_bytes
from tests.conftest import FIXTURES, SEEDS


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("000_yuzhong.utf16le-bom.txt", "UTF-16LE"),
        ("001_jizhou.utf8-crlf.txt", "UTF-8"),
        ("002_qingcheng.gbk.txt", "GB18030"),
        ("003_lanzhou.gb18030.txt", "GB18030"),
        ("004_jiulongpo.utf8-bom-crlf.txt", "UTF-8（带 BOM）"),
    ],
)
def test_fixture_encodings_equal_seed(name, encoding):
    doc = load_document(FIXTURES / name)
    assert doc.format == "txt"
    assert doc.encoding == encoding
    assert doc.text == _seed(name[:3])
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")


def test_utf8_lf_seed_is_byte_exact_and_lines_are_blocks():
    path = next(SEEDS.glob("003_*.txt"))
    doc = load_document(path)
    assert doc.text == path.read_text(encoding="utf-8")
    lines = doc.text.split("\n")
    assert len(doc.blocks) == len(lines)
    for i, b in enumerate(doc.blocks):
        assert (b.kind, b.index) == ("line", i)
        assert doc.text[b.start:b.end] == lines[i]
    assert doc.block_at(doc.text.index("兰州")).index == doc.text[: doc.text.index("兰州")].count("\n")


def test_utf16_be_and_lone_cr(tmp_path):
    p = tmp_path / "be.txt"
    p.write_bytes("\ufeff第一行\r第二行\r\n第三行".encode("utf-16-be"))
    doc = load_document(p)
    assert doc.text == "第一行\n第二行\n第三行"
    assert doc.encoding == "UTF-16BE"


def test_big5_is_refused_not_mojibake():
    text = "本局依法行政，全年辦理行政許可事項一百二十件，行政處罰案件三十件。" * 5
    with pytest.raises(ReportError) as ei:
        decode_bytes(text.encode("big5"))
    assert ei.value.code == "encoding"
    assert "UTF-8" in ei.value.message


def test_binary_garbage_refused(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ReportError) as ei:
        load_document(p)
    assert ei.value.code == "encoding"


def test_whitespace_only_is_empty(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_text(" \r\n\n", encoding="utf-8")
    with pytest.raises(ReportError) as ei:
        load_document(p)
    assert ei.value.code == "empty"


def test_progress_called(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("一、总体情况\n全年召开会议5次。", encoding="utf-8")
    calls = []
    load_document(p, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (1, 1)
