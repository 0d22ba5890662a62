"""The full integrity check runs after an unclean shutdown only, not on every open."""
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.store import Store, connection, schema, sessions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def checks(monkeypatch):
    """Count the full integrity checks run while opening."""
    calls = []
    real = connection.full_check

    def counting(conn):
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(connection, "full_check", counting)
    return calls


def _rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT pid, host FROM db_sessions").fetchall()
    finally:
        conn.close()


def test_clean_close_skips_the_check(tmp_path, checks):
    db = tmp_path / "db.sqlite3"
    Store(db).close()
    assert _rows(db) == []
    for _ in range(3):
        Store(db).close()
    assert checks == []


def test_stores_of_one_process_share_one_session(tmp_path, checks):
    db = tmp_path / "db.sqlite3"
    first, second = Store(db), Store(db)
    assert _rows(db) == [(os.getpid(), sessions._HOST)]
    first.close()
    assert len(_rows(db)) == 1  # the second Store is still open
    second.close()
    assert _rows(db) == []
    assert checks == []


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_killed_process_makes_next_open_check(tmp_path, checks):
    db = tmp_path / "db.sqlite3"
    Store(db).close()
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from core.store import Store;"
                             " s = Store(sys.argv[1]); print('open', flush=True);"
                             " sys.stdin.readline()", str(db)],
                            cwd=ROOT, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "open"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _rows(db) == [(proc.pid, sessions._HOST)]  # the row the killed process left
    with Store(db):
        assert checks == [1]
        assert _rows(db) == [(os.getpid(), sessions._HOST)]  # dead row cleared after the check
    Store(db).close()
    assert checks == [1]  # a clean close again: no further check


def test_normal_exit_without_close_ends_the_session(tmp_path, checks):
    db = tmp_path / "db.sqlite3"
    Store(db).close()
    subprocess.run([sys.executable, "-c", "import sys; from core.store import Store;"
                    " s = Store(sys.argv[1])", str(db)], cwd=ROOT, check=True, timeout=60)
    assert _rows(db) == []
    Store(db).close()
    assert checks == []


def test_corruption_after_a_crash_is_found(tmp_path):
    """A dead session plus a damaged page: the open refuses the file, untouched."""
    db = tmp_path / "db.sqlite3"
    with Store(db) as store:
        store.conn.execute("CREATE TABLE filler (x)")  # pages to damage beyond the schema
        store.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
        store.conn.execute("INSERT INTO db_sessions (pid, host, opened_at) VALUES (?, ?, 't')",
                           (2 ** 22 + 12345, sessions._HOST))  # a process that does not run
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    data[-page * 3 + 8: -page * 3 + 40] = b"\xa5" * 32  # scribble inside a filler page
    db.write_bytes(bytes(data))
    with pytest.raises(Exception) as info:
        Store(db)
    assert "已损坏" in str(info.value) and "文件未做任何改动" in str(info.value)


def test_older_database_without_sessions_is_checked_once(tmp_path, checks):
    db = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(db)
    previous = schema.MIGRATIONS.index(schema.SCHEMA_V5_RELIABILITY)  # the version before it
    for step in schema.MIGRATIONS[:previous]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {previous}")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert checks == [1]
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"db_sessions", "report_versions", "reports_list"} <= names
    Store(db).close()
    assert checks == [1]


def test_pid_alive():
    assert sessions.pid_alive(os.getpid())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not sessions.pid_alive(proc.pid)


def test_full_disk_while_writing_is_said_in_chinese(tmp_path):
    from bench.store_samples import write_sample
    from core.errors import ReportError

    with Store(tmp_path / "db.sqlite3") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: "disk full"
        path, doc, ext = write_sample(tmp_path, 1, figures_per_part=40)
        with pytest.raises(ReportError) as info:
            store.add_report(doc, ext, source_path=str(path))
        assert "磁盘空间已满" in info.value.message and "本次操作未保存" in info.value.message
        assert store.list_reports() == []
