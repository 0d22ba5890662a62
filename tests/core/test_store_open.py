"""Opening the database: pragmas, schema version, refusing files that are not ours untouched."""
import hashlib
import sqlite3

import pytest

from core.errors import ReportError
from core.store import Store, connection, schema


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_pragmas_and_version(tmp_path):
    with Store(tmp_path / "db.sqlite3") as store:
        c = store.conn
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.execute("PRAGMA busy_timeout").fetchone()[0] == connection.BUSY_TIMEOUT_MS
        assert c.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert store.integrity_ok()


def test_default_path_is_in_user_data_folder(isolated_home):
    with Store() as store:
        assert str(store.path).startswith(str(isolated_home))


@pytest.mark.parametrize("content", [b"this is not a database at all" * 10, b"PK\x03\x04" + bytes(2000)])
def test_non_sqlite_file_refused_untouched(tmp_path, content):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = _digest(bad)
    with pytest.raises(ReportError) as info:
        Store(bad)
    assert info.value.code == "database" and "不是审阅台数据库" in info.value.message
    assert _digest(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3"]


def test_corrupt_database_refused_untouched(tmp_path):
    path = tmp_path / "db.sqlite3"
    with Store(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for i in range(4096 + 100, len(data), 7):  # scribble over every page after the header page
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    for extra in tmp_path.glob("db.sqlite3-*"):
        extra.unlink()
    before = _digest(path)
    with pytest.raises(ReportError) as info:
        Store(path)
    assert info.value.code == "database" and "文件未做任何改动" in info.value.message
    assert _digest(path) == before


def test_newer_version_refused_untouched(tmp_path):
    path = tmp_path / "db.sqlite3"
    with Store(path) as store:
        store.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    with pytest.raises(ReportError) as info:
        Store(path)
    assert "更新版本" in info.value.message
    assert _digest(path) == before


def test_foreign_sqlite_file_refused(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    before = _digest(path)
    with pytest.raises(ReportError) as info:
        Store(path)
    assert "其他程序" in info.value.message
    assert _digest(path) == before


def test_migration_makes_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite3"
    Store(path).close()
    current = schema.SCHEMA_VERSION
    step = ["ALTER TABLE reports ADD COLUMN note TEXT"]
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [step])
    monkeypatch.setattr(connection, "MIGRATIONS", schema.MIGRATIONS + [step])
    monkeypatch.setattr(connection, "SCHEMA_VERSION", current + 1)
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
        cols = [r[1] for r in store.conn.execute("PRAGMA table_info(reports)")]
        assert "note" in cols
    backups = list(tmp_path.glob(f"db.sqlite3.v{current}-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    old.close()


def test_version_1_database_is_migrated_and_keeps_its_reports(tmp_path):
    """A database written by the first release (schema v1) opens, gains the v2 index, loses nothing."""
    from bench.store_samples import write_sample

    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for statement in schema.SCHEMA_V1:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Store(path) as store:  # the v1 tables are empty: add a report through the store
        sample, doc, ext = write_sample(tmp_path, 1)
        rid = store.add_report(doc, ext, source_path=str(sample)).report_id
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        indexes = [r[1] for r in store.conn.execute("PRAGMA index_list(figures)")]
        assert "figures_report_status" in indexes
        summary = store.list_reports()[0]
        assert summary.id == rid and summary.pending == len(ext.figures)
    assert list(tmp_path.glob("db.sqlite3.v1-*.bak"))


def test_audit_log_is_append_only(tmp_path):
    from core.store import audit

    with Store(tmp_path / "db.sqlite3") as store:
        audit.log(store.conn, "甲", 1, "report", 1, "test")
        with pytest.raises(sqlite3.DatabaseError):
            store.conn.execute("UPDATE audit SET reviewer = '乙'")
        with pytest.raises(sqlite3.DatabaseError):
            store.conn.execute("DELETE FROM audit")
        assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 1
