"""OCR results on disk, keyed by the file's content hash, so reopening a scan is instant.

One small JSON file per page under ``<user cache>/ocr/<sha256>/``: a cancelled or crashed import
keeps the pages already read, and a changed engine (``ENGINE_ID``) or render resolution never reads
an old result. A damaged cache file is ignored (and overwritten), never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from core.ocr.engine import ENGINE_ID
from core.ocr.page import RENDER_DPI, OcrPageText
from core.paths import cache_dir


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class OcrCache:
    def __init__(self, sha256: str, root: Path | None = None) -> None:
        self.folder = (root or cache_dir() / "ocr") / sha256
        self._tag = f"{ENGINE_ID}-{int(RENDER_DPI)}dpi"

    def _file(self, index: int) -> Path:
        return self.folder / f"{self._tag}-p{index}.json"

    def get(self, index: int) -> OcrPageText | None:
        try:
            with open(self._file(index), encoding="utf-8") as f:
                return OcrPageText.from_json(json.load(f))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, index: int, page: OcrPageText) -> None:
        """Write atomically; a cache that cannot be written only costs speed next time."""
        target = self._file(index)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(page.to_json(), f, ensure_ascii=False)
            os.replace(tmp, target)
        except OSError:
            pass
