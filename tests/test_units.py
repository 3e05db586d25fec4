import shutil
from datetime import date

import pytest

from pipeline.corrections import registry_edit

from pipeline.units import registry as units
from pipeline.units.registry import resolve, successions_of, successor_on

D2024, D2026 = date(2024, 2, 15), date(2026, 1, 22)


def test_one_unit_written_five_ways_gets_one_id():
    ids = {resolve(n, "Bắc Ninh", D2024)["unit_id"] for n in [
        "Sở NN&PTNT", "Sở Nông nghiệp & PTNT", "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Nông nghiệp và PTNT tỉnh Bắc Ninh", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"]}
    assert ids == {"bac-ninh:so-nong-nghiep-va-phat-trien-nong-thon"}


def test_same_pattern_in_two_provinces_is_two_units():
    assert resolve("Sở Nội vụ", "Bắc Ninh", D2024)["unit_id"] != resolve("Sở Nội vụ", "Quảng Nam", D2024)["unit_id"]


def test_province_suffix_and_province_name_forms():
    assert resolve("Quỹ Đầu tư phát triển tỉnh Bắc Ninh", "Bắc Ninh", D2024)["unit_id"] == "bac-ninh:quy-dau-tu-phat-trien"
    assert resolve("Báo Quảng Nam", "Quảng Nam", D2024)["unit_id"] == "quang-nam:bao-tinh"


def test_implied_prefix():
    assert resolve("Nội vụ", "Quảng Nam", D2024, implied="Sở")["unit_id"] == "quang-nam:so-noi-vu"


def test_districts_and_wards_come_from_the_territorial_data():
    r = resolve("UBND huyện Hậu Lộc", "Thanh Hóa", D2024)
    assert r["unit_id"] == "thanh-hoa:huyen-hau-loc" and r["method"] == "territory"
    assert resolve("Phường Kinh Bắc", "Bắc Ninh", D2026)["unit_id"] == "bac-ninh-2025:phuong-kinh-bac"


def test_fuzzy_match_has_a_score_and_unknown_names_have_candidates():
    r = resolve("Sở Văn hoá, Thể thao và Du lich", "Bắc Ninh", D2024)
    assert r["method"] == "fuzzy" and r["score"] >= 92 and r["unit_id"] == "bac-ninh:so-van-hoa-the-thao-va-du-lich"
    r = resolve("Trường Chính trị Trần Phú", "Hà Tĩnh", D2024)
    assert r["unit_id"] is None and r["candidates"][0]["name"] == "Trường Chính trị tỉnh"


def test_2025_department_mergers_and_the_province_merger():
    assert successor_on("bac-ninh:so-nong-nghiep-va-phat-trien-nong-thon", date(2025, 4, 1)) == \
        "bac-ninh:so-nong-nghiep-va-moi-truong"
    assert successor_on("bac-ninh:so-nong-nghiep-va-phat-trien-nong-thon", D2026) == \
        "bac-ninh-2025:so-nong-nghiep-va-moi-truong"
    assert successor_on("bac-giang:so-noi-vu", D2026) == "bac-ninh-2025:so-noi-vu"  # former Bắc Giang too
    assert successor_on("bac-ninh:huyen-tien-du", D2026) is None  # district level abolished
    assert successor_on("lang-son:so-noi-vu", D2026) == "lang-son:so-noi-vu"  # a province that did not merge
    s = successions_of("bac-ninh:so-ke-hoach-va-dau-tu")[0]
    assert (s["to"], s["relation"], s["effective"]) == ("bac-ninh:so-tai-chinh", "merged_into", "2025-03-01") and s["source"]


def test_a_unit_that_no_longer_exists_is_marked_invalid_on_that_date():
    assert resolve("Sở Kế hoạch và Đầu tư", "Bắc Ninh", D2026)["valid"] is False
    assert resolve("Sở Kế hoạch và Đầu tư", "Bắc Ninh", D2024)["valid"] is True


@pytest.fixture
def registry_copy(tmp_path, monkeypatch):
    """The user's registry beside a database: `units add` writes there, never into the package."""
    target = tmp_path / "registry"
    monkeypatch.setenv(units.USER_REGISTRY_ENV, str(target))
    units.load_registry.cache_clear()
    yield target
    units.load_registry.cache_clear()


def test_teaching_the_registry(registry_copy):
    package = {p: p.read_bytes() for p in units.REGISTRY_DIR.rglob("*.csv")}
    assert resolve("Trường Chính trị Trần Phú", "Hà Tĩnh", D2024)["unit_id"] is None
    registry_edit.add_unit("Trường Chính trị Trần Phú", "Hà Tĩnh", unit_id="ha-tinh:truong-chinh-tri-tinh", on="2024-02-01")
    assert resolve("Trường Chính trị Trần Phú", "Hà Tĩnh", D2024)["unit_id"] == "ha-tinh:truong-chinh-tri-tinh"
    registry_edit.add_unit("Trường Cao đẳng Kỹ thuật Việt - Đức Hà Tĩnh", "Hà Tĩnh", kind="truong", on="2024-02-01")
    assert resolve("Trường Cao đẳng Kỹ thuật Việt - Đức Hà Tĩnh", "Hà Tĩnh", D2024)["method"] == "alias"
    assert {p: p.read_bytes() for p in units.REGISTRY_DIR.rglob("*.csv")} == package  # the package is untouched
    assert (registry_copy / "provinces" / "ha-tinh.csv").is_file()
