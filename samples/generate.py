#!/usr/bin/env python3
"""Build every sample document under samples/ and the truth file beside it.

    .venv/bin/python samples/generate.py

The script is deterministic: PDFs are written with reportlab's "invariant" mode and
DOCX zip members get a fixed timestamp, so two runs give byte-identical files.

Layout of this file:
  1. helpers (NFC, dates, references)
  2. DATA      - rosters of the Cụm/Khối thi đua, as Python structures
  3. WRITERS   - write_pdf / write_docx (one "doc spec" format for both), write_txt, write_html
  4. DOCUMENTS - one function per sample: builds the doc spec + the truth record
  5. main      - writes everything

All samples are synthetic. Only the 2024 roster of the Bắc Ninh bloc "Khối các Sở, ban,
ngành tham mưu và quản lý nhà nước về kinh tế, kỹ thuật" and of "Khối các Tổ chức xã hội,
Tổ chức xã hội - nghề nghiệp" come from public news items (see /work/shared/corpus);
every other roster, number, date and name is invented to be plausible and self-consistent.
"""
from __future__ import annotations

import copy
import html
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


# --------------------------------------------------------------------------------------
# 1. helpers
# --------------------------------------------------------------------------------------

def nfc(s):
    """NFC-normalise a string (or every string inside a list / dict)."""
    if isinstance(s, str):
        return unicodedata.normalize("NFC", s)
    if isinstance(s, list):
        return [nfc(x) for x in s]
    if isinstance(s, tuple):
        return tuple(nfc(x) for x in s)
    if isinstance(s, dict):
        return {k: nfc(v) for k, v in s.items()}
    return s


def ref(doc_type, number, date, issuer=None, **extra):
    """A reference record (contract: doc_type, number, date, issuer)."""
    r = {"doc_type": doc_type, "number": number, "date": date}
    if issuer is not None:
        r["issuer"] = issuer
    r.update(extra)
    return r


def upper_vi(s):
    return s.upper()


def count_label(n, with_gom=False):
    """'12 đơn vị' / '08 đơn vị' (numbers below 10 get a leading zero, as in ND30 style)."""
    return f"{'gồm ' if with_gom else ''}{n:02d} đơn vị"


# Căn cứ lines that many decisions share: (text, reference)
CC_LUAT_CQDP = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
    "11 năm 2019;",
    [ref("luat", None, "2015-06-19", title="Luật Tổ chức chính quyền địa phương"),
     ref("luat", None, "2019-11-22", title="Luật sửa đổi, bổ sung một số điều của Luật Tổ chức "
         "Chính phủ và Luật Tổ chức chính quyền địa phương")],
)
CC_LUAT_CQDP_SHORT = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều "
    "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
    CC_LUAT_CQDP[1],
)
CC_LUAT_TDKT = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    [ref("luat", None, "2022-06-15", title="Luật Thi đua, khen thưởng")],
)
CC_LUAT_TDKT_SHORT = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
    CC_LUAT_TDKT[1],
)
CC_ND98 = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng;",
    [ref("nghi_dinh", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ")],
)
CC_ND98_LONG = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
    CC_ND98[1],
)


# --------------------------------------------------------------------------------------
# 2. DATA - rosters
# --------------------------------------------------------------------------------------
# A group: kind (cụm | khối), name (normal case, as it would be written in running text),
# members (as written in the document), leader, deputies.

# --- Bắc Ninh 2024 (Quyết định 138/QĐ-UBND ngày 15/02/2024) ---------------------------
BN_KTKT_2024 = {
    "kind": "khối",
    "name": "Khối các Sở, ban, ngành tham mưu và quản lý nhà nước về kinh tế, kỹ thuật",
    # exactly the 12 units and spellings of the seed news item (order kept)
    "members": [
        "Sở Công thương",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Giao thông vận tải",
        "Sở Thông tin và Truyền thông",
        "Sở Tài nguyên và Môi trường",
        "Cục Dự trữ Nhà nước khu vực Hà Bắc",
        "Ban quản lý các Khu công nghiệp",
        "Liên minh hợp tác xã tỉnh",
        "Quỹ Phát triển đất",
        "Sở Xây dựng",
        "Quỹ Đầu tư phát triển tỉnh",
        "Ban Quản lý khu vực phát triển Đô thị Bắc Ninh",
    ],
    "leader": "Quỹ Đầu tư phát triển tỉnh",
    "deputies": ["Sở Xây dựng"],
}

BN_TMTH_2024 = {
    "kind": "khối",
    "name": "Khối các cơ quan tham mưu tổng hợp",
    "members": [
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Văn phòng UBND tỉnh",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "Sở Tư pháp",
        "Thanh tra tỉnh",
        "Sở Ngoại vụ",
    ],
    "leader": "Sở Tư pháp",
    "deputies": ["Sở Kế hoạch và Đầu tư"],
}

BN_VHXH_2024 = {
    "kind": "khối",
    "name": "Khối các cơ quan văn hóa - xã hội",
    "members": [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Khoa học và Công nghệ",
        "Đài Phát thanh và Truyền hình tỉnh",
        "Báo Bắc Ninh",
        "Bảo hiểm xã hội tỉnh",
        "Trường Chính trị Nguyễn Văn Cừ",
    ],
    "leader": "Sở Y tế",
    "deputies": ["Báo Bắc Ninh"],
}

BN_TCXH_2024 = {
    "kind": "khối",
    "name": "Khối các Tổ chức xã hội, Tổ chức xã hội - nghề nghiệp",
    # exactly the 24 units and spellings of real-texts/raw/07 (order kept)
    "members": [
        "Hội Văn học nghệ thuật tỉnh",
        "Hội Nhà báo tỉnh",
        "Hội Luật gia tỉnh",
        "Đoàn Luật sư tỉnh",
        "Hội Chữ thập đỏ tỉnh",
        "Hội Khuyến học tỉnh",
        "Hội Người mù tỉnh",
        "Hội Đông y tỉnh",
        "Hội Nông nghiệp và PTNT tỉnh",
        "Ban đại diện Hội người cao tuổi tỉnh",
        "Hội nạn nhân chất độc da cam/dioxin tỉnh",
        "Hội Truyền thống Trường Sơn - đường Hồ Chí Minh tỉnh",
        "Hội Thầy thuốc trẻ tỉnh",
        "Hội Sinh vật cảnh tỉnh",
        "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh",
        "Hội Liên hiệp Thanh niên tỉnh",
        "Hội Cựu thanh niên xung phong tỉnh",
        "Hội Doanh nhân trẻ tỉnh",
        "Hội Cựu Giáo chức tỉnh",
        "Hiệp hội doanh nghiệp nhỏ và vừa tỉnh",
        "Hội Bảo trợ người khuyết tật và trẻ mồ côi tỉnh",
        "Hội Liên hiệp các tổ chức Hữu nghị tỉnh",
        "Hội Nghề cá tỉnh",
        "Hội Chiến sỹ cách mạng bị địch bắt tù đày tỉnh",
    ],
    "leader": "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh",
    "deputies": ["Hội Chữ thập đỏ tỉnh"],
}

BN_CUM_2024 = {
    "kind": "cụm",
    "name": "Cụm thi đua các huyện, thị xã, thành phố",
    "members": [
        "Thành phố Bắc Ninh",
        "Thành phố Từ Sơn",
        "Thị xã Quế Võ",
        "Thị xã Thuận Thành",
        "Huyện Tiên Du",
        "Huyện Yên Phong",
        "Huyện Gia Bình",
        "Huyện Lương Tài",
    ],
    "leader": "Thị xã Thuận Thành",
    "deputies": ["Huyện Gia Bình"],
}

# order of the appendix of QĐ 138/QĐ-UBND
BN_2024 = [BN_KTKT_2024, BN_TMTH_2024, BN_VHXH_2024, BN_TCXH_2024, BN_CUM_2024]

# --- Amendment QĐ 615/QĐ-UBND ngày 12/6/2024 -------------------------------------------
# Sở Khoa học và Công nghệ: Khối văn hóa - xã hội -> Khối kinh tế, kỹ thuật;
# Trưởng khối of Khối tham mưu tổng hợp: Sở Tư pháp -> Sở Nội vụ.

# --- Bắc Ninh 2025 (Quyết định 52/QĐ-UBND ngày 20/01/2025) -----------------------------
# Changes vs. 2024 (as amended): Cục Dự trữ Nhà nước khu vực Hà Bắc removed; Sở Thông tin và
# Truyền thông moved KTKT -> VHXH; new unit "Ban Quản lý dự án xây dựng dân dụng và công
# nghiệp tỉnh" in KTKT; all leaders/deputies rotated; the Liên hiệp is spelled "các Hội".
BN_TMTH_2025 = dict(BN_TMTH_2024, leader="Sở Tài chính", deputies=["Thanh tra tỉnh"])
BN_KTKT_2025 = {
    "kind": "khối",
    "name": BN_KTKT_2024["name"],
    "members": [
        "Sở Công thương",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Giao thông vận tải",
        "Sở Tài nguyên và Môi trường",
        "Sở Khoa học và Công nghệ",
        "Sở Xây dựng",
        "Ban quản lý các Khu công nghiệp",
        "Ban Quản lý khu vực phát triển Đô thị Bắc Ninh",
        "Ban Quản lý dự án xây dựng dân dụng và công nghiệp tỉnh",
        "Liên minh hợp tác xã tỉnh",
        "Quỹ Phát triển đất",
        "Quỹ Đầu tư phát triển tỉnh",
    ],
    "leader": "Sở Xây dựng",
    # written in Điều 2 with the abbreviation
    "deputies": ["Sở NN&PTNT"],
    "deputies_match_members": ["Sở Nông nghiệp và Phát triển nông thôn"],
}
BN_VHXH_2025 = {
    "kind": "khối",
    "name": BN_VHXH_2024["name"],
    "members": [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Thông tin và Truyền thông",
        "Đài Phát thanh và Truyền hình tỉnh",
        "Báo Bắc Ninh",
        "Bảo hiểm xã hội tỉnh",
        "Trường Chính trị Nguyễn Văn Cừ",
    ],
    "leader": "Sở VH,TT&DL",  # abbreviation in Điều 2
    "leader_matches_member": "Sở Văn hóa, Thể thao và Du lịch",
    "deputies": ["Sở Thông tin và Truyền thông"],
}
BN_TCXH_2025 = dict(
    BN_TCXH_2024,
    members=[("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"
              if m == "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh" else m)
             for m in BN_TCXH_2024["members"]],
    leader="Hội Chữ thập đỏ tỉnh",
    deputies=["Hội Luật gia tỉnh"],
)
BN_CUM_2025 = dict(BN_CUM_2024, leader="Thành phố Từ Sơn", deputies=["Huyện Lương Tài"])

BN_2025 = [BN_TMTH_2025, BN_KTKT_2025, BN_VHXH_2025, BN_TCXH_2025, BN_CUM_2025]

# --- Quảng Nam 2024 (Quyết định 326/QĐ-UBND ngày 05/02/2024) ----------------------------
# "hoá" spellings on purpose (Văn hoá, Thanh Hoá-style tone placement).
QN_2024 = [
    {
        "kind": "khối",
        "name": "Khối thi đua các cơ quan tham mưu I",
        "ordinal": "I",
        "members": [
            "Sở Nội vụ",
            "Sở Tài chính",
            "Sở Khoa học và Công nghệ",
            "Sở Kế hoạch và Đầu tư",
            "Sở Ngoại vụ",
            "Sở Tư pháp",
            "Ban Dân tộc tỉnh",
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            "Văn phòng UBND tỉnh",
            "Thanh tra tỉnh",
        ],
        "leader": "Sở Tài chính",
        "deputies": ["Sở Ngoại vụ", "Ban Dân tộc tỉnh"],
    },
    {
        "kind": "khối",
        "name": "Khối thi đua các cơ quan tham mưu II",
        "ordinal": "II",
        "members": [
            "Sở Công Thương",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Giao thông vận tải",
            "Sở Xây dựng",
            "Sở Tài nguyên và Môi trường",
            "Sở Thông tin và Truyền thông",
            "Ban Quản lý các khu kinh tế và khu công nghiệp tỉnh",
            "Quỹ Đầu tư phát triển Quảng Nam",
        ],
        "leader": "Sở Giao thông vận tải",
        "deputies": ["Sở Xây dựng"],
    },
    {
        "kind": "khối",
        "name": "Khối thi đua văn hoá - xã hội",
        "ordinal": None,
        "members": [
            "Sở Văn hoá, Thể thao và Du lịch",
            "Sở Y tế",
            "Sở Giáo dục và Đào tạo",
            "Sở Lao động - Thương binh và Xã hội",
            "Đài Phát thanh - Truyền hình Quảng Nam",
            "Báo Quảng Nam",
            "Trường Chính trị tỉnh",
        ],
        "leader": "Sở Y tế",
        "deputies": ["Báo Quảng Nam"],
    },
    {
        "kind": "khối",
        "name": "Khối thi đua các đơn vị sự nghiệp",
        "ordinal": None,
        "members": [
            "Trường Đại học Quảng Nam",
            "Trường Cao đẳng Quảng Nam",
            "Trường Cao đẳng Y tế Quảng Nam",
            "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp tỉnh",
            "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
        ],
        "leader": "Trường Đại học Quảng Nam",
        "deputies": ["Trường Cao đẳng Quảng Nam"],
    },
]

# --- Thanh Hóa 2024 (Quyết định 412/QĐ-UBND ngày 26/01/2024) ----------------------------
# The leader / deputy is marked after the name; not necessarily first in the list.
TH_2024 = [
    {
        "kind": "cụm", "name": "Cụm thi đua số 1", "ordinal": "1",
        "members": ["UBND thành phố Thanh Hóa", "UBND thành phố Sầm Sơn", "UBND thị xã Bỉm Sơn",
                    "UBND thị xã Nghi Sơn", "UBND huyện Hoằng Hóa", "UBND huyện Quảng Xương"],
        "leader": "UBND thành phố Thanh Hóa", "deputies": ["UBND thị xã Bỉm Sơn"],
    },
    {
        "kind": "cụm", "name": "Cụm thi đua số 2", "ordinal": "2",
        "members": ["UBND huyện Hà Trung", "UBND huyện Nga Sơn", "UBND huyện Hậu Lộc",
                    "UBND huyện Đông Sơn", "UBND huyện Thiệu Hóa", "UBND huyện Yên Định",
                    "UBND huyện Vĩnh Lộc"],
        "leader": "UBND huyện Thiệu Hóa", "deputies": ["UBND huyện Hậu Lộc"],
    },
    {
        "kind": "cụm", "name": "Cụm thi đua số 3", "ordinal": "3",
        "members": ["UBND huyện Thọ Xuân", "UBND huyện Triệu Sơn", "UBND huyện Nông Cống",
                    "UBND huyện Thạch Thành", "UBND huyện Cẩm Thủy", "UBND huyện Ngọc Lặc",
                    "UBND huyện Như Thanh"],
        "leader": "UBND huyện Thọ Xuân", "deputies": ["UBND huyện Nông Cống"],
    },
    {
        "kind": "cụm", "name": "Cụm thi đua số 4", "ordinal": "4",
        "members": ["UBND huyện Lang Chánh", "UBND huyện Bá Thước", "UBND huyện Quan Hóa",
                    "UBND huyện Quan Sơn", "UBND huyện Mường Lát", "UBND huyện Thường Xuân",
                    "UBND huyện Như Xuân"],
        "leader": "UBND huyện Thường Xuân", "deputies": ["UBND huyện Bá Thước"],
    },
]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def truth_group(g, ordinal=None, stated=None, **extra):
    """The truth record of one group (members/leader/deputies as written)."""
    t = {
        "kind": g["kind"],
        "name": g["name"],
        "ordinal": ordinal,
        "members": list(g["members"]),
        "leader": g.get("leader"),
        "deputies": list(g.get("deputies", [])),
        "stated_member_count": stated,
    }
    for key in ("leader_matches_member", "deputies_match_members"):
        if key in g:
            t[key] = g[key]
    t.update(extra)
    return t


# --------------------------------------------------------------------------------------
# 3. WRITERS
# --------------------------------------------------------------------------------------
# A "doc spec" (dict) describes an administrative document in ND30 layout:
#   issuer_lines   ["UỶ BAN NHÂN DÂN", "TỈNH BẮC NINH"]     (header, left; all bold)
#   number_line    "Số: 138/QĐ-UBND"
#   quoc_hieu      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#   tieu_ngu       "Độc lập - Tự do - Hạnh phúc"
#   place_date     "Bắc Ninh, ngày 15 tháng 02 năm 2024"
#   body           list of blocks (see below)
#   recipients     ["- Như Điều 3;", ...]          (Nơi nhận, bottom left)
#   signature      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
#   signer_name    "Vương Quốc Tuấn"
#   appendices     list of block lists, each starting on a new page
#   meta           {"title": ..., "subject": ...}
# Blocks (tuples):
#   ("title", text)      centred, bold, large          ("QUYẾT ĐỊNH")
#   ("subject", text)    centred, bold                 (trích yếu)
#   ("rule",)            short centred line
#   ("center_b", text)   centred bold                  (authority line, "QUYẾT ĐỊNH:")
#   ("center_i", text)   centred italic                ("(Kèm theo Quyết định số ...)")
#   ("cc", text)         căn cứ: italic, first-line indent
#   ("p", text)          body paragraph: justified, first-line indent
#   ("h", text)          bold paragraph with first-line indent (section heading)
#   ("table", spec)      table: {"header": [...], "widths": [mm...], "rows": [[...]...],
#                                "spans": [(r0, c0, r1, c1)...], "bold_rows": {...},
#                                "align": ["CENTER", "LEFT", ...]}
#                        optional: "borderless": True, "valign": "TOP" (PDF only);
#                        a cell value may be a list of strings = one paragraph each (DOCX only)
# Inline markup in texts: <b>…</b> and <i>…</i>.

_FONTS_REGISTERED = False


def _register_fonts():
    global _FONTS_REGISTERED
    if _FONTS_REGISTERED:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Italic", str(FONT_DIR / "DejaVuSerif-Italic.ttf")))
    pdfmetrics.registerFont(
        TTFont("DejaVuSerif-BoldItalic", str(FONT_DIR / "DejaVuSerif-BoldItalic.ttf")))
    addMapping("DejaVuSerif", 0, 0, "DejaVuSerif")
    addMapping("DejaVuSerif", 1, 0, "DejaVuSerif-Bold")
    addMapping("DejaVuSerif", 0, 1, "DejaVuSerif-Italic")
    addMapping("DejaVuSerif", 1, 1, "DejaVuSerif-BoldItalic")
    _FONTS_REGISTERED = True


def _rl(text):
    """Text -> reportlab paragraph markup (escape '&', keep <b>/<i> tags)."""
    return nfc(text).replace("&", "&amp;")


def write_pdf(spec, path):
    """Render a doc spec as an A4 PDF with a real text layer (DejaVu Serif, NFC)."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (HRFlowable, PageBreak, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    rl_config.invariant = 1  # no creation date / random id -> deterministic output
    _register_fonts()
    F = "DejaVuSerif"
    body_size = spec.get("font_size", 12)

    def st(name, size=body_size, align=TA_JUSTIFY, bold=False, italic=False, indent=0,
           before=0, after=4, leading=None):
        font = F + ("-BoldItalic" if bold and italic else "-Bold" if bold else
                    "-Italic" if italic else "")
        return ParagraphStyle(name, fontName=font, fontSize=size,
                              leading=leading or size * 1.3, alignment=align,
                              firstLineIndent=indent, spaceBefore=before, spaceAfter=after)

    S = {
        "hdr": st("hdr", 11, TA_CENTER, bold=True, after=0),
        "hdr_n": st("hdr_n", 11, TA_CENTER, after=0),
        "hdr_i": st("hdr_i", 11.5, TA_CENTER, italic=True, after=0),
        "title": st("title", 13.5, TA_CENTER, bold=True, before=10, after=1),
        "subject": st("subject", 12.5, TA_CENTER, bold=True, after=1),
        "center_b": st("center_b", body_size, TA_CENTER, bold=True, before=6, after=6),
        "center_i": st("center_i", body_size, TA_CENTER, italic=True, after=2),
        "cc": st("cc", body_size, TA_JUSTIFY, italic=True, indent=10 * mm, after=3),
        "p": st("p", body_size, TA_JUSTIFY, indent=10 * mm, after=4),
        "h": st("h", body_size, TA_LEFT, bold=True, indent=10 * mm, before=3, after=3),
        "cell": st("cell", 10.5, TA_LEFT, after=0, leading=13),
        "cell_c": st("cell_c", 10.5, TA_CENTER, after=0, leading=13),
        "cell_b": st("cell_b", 10.5, TA_LEFT, bold=True, after=0, leading=13),
        "cell_bc": st("cell_bc", 10.5, TA_CENTER, bold=True, after=0, leading=13),
        "nn_h": st("nn_h", 11, TA_LEFT, bold=True, italic=True, after=1),
        "nn": st("nn", 10, TA_LEFT, after=0, leading=12),
        "sig": st("sig", 12, TA_CENTER, bold=True, after=0),
    }
    text_w = 210 * mm - 30 * mm - 18 * mm

    def rule(frac=0.35):
        return HRFlowable(width=f"{int(frac * 100)}%", thickness=0.6, color=colors.black,
                          spaceBefore=1, spaceAfter=3, hAlign="CENTER")

    def table_flowable(t):
        widths = [w * mm for w in t["widths"]]
        align = t.get("align", ["LEFT"] * len(widths))
        bold_rows = set(t.get("bold_rows", ()))
        data = [[Paragraph(_rl(h), S["cell_bc"]) for h in t["header"]]]
        for r, row in enumerate(t["rows"]):
            cells = []
            for c, val in enumerate(row):
                if r in bold_rows:  # group title rows: bold, left-aligned
                    style = S["cell_b"]
                else:
                    style = S["cell_c"] if align[c] == "CENTER" else S["cell"]
                cells.append(Paragraph(_rl(val), style) if val else "")
            data.append(cells)
        # "borderless": no ruling lines at all; "valign": "TOP" keeps wrapped cells readable
        ts = [] if t.get("borderless") else [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        ts += [
            ("VALIGN", (0, 0), (-1, -1), t.get("valign", "MIDDLE")),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for (r0, c0, r1, c1) in t.get("spans", ()):
            ts.append(("SPAN", (c0, r0 + 1), (c1, r1 + 1)))
        return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(ts))

    def blocks_to_flowables(blocks):
        out = []
        for b in blocks:
            kind = b[0]
            if kind == "rule":
                out.append(rule(0.3))
            elif kind == "table":
                out.append(Spacer(1, 2 * mm))
                out.append(table_flowable(b[1]))
                out.append(Spacer(1, 2 * mm))
            elif kind == "spacer":
                out.append(Spacer(1, b[1] * mm))
            else:
                out.append(Paragraph(_rl(b[1]), S[kind]))
        return out

    story = []
    # -- header: two columns; row 1 issuer | quốc hiệu, row 2 Số | place, date
    left = [Paragraph(_rl(x), S["hdr"]) for x in spec["issuer_lines"]] + [rule(0.4)]
    right = [Paragraph(_rl(spec["quoc_hieu"]), S["hdr"]),
             Paragraph(_rl(spec["tieu_ngu"]), st("tn", 11.5, TA_CENTER, bold=True, after=0)),
             rule(0.62)]
    row2 = [Paragraph(_rl(spec["number_line"]), S["hdr_n"]),
            Paragraph(_rl(spec["place_date"]), S["hdr_i"])]
    header = Table([[left, right], row2], colWidths=[62 * mm, text_w - 62 * mm],
                   style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(header)
    story.extend(blocks_to_flowables(spec["body"]))

    # -- bottom: Nơi nhận (left) | signature (right)
    nn = [Paragraph("<b><i>Nơi nhận:</i></b>", S["nn_h"])] + [
        Paragraph(_rl(x), S["nn"]) for x in spec["recipients"]]
    sig = [Paragraph(_rl(x), S["sig"]) for x in spec["signature"]]
    sig += [Spacer(1, 24 * mm), Paragraph(_rl(spec["signer_name"]), S["sig"])]
    story.append(Spacer(1, 3 * mm))
    story.append(Table([[nn, sig]], colWidths=[text_w * 0.48, text_w * 0.52],
                       style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0)])))

    for app in spec.get("appendices", []):
        story.append(PageBreak())
        story.extend(blocks_to_flowables(app))

    def later_pages(canvas, doc):  # page number centred in the top margin (ND30), not on p.1
        canvas.saveState()
        canvas.setFont(F, 11)
        canvas.drawCentredString(210 * mm / 2, 297 * mm - 12 * mm, str(doc.page))
        canvas.restoreState()

    meta = spec.get("meta", {})
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title=nfc(meta.get("title", "")), author=nfc(meta.get("author", "")),
                            subject=nfc(meta.get("subject", "")), creator="samples/generate.py")
    doc.build(story, onLaterPages=later_pages)


# ---- DOCX ----------------------------------------------------------------------------

_MARK = re.compile(r"(</?[bi]>)")


def _add_runs(par, text, bold=False, italic=False, size=None):
    """Add text with <b>/<i> markup to a python-docx paragraph."""
    from docx.shared import Pt
    b, i = bold, italic
    for piece in _MARK.split(nfc(text)):
        if piece == "<b>":
            b = True
        elif piece == "</b>":
            b = bold
        elif piece == "<i>":
            i = True
        elif piece == "</i>":
            i = italic
        elif piece:
            run = par.add_run(piece)
            run.bold = b or None
            run.italic = i or None
            if size:
                run.font.size = Pt(size)
    return par


def _para_fmt(par, align=None, indent_cm=None, before=0, after=0, line=None):
    from docx.shared import Cm, Pt
    pf = par.paragraph_format
    if align is not None:
        par.alignment = align
    if indent_cm:
        pf.first_line_indent = Cm(indent_cm)
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line:
        pf.line_spacing = line


def _rule_paragraph(container, side_indent_cm):
    """An empty centred paragraph whose bottom border is the short horizontal rule."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    par = container.add_paragraph()
    pf = par.paragraph_format
    pf.left_indent = Cm(side_indent_cm)
    pf.right_indent = Cm(side_indent_cm)
    pf.space_before = Pt(0)
    pf.space_after = Pt(2)
    pPr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    pPr.append(bdr)
    # tiny font so the empty line does not take much room
    par.add_run("").font.size = Pt(2)
    return par


def _col_widths(table, widths_mm):
    """Set both w:gridCol and every w:tcW, so Word and LibreOffice agree on the layout."""
    from docx.shared import Mm
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _first_par(cell):
    return cell.paragraphs[0]


def write_docx(spec, path):
    """Render a doc spec as a DOCX: header = borderless 2-column table, real merged cells."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm, Pt
    import datetime as dt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)

    cp = doc.core_properties
    meta = spec.get("meta", {})
    cp.title = nfc(meta.get("title", ""))
    cp.subject = nfc(meta.get("subject", ""))
    cp.author = nfc(meta.get("author", ""))
    cp.last_modified_by = "samples/generate.py"
    cp.comments = "Synthetic sample built by samples/generate.py"
    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    cp.created = cp.modified = cp.last_printed = fixed
    cp.revision = 1

    # -- header: one row, two cells, no borders (default table style has none)
    hdr = doc.add_table(rows=1, cols=2)
    hdr.alignment = WD_TABLE_ALIGNMENT.CENTER
    hdr.autofit = False
    _col_widths(hdr, [62, 103])
    lc, rc = hdr.rows[0].cells
    p = _first_par(lc)
    for k, line in enumerate(spec["issuer_lines"]):
        par = p if k == 0 else lc.add_paragraph()
        _add_runs(par, line, bold=True, size=13)
        _para_fmt(par, AL.CENTER)
    _rule_paragraph(lc, 2.0)
    par = lc.add_paragraph()
    _add_runs(par, spec["number_line"], size=13)
    _para_fmt(par, AL.CENTER, before=4)
    par = _first_par(rc)
    _add_runs(par, spec["quoc_hieu"], bold=True, size=12)
    _para_fmt(par, AL.CENTER)
    par = rc.add_paragraph()
    _add_runs(par, spec["tieu_ngu"], bold=True, size=13)
    _para_fmt(par, AL.CENTER)
    _rule_paragraph(rc, 2.3)
    par = rc.add_paragraph()
    _add_runs(par, spec["place_date"], italic=True, size=13)
    _para_fmt(par, AL.CENTER, before=4)

    def add_table(t):
        n = len(t["header"])
        tbl = doc.add_table(rows=1 + len(t["rows"]), cols=n)
        tbl.style = doc.styles["Table Grid"]
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False
        _col_widths(tbl, t["widths"])
        _repeat_header(tbl.rows[0])
        for c, h in enumerate(t["header"]):
            par = _first_par(tbl.cell(0, c))
            _add_runs(par, h, bold=True, size=12)
            _para_fmt(par, AL.CENTER)
        # merge first, then write the text into the top-left cell of each span
        for (r0, c0, r1, c1) in t.get("spans", ()):
            tbl.cell(r0 + 1, c0).merge(tbl.cell(r1 + 1, c1))
        align = t.get("align", ["LEFT"] * n)
        bold_rows = set(t.get("bold_rows", ()))
        for r, row in enumerate(t["rows"]):
            for c, val in enumerate(row):
                if not val:
                    continue
                cell = tbl.cell(r + 1, c)
                bold = r in bold_rows
                # a list value = several paragraphs inside one cell (one unit per paragraph)
                for k, line in enumerate(val if isinstance(val, list) else [val]):
                    par = _first_par(cell) if k == 0 else cell.add_paragraph()
                    _add_runs(par, line, bold=bold, size=12)
                    _para_fmt(par, AL.CENTER if align[c] == "CENTER" and not bold else AL.LEFT)
        for (r0, c0, r1, c1) in t.get("spans", ()):
            if r1 > r0:  # vertical merge: centre vertically
                from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT as VA
                tbl.cell(r0 + 1, c0).vertical_alignment = VA.CENTER
        doc.add_paragraph()

    def add_blocks(blocks):
        for b in blocks:
            kind = b[0]
            if kind == "rule":
                _rule_paragraph(doc, 6.0)
            elif kind == "spacer":
                doc.add_paragraph()
            elif kind == "table":
                add_table(b[1])
            elif kind == "title":
                par = doc.add_paragraph()
                _add_runs(par, b[1], bold=True, size=14)
                _para_fmt(par, AL.CENTER, before=12)
            elif kind == "subject":
                par = doc.add_paragraph()
                _add_runs(par, b[1], bold=True, size=14)
                _para_fmt(par, AL.CENTER)
            elif kind == "center_b":
                par = doc.add_paragraph()
                _add_runs(par, b[1], bold=True)
                _para_fmt(par, AL.CENTER, before=6, after=6)
            elif kind == "center_i":
                par = doc.add_paragraph()
                _add_runs(par, b[1], italic=True)
                _para_fmt(par, AL.CENTER)
            elif kind == "cc":
                par = doc.add_paragraph()
                _add_runs(par, b[1], italic=True)
                _para_fmt(par, AL.JUSTIFY, indent_cm=1.27, after=6)
            elif kind == "h":
                par = doc.add_paragraph()
                _add_runs(par, b[1], bold=True)
                _para_fmt(par, AL.JUSTIFY, indent_cm=1.27, before=3, after=3)
            else:  # "p"
                par = doc.add_paragraph()
                _add_runs(par, b[1])
                _para_fmt(par, AL.JUSTIFY, indent_cm=1.27, after=6)

    add_blocks(spec["body"])

    # -- bottom: Nơi nhận | signature, borderless 2-column table
    bot = doc.add_table(rows=1, cols=2)
    bot.autofit = False
    _col_widths(bot, [80, 85])
    lc, rc = bot.rows[0].cells
    par = _first_par(lc)
    _add_runs(par, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in spec["recipients"]:
        _add_runs(lc.add_paragraph(), line, size=11)
    for k, line in enumerate(spec["signature"]):
        par = _first_par(rc) if k == 0 else rc.add_paragraph()
        _add_runs(par, line, bold=True, size=14)
        _para_fmt(par, AL.CENTER)
    for _ in range(4):
        rc.add_paragraph()
    par = rc.add_paragraph()
    _add_runs(par, spec["signer_name"], bold=True, size=14)
    _para_fmt(par, AL.CENTER)

    for app in spec.get("appendices", []):
        par = doc.add_paragraph()
        par.add_run().add_break(WD_BREAK.PAGE)
        add_blocks(app)

    buf = io.BytesIO()
    doc.save(buf)
    _write_zip_deterministic(buf.getvalue(), path)


def _write_zip_deterministic(data, path):
    """Re-pack a zip (docx) with a fixed timestamp on every member."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    Path(path).write_bytes(out.getvalue())


# ---- news items: TXT and HTML ----------------------------------------------------------
# A news spec: {"headline", "stamp", "paragraphs": [...], "byline", "site": {...}}

def write_txt(spec, path):
    """A news page saved as plain text, the way the real corpus texts look."""
    parts = [spec["headline"], "", spec["stamp"], ""]
    for para in spec["paragraphs"]:
        parts += [para, ""]
    if spec.get("caption"):
        parts += ["", spec["caption"], ""]
    parts += [spec["byline"], ""]
    parts += spec.get("trailer", [])
    text = nfc("\n".join(parts).rstrip() + "\n")
    Path(path).write_text(text, encoding="utf-8")


def write_html(spec, path):
    """A news page as a full HTML document with menu, scripts, sidebar and footer."""
    e = lambda s: html.escape(nfc(s), quote=True)  # noqa: E731
    site = spec["site"]
    menu = "\n".join(f'        <li><a href="{e(href)}">{e(label)}</a></li>'
                     for label, href in site["menu"])
    related = "\n".join(f'        <li><a href="{e(href)}">{e(label)}</a></li>'
                        for label, href in site["related"])
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in spec["paragraphs"])
    doc = f"""<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(spec["headline"])} - {e(site["name"])}</title>
  <meta property="og:title" content="{e(spec["headline"])}">
  <meta name="description" content="{e(spec["description"])}">
  <link rel="stylesheet" href="/static/css/portal.min.css">
  <script>
    window.dataLayer = window.dataLayer || [];
    function gtag() {{ dataLayer.push(arguments); }}
    gtag('js', new Date()); gtag('config', 'G-XXXXXXX');
    var PORTAL = {{ "menuTitle": "Thi đua - Khen thưởng", "hot": ["Khối thi đua các cơ quan tham mưu tổng hợp gồm 8 đơn vị"] }};
  </script>
</head>
<body class="article-page">
  <header class="site-header">
    <div class="banner"><a href="/"><img src="/static/img/logo.png" alt="{e(site["name"])}"></a>
      <span class="site-name">{e(site["name"])}</span></div>
    <nav class="main-menu" aria-label="Menu chính">
      <ul>
{menu}
      </ul>
    </nav>
    <form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm..."></form>
  </header>
  <div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức - Sự kiện</a> &gt; <a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></div>
  <main class="container">
    <article class="news-detail">
      <h1 class="title">{e(spec["headline"])}</h1>
      <div class="meta"><span class="date">{e(spec["stamp"])}</span> <span class="views">Lượt xem: {e(spec["views"])}</span></div>
      <div class="sapo"><p><strong>{e(spec["sapo"])}</strong></p></div>
      <div class="content">
{paras}
      <figure><img src="/uploads/2025/02/hoi-nghi.jpg" alt=""><figcaption>{e(spec["caption"])}</figcaption></figure>
      <p class="author" style="text-align:right"><strong>{e(spec["byline"])}</strong></p>
      </div>
      <div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#" onclick="window.print()">In bài</a></div>
    </article>
    <aside class="sidebar">
      <h3>Tin liên quan</h3>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>{e(site["footer"])}</p>
    <p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>
  </footer>
  <script src="/static/js/jquery.min.js"></script>
  <script>
    $(function () {{ $('.main-menu li').hover(function () {{ $(this).toggleClass('open'); }}); }});
  </script>
</body>
</html>
"""
    Path(path).write_text(nfc(doc), encoding="utf-8")


# --------------------------------------------------------------------------------------
# 4. DOCUMENTS
# --------------------------------------------------------------------------------------

def header(province_upper, number, place_date, uy="ỦY", hoa="HÒA"):
    return {
        "issuer_lines": [f"{uy} BAN NHÂN DÂN", f"TỈNH {province_upper}"],
        "number_line": f"Số: {number}",
        "quoc_hieu": f"CỘNG {hoa} XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "tieu_ngu": "Độc lập - Tự do - Hạnh phúc",
        "place_date": place_date,
    }


def cc_blocks(*items):
    """('cc', text) blocks + the list of references they cite."""
    blocks, refs = [], []
    for text, rs in items:
        blocks.append(("cc", text))
        refs.extend(copy.deepcopy(rs))
    return blocks, refs


def roster_table_bn(groups, with_roles=True):
    """Appendix table 'STT | Tên đơn vị | Ghi chú' with a full-width title row per group."""
    rows, spans, bold_rows = [], [], []
    for gi, g in enumerate(groups):
        n = len(g["members"])
        title = f"{ROMAN[gi]}. {upper_vi(g['name'])} ({count_label(n)})"
        spans.append((len(rows), 0, len(rows), 2))
        bold_rows.append(len(rows))
        rows.append([title, "", ""])
        for k, m in enumerate(g["members"], 1):
            note = ""
            if with_roles and m == g.get("leader"):
                note = "Trưởng khối" if g["kind"] == "khối" else "Cụm trưởng"
            elif with_roles and m in g.get("deputies", []):
                note = "Phó khối" if g["kind"] == "khối" else "Cụm phó"
            rows.append([str(k), m, note])
    return {"header": ["STT", "Tên đơn vị", "Ghi chú"], "widths": [14, 116, 30],
            "rows": rows, "spans": spans, "bold_rows": bold_rows,
            "align": ["CENTER", "LEFT", "CENTER"]}


# ---- (a) QĐ 138/QĐ-UBND Bắc Ninh 2024: PDF, appendix table over 2+ pages -------------------
def doc_qd138_2024():
    number = "138/QĐ-UBND"
    subject = "Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 25/TTr-SNV ngày "
                     "05/02/2024."))
    refs.append(ref("to_trinh", "25/TTr-SNV", "2024-02-05", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "205/QĐ-UBND", "2023-02-20", "UBND tỉnh"))
    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 15 tháng 02 năm 2024", uy="UỶ")
    spec.update({
        "meta": {"title": "Quyết định 138/QĐ-UBND", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Tổ chức các Cụm, Khối thi đua của tỉnh năm 2024 gồm 01 Cụm thi "
                  "đua và 04 Khối thi đua; phân công đơn vị Trưởng khối, Phó khối (Cụm trưởng, "
                  "Cụm phó) năm 2024 (có Phụ lục danh sách kèm theo)."),
            ("p", "<b>Điều 2.</b> Trách nhiệm của các Cụm, Khối thi đua"),
            ("p", "1. Đơn vị Trưởng khối (Cụm trưởng) chủ trì, phối hợp với đơn vị Phó khối (Cụm "
                  "phó) xây dựng Kế hoạch, Quy chế hoạt động, tiêu chí chấm điểm thi đua của Khối "
                  "(Cụm); tổ chức ký giao ước thi đua, sơ kết, tổng kết, bình xét, suy tôn các đơn "
                  "vị dẫn đầu và đề nghị khen thưởng theo quy định."),
            ("p", "2. Các đơn vị thành viên có trách nhiệm tham gia đầy đủ các hoạt động của Khối "
                  "(Cụm); thực hiện nghiêm túc nội dung giao ước thi đua đã ký kết."),
            ("p", "3. Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, theo dõi, kiểm tra hoạt "
                  "động của các Cụm, Khối thi đua; tổng hợp, báo cáo UBND tỉnh theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 205/QĐ-UBND ngày 20/02/2023 của UBND tỉnh về việc tổ chức các Cụm, Khối thi "
                  "đua của tỉnh năm 2023."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị "
                  "có tên tại Điều 1 và các đơn vị có liên quan căn cứ Quyết định thi hành./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TTTU, TTHĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh (Sở Nội vụ);", "- VP UBND tỉnh: LĐVP, NC;",
                       "- Lưu: VT, NC."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Vương Quốc Tuấn",
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC CỤM, KHỐI THI ĐUA NĂM 2024"),
            ("center_i", "(Kèm theo Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh "
                         "Bắc Ninh)"),
            ("rule",),
            ("table", roster_table_bn(BN_2024)),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-02-15", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Vương Quốc Tuấn", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [truth_group(g, ROMAN[i], len(g["members"])) for i, g in enumerate(BN_2024)],
        "references": refs,
        "notes": [
            "Reconstruction of QĐ 138/QĐ-UBND (Bắc Ninh, 15/02/2024). The rosters of Khối kinh tế, "
            "kỹ thuật (12) and Khối Tổ chức xã hội (24) are those quoted by the real news items; "
            "the other three groups and all leaders/deputies except Quỹ Đầu tư phát triển tỉnh are "
            "invented.",
            "Roster only in the appendix table 'STT | Tên đơn vị | Ghi chú'; each group begins with "
            "a title row spanning all three columns ('I. KHỐI … (12 đơn vị)'); STT restarts at 1 "
            "in each group; roles only in the Ghi chú column ('Trưởng khối', 'Phó khối', "
            "'Cụm trưởng', 'Cụm phó').",
            "The table continues over a page break with the header row repeated; page numbers are "
            "printed at the top of pages 2+.",
            "Header spelled 'UỶ BAN NHÂN DÂN', authority line 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH'. "
            "Signature block 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'; authority "
            "recorded as 'KT. CHỦ TỊCH'.",
            "Group names are the printed upper-case titles in normal case, without the '(NN đơn vị)' "
            "suffix; the member count comes from that suffix.",
            "'Nơi nhận' and the signature block are side by side: text extraction merges their lines.",
        ],
    }
    return spec, truth


def doc_qd138_2024_docx():
    """The same decision as published in Word format (samples/other/)."""
    spec, truth = doc_qd138_2024()
    truth = copy.deepcopy(truth)
    truth["notes"] = [
        "Same decision and same truth as samples/2024/qd-138-2024-bacninh.pdf, in DOCX form: "
        "the header is a borderless 2-column table (left cell issuer + 'Số:', right cell quốc "
        "hiệu + place/date), the signature block a borderless 2-column table.",
        "Appendix table 'STT | Tên đơn vị | Ghi chú' after a page break; each group title row is "
        "one cell merged horizontally over the three columns (w:gridSpan); the header row is "
        "marked to repeat (w:tblHeader). Roles only in Ghi chú.",
    ] + truth["notes"][3:5]
    return spec, truth


# ---- (b) QĐ 52/QĐ-UBND Bắc Ninh 2025: DOCX, roster as numbered paragraphs -----------------
def doc_qd52_2025():
    number = "52/QĐ-UBND"
    subject = "Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2025"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98_LONG)
    cc.append(("cc", "Căn cứ Quyết định số 45/QĐ-CT ngày 22/02/2024 của Chủ tịch UBND tỉnh ban hành "
                     "Quy chế tổ chức và hoạt động của Cụm, Khối thi đua thuộc tỉnh Bắc Ninh;"))
    refs.append(ref("quyet_dinh", "45/QĐ-CT", "2024-02-22", "Chủ tịch UBND tỉnh"))
    cc.append(("cc", "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 09/TTr-SNV ngày "
                     "14/01/2025."))
    refs.append(ref("to_trinh", "09/TTr-SNV", "2025-01-14", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "138/QĐ-UBND", "2024-02-15", "UBND tỉnh"))
    refs.append(ref("quyet_dinh", "615/QĐ-UBND", "2024-06-12", "UBND tỉnh"))

    roster = []
    for gi, g in enumerate(BN_2025):
        n = len(g["members"])
        roster.append(("h", f"{ROMAN[gi]}. {upper_vi(g['name'])} ({count_label(n, True)})"))
        for k, m in enumerate(g["members"], 1):
            roster.append(("p", f"{k}. {m}{'.' if k == n else ';'}"))

    roles = []
    for gi, g in enumerate(BN_2025, 1):
        if g["kind"] == "khối":
            line = (f"{gi}. {g['name']}: Trưởng khối: {g['leader']}; "
                    f"Phó Trưởng khối: {g['deputies'][0]}.")
        else:
            line = f"{gi}. {g['name']}: Cụm trưởng: {g['leader']}; Cụm phó: {g['deputies'][0]}."
        roles.append(("p", line))

    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 20 tháng 01 năm 2025")
    spec.update({
        "meta": {"title": "Quyết định 52/QĐ-UBND", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Tổ chức 05 Cụm, Khối thi đua của tỉnh năm 2025, gồm:"),
            *roster,
            ("p", "<b>Điều 2.</b> Phân công Trưởng khối, Phó Trưởng khối năm 2025:"),
            *roles,
            ("p", "<b>Điều 3.</b> Đơn vị Trưởng khối (Cụm trưởng) chủ trì, phối hợp với đơn vị Phó "
                  "Trưởng khối (Cụm phó) tổ chức hoạt động của Khối (Cụm) theo Quy chế ban hành "
                  "kèm theo Quyết định số 45/QĐ-CT ngày 22/02/2024 của Chủ tịch UBND tỉnh; tổng "
                  "hợp kết quả thi đua, bình xét, suy tôn và đề nghị khen thưởng, gửi Sở Nội vụ "
                  "(Ban Thi đua - Khen thưởng) trước ngày 15/12/2025."),
            ("p", "<b>Điều 4.</b> Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số "
                  "138/QĐ-UBND ngày 15/02/2024 và Quyết định số 615/QĐ-UBND ngày 12/6/2024 của "
                  "UBND tỉnh."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị "
                  "có tên tại Điều 1 căn cứ Quyết định thi hành./."),
        ],
        "recipients": ["- Như Điều 4;", "- Ban TĐKT Trung ương (b/c);",
                       "- TTTU, TTHĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh;", "- Lưu: VT, NC."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Nguyễn Hữu Thành",
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2025-01-20", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Nguyễn Hữu Thành", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2025,
        "groups": [truth_group(g, ROMAN[i], len(g["members"])) for i, g in enumerate(BN_2025)],
        "references": refs,
        "notes": [
            "No table: in Điều 1 each group is a bold heading 'I. KHỐI … (gồm 08 đơn vị)' followed "
            "by numbered paragraphs '1. Văn phòng Đoàn ĐBQH và HĐND tỉnh;' (last one ends with '.').",
            "Leaders and deputies appear only in Điều 2, one line per group: 'Trưởng khối: X; Phó "
            "Trưởng khối: Y.' / 'Cụm trưởng: X; Cụm phó: Y.' — groups must be matched by name "
            "between Điều 1 and Điều 2.",
            "Abbreviations in Điều 2: 'Sở NN&PTNT' (= Sở Nông nghiệp và Phát triển nông thôn, "
            "deputy of Khối kinh tế, kỹ thuật) and 'Sở VH,TT&DL' (= Sở Văn hóa, Thể thao và Du "
            "lịch, leader of Khối văn hóa - xã hội; note the comma inside the abbreviation). "
            "leader/deputies keep the abbreviation as written; *_match(es)_member(s) give the member.",
            "Year-over-year vs. 2024 (QĐ 138 as amended by QĐ 615): Cục Dự trữ Nhà nước khu vực Hà "
            "Bắc removed; Sở Thông tin và Truyền thông moved from Khối kinh tế, kỹ thuật to Khối văn "
            "hóa - xã hội; new unit Ban Quản lý dự án xây dựng dân dụng và công nghiệp tỉnh; Sở Khoa "
            "học và Công nghệ stays in Khối kinh tế, kỹ thuật (moved there by QĐ 615); all leaders "
            "and deputies rotated; 'Liên hiệp các hội …' now spelled 'Liên hiệp các Hội …'.",
            "Điều 4 replaces QĐ 138/QĐ-UBND and QĐ 615/QĐ-UBND (references, not the document's "
            "own number).",
        ],
    }
    return spec, truth


# ---- (n) QĐ 95/QĐ-UBND Bắc Ninh 2026: DOCX, the first roster of the merged province ---------
# From 01/3/2025 the provincial departments were merged (KH&ĐT -> Tài chính; NN&PTNT + TN&MT ->
# Nông nghiệp và Môi trường; GTVT -> Xây dựng; TT&TT -> Khoa học và Công nghệ; LĐ-TB&XH -> Nội
# vụ; Ban Dân tộc -> Sở Dân tộc và Tôn giáo; Sở Ngoại vụ dissolved into Văn phòng UBND tỉnh).
# From 01/7/2025 Bắc Giang and Bắc Ninh form the new tỉnh Bắc Ninh and the district level is
# gone, so the Cụm of huyện/thị xã/thành phố becomes a Cụm of phường (xã/phường are directly
# under the province). Everything below is invented; only the unit names follow the reform.
BN_TMTH_2026 = {
    "kind": "khối",
    "name": "Khối các cơ quan tham mưu tổng hợp",
    "members": [
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Văn phòng UBND tỉnh",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Tư pháp",
        "Thanh tra tỉnh",
        "Sở Dân tộc và Tôn giáo",
    ],
    "leader": "Sở Nội vụ",
    "deputies": ["Văn phòng UBND tỉnh"],
}
BN_KTKT_2026 = {
    "kind": "khối",
    "name": BN_KTKT_2024["name"],
    "members": [
        "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường",
        "Sở Xây dựng",
        "Sở Khoa học và Công nghệ",
        "Ban Quản lý các khu công nghiệp tỉnh",
        "Quỹ Đầu tư phát triển tỉnh",
        "Liên minh Hợp tác xã tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        # from former Bắc Giang: the unit name keeps the old province's name
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông Bắc Giang",
    ],
    "leader": "Sở Nông nghiệp và Môi trường",
    "deputies": ["Ban Quản lý các khu công nghiệp tỉnh"],
}
BN_VHXH_2026 = {
    "kind": "khối",
    "name": BN_VHXH_2024["name"],
    "members": [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
        "Báo và Phát thanh, Truyền hình Bắc Ninh",
        "Bảo hiểm xã hội tỉnh",
        "Trường Chính trị tỉnh",
        # from former Bắc Giang
        "Trường Cao đẳng Ngô Gia Tự Bắc Giang",
    ],
    "leader": "Sở Giáo dục và Đào tạo",
    "deputies": ["Báo và Phát thanh, Truyền hình Bắc Ninh"],
}
# the associations of the two former provinces merged under the same names (2025 spellings)
BN_TCXH_2026 = dict(BN_TCXH_2025, leader="Hội Luật gia tỉnh", deputies=["Hội Khuyến học tỉnh"])
BN_CUM_2026 = {
    "kind": "cụm",
    "name": "Cụm thi đua các phường",
    "members": [
        "Phường Bắc Giang",
        "Phường Kinh Bắc",
        "Phường Võ Cường",
        "Phường Từ Sơn",
        "Phường Đa Mai",
        "Phường Việt Yên",
    ],
    "leader": "Phường Bắc Giang",
    "deputies": ["Phường Từ Sơn"],
}

BN_2026 = [BN_TMTH_2026, BN_KTKT_2026, BN_VHXH_2026, BN_TCXH_2026, BN_CUM_2026]

# 2024 unit (QĐ 138, as amended by QĐ 615) -> 2026 unit (QĐ 95), for the notes of the truth
BN_2024_TO_2026 = [
    ("Khối các cơ quan tham mưu tổng hợp",
     "Văn phòng Đoàn ĐBQH và HĐND tỉnh, Văn phòng UBND tỉnh, Sở Nội vụ, Sở Tài chính, Sở Tư "
     "pháp, Thanh tra tỉnh -> same name, same khối; Sở Kế hoạch và Đầu tư -> Sở Tài chính; Sở "
     "Ngoại vụ -> Văn phòng UBND tỉnh (Sở Ngoại vụ dissolved, tasks moved there); new member "
     "Sở Dân tộc và Tôn giáo (the former Ban Dân tộc, not in the 2024 roster)"),
    ("Khối các Sở, ban, ngành tham mưu và quản lý nhà nước về kinh tế, kỹ thuật",
     "Sở Công thương -> Sở Công Thương (spelling now with capital T); Sở Nông nghiệp và Phát "
     "triển nông thôn and Sở Tài nguyên và Môi trường -> Sở Nông nghiệp và Môi trường; Sở Giao "
     "thông vận tải -> Sở Xây dựng; Sở Xây dựng -> Sở Xây dựng; Sở Thông tin và Truyền thông -> "
     "Sở Khoa học và Công nghệ; Ban quản lý các Khu công nghiệp -> Ban Quản lý các khu công "
     "nghiệp tỉnh; Liên minh hợp tác xã tỉnh -> Liên minh Hợp tác xã tỉnh; Quỹ Đầu tư phát triển "
     "tỉnh -> same; Quỹ Phát triển đất -> Quỹ Đầu tư phát triển tỉnh (assumed merged); Ban Quản "
     "lý khu vực phát triển Đô thị Bắc Ninh -> Sở Xây dựng (assumed dissolved); Cục Dự trữ Nhà "
     "nước khu vực Hà Bắc -> none (already dropped in 2025); Ban Quản lý dự án xây dựng dân dụng "
     "và công nghiệp tỉnh (new in 2025) -> Ban Quản lý dự án đầu tư xây dựng tỉnh; new member from "
     "former Bắc Giang: Ban Quản lý dự án đầu tư xây dựng công trình giao thông Bắc Giang"),
    ("Khối các cơ quan văn hóa - xã hội",
     "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế, Sở Giáo dục và Đào tạo, Bảo hiểm xã hội tỉnh -> "
     "same name, same khối; Sở Lao động - Thương binh và Xã hội -> Sở Nội vụ (now in Khối tham "
     "mưu tổng hợp); Sở Khoa học và Công nghệ (moved to Khối kinh tế, kỹ thuật by QĐ 615) -> "
     "Sở Khoa học và Công nghệ, still in Khối kinh tế, kỹ thuật; Đài Phát thanh và Truyền hình "
     "tỉnh and Báo Bắc Ninh -> Báo và Phát thanh, Truyền hình Bắc Ninh; Trường Chính trị Nguyễn "
     "Văn Cừ -> Trường Chính trị tỉnh (assumed merged with its Bắc Giang counterpart); new member "
     "from former Bắc Giang: Trường Cao đẳng Ngô Gia Tự Bắc Giang"),
    ("Khối các Tổ chức xã hội, Tổ chức xã hội - nghề nghiệp",
     "all 24 units -> same names (assumed merged with their Bắc Giang counterparts), with the "
     "2025 spelling 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh' (2024: 'các hội')"),
    ("Cụm thi đua các huyện, thị xã, thành phố",
     "no one-to-one successor: the district level was abolished on 01/7/2025 and the 8 units "
     "(Thành phố Bắc Ninh, Thành phố Từ Sơn, Thị xã Quế Võ, Thị xã Thuận Thành, Huyện Tiên Du, "
     "Huyện Yên Phong, Huyện Gia Bình, Huyện Lương Tài) are not members of any 2026 group; the new "
     "Cụm thi đua các phường holds wards of the new province (origins approximate): Phường "
     "Kinh Bắc and Phường Võ Cường (area of the former Thành phố Bắc Ninh), Phường Từ Sơn "
     "(former Thành phố Từ Sơn), Phường "
     "Bắc Giang and Phường Đa Mai (former Bắc Giang city), Phường Việt Yên (former Thị xã Việt Yên, "
     "Bắc Giang)"),
]


def doc_qd95_2026():
    number = "95/QĐ-UBND"
    subject = "Về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2026"
    cc, refs = cc_blocks(
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
         [ref("luat", None, "2025-06-16", title="Luật Tổ chức chính quyền địa phương")]),
        ("Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về việc sắp "
         "xếp đơn vị hành chính cấp tỉnh;",
         [ref("nghi_quyet", "202/2025/QH15", "2025-06-12", "Quốc hội")]),
        CC_LUAT_TDKT, CC_ND98_LONG)
    cc.append(("cc", "Căn cứ Quyết định số 1032/QĐ-UBND ngày 15/10/2025 của UBND tỉnh ban hành "
                     "Quy chế tổ chức và hoạt động của Cụm, Khối thi đua thuộc tỉnh Bắc Ninh;"))
    refs.append(ref("quyet_dinh", "1032/QĐ-UBND", "2025-10-15", "UBND tỉnh"))
    cc.append(("cc", "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 14/TTr-SNV ngày "
                     "16/01/2026."))
    refs.append(ref("to_trinh", "14/TTr-SNV", "2026-01-16", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "52/QĐ-UBND", "2025-01-20", "UBND tỉnh Bắc Ninh"))
    n_units = sum(len(g["members"]) for g in BN_2026)
    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 22 tháng 01 năm 2026")
    spec.update({
        "meta": {"title": "Quyết định 95/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Tổ chức các Cụm, Khối thi đua của tỉnh năm 2026 gồm 04 Khối thi "
                  f"đua và 01 Cụm thi đua với {n_units} cơ quan, đơn vị, địa phương; phân công đơn "
                  "vị Trưởng khối, Phó khối (Cụm trưởng, Cụm phó) năm 2026 (có Phụ lục danh sách "
                  "kèm theo)."),
            ("p", "<b>Điều 2.</b> Trách nhiệm của các Cụm, Khối thi đua"),
            ("p", "1. Đơn vị Trưởng khối (Cụm trưởng) chủ trì, phối hợp với đơn vị Phó khối (Cụm "
                  "phó) xây dựng Kế hoạch, tiêu chí chấm điểm thi đua của Khối (Cụm) theo Quy chế "
                  "ban hành kèm theo Quyết định số 1032/QĐ-UBND ngày 15/10/2025 của UBND tỉnh; tổ "
                  "chức ký giao ước thi đua, sơ kết, tổng kết, bình xét, suy tôn các đơn vị dẫn "
                  "đầu và đề nghị khen thưởng theo quy định."),
            ("p", "2. Các cơ quan, đơn vị hình thành sau khi sắp xếp, hợp nhất từ các cơ quan, đơn "
                  "vị của tỉnh Bắc Giang và tỉnh Bắc Ninh (trước sắp xếp) tham gia Khối thi đua "
                  "theo tên gọi mới tại Phụ lục kèm theo; UBND các xã, phường không có tên tại Phụ "
                  "lục tham gia các Cụm thi đua do Sở Nội vụ hướng dẫn."),
            ("p", "3. Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, theo dõi, kiểm tra hoạt "
                  "động của các Cụm, Khối thi đua; tổng hợp, báo cáo UBND tỉnh theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 52/QĐ-UBND ngày 20/01/2025 của UBND tỉnh Bắc Ninh (trước sắp xếp) về việc tổ "
                  "chức các Cụm, Khối thi đua của tỉnh năm 2025."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị, "
                  "Chủ tịch UBND các phường có tên tại Phụ lục kèm theo và các đơn vị có liên quan "
                  "căn cứ Quyết định thi hành./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TTTU, TTHĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh (Sở Nội vụ);", "- VP UBND tỉnh: LĐVP, NC;",
                       "- Lưu: VT, NC."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Trịnh Văn Khiêm",
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC CỤM, KHỐI THI ĐUA CỦA TỈNH NĂM 2026"),
            ("center_i", "(Kèm theo Quyết định số 95/QĐ-UBND ngày 22/01/2026 của UBND tỉnh "
                         "Bắc Ninh)"),
            ("rule",),
            ("table", roster_table_bn(BN_2026)),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2026-01-22", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Trịnh Văn Khiêm", "title": "Phó Chủ tịch",
                   "authority": "KT. CHỦ TỊCH"},
        "year": 2026,
        "groups": [truth_group(g, ROMAN[i], len(g["members"])) for i, g in enumerate(BN_2026)],
        "references": refs,
        "notes": [
            "Synthetic. First roster of the new tỉnh Bắc Ninh (Bắc Giang and Bắc Ninh merged on "
            "01/7/2025, capital at the former Bắc Giang city; district level abolished). Issuer and "
            "place are still 'Bắc Ninh', but 'Bắc Giang' occurs in member names (Phường Bắc Giang, "
            "units from the former province) and in Điều 2 ('tỉnh Bắc Giang và tỉnh Bắc Ninh "
            "(trước sắp xếp)').",
            "Same layout as the DOCX of QĐ 138: appendix table 'STT | Tên đơn vị | Ghi chú'; each "
            "group title row is one cell merged over the three columns (w:gridSpan, 'I. KHỐI … "
            "(07 đơn vị)'); STT restarts at 1 in each group; roles only in Ghi chú ('Trưởng khối', "
            "'Phó khối', 'Cụm trưởng', 'Cụm phó'); the header row repeats (w:tblHeader).",
            "Post-reform unit names (departments merged from 01/3/2025). 'Báo và Phát thanh, "
            "Truyền hình Bắc Ninh' is one unit although it contains a comma and 'và' (it is also "
            "the Phó khối of Khối văn hóa - xã hội). 'Sở Công Thương' now has a capital T "
            "(2024/2025: 'Sở Công thương').",
            "4 khối + 1 cụm. The Cụm of huyện, thị xã, thành phố is replaced by 'Cụm thi đua các "
            "phường' (6 phường); Điều 1 gives the total of units.",
            "2024 -> 2026 correspondence (QĐ 138 as amended by QĐ 615 -> QĐ 95; for a human reader, "
            "'assumed' marks choices of this sample, not facts): " + " | ".join(
                f"{g}: {m}" for g, m in BN_2024_TO_2026) + ".",
            "Leaders/deputies rotated vs. 2025. Điều 3 replaces QĐ 52/QĐ-UBND of the former Bắc "
            "Ninh (a reference, not the document's own number). Signed 'TM. ỦY BAN NHÂN DÂN / KT. "
            "CHỦ TỊCH / PHÓ CHỦ TỊCH'; authority 'KT. CHỦ TỊCH'.",
        ],
    }
    return spec, truth


# ---- (c) QĐ 326/QĐ-UBND Quảng Nam 2024: DOCX, vertically merged group column ---------------
def doc_qd326_2024_quangnam():
    number = "326/QĐ-UBND"
    subject = "Về việc kiện toàn các Khối thi đua thuộc tỉnh năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP_SHORT, CC_LUAT_TDKT_SHORT, CC_ND98)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV ngày "
                     "30/01/2024."))
    refs.append(ref("to_trinh", "15/TTr-SNV", "2024-01-30", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "298/QĐ-UBND", "2023-02-03", "Chủ tịch UBND tỉnh"))

    rows, spans = [], []
    stt = 0
    for g in QN_2024:
        start = len(rows)
        for k, m in enumerate(g["members"]):
            stt += 1
            note = ("Khối trưởng" if m == g["leader"] else
                    "Khối phó" if m in g["deputies"] else "")
            label = f"{g['name']} ({count_label(len(g['members']))})" if k == 0 else ""
            rows.append([label, str(stt), m, note])
        spans.append((start, 0, len(rows) - 1, 0))
    table = {"header": ["Khối thi đua", "STT", "Đơn vị", "Ghi chú"], "widths": [42, 12, 80, 26],
             "rows": rows, "spans": spans, "align": ["CENTER", "CENTER", "LEFT", "CENTER"]}

    spec = header("QUẢNG NAM", number, "Quảng Nam, ngày 05 tháng 02 năm 2024", uy="UỶ", hoa="HOÀ")
    spec.update({
        "meta": {"title": "Quyết định 326/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Quảng Nam"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH QUẢNG NAM"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Kiện toàn 04 Khối thi đua thuộc Uỷ ban nhân dân tỉnh năm 2024 và "
                  "phân công Khối trưởng, Khối phó các Khối thi đua (chi tiết tại Phụ lục kèm "
                  "theo)."),
            ("p", "<b>Điều 2.</b> Khối trưởng chủ trì, phối hợp với Khối phó xây dựng chương trình "
                  "hoạt động, tổ chức ký kết giao ước thi đua, sơ kết, tổng kết phong trào thi đua "
                  "của Khối; chấm điểm, bình xét, suy tôn đơn vị dẫn đầu và đề nghị Uỷ ban nhân dân "
                  "tỉnh tặng Cờ thi đua theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 298/QĐ-UBND ngày 03/02/2023 của Chủ tịch UBND tỉnh. Chánh Văn phòng Uỷ ban "
                  "nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có tên tại "
                  "Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương;", "- TT TU, TT HĐND tỉnh;",
                       "- CT, các PCT UBND tỉnh;", "- Ban TĐKT tỉnh;", "- CPVP;",
                       "- Lưu: VT, NC."],
        "signature": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Trần Minh Khoa",
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC KHỐI THI ĐUA THUỘC UỶ BAN NHÂN DÂN TỈNH NĂM 2024"),
            ("center_i", "(Kèm theo Quyết định số 326/QĐ-UBND ngày 05/02/2024 của Chủ tịch UBND "
                         "tỉnh Quảng Nam)"),
            ("rule",),
            ("table", table),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-02-05", "place": "Quảng Nam", "issuer": "UBND tỉnh Quảng Nam",
        "subject": subject,
        "signer": {"name": "Trần Minh Khoa", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [truth_group(g, g["ordinal"], len(g["members"])) for g in QN_2024],
        "references": refs,
        "notes": [
            "Synthetic. Appendix table 'Khối thi đua | STT | Đơn vị | Ghi chú': the group name "
            "('Khối thi đua các cơ quan tham mưu I (10 đơn vị)') is one cell merged vertically "
            "over all its member rows (w:vMerge); STT runs continuously 1-30 across groups.",
            "Roles in Ghi chú as 'Khối trưởng' / 'Khối phó'; Khối thi đua các cơ quan tham mưu I "
            "has two Khối phó.",
            "'I'/'II' at the end of 'tham mưu I/II' recorded as ordinal (as in the corpus truth for "
            "Quảng Nam); the other two groups have no ordinal.",
            "Spelling variants: 'UỶ BAN', 'CỘNG HOÀ', 'Uỷ ban nhân dân', 'văn hoá', 'Sở Văn hoá, "
            "Thể thao và Du lịch' (old-style tone placement, still NFC). 'Sở Công Thương' with "
            "capital T.",
            "Issued by the Chủ tịch (authority line 'CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH QUẢNG NAM'), "
            "signed 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' without TM.; the header still reads UỶ BAN NHÂN "
            "DÂN TỈNH QUẢNG NAM, so issuer is 'UBND tỉnh Quảng Nam'.",
        ],
    }
    return spec, truth


# ---- (d) QĐ 412/QĐ-UBND Thanh Hóa 2024: PDF, numbered paragraphs, role after the name ------
def doc_qd412_2024_thanhhoa():
    number = "412/QĐ-UBND"
    subject = "Về việc phân chia Cụm thi đua các huyện, thị xã, thành phố năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP_SHORT, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 56/TTr-SNV ngày 22 tháng "
                     "01 năm 2024."))
    refs.append(ref("to_trinh", "56/TTr-SNV", "2024-01-22", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "356/QĐ-UBND", "2023-01-30", "UBND tỉnh"))

    roster = []
    for g in TH_2024:
        n = len(g["members"])
        roster.append(("h", f"{g['name']} ({count_label(n, True)}):"))
        for k, m in enumerate(g["members"], 1):
            role = (" (Cụm trưởng)" if m == g["leader"] else
                    " (Cụm phó)" if m in g["deputies"] else "")
            roster.append(("p", f"{k}. {m}{role}{'.' if k == n else ';'}"))

    spec = header("THANH HÓA", number, "Thanh Hóa, ngày 26 tháng 01 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 412/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Thanh Hóa"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Phân chia 27 huyện, thị xã, thành phố thành 04 Cụm thi đua và "
                  "phân công Cụm trưởng, Cụm phó năm 2024, cụ thể như sau:"),
            *roster,
            ("p", "<b>Điều 2.</b> Cụm trưởng có trách nhiệm chủ trì, phối hợp với Cụm phó tổ chức "
                  "ký kết giao ước thi đua, kiểm tra chéo, sơ kết, tổng kết phong trào thi đua của "
                  "Cụm; tổ chức bình xét, suy tôn đơn vị dẫn đầu Cụm đề nghị tặng Cờ thi đua của "
                  "Chính phủ, Cờ thi đua của UBND tỉnh theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực thi hành kể từ ngày ký, thay thế Quyết "
                  "định số 356/QĐ-UBND ngày 30/01/2023 của UBND tỉnh."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Trưởng ban Ban Thi đua - Khen "
                  "thưởng tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và Thủ trưởng các đơn "
                  "vị có liên quan chịu trách nhiệm thi hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3 QĐ;", "- Ban TĐKT Trung ương (để b/c);",
                       "- Thường trực Tỉnh ủy, HĐND tỉnh (để b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Lưu: VT, THKH."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "signer_name": "Trịnh Văn Khải",
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-01-26", "place": "Thanh Hóa", "issuer": "UBND tỉnh Thanh Hóa",
        "subject": subject,
        "signer": {"name": "Trịnh Văn Khải", "title": "Chủ tịch", "authority": "TM. ỦY BAN NHÂN DÂN"},
        "year": 2024,
        "groups": [truth_group(g, g["ordinal"], len(g["members"])) for g in TH_2024],
        "references": refs,
        "notes": [
            "Synthetic. Roster in the body of Điều 1 (text PDF): a bold line 'Cụm thi đua số 1 (gồm "
            "06 đơn vị):' then numbered paragraphs '1. UBND thành phố Thanh Hóa (Cụm trưởng);'. "
            "The role is a parenthesis after the name and is not part of the member name.",
            "The leader is not always first (Cụm 2: 5th, Cụm 4: 6th) and the deputy may come before "
            "the leader (Cụm 2, Cụm 4).",
            "Members are written 'UBND huyện …', 'UBND thị xã …', 'UBND thành phố …'.",
            "Signature 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH' (the Chủ tịch signs himself).",
            "4 cụm, 27 units in total, as stated in Điều 1 ('Phân chia 27 huyện, thị xã, thành phố "
            "thành 04 Cụm thi đua').",
        ],
    }
    return spec, truth


# ---- (e) QĐ 45/QĐ-CT Bắc Ninh 2024: PDF, Quy chế, no roster ---------------------------------
def doc_qd45_2024_quyche():
    number = "45/QĐ-CT"
    subject = ("Về việc ban hành Quy chế tổ chức và hoạt động của Cụm, Khối thi đua thuộc tỉnh "
               "Bắc Ninh")
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Căn cứ Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh về việc tổ "
                     "chức các Cụm, Khối thi đua của tỉnh năm 2024;"))
    refs.append(ref("quyet_dinh", "138/QĐ-UBND", "2024-02-15", "UBND tỉnh"))
    cc.append(("cc", "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 31/TTr-SNV ngày "
                     "19/02/2024."))
    refs.append(ref("to_trinh", "31/TTr-SNV", "2024-02-19", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "1120/QĐ-CT", "2021-09-15", "Chủ tịch UBND tỉnh"))

    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 22 tháng 02 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 45/QĐ-CT", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của "
                  "Cụm, Khối thi đua thuộc tỉnh Bắc Ninh."),
            ("p", "<b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 1120/QĐ-CT ngày 15/9/2021 của Chủ tịch UBND tỉnh."),
            ("p", "<b>Điều 3.</b> Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ "
                  "quan, đơn vị thuộc các Cụm, Khối thi đua của tỉnh căn cứ Quyết định thi hành./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);", "- TTTU, TTHĐND tỉnh (b/c);",
                       "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."],
        "signature": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Vương Quốc Tuấn",
        "appendices": [[
            ("title", "QUY CHẾ"),
            ("subject", "Tổ chức và hoạt động của Cụm, Khối thi đua thuộc tỉnh Bắc Ninh"),
            ("center_i", "(Ban hành kèm theo Quyết định số 45/QĐ-CT ngày 22/02/2024 của Chủ tịch "
                         "UBND tỉnh Bắc Ninh)"),
            ("rule",),
            ("center_b", "Chương I"),
            ("subject", "QUY ĐỊNH CHUNG"),
            ("h", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
            ("p", "1. Quy chế này quy định về tổ chức, nhiệm vụ, quyền hạn và lề lối làm việc của "
                  "các Cụm, Khối thi đua thuộc tỉnh Bắc Ninh."),
            ("p", "2. Quy chế áp dụng đối với các sở, ban, ngành, đoàn thể, tổ chức xã hội, tổ chức "
                  "xã hội - nghề nghiệp và UBND các huyện, thị xã, thành phố là thành viên của các "
                  "Cụm, Khối thi đua do UBND tỉnh quyết định."),
            ("h", "Điều 2. Nguyên tắc tổ chức"),
            ("p", "1. Cụm, Khối thi đua được tổ chức trên cơ sở các đơn vị có chức năng, nhiệm vụ, "
                  "tính chất công việc tương đồng. Danh sách các Cụm, Khối thi đua và đơn vị Trưởng "
                  "khối, Phó khối (Cụm trưởng, Cụm phó) do UBND tỉnh quyết định hằng năm."),
            ("p", "2. Đơn vị Trưởng khối, Phó khối được luân phiên hằng năm theo thứ tự do các "
                  "thành viên thống nhất đề xuất; đơn vị đã làm Trưởng khối năm trước không làm "
                  "Trưởng khối năm liền kề."),
            ("center_b", "Chương II"),
            ("subject", "NHIỆM VỤ, QUYỀN HẠN"),
            ("h", "Điều 3. Nhiệm vụ của đơn vị Trưởng khối (Cụm trưởng)"),
            ("p", "1. Xây dựng Kế hoạch, tiêu chí chấm điểm thi đua của Khối (Cụm); chủ trì Hội "
                  "nghị ký kết giao ước thi đua trước ngày 31 tháng 3 hằng năm."),
            ("p", "2. Tổ chức sơ kết 6 tháng, tổng kết năm; chủ trì chấm điểm, bình xét, suy tôn "
                  "đơn vị dẫn đầu và gửi hồ sơ về Sở Nội vụ (Ban Thi đua - Khen thưởng) trước ngày "
                  "15 tháng 12 hằng năm."),
            ("h", "Điều 4. Nhiệm vụ của đơn vị Phó khối (Cụm phó)"),
            ("p", "Phối hợp với đơn vị Trưởng khối (Cụm trưởng) triển khai các hoạt động của Khối "
                  "(Cụm); thay mặt Trưởng khối điều hành khi được ủy quyền."),
            ("h", "Điều 5. Nhiệm vụ của các đơn vị thành viên"),
            ("p", "Tham gia đầy đủ các hoạt động của Khối (Cụm); thực hiện nội dung giao ước thi "
                  "đua; gửi báo cáo tự chấm điểm về đơn vị Trưởng khối đúng thời hạn."),
            ("center_b", "Chương III"),
            ("subject", "TỔ CHỨC THỰC HIỆN"),
            ("h", "Điều 6. Trách nhiệm thi hành"),
            ("p", "Sở Nội vụ chủ trì hướng dẫn, theo dõi, kiểm tra việc thực hiện Quy chế này. Trong "
                  "quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở Nội vụ để tổng "
                  "hợp, báo cáo Chủ tịch UBND tỉnh xem xét, sửa đổi, bổ sung cho phù hợp./."),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-CT",
        "issued_date": "2024-02-22", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Vương Quốc Tuấn", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": None,
        "groups": [],
        "references": refs,
        "notes": [
            "Synthetic. Decision of the Chủ tịch UBND tỉnh (symbol QĐ-CT, authority line 'CHỦ TỊCH "
            "ỦY BAN NHÂN DÂN TỈNH BẮC NINH', signed 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' without TM.). "
            "Header still reads ỦY BAN NHÂN DÂN TỈNH BẮC NINH, so issuer is 'UBND tỉnh Bắc Ninh'.",
            "Issues a Quy chế (attached after a page break, with Chương / Điều of its own - 'Điều "
            "1.' appears twice in the file). It talks about Trưởng khối, Phó khối, Cụm trưởng, "
            "Cụm phó in general terms and names no group and no unit: groups is [] and year null.",
            "Cites QĐ 138/QĐ-UBND in its căn cứ; replaces QĐ 1120/QĐ-CT.",
        ],
    }
    return spec, truth


# ---- (h) TB 12/TB-UBND Bắc Ninh 2025: PDF notice, blocs only in passing ---------------------
def doc_tb12_2025():
    number = "12/TB-UBND"
    subject = ("Kết luận của Chủ tịch UBND tỉnh tại Hội nghị tổng kết công tác thi đua, khen "
               "thưởng năm 2024, triển khai nhiệm vụ năm 2025")
    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 10 tháng 01 năm 2025", uy="UỶ")
    spec.update({
        "meta": {"title": "Thông báo 12/TB-UBND", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "THÔNG BÁO"),
            ("subject", subject),
            ("rule",),
            ("p", "Ngày 08/01/2025, UBND tỉnh tổ chức Hội nghị tổng kết công tác thi đua, khen "
                  "thưởng năm 2024, triển khai nhiệm vụ năm 2025. Chủ trì Hội nghị: Chủ tịch UBND "
                  "tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh. Cùng dự có đồng chí Nguyễn "
                  "Hữu Thành, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở, ban, ngành, đoàn thể, UBND "
                  "các huyện, thị xã, thành phố và đại diện các Cụm, Khối thi đua của tỉnh."),
            ("p", "Sau khi nghe Sở Nội vụ báo cáo kết quả công tác thi đua, khen thưởng năm 2024 "
                  "(Báo cáo số 05/BC-SNV ngày 06/01/2025) và ý kiến phát biểu của các đại biểu, "
                  "Chủ tịch UBND tỉnh kết luận như sau:"),
            ("h", "1. Đánh giá chung"),
            ("p", "Năm 2024, phong trào thi đua yêu nước trên địa bàn tỉnh được triển khai sâu "
                  "rộng. Các Cụm, Khối thi đua được tổ chức theo Quyết định số 138/QĐ-UBND ngày "
                  "15/02/2024 và Quyết định số 615/QĐ-UBND ngày 12/6/2024 của UBND tỉnh đã duy trì "
                  "nền nếp hoạt động; 100% Cụm, Khối thi đua tổ chức ký kết giao ước thi đua, sơ "
                  "kết, tổng kết đúng thời gian quy định. Thành phố Từ Sơn, Sở Y tế và Hội Chữ "
                  "thập đỏ tỉnh là những điển hình được Hội nghị biểu dương."),
            ("p", "Bên cạnh đó, hoạt động của một số Khối thi đua còn hình thức; việc chấm điểm, "
                  "bình xét ở một số nơi chưa bảo đảm thời gian."),
            ("h", "2. Nhiệm vụ năm 2025"),
            ("p", "a) Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) tham mưu UBND tỉnh quyết định tổ "
                  "chức các Cụm, Khối thi đua năm 2025, bảo đảm luân phiên đơn vị Trưởng khối, Phó "
                  "Trưởng khối theo Quy chế, hoàn thành trước ngày 20/01/2025."),
            ("p", "b) Các đơn vị Trưởng khối, Cụm trưởng năm 2025 tổ chức ký kết giao ước thi đua "
                  "trước ngày 31/3/2025; nâng cao chất lượng hoạt động kiểm tra chéo giữa các đơn "
                  "vị trong Cụm, Khối."),
            ("p", "c) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố đổi mới nội dung, hình "
                  "thức tổ chức phong trào thi đua gắn với thực hiện nhiệm vụ chính trị năm 2025."),
            ("p", "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        ],
        "recipients": ["- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành, đoàn thể tỉnh;",
                       "- UBND các huyện, thị xã, thành phố;", "- Các Cụm, Khối thi đua của tỉnh;",
                       "- Lưu: VT, NC."],
        "signature": ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
        "signer_name": "Nguyễn Văn Khiêm",
    })
    truth = {
        "doc_type": "thong_bao", "number": number, "symbol": "TB-UBND",
        "issued_date": "2025-01-10", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Nguyễn Văn Khiêm", "title": "Chánh Văn phòng", "authority": "TL. CHỦ TỊCH"},
        "year": None,
        "groups": [],
        "references": [
            ref("bao_cao", "05/BC-SNV", "2025-01-06", "Sở Nội vụ"),
            ref("quyet_dinh", "138/QĐ-UBND", "2024-02-15", "UBND tỉnh"),
            ref("quyet_dinh", "615/QĐ-UBND", "2024-06-12", "UBND tỉnh"),
        ],
        "persons": [{"name": "Nguyễn Hữu Thành", "title": "Phó Chủ tịch UBND tỉnh"}],
        "notes": [
            "Synthetic. A thông báo kết luận (no căn cứ, no Điều): mentions 'Cụm, Khối thi đua', "
            "'Trưởng khối', 'Cụm trưởng' and names units (Thành phố Từ Sơn, Sở Y tế, Hội Chữ thập "
            "đỏ tỉnh) only as examples praised at the meeting - no roster, no role assignment. "
            "groups is [].",
            "Signed 'TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG' (thừa lệnh).",
            "Header spelled 'UỶ BAN NHÂN DÂN'.",
        ],
    }
    return spec, truth


# ---- (i) KH 30/KH-UBND Bắc Ninh 2024: DOCX plan with a schedule table (leaders only) --------
KH30_SCHEDULE = [
    # (group, host = Trưởng khối / Cụm trưởng, time, place)
    (BN_CUM_2024, "Chiều 21/3/2024", "Hội trường UBND thị xã Thuận Thành"),
    (BN_TMTH_2024, "Sáng 22/3/2024", "Hội trường Sở Tư pháp"),
    (BN_VHXH_2024, "Sáng 26/3/2024", "Hội trường Sở Y tế"),
    (BN_TCXH_2024, "Sáng 27/3/2024",
     "Hội trường Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"),
    (BN_KTKT_2024, "Chiều 29/3/2024", "Hội trường Quỹ Đầu tư phát triển tỉnh"),
]


def doc_kh30_2024():
    number = "30/KH-UBND"
    subject = "Tổ chức Hội nghị ký kết giao ước thi đua của các Cụm, Khối thi đua năm 2024"
    rows = [[str(k), g["name"], g["leader"], when, where]
            for k, (g, when, where) in enumerate(KH30_SCHEDULE, 1)]
    table = {"header": ["STT", "Cụm, Khối thi đua", "Đơn vị chủ trì (Trưởng khối, Cụm trưởng)",
                        "Thời gian", "Địa điểm"],
             "widths": [11, 52, 38, 24, 40], "rows": rows,
             "align": ["CENTER", "LEFT", "LEFT", "CENTER", "LEFT"]}
    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 26 tháng 02 năm 2024")
    spec.update({
        "meta": {"title": "Kế hoạch 30/KH-UBND", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "KẾ HOẠCH"),
            ("subject", subject),
            ("rule",),
            ("p", "Thực hiện Quyết định số 138/QĐ-UBND ngày 15 tháng 02 năm 2024 của UBND tỉnh về "
                  "việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024 và Quyết định số 45/QĐ-CT "
                  "ngày 22 tháng 02 năm 2024 của Chủ tịch UBND tỉnh ban hành Quy chế tổ chức và "
                  "hoạt động của Cụm, Khối thi đua, UBND tỉnh ban hành Kế hoạch tổ chức Hội nghị ký "
                  "kết giao ước thi đua năm 2024 như sau:"),
            ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("p", "1. Phát động phong trào thi đua năm 2024 trong từng Cụm, Khối thi đua; thống "
                  "nhất nội dung, tiêu chí thi đua và ký kết giao ước thi đua giữa các đơn vị thành "
                  "viên."),
            ("p", "2. Hội nghị được tổ chức thiết thực, tiết kiệm, đúng thời gian quy định."),
            ("h", "II. THỜI GIAN, ĐỊA ĐIỂM"),
            ("p", "Các Cụm, Khối thi đua tổ chức Hội nghị ký kết giao ước thi đua năm 2024 theo "
                  "lịch sau:"),
            ("table", table),
            ("h", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "1. Đơn vị chủ trì chuẩn bị nội dung, địa điểm, dự thảo giao ước thi đua, gửi các "
                  "đơn vị thành viên trước ngày tổ chức Hội nghị ít nhất 05 ngày làm việc."),
            ("p", "2. Sở Nội vụ (Ban Thi đua - Khen thưởng) cử lãnh đạo dự, hướng dẫn các Hội nghị; "
                  "tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 10/4/2024."),
            ("p", "3. Các đơn vị thành viên cử lãnh đạo tham dự và ký kết giao ước thi đua."),
        ],
        "recipients": ["- Các sở, ban, ngành, đoàn thể tỉnh;",
                       "- UBND các huyện, thị xã, thành phố;", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Lưu: VT, NC."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Vương Quốc Tuấn",
    })
    groups = [truth_group(dict(g, members=[], deputies=[]), None, None, members_listed=False)
              for g, _, _ in KH30_SCHEDULE]
    truth = {
        "doc_type": "ke_hoach", "number": number, "symbol": "KH-UBND",
        "issued_date": "2024-02-26", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Vương Quốc Tuấn", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": groups,
        "references": [
            ref("quyet_dinh", "138/QĐ-UBND", "2024-02-15", "UBND tỉnh"),
            ref("quyet_dinh", "45/QĐ-CT", "2024-02-22", "Chủ tịch UBND tỉnh"),
        ],
        "notes": [
            "Synthetic. A kế hoạch (no căn cứ, sections I-III) with a schedule table 'STT | Cụm, "
            "Khối thi đua | Đơn vị chủ trì (Trưởng khối, Cụm trưởng) | Thời gian | Địa điểm'.",
            "The table names each group and its 2024 leader (the host), but no members and no "
            "deputies: groups carry members [] and the leader only (members_listed: false in the "
            "corpus' terms). Leaders agree with QĐ 138/QĐ-UBND.",
            "The dates/places agree with the real news items (Khối Tổ chức xã hội: sáng 27/3 at "
            "the Liên hiệp hall; Khối kinh tế, kỹ thuật: chiều 29/3 at Quỹ Đầu tư phát triển "
            "tỉnh). 'Quỹ Đầu tư phát triển tỉnh' appears both as leader and inside the venue.",
            "Dates in the body are written 'ngày 15 tháng 02 năm 2024'.",
        ],
    }
    return spec, truth


# ---- (j) QĐ 615/QĐ-UBND Bắc Ninh 2024: DOCX amendment, no full roster ----------------------
def doc_qd615_2024_suadoi():
    number = "615/QĐ-UBND"
    subject = ("Về việc sửa đổi, bổ sung Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh "
               "về việc tổ chức các Cụm, Khối thi đua của tỉnh năm 2024")
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Căn cứ Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh về việc tổ "
                     "chức các Cụm, Khối thi đua của tỉnh năm 2024;"))
    refs.append(ref("quyet_dinh", "138/QĐ-UBND", "2024-02-15", "UBND tỉnh"))
    cc.append(("cc", "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 118/TTr-SNV ngày "
                     "05/6/2024."))
    refs.append(ref("to_trinh", "118/TTr-SNV", "2024-06-05", "Sở Nội vụ"))
    ktkt, vhxh, tmth = BN_KTKT_2024["name"], BN_VHXH_2024["name"], BN_TMTH_2024["name"]
    spec = header("BẮC NINH", number, "Bắc Ninh, ngày 12 tháng 6 năm 2024", uy="UỶ")
    spec.update({
        "meta": {"title": "Quyết định 615/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Bắc Ninh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "UỶ BAN NHÂN DÂN TỈNH BẮC NINH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Sửa đổi, bổ sung Phụ lục danh sách các Cụm, Khối thi đua năm 2024 "
                  "ban hành kèm theo Quyết định số 138/QĐ-UBND ngày 15/02/2024 của UBND tỉnh như "
                  "sau:"),
            ("p", f"1. Chuyển Sở Khoa học và Công nghệ từ {vhxh} sang {ktkt}. Sau khi điều chỉnh, "
                  f"{ktkt} gồm 13 đơn vị; {vhxh} gồm 08 đơn vị."),
            ("p", f"2. Phân công Sở Nội vụ làm Trưởng khối {tmth} năm 2024, thay Sở Tư pháp."),
            ("p", "<b>Điều 2.</b> Các nội dung khác tại Quyết định số 138/QĐ-UBND ngày 15/02/2024 "
                  "của UBND tỉnh giữ nguyên hiệu lực thi hành. Quyết định này có hiệu lực kể từ "
                  "ngày ký."),
            ("p", "<b>Điều 3.</b> Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Khoa "
                  "học và Công nghệ, Giám đốc Sở Tư pháp và Thủ trưởng các đơn vị thuộc các Khối "
                  "thi đua nêu tại Điều 1 căn cứ Quyết định thi hành./."),
        ],
        "recipients": ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Ban TĐKT tỉnh;",
                       "- Lưu: VT, NC."],
        "signature": ["TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Vương Quốc Tuấn",
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-06-12", "place": "Bắc Ninh", "issuer": "UBND tỉnh Bắc Ninh",
        "subject": subject,
        "signer": {"name": "Vương Quốc Tuấn", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [],
        "references": refs,
        "changes": {
            "amends": {"doc_type": "quyet_dinh", "number": "138/QĐ-UBND", "date": "2024-02-15"},
            "effective": "2024-06-12",
            "operations": [
                {"op": "move_member", "unit": "Sở Khoa học và Công nghệ",
                 "from_group": vhxh, "to_group": ktkt},
                {"op": "replace_leader", "group": tmth,
                 "old_leader": "Sở Tư pháp", "new_leader": "Sở Nội vụ"},
            ],
            "stated_member_counts_after": {ktkt: 13, vhxh: 8},
        },
        "notes": [
            "Synthetic amending decision. It re-lists no full roster, so groups is []; the "
            "amendment is described under 'changes' (a free-form key for later use).",
            "Both long bloc names occur inside running sentences ('từ Khối … sang Khối …'), with "
            "the internal comma of 'kinh tế, kỹ thuật'. Stated counts after the change: 13 and 08.",
            "Date written 'ngày 12 tháng 6 năm 2024' (month without leading zero, ND30-correct for "
            "months ≥ 3). Signature spelled 'TM. UỶ BAN NHÂN DÂN'.",
        ],
    }
    return spec, truth


# ---- (f) news item, TXT: Khối tham mưu tổng hợp 2025 ------------------------------------------
def doc_tin_tmth_2025():
    headline = "Khối thi đua các cơ quan tham mưu tổng hợp ký giao ước thi đua năm 2025"
    members_news = [
        "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
        "Sở Tư pháp", "Thanh tra tỉnh", "Sở Ngoại vụ",
    ]
    spec = {
        "headline": headline,
        "stamp": "22/02/2025 10:15 Số lượt xem: 214",
        "paragraphs": [
            "Sáng 20/2, tại Hội trường Sở Tài chính, Khối thi đua các cơ quan tham mưu tổng hợp tổ "
            "chức Hội nghị triển khai nhiệm vụ và ký giao ước thi đua năm 2025.",
            "Dự Hội nghị có các đồng chí: Nguyễn Văn Hải, Phó Chủ tịch Hội đồng Thi đua - Khen "
            "thưởng tỉnh, Phó Giám đốc Sở Nội vụ; Lê Thị Mai, Trưởng ban Ban Thi đua - Khen thưởng "
            "và đại diện lãnh đạo 8 đơn vị thuộc Khối thi đua.",
            "Theo Quyết định số 52/QĐ-UBND ngày 20/01/2025 của UBND tỉnh về việc tổ chức các Cụm, "
            "Khối thi đua của tỉnh năm 2025, Khối thi đua các cơ quan tham mưu tổng hợp gồm 8 đơn "
            "vị: " + "; ".join(members_news) + ". Sở Tài chính được phân công là đơn vị Trưởng khối, "
            "Thanh tra tỉnh là đơn vị Phó Trưởng khối thi đua năm 2025.",
            "Tại Hội nghị, đại diện Sở Nội vụ - đơn vị Trưởng khối năm 2024 đã báo cáo kết quả "
            "hoạt động của Khối năm 2024 và bàn giao nhiệm vụ Trưởng khối cho Sở Tài chính. Phát "
            "biểu tại Hội nghị, đồng chí Phạm Quang Vinh, Giám đốc Sở Tài chính, Trưởng khối thi "
            "đua đề nghị các đơn vị tiếp tục đổi mới nội dung, hình thức thi đua, gắn phong trào "
            "thi đua với thực hiện nhiệm vụ chính trị của từng cơ quan.",
            "Các đơn vị trong Khối đã thống nhất thông qua Kế hoạch, tiêu chí chấm điểm thi đua năm "
            "2025 và tổ chức ký giao ước thi đua./.",
        ],
        "caption": "Các đơn vị thuộc Khối ký giao ước thi đua năm 2025",
        "byline": "Minh Hằng",
        "trailer": ["Thống kê truy cập", "", "Online : 5120", "Đã truy cập : 142088913"],
    }
    truth = {
        "doc_type": "tin_bai", "number": None, "symbol": None, "issued_date": "2025-02-22",
        "place": None, "issuer": None, "subject": headline, "signer": None, "year": 2025,
        "groups": [{
            "kind": "khối", "name": "Khối thi đua các cơ quan tham mưu tổng hợp", "ordinal": None,
            "members": members_news, "leader": "Sở Tài chính", "deputies": ["Thanh tra tỉnh"],
            "stated_member_count": 8,
        }],
        "references": [ref("quyet_dinh", "52/QĐ-UBND", "2025-01-20", "UBND tỉnh")],
        "persons": [
            {"name": "Nguyễn Văn Hải", "title": "Phó Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh, "
                                                "Phó Giám đốc Sở Nội vụ"},
            {"name": "Lê Thị Mai", "title": "Trưởng ban Ban Thi đua - Khen thưởng"},
            {"name": "Phạm Quang Vinh", "title": "Giám đốc Sở Tài chính, Trưởng khối thi đua"},
        ],
        "notes": [
            "Synthetic news item in the style of the Sở Nội vụ Bắc Ninh portal; consistent with "
            "QĐ 52/QĐ-UBND (2025) in samples/2025.",
            "Members separated by semicolons; 'gồm 8 đơn vị' (no leading zero). The first member is "
            "written in full ('Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh') while "
            "the decision abbreviates it ('Văn phòng Đoàn ĐBQH và HĐND tỉnh').",
            "Roles in a separate sentence: 'Sở Tài chính được phân công là đơn vị Trưởng khối, "
            "Thanh tra tỉnh là đơn vị Phó Trưởng khối thi đua năm 2025.'",
            "Distractors: 'Sở Nội vụ - đơn vị Trưởng khối năm 2024' is last year's leader, not the "
            "2025 one; guests' posts name Sở Nội vụ (a member) without a bloc role; 'Hội trường Sở "
            "Tài chính' is the venue. Publication stamp '22/02/2025 10:15' glued to 'Số lượt xem'.",
        ],
    }
    return spec, truth


# ---- (g) news item, HTML: Khối văn hóa - xã hội 2025 -------------------------------------------
def doc_tin_vhxh_2025_html():
    headline = "Khối thi đua các cơ quan văn hóa - xã hội ký kết giao ước thi đua năm 2025"
    g = BN_VHXH_2025
    members = list(g["members"])
    member_text = ", ".join(members[:-1]) + " và " + members[-1]
    spec = {
        "headline": headline,
        "stamp": "28/02/2025 15:42",
        "views": "356",
        "description": "Khối thi đua các cơ quan văn hóa - xã hội tổ chức Hội nghị ký kết giao "
                       "ước thi đua năm 2025.",
        "sapo": "Chiều 26/2, tại Sở Văn hóa, Thể thao và Du lịch, Khối thi đua các cơ quan văn "
                "hóa - xã hội tổ chức Hội nghị ký kết giao ước thi đua năm 2025.",
        "paragraphs": [
            "Dự Hội nghị có đồng chí Lê Thị Mai, Trưởng ban Ban Thi đua - Khen thưởng tỉnh; lãnh "
            "đạo các đơn vị trong Khối.",
            "Năm 2025, Khối thi đua các cơ quan văn hóa - xã hội gồm các đơn vị: " + member_text +
            ". Theo phân công của UBND tỉnh, Sở Văn hóa, Thể thao và Du lịch làm khối trưởng, Sở "
            "Thông tin và Truyền thông làm khối phó.",
            "Phát biểu tại Hội nghị, đồng chí Hoàng Minh Đức, Giám đốc Sở Văn hóa, Thể thao và Du "
            "lịch đề nghị các đơn vị bám sát nhiệm vụ chính trị, đẩy mạnh chuyển đổi số, tổ chức "
            "các hoạt động văn hóa, thể thao chào mừng các ngày lễ lớn của đất nước năm 2025.",
            "Các đơn vị đã thống nhất ký kết giao ước thi đua với 5 nội dung chủ yếu.",
        ],
        "caption": "Lãnh đạo các đơn vị trong Khối ký kết giao ước thi đua năm 2025",
        "byline": "Thu Trang",
        "site": {
            "name": "Cổng thông tin điện tử Sở Nội vụ tỉnh Bắc Ninh",
            "menu": [("Trang chủ", "/"), ("Giới thiệu", "/gioi-thieu"),
                     ("Tin tức - Sự kiện", "/tin-tuc"),
                     ("Thi đua - Khen thưởng", "/thi-dua-khen-thuong"),
                     ("Cụm, Khối thi đua", "/cum-khoi-thi-dua"),
                     ("Văn bản", "/van-ban"), ("Liên hệ", "/lien-he")],
            "related": [
                ("Khối thi đua các cơ quan tham mưu tổng hợp ký giao ước thi đua năm 2025",
                 "/tin-tuc/khoi-tham-muu-tong-hop-2025"),
                ("Cụm thi đua các huyện, thị xã, thành phố triển khai nhiệm vụ năm 2025",
                 "/tin-tuc/cum-huyen-2025"),
                ("Khối các Tổ chức xã hội, Tổ chức xã hội - nghề nghiệp ký giao ước thi đua năm 2024",
                 "/tin-tuc/khoi-tcxh-2024"),
            ],
            "footer": "Cơ quan chủ quản: Sở Nội vụ tỉnh Bắc Ninh - Chịu trách nhiệm chính: "
                      "Giám đốc Sở Nội vụ",
        },
    }
    truth = {
        "doc_type": "tin_bai", "number": None, "symbol": None, "issued_date": "2025-02-28",
        "place": None, "issuer": None, "subject": headline, "signer": None, "year": 2025,
        "groups": [{
            "kind": "khối", "name": "Khối thi đua các cơ quan văn hóa - xã hội", "ordinal": None,
            "members": members, "leader": "Sở Văn hóa, Thể thao và Du lịch",
            "deputies": ["Sở Thông tin và Truyền thông"], "stated_member_count": None,
        }],
        "references": [],
        "persons": [
            {"name": "Lê Thị Mai", "title": "Trưởng ban Ban Thi đua - Khen thưởng tỉnh"},
            {"name": "Hoàng Minh Đức", "title": "Giám đốc Sở Văn hóa, Thể thao và Du lịch"},
        ],
        "notes": [
            "Synthetic news page (HTML) with <nav> menu, <script> blocks, a breadcrumb, a 'Tin liên "
            "quan' sidebar naming other blocs, and a <footer>; only the <article> is content. A "
            "<script> holds a string about another bloc ('… gồm 8 đơn vị') - not content.",
            "Members comma-separated with 'và' before the last; the first member 'Sở Văn hóa, Thể "
            "thao và Du lịch' itself contains a comma and 'và' - naive comma splitting breaks it.",
            "Roles: 'Sở Văn hóa, Thể thao và Du lịch làm khối trưởng, Sở Thông tin và Truyền thông "
            "làm khối phó' (lower case). No member count is stated (9 listed). Consistent with QĐ "
            "52/QĐ-UBND, where the leader is written 'Sở VH,TT&DL'. The decision is not cited by "
            "number here, so references is [].",
            "Publication stamp '28/02/2025 15:42'; meeting 'Chiều 26/2' (year inferred).",
        ],
    }
    return spec, truth


# ---- (h) Công văn 1120/UBND-VP Hải Dương 2023: TXT, dash lists ------------------------------
HD_CUM_2023 = [
    {"kind": "cụm", "name": "Cụm 1", "ordinal": "1",
     "members": ["Thành phố Hải Dương", "Thành phố Chí Linh", "Thị xã Kinh Môn", "Huyện Nam Sách"],
     "leader": "Thành phố Chí Linh", "deputies": ["Huyện Nam Sách"]},
    {"kind": "cụm", "name": "Cụm 2", "ordinal": "2",
     "members": ["Huyện Cẩm Giàng", "Huyện Bình Giang", "Huyện Gia Lộc", "Huyện Thanh Miện"],
     "leader": "Huyện Gia Lộc", "deputies": ["Huyện Cẩm Giàng"]},
    {"kind": "cụm", "name": "Cụm 3", "ordinal": "3",
     "members": ["Huyện Kim Thành", "Huyện Thanh Hà", "Huyện Tứ Kỳ", "Huyện Ninh Giang"],
     "leader": "Huyện Tứ Kỳ", "deputies": ["Huyện Kim Thành"]},
]


def doc_cv1120_2023_haiduong():
    """An official letter saved as plain text (layout of real-texts/raw/01), via write_txt."""
    number = "1120/UBND-VP"
    subject = "V/v điều chỉnh cụm thi đua các huyện, thị xã, thành phố năm 2023"
    roster = []
    for g in HD_CUM_2023:
        roster.append(f"{g['ordinal']}. Cụm {g['ordinal']}:")
        roster += [f"- {m}" for m in g["members"]]
        roster.append(f"+ Cụm trưởng: {g['leader']}")
        roster += [f"+ Cụm phó: {d}" for d in g["deputies"]]
    spec = {
        "headline": "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\n-------\n\n"
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
                    "--------------\n\nSố: " + number + "\n" + subject,
        "stamp": "Hải Dương, ngày 10 tháng 3 năm 2023",
        "paragraphs": [
            "Kính gửi:",
            "- Sở Nội vụ;\n- Ban Thi đua - Khen thưởng (Sở Nội vụ);\n"
            "- Ủy ban nhân dân các huyện, thị xã, thành phố.",
            "Thực hiện Quyết định số 215/QĐ-UBND ngày 18/01/2023 của Ủy ban nhân dân tỉnh về việc "
            "tổ chức các Cụm, Khối thi đua của tỉnh năm 2023; xét đề nghị của Sở Nội vụ tại Tờ "
            "trình số 31/TTr-SNV ngày 06/3/2023, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:",
            "Điều chỉnh Huyện Nam Sách từ Cụm 2 sang Cụm 1 và phân công lại Cụm trưởng, Cụm phó "
            "các cụm thi đua các huyện, thị xã, thành phố năm 2023, cụ thể:",
            *roster,
            "Cụm trưởng có trách nhiệm chủ trì, phối hợp với Cụm phó xây dựng kế hoạch, tổ chức ký "
            "kết giao ước thi đua và bình xét thi đua của Cụm năm 2023 theo quy định.",
            "Văn phòng Ủy ban nhân dân tỉnh thông báo để Sở Nội vụ và các đơn vị biết, thực hiện./.",
            "Nơi nhận:\n- Như trên;\n- Chủ tịch, các PCT UBND tỉnh;\n- Lưu: VT, NC.",
        ],
        "byline": "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n\n\nVũ Đức Thịnh",
    }
    truth = {
        "doc_type": "cong_van", "number": number, "symbol": "UBND-VP",
        "issued_date": "2023-03-10", "place": "Hải Dương", "issuer": "UBND tỉnh Hải Dương",
        "subject": subject,
        "signer": {"name": "Vũ Đức Thịnh", "title": "Chánh Văn phòng", "authority": "TL. CHỦ TỊCH"},
        "year": 2023,
        "groups": [truth_group(g, g["ordinal"]) for g in HD_CUM_2023],
        "references": [ref("quyet_dinh", "215/QĐ-UBND", "2023-01-18", "UBND tỉnh"),
                       ref("to_trinh", "31/TTr-SNV", "2023-03-06", "Sở Nội vụ")],
        "notes": [
            "Synthetic công văn in the plain-text layout of real-texts/raw/01 (HCM 957/UBND-VX): "
            "header lines, 'Số: 1120/UBND-VP' then the trích yếu 'V/v …' on the next line, place "
            "and date after, 'Kính gửi:' with a dash list of recipients (not members).",
            "Roster as dash lists: '1. Cụm 1:' then '- Thành phố Hải Dương' … one per line with "
            "blank lines between, then '+ Cụm trưởng: …' and '+ Cụm phó: …' on their own lines. "
            "The '+' role lines are not members. No member counts are stated (3 cụm × 4 units).",
            "Distractor: 'Điều chỉnh Huyện Nam Sách từ Cụm 2 sang Cụm 1' - Nam Sách belongs to Cụm 1 "
            "only. The leader of Cụm 1 is not its first member.",
            "subject keeps the 'V/v' prefix as printed. Signed 'TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG'; "
            "the Nơi nhận block comes before the signature in the flattened text.",
        ],
    }
    return spec, truth


# ---- (i) QĐ 96/QĐ-UBND Ninh Bình 2023: PDF, roles after the name with a dash ------------------
NB_KHOI_2023 = [
    {"kind": "khối", "name": "Khối các cơ quan tham mưu, tổng hợp", "ordinal": "I",
     "members": ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư",
                 "Thanh tra tỉnh"],
     "leader": "Sở Nội vụ", "deputies": ["Sở Tư pháp"], "style": "inline"},
    {"kind": "khối", "name": "Khối các cơ quan văn hóa - xã hội", "ordinal": "II",
     "members": ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Lao động - Thương binh và Xã hội",
                 "Sở Giáo dục và Đào tạo", "Báo Ninh Bình"],
     "leader": "Sở Văn hóa, Thể thao và Du lịch", "deputies": ["Sở Giáo dục và Đào tạo"],
     "style": "inline"},
    {"kind": "khối", "name": "Khối các cơ quan kinh tế", "ordinal": "III",
     "members": ["Sở Tài chính", "Sở Công Thương", "Sở Xây dựng", "Sở Giao thông vận tải",
                 "Sở Tài nguyên và Môi trường"],
     "leader": "Sở Xây dựng", "deputies": ["Sở Tài chính", "Sở Công Thương"], "style": "lines"},
]

CC_LUAT_TDKT_2003 = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;",
    [ref("luat", None, "2003-11-26", title="Luật Thi đua, khen thưởng"),
     ref("luat", None, "2013-11-16",
         title="Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng")],
)
CC_ND91 = (
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng;",
    [ref("nghi_dinh", "91/2017/NĐ-CP", "2017-07-31", "Chính phủ")],
)


def doc_qd96_2023_ninhbinh():
    number = "96/QĐ-UBND"
    subject = "Về việc thành lập các Khối thi đua thuộc UBND tỉnh năm 2023"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT_2003, CC_ND91)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 30 tháng "
                     "01 năm 2023."))
    refs.append(ref("to_trinh", "12/TTr-SNV", "2023-01-30", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "158/QĐ-UBND", "2022-02-14", "UBND tỉnh"))
    roster = []
    for g in NB_KHOI_2023:
        n = len(g["members"])
        roster.append(("h", f"{g['ordinal']}. {g['name']} ({count_label(n, True)}):"))
        for k, m in enumerate(g["members"], 1):
            role = ""
            if g["style"] == "inline":
                role = (" - đơn vị Trưởng khối" if m == g["leader"] else
                        " - đơn vị Phó Trưởng khối" if m in g["deputies"] else "")
            roster.append(("p", f"{k}. {m}{role}{'.' if k == n else ';'}"))
        if g["style"] == "lines":
            roster.append(("p", f"- Trưởng khối: {g['leader']};"))
            for j, d in enumerate(g["deputies"], 1):
                roster.append(("p", f"- Phó khối {j}: {d}{'.' if j == len(g['deputies']) else ';'}"))
    spec = header("NINH BÌNH", number, "Ninh Bình, ngày 08 tháng 02 năm 2023")
    spec.update({
        "meta": {"title": "Quyết định 96/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Ninh Bình"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Thành lập 03 Khối thi đua thuộc UBND tỉnh và phân công Trưởng "
                  "khối, Phó khối năm 2023, cụ thể như sau:"),
            *roster,
            ("p", "<b>Điều 2.</b> Trưởng khối chủ trì, phối hợp với Phó khối xây dựng kế hoạch hoạt "
                  "động, tổ chức ký kết giao ước thi đua, kiểm tra chéo và bình xét thi đua của Khối; "
                  "Phó khối 1 là đơn vị Trưởng khối năm 2024."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số "
                  "158/QĐ-UBND ngày 14/02/2022 của UBND tỉnh. Chánh Văn phòng UBND tỉnh, Giám đốc "
                  "Sở Nội vụ, Thủ trưởng các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành "
                  "Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (để b/c);",
                       "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, VP5."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Lã Minh Tuấn",
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2023-02-08", "place": "Ninh Bình", "issuer": "UBND tỉnh Ninh Bình",
        "subject": subject,
        "signer": {"name": "Lã Minh Tuấn", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2023,
        "groups": [truth_group(g, g["ordinal"], len(g["members"])) for g in NB_KHOI_2023],
        "references": refs,
        "notes": [
            "Synthetic decision (text PDF). Roster in Điều 1: bold 'I. Khối … (gồm 05 đơn vị):' then "
            "numbered paragraphs. In Khối I and II the role follows the name after a dash: '2. Sở "
            "Nội vụ - đơn vị Trưởng khối;', '3. Sở Tư pháp - đơn vị Phó Trưởng khối;' - the dash "
            "part is not in the member name.",
            "Trap: 'Sở Lao động - Thương binh và Xã hội' has a ' - ' inside the name itself (no "
            "role); 'Sở Văn hóa, Thể thao và Du lịch' has a comma and 'và'; the bloc name 'Khối các "
            "cơ quan tham mưu, tổng hợp' has an internal comma.",
            "Khối III states roles in a separate line group after its members: '- Trưởng khối: Sở "
            "Xây dựng;', '- Phó khối 1: Sở Tài chính;', '- Phó khối 2: Sở Công Thương.' - two "
            "deputies, in that order; these lines are not members. In the PDF these three lines "
            "fall at the top of page 2, after the page number, separated from their members.",
            "Căn cứ the 2003 Law (as amended 2013) and Nghị định 91/2017/NĐ-CP, the rules in force in "
            "02/2023. Điều 2 mentions 'Trưởng khối năm 2024' in general terms (no unit).",
        ],
    }
    return spec, truth


# ---- (j) news item, TXT: Hà Nam 2023, shared prefix 'các sở …', roles via persons' posts -------
def doc_tin_hanam_2023():
    headline = "Khối thi đua các cơ quan tổng hợp tỉnh ký kết giao ước thi đua năm 2023"
    sos = ["Nội vụ", "Tài chính", "Tư pháp", "Kế hoạch và Đầu tư", "Ngoại vụ"]
    others = ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng UBND tỉnh", "Thanh tra tỉnh",
              "Ban Dân tộc tỉnh"]
    members = sos + others
    summary = ("Ngày 24-2, Khối thi đua các cơ quan tổng hợp tỉnh Hà Nam tổ chức hội nghị triển "
               "khai nhiệm vụ và ký kết giao ước thi đua năm 2023.")
    spec = {
        "headline": headline,
        "stamp": "10:02, 24/02/2023",
        "paragraphs": [
            summary,
            "Hội nghị được tổ chức tại Hội trường Sở Kế hoạch và Đầu tư. Đồng chí Trần Văn Bình, "
            "Giám đốc Sở Tư pháp, Trưởng khối thi đua năm 2023, chủ trì; đồng chí Lê Thị Cúc – "
            "Chánh Thanh tra tỉnh, Phó Trưởng khối, đồng chủ trì hội nghị.",
            "Dự hội nghị có đồng chí Đinh Văn Khoa, Phó Giám đốc Sở Nội vụ, Trưởng ban Ban Thi đua "
            "- Khen thưởng tỉnh; đồng chí Phạm Thị Huyền, Phó Trưởng ban Ban Thi đua - Khen thưởng "
            "tỉnh cùng lãnh đạo các đơn vị trong Khối.",
            "Khối thi đua các cơ quan tổng hợp tỉnh gồm 9 đơn vị: các sở " + ", ".join(sos) + "; "
            + ", ".join(others[:-1]) + " và " + others[-1] + ".",
            "Năm 2022, các đơn vị trong Khối đã hoàn thành tốt nhiệm vụ chính trị được giao; phong "
            "trào thi đua được triển khai sâu rộng, thiết thực. Tại hội nghị, các đơn vị đã thảo "
            "luận, thống nhất nội dung, tiêu chí thi đua năm 2023 và ký kết giao ước thi đua.",
            summary,
        ],
        "byline": "Thu Hà",
    }
    truth = {
        "doc_type": "tin_bai", "number": None, "symbol": None, "issued_date": "2023-02-24",
        "place": None, "issuer": None, "subject": headline, "signer": None, "year": 2023,
        "groups": [{
            "kind": "khối", "name": "Khối thi đua các cơ quan tổng hợp tỉnh", "ordinal": None,
            "members": members,
            "members_normalized": ["Sở " + s for s in sos] + others,
            "leader": "Sở Tư pháp", "deputies": ["Thanh tra tỉnh"], "stated_member_count": 9,
            "leader_matches_member": "Tư pháp",
        }],
        "references": [],
        "persons": [
            {"name": "Trần Văn Bình", "title": "Giám đốc Sở Tư pháp, Trưởng khối thi đua năm 2023"},
            {"name": "Lê Thị Cúc", "title": "Chánh Thanh tra tỉnh, Phó Trưởng khối"},
            {"name": "Đinh Văn Khoa", "title": "Phó Giám đốc Sở Nội vụ, Trưởng ban Ban Thi đua - "
                                               "Khen thưởng tỉnh"},
            {"name": "Phạm Thị Huyền", "title": "Phó Trưởng ban Ban Thi đua - Khen thưởng tỉnh"},
        ],
        "notes": [
            "Synthetic news item in the style of the Báo Hà Nam site: stamp '10:02, 24/02/2023', "
            "lead 'Ngày 24-2, …' (day-month with a hyphen, year from the stamp).",
            "Members share a prefix: 'các sở Nội vụ, Tài chính, Tư pháp, Kế hoạch và Đầu tư, Ngoại "
            "vụ; …' - members holds the bare names as written, members_normalized adds 'Sở '. "
            "'Kế hoạch và Đầu tư' contains 'và'; the last item is joined with ' và '.",
            "Roles only through persons' posts: 'Giám đốc Sở Tư pháp, Trưởng khối thi đua năm 2023' "
            "-> leader 'Sở Tư pháp' (written in the post, not in the member list); 'Chánh Thanh tra "
            "tỉnh, Phó Trưởng khối' -> deputy 'Thanh tra tỉnh'.",
            "Distractors: the guests' posts name Sở Nội vụ (a member, no bloc role); 'Trưởng ban' / "
            "'Phó Trưởng ban' are not bloc roles; the venue 'Hội trường Sở Kế hoạch và Đầu tư' is a "
            "member but neither leader nor deputy. The lead paragraph is repeated at the end.",
        ],
    }
    return spec, truth


# ---- (k) news item, TXT: Thái Bình 2022, truncated inside the member list ----------------------
def doc_tin_thaibinh_2022_cut():
    headline = "Cụm thi đua số 1 ký kết giao ước thi đua năm 2022"
    complete = ["Huyện Hưng Hà", "Huyện Quỳnh Phụ", "Huyện Đông Hưng"]
    spec = {
        "headline": headline,
        "stamp": "Thứ Năm, 10/03/2022 | 16:20",
        "paragraphs": [
            "Chiều 9/3, tại huyện Hưng Hà, Cụm thi đua số 1 các huyện, thành phố tỉnh Thái Bình tổ "
            "chức hội nghị ký kết giao ước thi đua năm 2022.",
            "Năm 2022, Huyện Hưng Hà làm cụm trưởng. Cụm thi đua số 1 gồm 4 đơn vị: "
            + ", ".join(complete) + ", Huyện Th",
        ],
        "byline": "",
    }
    truth = {
        "doc_type": "tin_bai", "number": None, "symbol": None, "issued_date": "2022-03-10",
        "place": None, "issuer": None, "subject": headline, "signer": None, "year": 2022,
        "groups": [{
            "kind": "cụm", "name": "Cụm thi đua số 1", "ordinal": "1",
            "members": complete, "members_complete": False,
            "leader": "Huyện Hưng Hà", "deputies": [], "stated_member_count": 4,
        }],
        "references": [],
        "notes": [
            "Synthetic news item whose text is cut off inside the member list (like "
            "real-texts/raw/01, which ends in '- Huyện H'): the file ends '…, Huyện Đông Hưng, "
            "Huyện Th'. Only the three complete names are members; 'Huyện Th' is not guessed "
            "(members_complete: false). The stated count (4) is kept although only 3 are listed.",
            "The leader is stated before the list ('Huyện Hưng Hà làm cụm trưởng'). No deputy is "
            "stated in the surviving text, so deputies is [] (it may have been in the lost part).",
            "Stamp 'Thứ Năm, 10/03/2022 | 16:20'; meeting 'Chiều 9/3' (year inferred).",
        ],
    }
    return spec, truth


# ---- (l) QĐ 210/QĐ-UBND Hà Tĩnh 2024: DOCX, one table row per bloc, members in one cell -------
HT_KHOI_2024 = [
    {"kind": "khối", "name": "Khối các cơ quan tổng hợp",
     "members": ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng UBND tỉnh", "Sở Nội vụ",
                 "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Thanh tra tỉnh"],
     "leader": "Sở Kế hoạch và Đầu tư", "deputies": ["Thanh tra tỉnh"]},
    {"kind": "khối", "name": "Khối các cơ quan kinh tế - kỹ thuật",
     "members": ["Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn",
                 "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
                 "Ban Quản lý Khu kinh tế tỉnh"],
     "leader": "Sở Xây dựng", "deputies": ["Sở Công Thương"]},
    {"kind": "khối", "name": "Khối các cơ quan văn hóa - xã hội",
     "members": ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
                 "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
                 "Đài Phát thanh - Truyền hình tỉnh", "Báo Hà Tĩnh"],
     # the Trưởng khối column adds the province name; the member cell does not
     "leader": "Đài Phát thanh - Truyền hình tỉnh Hà Tĩnh",
     "leader_matches_member": "Đài Phát thanh - Truyền hình tỉnh",
     "deputies": ["Sở Y tế"]},
    {"kind": "khối", "name": "Khối các đơn vị sự nghiệp",
     "members": ["Trường Đại học Hà Tĩnh", "Trường Cao đẳng Kỹ thuật Việt - Đức Hà Tĩnh",
                 "Trường Chính trị Trần Phú",
                 "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
                 "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh"],
     "leader": "Trường Đại học Hà Tĩnh",
     "deputies": ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"]},
]


def doc_qd210_2024_hatinh():
    number = "210/QĐ-UBND"
    subject = "Về việc kiện toàn các Khối thi đua thuộc UBND tỉnh năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98_LONG)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 09/TTr-SNV ngày 17 tháng "
                     "01 năm 2024."))
    refs.append(ref("to_trinh", "09/TTr-SNV", "2024-01-17", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "185/QĐ-UBND", "2023-01-31", "UBND tỉnh"))
    rows = [[str(k), g["name"], list(g["members"]), g["leader"], g["deputies"][0]]
            for k, g in enumerate(HT_KHOI_2024, 1)]
    table = {"header": ["TT", "Tên Khối thi đua", "Đơn vị thành viên", "Trưởng khối",
                        "Phó khối"],
             "widths": [10, 34, 63, 30, 28], "rows": rows,
             "align": ["CENTER", "LEFT", "LEFT", "LEFT", "LEFT"]}
    n_units = sum(len(g["members"]) for g in HT_KHOI_2024)
    spec = header("HÀ TĨNH", number, "Hà Tĩnh, ngày 24 tháng 01 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 210/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Hà Tĩnh"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", f"<b>Điều 1.</b> Kiện toàn 04 Khối thi đua thuộc UBND tỉnh năm 2024 gồm "
                  f"{n_units} cơ quan, đơn vị và phân công đơn vị Trưởng khối, Phó khối (chi tiết "
                  "tại Phụ lục kèm theo)."),
            ("p", "<b>Điều 2.</b> Đơn vị Trưởng khối chủ trì, phối hợp với đơn vị Phó khối xây "
                  "dựng chương trình hoạt động, tổ chức ký kết giao ước thi đua, kiểm tra chéo, sơ "
                  "kết, tổng kết và bình xét thi đua của Khối; đề nghị UBND tỉnh tặng Cờ thi đua, "
                  "Bằng khen cho các đơn vị dẫn đầu theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số "
                  "185/QĐ-UBND ngày 31/01/2023 của UBND tỉnh."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Trưởng ban Ban Thi đua - Khen "
                  "thưởng tỉnh và Thủ trưởng các cơ quan, đơn vị có tên tại Phụ lục kèm theo chịu "
                  "trách nhiệm thi hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (để b/c);",
                       "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh;", "- Lưu: VT, NC1."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Phan Đình Thái",
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC KHỐI THI ĐUA THUỘC UBND TỈNH NĂM 2024"),
            ("center_i", "(Kèm theo Quyết định số 210/QĐ-UBND ngày 24/01/2024 của UBND tỉnh "
                         "Hà Tĩnh)"),
            ("rule",),
            ("table", table),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-01-24", "place": "Hà Tĩnh", "issuer": "UBND tỉnh Hà Tĩnh",
        "subject": subject,
        "signer": {"name": "Phan Đình Thái", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [truth_group(g, None, None) for g in HT_KHOI_2024],
        "references": refs,
        "notes": [
            "Synthetic. Appendix table 'TT | Tên Khối thi đua | Đơn vị thành viên | Trưởng khối | "
            "Phó khối' with ONE ROW PER BLOC: the 'Đơn vị thành viên' cell holds every member, one "
            "paragraph per unit (no numbering, no separators); the Trưởng khối and Phó khối cells "
            "hold one unit each. Members are the paragraphs of that cell, in order.",
            "TT (1-4) only numbers the table rows and the bloc names carry no number, so ordinal "
            "is null (as in KH 30). No per-bloc count is stated (stated_member_count null); Điều 1 "
            f"gives the total ('gồm {n_units} cơ quan, đơn vị').",
            "The Trưởng khối of Khối các cơ quan văn hóa - xã hội is written 'Đài Phát thanh - "
            "Truyền hình tỉnh Hà Tĩnh' while the member cell has 'Đài Phát thanh - Truyền hình "
            "tỉnh': leader keeps the written form, leader_matches_member gives the member. Every "
            "other leader/deputy is spelled exactly as its member entry.",
            "Long names wrap inside the member cell ('Ban Quản lý dự án đầu tư xây dựng công "
            "trình dân dụng và công nghiệp tỉnh'); the deputy of Khối các đơn vị sự nghiệp is also "
            "a long name. 'Sở Văn hóa, Thể thao và Du lịch' and 'Trường Cao đẳng Kỹ thuật Việt - "
            "Đức Hà Tĩnh' contain a comma / a dash of their own.",
            "Signed 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'; authority 'KT. CHỦ TỊCH'.",
        ],
    }
    return spec, truth


# ---- (m) QĐ 333/QĐ-UBND Phú Thọ 2024: PDF, borderless appendix table, a wrapped name ----------
PT_CUM_2024 = [
    {"kind": "cụm", "name": "Cụm thi đua số 1", "ordinal": "1",
     "members": ["UBND thành phố Việt Trì", "UBND thị xã Phú Thọ", "UBND huyện Lâm Thao",
                 "UBND huyện Phù Ninh", "UBND huyện Thanh Ba", "UBND huyện Đoan Hùng"],
     "leader": "UBND thành phố Việt Trì", "deputies": ["UBND huyện Lâm Thao"]},
    {"kind": "cụm", "name": "Cụm thi đua số 2", "ordinal": "2",
     "members": ["UBND huyện Hạ Hòa", "UBND huyện Cẩm Khê", "UBND huyện Yên Lập",
                 "UBND huyện Tam Nông"],
     "leader": "UBND huyện Cẩm Khê", "deputies": ["UBND huyện Tam Nông"]},
    {"kind": "cụm", "name": "Cụm thi đua số 3", "ordinal": "3",
     # the one name written in full: too long for the name column, it wraps onto a 2nd line
     "members": ["Ủy ban nhân dân huyện Thanh Thủy", "UBND huyện Thanh Sơn",
                 "UBND huyện Tân Sơn"],
     "leader": "UBND huyện Tân Sơn", "deputies": ["UBND huyện Thanh Sơn"]},
]


def doc_qd333_2024_phutho():
    number = "333/QĐ-UBND"
    subject = "Về việc phân chia Cụm thi đua các huyện, thành, thị năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP_SHORT, CC_LUAT_TDKT_SHORT, CC_ND98)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 18/TTr-SNV ngày "
                     "29/01/2024."))
    refs.append(ref("to_trinh", "18/TTr-SNV", "2024-01-29", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "295/QĐ-UBND", "2023-02-10", "UBND tỉnh"))
    rows, spans, bold_rows = [], [], []
    for g in PT_CUM_2024:
        spans.append((len(rows), 0, len(rows), 2))
        bold_rows.append(len(rows))
        rows.append([f"{upper_vi(g['name'])} ({count_label(len(g['members']))})", "", ""])
        for k, m in enumerate(g["members"], 1):
            note = ("Cụm trưởng" if m == g["leader"] else
                    "Cụm phó" if m in g["deputies"] else "")
            rows.append([str(k), m, note])
    table = {"header": ["STT", "Tên đơn vị", "Ghi chú"], "widths": [16, 64, 34],
             "rows": rows, "spans": spans, "bold_rows": bold_rows,
             "align": ["CENTER", "LEFT", "CENTER"], "borderless": True, "valign": "TOP"}
    n_units = sum(len(g["members"]) for g in PT_CUM_2024)
    spec = header("PHÚ THỌ", number, "Phú Thọ, ngày 06 tháng 02 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 333/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Phú Thọ"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", f"<b>Điều 1.</b> Phân chia {n_units} huyện, thành, thị thành 03 Cụm thi đua và "
                  "phân công Cụm trưởng, Cụm phó năm 2024 (có Phụ lục danh sách kèm theo)."),
            ("p", "<b>Điều 2.</b> Cụm trưởng chủ trì, phối hợp với Cụm phó xây dựng kế hoạch hoạt "
                  "động, tổ chức ký kết giao ước thi đua, kiểm tra chéo, sơ kết, tổng kết và bình "
                  "xét, suy tôn đơn vị dẫn đầu Cụm đề nghị tặng Cờ thi đua theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số "
                  "295/QĐ-UBND ngày 10/02/2023 của UBND tỉnh. Chánh Văn phòng UBND tỉnh, Giám đốc "
                  "Sở Nội vụ, Chủ tịch UBND các huyện, thành, thị và Thủ trưởng các đơn vị có liên "
                  "quan chịu trách nhiệm thi hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- CT, các PCT UBND tỉnh;",
                       "- Lưu: VT, NCTH."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": "Hồ Đức Lâm",
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC CỤM THI ĐUA CÁC HUYỆN, THÀNH, THỊ NĂM 2024"),
            ("center_i", "(Kèm theo Quyết định số 333/QĐ-UBND ngày 06/02/2024 của UBND tỉnh "
                         "Phú Thọ)"),
            ("rule",),
            ("table", table),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-02-06", "place": "Phú Thọ", "issuer": "UBND tỉnh Phú Thọ",
        "subject": subject,
        "signer": {"name": "Hồ Đức Lâm", "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [truth_group(g, g["ordinal"], len(g["members"])) for g in PT_CUM_2024],
        "references": refs,
        "notes": [
            "Synthetic. Appendix on page 2: a BORDERLESS table (no ruling lines at all - the only "
            "drawn line on the page is the short rule under the heading - so pdfplumber's "
            "extract_tables finds nothing) whose columns exist only by x position: "
            "STT at the left, Tên đơn vị in the middle, Ghi chú ('Cụm trưởng' / 'Cụm phó') at the "
            "right, on the same text line as the member. Bold header line 'STT Tên đơn vị Ghi chú'.",
            "Each cụm is introduced by a bold title line 'CỤM THI ĐUA SỐ 1 (06 đơn vị)' starting at "
            "the left edge; name 'Cụm thi đua số 1' in normal case, ordinal '1', count from the "
            "suffix. STT restarts at 1 in each cụm.",
            "'Ủy ban nhân dân huyện Thanh Thủy' (Cụm 3, no role) is the only name written in full "
            "and is too long for its column: it wraps, so 'Thủy' stands alone on the next text "
            "line in the middle column, followed by the line '2 UBND huyện Thanh Sơn Cụm phó'. The "
            "member is the whole wrapped name, kept as written (not shortened to 'UBND').",
            "In Cụm 3 the deputy (STT 2) comes before the leader (STT 3).",
            f"3 cụm, {n_units} units, as stated in Điều 1 ('Phân chia {n_units} huyện, thành, thị "
            "thành 03 Cụm thi đua'). Signed 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'.",
        ],
    }
    return spec, truth


# --------------------------------------------------------------------------------------
# 4b. PLANTED PROBLEMS - samples/problems/ (tỉnh Hưng Yên, 2023-2024)
# --------------------------------------------------------------------------------------
# Four small documents of a province no other sample uses, with roster problems planted on
# purpose for the validator (see EXPECTED_VALIDATION.json and README "Planted problems").
# Each truth file still describes exactly what its document SAYS, problems included.
# Only national-standard unit names are used, all of them valid in 2023-2024.

HY_TH_NAME = "Khối các cơ quan tổng hợp - nội chính"
HY_KT_NAME = "Khối các cơ quan kinh tế - văn hóa - xã hội"
HY_NEWS_GROUP = "Khối thi đua các cơ quan kinh tế - văn hóa - xã hội"
HY_Q_CHE_OLD = ref("quyet_dinh", "1956/QĐ-UBND", "2021-08-25", "UBND tỉnh")
HY_SIGNER = "Đặng Minh Tiến"

# --- QĐ 15/QĐ-UBND ngày 06/01/2023: three planted problems ---------------------------------
HY_2023 = [
    {"kind": "khối", "name": HY_TH_NAME, "ordinal": "I",
     # PLANTED one_group_per_year: Sở Khoa học và Công nghệ is also in Khối II
     "members": ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
                 "Thanh tra tỉnh", "Sở Khoa học và Công nghệ"],
     "stated": 6,
     "leader": "Sở Tư pháp",
     # PLANTED deputy_is_member: Sở Ngoại vụ is not listed in any khối
     "deputies": ["Sở Ngoại vụ"]},
    {"kind": "khối", "name": HY_KT_NAME, "ordinal": "II",
     "members": ["Sở Công Thương", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Y tế",
                 "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"],
     # PLANTED stated_count_matches: "(gồm 07 đơn vị)" but 6 units listed
     "stated": 7,
     "leader": "Sở Y tế",
     "deputies": ["Sở Giáo dục và Đào tạo"]},
]

# --- QĐ 12/QĐ-UBND ngày 04/01/2024: clean, except leader_again --------------------------------
HY_2024 = [
    {"kind": "khối", "name": HY_TH_NAME, "ordinal": "I",
     "members": ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
                 "Thanh tra tỉnh"],
     "leader": "Sở Nội vụ", "deputies": ["Thanh tra tỉnh"]},
    {"kind": "khối", "name": HY_KT_NAME, "ordinal": "II",
     "members": ["Sở Công Thương", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Y tế",
                 "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"],
     # PLANTED leader_again: Sở Y tế was Trưởng khối of this khối in 2023 too
     "leader": "Sở Y tế", "deputies": ["Sở Xây dựng"]},
]

# --- news item 07/3/2024 about Khối II 2024 --------------------------------------------------
# PLANTED news_contradicts_decision: Sở Khoa học và Công nghệ missing; Trưởng khối Sở Giáo dục và
# Đào tạo instead of Sở Y tế (QĐ 12/QĐ-UBND ngày 04/01/2024).
HY_NEWS_2024_MEMBERS = ["Sở Công Thương", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo",
                        "Sở Văn hóa, Thể thao và Du lịch"]
HY_NEWS_2024_LEADER = "Sở Giáo dục và Đào tạo"

# The planted problems, in the shape of samples/problems/EXPECTED_VALIDATION.json.
HY_EXPECTED = [
    {"rule": "one_group_per_year", "severity": "error",
     "file": "qd-15-2023-hungyen.docx", "group": HY_KT_NAME, "unit": "Sở Khoa học và Công nghệ"},
    {"rule": "deputy_is_member", "severity": "error",
     "file": "qd-15-2023-hungyen.docx", "group": HY_TH_NAME, "unit": "Sở Ngoại vụ"},
    {"rule": "stated_count_matches", "severity": "warning",
     "file": "qd-15-2023-hungyen.docx", "group": HY_KT_NAME, "unit": None},
    {"rule": "leader_again", "severity": "warning",
     "file": "qd-12-2024-hungyen.docx", "group": HY_KT_NAME, "unit": "Sở Y tế"},
    {"rule": "duplicate_number", "severity": "error",
     "file": "qd-12-2024-hungyen-b.pdf", "group": None, "unit": None},
    {"rule": "news_contradicts_decision", "severity": "warning",
     "file": "tin-2024-hungyen.txt", "group": HY_NEWS_GROUP, "unit": "Sở Khoa học và Công nghệ"},
    {"rule": "news_contradicts_decision", "severity": "warning",
     "file": "tin-2024-hungyen.txt", "group": HY_NEWS_GROUP, "unit": HY_NEWS_2024_LEADER},
]


def _hy_truth_group(g):
    return truth_group(g, g["ordinal"], g.get("stated", len(g["members"])))


def doc_qd15_2023_hungyen():
    number = "15/QĐ-UBND"
    subject = "Về việc tổ chức các Khối thi đua thuộc UBND tỉnh năm 2023"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT_2003, CC_ND91)
    cc.append(("cc", "Căn cứ Quyết định số 1956/QĐ-UBND ngày 25/8/2021 của UBND tỉnh ban hành Quy "
                     "chế tổ chức và hoạt động của các Khối thi đua thuộc UBND tỉnh Hưng Yên;"))
    refs.append(copy.deepcopy(HY_Q_CHE_OLD))
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 02/TTr-SNV ngày 03 tháng "
                     "01 năm 2023."))
    refs.append(ref("to_trinh", "02/TTr-SNV", "2023-01-03", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "48/QĐ-UBND", "2022-01-10", "UBND tỉnh"))
    roster = []
    for g in HY_2023:
        n = len(g["members"])
        roster.append(("h", f"{g['ordinal']}. {upper_vi(g['name'])} "
                            f"({count_label(g['stated'], True)})"))
        for k, m in enumerate(g["members"], 1):
            roster.append(("p", f"{k}. {m}{'.' if k == n else ';'}"))
        roster.append(("p", f"- Trưởng khối: {g['leader']};"))
        roster.append(("p", f"- Phó khối: {g['deputies'][0]}."))
    spec = header("HƯNG YÊN", number, "Hưng Yên, ngày 06 tháng 01 năm 2023")
    spec.update({
        "meta": {"title": "Quyết định 15/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Hưng Yên"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Tổ chức 02 Khối thi đua thuộc UBND tỉnh và phân công đơn vị "
                  "Trưởng khối, Phó khối năm 2023, cụ thể như sau:"),
            *roster,
            ("p", "<b>Điều 2.</b> Đơn vị Trưởng khối chủ trì, phối hợp với đơn vị Phó khối xây "
                  "dựng kế hoạch hoạt động, tổ chức ký kết giao ước thi đua, kiểm tra chéo, chấm "
                  "điểm, bình xét thi đua của Khối theo Quy chế ban hành kèm theo Quyết định số "
                  "1956/QĐ-UBND ngày 25/8/2021 của UBND tỉnh."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số "
                  "48/QĐ-UBND ngày 10/01/2022 của UBND tỉnh. Chánh Văn phòng UBND tỉnh, Giám đốc "
                  "Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1 chịu trách nhiệm thi "
                  "hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh;", "- Lưu: VT, NCVX."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": HY_SIGNER,
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2023-01-06", "place": "Hưng Yên", "issuer": "UBND tỉnh Hưng Yên",
        "subject": subject,
        "signer": {"name": HY_SIGNER, "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2023,
        "groups": [_hy_truth_group(g) for g in HY_2023],
        "references": refs,
        "notes": [
            "Synthetic, with PLANTED PROBLEMS (samples/problems/EXPECTED_VALIDATION.json). The "
            "truth records what the document says, problems included.",
            "Roster in Điều 1: bold 'I. KHỐI … (gồm 06 đơn vị)' then numbered paragraphs, then the "
            "roles in two dash lines '- Trưởng khối: …;' / '- Phó khối: ….' (not members).",
            "Planted: 'Sở Khoa học và Công nghệ' is member 6 of Khối I and member 3 of Khối II "
            "(one_group_per_year); the Phó khối of Khối I, 'Sở Ngoại vụ', is not listed as a member "
            "of any khối (deputy_is_member); Khối II says 'gồm 07 đơn vị' but lists 6 "
            "(stated_count_matches). Everything else is consistent: one Trưởng khối per khối, each "
            "a member of its khối.",
            "Căn cứ the 2003 Law (as amended 2013) and Nghị định 91/2017/NĐ-CP, in force in 01/2023.",
        ],
    }
    return spec, truth


def doc_qd12_2024_hungyen():
    number = "12/QĐ-UBND"
    subject = "Về việc tổ chức các Khối thi đua thuộc UBND tỉnh năm 2024"
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Căn cứ Quyết định số 1956/QĐ-UBND ngày 25/8/2021 của UBND tỉnh ban hành Quy "
                     "chế tổ chức và hoạt động của các Khối thi đua thuộc UBND tỉnh Hưng Yên;"))
    refs.append(copy.deepcopy(HY_Q_CHE_OLD))
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 01/TTr-SNV ngày "
                     "02/01/2024."))
    refs.append(ref("to_trinh", "01/TTr-SNV", "2024-01-02", "Sở Nội vụ"))
    refs.append(ref("quyet_dinh", "15/QĐ-UBND", "2023-01-06", "UBND tỉnh"))
    spec = header("HƯNG YÊN", number, "Hưng Yên, ngày 04 tháng 01 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 12/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Hưng Yên"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Tổ chức 02 Khối thi đua thuộc UBND tỉnh năm 2024 và phân công "
                  "đơn vị Trưởng khối, Phó khối năm 2024 (có Phụ lục danh sách kèm theo)."),
            ("p", "<b>Điều 2.</b> Đơn vị Trưởng khối chủ trì, phối hợp với đơn vị Phó khối xây "
                  "dựng kế hoạch hoạt động, tổ chức ký kết giao ước thi đua, kiểm tra chéo, chấm "
                  "điểm, bình xét, suy tôn đơn vị dẫn đầu và đề nghị khen thưởng theo quy định."),
            ("p", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 15/QĐ-UBND ngày 06/01/2023 của UBND tỉnh về việc tổ chức các Khối thi đua "
                  "thuộc UBND tỉnh năm 2023."),
            ("p", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị "
                  "có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Ban TĐKT tỉnh;", "- Lưu: VT, NCVX."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": HY_SIGNER,
        "appendices": [[
            ("title", "PHỤ LỤC"),
            ("subject", "DANH SÁCH CÁC KHỐI THI ĐUA THUỘC UBND TỈNH NĂM 2024"),
            ("center_i", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 04/01/2024 của UBND tỉnh "
                         "Hưng Yên)"),
            ("rule",),
            ("table", roster_table_bn(HY_2024)),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-01-04", "place": "Hưng Yên", "issuer": "UBND tỉnh Hưng Yên",
        "subject": subject,
        "signer": {"name": HY_SIGNER, "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": 2024,
        "groups": [truth_group(g, g["ordinal"], len(g["members"])) for g in HY_2024],
        "references": refs,
        "notes": [
            "Synthetic, with one PLANTED PROBLEM (samples/problems/EXPECTED_VALIDATION.json): the "
            "Trưởng khối of Khối các cơ quan kinh tế - văn hóa - xã hội is Sở Y tế, as in 2023 (QĐ "
            "15/QĐ-UBND) - leader_again. Otherwise clean: the 2023 problems are gone (Sở Khoa học "
            "và Công nghệ only in Khối II, every role is a member, counts match).",
            "Layout of the QĐ 138 DOCX: appendix table 'STT | Tên đơn vị | Ghi chú', one title row "
            "per khối merged over the three columns ('I. KHỐI … (05 đơn vị)'); roles only in Ghi "
            "chú.",
            "Another decision of UBND tỉnh Hưng Yên also numbered 12/QĐ-UBND in 2024 exists: "
            "samples/problems/qd-12-2024-hungyen-b.pdf (19/3/2024, a Quy chế) - duplicate_number.",
        ],
    }
    return spec, truth


def doc_qd12_2024_hungyen_b():
    number = "12/QĐ-UBND"
    subject = ("Về việc ban hành Quy chế tổ chức và hoạt động của các Khối thi đua thuộc UBND "
               "tỉnh Hưng Yên")
    cc, refs = cc_blocks(CC_LUAT_CQDP, CC_LUAT_TDKT, CC_ND98)
    cc.append(("cc", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 27/TTr-SNV ngày "
                     "11/3/2024."))
    refs.append(ref("to_trinh", "27/TTr-SNV", "2024-03-11", "Sở Nội vụ"))
    refs.append(copy.deepcopy(HY_Q_CHE_OLD))
    spec = header("HƯNG YÊN", number, "Hưng Yên, ngày 19 tháng 3 năm 2024")
    spec.update({
        "meta": {"title": "Quyết định 12/QĐ-UBND", "subject": subject,
                 "author": "UBND tỉnh Hưng Yên"},
        "body": [
            ("title", "QUYẾT ĐỊNH"),
            ("subject", subject),
            ("rule",),
            ("center_b", "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"),
            *cc,
            ("center_b", "QUYẾT ĐỊNH:"),
            ("p", "<b>Điều 1.</b> Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của "
                  "các Khối thi đua thuộc UBND tỉnh Hưng Yên."),
            ("p", "<b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
                  "số 1956/QĐ-UBND ngày 25/8/2021 của UBND tỉnh."),
            ("p", "<b>Điều 3.</b> Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ "
                  "quan, đơn vị thuộc các Khối thi đua của tỉnh chịu trách nhiệm thi hành Quyết "
                  "định này./."),
        ],
        "recipients": ["- Như Điều 3;", "- Ban TĐKT Trung ương (b/c);",
                       "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                       "- Lưu: VT, NCVX."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "signer_name": HY_SIGNER,
        "appendices": [[
            ("title", "QUY CHẾ"),
            ("subject", "Tổ chức và hoạt động của các Khối thi đua thuộc UBND tỉnh Hưng Yên"),
            ("center_i", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 19/3/2024 của UBND "
                         "tỉnh Hưng Yên)"),
            ("rule",),
            ("center_b", "Chương I"),
            ("subject", "QUY ĐỊNH CHUNG"),
            ("h", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
            ("p", "1. Quy chế này quy định về tổ chức, nhiệm vụ và hoạt động của các Khối thi đua "
                  "thuộc UBND tỉnh Hưng Yên."),
            ("p", "2. Quy chế áp dụng đối với các sở, ban, ngành và cơ quan, đơn vị là thành viên "
                  "của các Khối thi đua do UBND tỉnh quyết định."),
            ("h", "Điều 2. Nguyên tắc tổ chức"),
            ("p", "1. Danh sách các Khối thi đua, đơn vị Trưởng khối và Phó khối do UBND tỉnh quyết "
                  "định hằng năm; mỗi cơ quan, đơn vị chỉ tham gia một Khối thi đua."),
            ("p", "2. Đơn vị Trưởng khối, Phó khối được luân phiên hằng năm; đơn vị đã làm Trưởng "
                  "khối năm trước không làm Trưởng khối năm liền kề."),
            ("center_b", "Chương II"),
            ("subject", "NHIỆM VỤ CỦA CÁC ĐƠN VỊ"),
            ("h", "Điều 3. Đơn vị Trưởng khối"),
            ("p", "Xây dựng kế hoạch, tiêu chí chấm điểm thi đua của Khối; chủ trì ký kết giao ước "
                  "thi đua trước ngày 31 tháng 3; tổ chức sơ kết, tổng kết, chấm điểm, bình xét và "
                  "gửi hồ sơ đề nghị khen thưởng về Sở Nội vụ trước ngày 10 tháng 12 hằng năm."),
            ("h", "Điều 4. Đơn vị Phó khối và các đơn vị thành viên"),
            ("p", "Đơn vị Phó khối phối hợp với đơn vị Trưởng khối tổ chức các hoạt động của Khối. "
                  "Các đơn vị thành viên tham gia đầy đủ hoạt động của Khối và thực hiện nội dung "
                  "giao ước thi đua đã ký kết."),
            ("center_b", "Chương III"),
            ("subject", "TỔ CHỨC THỰC HIỆN"),
            ("h", "Điều 5. Trách nhiệm thi hành"),
            ("p", "Sở Nội vụ hướng dẫn, theo dõi, kiểm tra việc thực hiện Quy chế này; tổng hợp "
                  "vướng mắc, báo cáo UBND tỉnh xem xét, sửa đổi, bổ sung cho phù hợp./."),
        ]],
    })
    truth = {
        "doc_type": "quyet_dinh", "number": number, "symbol": "QĐ-UBND",
        "issued_date": "2024-03-19", "place": "Hưng Yên", "issuer": "UBND tỉnh Hưng Yên",
        "subject": subject,
        "signer": {"name": HY_SIGNER, "title": "Phó Chủ tịch", "authority": "KT. CHỦ TỊCH"},
        "year": None,
        "groups": [],
        "references": refs,
        "notes": [
            "Synthetic, with one PLANTED PROBLEM (samples/problems/EXPECTED_VALIDATION.json): its "
            "number 12/QĐ-UBND was already used by UBND tỉnh Hưng Yên in 2024 for the roster "
            "decision of 04/01/2024 (samples/problems/qd-12-2024-hungyen.docx) - same number, same "
            "issuer, same year, different date and content: duplicate_number.",
            "Issues a Quy chế (attached after a page break, with Chương / Điều of its own - 'Điều "
            "1.' appears twice). It talks about Trưởng khối / Phó khối in general terms only and "
            "names no group and no member: groups is [] and year null (no roster, so "
            "decision_after_period does not apply). Replaces QĐ 1956/QĐ-UBND of 2021.",
        ],
    }
    return spec, truth


def doc_tin_hungyen_2024():
    headline = ("Khối thi đua các cơ quan kinh tế - văn hóa - xã hội tỉnh Hưng Yên ký kết giao "
                "ước thi đua năm 2024")
    spec = {
        "headline": headline,
        "stamp": "07/03/2024 15:40",
        "paragraphs": [
            "Chiều 06/3, tại Hội trường Sở Giáo dục và Đào tạo, Khối thi đua các cơ quan kinh tế - "
            "văn hóa - xã hội tỉnh Hưng Yên tổ chức Hội nghị triển khai nhiệm vụ và ký kết giao "
            "ước thi đua năm 2024.",
            "Theo Quyết định số 12/QĐ-UBND ngày 04/01/2024 của UBND tỉnh, Khối thi đua các cơ quan "
            "kinh tế - văn hóa - xã hội gồm 5 đơn vị: " + "; ".join(HY_NEWS_2024_MEMBERS) + ". Năm "
            "2024, " + HY_NEWS_2024_LEADER + " là đơn vị Trưởng khối, Sở Xây dựng là đơn vị Phó "
            "Trưởng khối.",
            "Phát biểu tại Hội nghị, đồng chí Vũ Thị Lan, Giám đốc Sở Giáo dục và Đào tạo, Trưởng "
            "khối thi đua năm 2024 đề nghị các đơn vị bám sát nhiệm vụ chính trị, đổi mới nội dung "
            "và hình thức thi đua, kịp thời phát hiện, biểu dương các điển hình tiên tiến.",
            "Các đơn vị trong Khối đã thống nhất Kế hoạch, tiêu chí chấm điểm thi đua năm 2024 và "
            "ký kết giao ước thi đua./.",
        ],
        "byline": "Quang Huy",
    }
    truth = {
        "doc_type": "tin_bai", "number": None, "symbol": None, "issued_date": "2024-03-07",
        "place": None, "issuer": None, "subject": headline, "signer": None, "year": 2024,
        "groups": [{
            "kind": "khối", "name": HY_NEWS_GROUP, "ordinal": None,
            "members": list(HY_NEWS_2024_MEMBERS), "leader": HY_NEWS_2024_LEADER,
            "deputies": ["Sở Xây dựng"], "stated_member_count": 5,
        }],
        "references": [ref("quyet_dinh", "12/QĐ-UBND", "2024-01-04", "UBND tỉnh")],
        "persons": [
            {"name": "Vũ Thị Lan",
             "title": "Giám đốc Sở Giáo dục và Đào tạo, Trưởng khối thi đua năm 2024"},
        ],
        "notes": [
            "Synthetic news item with PLANTED PROBLEMS (samples/problems/EXPECTED_VALIDATION.json). "
            "It cites QĐ 12/QĐ-UBND ngày 04/01/2024 (samples/problems/qd-12-2024-hungyen.docx) but "
            "reports the khối differently: 5 units instead of 6 (Sở Khoa học và Công nghệ is "
            "missing) and Sở Giáo dục và Đào tạo as Trưởng khối instead of Sở Y tế - "
            "news_contradicts_decision. The Phó khối (Sở Xây dựng) agrees with the decision.",
            "The news is internally consistent: 'gồm 5 đơn vị' and 5 units listed (semicolons), "
            "its Trưởng khối and Phó khối are among them. 'Khối thi đua các cơ quan …' is the "
            "decision's 'Khối các cơ quan …' with 'thi đua' inserted.",
        ],
    }
    return spec, truth


def write_expected_validation(path):
    data = nfc(HY_EXPECTED)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------
# 5. main
# --------------------------------------------------------------------------------------

SAMPLES = [
    # (relative path, builder, writer)
    ("2024/qd-138-2024-bacninh.pdf", doc_qd138_2024, write_pdf),
    ("2024/qd-45-2024-bacninh-quyche.pdf", doc_qd45_2024_quyche, write_pdf),
    ("2024/kh-30-2024-bacninh.docx", doc_kh30_2024, write_docx),
    ("2024/qd-615-2024-bacninh-sua-doi.docx", doc_qd615_2024_suadoi, write_docx),
    ("2024/qd-326-2024-quangnam.docx", doc_qd326_2024_quangnam, write_docx),
    ("2024/qd-412-2024-thanhhoa.pdf", doc_qd412_2024_thanhhoa, write_pdf),
    ("2025/tb-12-2025-bacninh.pdf", doc_tb12_2025, write_pdf),
    ("2025/qd-52-2025-bacninh.docx", doc_qd52_2025, write_docx),
    ("2025/tin-khoi-tham-muu-tong-hop-2025-bacninh.txt", doc_tin_tmth_2025, write_txt),
    ("2025/tin-khoi-van-hoa-xa-hoi-2025-bacninh.html", doc_tin_vhxh_2025_html, write_html),
    ("2026/qd-95-2026-bacninh.docx", doc_qd95_2026, write_docx),
    ("other/qd-138-2024-bacninh.docx", doc_qd138_2024_docx, write_docx),
    ("other/cv-2023-haiduong-cum.txt", doc_cv1120_2023_haiduong, write_txt),
    ("other/qd-2023-ninhbinh-khoi.pdf", doc_qd96_2023_ninhbinh, write_pdf),
    ("other/tin-2023-hanam-khoi.txt", doc_tin_hanam_2023, write_txt),
    ("other/tin-2022-thaibinh-cum-cut.txt", doc_tin_thaibinh_2022_cut, write_txt),
    ("other/qd-2024-hatinh-khoi-hang.docx", doc_qd210_2024_hatinh, write_docx),
    ("other/qd-2024-phutho-cum-noborder.pdf", doc_qd333_2024_phutho, write_pdf),
    # planted problems (tỉnh Hưng Yên), see section 4b and README "Planted problems"
    ("problems/qd-15-2023-hungyen.docx", doc_qd15_2023_hungyen, write_docx),
    ("problems/qd-12-2024-hungyen.docx", doc_qd12_2024_hungyen, write_docx),
    ("problems/qd-12-2024-hungyen-b.pdf", doc_qd12_2024_hungyen_b, write_pdf),
    ("problems/tin-2024-hungyen.txt", doc_tin_hungyen_2024, write_txt),
]

# Self-consistency checks that a sample breaks ON PURPOSE (planted problems): rel -> checks
# skipped by _check_groups. "two_groups" = a unit in two groups of one document, "count" =
# stated count != members listed, "deputy" = a deputy that is not a member of its group.
PLANTED = {
    "problems/qd-15-2023-hungyen.docx": {"two_groups", "count", "deputy"},
}

TRUTH_KEYS = ["doc_type", "number", "symbol", "issued_date", "place", "issuer", "subject",
              "signer", "year", "groups", "references"]


def truth_path(doc_path: Path) -> Path:
    return doc_path.with_name(doc_path.name.rsplit(".", 1)[0] + ".truth.json")


def write_truth(truth, path):
    for k in TRUTH_KEYS:
        assert k in truth, (path, k)
    ordered = {k: truth[k] for k in TRUTH_KEYS}
    ordered.update({k: v for k, v in truth.items() if k not in ordered})
    data = nfc(json.loads(json.dumps(ordered, ensure_ascii=False)))
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _check_groups(truth, rel, planted=frozenset()):
    """Self-consistency: no unit in two groups of one document; leaders are members.

    `planted` names the checks this sample breaks on purpose (see PLANTED); each of them must
    then actually be broken, so a planted problem cannot disappear silently."""
    seen, broken = {}, set()
    for g in truth["groups"]:
        for m in g["members"]:
            if m in seen:
                broken.add("two_groups")
            assert m not in seen or "two_groups" in planted, \
                f"{rel}: {m!r} in {seen[m]!r} and {g['name']!r}"
            seen[m] = g["name"]
        if (g["members"] and g["stated_member_count"] is not None
                and g["stated_member_count"] != len(g["members"]) and "count" in planted):
            broken.add("count")
        elif g["members"] and g["stated_member_count"] is not None:
            if g.get("members_complete", True):
                assert g["stated_member_count"] == len(g["members"]), (rel, g["name"])
            else:  # truncated text: fewer complete members than stated
                assert len(g["members"]) < g["stated_member_count"], (rel, g["name"])
        if g["members"]:
            lm = g.get("leader_matches_member", g["leader"])
            assert lm is None or lm in g["members"], (rel, g["name"], lm)
            for d in g.get("deputies_match_members", g["deputies"]):
                if d not in g["members"]:
                    broken.add("deputy")
                assert d in g["members"] or "deputy" in planted, (rel, g["name"], d)
    assert broken == set(planted), (rel, "planted", sorted(planted), "found", sorted(broken))


def main():
    for rel, builder, writer in SAMPLES:
        spec, truth = builder()
        truth = nfc(truth)
        _check_groups(truth, rel, PLANTED.get(rel, frozenset()))
        out = HERE / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        writer(spec, out)
        write_truth(truth, truth_path(out))
        print(f"wrote {out.relative_to(HERE.parent)}  (+ {truth_path(out).name})")
    expected = HERE / "problems" / "EXPECTED_VALIDATION.json"
    write_expected_validation(expected)
    print(f"wrote {expected.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
