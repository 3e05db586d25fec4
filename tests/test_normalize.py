import pytest

from pipeline.units.normalize import fix_tone_placement, fold_diacritics, heading_case, nfc, unit_key


@pytest.mark.parametrize("old,new", [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("Uỷ ban", "Ủy ban"), ("thuỷ lợi", "thủy lợi"),
    ("khoẻ", "khỏe"), ("Thuỵ", "Thụy"), ("HOÀ", "HÒA"), ("hoá", "hóa"),
])
def test_tone_placement_moves_to_the_first_vowel(old, new):
    assert fix_tone_placement(old) == new


@pytest.mark.parametrize("word", ["quý", "Hoàng", "thuyền", "hòa", "Quỳnh", "khoảng"])
def test_tone_placement_leaves_other_syllables(word):
    assert fix_tone_placement(word) == word


def test_nfd_input_becomes_nfc():
    import unicodedata
    assert nfc(unicodedata.normalize("NFD", "Quyết định")) == "Quyết định"


@pytest.mark.parametrize("a,b", [
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Nông nghiệp & PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Quỹ Đầu tư phát triển tỉnh Bắc Ninh", "Quỹ Đầu tư phát triển tỉnh"),
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
])
def test_unit_key_joins_spellings(a, b):
    assert unit_key(a) == unit_key(b)


def test_unit_key_keeps_city_committees_apart():
    assert unit_key("UBND thành phố Sầm Sơn") != unit_key("UBND thành phố Thanh Hóa")


def test_fold_diacritics_folds_d():
    assert fold_diacritics("Quyết định Đồng") == "quyet dinh dong"


def test_heading_case():
    assert heading_case("TỈNH BẮC NINH") == "tỉnh Bắc Ninh"


@pytest.mark.parametrize("short,full", [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"), ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"), ("UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"), ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"), ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"), ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"), ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("BQL các KCN", "Ban Quản lý các khu công nghiệp"), ("UBND TP. Bắc Ninh", "Ủy ban nhân dân thành phố Bắc Ninh"),
    ("UBND TX. Quế Võ", "Ủy ban nhân dân thị xã Quế Võ"), ("Sở GTVT", "Sở Giao thông vận tải"),
    ("Liên minh HTX tỉnh", "Liên minh hợp tác xã tỉnh"),
])
def test_every_abbreviation(short, full):
    assert unit_key(short) == unit_key(full)


@pytest.mark.parametrize("old,new", [("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
                                     ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
                                     ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")])
def test_every_tone_on_every_pair(old, new):
    assert fix_tone_placement("h" + old) == "h" + new
    assert fix_tone_placement("H" + old.upper()) == "H" + new.upper()
