"""Detection against the five gold annotations (tests/data/gold, a copy of the shared gold annotations)."""
from __future__ import annotations

import json

import pytest

from tests.conftest import GOLD, SEEDS


def _cases():
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.fixture(scope="module")
def scored():
    from bench.eval_accuracy import score_doc
    from core.detect import detect

    out = []
    for gp in _cases():
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
        ext = detect(text, source=gold["doc"])
        out.append((gold, text, ext, score_doc(gold, text, ext)))
    return out


def test_sections_f1(scored):
    tp = sum(d["sec_tp"] for *_, d in scored)
    pred = sum(d["sec_pred"] for *_, d in scored)
    gold = sum(d["sec_gold"] for *_, d in scored)
    f1 = 2 * tp / (pred + gold)
    assert f1 >= 0.99, [(d["doc"], d["sec_missed"], d["sec_spurious"]) for *_, d in scored]


def test_section_spans_match_gold(scored):
    for *_, d in scored:
        assert not d["sec_end_wrong"], d["sec_end_wrong"]


def test_kinds_all_right(scored):
    for *_, d in scored:
        assert not d["kinds_wrong"], (d["doc"], d["kinds_wrong"])


def test_missing_parts_right(scored):
    for *_, d in scored:
        assert d["missing_ok"], (d["doc"], d["missing_pred"], d["missing_gold"])


def test_org_and_year_right(scored):
    for *_, d in scored:
        assert (d["org_pred"], d["year_pred"]) == (d["org_gold"], d["year_gold"]), d["doc"]


def test_figures_know_their_section(scored):
    for _gold, text, ext, _ in scored:
        for f in ext.figures:
            assert text[f.start:f.end] == f.text
            if f.section is not None:
                s = ext.sections[f.section]
                assert s.start <= f.start
                later = [t for t in ext.sections[f.section + 1:] if t.start <= f.start]
                assert not later


def test_importer_texts_keep_outline_and_meta():
    """DOCX/PDF imports (fixtures/expected) give the same outline and body as the seeds."""
    from core.detect import detect
    from tests.conftest import FIXTURES

    expected = {"000_yuzhong": ("重庆市渝中区民政局", 2023, 12, []),
                "000_yuzhong_fullwidth_digits": ("重庆市渝中区民政局", 2023, 12, []),
                "001_jizhou": ("蓟州区民政局", 2022, 13, []),
                "002_qingcheng": ("清城区民政局", 2023, 15, []),
                "002_qingcheng_autonum": ("清城区民政局", 2023, 15, []),
                "003_lanzhou": ("兰州市民政局", 2023, 19, ["leader_duty"]),
                "004_jiulongpo": ("九龙坡区民政局", 2021, 15, ["leader_duty"]),
                "004_jiulongpo_tables": ("九龙坡区民政局", 2021, 15, ["leader_duty"])}
    for name, (org, year, n, missing) in expected.items():
        p = FIXTURES / "expected" / f"{name}.expected.txt"
        if not p.exists():
            continue
        ext = detect(p.read_text(encoding="utf-8"), fmt="docx")
        assert (ext.meta.org, ext.meta.year, len(ext.sections), ext.missing_parts) == (org, year, n, missing), name
    ext = detect((FIXTURES / "expected" / "003_lanzhou.expected.txt").read_text(encoding="utf-8"))
    assert ext.meta.doc_number == "兰民字〔2024〕8号" and ext.meta.published == "2024-02-02"
