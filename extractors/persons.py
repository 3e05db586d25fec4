"""Persons and their posts. underthesea finds person names; posts come from the words after them.

The models load once per process (underthesea caches them after the first call).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.document import Line
from extractors.limits import max_nlp_chars

POST_START = re.compile(r"^\s*[,–—-]\s*(?P<post>(?:Phó\s+|Ủy viên\s+|Uỷ viên\s+)?(?:Chủ tịch|Giám đốc|Trưởng|"
                        r"Bí thư|Chánh|Thủ trưởng|Tổng|Cục trưởng|Chi cục trưởng|Viện trưởng|Hiệu trưởng|"
                        r"Phó|Ủy viên|Uỷ viên|Thành viên|Chuyên viên|Đại diện)[^;.()]*)")


# Words that announce a person. Whole words only: "ông" is inside "Công", "Cộng", "không"
# ("Sở Công Thương" on every line woke the model up for nothing).
PERSON_CUE = re.compile(r"(?i)\b(?:đồng chí|ông|bà)\b|[,–-]\s*(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Trưởng)")


@lru_cache(maxsize=1)
def _ner():
    from underthesea import ner
    return ner


def person_names(text: str) -> list[str]:
    names, cur = [], []
    for token in _ner()(text):
        word, tag = token[0], token[-1]
        if tag == "B-PER":
            if cur:
                names.append(" ".join(cur))
            cur = [word]
        elif tag == "I-PER" and cur:
            cur.append(word)
        else:
            if cur:
                names.append(" ".join(cur))
            cur = []
    if cur:
        names.append(" ".join(cur))
    return [n for n in names if re.match(r"^[A-ZĐÀ-Ỹ]", n) and 2 <= len(n.split()) <= 5]


def find_persons(lines: list[Line], signer: dict | None = None) -> list[dict]:
    out, seen = [], set()
    if signer and signer.get("name"):
        out.append({"name": signer["name"], "title": signer.get("title"), "provenance": signer.get("provenance")})
        seen.add(signer["name"])
    for line in lines:
        t = line.text[:max_nlp_chars()]  # the model's cost grows faster than the line
        if not PERSON_CUE.search(t):
            continue
        for name in person_names(t):
            if name in seen:
                continue
            i = t.find(name)
            post = POST_START.match(t[i + len(name):]) if i >= 0 else None
            title = None
            if post:
                title = re.split(r",\s*(?=[A-ZĐ][a-zà-ỹđ]+\s+[A-ZĐ][a-zà-ỹđ]+\s+[A-ZĐ])", post["post"])[0].strip(" ,")
            seen.add(name)
            out.append({"name": name, "title": title, "provenance": line.provenance})
    return out
