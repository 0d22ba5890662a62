"""A parser that never ends: time limit, real cancel, fast close, no orphaned child, Ctrl+C."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from core.analysis_worker import AnalysisWorker
from core.errors import Cancelled, ReportError
from tests.hostile import jobs
from tests.hostile.hostile_files import cyclic_reference_pdf, cyclic_root_pdf, write
from tests.hostile.sandbox import GIB, ROOT, run_cli, run_python

posix_only = pytest.mark.skipif(os.name != "posix", reason="signals and /proc are POSIX")


def gone(pid: int, within: float = 5.0) -> bool:
    """True once ``pid`` no longer runs (a zombie waiting for a reaper counts as gone)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().split(")")[-1].split()[0] in ("Z", "X"):
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def hang_file(tmp_path):
    return str(write(tmp_path / "循环引用.pdf", cyclic_reference_pdf()))


def test_a_silent_endless_parse_stops_at_the_time_limit(hang_file):
    worker = AnalysisWorker(time_limit=1.5, job=jobs.spin_forever, warm_up=False)
    try:
        started = time.monotonic()
        with pytest.raises(ReportError) as info:
            worker.analyze(hang_file)
        assert time.monotonic() - started < 10
        assert info.value.code == "timeout"
        assert info.value.message.startswith("解析该文件超过 2 秒仍未完成，已停止")
        assert worker.pid is None  # the child was killed; the next file gets a fresh one
    finally:
        worker.close()


def test_cancel_from_the_progress_callback_stops_a_silent_parse(hang_file):
    """What the window's 取消 does: its progress callback raises Cancelled once asked to stop."""
    stop = threading.Event()
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if stop.is_set():
            raise Cancelled()

    worker = AnalysisWorker(time_limit=60, job=jobs.hang_forever, warm_up=False)
    try:
        threading.Timer(0.5, stop.set).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            worker.analyze(hang_file, progress)
        assert time.monotonic() - started < 5
        assert seen  # heartbeats reached the callback although the parser never reported
    finally:
        worker.close()


def test_cancel_from_another_thread_kills_the_child(hang_file):
    worker = AnalysisWorker(time_limit=60, job=jobs.spin_forever, warm_up=False)
    worker.start()
    pid = worker.pid
    threading.Timer(0.5, worker.cancel).start()
    try:
        with pytest.raises(Cancelled):
            worker.analyze(hang_file)
        assert gone(pid)
    finally:
        worker.close()


def test_close_during_a_hung_parse_returns_at_once_and_kills_the_child(hang_file):
    """Closing the window used to freeze in AnalysisWorker.close() behind the busy parse."""
    worker = AnalysisWorker(time_limit=120, job=jobs.spin_forever, warm_up=False)
    worker.start()
    pid = worker.pid
    outcome = []

    def parse():
        try:
            worker.analyze(hang_file)
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion
            outcome.append(exc)

    thread = threading.Thread(target=parse)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 3
    thread.join(5)
    assert not thread.is_alive() and isinstance(outcome[0], Cancelled)
    assert gone(pid)


def test_a_child_that_runs_out_of_memory_is_a_chinese_error(hang_file):
    worker = AnalysisWorker(time_limit=60, job=jobs.allocate_forever, warm_up=False,
                            memory_bytes=512 * 1024 * 1024)
    try:
        with pytest.raises(ReportError) as info:
            worker.analyze(hang_file)
        if os.name == "posix":
            assert info.value.code == "too_large"
            assert info.value.message.startswith("解析该文件所需内存超过 512 MB 的上限，已停止")
    finally:
        worker.close()


PARENT = """
import sys, threading, time
from core.analysis_worker import AnalysisWorker
from tests.hostile import jobs
worker = AnalysisWorker(start_method=sys.argv[1], time_limit=600, job=jobs.spin_forever, warm_up=False)
def go():
    worker.start()
    print(worker.pid, flush=True)
    worker.analyze(sys.argv[2])
if sys.argv[3] == "thread":   # the window starts its child from a pool thread
    threading.Thread(target=go, daemon=True).start()
    time.sleep(600)
else:
    go()
"""


@posix_only
@pytest.mark.parametrize("method,where", [("spawn", "thread"), ("fork", "main")])
def test_the_child_dies_with_its_parent(hang_file, method, where):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen([sys.executable, "-c", PARENT, method, hang_file, where],
                              stdout=subprocess.PIPE, env=env, cwd=ROOT)
    child_pid = None
    try:
        child_pid = int(parent.stdout.readline())
        time.sleep(1.0)  # the child is now busy in its endless loop
        assert not gone(child_pid, within=0.1)
        parent.kill()
        parent.wait(10)
        assert gone(child_pid), "the parser child was orphaned"
    finally:
        parent.kill()
        parent.wait(10)
        if child_pid is not None and not gone(child_pid, within=0.1):
            os.kill(child_pid, signal.SIGKILL)  # never leave an orphan spinning on the CI machine


@pytest.mark.parametrize("build", [cyclic_reference_pdf, cyclic_root_pdf])
def test_cli_extract_of_a_reference_cycle_ends_with_one_chinese_line(tmp_path, build):
    path = write(tmp_path / "cycle.pdf", build())
    out = run_cli(["extract", str(path)], timeout=60, memory=2 * GIB,
                  env={"REPORTDESK_PARSE_TIME_LIMIT": "3"})
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    # pdfminer looped on the cycle until the limit; PDFium detects the cycle and refuses it as damaged
    assert ("解析该文件超过 3 秒仍未完成，已停止" in lines[0]) or ("损坏" in lines[0])


def test_cli_import_skips_a_reference_cycle_and_imports_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a_cycle.pdf", cyclic_reference_pdf())
    (folder / "b_ok.txt").write_text("一、主要举措\n全年召开会议26次。\n", encoding="utf-8")
    out = run_cli(["import", str(folder), "--db", str(tmp_path / "r.sqlite3")], timeout=90,
                  env={"REPORTDESK_PARSE_TIME_LIMIT": "3"})
    assert out.returncode == 4, out.stderr
    assert "新增 1 份" in out.stdout and "失败 1 份" in out.stdout
    assert "a_cycle.pdf" in out.stderr and "Traceback" not in out.stderr


# The command line itself, with the parser swapped for one that never returns: the CLI forks its
# parser child on Linux, so the child inherits the swap (whatever PDF engine is in use, this hangs).
# ``extract`` of a PDF reads it in a child of its own (core/cli/overlap.py): that step is swapped too.
HANGING_CLI = """
import sys
import core.analysis
import core.cli.overlap
from tests.hostile import jobs
core.analysis.load_and_analyze = jobs.spin_forever
core.cli.overlap.read_document = jobs.spin_forever
import main
sys.exit(main.main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.parametrize("command", ["extract", "import"])
def test_ctrl_c_exits_130_with_one_chinese_line_and_no_child_left(tmp_path, command):
    path = write(tmp_path / "report.pdf", cyclic_reference_pdf())
    args = [str(path)] if command == "extract" else [str(path), "--db", str(tmp_path / "r.sqlite3")]
    env = dict(os.environ, PYTHONPATH=str(ROOT), REPORTDESK_PARSE_TIME_LIMIT="120")
    proc = subprocess.Popen([sys.executable, "-c", HANGING_CLI, command, *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        time.sleep(3)  # well inside the endless parse
        children = _children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole process group
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    text = err.decode("utf-8")
    assert proc.returncode == 130, text
    assert "已中断" in text and "Traceback" not in text
    assert children and all(gone(pid) for pid in children)


@posix_only
def test_cli_extract_of_a_hanging_parse_stops_at_the_time_limit(tmp_path):
    path = write(tmp_path / "report.pdf", cyclic_reference_pdf())
    out = run_python(["-c", HANGING_CLI, "extract", str(path)], timeout=60,
                     env={"REPORTDESK_PARSE_TIME_LIMIT": "2"})
    assert out.returncode == 3
    assert out.stderr.strip() == (f"错误：{path}：解析该文件超过 2 秒仍未完成，已停止（文件结构可能有循环或已损坏）。"
                                  "请在 Word/WPS 或 PDF 阅读器中打开后另存为新文件再导入。")


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().split(")")[-1].split()[1]) == pid:
                        out.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass
    return out
