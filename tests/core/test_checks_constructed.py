"""Every constructed case (tests/data/checks/constructed.json): planted errors are found by their
kind, look-alikes stay silent. The same file feeds bench/eval_checks.py (recall, false alarms)."""
import json

import pytest

from tests.conftest import DATA
from core.checks import KINDS, run_checks
from core.detect import detect

CASES = json.loads((DATA / "checks" / "constructed.json").read_text(encoding="utf-8"))["cases"]


def test_every_kind_has_positive_and_negative_cases():
    for kind in KINDS:
        if kind == "copy":
            continue  # needs two reports: tests/core/test_checks_copies.py
        assert {c["expect"] for c in CASES if c["kind"] == kind} == {True, False}, kind


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_constructed_case(case):
    ext = detect(case["text"])
    found = [c for c in run_checks(ext) if c.kind == case["kind"]]
    if case["expect"]:
        assert found, case["text"]
        for c in found:
            assert c.message and ext.text[c.start:c.end] == c.quote
            assert all(0 <= i < len(ext.figures) for i in c.figures)
    else:
        assert not found, [c.message for c in found]
