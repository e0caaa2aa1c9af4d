"""Bytes → text: byte-order marks first, then strict UTF-8, then a statistical guess.

Chinese policy files still arrive as GB18030/GBK or Big5; those decode through charset-normalizer,
which is given at most `encoding_sample_bytes` to look at. Binary data is refused before any guessing:
a text file never contains NUL bytes (unless UTF-16) and hardly any other C0 control bytes, and none of
the CJK multi-byte encodings uses bytes below 0x20.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from policykg.errors import BinaryContent, EmptyDocument, TooLarge, UndecodableText
from policykg.settings import Settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Share of control bytes/chars above which a file is binary, not text.
_MAX_CONTROL_RATIO = 0.01
#: Signatures of common binary formats that are not documents we read.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"MZ",
    b"\xfd7zXZ",
    b"Rar!",
)
# A GB18030 guess for a Big5 file (and vice versa) decodes, but to rare characters; keep the names tidy.
_CANONICAL = {"gb2312": "gb18030", "gbk": "gb18030", "big5hkscs": "big5", "cp950": "big5", "ascii": "utf-8"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    confidence: float


def decode_bytes(data: bytes, settings: Settings, hint: str | None = None) -> Decoded:
    """Decode a whole file; raises EmptyDocument, BinaryContent, UndecodableText or TooLarge."""
    if not data.strip():
        raise EmptyDocument("the file is empty or holds only whitespace")
    decoded = _decode(data, settings, hint)
    if len(decoded.text) > settings.max_text_chars:
        raise TooLarge(
            f"the text has {len(decoded.text)} characters, more than max_text_chars",
            limit=settings.max_text_chars,
        )
    sample = decoded.text[: settings.encoding_sample_bytes]
    if sample and len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise BinaryContent("the decoded text is mostly control characters")
    if not decoded.text.strip():
        raise EmptyDocument("the file holds only whitespace")
    return decoded


def _decode(data: bytes, settings: Settings, hint: str | None) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name, 1.0)
            except UnicodeDecodeError as exc:
                raise UndecodableText(
                    f"the file starts with a {name} byte-order mark but is not {name}"
                ) from exc
    sample = data[: settings.encoding_sample_bytes]
    if sample.startswith(_BINARY_MAGIC):
        raise BinaryContent("the file is a binary (image, archive or executable) file")
    if b"\x00" in sample:
        utf16 = _bomless_utf16(sample)
        if utf16 is None:
            raise BinaryContent("the file contains NUL bytes")
        try:
            return Decoded(data.decode(utf16), utf16, 0.9)
        except UnicodeDecodeError as exc:
            raise BinaryContent("the file contains NUL bytes and is not UTF-16") from exc
    if len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise BinaryContent("the file is mostly control bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            return Decoded(data.decode(hint), _CANONICAL.get(hint.lower(), hint.lower()), 0.95)
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data, sample)


def _guess(data: bytes, sample: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise UndecodableText("no text encoding fits the file")
    name = _CANONICAL.get(best.encoding, best.encoding)
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        # The sample may end inside a multi-byte character; the rest of the file may hold stray bytes.
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UndecodableText(f"the file is not valid {name}") from exc
    return Decoded(text, name, round(max(0.0, 1.0 - float(best.chaos)), 3))


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity, as in mostly-ASCII UTF-16."""
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even = sample[0:n:2].count(0)
    odd = sample[1:n:2].count(0)
    half = n // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return _utf16_by_content(sample[:n])


#: What a UTF-16 text is made of: ASCII, CJK ideographs and punctuation, full-width forms, general punctuation.
_TEXT_CHARS = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2460-\u24ff\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

_CJK_PUNCTUATION = re.compile("[\u3001\u3002\uff0c\uff1b\uff1a]")  # 、。，；：


def _utf16_by_content(sample: bytes) -> str | None:
    """The byte order under which a BOM-less sample reads as text, for UTF-16 with few ASCII characters.

    Chinese in UTF-16 has NULs only in its ASCII characters (line ends, digits), so their parity is a
    weak sign; decoded in the right order, nearly every character is ASCII or CJK and the text is
    punctuated the Chinese way, in the wrong order (or for binary data) it is not.
    """
    for name in ("utf-16-le", "utf-16-be"):
        text = sample.decode(name, errors="replace")
        if (
            text
            and len(_TEXT_CHARS.findall(text)) >= 0.95 * len(text)
            and len(_CJK_PUNCTUATION.findall(text)) >= 0.005 * len(text)
        ):
            return name
    return None
