"""Copies of the original files, so the viewer can show a report after its source has moved.

They live in a folder beside the database (``reports.sqlite3`` → ``reports_originals/``), named by
the SHA-256 of their content: the same bytes are stored once, and a copy left behind by an
import that was killed before its commit is harmless (a later import of that file reuses it).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from core.errors import ReportError, os_error_message
from core.store.connection import copy_file


def sha256_of(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def originals_dir(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}_originals")


def stored_name(sha256: str, source: Path | str) -> str:
    return sha256 + Path(source).suffix.lower()


def store_original(db_path: Path, source: Path | str, sha256: str) -> str:
    """Copy ``source`` into the originals folder (if not there yet); return its stored name.

    Two imports of the same file may run at once (two windows, a window and the command
    line): each copies under its own temporary name and renames; if the rename fails because the
    other one's copy is in place (Windows refuses to replace a file someone has open), that copy
    has the same content — its name is its SHA-256 — and is used.
    """
    folder = originals_dir(db_path)
    name = stored_name(sha256, source)
    target = folder / name
    if target.exists():
        return name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_file(Path(source), target)
    except OSError as exc:
        if target.exists():
            return name
        raise ReportError("database", f"无法把原文件复制到 {folder}：{os_error_message(exc)}",
                          str(source)) from exc
    return name


def original_path(db_path: Path, name: str | None) -> Path | None:
    if not name:
        return None
    path = originals_dir(db_path) / name
    return path if path.exists() else None
