"""One PDF page -> recognised lines and characters in PDF points.

The page is rendered as PDFium shows it (rotation applied), in colour so red seals can be told
from black print (:mod:`core.ocr.seal`), at ``RENDER_DPI``: scans are usually made at 150-300 dpi,
body text (三号/四号, 14-16 pt) is then 30+ px tall, which is what the recogniser is trained on;
rendering finer only costs time.

Output coordinates are the text layer's: points from the shown page's top left, so a highlight
drawn from these boxes lands on the scanned image exactly as on a text PDF.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from statistics import median
from typing import TYPE_CHECKING

from core.ocr import engine

if TYPE_CHECKING:  # numpy and OpenCV load on the first scanned page, not with every PDF
    import numpy as np

RENDER_DPI = 150.0
MAX_PIXELS = 12_000_000  # an A4 page at 150 dpi is 2.2 MP; a poster-sized page is rendered coarser
# Lines within 30% of the page's typical line height are body text of one size: a line holding （）
# or “” comes back up to ~25% taller; a title (二号/小标宋 over 三号 body) is ~40% bigger.
_SAME_SIZE = 0.3
_EM_PER_BOX = 0.92  # a detected line box is ~1.08 em tall (16 pt print -> 17.3 pt box)
_OPENING = set("（“‘《〈〔【［｛「『")  # ink on the right half of the em box
_CLOSING = set("）”’》〉〕】］｝」』，。、；：！？")  # ink on the left half
_CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e]")
_FULL = {"(": "（", ")": "）"}
# "— 3 —" page numbers: the recogniser reads the dashes as 一 (one), which hides the line from the
# running-footer check; a line that is only a number between dashes gets real dashes back.
_PAGE_NUMBER = re.compile(r"^[一—–\-－]{1,3}\s*\d{1,4}\s*[一—–\-－]{1,3}$")


@dataclass
class OcrPageText:
    """What OCR read on one page (points, page top-left origin)."""

    lines: list[dict] = field(default_factory=list)  # {text, confidence, x0, top, x1, bottom, size, chars}
    seals: int = 0  # red seals cleaned before recognition

    def char_tuples(self) -> list[tuple]:
        """Characters as the PDF layout code takes them: (text, x0, top, x1, bottom, size)."""
        return [(c[0], c[1], ln["top"], c[2], ln["bottom"], ln["size"])
                for ln in self.lines for c in ln["chars"]]

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> OcrPageText:
        return cls(lines=list(data["lines"]), seals=int(data.get("seals", 0)))


def render(pdf, index: int, dpi: float = RENDER_DPI) -> tuple[np.ndarray, float]:
    """RGB (H, W, 3) uint8 image of page ``index`` as shown, and the resolution it has."""
    import numpy as np

    page = pdf[index]
    try:
        width, height = page.get_size()
        pixels = (width * dpi / 72.0) * (height * dpi / 72.0)
        if pixels > MAX_PIXELS:
            dpi *= (MAX_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=dpi / 72.0)
        image = np.asarray(bitmap.to_pil().convert("RGB"))
    finally:
        page.close()
    return image, dpi


def recognise_image(rgb: np.ndarray, dpi: float = RENDER_DPI) -> OcrPageText:
    """Seals out, recognise, pixels -> points; line sizes made uniform for the paragraph joiner."""
    from core.ocr.seal import suppress_seals

    clean, seals = suppress_seals(rgb, dpi)
    lines = engine.recognise(clean)
    k = 72.0 / dpi
    out = OcrPageText(seals=seals)
    heights = [(ln.bottom - ln.top) * k for ln in lines]
    typical = median(heights) if heights else 0.0
    for ln, height in zip(lines, heights, strict=True):
        _fullwidth_brackets(ln)
        _em_boxes(ln)
        if _PAGE_NUMBER.match(ln.text):
            ln.text = ln.text.replace("一", "—")
            for c in ln.chars:
                c.text = c.text.replace("一", "—")
        out.lines.append({
            "text": ln.text,
            "confidence": round(ln.confidence, 4),
            "x0": ln.x0 * k, "top": ln.top * k, "x1": ln.x1 * k, "bottom": ln.bottom * k,
            "size": _size(height, typical),
            # per character: [text, x0, x1, confidence]; top/bottom are the line's
            "chars": [[c.text, c.x0 * k, c.x1 * k, round(c.confidence, 4)] for c in ln.chars],
        })
    return out


def _fullwidth_brackets(line: engine.OcrLine) -> None:
    """The recogniser writes （一） as (一); Chinese print uses full-width brackets next to Chinese."""
    chars = line.chars
    changed = False
    for k, c in enumerate(chars):
        if c.text in _FULL:
            near = "".join(chars[j].text for j in (k - 1, k + 1) if 0 <= j < len(chars))
            if _CJK.search(near):
                c.text = _FULL[c.text]
                changed = True
    if changed:
        line.text = "".join(c.text for c in chars)


def _em_boxes(line: engine.OcrLine) -> None:
    """Full-width punctuation gets its whole em box, as a text layer gives it.

    The recogniser boxes the ink, and the ink of （ or “ sits in the right half of its em: a line
    starting with （ then looks indented by half a character, and the paragraph joiner broke the
    paragraph there ("…26件" / "（主办件15件…" came apart).
    """
    em = (line.bottom - line.top) * _EM_PER_BOX
    for c in line.chars:
        if c.x1 - c.x0 < em:
            if c.text in _OPENING:
                c.x0 = c.x1 - em
            elif c.text in _CLOSING:
                c.x1 = c.x0 + em
    line.x0 = min(line.x0, line.chars[0].x0)


def _size(height: float, typical: float) -> float:
    """Type size of a line from its box height.

    The paragraph joiner only joins lines of the same size, and detected box heights wobble by a
    few pixels from line to line; body lines (close to the page's median height) therefore all get
    the median, and only clearly bigger or smaller lines (titles, notes) keep their own size.
    """
    if typical and abs(height - typical) <= _SAME_SIZE * typical:
        height = typical
    return round(height * _EM_PER_BOX, 1)
