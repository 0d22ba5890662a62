"""The command line: help for every subcommand, usage errors exit 2, unreadable input exits 3."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args, **kw):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, **kw)


def test_help_lists_subcommands():
    result = run_main("--help")
    assert result.returncode == 0
    for name in ("extract", "import", "export"):
        assert name in result.stdout


@pytest.mark.parametrize("sub", ["extract", "import", "export"])
def test_each_subcommand_has_help(sub):
    result = run_main(sub, "--help")
    assert result.returncode == 0
    assert "用法：" in result.stdout and "usage" not in result.stdout.lower()


def test_usage_error_exits_2():
    assert run_main("extract").returncode == 2
    assert run_main("--no-such-option").returncode == 2


def test_missing_file_exits_3_with_one_chinese_line(tmp_path):
    result = run_main("extract", str(tmp_path / "不存在.pdf"))
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：")
