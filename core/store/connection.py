"""Opening the database safely: refuse what is not ours, migrate forward, set the pragmas.

Before anything writes, the file is inspected without modifying it: the 16-byte SQLite header is
read with plain ``open``, then a *read-only* connection checks ``application_id``,
``user_version`` and ``PRAGMA integrity_check``. Only a file that passes is opened read-write, so
a corrupt file, a foreign SQLite file or one from a newer program is left byte-for-byte untouched.

Threads: a ``sqlite3.Connection`` belongs to the thread that opened it (``check_same_thread``
stays on). A worker thread opens its own connection (its own ``Store``); WAL mode lets readers and
one writer work at once, and the busy timeout makes a second writer wait instead of failing.
"""
from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from core.errors import ReportError
from core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15000  # a batch import in another process commits one report at a time


def _fail(path: Path, what: str) -> ReportError:
    return ReportError("database", f"数据库文件 {path} {what}，文件未做任何改动。", str(path))


def inspect(path: Path, *, check_integrity: bool = True) -> int:
    """Return the schema version of an existing database file (0 for a new/empty one).

    Raises ``ReportError("database")`` for anything we must not open read-write. Never writes.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    if path.is_dir():
        raise _fail(path, "是一个文件夹")
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ReportError("database", f"无法读取数据库文件 {path}：{exc.strerror}", str(path))
    if header != SQLITE_HEADER:
        raise _fail(path, "不是审阅台数据库（不是 SQLite 文件）")
    try:
        ro = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise _fail(path, f"无法打开（{exc}）")
    try:
        app_id = ro.execute("PRAGMA application_id").fetchone()[0]
        version = ro.execute("PRAGMA user_version").fetchone()[0]
        tables = ro.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            raise _fail(path, "不是审阅台数据库（是其他程序的 SQLite 文件）")
        if version > SCHEMA_VERSION:
            raise _fail(
                path,
                f"由更新版本的审阅台创建（数据库版本 {version}，本程序只支持到 {SCHEMA_VERSION}），"
                "请升级程序后再打开",
            )
        if check_integrity:
            rows = [r[0] for r in ro.execute("PRAGMA integrity_check(5)")]
            if rows != ["ok"]:
                raise _fail(path, f"已损坏（完整性检查：{rows[0]}）")
        return version
    except sqlite3.DatabaseError as exc:
        raise _fail(path, f"已损坏或无法读取（{exc}）")
    finally:
        ro.close()


def connect(path: Path | str, *, check_integrity: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``; return a connection.

    The connection is in autocommit mode; group writes with ``transaction(conn)``.
    """
    path = Path(path)
    version = inspect(path, check_integrity=check_integrity)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed review decision survives power loss, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            if version > 0:
                backup(conn, path, version)
            migrate(conn)
    except sqlite3.Error as exc:
        raise ReportError("database", f"无法打开数据库 {path}：{exc}", str(path))
    return conn


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database (consistently, via SQLite's backup API) before a migration touches it."""
    target = path.with_name(f"{path.name}.v{version}-{time.strftime('%Y%m%d-%H%M%S')}.bak")
    dst = sqlite3.connect(str(target))
    try:
        conn.backup(dst)
    finally:
        dst.close()
    return target


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every missing migration, each in its own transaction.

    The version is re-read inside the write lock, so two processes opening a fresh file at once
    do not both create the tables.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One user action = one transaction. Nested use joins the outer transaction.

    ``BEGIN IMMEDIATE`` takes the write lock up front: two writers then queue on the busy
    timeout instead of one failing with "database is locked" when it upgrades a read lock.
    """
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise ReportError("database", f"数据库正被其他程序占用，请稍后再试（{exc}）")
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:  # disk full, I/O error …: roll back, tell the user in Chinese
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise ReportError("database", f"数据库写入失败，本次操作未保存（{exc}）") from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]


def copy_file(src: Path, dst: Path) -> None:
    """Copy then rename, so a killed process never leaves a half-written file under the final name."""
    tmp = dst.with_name(dst.name + ".part")
    shutil.copyfile(src, tmp)
    tmp.replace(dst)
