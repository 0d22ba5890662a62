"""Plain-text import: decode without ever guessing into mojibake, normalise line ends, nothing else.

Decoding order (strict decoders only, so a wrong guess fails loudly instead of producing garbage):

1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-32 LE/BE, UTF-16 LE/BE. The BOM is not kept.
2. Strict UTF-8. Random GBK bytes essentially never form valid UTF-8, so a clean decode is UTF-8.
3. Strict GB18030 (a superset of GB2312 and GBK: strict ``gbk`` fails on files such as the GB18030
   fixture, whose U+00A0 is a 4-byte sequence). GB18030 accepts most byte pairs, so the result must
   also look like Chinese text: no control characters, and the Chinese characters nearly all in the
   GB2312 common set. Big5 or Shift-JIS read as GB18030 produce many rare GBK-only characters
   (their trail bytes 0x40-0x7E lie outside GB2312) and are refused.
4. Anything else is refused with a message asking for UTF-8, never decoded "as best we can".
"""
from __future__ import annotations

import re
from collections.abc import Callable

from core.document import Block, Document
from core.errors import ReportError
from core.lazy_re import lazy

MAX_BYTES = 64 * 1024 * 1024  # a report is at most a few MB of text; beyond this is not a report

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8（带 BOM）"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16BE"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = lazy(r"[\u3400-\u9fff]")  # only a GB18030 file needs it
_REFUSE = "无法识别文本文件的编码（既不是 UTF-8/UTF-16，也不是 GB18030/GBK），为避免乱码已停止导入。请用记事本“另存为”UTF-8 编码后再导入。"


def _looks_like_chinese(text: str) -> bool:
    """True when a GB18030 decode reads as real text rather than mis-decoded bytes."""
    if _CONTROL.search(text):
        return False
    cjk = _CJK.findall(text)
    if not cjk:
        return True
    common = 0
    for ch in cjk:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(cjk) >= 0.9


def decode_bytes(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_label)``; raise ReportError("encoding") when nothing decodes cleanly."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.replace("-sig", ""), errors="strict")
            except UnicodeDecodeError as exc:
                raise ReportError("encoding", f"文件开头标明是 {label} 编码，但第 {exc.start} 字节处无法按该编码解码，文件可能已损坏。", path) from exc
            return text, label
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:  # BOM-less UTF-16 or a binary file: valid UTF-8 bytes, but not text
            raise ReportError("encoding", _REFUSE, path)
        return text, "UTF-8"
    try:
        text = data.decode("gb18030", errors="strict")
    except UnicodeDecodeError:
        raise ReportError("encoding", _REFUSE, path) from None
    if not _looks_like_chinese(text):
        raise ReportError("encoding", _REFUSE, path)
    return text, "GB18030"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; every other character is kept as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_document(source: str, text: str, fmt: str = "txt", encoding: str | None = None) -> Document:
    """A Document whose blocks are the text's lines (kind ``line``, index = 0-based line number)."""
    blocks: list[Block] = []
    start = 0
    for i, line in enumerate(text.split("\n")):
        end = start + len(line)
        blocks.append(Block(start=start, end=end, kind="line", index=i))
        start = end + 1
    return Document(source=source, format=fmt, text=text, blocks=blocks, encoding=encoding)


def load_txt(path: str, progress: Callable[[int, int], None] | None = None) -> Document:
    """Import a plain-text report. For a UTF-8 LF file the text equals the file content exactly."""
    if progress:
        progress(0, 1)
    with open(path, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReportError("too_large", f"文本文件超过 {MAX_BYTES // (1024 * 1024)} MB，不像是一份报告，已停止导入。", path)
    text, label = decode_bytes(data, path)
    text = normalise_newlines(text)
    if not text.strip():
        raise ReportError("empty", "文本文件中没有任何文字（只有空白），没有可导入的内容。", path)
    doc = text_document(path, text, "txt", label)
    if progress:
        progress(1, 1)
    return doc
