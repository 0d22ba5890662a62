"""Test set-up: no display needed, no user folders touched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never try to open a real display in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
FIXTURES = SHARED / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data/cache folders, so no test sees the user's database."""
    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared (seeds, gold, fixtures) is not beside the checkout")
