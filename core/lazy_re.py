"""Regular expressions compiled on first use instead of at import.

Why: CPython compiles a character class in Python, one loop step per code point of every range, so
a pattern with a CJK range such as ``[\\u4e00-\\u9fff]`` (20,992 code points) costs about 1 ms to
compile. Compiled at import, a pattern that only a few reports need (a GB18030 text file, a rate
check, a body named in the opening sentence) is paid by every command and every parser child.

``lazy(pattern)`` stands in for ``re.compile(pattern)`` where the pattern is only used through its
methods (``match``, ``search``, ``finditer``, ``sub``, ...): the first call compiles it and puts the
compiled pattern's bound methods on the instance, so later calls cost the same as on a compiled
pattern. It is not a ``re.Pattern``: do not pass it to ``re.compile``/``re.sub`` or build other
patterns from ``.pattern`` at import (that would compile it at import again).
"""
from __future__ import annotations

import re
from typing import cast

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # only reached for attributes not set yet: the first use compiles (two threads may both
        # compile; each gets an equal pattern)
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.__dict__.update(pattern=compiled.pattern, flags=compiled.flags, groups=compiled.groups,
                             groupindex=compiled.groupindex)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))
