"""Decoding and control-character removal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.textclean import decode_bytes, is_binary, normalize_text, strip_controls

ESC = "\x1b"


def test_strips_csi_osc_and_c1_but_keeps_visible_text() -> None:
    text = f"a{ESC}[31mred{ESC}[0m {ESC}]8;;http://x\x07link{ESC}]8;;\x07 \x9b2Jok\tend\x07"
    assert strip_controls(text) == "ared link ok\tend"


def test_strips_bidi_overrides() -> None:
    assert strip_controls("abc\u202edcba\u202c \u2066x\u2069") == "abcdcba x"


def test_keeps_newlines_and_normalizes_carriage_returns() -> None:
    assert strip_controls("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_normalize_turns_no_break_spaces_into_spaces() -> None:
    assert normalize_text("News\u00a0/\u00a0More") == "News / More"


@given(st.text())
def test_strip_controls_leaves_no_control_characters(text: str) -> None:
    cleaned = strip_controls(text)
    assert not any(
        (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c == "\x1b" for c in cleaned
    )
    assert "\u202e" not in cleaned


def test_decodes_utf8_cp1252_and_latin1() -> None:
    assert decode_bytes("Kamikawa “quoted” – café".encode()) == "Kamikawa “quoted” – café"
    assert decode_bytes("He said “no” – café".encode("cp1252")) == "He said “no” – café"
    assert decode_bytes("naïve façade résumé déjà".encode("latin-1")) == "naïve façade résumé déjà"


def test_decodes_utf8_with_bom_and_utf16() -> None:
    assert decode_bytes(b"\xef\xbb\xbfhello") == "hello"
    assert decode_bytes("hé".encode("utf-16")) == "hé"


@given(st.text())
def test_utf8_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


@given(st.binary())
def test_decode_never_raises(data: bytes) -> None:
    assert isinstance(decode_bytes(data), str)


def test_binary_detection() -> None:
    assert is_binary(b"\x00\x01\x02binary")
    assert not is_binary(b"plain text\nwith lines\n")
    assert not is_binary("utf-16 text".encode("utf-16"))


def test_unterminated_sequences_keep_the_following_text() -> None:
    assert (
        strip_controls("keep \x1bPeter and more\n\nnext para") == "keep eter and more\n\nnext para"
    )
    assert strip_controls("a \x1b]no end\nb") == "a no end\nb"
    assert strip_controls("x \x9dtext after") == "x text after"
