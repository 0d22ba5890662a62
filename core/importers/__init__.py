"""Importers: turn a TXT, DOCX or PDF report into one :class:`core.document.Document`.

``load_document`` is a plain, blocking function: the GUI runs it in a worker thread and passes a
``progress(done, total)`` callback (pages for PDF; ``(0, 1)``/``(1, 1)`` for TXT and DOCX). The callback
may raise :class:`core.errors.Cancelled`, which propagates unchanged. Every unusable input raises
:class:`core.errors.ReportError` with a Chinese message and a stable ``code``.
"""
from __future__ import annotations

import os
from collections.abc import Callable

from core import limits
from core.document import Document
from core.errors import ReportError, os_error_message
from core.paths import display_path
from core.importers.sniff import SUPPORTED_SUFFIXES, SUPPORTED_TEXT, sniff_format

Progress = Callable[[int, int], None]

__all__ = ["load_document", "SUPPORTED_SUFFIXES", "SUPPORTED_TEXT", "Progress"]


def _check_file(path: str) -> None:
    """Missing / unreadable / empty files get their own message before any parser sees them."""
    if not os.path.exists(path):
        raise ReportError("not_found", f"找不到文件：{display_path(path)}", path)
    if os.path.isdir(path):
        raise ReportError("unsupported", f"这是一个文件夹，不是文件：{display_path(path)}。{SUPPORTED_TEXT}。", path)
    if not os.access(path, os.R_OK):
        raise ReportError("not_found", f"没有权限读取文件：{display_path(path)}", path)
    size = os.path.getsize(path)
    if size == 0:
        raise ReportError("empty", "文件是空的（0 字节），没有可导入的内容。", path)
    limits.check_input_size(path, size)


def load_document(path: str | os.PathLike, progress: Progress | None = None) -> Document:
    """Import ``path`` (format decided by content, then name) into a Document."""
    path = os.fspath(path)
    _check_file(path)
    try:
        fmt, warnings = sniff_format(path)
    except OSError as exc:
        raise ReportError("not_found", f"无法读取文件：{display_path(path)}：{os_error_message(exc)}", path) from exc
    # Imported lazily so a TXT import never pays for pdfminer / lxml start-up.
    if fmt == "txt":
        from core.importers.txt_importer import load_txt as loader
    elif fmt == "docx":
        from core.importers.docx_importer import load_docx as loader
        from core.importers.docx_preflight import check_docx_package

        check_docx_package(path)  # declared sizes, before python-docx inflates anything
    else:
        from core.importers.pdf_importer import load_pdf as loader
        from core.importers.pdf_preflight import check_pdf_streams

        check_pdf_streams(path)  # bounded inflation of every stream, before the parser's
    doc = loader(path, progress)
    doc.source = display_path(path)  # a non-UTF-8 name must print and store (opened by the real path)
    doc.warnings[:0] = warnings
    limits.check_document(doc)  # before detection, which is linear in the text length
    return doc
