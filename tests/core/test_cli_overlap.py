"""extract of a PDF/DOCX on Linux: reading and warming detection up overlap, in two guarded children."""
import sys
from pathlib import Path

import pytest

from core.analysis import load_and_analyze
from core.cli import overlap
from core.errors import ReportError

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")


@linux_only
@pytest.mark.parametrize("name", ["000_yuzhong.pdf", "004_jiulongpo_tables.docx"])
def test_overlapped_extract_gives_the_single_child_result(name):
    path = str(FIXTURES / name)
    document, extraction = overlap.analyze(path)
    ref_document, ref_extraction = load_and_analyze(path)
    assert extraction.to_dict() == ref_extraction.to_dict()
    assert [c.message for c in extraction.checks] == [c.message for c in ref_extraction.checks]
    assert document.text == ref_document.text and document.source == path


@linux_only
def test_an_unreadable_file_is_the_same_report_error(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(ReportError) as ref:
        load_and_analyze(str(bad))
    with pytest.raises(ReportError) as got:
        overlap.analyze(str(bad))
    assert (got.value.code, got.value.message) == (ref.value.code, ref.value.message)


def test_only_slow_to_read_files_on_several_cores_overlap(monkeypatch):
    monkeypatch.setattr(overlap, "cli_start_method", lambda: "fork")
    monkeypatch.setattr(overlap.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert overlap.worth_overlapping("a/报告.PDF") and overlap.worth_overlapping("b.docx")
    assert not overlap.worth_overlapping("c.txt")
    monkeypatch.setattr(overlap.os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert not overlap.worth_overlapping("a.pdf")  # one core: nothing to overlap on
    monkeypatch.setattr(overlap, "cli_start_method", lambda: "spawn")
    monkeypatch.setattr(overlap.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert not overlap.worth_overlapping("a.pdf")  # the document is handed over by fork
