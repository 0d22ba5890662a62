"""Another process opening and closing the database must never delete the WAL under us.

POSIX locks belong to a process, and closing *any* descriptor of a file drops all of them. If the
program ever opened the database file outside SQLite (to read its header, say) while one of its
connections was open, a second process (a CLI export, another window) would believe it was the
last user, checkpoint, and delete ``-wal``/``-shm`` — and every commit after that would be lost at
the next crash. These tests commit, let another process open+close, commit more, SIGKILL, count.
"""
import os
import signal
import subprocess
import sqlite3
import sys
from pathlib import Path

import pytest

from core.store import Store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL and POSIX locks")

# The writer: two Stores on one file (as the window has: GUI thread + worker), one committed row,
# then it waits for "go", commits ten more rows, reports, and waits to be killed.
WRITER = r"""
import sys
from core.store import Store
db = sys.argv[1]
first, second = Store(db), Store(db)
def insert(n):
    with first._tx():
        first.conn.execute("INSERT INTO audit (at, reviewer, report_id, entity, entity_id, action)"
                           " VALUES ('t', 'probe', 0, 'report', ?, 'probe')", (n,))
insert(0)
print("ready", flush=True)
sys.stdin.readline()
for n in range(1, 11):
    insert(n)
print("done", flush=True)
sys.stdin.readline()
"""


def _imp(store, path):
    """Import one file the way the command line does (load and detect in this process)."""
    from core.analysis import load_and_analyze

    return store.import_file(path, analyzer=load_and_analyze)


def _probe_rows(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM audit WHERE reviewer = 'probe'").fetchone()[0]
    finally:
        conn.close()


def _run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def _writer(db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def _finish_and_kill(proc: subprocess.Popen) -> None:
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "done", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_other_process_open_close_keeps_committed_rows(tmp_path):
    db = tmp_path / "db.sqlite3"
    Store(db).close()
    proc = _writer(db)
    try:
        # a second process opens and closes the database while the writer holds it
        subprocess.run([sys.executable, "-c", "import sys; from core.store import Store;"
                        " Store(sys.argv[1]).close()", str(db)], cwd=ROOT, check=True, timeout=60)
        assert Path(f"{db}-wal").exists(), "the other process deleted the writer's WAL"
        _finish_and_kill(proc)
    finally:
        proc.kill()
    assert _probe_rows(db) == 11


def test_cli_export_while_window_holds_database(tmp_path):
    """The window (here: this test process, two Stores) stays open while ``main.py export`` runs."""
    db = tmp_path / "db.sqlite3"
    window, worker = Store(db), Store(db)
    try:
        proc = _writer(db)
        try:
            result = _run_main("export", "--db", db, "--out", tmp_path / "out.csv")
            assert result.returncode == 0, result.stderr
            assert Path(f"{db}-wal").exists()
            _finish_and_kill(proc)
        finally:
            proc.kill()
        # the window keeps working on the same files and sees every committed row
        assert window.conn.execute("SELECT count(*) FROM audit WHERE reviewer = 'probe'"
                                   ).fetchone()[0] == 11
        with window._tx():
            window.conn.execute("INSERT INTO audit (at, reviewer, report_id, entity, entity_id,"
                                " action) VALUES ('t', 'probe', 0, 'report', 99, 'probe')")
    finally:
        window.close()
        worker.close()
    assert _probe_rows(db) == 12


def test_the_database_itself_is_not_imported_as_a_report(tmp_path):
    db = tmp_path / "db.sqlite3"
    with Store(db) as store:
        from core.errors import ReportError

        for name in ("db.sqlite3", "db.sqlite3-wal"):
            if (tmp_path / name).exists():
                with pytest.raises(ReportError) as info:
                    _imp(store, tmp_path / name)
                assert "数据库文件" in info.value.message
