"""The topic a weak subject leans on: "增长8.8%" counts 地区生产总值, "已办结170宗" counts 政府信息公开申请.

A figure's own clause often holds only a verb or a rate word (增长, 已办结, 受理, 参考率, 完成…工程量);
the thing counted was named earlier in the same sentence — by the previous figure or by the clause
before. ``topic_of`` reads that noun phrase with jieba's part-of-speech tags (the project's private
tokenizer, core/detect/subject.py):

* a clause that opens with a noun is subject–predicate (地区生产总值|突破三千亿大关): the topic is
  the noun phrase before the first predicate word;
* a clause that opens with a verb is verb–object (推进|排水箱涵改造工程): the topic is the object.
"""
from __future__ import annotations

import re
from functools import lru_cache

# words that carry no "thing counted" of their own (a clause of only these is weak)
GENERIC = frozenset("同比 环比 比上年 较上年 上年 同期 分别 实际 累计 总数 数量 人数 工程量 建设量 比例 比重 占比 "
                    "增速 增幅 总量 全年 其中 目前 结 次 年 全市 全区 全省 全国 全县 全镇 全街道".split())
_RATE_TAIL = ("率", "量", "比重", "增速", "增幅", "占比", "比例")
_NOUNISH = ("n", "vn", "j", "l", "i", "nz", "eng", "ns", "nt", "nr", "an", "b")
_PREDICATE = frozenset("突破 增长 下降 达到 达 完成 实现 提高 提升 减少 增加 保持 超过 位居 居 占 为 是 有".split())
# adverbs, prepositions, conjunctions, particles, pronouns end a noun phrase; not "ad": the dictionary
# tags 公开 "ad", and 政府信息公开申请 is one phrase
_STOP = ("d", "p", "c", "u", "r")
_YEAR = re.compile(r"^(?:[0-9０-９]{4}年度?|[0-9０-９]{1,2}月份?)+")
MAX_TOPIC = 10


def _tags() -> dict[str, str]:
    """word -> part-of-speech tag, the third column of the tokenizer's own dictionary.

    jieba.posseg tags the same words but runs its HMM over every phrase: measured 5x slower on new
    text (98 vs 20 ms per 10,000 characters), so the tags are looked up instead.
    """
    from core.detect.subject import word_tags

    return word_tags()


def _guess(word: str) -> str:
    """Tag of a word the dictionary lacks: a verb when it opens with a verb character (办结, 参检),
    else a name (箱涵)."""
    if word[0].isdigit():
        return "m"
    if not "\u4e00" <= word[0] <= "\u9fff" or len(word) == 1:
        return "x"
    return "v" if _tags().get(word[0], "").startswith("v") else "n"


@lru_cache(maxsize=8192)
def pos_cut(s: str) -> tuple[tuple[str, str], ...]:
    from core.detect.subject import _cut

    tags = _tags()
    return tuple((w, tags.get(w) or _guess(w)) for w in _cut(s)) if s else ()


def _nounish(word: str, flag: str) -> bool:
    return flag.startswith(_NOUNISH) and word not in _PREDICATE


@lru_cache(maxsize=8192)
def is_weak(subject: str) -> bool:
    """No thing counted of its own: only verbs, adverbs, generic words, or a short rate word."""
    if not subject:
        return True
    if (len(subject) <= 5 and subject.endswith(_RATE_TAIL)) or (len(subject) <= 7 and subject.endswith("率")):
        return True  # 参考率, 社会化运营率: a rate of something named elsewhere
    if len(subject) >= 8:
        return False  # a phrase this long names something (and skipping the tagger keeps detection fast)
    return not any(_nounish(w, f) and len(w) >= 2 and w not in GENERIC for w, f in pos_cut(subject))


def _tail(words: list[str], limit: int) -> str:
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out


@lru_cache(maxsize=8192)
def topic_of(clause: str) -> str:
    """The noun phrase a clause is about (see the module doc); "" when there is none."""
    s = _YEAR.sub("", clause.strip("，,、：: \u3000"))
    toks = [(w, f) for w, f in pos_cut(s) if w.strip()]
    while toks and (toks[0][0] in GENERIC or (toks[0][1] in ("c", "p", "d", "ad", "r", "m", "t", "f")
                                              and not _nounish(*toks[0]))):
        toks.pop(0)
    if not toks:
        return ""
    if _nounish(*toks[0]):
        # subject-predicate: the noun phrase runs to the first predicate word, adverb or particle
        # (jieba tags 复议, 申请 as verbs inside noun phrases, so plain verbs do not end it)
        words: list[tuple[str, str]] = []
        for w, f in toks:
            if w in _PREDICATE or f.startswith(_STOP) or f == "m":
                break
            words.append((w, f))
        while words and (words[-1][0] in GENERIC or words[-1][0].endswith(_RATE_TAIL)
                         or (words[-1][1] == "v" and len(words) > 1 and words[-2][1] != "v"
                             and words[-1][0] in ("参考", "参检", "办结", "受理"))):
            words.pop()  # 学法考试参考率 -> 学法考试
        names = [w for w, _ in words]
        phrase = "".join(names)
        return phrase if len(phrase) <= MAX_TOPIC else _tail(names, MAX_TOPIC)
    # verb-object: drop the leading verbs and adverbs, keep the object
    i = 0
    while i < len(toks) and not _nounish(*toks[i]) and toks[i][0] not in "“《":
        i += 1
    obj = [w for w, _ in toks[i:]]
    while obj and obj[-1] in GENERIC:
        obj.pop()
    return _tail(obj, MAX_TOPIC) if obj else ""
