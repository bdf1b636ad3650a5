"""Bytes → text: encoding detection, binary sniffing and text clean-up.

:func:`decode` decides a file's encoding in this order:

1. an encoding the user forced (``--encoding``), strictly;
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. binary content (NUL bytes, or the magic number of a PDF, image, archive …) is refused;
4. strict UTF-8;
5. ``charset-normalizer``, limited to the encodings Chinese news comes in (GB18030 — a superset of
   GB2312 and GBK —, Big5, Big5-HKSCS) plus Japanese/Korean and Windows-1252 so other text is not
   forced into Chinese;
6. a near-miss: text that is UTF-8 or GB18030 apart from a few bad bytes (a truncated download)
   is decoded with U+FFFD in their place, and the caller is told how many.

Decoded text goes through :func:`clean_text`, which replaces characters that cannot be written
back out (lone surrogates, control characters) one for one, so offsets are unchanged.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

#: Encodings charset-normalizer may choose from when a file is not UTF-8.
CANDIDATES = ["gb18030", "big5", "big5hkscs", "euc_jp", "shift_jis", "euc_kr", "cp1252"]
#: How many leading bytes the detector looks at.
SAMPLE_BYTES = 256 * 1024
#: Largest share of bad bytes that is repaired with U+FFFD instead of refusing the file.
REPAIRABLE_SHARE = 0.01

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz)"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
]
_BAD_CHARS = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


class BinaryInputError(InputError):
    """The bytes are not text at all (a PDF, an image, an archive, NUL bytes)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and how many undecodable bytes were replaced."""

    text: str
    encoding: str
    replaced: int = 0


def sniff_binary(data: bytes) -> str | None:
    """What binary content ``data`` starts with (``"a PDF document"``), or None for text."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, *, path: str = "", encoding: str | None = None) -> str:
    """Decode file bytes to clean text; raises :class:`InputError` if they are not text.

    See :func:`decode_detail` for the order of attempts.  Replaced bytes are not reported here;
    use :func:`decode_detail` to learn of them.
    """
    return decode_detail(data, path=path, encoding=encoding).text


def decode_detail(data: bytes, *, path: str = "", encoding: str | None = None) -> Decoded:
    """Decode ``data`` (see the module docs) and say which encoding was used."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}", path=path) from exc
        try:
            return Decoded(clean_text(data.decode(encoding)), encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: bad byte at offset {exc.start}",
                             path=path) from exc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(clean_text(data.decode(enc)), enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {enc} byte-order mark but is not {enc} "
                                 f"(bad byte at offset {exc.start})", path=path) from exc
    what = sniff_binary(data)
    if what:
        wide = _utf16_without_bom(data) if what.endswith("(NUL bytes)") else None
        if wide is None:
            raise BinaryInputError(f"binary file: {what}", path=path)
        return wide
    try:
        return Decoded(clean_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    guess = detect(data)
    if guess:
        try:
            return Decoded(clean_text(data.decode(guess)), guess)
        except UnicodeDecodeError:  # the sample decoded, the rest does not
            pass
    for enc in ("utf-8", "gb18030"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd") - data.decode(enc, errors="ignore").count("\ufffd")
        if bad <= max(8, REPAIRABLE_SHARE * len(text)) and (enc == "utf-8" or plausible_chinese(text)):
            return Decoded(clean_text(text), enc, bad)
    raise InputError("undecodable: not UTF-8, GB18030/GBK or Big5; pass --encoding", path=path)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark (its NUL bytes look binary): Chinese or plain ASCII."""
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        visible = [c for c in text[:20_000] if not c.isspace()]
        if not visible:
            continue
        han = sum(1 for c in visible if _HAN.match(c))
        ascii_ok = all(" " <= c < "\x7f" for c in visible)
        if ascii_ok or (han >= 0.3 * len(visible) and plausible_chinese(text)):
            return Decoded(clean_text(text), enc)
    return None


def detect(data: bytes) -> str | None:
    """The most likely non-UTF-8 encoding of ``data`` among :data:`CANDIDATES`, or None."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    if len(data) > SAMPLE_BYTES:  # do not cut a multi-byte character in two at the end of the sample
        cut = sample.rfind(b"\n")
        sample = sample[: cut + 1] if cut > 0 else sample
    best = from_bytes(sample, cp_isolation=CANDIDATES).best()
    if best is None:
        return None
    return str(best.encoding)


def clean_text(text: str) -> str:
    """Replace characters that cannot be stored or printed (lone surrogates, control characters,
    non-characters) with a space or U+FFFD, one for one, so offsets are unchanged."""
    if not _BAD_CHARS.search(text):
        return text
    return _BAD_CHARS.sub(lambda m: "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else " ", text)


def decode_chinese(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` if ``data`` is Chinese text in GB18030 or Big5, else None.

    For short pieces (a JSONL line) where general detection would guess wildly: the bytes must
    decode strictly and give common Chinese characters (:func:`plausible_chinese`).
    """
    from .script import to_simplified

    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if has_chinese(text) and plausible_chinese(to_simplified(text) if enc == "big5" else text):
            return clean_text(text), enc
    return None


def plausible_chinese(text: str) -> bool:
    """True if the Chinese characters of ``text`` are mostly common ones (in GB2312), as in real
    text; bytes that are not GB18030 text decode to rare characters spread over the whole table."""
    han = _HAN.findall(text[:20_000])
    if not han:
        return True
    common = 0
    for c in han:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.9 * len(han)


def has_chinese(text: str) -> bool:
    """True if ``text`` contains at least one Chinese character."""
    return bool(_HAN.search(text))


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
