"""The parse clock: generous for long real reports, strict for a silent loop."""
import pytest

from core import limits


class FakeTime:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock_time(monkeypatch):
    fake = FakeTime()
    monkeypatch.setattr(limits.time, "monotonic", fake.monotonic)
    monkeypatch.delenv(limits.TIME_LIMIT_ENV, raising=False)
    return fake


def test_a_small_file_that_never_reports_gets_the_base_limit(clock_time):
    clock = limits.ParseClock(1000)
    clock_time.now += 59
    assert clock.remaining() > 0
    clock_time.now += 2
    assert clock.remaining() <= 0
    assert clock.error("x.pdf").message.startswith("解析该文件超过 60 秒仍未完成，已停止")


def test_a_400_page_report_that_keeps_reporting_may_take_minutes(clock_time):
    clock = limits.ParseClock(3 * limits.MB)  # 60 s + 3 x 20 s before the page count is known
    for page in range(400):
        clock_time.now += 1.5  # a slow office PC
        clock.news(400)
        assert clock.remaining() > 0, page
    assert clock.budget == 60 + 2 * 400


def test_a_parser_that_stops_reporting_is_stopped_after_the_stall_limit(clock_time):
    clock = limits.ParseClock(3 * limits.MB)
    clock.news(400)
    clock_time.now += limits.PARSE_STALL_S + 1
    assert clock.remaining() <= 0
    assert clock.error("x.pdf").message.startswith("解析该文件超过 120 秒没有任何进展，已停止")


def test_the_environment_fixes_the_limit(clock_time, monkeypatch):
    monkeypatch.setenv(limits.TIME_LIMIT_ENV, "3")
    clock = limits.ParseClock(100 * limits.MB)
    clock.news(500)
    clock_time.now += 3.5
    assert clock.remaining() <= 0
