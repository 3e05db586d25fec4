from extractors.document import Document
from extractors.rosters import find_rosters
from tests.helpers import text_doc


def one(text):
    groups, warnings = find_rosters(text_doc(text))
    return groups, warnings


def test_numbered_paragraphs_with_count_and_role_suffix():
    groups, warnings = one("""
Điều 1. Phân chia các Cụm thi đua năm 2024 như sau:
Cụm thi đua số 1 (gồm 03 đơn vị):
1. UBND huyện A (Cụm trưởng);
2. UBND huyện B;
3. UBND huyện C (Cụm phó).
Điều 2. Hiệu lực thi hành.
""")
    g = groups[0]
    assert g["name"] == "Cụm thi đua số 1" and g["kind"] == "cụm" and g["ordinal"] == "1"
    assert [m["name"] for m in g["members"]] == ["UBND huyện A", "UBND huyện B", "UBND huyện C"]
    assert g["leader"] == "UBND huyện A" and g["deputies"] == ["UBND huyện C"]
    assert g["stated_member_count"] == 3 and not [w for w in warnings if "khác với" in w]


def test_dash_list_with_leader_line():
    groups, _ = one("""
1. Cụm 1:
- Quận 1
- Quận 10
+ Cụm trưởng: Quận 10
2. Cụm 2:
- Quận 4
""")
    assert [g["name"] for g in groups] == ["Cụm 1", "Cụm 2"]
    assert groups[0]["leader"] == "Quận 10"
    assert [m["role"] for m in groups[0]["members"]] == ["member", "leader"]


def test_inline_sentence_and_separate_leader_sentence_with_longer_name():
    groups, _ = one(
        "Chiều 29/3, tại Hội trường Quỹ Đầu tư phát triển tỉnh Bắc Ninh, Khối tổ chức Hội nghị. "
        "Khối thi đua các Sở, ban, ngành kinh tế, kỹ thuật gồm các đơn vị: Sở Công thương, Sở Xây dựng, "
        "Quỹ Đầu tư phát triển tỉnh. Quỹ Đầu tư phát triển tỉnh Bắc Ninh được phân công là đơn vị Trưởng khối thi đua năm 2024.")
    g = groups[0]
    assert g["name"] == "Khối thi đua các Sở, ban, ngành kinh tế, kỹ thuật"
    assert len(g["members"]) == 3
    assert g["leader"] == "Quỹ Đầu tư phát triển tỉnh Bắc Ninh"
    assert g["members"][2]["role"] == "leader"  # the member entry is spelled shorter


def test_roles_through_a_persons_post_not_trưởng_ban():
    groups, _ = one(
        "Hội nghị do đồng chí A Lăng Mai – Trưởng Ban Dân tộc tỉnh, Khối trưởng Khối thi đua chủ trì; "
        "đồng chí Đặng Văn Đào- Giám đốc Sở Tư pháp, Khối phó Khối thi đua đồng chủ trì.\n"
        "Năm 2022, Khối thi đua các cơ quan tham mưu I có 3 đơn vị thành viên, bao gồm: các sở Nội vụ, Tư pháp; Ban Dân tộc tỉnh.")
    g = groups[0]
    assert g["leader"] == "Ban Dân tộc tỉnh" and g["deputies"] == ["Sở Tư pháp"]
    assert g["stated_member_count"] == 3 and len(g["members"]) == 3


def test_ranking_is_not_a_role_and_repeated_paragraph_counts_once():
    para = ("Hội nghị thống nhất suy tôn huyện Bắc Sơn đứng thứ nhất cụm, thứ nhì huyện Hữu Lũng. "
            "Hội nghị cũng đã bầu huyện Hữu Lũng là trưởng cụm, huyện Bắc Sơn là phó cụm thi đua năm 2013.")
    groups, _ = one(para + "\nNgày 18/1/2013, Cụm thi đua các huyện nội địa gồm: Văn Quan, Bắc Sơn, Hữu Lũng và "
                    "thành phố Lạng Sơn đã tổ chức hội nghị.\n" + para)
    g = groups[0]
    assert [m["name"] for m in g["members"]] == ["Văn Quan", "Bắc Sơn", "Hữu Lũng", "thành phố Lạng Sơn"]
    assert g["leader"] == "huyện Hữu Lũng" and g["deputies"] == ["huyện Bắc Sơn"]


def test_truncated_text_drops_the_cut_item_and_warns():
    groups, warnings = one("1. Cụm 4:\n- Huyện Bình Chánh\n- Huyện Củ Chi\n- Huyện H")
    assert [m["name"] for m in groups[0]["members"]] == ["Huyện Bình Chánh", "Huyện Củ Chi"]
    assert any("Huyện H" in w for w in warnings)


def test_stated_count_mismatch_warns():
    _, warnings = one("I. KHỐI CÁC CƠ QUAN TỔNG HỢP (gồm 03 đơn vị)\n1. Sở Nội vụ;\n2. Sở Tư pháp.")
    assert any("khác với" in w for w in warnings)


def test_appendix_table_with_title_rows_and_note_column():
    doc = Document(path="t.docx", sha256="0" * 64, format="docx")
    doc.add_table([["STT", "Tên đơn vị", "Ghi chú"],
                   ["I. KHỐI CÁC CƠ QUAN TỔNG HỢP (02 đơn vị)", None, None],
                   ["1", "Sở Nội vụ", "Trưởng khối"], ["2", "Sở Tư pháp", "Phó khối"],
                   ["II. KHỐI VĂN HÓA - XÃ HỘI (01 đơn vị)", None, None], ["1", "Sở Y tế", ""]], None, 1)
    groups, _ = find_rosters(doc)
    assert [g["name"] for g in groups] == ["Khối các cơ quan tổng hợp", "Khối văn hóa - xã hội"]
    assert groups[0]["leader"] == "Sở Nội vụ" and groups[0]["deputies"] == ["Sở Tư pháp"]
    assert groups[1]["members"][0]["name"] == "Sở Y tế"


def test_group_column_merged_over_members():
    doc = Document(path="t.docx", sha256="0" * 64, format="docx")
    doc.add_table([["Khối thi đua", "STT", "Đơn vị", "Ghi chú"],
                   ["Khối tham mưu I", "1", "Sở Nội vụ", "Khối trưởng"], [None, "2", "Sở Tài chính", "Khối phó"],
                   ["Khối tham mưu II", "1", "Sở Xây dựng", ""]], None, 1)
    groups, _ = find_rosters(doc)
    assert [len(g["members"]) for g in groups] == [2, 1]
    assert groups[0]["leader"] == "Sở Nội vụ"


def test_separate_article_assigns_roles_to_listed_groups():
    groups, _ = one("""
I. KHỐI CÁC CƠ QUAN THAM MƯU TỔNG HỢP (gồm 02 đơn vị)
1. Sở Tài chính;
2. Thanh tra tỉnh.
Điều 2. Phân công Trưởng khối, Phó Trưởng khối năm 2025:
1. Khối các cơ quan tham mưu tổng hợp: Trưởng khối: Sở Tài chính; Phó Trưởng khối: Thanh tra tỉnh.
""")
    assert len(groups) == 1
    assert groups[0]["leader"] == "Sở Tài chính" and groups[0]["deputies"] == ["Thanh tra tỉnh"]


def test_text_without_roster_has_no_groups():
    groups, _ = one("Căn cứ Luật Thi đua, khen thưởng;\nĐiều 1. Ban hành Quy chế tổ chức và hoạt động Cụm, Khối thi đua.")
    assert groups == []


def test_one_row_per_group_with_role_columns():
    doc = Document(path="t.docx", sha256="0" * 64, format="docx")
    doc.add_table([["TT", "Tên Khối thi đua", "Đơn vị thành viên", "Trưởng khối", "Phó khối"],
                   ["1", "Khối các cơ quan tổng hợp", "Sở Nội vụ\nSở Tài chính\nThanh tra tỉnh", "Sở Tài chính", "Thanh tra tỉnh"],
                   ["2", "Khối văn hóa - xã hội", "Sở Y tế\nQuỹ Đầu tư phát triển tỉnh", "Quỹ Đầu tư phát triển tỉnh Hà Tĩnh", ""]],
                  None, 1)
    groups, _ = find_rosters(doc)
    assert [[m["name"] for m in g["members"]] for g in groups] == [
        ["Sở Nội vụ", "Sở Tài chính", "Thanh tra tỉnh"], ["Sở Y tế", "Quỹ Đầu tư phát triển tỉnh"]]
    assert groups[0]["leader"] == "Sở Tài chính" and groups[0]["deputies"] == ["Thanh tra tỉnh"]
    assert groups[1]["members"][1]["role"] == "leader"


def test_pdf_cell_line_breaks_wrap_long_names():
    doc = Document(path="t.pdf", sha256="0" * 64, format="pdf")
    doc.add_table([["STT", "Tên đơn vị", "Ghi chú"], ["I. KHỐI KINH TẾ", None, None],
                   ["1", "Ban Quản lý khu vực phát triển\nĐô thị Bắc Ninh", "Trưởng khối"]], 3, 1)
    groups, _ = find_rosters(doc)
    assert groups[0]["members"][0]["name"] == "Ban Quản lý khu vực phát triển Đô thị Bắc Ninh"


def test_a_short_last_word_is_not_a_cut():
    groups, warnings = find_rosters(text_doc("1. Cụm 1:\n- Huyện Bình Chánh\n- Huyện Tiên Du"))
    assert [m["name"] for m in groups[0]["members"]] == ["Huyện Bình Chánh", "Huyện Tiên Du"] and not warnings[:-1]
    groups, _ = find_rosters(text_doc("1. Cụm 1:\n- Huyện Bình Chánh\n- Huyện Th"))
    assert [m["name"] for m in groups[0]["members"]] == ["Huyện Bình Chánh"]
