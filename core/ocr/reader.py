"""The OCR step of PDF import: the ``ocr`` hook of :func:`core.importers.pdf_importer.load_pdf`.

For each page the importer marks as needing OCR (no text layer, or a garbage one) it returns the
recognised characters, from the cache when this file was read before. After the import,
:meth:`PdfOcr.finish` marks which text came from OCR (per line, with confidence) and adds the
reviewer's notes.
"""
from __future__ import annotations

from core.document import Document
from core.ocr import budget, engine
from core.ocr.cache import OcrCache, file_sha256
from core.ocr.page import OcrPageText, recognise_image, render
from core.ocr.spans import ocr_spans


class PdfOcr:
    """Callable hook ``(pdfium document, page index, size) -> chars`` for one PDF file."""

    def __init__(self, path: str, cache: OcrCache | None = None) -> None:
        self.path = path
        self._cache = cache
        self.pages: dict[int, OcrPageText] = {}
        self.failed: list[int] = []
        self.unavailable = False
        self.from_cache = 0

    def _cache_for_file(self) -> OcrCache:
        if self._cache is None:
            self._cache = OcrCache(file_sha256(self.path))
        return self._cache

    def __call__(self, pdf, index: int, size: tuple[float, float]) -> list[tuple]:
        cache = self._cache_for_file()
        page = cache.get(index)
        if page is not None:
            self.from_cache += 1
        elif self.unavailable:
            return []
        else:
            budget.ask_for_time()
            budget.widen_memory_limit()
            try:
                page = recognise_image(*render(pdf, index))
            except engine.OcrUnavailable:
                self.unavailable = True
                return []
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001 - one unreadable page must not cost the others
                self.failed.append(index)
                return []
            cache.put(index, page)
        self.pages[index] = page
        return page.char_tuples()

    def finish(self, document: Document) -> None:
        """Mark OCR text in ``document`` and add the Chinese notes for the reviewer."""
        from core.ocr.review import ocr_warnings

        document.ocr_lines = ocr_spans(document, self.pages)
        document.warnings.extend(ocr_warnings(document, self))
