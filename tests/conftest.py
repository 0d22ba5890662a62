"""Test set-up: no display needed, no user folders touched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never try to open a real display in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
# Everything a test reads lives in the repository (tests/data: copies of the seed reports, their gold
# annotations and the importer fixtures), so a clone anywhere runs every test; the shared data folder beside the checkout is for benches.
DATA = ROOT / "tests" / "data"
SEEDS = DATA / "seeds"
GOLD = DATA / "gold"
FIXTURES = DATA / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data/cache folders, so no test sees the user's database."""
    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path / "home"))
    # OCR of scanned pages costs seconds per page: off unless a test asks for it (tests/core/test_ocr*.py);
    # with it off, scans are refused as before, which the importer tests check.
    monkeypatch.setenv("REPORTDESK_OCR", "off")
    return tmp_path / "home"
