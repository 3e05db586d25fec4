"""Header facts of the official layout: type, number, place and date, issuer, subject, signer."""
from __future__ import annotations

import re
from datetime import date

from extractors.dates import make_date
from extractors.document import Line
from extractors.hand_digits import FIELD_WORDS, weigh_hand_digits
from extractors.news import find_headline, find_publication
from extractors.patterns import (DOC_TITLES, NUMBER, PLACE_DATE, SIGN_AUTHORITY, SO_LINE,
                                 clean_number, symbol_type)
from pipeline.units.normalize import ROSTER_TYPES, fold_diacritics, heading_case

NATIONAL = re.compile(r"CỘNG\s*HÒA|CỘNG\s*HOÀ|Độc\s*lập|^[-_=–—\s]+$", re.IGNORECASE)


def is_person_name(text: str) -> bool:
    """'Vương Quốc Tuấn': 2–5 words, each capitalised (str methods know Vietnamese case)."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha() for w in words)


def is_upper_line(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()

TITLES = re.compile(r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ|TRƯỞNG|"
                    r"THỦ TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|PHÓ TRƯỞNG BAN)$")


def word_conf(line: Line, token: str) -> float:
    """Lowest OCR confidence among the words that make up `token` (100 for typed text)."""
    if not line.words:
        return 100.0
    confs = [c for w, c in line.words if token and (token in w or w in token) and w.strip(":.")]
    return min(confs) if confs else 0.0


def name_numbers(path: str | None) -> set[str]:
    """Numbers in the file name ('qd-04-bcd138-2025.pdf' → 04, 138, 2025), as evidence."""
    if not path:
        return set()
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    return {n.lstrip("0") or "0" for n in re.findall(r"\d+", stem)}


def weigh_ocr_digits(first: str | None, first_conf: float, second: dict | None, named: set[str],
                     what: str) -> tuple[str | None, str | None, str]:
    """Accept a hand-written number only on strong evidence; return (digits, source, note)."""
    if second and second.get("hand"):  # HOOK issue 15.5: the hand-digit reader saw this field; it decides
        return weigh_hand_digits(first, first_conf, second, named, what)
    p2 = (second or {}).get("digits")
    c2 = (second or {}).get("conf", 0.0)
    p1 = first if first and first.isdigit() else None
    same = lambda a, b: a is not None and b is not None and a.lstrip("0") == b.lstrip("0")
    if p2 and (p2.lstrip("0") or "0") in named:
        return p2, "ocr second pass + file name", ""
    if p1 and (p1.lstrip("0") or "0") in named and first_conf >= 60:
        return p1, "ocr + file name", ""
    if same(p1, p2) and first_conf >= 80:
        return p1, "ocr, two readings agree", ""
    if p2 and c2 >= 80 and first and re.sub(r"\D", "", first) and p2.endswith(re.sub(r"\D", "", first)):
        return p2, "ocr second pass, consistent with the first reading", ""
    note = f"{FIELD_WORDS.get(what, what)} có vẻ viết tay hoặc không rõ: OCR đọc {first!r} ({first_conf:.0f})"
    if second:
        note += f", lần đọc chỉ chữ số {p2!r} ({c2:.0f})"
    return None, None, note


def find_number(lines: list[Line], path: str | None = None) -> tuple[str | None, str | None, Line | None, dict]:
    """Số và ký hiệu. Returns (number, symbol, line, evidence) — evidence says where an OCR'd
    number came from, or why it was left out."""
    # The official "Số: …" line first; a portal's "Số hiệu …" only when there is none.
    candidates = sorted(lines[:40], key=lambda l: 0 if re.match(r"^\s*Số\s*[:.]", l.text) else 1)
    for line in candidates:
        m = SO_LINE.match(line.text)
        if not m:
            continue
        n = NUMBER.match(line.text, m.end())
        s = re.search(r"/\s*([A-ZĐ][A-Za-zĐđ]*(?:[-.][A-Za-zĐđ0-9]+)+)", line.text)
        symbol = n["sym"] if n else (s.group(1) if s else None)
        if symbol is None:
            continue
        if line.words is None:  # typed text
            return (clean_number(n["num"], n["sym"]) if n else None), symbol, line, {}
        token = line.text[m.end(): s.start()].strip() if s else ""
        digits, source, note = weigh_ocr_digits(token or None, word_conf(line, token), line.second_pass,
                                                name_numbers(path), "the number")
        if digits:
            year = re.match(r"\d+\s*/\s*((?:19|20)\d{2})$", n["num"]) if n else None
            number = f"{digits}/{year.group(1)}/{symbol}" if year else f"{digits}/{symbol}"
            return number, symbol, line, {"number_source": source}
        return None, symbol, line, {"note": note}
    return None, None, None, {}


_FOLDED_TITLES = {fold_diacritics(k): v for k, v in DOC_TITLES.items()}


def find_title(lines: list[Line]) -> tuple[str | None, int | None]:
    for i, line in enumerate(lines[:60]):
        t = " ".join(line.text.split()).rstrip(":")
        if t in DOC_TITLES:
            return DOC_TITLES[t], i
        if line.words is not None and t.isupper() and fold_diacritics(t) in _FOLDED_TITLES:
            return _FOLDED_TITLES[fold_diacritics(t)], i  # OCR: 'QUYÉT ĐỊNH'
    return None, None


# HOOK 15.5: the day may come out as two marks ("ngày Ì Ý tháng"): the hand-digit reader reads it.
OCR_DATE = re.compile(r"^(?P<place>[^\d,]{2,40}?)\s*,\s*ngày\s*(?P<d>\S{0,6}?(?:\s\S{1,3})?)\s*tháng\s*(?P<m>\S{1,3})\s+năm\s+(?P<y>\S{4})")
_LOOKS_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def find_place_date(lines: list[Line]) -> tuple[str | None, date | None, dict]:
    for line in lines[:45]:
        if re.match(r"^(?:Căn cứ|Theo|Xét)", line.text):
            continue
        m = PLACE_DATE.search(line.text)
        if m and line.words is None:
            return m["place"].strip(), make_date(int(m["y"]), int(m["m"]), int(m["d"])), {"line": line}
        o = OCR_DATE.search(line.text) if line.words is not None else None
        if o:
            month, year = o["m"].translate(_LOOKS_DIGIT), o["y"].translate(_LOOKS_DIGIT)
            if not (month.isdigit() and year.isdigit()):
                return o["place"].strip(), None, {"note": f"không đọc được ngày trong '{line.text}'", "line": line}
            token = o["d"]
            sure = token.isdigit() and word_conf(line, token) >= 90 and not (line.second_pass or {}).get("hand")  # HOOK 15.5
            day, source, note = weigh_ocr_digits(token or None, word_conf(line, token), line.second_pass,
                                                 set(), "the day") if not sure else (token, "ocr", "")
            if day:
                return o["place"].strip(), make_date(int(year), int(month), int(day)), {"date_source": source, "line": line}
            return o["place"].strip(), None, {"note": f"{note}; chắc chắn tháng {int(month):02d}/{year}",
                                              "month": f"{year}-{int(month):02d}", "line": line}
    return None, None, {}


def find_issuer(lines: list[Line], stop: int) -> str | None:
    """Issuer lines sit above 'Số:' in the left column: 'ỦY BAN NHÂN DÂN' / 'TỈNH BẮC NINH',
    sometimes with a parent above the issuing body ('UBND TỈNH X' / 'BAN CHỈ ĐẠO 138')."""
    parts: list[str] = []
    for line in lines[:stop]:
        t = " ".join(line.text.split())
        folded = fold_diacritics(t)
        if folded.find("cong hoa") > 0:  # OCR kept both header columns on one line
            t = t[: folded.find("cong hoa")].strip()
        if NATIONAL.search(t) or re.search(r"cong hoa|doc lap", fold_diacritics(t)) or re.match(r"^Số\b", t):
            continue
        if line.confidence is not None and (line.confidence < 60 or len(t) < 6):
            continue  # OCR noise from the seal or the signature
        if not is_upper_line(t) or len(t) > 80 or re.match(r"^(?:QUYẾT ĐỊNH|THÔNG BÁO|KẾ HOẠCH|BÁO CÁO)$", t):
            if parts:
                break
            continue
        if parts and re.match(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\b", t) and \
                re.fullmatch(r"(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN", parts[-1]):
            parts[-1] += " " + t
        else:
            parts.append(t)
        if len(parts) == 2:
            break
    if not parts:
        return None

    def cased(text: str) -> str:
        text = re.sub(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", text)
        text = re.sub(r"^HỘI ĐỒNG NHÂN DÂN\b", "HĐND", text)
        head, _, rest = text.partition(" ")
        if head in ("UBND", "HĐND"):
            return f"{head} {heading_case(rest)}".strip()
        c = heading_case(text)
        return c[:1].upper() + c[1:]

    issuer = cased(parts[-1])
    if len(parts) == 2 and re.match(r"^(?:UBND|HĐND)\s", cased(parts[0])):
        locality = re.search(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã)\s.+$", cased(parts[0]))
        if locality and not re.search(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã)\b", issuer):
            issuer = f"{issuer} {locality.group(0)}"  # "Ban Chỉ đạo 138" of "UBND tỉnh Quảng Ngãi"
    return issuer


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


def post_title(upper: str) -> str:
    """'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch'; 'TRƯỞNG BAN' → 'Trưởng ban'."""
    title = heading_case(upper)
    title = title[:1].upper() + title[1:]
    return title.replace("chủ tịch", "Chủ tịch").replace("Chủ Tịch", "Chủ tịch").replace("Trưởng Ban", "Trưởng ban")


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
                s = " ".join(line.text.split()).strip("“”\"'‘’.,:;_ ")
                if re.match(r"^[-+•]|^Lưu\b|^Nơi nhận", s):
                    continue  # the "Nơi nhận" column printed beside the signature
                if title is None and TITLES.match(s):
                    title = post_title(s)
                elif is_person_name(s):
                    name = s
                    break
            if title is None and re.search(r"CHỦ TỊCH$", authority) and not authority.startswith("KT"):
                title = "Chủ tịch"
            return {"name": name, "title": title, "authority": authority, "provenance": lines[i].provenance}
    for i in range(end - 1, max(-1, end - 40), -1):  # no TM./KT.: a title line, then the name
        t = " ".join(lines[i].text.split())
        if TITLES.match(t):
            for line in lines[i + 1: i + 16]:
                s = " ".join(line.text.split()).strip("“”\"'‘’.,:;-_ ")
                if is_person_name(s):
                    return {"name": s, "title": post_title(t),
                            "authority": None, "provenance": lines[i].provenance}
            break
    for line in lines[:20]:  # a portal's metadata block: "Người ký Nguyễn Văn Quang"
        m = re.match(r"^Người ký\s*:?\s*(.+)$", line.text.strip())
        if m and is_person_name(m.group(1).strip()):
            return {"name": m.group(1).strip(), "title": None, "authority": None, "provenance": line.provenance}
    return None


def find_metadata(lines: list[Line], title_hint: str | None = None, path: str | None = None) -> dict:
    number, symbol, number_line, number_evidence = find_number(lines, path)
    doc_type, title_at = find_title(lines)
    place, issued, date_evidence = find_place_date(lines)
    published = None
    if doc_type is None and symbol:
        doc_type = symbol_type(symbol) or ("cong_van" if any(l.text.strip().startswith("V/v") for l in lines[:40]) else None)
    if doc_type is None:
        published = find_publication(lines)[0]
        # A news item: a publication stamp, or a report on emulation groups with no official layout.
        about_groups = any(re.search(r"(?i)\b(?:cụm|khối)\s+thi\s+đua", l.text) for l in lines[:60])
        if number is None and symbol is None and (published or about_groups):
            doc_type = "tin_bai"
    stop = lines.index(number_line) if number_line in lines else (title_at or 12)
    issuer = find_issuer(lines, stop + 1) if (number or symbol or title_at is not None) else None
    subject = find_subject(lines, title_at, doc_type)
    if doc_type == "tin_bai":
        subject = find_headline(lines, title_hint)[0]
        issued = published
        place = None
    date_line = date_evidence.pop("line", None)
    where = {field: {**line.provenance, "text": line.text} for field, line in
             (("number", number_line), ("issued_date", date_line)) if line is not None}
    return {"doc_type": doc_type or "khac", "number": number, "symbol": symbol, "issued_date": issued,
            "place": place, "issuer": issuer, "subject": subject,
            "signer": find_signer(lines) if doc_type != "tin_bai" else None,
            "where": where,
            "evidence": {**number_evidence, **{("date_" + k if k == "note" else k): v for k, v in date_evidence.items()}}}


# Read from the subject only, never stored in the record (the record's JSON is a contract).
ROSTER_SUBJECT = re.compile(r"(?i)\b(?:tổ chức|kiện toàn|thành lập|phân chia|chia|danh sách|phân công)\b.*\b(?:cụm|khối)\b.*thi\s+đua"
                            r"|\b(?:cụm|khối)\s+thi\s+đua\b.*\bnăm\s+\d{4}")


def expects_roster(record) -> bool:
    """A decision whose subject says it organises emulation groups: a roster should be in it."""
    subject = record.get("subject") or ""
    return (record.get("doc_type") in ROSTER_TYPES and not record.get("amends")
            and "quy chế" not in subject.lower() and bool(ROSTER_SUBJECT.search(subject)))
