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
    has_image: bool = False  # draws an image (or a form XObject, as scanners wrap their images)
    rules: tuple[int, int] = (0, 0)  # horizontal and vertical ruling lines: a table may be here


def _address(ptr) -> int:
    """The plain address of a PDFium function or handle (ctypes says ``int | None``: None is NULL)."""
    value = ctypes.cast(ptr, ctypes.c_void_p).value
    if not value:
        raise ValueError("PDFium gave a NULL pointer")
    return value


def _by_address(fn, restype, *argtypes):
    """The same PDFium function, taking and returning plain addresses (ints): no ctypes pointer
    objects per call, and handles compare with ``==``. Hot loop only."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))


_VP, _F, _PF = ctypes.c_void_p, ctypes.c_float, ctypes.POINTER(ctypes.c_float)
_GET_TEXT_OBJECT = _by_address(pdfium_c.FPDFText_GetTextObject, _VP, _VP, ctypes.c_int)
_GET_FONT = _by_address(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_GET_DESCENT = _by_address(pdfium_c.FPDFFont_GetDescent, ctypes.c_int, _VP, _F, _PF)
_GLYPH_WIDTH = _by_address(pdfium_c.FPDFFont_GetGlyphWidth, ctypes.c_int, _VP, ctypes.c_uint, _F, _PF)
_CHAR_ORIGIN = _by_address(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int, _VP, ctypes.c_int,
                           ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_double))


_PU = ctypes.POINTER(ctypes.c_uint)
_FONT_SIZE = _by_address(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, ctypes.c_int)
_FILL_COLOR = _by_address(pdfium_c.FPDFText_GetFillColor, ctypes.c_int, _VP, ctypes.c_int, _PU, _PU, _PU, _PU)
_TEXT_MATRIX = _by_address(pdfium_c.FPDFText_GetMatrix, ctypes.c_int, _VP, ctypes.c_int, ctypes.POINTER(pdfium_c.FS_MATRIX))


_ObjInfo = tuple[float, float, bool, int | None, bool]  # size, descent, red, font, upright


class _FontCache:
    """Per text object: size, descent, colour, font, upright; per (font, character): advance width."""

    def __init__(self) -> None:
        self.obj_info: dict[int, _ObjInfo] = {}
        self.widths: dict[tuple[int | None, int, float], float | None] = {}  # font None: no font
        self.descents: dict[tuple[int, float], float] = {}
        self._f = ctypes.c_float()
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._rgba_refs = [ctypes.byref(v) for v in self._rgba]
        self._m = pdfium_c.FS_MATRIX()
        self._m_ref = ctypes.byref(self._m)

    def info(self, textpage: int, index: int, obj: int) -> _ObjInfo:
        """``textpage``: the text page's address; ``obj``: the char's text object's address."""
        got = self.obj_info.get(obj)
        if got is None:
            size = _FONT_SIZE(textpage, index)
            font = _GET_FONT(obj)
            key = (font, size)
            descent = self.descents.get(key)
            if descent is None:
                descent = 0.0
                if font and _GET_DESCENT(font, size, ctypes.byref(self._f)):
                    descent = -min(0.0, self._f.value)
                self.descents[key] = descent
            red = False
            if _FILL_COLOR(textpage, index, *self._rgba_refs):
                r, g, b = self._rgba[0].value, self._rgba[1].value, self._rgba[2].value
                red = r >= 150 and g <= 90 and b <= 90
            m = self._m
            upright = not _TEXT_MATRIX(textpage, index, self._m_ref) or (
                abs(m.b) < 1e-6 and abs(m.c) < 1e-6 and m.a > 0 and m.d > 0)
            got = (size, descent, red, font, upright)
            self.obj_info[obj] = got
        return got

    def advance(self, font: int | None, code: int, size: float) -> float | None:
        key = (font, code, size)
        if key not in self.widths:
            ok = font and _GLYPH_WIDTH(font, code, size, ctypes.byref(self._f))
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
        left, bottom, right, top = page.get_mediabox()
        rotation = page.get_rotation() % 360
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        text = page_text(textpage.raw, count)
        units = _char_units(textpage.raw, text, count)
        raw = textpage.raw
        address = _address(raw)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        origin_x, origin_y = ctypes.byref(ox), ctypes.byref(oy)
        chars, red_flags = out.chars, out.red
        last_obj: int | None = None
        info: _ObjInfo = (0.0, 0.0, False, None, True)  # set at the first character
        widths: dict[tuple, float | None] = {}
        for i in range(count):
            ch = units[i]
            obj = _GET_TEXT_OBJECT(address, i)
            if not obj or (ch == " " and pdfium_c.FPDFText_IsGenerated(raw, i)):
                continue  # generated by PDFium (a line break or an inferred space): not in the file
            if obj != last_obj:
                info, last_obj = cache.info(address, i, obj), obj
            size, descent, red, font, upright = info
            if not ch or ch < " " or ch in ("\ufffe", "\uffff"):
                ch = _UNMAPPED
            if not upright or rotation:  # rotated text or page: PDFium's box, turned to the page as shown
                box = _shown_box(raw, i, rotation, left, bottom, right, top)
                if box:
                    chars.append((ch, *box, size))
                    red_flags.append(red)
                    out.unmapped += ch == _UNMAPPED
                continue
            _CHAR_ORIGIN(address, i, origin_x, origin_y)
            x0 = ox.value - left
            base = top - oy.value
            if ch == _UNMAPPED:
                out.unmapped += 1
                adv = None
            else:
                adv = widths.get((font, ch, size), 0.0)
                if adv == 0.0:
                    adv = widths[(font, ch, size)] = cache.advance(font, ord(ch[0]), size)
            if adv is None:
                adv = _loose_width(raw, i) or size
            chars.append((ch, x0, base - size, x0 + adv, base + descent, size))
            red_flags.append(red)
    finally:
        textpage.close()
    # On a rotated page the whitespace-only runs are left out (their origin is not turned); the
    # layout never needs them, and images and rules are counted all the same.
    scan = PageChars() if rotation else out
    _scan_objects(page, cache, left, top, scan)
    out.has_image, out.rules = scan.has_image, scan.rules
    return out


def _shown_box(textpage, index: int, rotation: int, left: float, bottom: float, right: float, top: float):
    """``(x0, top, x1, bottom)`` of a char as the page is shown (``/Rotate`` applied), top-left origin."""
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
        return None
    w, h = right - left, top - bottom
    corners = []
    for x, y in ((rect.left, rect.top), (rect.right, rect.bottom)):
        u, v = x - left, top - y  # unrotated, from the top left
        if rotation == 90:
            u, v = h - v, u
        elif rotation == 180:
            u, v = w - u, h - v
        elif rotation == 270:
            u, v = v, w - u
        corners.append((u, v))
    (a, b), (c, d) = corners
    return min(a, c), min(b, d), max(a, c), max(b, d)


def _char_units(textpage, text: str, count: int) -> list[str]:
    """One string per PDFium char index.

    ``FPDFText_GetText`` gives one UTF-16 unit pair per index for a character outside the BMP, which
    decodes to one ``str`` character; when the lengths still disagree (a platform whose PDFium keeps
    surrogate halves as separate indices) ask per character instead.
    """
    if len(text) == count:
        return list(text)
    return [chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count)]


_GET_OBJECT = _by_address(pdfium_c.FPDFPage_GetObject, _VP, _VP, ctypes.c_int)
_OBJECT_TYPE = _by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, _VP)
_BOUNDS = _by_address(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, _VP, _PF, _PF, _PF, _PF)
_RULE = 2.0  # a filled or stroked path at most this thick (pt) and over 10 pt long is a rule


def _scan_objects(page: pdfium.PdfPage, cache: _FontCache, left: float, top: float, out: PageChars) -> None:
    """One pass over the page's top-level objects: images, ruling lines, whitespace-only text.

    PDFium's text page skips text objects without width — whitespace-only runs, such as the
    space between "》" and "《" that LibreOffice writes as a run of its own — so one space char is
    added at each such object's origin (its glyphs cannot be read back; a run of several spaces
    counts as one, which is all the layout needs).
    """
    page_addr = ctypes.cast(page.raw, ctypes.c_void_p).value
    matrix = pdfium_c.FS_MATRIX()
    box_l, box_b, box_r, box_t = (ctypes.c_float() for _ in range(4))  # the object's bounds
    bounds = (ctypes.byref(box_l), ctypes.byref(box_b), ctypes.byref(box_r), ctypes.byref(box_t))
    fsize = ctypes.c_float()
    h_rules = v_rules = 0
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = _GET_OBJECT(page_addr, k)
        kind = _OBJECT_TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE or kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            out.has_image = True  # scanners often wrap the page image in a form XObject
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH) or not _BOUNDS(obj, *bounds):
            continue
        w, h = box_r.value - box_l.value, box_t.value - box_b.value
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if h <= _RULE and w > 10:
                h_rules += 1
            elif w <= _RULE and h > 10:
                v_rules += 1
            elif w > 10 and h > 10:  # a rectangle: two rules of each kind
                h_rules += 2
                v_rules += 2
            continue
        if abs(w) >= 0.01:
            continue
        ptr = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
        if not (pdfium_c.FPDFPageObj_GetMatrix(ptr, ctypes.byref(matrix))
                and pdfium_c.FPDFTextObj_GetFontSize(ptr, ctypes.byref(fsize))):
            continue
        size = fsize.value * (matrix.a ** 2 + matrix.b ** 2) ** 0.5
        if size <= 0:
            continue
        font = _GET_FONT(obj)
        adv = cache.advance(font, 32, size) or 0.25 * size
        descent = 0.0
        if font and _GET_DESCENT(font, size, ctypes.byref(fsize)):
            descent = -min(0.0, fsize.value)
        x0, base = matrix.e - left, top - matrix.f
        out.chars.append((" ", x0, base - size, x0 + adv, base + descent, size))
        out.red.append(False)
    out.rules = (h_rules, v_rules)


def _loose_width(textpage, index: int) -> float:
    rect = pdfium_c.FS_RECTF()
    if pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
        return max(0.0, rect.right - rect.left)
    return 0.0
