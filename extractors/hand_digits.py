"""Deciding a hand-written number or day from its readings (issue 15, item 5).

A wrong number is worse than none: a value is accepted only when the evidence agrees.
The readings of one field ("Số: 47 /QĐ-UBND", "ngày 05 tháng 02 năm 2025"):
  - Tesseract's word on the page and its digits-only second pass (extractors/readers/ocr.py);
  - the hand-digit reader's two readings of the cleaned field: PP-OCR restricted to digits and
    Tesseract on the same cleaned crop (extractors/readers/digits.py);
  - the numbers in the file name ("qd-47-ubnd.pdf");
  - for a day: the printed month and year, and the day of the first digital signature
    (a decision is signed on or after the day written on it).
Accepted: (1) PP-OCR (digit probability ≥ 0.7) and another reader agree; (2) PP-OCR agrees with the file name;
(3) for a day only, PP-OCR alone when very sure, a valid date, and on or before the signature,
at most a few days before it. Anything else: null, and the note tells the reviewer what was read.
"""
from __future__ import annotations

from datetime import date

from extractors.dates import make_date

AGREE_CONF = 0.7  # PP-OCR's lowest digit probability when another reader says the same
ALONE_CONF = 0.95  # … when it is the only reader (a day bounded by the signature)
FOREIGN_MAX = 0.5  # PP-OCR saw a mark it reads as no digit at all (a letter, a symbol)
SIGNED_WITHIN_DAYS = 10  # decisions here are signed the same day or a few days after the written day


# The fields a note speaks of, as a reviewer reads them ("the day" stays the code's word).
FIELD_WORDS = {"the number": "số văn bản", "the day": "ngày"}

def plain(digits: str | None) -> str | None:
    """'05' and '5' are the same day; '0' or '' is no reading."""
    if not digits or not digits.isdigit():
        return None
    return digits.lstrip("0") or None


def plausible(what: str, digits: str, printed: str | None, bound: str | None) -> bool:
    """A day is 1–31 and, with the printed month and year, a real date not after the signature;
    a number is 1–5 digits (issue numbers restart each year)."""
    if what == "the number":
        return 1 <= len(digits) <= 5 and int(digits) > 0
    if not (1 <= len(digits) <= 2 and 1 <= int(digits) <= 31):
        return False
    if printed is None:
        return True
    year, month = (int(x) for x in printed.split("-"))
    day = make_date(year, month, int(digits))
    if day is None:
        return False
    return bound is None or day <= date.fromisoformat(bound)


def signed_soon_after(digits: str, printed: str | None, bound: str | None) -> bool:
    """The written day lies within SIGNED_WITHIN_DAYS before the signature's day."""
    if not (printed and bound):
        return False
    year, month = (int(x) for x in printed.split("-"))
    day = make_date(year, month, int(digits))
    return day is not None and 0 <= (date.fromisoformat(bound) - day).days <= SIGNED_WITHIN_DAYS


def weigh_hand_digits(first: str | None, first_conf: float, second: dict, named: set[str],
                      what: str) -> tuple[str | None, str | None, str]:
    """(digits, source, note) like metadata.weigh_ocr_digits, for a field the hand-digit reader saw."""
    hand = second["hand"]
    pp = hand.get("ppocr") or {}
    value = pp.get("digits") or None
    others = {"tesseract": (hand.get("tesseract") or {}).get("digits"), "second pass": second.get("digits"),
              "first reading": first if first and first.isdigit() else None}
    note = (f"{FIELD_WORDS.get(what, what)} có vẻ viết tay: OCR đọc {first!r} ({first_conf:.0f}); bộ đọc chữ số "
            f"{value!r} ({pp.get('conf', 0):.2f}{', có nét không phải chữ số' if pp.get('foreign', 0) >= FOREIGN_MAX else ''}), "
            f"Tesseract trên vùng đã làm sạch {others['tesseract']!r}")
    if not value or pp.get("foreign", 1) >= FOREIGN_MAX or not plausible(what, value, hand.get("printed"), hand.get("bound")):
        return None, None, note
    if hand.get("marks", 0) > len(value or ""):  # "11" read "1": a mark was left unread
        return None, None, note + f", {hand['marks']} nét rời"
    wide = hand.get("wide_digits")
    if wide and len(plain(wide) or "") != len(plain(value) or ""):  # read with its printed words, the field
        # holds more or fewer digits: the field's box cut a digit off, or kept a printed remnant
        return None, None, note + f", đọc cùng chữ in {hand.get('wide')!r}"
    if plain(value) in named:  # the file name is a reading of its own, made by whoever filed it
        return value, "hand-digit reader + file name", ""
    if pp.get("conf", 0) < AGREE_CONF:
        return None, None, note
    agreeing = [name for name, other in others.items() if plain(other) and plain(other) == plain(value)]
    if agreeing:
        return value, f"hand-digit reader + {agreeing[0]}", ""
    if what == "the day" and pp["conf"] >= ALONE_CONF and signed_soon_after(value, hand.get("printed"), hand.get("bound")):
        return value, "hand-digit reader, bounded by the digital signature", ""
    return None, None, note

