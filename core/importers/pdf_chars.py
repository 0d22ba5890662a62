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
    """The same PDFium function, taking and returning plain addresses (ints, 0 for NULL).

    For the per-character loop: handles as ``c_size_t`` skip c_void_p's argument checks, and
    ``PYFUNCTYPE`` keeps the GIL (these accessors return at once; releasing and taking the GIL
    again cost more than the call). Together about 0.37 µs a call instead of 0.5.
    """
    return ctypes.PYFUNCTYPE(restype, *argtypes)(_address(fn))


_H, _I, _D, _F = ctypes.c_size_t, ctypes.c_int, ctypes.c_double, ctypes.c_float
_GET_TEXT_OBJECT = _by_address(pdfium_c.FPDFText_GetTextObject, _H, _H, _I)
_IS_GENERATED = _by_address(pdfium_c.FPDFText_IsGenerated, _I, _H, _I)
_CHAR_ORIGIN = _by_address(pdfium_c.FPDFText_GetCharOrigin, _I, _H, _I, _H, _H)
_FONT_SIZE = _by_address(pdfium_c.FPDFText_GetFontSize, _D, _H, _I)
_FILL_COLOR = _by_address(pdfium_c.FPDFText_GetFillColor, _I, _H, _I, _H, _H, _H, _H)
_TEXT_MATRIX = _by_address(pdfium_c.FPDFText_GetMatrix, _I, _H, _I, _H)
_GET_FONT = _by_address(pdfium_c.FPDFTextObj_GetFont, _H, _H)
_GET_DESCENT = _by_address(pdfium_c.FPDFFont_GetDescent, _I, _H, _F, _H)
_GLYPH_WIDTH = _by_address(pdfium_c.FPDFFont_GetGlyphWidth, _I, _H, ctypes.c_uint, _F, _H)

# Characters PDFium gives for glyphs it cannot map (controls, non-characters): all shown as U+FFFD.
_UNMAPPED_CODES = dict.fromkeys([*range(0x20), 0xFFFE, 0xFFFF], _UNMAPPED)


class FontCache:
    """Advance widths and descents per (font, size), kept from page to page of one document.

    Most glyphs repeat across pages, so a cache per page would ask PDFium again on every page
    (half of all characters were misses). Fonts are keyed by address, and PDFium frees a font
    when the last open page using it closes; its address may then be reused by another font.
    So the reader keeps the previous page open while it reads the next (a font used on both
    keeps its address) and :meth:`next_page` drops every font the page just read did not use.
    """

    def __init__(self) -> None:
        # (font, size) -> (descent, {char: advance width or None}); font 0: the object has none
        self.sizes: dict[tuple[int, float], tuple[float, dict[str, float | None]]] = {}
        self.page_fonts: set[int] = set()  # fonts used on the page being read
        self._f = _F()
        self._f_addr = ctypes.addressof(self._f)

    def next_page(self) -> None:
        """The page just read stays open, the one before it closes: keep only this page's fonts."""
        keep = self.page_fonts
        self.sizes = {k: v for k, v in self.sizes.items() if k[0] in keep}
        self.page_fonts = set()

    def forget(self) -> None:
        """After a page that failed half-way: nothing is known to be alive."""
        self.sizes.clear()
        self.page_fonts.clear()

    def font_size(self, font: int, size: float) -> tuple[float, dict[str, float | None]]:
        """``(descent, widths)`` of a font at a size: descent below the baseline (>= 0)."""
        self.page_fonts.add(font)
        got = self.sizes.get((font, size))
        if got is None:
            descent = 0.0
            if font and _GET_DESCENT(font, size, self._f_addr):
                descent = -min(0.0, self._f.value)
            got = self.sizes[(font, size)] = (descent, {_UNMAPPED: None})  # unmapped: no font width
        return got

    def advance(self, font: int, widths: dict[str, float | None], ch: str, size: float) -> float | None:
        """The advance width of ``ch`` (first code point) in ``font``; None when the font has none."""
        ok = font and _GLYPH_WIDTH(font, ord(ch[0]), size, self._f_addr)
        width = widths[ch] = self._f.value if ok and self._f.value > 0 else None
        return width


def page_text(textpage, count: int) -> str:
    """All characters of the text page (generated ones included), one call instead of one each."""
    if count <= 0:
        return ""
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    return buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", "surrogatepass")


def read_page(page: pdfium.PdfPage, fonts: FontCache | None = None, colours: bool = True) -> PageChars:
    """The page's characters with pdfplumber-compatible boxes (see the module notes).

    ``fonts``: the document's font cache (see :class:`FontCache` for the page it must keep open);
    without one, a cache for this page only. ``colours=False``: no red flags (all False), one
    PDFium call less per text object, for pages whose colour nothing reads.
    """
    fonts = fonts if fonts is not None else FontCache()
    out = PageChars()
    seen: set[int] = set()  # text objects that have characters on the text page
    textpage = page.get_textpage()
    try:
        left, bottom, right, top = page.get_mediabox()
        rotation = page.get_rotation() % 360
        raw = textpage.raw
        address = _address(raw)
        count = pdfium_c.FPDFText_CountChars(raw)
        text = page_text(raw, count).translate(_UNMAPPED_CODES)
        units = _char_units(raw, text, count)
        origin = (_D * 2)()
        origin_x, origin_y = ctypes.addressof(origin), ctypes.addressof(origin) + 8
        rgba = (ctypes.c_uint * 4)()
        rgba_addrs = tuple(ctypes.addressof(rgba) + 4 * k for k in range(4))
        m = pdfium_c.FS_MATRIX()
        m_addr = ctypes.addressof(m)
        chars, red_flags = out.chars, out.red
        sizes, page_fonts = fonts.sizes, fonts.page_fonts
        last_obj = 0
        # Set at the first character of each text object:
        size, descent, red, font, straight = 0.0, 0.0, False, 0, True
        widths: dict[str, float | None] = {}
        unmapped = 0
        get_object, is_generated, char_origin = _GET_TEXT_OBJECT, _IS_GENERATED, _CHAR_ORIGIN  # locals: faster
        for i, ch in enumerate(units):
            obj = get_object(address, i)
            if not obj or (ch == " " and is_generated(address, i)):
                continue  # generated by PDFium (a line break or an inferred space): not in the file
            if obj != last_obj:  # a new text object (~3 characters each): its size, font, colour
                last_obj = obj
                seen.add(obj)
                size = _FONT_SIZE(address, i)
                font = _GET_FONT(obj)
                page_fonts.add(font)
                descent, widths = sizes.get((font, size)) or fonts.font_size(font, size)
                red = False
                if colours and _FILL_COLOR(address, i, *rgba_addrs):
                    red = rgba[0] >= 150 and rgba[1] <= 90 and rgba[2] <= 90
                straight = not rotation and (not _TEXT_MATRIX(address, i, m_addr) or (
                    abs(m.b) < 1e-6 and abs(m.c) < 1e-6 and m.a > 0 and m.d > 0))
            if not straight:  # rotated text or page: PDFium's box, turned to the page as shown
                box = _shown_box(raw, i, rotation, left, bottom, right, top)
                if box:
                    chars.append((ch, *box, size))
                    red_flags.append(red)
                    unmapped += ch == _UNMAPPED
                continue
            char_origin(address, i, origin_x, origin_y)
            x0 = origin[0] - left
            base = top - origin[1]
            adv = widths.get(ch, -1.0)
            if adv == -1.0:
                adv = fonts.advance(font, widths, ch, size)
            if adv is None:
                unmapped += ch == _UNMAPPED
                adv = _loose_width(raw, i) or size
            chars.append((ch, x0, base - size, x0 + adv, base + descent, size))
            red_flags.append(red)
        out.unmapped = unmapped
    finally:
        textpage.close()
    # On a rotated page the whitespace-only runs are left out (their origin is not turned); the
    # layout never needs them, and images and rules are counted all the same.
    scan = PageChars() if rotation else out
    _scan_objects(page, fonts, seen, left, top, scan)
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


_GET_OBJECT = _by_address(pdfium_c.FPDFPage_GetObject, _H, _H, _I)
_OBJECT_TYPE = _by_address(pdfium_c.FPDFPageObj_GetType, _I, _H)
_BOUNDS = _by_address(pdfium_c.FPDFPageObj_GetBounds, _I, _H, _H, _H, _H, _H)
_RULE = 2.0  # a filled or stroked path at most this thick (pt) and over 10 pt long is a rule


def _scan_objects(page: pdfium.PdfPage, fonts: FontCache, seen: set[int], left: float, top: float,
                  out: PageChars) -> None:
    """One pass over the page's top-level objects: images, ruling lines, whitespace-only text.

    PDFium's text page skips text objects without width — whitespace-only runs, such as the
    space between "》" and "《" that LibreOffice writes as a run of its own — so one space char is
    added at each such object's origin (its glyphs cannot be read back; a run of several spaces
    counts as one, which is all the layout needs). Text objects in ``seen`` have characters on the
    text page, so they have width: their bounds are not asked for.
    """
    page_addr = _address(page.raw)
    matrix = pdfium_c.FS_MATRIX()
    box = (_F * 4)()  # the object's bounds: left, bottom, right, top
    box_addrs = tuple(ctypes.addressof(box) + 4 * k for k in range(4))
    fsize = ctypes.c_float()
    h_rules = v_rules = 0
    text_kind, path_kind = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = _GET_OBJECT(page_addr, k)
        kind = _OBJECT_TYPE(obj)
        if kind == text_kind:
            if obj in seen:
                continue
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE or kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            out.has_image = True  # scanners often wrap the page image in a form XObject
            continue
        elif kind != path_kind:
            continue
        if not _BOUNDS(obj, *box_addrs):
            continue
        w, h = box[2] - box[0], box[3] - box[1]
        if kind == path_kind:
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
        descent, widths = fonts.font_size(font, size)
        adv = widths.get(" ", -1.0)
        if adv == -1.0:
            adv = fonts.advance(font, widths, " ", size)
        adv = adv or 0.25 * size
        x0, base = matrix.e - left, top - matrix.f
        out.chars.append((" ", x0, base - size, x0 + adv, base + descent, size))
        out.red.append(False)
    out.rules = (h_rules, v_rules)


def _loose_width(textpage, index: int) -> float:
    rect = pdfium_c.FS_RECTF()
    if pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
        return max(0.0, rect.right - rect.left)
    return 0.0
