"""The command line speaks Chinese (argparse's own words too); a mistyped subcommand is a usage
error, never the window; ``extract`` lists the figures as a table."""
from __future__ import annotations

import main
from tests.conftest import SEEDS

TXT = SEEDS / "000_fae492f318547c6d.txt"


def run(argv, capsys) -> tuple[int, str, str]:
    try:
        rc = main.main(argv)
    except SystemExit as exc:  # argparse's own errors
        rc = exc.code
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_help_is_chinese(capsys):
    rc, out, _ = run(["--help"], capsys)
    assert rc == 0
    assert out.startswith("用法：") and "选项" in out and "显示本帮助并退出" in out
    assert "usage" not in out and "options" not in out and "show this help" not in out


def test_missing_required_argument_is_chinese(capsys):
    rc, _, err = run(["export"], capsys)
    assert rc == 2
    assert "缺少必需的参数：--out" in err and "required" not in err


def test_mistyped_subcommand_is_a_usage_error_not_the_window(capsys, monkeypatch):
    def no_window(_files):
        raise AssertionError("the window must not open")

    monkeypatch.setattr("gui.app.run_app", no_window)
    rc, _, err = run(["exprot"], capsys)
    assert rc == 2
    assert "用法：" in err and "“exprot”" in err and "export" in err


def test_missing_file_is_a_usage_error(capsys, tmp_path):
    rc, _, err = run([str(tmp_path / "没有这个文件.pdf")], capsys)
    assert rc == 2 and "不是存在的文件" in err


def test_an_existing_file_still_opens_the_window(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr("gui.app.run_app", lambda files: opened.append(files) or 0)
    assert run([str(TXT)], capsys)[0] == 0
    assert opened == [[str(TXT)]]


def test_invalid_value_is_chinese(capsys):
    rc, _, err = run(["opinion", "--report", "x", "--out", "a.docx"], capsys)
    assert rc == 2 and "参数 --report" in err and "无效" in err


def test_extract_lists_figures_as_a_table(capsys):
    rc, out, _ = run(["extract", str(TXT)], capsys)
    assert rc == 0
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("序号"))
    assert all(w in lines[header] for w in ("数值", "单位", "事项", "原文"))
    rows = lines[header + 2:]
    first = rows[0].split()
    assert first[0] == "1" and first[1] == "5" and first[2] == "次" and "5次" in rows[0]
    assert sum(1 for r in rows if r.split() and r.split()[0].isdigit()) == 45


def test_a_reader_that_stops_early_gets_no_traceback():
    """`main.py extract FILE | head -1`: the pipe closes before the table is printed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(main.__file__).resolve().parent
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        proc = subprocess.run([sys.executable, str(root / "main.py"), "extract", str(sorted(SEEDS.glob("*.txt"))[0])],
                              stdout=write_end, stderr=subprocess.PIPE, cwd=root, timeout=120)
    finally:
        os.close(write_end)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode == 141
