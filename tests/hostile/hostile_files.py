"""Small, deterministic hostile inputs, built on the fly (nothing large is stored in the repo)."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024


def pdf_bytes(objects: list[bytes], root: int = 1) -> bytes:
    """A classic PDF with an xref table; ``objects[i]`` is the body of object ``i + 1``."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_page_pdf(content: bytes, compress: bool = True) -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, compress=compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def cyclic_reference_pdf() -> bytes:
    """The page tree root is a reference to a reference to itself: pdfminer's resolve loop never ends."""
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"3 0 R", b"2 0 R"])


def cyclic_root_pdf() -> bytes:
    """The document catalog itself is a two-object reference cycle."""
    return pdf_bytes([b"2 0 R", b"1 0 R"])


def deflate_repeated(chunk: bytes, times: int) -> bytes:
    """zlib data of ``chunk * times`` without compressing it all: after a full flush the
    compressor's state is reset, so every further chunk compresses to the same bytes."""
    comp = zlib.compressobj(9)
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    end = comp.flush()
    assert first[2:] == again
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    return first[:2] + again * times + end[:-4] + struct.pack(">I", adler)


def stream_bomb_pdf(inflated: int = 1024 * MB) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes (1 GB from ~1 MB)."""
    data = deflate_repeated(b" " * MB, inflated // MB)
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ])


def corrupt_stream_pdf() -> bytes:
    """A page whose compressed content stream is cut in the middle (damaged in transit)."""
    text = b"BT /F1 12 Tf 72 720 Td (Meeting held 26 times) Tj ET\n" * 40
    packed = zlib.compress(text, 9)
    broken = packed[: len(packed) // 2] + b"\x00garbage\xff" * 8
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(broken) + broken + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def dense_page_pdf(chars: int) -> bytes:
    """One page drawing ``chars`` digits (far more text than a page can hold)."""
    line = b"(" + b"1" * 100 + b") Tj 0 -1 Td\n"
    return _text_page_pdf(b"BT /F1 1 Tf 10 800 Td\n" + line * (chars // 100) + b"ET\n")


# -- DOCX ----------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '{extra}</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
_NUMBERING_CT = ('<Override PartName="/word/numbering.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
_DOC_RELS_NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '</Relationships>')


def docx_bytes(body_xml: str, numbering_xml: str | None = None) -> bytes:
    """A minimal .docx (what python-docx needs) with ``body_xml`` inside ``<w:body>``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(extra=_NUMBERING_CT if numbering_xml else ""))
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml",
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                    f"<w:body>{body_xml}</w:body></w:document>")
        if numbering_xml:
            zf.writestr("word/_rels/document.xml.rels", _DOC_RELS_NUMBERING)
            zf.writestr("word/numbering.xml",
                        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
                        f"{numbering_xml}</w:numbering>")
    return buf.getvalue()


def para(text: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bad_gridspan() -> bytes:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="two"/></w:tcPr>' + para("召开会议26次") + "</w:tc>"
    return docx_bytes(para("一、主要举措") + f"<w:tbl><w:tr>{cell}<w:tc>{para('共3项')}</w:tc></w:tr></w:tbl>")


def docx_bad_ilvl() -> bytes:
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"><w:start w:val="one"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="zero"><w:startOverride w:val="x"/></w:lvlOverride></w:num>')
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="first"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return docx_bytes(para("主要举措", ppr) + para("召开会议26次。"), numbering)


def docx_zip_bomb(inflated: int = 300 * MB) -> bytes:
    """~1 MB .docx whose document.xml inflates to ``inflated`` bytes of paragraphs full of digits.

    Streamed into the zip, so building it needs little memory."""
    buf = io.BytesIO()
    unit = ("<w:p><w:r><w:t>" + "召开会议26次，" * 60 + "</w:t></w:r></w:p>").encode()
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    repeat = max(1, (inflated - len(head) - len(tail)) // len(unit))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(extra=""))
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            block = unit * 1000
            for _ in range(repeat // 1000):
                fh.write(block)
            fh.write(unit * (repeat % 1000))
            fh.write(tail)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
