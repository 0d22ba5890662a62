"""Unit / measure-word lexicon (data in ``resources/dictionaries/units.txt``) and qualifiers.

``match_unit(text, pos, chinese)`` finds the longest unit starting at ``pos``; after a Chinese
numeral only units flagged ``cn`` count (两个, 一名, 二次 — but not 两级, 一批).
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from core import paths

_lock = threading.Lock()


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, tuple[str, bool]]  # written form -> (canonical, allowed after Chinese numerals)
    max_len: int
    prefix: tuple[str, ...]  # longest first
    infix: tuple[str, ...]
    suffix: tuple[str, ...]
    block: frozenset[str]


def _lines(name: str):
    with open(paths.resource("dictionaries", name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line.split()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with _lock:
        units: dict[str, tuple[str, bool]] = {}
        for parts in _lines("units.txt"):
            word = parts[0]
            flags = parts[1:]
            canon = next((f[1:] for f in flags if f.startswith("=")), word)
            units[word] = (canon, "cn" in flags)
        quals: dict[str, list[str]] = {"prefix": [], "infix": [], "suffix": [], "block": []}
        for kind, word in _lines("qualifiers.txt"):
            quals[kind].append(word)

        def by_len(words):
            return tuple(sorted(set(words), key=len, reverse=True))

        return Lexicon(units=units, max_len=max(map(len, units)),
                       prefix=by_len(quals["prefix"]), infix=by_len(quals["infix"]),
                       suffix=by_len(quals["suffix"]), block=frozenset(quals["block"]))


def match_unit(text: str, pos: int, chinese: bool = False) -> tuple[str, str] | None:
    """Longest unit at ``pos``: (written, canonical), or None."""
    lex = lexicon()
    for n in range(min(lex.max_len, len(text) - pos), 0, -1):
        hit = lex.units.get(text[pos:pos + n])
        if hit and (hit[1] or not chinese):
            return text[pos:pos + n], hit[0]
    return None


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")


def match_word(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """Longest of ``words`` written at ``pos``."""
    m = _alternation(words).match(text, pos)
    return m.group() if m else None


@lru_cache(maxsize=1)
def _prefix_tables() -> tuple[frozenset[str], tuple[int, ...], frozenset[str], tuple[int, ...]]:
    lex = lexicon()
    return (frozenset(lex.prefix), tuple(sorted({len(w) for w in lex.prefix}, reverse=True)),
            lex.block, tuple(sorted({len(w) for w in lex.block})))


def match_prefix_qualifier(text: str, pos: int) -> str | None:
    """Qualifier written right before ``pos`` (约 in 约3.7万元), unless part of a word (预约)."""
    prefixes, plens, blocks, blens = _prefix_tables()
    for k in plens:
        if k <= pos and text[pos - k:pos] in prefixes:
            w = text[pos - k:pos]
            if any(b > k and b <= pos and text[pos - b:pos] in blocks for b in blens):
                continue
            return w
    return None
