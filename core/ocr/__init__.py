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

OFF_ENV = "REPORTDESK_OCR"  # "0"/"off": scans are refused as before (tests of that path, slow PCs)


def enabled() -> bool:
    if os.environ.get(OFF_ENV, "").strip().lower() in ("0", "off", "no", "false"):
        return False
    from core.ocr.engine import available

    return available()


def pdf_reader(path: str):
    """The OCR hook for ``path`` (a :class:`core.ocr.reader.PdfOcr`), or None when OCR is off."""
    if not enabled():
        return None
    from core.ocr.reader import PdfOcr

    return PdfOcr(path)
