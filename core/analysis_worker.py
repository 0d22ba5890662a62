"""Import + detection in a separate, long-lived process, under a time and a memory limit.

Why a process and not only a thread: parsing a PDF is a long stretch of pure-Python work
(pdfminer). In a thread of the GUI process it competes for the GIL with the GUI thread, and every
Qt call from Python re-acquires the GIL, so the window froze for 0.3-1.1 s while a seed PDF was
imported (bench/bench_gui_responsiveness.py). In a child process the waiting thread only blocks on a
pipe, which releases the GIL.

Why it can always be stopped: a hostile file can make a parser loop forever (a 200-byte PDF with an
object reference cycle did) or allocate without bound (zip and stream bombs). The parent never
blocks on the child: it polls the pipe and, every ``HEARTBEAT_S`` without news, calls ``progress``
again with the last values -- the callback is how callers cancel (it raises ``Cancelled``), so 取消
works even while the parser is silent. A file that exceeds its time limit
(``core.limits.ParseClock``), a cancel, or Ctrl+C kills the child (SIGKILL /
TerminateProcess); the next file gets a fresh one. The child has an address-space limit and dies
with its parent (``core.child_process``).

The child starts on first use (or ``start()``), imports the parsers once and then serves one file
at a time; progress (pages done) travels back over the same pipe.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Literal

from core import limits
from core.child_process import ChildSettings, setup_child
from core.document import Document
from core.errors import Cancelled, ReportError
from core.extraction import Extraction

Progress = Callable[[int, int], None]
Job = Callable[[str, Progress], tuple[Document, Extraction]]
StartMethod = Literal["spawn", "fork", "forkserver"]  # how multiprocessing starts the child
HEARTBEAT_S = 0.2
_CRASHED = "解析该文件时解析程序意外退出（文件可能已损坏或过大），已跳过该文件。"


def _serve(conn: Connection, settings: ChildSettings, job: Job | None, warm: bool) -> None:
    """Child process main loop: receive a path, send progress messages, then the result."""
    setup_child(settings)
    from core.ocr import budget as ocr_budget

    if job is None:
        from core.analysis import load_and_analyze

        job = load_and_analyze
    if warm:
        from core.detect.subject import warm_up

        warm_up()  # jieba's dictionary, once per child
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return

        def progress(done: int, total: int) -> None:
            conn.send(("progress", done, total))

        # OCR asks for time before each scanned page (seconds per page, not per MB).
        ocr_budget.set_requester(lambda seconds: conn.send(("allow", seconds)))

        try:
            progress(0, 1)  # the parent's heartbeat repeats the last progress; give it one now
            conn.send(("result", *job(path, progress)))
        except ReportError as exc:
            conn.send(("error", exc.code, exc.message, exc.path))
        except MemoryError:
            err = limits.memory_error(path, settings.memory_bytes)
            conn.send(("error", err.code, err.message, path))
        except RecursionError:
            conn.send(("error", "corrupt", "文件内部结构嵌套过深或有循环引用，无法解析。", path))
        except Exception as exc:  # noqa: BLE001 - any parser failure is a bad file, not a crash
            conn.send(("error", "corrupt", f"无法解析该文件（{type(exc).__name__}）。", path))


class AnalysisWorker:
    """Thread-safe front of the child process; one file at a time.

    ``time_limit`` (seconds) overrides the per-file limit of ``core.limits``; ``job`` replaces the
    import + detect function run in the child (a picklable module-level function; tests use it).
    """

    def __init__(self, *, start_method: StartMethod | None = None, time_limit: float | None = None,
                 memory_bytes: int | None = limits.PARSER_MEMORY_BYTES, job: Job | None = None,
                 warm_up: bool = True) -> None:
        self._lock = threading.Lock()  # one request at a time
        self._proc: mp.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._cancelled = threading.Event()
        self._start_method: StartMethod = start_method or "spawn"
        self._time_limit = time_limit
        self._memory = memory_bytes
        self._job = job
        self._warm = warm_up

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None else None

    def start(self) -> None:
        """Start the child now (e.g. at GUI start-up) so the first import does not wait for it."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> Connection:
        if self._proc is None or not self._proc.is_alive():
            self._stop_child()
            ctx = mp.get_context(self._start_method)  # GUI: spawn (fork would copy Qt's state)
            parent, child = ctx.Pipe()
            settings = ChildSettings(
                parent_pid=os.getpid(), memory_bytes=self._memory,
                kernel_death_signal=threading.current_thread() is threading.main_thread())
            # every concrete context has Process; the stubs type get_context(str) as the bare base class
            self._proc = ctx.Process(target=_serve,  # type: ignore[attr-defined]
                                     args=(child, settings, self._job, self._warm),
                                     daemon=True, name="reportdesk-analysis")
            self._proc.start()
            child.close()
            self._conn = parent
        assert self._conn is not None
        return self._conn

    def _stop_child(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(5)
        if conn is not None:
            conn.close()

    def cancel(self) -> None:
        """Stop the file being analysed (from any thread); the call in progress raises Cancelled."""
        self._cancelled.set()
        proc = self._proc
        if proc is not None and proc.is_alive():
            proc.kill()

    def close(self) -> None:
        """End the child without waiting for a parse to finish (window closing, command done)."""
        if self._lock.acquire(blocking=False):  # idle: let the child leave on its own
            try:
                if self._conn is not None and self._proc is not None and self._proc.is_alive():
                    try:
                        self._conn.send(None)
                        self._proc.join(1)
                    except OSError:
                        pass
                self._stop_child()
            finally:
                self._lock.release()
            return
        self.cancel()  # busy: kill it; the analysing thread raises Cancelled and lets go
        if self._lock.acquire(timeout=5):
            try:
                self._stop_child()
            finally:
                self._lock.release()

    def _clock_for(self, path: str) -> limits.ParseClock:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        return limits.ParseClock(size, self._time_limit)

    def analyze(self, path: str, progress: Progress | None = None) -> tuple[Document, Extraction]:
        """Import and detect ``path`` in the child; raises ``ReportError`` or ``Cancelled``."""
        path = str(path)
        with self._lock:
            self._cancelled.clear()
            conn = self._ensure_started()
            clock = self._clock_for(path)
            try:
                return self._exchange(conn, path, progress, clock)
            except (Cancelled, ReportError):
                raise  # the child was stopped where that was needed (cancel, time limit, crash)
            except BaseException:  # KeyboardInterrupt, a bug: never leave a parser running
                self._stop_child()
                raise

    def _exchange(self, conn: Connection, path: str, progress: Progress | None,
                  clock: limits.ParseClock) -> tuple[Document, Extraction]:
        last = (0, 1)
        try:
            conn.send(path)
            while True:
                if self._cancelled.is_set():
                    self._stop_child()
                    raise Cancelled()
                remaining = clock.remaining()
                if remaining <= 0:
                    self._stop_child()
                    raise clock.error(path)
                if not conn.poll(min(HEARTBEAT_S, remaining)):
                    if progress is not None:
                        progress(*last)  # may raise Cancelled: the caller's way to stop a silent parse
                    continue
                message = conn.recv()
                kind = message[0]
                if kind == "progress":
                    last = (message[1], message[2])
                    clock.news(message[2])
                    if progress is not None:
                        progress(*last)  # may raise Cancelled
                elif kind == "allow":
                    clock.allow(message[1])
                elif kind == "result":
                    return message[1], message[2]
                else:
                    raise ReportError(message[1], message[2], message[3])
        except Cancelled:
            self._stop_child()
            raise
        except (EOFError, OSError):
            self._stop_child()
            if self._cancelled.is_set():
                raise Cancelled() from None
            raise ReportError("corrupt", _CRASHED, path) from None


def cli_start_method() -> StartMethod:
    """The command line has no Qt state to protect: fork starts the child in milliseconds on Linux
    (spawn would re-import Python and the parsers, ~0.3 s more per run)."""
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        return "fork"
    return "spawn"
