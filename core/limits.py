"""What one input file may cost, in one place, with the reason for each number.

A report is a few dozen pages: 5,000-60,000 characters, a few hundred figures, a PDF of a few MB.
Every limit below is one to two orders of magnitude above the largest real report we have seen,
so it only ever stops files that are broken or built to hurt (reference cycles, zip bombs,
compressed-stream bombs, million-digit lines). Each refusal is a ``ReportError`` with a Chinese
message; the parse itself runs in a child process (``core.analysis_worker``) that is killed when it
exceeds the time or memory limit.
"""
from __future__ import annotations

import os
import time

from core.errors import ReportError

MB = 1024 * 1024

# -- time --------------------------------------------------------------------------------------
# A 300-page text PDF parses in about a minute on a slow office PC (pdfplumber ~0.2 s/page); a
# file that runs longer than this is looping (a reference cycle made pdfminer loop forever).
PARSE_TIME_BASE_S = 60.0
PARSE_TIME_PER_MB_S = 20.0  # big files are allowed proportionally longer ...
PARSE_TIME_PER_PAGE_S = 2.0  # ... and once the parser has counted the pages, 2 s for each ...
PARSE_TIME_MAX_S = 15 * 60.0  # ... up to a quarter of an hour
PARSE_STALL_S = 120.0  # no page takes two minutes: this long without progress is a loop
TIME_LIMIT_ENV = "REPORTDESK_PARSE_TIME_LIMIT"  # seconds; overrides the rules above (tests, slow PCs)

# -- memory ------------------------------------------------------------------------------------
# Address-space limit of the parser child (POSIX RLIMIT_AS). Parsing every seed fixture in one
# child peaks at 236 MB of address space (79 MB resident), a 300-page, 8 MB PDF (a seed repeated
# 20 times) at 256 MB (171 MB resident, 8 s on a busy machine); 1 GiB keeps a bomb from taking the machine while leaving room for
# a real 500-page report. Windows has no RLIMIT_AS: there the input-size checks below and the time
# limit are the guard.
PARSER_MEMORY_BYTES = 1024 * MB

# -- input size --------------------------------------------------------------------------------
MAX_INPUT_BYTES = 300 * MB  # a report with many photos is tens of MB
MAX_TXT_BYTES = 64 * MB

# DOCX is a zip: python-docx reads every part fully into memory and lxml builds a tree of the
# body, roughly 10x the XML size. The declared (central directory) sizes bound what zipfile will
# ever inflate (it stops at the declared size and then fails the CRC), so checking them before
# python-docx opens the package is a sound guard.
MAX_DOCX_XML_BYTES = 40 * MB  # one XML part (document.xml of a 300-page report is ~5 MB)
MAX_DOCX_TOTAL_BYTES = 300 * MB  # all parts together, pictures included
MAX_ZIP_RATIO = 100  # XML compresses ~5-20x; a part over 1 MB inflating >100x is padding
ZIP_RATIO_MIN_BYTES = 1 * MB

# PDF: each compressed stream is inflated in a bounded pre-scan before the parser sees the file.
# Page content and fonts are kilobytes to a few MB; pictures are skipped (the parser never
# decodes them).
MAX_PDF_STREAM_BYTES = 64 * MB
MAX_PDF_STREAMS_TOTAL_BYTES = 512 * MB

# -- extracted text ----------------------------------------------------------------------------
MAX_DOCUMENT_CHARS = 2_000_000  # ~ 1,000 dense pages; detection takes ~2 s at this size
MAX_PAGE_CHARS = 30_000  # a dense A4 page in small type holds ~5,000 characters
MAX_FIGURES = 20_000  # a report has a few hundred figures; nobody can review 20,000


def _time_override() -> float | None:
    value = os.environ.get(TIME_LIMIT_ENV)
    try:
        return max(0.1, float(value)) if value else None
    except ValueError:
        return None


def parse_time_limit(size_bytes: int) -> float:
    """Seconds one file of ``size_bytes`` may take before the parser has reported its pages."""
    override = _time_override()
    if override is not None:
        return override
    return min(PARSE_TIME_MAX_S, PARSE_TIME_BASE_S + PARSE_TIME_PER_MB_S * size_bytes / MB)


class ParseClock:
    """How long one parse may still run: a budget from the file size, raised when the parser
    reports a page count (a 400-page report legitimately needs minutes), and a stall limit.
    A ``fixed`` limit (argument or ``REPORTDESK_PARSE_TIME_LIMIT``) replaces all three."""

    def __init__(self, size_bytes: int, fixed: float | None = None) -> None:
        self.start = self.last_news = time.monotonic()
        fixed = fixed if fixed is not None else _time_override()
        self.fixed = fixed is not None
        self.budget = fixed if fixed is not None else parse_time_limit(size_bytes)

    def news(self, pages: int) -> None:
        """The parser reported progress; ``pages`` is its page total (1 when unknown)."""
        self.last_news = time.monotonic()
        if not self.fixed and pages > 1:
            self.budget = max(self.budget, min(PARSE_TIME_MAX_S, PARSE_TIME_BASE_S + PARSE_TIME_PER_PAGE_S * pages))

    def allow(self, seconds: float) -> None:
        """The parser starts a slow step it has announced (OCR of one scanned page, see
        ``core.ocr.budget``): that much more time, and no stall verdict before it has had it.
        A fixed limit stays fixed."""
        if self.fixed:
            return
        self.budget += seconds
        self.last_news = max(self.last_news, time.monotonic() + seconds - PARSE_STALL_S)

    def remaining(self) -> float:
        now = time.monotonic()
        left = self.start + self.budget - now
        if not self.fixed:
            left = min(left, self.last_news + PARSE_STALL_S - now)
        return left

    def error(self, path: str) -> ReportError:
        if not self.fixed and self.last_news + PARSE_STALL_S <= time.monotonic():
            return timeout_error(path, PARSE_STALL_S, stalled=True)
        return timeout_error(path, self.budget)


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB"


def timeout_error(path: str, seconds: float, stalled: bool = False) -> ReportError:
    what = f"超过 {seconds:.0f} 秒没有任何进展" if stalled else f"超过 {seconds:.0f} 秒仍未完成"
    return ReportError("timeout", f"解析该文件{what}，已停止（文件结构可能有循环或已损坏）。"
                       "请在 Word/WPS 或 PDF 阅读器中打开后另存为新文件再导入。", path)


def memory_error(path: str, limit: int | None = None) -> ReportError:
    return ReportError("too_large", f"解析该文件所需内存超过 {_mb(limit or PARSER_MEMORY_BYTES)} 的上限，已停止"
                       "（文件过大或含有异常压缩的数据）。", path)


def check_input_size(path: str, size: int) -> None:
    if size > MAX_INPUT_BYTES:
        raise ReportError("too_large", f"文件有 {_mb(size)}，超过 {_mb(MAX_INPUT_BYTES)} 的上限，不像是一份报告，已停止导入。", path)


def check_document(document) -> None:
    """Refuse a text too long to be a report, or a page holding far more text than a page can."""
    n = len(document.text)
    if n > MAX_DOCUMENT_CHARS:
        raise ReportError("too_large", f"文件中的文字有 {n:,} 个字符，超过 {MAX_DOCUMENT_CHARS:,} 字的上限，"
                          "不像是一份报告，已停止导入。", document.source)
    per_page: dict[int, int] = {}
    for block in document.blocks:
        if block.page is not None:
            per_page[block.page] = per_page.get(block.page, 0) + block.end - block.start
    for page, count in sorted(per_page.items()):
        if count > MAX_PAGE_CHARS:
            raise ReportError("too_large", f"PDF 第 {page + 1} 页有 {count:,} 个字符，超过每页 {MAX_PAGE_CHARS:,} 字的上限"
                              "（正常页面只有几千字），文件异常，已停止导入。", document.source)


def check_figures(count: int, path: str | None) -> None:
    if count > MAX_FIGURES:
        raise ReportError("too_large", f"识别出 {count:,} 个数字，超过每份报告 {MAX_FIGURES:,} 个的上限"
                          "（正常报告只有几百个），文件异常，已停止导入。", path)
