"""Subject phrase of a figure: a short phrase from the nearby text saying what is counted.

Rule: the clause before the number (back to the previous clause boundary or figure), trimmed of
connectives (全年, 其中, 累计 ...) and of the verb/particle touching the number (共, 达, 为 ...).
When the number stands before a noun (配备2台执法记录仪, 7家慈善组织), that noun phrase is the
subject, joined to the verb before the number.  Inside a parenthesis (主办件15件 in
建议26件（主办件15件）) the phrase before the parenthesis is prefixed.  jieba gives word
boundaries when a phrase has to be cut to ~20 characters; it is loaded once, lazily, thread-safely,
with its cache in the user's cache folder (``warm_up()`` lets the GUI do that in a worker).
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from core import paths

MAX_LEN = 20
_BOUNDARY = set("，,。；;：:！!？?\n\r、（(）)【】[]")
_HARD = set("。；;！!？?\n\r")
_NUMBER_START = re.compile(r"[0-9０-９]|[零〇一二两三四五六七八九十百千万亿]+[个名次人件家项条份]")
_YEAR = re.compile(r"^(?:[0-9０-９]{4}年(?:度|底|初|末)?|[0-9０-９]{1,2}月份?)")

_jieba = None
_jieba_lock = threading.Lock()


def _tokenizer():
    """jieba, initialised once (dictionary cache in core.paths.cache_dir())."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.dt.tmp_dir = str(paths.cache_dir())
                jieba.initialize()
                _jieba = jieba
    return _jieba


def warm_up() -> None:
    """Load jieba's dictionary now (call from a worker thread at start-up)."""
    _tokenizer()
    _cut("预热分词")


@lru_cache(maxsize=4096)
def _cut(s: str) -> tuple[str, ...]:
    return tuple(_tokenizer().lcut(s))


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lead: list[str] = []
    trail: list[str] = []
    with open(paths.resource("dictionaries", "subject_words.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                kind, _, word = line.partition(" ")
                (lead if kind == "lead" else trail).append(word.strip())
    key = len
    return tuple(sorted(lead, key=key, reverse=True)), tuple(sorted(trail, key=key, reverse=True))


def _strip(s: str) -> str:
    lead, trail = _words()
    s = s.strip(" \t\u3000\u2002\xa0")
    changed = True
    while s and changed:
        changed = False
        m = _YEAR.match(s)
        if m and m.end() < len(s):
            s, changed = s[m.end():].lstrip("，, "), True
            continue
        for w in lead:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):], True
                break
        for w in trail:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)], True
                break
    return s.strip(" \t\u3000\u2002\xa0")


def _clause_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    """Text between the previous boundary (or ``floor``) and ``pos``, and where it starts."""
    i = pos
    lo = max(floor, pos - 60)
    while i > lo and text[i - 1] not in _BOUNDARY:
        i -= 1
    return text[i:pos], i


def _phrase_after(text: str, pos: int) -> str:
    """Noun phrase right after the figure (配备2台|执法记录仪|，), up to a boundary or number."""
    j = pos
    hi = min(len(text), pos + 30)
    while j < hi and text[j] not in _BOUNDARY and not text[j].isdigit():
        j += 1
    s = text[pos:j]
    m = _NUMBER_START.search(s)
    if m:
        s = s[: m.start()]
    if not s or not ("\u4e00" <= s[0] <= "\u9fff" or s[0] in "“\"《"):
        return ""
    return _strip(s)


def _tail_words(s: str, limit: int) -> str:
    """The last words of ``s`` fitting in ``limit`` characters (jieba word boundaries)."""
    if len(s) <= limit:
        return s
    out = ""
    for w in reversed(_cut(s)):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or s[-limit:]


def _head_words(s: str, limit: int) -> str:
    if len(s) <= limit:
        return s
    out = ""
    for w in _cut(s):
        if len(out) + len(w) > limit:
            break
        out += w
    return out or s[:limit]


def _parent(text: str, clause_start: int, floor: int) -> str:
    """Inside a parenthesis opened in the same sentence: the phrase before it (建议26件（…）)."""
    i = clause_start - 1
    lo = max(0, clause_start - 80)
    depth = 0
    while i >= lo and text[i] not in _HARD:
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                before, _ = _clause_before(text, i, 0)
                m = _NUMBER_START.search(before)
                return _strip(before[: m.start()] if m else before)
            depth -= 1
        i -= 1
    return ""


def subject_for(text: str, start: int, end: int, floor: int = 0) -> str:
    """Subject of the figure at text[start:end]; ``floor`` = end of the previous figure."""
    clause, cstart = _clause_before(text, start, floor)
    before = _strip(clause)
    after = _phrase_after(text, end)
    if after:
        verb = _tail_words(before, 4) if before else ""
        subject = verb + after if len(verb) + len(after) <= MAX_LEN else after
        return _head_words(subject, MAX_LEN)
    if len(before) < 6:
        parent = _parent(text, cstart, floor)
        if parent and parent not in before:
            before = _tail_words(parent, 10) + before
    if len(before) < 2 and cstart > 0:
        prev, _ = _clause_before(text, cstart - 1, floor)
        before = _strip(prev) + before
    return _tail_words(before, MAX_LEN)
