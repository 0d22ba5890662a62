"""Odd names and odd content: each ends in a defined outcome, under a time and memory limit."""
from __future__ import annotations

import pytest

from tests.hostile.hostile_files import corrupt_stream_pdf, write
from tests.hostile.sandbox import GIB, run_cli

LIMITS = {"timeout": 60, "memory": 2 * GIB}
REPORT = "一、主要举措\n全年召开会议26次。\n"


def extract(*args):
    out = run_cli(["extract", *map(str, args)], **LIMITS)
    assert "Traceback" not in out.stderr
    return out


def test_pdf_with_a_damaged_content_stream_never_passes_silently(tmp_path):
    out = extract(write(tmp_path / "damaged.pdf", corrupt_stream_pdf()))
    if out.returncode == 3:  # the only page lost its text: refused, in one line saying so
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"错误：{tmp_path / 'damaged.pdf'}：")
        assert lines[0].endswith("PDF 中没有任何文字，没有可导入的内容。") or "第 1 页" in lines[0]
    else:  # a parser that recovers part of the page must name the damaged page
        assert out.returncode == 0 and "第 1 页" in out.stdout


@pytest.mark.parametrize("name", [
    "年度 报告 （终稿）.txt",  # spaces and full-width brackets
    "报" * 80 + ".txt",  # 244 bytes: near the 255-byte limit of most file systems
    "report.v2.final..txt",
])
def test_odd_but_valid_names_import(tmp_path, name):
    path = tmp_path / name
    path.write_text(REPORT, encoding="utf-8")
    out = extract(path)
    assert out.returncode == 0, out.stderr
    assert "识别出数字 1 个" in out.stdout


def test_a_name_starting_with_a_dash_is_reachable_after_double_dash(tmp_path):
    path = tmp_path / "-报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = run_cli(["extract", "--", "-报告.txt"], cwd=tmp_path, **LIMITS)
    assert out.returncode == 0, out.stderr
    out = run_cli(["extract", "-报告.txt"], cwd=tmp_path, **LIMITS)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_whitespace_only_and_empty_line_files_are_refused_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n" * 200_000 + " " * 100_000 + "\u3000\n", encoding="utf-8")
    out = extract(path)
    assert out.returncode == 3
    assert out.stderr.strip().endswith("文本文件中没有任何文字（只有空白），没有可导入的内容。")


def test_one_huge_line_of_text_is_imported(tmp_path):
    path = tmp_path / "oneline.txt"
    # 500,000 characters and 10,000 figures in 10,000 sentences without a line break
    path.write_text("一、主要举措" + ("全年召开会议26次，" + "开展普法宣传活动" * 5 + "。") * 10_000, encoding="utf-8")
    out = extract(path)
    assert out.returncode == 0, out.stderr
    assert "识别出数字 10000 个" in out.stdout


def test_a_folder_named_like_a_report(tmp_path):
    (tmp_path / "报告.pdf").mkdir()
    out = extract(tmp_path / "报告.pdf")
    assert out.returncode == 3 and "这是一个文件夹，不是文件" in out.stderr
