"""Opening the database safely: refuse what is not ours, migrate forward, set the pragmas.

Before anything writes, a *read-only* SQLite connection checks ``application_id``,
``user_version`` and — after an unclean shutdown only (see ``sessions``) — ``PRAGMA
integrity_check``. Only a file that passes is opened read-write, so a corrupt file, a foreign
SQLite file or one from a newer program is left byte-for-byte untouched.

The database file is never opened outside SQLite (no ``open()`` to peek at the header): POSIX
locks belong to the process, and closing *any* descriptor of the file drops all of them — another
process would then think it is the last user and delete the ``-wal``/``-shm`` files under our
open connections, losing every later commit. SQLite itself keeps one descriptor per file and
process and defers closing it while locks are held.

A database that cannot be written (read-only file or folder, read-only medium) is opened with
``mode=ro``: listing and exporting work, and a change is refused with a Chinese message.

Threads: a ``sqlite3.Connection`` belongs to the thread that opened it (``check_same_thread``
stays on). A worker thread opens its own connection (its own ``Store``); WAL mode lets readers and
one writer work at once, and the busy timeout makes a second writer wait instead of failing.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from core.errors import ReportError, os_error_message
from core.store import sessions
from core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 15000  # a batch import in another process commits one report at a time
SQLITE_NOTADB = 26
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14


def _code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code (extended codes such as SQLITE_READONLY_RECOVERY carry it
    in the low byte)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid an INSERT on ``cur`` just wrote (``lastrowid`` is None only before any INSERT)."""
    row_id = cur.lastrowid
    assert row_id is not None, "no row was inserted"
    return row_id


def _fail(path: Path, what: str) -> ReportError:
    return ReportError("database", f"数据库文件 {path} {what}，文件未做任何改动。", str(path))


def read_only_message(path: Path) -> str:
    return (f"数据库文件 {path} 是只读的（文件或所在文件夹不允许写入），只能查看和导出，"
            "不能保存修改。请把它复制到可写的文件夹，或请管理员开放写入权限。")


def ro_uri(path: Path) -> str:
    """URI of a read-only connection.

    SQLite must create ``-shm`` to read a WAL database; in a folder nobody may write, and with
    no ``-wal`` file (every commit is in the main file), ``immutable=1`` lets it read without
    one. A ``-wal`` left there is still read normally (never skipped: it may hold commits).
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def open_ro(path: Path, *, timeout: float) -> sqlite3.Connection:
    """A read-only connection that has read the schema (errors surface here, not later).

    Where the permission check could not tell the folder is read-only (Windows ignores folder
    rights in ``os.access``) SQLite fails to create ``-shm``; with no ``-wal`` present the file
    holds every commit, so it is then read as immutable.
    """
    uri = ro_uri(path)
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if _code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN) or "immutable" in uri \
                or Path(f"{path}-wal").exists():
            raise
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout,
                               isolation_level=None)
    return conn


def writable(path: Path) -> bool:
    """Can this process write the database and create its ``-wal``/``-shm`` files beside it?"""
    folder = path.parent
    while not folder.exists():  # a new database: the first existing ancestor decides
        if folder.parent == folder:
            return False
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def inspect(path: Path, *, check_integrity: bool | None = None) -> int:
    """Return the schema version of an existing database file (0 for a new/empty one).

    ``check_integrity``: True always, False never, None (default) only after an unclean
    shutdown. Raises ``ReportError("database")`` for anything we must not open. Never writes.
    """
    if not path.exists():
        return 0
    if path.is_dir():
        raise _fail(path, "是一个文件夹")
    if path.stat().st_size == 0:
        return 0
    ro = None
    try:
        ro = open_ro(path, timeout=5)
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
        if check_integrity is None:
            check_integrity = not sessions.held_here(path) and sessions.needs_check(ro)
        if check_integrity:
            rows = full_check(ro)
            if rows != ["ok"]:
                raise _fail(path, f"已损坏（完整性检查：{rows[0]}）")
        return version
    except sqlite3.DatabaseError as exc:
        if _code(exc) == SQLITE_NOTADB:
            raise _fail(path, "不是审阅台数据库（不是 SQLite 文件）") from exc
        if _code(exc) == SQLITE_CANTOPEN:
            raise _fail(path, f"无法打开（{exc}）") from exc
        raise _fail(path, f"已损坏或无法读取（{exc}）") from exc
    except sqlite3.Error as exc:
        raise _fail(path, f"无法打开（{exc}）") from exc
    finally:
        if ro is not None:
            ro.close()


def full_check(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` (first problems only): reads every page, so it is kept for
    after an unclean shutdown."""
    return [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]


def connect(path: Path | str, *, check_integrity: bool | None = None,
            read_only: bool | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``; return a connection.

    ``read_only``: None decides from the file system (see ``writable``). A read-only
    connection never creates, migrates or registers a session. The connection is in autocommit
    mode; group writes with ``transaction(conn)``.
    """
    path = Path(path)
    if read_only is None:
        read_only = path.exists() and not writable(path)
    version = inspect(path, check_integrity=check_integrity)
    if read_only:
        return _connect_read_only(path, version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError("database", f"无法创建数据库所在的文件夹 {path.parent}："
                          f"{os_error_message(exc)}", str(path)) from exc
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
        sessions.begin(conn, path, time.strftime("%Y-%m-%d %H:%M:%S"))
    except sqlite3.Error as exc:
        if "conn" in locals():
            conn.close()
        if _code(exc) in (SQLITE_READONLY, SQLITE_CANTOPEN) \
                and version == SCHEMA_VERSION:
            # the permission check said yes but the medium says no (a read-only share on
            # Windows, where os.access ignores folder rights): read what is there
            return _connect_read_only(path, version)
        if _code(exc) == SQLITE_READONLY:
            raise ReportError("read_only", read_only_message(path), str(path)) from exc
        reason = _SQLITE_REASONS.get(_code(exc), "出现错误")
        raise ReportError("database", f"无法打开数据库 {path}：{reason}（SQLite：{exc}）",
                          str(path)) from exc
    return conn


# SQLite primary result codes a user can act on
_SQLITE_REASONS = {
    5: "数据库正被其他程序占用，请稍后再试",
    6: "数据库正被其他程序占用，请稍后再试",
    10: "读写磁盘时出错（磁盘或网络存储可能有故障）",
    11: "数据库文件已损坏",
    13: "磁盘空间已满，请清理磁盘或换一个位置",
    SQLITE_CANTOPEN: "无法创建或打开文件（文件夹不存在、没有写入权限或路径无效）",
}


def _connect_read_only(path: Path, version: int) -> sqlite3.Connection:
    if version < SCHEMA_VERSION:
        raise ReportError(
            "read_only", f"数据库文件 {path} 是只读的，且需要升级到新版本的格式才能打开"
            "（升级要写入文件）。请把它复制到可写的文件夹后再打开，文件未做任何改动。", str(path))
    try:
        conn = open_ro(path, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise ReportError("database", f"无法以只读方式打开数据库 {path}：{exc}", str(path)) from exc
    return conn


def is_read_only(conn: sqlite3.Connection) -> bool:
    """True for a connection from ``_connect_read_only`` (asked or fallen back to)."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


def close(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
    """Close a connection from ``connect``; the process's last one ends its session."""
    if not read_only:
        sessions.end(conn, path)
    conn.close()


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
        if _code(exc) == SQLITE_READONLY:
            raise ReportError("read_only", "数据库是只读的，不能保存修改。") from exc
        raise ReportError("database", f"数据库正被其他程序占用，请稍后再试（{exc}）") from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:  # disk full, I/O error …: roll back, tell the user in Chinese
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        reason = _SQLITE_REASONS.get(_code(exc), "出现错误")
        raise ReportError("database", f"数据库写入失败，本次操作未保存：{reason}（SQLite：{exc}）"
                          ) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]


def copy_file(src: Path, dst: Path) -> None:
    """Copy then rename, so a killed process never leaves a half-written file under the final name.

    The temporary name is unique per call: two processes copying the same file at once each
    write their own part file, and the last rename wins with identical content.
    """
    tmp = dst.with_name(f"{dst.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
