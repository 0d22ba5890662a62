"""UTF-16 ↔ str offset conversion (characters beyond the BMP take two UTF-16 units)."""
from gui.text_offsets import Utf16Index, from_utf16, to_utf16, utf16_len


def _u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_round_trip_with_astral_characters():
    text = "a𠀀b𠀁c召开会议26次😀。"
    ix = Utf16Index(text)
    for i in range(len(text) + 1):
        pos = ix.to_utf16(i)
        assert pos == _u16(text[:i])
        assert ix.from_utf16(pos) == i
        assert to_utf16(text, i) == pos and from_utf16(text, pos) == i
    assert utf16_len(text) == _u16(text)


def test_position_inside_surrogate_pair_maps_to_char_start():
    text = "x𠀀y"
    ix = Utf16Index(text)
    assert ix.from_utf16(2) == 1  # low surrogate of 𠀀
    assert ix.from_utf16(3) == 2


def test_bmp_text_is_identity_and_clamped():
    ix = Utf16Index("法治政府")
    assert [ix.to_utf16(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert ix.from_utf16(99) == 4 and ix.to_utf16(-3) == 0
