"""Replace PySide6's 31 MB ICU data library with one holding only the data Qt can reach here.

Qt links ICU for a handful of calls only (checked with ``nm -D --undefined-only`` on
libQt6Core/Gui/Widgets/Pdf): collation (``ucol_*``: QCollator, the file dialog's sorting),
character-set converters (``ucnv_*``: QStringConverter for non-Unicode names), time-zone display
names (``ucal_getTimeZoneDisplayName``) and case mapping (``u_strToUpper/Lower``: built into
libicuuc, no data). No break iterators, transliterators, number/unit/currency formatting or
display names. So the data package keeps:

* collation, time-zone names and locale data for ``root``, ``en*`` and ``zh*`` (a request for any
  other locale falls back to root, as ICU does for a locale it does not have);
* the converters for Chinese encodings (GB18030, GBK, GB2312, Big5, Big5-HKSCS) and the alias
  table; UTF-8/16/32 and Latin-1 are algorithmic and need no table;
* every file that is not per-locale (normalisation, properties, supplemental data, time zones).

Dropped: break-iterator rules and dictionaries (Thai/Khmer/Lao/Burmese/CJK), transliterators,
number-spellout rules, unit/currency/language/region display names, character names, the other
locales and the non-Chinese code pages.

The data lives in the library as one ICU "common data" package (format ``CmnD``) exported as the
symbol ``icudtNN_dat``; ICU looks items up by name in its sorted table of contents, so dropping
entries and re-packing is enough. The new package is assembled into a shared library with the
same soname (gcc + ``.incbin``). Linux only; without gcc/nm the full library is kept.
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import struct
import subprocess
import tempfile

DROPPED_TREES = {"brkitr", "translit", "rbnf", "unit", "curr", "lang", "region"}
DROPPED_FILES = {"unames.icu"}
KEPT_LANGUAGES = {"root", "en", "zh"}
# Chinese code pages: GB18030, GBK (windows-936 = ibm-1386), GB2312 (EUC-CN = ibm-1383),
# Big5 (windows-950 on its base table ibm-1373, ibm-950), Big5-HKSCS (ibm-1375, ibm-5471)
KEPT_CONVERTERS = re.compile(r"^(gb18030|ibm-1386_|ibm-1383_|windows-936|windows-950|ibm-950_|ibm-1373_|ibm-1375_|ibm-5471_)")
_LOCALE_RES = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")


def keep_item(name: str) -> bool:
    """``name`` as in the package, e.g. ``icudt73l/coll/zh.res``."""
    parts = name.split("/")[1:]
    tree, leaf = (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0])
    if tree in DROPPED_TREES or leaf in DROPPED_FILES:
        return False
    if leaf.endswith(".cnv"):
        return bool(KEPT_CONVERTERS.match(leaf))
    m = _LOCALE_RES.match(leaf)
    if m and leaf != "res_index.res":
        return m.group(1) in KEPT_LANGUAGES
    return True


def _read_items(blob: bytes, size: int) -> tuple[bytes, list[tuple[str, bytes]]]:
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(toc):
        start = header_size + name_off
        name = blob[start:blob.index(b"\0", start)].decode("ascii")
        end = toc[i + 1][1] if i + 1 < count else size - header_size
        items.append((name, blob[header_size + data_off:header_size + end]))
    return blob[:header_size], items


def _pack(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """Header, table of contents (offsets relative to its start), names, 16-byte aligned items."""
    def align(n: int) -> int:
        return (n + 15) & ~15

    names = bytearray()
    name_offsets = []
    toc_size = 4 + 8 * len(items)
    for name, _data in items:
        name_offsets.append(toc_size + len(names))
        names += name.encode("ascii") + b"\0"
    body = bytearray()
    pos = align(len(header) + toc_size + len(names))
    data_offsets = []
    for _name, data in items:
        data_offsets.append(pos - len(header))
        body += data + b"\0" * (align(len(data)) - len(data))
        pos += align(len(data))
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    head = header + toc + names
    return bytes(head + b"\0" * (align(len(head)) - len(head)) + body)


def _symbol_bytes(library: str) -> tuple[str, bytes]:
    """(symbol name, bytes) of the exported ``icudtNN_dat`` object."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            addr, size, symbol = int(fields[0], 16), int(fields[1], 16), fields[3]
            break
    else:
        raise ValueError("no icudtNN_dat symbol")
    data = pathlib.Path(library).read_bytes()
    # ELF64 section headers: map the symbol's address to its file offset.
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    for i in range(shnum):
        _n, _t, _f, sh_addr, sh_offset, sh_size = struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)
        if sh_addr <= addr < sh_addr + sh_size and _t != 8:  # 8 = SHT_NOBITS
            start = sh_offset + addr - sh_addr
            return symbol, data[start:start + size]
    raise ValueError("symbol outside every section")


def trim_icu_data(library: str) -> tuple[int, int] | None:
    """Rewrite ``library`` in place; return (old, new) size in bytes, or None when skipped."""
    if not (shutil.which("gcc") and shutil.which("nm")) or not os.path.isfile(library):
        print(f"WARNING: ICU data not trimmed (needs gcc and nm): {library}")
        return None
    symbol, blob = _symbol_bytes(library)
    header, items = _read_items(blob, len(blob))
    packed = _pack(header, [(n, d) for n, d in items if keep_item(n)])
    soname = os.path.basename(library)
    with tempfile.TemporaryDirectory() as tmp:
        dat = os.path.join(tmp, "icudata.dat")
        pathlib.Path(dat).write_bytes(packed)
        asm = os.path.join(tmp, "icudata.S")
        pathlib.Path(asm).write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n'
            f'{symbol}:\n.incbin "{dat}"\n.size {symbol}, .-{symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n')
        out = os.path.join(tmp, soname)
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-rpath,$ORIGIN",
                        "-o", out, asm], check=True)
        old = os.path.getsize(library)
        shutil.copyfile(out, library)
    return old, os.path.getsize(library)
