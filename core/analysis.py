"""Import + detect in one call: the pipeline the CLI, the store and the GUI worker share."""
from __future__ import annotations

from collections.abc import Callable

from core.document import Document
from core.extraction import Extraction

Progress = Callable[[int, int], None]


def analyze_document(document: Document) -> Extraction:
    from core import limits
    from core.detect import detect

    from core.indicators.mapping import map_extraction

    extraction = detect(document.text, source=document.source, fmt=document.format)
    limits.check_figures(len(extraction.figures), document.source)
    map_extraction(extraction)
    from core.checks import run_checks

    extraction.checks = run_checks(extraction)  # the store saves them with the report
    extraction.warnings[:0] = document.warnings
    if document.ocr_lines:  # scanned pages: name the figures read from weak OCR lines
        from core.ocr.review import flag_weak_figures

        extraction.warnings.extend(flag_weak_figures(document, extraction))
    return extraction


def load_and_analyze(path: str, progress: Progress | None = None) -> tuple[Document, Extraction]:
    """Import ``path`` and detect in it; raises ``ReportError`` for a file that cannot be read."""
    from core.importers import load_document

    document = load_document(path, progress=progress)
    return document, analyze_document(document)


def analyze_file(path: str, progress: Progress | None = None) -> Extraction:
    return load_and_analyze(path, progress)[1]
