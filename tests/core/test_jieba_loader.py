"""jieba's prefix dictionary: cached by dictionary hash, damaged caches rebuilt, no pkg_resources."""
import subprocess
import sys
from pathlib import Path

from core import paths
from core.detect import jieba_loader

ROOT = Path(__file__).resolve().parents[2]


def _dictionary(tmp_path, words):
    path = tmp_path / "dict.txt"
    path.write_text("".join(f"{w} {n} n\n" for w, n in words), encoding="utf-8")
    return path


def test_cache_is_built_once_and_matches_a_fresh_build(tmp_path):
    d = _dictionary(tmp_path, [("规范性文件", 30), ("规范", 50), ("文件", 80)])
    freq, total, tags = jieba_loader.load_prefix_dict(d)
    assert total == 160 and freq["规范性文件"] == 30 and freq["规范性"] == 0
    assert tags["规范"] == "n"
    caches = list(paths.cache_dir().glob("jieba-pfdict-*"))
    assert len(caches) == 1
    caches[0].write_bytes(caches[0].read_bytes())  # same content: loaded from the cache
    assert jieba_loader.load_prefix_dict(d) == (freq, total, tags)
    assert jieba_loader.load_prefix_dict(d) == jieba_loader.prefix_dict(d.read_text("utf-8"))


def test_changed_dictionary_gets_its_own_cache(tmp_path):
    d = _dictionary(tmp_path, [("复议", 10)])
    jieba_loader.load_prefix_dict(d)
    d.write_text("复议 10 n\n诉讼 5 n\n", encoding="utf-8")
    freq, total, _tags = jieba_loader.load_prefix_dict(d)
    assert "诉讼" in freq and total == 15
    assert len(list(paths.cache_dir().glob("jieba-pfdict-*"))) == 2


def test_damaged_cache_is_rebuilt_not_trusted(tmp_path):
    d = _dictionary(tmp_path, [("行政复议", 7)])
    good = jieba_loader.load_prefix_dict(d)
    (cache,) = paths.cache_dir().glob("jieba-pfdict-*")
    for damage in (b"", cache.read_bytes()[:40], cache.read_bytes()[:-3] + b"xyz"):
        cache.write_bytes(damage)
        assert jieba_loader.load_prefix_dict(d) == good
        reread = jieba_loader._read_cache(cache)
        assert reread is not None and reread.everything() == good  # rewritten whole


def test_jieba_without_pkg_resources(tmp_path):
    code = ("import sys; from core.detect.jieba_loader import load_tokenizer;"
            "t, d = load_tokenizer(); d.ensure('全年审核规范性文件12件'); print(t.lcut('全年审核规范性文件12件'));"
            "print('pkg_resources' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**__import__("os").environ, "REPORTDESK_HOME": str(tmp_path)},
                         check=True).stdout.splitlines()
    assert "规范性" in out[0] and out[1] == "False"


def test_dictionary_filled_per_character_cuts_like_the_whole_dictionary():
    """Entries are unpacked only for the characters of the text being cut; jieba looks up only
    substrings of that text, so every cut and tag equals the one over the whole dictionary."""
    import copy

    tokenizer, dictionary = jieba_loader.load_tokenizer()
    whole = copy.copy(tokenizer)
    freq, total, tags = jieba_loader.load_dictionary(paths.resource("dictionaries", "jieba_core.txt")).everything()
    whole.FREQ, whole.total = freq, total
    text = (ROOT / "tests" / "data" / "seeds" / "000_fae492f318547c6d.txt").read_text(encoding="utf-8")
    phrases = [p for p in text.replace("。", "，").split("，") if p][:300] + ["预热分词", "全年共办理行政复议案件12件"]
    assert len(dictionary.freq) < len(freq)  # nothing unpacked beyond what was cut
    for phrase in phrases:
        dictionary.ensure(phrase)
        cut = tokenizer.lcut(phrase)
        assert cut == whole.lcut(phrase), phrase
        assert [dictionary.tags.get(w) for w in cut] == [tags.get(w) for w in cut]
    assert len(dictionary.freq) < len(freq)
