"""Make untrusted text inert and readable: decoding and control-character removal."""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), and two-character escapes (ESC + one char).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                          # CSI
    | \x1b\][^\x07\x1b\x9c\n]{0,2048}(?:\x07|\x1b\\|\x9c)   # OSC, ended by BEL or ST
    | \x1b[PX^_][^\x1b\x9c\n]{0,2048}(?:\x1b\\|\x9c)       # DCS, SOS, PM, APC, ended by ST
    | \x9b[0-?]*[ -/]*[@-~]                           # 8-bit CSI
    | \x9d[^\x07\x9c\n]{0,2048}(?:\x07|\x9c)              # 8-bit OSC
    | \x1b[@-Z\\-_]?                                  # other escapes, or a lone ESC
    """,
    re.VERBOSE,
)
# An unterminated string sequence loses only its introducer (the rest is visible text).

# C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Bidi embeddings, overrides and isolates, plus marks that reorder text invisibly.
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")

_LATIN_FAMILY = frozenset(
    [
        "ascii",
        "latin_1",
        "iso8859_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp437",
        "cp850",
        "cp858",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
    ]
)

_NBSP_LIKE = re.compile(r"[\u00a0\u2007\u202f]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi overrides.

    Newline and tab are kept; carriage returns become newlines so ``\\r\\n`` files read well.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI.sub("", text)


def normalize_text(text: str) -> str:
    """Strip controls, NFC-normalize, and turn no-break spaces into plain spaces."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    return _NBSP_LIKE.sub(" ", text)


def is_binary(data: bytes) -> bool:
    """True when bytes look like a binary file rather than text."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has many NULs
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode text: UTF-8 (with or without BOM), else the detected encoding, else cp1252.

    Never raises: undecodable bytes become U+FFFD at worst.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Detectors often guess a Central-European or DOS code page for short Western text;
    # any Latin-script guess reads best as cp1252 (a superset of latin-1's printable range).
    if encoding.replace("-", "_").lower() in _LATIN_FAMILY:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
