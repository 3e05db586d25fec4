"""E-signature stamps on a page image: recognised by what they say and where they sit, and kept
out of the document's lines.

A digitally signed decision carries one stamp per signature, drawn over the page (usually in
the top margin, sometimes over the signature block), and a printed-and-scanned copy keeps them
in its image:

    Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi        TRUNG TÂM CÔNG BÁO
    Cơ quan: Tỉnh Quảng Ngãi                       VÀ TIN HỌC
    Thời gian ký: 17/01/2025 17:06:30              ttcbth@quangngai.gov.vn
                                                   17.01.2025 17:17:01 +07:00

Read as text, these lines would come first on the page: the gazette centre would become the
issuer and "Số:" would fall outside the header window. A stamp's text is small, set in a box
of its own, and says things the document's lines never say: "Ký bởi", "Thời gian ký", a time
with seconds, "+07:00", an e-mail address, "Công báo và Tin học". Lines with such words are
anchors; the small or unsure lines in the same box (the rest of an organisation's name, specks
of the seal image) go with them. Such a block is signature evidence, never the document.
"""
from __future__ import annotations

import re
from datetime import datetime

from pipeline.units.normalize import fold_diacritics

# Anchors, on text folded to ASCII lower case. OCR garbles stamps ("Thờ vi gian nký", "ttcbth(0
# quangnga1.gov.v"), so each pattern keeps to the parts that survive.
ANCHORS = {
    "signed_by": re.compile(r"\bky\s*boi\b"),                                   # "Ký bởi: …"
    "signing_time": re.compile(r"\bth\w{0,3}\s+(?:\w{1,3}\s+)?gian\s+\w{0,2}ky\b"),  # "Thời gian ký: …"
    "gazette": re.compile(r"\bcong\s+bao\b.*\btin\s+hoc\b|\bbao\s+va\s+tin\s+hoc\b|\btrung\s+tam\s+cong\b"),
    "seconds": re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b"),                           # a time with seconds
    "utc_offset": re.compile(r"[+]\s?0?\d:00\b"),                                # "+07:00"
    "email": re.compile(r"\w[\w.-]*\s?[@(]\s?\w[\w-]*\.(?:gov|com|edu|org|net)\b|\b\w+\.gov\.vn?\b"),
    "agency": re.compile(r"^co\s+quan\s*[:,]"),                                  # "Cơ quan: Tỉnh Quảng Ngãi"
}
STRONG = {"signed_by", "signing_time"}  # a document's own lines never say these
SMALL = 0.75  # a stamp's text is smaller than this share of the page's usual line height
UNSURE = 60.0  # OCR confidence under which a line in a stamp's box is taken as part of it

TIME = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\D{1,3}(\d{1,2}):(\d{2}):(\d{2})(?:\W{0,3}([+-]\d{2}:\d{2}))?")
EMAIL = re.compile(r"[\w.-]+@[\w-]+(?:\.[\w-]+)+")


def anchors(text: str) -> set[str]:
    """The things a line says that only a stamp says (names of ANCHORS)."""
    folded = fold_diacritics(text).lower()
    return {name for name, rx in ANCHORS.items() if rx.search(folded)}


def _box(line: dict) -> tuple[float, float, float, float]:
    b = line["boxes"]
    return (min(w["left"] for w in b), min(w["top"] for w in b),
            max(w["left"] + w["width"] for w in b), max(w["top"] + w["height"] for w in b))


def _height(line: dict) -> float:
    box = _box(line)
    return box[3] - box[1]


def _near(a: tuple, b: tuple, margin: float) -> bool:
    return a[0] - margin <= b[2] and b[0] - margin <= a[2] and a[1] - margin <= b[3] and b[1] - margin <= a[3]


def _union(a: tuple, b: tuple) -> tuple:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def split_stamps(lines: list[dict], seeds: list[tuple] = ()) -> tuple[list[dict], list[list[dict]]]:
    """(the document's lines, the stamps' lines grouped per stamp) of one OCR'd page.

    `lines` are OCR lines with their word boxes (pixels). A stamp is a group of anchor lines
    close together, with the small or unsure lines inside its box, that says two kinds of stamp
    things or "Ký bởi" / "Thời gian ký" in small type. A line of the text that names the gazette
    centre ("- Trung tâm Công báo và Tin học tỉnh;" among the recipients) is not one."""
    if not lines:
        return lines, []
    heights = sorted(_height(l) for l in lines)
    usual = heights[len(heights) // 2]
    margin = usual  # a stamp's lines are closer than one body line apart
    kinds = {id(l): anchors(l["text"]) for l in lines}
    small = {id(l) for l in lines if _height(l) <= SMALL * usual}

    def joins(box: tuple, line: dict) -> bool:
        """Small text near the stamp, a strong anchor near it, or an unsure reading inside it
        (a speck of the stamp's seal image, a garbled organisation name)."""
        if id(line) in small or kinds[id(line)] & STRONG:
            return _near(box, _box(line), margin)
        return line["conf"] < UNSURE and _near(box, _box(line), 0)

    groups = [{"box": _box(l), "lines": [l], "ids": {id(l)}} for l in lines
              if kinds[id(l)] & STRONG or (kinds[id(l)] and id(l) in small)]
    groups += [{"box": tuple(box), "lines": [], "ids": set(), "seed": True} for box in seeds]
    changed = True
    while changed:  # grow each group by the lines that join it, and merge groups that touch
        changed = False
        for g in groups:
            for line in lines:
                if id(line) not in g["ids"] and joins(g["box"], line):
                    g["lines"].append(line)
                    g["ids"].add(id(line))
                    g["box"] = _union(g["box"], _box(line))
                    changed = True
        merged: list[dict] = []
        for g in groups:
            other = next((m for m in merged if _near(m["box"], g["box"], margin)), None)
            if other is None:
                merged.append(g)
            else:
                other["lines"] += [l for l in g["lines"] if id(l) not in other["ids"]]
                other["ids"] |= g["ids"]
                other["box"] = _union(other["box"], g["box"])
                other["seed"] = other.get("seed") or g.get("seed")
                changed = True
        groups = merged
    stamps = [g["lines"] for g in groups if g["lines"] and (g.get("seed") or _is_stamp(g["lines"], kinds, small))]
    taken = {id(l) for s in stamps for l in s}
    return [l for l in lines if id(l) not in taken], [sorted(s, key=lambda l: (l["top"], l["left"])) for s in stamps]


def _is_stamp(lines: list[dict], kinds: dict, small: set) -> bool:
    said = set().union(*(kinds[id(l)] for l in lines))
    return len(said) >= 2 or any(kinds[id(l)] & STRONG and id(l) in small for l in lines)


def stamp_evidence(lines: list[dict], page: int, to_points) -> dict:
    """What a stamp says, as signature evidence: who signed, when, the e-mail it shows."""
    text = " | ".join(l["text"] for l in lines)
    box = (min(_box(l)[0] for l in lines), min(_box(l)[1] for l in lines),
           max(_box(l)[2] for l in lines), max(_box(l)[3] for l in lines))
    out = {"kind": "e-signature stamp", "page": page, "bbox": [to_points(v) for v in box], "text": text,
           "signed_by": None, "time": None, "time_confidence": None, "email": None}
    for l in lines:
        m = re.search(r"(?i)ký\s*bởi\s*[:\-–]?\s*(.+)$", l["text"])
        if m and out["signed_by"] is None:
            out["signed_by"] = m.group(1).strip()
    compact = re.sub(r"\s+", " ", text)
    for l in lines:
        t = TIME.search(re.sub(r"\s+", " ", l["text"]))
        if t:
            d, mo, y, hh, mm, ss, tz = t.groups()
            try:
                out["time"] = datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss)).isoformat() + (tz or "")
                out["time_confidence"] = round(min(c for _, c in l["words"]), 1) if l.get("words") else None
            except ValueError:
                pass  # a misread date is no evidence
            break
    e = EMAIL.search(compact)
    out["email"] = e.group(0) if e else None
    return out


SURE_TIME = 85.0  # a stamp's time read less surely than this is kept as text, not used as a bound


def bounding_times(stamps: list[dict]) -> list[str]:
    """Times of the stamps read surely enough to bound the issue date from above: OCR misreads
    stamp digits ("22.01.2025" for "27.01.2025"), and a wrong bound would drop a right date."""
    return sorted(s["time"] for s in stamps if s.get("time") and (s.get("time_confidence") or 0) >= SURE_TIME)
