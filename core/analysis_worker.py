"""Import + detection in a separate, long-lived process.

Why a process and not only a thread: parsing a PDF is a long stretch of pure-Python work
(pdfminer). In a thread of the GUI process it competes for the GIL with the GUI thread, and every
Qt call from Python re-acquires the GIL, so the window froze for 0.3-1.1 s while a seed PDF was
imported (bench/bench_gui_responsiveness.py). In a child process the waiting thread only blocks on a
pipe, which releases the GIL. A file that crashes the parser (a native crash in a PDF library, or
memory exhaustion on a huge file) takes down the child, not the app: the caller gets a Chinese
``ReportError`` and the next file gets a fresh child.

The child starts on first use (or ``start()``), imports the parsers once and then serves one file
at a time; progress (pages done) travels back over the same pipe. ``cancel()`` from another thread
stops the current file by ending the child.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

from core.document import Document
from core.errors import Cancelled, ReportError
from core.extraction import Extraction

Progress = Callable[[int, int], None]


def _serve(conn: Connection) -> None:
    """Child process main loop: receive a path, send progress messages, then the result."""
    from core.analysis import load_and_analyze
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

        try:
            conn.send(("result", *load_and_analyze(path, progress)))
        except ReportError as exc:
            conn.send(("error", exc.code, exc.message, exc.path))
        except MemoryError:
            conn.send(("error", "too_large", "文件过大，内存不足，无法导入。", path))
        except Exception as exc:  # noqa: BLE001 - any parser failure is a bad file, not a crash
            conn.send(("error", "corrupt", f"无法解析该文件（{type(exc).__name__}）。", path))


class AnalysisWorker:
    """Thread-safe front of the child process; one file at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one request at a time
        self._proc: mp.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._cancelled = threading.Event()

    def start(self) -> None:
        """Start the child now (e.g. at GUI start-up) so the first import does not wait for it."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> Connection:
        if self._proc is None or not self._proc.is_alive():
            ctx = mp.get_context("spawn")  # fork would copy the Qt state of the GUI process
            parent, child = ctx.Pipe()
            self._proc = ctx.Process(target=_serve, args=(child,), daemon=True,
                                     name="reportdesk-analysis")
            self._proc.start()
            child.close()
            self._conn = parent
        assert self._conn is not None
        return self._conn

    def _stop_child(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            self._proc.kill()
            self._proc.join(5)
        self._proc = None
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def cancel(self) -> None:
        """Stop the file being analysed (from any thread); the call in progress raises Cancelled."""
        self._cancelled.set()
        proc = self._proc
        if proc is not None and proc.is_alive():
            proc.kill()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._proc is not None and self._proc.is_alive():
                try:
                    self._conn.send(None)
                    self._proc.join(2)
                except OSError:
                    pass
            self._stop_child()

    def analyze(self, path: str, progress: Progress | None = None) -> tuple[Document, Extraction]:
        """Import and detect ``path`` in the child; raises ``ReportError`` or ``Cancelled``."""
        with self._lock:
            self._cancelled.clear()
            conn = self._ensure_started()
            try:
                conn.send(str(path))
                while True:
                    message = conn.recv()
                    kind = message[0]
                    if kind == "progress":
                        if progress is not None:
                            progress(message[1], message[2])  # may raise Cancelled
                    elif kind == "result":
                        return message[1], message[2]
                    else:
                        raise ReportError(message[1], message[2], message[3])
            except Cancelled:
                self._stop_child()
                raise
            except (EOFError, OSError, BrokenPipeError):
                self._stop_child()
                if self._cancelled.is_set():
                    raise Cancelled() from None
                raise ReportError("corrupt", "解析该文件时解析程序意外退出（文件可能已损坏或过大），"
                                  "已跳过该文件。", str(path)) from None
