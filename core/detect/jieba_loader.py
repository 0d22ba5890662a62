"""jieba's tokenizer over resources/dictionaries/jieba_core.txt, with its prefix dictionary cached.

Building the prefix dictionary from the text file costs ~130 ms of Python on every start; a
``marshal`` copy in the user's cache folder, split by first character, is read in a few ms and
only the characters a report's phrases use are unpacked (:class:`Dictionary`). The cache file is named by the
SHA-256 of the dictionary (a changed dictionary never meets a stale cache) and carries the SHA-256
of its own payload (a truncated or damaged file is rebuilt, never trusted). It is written under a
temporary name and renamed, so two processes starting at once cannot read a half-written file.

jieba imports ``pkg_resources`` (~50 ms, and unused here: our dictionary is a plain file), so it is
imported with ``pkg_resources`` hidden; jieba then falls back to plain ``open``.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import threading
import time
from contextlib import contextmanager

from core import paths

_CACHE_FORMAT = 4  # bump when the cached structure changes (2: part-of-speech tags, 4: by first character)
_DIGEST = 32  # bytes of SHA-256 in front of the payload
log = logging.getLogger(__name__)


@contextmanager
def _pkg_resources_hidden():
    """Make ``import pkg_resources`` fail inside the block (unless someone already loaded it)."""
    if "pkg_resources" in sys.modules:
        yield
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        if "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]


def import_jieba():
    with _pkg_resources_hidden():
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


def prefix_dict(text: str) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix dictionary (word -> frequency, every word prefix -> 0), the total, and each
    word's part-of-speech tag (read here so the file is read once).

    Same result as ``jieba.Tokenizer.gen_pfdict``, but it sleeps(0) every 2,000 lines: a tight
    loop in a worker thread otherwise kept the GIL for ~170 ms at a stretch (measured), freezing
    the GUI thread while the tokenizer warmed up.
    """
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for n, line in enumerate(text.splitlines()):
        parts = line.split()
        if len(parts) < 2:
            continue
        word, count, *rest = parts
        if rest:
            tags[word] = rest[0]
        count_int = int(count)
        freq[word] = count_int
        total += count_int
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
        if n % 2000 == 0:
            time.sleep(0)  # let other threads (the GUI) take the GIL
    return freq, total, tags


def _cache_path(dictionary_digest: str):
    return paths.cache_dir() / f"jieba-pfdict-v{_CACHE_FORMAT}-{dictionary_digest[:24]}.marshal"


def shard(freq: dict[str, int], tags: dict[str, str]) -> dict[str, bytes]:
    """First character -> marshalled (entries, tags) of every prefix-dictionary entry starting with it."""
    parts: dict[str, tuple[dict[str, int], dict[str, str]]] = {}
    for word, count in freq.items():
        parts.setdefault(word[0], ({}, {}))[0][word] = count
    for word, tag in tags.items():
        parts.setdefault(word[0], ({}, {}))[1][word] = tag
    return {first: marshal.dumps(part) for first, part in parts.items()}


class Dictionary:
    """jieba's prefix dictionary, filled in per first character as text is cut.

    Why: building all 81,759 entries (and 66,675 tags) costs 30-50 ms at every start, while a
    report only cuts a few hundred phrases: 4-30 % of the entries begin with a character they
    contain. jieba looks up only substrings of the text it cuts, so once every character of that
    text has its entries loaded (:meth:`ensure`), the cut is exactly the cut over the whole
    dictionary. ``freq`` is the plain dict jieba reads (``Tokenizer.FREQ``); ``total`` is the whole
    dictionary's.
    """

    def __init__(self, shards: dict[str, bytes], total: int) -> None:
        self.freq: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self.total = total
        self._shards = shards
        self._loaded: set[str] = set()
        self._lock = threading.Lock()

    def ensure(self, text: str) -> None:
        """Load the entries of every character of ``text`` (call before cutting or tagging it)."""
        chars = set(text)
        if chars <= self._loaded:
            return
        with self._lock:
            for c in chars - self._loaded:
                part = self._shards.get(c)
                if part is not None:
                    freq, tags = marshal.loads(part)
                    self.freq.update(freq)
                    self.tags.update(tags)
                self._loaded.add(c)  # after its entries: a reader that sees it finds them

    def everything(self) -> tuple[dict[str, int], int, dict[str, str]]:
        """The whole dictionary loaded (tests and comparisons)."""
        self.ensure("".join(self._shards))
        return self.freq, self.total, self.tags


def _read_cache(path) -> Dictionary | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if len(data) <= _DIGEST or hashlib.sha256(payload).digest() != data[:_DIGEST]:
        return None
    try:
        firsts, parts, total = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(firsts, str) and isinstance(parts, list) and len(firsts) == len(parts)
            and isinstance(total, int)):
        return None
    return Dictionary(dict(zip(firsts, parts, strict=True)), total)


def _write_cache(path, value: tuple) -> None:
    payload = marshal.dumps(value)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only or full cache folder only costs speed
        log.info("jieba cache not written: %s", exc)
        tmp.unlink(missing_ok=True)


def load_dictionary(dictionary) -> Dictionary:
    raw = dictionary.read_bytes()
    path = _cache_path(hashlib.sha256(raw).hexdigest())
    cached = _read_cache(path)
    if cached is not None:
        return cached
    freq, total, tags = prefix_dict(raw.decode("utf-8"))
    shards = shard(freq, tags)
    # first characters as one string and the parts as a list: marshal reads that in ~1 ms, the
    # same data as a dict of 7,199 entries in ~10 ms (measured)
    _write_cache(path, ("".join(shards), list(shards.values()), total))
    return Dictionary(shards, total)


def load_prefix_dict(dictionary) -> tuple[dict[str, int], int, dict[str, str]]:
    """The whole prefix dictionary, its total and the tags (through the cache)."""
    return load_dictionary(dictionary).everything()


def load_tokenizer():
    """A private, initialised jieba tokenizer (``tmp_dir`` in the user's cache folder, so jieba
    never writes into the install folder) and its :class:`Dictionary`: call
    ``dictionary.ensure(text)`` before ``tokenizer.lcut(text)``."""
    jieba = import_jieba()
    path = paths.resource("dictionaries", "jieba_core.txt")
    tokenizer = jieba.Tokenizer(dictionary=str(path))
    tokenizer.tmp_dir = str(paths.cache_dir())
    dictionary = load_dictionary(path)
    tokenizer.FREQ, tokenizer.total = dictionary.freq, dictionary.total
    tokenizer.initialized = True
    return tokenizer, dictionary
