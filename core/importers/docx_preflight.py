"""Check a .docx package's declared sizes before python-docx inflates any part.

python-docx reads every part of the package fully into memory and lxml then builds a tree of the
body (~10x the XML). A 1 MB .docx whose document.xml inflates to 300 MB ran 5 minutes at 6.3 GB.
``zipfile`` never inflates more than an entry's declared size (it stops there and fails the CRC),
so the declared sizes in the central directory are a sound bound: refuse when one XML part, all
parts together, or the inflation ratio of a large part exceed ``core.limits``.
"""
from __future__ import annotations

import zipfile

from core import limits
from core.errors import ReportError

MAX_ENTRIES = 10_000  # a report package has a few dozen parts

_BOMB = "可能是恶意构造的压缩炸弹，已停止导入。"


def check_docx_package(path: str) -> None:
    """Raise ``ReportError("too_large")`` for a package that would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx reports the damage in its own words
    if len(infos) > MAX_ENTRIES:
        raise ReportError("too_large", f"Word 文档内部有 {len(infos):,} 个部件，远超正常文档，{_BOMB}", path)
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        name = info.filename
        if name.endswith((".xml", ".rels")) and size > limits.MAX_DOCX_XML_BYTES:
            raise ReportError("too_large", f"Word 文档中的 {name} 解压后有 {size / limits.MB:,.0f} MB，超过 "
                              f"{limits.MAX_DOCX_XML_BYTES // limits.MB} MB 的上限（正常报告只有几 MB），{_BOMB}", path)
        if size > limits.ZIP_RATIO_MIN_BYTES and size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ReportError("too_large", f"Word 文档中的 {name} 压缩比异常（{size / max(info.compress_size, 1):,.0f} 倍，"
                              f"正常文档不超过几十倍），{_BOMB}", path)
    if total > limits.MAX_DOCX_TOTAL_BYTES:
        raise ReportError("too_large", f"Word 文档解压后共 {total / limits.MB:,.0f} MB，超过 "
                          f"{limits.MAX_DOCX_TOTAL_BYTES // limits.MB} MB 的上限，{_BOMB}", path)
