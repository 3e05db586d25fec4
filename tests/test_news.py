"""News items: publication stamps, datelines, headlines, roster year (issue 16, item 5).

Each fixture is one construction written for the test, in the forms news portals print."""
from datetime import date

import pytest

from extractors.dates import byline_date, dateline, find_dates, stamp_date
from extractors.extract import extract
from extractors.metadata import find_metadata
from extractors.news import find_headline
from tests.helpers import text_doc

BODY = "Sáng 11/3, tại Hội trường Sở Tư pháp, Khối thi đua Nội chính tổ chức Hội nghị ký kết giao ước thi đua."


@pytest.mark.parametrize("stamp, day", [
    ("01/04/2024 08:00", date(2024, 4, 1)),
    ("08:02, 15/02/2014", date(2014, 2, 15)),
    ("17:30 07/10/2021", date(2021, 10, 7)),
    ("12/03/2025 | 08:30", date(2025, 3, 12)),
    ("Thứ Hai, 12/03/2025 08:30 (GMT+7)", date(2025, 3, 12)),
    ("Thứ 2, 12/12/2022 | 17:58:17", date(2022, 12, 12)),
    ("Thứ Bảy, 15/3/2025, 13:43[GMT+7]", date(2025, 3, 15)),
    ("Cập nhật: 08:30 12/03/2025", date(2025, 3, 12)),
    ("Cập nhật:02/12/2022 9:18:04 SA", date(2022, 12, 2)),
    ("Cập nhật: 17-11-2022 | 08:56:50", date(2022, 11, 17)),
    ("( Cập nhật lúc: 09/01/2023  )", date(2023, 1, 9)),
    ("Đăng ngày: Thứ Ba, 05/03/2024 - 09:45", date(2024, 3, 5)),
    ("Ngày đăng: 12/3/2025", date(2025, 3, 12)),
    ("Ngày xuất bản: 12 tháng 3 năm 2025", date(2025, 3, 12)),
    ("22/02/2025 10:15 Số lượt xem: 214", date(2025, 2, 22)),
    ("Đã đăng vào 22/02/2024 lúc 14:14Sáng 22/2, tại Nha Trang, Khối …", date(2024, 2, 22)),
])
def test_publication_stamp_forms(stamp, day):
    assert stamp_date(stamp)[0] == day
    meta = find_metadata(text_doc(f"Khối thi đua Nội chính ký kết giao ước thi đua năm 2025\n{stamp}\n{BODY}").lines())
    assert meta["doc_type"] == "tin_bai" and meta["issued_date"] == day


def test_a_dateline_is_not_a_stamp():
    assert stamp_date("Ngày 12/3/2025, Khối thi đua Nội chính tổ chức hội nghị.") is None
    assert stamp_date("Chiều 29/3, tại Hội trường") is None


@pytest.mark.parametrize("line, day", [("Bá Tài | 12/03/2025", date(2025, 3, 12)),
                                       ("Thu Hà - 12/03/2025 08:30", date(2025, 3, 12)),
                                       ("Theo Báo Bắc Ninh, 12/3/2025", date(2025, 3, 12))])
def test_byline_with_a_date(line, day):
    assert byline_date(line) == day


def test_dated_byline_at_the_end_is_the_publication():
    text = "\n".join(["Khối thi đua Nội chính ký kết giao ước thi đua năm 2025", BODY,
                      "Các đơn vị thống nhất nội dung giao ước.", "Dự hội nghị có lãnh đạo các đơn vị.",
                      "Hội nghị kết thúc cùng ngày.", "Năm 2025 Khối phấn đấu hoàn thành nhiệm vụ.",
                      "Các đơn vị ký giao ước.", "Hội nghị thành công tốt đẹp.", "Thu Hà | 12/03/2025"])
    assert find_metadata(text_doc(text).lines())["issued_date"] == date(2025, 3, 12)


def test_labelled_publication_before_an_update_stamp():
    text = f"Khối thi đua Nội chính ký kết giao ước thi đua năm 2025\nCập nhật: 14/03/2025 10:00\nNgày đăng: 12/03/2025\n{BODY}"
    assert find_metadata(text_doc(text).lines())["issued_date"] == date(2025, 3, 12)


@pytest.mark.parametrize("line, got", [
    ("Ngày 12/3/2025, Khối thi đua tổ chức hội nghị.", (12, 3, 2025)),
    ("Sáng 12-3, tại Sở Tư pháp, Khối họp.", (12, 3, None)),
    ("(Baobacninh) - Ngày 13/11, Khối thi đua họp.", (13, 11, None)),
    ("LSO-Ngày 18/1/2013, Cụm thi đua họp.", (18, 1, 2013)),
    ("(NTO) Ngày 10-12, tại Công ty May, Khối họp.", (10, 12, None)),
    ("CTO - Chiều 4-3, Khối thi đua họp.", (4, 3, None)),
    ("Chiều ngày 01 tháng 3 năm 2017 tại phòng họp UBND thành phố", (1, 3, 2017)),
    ("Ngày 13.1.2021 khối thi đua các cơ quan văn hóa xã hội đã tổ chức hội nghị", (13, 1, 2021)),
])
def test_dateline_forms(line, got):
    d = dateline(line)
    assert (d["day"], d["month"], d["year"]) == got


def test_dateline_year_comes_from_the_stamp_and_is_never_invented():
    with_stamp = text_doc(f"Khối thi đua ký kết giao ước\nThứ Năm, 13/03/2025 | 16:20\n{BODY}").lines()
    events = [d for d in find_dates(with_stamp, date(2025, 3, 13), True) if d["role"] == "event"]
    assert [(e["date"], e.get("year_inferred")) for e in events] == [("2025-03-11", True)]
    without = text_doc(f"Khối thi đua ký kết giao ước\n{BODY}").lines()
    assert not [d for d in find_dates(without, None, True) if d["role"] == "event"]


def test_published_date_is_a_date_record():
    lines = text_doc("Khối thi đua ký kết giao ước\nĐã đăng vào 22/02/2024 lúc 14:14Sáng 22/2, tại Nha Trang, Khối họp.").lines()
    got = {(d["date"], d["role"]) for d in find_dates(lines, date(2024, 2, 22), True)}
    assert got == {("2024-02-22", "published"), ("2024-02-22", "event")}


HEADLINE = "Khối thi đua Nội chính ký kết giao ước thi đua năm 2025"


@pytest.mark.parametrize("above", [
    "Trang chủ > Tin tức > Thi đua - Khen thưởng",
    "Tin tức » Hoạt động",
    "Cổng thông tin điện tử Sở Nội vụ tỉnh Hà Tĩnh",
    "baobacninh.vn",
    "TIN TỨC",
    "12/03/2025 | 08:30",
    "Tin, ảnh: Thu Hà",
    "Ảnh: Khối thi đua ký giao ước",
    ".",
])
def test_headline_skips_page_chrome(above):
    lines = text_doc(f"{above}\n{HEADLINE}\n{BODY}").lines()
    assert find_headline(lines)[0] == HEADLINE


@pytest.mark.parametrize("first", [
    BODY,
    "(Baonghean.vn) - Ngày 13/11, Khối Thi đua các cơ quan Đảng tổ chức Hội nghị tổng kết năm 2015.",
    "Chiều 26-11, tại phường Bến Cát, Cụm thi đua số 10 gồm các phường tổ chức bình chọn kết quả thi đua năm 2025",
    "Vừa qua, Cụm thi đua số 6 gồm 5 đơn vị đã tổ chức Hội nghị giao ban công tác thi đua năm 2015.",
    "Đến dự Hội nghị có đồng chí Lê Văn A, Phó Trưởng Ban Thi đua – Khen thưởng tỉnh và các thành viên trong khối.",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy Hà Văn B; lãnh đạo các cơ quan, đơn vị thuộc Khối thi đua số 6 dự lễ khai mạc.",
])
def test_a_text_that_starts_with_its_body_has_no_headline(first):
    lines = text_doc(f"{first}\nKhối thi đua gồm 5 đơn vị.").lines()
    assert find_headline(lines)[0] is None


def test_headline_forms_kept():
    for head in ["• Khối thi đua Mặt trận-Đoàn thể tỉnh ký kết giao ước thi đua năm 2018",
                 "Lễ ký kết giao ước thi đua khối ngân hàng I - Năm 2019.",
                 "TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2020 KHỐI NỘI CHÍNH TỈNH QUẢNG NAM",
                 "Ngân hàng Ngoại thương (Vietcombank) dẫn đầu"]:
        assert find_headline(text_doc(f"{head}\n{BODY}").lines())[0] == head.lstrip("• ")


def test_html_title_without_the_site_name():
    lines = text_doc(BODY).lines()
    title = f"{HEADLINE} - Cổng thông tin điện tử Sở Nội vụ tỉnh Bắc Ninh"
    assert find_headline(lines, title)[0] == HEADLINE


def year_of(text: str) -> int | None:
    return extract(text_doc(text))["year"]


@pytest.mark.parametrize("text, year", [
    # the year reviewed, not the next year's tasks
    ("Khối thi đua Nội chính tổng kết công tác thi đua\nNgày 13/11, Khối Thi đua các cơ quan Đảng tổ chức Hội nghị "
     "tổng kết phong trào thi đua, khen thưởng năm 2015, thảo luận nhiệm vụ trọng tâm năm 2016.", 2015),
    # a role stated for a year beats the year reviewed
    ("Khối thi đua tổng kết năm 2022\nChiều ngày 02/12, Khối tổ chức hội nghị tổng kết công tác thi đua năm 2022.\n"
     "Huyện A và huyện B được bầu làm Trưởng khối và Phó Trưởng khối năm 2023.", 2023),
    # an election with no unit named says nothing about the roster year
    ("Khối thi đua các doanh nghiệp tổng kết năm 2023\nCông ty X là đơn vị Trưởng khối thi đua năm 2023.\n"
     "Hội nghị đã thông qua báo cáo tổng kết năm 2023; bầu đơn vị Trưởng khối năm 2024.", 2023),
    # a year stated before the list it qualifies; last year's leader recalled
    ("Cụm thi đua số 1 ký kết giao ước thi đua năm 2024\nNăm 2023, UBND thành phố A (đơn vị Trưởng Cụm năm 2023) "
     "điều hành Cụm.\nTheo Quyết định số 226/QĐ-UBND về việc phân chia Cụm, Khối thi đua năm 2024, Cụm thi đua số 1 "
     "gồm 06 đơn vị.", 2024),
    # last year's roster recalled, this year's leader elected
    ("Khối thi đua kinh tế triển khai nhiệm vụ\nNăm 2024, Khối có 10 đơn vị, do Sở Giao thông vận tải làm Trưởng Khối.\n"
     "Sở Nông nghiệp và Môi trường được suy tôn là đơn vị Trưởng Khối năm 2025.", 2025),
    # "năm nay" is the dateline's year
    ("Khối thi đua Nội chính ký giao ước\nNgày 12/3/2025, Khối thi đua Nội chính ký giao ước.\n"
     "Năm nay Sở Tư pháp là đơn vị trưởng khối.", 2025),
    # a horizon, a range, a school year and a full date are not roster years
    ("Khối thi đua họp\nChiều ngày 01 tháng 3 năm 2016, Khối thi đua các trường ký giao ước năm học 2016 - 2017 "
     "về xây dựng tỉnh đến năm 2030, tầm nhìn đến năm 2045, sau 5 năm 2011 – 2015.", None),
    # nothing said: null, never a guess from the stamp
    ("Khối thi đua Nội chính ký giao ước\n01/04/2024 08:00\nChiều 29/3, Khối thi đua Nội chính ký giao ước thi đua.", None),
])
def test_news_roster_year(text, year):
    assert year_of(text) == year


@pytest.mark.parametrize("above", ["SỞ NỘI VỤ TỈNH HÀ TĨNH", "Ban Thi đua - Khen thưởng tỉnh Quảng Trị",
                                   "Toàn cảnh Hội nghị tổng kết Cụm thi đua số 4",
                                   "Đồng chí Nguyễn Văn A, Giám đốc Sở Tư pháp phát biểu tại Hội nghị."])
def test_headline_skips_publisher_names_and_captions(above):
    assert find_headline(text_doc(f"{above}\n{HEADLINE}\n{BODY}").lines())[0] == HEADLINE


@pytest.mark.parametrize("first", [
    "ủy ban nhân dân tỉnh và các đơn vị trong Khối thi đua đã ký kết giao ước thi đua năm 2024.",
    "Hội nghị đã thống nhất bình chọn các đơn vị dẫn đầu phong trào thi đua của Khối năm 2024.",
    "Khối thi đua các cơ quan Nội chính tỉnh gồm 9 đơn vị thành viên, cụ thể:",
])
def test_a_cut_or_plain_sentence_is_not_a_headline(first):
    assert find_headline(text_doc(f"{first}\n{BODY}").lines())[0] is None


def test_an_amending_decision_has_the_year_of_the_rosters_it_changes():
    rec = extract(text_doc("UBND TỈNH BẮC NINH\nSố: 615/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc sửa đổi, bổ sung Quyết định số "
                           "138/QĐ-UBND ngày 15 tháng 02 năm 2023 của UBND tỉnh về việc tổ chức các Khối thi đua năm 2024\n"
                           "Điều 1. Sửa đổi, bổ sung Quyết định số 138/QĐ-UBND như sau:\n"
                           "1. Bổ sung Sở Ngoại vụ vào Khối thi đua các cơ quan tổng hợp.\n"))
    assert rec["changes"][0]["op"] == "add_member" and rec["year"] == 2024  # not the 2024 of the full date


def test_a_dated_byline_is_a_published_date_record():
    lines = text_doc(f"Khối thi đua ký kết giao ước\n{BODY}\nThu Hà | 12/03/2025").lines()
    got = [(d["date"], d["role"]) for d in find_dates(lines, date(2025, 3, 12), True)]
    assert ("2025-03-12", "published") in got and ("2025-03-12", "other") not in got


def test_a_headline_with_a_kicker_on_its_own_line_is_one_headline():
    from extractors.document import Line
    from extractors.news import find_headline
    lines = [Line("Khối thi đua các trường đại học:", None, 1), Line("", None, 2),
             Line("Đẩy mạnh phong trào thi đua dạy tốt, học tốt", None, 3),
             Line("Ngày 5-3, Khối thi đua các trường đại học gồm 4 trường: Trường Đại học A, Trường Đại học B.", None, 4)]
    assert find_headline(lines)[0] == "Khối thi đua các trường đại học: Đẩy mạnh phong trào thi đua dạy tốt, học tốt"
    # a list's introduction is not a kicker
    intro = [Line("Khối thi đua gồm:", None, 1), Line("Sở Y tế, Sở Tài chính", None, 2)]
    assert find_headline(intro)[0] is None
