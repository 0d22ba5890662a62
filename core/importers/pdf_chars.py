"""Characters of a PDF page from PDFium (pypdfium2): text, one box each, type size and colour.

Why PDFium and not pdfminer: the same characters in about a tenth of the time (pdfminer builds a
Python object per glyph and runs its layout analysis; PDFium does that in C). The boxes are made to
agree with pdfplumber's, which the tests use as the cross-check:

* x: the glyph's origin to origin + advance width (font width x size), as pdfminer computes it.
  PDFium's "loose" box uses the glyph outline instead and is up to 1.7 pt off.
* y: from ``baseline - size`` (pdfminer's em box when the font descriptor says ``/Descent 0``,
  as LibreOffice writes it) down to ``baseline + descent`` (the font's real descent, which
  pdfminer uses when the descriptor gives one). So the box holds both pdfminer's box and the
  printed glyph; highlights drawn from it cover the whole character.
* Spaces: PDFium replaces a real space glyph at the end of a text object by its own "generated"
  space (and generates spaces in gaps where the file has none). A generated space is kept only
  when the text object before it really ends with a space; other generated characters (line
  breaks, invented spaces) are dropped, so the layout code sees what pdfplumber's ``page.chars``
  gives.

A char is the tuple ``(text, x0, top, x1, bottom, size)`` that :mod:`core.importers.pdf_layout`
groups; :class:`PageChars` adds per-char colour flags the layout uses for the red 版头.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_UNMAPPED = "\ufffd"


@dataclass
class PageChars:
    """One page's characters, in content order."""

    chars: list[tuple] = field(default_factory=list)  # (text, x0, top, x1, bottom, size)
    red: list[bool] = field(default_factory=list)  # parallel to chars: filled in a red colour
    unmapped: int = 0  # glyphs PDFium could not map to Unicode (kept as U+FFFD)
    has_image: bool = False  # only looked up for pages with few characters (scan detection)


class _FontCache:
    """Per text object: font, size, descent and colour; per (font, character): advance width."""

    def __init__(self) -> None:
        self.obj_info: dict[int, tuple] = {}
        self.widths: dict[tuple[int, int, float], float | None] = {}
        self._f = ctypes.c_float()
        self._r = ctypes.c_uint()
        self._g = ctypes.c_uint()
        self._b = ctypes.c_uint()
        self._a = ctypes.c_uint()

    def info(self, textpage, index: int, obj) -> tuple:
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        got = self.obj_info.get(key)
        if got is None:
            size = pdfium_c.FPDFText_GetFontSize(textpage, index)
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            descent = 0.0
            if font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(self._f)):
                descent = min(0.0, self._f.value)
            red = False
            if pdfium_c.FPDFText_GetFillColor(textpage, index, ctypes.byref(self._r), ctypes.byref(self._g),
                                              ctypes.byref(self._b), ctypes.byref(self._a)):
                r, g, b = self._r.value, self._g.value, self._b.value
                red = r >= 150 and g <= 90 and b <= 90
            font_key = ctypes.cast(font, ctypes.c_void_p).value or 0
            got = (size, -descent, red, font, font_key)
            self.obj_info[key] = got
        return got

    def advance(self, font, font_key: int, code: int, size: float) -> float | None:
        key = (font_key, code, size)
        if key not in self.widths:
            ok = font and pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(size), ctypes.byref(self._f))
            self.widths[key] = self._f.value if ok and self._f.value > 0 else None
        return self.widths[key]


def page_text(textpage, count: int) -> str:
    """All characters of the text page (generated ones included), one call instead of one each."""
    if count <= 0:
        return ""
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    return buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", "surrogatepass")


def read_page(page: pdfium.PdfPage) -> PageChars:
    """The page's characters with pdfplumber-compatible boxes (see the module notes)."""
    # Per page: PDFium frees a page's objects with the page, and their addresses get reused.
    cache = _FontCache()
    out = PageChars()
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count <= 0:
            return out
        left, bottom, right, top = page.get_mediabox()
        text = page_text(textpage.raw, count)
        units = _char_units(textpage.raw, text, count)
        raw = textpage.raw
        ox, oy = ctypes.c_double(), ctypes.c_double()
        origin_x, origin_y = ctypes.byref(ox), ctypes.byref(oy)
        chars, red_flags = out.chars, out.red
        for i in range(count):
            ch = units[i]
            obj = pdfium_c.FPDFText_GetTextObject(raw, i)
            if not obj or (ch == " " and pdfium_c.FPDFText_IsGenerated(raw, i)):
                continue  # generated by PDFium (a line break or an inferred space): not in the file
            size, descent, red, font, font_key = cache.info(raw, i, obj)
            pdfium_c.FPDFText_GetCharOrigin(raw, i, origin_x, origin_y)
            x0 = ox.value - left
            base = top - oy.value
            if not ch or ch < " " or ch in ("\ufffe", "\uffff"):
                ch = _UNMAPPED
            if ch == _UNMAPPED:
                out.unmapped += 1
                adv = None
            else:
                adv = cache.advance(font, font_key, ord(ch[0]) if ch else 0, size)
            if adv is None:
                adv = _loose_width(raw, i) or size
            chars.append((ch, x0, base - size, x0 + adv, base + descent, size))
            red_flags.append(red)
        for x0, base, size, adv, descent in _blank_objects(page, cache, left, top):
            chars.append((" ", x0, base - size, x0 + adv, base + descent, size))
            red_flags.append(False)
    finally:
        textpage.close()
    return out


def _char_units(textpage, text: str, count: int) -> list[str]:
    """One string per PDFium char index.

    ``FPDFText_GetText`` gives one UTF-16 unit pair per index for a character outside the BMP, which
    decodes to one ``str`` character; when the lengths still disagree (a platform whose PDFium keeps
    surrogate halves as separate indices) ask per character instead.
    """
    if len(text) == count:
        return list(text)
    return [chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count)]


def _blank_objects(page: pdfium.PdfPage, cache: _FontCache, left: float, top: float):
    """Text objects PDFium's text page skips because they have no width: whitespace-only runs.

    Yields ``(x0, baseline, size, advance, descent)`` for one space at each such object's origin
    (the object's own glyphs cannot be read back once PDFium has skipped it; a run of several
    spaces counts as one, which is all the layout needs).
    """
    raw = page.raw
    matrix = pdfium_c.FS_MATRIX()
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    fsize = ctypes.c_float()
    for k in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            continue
        if abs(r.value - l.value) >= 0.01:
            continue
        if not (pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
                and pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize))):
            continue
        size = fsize.value * (matrix.a ** 2 + matrix.b ** 2) ** 0.5
        if size <= 0:
            continue
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        font_key = ctypes.cast(font, ctypes.c_void_p).value or 0
        adv = cache.advance(font, font_key, 32, size) or 0.25 * size
        descent = 0.0
        if font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(fsize)):
            descent = -min(0.0, fsize.value)
        yield matrix.e - left, top - matrix.f, size, adv, descent


def _loose_width(textpage, index: int) -> float:
    rect = pdfium_c.FS_RECTF()
    if pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
        return max(0.0, rect.right - rect.left)
    return 0.0


def page_has_image(page: pdfium.PdfPage) -> bool:
    """True when the page draws at least one image (a scanned page, a picture)."""
    raw = page.raw
    for k in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and pdfium_c.FPDFFormObj_CountObjects(obj) > 0:
            return True  # scanners often wrap the page image in a form XObject
    return False
