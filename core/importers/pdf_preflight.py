"""A bounded look at a PDF's compressed streams before any parser inflates them.

A PDF parser inflates a whole content stream in memory before reading it, so one 1 MB stream
that inflates to 1 GB (a "stream bomb") took 2 GB and minutes. This pre-scan finds every
``stream ... endstream`` in the file, inflates the FlateDecode ones piecewise (1 MB of output at a
time, never kept) and refuses the file as soon as one stream, or all together, exceed the limits
of ``core.limits``. Pictures are skipped: the parser never decodes them, and a large photo is
normal. Streams that do not inflate (encrypted, damaged) are left to the parser to judge.

Cost: one pass over the file plus inflating its text streams (~0.1 s for a 5 MB report).
"""
from __future__ import annotations

import mmap
import re
import zlib

from core import limits
from core.errors import ReportError

_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/FlateDecode|/Fl\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_OUT_STEP = 1024 * 1024
_IN_STEP = 64 * 1024
_DICT_LOOKBACK = 4096


def _inflated_size(data, start: int, end: int, cap: int) -> int:
    """Bytes the zlib stream in ``data[start:end]`` inflates to, counting stops above ``cap``."""
    inflater = zlib.decompressobj()
    total = 0
    pos = start
    try:
        while pos < end and not inflater.eof:
            chunk = inflater.unconsumed_tail or data[pos:min(pos + _IN_STEP, end)]
            if not inflater.unconsumed_tail:
                pos += len(chunk)
            total += len(inflater.decompress(chunk, _OUT_STEP))
            while inflater.unconsumed_tail and total <= cap:
                total += len(inflater.decompress(inflater.unconsumed_tail, _OUT_STEP))
            if total > cap:
                return total
    except zlib.error:
        pass  # damaged or encrypted: the parser reports it
    return total


def check_pdf_streams(path: str) -> None:
    """Raise ``ReportError("too_large")`` for a PDF with a compressed stream bomb."""
    with open(path, "rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file: the caller reports it
            return
    with data:
        total = 0
        pos = 0
        while True:
            m = _STREAM.search(data, pos)
            if m is None:
                return
            start = m.end()
            end = data.find(b"endstream", start)
            if end < 0:
                end = len(data)
            pos = max(end, start)
            head = data[max(0, m.start() - _DICT_LOOKBACK):m.start()]
            head = head[head.rfind(b"obj") + 1:] if b"obj" in head else head
            if m.start() >= 3 and data[m.start() - 3:m.start()] == b"end":
                continue  # the "stream" of an "endstream" keyword
            if not _FLATE.search(head) or _IMAGE.search(head):
                continue
            size = _inflated_size(data, start, end, limits.MAX_PDF_STREAM_BYTES)
            if size > limits.MAX_PDF_STREAM_BYTES:
                raise ReportError("too_large", f"PDF 中有一段压缩数据解压后超过 {limits.MAX_PDF_STREAM_BYTES // limits.MB} MB"
                                  "（正常报告每段只有几 KB 到几 MB），可能是恶意构造的压缩炸弹，已停止导入。", path)
            total += size
            if total > limits.MAX_PDF_STREAMS_TOTAL_BYTES:
                raise ReportError("too_large", f"PDF 中的压缩数据解压后共超过 {limits.MAX_PDF_STREAMS_TOTAL_BYTES // limits.MB} MB"
                                  "，远超正常报告，已停止导入。", path)
