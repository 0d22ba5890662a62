"""Subjects (事项) name the thing counted: a weak clause (增长, 已办结, 参考率) takes the sentence's topic;
items of an enumeration (其中A12项，B1项) take the enumeration's head, not their sibling's words."""
from __future__ import annotations

import pytest

from core.detect.figures import find_figures
from core.detect.subject_topic import is_weak, topic_of


def subjects(text):
    return {f.text: f.subject for f in find_figures(text)}


@pytest.mark.parametrize("text, fig, must_have, must_not", [
    # corpus sentences
    ("社会消费品零售总额629.1亿元，增长16%。", "16%", "社会消费品零售总额", None),
    ("固定资产投资总额332.01亿元，增长12.2%。", "12.2%", "固定资产投资总额", None),
    ("国内专利申请量2.3万件，增长9.1%，占全市的29.3%。", "29.3%", "专利申请", None),
    ("依法依规做好政府信息公开，受理180余宗政府信息公开申请，同比增长约300%，已办结170宗。",
     "170宗", "政府信息公开申请", "同比增长"),
    ("依法依规做好政府信息公开，受理180余宗政府信息公开申请，同比增长约300%，已办结170宗。",
     "约300%", "政府信息公开申请", None),
    # constructed
    ("地区生产总值突破三千亿大关，达3003亿元，增长8.8%。", "3003亿元", "地区生产总值", None),
    ("地区生产总值突破三千亿大关，达3003亿元，增长8.8%。", "8.8%", "地区生产总值增长", None),
    ("组织全区国家工作人员学法考试，参考率100%，优秀率99.88%。", "99.88%", "学法考试", "参考率"),
    ("梳理事项44项，其中行政许可12项，行政给付1项，行政确认4项。", "1项", "行政给付", "行政许可"),
    ("推进排水箱涵改造工程，完成50%工程量。", "50%", "改造工程", None),
])
def test_subject(text, fig, must_have, must_not):
    s = subjects(text)[fig]
    assert must_have in s
    if must_not:
        assert must_not not in s


@pytest.mark.parametrize("s, weak", [("增长", True), ("已办结", True), ("不受理", True), ("参考率", True),
                                      ("完成工程量", True), ("社会化运营率", True), ("行政复议申请", False),
                                      ("新增上市企业", False), ("", True)])
def test_is_weak(s, weak):
    assert is_weak(s) is weak


@pytest.mark.parametrize("clause, topic", [
    ("地区生产总值突破三千亿大关", "地区生产总值"),      # subject-predicate: the subject
    ("受理政府信息公开申请", "政府信息公开申请"),        # verb-object: the object
    ("应参检社会组织", "社会组织"),
    ("国家工作人员学法考试参考率", "国家工作人员学法考试"),  # a rate word is not the topic
])
def test_topic_of(clause, topic):
    assert topic_of(clause).endswith(topic)


def test_listed_nouns_are_counted_together():
    s = subjects("全区共有城乡低保、低保边缘家庭6553户，共12370人。")
    assert "城乡低保" in s["6553户"] and "边缘家庭" in s["6553户"]
    s = subjects("新增上市企业7家、挂牌企业58家。")
    assert "上市企业" not in s["58家"]
