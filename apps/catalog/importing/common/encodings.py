"""Which text encoding a CSV upload is in, decided from its first megabyte.

A byte-order mark decides, then strict UTF-8. A file that is not UTF-8 is either a legacy
export (Excel's "CSV" on Windows writes Windows-1252) or UTF-8 with broken bytes, and both
look alike: some bytes above 0x7F that do not form UTF-8. Guessing wrong imports garbled
names and descriptions ("CafÃ Mug", "Blue ÿþ Shirt") without a word, so a legacy encoding
is taken only on evidence:

- Windows-1252 when every non-ASCII character it yields reads as Western text: a Latin letter
  inside a word, or one of the symbols and punctuation of Windows-1252's upper half (curly
  quotes, dashes, the euro sign, ...).
- Another legacy encoding (Cyrillic, Greek, CJK, ...) when charset-normalizer names one and
  the sample holds enough non-ASCII bytes for its statistics to mean something.

Anything else is refused as broken UTF-8, with the position of the first bad byte.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from apps.catalog.importing.common.records import ImportFileError

# Below this many bytes above 0x7F, a statistical guess of the encoding is a coin toss.
MIN_EVIDENCE_BYTES = 16
WESTERN_SYMBOLS = frozenset(
    char
    for char in bytes(range(0x80, 0xFF)).decode("cp1252", "ignore")
    if not char.isalpha() or char in "\xaa\xb5\xba"  # ordinals and the micro sign
)
# Latin letters that, in a shop's catalogue, come from misread bytes far more often than from
# text (ÿþ is a UTF-16 byte-order mark read as Windows-1252; ð/þ are Icelandic only).
MISREAD_LETTERS = frozenset("ÿþÞðÐ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def encoding_error(encoding: str, offset: int, line: int) -> ImportFileError:
    name = "UTF-8" if encoding.replace("_", "-").lower().startswith("utf-8") else encoding
    return ImportFileError(
        "encoding",
        f"The file is not valid {name} text: unreadable bytes at byte {offset:,} (line {line}). "
        "Save it as UTF-8 (“CSV UTF-8” in Excel) and upload it again.",
    )


def detect_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    if b"\x00" in sample:
        half = len(sample) // 2 or 1
        if sample[1::2].count(0) > half * 0.3:
            return "utf-16-le"
        if sample[0::2].count(0) > half * 0.3:
            return "utf-16-be"
        raise ImportFileError("unknown_format", "The file contains binary data, not text.")
    broken = encoding_error("utf-8", first_bad, sample[:first_bad].count(b"\n") + 1)
    replaced = sample.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    if len(_NON_ASCII.findall(replaced)) - bad >= bad:
        raise broken  # mostly well-formed UTF-8 with a few bad bytes
    if _reads_as_western(sample):
        return "cp1252"
    if sum(byte > 0x7F for byte in sample) < MIN_EVIDENCE_BYTES:
        raise broken
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding.replace("_", "-").startswith("utf"):
        raise broken
    return best.encoding


def _reads_as_western(sample: bytes) -> bool:
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are not Windows-1252
        return False
    return all(_plausible(text, match.start()) for match in _NON_ASCII.finditer(text))


def _plausible(text: str, at: int) -> bool:
    char = text[at]
    if char in WESTERN_SYMBOLS:
        return True
    if char in MISREAD_LETTERS or "LATIN" not in unicodedata.name(char, ""):
        return False
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char.isupper() and before.islower():
        return False  # "CafÃ": a capital inside a lower-case word is a misread byte
    # Inside a word, or a lone lower-case letter such as French "à".
    return before.isalpha() or after.isalpha() or char.islower()
