"""``import`` and ``export`` through main.py: exit codes, messages, files written."""
import subprocess
import sys
from pathlib import Path

import openpyxl

from bench.store_samples import write_sample

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_import_then_export(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for seed in range(2):
        write_sample(src, seed)
    db = tmp_path / "db.sqlite3"
    result = run_main("import", str(src), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "新增 2 份" in result.stdout
    again = run_main("import", str(src), "--db", str(db))
    assert again.returncode == 0 and "已存在跳过 2 份" in again.stdout
    out = tmp_path / "汇总.xlsx"
    result = run_main("export", "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    sheets = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert sheets == ["汇总", "指标汇总", "同比", "明细", "问题清单"]
    csv_out = tmp_path / "明细.csv"
    assert run_main("export", "--db", str(db), "--out", str(csv_out), "--reviewed-only").returncode == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_partial_failure_exits_4_and_lists_reasons(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write_sample(src, 0)
    (src / "empty.txt").write_bytes(b"")
    result = run_main("import", str(src), str(tmp_path / "missing.pdf"), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 4
    assert result.stderr.count("失败：") == 2 and "Traceback" not in result.stderr


def test_all_failed_exits_3(tmp_path):
    result = run_main("import", str(tmp_path / "missing.pdf"), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 3


def test_bad_database_exits_3_one_chinese_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite" * 100)
    before = bad.read_bytes()
    for args in (("import", str(tmp_path), "--db", str(bad)),
                 ("export", "--db", str(bad), "--out", str(tmp_path / "o.xlsx"))):
        result = run_main(*args)
        assert result.returncode == 3
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in result.stderr
    assert bad.read_bytes() == before


def test_export_bad_suffix_exits_2(tmp_path):
    assert run_main("export", "--db", str(tmp_path / "d.db"), "--out", "x.docx").returncode == 2
