"""Which scanned pages are worth OCR (issue 20: OCR only what is needed).

A year's batch is mostly decisions that are not about cụm/khối thi đua. The first page with text
is always read: it holds the header, the number, the date and the title. The rest is read only
when what has been read may lead to a roster (cụm/khối thi đua wording, a Trưởng/Phó khối, an
appendix of one); otherwise only the last page, where the signature is. Skipped pages are
recorded in the document (and in its record), never guessed at.
"""
from __future__ import annotations

import re

from extractors import limits
from pipeline.units.normalize import fold_diacritics

# Folded (no tone marks, đ → d, lower case) so that OCR's tone errors ("Khôi", "Cum") still match.
ROSTER_CUE = re.compile(
    r"\b(?:cum|khoi)\b[^\n]{0,60}?\bthi\s*dua\b"          # "các Cụm, Khối thi đua", "khối thi đua"
    r"|\bthi\s*dua\b[^\n]{0,30}?\b(?:cum|khoi)\b"          # "thi đua theo cụm"
    r"|\b(?:cum|khoi)\s+(?:truong|pho)\b|\b(?:truong|pho)\s+(?:cum|khoi)\b")  # "Cụm trưởng", "Phó khối"


def may_hold_roster(text: str) -> bool:
    return bool(ROSTER_CUE.search(fold_diacritics(text).lower()))


# The signature block: "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. GIÁM ĐỐC"…
SIGNATURE_CUE = re.compile(r"\bnoi nhan\b|(?:^|\n)\s*(?:tm|kt|tl|tuq|q)\s*\.\s*\w", re.MULTILINE)


def may_be_signed(text: str) -> bool:
    return bool(SIGNATURE_CUE.search(fold_diacritics(text).lower()))


class PagePlan:
    """Feed it the text of each page read (`seen`); ask it whether a scanned page is worth OCR
    (`wanted`), then, after the last page, which skipped pages must still be read (`more`,
    `take_back`): the ones before the last page while the signature has not been found."""

    def __init__(self, pages: int):
        self.pages = pages
        self.read_all = limits.ocr_all_pages()
        self.started = False  # a page with text has been read
        self.cue = False
        self.signed = False  # the signature block is on a page read after the last skipped one
        self.skipped: list[int] = []

    def seen(self, number: int, text: str) -> None:
        if text.strip():
            self.started = True
        if not self.cue and may_hold_roster(text):
            self.cue = True
        if not self.signed and number > max(self.skipped, default=0) and may_be_signed(text):
            self.signed = True

    def wanted(self, number: int) -> bool:
        """Page `number` (1-based) must be read; when not, it is recorded as skipped."""
        if self.read_all or not self.started or self.cue or number == self.pages:
            return True
        self.skipped.append(number)
        return False

    def more(self) -> bool:
        return bool(self.skipped) and (self.cue or not self.signed)

    def take_back(self) -> int:
        """The last skipped page, now to be read."""
        return self.skipped.pop()

    def warning(self) -> str | None:
        if not self.skipped:
            return None
        return (f"không OCR {len(self.skipped)} trang quét ({page_list(self.skipped)}): phần đã đọc không nói về "
                "cụm, khối thi đua, chỉ đọc trang đầu và trang ký; không lấy thông tin nào từ các trang này "
                "(QUYETDINH_OCR_ALL_PAGES=1 để đọc hết)")


def page_list(numbers: list[int]) -> str:
    """[2, 3, 4, 7] → 'trang 2–4, 7'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "trang " + ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
