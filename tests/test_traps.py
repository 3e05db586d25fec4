"""One test per trap listed in issue 3 that test_groups.py does not already cover."""
from datetime import date

from extractors.dates import find_dates
from extractors.extract import extract
from extractors.rosters import find_rosters
from extractors.metadata import find_metadata
from tests.helpers import text_doc


def groups_of(text):
    return find_rosters(text_doc(text))[0]


def test_lam_khoi_truong_lam_khoi_pho():
    g = groups_of("Khối thi đua Văn hóa gồm các đơn vị: Sở Y tế, Sở Văn hóa, Thể thao và Du lịch và Báo Bắc Ninh. "
                  "Sở Văn hóa, Thể thao và Du lịch làm khối trưởng, Báo Bắc Ninh làm khối phó.")[0]
    assert [m["name"] for m in g["members"]] == ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Báo Bắc Ninh"]
    assert g["leader"] == "Sở Văn hóa, Thể thao và Du lịch" and g["deputies"] == ["Báo Bắc Ninh"]


def test_semicolon_list_with_count_and_numbered_deputies():
    g = groups_of("Khối thi đua tổng hợp gồm 3 đơn vị: Sở Nội vụ; Sở Tài chính; Thanh tra tỉnh.\n"
                  "- Trưởng khối: Sở Nội vụ\n- Phó khối 1: Sở Tài chính\n- Phó khối 2: Thanh tra tỉnh")[0]
    assert g["stated_member_count"] == 3 and len(g["members"]) == 3
    assert g["leader"] == "Sở Nội vụ" and g["deputies"] == ["Sở Tài chính", "Thanh tra tỉnh"]


def test_dash_unit_truong_khoi_and_comma_inside_group_name():
    g = groups_of("II. KHỐI CÁC CƠ QUAN THAM MƯU, TỔNG HỢP (gồm 02 đơn vị):\n"
                  "1. Sở Nội vụ - đơn vị trưởng khối;\n2. Sở Tư pháp.")[0]
    assert g["name"] == "Khối các cơ quan tham mưu, tổng hợp"
    assert g["leader"] == "Sở Nội vụ" and g["stated_member_count"] == 2


def test_venue_and_guests_are_not_roles():
    g = groups_of("Sáng 27/3, tại Hội trường Sở Y tế, Khối thi đua văn hóa tổ chức Hội nghị. Dự có đồng chí "
                  "Nguyễn Văn A, Phó Giám đốc Sở Nội vụ. Khối thi đua văn hóa gồm các đơn vị: Sở Y tế, Báo Bắc Ninh.")[0]
    assert g["leader"] is None and g["deputies"] == []


def test_date_forms():
    lines = text_doc("10:02, 24/02/2023\nNgày 24-2, Khối họp.\nKý ngày 15-02-2024 và ngày 15 tháng 02 năm 2024.").lines()
    got = {(d["date"], d["role"]) for d in find_dates(lines, date(2023, 2, 24), is_news=True)}
    assert ("2023-02-24", "published") in got and ("2023-02-24", "event") in got
    assert ("2024-02-15", "other") in got


def test_mixed_case_symbols_and_spaces_around_the_slash():
    for line, number in [("Số: 12 / QyĐ-UBND", "12/QyĐ-UBND"), ("Số: 30/CTr-UBND", "30/CTr-UBND"),
                         ("Số: 7/TTr-SNV", "7/TTr-SNV")]:
        assert find_metadata(text_doc(line).lines())["number"] == number


def test_non_decision_gets_no_invented_groups():
    rec = extract(text_doc("UBND TỈNH BẮC NINH\nSố: 23/BC-UBND\nBÁO CÁO\nKết quả công tác thi đua năm 2024\n"
                           "Các Cụm, Khối thi đua đã ký giao ước; Khối văn hóa dẫn đầu."))
    assert rec["doc_type"] == "bao_cao" and rec["groups"] == []


def test_roster_year_from_the_roster_sentence_not_the_meeting():
    rec = extract(text_doc("Tổng kết\nNgày 13/01/2023, Khối tổ chức Hội nghị tổng kết năm 2022.\n"
                           "Năm 2022, Khối thi đua các cơ quan tham mưu I có 2 đơn vị thành viên, bao gồm: "
                           "Sở Nội vụ, Sở Tư pháp."))
    assert rec["year"] == 2022


def test_unstated_roster_year_is_null_with_a_warning():
    rec = extract(text_doc("Số: 957/UBND-VX\nV/v điều chỉnh cụm thi đua\n1. Cụm 1:\n- Quận 1\n- Quận 3\n+ Cụm trưởng: Quận 1"))
    assert rec["year"] is None and any("năm" in w for w in rec["warnings"])


def test_hdnd_inside_a_name_and_chanh_thanh_tra_post():
    g = groups_of("Hội nghị do đồng chí Lê Thị C – Chánh Thanh tra tỉnh, Phó Trưởng khối, đồng chủ trì.\n"
                  "Khối thi đua tổng hợp gồm 2 đơn vị: Văn phòng Đoàn ĐBQH và HĐND tỉnh, Thanh tra tỉnh.")[0]
    assert [m["name"] for m in g["members"]] == ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Thanh tra tỉnh"]
    assert g["deputies"] == ["Thanh tra tỉnh"]


def test_publication_stamp_with_weekday():
    meta = find_metadata(text_doc("Cụm thi đua số 1 ký kết giao ước\nThứ Năm, 10/03/2022 | 16:20\nSáng 9/3, …").lines())
    assert meta["issued_date"] == date(2022, 3, 10)
