"""Offline OCR of scanned PDF pages (image-only pages, or pages whose text layer is garbage).

* :mod:`engine`  - the recogniser (PP-OCRv4 ONNX models shipped in the rapidocr-onnxruntime wheel)
* :mod:`seal`    - red seals turned to background before recognition
* :mod:`page`    - render a page, recognise, convert pixels to PDF points
* :mod:`cache`   - results per page by file hash in the user cache folder
* :mod:`reader`  - the hook the PDF importer calls for each page needing OCR
* :mod:`spans`, :mod:`review` - which text is OCR'd (line confidence) and notes on weak figures

Runs inside the parser child process (``core.analysis_worker``), page by page: progress is
reported per page by the importer, cancel ends the child, and each page asks for its own time
allowance (:mod:`budget`).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.ocr.reader import PdfOcr

OFF_ENV = "REPORTDESK_OCR"  # "0"/"off": scans are refused as before (tests of that path, slow PCs)


def enabled() -> bool:
    if os.environ.get(OFF_ENV, "").strip().lower() in ("0", "off", "no", "false"):
        return False
    from core.ocr.engine import available

    return available()


def pdf_reader(path: str):
    """The OCR hook for ``path`` (a :class:`LazyPdfOcr`), or None when OCR is off."""
    if not enabled():
        return None
    return LazyPdfOcr(path)


class LazyPdfOcr:
    """A :class:`core.ocr.reader.PdfOcr` made on the first page that needs OCR.

    Why: the reader's modules (cache, rendering, spans) and their patterns cost 15-20 ms to import,
    and a PDF with a text layer on every page -- most reports -- never calls the hook.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.reader: PdfOcr | None = None  # made when a page first needs OCR

    def __call__(self, pdf, index: int, size: tuple[float, float]) -> list[tuple]:
        if self.reader is None:
            from core.ocr.reader import PdfOcr

            self.reader = PdfOcr(self.path)
        return self.reader(pdf, index, size)

    @property
    def unavailable(self) -> bool:
        return self.reader is not None and self.reader.unavailable

    def finish(self, document) -> None:
        """Mark OCR text and add the notes (nothing to do when no page was OCR'd)."""
        if self.reader is not None:
            self.reader.finish(document)
