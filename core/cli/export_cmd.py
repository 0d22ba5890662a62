"""``export``: not available until the review database lands."""
from __future__ import annotations

from core.cli.console import EXIT_USAGE, fail


def run(args) -> int:
    return fail("export 命令尚未提供（数据库功能开发中）。", EXIT_USAGE)
