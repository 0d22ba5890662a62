"""Bombs: refused before the parser inflates them, with a Chinese message, in bounded memory.

Each case runs the real command line in a process limited to 1 GiB of address space (the
issue's bound); a regression runs out of that and fails instead of taking the machine.
"""
from __future__ import annotations

import pytest

from tests.hostile.hostile_files import (MB, docx_zip_bomb, dense_page_pdf, stream_bomb_pdf,
                                         write)
from tests.hostile.sandbox import GIB, run_cli

LIMITS = {"timeout": 90, "memory": 1 * GIB}


def extract(path):
    out = run_cli(["extract", str(path)], **LIMITS)
    lines = out.stderr.strip().splitlines()
    assert "Traceback" not in out.stderr
    return out.returncode, lines


@pytest.fixture(scope="module")
def docx_bomb(tmp_path_factory):
    return write(tmp_path_factory.mktemp("bomb") / "炸弹.docx", docx_zip_bomb(300 * MB))


def test_docx_whose_body_inflates_to_300_mb_is_refused(docx_bomb):
    assert docx_bomb.stat().st_size < 2 * MB
    code, lines = extract(docx_bomb)
    assert code == 3 and len(lines) == 1
    assert "word/document.xml 解压后有 300 MB，超过 40 MB 的上限" in lines[0]
    assert "压缩炸弹" in lines[0]


def test_docx_part_with_an_absurd_compression_ratio_is_refused(tmp_path):
    path = write(tmp_path / "ratio.docx", docx_zip_bomb(20 * MB))  # under 40 MB, but ~300x
    code, lines = extract(path)
    assert code == 3 and len(lines) == 1
    assert "word/document.xml 压缩比异常" in lines[0]


def test_pdf_stream_inflating_to_1_gb_is_refused(tmp_path):
    path = write(tmp_path / "stream_bomb.pdf", stream_bomb_pdf(1024 * MB))
    assert path.stat().st_size < 2 * MB
    code, lines = extract(path)
    assert code == 3 and len(lines) == 1
    assert "PDF 中有一段压缩数据解压后超过 64 MB" in lines[0]


def test_pdf_page_with_far_more_text_than_a_page_holds_is_refused(tmp_path):
    code, lines = extract(write(tmp_path / "dense.pdf", dense_page_pdf(50_000)))
    assert code == 3 and len(lines) == 1
    assert "PDF 第 1 页有 50,000 个字符，超过每页 30,000 字的上限" in lines[0]


def test_text_longer_than_any_report_is_refused_before_detection(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("召开会议二十六次" * 300_000, encoding="utf-8")  # 2.4 M characters, 7 MB
    code, lines = extract(path)
    assert code == 3 and len(lines) == 1
    assert "文件中的文字有 2,400,000 个字符，超过 2,000,000 字的上限" in lines[0]


def test_report_with_more_figures_than_anyone_can_review_is_refused(tmp_path):
    path = tmp_path / "figures.txt"
    path.write_text("一、主要举措\n" + "召开会议26次，" * 25_000, encoding="utf-8")
    code, lines = extract(path)
    assert code == 3 and len(lines) == 1
    assert "识别出 25,000 个数字，超过每份报告 20,000 个的上限" in lines[0]


def test_limits_leave_a_real_report_alone():
    from tests.conftest import FIXTURES

    for name in ("001_jizhou.pdf", "004_jiulongpo_tables.docx"):
        out = run_cli(["extract", str(FIXTURES / name)], **LIMITS)
        assert out.returncode == 0, out.stderr
