"""PDF paragraphs -> Document: text, one box per character, one block per paragraph with its kind.

Kinds (``Block.kind``): ``heading`` (一、/（一）/1. lines), ``title`` (large type before the first
heading), ``cell`` (text of a table cell), ``masthead`` and ``signature`` for the two parts of an
official document (公文, GB/T 9704) that are neither body text nor headings:

* 版头 (masthead): the issuing body's mark printed in red at the top of the first page, and the
  lines that belong to it before the title — 发文字号 (``兰民字〔2024〕8号``), 签发人, 份号/密级.
* 落款 (signature block): the last paragraphs when they are a date (``2024年2月2日``) and, above it,
  one or two short lines without sentence punctuation that do not start at the left margin (the
  issuing body's name, printed right-aligned or centred over the seal). 版记 and 附注 lines after it
  (``抄送：…``, ``…办公室 2024年2月2日印发``, ``（此件公开发布）``) are ``colophon``.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from operator import itemgetter

from core.document import Block, CharBoxes, Document
from core.importers import pdf_layout as layout

_DOC_NUMBER = re.compile(r"〔\s*\d{4}\s*〕\s*\d+\s*号|\[\s*\d{4}\s*\]\s*\d+\s*号|签发人|^\s*\d{6}\s*$|^(?:绝密|机密|秘密|特急|加急)")
_DATE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")
# 版记 (抄送 / 印发 lines under the last rule) and 附注 (“（此件公开发布）”) after the signature.
_AFTER_SIGNATURE = re.compile(r"^\s*(?:抄送|抄报|主题词|关键词)\s*[:：]|印发\s*$|^\s*[（(]\s*(?:此件|联系人|此页无正文)")
_X0, _TOP, _X1, _BOTTOM = (itemgetter(k) for k in range(1, 5))
_BOX = itemgetter(1)  # of a (character, box) piece
_SENTENCE = re.compile(r"[。；;！!？?，,：:]")


def _kinds(paras: list[list[layout.Line]], red: list[set[int]], margins_left: dict[int, float]) -> list[str]:
    body_size = _body_size(paras)
    kinds: list[str] = []
    seen_heading = False
    in_masthead = True
    for para in paras:
        first = para[0]
        is_red = all(id(ln) in red[ln.page] for ln in para) if red else False
        kind = "paragraph"
        if first.cell is not None:
            kind = "cell"
        elif in_masthead and first.page == min(p[0].page for p in paras) and (
                is_red or (kinds and kinds[-1] == "masthead" and _DOC_NUMBER.search(first.text))):
            kind = "masthead"
        elif layout.HEADING.match(first.text):
            kind = "heading"
            seen_heading = True
        elif not seen_heading and first.size >= body_size + 2:
            kind = "title"  # large type before the first heading: the title lines
        if kind != "masthead":
            in_masthead = False
        kinds.append(kind)
    _mark_signature(paras, kinds, margins_left)
    return kinds


def _mark_signature(paras, kinds: list[str], margins_left: dict[int, float]) -> None:
    """Tag the trailing 版记/附注 lines, then the date and the short lines above it: the signature block."""
    k = len(paras) - 1
    while k >= 1 and kinds[k] == "paragraph" and _AFTER_SIGNATURE.search(_text(paras[k])):
        kinds[k] = "colophon"
        k -= 1
    if k < 1 or kinds[k] != "paragraph" or not _DATE.match(_text(paras[k])):
        return
    kinds[k] = "signature"
    for j in range(k - 1, max(k - 3, 0), -1):
        para = paras[j]
        text = _text(para)
        first = para[0]
        indent = first.x0 - margins_left.get(first.page, first.x0)
        if (kinds[j] != "paragraph" or len(para) > 1 or len(text) > 30 or _SENTENCE.search(text)
                or indent < 4 * first.size):
            break
        kinds[j] = "signature"


def _text(para: list[layout.Line]) -> str:
    return "".join(ln.text for ln in para)


def assemble(path: str, pages: list[list[layout.Line]], red: list[set[int]], sizes,
             warnings: list[str]) -> Document:
    """Build text, per-character boxes and one block per paragraph."""
    paras = layout.paragraphs(pages)
    lefts = {p[0].page: min(ln.x0 for ln in p) for p in pages if p}
    kinds = _kinds(paras, red, lefts)
    parts: list[str] = []
    # Box columns built as lists and turned into arrays once: one append per character, not five.
    pg: list[int] = []
    x0s: list[float] = []
    tops: list[float] = []
    x1s: list[float] = []
    bottoms: list[float] = []
    blocks: list[Block] = []
    line_no: dict[int, int] = {}

    def gap(ch: str) -> None:  # a character the importer inserts: no box
        parts.append(ch)
        pg.append(-1)
        x0s.append(0.0)
        tops.append(0.0)
        x1s.append(0.0)
        bottoms.append(0.0)

    for para, kind in zip(paras, kinds, strict=True):
        if parts:
            gap("\n")
        start = len(pg)
        first = para[0]
        for k, ln in enumerate(para):
            if k and layout.needs_space(para[k - 1].text, ln.text):
                gap(" ")
            boxes_of = list(map(_BOX, ln.pieces))
            if None not in boxes_of:  # no tab: the line's columns in one go each
                parts.append(ln.text)
                pg.extend([ln.page] * len(boxes_of))
                x0s.extend(map(_X0, boxes_of))
                tops.extend(map(_TOP, boxes_of))
                x1s.extend(map(_X1, boxes_of))
                bottoms.extend(map(_BOTTOM, boxes_of))
                continue
            for ch, c in ln.pieces:
                if c is None:
                    gap(ch)
                    continue
                parts.append(ch)
                pg.append(ln.page)
                x0s.append(c[1])
                tops.append(c[2])
                x1s.append(c[3])
                bottoms.append(c[4])
        index = line_no.get(first.page, 0)
        blocks.append(Block(start=start, end=len(pg), kind=kind, index=index, page=first.page, cell=first.cell))
        for ln in para:
            line_no[ln.page] = line_no.get(ln.page, 0) + 1
    boxes = CharBoxes(array("h", pg), array("f", x0s), array("f", tops), array("f", x1s), array("f", bottoms))
    text = "".join(parts)
    unknown = text.count("\ufffd")
    if unknown:
        warnings.append(f"有 {unknown} 个字符在 PDF 中没有文字编码（字体缺少映射），已显示为“\ufffd”，请对照原文核对。")
    return Document(source=path, format="pdf", text=text, blocks=blocks, boxes=boxes,
                    page_sizes=list(sizes), warnings=warnings)


def _body_size(paras: list[list[layout.Line]]) -> float:
    """The most common type size (by characters): body text, against which titles stand out."""
    counts: Counter[float] = Counter()
    for para in paras:
        for ln in para:
            counts[ln.size] += len(ln.chars)
    return counts.most_common(1)[0][0] if counts else 0.0
