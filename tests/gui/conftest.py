"""Fixtures shared by the review-workflow GUI tests (defined in review_fixtures.py)."""
from tests.gui.review_fixtures import answers, rwindow  # noqa: F401 - re-exported as fixtures
