"""Registry resolution for every province, and the province of a document (issue 16).

Each case is one construction of unit names or province evidence, written for the test."""
from datetime import date

import pytest

from pipeline.units import territory
from pipeline.units.registry import document_province, resolve, successor_on, unit_row

D2019, D2024, D2025, D2026 = date(2019, 6, 1), date(2024, 6, 1), date(2025, 11, 1), date(2026, 1, 22)


@pytest.mark.parametrize("name, province, unit_id", [
    # the same departments and agencies in any province
    ("Sở Nội vụ", "Hà Tĩnh", "ha-tinh:so-noi-vu"),
    ("Sở TN-MT", "Bà Rịa - Vũng Tàu", "ba-ria-vung-tau:so-tai-nguyen-va-moi-truong"),
    ("Sở GT-VT", "Bà Rịa - Vũng Tàu", "ba-ria-vung-tau:so-giao-thong-van-tai"),
    ("sở VHTT& DL", "Yên Bái", "yen-bai:so-van-hoa-the-thao-va-du-lich"),
    ("Bảo hiểm XH tỉnh", "Yên Bái", "yen-bai:bao-hiem-xa-hoi"),
    ("Đài PTTH Yên Bái", "Yên Bái", "yen-bai:dai-phat-thanh-va-truyen-hinh"),
    # Party organs of a province
    ("Ban Tuyên giáo Tỉnh ủy", "Cà Mau", "ca-mau:ban-tuyen-giao-tinh-uy"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "Nghệ An", "nghe-an:uy-ban-kiem-tra-tinh-uy"),
    ("Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy", "Cà Mau", "ca-mau:ban-bao-ve-cham-soc-suc-khoe-can-bo-tinh"),
    ("Văn phòng Thành ủy", "Cần Thơ", "can-tho:van-phong-tinh-uy"),
    # courts, enforcement, border guards
    ("Cục Thi hành án Dân sự", "Ninh Thuận", "ninh-thuan:cuc-thi-hanh-an-dan-su-tinh"),
    ("Bộ Chỉ huy BĐBP tỉnh", "Quảng Nam", "quang-nam:bo-chi-huy-bo-doi-bien-phong-tinh"),
    # central agencies and enterprises named after the province
    ("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Thái Bình", "Thái Bình", "thai-binh:ngan-hang-nha-nuoc-chi-nhanh-tinh"),
    ("Chi cục Hải quan Thái Bình", "Thái Bình", "thai-binh:chi-cuc-hai-quan-tinh"),
    ("Công ty Điện lực Ninh Thuận", "Ninh Thuận", "ninh-thuan:cong-ty-dien-luc-tinh"),
    ("Công ty TNHH MTV Xổ số kiến thiết Bắc Ninh", "Bắc Ninh", "bac-ninh:cong-ty-xo-so-kien-thiet-tinh"),
    # bank branches in their word orders and abbreviations
    ("CN NH BIDV Thừa Thiên Huế", "Huế", "hue:ngan-hang-bidv-tinh"),
    ("Ngân hàng Đầu tư và Phát triển chi nhánh Huế", "Huế", "hue:ngan-hang-bidv-tinh"),
    ("NH Chính sách xã hội", "Vĩnh Long", "vinh-long:ngan-hang-chinh-sach-xa-hoi-tinh"),
    ("Ngân hàng (NH) Nhà nước", "Vĩnh Long", "vinh-long:ngan-hang-nha-nuoc-chi-nhanh-tinh"),
    # schools: an abbreviation, and the province's name written in lower case
    ("trường CĐYT Cần Thơ", "Cần Thơ", "can-tho:truong-cao-dang-y-te-tinh"),
    ("trường CĐ Nghề Cần thơ", "Cần Thơ", "can-tho:truong-cao-dang-nghe-tinh"),
])
def test_standard_units_resolve_in_any_province(name, province, unit_id):
    assert resolve(name, province, D2019)["unit_id"] == unit_id


@pytest.mark.parametrize("name, province, on, unit_id", [
    ("Huyện ủy Ea H’leo", "Đắk Lắk", D2019, "dak-lak:huyen-ea-h-leo~huyen-uy"),
    ("Thị ủy Buôn Hồ", "Đắk Lắk", D2019, "dak-lak:thi-xa-buon-ho~huyen-uy"),
    ("Trung tâm Chính trị Định Hóa", "Thái Nguyên", D2019, "thai-nguyen:huyen-dinh-hoa~trung-tam-chinh-tri"),
    ("UBMTTQ huyện Cần Giờ", "Hồ Chí Minh", D2019, "ho-chi-minh:huyen-can-gio~ubmttq"),
    ("Văn phòng Đảng ủy phường Bến Cát", "Hồ Chí Minh", D2025, "ho-chi-minh-2025:phuong-ben-cat~van-phong-dang-uy"),
])
def test_units_of_every_district_and_commune(name, province, on, unit_id):
    r = resolve(name, province, on)
    assert (r["unit_id"], r["method"]) == (unit_id, "local")
    assert unit_row(unit_id)["name"].startswith(("Huyện ủy", "Trung tâm", "Ủy ban", "Văn phòng"))


def test_a_district_party_committee_ends_with_the_districts():
    assert successor_on("dak-lak:huyen-ea-h-leo~huyen-uy", D2026) is None
    assert successor_on("dak-lak:huyen-ea-h-leo~huyen-uy", D2024) == "dak-lak:huyen-ea-h-leo~huyen-uy"


def test_party_and_enforcement_successions_of_2025():
    assert successor_on("ca-mau:ban-dan-van-tinh-uy", date(2025, 4, 1)) == "ca-mau:ban-tuyen-giao-va-dan-van-tinh-uy"
    assert successor_on("ninh-thuan:cuc-thi-hanh-an-dan-su-tinh", date(2025, 4, 1)) == "ninh-thuan:thi-hanh-an-dan-su-tinh"
    assert resolve("Ban Dân vận Tỉnh ủy", "Cà Mau", D2026)["valid"] is False


def test_districts_that_ended_before_the_data_begins():
    assert resolve("Quận 2", "Hồ Chí Minh", date(2009, 3, 12))["unit_id"] == "ho-chi-minh:quan-2"
    assert successor_on("ho-chi-minh:quan-2", D2024) == "ho-chi-minh:thanh-pho-thu-duc"


def test_unknown_local_names_stay_unknown():
    assert resolve("Công ty Cổ phần Sài Gòn - Ninh Chữ", "Ninh Thuận", D2019)["unit_id"] is None
    assert resolve("Huyện ủy Không Có", "Đắk Lắk", D2019)["unit_id"] is None


@pytest.mark.parametrize("text, province", [
    ("Khối thi đua tỉnh Quảng Nam tổng kết. Tại Sở Tư pháp tỉnh Quảng Nam, …", "Quảng Nam"),
    # 'Hồ Chí Minh' alone is the President, not the city
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Sở Tư pháp tỉnh Ninh Thuận", "Ninh Thuận"),
    ("Cụm thi đua của TP. Hồ Chí Minh họp", "Hồ Chí Minh"),
    # the longest name first: 'Lạng Sơn là' is not 'Sơn La'
    ("thành phố Lạng Sơn là đơn vị dẫn đầu, huyện Bắc Sơn", "Lạng Sơn"),
    # a capitalised name only: 'hòa bình' is peace
    ("giữ vững hòa bình, ổn định; Hội Nông dân tỉnh Yên Bái", "Yên Bái"),
    # a dash written any way
    ("Khối kinh tế tỉnh Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("Chi nhánh Ngân hàng Công thương Thừa Thiên Huế", "Huế"),
])
def test_province_named_in_the_text(text, province):
    assert territory.most_mentioned_province(text) == province


@pytest.mark.parametrize("text, province", [
    ("(Baonghean.vn) - Ngày 13/11, Khối Thi đua các cơ quan Đảng tổ chức Hội nghị.", "Nghệ An"),
    ("LSO-Ngày 18/1/2013, Cụm thi đua các huyện nội địa tổ chức hội nghị.", "Lạng Sơn"),
    ("Khối thi đua ký giao ước\n(NTO) Ngày 10-12, tại Công ty May, Khối họp.", "Ninh Thuận"),
])
def test_province_of_the_newspaper(text, province):
    assert territory.province_from_press(text) == province


def test_province_from_the_districts_and_wards_named():
    text = "Cụm thi đua số 6 gồm 5 đơn vị: Huyện ủy Ea H’leo, Krông Pắc, Krông Búk, Krông Năng và Thị ủy Buôn Hồ."
    assert territory.province_from_places(territory.place_names(text), D2019) == "Đắk Lắk"
    # Trà Vinh's districts became communes of the new Vĩnh Long: the date decides
    text = "Cụm thi đua 1 (gồm 4 huyện: Duyên Hải, Cầu Ngang, Trà Cú và Châu Thành) tổng kết."
    assert territory.province_from_places(territory.place_names(text), date(2012, 2, 29)) == "Trà Vinh"
    assert territory.province_from_places(territory.place_names(text), D2026) == "Vĩnh Long"
    # one place is not enough
    assert territory.province_from_places(["Krông Pắc"], D2019) is None


def test_document_province_order_and_source():
    record = {"issuer": "UBND tỉnh Hà Tĩnh", "place": None, "groups": [], "issued_date": "2024-03-01", "year": 2024}
    assert document_province(record, "(Baonghean.vn) - Ngày 13/11") == ("Hà Tĩnh", "issuer")
    news = {"issuer": None, "place": None, "groups": [], "issued_date": None, "year": 2016}
    assert document_province(news, "(Baonghean.vn) - Ngày 13/11, tỉnh Hà Tĩnh") == ("Nghệ An", "press")
    assert document_province(news, "Hội nghị của tỉnh Hà Tĩnh") == ("Hà Tĩnh", "text")
    text = "Vừa qua, Cụm thi đua số 6 gồm: Huyện ủy Ea H’leo, Krông Pắc, Krông Búk và Thị ủy Buôn Hồ họp."
    assert document_province(news, text) == ("Đắk Lắk", "places")
    assert document_province(news, "Khối thi đua Nội chính tỉnh họp.") == (None, None)


@pytest.mark.parametrize("name, province, unit_id", [
    ("UBND TP. Long Xuyên", "An Giang", "an-giang:thanh-pho-long-xuyen"),
    ("UBND huyện Đakrông", "Quảng Trị", "quang-tri:huyen-da-krong"),
    ("UBND huyện đảo Cồn Cỏ", "Quảng Trị", "quang-tri:huyen-con-co"),
    ("Đài PT-TH TP Cần Thơ", "Cần Thơ", "can-tho:dai-phat-thanh-va-truyen-hinh"),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Vĩnh Long", "Vĩnh Long",
     "vinh-long:van-phong-doan-dbqh-va-hdnd-tinh"),
    ("Bộ CHQS tỉnh", "Bình Phước", "binh-phuoc:bo-chi-huy-quan-su-tinh"),
    ("Sở Văn hóa và Thể thao", "Bình Định", "binh-dinh:so-van-hoa-va-the-thao"),
])
def test_written_forms_of_places_and_abbreviations(name, province, unit_id):
    assert resolve(name, province, D2024)["unit_id"] == unit_id


def test_province_from_towns_written_with_tp():
    text = ("Sáng ngày 08/3, tại Hội trường UBND thành phố Châu Đốc, Cụm thi đua số 1 họp. Năm 2023, UBND TP. Long "
            "Xuyên điều hành Cụm; UBND thị xã Tân Châu, UBND huyện Thoại Sơn cùng tham dự.")
    assert territory.province_from_places(territory.place_names(text), D2024) == "An Giang"


def test_one_place_named_in_a_local_unit_is_enough():
    news = {"issuer": None, "place": None, "year": 2021, "issued_date": None,
            "groups": [{"members": [], "leader": "Trung tâm Chính trị Định Hóa"}]}
    assert document_province(news, "Trung tâm Chính trị Định Hóa được bầu làm Cụm trưởng.") == ("Thái Nguyên", "places")
    news["groups"][0]["leader"] = "Định Hóa"  # a bare place, alone, is not enough
    assert document_province(news, "Định Hóa được bầu làm Cụm trưởng.") == (None, None)


def test_regional_agencies_of_march_2025():
    r = resolve("Kho bạc Nhà nước khu vực XI", "Quảng Trị", date(2025, 4, 1))
    assert (r["unit_id"], r["method"]) == ("quang-tri:kho-bac-nha-nuoc-khu-vuc", "pattern")
    assert successor_on("quang-tri:kho-bac-nha-nuoc-tinh", date(2025, 4, 1)) == "quang-tri:kho-bac-nha-nuoc-khu-vuc"
    assert successor_on("quang-tri:cuc-thong-ke-tinh", D2026) == "quang-tri-2025:chi-cuc-thong-ke-tinh"
