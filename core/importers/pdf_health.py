"""Is a PDF page's text trustworthy? Damaged content streams and garbage text layers, per page.

Damaged streams: PDFium (like pdfminer) decodes a corrupt compressed content stream as far as it
can and goes on silently, so a page can lose most of its text without any error. We test every
Flate-compressed stream of the file with zlib ourselves (fast, in C; output discarded, at most
``_CHECK_LIMIT`` bytes inflated per stream so a bomb costs no memory), and only when one fails do we
map the failing objects to pages with pdfminer's object parser.

Garbage text layers: some PDFs carry text that is not the printed text — glyphs without a Unicode
mapping (PDFium gives U+FFFD / control codes, pdfminer ``(cid:NN)``), private-use code points from
symbol or subset fonts, or mojibake from a wrong ToUnicode map (mostly Latin-1 letters and symbols
on a Chinese page). Such a page is better read by OCR than shown as nonsense.
"""
from __future__ import annotations

import logging
import re
import zlib
from contextlib import contextmanager

_CHECK_LIMIT = 64 << 20
# The end of a stream dictionary; the object number and dictionary are found by looking back.
_STREAM_START = re.compile(rb">>\s*stream\r?\n")
_OBJ_NUMBER = re.compile(rb"(\d+)\s+\d+\s+obj\s*<<")
# Fonts, images, XObjects and object streams: not page content (and a broken object stream already
# makes PDFium fail to load the page, which is caught there).
_NOT_CONTENT = (b"/Subtype", b"/Length1", b"/Type", b"/FontFile")


def _stream_ok(data: bytes, start: int) -> bool:
    """True when the zlib stream starting at ``start`` decodes to its end."""
    d = zlib.decompressobj()
    pos, out = start, 0
    try:
        while not d.eof and pos < len(data):
            chunk = data[pos:pos + 65536]
            pos += len(chunk)
            buf = d.decompress(chunk, _CHECK_LIMIT - out)
            out += len(buf)
            while d.unconsumed_tail and out < _CHECK_LIMIT:
                buf = d.decompress(d.unconsumed_tail, _CHECK_LIMIT - out)
                out += len(buf)
            if out >= _CHECK_LIMIT:
                return True  # very large: not judged here (size limits are the parser's job)
            if d.unused_data:
                break
    except zlib.error:
        return False
    return d.eof


def broken_streams(data: bytes) -> set[int]:
    """Object numbers of Flate-compressed content-like streams that fail to decode."""
    bad: set[int] = set()
    for m in _STREAM_START.finditer(data):
        begin = data.rfind(b" obj", max(0, m.start() - 2000), m.start())
        if begin < 0:
            continue
        number = _OBJ_NUMBER.search(data, max(0, begin - 24), m.start())
        head = data[begin:m.start()]
        if number is None or b"/FlateDecode" not in head or any(k in head for k in _NOT_CONTENT):
            continue
        if head.count(b"Decode") > 1 + head.count(b"DecodeParms"):
            continue  # a chain of filters whose first may not be Flate
        if not _stream_ok(data, m.end()):
            bad.add(int(number.group(1)))
    return bad


def damaged_pages(data: bytes, encrypted: bool) -> list[int]:
    """0-based pages whose content stream fails to decode. Best effort: [] when it cannot tell."""
    if encrypted:
        return []  # encrypted streams do not inflate before decryption
    try:
        bad = broken_streams(data)
        if not bad:
            return []
        with quiet_pdfminer():
            return _pages_using(data, bad)
    except Exception:  # noqa: BLE001 - a check that fails must never stop an import
        return []


def _pages_using(data: bytes, objids: set[int]) -> list[int]:
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef

    out = []
    with io.BytesIO(data) as f:
        doc = PDFDocument(PDFParser(f), password="")
        for i, page in enumerate(PDFPage.create_pages(doc)):
            refs = page.attrs.get("Contents")
            refs = refs if isinstance(refs, list) else [refs]
            ids = {r.objid for r in refs if isinstance(r, PDFObjRef)}
            if ids & objids:
                out.append(i)
    return out


@contextmanager
def quiet_pdfminer():
    """pdfminer reports damage only as English log lines; the importer says it in Chinese instead."""
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


_OK_RANGES = ("\x20-\x7e\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u2000-\u206f\u2e80-\u2fdf"
              "\uf900-\ufaff\U00020000-\U0003ffff\u2150-\u218f\u2460-\u24ff\u00b7\u25a0-\u25ff\ufe30-\ufe4f"
              "\u3200-\u32ff\u00a0-\u00bf\u00d7\u00f7\u2190-\u22ff\u2500-\u257f\u2600-\u26ff\u0391-\u03c9")
_ODD = re.compile(f"[^\\s{_OK_RANGES}]")  # outside the scripts a Chinese report uses
_SPACE = re.compile(r"\s")


def garbage_reason(text: str) -> str | None:
    """Why a page's text layer is not the printed text, or None when it looks like real text.

    Counts non-space characters that are unmapped (U+FFFD, controls), private-use, or outside the
    scripts a Chinese report uses (CJK, ASCII, full-width forms, common punctuation). A page is
    garbage when such characters make up 30% or more of at least 8 characters.
    """
    n = len(text) - len(_SPACE.findall(text))
    if n < 8 or len(_ODD.findall(text)) < 0.3 * n:
        return None  # the common case, decided in C
    counts = {"unmapped": 0, "private": 0, "foreign": 0}
    for c in text:
        if c.isspace():
            continue
        o = ord(c)
        if c == "\ufffd" or o < 0x20:
            counts["unmapped"] += 1
        elif 0xE000 <= o <= 0xF8FF or o >= 0xF0000:
            counts["private"] += 1
        elif _ODD.match(c):
            counts["foreign"] += 1
    if sum(counts.values()) < 0.3 * n:
        return None
    worst = max(counts, key=counts.__getitem__)
    return {"unmapped": "字体缺少文字编码", "private": "文字层为私用区字符", "foreign": "文字层为乱码"}[worst]
