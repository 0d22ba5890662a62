"""The analysis child process: same results as in-process, bad files and crashes as ReportError."""
import pytest

from tests.conftest import FIXTURES, SEEDS
from core.analysis import analyze_file
from core.analysis_worker import AnalysisWorker
from core.errors import Cancelled, ReportError


@pytest.fixture
def worker():
    w = AnalysisWorker()
    yield w
    w.close()


def test_child_gives_the_same_result_as_in_process(worker):
    seed = str(SEEDS / "000_fae492f318547c6d.txt")
    document, extraction = worker.analyze(seed)
    expected = analyze_file(seed)
    assert document.text == expected.text
    assert extraction.to_dict() == expected.to_dict()


def test_pdf_progress_reaches_the_caller(worker):
    seen = []
    document, _ = worker.analyze(str(FIXTURES / "001_jizhou.pdf"), lambda d, t: seen.append((d, t)))
    assert document.format == "pdf" and document.boxes is not None
    assert seen and seen[-1][0] == seen[-1][1] == len(document.page_sizes)


def test_bad_file_is_a_report_error_and_the_child_survives(worker):
    with pytest.raises(ReportError) as info:
        worker.analyze(str(FIXTURES / "003_lanzhou_encrypted_userpw.pdf"))
    assert info.value.code == "encrypted"
    proc = worker._proc
    worker.analyze(str(SEEDS / "001_3deec8ad648222d9.txt"))
    assert worker._proc is proc  # same child served the next file


def test_child_crash_is_reported_and_a_new_child_serves_the_next_file(worker):

    def crash(done, total):  # simulate a native crash of the parser mid-file
        worker._proc.kill()

    with pytest.raises(ReportError) as info:
        worker.analyze(str(FIXTURES / "003_lanzhou.pdf"), crash)
    assert info.value.code == "corrupt" and "意外退出" in info.value.message
    document, _ = worker.analyze(str(SEEDS / "002_2bfd11f2c393c0c8.txt"))
    assert document.text


def test_cancel_from_progress_stops_the_file(worker):

    def cancel(done, total):
        raise Cancelled()

    with pytest.raises(Cancelled):
        worker.analyze(str(FIXTURES / "003_lanzhou.pdf"), cancel)
    assert worker.analyze(str(SEEDS / "004_98a570eb40f834a8.txt"))[0].text
