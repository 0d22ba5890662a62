"""Word automatic numbering: rebuild the ``一、`` / ``（一）`` / ``1.`` that Word draws but never stores.

python-docx's ``paragraph.text`` omits list numbers because they live in ``numbering.xml``: a
paragraph names ``numId`` + ``ilvl`` (directly or through its style), ``numId`` points to an
``abstractNum`` whose level gives ``numFmt``, ``lvlText`` ("%1、") and ``start``. Word keeps one set
of counters per abstract list, so numIds sharing an abstractNum continue each other unless a
``lvlOverride/startOverride`` restarts them. Counting a level resets all deeper levels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return _CN_DIGITS[0]
    if n >= 10000:
        return str(n)
    out = ""
    units = ((1000, "千"), (100, "百"), (10, "十"))
    zero = False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += _CN_DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out += "零"
        out += _CN_DIGITS[n]
    return out[1:] if out.startswith("一十") else out


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> AA, 28 -> BB
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``w:numFmt`` ``fmt``; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        s = chinese_counting(n)
        if fmt == "chineseLegalSimplified":
            s = s.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
        return s
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "\t"


_INT = re.compile(r"[+-]?[0-9]{1,9}")


class IntReader:
    """Reads OOXML integer attributes, counting the invalid ones instead of raising.

    Word writes plain ASCII integers; a damaged or hand-made file may hold ``w:val="two"`` or
    ``"²"`` (``str.isdigit`` accepts it, ``int`` does not). Such a value takes the default and is
    counted, so the importer can say so in one Chinese warning instead of a traceback.
    """

    def __init__(self) -> None:
        self.invalid = 0

    def __call__(self, value: str | None, default: int, lo: int = 0, hi: int = 10 ** 9) -> int:
        if value is None:
            return default
        if _INT.fullmatch(value.strip()):
            number = int(value)
            if lo <= number <= hi:
                return number
        self.invalid += 1
        return default


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


class Numbering:
    """Counters for one document; call :meth:`label` for every body paragraph in order."""

    def __init__(self, document, read_int: IntReader | None = None) -> None:
        self._int = read_int or IntReader()
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> ilvl -> level
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}  # numId -> ilvl -> startOverride
        self._counters: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> current value
        self._started: set[str] = set()
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None  # no numbering.xml: nothing is numbered
        if root is not None:
            self._read(root)
        self._read_styles(document)

    def _read(self, root) -> None:
        for absn in root.findall(qn("w:abstractNum")):
            aid = absn.get(qn("w:abstractNumId"))
            levels: dict[int, _Level] = {}
            for lvl in absn.findall(qn("w:lvl")):
                suff = _val(lvl, "w:suff", "tab")
                levels[self._int(lvl.get(qn("w:ilvl")), 0, 0, 8)] = _Level(
                    start=self._int(_val(lvl, "w:start"), 1),
                    fmt=_val(lvl, "w:numFmt", "decimal") or "decimal",
                    text=_val(lvl, "w:lvlText", "") or "",
                    suffix={"tab": "\t", "space": " "}.get(suff or "tab", ""),
                )
            self._levels[aid] = levels
        for num in root.findall(qn("w:num")):
            nid = num.get(qn("w:numId"))
            self._num_abstract[nid] = _val(num, "w:abstractNumId") or ""
            for ov in num.findall(qn("w:lvlOverride")):
                so = _val(ov, "w:startOverride")
                if so is not None:
                    self._overrides.setdefault(nid, {})[self._int(ov.get(qn("w:ilvl")), 0, 0, 8)] = \
                        self._int(so, 1)

    def _read_styles(self, document) -> None:
        """Paragraph styles may carry numPr (e.g. a 'List Number' or custom heading style)."""
        try:
            styles = document.styles.element
        except AttributeError:
            return
        for st in styles.findall(qn("w:style")):
            ppr = st.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None:
                ilvl = _val(numpr, "w:ilvl")
                self._style_num[st.get(qn("w:styleId"))] = (
                    _val(numpr, "w:numId"), self._int(ilvl, 0, 0, 8) if ilvl else None)

    def label(self, p_el) -> str:
        """The number Word shows before paragraph element ``p_el`` (with its suffix), or ``""``."""
        ppr = p_el.find(qn("w:pPr"))
        num_id, ilvl = None, None
        if ppr is not None:
            style = _val(ppr, "w:pStyle")
            if style in self._style_num:
                num_id, ilvl = self._style_num[style]
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                num_id = _val(numpr, "w:numId", num_id)
                lv = _val(numpr, "w:ilvl")
                ilvl = self._int(lv, 0, 0, 8) if lv is not None else ilvl
        if not num_id or num_id == "0":  # numId 0 explicitly removes numbering
            return ""
        ilvl = ilvl or 0
        aid = self._num_abstract.get(num_id, "")
        levels = self._levels.get(aid)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(aid, {})
        overrides = self._overrides.get(num_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level_i, start in overrides.items():  # a restarting list: counters begin again
                counters[level_i] = start - 1
        lvl = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt == "bullet":
            return ""  # bullets are symbols in a private font, not text a report would quote

        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = counters.get(k, lv.start)
            return format_number(value, lv.fmt)

        text = re.sub(r"%(\d)", repl, lvl.text)
        return text + lvl.suffix if text else ""
