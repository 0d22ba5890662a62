"""Who has the database open: a row per process, so an unclean shutdown can be recognised.

Checking the whole file (``PRAGMA integrity_check``) on every open costs time that grows with
the archive. SQLite in WAL mode with ``synchronous=FULL`` survives a killed process by itself;
the check is a second line of defence, worth running only when a process did not close the
database cleanly. So each process that opens the database read-write adds one row to
``db_sessions`` and removes it when its last ``Store`` closes (or at interpreter exit). A row
left by a process that no longer runs means a crash (SIGKILL, power loss, a frozen window
killed from the task manager): the next opener runs the full check, then clears the row.

Rows from another computer (a database on a network share) cannot be judged and are left alone.
A process id reused by an unrelated program makes one check be skipped — an accepted trade.
"""
from __future__ import annotations

import atexit
import os
import socket
import sqlite3
import sys
import threading
from pathlib import Path

TABLE = "db_sessions"
_HOST = socket.gethostname()
_lock = threading.Lock()
# resolved database path -> [session row id, number of open Stores of this process]
_open: dict[str, list[int]] = {}
_owner = os.getpid()  # a forked child inherits ``_open`` but must not end its parent's session


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def pid_alive(pid: int) -> bool:
    """True if a process with this id runs on this computer (unknown counts as alive)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to another user
        return True
    except OSError:
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    if sys.platform != "win32":  # ctypes.windll exists there only (a check the type checker understands)
        raise OSError("only on Windows")
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE,)).fetchone() is not None


def held_here(path: Path) -> bool:
    """This process already has the database open (and checked it when it opened it)."""
    with _lock:
        return _key(path) in _open


def dead_sessions(conn: sqlite3.Connection) -> list[int]:
    """Ids of rows left by processes of this computer that no longer run."""
    rows = conn.execute(f"SELECT id, pid, host FROM {TABLE}").fetchall()
    return [rid for rid, pid, host in rows if host == _HOST and not pid_alive(pid)]


def needs_check(conn: sqlite3.Connection) -> bool:
    """Decide, on a read-only connection, whether the last shutdown may have been unclean."""
    if not has_table(conn):
        # written by an older program (no session rows): check once, before migrating
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    return bool(dead_sessions(conn))


def begin(conn: sqlite3.Connection, path: Path, opened_at: str) -> None:
    """Register this process on a read-write connection (once per process and file) and clear
    rows of dead processes (the caller checked the file after seeing them)."""
    key = _key(path)
    with _lock:
        if key in _open:
            _open[key][1] += 1
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            for rid in dead_sessions(conn):
                conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (rid,))
            cur = conn.execute(f"INSERT INTO {TABLE} (pid, host, opened_at) VALUES (?, ?, ?)",
                               (os.getpid(), _HOST, opened_at))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        row_id = cur.lastrowid
        assert row_id is not None  # the INSERT above set it
        _open[key] = [row_id, 1]


def end(conn: sqlite3.Connection | None, path: Path) -> None:
    """One ``Store`` of this process closes; the last one removes the process's row."""
    key = _key(path)
    with _lock:
        entry = _open.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _open[key]
    _delete_row(conn, key, entry[0])


def _delete_row(conn: sqlite3.Connection | None, key: str, row_id: int) -> None:
    own = conn is None
    try:
        if conn is None:  # at exit, from any thread: a fresh connection (never a plain file open)
            conn = sqlite3.connect(key, timeout=5, isolation_level=None)
        conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (row_id,))
    except sqlite3.Error:
        pass  # the row stays: the next opener runs one integrity check, nothing worse
    finally:
        if own and conn is not None:
            conn.close()


@atexit.register
def _end_all() -> None:
    """A window that exits normally without closing every per-thread Store still ends cleanly."""
    with _lock:
        entries = list(_open.items()) if os.getpid() == _owner else []
        _open.clear()
    for key, (row_id, _count) in entries:
        _delete_row(None, key, row_id)
