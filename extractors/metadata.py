"""Header facts of the official layout: type, number, place and date, issuer, subject, signer."""
from __future__ import annotations

import re
from datetime import date

from extractors.dates import STAMP, make_date
from extractors.document import Line
from extractors.patterns import (DOC_TITLES, NUMBER, PLACE_DATE, SIGN_AUTHORITY, SO_LINE,
                                 clean_number, symbol_type)
from pipeline.normalize import heading_case

NATIONAL = re.compile(r"CỘNG\s*HÒA|CỘNG\s*HOÀ|Độc\s*lập|^[-_=–—\s]+$", re.IGNORECASE)


def is_person_name(text: str) -> bool:
    """'Vương Quốc Tuấn': 2–5 words, each capitalised (str methods know Vietnamese case)."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha() for w in words)


def is_upper_line(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()

TITLES = re.compile(r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ|TRƯỞNG|"
                    r"THỦ TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|PHÓ TRƯỞNG BAN)$")


def find_number(lines: list[Line]) -> tuple[str | None, str | None, Line | None]:
    # The official "Số: …" line first; a portal's "Số hiệu …" only when there is none.
    candidates = sorted(lines[:40], key=lambda l: 0 if re.match(r"^\s*Số\s*:", l.text) else 1)
    for line in candidates:
        m = SO_LINE.match(line.text)
        if m:
            n = NUMBER.match(line.text, m.end())
            if n:
                return clean_number(n["num"], n["sym"]), n["sym"], line
            s = re.search(r"/\s*([A-ZĐ][A-Za-zĐđ]*(?:[-.][A-Za-zĐđ0-9]+)+)", line.text)
            if s:  # the number itself is blank or unreadable: keep the certain part
                return None, s.group(1), line
    return None, None, None


def find_title(lines: list[Line]) -> tuple[str | None, int | None]:
    for i, line in enumerate(lines[:60]):
        t = " ".join(line.text.split()).rstrip(":")
        if t in DOC_TITLES:
            return DOC_TITLES[t], i
    return None, None


def find_place_date(lines: list[Line]) -> tuple[str | None, date | None]:
    for line in lines[:45]:
        m = PLACE_DATE.search(line.text)
        if m and not re.match(r"^(?:Căn cứ|Theo|Xét)", line.text):
            place = m["place"].strip()
            return place, make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None, None


def find_publication(lines: list[Line]) -> date | None:
    for line in lines[:6]:
        m = STAMP.match(line.text.strip())
        # A stamp may be glued to the article's first words ("… lúc 14:14Sáng 22/2, …").
        if m and (len(line.text.strip()) < 60 or ":" in m.group(0)):
            return make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def find_issuer(lines: list[Line], stop: int) -> str | None:
    """Issuer lines sit above 'Số:' in the left column: 'ỦY BAN NHÂN DÂN' / 'TỈNH BẮC NINH'."""
    parts: list[str] = []
    for line in lines[:stop]:
        t = " ".join(line.text.split())
        if NATIONAL.search(t) or not is_upper_line(t) or len(t) > 80:
            if parts and not NATIONAL.search(t):
                break
            continue
        if re.match(r"^(?:QUYẾT ĐỊNH|THÔNG BÁO|KẾ HOẠCH|BÁO CÁO)$", t):
            break
        parts.append(t)
        if len(parts) == 3:
            break
    if not parts:
        return None
    if len(parts) >= 3 and parts[0].startswith(("ỦY BAN", "UỶ BAN", "UBND")):
        parts = parts[2:]  # "UBND TỈNH X / SỞ Y": the issuer is the lower unit
    text = " ".join(parts)
    text = re.sub(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", text)
    text = re.sub(r"^HỘI ĐỒNG NHÂN DÂN\b", "HĐND", text)
    head, _, rest = text.partition(" ")
    if head in ("UBND", "HĐND"):
        return f"{head} {heading_case(rest)}".strip()
    cased = heading_case(text)
    return cased[:1].upper() + cased[1:]


def find_subject(lines: list[Line], title_at: int | None, doc_type: str | None) -> str | None:
    if title_at is not None:
        parts = []
        for line in lines[title_at + 1: title_at + 6]:
            t = line.text.strip()
            if re.match(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Ngày|Để|Nhằm|Sáng|Chiều|Kính gửi|CHỦ TỊCH|ỦY BAN|UỶ BAN|"
                        r"HỘI ĐỒNG|BAN |GIÁM ĐỐC|TRƯỞNG BAN|I\.|1\.)", t) \
                    or re.match(r"^-{2,}|^_+$", t) or len(t) > 220:
                break
            parts.append(t)
            if t.endswith((".", ";")):
                break
        if parts:
            return " ".join(parts)
    for line in lines[:40]:
        if re.match(r"^V/v\b", line.text.strip()):
            return line.text.strip()
    return None


def find_signer(lines: list[Line]) -> dict | None:
    """The signature block: authority (TM./KT./TL./TUQ.), title, then the signer's name."""
    end = len(lines)
    for i, line in enumerate(lines):
        if re.match(r"^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]|DANH SÁCH)", line.text.strip()) and i > 10:
            end = i
            break
    for i in range(end - 1, -1, -1):
        t = " ".join(lines[i].text.split())
        if SIGN_AUTHORITY.match(t):
            authority = t
            # A second authority line right after ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH").
            j = i + 1
            while j < end and SIGN_AUTHORITY.match(" ".join(lines[j].text.split())):
                authority = " ".join(lines[j].text.split())
                j += 1
            title, name = None, None
            for line in lines[j: j + 16]:
                s = " ".join(line.text.split())
                if re.match(r"^[-+•]|^Lưu\b|^Nơi nhận", s):
                    continue  # the "Nơi nhận" column printed beside the signature
                if title is None and TITLES.match(s):
                    title = heading_case(s)
                    title = title[:1].upper() + title[1:]
                    title = title.replace("chủ tịch", "Chủ tịch").replace("Phó Chủ Tịch", "Phó Chủ tịch")
                elif is_person_name(s):
                    name = s
                    break
            if title is None and re.search(r"CHỦ TỊCH$", authority) and not authority.startswith("KT"):
                title = "Chủ tịch"
            return {"name": name, "title": title, "authority": authority, "provenance": lines[i].provenance}
    for line in lines[:20]:  # a portal's metadata block: "Người ký Nguyễn Văn Quang"
        m = re.match(r"^Người ký\s*:?\s*(.+)$", line.text.strip())
        if m and is_person_name(m.group(1).strip()):
            return {"name": m.group(1).strip(), "title": None, "authority": None, "provenance": line.provenance}
    return None


def find_metadata(lines: list[Line], title_hint: str | None = None) -> dict:
    number, symbol, number_line = find_number(lines)
    doc_type, title_at = find_title(lines)
    place, issued = find_place_date(lines)
    published = None
    if doc_type is None and symbol:
        doc_type = symbol_type(symbol) or ("cong_van" if any(l.text.strip().startswith("V/v") for l in lines[:40]) else None)
    if doc_type is None:
        published = find_publication(lines)
        if number is None and symbol is None:
            doc_type = "tin_bai"
    stop = lines.index(number_line) if number_line in lines else (title_at or 12)
    issuer = find_issuer(lines, stop + 1) if (number or symbol or title_at is not None) else None
    subject = find_subject(lines, title_at, doc_type)
    if doc_type == "tin_bai":
        subject = title_hint or (lines[0].text.strip() if lines else None)
        issued = published
        place = None
    return {"doc_type": doc_type or "khac", "number": number, "symbol": symbol, "issued_date": issued,
            "place": place, "issuer": issuer, "subject": subject,
            "signer": find_signer(lines) if doc_type != "tin_bai" else None}
