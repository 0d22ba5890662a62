"""Fixtures shared by the core tests."""
import pytest

from core.store import Store


@pytest.fixture
def store(tmp_path):
    """An empty review database in the test's own folder (tests that need reports in it define
    their own ``store``)."""
    with Store(tmp_path / "db" / "reports.sqlite3") as s:
        yield s
