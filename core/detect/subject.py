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
_dictionary = None
_jieba_lock = threading.Lock()


def word_tags() -> dict[str, str]:
    """word -> part-of-speech tag from the tokenizer's dictionary, for the words of text already
    cut with :func:`_cut` (the dictionary is unpacked per character as text is cut)."""
    _tokenizer()
    assert _dictionary is not None
    return _dictionary.tags


def _tokenizer():
    """A private jieba tokenizer over resources/dictionaries/jieba_core.txt, built once
    (``core.detect.jieba_loader``: cached prefix dictionary, no ``pkg_resources``)."""
    global _jieba, _dictionary
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                from core.detect.jieba_loader import load_tokenizer

                tokenizer, _dictionary = load_tokenizer()
                _jieba = tokenizer
    return _jieba


def warm_up() -> None:
    """Load jieba's dictionary now (call from a worker thread at start-up)."""
    _tokenizer()
    _cut("预热分词")


@lru_cache(maxsize=4096)
def _cut(s: str) -> tuple[str, ...]:
    tokenizer = _tokenizer()
    assert _dictionary is not None
    _dictionary.ensure(s)  # the entries jieba will look up: substrings of s
    return tuple(tokenizer.lcut(s))


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


@lru_cache(maxsize=8192)
def _strip(s: str) -> str:
    """Drop leading connectives and trailing verbs/particles (全年, 累计; 共, 达, 为).

    Words of two or more characters are cut by string match; a one-character word only when jieba
    agrees it is a word there (共 in 共12370人, not in 共青团; 与 not in 参与).
    """
    s = s.strip(_SPACE)
    m = _YEAR.match(s)
    while m and m.end() < len(s):
        s = s[m.end():].lstrip("，, ")
        m = _YEAR.match(s)
    s = s.lstrip(_DASHES)
    lead_re, trail_re = _edge_patterns()
    changed = True
    while s and changed:
        changed = False
        m = lead_re.match(s)
        if m and (len(m.group()) > 1 or _cut(s[:6])[0] == m.group()):
            s, changed = s[m.end():], True
        m = trail_re.search(s)
        if s and m and (len(m.group()) > 1 or _cut(s[-6:])[-1] == m.group()):
            s, changed = s[: m.start()], True
    s = s.strip(_SPACE)
    if len(s) > 2 and s[-1] in "达为至" and s[-2] in "率数量额比例重":
        s = s[:-1]  # 运营率达 -> 运营率
    return s


_SPACE = " \t\u3000\u2002\xa0"
_DASHES = "—－-─·•●■□◆◇▲△★☆*※>》、，,：:；;。 \t\u3000\u2002\xa0"


@lru_cache(maxsize=1)
def _edge_patterns() -> tuple[re.Pattern, re.Pattern]:
    lead, trail = _words()
    alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731 (longest first already)
    return re.compile(f"(?:{alt(lead)})"), re.compile(f"(?:{alt(trail)})$")


def _clause_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    """Text between the previous boundary (or ``floor``) and ``pos``, and where it starts."""
    i = pos
    lo = max(floor, pos - 60)
    while i > lo:
        ch = text[i - 1]
        if ch in "）)" and re.search(r"[（(][^（()）\d]{1,3}$", text[max(0, i - 5):i - 1]):
            i = max(text.rfind("（", 0, i), text.rfind("(", 0, i))  # 社区(居)委会
            continue
        if ch == "、" and i < pos and _noun_list_before(text, i - 1, lo):
            i -= 1  # 城乡低保、低保边缘家庭6553户: the listed nouns are counted together
            continue
        if ch in _BOUNDARY:
            break
        i -= 1
    return text[i:pos], i


def _noun_list_before(text: str, comma: int, lo: int) -> bool:
    """The item before the 、 at ``comma`` is a short phrase without a number (a list of nouns)."""
    j = comma
    while j > lo and text[j - 1] not in _BOUNDARY:
        j -= 1
    item = text[j:comma]
    return 0 < len(item) <= 8 and not any(c.isdigit() for c in item) and (j == lo or text[j - 1] != "、")


def _phrase_after(text: str, pos: int) -> str:
    """Noun phrase right after the figure (配备2台|执法记录仪|，), up to a boundary or number."""
    j = pos
    hi = min(len(text), pos + 30)
    while j < hi and not text[j].isdigit():
        aside = re.match(r"[（(][^（()）\d]{1,3}[）)]", text[j:j + 5]) if text[j] in "（(" else None
        if aside:  # step over a short aside; its brackets may be of mixed widths: (一、）
            j += aside.end()
            continue
        if text[j] in _BOUNDARY:
            break
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


_TITLES = re.compile(r"《[^《》]*》|[（(][^（()）]*[）)]")
_SOFT = set("，,：:")


def _drop_titles(s: str) -> str:
    """Long clauses lose their 《titles》 and (asides) first: 学习《宪法》《民法典》等法律法规."""
    if len(s) <= MAX_LEN:
        return s
    t = _TITLES.sub("", s)
    return t if len(t) >= 2 else s


def _previous_clause(text: str, cstart: int, floor: int) -> str:
    """The clause before the one at ``cstart`` (same sentence), cut before its number."""
    i = cstart - 1
    if i < 0 or text[i] in _HARD or i < floor - 40:
        return ""
    j = i
    lo = max(0, i - 60)
    while j > lo and text[j - 1] not in _HARD and text[j - 1] not in _SOFT \
            and text[j - 1] not in "（(":
        j -= 1
    prev = text[j:i]
    m = _NUMBER_START.search(prev)
    if m:
        prev = prev[: m.start()]
    return _strip(_drop_titles(prev))


def subject_for(text: str, start: int, end: int, floor: int = 0, topic: object = "", head: str = "") -> str:
    """Subject of the figure at text[start:end]; ``floor`` = end of the previous figure.

    ``topic``: what the sentence is about so far (the previous figure's noun phrase, see
    subject_topic.py); a weak subject (增长, 已办结, 参考率) is completed with it, or else with
    the noun phrase of the clause before. ``head``: the topic of the figure that opened an
    enumeration (…44项，其中A12项，B1项); only items of an enumeration use it.
    """
    from core.detect.subject_topic import is_weak, topic_of

    clause, cstart = _clause_before(text, start, floor)
    own, with_previous = _subject_own(text, clause, cstart, end, floor)
    if floor and 0 <= cstart - floor <= 1 and not text[floor:cstart].strip("，,、；; "):
        # an item of an enumeration (行政许可12项，行政给付1项): the clause before is a sibling,
        # not a head; a short item takes the enumeration's topic instead
        # a weak or short item (增长8.8%, 实际参检333家) takes the sentence's topic or the
        # enumeration's head (其中A12项，B1项); a parallel item with the same head noun as the
        # topic does not (上市企业7家、挂牌企业58家: 挂牌企业, not 上市企业挂牌企业)
        if is_weak(own) or len(own) < 5:
            lead = head or str(topic or "")
            if lead and lead not in own and not (len(own) >= 2 and lead.endswith(own[-2:])):
                return _tail_words(lead + own, MAX_LEN)
        return own
    if not is_weak(own):
        return with_previous
    # ``topic`` may be computed lazily by the caller: read it only here, where it is needed
    head = str(topic or "")
    if not head and (cstart > floor or floor == 0):
        head = topic_of(_raw_previous_clause(text, cstart))
    if head:
        return own if head in own else _tail_words(head + own, MAX_LEN)
    return with_previous


_LIST_MARKER = re.compile(r"^[\s\u3000]*(?:[0-9０-９]+|[一二三四五六七八九十]+)[、.．)）]")
_YEARISH = re.compile(r"[0-9０-９]{4}年度?|[0-9０-９]{1,2}月份?")
_ANY_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,%％]*[\u4e00-\u9fff]?")


def _raw_previous_clause(text: str, cstart: int) -> str:
    """The clause before ``cstart`` in the same sentence, list marker and dates removed; when a
    number splits it, the longer side (推进…工程 / 组织2021年…学法考试 -> 光明区…学法考试)."""
    i = cstart - 1
    if i < 0 or text[i] in _HARD:
        return ""
    j = i
    lo = max(0, i - 60)
    while j > lo and text[j - 1] not in _HARD and text[j - 1] not in _SOFT:
        j -= 1
    s = _LIST_MARKER.sub("", text[j:i])
    s = _YEARISH.sub("", s)
    parts = [p for p in _ANY_NUMBER.split(s) if p]
    return max(parts, key=len) if parts else ""


def _subject_own(text: str, clause: str, cstart: int, end: int, floor: int) -> tuple[str, str]:
    """The figure's own subject, and the same completed with the clause before when it is short."""
    before = _strip(_drop_titles(clause))
    after = _phrase_after(text, end)
    if after:
        room = min(8, MAX_LEN - len(after))
        verb = _tail_words(before, room) if before and room > 0 else ""
        own = _head_words(verb + after, MAX_LEN)
        return own, own
    if len(before) < 6:
        parent = _parent(text, cstart, floor)
        if parent and parent not in before:
            before = _tail_words(parent, 10) + before
    own = _tail_words(before, MAX_LEN)
    if len(before) < 5 and cstart > floor:
        prev = _previous_clause(text, cstart, floor)
        if prev and prev not in before:
            return own, _tail_words(_tail_words(prev, MAX_LEN - len(before)) + before, MAX_LEN)
    return own, own
