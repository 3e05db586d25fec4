"""Documents cited by this one (căn cứ, quoted decisions) — never its own number."""
from __future__ import annotations

import re

from extractors.dates import FULL_VI, NUMERIC, make_date
from extractors.document import Line
from extractors.patterns import CITED_KINDS, NUMBER, clean_number

KINDS = "|".join(sorted((re.escape(k) for k in CITED_KINDS), key=len, reverse=True))
CITATION = re.compile(r"(?P<kind>" + KINDS + r")\s+(?:số\s*:?\s*)?(?=\d)", re.IGNORECASE)
ISSUER = re.compile(r"^\s*(?:của|do)\s+(?P<iss>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|"
                    r"Chính phủ|Thủ tướng Chính phủ|Bộ [\wÀ-ỹ ]+?|Ban [\wÀ-ỹ -]+?|Sở [\wÀ-ỹ ]+?|"
                    r"Chủ tịch [\wÀ-ỹ ]+?|Quốc hội)(?:\s+(?:tỉnh|thành phố)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)?)"
                    r"(?=\s+(?:về|quy định|ban hành|hướng dẫn|v/v)\b|[,;.)]|$)")


def find_references(lines: list[Line], own_number: str | None) -> list[dict]:
    out, seen = [], set()
    for line in lines:
        t = line.text
        for m in CITATION.finditer(t):
            n = NUMBER.match(t, m.end())
            if not n:
                continue
            number = clean_number(n["num"], n["sym"])
            if own_number and number == own_number:
                continue
            rest = t[n.end(): n.end() + 120]
            dm = re.match(r"\s*,?\s*(?:ban hành\s+)?", rest)
            after = rest[dm.end():] if dm else rest
            dt = None
            for rx in (FULL_VI, NUMERIC):
                d = rx.match(after) or rx.match(re.sub(r"^ngày\s+", "", after))
                if d:
                    dt = make_date(int(d["y"]), int(d["m"]), int(d["d"]))
                    after = after[d.end():] if rx.match(after) else re.sub(r"^ngày\s+", "", after)[d.end():]
                    break
            iss = ISSUER.match(after)
            key = (number, dt)
            if key in seen:
                continue
            seen.add(key)
            out.append({"doc_type": CITED_KINDS[m["kind"].lower()], "number": number,
                        "date": dt.isoformat() if dt else None,
                        "issuer": iss["iss"].strip() if iss else None,
                        "provenance": line.provenance})
    return out
