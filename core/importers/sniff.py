"""Decide what a file really is from its first bytes, with the file name only as a tie-breaker.

Users rename files, mail clients mangle extensions, and WPS saves ``.doc`` under any name, so the
magic bytes decide wherever a format has them (PDF, ZIP/DOCX, OLE, images). Only plain text has no
magic; it is accepted for ``.txt`` names alone, so an unknown binary is never decoded as text.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from core.domain import SUFFIXES as SUPPORTED_SUFFIXES
from core.errors import ReportError

SUPPORTED_TEXT = "支持的格式：TXT 文本（.txt）、Word 文档（.docx）、PDF（.pdf）"

# Magic numbers of formats people commonly try to import, with a name the reviewer recognises.
_MAGIC_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Word/WPS 文档（.doc/.wps）"),
    (b"\x89PNG\r\n\x1a\n", "图片（PNG）"),
    (b"\xff\xd8\xff", "图片（JPEG）"),
    (b"GIF87a", "图片（GIF）"),
    (b"GIF89a", "图片（GIF）"),
    (b"BM", "图片（BMP）"),
    (b"II*\x00", "图片（TIFF）"),
    (b"MM\x00*", "图片（TIFF）"),
    (b"{\\rtf", "RTF 文档"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)
_SUFFIX_NAMES = {
    ".doc": "旧版 Word 文档（.doc）",
    ".wps": "WPS 文档（.wps）",
    ".xls": "Excel 表格", ".xlsx": "Excel 表格", ".et": "WPS 表格",
    ".ppt": "演示文稿", ".pptx": "演示文稿", ".odt": "OpenDocument 文档", ".ofd": "OFD 版式文件",
    ".jpg": "图片", ".jpeg": "图片", ".png": "图片", ".bmp": "图片", ".tif": "图片", ".tiff": "图片",
}


def _unsupported(path: str, what: str) -> ReportError:
    return ReportError(
        "unsupported",
        f"无法导入：该文件是{what}，不是可导入的格式。{SUPPORTED_TEXT}。"
        "旧版 .doc/.wps 请先用 Word 或 WPS 另存为 .docx。",
        path,
    )


def _zip_kind(path: str) -> str | None:
    """``docx`` for a Word package, a description for another zip, None when the zip is unreadable."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "Excel 表格（.xlsx）"
    if "ppt/presentation.xml" in names:
        return "演示文稿（.pptx）"
    if "mimetype" in names:
        return "OpenDocument/OFD 文件"
    return "ZIP 压缩包"


def _is_encrypted_office(path: str) -> bool:
    """A password-protected .docx is an OLE container holding an ``EncryptedPackage`` stream."""
    with open(path, "rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in data


def sniff_format(path: str) -> tuple[str, list[str]]:
    """Return ``(format, warnings)`` with format in ``txt``/``docx``/``pdf``; raise ReportError otherwise.

    The caller has already checked that ``path`` is a readable, non-empty regular file.
    """
    suffix = Path(path).suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(1024)
    warnings: list[str] = []
    named = suffix if suffix in SUPPORTED_SUFFIXES else None

    def mismatch(real: str) -> None:
        if named and named != "." + real:
            warnings.append(f"文件扩展名是 {suffix}，但内容实际是 {real.upper()}，已按 {real.upper()} 导入。")

    # PDF readers accept a header anywhere in the first 1024 bytes (some generators prepend junk).
    if b"%PDF-" in head:
        mismatch("pdf")
        return "pdf", warnings
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = _zip_kind(path)
        if kind == "docx":
            mismatch("docx")
            return "docx", warnings
        if kind is None:
            if suffix == ".docx":
                raise ReportError("corrupt", "Word 文档已损坏（文件不完整或不是有效的 .docx 压缩包），无法打开。"
                                  "请重新获取原文件或在 Word 中打开后另存。", path)
            raise ReportError("corrupt", f"文件已损坏：内容是不完整的压缩包，无法打开。{SUPPORTED_TEXT}。", path)
        raise _unsupported(path, kind)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise _unsupported(path, "图片（WebP）")
    if head.startswith(_MAGIC_UNSUPPORTED[0][0]) and _is_encrypted_office(path):
        raise ReportError("encrypted", "该 Word 文档已设置打开密码（已加密），无法导入。请在 Word/WPS 中输入密码打开，"
                          "取消密码后另存为 .docx 再导入。", path)
    for magic, what in _MAGIC_UNSUPPORTED:
        if head.startswith(magic):
            if suffix == ".txt" and magic == b"BM":
                break  # "BM" is too short a magic to overrule a .txt name (a text may start with "BM")
            raise _unsupported(path, what)
    if suffix == ".pdf":
        raise ReportError("corrupt", "文件扩展名是 .pdf，但内容不是 PDF（缺少 %PDF 文件头），可能已损坏或被改名。", path)
    if suffix == ".docx":
        raise ReportError("corrupt", "文件扩展名是 .docx，但内容不是 Word 文档（不是有效的 .docx 压缩包），可能已损坏或被改名。", path)
    if suffix == ".txt":
        return "txt", warnings
    raise _unsupported(path, _SUFFIX_NAMES.get(suffix, f"“{suffix or '无扩展名'}”类型的文件"))
