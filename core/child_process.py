"""Set-up of the parser child process: memory limit, death with its parent, quiet libraries.

* Memory: ``RLIMIT_AS`` (POSIX) turns a decompression bomb into a ``MemoryError`` in the child
  instead of swapping the machine; the parent reports it in Chinese.
* Death with the parent: a parser stuck in a loop must not outlive a killed or crashed window or
  command. Two mechanisms, because neither covers every case:
  - Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, done by the kernel even while the child holds the
    GIL in a C loop. The "parent" there is the *thread* that started the child, so it is only
    used when that was the parent's main thread (the GUI starts its child from a pool thread that
    Qt may retire, which would kill a healthy child).
  - Everywhere (Windows included): a daemon thread waits on ``multiprocessing.parent_process()
    .sentinel`` (a pipe on POSIX, the parent's process handle on Windows) and calls ``os._exit``
    when the parent is gone. It needs the GIL, which a pure-Python loop hands over every 5 ms.
* Ctrl+C: the terminal sends SIGINT to the whole process group; the child ignores it and the
  parent, which prints the one Chinese line, kills the child.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from dataclasses import dataclass

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ChildSettings:
    parent_pid: int
    memory_bytes: int | None
    kernel_death_signal: bool  # started from the parent's main thread: prctl is safe


def limit_memory(limit: int | None) -> None:
    if limit is None or os.name != "posix":
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _kernel_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watch thread still covers it
        pass


def _watch_parent() -> None:
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(70)  # the parent is gone: nobody wants this result

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def setup_child(settings: ChildSettings) -> None:
    """First thing the child does."""
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings.kernel_death_signal:
        _kernel_death_signal()
    if os.name == "posix" and os.getppid() != settings.parent_pid:
        os._exit(70)  # the parent died before the death signal was armed
    _watch_parent()
    limit_memory(settings.memory_bytes)
    from core.quiet import quiet_libraries

    quiet_libraries()
