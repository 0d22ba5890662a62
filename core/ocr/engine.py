"""The recogniser: PP-OCRv6 (small) detection + recognition, ONNX, through ``rapidocr``.

Why this engine (measured in ``bench/bench_ocr.py``; numbers in the README): the models ship
inside the ``rapidocr`` wheel, so nothing is downloaded at run time; on scanned report pages it
made no error on a Chinese character or a digit (only full/half-width bracket and dash variants),
ahead of the PP-OCRv4 models of ``rapidocr-onnxruntime`` (which also drags in the full OpenCV build
with its own Qt libraries) and of Tesseract chi_sim (which read "%" as "9" and cannot be bundled on
Windows from a wheel). It gives a box and a confidence for every character, which the viewer needs
to highlight a figure on the scanned image.

The angle classifier is off: PDF pages are shown upright (PDFium applies /Rotate), and on upright
pages the classifier turned some lines upside down, which lost or garbled them (a line starting
with “ came back as “半，“日中，“).

The engine is loaded once per process (1-2 s) and reused for every page.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is loaded with the engine, not by a text PDF's import
    import numpy as np

ENGINE_ID = "rapidocr3-ppocrv6s-nocls-4"  # part of the cache key: change it when the results change


@dataclass
class OcrChar:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass
class OcrLine:
    """One recognised text line; coordinates in pixels of the image it was read from."""

    text: str
    confidence: float
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[OcrChar] = field(default_factory=list)


class OcrUnavailable(RuntimeError):
    """The OCR package (or its native libraries) cannot be loaded on this machine."""


_lock = threading.Lock()
_engine = None


def available() -> bool:
    """True when the recogniser can be imported (without loading its models)."""
    try:
        import importlib.util

        return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def _load():
    global _engine
    with _lock:
        if _engine is None:
            try:
                import logging

                from rapidocr import RapidOCR

                _engine = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})
                # rapidocr logs in English on the console; the app speaks Chinese.
                logging.getLogger("RapidOCR").setLevel(logging.ERROR)
            except Exception as exc:
                raise OcrUnavailable(str(exc)) from exc
        return _engine


def recognise(image: np.ndarray) -> list[OcrLine]:
    """Text lines of an (H, W, 3) uint8 image, top to bottom, each with one box per character."""
    result = _load()(image, use_cls=False, return_word_box=True, return_single_char_box=True)
    if result.boxes is None or not result.txts:
        return []
    words = result.word_results if len(result.word_results) == len(result.txts) else [()] * len(result.txts)
    lines = []
    for quad, text, score, chars in zip(result.boxes, result.txts, result.scores, words, strict=True):
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        line = OcrLine(text, float(score), min(xs), min(ys), max(xs), max(ys))
        line.chars = _chars(line, chars or ())
        if line.chars:
            lines.append(line)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _chars(line: OcrLine, tokens) -> list[OcrChar]:
    """One box per character of the line (spaces between words are left to the layout code).

    rapidocr gives ``(token, confidence, 4-point box)`` per recognised token (one character, or a
    latin run); a token of several characters is split evenly. When the tokens do not spell the
    line (not seen so far, but cheap to guard) the line box is split evenly instead.
    """
    squeeze = line.text.replace(" ", "")
    if tokens and all(t and len(t) == 3 and t[2] is not None for t in tokens) and \
            "".join(t[0] for t in tokens).replace(" ", "") == squeeze:
        out: list[OcrChar] = []
        for word, conf, box in tokens:
            xs = [float(p[0]) for p in box]
            x0, x1 = min(xs), max(xs)
            step = (x1 - x0) / max(len(word), 1)
            for k, ch in enumerate(word):
                if ch.strip():
                    out.append(OcrChar(ch, x0 + k * step, line.top, x0 + (k + 1) * step,
                                       line.bottom, float(conf)))
        return out
    step = (line.x1 - line.x0) / max(len(squeeze), 1)
    return [OcrChar(ch, line.x0 + k * step, line.top, line.x0 + (k + 1) * step, line.bottom,
                    line.confidence) for k, ch in enumerate(squeeze)]
