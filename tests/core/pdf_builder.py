"""Write small PDFs for importer tests: CID text with a chosen text layer, images, damaged streams.

The text uses a Type0 font (Identity-H) without an embedded font program: every character gets its
own CID, and the ToUnicode CMap decides what the text layer says — so a test can write a page that
*prints* 人 but whose text layer says ⼈ (U+2F08), private-use code points, or nothing at all.
"""
from __future__ import annotations

import zlib
from pathlib import Path

A4 = (595, 842)


def _cmap(mapping: dict[int, str]) -> bytes:
    lines = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(mapping.items())
    for k in range(0, len(items), 100):
        chunk = items[k:k + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for cid, text in chunk:
            lines.append(f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode()


class PdfWriter:
    """Pages of positioned text lines (and optional image-only pages), written as one PDF."""

    def __init__(self, to_unicode=lambda ch: ch, compress: bool = True):
        self.to_unicode = to_unicode  # printed char -> text-layer string ("" = leave unmapped)
        self.compress = compress
        self.pages: list[tuple[str, object]] = []
        self.cids: dict[str, int] = {}

    def text_page(self, lines: list[tuple[float, float, str]], size: float = 12, red: set[int] = frozenset()):
        """lines: (x, y from top, text); indices in ``red`` are printed in red."""
        self.pages.append(("text", (lines, size, set(red))))

    def image_page(self):
        self.pages.append(("image", None))

    def _cid(self, ch: str) -> int:
        return self.cids.setdefault(ch, len(self.cids) + 1)

    def _stream(self, data: bytes) -> bytes:
        if self.compress:
            z = zlib.compress(data)
            return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(z) + z + b"\nendstream"
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    def write(self, path: Path, corrupt_pages: set[int] = frozenset()) -> Path:
        objs: dict[int, bytes] = {}
        n_pages = len(self.pages)
        # 1 catalog, 2 pages, 3 font, 4 descendant, 5 tounicode, 6 image; pages from 7 (page, content)
        contents = []
        for kind, data in self.pages:
            if kind == "image":
                contents.append(b"q 595 0 0 842 0 0 cm /Im1 Do Q\n")
                continue
            lines, size, red = data
            ops = []
            for k, (x, y, text) in enumerate(lines):
                colour = "1 0 0 rg" if k in red else "0 0 0 rg"
                hexs = "".join(f"{self._cid(ch):04X}" for ch in text)
                ops.append(f"BT {colour} /F1 {size} Tf 1 0 0 1 {x} {A4[1] - y} Tm <{hexs}> Tj ET")
            contents.append(("\n".join(ops) + "\n").encode())
        mapping = {cid: self.to_unicode(ch) for ch, cid in self.cids.items()}
        mapping = {cid: t for cid, t in mapping.items() if t}
        kids = " ".join(f"{7 + 2 * i} 0 R" for i in range(n_pages))
        objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objs[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode()
        objs[3] = b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
        objs[4] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) "
                   b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /TestCJK "
                   b"/Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 "
                   b"/StemV 80 >> /DW 1000 /CIDToGIDMap /Identity >>")
        objs[5] = self._stream(_cmap(mapping))
        objs[6] = (b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
        for i, data in enumerate(contents):
            objs[7 + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] /Resources << "
                               f"/Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> /Contents {8 + 2 * i} 0 R >>").encode()
            stream = self._stream(data)
            if i in corrupt_pages:  # damage the compressed bytes in the middle of the stream
                head, _, rest = stream.partition(b"stream\n")
                body, tail = rest[:-len(b"\nendstream")], b"\nendstream"
                mid = len(body) // 3
                body = body[:mid] + bytes(b ^ 0x5A for b in body[mid:mid + 12]) + body[mid + 12:]
                stream = head + b"stream\n" + body + tail
            objs[8 + 2 * i] = stream
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for k in sorted(objs):
            offsets[k] = len(out)
            out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
        xref = len(out)
        size = max(objs) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        out += b"".join(b"%010d 00000 n \n" % offsets[k] for k in range(1, size))
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
        path.write_bytes(bytes(out))
        return path


def wrap(text: str, width: int = 38) -> list[str]:
    """Paragraphs of ``text`` cut into printed lines of ``width`` characters."""
    out = []
    for para in text.split("\n"):
        para = para.strip()
        while para:
            out.append(para[:width])
            para = para[width:]
    return out


def text_pdf(path: Path, text: str, to_unicode=lambda ch: ch, per_page: int = 40, width: int = 38, **kw) -> Path:
    """``text`` printed at 12 pt, ``width`` characters a line, ``per_page`` lines a page.

    Each paragraph starts indented by two characters and ends short (so paragraphs stay apart);
    lines run to the same right margin so wrapped lines join again on import.
    """
    w = PdfWriter(to_unicode, **kw)
    rows: list[tuple[float, str]] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        first = True
        while para:
            n = width - 2 if first else width
            rows.append((72 + (24 if first else 0), para[:n]))
            para = para[n:]
            first = False
    for p in range(0, len(rows), per_page):
        w.text_page([(x, 80 + 18 * k, t) for k, (x, t) in enumerate(rows[p:p + per_page])])
    return w.write(path)
