"""The one place that decides where files live (data, cache, config, bundled resources).

Environment overrides make tests and portable installs possible:
``REPORTDESK_HOME`` puts data and cache under one folder.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ReportDesk"  # ASCII folder name: safe on every Windows locale
APP_AUTHOR = "ReportDesk"


def display_path(path: str | os.PathLike | bytes) -> str:
    """A path as text that can be printed and stored: undecodable bytes become ``\\xNN``.

    On Linux a file name that is not UTF-8 (e.g. GBK from an old archive) reaches Python with its
    raw bytes as lone surrogates; printing or storing such a str in SQLite raises
    UnicodeEncodeError. The file is still opened with the real path; only what is shown and kept
    as its name goes through here.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _home_override() -> Path | None:
    home = os.environ.get("REPORTDESK_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    """User data folder (the database and stored originals live here); created on demand."""
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """User cache folder (jieba's dictionary cache); created on demand."""
    home = _home_override()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "reports.sqlite3"


def resources_dir() -> Path:
    """``resources/`` from the source tree, or from the PyInstaller bundle (``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("sample", "sample_report.pdf")``."""
    return resources_dir().joinpath(*parts)


def sample_report() -> Path:
    return resource("sample", "sample_report.pdf")
