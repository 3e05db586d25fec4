from extractors.rosters.mentions import split_members
from pipeline.units.names import clean_item, same_unit, starts_with_head


def names(text):
    return [it.name for it in split_members(text)]


def test_comma_inside_a_name_is_kept():
    assert names("Sở Y tế, Sở Văn hóa, Thể thao và Du lịch, Sở Giáo dục và Đào tạo") == [
        "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"]


def test_shared_prefix_gives_one_unit_per_name():
    items = split_members("các sở Nội vụ, Tài chính, Tư pháp; Ban Dân tộc tỉnh")
    assert [(it.name, it.implied) for it in items] == [("Nội vụ", "Sở"), ("Tài chính", "Sở"), ("Tư pháp", "Sở"),
                                             ("Ban Dân tộc tỉnh", None)]


def test_va_splits_only_before_a_unit():
    assert names("Văn phòng UBND tỉnh và Thanh tra tỉnh") == ["Văn phòng UBND tỉnh", "Thanh tra tỉnh"]
    assert names("Sở Khoa học và Công nghệ, Hiệp hội doanh nghiệp nhỏ và vừa tỉnh") == [
        "Sở Khoa học và Công nghệ", "Hiệp hội doanh nghiệp nhỏ và vừa tỉnh"]
    assert names("Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh") == [
        "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]
    assert names("Sở Lao động - Thương binh và Xã hội") == ["Sở Lao động - Thương binh và Xã hội"]


def test_semicolon_list():
    assert names("Sở Tài chính; Sở Nội vụ; Thanh tra tỉnh") == ["Sở Tài chính", "Sở Nội vụ", "Thanh tra tỉnh"]


def test_role_suffixes():
    assert clean_item("1. UBND huyện A (Cụm trưởng);") == ("UBND huyện A", "leader")
    assert clean_item("Hội Liên hiệp Phụ nữ tỉnh – trưởng khối thi đua năm 2024.") == ("Hội Liên hiệp Phụ nữ tỉnh", "leader")
    assert clean_item("Sở Xây dựng - đơn vị Phó trưởng khối") == ("Sở Xây dựng", "deputy")


def test_heads():
    assert starts_with_head("Tỉnh đoàn")
    assert not starts_with_head("Hội nghị tổng kết")
    assert not starts_with_head("ban, ngành")


def test_same_unit():
    assert same_unit("huyện Hữu Lũng", "Hữu Lũng")
    assert not same_unit("Sở Nội vụ", "Sở Tư pháp")
