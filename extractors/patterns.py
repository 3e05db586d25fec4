"""Shared regular expressions for the official layout (Nghị định 30/2020, Phụ lục I)."""
from __future__ import annotations

import re

# Tên loại văn bản (title line) → doc_type of the contract.
DOC_TITLES = {
    "QUYẾT ĐỊNH": "quyet_dinh", "NGHỊ QUYẾT": "nghi_quyet", "CHỈ THỊ": "chi_thi",
    "QUY CHẾ": "quy_che", "QUY ĐỊNH": "quy_dinh", "THÔNG BÁO": "thong_bao",
    "HƯỚNG DẪN": "huong_dan", "KẾ HOẠCH": "ke_hoach", "BÁO CÁO": "bao_cao",
    "TỜ TRÌNH": "to_trinh", "CÔNG VĂN": "cong_van",
}
# Ký hiệu prefixes (the type code before the issuer code) → doc_type.
SYMBOL_TYPES = {
    "QĐ": "quyet_dinh", "NQ": "nghi_quyet", "CT": "chi_thi", "QC": "quy_che", "QyĐ": "quy_dinh",
    "TB": "thong_bao", "HD": "huong_dan", "KH": "ke_hoach", "BC": "bao_cao", "TTr": "to_trinh",
}
# Cited document kinds → doc_type used in references.
CITED_KINDS = {
    "luật": "luat", "bộ luật": "luat", "nghị định": "nghi_dinh", "nghị quyết": "nghi_quyet",
    "quyết định": "quyet_dinh", "thông tư": "thong_tu", "chỉ thị": "chi_thi",
    "công văn": "cong_van", "văn bản": "cong_van", "hướng dẫn": "huong_dan",
    "kế hoạch": "ke_hoach", "tờ trình": "to_trinh", "thông báo": "thong_bao",
    "báo cáo": "bao_cao", "quy chế": "quy_che", "quy định": "quy_dinh",
}

# "138/QĐ-UBND", "05/2019/NQ-HĐND", "1074/QĐ-UBND.HC", "957/UBND-VX", "04 /QĐ-BCĐ138"
NUMBER = re.compile(
    r"(?P<num>\d{1,6}(?:\s*/\s*(?:19|20)\d{2})?)\s*/\s*"
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ]*(?:[-.][A-Za-zĐđ0-9]+)+|[A-ZĐ]{2,}[A-Za-zĐđ]*\d*)"
)
SO_LINE = re.compile(r"^\s*Số\s*(?:hiệu)?\s*[:.]?\s*", re.IGNORECASE)
PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]{2,40}?)\s*,\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
SIGN_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\s*\.\s*\w|^T/M\s+\w")


def clean_number(num: str, sym: str) -> str:
    return re.sub(r"\s+", "", num) + "/" + sym


def symbol_type(symbol: str) -> str | None:
    head = symbol.split("-")[0].split(".")[0]
    return SYMBOL_TYPES.get(head) or SYMBOL_TYPES.get(head.upper())
