"""One Chinese line instead of a traceback: bad DOCX attribute values, non-UTF-8 file names,
English library log lines, Ctrl+C in export; and the window's 取消 during a silent parse."""
from __future__ import annotations

import json
import os
import re
import time

import pytest

from tests.hostile.hostile_files import docx_bad_gridspan, docx_bad_ilvl, pdf_bytes, stream, write
from tests.hostile.sandbox import run_cli

INVALID_WARNING = re.compile(r"Word 文档中有 (\d+) 处格式数值无效（如合并单元格跨度、编号级别），已按默认值处理")


def test_docx_with_a_non_numeric_grid_span_imports_with_a_warning(tmp_path):
    from core.analysis import load_and_analyze

    document, extraction = load_and_analyze(str(write(tmp_path / "span.docx", docx_bad_gridspan())))
    assert "召开会议26次\t共3项" in document.text
    assert INVALID_WARNING.match(extraction.warnings[0]).group(1) == "1"


def test_docx_with_non_numeric_list_levels_imports_with_a_warning(tmp_path):
    from core.analysis import load_and_analyze

    document, extraction = load_and_analyze(str(write(tmp_path / "ilvl.docx", docx_bad_ilvl())))
    assert document.text.startswith("一、主要举措")  # the invalid level is read as level 0
    # ilvl "x", start "one", override ilvl "zero", startOverride "x", paragraph ilvl "first"
    assert INVALID_WARNING.match(extraction.warnings[0]).group(1) == "5"


def test_unicode_digits_in_a_font_size_are_not_a_crash(tmp_path):
    from core.analysis import load_and_analyze
    from tests.hostile.hostile_files import docx_bytes

    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="²"/></w:rPr>'
            "<w:t>某区2023年法治政府建设情况报告</w:t></w:r></w:p>")
    document, extraction = load_and_analyze(str(write(tmp_path / "sz.docx", docx_bytes(body))))
    assert document.text == "某区2023年法治政府建设情况报告"
    assert INVALID_WARNING.match(extraction.warnings[0])


GBK_NAME = "报告".encode("gbk") + b".txt"  # not valid UTF-8: Linux hands it over as surrogates


@pytest.fixture
def gbk_named(tmp_path):
    if os.name != "posix":
        pytest.skip("byte file names are a POSIX matter")
    path = os.path.join(os.fsencode(tmp_path), GBK_NAME)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("一、主要举措\n全年召开会议26次。\n")
    return os.fsdecode(path)


def test_extract_of_a_non_utf8_file_name_prints_it_escaped(gbk_named):
    out = run_cli(["extract", gbk_named], timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].endswith("\\xb1\\xa8\\xb8\\xe6.txt（txt）")
    out = run_cli(["extract", gbk_named, "--json"], timeout=60)
    assert json.loads(out.stdout)["source"].endswith("\\xb1\\xa8\\xb8\\xe6.txt")


def test_import_and_export_of_a_non_utf8_file_name(gbk_named, tmp_path):
    db = str(tmp_path / "r.sqlite3")
    out = run_cli(["import", gbk_named, "--db", db], timeout=60)
    assert out.returncode == 0, out.stderr
    assert "新增 1 份" in out.stdout
    out = run_cli(["export", "--db", db, "--out", str(tmp_path / "x.csv")], timeout=60)
    assert out.returncode == 0, out.stderr
    assert "\\xb1\\xa8\\xb8\\xe6.txt" in (tmp_path / "x.csv").read_text(encoding="utf-8-sig")


def test_a_missing_non_utf8_name_is_one_readable_line(tmp_path):
    if os.name != "posix":
        pytest.skip("byte file names are a POSIX matter")
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xb1.pdf"))
    out = run_cli(["extract", missing], timeout=60)
    assert out.returncode == 3
    assert out.stderr.strip().endswith("找不到文件：" + str(tmp_path) + "/\\xb1.pdf")


def test_library_warnings_do_not_reach_the_console(tmp_path):
    """pdfminer logs "Could not get FontBBox ..." in English for a font without a bounding box."""
    pdf = pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 720 Td (Meeting held 26 times) Tj ET\n"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Foo /FontFile2 8 0 R >>",
        stream(b"garbage font data"),
    ])
    out = run_cli(["extract", str(write(tmp_path / "font.pdf", pdf))], timeout=60)
    assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{3,}", out.stderr), out.stderr


def test_ctrl_c_during_export_exits_130_with_one_chinese_line(monkeypatch, tmp_path, capsys):
    import core.export
    import main

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    from core.store import Store

    Store(tmp_path / "r.sqlite3").close()
    monkeypatch.setattr(core.export, "export", interrupted)
    code = main.run_cli(["export", "--db", str(tmp_path / "r.sqlite3"), "--out", str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert code == 130
    assert err.strip() == "已中断（Ctrl+C）。"


def _hanging_source(tmp_path):
    """The window's data source with its parser child replaced by one that loops silently."""
    from core.analysis_worker import AnalysisWorker
    from gui.store_source import StoreReportSource
    from tests.hostile import jobs

    source = StoreReportSource(tmp_path / "r.sqlite3")
    source._analyzer.close()
    source._analyzer = AnalysisWorker(time_limit=120, job=jobs.spin_forever, warm_up=False)
    return source


def test_window_cancel_stops_an_import_whose_parser_never_reports(qtbot, tmp_path):
    """The import task's 取消 reaches a parse stuck before its first progress call."""
    from gui.workers.import_task import import_task

    source = _hanging_source(tmp_path)
    task = import_task(source, [str(write(tmp_path / "hang.pdf", b"%PDF-1.4\n"))])
    results = []
    task.result.connect(results.append)
    try:
        with qtbot.waitSignal(task.finished, timeout=15000):
            task.start()
            qtbot.wait(800)
            started = time.monotonic()
            task.cancel()
        assert time.monotonic() - started < 5
        assert results and results[0].cancelled
    finally:
        source.close()


def test_closing_the_window_during_a_hung_import_does_not_freeze(qtbot, tmp_path):
    """What closeEvent does: cancel the import, then close the source (which ends the child)."""
    from gui.workers.import_task import import_task

    source = _hanging_source(tmp_path)
    task = import_task(source, [str(write(tmp_path / "hang.pdf", b"%PDF-1.4\n"))])
    with qtbot.waitSignal(task.finished, timeout=15000):
        task.start()
        qtbot.wait(800)
        pid = source._analyzer.pid
        started = time.monotonic()
        task.cancel()
        source.close()
        assert time.monotonic() - started < 3
    from tests.hostile.test_hostile_hangs import gone

    assert pid is not None and gone(pid)
